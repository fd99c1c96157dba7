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

# AnatomyBot resolves to the native package on Linux x64 (docs/dotnet-tool.md), which needs an x86-64-v3 processor
# (AVX2, BMI1/2, FMA, LZCNT, MOVBE); on an older one the framework-dependent package is installed by its own name.
package=AnatomyBot
if [ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ]; then
  flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2 || true) "
  for flag in avx avx2 bmi1 bmi2 fma abm movbe f16c; do
    [[ "$flags" == *" $flag "* ]] || package=AnatomyBot.any
  done
fi

if [ -x "$tool_path/anatomybot" ] || [ -x "$tool_path/anatomybot.exe" ]; then
  echo "anatomybot is already installed in $tool_path"
elif [ -z "$version" ]; then
  action_path="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
  package_folder="$work/package"
  rm -rf "$package_folder"
  # Packed from source, the tool is the framework-dependent package only: compiling the native one would add minutes
  # to every job that uses the action, for a check that takes a second either way. A pinned version gets the native
  # package where it runs.
  dotnet pack "$action_path/src/AnatomyBot.Cli" -c Release -r any -p:PublishAot=false -o "$package_folder" -nologo
  package=AnatomyBot.any
  packed=$(ls "$package_folder"/AnatomyBot.any.*.nupkg)
  version=$(basename "$packed" .nupkg)
  version="${version#AnatomyBot.any.}"
  source="$package_folder"
  # Only this folder may supply the package: a same-named package on another feed must not win.
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' >"$work/nuget.config"
  (cd "$work" && dotnet tool install --tool-path "$tool_path" --add-source "$source" --version "$version" "$package")
else
  dotnet tool install --tool-path "$tool_path" --add-source "$source" --version "$version" "$package"
fi

echo "$tool_path" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
"$tool_path/anatomybot" --version
