#!/usr/bin/env bash
# Sets up, builds and runs every test; CI runs it (.ci/run):
#  1. the unit, integration, CLI and page tests (build/, gcc). The build treats warnings as
#     errors (COOPATLAS_WERROR) and every C++ file must be formatted with clang-format
#     (scripts/check-format.sh);
#  2. the same suite under AddressSanitizer + UndefinedBehaviorSanitizer and each libFuzzer
#     target for a bounded time (scripts/test-sanitize.sh, build-sanitize/, clang).
#   scripts/test.sh [--fast]   (--fast: part 1 only, for a quick local check)
# FUZZ_SECONDS sets the time per fuzzer (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "test: $*" >&2; }
fast=false
for arg in "$@"; do
  case $arg in
    --fast) fast=true ;;
    *) echo "usage: scripts/test.sh [--fast]" >&2; exit 2 ;;
  esac
done

start=$SECONDS
COOPATLAS_CMAKE_ARGS="-DCOOPATLAS_WERROR=ON ${COOPATLAS_CMAKE_ARGS:-}" bash scripts/setup.sh --with-browser
bash scripts/check-format.sh
bash scripts/index.sh
(cd build && ctest --output-on-failure -j "$(nproc)")
say "main build and suite: $((SECONDS - start)) s"
if $fast; then
  say "--fast: the sanitizer build and the fuzzers were skipped"
else
  bash scripts/test-sanitize.sh
fi
say "done in $((SECONDS - start)) s"
