#!/usr/bin/env bash
# The test suite built with clang under AddressSanitizer and UndefinedBehaviorSanitizer
# (build-sanitize/, -DCOOPATLAS_SANITIZE=ON), the libFuzzer targets built in the same
# tree (-DCOOPATLAS_FUZZ=ON: one build for both), then each fuzzer run for a bounded time.
#   scripts/test-sanitize.sh      (FUZZ_SECONDS per fuzzer, default 60)
# scripts/test.sh runs it after the main suite (which built var/gazetteer.gpkg, read by
# the golden tests and the guide fuzzer); setup.sh installs clang and libclang-rt-14-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "test-sanitize: $*" >&2; }
start=$SECONDS

# -O1 and line tables only: the sanitizers need no more, and the build is the slow part.
# No benchmarks: nothing runs them here.
say "configuring and building build-sanitize/ (clang, ASan + UBSan, libFuzzer)"
cmake -S . -B build-sanitize -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
  -DCOOPATLAS_SANITIZE=ON -DCOOPATLAS_FUZZ=ON -DCOOPATLAS_BUILD_BENCH=OFF ${COOPATLAS_CMAKE_ARGS:-} >/dev/null
cmake --build build-sanitize -j "$(nproc)"
built=$SECONDS

# Any report fails the test that made it. The page test (label browser) runs in the main
# build only: its server would be the sanitized one, but Chromium and node are not ours to
# check, and it alone would add minutes of an instrumented server to the run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Left out under the sanitizers, to keep CI under 20 minutes: the page test (it mostly runs
# Chromium and node, not our code) and the tests that build indexes again and again
# (IndexBuild: 60-190 s each under ASan; the second golden build and the sharded copy). The
# code they drive still runs sanitized here: golden.index indexes the guide once, the excerpt
# fixtures (tests/excerpt_indexes.hpp) build two small indexes that the searcher, server and
# hot reload tests use, and the fuzzers drive the extraction, the query parser and the server.
heavy='^(IndexBuild|ShardedSearch)\.|^golden\.(index_again|index_sharded|deterministic)$'
say "running the suite under the sanitizers (all but the page test and the tests re-building indexes)"
(cd build-sanitize && ctest --output-on-failure -j "$(nproc)" -LE browser -E "$heavy")
tested=$SECONDS

say "fuzzing each target for ${FUZZ_SECONDS:-30} s, two at a time"
bash tests/fuzz/run.sh build-sanitize "${FUZZ_SECONDS:-30}"
say "build $((built - start)) s, suite $((tested - built)) s, fuzzers $((SECONDS - tested)) s"
