#!/usr/bin/env python3
"""Partnership recall AND precision of an index on a windowed, hand-read sample.

usage: sample_eval.py INDEX_DIR/entities.jsonl SAMPLE_DIR [--verbose]

SAMPLE_DIR holds windows.json ([{"start", "end"}], 1-based inclusive guide lines)
and partnerships.json (the eval-sample format; rows may carry "doubtful": true).
The annotation is complete inside the windows, so:
- recall: sure rows found / sure rows (a row is found as in compare_eval.py: a
  partnership with an occurrence within 2 lines whose two sides match);
- precision: partnerships with an occurrence inside a window that match some row
  (sure or doubtful) within 2 lines / partnerships with an occurrence inside a window.
"""
import json
import sys

from compare_eval import lines, names_match, partner_names


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    verbose = '--verbose' in sys.argv
    records = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
    windows = json.load(open(sys.argv[2] + '/windows.json', encoding='utf-8'))
    rows = json.load(open(sys.argv[2] + '/partnerships.json', encoding='utf-8'))
    partners = {r['id']: r for r in records if r['type'] == 'partner'}
    ships = [r for r in records if r['type'] == 'partnership']

    def names(pid):
        return partner_names(partners.get(pid, {}))

    def in_window(line):
        return any(w['start'] <= line <= w['end'] for w in windows)

    def matches(s, e, line):
        fr = [e.get('french_place') or '', e['french_party']]
        fo = [e.get('foreign_place') or '', e['foreign_party']]
        if e.get('foreign_admin') == 'pays' or not e.get('foreign_place'):
            fo.append(e['foreign_country'])
        return (abs(line - e['guide_line']) <= 2 and names_match(fr, names(s['parties'][0]))
                and names_match(fo, names(s['parties'][-1])))

    sure = [e for e in rows if not e.get('doubtful')]
    found = 0
    for e in sure:
        ok = any(matches(s, e, l) for s in ships for l in lines(s))
        found += ok
        if verbose and not ok:
            print(f"  missed line {e['guide_line']}: {e['french_party']} - {e['foreign_party']}")
    predicted = [(s, [l for l in lines(s) if in_window(l)]) for s in ships]
    predicted = [(s, ls) for s, ls in predicted if ls]
    right = 0
    for s, ls in predicted:
        ok = any(matches(s, e, l) for e in rows for l in ls)
        right += ok
        if verbose and not ok:
            print(f"  false positive line {ls[0]}: {s['id']}")
    recall = found / len(sure) if sure else float('nan')
    precision = right / len(predicted) if predicted else float('nan')
    print(f"windows: {len(windows)} ({sum(w['end'] - w['start'] + 1 for w in windows)} lines), "
          f"rows: {len(sure)} sure + {len(rows) - len(sure)} doubtful")
    print(f"recall: {found}/{len(sure)} = {recall:.3f}")
    print(f"precision: {right}/{len(predicted)} = {precision:.3f}")


if __name__ == '__main__':
    main()
