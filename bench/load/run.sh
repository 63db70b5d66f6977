#!/usr/bin/env bash
# Load test of coopatlas-serve on loopback with wrk (Debian package wrk), one command
# that prints the table of bench/README.md ("Server under load"):
#   1. keyword searches only            (GET /api/search?q=WORD, bench/load/paths.txt)
#   2. the same without the answer cache (a second server, --answer-cache-mb 0): every
#      request runs its search
#   2b. keyword searches that are mostly different (MIX=distinct: a word or a pair of
#      words of the guide drawn with a fixed seed, bench/load/guide_words.py), on the
#      server with its answer cache: what a cache cannot flatter
#   3. mixed: keyword, radius, GeoJSON, OGC API requests in turn
#   4. the same mix while the index is rebuilt and swapped into place SWAPS times
# Usage: bench/load/run.sh [SECONDS (default 60)] [SWAPS (default 10)]
# Environment: THREADS (server workers, default 16), CONNECTIONS (default 16),
# WRK_THREADS (default 1), PORT (default 18090). Needs build/ (scripts/setup.sh)
# and var/gazetteer.gpkg (scripts/index.sh). Installs wrk when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
swaps=${2:-10}
threads=${THREADS:-16}
connections=${CONNECTIONS:-16}
wrk_threads=${WRK_THREADS:-1}
port=${PORT:-18090}
say() { echo "load: $*" >&2; }

if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
  say "installing wrk (Debian package)"
  $sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
for f in build/indexer/coopatlas-index build/web/coopatlas-serve var/gazetteer.gpkg; do
  [ -e "$f" ] || { echo "load: missing $f: run scripts/setup.sh and scripts/index.sh first" >&2; exit 1; }
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d /tmp/coopatlas-load.XXXXXX)
index="$work/index"
build_index() { build/indexer/coopatlas-index --guide data/guide/guide.txt --out "$index" --gazetteer var/gazetteer.gpkg --quiet >/dev/null; }
build_index
bench/load/guide_words.py data/guide/guide.txt >"$work/words.txt"
export WORDS="$work/words.txt"  # MIX=distinct's words (urls.lua)
# serve PORT [OPTIONS]: starts a server on the index and waits until it answers everything.
serve() {
  local p=$1
  shift
  build/web/coopatlas-serve --index "$index" --port "$p" --threads "$threads" --reload-poll-ms 200 "$@" \
    2>>"$work/serve.log" &
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$p/healthz" | grep -q '"geo_index":"ready"' && break; sleep 0.1; done
}
serve "$port"
server=$!
uncached=""
trap 'kill $server $uncached 2>/dev/null; wait $server $uncached 2>/dev/null; rm -rf "$work"' EXIT
# CPU seconds a server has used (user + system): on a shared machine, requests per
# server CPU-second says more about the server than requests per second.
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/${1:-$server}/stat"; }
reloads() { curl -sf "http://127.0.0.1:$port/healthz" | sed -n 's/.*"reloads":\([0-9]*\).*/\1/p'; }

# wrk MIX SECONDS [PORT]: prints wrk's RESULT line (bench/load/urls.lua).
run_wrk() {
  MIX=$1 wrk -t"$wrk_threads" -c"$connections" -d"$2"s --latency -s bench/load/urls.lua "http://127.0.0.1:${3:-$port}" \
    | grep '^RESULT'
}

say "warm-up (5 s), then keyword searches for $seconds s"
run_wrk mixed 5 >/dev/null
c0=$(server_cpu); keyword="$(run_wrk keyword "$seconds") cpu=$(awk -v a="$(server_cpu)" -v b="$c0" 'BEGIN{printf "%.2f", a - b}')"
say "keyword searches for $seconds s on a server without the answer cache"
serve $((port + 1)) --answer-cache-mb 0
uncached=$!
run_wrk keyword 5 $((port + 1)) >/dev/null
c0=$(server_cpu $uncached)
keyword_uncached="$(run_wrk keyword "$seconds" $((port + 1))) cpu=$(awk -v a="$(server_cpu $uncached)" -v b="$c0" 'BEGIN{printf "%.2f", a - b}')"
kill $uncached
wait $uncached 2>/dev/null || true
uncached=""
say "keyword searches, mostly different, for $seconds s"
c0=$(server_cpu); distinct="$(run_wrk distinct "$seconds") cpu=$(awk -v a="$(server_cpu)" -v b="$c0" 'BEGIN{printf "%.2f", a - b}')"
say "mixed requests for $seconds s"
c0=$(server_cpu); mixed="$(run_wrk mixed "$seconds") cpu=$(awk -v a="$(server_cpu)" -v b="$c0" 'BEGIN{printf "%.2f", a - b}')"

say "mixed requests while the index is rebuilt and swapped $swaps times"
before=$(reloads)
c0=$(server_cpu)
MIX=mixed wrk -t"$wrk_threads" -c"$connections" -d3600s --latency -s bench/load/urls.lua "http://127.0.0.1:$port" \
  >"$work/swap.out" &
loader=$!
started=$(date +%s)
for i in $(seq "$swaps"); do
  build_index
  # spread the swaps over at least SECONDS
  target=$((started + seconds * i / swaps))
  now=$(date +%s)
  ((now < target)) && sleep $((target - now))
done
sleep 2  # the last swap is picked up within --reload-poll-ms
kill -INT $loader
wait $loader || true
swapping="$(grep '^RESULT' "$work/swap.out") cpu=$(awk -v a="$(server_cpu)" -v b="$c0" 'BEGIN{printf "%.2f", a - b}')"
swapped=$(( $(reloads) - before ))

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
row() {
  local requests cpu
  requests=$(field "$2" requests)
  cpu=$(field "$2" cpu)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$(field "$2" seconds)" "$requests" \
    "$(field "$2" rps)" "$(field "$2" p50_ms)" "$(field "$2" p99_ms)" "$(field "$2" errors)" "$cpu" \
    "$(awk -v r="$requests" -v c="$cpu" 'BEGIN{printf "%.0f", (c > 0 ? r / c : 0)}')"
}
echo
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, load average at the start: $load_before, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "answer cache after the run: $(curl -sf "http://127.0.0.1:$port/healthz" | sed -n 's/.*"answer_cache":\({[^}]*}\).*/\1/p')"
echo "server: coopatlas-serve --threads $threads; wrk -t$wrk_threads -c$connections; index: the guide ($(curl -sf "http://127.0.0.1:$port/healthz" | sed -n 's/.*"records":\([0-9]*\).*/\1/p') records)"
echo
echo "| load | seconds | requests | requests/s | p50 ms | p99 ms | errors | server CPU s | requests per server CPU-s |"
echo "|---|---|---|---|---|---|---|---|---|"
row "keyword searches" "$keyword"
row "keyword searches, no answer cache" "$keyword_uncached"
row "keyword searches, mostly different (guide's words and pairs, seeded)" "$distinct"
row "mixed (keyword, radius, GeoJSON, OGC)" "$mixed"
row "mixed, $swaps rebuilds swapped in ($swapped reloads seen)" "$swapping"
