#!/usr/bin/env python3
"""Partnerships added and removed between two indexes, with the guide lines stating them,
to check a rule by hand against the guide text.

usage: partnership_diff.py BEFORE/entities.jsonl AFTER/entities.jsonl [--occurrences]

Prints one line per partnership only one side has ("+" added, "-" removed): its id, its
title and the guide lines of its occurrences. With --occurrences, also the partnerships
both have whose occurrence lines differ ("~", lines added and removed)."""
import json
import sys


def partnerships(path):
    out = {}
    for line in open(path, encoding='utf-8'):
        r = json.loads(line)
        if r['type'] == 'partnership':
            out[r['id']] = (r['title'], sorted({o['line'] for o in r.get('occurrences', [])} or {r['line']}))
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    before, after = partnerships(sys.argv[1]), partnerships(sys.argv[2])
    for sign, ids, side in (('-', before.keys() - after.keys(), before), ('+', after.keys() - before.keys(), after)):
        for i in sorted(ids, key=lambda i: side[i][1][0]):
            title, lines = side[i]
            print(f"{sign} l.{lines[0]:<5} {title}  [{i}] lines {lines}")
    if '--occurrences' in sys.argv:
        for i in sorted(before.keys() & after.keys(), key=lambda i: after[i][1][0]):
            added = sorted(set(after[i][1]) - set(before[i][1]))
            removed = sorted(set(before[i][1]) - set(after[i][1]))
            if added or removed:
                print(f"~ l.{after[i][1][0]:<5} {after[i][0]}  [{i}] +{added} -{removed}")
    print(f"before {len(before)}, after {len(after)}: "
          f"+{len(after.keys() - before.keys())} -{len(before.keys() - after.keys())}")


if __name__ == '__main__':
    main()
