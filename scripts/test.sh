#!/usr/bin/env bash
# The project's test command: installs what the tests need beyond the Rust toolchain (Debian's
# chromium for the HTML browser test, when run as root; never a downloaded browser), then runs
# every test target. Without Chromium the browser test says it skipped and the rest still runs.
# Ends with one line totalling every target's results: a test that could not run here (it says
# `SKIPPED module::test: why` on standard error) and an ignored test count as skipped, not
# passed, and each skip is named above that line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/browser-test.sh --install || echo "test: chromium could not be installed; the browser test will be skipped" >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
cargo test --all-targets "$@" 2>&1 | tee "$log" || status=$?
passed=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed;' "$log" | awk '{s+=$1} END {print s+0}')
ignored=$(grep -Eo 'test result: .* [0-9]+ ignored;' "$log" | grep -Eo '[0-9]+ ignored' | awk '{s+=$1} END {print s+0}')
# A test that skipped itself returned early, and cargo counted it as passed.
skips="$(grep -Eo 'SKIPPED [A-Za-z0-9_]+(::[A-Za-z0-9_]+)+: .*' "$log" | sort -u || true)"
skipped_here=0
if [[ -n "$skips" ]]; then
    skipped_here=$(printf '%s\n' "$skips" | wc -l)
    printf '%s\n' "$skips" | sed 's/^SKIPPED /test: skipped: /'
fi
echo "tests: $((passed - skipped_here)) passed, ${failed} failed, $((ignored + skipped_here)) skipped"
exit "$status"
