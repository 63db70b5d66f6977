#!/usr/bin/env python3
"""Merge a blind sample's two annotators into the files the tools read.

usage: merge_sample.py SAMPLE_DIR

Writes SAMPLE_DIR/windows.json (A's then B's windows, sorted by start), partnerships.json and
queries.json (A's rows then B's), from windows_A.json, windows_B.json, A/ and B/."""
import json
import os
import sys


def merge(sample_dir):
    windows, rows, queries = [], [], []
    for name in "AB":
        windows += json.load(open(os.path.join(sample_dir, f"windows_{name}.json"), encoding="utf-8"))
        rows += json.load(open(os.path.join(sample_dir, name, "partnerships.json"), encoding="utf-8"))
        queries += json.load(open(os.path.join(sample_dir, name, "queries.json"), encoding="utf-8"))
    windows.sort(key=lambda w: w["start"])
    for path, data in (("windows.json", windows), ("partnerships.json", rows), ("queries.json", queries)):
        with open(os.path.join(sample_dir, path), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"{len(windows)} windows, {len(rows)} rows ({sum(not r.get('doubtful') for r in rows)} sure), "
          f"{len(queries)} queries")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    merge(sys.argv[1])
