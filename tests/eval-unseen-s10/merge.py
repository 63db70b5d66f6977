#!/usr/bin/env python3
"""Merge annotators A and B into the files the tools read: windows.json (A's then B's windows, sorted),
partnerships.json and queries.json (A's rows then B's)."""
import json

windows, rows, queries = [], [], []
for name in "AB":
    windows += json.load(open(f"windows_{name}.json", encoding="utf-8"))
    rows += json.load(open(f"{name}/partnerships.json", encoding="utf-8"))
    queries += json.load(open(f"{name}/queries.json", encoding="utf-8"))
windows.sort(key=lambda w: w["start"])
for path, data in (("windows.json", windows), ("partnerships.json", rows), ("queries.json", queries)):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
print(f"{len(windows)} windows, {len(rows)} rows ({sum(not r.get('doubtful') for r in rows)} sure), {len(queries)} queries")
