#!/usr/bin/env bash
# Fuzzes the two fuzz targets (fuzz/fuzz_targets/, checks in fuzz/checks.rs):
#   pipeline  decode → normalise → extract → reconcile over arbitrary bytes
#   records   the map-record reader (--reduce) and the baseline reader (--baseline)
#
#   scripts/fuzz.sh            60 seconds in all, as CI runs it: 40 for pipeline, 20 for records
#   scripts/fuzz.sh 3600       an hour, split the same way; stop any time with Ctrl-C
#   FUZZ_SEED=$RANDOM scripts/fuzz.sh 600   explore from another seed (CI uses seed 1)
#
# Needs the nightly toolchain (`rustup toolchain install nightly`): without it this fails, loudly,
# since a fuzzing step that skips never fuzzes anything. Installs cargo-fuzz $CARGO_FUZZ_VERSION
# from crates.io when `cargo fuzz --version` does not already print it (once: it stays in
# ~/.cargo/bin).
#
# Each target starts from a fresh temporary copy of its committed seed corpus, fuzz/seeds/<target>/
# (a handful of files from fixtures/ and tests/corpus/, map records and baselines), so runs are
# repeatable and the committed corpus never grows. What fails lands in fuzz/artifacts/<target>/:
# fix the code and commit the file, which tests/it/fuzz_replay.rs then replays in every
# `cargo test` (see fuzz/artifacts/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
seed="${FUZZ_SEED:-1}"
CARGO_FUZZ_VERSION=0.13.2

if ! nightly="$(cargo +nightly --version 2>/dev/null)"; then
  {
    echo "================================================================================"
    echo "fuzz: FAILED: no nightly toolchain, so nothing was fuzzed."
    echo "fuzz: cargo-fuzz needs it: rustup toolchain install nightly"
    echo "================================================================================"
  } >&2
  exit 1
fi
echo "fuzz: toolchain ${nightly}"

if [[ "$(cargo fuzz --version 2>/dev/null || true)" == "cargo-fuzz ${CARGO_FUZZ_VERSION}" ]]; then
  echo "fuzz: cargo-fuzz ${CARGO_FUZZ_VERSION} is installed"
else
  echo "fuzz: installing cargo-fuzz ${CARGO_FUZZ_VERSION} from crates.io (once; it stays in ~/.cargo/bin)"
  cargo install cargo-fuzz --version "${CARGO_FUZZ_VERSION}" --locked
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The budget: two thirds to the pipeline, the rest to the readers.
pipeline_seconds=$(( seconds * 2 / 3 ))
records_seconds=$(( seconds - pipeline_seconds ))

# Built once per machine: the compiled dependencies are kept outside the clone, so a fresh CI
# clone rebuilds only the project. No sanitizer: the library has no unsafe code, and without
# AddressSanitizer the targets build and run several times faster; debug assertions and
# overflow checks stay on, so an overflow is a crash.
target_dir="${FUZZ_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/reconcile/fuzz-target}"
mkdir -p "$target_dir"
flags=(--sanitizer none --debug-assertions --codegen-units 16 --target-dir "$target_dir")

cd fuzz
echo "fuzz: building the targets (cargo +nightly fuzz build ${flags[*]})"
build_start=$SECONDS
cargo +nightly fuzz build "${flags[@]}" pipeline
cargo +nightly fuzz build "${flags[@]}" records
echo "fuzz: built in $(( SECONDS - build_start )) s"

run_target() { # target seconds max_len
  local target="$1" secs="$2" max_len="$3" corpus="$work/$1" log="$work/$1.log"
  mkdir -p "$corpus" "artifacts/$target"
  cp "seeds/$target/"* "$corpus/"
  local seeds
  seeds=$(ls "$corpus" | wc -l)
  echo "fuzz: ${target}: ${secs} s from seed ${seed}, on a fresh copy of fuzz/seeds/${target} (${seeds} files)"
  local status=0
  cargo +nightly fuzz run "${flags[@]}" "$target" "$corpus" -- \
    -max_total_time="$secs" -max_len="$max_len" -timeout=30 -rss_limit_mb=4096 \
    -seed="$seed" -print_final_stats=1 > "$log" 2>&1 || status=$?
  local done_line
  done_line="$(grep -E '^Done [0-9]+ runs' "$log" | tail -1 || true)"
  echo "fuzz: ${target}: ${done_line:-no run completed}; the corpus grew to $(ls "$corpus" | wc -l) files (not kept)"
  if [[ "$status" != 0 ]]; then
    tail -60 "$log" >&2
    echo "fuzz: ${target}: FAILED (exit ${status}); what failed is in fuzz/artifacts/${target}/:" >&2
    ls -1 "artifacts/$target" >&2 || true
    return 1
  fi
}

failed=0
run_target pipeline "$pipeline_seconds" 8192 || failed=1
run_target records "$records_seconds" 32768 || failed=1
if [[ "$failed" != 0 ]]; then
  exit 1
fi
echo "fuzz: passed: pipeline ${pipeline_seconds} s, records ${records_seconds} s, nothing failed"
