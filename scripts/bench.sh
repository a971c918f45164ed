#!/usr/bin/env bash
# Whole-process benchmark of the release binary on generated fixture-like articles.
#
#   scripts/bench.sh                 1k, 10k and 100k articles
#   SIZES="1000 10000" scripts/bench.sh
#
# For each size: MB/s and documents/s of `reconcile DIR --format json > /dev/null` with all
# cores (rayon's default) and with RAYON_NUM_THREADS=1 pinned to one core (taskset), peak
# RSS (/usr/bin/time -v), time per document, and `cat` over the same files as the floor (warm
# page cache for both); then checks
# that the one-thread JSON is byte-identical to the all-cores JSON. Last, start-up plus the five
# fixtures (hyperfine when it can be had, else the mean of 20 runs). Prints Markdown tables.
#
# Environment: SIZES (default "1000 10000 100000"), SEED (42), CORPUS (target/bench-corpus),
# RUNS (timed runs per size up to 10k, median taken; default 3; 100k and more run once),
# FORMAT_SIZE (articles for the table of every output format; default 20000; 0 skips it),
# LIMIT (seconds one reconcile run may take before it is stopped and reported as not finished;
# default 3600), CARGO_TARGET_DIR (as cargo), BENCH_COMMIT (what to print as the commit).
# The corpus is reused when its stamp matches seed, count and generator. MB are 10^6 bytes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=${SIZES:-"1000 10000 100000"}
seed=${SEED:-42}
corpus=${CORPUS:-$root/target/bench-corpus}
runs=${RUNS:-3}
limit=${LIMIT:-3600}
target_dir=${CARGO_TARGET_DIR:-$root/target}
bin=$target_dir/release/reconcile
generate=$target_dir/release/examples/generate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { printf '%s\n' "$*" >&2; }

# Tools: GNU time for peak RSS (Debian package `time`), hyperfine if it can be installed.
if [ ! -x /usr/bin/time ]; then
    say "installing GNU time (/usr/bin/time) with apt-get"
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
if ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing hyperfine with apt-get (optional)"
    apt-get install -y hyperfine >/dev/null 2>&1 || true
fi

# The one-thread baseline runs on one core: besides rayon's pool, a run has a thread that
# writes the report while the pool extracts, which would otherwise take the second core.
one_core=""
command -v taskset >/dev/null && one_core="taskset -c 0"

say "building release binary and generator"
cargo build --release --quiet --bin reconcile --example generate

now() { date +%s.%N; }
# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }

# Runs "$@" (output to /dev/null) under GNU time; prints "wall_seconds peak_rss_kb", or
# "DNF peak_rss_kb" when it ran past $limit seconds.
timed() {
    local start end status
    start=$(now)
    status=0
    /usr/bin/time -v -o "$work/time" timeout "$limit" "$@" >/dev/null 2>"$work/stderr" || status=$?
    end=$(now)
    if [ "$status" -eq 124 ]; then
        printf 'DNF %s\n' "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")"
        return
    fi
    # Exit 1 only says conflicts were found; 2 and more is a failed run.
    if [ "$status" -gt 1 ]; then
        say "failed ($status): $*"
        cat "$work/stderr" >&2
        exit 1
    fi
    printf '%s %s\n' "$(calc "$end - $start" 4)" "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")"
}

rows=()
for n in $sizes; do
    dir=$corpus/$n
    stamp="seed=$seed count=$n generator=$(sha256sum examples/generate.rs | cut -c1-16)"
    if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
        say "generating $n articles in $dir"
        rm -rf "$dir"
        "$generate" --seed "$seed" --count "$n" --out "$dir" >/dev/null
        printf '%s\n' "$stamp" >"$dir/.stamp"
    fi
    bytes=$(find "$dir" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
    find "$dir" -name '*.txt' -print0 | sort -z >"$work/files"
    n_runs=$runs
    [ "$n" -gt 10000 ] && n_runs=1

    say "$n articles: cat floor"
    xargs -0 cat <"$work/files" >/dev/null # warm the page cache
    cats=()
    for _ in $(seq "$n_runs"); do
        start=$(now)
        xargs -0 cat <"$work/files" >/dev/null
        cats+=("$(calc "$(now) - $start" 4)")
    done
    cat_s=$(median "${cats[@]}")

    say "$n articles: reconcile, all cores"
    walls=()
    rss=0
    for _ in $(seq "$n_runs"); do
        res=$(timed "$bin" "$dir" --format json)
        read -r wall kb <<<"$res"
        walls+=("$wall")
        [ "$kb" -gt "$rss" ] && rss=$kb
        [ "$wall" = DNF ] && break
    done
    mb=$(calc "$bytes / 1e6" 1)
    if [ "${walls[*]}" != "${walls[*]/DNF/}" ]; then
        say "$n articles: did not finish within $limit s; one-thread run and comparison skipped"
        rows+=("| $n | $mb | $(calc "$cat_s" 3) | > $limit (stopped) | < $(calc "$bytes / 1e6 / $limit" 2) | < $(calc "$n / $limit" 1) | > $(calc "$limit * 1e6 / $n" 0) | > $(calc "$limit / $cat_s" 0)× | ≥ $(calc "$rss / 1024" 0) | – | – | – | – |")
        continue
    fi
    wall=$(median "${walls[@]}")

    say "$n articles: reconcile, one thread on one core"
    walls1=()
    for _ in $(seq "$n_runs"); do
        res=$(timed $one_core env RAYON_NUM_THREADS=1 "$bin" "$dir" --format json)
        read -r wall1 _ <<<"$res"
        walls1+=("$wall1")
    done
    if [ "${walls1[*]}" != "${walls1[*]/DNF/}" ]; then
        one_s="> $limit (stopped)" one_mb="–" speedup="–" identical="–"
    else
        wall1=$(median "${walls1[@]}")
        one_s=$(calc "$wall1" 3)
        one_mb=$(calc "$bytes / 1e6 / $wall1" 1)
        speedup="$(calc "$wall1 / $wall" 2)×"

        say "$n articles: is the one-thread JSON byte-identical?"
        sum_all=$({ "$bin" "$dir" --format json || [ $? -eq 1 ]; } | sha256sum)
        sum_one=$({ RAYON_NUM_THREADS=1 "$bin" "$dir" --format json || [ $? -eq 1 ]; } | sha256sum)
        identical=no
        [ "$sum_all" = "$sum_one" ] && identical=yes
    fi

    rows+=("| $n | $mb | $(calc "$cat_s" 3) | $(calc "$wall" 3) | $(calc "$bytes / 1e6 / $wall" 1) | $(calc "$n / $wall" 0) | $(calc "$wall * 1e6 / $n" 0) | $(calc "$wall / $cat_s" 1)× | $(calc "$rss / 1024" 0) | $one_s | $one_mb | $speedup | $identical |")
done

# Every output format over one collection: the reports that lay out events and evidence (text,
# GitHub annotations, HTML) must stay linear in the number of files, like the JSON.
format_size=${FORMAT_SIZE:-20000}
format_rows=()
if [ "$format_size" -gt 0 ]; then
    dir=$corpus/$format_size
    stamp="seed=$seed count=$format_size generator=$(sha256sum examples/generate.rs | cut -c1-16)"
    if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
        say "generating $format_size articles in $dir"
        rm -rf "$dir"
        "$generate" --seed "$seed" --count "$format_size" --out "$dir" >/dev/null
        printf '%s\n' "$stamp" >"$dir/.stamp"
    fi
    for args in "--format json" "--format json --context" "--format jsonl" "--format text --color never" \
        "--format github" "--format html"; do
        say "$format_size articles: $args"
        # shellcheck disable=SC2086 # the arguments are words on purpose
        res=$(timed "$bin" "$dir" $args)
        read -r wall kb <<<"$res"
        # shellcheck disable=SC2086
        out_bytes=$({ "$bin" "$dir" $args 2>/dev/null || true; } | wc -c)
        format_rows+=("| \`$args\` | $(calc "$wall" 2) | $(calc "$kb / 1024" 0) | $(calc "$out_bytes / 1e6" 1) |")
    done
fi

say "start-up plus the five fixtures"
startup=""
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs 20 --ignore-failure -N --export-json "$work/hf.json" \
        "$bin fixtures --format json" "$bin --version" >/dev/null 2>&1
    startup=$(awk -F'[:,]' '/"mean"/ {gsub(/ /, "", $2); printf "%s%.1f ms", sep, $2 * 1000; sep=" / "}' "$work/hf.json")
    startup="$startup (hyperfine, mean of 20: fixtures / --version)"
else
    total=0
    for _ in $(seq 20); do
        start=$(now)
        "$bin" fixtures --format json >/dev/null || true
        total=$(calc "$total + $(now) - $start" 6)
    done
    startup="$(calc "$total / 20 * 1000" 1) ms (mean of 20 runs)"
fi

echo
echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Commit: ${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' (with uncommitted changes in src/)')}"
echo
echo "| articles | MB | cat s | reconcile s | MB/s | docs/s | µs/doc | × cat | peak RSS MB | 1-thread s | 1-thread MB/s | speedup | identical |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|"
printf '%s\n' "${rows[@]}"
if [ "${#format_rows[@]}" -gt 0 ]; then
    echo
    echo "Every format over $format_size articles (all cores):"
    echo
    echo "| format | s | peak RSS MB | output MB |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${format_rows[@]}"
fi
echo
echo "Start-up plus the five fixtures: $startup"
