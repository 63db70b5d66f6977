#!/usr/bin/env python3
"""Draw candidate lines for the unseen query sample.

random.Random(20261221).randint(1, N) is called repeatedly; the candidates are
printed in draw order with a little context. The annotator accepts them in that
order, redrawing (i.e. skipping to the next candidate) when the line is blank, a
page number, a running header/footer, a table-of-contents / index line, or
otherwise not inside a prose paragraph or programme block. Draws alternate between
the two annotators: odd draw numbers -> A, even -> B; each accepts 20. The accepted/rejected decisions are recorded in query_draws.json.
"""
import sys
import random

SEED = 20261221
GUIDE = "/work/shared/guide/guide.txt"
N_DRAWS = int(sys.argv[1]) if len(sys.argv) > 1 else 80

lines = open(GUIDE, encoding="utf-8").read().split("\n")
rng = random.Random(SEED)
seen = set()
k = 0
while k < N_DRAWS:
    l = rng.randint(1, len(lines))
    if l in seen:      # a line already drawn is skipped (no duplicate queries)
        continue
    seen.add(l)
    k += 1
    print(f"#### draw {k} ({'A' if k % 2 else 'B'}): line {l}")
    for i in range(max(1, l - 4), min(len(lines), l + 4) + 1):
        print(f"{'>' if i == l else ' '}{i:5d}| {lines[i-1]}")
