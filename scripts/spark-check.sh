#!/usr/bin/env bash
# The map step under Apache Spark, checked end to end (issue 14): runs examples/spark/job.py in
# local mode over the fixtures, the test corpus and two articles whose paths hold spaces, then
# runs the reduce step over the part files and checks that its JSON report is byte for byte that
# of a single run over the same paths, with the same exit status. The paths go to Spark shuffled,
# and the parts to the reduce step in reverse order, since the reduce step orders the records by
# their paths itself. A second, small job has more partitions than paths, so some parts are empty.
#
# Installs what it needs through the ordinary clients: pyspark from PyPI into a virtual
# environment under target/ (kept between runs, installed again only when the pinned version
# changes), and Debian's openjdk-17-jre-headless only if `java` is missing (as root). If an
# install fails (no network, no registry), it says so and fails: it never skips in silence.
#
#   scripts/spark-check.sh
#
# Environment: RECONCILE_BIN, the binary to use (default: the debug build, built with cargo if
# needed); SPARK_VENV, where the virtual environment goes (default: target/spark-venv).
# Ends with one line: `spark: N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."

PYSPARK_VERSION=4.3.0
VENV="${SPARK_VENV:-target/spark-venv}"
case "$VENV" in /*) ;; *) VENV="$PWD/$VENV" ;; esac
started=$SECONDS

say() { echo "spark-check: $*" >&2; }
fail() {
    say "FAILED: $*"
    echo "spark: 0 passed, 1 failed"
    exit 1
}

# --- Java: Spark 4 runs on Java 17 or 21 ---
if ! command -v java >/dev/null; then
    if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
        fail "java is missing; install a Java 17 runtime (Debian: apt-get install openjdk-17-jre-headless)"
    fi
    say "java is missing: installing Debian's openjdk-17-jre-headless"
    if ! { apt-get update -q >&2 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jre-headless >&2; }; then
        fail "could not install openjdk-17-jre-headless with apt-get (is Debian's archive reachable? see above)"
    fi
    command -v java >/dev/null || fail "openjdk-17-jre-headless is installed but java is not on PATH"
fi

# --- pyspark, pinned, in a virtual environment kept under target/ ---
installed() { "$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("pyspark"))' 2>/dev/null || true; }
if [[ "$(installed)" != "$PYSPARK_VERSION" ]]; then
    say "installing pyspark==$PYSPARK_VERSION from PyPI into $VENV (about 520 MB installed, once)"
    python3 -m venv --clear "$VENV" || fail "could not make a virtual environment in $VENV (python3 -m venv)"
    if ! "$VENV/bin/python" -m pip install -q --disable-pip-version-check "pyspark==$PYSPARK_VERSION" >&2; then
        rm -rf "$VENV"
        fail "could not install pyspark==$PYSPARK_VERSION from PyPI (is PyPI reachable? see pip's message above)"
    fi
    [[ "$(installed)" == "$PYSPARK_VERSION" ]] || fail "pip installed another pyspark than $PYSPARK_VERSION: $(installed)"
else
    say "pyspark $PYSPARK_VERSION is installed in $VENV"
fi
export PYSPARK_PYTHON="$VENV/bin/python" PYSPARK_DRIVER_PYTHON="$VENV/bin/python"

# --- the binary ---
BIN="${RECONCILE_BIN:-}"
if [[ -z "$BIN" ]]; then
    cargo build -q
    BIN="$(cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/reconcile"
fi
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
[[ -x "$BIN" ]] || fail "no reconcile binary at $BIN"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Two articles whose paths hold spaces (and Arabic), beside the fixtures and the corpus.
mkdir -p "$WORK/articles with spaces/قمة الرياض"
cp fixtures/000_78b0ee22b5934dd2.txt "$WORK/articles with spaces/قمة الرياض/first report.txt"
cp fixtures/003_44ace279f8548755.txt "$WORK/articles with spaces/second report.txt"
find fixtures tests/corpus "$WORK/articles with spaces" -name '*.txt' -type f >"$WORK/found"

# The reduce step's order: by path, component by component in bytes (src/shard.rs).
order() { # IN OUT [shuffle]
    python3 - "$@" <<'EOF'
import random, sys
def key(p):
    parts = [(1, b"")] if p.startswith("/") else []
    for i, c in enumerate(p.split("/")):
        if c == "" or (c == "." and (i > 0 or p.startswith("/"))):
            continue
        parts.append((2, b"") if c == "." else (3, b"") if c == ".." else (4, c.encode()))
    return (parts, p.encode())
paths = open(sys.argv[1], encoding="utf-8").read().splitlines()
paths.sort(key=key)
if len(sys.argv) > 3:
    random.Random(sys.argv[3]).shuffle(paths)
open(sys.argv[2], "w", encoding="utf-8").write("".join(p + "\n" for p in paths))
EOF
}

submit() { # PATHS OUT [JOB OPTIONS]: the job in local mode, on the loopback address alone,
    # without the web UI
    SPARK_LOCAL_IP=127.0.0.1 "$VENV/bin/spark-submit" --master 'local[2]' --driver-memory 1g \
        --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
        --conf spark.ui.enabled=false \
        examples/spark/job.py "$1" "$2" --reconcile "$BIN" "${@:3}"
}

passed=0
check() { # NAME PATHS PARTITIONS yes|no [JOB OPTIONS]: the job over PATHS (shuffled), then the
    # reduce step against a single run; yes: the parts must hold the records out of the reduce
    # step's order
    local name="$1" paths="$2" partitions="$3" must_shuffle="$4" out="$WORK/$1" status
    shift 4
    order "$paths" "$WORK/$name.sorted"
    order "$paths" "$WORK/$name.shuffled" "$name"
    local t0=$SECONDS
    if ! submit "$WORK/$name.shuffled" "$out" --partitions "$partitions" "$@" >"$WORK/$name.log" 2>&1; then
        tail -n 40 "$WORK/$name.log" >&2
        fail "$name: the Spark job failed (its log is above)"
    fi
    local parts=("$out"/part-*)
    local records
    records=$(cat "${parts[@]}" | wc -l)
    local expected
    expected=$(wc -l <"$WORK/$name.sorted")
    [[ "$records" == "$expected" ]] ||
        fail "$name: $records map records in ${#parts[@]} parts for $expected paths"
    # The single run over the paths in the reduce step's order, in one process.
    local sorted=()
    mapfile -t sorted <"$WORK/$name.sorted"
    status=0
    "$BIN" --format json -- "${sorted[@]}" >"$WORK/$name.single.json" 2>"$WORK/$name.single.err" || status=$?
    [[ $status -le 1 ]] || { cat "$WORK/$name.single.err" >&2; fail "$name: the single run failed ($status)"; }
    local single_status=$status
    # The reduce step over the parts, last part first.
    local reversed=()
    mapfile -t reversed < <(printf '%s\n' "${parts[@]}" | sort -r)
    status=0
    "$BIN" --reduce --format json -- "${reversed[@]}" >"$WORK/$name.reduced.json" 2>"$WORK/$name.reduced.err" || status=$?
    [[ $status == "$single_status" ]] ||
        { cat "$WORK/$name.reduced.err" >&2; fail "$name: the reduce step exited $status, the single run $single_status"; }
    cmp "$WORK/$name.single.json" "$WORK/$name.reduced.json" >&2 ||
        fail "$name: the reduce step's JSON differs from the single run's"
    # Whether the parts, read in order, hold the records in another order than the reduce
    # step's: the case this check is for (Spark's repartition shuffles the paths).
    local shuffled
    shuffled=$(cat "${parts[@]}" | python3 -c '
import json, sys
paths = [json.loads(line)["path"] for line in sys.stdin]
print("yes" if paths != open(sys.argv[1], encoding="utf-8").read().splitlines() else "no")
' "$WORK/$name.sorted")
    [[ $shuffled == yes || $must_shuffle == no ]] ||
        fail "$name: the parts hold the records in the reduce step's order: nothing to check"
    local empty
    empty=$(find "$out" -name 'part-*' -empty | wc -l)
    say "$name: $expected paths in $partitions partitions ($empty empty; records out of order: $shuffled), $((SECONDS - t0)) s: reduce over the parts = the single run, $(wc -c <"$WORK/$name.single.json") bytes, exit $single_status"
    passed=$((passed + 1))
}

check corpus "$WORK/found" 4 yes
# More partitions than paths: the empty partitions run no reconcile and write empty parts. The
# binary goes with the job (--ship), as it would to a cluster's executors.
head -n 3 "$WORK/found" >"$WORK/few.paths"
check few "$WORK/few.paths" 8 no --ship
[[ $(find "$WORK/few" -name 'part-*' -empty | wc -l) -ge 5 ]] || fail "few: expected at least 5 empty parts"

# A path that cannot be read fails its task, and so the job, with a message that says why.
t0=$SECONDS
{ head -n 2 "$WORK/found"; echo "$WORK/no such article.txt"; } >"$WORK/missing.paths"
if submit "$WORK/missing.paths" "$WORK/missing" --partitions 2 >"$WORK/missing.log" 2>&1; then
    fail "missing: the job succeeded although a path cannot be read"
fi
grep -q 'exited 123: reconcile exited 1-125 (2: a path could not be read' "$WORK/missing.log" ||
    { tail -n 40 "$WORK/missing.log" >&2; fail "missing: the job failed without saying why (its log is above)"; }
grep -q 'no such article.txt' "$WORK/missing.log" ||
    { tail -n 40 "$WORK/missing.log" >&2; fail "missing: the log does not name the path that cannot be read"; }
say "missing: a path that cannot be read fails the job and is named, $((SECONDS - t0)) s"
passed=$((passed + 1))

say "done in $((SECONDS - started)) s"
echo "spark: $passed passed, 0 failed"
