#!/usr/bin/env bash
# The project's test command: installs what the tests need beyond the Rust toolchain (Debian's
# chromium for the HTML browser test, when run as root; never a downloaded browser), then runs
# every test target. Without Chromium the browser test says it skipped and the rest still runs.
# Ends with one line totalling every target's results.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/browser-test.sh --install || echo "test: chromium could not be installed; the browser test will be skipped" >&2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
cargo test --all-targets "$@" 2>&1 | tee "$log" || status=$?
passed=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed;' "$log" | awk '{s+=$1} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
