#!/usr/bin/env bash
# Geographic benchmark (bench/README.md): coopatlas vs PostgreSQL 15 + PostGIS
# vs SQLite FTS5 + R*Tree on the same synthetic records and queries.
#   bench/geo/run.sh [SIZES...]        default: 10000 100000
#   STEPS=peers bench/geo/run.sh 1000000   only the peers, on the records and
#                                           queries an earlier run left in WORK
#   PEER_QUERIES=200 bench/geo/run.sh 1000000   the peers run the first 200
#                                           queries of each kind (coopatlas all)
# Installs the peers from Debian packages, runs PostgreSQL on a unix socket
# only (listen_addresses=''), started and stopped by this script.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
WORK=${WORK:-/tmp/coopatlas-bench}
QUERIES=${QUERIES:-1000}
PEER_QUERIES=${PEER_QUERIES:-$QUERIES}  # per kind; the first ones of coopatlas's queries
STEPS=${STEPS:-coopatlas peers}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000)

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  postgresql-15 postgresql-15-postgis-3 sqlite3 python3-psycopg2 >/dev/null

cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCOOPATLAS_BUILD_TESTS=OFF >/dev/null
ninja -C "$BUILD" -j2 coopatlas-bench-gen coopatlas-bench-geo >/dev/null

# PostgreSQL: a throw-away cluster, unix socket only, durability off (bulk load).
PGBIN=/usr/lib/postgresql/15/bin
PGDATA=$WORK/pgdata
PGSOCK=$WORK/pgsock
PGPORT=5499
mkdir -p "$WORK" "$PGSOCK"
rm -rf "$PGDATA"
chown -R postgres "$WORK" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
as_pg "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust >/dev/null"
as_pg "$PGBIN/pg_ctl -D $PGDATA -l $WORK/pg.log -w start -o \"-k $PGSOCK -p $PGPORT -c listen_addresses='' \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c maintenance_work_mem=1GB \
  -c max_parallel_workers_per_gather=0 -c jit=off\"" >/dev/null
trap 'as_pg "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true' EXIT

for N in "${SIZES[@]}"; do
  D=$WORK/n$N
  mkdir -p "$D"
  echo "== $N records" >&2
  # The machine may be shared: the load average before and after each step goes into the results.
  if [[ " $STEPS " == *" coopatlas "* ]]; then
    cut -d' ' -f1-3 /proc/loadavg > "$D/load.txt"
    "$BUILD/bench/coopatlas-bench-gen" --records "$N" --out "$D" > "$D/build.json"
    cut -d' ' -f1-3 /proc/loadavg >> "$D/load.txt"
    cat "$D/build.json" >&2
    "$BUILD/bench/coopatlas-bench-geo" --index "$D" --queries "$QUERIES" --out "$D" > "$D/coopatlas.json"
    cat "$D/coopatlas.json" >&2
    # Every keyword query uses the same word: also time them without the
    # searcher's match-set cache (each query pays its word in full).
    "$BUILD/bench/coopatlas-bench-geo" --index "$D" --queries "$QUERIES" --no-match-cache > "$D/coopatlas-nocache.json"
    # ... and without the index's term bitmaps either (posting lists only).
    "$BUILD/bench/coopatlas-bench-geo" --index "$D" --queries "$QUERIES" --no-match-cache --no-term-bitmaps \
      > "$D/coopatlas-nocache-nobitmaps.json"
    cut -d' ' -f1-3 /proc/loadavg >> "$D/load.txt"
    date -u +%FT%TZ > "$D/coopatlas-time.txt"
  fi
  if [[ " $STEPS " == *" peers "* ]]; then
    chmod -R a+rwX "$D"
    cut -d' ' -f1-3 /proc/loadavg > "$D/load-peers.txt"
    /usr/bin/python3 "$ROOT/bench/geo/peers.py" "$D" "$PGSOCK" "$PGPORT" "$PEER_QUERIES" > /dev/null
    cat "$D/peers.json" >&2
    cut -d' ' -f1-3 /proc/loadavg >> "$D/load-peers.txt"
    date -u +%FT%TZ > "$D/peers-time.txt"
  fi
  mkdir -p "$ROOT/bench/geo/results"
  /usr/bin/python3 - "$D" "$ROOT/bench/geo/results/n$N.json" <<'PY'
import json, sys
d, out = sys.argv[1], sys.argv[2]
load = [line.split() for line in open(d + "/load.txt")]
load_peers = [line.split() for line in open(d + "/load-peers.txt")]
r = {"build": json.load(open(d + "/build.json")), "coopatlas": json.load(open(d + "/coopatlas.json")),
     "coopatlas_no_match_cache": json.load(open(d + "/coopatlas-nocache.json")),
     "coopatlas_no_match_cache_no_term_bitmaps": json.load(open(d + "/coopatlas-nocache-nobitmaps.json")),
     **json.load(open(d + "/peers.json")),
     "finished_utc": {"coopatlas": open(d + "/coopatlas-time.txt").read().strip(),
                      "peers": open(d + "/peers-time.txt").read().strip()},
     "loadavg_1_5_15": {**dict(zip(["start", "after_build", "after_coopatlas_queries"], load)),
                        **dict(zip(["before_peers", "after_peers"], load_peers))}}
json.dump(r, open(out, "w"), indent=2)
PY
done
