#!/usr/bin/env python3
"""Loads bench records into PostgreSQL+PostGIS and SQLite (FTS5 + R*Tree), runs
the queries coopatlas-bench-geo wrote (queries.tsv), times them (p50/p99, one
thread) and checks each answer (count and sum of record numbers) against
answers.tsv from coopatlas. Usage: peers.py DIR PG_SOCKET_DIR PG_PORT [PER_KIND]
(DIR holds entities.jsonl, queries.tsv, answers.tsv; writes DIR/peers.json).
PER_KIND: run only the first PER_KIND queries of each kind (the peers take
about half a second per query at 1M records; coopatlas runs them all)."""
import json, math, os, sqlite3, sys, time

import psycopg2

R_KM = 6371.0088  # core/geo.hpp kEarthRadiusKm, also PostGIS's sphere (6371008.771 m)


def haversine(lat1, lon1, lat2, lon2):
    """Same formula as core/geo.cpp distance_km."""
    r = math.pi / 180
    dlat, dlon = (lat2 - lat1) * r, (lon2 - lon1) * r
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin(dlon / 2) ** 2
    return 2 * R_KM * math.asin(min(1.0, math.sqrt(h)))


def load_records(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            r = json.loads(line)
            yield n, r["title"] + " " + r["text"], [(g["lat"], g["lon"]) for g in r.get("geo", [])]


def read_tsv(path):
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f]


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(p * len(v)))]


def lon_ranges(lon, dlon):
    if dlon >= 180:
        return [(-180, 180)]
    lo, hi = lon - dlon, lon + dlon
    if lo < -180:
        return [(lo + 360, 180), (-180, hi)]
    if hi > 180:
        return [(lo, 180), (-180, hi - 360)]
    return [(lo, hi)]


def circle_box(lat, lon, r_km):
    """The circle's bounding box, as query/geo_index.cpp computes it (+ slack)."""
    a = r_km / R_KM
    d = math.degrees(a)
    lat0, lat1 = lat - d - 1e-7, lat + d + 1e-7
    if lat0 <= -90 or lat1 >= 90 or a >= math.pi / 2:
        return max(lat0, -90), min(lat1, 90), [(-180, 180)]
    s = math.sin(a) / math.cos(math.radians(lat))
    dlon = 180 if s >= 1 else math.degrees(math.asin(s))
    return lat0, lat1, lon_ranges(lon, dlon + 1e-7)


def main():
    d, sock, port = sys.argv[1], sys.argv[2], sys.argv[3]
    queries = read_tsv(os.path.join(d, "queries.tsv"))
    if len(sys.argv) > 4:
        per_kind, seen = int(sys.argv[4]), {}
        queries = [q for q in queries if seen.setdefault(q[1], []).append(q) or len(seen[q[1]]) <= per_kind]
    answers = {a[0]: (int(a[2]), int(a[3])) for a in read_tsv(os.path.join(d, "answers.tsv"))}
    report = {}

    # --- PostgreSQL + PostGIS --------------------------------------------
    pg = psycopg2.connect(host=sock, port=port, dbname="postgres", user="postgres")
    pg.autocommit = True
    c = pg.cursor()
    c.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    c.execute("DROP TABLE IF EXISTS rec")
    t = time.perf_counter()
    c.execute("CREATE UNLOGGED TABLE rec (id int PRIMARY KEY, body text, pts text)")
    import io
    buf = io.StringIO()
    for n, body, pts in load_records(os.path.join(d, "entities.jsonl")):
        wkt = "MULTIPOINT(" + ",".join(f"{lon!r} {lat!r}" for lat, lon in pts) + ")" if pts else ""
        buf.write(f"{n}\t{body.replace(chr(9), ' ')}\t{wkt or chr(92) + 'N'}\n")
    buf.seek(0)
    c.copy_expert("COPY rec FROM STDIN", buf)
    c.execute("ALTER TABLE rec ADD COLUMN geog geography(MultiPoint, 4326), ADD COLUMN geom geometry(MultiPoint, 4326),"
              " ADD COLUMN tsv tsvector")
    c.execute("UPDATE rec SET geom = ST_GeomFromText(pts, 4326), tsv = to_tsvector('french', body)")
    c.execute("UPDATE rec SET geog = geom::geography")
    c.execute("CREATE INDEX rec_geog ON rec USING gist (geog)")
    c.execute("CREATE INDEX rec_geom ON rec USING gist (geom)")
    c.execute("CREATE INDEX rec_tsv ON rec USING gin (tsv)")
    c.execute("VACUUM ANALYZE rec")
    pg_build = time.perf_counter() - t
    c.execute("SELECT pg_total_relation_size('rec')")
    pg_bytes = c.fetchone()[0]

    def pg_query(q):
        kind, lat, lon, r = q[1], float(q[2]), float(q[3]), float(q[4])
        w, s, e, n = map(float, q[5:9])
        kw = "tsv @@ to_tsquery('french', %(w)s)" if q[9] else "true"
        if kind == "K10":
            return ("SELECT id FROM rec WHERE " + kw + " ORDER BY ts_rank(tsv, to_tsquery('french', %(w)s)) DESC LIMIT 10",
                    {"w": q[9]})
        if kind == "BBOX":
            envs = [(w, e)] if w <= e else [(w, 180), (-180, e)]
            geo = " OR ".join(f"ST_Intersects(geom, ST_MakeEnvelope({a!r}, {s!r}, {b!r}, {n!r}, 4326))" for a, b in envs)
            return f"SELECT id FROM rec WHERE ({geo}) AND {kw}", {"w": q[9]}
        return (f"SELECT id FROM rec WHERE ST_DWithin(geog, ST_SetSRID(ST_MakePoint(%(lon)s, %(lat)s), 4326)::geography,"
                f" %(m)s, false) AND {kw}", {"lat": lat, "lon": lon, "m": r * 1000, "w": q[9]})

    # --- SQLite FTS5 + R*Tree ---------------------------------------------
    path = os.path.join(d, "peer.sqlite")
    if os.path.exists(path):
        os.remove(path)
    lite = sqlite3.connect(path)
    lite.create_function("hav", 4, haversine, deterministic=True)
    t = time.perf_counter()
    lite.execute("CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    lite.execute("CREATE VIRTUAL TABLE pts_rt USING rtree(pid, minlat, maxlat, minlon, maxlon)")
    lite.execute("CREATE TABLE pts (pid INTEGER PRIMARY KEY, rec INTEGER, lat REAL, lon REAL)")
    pid = 0
    rows_fts, rows_pts = [], []
    for n, body, pts in load_records(os.path.join(d, "entities.jsonl")):
        rows_fts.append((n, body))
        for lat, lon in pts:
            rows_pts.append((pid, n, lat, lon))
            pid += 1
    lite.executemany("INSERT INTO fts(rowid, body) VALUES (?, ?)", rows_fts)
    lite.executemany("INSERT INTO pts VALUES (?, ?, ?, ?)", rows_pts)
    lite.execute("INSERT INTO pts_rt SELECT pid, lat, lat, lon, lon FROM pts")
    lite.commit()
    lite_build = time.perf_counter() - t
    del rows_fts, rows_pts

    def lite_query(q):
        kind, lat, lon, r = q[1], float(q[2]), float(q[3]), float(q[4])
        w, s, e, n = map(float, q[5:9])
        kw = " AND p.rec IN (SELECT rowid FROM fts WHERE fts MATCH :w)" if q[9] else ""
        if kind == "K10":
            return "SELECT rowid FROM fts WHERE fts MATCH :w ORDER BY rank LIMIT 10", {"w": q[9]}
        if kind == "BBOX":
            envs = [(w, e)] if w <= e else [(w, 180), (-180, e)]
            # The R*Tree keeps 32-bit floats (boxes rounded outwards): it only
            # prefilters; the exact test reads the double coordinates.
            geo = " OR ".join(f"(r.maxlon >= {a!r} AND r.minlon <= {b!r} AND p.lon BETWEEN {a!r} AND {b!r})"
                              for a, b in envs)
            return (f"SELECT DISTINCT p.rec AS id FROM pts_rt r JOIN pts p ON p.pid = r.pid WHERE r.maxlat >= {s!r} AND "
                    f"r.minlat <= {n!r} AND p.lat BETWEEN {s!r} AND {n!r} AND ({geo}){kw}", {"w": q[9]})
        lat0, lat1, ranges = circle_box(lat, lon, r)
        geo = " OR ".join(f"(r.maxlon >= {a!r} AND r.minlon <= {b!r})" for a, b in ranges)
        return (f"SELECT DISTINCT p.rec AS id FROM pts_rt r JOIN pts p ON p.pid = r.pid WHERE r.maxlat >= {lat0!r} AND "
                f"r.minlat <= {lat1!r} AND ({geo}) AND hav(:lat, :lon, p.lat, p.lon) <= :r{kw}",
                {"lat": lat, "lon": lon, "r": r, "w": q[9]})

    def run(name, execute):
        times, wrong, kinds = {}, {}, []
        for q in queries:
            t = time.perf_counter()
            got = execute(q)
            times.setdefault(q[1], []).append((time.perf_counter() - t) * 1000)
            if q[1] not in kinds:
                kinds.append(q[1])
            want = answers[q[0]]
            if got != want:
                wrong[q[1]] = wrong.get(q[1], 0) + 1
        return {k: {"p50_ms": pct(times[k], 0.5), "p99_ms": pct(times[k], 0.99), "n": len(times[k]),
                    "answers_differing_from_coopatlas": wrong.get(k, 0)} for k in kinds}

    # A geo answer is checked by its count and the sum of its record numbers,
    # both computed inside the database: the peers never pay for sending tens
    # of thousands of rows to Python (coopatlas keeps its answer in memory too).
    # Keyword-only answers are top 10 lists; only their size is compared.
    def answer_sql(q, sql):
        return sql if q[1] == "K10" else f"SELECT count(*), coalesce(sum(id), 0) FROM ({sql}) AS answer"

    def summary(q, rows):
        return (len(rows), 0) if q[1] == "K10" else (int(rows[0][0]), int(rows[0][1]))

    def pg_exec(q):
        sql, params = pg_query(q)
        c.execute(answer_sql(q, sql), params)
        return summary(q, c.fetchall())

    def lite_exec(q):
        sql, params = lite_query(q)
        return summary(q, lite.execute(answer_sql(q, sql), params).fetchall())

    report["postgis"] = {"build_s": pg_build, "bytes": pg_bytes, "queries": run("postgis", pg_exec)}
    report["sqlite"] = {"build_s": lite_build, "bytes": os.path.getsize(path), "queries": run("sqlite", lite_exec)}
    c.execute("SELECT version(), postgis_full_version()")
    report["versions"] = {"postgres": c.fetchone()[0], "sqlite": sqlite3.sqlite_version}
    with open(os.path.join(d, "peers.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
