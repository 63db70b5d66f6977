#!/usr/bin/env python3
"""Search time per query on a running coopatlas-serve: the server-side `took_ms`
of GET /api/search, asked one at a time, for the keyword queries of the seen
evaluation samples (tests/eval-unseen*/queries.json) and of
tests/query/golden_queries.json, and the /api/search lines of bench/load/paths.txt.

usage: bench/search/latency.py PORT [ROUNDS (default 4)] [--slowest N]

The first round warms the server up and is not counted. Start the server with
`--answer-cache-mb 0` (otherwise repeated rounds read the answer cache) and few
threads, e.g.:
    build/web/coopatlas-serve --index var/index --port 18312 --threads 2 --answer-cache-mb 0 &
Prints mean, p50, p95 and max in ms, and with --slowest the N slowest queries.
"""
import argparse
import glob
import http.client
import json
import os
import statistics
import urllib.parse

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')


def keyword_queries():
    """The keyword queries of the seen samples and of the golden queries, in file order."""
    queries = []
    for f in sorted(glob.glob(os.path.join(root, 'tests/eval-unseen*/queries.json'))) + [
            os.path.join(root, 'tests/query/golden_queries.json')]:
        queries += [c['q'] for c in json.load(open(f, encoding='utf-8')) if c.get('q')]
    return queries


def urls():
    out = ['/api/search?' + urllib.parse.urlencode({'q': q}) for q in keyword_queries()]
    for line in open(os.path.join(root, 'bench/load/paths.txt'), encoding='utf-8'):
        parts = line.split()
        if len(parts) == 2 and parts[1].startswith('/api/search'):
            out.append(parts[1])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('port', type=int)
    ap.add_argument('rounds', type=int, nargs='?', default=4)
    ap.add_argument('--slowest', type=int, default=0)
    args = ap.parse_args()
    conn = http.client.HTTPConnection('127.0.0.1', args.port)
    took, per_url = [], {}
    paths = urls()
    for r in range(max(args.rounds, 2)):
        for u in paths:
            conn.request('GET', u)
            body = json.loads(conn.getresponse().read())
            if r > 0 and 'took_ms' in body:
                took.append(body['took_ms'])
                per_url[u] = max(per_url.get(u, 0), body['took_ms'])
    took.sort()
    print(f'{len(paths)} searches x {max(args.rounds, 2) - 1} rounds: mean {statistics.mean(took):.3f} ms, '
          f'p50 {took[len(took) // 2]:.3f}, p95 {took[int(len(took) * 0.95)]:.3f}, max {took[-1]:.3f}')
    for u, ms in sorted(per_url.items(), key=lambda kv: -kv[1])[:args.slowest]:
        print(f'{ms:9.3f} ms  {urllib.parse.unquote_plus(u)}')


if __name__ == '__main__':
    main()
