#!/usr/bin/env python3
"""Draw the session-9 blind evaluation windows over the whole guide.

Every 20-line stretch of the guide had been read once as a sample by the end of session 8, so no
stretch is excluded: this sample is new by its seed and its annotation (two annotators who read no
code, no output and no earlier sample), not by its text.

Run as `draw_windows.py 80`: non-overlapping windows of 20 consecutive lines, start drawn uniformly
with random.Random(SEED).randint(1, N-19) until 80 windows. Even draws -> A, odd draws -> B.
"""
import json
import random
import sys

SEED = 20261220
N_WINDOWS = int(sys.argv[1]) if len(sys.argv) > 1 else 80
WIDTH = 20
GUIDE = "/work/shared/guide/guide.txt"


def main():
    n_lines = len(open(GUIDE, encoding="utf-8").read().splitlines())
    rng = random.Random(SEED)
    starts = []
    while len(starts) < N_WINDOWS:
        s = rng.randint(1, n_lines - WIDTH + 1)
        if any(abs(s - t) < WIDTH for t in starts):
            continue
        starts.append(s)
    for name, part in (("A", starts[0::2]), ("B", starts[1::2])):
        windows = [{"start": s, "end": s + WIDTH - 1} for s in sorted(part)]
        with open(f"windows_{name}.json", "w", encoding="utf-8") as f:
            json.dump(windows, f, indent=1)
            f.write("\n")
    print(f"{n_lines} lines, {len(starts)} windows drawn")


if __name__ == "__main__":
    sys.exit(main())
