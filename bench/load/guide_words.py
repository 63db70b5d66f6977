#!/usr/bin/env python3
"""The words of the guide a reader might search for, one a line, for the load
test's searches that are mostly different from each other (bench/load/urls.lua,
MIX=distinct): every word of at least 4 letters that the guide writes at least
twice, lower-cased, sorted (the same list for the same guide).

    bench/load/guide_words.py data/guide/guide.txt > words.txt"""
import collections
import re
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: guide_words.py GUIDE_TXT")
    with open(sys.argv[1], encoding="utf-8") as f:
        counts = collections.Counter(w.lower() for w in re.findall(r"[^\W\d_]{4,}", f.read()))
    sys.stdout.write("".join(w + "\n" for w in sorted(w for w, n in counts.items() if n >= 2)))


if __name__ == "__main__":
    main()
