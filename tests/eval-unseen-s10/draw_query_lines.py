#!/usr/bin/env python3
"""Draw candidate lines for the session-10 query sample: `draw_query_lines.py 80`.

The annotator accepts the candidates in draw order, skipping a line that is blank, a page
number, a running header/footer, a table-of-contents / index line, or otherwise not inside a
prose paragraph or programme block. Odd draws belong to A, even to B; each accepts 20. The
decisions are recorded in A/ and B/query_draws.json. The drawing is tests/tools/draw_sample.py's.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from draw_sample import print_query_lines  # noqa: E402

SEED = 20261231

if __name__ == "__main__":
    print_query_lines(SEED, int(sys.argv[1]) if len(sys.argv) > 1 else 80)
