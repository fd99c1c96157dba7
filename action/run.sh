#!/usr/bin/env bash
# Runs one anatomybot command for the GitHub Action (action.yml), in the repository checkout.
#   ANATOMYBOT_COMMAND  lint | check (default check)
#   ANATOMYBOT_ANATOMY  the anatomy file, relative to the repository root (default anatomy.yml)
#   ANATOMYBOT_FAIL_ON  block | warn | never (default block)
#   GITHUB_TOKEN        what check reads the repository's issues and pull requests with
# Runner variables read: GITHUB_WORKSPACE, GITHUB_REPOSITORY, GITHUB_REF, GITHUB_API_URL (by anatomybot check),
# GITHUB_STEP_SUMMARY.
# Exit codes: 0 passed, 1 findings or gaps that reach fail-on, 2 invalid input or configuration.
set -uo pipefail

command="${ANATOMYBOT_COMMAND:-check}"
anatomy="${ANATOMYBOT_ANATOMY:-anatomy.yml}"
fail_on="${ANATOMYBOT_FAIL_ON:-block}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
# A job summary holds at most 1 MiB per step.
summary_limit=1000000

# Text in a workflow command's message: the runner unescapes %25, %0D and %0A.
escape() {
  local text="${1//'%'/%25}"
  text="${text//$'\r'/%0D}"
  printf '%s' "${text//$'\n'/%0A}"
}

fail() {
  echo "::error title=AnatomyBot::$(escape "$1")"
  exit "${2:-2}"
}

# Appends a Markdown file to the job summary, cut at a line boundary below the size limit.
append_summary() {
  local file="$1" size
  size=$(wc -c <"$file")
  if [ "$size" -le "$summary_limit" ]; then
    cat "$file" >>"$summary"
  else
    head -c "$summary_limit" "$file" | sed '$d' >>"$summary"
    printf '\n_The report is %s bytes; the job summary keeps the first %s._\n' "$size" "$summary_limit" >>"$summary"
  fi
}

case "$command" in lint | check) ;; *) fail "command must be lint or check, not '$command'" ;; esac
case "$fail_on" in block | warn | never) ;; *) fail "fail-on must be block, warn or never, not '$fail_on'" ;; esac
cd "${GITHUB_WORKSPACE:?GITHUB_WORKSPACE is not set}" || fail "cannot enter the workspace $GITHUB_WORKSPACE"
command -v anatomybot >/dev/null || fail "anatomybot is not on the PATH: the install step did not run"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$command" = lint ]; then
  anatomybot lint "$anatomy" --format github | tee "$work/annotations"
  status=${PIPESTATUS[0]}
  anatomybot lint "$anatomy" --format markdown >"$work/report.md" 2>/dev/null
  append_summary "$work/report.md"
  if [ "$status" -eq 2 ]; then exit 2; fi
  if [ "$status" -eq 1 ] && [ "$fail_on" != never ]; then exit 1; fi
  if [ "$fail_on" = warn ] && grep -q '^::warning ' "$work/annotations"; then exit 1; fi
  exit 0
fi

# check reads the repository's open issues live and, on a pull request (GITHUB_REF refs/pull/N/merge), that pull
# request; elsewhere (push, schedule) every open pull request.
check=(check --github "${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}" --anatomy "$anatomy" --format markdown --fail-on "$fail_on")
if [[ "${GITHUB_REF:-}" =~ ^refs/pull/([0-9]+)/ ]]; then check+=(--pull-request "${BASH_REMATCH[1]}"); fi
anatomybot "${check[@]}" >"$work/report.md" 2>"$work/errors"
status=$?
cat "$work/errors" >&2
if [ "$status" -eq 2 ]; then
  message=$(grep -v '^check: read ' "$work/errors" | head -c 4000)
  printf '## AnatomyBot check\n\nNot run: %s\n' "${message:-anatomybot check failed}" >>"$summary"
  fail "${message:-anatomybot check failed}"
fi
append_summary "$work/report.md"
exit "$status"
