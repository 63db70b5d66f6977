#!/usr/bin/env python3
"""Compares the programme, contact and partnership records of an index (entities.jsonl)
with hand-made expectations in the eval-sample format (programmes.json, contacts.json,
partnerships.json).

usage: compare_eval.py INDEX_DIR/entities.jsonl EVAL_DIR
Prints, per field, how many expected records agree, and each disagreement."""
import json, re, sys, unicodedata


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

    compare_partnerships(records, sys.argv[2])


def name_words(s):
    """Folded words of a name, without articles, kind words and parenthesised remarks."""
    s = fold(s) or ''
    s = re.sub(r'\([^)]*\)', ' ', s)
    s = re.sub(r"[-'’,/.]", ' ', s)
    stop = {'le', 'la', 'les', 'de', 'du', 'des', 'd', 'l', 'et', 'a', 'au', 'aux', 'en', 'sur', 'sous'}
    return [w for w in s.split() if w not in stop]


def names_match(expected, produced):
    """True when one of the expected names (party, place) and one of the produced
    names (place, name, mentions) share their distinctive words: every word of the
    shorter place name appears in the other one."""
    for e in expected:
        ew = set(name_words(e))
        if not ew:
            continue
        for p in produced:
            pw = set(name_words(p))
            if pw and (pw <= ew or ew <= pw):
                return True
    return False


def partner_names(r):
    """Every name a partner record answers to: its place, name and mentions (and country for a country)."""
    out = [r.get('place') or '', r.get('name') or ''] + list(r.get('mentions', []))
    if r.get('kind') == 'pays':
        out.append(r.get('country') or '')
    return [x for x in out if x]


def naming_lines(partnership):
    """The guide lines naming a party of a partnership (its occurrences)."""
    return [o['line'] for o in partnership.get('occurrences', [])] or [partnership.get('line', 0)]


def lines(partnership):
    """The guide lines where a partnership is stated: the lines naming it and the first lines of the
    statements naming it (a ground-truth row is anchored at the start of the stating sentence)."""
    statements = [o['statement_line'] for o in partnership.get('occurrences', []) if 'statement_line' in o]
    return sorted(set(naming_lines(partnership) + statements))


def compare_partnerships(records, eval_dir):
    """A ground-truth row is found when a partnership has an occurrence within 2 lines
    of guide_line whose French party matches french_place/french_party and whose
    foreign party matches foreign_place/foreign_party (a country party matches
    foreign_country)."""
    try:
        exp = json.load(open(eval_dir + '/partnerships.json', encoding='utf-8'))
    except FileNotFoundError:
        return
    partners = {r['id']: r for r in records if r['type'] == 'partner'}
    ships = [r for r in records if r['type'] == 'partnership']
    print(f"records: {len(partners)} partners, {len(ships)} partnerships")

    def names(pid):
        return partner_names(partners.get(pid, {}))

    found = 0
    for e in exp:
        near = [s for s in ships if any(abs(l - e['guide_line']) <= 2 for l in lines(s))]
        fr_exp = [e['french_place'] or '', e['french_party']]
        fo_exp = [e['foreign_place'] or '', e['foreign_party']]
        if e.get('foreign_admin') == 'pays' or not e.get('foreign_place'):
            fo_exp.append(e['foreign_country'])
        ok = [s for s in near if names_match(fr_exp, names(s['parties'][0])) and names_match(fo_exp, names(s['parties'][-1]))]
        if ok:
            found += 1
            print(f"  found     line {e['guide_line']}: {e['french_party']} - {e['foreign_party']} -> {ok[0]['id']}")
            continue
        if not near:
            why = 'no partnership within 2 lines'
        else:
            fr_ok = [s for s in near if names_match(fr_exp, names(s['parties'][0]))]
            fo_ok = [s for s in near if names_match(fo_exp, names(s['parties'][-1]))]
            why = ('French side found, foreign side differs' if fr_ok else
                   'foreign side found, French side differs' if fo_ok else 'neither side matches')
            why += ': ' + ', '.join(s['id'] for s in near[:6])
        print(f"  NOT FOUND line {e['guide_line']}: {e['french_party']} - {e['foreign_party']} ({why})")
    print(f"partnerships found: {found}/{len(exp)}")


if __name__ == '__main__':
    main()
