#!/usr/bin/env bash
# check's whole-process speed against a bare JsonDocument.Parse of the same file, both as whole processes.
#
#   bash bench/check-vs-parse.sh [ROUNDS] [ITEMS]      (defaults: 10 rounds, 100000 items)
#
# Builds the CLI and the bare parser (Release), writes the synthetic anatomy and backlog once (to
# $ANATOMYBOT_BENCH_DIR, default /tmp/anatomybot-check-ITEMS), then runs the two alternately, ROUNDS times each, the
# order swapped every round, so that whatever else loads the machine hits both alike:
#   check:  dotnet anatomybot.dll check --anatomy anatomy.yml --backlog backlog.json --format json > /dev/null
#   bare:   dotnet AnatomyBot.BareParse.dll backlog.json > /dev/null
# Prints each run's wall time, CPU time (user + system) and peak RSS (/usr/bin/time), then per command the mean,
# median and minimum, the ratios check / bare, the largest peak RSS, and the load average before and after. On a loaded
# machine wall time follows CPU time (check spreads over the cores, the bare parse is one thread), so both are shown.
# Target: the ratio of medians at most 1.5; check's peak RSS under 500 MB.
#
# ANATOMYBOT_BENCH_AOT=1 also publishes both programs with Native AOT for linux-x64 (into $data/aot/ISA, gcc as the
# linker, optimised for speed) for each instruction set in ANATOMYBOT_BENCH_AOT_ISA (space-separated; default `native`:
# this machine's, as the JIT uses; `default` is the compiler's baseline; `x86-64-v3` the one the native tool package
# ships with; about 10-20 minutes per set, by load) and adds the native executables to the same rotation (named
# bare-ISA and check-ISA), so every form meets the same load; the ratios are then given for each form of check against
# each form of the bare parse.
# The packages' assembly-level trimming and AOT warnings (Octokit, Azure.Data.Tables, Azure.Monitor.OpenTelemetry.AspNetCore)
# are not errors for this publish: bench/README.md says what they mean.
set -euo pipefail

rounds=${1:-10}
items=${2:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
data=${ANATOMYBOT_BENCH_DIR:-/tmp/anatomybot-check-$items}

if [[ "${ANATOMYBOT_BENCH_NO_BUILD:-}" != "1" ]]; then
  dotnet build "$root/src/AnatomyBot.Cli" -c Release --nologo -v quiet > /dev/null
  dotnet build "$root/bench/AnatomyBot.BareParse" -c Release --nologo -v quiet > /dev/null
fi

cli=$root/src/AnatomyBot.Cli/bin/Release/net10.0/anatomybot.dll
bare=$root/bench/AnatomyBot.BareParse/bin/Release/net10.0/AnatomyBot.BareParse.dll
if [[ ! -f "$data/backlog.json" ]]; then
  dotnet run --project "$root/bench/AnatomyBot.Benchmarks" -c Release -- generate-check "$data" "$items"
fi

aot=${ANATOMYBOT_BENCH_AOT:-}
read -r -a isas <<< "${ANATOMYBOT_BENCH_AOT_ISA:-native}"
if [[ "$aot" == "1" && "${ANATOMYBOT_BENCH_NO_BUILD:-}" != "1" ]]; then
  for isa in "${isas[@]}"; do
    # `default`: the property set empty, which no project file can override, so the compiler takes its baseline.
    isa_property=-p:IlcInstructionSet="$isa"
    [[ "$isa" == "default" ]] && isa_property=-p:IlcInstructionSet=
    for project in src/AnatomyBot.Cli bench/AnatomyBot.BareParse; do
      dotnet publish "$root/$project" -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=gcc \
        "$isa_property" -p:OptimizationPreference=Speed \
        -p:TreatWarningsAsErrors=false --nologo -v quiet -o "$data/aot/$isa/$(basename "$project")" > /dev/null
    done
  done
fi

results=$(mktemp)
trap 'rm -f "$results" "$results.time"' EXIT

# One run: name, then the command; appends "name wall-seconds cpu-seconds peak-kB" to the results.
run() {
  local name=$1
  shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S %M' -o "$results.time" "$@" > /dev/null || [[ $? -le 1 ]] # check exits 1 when gaps reach --fail-on
  end=$(date +%s%N)
  local seconds
  seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
  echo "$name $seconds $(tail -n 1 "$results.time" | awk '{ printf "%.2f %d", $1 + $2, $3 }')" | tee -a "$results"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "backlog: $data/backlog.json ($(du -mL "$data/backlog.json" | cut -f1) MB)"
cd "$data"
check_args=(check --anatomy anatomy.yml --backlog backlog.json --format json)
# One command of the rotation by name.
one() {
  case $1 in
    bare) run bare dotnet "$bare" backlog.json ;;
    check) run check dotnet "$cli" "${check_args[@]}" ;;
    bare-*) run "$1" "$data/aot/${1#bare-}/AnatomyBot.BareParse/AnatomyBot.BareParse" backlog.json ;;
    check-*) run "$1" "$data/aot/${1#check-}/AnatomyBot.Cli/anatomybot" "${check_args[@]}" ;;
  esac
}
forms=(bare)
[[ "$aot" == "1" ]] && for isa in "${isas[@]}"; do forms+=("bare-$isa"); done
forms+=(check)
[[ "$aot" == "1" ]] && for isa in "${isas[@]}"; do forms+=("check-$isa"); done
for ((i = 1; i <= rounds; i++)); do
  if ((i % 2)); then
    for ((f = 0; f < ${#forms[@]}; f++)); do one "${forms[f]}"; done
  else
    for ((f = ${#forms[@]} - 1; f >= 0; f--)); do one "${forms[f]}"; done
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$results" << 'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, seconds, cpu, kb = line.split()
    runs.setdefault(name, []).append((float(seconds), float(cpu), int(kb)))
s = {}
for name in sorted(runs, key=lambda n: (not n.startswith("bare"), n != "bare" and n != "check", n)):
    wall = [w for w, _, _ in runs[name]]
    cpu = [c for _, c, _ in runs[name]]
    s[name] = (statistics.mean(wall), statistics.median(wall), min(wall), statistics.median(cpu), max(kb for _, _, kb in runs[name]) / 1024)
    print(f"{name:16}  wall mean {s[name][0]:.3f} s  median {s[name][1]:.3f} s  min {s[name][2]:.3f} s  |  CPU median {s[name][3]:.2f} s  |  peak RSS {s[name][4]:.0f} MB  ({len(wall)} runs)")
for c in [n for n in s if n.startswith("check")]:
    for b in [n for n in s if n.startswith("bare")]:
        print(f"ratio {c}/{b}  wall mean {s[c][0] / s[b][0]:.2f}  median {s[c][1] / s[b][1]:.2f}  min {s[c][2] / s[b][2]:.2f}  |  CPU median {s[c][3] / s[b][3]:.2f}")
EOF
