#!/usr/bin/env python3
"""Draw the session-10 blind evaluation windows over the whole guide: `draw_windows.py 80`.

Every 20-line stretch of the guide has been read as a sample by the end of session 9, so no
stretch is excluded: this sample is new by its seed and its annotation (two annotators who read no
code, no output and no earlier sample), not by its text. The drawing is tests/tools/draw_sample.py's.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from draw_sample import draw_windows  # noqa: E402

SEED = 20261230

if __name__ == "__main__":
    draw_windows(SEED, int(sys.argv[1]) if len(sys.argv) > 1 else 80)
