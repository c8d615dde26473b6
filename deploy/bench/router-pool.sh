#!/usr/bin/env bash
# Pools the rounds of several router benchmark runs and judges the targets on all of them together, with the
# same round-by-round statistic as each run: one run's 40 rounds leave a 95% interval several percent wide,
# and where a median sits within a few percent of a target, runs on a shared VM fall on either side of it.
#
#   make bench-router | tee run1.log; make bench-router | tee run2.log; ...
#   deploy/bench/router-pool.sh run1.log run2.log ...
#
# Reads the per-run lines each run prints. A run repeated because other processes used the machine counts
# once, as in the run itself. Latency rounds are pooled by load (the lower rate of a run is its 50% load, the
# higher its 70%), since each run sets its rates from its own nginx throughput.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/bench/router-benchmark/stats.sh

[ $# -gt 0 ] || { echo "usage: $0 BENCH-OUTPUT..." >&2; exit 2; }

declare -A MEASURED REFERENCE
ORDER=()
while read -r key measured reference; do
  [ -n "${MEASURED[$key]+x}" ] || ORDER+=("$key")
  MEASURED[$key]+="$measured " REFERENCE[$key]+="$reference "
done < <(for log in "$@"; do
  low=$(grep -oE '^  nginx +-r [0-9]+' "$log" | awk '{ print $3 }' | sort -n | head -n 1)
  # Drops a run followed by the note that it was run again.
  awk '/running it again/ { drop = 1; next } { if (NR > 1 && !drop) print prev; prev = $0; drop = 0 }
       END { if (!drop) print prev }' "$log" |
  awk -v low="$low" '
    function pair(key, a, b) {
      if (((key, a) in v) && ((key, b) in v)) { print key, v[key, a], v[key, b]; delete v[key, a]; delete v[key, b] } }
    /^  (nginx|router) +-c [0-9]+ / { key = "rps-c" $3; v[key, $1] = $4; pair(key, "router", "nginx") }
    /^  (nginx|router) +-r [0-9]+ / {
      for (i = 1; i <= NF; i++) if ($i == "p99") p99 = $(i + 1)
      key = $3 == low ? "p99-50" : "p99-70"; v[key, $1] = p99; pair(key, "router", "nginx") }
    /^  router-[0-9]+-routes-[0-9]+-hosts / {
      split($1, part, "-"); table = part[2] == 1 ? "one" : part[4] == 1 ? "big" : "spread"; t[table] = $4
      if (("one" in t) && ("big" in t) && ("spread" in t)) {
        print "table-big", t["big"], t["one"]; print "table-spread", t["spread"], t["one"]; delete t } }'
done)

ceiling=$(awk -v t="$TARGET_TABLE_SLOWDOWN_PCT" 'BEGIN { printf "%.2f", 1 - t / 100 }')
echo "Pooled over $# runs (median of the round-by-round ratios, 95% interval, rounds):"
for key in "${ORDER[@]}"; do
  result=$(paired "${MEASURED[$key]}" "${REFERENCE[$key]}")
  rounds=${result##* }
  case $key in
    rps-c*) echo "  -c ${key#rps-c}: requests/s $(ratio_ci "$result") of nginx's, $rounds rounds (target ≥ \
${TARGET_RPS_RATIO}×): $(paired_verdict "$result" ">=" "$TARGET_RPS_RATIO")" ;;
    p99-*) echo "  ${key#p99-}% load: p99 $(ratio_ci "$result") of nginx's, $rounds rounds (target ≤ \
${TARGET_P99_RATIO}×): $(paired_verdict "$result" "<=" "$TARGET_P99_RATIO")" ;;
    table-big) echo "  large table, same traffic: requests/s $(ratio_ci "$result") of 1 route's, $rounds rounds \
(target: under ${TARGET_TABLE_SLOWDOWN_PCT}% slower): $(paired_verdict "$result" ">=" "$ceiling")" ;;
    table-spread) echo "  large table, requests over all services: requests/s $(ratio_ci "$result") of 1 route's, \
$rounds rounds (no target)" ;;
  esac
done
