#!/usr/bin/env python3
"""Accuracy of the partner points of an index against the partnerships of an
eval sample (the goal: >= 97 % within 25 km of the true place, 100 % in the
right country).

usage: geo_eval.py INDEX_DIR/entities.jsonl EVAL_DIR GAZETTEER.gpkg

For each expected partnership (partnerships.json: french_place, foreign_place,
foreign_country, guide_line), the true place is looked up in the gazetteer
(the expected name, in France or in the expected country, the most populous
settlement of that name first); the partnership record of the index at that
line whose parties' points come nearest is compared with it. A party whose
expected place is None (a country as a party) must have a country-precision
point, in that country. Prints one line per party and the totals, French and
foreign apart. Names the gazetteer cannot find are listed, not counted.
"""
import json
import math
import sqlite3
import sys
import unicodedata
import re

from compare_eval import lines

RADIUS_KM = 25.0


def key(name):
    """The gazetteer's place_key(), close enough for lookups: folded words, St -> Saint, no leading article."""
    s = unicodedata.normalize('NFD', name.replace('’', "'").lower())
    s = ''.join(c for c in s if unicodedata.category(c) != 'Mn')
    words = re.findall(r'[a-z0-9]+', s)
    if len(words) > 1 and words[0] in ('le', 'la', 'les'):
        words = words[1:]
    words = ['saint' if w == 'st' else 'sainte' if w == 'ste' else w for w in words]
    return ' '.join(words)


def distance_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


class Gazetteer:
    def __init__(self, path):
        self.db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
        self.countries = {}
        for code, name, alts in self.db.execute("select country, key, alt_keys from places where kind='country'"):
            for k in [name] + (alts or '').split('|'):
                if k:
                    self.countries.setdefault(k, code)

    def country_code(self, name):
        """'Canada (Québec)' -> CA."""
        if not name:
            return None
        return self.countries.get(key(name)) or self.countries.get(key(name.split('(')[0]))

    def point(self, name, country):
        """(lat, lon) of the most populous settlement (else area) of that name in the country."""
        name = re.sub(r'\s*\(.*?\)', '', name)
        k = key(name)
        rows = self.db.execute(
            "select kind, population, approximate, geom from places where country = ? and "
            "(key = ? or '|' || alt_keys || '|' like ?)", (country, k, f'%|{k}|%')).fetchall()
        if not rows:
            return None
        rank = {'commune': 0, 'city': 0, 'epci': 1, 'admin2': 1, 'admin1': 1, 'country': 2}
        rows.sort(key=lambda r: (rank.get(r[0], 3), r[2], -(r[1] or 0)))
        if rows[0][2]:
            return 'estimate'  # the gazetteer's own estimate cannot be the truth
        return point_of_blob(rows[0][3])


def point_of_blob(blob):
    """(lat, lon) of a GeoPackage point geometry blob."""
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    wkb = blob[8 + envelope:]
    endian = '<' if wkb[0] == 1 else '>'
    import struct
    x, y = struct.unpack(endian + 'dd', wkb[5:21])
    return (y, x)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    records = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
    by_line = {}
    for r in records:
        if r['type'] == 'partnership':
            for line in lines(r):
                by_line.setdefault(line, []).append(r)
    expected = json.load(open(sys.argv[2] + '/partnerships.json', encoding='utf-8'))
    gaz = Gazetteer(sys.argv[3])
    totals = {'french': [0, 0], 'foreign': [0, 0]}
    country_ok = [0, 0]
    unknown = []
    for e in expected:
        line = e['guide_line']
        cands = [r for l in range(line - 3, line + 4) for r in by_line.get(l, [])]
        points = [g for r in cands for g in r.get('geo', [])]
        foreign_code = gaz.country_code(e.get('foreign_country'))
        for side, place, code in (('french', e.get('french_place'), 'FR'),
                                  ('foreign', e.get('foreign_place'), foreign_code)):
            if code is None:
                unknown.append(f"line {line}: country {e.get('foreign_country')!r}")
                continue
            if place is None:
                truth = gaz.point(e.get('foreign_country').split('(')[0], code) if side == 'foreign' else None
                ok = any(g['precision'] == 'country' for g in points) if truth is None else \
                    any(g['precision'] == 'country' and distance_km((g['lat'], g['lon']), truth) <= RADIUS_KM
                        for g in points)
                totals[side][0] += ok
                totals[side][1] += 1
                print(f"{'ok ' if ok else 'BAD'} {side:7} line {line}: country party {e.get('foreign_country')}")
                continue
            truth = gaz.point(place, code)
            if truth is None or truth == 'estimate':
                why = 'not in the gazetteer' if truth is None else 'only an estimated point in the gazetteer'
                unknown.append(f"line {line}: {place!r} ({code}) {why}")
                continue
            best = min(points, key=lambda g: distance_km((g['lat'], g['lon']), truth), default=None)
            d = None if best is None else distance_km((best['lat'], best['lon']), truth)
            ok = d is not None and d <= RADIUS_KM
            totals[side][0] += ok
            totals[side][1] += 1
            where = 'no partnership point' if best is None else f"{d:.1f} km from {best['place']!r} ({best['source']})"
            print(f"{'ok ' if ok else 'BAD'} {side:7} line {line}: {place} -> {where}")
        if foreign_code and foreign_code != 'FR' and cands:
            # the partnerships stated nearest the expected line
            nearest = min(abs(l - line) for l in range(line - 3, line + 4) if by_line.get(l))
            codes = {c['code'] for l in (line - nearest, line + nearest) for r in by_line.get(l, [])
                     for c in r.get('countries', [])}
            ok = foreign_code in codes
            country_ok[0] += ok
            country_ok[1] += 1
            if not ok:
                print(f"BAD country line {line}: expected {foreign_code}, got {sorted(codes)}")
    for side, (a, b) in totals.items():
        print(f"{side} places within {RADIUS_KM:.0f} km: {a}/{b}")
    print(f"foreign country right: {country_ok[0]}/{country_ok[1]}")
    for u in unknown:
        print('not counted:', u)


if __name__ == '__main__':
    main()
