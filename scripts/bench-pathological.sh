#!/usr/bin/env bash
# Times the release binary on pathological inputs at growing sizes and prints a table, so that
# quadratic behaviour shows as a ratio near 16 (instead of 4) between a size and four times it.
#
#   scripts/bench-pathological.sh          sizes n and 4n for every case, 10 MB without newline
#   LIMIT=60 scripts/bench-pathological.sh stop a case after LIMIT seconds (default 120)
#
# Inputs are generated in a temporary folder; nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
# BIN=path/to/reconcile times another build instead of building this one.
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
fi
bin="${BIN:-$PWD/target/release/reconcile}"
limit="${LIMIT:-120}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# name | repeated unit | n
cases=(
  "meeting sentence, no newline|عقد وزراء خارجية التحالف اجتماعا في الرياض يوم الاثنين 9 شباط 2026 بمشاركة 90 عضوا |100"
  "meeting sentence per line|عقد وزراء خارجية التحالف اجتماعا في الرياض يوم الاثنين 9 شباط 2026 بمشاركة 90 عضوا\n|100"
  "weekday after weekday|الاثنين |5000"
  "number after number|90 |100000"
  "one letter|ا|500000"
  "proclitic only|و |200000"
  "combining marks|\u064e|500000"
  "city per line|الرياض\n|100000"
  "latin, 10 MB in all at 4n|x|2500000"
)

run_case() { # file → "seconds bytes_of_json"
  local start end status
  start=$(date +%s.%N)
  status=0
  timeout "$limit" "$bin" --format json --fail-on never "$1" > "$tmp/out.json" 2>/dev/null || status=$?
  end=$(date +%s.%N)
  if [ "$status" = 124 ]; then
    echo "timeout -"
  else
    echo "$(echo "$end - $start" | bc) $(stat -c %s "$tmp/out.json")"
  fi
}

printf '%-32s %10s %9s %12s %10s %9s %12s %7s\n' case "n bytes" "n s" "n json" "4n bytes" "4n s" "4n json" ratio
for entry in "${cases[@]}"; do
  IFS='|' read -r name unit n <<<"$entry"
  python3 - "$unit" "$n" "$tmp/small.txt" "$tmp/large.txt" <<'PY'
import sys
# Only two escapes are used in the cases: \n and \u064e (command substitution would eat a
# trailing newline, so they are expanded here).
unit = sys.argv[1].replace("\\n", "\n").replace("\\u064e", "\u064e")
n = int(sys.argv[2])
open(sys.argv[3], "w").write(unit * n)
open(sys.argv[4], "w").write(unit * (4 * n))
PY
  read -r s1 j1 < <(run_case "$tmp/small.txt")
  read -r s4 j4 < <(run_case "$tmp/large.txt")
  ratio="-"
  if [ "$s1" != timeout ] && [ "$s4" != timeout ]; then
    ratio=$(echo "scale=1; $s4 / ($s1 + 0.001)" | bc)
  fi
  printf '%-32s %10s %9s %12s %10s %9s %12s %7s\n' "$name" "$(stat -c %s "$tmp/small.txt")" "$s1" "$j1" \
    "$(stat -c %s "$tmp/large.txt")" "$s4" "$j4" "$ratio"
done
