#!/usr/bin/env python3
"""Merge annotators A and B into the files the tools read: windows.json (A's then B's windows, sorted),
partnerships.json and queries.json (A's rows then B's). The merging is tests/tools/merge_sample.py's."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
from merge_sample import merge  # noqa: E402

if __name__ == "__main__":
    merge(HERE)
