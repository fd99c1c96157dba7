#!/usr/bin/env bash
# Mutation testing (Stryker.NET) of Core's rule files: closure, gap rules, path globs, reference lines, policy
# resolution, reconcile and label planning, anatomy lint. Takes about ten minutes on two cores, so it is not part of
# .ci/run. The score and the surviving mutants are explained in docs/testing.md.
#
#   bash tests/mutation.sh                 # all listed files; report in StrykerOutput/<date>/reports
#   bash tests/mutation.sh '**/PathGlob.cs' # only the files matching the given globs
#
# Files are named by file name, not folder, so the globs survive moves inside src/AnatomyBot.Core.
# STRYKER_CONCURRENCY (default 1) sets the number of parallel test sessions; STRYKER_BREAK_AT (default 90) the score
# below which the script exits non-zero.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

files=(
  '**/ClosureResolver.cs'
  '**/GapEvaluator.cs'
  '**/PathGlob.cs'
  '**/ReferenceLine.cs'
  '**/PolicyResolver.cs'
  '**/ReconcilePlanner.cs'
  '**/LabelPlanner.cs'
  '**/AnatomyLinter.cs'
)
if [ "$#" -gt 0 ]; then files=("$@"); fi

break_at="${STRYKER_BREAK_AT:-90}"
mutate=()
for glob in "${files[@]}"; do mutate+=(--mutate "$glob"); done

cd "$root"
dotnet tool restore >/dev/null
cd "$root/tests/AnatomyBot.Core.Tests"
# The MTP runner: Stryker's default VSTest runner cannot switch mutants inside an xunit v3 test process.
# stryker-config.json gives each mutant's test run 15 s beyond the unmutated run's time, so a busy machine does not turn
# a surviving mutant into a "timeout" (which counts as detected); a mutant that really loops forever still times out.
dotnet stryker \
  --config-file ../stryker-config.json \
  --test-runner mtp \
  --project AnatomyBot.Core.csproj \
  --concurrency "${STRYKER_CONCURRENCY:-1}" \
  --break-at "$break_at" --threshold-low "$break_at" --threshold-high 100 \
  --reporter progress --reporter cleartext --reporter json --reporter html \
  --output "$root/StrykerOutput/$(date -u +%Y-%m-%dT%H-%M-%S)" \
  "${mutate[@]}"
