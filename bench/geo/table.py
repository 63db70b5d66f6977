#!/usr/bin/env python3
"""Markdown tables of one benchmark result (bench/geo/results/nN.json), as in
bench/README.md. Usage: table.py bench/geo/results/n1000000.json"""
import json, sys

KINDS = [("R50", "R50 (whole set)"), ("R500", "R500 (whole set)"), ("K10+R50", "K10 + R50"),
         ("K10+R500", "K10 + R500"), ("BBOX", "BBOX 2 x 1.5 deg"), ("K10", "K10 alone, top 10")]


def cell(q):
    return f"{q['p50_ms']:.3g} / {q['p99_ms']:.3g}" if q else "-"


def main():
    r = json.load(open(sys.argv[1]))
    c, pg, sq = r["coopatlas"]["queries"], r["postgis"]["queries"], r["sqlite"]["queries"]
    print("| query | coopatlas | PostgreSQL 15 + PostGIS | SQLite FTS5 + R*Tree | mean results | PostGIS p50 / p99 vs coopatlas |")
    print("|---|---|---|---|---|---|")
    for k, label in KINDS:
        ratio = f"{pg[k]['p50_ms'] / c[k]['p50_ms']:.0f}x / {pg[k]['p99_ms'] / c[k]['p99_ms']:.0f}x"
        print(f"| {label} | **{cell(c[k])}** | {cell(pg.get(k))} | {cell(sq.get(k))} | {c[k]['mean_results']:,.0f} | {ratio} |")
    if "coopatlas_no_match_cache" in r:
        n = r["coopatlas_no_match_cache"]["queries"]
        print("\ncoopatlas without the match-set cache: " +
              ", ".join(f"{k} {cell(n[k])}" for k, _ in KINDS if k.startswith("K10")))
    if "coopatlas_no_match_cache_no_term_bitmaps" in r:
        n = r["coopatlas_no_match_cache_no_term_bitmaps"]["queries"]
        print("\ncoopatlas without the match-set cache nor the term bitmaps: " +
              ", ".join(f"{k} {cell(n[k])}" for k, _ in KINDS if k.startswith("K10")))
    diff = {s: sum(q.get("answers_differing_from_coopatlas", 0) for q in r[s]["queries"].values()) for s in ("postgis", "sqlite")}
    print(f"\nanswers differing from coopatlas: PostGIS {diff['postgis']}, SQLite {diff['sqlite']}")
    b = r["build"]
    print(f"\nbuild: coopatlas Xapian {b['xapian_s']:.1f} s ({b['shards']} shards, {b['xapian_bytes'] / 1e6:.0f} MB) "
          f"+ entities.jsonl {b['jsonl_s']:.2f} s ({b['jsonl_bytes'] / 1e6:.0f} MB)"
          + (f" + terms.bitmaps {b['bitmaps_s']:.2f} s ({b['bitmaps_bytes'] / 1e6:.0f} MB)" if "bitmaps_s" in b else "")
          + "; "
          f"PostGIS {r['postgis']['build_s']:.1f} s ({r['postgis']['bytes'] / 1e6:.0f} MB); "
          f"SQLite {r['sqlite']['build_s']:.1f} s ({r['sqlite']['bytes'] / 1e6:.0f} MB); "
          f"coopatlas open {r['coopatlas'].get('open_ms', 0):.0f} ms")
    if "loadavg_1_5_15" in r:
        print("load average (1/5/15 min):", r["loadavg_1_5_15"])


main()
