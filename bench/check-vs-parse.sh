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
echo "backlog: $data/backlog.json ($(du -m "$data/backlog.json" | cut -f1) MB)"
cd "$data"
for ((i = 1; i <= rounds; i++)); do
  if ((i % 2)); then
    run bare dotnet "$bare" backlog.json
    run check dotnet "$cli" check --anatomy anatomy.yml --backlog backlog.json --format json
  else
    run check dotnet "$cli" check --anatomy anatomy.yml --backlog backlog.json --format json
    run bare dotnet "$bare" backlog.json
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
for name in ("bare", "check"):
    wall = [w for w, _, _ in runs[name]]
    cpu = [c for _, c, _ in runs[name]]
    s[name] = (statistics.mean(wall), statistics.median(wall), min(wall), statistics.median(cpu), max(kb for _, _, kb in runs[name]) / 1024)
    print(f"{name:5}  wall mean {s[name][0]:.3f} s  median {s[name][1]:.3f} s  min {s[name][2]:.3f} s  |  CPU median {s[name][3]:.2f} s  |  peak RSS {s[name][4]:.0f} MB  ({len(wall)} runs)")
print(f"ratio check/bare  wall mean {s['check'][0] / s['bare'][0]:.2f}  median {s['check'][1] / s['bare'][1]:.2f}  min {s['check'][2] / s['bare'][2]:.2f}  |  CPU median {s['check'][3] / s['bare'][3]:.2f}")
EOF
