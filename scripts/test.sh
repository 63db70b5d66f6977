#!/usr/bin/env bash
# Sets up, builds and runs every test (unit, integration, CLI and page tests), then
# the same suite under ASan/UBSan and the fuzzers (scripts/test-sanitize.sh).
#   scripts/test.sh [--quick]     (--quick: the main build's tests only)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser
bash scripts/index.sh
(cd build && ctest --output-on-failure -j "$(nproc)")
if [[ " $* " != *" --quick "* ]]; then
  bash scripts/test-sanitize.sh
fi
