#!/usr/bin/env bash
# Fuzz decode → normalise → extract → reconcile (fuzz/fuzz_targets/pipeline.rs).
#
#   scripts/fuzz.sh            run for 60 seconds (what CI does)
#   scripts/fuzz.sh 3600       run for an hour; stop any time with Ctrl-C
#   FUZZ_SEED=$RANDOM scripts/fuzz.sh 600   explore from another seed (CI uses seed 1, so it is repeatable)
#
# Needs a nightly toolchain and cargo-fuzz (`rustup toolchain install nightly`,
# `cargo install cargo-fuzz`). Without them it says why and exits 0, so CI on a stable-only
# machine still passes. The corpus is seeded from fixtures/ and tests/corpus/ on every run (not
# committed); crashes land in fuzz/artifacts/pipeline/ — replay one with
# `cargo +nightly fuzz run pipeline fuzz/artifacts/pipeline/<file>` and turn it into a test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: skipped: no nightly toolchain (rustup toolchain install nightly)"
  exit 0
fi
if ! cargo +nightly fuzz --help >/dev/null 2>&1; then
  echo "fuzz: skipped: cargo-fuzz is not installed (cargo install cargo-fuzz)"
  exit 0
fi

corpus=fuzz/corpus/pipeline
mkdir -p "$corpus"
# The first byte of an input picks the decoding; 0xFF (= 7 mod 8) means "detect", as for a file.
for f in fixtures/*.txt tests/corpus/*/*.txt; do
  [ -f "$f" ] || continue
  name="seed-$(printf '%s' "$f" | tr '/' '_')"
  { printf '\xff'; cat "$f"; } > "$corpus/$name"
done

cd fuzz
exec cargo +nightly fuzz run pipeline "corpus/pipeline" -- \
  -max_total_time="$seconds" -max_len=8192 -timeout=30 -rss_limit_mb=4096 -seed="${FUZZ_SEED:-1}"
