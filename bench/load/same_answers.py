#!/usr/bin/env python3
"""Every answer of a running coopatlas-serve to the requests of
bench/load/paths.txt (load and check lines), in one file: status, path, then
the body, byte for byte except "took_ms" (a duration, set to 0) and OGC's
"timeStamp" (the time of the answer, set to ""), and the server's own address
in links (BASE). Two runs on
the same index, before and after a change meant only to make the server
faster, must give identical files:

    bench/load/same_answers.py http://127.0.0.1:8080 > before.txt
    (rebuild, restart the server on the same index)
    bench/load/same_answers.py http://127.0.0.1:8080 > after.txt
    cmp before.txt after.txt

Each request is asked twice, the second time after all the others, so that an
answer that depends on what was asked before (a cache) is seen to differ.

With a word list (bench/load/guide_words.py), 1,000 searches of a word or a pair
of words drawn from it with a fixed seed are asked as well (twice), as the load's
MIX=distinct asks them:

    bench/load/same_answers.py http://127.0.0.1:8080 words.txt > before.txt"""
import os
import random
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

# What differs from one answer to the next by nature: (pattern, replacement).
CLOCK = [(re.compile(rb'"took_ms":[-+0-9.eE]+'), b'"took_ms":0'),
         (re.compile(rb'"timeStamp":"[^"]*"'), b'"timeStamp":""')]


def paths():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "paths.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield line.split(" ", 1)[1].strip()


def drawn_searches(words_file, count=1000):
    with open(words_file, encoding="utf-8") as f:
        words = [urllib.parse.quote(w.strip()) for w in f if w.strip()]
    draw = random.Random(42)
    for _ in range(count):
        q = draw.choice(words)
        if draw.randrange(4) > 0:
            q += "+" + draw.choice(words)
        yield "/api/search?q=" + q


def fetch(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: same_answers.py BASE_URL [WORDS_FILE] (e.g. http://127.0.0.1:8080)")
    base = sys.argv[1].rstrip("/")
    every = list(paths())
    if len(sys.argv) == 3:
        every += list(drawn_searches(sys.argv[2]))
    out = sys.stdout.buffer
    for round_ in ("first", "again"):
        for path in every:
            status, body = fetch(base, path)
            out.write(f"{round_} {status} {path}\n".encode())
            body = body.replace(base.encode(), b"BASE")
            for pattern, replacement in CLOCK:
                body = pattern.sub(replacement, body)
            out.write(body + b"\n")


if __name__ == "__main__":
    main()
