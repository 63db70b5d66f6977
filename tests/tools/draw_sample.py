#!/usr/bin/env python3
"""The random draws of a blind evaluation sample: windows of guide lines and query lines.

Each sample folder (tests/eval-unseen-sN/) keeps a small script naming its seeds; the
drawing itself is here. The samples of sessions 5-8 keep the standalone scripts that drew
them, byte for byte.

- draw_windows(seed, n, excluded): non-overlapping windows of WIDTH consecutive lines, each
  start drawn uniformly with random.Random(seed).randint(1, N - WIDTH + 1), a draw overlapping
  an accepted window or an excluded (start, end) range being drawn again; written as
  windows_A.json (even draws) and windows_B.json (odd draws) in the current folder.
- print_query_lines(seed, n): n distinct lines drawn with random.Random(seed).randint(1, N),
  printed in draw order with 4 lines of context; odd draws belong to annotator A, even to B.
"""
import json
import random

GUIDE = "/work/shared/guide/guide.txt"
WIDTH = 20


def draw_windows(seed, n_windows, excluded=(), max_draws=200000):
    n_lines = len(open(GUIDE, encoding="utf-8").read().splitlines())
    rng = random.Random(seed)
    starts = []
    for _ in range(max_draws):
        if len(starts) >= n_windows:
            break
        s = rng.randint(1, n_lines - WIDTH + 1)
        e = s + WIDTH - 1
        if any(abs(s - t) < WIDTH for t in starts) or any(s <= b and a <= e for a, b in excluded):
            continue
        starts.append(s)
    for name, part in (("A", starts[0::2]), ("B", starts[1::2])):
        windows = [{"start": s, "end": s + WIDTH - 1} for s in sorted(part)]
        with open(f"windows_{name}.json", "w", encoding="utf-8") as f:
            json.dump(windows, f, indent=1)
            f.write("\n")
    print(f"{n_lines} lines, {len(starts)} windows drawn")


def print_query_lines(seed, n_draws):
    lines = open(GUIDE, encoding="utf-8").read().split("\n")
    rng = random.Random(seed)
    seen = set()
    while len(seen) < n_draws:
        line = rng.randint(1, len(lines))
        if line in seen:  # a line already drawn is skipped (no duplicate queries)
            continue
        seen.add(line)
        k = len(seen)
        print(f"#### draw {k} ({'A' if k % 2 else 'B'}): line {line}")
        for i in range(max(1, line - 4), min(len(lines), line + 4) + 1):
            print(f"{'>' if i == line else ' '}{i:5d}| {lines[i-1]}")
