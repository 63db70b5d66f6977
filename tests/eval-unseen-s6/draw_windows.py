#!/usr/bin/env python3
"""Draw the session-6 unseen evaluation windows over the guide.

110 non-overlapping windows of 20 consecutive lines; start drawn uniformly at
random with random.Random(SEED).randint(1, N-19). A draw is rejected and redrawn
when it overlaps an accepted window or a stretch developers have already read as
an evaluation sample (session-5 unseen windows, the session-5 tuning sample, the
public eval-sample's partnership lines +-10). Windows are split between two
annotators by draw order: even draws -> A, odd draws -> B.
"""
import json
import pathlib
import random
import sys

SEED = 20261206
N_WINDOWS = 110
WIDTH = 20
HERE = pathlib.Path(__file__).resolve().parent
GUIDE = HERE.parents[1] / "data/guide/guide.txt"
# The session-5 tuning sample the partnership helper read (kept in its notes, outside the repository).
TUNING_SAMPLE_RANGES = [(150, 560), (5540, 6010)]
EVAL_SAMPLE = "/work/shared/eval-sample/partnerships.json"  # the public sample given with the brief


def seen_ranges():
    ranges = [(w["start"], w["end"]) for w in json.load(open(HERE.parent / "eval-unseen/windows.json"))]
    ranges += TUNING_SAMPLE_RANGES
    for row in json.load(open(EVAL_SAMPLE)):
        line = row.get("guide_line")
        if isinstance(line, int):
            ranges.append((line - 10, line + 10))
    return ranges


def main():
    n_lines = len(open(GUIDE, encoding="utf-8").read().splitlines())
    seen = seen_ranges()
    rng = random.Random(SEED)
    starts = []
    while len(starts) < N_WINDOWS:
        s = rng.randint(1, n_lines - WIDTH + 1)
        e = s + WIDTH - 1
        if any(abs(s - t) < WIDTH for t in starts):
            continue
        if any(s <= b and a <= e for a, b in seen):
            continue
        starts.append(s)
    for name, part in (("A", starts[0::2]), ("B", starts[1::2])):
        windows = [{"start": s, "end": s + WIDTH - 1} for s in sorted(part)]
        with open(HERE / f"windows_{name}.json", "w", encoding="utf-8") as f:
            json.dump(windows, f, indent=1)
            f.write("\n")
    print(f"{n_lines} lines, {len(starts)} windows drawn, {len(seen)} seen ranges excluded")


if __name__ == "__main__":
    sys.exit(main())
