#!/usr/bin/env bash
# Installs the anatomybot .NET tool for the GitHub Action (action.yml) and puts it on the PATH of the next steps.
#   ANATOMYBOT_VERSION  version of the AnatomyBot package to install from ANATOMYBOT_SOURCE; empty: pack the tool from
#                       the action's own source ($GITHUB_ACTION_PATH), so the action and the tool always match
#   ANATOMYBOT_SOURCE   NuGet feed or folder (default nuget.org)
# Runner variables read: GITHUB_ACTION_PATH, GITHUB_PATH, RUNNER_TEMP.
set -euo pipefail

version="${ANATOMYBOT_VERSION:-}"
source="${ANATOMYBOT_SOURCE:-https://api.nuget.org/v3/index.json}"
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/anatomybot"
mkdir -p "$work"
# One tool folder per version (or per action checkout when packed from source): a second use of the action in the
# same job reuses it instead of installing over it.
if [ -n "$version" ]; then key="$version"; else key=$(printf '%s' "${GITHUB_ACTION_PATH:-}" | cksum | cut -d' ' -f1); fi
tool_path="$work/tool-$key"

if [ -x "$tool_path/anatomybot" ] || [ -x "$tool_path/anatomybot.exe" ]; then
  echo "anatomybot is already installed in $tool_path"
elif [ -z "$version" ]; then
  action_path="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
  package_folder="$work/package"
  rm -rf "$package_folder"
  dotnet pack "$action_path/src/AnatomyBot.Cli" -c Release -o "$package_folder" -nologo
  package=$(ls "$package_folder"/AnatomyBot.*.nupkg)
  version=$(basename "$package" .nupkg)
  version="${version#AnatomyBot.}"
  source="$package_folder"
  # Only this folder may supply the package: a same-named package on another feed must not win.
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' >"$work/nuget.config"
  (cd "$work" && dotnet tool install --tool-path "$tool_path" --add-source "$source" --version "$version" AnatomyBot)
else
  dotnet tool install --tool-path "$tool_path" --add-source "$source" --version "$version" AnatomyBot
fi

echo "$tool_path" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
"$tool_path/anatomybot" --version
