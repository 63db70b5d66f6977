#!/usr/bin/env bash
# Sets up, builds and runs every test (unit, integration, CLI and page tests); CI runs it
# (.ci/run). The build treats warnings as errors (COOPATLAS_WERROR) and every C++ file must
# be formatted with clang-format (scripts/check-format.sh).
#   scripts/test.sh [--sanitize]   (--sanitize: then the same suite under ASan/UBSan and the
#                                   fuzzers, scripts/test-sanitize.sh; not yet what CI runs)
set -euo pipefail
cd "$(dirname "$0")/.."
COOPATLAS_CMAKE_ARGS="-DCOOPATLAS_WERROR=ON ${COOPATLAS_CMAKE_ARGS:-}" bash scripts/setup.sh --with-browser
bash scripts/check-format.sh
bash scripts/index.sh
(cd build && ctest --output-on-failure -j "$(nproc)")
if [[ " $* " == *" --sanitize "* ]]; then
  bash scripts/test-sanitize.sh
fi
