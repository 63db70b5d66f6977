#!/usr/bin/env bash
# Sets up, builds and runs every test (unit, integration, CLI and page tests).
#   scripts/test.sh [--sanitize]   (--sanitize: then the same suite under ASan/UBSan and the
#                                   fuzzers, scripts/test-sanitize.sh; not yet what CI runs)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser
bash scripts/index.sh
(cd build && ctest --output-on-failure -j "$(nproc)")
if [[ " $* " == *" --sanitize "* ]]; then
  bash scripts/test-sanitize.sh
fi
