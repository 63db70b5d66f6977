#!/usr/bin/env python3
"""Hit rates of coopatlas, PostgreSQL full-text search and SQLite FTS5 on the
same passages and the same queries. Called by bench/search/run.sh."""
import argparse, collections, json, re, sqlite3, subprocess, unicodedata

def norm(s):
    s = re.sub(r'</?mark>', '', s)
    for a, b in (('&amp;', '&'), ('&lt;', '<'), ('&gt;', '>'), ('&quot;', '"'), ('&#39;', "'"), ('’', "'")):
        s = s.replace(a, b)
    return re.sub(r'\s+', ' ', s)

def words(q):
    """The query's words and "phrases" with the ASCII punctuation dropped, for
    the engines that have no syntax of their own for it."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', q):
        toks = re.findall(r'\w+', phrase or word)
        if not toks:
            continue
        neg = bool(word) and word.startswith('-')
        parts.append((toks, bool(phrase) or len(toks) > 1, neg, word.endswith('*')))
    return parts

def sqlite_query(q):
    out = []
    for toks, phrase, neg, prefix in words(q):
        if toks == ['OR']:
            out.append('OR'); continue
        t = '"' + ' '.join(toks) + '"' + ('*' if prefix else '')
        out.append(('NOT ' if neg else '') + t)
    # FTS5 wants NOT between two terms; a leading NOT is dropped
    s = ' '.join(out).strip()
    return re.sub(r'^(NOT |OR )+', '', s)

def main():
    ap = argparse.ArgumentParser()
    for a in ('--index', '--query-bin', '--queries', '--pg-socket', '--pg-port', '--work'):
        ap.add_argument(a, required=True)
    args = ap.parse_args()

    passages = {}
    for line in open(f'{args.index}/entities.jsonl', encoding='utf-8'):
        r = json.loads(line)
        if r['type'] == 'passage':
            passages[r['id']] = r['text']
    cases = json.load(open(args.queries, encoding='utf-8'))

    # SQLite FTS5
    db = sqlite3.connect(':memory:')
    db.execute("CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, text, tokenize='unicode61 remove_diacritics 2')")
    db.executemany('INSERT INTO p VALUES (?, ?)', passages.items())

    def sqlite_search(q):
        try:
            return [r[0] for r in db.execute('SELECT id FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 10', (sqlite_query(q),))]
        except sqlite3.OperationalError:
            return []

    # PostgreSQL: french stemming with unaccent, websearch_to_tsquery for the syntax
    tsv = f'{args.work}/passages.tsv'
    with open(tsv, 'w', encoding='utf-8') as f:
        for i, t in passages.items():
            f.write(i + '\t' + t.replace('\\', '\\\\').replace('\t', ' ').replace('\n', ' ') + '\n')
    psql = ['psql', '-h', args.pg_socket, '-p', args.pg_port, '-U', 'bench', '-d', 'postgres', '-qAt', '-v', 'ON_ERROR_STOP=1']
    setup = f"""
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE TEXT SEARCH CONFIGURATION fr (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    CREATE TABLE p (id text PRIMARY KEY, text text);
    \\copy p FROM '{tsv}'
    ALTER TABLE p ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('fr', text)) STORED;
    CREATE INDEX ON p USING gin (tsv);
    """
    subprocess.run(psql, input=setup, text=True, check=True)

    def pg_search(q):
        lit = q.replace("'", "''")
        sql = (f"SELECT id FROM p, websearch_to_tsquery('fr', '{lit}') q WHERE tsv @@ q "
               "ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 10;")
        r = subprocess.run(psql, input=sql, text=True, capture_output=True)
        return [l for l in r.stdout.splitlines() if l]

    def coopatlas_search(q):
        r = subprocess.run([args.query_bin, '--index', args.index, '--json', '--type', 'passage', '--limit', '10', q],
                           capture_output=True, text=True)
        return [x['id'] for x in json.loads(r.stdout)['results']] if r.returncode == 0 else []

    engines = {'coopatlas': coopatlas_search, 'postgresql': pg_search, 'sqlite-fts5': sqlite_search}
    stats = {e: collections.defaultdict(lambda: [0, 0, 0]) for e in engines}  # top3, top10, n
    print('| query | category | ' + ' | '.join(engines) + ' |')
    print('|---|---|' + '---|' * len(engines))
    for c in cases:
        row = []
        for name, search in engines.items():
            ids = search(c['q'])
            s = stats[name][c['category']]
            s[2] += 1
            if c.get('none'):
                ok = not ids
                s[0] += ok; s[1] += ok
                row.append('none' if ok else f'{len(ids)} found')
                continue
            needle = norm(c['must_find'])
            rank = next((i + 1 for i, pid in enumerate(ids) if needle in norm(passages.get(pid, ''))), 0)
            s[0] += 1 <= rank <= 3; s[1] += rank >= 1
            row.append(str(rank) if rank else '-')
        print(f"| `{c['q']}` | {c['category']} | " + ' | '.join(row) + ' |')
    print()
    print('| engine | keyword queries in top 3 | in top 10 | absent subjects answered with nothing |')
    print('|---|---|---|---|')
    for name in engines:
        k3 = k10 = kn = a_ok = an = 0
        for cat, (t3, t10, n) in stats[name].items():
            if cat == 'absent':
                a_ok += t10; an += n
            else:
                k3 += t3; k10 += t10; kn += n
        print(f'| {name} | {k3}/{kn} ({100 * k3 / kn:.0f} %) | {k10}/{kn} ({100 * k10 / kn:.0f} %) | {a_ok}/{an} |')

if __name__ == '__main__':
    main()
