#!/usr/bin/env bash
# The project's test command: installs what the tests need beyond the Rust toolchain (Debian's
# chromium for the HTML browser test, when run as root; never a downloaded browser), then runs
# every test target. Without Chromium the browser test says it skipped and the rest still runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/browser-test.sh --install || echo "test: chromium could not be installed; the browser test will be skipped" >&2
cargo test --all-targets "$@"
