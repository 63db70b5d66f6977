#!/usr/bin/env bash
# Fuzzes each libFuzzer target for a bounded time, two at a time (two cores).
#   tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]   (default 60 s per target, every target)
# BUILD_DIR is a clang build configured with -DCOOPATLAS_FUZZ=ON (scripts/test-sanitize.sh
# makes build-sanitize/). Each target starts from its seed corpus (tests/fuzz/corpus/NAME/),
# copied to a scratch folder: what the fuzzer learns does not change the repository.
# Exit code 1 when a target crashes, leaks, times out or trips a sanitizer: the input
# that did it is kept in BUILD_DIR/fuzz-failures/ and named with the command replaying it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]}" && pwd)
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))
# target:corpus:max_len. A guide excerpt needs a few KB to hold a section with its
# records, and each run of it costs ~0.1 s under the sanitizers; queries and URLs are short.
all=(query_text_fuzz:query_text:1024 request_params_fuzz:request_params:2048 guide_extraction_fuzz:guide:4096)
targets=()
for t in "${all[@]}"; do
  if (($# == 0)) || [[ " $* " == *" ${t%%:*} "* ]]; then targets+=("$t"); fi
done
((${#targets[@]})) || { echo "fuzz: no such target: $* (targets: query_text_fuzz request_params_fuzz guide_extraction_fuzz)" >&2; exit 2; }
work=$(mktemp -d /tmp/coopatlas-fuzz.XXXXXX)
failures=$build/fuzz-failures
rm -rf "$failures"  # only this run's failures

run_one() {
  local target corpus max_len
  IFS=: read -r target corpus max_len <<<"$1"
  mkdir -p "$work/$corpus" "$work/artifacts-$target"
  cp "$here/corpus/$corpus/"* "$work/$corpus/"
  # -timeout: one input taking 20 s is a bug too (a hang, or a cost quadratic in the text).
  if "$build/tests/fuzz/$target" "$work/$corpus" -max_total_time="$seconds" -timeout=20 -max_len="$max_len" \
       -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$work/artifacts-$target/" \
       >"$work/$target.log" 2>&1; then
    echo "fuzz: $target: clean after ${seconds} s ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$') inputs)"
    return 0
  fi
  mkdir -p "$failures"
  cp "$work/$target.log" "$failures/$target.log"
  local found=()
  for input in "$work/artifacts-$target/"*; do
    [ -e "$input" ] || continue
    cp "$input" "$failures/$target-$(basename "$input")"
    found+=("$failures/$target-$(basename "$input")")
  done
  {
    echo "fuzz: $target FAILED after at most ${seconds} s; the report:"
    grep -E -A25 '^==[0-9]+==ERROR|runtime error|_fuzz: |deadly signal|Test unit written|ALARM|out-of-memory' \
      "$work/$target.log" | head -60
    if ((${#found[@]})); then
      for input in "${found[@]}"; do
        echo "fuzz: the input that failed: $input"
        echo "fuzz:   replay it: $build/tests/fuzz/$target $input"
      done
      echo "fuzz: fix the code, add a test replaying the input to the code's own suite, and add the input to"
      echo "fuzz:   tests/fuzz/corpus/$corpus/ (tests/fuzz/README.md); full log: $failures/$target.log"
    else
      echo "fuzz: no input was saved (the fuzzer itself failed to start?); full log: $failures/$target.log"
    fi
  } >&2
  return 1
}

status=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" & pids+=($!)
  if ((${#pids[@]} == 2)); then wait "${pids[0]}" || status=1; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
rm -rf "$work"
exit $status
