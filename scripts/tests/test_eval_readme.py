"""Tests for scripts/eval-readme: the marked-block rewrite and the tables it builds from
`claimx eval --json` reports. The reports below are made up for these tests.

Run from the repository root:  python3 -m unittest discover -s scripts/tests
"""

import importlib.machinery
import importlib.util
import os
import unittest

SCRIPTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(name):
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), os.path.join(SCRIPTS, name))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


er = load("eval-readme")


def counts(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def type_score(gold, relaxed, strict, **extra):
    return dict(gold=gold, optional=0, relaxed=counts(*relaxed), strict=counts(*strict), **extra)


def ratio(n, d):
    return {"correct": n, "total": d, "accuracy": n / d if d else None}


PERSON = type_score(10, (8, 2, 2), (6, 4, 4), name_accuracy=ratio(7, 8))
DATE = type_score(4, (3, 1, 1), (2, 2, 2), value_accuracy=ratio(2, 3), value=counts(2, 2, 2),
                  timex_accuracy=ratio(3, 3))
REPORT = {"docs": {"gold": 2, "scored": 2}, "types": {"person": PERSON, "date": DATE},
          "all": {"relaxed": counts(11, 3, 3), "strict": counts(8, 6, 6)}}


class ReplaceBlock(unittest.TestCase):
    def test_replaces_only_the_marked_block(self):
        text = "intro\n<!-- eval-readme:corpus -->\nold\nlines\n<!-- /eval-readme:corpus -->\noutro\n"
        out = er.replace_block(text, "corpus", "new")
        self.assertEqual(out, "intro\n<!-- eval-readme:corpus -->\nnew\n<!-- /eval-readme:corpus -->\noutro\n")
        self.assertEqual(er.replace_block(out, "corpus", "new"), out)  # idempotent

    def test_an_empty_block_is_filled(self):
        text = "<!-- eval-readme:datasets -->\n<!-- /eval-readme:datasets -->\n"
        self.assertIn("| x |", er.replace_block(text, "datasets", "| x |"))

    def test_a_missing_block_is_an_error(self):
        with self.assertRaises(SystemExit):
            er.replace_block("no markers here\n", "corpus", "new")

    def test_backslashes_in_the_body_are_kept(self):
        text = "<!-- eval-readme:corpus -->\n<!-- /eval-readme:corpus -->"
        self.assertIn(r"a\1b", er.replace_block(text, "corpus", r"a\1b"))


class Tables(unittest.TestCase):
    def test_corpus_table_has_a_row_per_type_and_the_micro_average(self):
        lines = er.corpus_table(REPORT).splitlines()
        self.assertTrue(lines[0].startswith("| type"))
        body = lines[2:]
        self.assertEqual([line.split("|")[1].strip() for line in body], ["person", "date", "all (micro)"])
        person = [c.strip() for c in body[0].split("|")[1:-1]]
        self.assertEqual(person[1:5], ["10", "0.800", "0.800", "0.800"])
        self.assertEqual(person[-1], "name acc 0.875")
        self.assertIn("value F1 0.500, value acc 0.667", body[1])
        self.assertEqual(body[2].split("|")[2].strip(), "14")  # gold of all types

    def test_pivot_has_a_dash_where_a_tool_does_not_find_the_type(self):
        peer = {"types": {"person": type_score(10, (5, 5, 5), (4, 6, 6))}}
        entries = [("Set A", ["person", "date"], [("claimx", ["person", "date"], REPORT),
                                                   ("compromise", ["person"], peer)])]
        rows = [[c.strip() for c in line.split("|")[1:-1]] for line in er.pivot_table(entries).splitlines()[2:]]
        tools = er.TOOLS
        person = dict(zip(tools, rows[0][3:]))
        date = dict(zip(tools, rows[1][3:]))
        self.assertEqual(person["claimx"], "0.800 / 0.600")
        self.assertEqual(person["compromise"], "0.500 / 0.400")
        self.assertEqual(person["chrono-node"], "-")
        self.assertEqual(date["compromise"], "-")

    def test_standing_counts_pairs_where_claimx_beats_every_peer(self):
        better = {"types": {"date": type_score(4, (4, 0, 0), (4, 0, 0))}}
        worse = {"types": {"person": type_score(10, (1, 9, 9), (1, 9, 9))}}
        entries = [("A", ["person", "date"], [("claimx", ["person", "date"], REPORT),
                                              ("compromise", ["person"], worse),
                                              ("chrono-node", ["date"], better)]),
                   ("B", ["claim"], [("claimx", ["claim"], {"types": {"claim": type_score(3, (1, 1, 2), (0, 2, 3))}})])]
        line = er.standing(entries)
        self.assertIn("on 1 of 2 data set and type pairs", line)
        self.assertIn("claims have claimx alone", line)


if __name__ == "__main__":
    unittest.main()
