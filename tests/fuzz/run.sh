#!/usr/bin/env bash
# Fuzzes each libFuzzer target for a bounded time, two at a time (two cores).
#   tests/fuzz/run.sh BUILD_DIR [SECONDS]      (default 60 s per target)
# BUILD_DIR is a clang build configured with -DCOOPATLAS_FUZZ=ON (scripts/test.sh
# makes build-sanitize/). The seed corpora are copied to a scratch folder: what
# the fuzzer learns does not change the repository. Exit code 1 when a target
# crashes, leaks or trips a sanitizer; the reproducer is kept and named.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
work=$(mktemp -d /tmp/coopatlas-fuzz.XXXXXX)
targets=(query_text_fuzz:query_text request_params_fuzz:request_params guide_extraction_fuzz:guide)

run_one() {
  local target=${1%%:*} corpus=${1##*:}
  mkdir -p "$work/$corpus" "$work/artifacts-$target"
  cp "$here/corpus/$corpus/"* "$work/$corpus/"
  # -timeout: one input taking 10 s is a bug too; -max_len: guide excerpts are a few KB.
  if "$build/tests/fuzz/$target" "$work/$corpus" -max_total_time="$seconds" -timeout=10 -max_len=8192 \
       -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts-$target/" \
       >"$work/$target.log" 2>&1; then
    echo "fuzz: $target: clean after ${seconds} s ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$') runs)"
  else
    echo "fuzz: $target FAILED; log $work/$target.log, reproducer in $work/artifacts-$target/" >&2
    tail -40 "$work/$target.log" >&2
    return 1
  fi
}

status=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" & pids+=($!)
  if ((${#pids[@]} == 2)); then wait "${pids[0]}" || status=1; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
((status == 0)) && rm -rf "$work"
exit $status
