#!/usr/bin/env python3
"""sample_eval.evaluate: which partnerships a windowed sample counts, and how rows match them."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample_eval import evaluate  # noqa: E402


def partner(pid, name, french):
    return {'type': 'partner', 'id': pid, 'name': name, 'place': name, 'kind': 'commune', 'french': french}


def partnership(french, foreign, occurrences):
    return {'type': 'partnership', 'id': f'partnership/{french}--{foreign}', 'line': occurrences[0][1],
            'parties': [f'partner/{french}', f'partner/{foreign}'],
            'occurrences': [{'line': l, 'page': 1, 'statement_line': s} for l, s in occurrences]}


def row(french, foreign, line, doubtful=False):
    return {'french_party': french, 'french_place': french, 'foreign_party': foreign, 'foreign_place': foreign,
            'foreign_country': '', 'foreign_admin': 'commune', 'guide_line': line, 'doubtful': doubtful}


RECORDS = [partner('partner/lyon', 'Lyon', True), partner('partner/rabat', 'Rabat', False),
           partner('partner/nantes', 'Nantes', True), partner('partner/rufisque', 'Rufisque', False),
           partner('partner/dijon', 'Dijon', True), partner('partner/mainz', 'Mainz', False)]
WINDOW = [{'start': 100, 'end': 119}]


class SampleEval(unittest.TestCase):
    def test_a_sentence_starting_inside_and_naming_the_pair_after_the_edge_is_not_counted(self):
        # "..., la ville de Lyon" starts on 118 and names both parties on 121-122 (RULES.md 6)
        records = RECORDS + [partnership('lyon', 'rabat', [(121, 118), (122, 118)])]
        found, sure, right, predicted, _ = evaluate(records, WINDOW, [])
        self.assertEqual((right, predicted), (0, 0))

    def test_a_pair_named_across_the_edge_is_counted_and_matched_at_its_sentence_start(self):
        # the French party named on 119 (inside), the foreign one on 121; the row is anchored at 116
        records = RECORDS + [partnership('nantes', 'rufisque', [(119, 116), (121, 116)])]
        found, sure, right, predicted, _ = evaluate(records, WINDOW, [row('Nantes', 'Rufisque', 116)])
        self.assertEqual((found, sure, right, predicted), (1, 1, 1, 1))

    def test_a_pair_named_inside_without_a_row_is_a_false_positive(self):
        records = RECORDS + [partnership('dijon', 'mainz', [(105, 104)])]
        found, sure, right, predicted, notes = evaluate(records, WINDOW, [row('Nantes', 'Rufisque', 110)])
        self.assertEqual((found, right, predicted), (0, 0, 1))
        self.assertTrue(any('false positive line 104' in n for n in notes))

    def test_an_outside_row_flags_a_false_positive_but_does_not_excuse_it(self):
        records = RECORDS + [partnership('dijon', 'mainz', [(119, 119)])]
        outside = [row('Dijon', 'Mainz', 120)]
        _, _, right, predicted, notes = evaluate(records, WINDOW, [], outside)
        self.assertEqual((right, predicted), (0, 1))
        self.assertTrue(any('listed as outside its window' in n for n in notes))

    def test_records_without_statement_lines_count_every_occurrence(self):
        records = RECORDS + [{'type': 'partnership', 'id': 'partnership/lyon--rabat', 'line': 118,
                              'parties': ['partner/lyon', 'partner/rabat'],
                              'occurrences': [{'line': 118, 'page': 1}, {'line': 121, 'page': 1}]}]
        _, _, right, predicted, _ = evaluate(records, WINDOW, [row('Lyon', 'Rabat', 118)])
        self.assertEqual((right, predicted), (1, 1))


if __name__ == '__main__':
    unittest.main()
