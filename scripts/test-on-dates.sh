#!/usr/bin/env bash
# Runs the tests with the clock set to the days Paperboy's date rules treat specially: a Saturday,
# a Sunday, a Monday, the 1st of a month and 1 January (the next ones after today, at 10:00 UTC).
# libfaketime (Debian package "faketime") moves the clock of Node, the Vitest workers and
# Chromium alike, so the extension's worker sees the same day as the tests and the fake source.
# Firefox ESR does not start under libfaketime (it hangs), so the Firefox smoke test is left out.
# Not part of `npm test`: the whole suite five times takes about half an hour on an idle 2-core
# machine (unit about 3 min, Chromium e2e about 4 min per instant; the summary prints each).
#
#   scripts/test-on-dates.sh                       unit + Chromium e2e on the five days
#   scripts/test-on-dates.sh --unit                unit tests only (--e2e: e2e only)
#   scripts/test-on-dates.sh --at 2027-01-01T00:30:00Z [--at …]   these instants instead
#   scripts/test-on-dates.sh tests/unit/sync.test.ts tests/e2e/faults.e2e.ts   only these files
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null; then
  echo "test-on-dates: needs libfaketime (apt-get install -y faketime)" >&2
  exit 2
fi

run_unit=1
run_e2e=1
instants=()
unit_files=()
e2e_files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --unit) run_e2e=0 ;;
    --e2e) run_unit=0 ;;
    --at) shift; instants+=("${1:?--at needs an instant, e.g. 2027-01-01T10:00:00Z}") ;;
    --at=*) instants+=("${1#--at=}") ;;
    *.e2e.ts) e2e_files+=("$1") ;;
    *.test.ts | *.test.tsx) unit_files+=("$1") ;;
    *) echo "test-on-dates: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
# Naming files picks what runs: only the kinds named.
if [ $((${#unit_files[@]} + ${#e2e_files[@]})) -gt 0 ]; then
  [ ${#unit_files[@]} -gt 0 ] || run_unit=0
  [ ${#e2e_files[@]} -gt 0 ] || run_e2e=0
fi

if [ ${#instants[@]} -eq 0 ]; then
  at() { echo "${1}T10:00:00Z"; }
  first_of_month=$(date -u -d "$(date -u +%Y-%m-01) +1 month" +%F)
  # 1 January has a run of its own: take the 1st of another month.
  [ "${first_of_month:5:2}" = 01 ] && first_of_month=$(date -u -d "$first_of_month +1 month" +%F)
  instants=(
    "$(at "$(date -u -d 'next saturday' +%F)")"
    "$(at "$(date -u -d 'next sunday' +%F)")"
    "$(at "$(date -u -d 'next monday' +%F)")"
    "$(at "$first_of_month")"
    "$(at "$(($(date -u +%Y) + 1))-01-01")"
  )
fi

if [ $run_e2e = 1 ]; then
  # Both builds, as `npm run test:e2e` makes: one e2e file compares the two manifests.
  { npx wxt build && npx wxt build -b firefox; } >/dev/null || { echo "test-on-dates: build failed" >&2; exit 1; }
fi

# Children (Vitest workers, Chromium's processes) keep the parent's fake clock instead of
# starting again at the instant.
export FAKETIME_DONT_RESET=1
summary=()
failed=0
for instant in "${instants[@]}"; do
  epoch=$(date -u -d "$instant" +%s) || { echo "test-on-dates: not an instant: $instant" >&2; exit 2; }
  # faketime reads its start time in the local time zone.
  local_start=$(date -d "@$epoch" '+%Y-%m-%d %H:%M:%S')
  on() { faketime -f "@$local_start" "$@"; }
  seen=$(on node -e 'process.stdout.write(new Date().toISOString())')
  label="$(date -u -d "@$epoch" '+%a %F %H:%M') UTC"
  echo "=== $label (the tests' clock reads $seen)"
  if [ "${seen:0:10}" != "$(date -u -d "@$epoch" +%F)" ]; then
    echo "test-on-dates: the clock did not move (libfaketime not working?)" >&2
    exit 1
  fi
  if [ $run_unit = 1 ]; then
    started=$SECONDS
    on npx vitest run "${unit_files[@]}"
    code=$?
    summary+=("$label  unit  $([ $code = 0 ] && echo pass || echo FAIL)  $((SECONDS - started)) s")
    [ $code = 0 ] || failed=1
  fi
  if [ $run_e2e = 1 ]; then
    started=$SECONDS
    on npx vitest run --config vitest.e2e.config.ts "${e2e_files[@]}"
    code=$?
    summary+=("$label  e2e   $([ $code = 0 ] && echo pass || echo FAIL)  $((SECONDS - started)) s")
    [ $code = 0 ] || failed=1
  fi
done

echo
echo "=== test-on-dates summary"
printf '%s\n' "${summary[@]}"
exit $failed
