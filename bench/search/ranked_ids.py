#!/usr/bin/env python3
"""The first page of every keyword query that bench/search/latency.py asks
(the seen samples' and the golden queries), one line per query: the query,
its total, its ranked ids with their scores, the
suggestion and the words left out. Two builds meant to answer alike (a refactor, a
speed-up) must print identical files on the same index:

    bench/search/ranked_ids.py --query-bin BEFORE/coopatlas-query > before.txt
    bench/search/ranked_ids.py --query-bin build/query/coopatlas-query > after.txt
    diff before.txt after.txt

usage: ranked_ids.py [--index var/index] [--query-bin build/query/coopatlas-query] [--limit 10]
"""
import argparse
import json
import subprocess

from latency import keyword_queries


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--index', default='var/index')
    ap.add_argument('--query-bin', default='build/query/coopatlas-query')
    ap.add_argument('--limit', type=int, default=10)
    args = ap.parse_args()
    for q in keyword_queries():
        out = subprocess.run([args.query_bin, '--index', args.index, '--json', '--limit', str(args.limit), '--', q],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(f'{q}\tERROR {out.returncode}: {out.stderr.strip()}')
            continue
        body = json.loads(out.stdout)
        ranked = ' '.join(f"{r['id']}:{r['score']:.6g}" for r in body['results'])
        print(f"{q}\t{body['total']}\t{ranked}\t{body.get('suggestion')}\t{body.get('ignored_words')}")


if __name__ == '__main__':
    main()
