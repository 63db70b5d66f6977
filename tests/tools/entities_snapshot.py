#!/usr/bin/env python3
"""Golden snapshot of an index's entities.jsonl (tests/golden/README.md).

usage: entities_snapshot.py write ENTITIES_JSONL SNAPSHOT
       entities_snapshot.py check ENTITIES_JSONL SNAPSHOT

The snapshot holds, per record type, the count and the SHA-256 of that type's
lines, then one line per record: its id and the first 16 hex digits of the
SHA-256 of its JSON line. `check` exits 1 when the index differs and says
which record types changed and their first added, removed and changed ids, so
that "same index bytes" is a test and an intended change is a reviewable diff.
"""
import collections
import hashlib
import json
import sys

REGENERATE = 'cmake --build build --target update-golden'
SHOWN_IDS = 5  # ids listed per type and kind of change


def snapshot_of(entities_path):
    """(types: {type: (count, sha256)}, records: {id: (type, hash16)}, sha256 of the file)."""
    per_type = collections.defaultdict(hashlib.sha256)
    counts = collections.Counter()
    records = {}
    whole = hashlib.sha256()
    with open(entities_path, 'rb') as f:
        for number, line in enumerate(f, 1):
            whole.update(line)
            line = line.rstrip(b'\n')
            try:
                record = json.loads(line)
                rid, rtype = record['id'], record['type']
            except (ValueError, KeyError) as e:
                sys.exit(f'{entities_path}:{number}: not a record line ({e})')
            per_type[rtype].update(line + b'\n')
            counts[rtype] += 1
            records[rid] = (rtype, hashlib.sha256(line).hexdigest()[:16])
    types = {t: (counts[t], per_type[t].hexdigest()) for t in sorted(counts)}
    return types, records, whole.hexdigest()


def write(entities_path, snapshot_path):
    types, records, whole = snapshot_of(entities_path)
    with open(snapshot_path, 'w', encoding='utf-8') as out:
        out.write('# Snapshot of entities.jsonl: the bundled guide indexed WITH the gazetteer.\n')
        out.write(f'# Regenerate after an intended change: {REGENERATE} (tests/golden/README.md)\n')
        out.write(f'file\t{sum(c for c, _ in types.values())}\t{whole}\n')
        for t, (count, digest) in types.items():
            out.write(f'type\t{t}\t{count}\t{digest}\n')
        for rid, (rtype, digest) in records.items():
            out.write(f'record\t{rid}\t{digest}\n')
    print(f'wrote {snapshot_path}: {len(records)} records, ' +
          ', '.join(f'{t} {c}' for t, (c, _) in types.items()))


def read(snapshot_path):
    types, records, whole = {}, {}, None
    with open(snapshot_path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            kind, *rest = line.rstrip('\n').split('\t')
            if kind == 'file':
                whole = rest[1]
            elif kind == 'type':
                types[rest[0]] = (int(rest[1]), rest[2])
            elif kind == 'record':
                records[rest[0]] = rest[1]
    return types, records, whole


def check(entities_path, snapshot_path):
    want_types, want_records, want_whole = read(snapshot_path)
    got_types, got_records, got_whole = snapshot_of(entities_path)
    if got_whole == want_whole:
        print(f'entities.jsonl matches {snapshot_path} ({len(got_records)} records)')
        return 0
    print(f'entities.jsonl differs from {snapshot_path}:')
    changed_any = False
    for t in sorted(set(want_types) | set(got_types)):
        want, got = want_types.get(t, (0, '')), got_types.get(t, (0, ''))
        if want == got:
            continue
        changed_any = True
        added = [i for i, (rt, _) in got_records.items() if rt == t and i not in want_records]
        removed = [i for i in want_records if i.split('/')[0] == t and i not in got_records]  # ids are TYPE/slug
        changed = [i for i, (rt, h) in got_records.items() if rt == t and i in want_records and want_records[i] != h]
        print(f'  {t}: {want[0]} -> {got[0]} records; {len(changed)} changed, {len(added)} added, {len(removed)} removed')
        for label, ids in (('changed', changed), ('added', added), ('removed', removed)):
            if ids:
                more = f' (+{len(ids) - SHOWN_IDS} more)' if len(ids) > SHOWN_IDS else ''
                print(f'    first {label}: ' + ', '.join(ids[:SHOWN_IDS]) + more)
    if not changed_any:
        print('  every type has the same records: the records are in another order')
    print(f'If the change is intended, regenerate the snapshot with: {REGENERATE}')
    print('and say in the commit message which records changed and why.')
    return 1


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ('write', 'check'):
        sys.exit(__doc__)
    _, command, entities_path, snapshot_path = sys.argv
    if command == 'write':
        write(entities_path, snapshot_path)
        return 0
    return check(entities_path, snapshot_path)


if __name__ == '__main__':
    sys.exit(main())
