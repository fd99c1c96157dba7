#!/usr/bin/env bash
# The native tool package end to end: packs the top-level package AnatomyBot and the native AnatomyBot.linux-x64
# (Native AOT, as the release does), installs AnatomyBot from that local folder into a scratch tool path (so
# `dotnet tool install` picks the native package as on any Linux x64 machine) and runs the installed command against
# the JIT build of the same source:
#   --version                 the package version
#   lint                      the sample anatomy, GitHub format: the same bytes
#   check                     the check fixtures (Azure DevOps and GitHub exports; text, json, markdown): the same
#                             bytes; also the synthetic backlog in $ANATOMYBOT_BENCH_DIR when it holds one (json)
#   demo                      the same text (ports, delivery ids and the demo folder masked)
#
#   bash tests/native-tool.sh [WORK]     (default WORK: a new temporary folder; it keeps the packages and the tool)
#
# Needs Linux x64 with an x86-64-v3 processor and a C toolchain (clang, or gcc: taken when clang is missing); the
# native compilation takes 10-25 minutes on two busy cores. ANATOMYBOT_NATIVE_NO_PACK=1 reuses the packages in WORK.
# Not part of .ci/run (too long); docs/dotnet-tool.md gives its latest result. Exit 0 when every comparison holds.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d /tmp/anatomybot-native-tool.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
project=$root/src/AnatomyBot.Cli
feed=$work/feed
failures=0

if [[ "${ANATOMYBOT_NATIVE_NO_PACK:-}" != "1" ]]; then
  rm -rf "$feed"
  linker=()
  command -v clang > /dev/null || linker=(-p:CppCompilerAndLinker=gcc)
  echo "packing into $feed (native: ${linker[*]:-clang})"
  dotnet build "$project" -c Release -nologo -v quiet > /dev/null
  dotnet pack "$project" -c Release --no-build -o "$feed" -nologo -v quiet
  dotnet pack "$project" -c Release -r linux-x64 "${linker[@]}" -o "$feed" -nologo -v quiet
fi
ls -l "$feed"

# Installed as a user would, from the folder alone: no other package source, an empty package cache.
rm -rf "$work/tool" "$work/packages"
printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' > "$work/nuget.config"
(cd "$work" && NUGET_PACKAGES="$work/packages" dotnet tool install --tool-path "$work/tool" --add-source "$feed" AnatomyBot)
native=$work/tool/anatomybot
target=$(readlink -f "$native")
echo "installed: $native -> $target"
file "$target"

top=$(basename "$(ls "$feed"/AnatomyBot.[0-9]*.nupkg)" .nupkg)
version=${top#AnatomyBot.}
# The JIT build of the same source and version.
dotnet build "$project" -c Release -p:Version="$version" -nologo -v quiet > /dev/null
jit=(dotnet "$project/bin/Release/net10.0/anatomybot.dll")

pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# The installed command is the native executable, not the framework-dependent one.
if file "$target" | grep -q 'ELF 64-bit.*x86-64' && [[ ! -e "$(dirname "$target")/anatomybot.dll" ]]; then
  pass "the installed command is a native x86-64 executable"
else
  fail "the installed command is not the native executable"
fi

# Linked for a fixed address (no start-up relocation of its data): an ELF executable, not a position-independent one.
if readelf -h "$target" | grep -q 'Type: *EXEC'; then
  pass "the native executable is linked for a fixed address"
else
  fail "the native executable is position-independent: $(readelf -h "$target" | grep 'Type:')"
fi

printed=$("$native" --version)
if [[ "$printed" == "$version" || "$printed" == "$version+"* ]]; then pass "--version: $printed"; else fail "--version printed '$printed', the package is $version"; fi

# Runs one command both ways in a folder and compares stdout and the exit code byte for byte.
same() {
  local name=$1 dir=$2
  shift 2
  local a b
  a=$(cd "$dir" && "$native" "$@" > "$work/out.native" 2>&1; echo $?)
  b=$(cd "$dir" && "${jit[@]}" "$@" > "$work/out.jit" 2>&1; echo $?)
  if [[ "$a" == "$b" ]] && cmp -s "$work/out.native" "$work/out.jit"; then
    pass "$name (exit $a, $(wc -c < "$work/out.native") bytes)"
  else
    fail "$name: exit $a against $b"
    diff "$work/out.native" "$work/out.jit" | head -20 || true
  fi
}

same "lint samples/onboarding/anatomy.yml --format github" "$root" lint samples/onboarding/anatomy.yml --format github
fixtures=tests/AnatomyBot.Cli.Tests/Fixtures/Check
for format in text json markdown; do
  for backlog in ado-backlog.json github-issues.json; do
    same "check $backlog --format $format" "$root" check --anatomy "$fixtures/anatomy.yml" --backlog "$fixtures/$backlog" \
      --format "$format" --today 2026-11-20 --fail-on never
  done
done
bench=${ANATOMYBOT_BENCH_DIR:-/tmp/anatomybot-check-100000}
if [[ -f "$bench/backlog.json" ]]; then
  same "check the synthetic backlog in $bench --format json" "$bench" check --anatomy anatomy.yml --backlog backlog.json --format json --fail-on never
else
  echo "skip: no synthetic backlog in $bench"
fi

# demo: ports, delivery ids and the demo folder differ from run to run.
mask() { sed -E 's/127\.0\.0\.1:[0-9]+/127.0.0.1:PORT/g; s/ [0-9a-f]{8}… / ID… /g; s#/anatomybot-demo-[^/ ]+#/DEMO#g' "$1"; }
(cd "$work" && "$native" demo > "$work/demo.native" 2>&1) && a=0 || a=$?
(cd "$work" && "${jit[@]}" demo > "$work/demo.jit" 2>&1) && b=0 || b=$?
if [[ "$a" == 0 && "$b" == 0 ]] && cmp -s <(mask "$work/demo.native") <(mask "$work/demo.jit"); then
  pass "demo (the same $(wc -l < "$work/demo.native") lines, masked)"
else
  fail "demo: exit $a against $b"
  diff <(mask "$work/demo.native") <(mask "$work/demo.jit") | head -20 || true
fi

echo "$failures failure(s); work folder: $work"
exit $((failures > 0))
