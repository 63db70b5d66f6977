#!/usr/bin/env python3
"""Draw the session-8 unseen evaluation windows over the guide.

Run as `draw_windows.py 200`: non-overlapping windows of 20 consecutive lines, start drawn
uniformly at random with random.Random(SEED).randint(1, N-19), until 200 windows or 200,000
draws. A draw is rejected and redrawn when it overlaps an accepted window or a stretch
developers have already read as an evaluation sample (session-5 unseen windows, the session-5
tuning sample, the session-6 and session-7 unseen windows, the public eval-sample's partnership
lines +-10). The guide had room for 71: this sample is all the text not read before. Windows are split between two
annotators by draw order: even draws -> A, odd draws -> B.
"""
import json
import random
import sys

SEED = 20261210
N_WINDOWS = int(sys.argv[1]) if len(sys.argv) > 1 else 80
WIDTH = 20
GUIDE = "/work/shared/guide/guide.txt"


def seen_ranges():
    ranges = [(w["start"], w["end"]) for w in json.load(open("/work/main/tests/eval-unseen/windows.json"))]
    ranges += [(w["start"], w["end"]) for w in json.load(open("/work/notes/ships-sample/windows.json"))]
    ranges += [(w["start"], w["end"]) for w in json.load(open("/work/main/tests/eval-unseen-s6/windows.json"))]
    ranges += [(w["start"], w["end"]) for w in json.load(open("/work/main/tests/eval-unseen-s7/windows.json"))]
    for row in json.load(open("/work/shared/eval-sample/partnerships.json")):
        line = row.get("guide_line")
        if isinstance(line, int):
            ranges.append((line - 10, line + 10))
    return ranges


def main():
    n_lines = len(open(GUIDE, encoding="utf-8").read().splitlines())
    seen = seen_ranges()
    rng = random.Random(SEED)
    starts = []
    attempts = 0
    while len(starts) < N_WINDOWS and attempts < 200000:
        attempts += 1
        s = rng.randint(1, n_lines - WIDTH + 1)
        e = s + WIDTH - 1
        if any(abs(s - t) < WIDTH for t in starts):
            continue
        if any(s <= b and a <= e for a, b in seen):
            continue
        starts.append(s)
    for name, part in (("A", starts[0::2]), ("B", starts[1::2])):
        windows = [{"start": s, "end": s + WIDTH - 1} for s in sorted(part)]
        with open(f"windows_{name}.json", "w", encoding="utf-8") as f:
            json.dump(windows, f, indent=1)
            f.write("\n")
    print(f"{n_lines} lines, {len(starts)} windows drawn, {len(seen)} seen ranges excluded")


if __name__ == "__main__":
    sys.exit(main())
