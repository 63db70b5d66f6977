#!/usr/bin/env python3
"""Compares the programme and contact records of an index (entities.jsonl) with
hand-made expectations in the eval-sample format (programmes.json, contacts.json).

usage: compare_eval.py INDEX_DIR/entities.jsonl EVAL_DIR
Prints, per field, how many expected records agree, and each disagreement."""
import json, sys, unicodedata


def fold(s):
    if s is None:
        return None
    s = unicodedata.normalize('NFD', str(s)).replace('’', "'")
    return ' '.join(''.join(c for c in s if unicodedata.category(c) != 'Mn').lower().split())


def main():
    records = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
    progs = {r['line']: r for r in records if r['type'] == 'programme'}
    contacts = [r for r in records if r['type'] == 'contact']
    print(f"records: {len(progs)} programmes, {len(contacts)} contacts")
    exp = json.load(open(sys.argv[2] + '/programmes.json', encoding='utf-8'))
    score = {}
    for e in exp:
        r = progs.get(e['guide_line'])
        checks = {
            'found': r is not None,
            'kind': r is not None and fold(r.get('kind')) == fold(e['kind']),
            'odd': r is not None and sorted(r.get('odd', [])) == sorted(e['odd']),
            'emails': r is not None and sorted(r.get('emails', [])) == sorted(x.lower() for x in e['emails']),
            'page': r is not None and r.get('page') == e['printed_page'],
            'title': r is not None and fold(r.get('title')) == fold(e['title']),
            'lead': r is not None and fold(r.get('lead')) == fold(e['lead']),
            'budget': r is not None and fold(r.get('budget')) == fold(e['budget']),
            'countries': r is not None and sorted(fold(c['name']) for c in r.get('countries', [])) == sorted(fold(c) for c in e['countries']),
            'destinations': r is not None and [fold(d) for d in r.get('destinations', [])] == [fold(d) for d in e['destinations']],
            'themes': r is not None and [fold(d) for d in r.get('themes', [])] == [fold(d) for d in e['themes']],
            'section': r is not None and bool(r.get('section')) and fold(r['section'][-1]) == fold(e['section']),
        }
        for k, ok in checks.items():
            score.setdefault(k, [0, 0])
            score[k][0] += ok
            score[k][1] += 1
            if not ok:
                got = None if r is None else {'kind': r.get('kind'), 'odd': r.get('odd'), 'emails': r.get('emails'), 'page': r.get('page'), 'title': r.get('title'), 'lead': r.get('lead'), 'budget': r.get('budget'), 'countries': r.get('countries'), 'destinations': r.get('destinations'), 'themes': r.get('themes'), 'section': r.get('section')}.get(k)
                print(f"  programme line {e['guide_line']} {k}: expected {e.get({'page': 'printed_page', 'found': 'guide_line'}.get(k, k))!r} got {got!r}")
    for k, (a, b) in score.items():
        print(f"programmes {k}: {a}/{b}")
    exp = json.load(open(sys.argv[2] + '/contacts.json', encoding='utf-8'))
    by_email = {}
    for c in contacts:
        if c.get('email'):
            by_email.setdefault(c['email'].lower(), []).append(c)

    def appearance(e):
        # one contact record per appearance: the one of the expected section, else the nearest line
        found = by_email.get(e['email'].lower(), [])
        same = [c for c in found if c.get('section') and fold(c['section'][-1]) == fold(e.get('section'))]
        pool = same or found
        return min(pool, key=lambda c: abs(c.get('line', 0) - e.get('guide_line', 0))) if pool else None
    score = {}
    for e in exp:
        c = appearance(e)
        checks = {
            'email present': c is not None,
            'name': c is not None and c.get('name') == e['name'],
            'role': c is not None and fold(c.get('role')) == fold(e['role']),
            'organisation': c is not None and fold(c.get('organisation')) == fold(e['organisation']),
        }
        for k, ok in checks.items():
            score.setdefault(k, [0, 0])
            score[k][0] += ok
            score[k][1] += 1
            if not ok:
                print(f"  contact {e['email']} {k}: expected {e.get(k.split()[0])!r} got {None if c is None else c.get(k.split()[0])!r}")
    for k, (a, b) in score.items():
        print(f"contacts {k}: {a}/{b}")


if __name__ == '__main__':
    main()
