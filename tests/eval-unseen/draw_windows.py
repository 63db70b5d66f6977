#!/usr/bin/env python3
"""Draw the unseen evaluation windows over the guide.

50 non-overlapping windows of 20 consecutive lines, start drawn uniformly at
random (random.Random(20261204).randint(1, N-19)); a draw that overlaps an
already accepted window is rejected and redrawn. Windows are written sorted,
1-based inclusive, to windows.json next to this script.
"""
import json
import os
import random

SEED = 20261204
N_WINDOWS = 50
WIDTH = 20
HERE = os.path.dirname(os.path.abspath(__file__))
GUIDE = str(__import__("pathlib").Path(__file__).resolve().parents[2] / "data/guide/guide.txt")


def main():
    with open(GUIDE, encoding="utf-8") as f:
        n_lines = len(f.read().splitlines())
    rng = random.Random(SEED)
    starts = []
    while len(starts) < N_WINDOWS:
        s = rng.randint(1, n_lines - WIDTH + 1)
        if all(abs(s - t) >= WIDTH for t in starts):
            starts.append(s)
    windows = [{"start": s, "end": s + WIDTH - 1} for s in sorted(starts)]
    with open(os.path.join(HERE, "windows.json"), "w", encoding="utf-8") as f:
        json.dump(windows, f, indent=1)
        f.write("\n")
    print(f"{n_lines} lines, {len(windows)} windows written")


if __name__ == "__main__":
    main()
