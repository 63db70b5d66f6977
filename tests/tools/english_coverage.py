#!/usr/bin/env python3
"""How many English words a user may type on the guide's topics find a record
(tests/query/english_domain_words.txt: one word or phrase per line).

usage: english_coverage.py [WORDS_TXT] [--index var/index] [--query-bin build/query/coopatlas-query] [--verbose]

A word "finds" when `coopatlas-query --json WORD` returns at least one
record without a spelling correction (a corrected word found records through
another word: "Pollution" -> "solution" is no translation). Words the guide
itself writes (every word of the phrase in the records' folded text, e.g.
"culture", "transport") find records without any dictionary; the others can
only find them through a translation. Prints both counts; --verbose lists
every word with its first result's title.
"""
import argparse
import json
import re
import subprocess
import unicodedata


def fold(s):
    s = unicodedata.normalize('NFD', s.casefold().replace('œ', 'oe').replace('æ', 'ae'))
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn')


def words(s):
    return re.findall(r'[a-z0-9]+', fold(s))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('words', nargs='?', default='tests/query/english_domain_words.txt')
    ap.add_argument('--index', default='var/index')
    ap.add_argument('--query-bin', default='build/query/coopatlas-query')
    ap.add_argument('--verbose', action='store_true')
    args = ap.parse_args()
    entries = [l.strip() for l in open(args.words, encoding='utf-8') if l.strip() and not l.startswith('#')]
    vocabulary = set()
    with open(f'{args.index}/entities.jsonl', encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            vocabulary.update(words(r.get('title', '') + ' ' + r.get('text', '')))
    found = found_translated = in_guide = 0
    for entry in entries:
        out = subprocess.run([args.query_bin, '--index', args.index, '--json', '--limit', '1', entry],
                             capture_output=True, text=True, check=True)
        answer = json.loads(out.stdout)
        written = all(w in vocabulary for w in words(entry))
        in_guide += written
        hit = answer['total'] > 0 and not answer.get('suggestion')
        found += hit
        found_translated += hit and not written
        if args.verbose:
            first = answer['results'][0]['title'][:70] if hit else '-'
            print(f"{'FOUND' if hit else 'none '} {'(guide word) ' if written else ''}{entry!r}: {first}")
    print(f'{len(entries)} English words and phrases: {found} find a record ({found / len(entries):.2f});')
    print(f'  {len(entries) - in_guide} are not written as such in the guide, '
          f'{found_translated} of them find a record (through a translation)')


if __name__ == '__main__':
    main()
