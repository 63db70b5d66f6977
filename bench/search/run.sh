#!/usr/bin/env bash
# Search quality comparison (bench/README.md, "Search quality"): coopatlas
# against PostgreSQL 15 (french configuration + unaccent) and SQLite FTS5
# (unicode61 remove_diacritics 2), on the same passages (entities.jsonl of an
# index) and the same queries (tests/query/golden_queries.json).
#
#   bench/search/run.sh [INDEX_DIR] [BUILD_DIR]
#
# Installs postgresql-15 and sqlite3 with apt when missing (Debian 12); runs a
# throw-away PostgreSQL server on a Unix socket in a temporary folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
index=${1:-$root/var/index}
build=${2:-$root/build}
[[ -f $index/entities.jsonl ]] || { echo "no index at $index: run scripts/index.sh first" >&2; exit 1; }
[[ -x $build/query/coopatlas-query ]] || { echo "no coopatlas-query in $build: build first" >&2; exit 1; }

missing=()
dpkg -s postgresql-15 >/dev/null 2>&1 || missing+=(postgresql-15)
dpkg -s sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if ((${#missing[@]})); then
  apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

pgbin=/usr/lib/postgresql/15/bin
work=$(mktemp -d /tmp/coopatlas-bench-search.XXXXXX)
chmod 755 "$work"
pguser=postgres
run_pg() { if [[ $(id -u) == 0 ]]; then runuser -u "$pguser" -- "$@"; else "$@"; fi; }
[[ $(id -u) == 0 ]] && chown "$pguser" "$work"
cleanup() {
  run_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
run_pg "$pgbin/initdb" -D "$work/pg" -U bench --auth=trust >/dev/null
run_pg "$pgbin/pg_ctl" -D "$work/pg" -o "-k $work -c listen_addresses='' -p 5499" -l "$work/pg.log" -w start >/dev/null

python3 "$root/bench/search/compare.py" --index "$index" --query-bin "$build/query/coopatlas-query" \
  --queries "$root/tests/query/golden_queries.json" --pg-socket "$work" --pg-port 5499 --work "$work"
