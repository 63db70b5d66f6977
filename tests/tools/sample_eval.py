#!/usr/bin/env python3
"""Partnership recall AND precision of an index on a windowed, hand-read sample.

usage: sample_eval.py INDEX_DIR/entities.jsonl SAMPLE_DIR [--verbose]

SAMPLE_DIR holds windows.json ([{"start", "end"}], 1-based inclusive guide lines)
and partnerships.json (the eval-sample format; rows may carry "doubtful": true).
The annotation is complete inside the windows, so:
- recall: sure rows found / sure rows (a row is found as in compare_eval.py: a
  partnership with an occurrence within 2 lines whose two sides match);
- precision: partnerships named inside a window that match some row (sure or doubtful)
  within 2 lines / partnerships named inside a window. A partnership is named inside a
  window when one of its occurrences (the lines naming a party) is, as RULES.md 6 counts
  a pair whose naming clause is inside or crosses the edge; a sentence that starts in a
  window and names the pair only after its edge does not count.
With --verbose, a false positive the annotators list in windows_annotated.json's
"outside" rows (pairs they excluded as named outside their window) is flagged so.
"""
import json
import sys

from compare_eval import lines, names_match, partner_names


def outside_rows(sample_dir):
    """The pairs the annotators excluded as named outside their windows, where they listed them."""
    rows = []
    for name in ('A', 'B'):
        try:
            windows = json.load(open(f'{sample_dir}/{name}/windows_annotated.json', encoding='utf-8'))
        except FileNotFoundError:
            continue
        for w in windows:
            for o in w.get('outside', []):
                if isinstance(o, dict) and 'guide_line' in o:
                    rows.append({'french_party': o.get('french_party', ''), 'foreign_party': o.get('foreign_party', ''),
                                 'french_place': None, 'foreign_place': None, 'foreign_country': '',
                                 'guide_line': o['guide_line']})
    return rows


def evaluate(records, windows, rows, outside=()):
    """(found, sure, right, predicted, notes): sure rows found, partnerships named inside a window
    and those of them matching a row; notes name each miss and false positive."""
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
            fo.append(e.get('foreign_country') or '')
        return (abs(line - e['guide_line']) <= 2 and names_match(fr, names(s['parties'][0]))
                and names_match(fo, names(s['parties'][-1])))

    def named_inside(s):
        """The lines stating s in a window: its occurrences there, and the lines their sentences start on."""
        occurrences = s.get('occurrences') or [{'line': s['line']}]
        inside = [o for o in occurrences if in_window(o['line'])]
        return sorted({o['line'] for o in inside} | {o['statement_line'] for o in inside if 'statement_line' in o})

    notes = []
    sure = [e for e in rows if not e.get('doubtful')]
    found = 0
    for e in sure:
        ok = any(matches(s, e, l) for s in ships for l in lines(s))
        found += ok
        if not ok:
            notes.append(f"  missed line {e['guide_line']}: {e['french_party']} - {e['foreign_party']}")
    predicted = [(s, named_inside(s)) for s in ships]
    predicted = [(s, ls) for s, ls in predicted if ls]
    right = 0
    for s, ls in predicted:
        ok = any(matches(s, e, l) for e in rows for l in ls)
        right += ok
        if not ok:
            listed = any(matches(s, e, l) for e in outside for l in ls)
            notes.append(f"  false positive line {ls[0]}: {s['id']}" + (" (listed as outside its window)" if listed else ""))
    return found, len(sure), right, len(predicted), notes


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    records = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
    windows = json.load(open(sys.argv[2] + '/windows.json', encoding='utf-8'))
    rows = json.load(open(sys.argv[2] + '/partnerships.json', encoding='utf-8'))
    found, sure, right, predicted, notes = evaluate(records, windows, rows, outside_rows(sys.argv[2]))
    if '--verbose' in sys.argv:
        print('\n'.join(notes))
    recall = found / sure if sure else float('nan')
    precision = right / predicted if predicted else float('nan')
    print(f"windows: {len(windows)} ({sum(w['end'] - w['start'] + 1 for w in windows)} lines), "
          f"rows: {sure} sure + {len(rows) - sure} doubtful")
    print(f"recall: {found}/{sure} = {recall:.3f}")
    print(f"precision: {right}/{predicted} = {precision:.3f}")


if __name__ == '__main__':
    main()
