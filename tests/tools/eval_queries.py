#!/usr/bin/env python3
"""Search quality of an index on a query set in the eval-sample format
(/work/shared/eval-sample/queries.json; tests/query/golden_queries.json also reads).

usage: eval_queries.py QUERIES_JSON [--index var/index] [--query-bin build/query/coopatlas-query] [--verbose]

Keyword queries ("q" a string): hit@10 / hit@3 = one of the first 10 / 3
results contains one of the `must_find` texts (a string or a list of
alternatives) in its title, snippet or whole record text. Texts are compared
with case, whitespace, apostrophes and the snippet's HTML forgiven. A query
with "none": true must find nothing. Map queries ("q" null, with "near" and
"radius_km", maybe "type"): every `must_find` text among all the results
within the radius and no `must_not_find` text.

Each query runs through `coopatlas-query --json` (the body of GET
/api/search). Prints one line per query that misses (all with --verbose),
the totals per category and overall; exits 0 whatever the scores.
"""
import argparse
import collections
import html
import json
import re
import subprocess
import sys


def norm(s):
    s = html.unescape(re.sub(r'</?mark>', '', s or ''))
    s = s.replace('’', "'").replace('\u00a0', ' ').replace('\u202f', ' ')
    return re.sub(r'\s+', ' ', s).strip().casefold()


def load_records(index):
    records = {}
    with open(f'{index}/entities.jsonl', encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            records[r['id']] = norm(r.get('title', '')) + ' \n ' + norm(r.get('text', ''))
    return records


def run(query_bin, index, args):
    out = subprocess.run([query_bin, '--index', index, '--json'] + args, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f'coopatlas-query {" ".join(args)} failed: {out.stderr.strip()}')
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('queries')
    ap.add_argument('--index', default='var/index')
    ap.add_argument('--query-bin', default='build/query/coopatlas-query')
    ap.add_argument('--verbose', action='store_true', help='one line per query, hit or not')
    args = ap.parse_args()
    cases = json.load(open(args.queries, encoding='utf-8'))
    records = load_records(args.index)

    def rank_of(results, needles):
        for rank, r in enumerate(results, 1):
            hay = norm(r.get('snippet', '')) + ' \n ' + records.get(r['id'], norm(r.get('title', '')))
            if any(n in hay for n in needles):
                return rank
        return 0

    per_category = collections.defaultdict(lambda: [0, 0, 0])  # hit@3, hit@10, n
    absent = [0, 0]
    geo = [0, 0]
    for c in cases:
        q = c.get('q')
        if q is None:  # a map query
            flags = ['--near', f"{c['near'][0]},{c['near'][1]}", '--radius-km', str(c['radius_km']), '--limit', '1000']
            if c.get('type'):
                flags += ['--type', c['type']]
            results = run(args.query_bin, args.index, flags)['results']
            found = lambda t: rank_of(results, [norm(t)]) > 0
            missing = [t for t in c.get('must_find', []) if not found(t)]
            wrong = [t for t in c.get('must_not_find', []) if found(t)]
            ok = not missing and not wrong
            geo[0] += ok
            geo[1] += 1
            if args.verbose or not ok:
                print(f"{'ok  ' if ok else 'MISS'} map   {c.get('text', flags)}: missing {missing}, wrongly found {wrong}")
            continue
        body = run(args.query_bin, args.index, ['--limit', '10', '--', q] if q.startswith('-') else ['--limit', '10', q])
        if c.get('none'):
            ok = body['total'] == 0
            absent[0] += ok
            absent[1] += 1
            if args.verbose or not ok:
                print(f"{'ok  ' if ok else 'MISS'} none  {q!r}: {body['total']} found")
            continue
        needles = c['must_find'] if isinstance(c['must_find'], list) else [c['must_find']]
        rank = rank_of(body['results'], [norm(n) for n in needles])
        s = per_category[c.get('category', '-')]
        s[0] += 1 <= rank <= 3
        s[1] += rank >= 1
        s[2] += 1
        if args.verbose or not 1 <= rank <= 3:
            top = ' | '.join(r['id'] for r in body['results'][:3])
            print(f"{'ok  ' if 1 <= rank <= 3 else 'MISS'} rank {rank or '-':>2} [{c.get('category', '-')}] {q!r}  top: {top}")

    print()
    print('| category | queries | hit@3 | hit@10 |')
    print('|---|---|---|---|')
    t3 = t10 = n = 0
    for cat in sorted(per_category):
        a, b, k = per_category[cat]
        t3, t10, n = t3 + a, t10 + b, n + k
        print(f'| {cat} | {k} | {a} | {b} |')
    if n:
        print(f'| **all keyword queries** | {n} | {t3} ({t3 / n:.2f}) | {t10} ({t10 / n:.2f}) |')
    if absent[1]:
        print(f'absent subjects answered with nothing: {absent[0]}/{absent[1]}')
    if geo[1]:
        print(f'map queries right: {geo[0]}/{geo[1]}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
