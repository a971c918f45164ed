#!/usr/bin/env bash
# What the map and reduce steps cost, for the "Past one machine" section of BENCHMARKS.md
# (issue 14): on the generated corpus of scripts/bench.sh, per size,
#
#   - the map step on one core (RAYON_NUM_THREADS=1, pinned with taskset): wall and CPU seconds
#     per article, peak RSS, and the size of the records it writes;
#   - the reduce step over those records (`--reduce --format json`): wall and CPU seconds, peak
#     RSS, and whether its JSON is byte for byte the single run's (sha256);
#   - the single run over the same folder (`--format json`, all cores): wall seconds, peak RSS.
#
#   scripts/bench-scale.sh                  10k and 100k articles
#   SIZES="10000" scripts/bench-scale.sh
#
# Environment: SIZES (default "10000 100000"), SEED (42), CORPUS (target/bench-corpus, shared
# with scripts/bench.sh), CARGO_TARGET_DIR (as cargo). The records go to a scratch folder under
# target/ and are removed at the end. Prints a Markdown table; MB are 10^6 bytes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=${SIZES:-"10000 100000"}
seed=${SEED:-42}
corpus=${CORPUS:-$root/target/bench-corpus}
target_dir=${CARGO_TARGET_DIR:-$root/target}
bin=$target_dir/release/reconcile
generate=$target_dir/release/examples/generate
work=$(mktemp -d "$target_dir/bench-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT

say() { printf '%s\n' "$*" >&2; }
[ -x /usr/bin/time ] || { say "bench-scale: GNU time is needed (apt-get install time)"; exit 2; }
one_core=""
command -v taskset >/dev/null && one_core="taskset -c 0"

say "building release binary and generator"
cargo build --release --quiet --bin reconcile --example generate

# Runs "$@" under GNU time with standard output to $out; prints "wall cpu peak_rss_kb" and
# fails on an exit status other than 0 or 1 (1: contradictions found).
out=/dev/null
timed() {
    local status=0
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$out" || status=$?
    [ "$status" -le 1 ] || { say "bench-scale: $* exited $status"; exit 1; }
    # The last line: GNU time puts "Command exited with non-zero status 1" before it.
    tail -n 1 "$work/time" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }

echo "| articles | map 1 core s | map CPU µs/article | map RSS MB | records MB | bytes/record | reduce s | reduce CPU s | reduce RSS MB | single run s | single RSS MB | identical |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|"
for n in $sizes; do
    dir=$corpus/$n
    if [ ! -d "$dir" ] || [ "$(find "$dir" -name '*.txt' | wc -l)" != "$n" ]; then
        say "generating $n articles (seed $seed) in $dir"
        rm -rf "$dir"
        "$generate" --seed "$seed" --count "$n" --out "$dir" >/dev/null
    fi
    cat "$dir"/*/*.txt >/dev/null 2>&1 || true # warm the page cache
    say "$n: map on one core"
    out=$work/records.jsonl
    read -r map_wall map_cpu map_rss < <(RAYON_NUM_THREADS=1 timed $one_core "$bin" --map "$dir")
    records=$(stat -c %s "$work/records.jsonl")
    say "$n: reduce"
    out=$work/reduced.json
    read -r red_wall red_cpu red_rss < <(timed "$bin" --reduce "$work/records.jsonl" --format json)
    reduced_sum=$(sha256sum <"$work/reduced.json" | cut -d' ' -f1)
    rm -f "$work/reduced.json"
    say "$n: single run"
    out=$work/single.json
    read -r one_wall _ one_rss < <(timed "$bin" "$dir" --format json)
    single_sum=$(sha256sum <"$work/single.json" | cut -d' ' -f1)
    rm -f "$work/single.json" "$work/records.jsonl"
    same=no
    [ "$reduced_sum" = "$single_sum" ] && same=yes
    echo "| $n | $map_wall | $(calc "$map_cpu * 1000000 / $n" 0) | $(calc "$map_rss / 1000" 0) | $(calc "$records / 1000000" 0) | $(calc "$records / $n" 0) | $red_wall | $red_cpu | $(calc "$red_rss / 1000" 0) | $one_wall | $(calc "$one_rss / 1000" 0) | $same |"
done
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
