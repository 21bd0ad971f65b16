"""Tests for the scripts/gold-from-* dataset converters.

Run from the repository root:  python3 -m unittest discover -s scripts/tests

Every input below is synthetic, written for these tests.
"""

import importlib.machinery
import importlib.util
import json
import os
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

SCRIPTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS)
import datasets_common as dc  # noqa: E402


def load(name):
    path = os.path.join(SCRIPTS, name)
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


conll = load("gold-from-conll")
timeml = load("gold-from-timeml")
meantime = load("gold-from-meantime")
brat = load("gold-from-brat")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


class RoundTrip:
    """Mixin: every record's span (and nested speaker/cue span) reproduces its text."""

    def assertRoundTrip(self, docs, gold):
        texts = {d["id"]: d["text"] for d in docs}
        for rec in gold:
            t = texts[rec["doc"]]
            s, e = rec["span"]
            self.assertEqual(t[s:e], rec["text"], rec)
            for key in ("speaker", "cue"):
                if rec.get(key):
                    s, e = rec[key]["span"]
                    self.assertEqual(t[s:e], rec[key]["text"], rec)
        self.assertTrue(dc.check_spans(docs, gold))

    def run_main(self, mod, args):
        with tempfile.TemporaryDirectory() as tmp:
            inp, gold = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "gold.jsonl")
            mod.main(args + ["--input", inp, "--gold", gold, "--quiet"])
            docs, recs = read_jsonl(inp), read_jsonl(gold)
        self.assertRoundTrip(docs, recs)
        return docs, recs


# ---------------------------------------------------------------- common

class CommonTest(unittest.TestCase):
    def test_check_spans_rejects_mismatch(self):
        docs = [{"id": "a", "text": "Hello Wörld"}]
        dc.check_spans(docs, [{"doc": "a", "type": "place", "text": "Wörld", "span": [6, 11]}])
        with self.assertRaises(dc.SpanError):
            dc.check_spans(docs, [{"doc": "a", "type": "place", "text": "Wörld", "span": [5, 10]}])
        with self.assertRaises(dc.SpanError):
            dc.check_spans(docs, [{"doc": "a", "type": "claim", "text": "Hello", "span": [0, 5],
                                   "speaker": None, "cue": {"text": "x", "span": [0, 1]}}])
        with self.assertRaises(dc.SpanError):
            dc.check_spans(docs + docs, [])

    def test_sort_gold_by_doc_order_then_span(self):
        docs = [{"id": "z", "text": "ab"}, {"id": "a", "text": "ab"}]
        gold = [{"doc": "a", "type": "x", "text": "a", "span": [0, 1]},
                {"doc": "z", "type": "x", "text": "b", "span": [1, 2]},
                {"doc": "z", "type": "x", "text": "a", "span": [0, 1]}]
        out = dc.sort_gold(docs, gold)
        self.assertEqual([(r["doc"], r["span"][0]) for r in out], [("z", 0), ("z", 1), ("a", 0)])


# ---------------------------------------------------------------- CoNLL

CONLL_IOB1 = """-DOCSTART- -X- O O

BLORVIA NNP I-NP I-LOC
WINS VBZ I-VP O

KESTOWN NNP I-NP I-LOC
2031-04-05 CD I-NP O

Ama NNP I-NP I-PER
Quenby NNP I-NP I-PER
Tollis NNP I-NP B-PER
met VBD I-VP O
Varnish NNP I-NP I-ORG
Holdings NNP I-NP I-ORG
Zeltic NNP I-NP I-MISC
Ama NNP I-NP I-PER
. . O O

-DOCSTART- -X- O O

Pell NNP I-NP I-PER
Ranko NNP I-NP I-PER

Dovel NNP I-NP I-PER
Grane NNP I-NP I-ORG
"""


class ConllTest(RoundTrip, unittest.TestCase):
    def test_chunks_iob1(self):
        self.assertEqual(conll.chunks(["I-PER", "I-PER", "B-PER", "O", "I-PER"]),
                         [("PER", 0, 2), ("PER", 2, 3), ("PER", 4, 5)])
        # type change without B- starts a new chunk
        self.assertEqual(conll.chunks(["I-ORG", "I-LOC", "I-LOC"]),
                         [("ORG", 0, 1), ("LOC", 1, 3)])

    def test_chunks_iob2(self):
        self.assertEqual(conll.chunks(["B-PER", "I-PER", "B-PER", "B-LOC", "I-LOC", "O", "B-ORG"]),
                         [("PER", 0, 2), ("PER", 2, 3), ("LOC", 3, 5), ("ORG", 6, 7)])
        # IOB2 with a stray I- after O still starts a chunk
        self.assertEqual(conll.chunks(["O", "I-PER", "I-PER"]), [("PER", 1, 3)])

    def test_chunks_iobes(self):
        self.assertEqual(conll.chunks(["S-PER", "B-PER", "E-PER", "S-PER"]),
                         [("PER", 0, 1), ("PER", 1, 3), ("PER", 3, 4)])

    def test_documents_text_and_gold(self):
        docs, gold = conll.convert(CONLL_IOB1.splitlines(True), "t")
        self.assertRoundTrip(docs, gold)
        self.assertEqual([d["id"] for d in docs], ["t-001", "t-002"])
        self.assertEqual(docs[0]["text"],
                         "BLORVIA WINS\nKESTOWN 2031-04-05\n"
                         "Ama Quenby Tollis met Varnish Holdings Zeltic Ama .")
        self.assertEqual(docs[0]["date"], "2031-04-05")
        self.assertNotIn("date", docs[1])
        got = [(r["doc"], r["type"], r["text"]) for r in gold]
        self.assertEqual(got, [
            ("t-001", "place", "BLORVIA"),
            ("t-001", "place", "KESTOWN"),
            ("t-001", "person", "Ama Quenby"),
            ("t-001", "person", "Tollis"),
            ("t-001", "org", "Varnish Holdings"),
            ("t-001", "person", "Ama"),          # MISC before it dropped, Ama kept alone
            ("t-002", "person", "Pell Ranko"),
            ("t-002", "person", "Dovel"),        # no chunk across the sentence break
            ("t-002", "org", "Grane"),
        ])
        for r in gold:
            self.assertEqual(r["name"], r["text"])
        self.assertNotIn("Zeltic", [r["text"] for r in gold])

    def test_two_column_file_and_main(self):
        src = "-DOCSTART- O\n\nOra B-PER\nDent I-PER\nB B-PER\n\n"
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "mini.conll")
            with open(path, "w") as f:
                f.write(src)
            docs, gold = self.run_main(conll, [path])
        self.assertEqual(docs, [{"id": "mini.conll-001", "text": "Ora Dent B"}])
        self.assertEqual([(r["text"], r["span"]) for r in gold],
                         [("Ora Dent", [0, 8]), ("B", [9, 10])])


# ---------------------------------------------------------------- TimeML

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>SYN0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2031-07-14T09:30" functionInDocument="CREATION_TIME">07/14/2031</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>
Fenwick &amp; Sons <EVENT eid="e1">said</EVENT> &lt;on&gt; <TIMEX3 tid="t1" type="DATE" value="2031-07-13">Sunday</TIMEX3>&nbsp;it would&#233; <SIGNAL sid="s1">after</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="P3Y" mod="APPROX">about <EVENT eid="e2">three</EVENT> years</TIMEX3> grow &bogus; <TIMEX3 tid="t3" type="DATE" value="2031-W28"><TIMEX3 value="PRESENT_REF" tid="t4" type="DATE">this</TIMEX3> week</TIMEX3>.
</TEXT>
<TLINK lid="l1" timeID="t1" relatedToTime="t0"/>
</TimeML>
"""


class TimemlTest(RoundTrip, unittest.TestCase):
    def test_nested_tags_entities_dct(self):
        doc, gold = timeml.convert_source(TML, "fallback")
        self.assertRoundTrip([doc], gold)
        self.assertEqual(doc["id"], "SYN0001")
        self.assertEqual(doc["date"], "2031-07-14")
        self.assertEqual(doc["dct"], "2031-07-14T09:30")
        self.assertEqual(doc["text"],
                         "\nFenwick & Sons said <on> Sunday\u00a0it would\u00e9 after "
                         "about three years grow &bogus; this week.\n")
        self.assertNotIn("Not part", doc["text"])
        got = [(r["text"], r["timex"], r["value"], r.get("mod")) for r in gold]
        self.assertEqual(got, [
            ("Sunday", "DATE", "2031-07-13", None),
            ("about three years", "DURATION", "P3Y", "APPROX"),
            ("this", "DATE", "PRESENT_REF", None),       # nested TIMEX3: both kept
            ("this week", "DATE", "2031-W28", None),
        ])
        self.assertNotIn("mod", gold[0])
        # the DCT TIMEX3 (outside TEXT) is not gold
        self.assertNotIn("07/14/2031", [r["text"] for r in gold])

    def test_well_formed_file_keeps_entities(self):
        src = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2030-01-02" '
               'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>A &quot;b&quot; '
               '&#x1F600; <TIMEX3 tid="t1" type="TIME" value="2030-01-02T10:00">10 a.m.</TIMEX3>'
               '</TEXT></TimeML>')
        doc, gold = timeml.convert_source(src, "f")
        self.assertEqual(doc["id"], "f")
        self.assertEqual(doc["text"], 'A "b" \U0001F600 10 a.m.')
        self.assertEqual(gold[0]["span"], [8, 15])   # code points: the emoji counts as one
        self.assertRoundTrip([doc], gold)

    def test_main_walks_folders(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "b", "c"))
            with open(os.path.join(tmp, "b", "c", "two.tml"), "w", encoding="utf-8") as f:
                f.write(TML)
            with open(os.path.join(tmp, "a.tml"), "w", encoding="utf-8") as f:
                f.write(TML.replace("SYN0001", "SYN0000"))
            with open(os.path.join(tmp, "b", "ignored.txt"), "w") as f:
                f.write("no")
            docs, gold = self.run_main(timeml, [tmp])
        self.assertEqual([d["id"] for d in docs], ["SYN0000", "SYN0001"])
        self.assertEqual(len(gold), 8)


# ---------------------------------------------------------------- MEANTIME

def meantime_xml(ct=True):
    sents = [["Quill", "Motors", "opens", "plant"],            # 0 title
             ["June", "3", ",", "2031"],                        # 1 dateline
             ["Dara", "Voss", "said", "Quill", "will", "hire", "."],
             ["The", "Brenland", "plant", "opens", "today", "."],
             ["It", "makes", "Zephyr", "cars", "."],
             ["Voss", "smiled", "."],
             ["Later", "Quill", "rose", "."],                   # 6: not annotated
             ["Ober", "left", "."]]                             # 7
    toks, tid = [], 0
    ids = {}
    for s, words in enumerate(sents):
        for w in words:
            tid += 1
            ids[(s, w)] = tid
            toks.append('<token t_id="%d" sentence="%d" number="%d">%s</token>' % (tid, s, tid - 1, w))
    a = lambda *keys: "".join('<token_anchor t_id="%d"/>' % ids[k] for k in keys)  # noqa: E731
    ctf = "CREATION_TIME" if ct else "NONE"
    mark = f"""<Markables>
<ENTITY_MENTION m_id="641" syntactic_type="NAM">{a((0, "Quill"), (0, "Motors"))}</ENTITY_MENTION>
<ENTITY_MENTION m_id="642" syntactic_type="NAM">{a((2, "Dara"), (2, "Voss"))}</ENTITY_MENTION>
<ENTITY_MENTION m_id="643" syntactic_type="NAM">{a((2, "Quill"))}</ENTITY_MENTION>
<ENTITY_MENTION m_id="644" syntactic_type="PRE.NAM">{a((3, "Brenland"))}</ENTITY_MENTION>
<ENTITY_MENTION m_id="645" syntactic_type="NOM">{a((3, "The"), (3, "plant"))}</ENTITY_MENTION>
<ENTITY_MENTION m_id="646" syntactic_type="NAM">{a((4, "Zephyr"))}</ENTITY_MENTION>
<ENTITY_MENTION m_id="647" syntactic_type="NAM">{a((5, "Voss"))}</ENTITY_MENTION>
<ENTITY_MENTION m_id="648" syntactic_type="NAM">{a((6, "Quill"))}</ENTITY_MENTION>
<ENTITY_MENTION m_id="649" syntactic_type="NAM">{a((7, "Ober"))}</ENTITY_MENTION>
<ENTITY_MENTION m_id="650" syntactic_type="PRO">{a((4, "It"))}</ENTITY_MENTION>
<TIMEX3 m_id="20" type="DATE" value="2031-06-03" functionInDocument="{ctf}">{a((1, "June"), (1, "3"), (1, ","), (1, "2031"))}</TIMEX3>
<TIMEX3 m_id="21" type="DATE" value="2031-06-03" functionInDocument="NONE">{a((3, "today"))}</TIMEX3>
<TIMEX3 m_id="22" type="DATE" value="2031-06-04" functionInDocument="NONE" TAG_DESCRIPTOR="x"/>
<TIMEX3 m_id="23" type="TIME" value="2031-06-03TEV" functionInDocument="NONE">{a((6, "Later"))}</TIMEX3>
<ENTITY m_id="30" ent_type="ORG" TAG_DESCRIPTOR="Quill Motors"/>
<ENTITY m_id="31" ent_type="PER" TAG_DESCRIPTOR="Dara Voss"/>
<ENTITY m_id="32" ent_type="LOC" TAG_DESCRIPTOR="Brenland"/>
<ENTITY m_id="33" ent_type="PRO" TAG_DESCRIPTOR="Zephyr"/>
<ENTITY m_id="34" ent_type="PER" TAG_DESCRIPTOR="Ober"/>
</Markables>"""
    rel = """<Relations>
<REFERS_TO r_id="1"><source m_id="641"/><source m_id="643"/><source m_id="648"/><target m_id="30"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="642"/><source m_id="647"/><source m_id="650"/><target m_id="31"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="644"/><target m_id="32"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="646"/><target m_id="33"/></REFERS_TO>
<REFERS_TO r_id="5"><source m_id="649"/><target m_id="34"/></REFERS_TO>
</Relations>"""
    return ('<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Quill" lang="en">'
            + "\n".join(toks) + mark + rel + "</Document>")


class MeantimeTest(RoundTrip, unittest.TestCase):
    def convert(self, **kw):
        doc, gold = meantime.convert_root(ET.fromstring(meantime_xml(kw.pop("ct", True))), "f", **kw)
        self.assertRoundTrip([doc], gold)
        return doc, dc.sort_gold([doc], gold)

    def test_sentence_cutoff_and_types(self):
        doc, gold = self.convert()
        self.assertEqual(doc["id"], "1_Quill")
        self.assertEqual(doc["date"], "2031-06-03")
        self.assertEqual(doc["text"].split("\n"), [
            "Quill Motors opens plant", "June 3 , 2031", "Dara Voss said Quill will hire .",
            "The Brenland plant opens today .", "It makes Zephyr cars .", "Voss smiled ."])
        self.assertNotIn("Ober", doc["text"])
        self.assertEqual([(r["type"], r["text"]) for r in gold], [
            ("org", "Quill Motors"), ("date", "June 3 , 2031"), ("person", "Dara Voss"),
            ("org", "Quill"), ("place", "Brenland"), ("date", "today"), ("person", "Voss")])
        voss = [r for r in gold if r["text"] == "Voss"][0]
        self.assertEqual((voss["name"], voss["entity"]), ("Voss", "Dara Voss"))

    def test_only_and_dct_options(self):
        _, names = self.convert(only="names")
        self.assertEqual({r["type"] for r in names}, {"person", "org", "place"})
        _, dates = self.convert(only="dates")
        self.assertEqual([r["text"] for r in dates], ["June 3 , 2031", "today"])
        _, dates = self.convert(only="dates", dct_gold="drop")
        self.assertEqual([r["text"] for r in dates], ["today"])
        _, dates = self.convert(only="dates", dct_gold="optional")
        self.assertEqual([r.get("optional") for r in dates], [True, None])
        doc, _ = self.convert(max_sent=7)
        self.assertIn("Later Quill rose .", doc["text"])

    def test_dateline_fallback_without_creation_time(self):
        doc, dates = self.convert(ct=False, only="dates", dct_gold="drop")
        self.assertEqual(doc["date"], "2031-06-03")
        self.assertEqual([r["text"] for r in dates], ["today"])

    def test_main(self):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "1_Quill.xml"), "w", encoding="utf-8") as f:
                f.write(meantime_xml())
            docs, gold = self.run_main(meantime, [tmp])
        self.assertEqual(len(docs), 1)
        self.assertEqual(len(gold), 7)


# ---------------------------------------------------------------- brat

BRAT_TEXT = ("Vote \U0001F5F3 looms.\n\n"
             "\u201cWe will win,\u201d Mara Olt said on Tuesday.\n\n"
             "Turnout will rise, the mayor believes, and fall later.\n\n"
             "Taxes are too high, according to a leaked memo.\n\n"
             "The plan\nworks, critics fear.\n")


def brat_ann(text):
    def off(s, nth=0):
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return i, i + len(s)

    def t(tid, typ, *frags):
        spans = [off(f) for f in frags]
        return "%s\t%s %s\t%s\n" % (tid, typ, ";".join("%d %d" % sp for sp in spans),
                                     " ".join(text[a:b] for a, b in spans))
    return "".join([
        t("T1", "Content", "We will win,"),
        t("T2", "Source", "Mara Olt"),
        t("T3", "Cue", "said"),
        t("T4", "Attribution", "said"),
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n",
        t("T5", "Content", "Turnout will rise", "and fall later"),   # discontinuous
        t("T6", "Source", "the mayor"),
        t("T7", "Cue", "believes"),
        t("T8", "Attribution", "believes"),
        "E2\tAttribution:T8 Content:T5 Source:T6 Cue:T7\n",
        t("T9", "Content", "Taxes are too high"),
        t("T10", "Cue", "according to"),
        t("T11", "Attribution-no-source", "according to"),
        "E3\tAttribution-no-source:T11 Content:T9 Cue:T10\n",          # missing source
        t("T12", "Content", "The plan\nworks"),                        # multi-line surface text
        t("T13", "Source", "critics"),
        t("T14", "Cue", "fear"),
        t("T15", "Attribution", "fear"),
        "E4\tAttribution:T15 Content:T12 Cue:T14 Source:T13\n",
        t("T16", "Attribution", "looms"),
        "E5\tAttribution:T16\n",                                       # no content: dropped
        t("T17", "Discard", "Vote"),
        "#1\tAnnotatorNotes T1\tsome note\n",
    ])


class BratTest(RoundTrip, unittest.TestCase):
    def test_convert_ann(self):
        gold = brat.convert_ann("d", BRAT_TEXT, brat_ann(BRAT_TEXT))
        self.assertRoundTrip([{"id": "d", "text": BRAT_TEXT}], gold)
        self.assertEqual([r["text"] for r in gold], [
            "We will win,", "Turnout will rise, the mayor believes, and fall later",
            "Taxes are too high", "The plan\nworks"])
        self.assertEqual(gold[0]["speaker"]["text"], "Mara Olt")
        self.assertEqual(gold[0]["cue"]["text"], "said")
        self.assertIsNone(gold[2]["speaker"])
        self.assertEqual(gold[2]["cue"]["text"], "according to")
        self.assertTrue(all(r["type"] == "claim" for r in gold))
        self.assertEqual([r["quote"] for r in gold], ["direct", "indirect", "indirect", "indirect"])

    def test_quote_type(self):
        text = "\u201cA b,\u201d he said. \u201cC d.\u201d Then: it is \"e f\" now. ''G h.''"
        self.assertEqual(brat.quote_type(text, 0, text.index(" Then")), "direct")
        self.assertEqual(brat.quote_type(text, text.index("it is"), text.index(" now") + 4), "mixed")
        self.assertEqual(brat.quote_type(text, text.index("e f"), text.index("e f") + 3), "direct")
        self.assertEqual(brat.quote_type(text, text.index("''G"), len(text)), "direct")
        self.assertEqual(brat.quote_type(text, text.index("Then"), text.index(":")), "indirect")

    def test_interrupted_direct_quote_is_split(self):
        text = "\u201cA b,\u201d Ola Ode said. \u201cC d.\u201d\n\nE f, she said, and g h.\n"
        def frag(s):
            i = text.index(s)
            return "%d %d" % (i, i + len(s))
        ann = ("T1\tContent %s;%s\tx\n" % (frag("\u201cA b,\u201d"), frag("\u201cC d.\u201d"))
               + "T2\tSource %s\tOla Ode\nT3\tCue %s\tsaid\n" % (frag("Ola Ode"), frag("said"))
               + "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
               + "T4\tContent %s;%s\tx\n" % (frag("E f"), frag("and g h"))
               + "T5\tSource %s\tshe\nT6\tCue %s\tsaid\n" % (frag("she"), frag("said,"))
               + "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5\n")
        gold = brat.convert_ann("d", text, ann)
        self.assertRoundTrip([{"id": "d", "text": text}], gold)
        self.assertEqual([r["text"] for r in gold], ["A b,", "C d.", "E f, she said, and g h"])
        self.assertEqual([r["quote"] for r in gold], ["direct", "direct", "indirect"])
        self.assertEqual(gold[1]["speaker"]["text"], "Ola Ode")

    def test_code_point_offsets(self):
        # the ballot-box emoji is one code point (two UTF-16 units): spans after it
        # must be code-point offsets
        gold = brat.convert_ann("d", BRAT_TEXT, brat_ann(BRAT_TEXT))
        s, e = gold[0]["span"]
        self.assertEqual(BRAT_TEXT[s:e], "We will win,")
        self.assertEqual(s, BRAT_TEXT.index("We"))

    def test_main_polnear_layout_first_annotator(self):
        with tempfile.TemporaryDirectory() as tmp:
            for split in ("dev", "train"):
                os.makedirs(os.path.join(tmp, split, "text"))
                os.makedirs(os.path.join(tmp, split, "attributions"))
            with open(os.path.join(tmp, "dev", "text", "art_one.txt"), "w",
                      encoding="utf-8", newline="") as f:
                f.write(BRAT_TEXT)
            with open(os.path.join(tmp, "dev", "text", "art_two.txt"), "w",
                      encoding="utf-8", newline="") as f:
                f.write("Nobody said anything.\r\n")
            with open(os.path.join(tmp, "dev", "text", "no_ann.txt"), "w") as f:
                f.write("unannotated")
            ann = brat_ann(BRAT_TEXT)
            with open(os.path.join(tmp, "dev", "attributions", "art_one_b2.ann"), "w",
                      encoding="utf-8") as f:
                f.write(ann.split("E2")[0].rsplit("T5", 1)[0])   # only the first relation
            with open(os.path.join(tmp, "dev", "attributions", "art_one_a1.ann"), "w",
                      encoding="utf-8") as f:
                f.write(ann)
            with open(os.path.join(tmp, "dev", "attributions", "art_two_c3.ann"), "w") as f:
                f.write("T1\tSource 0 6\tNobody\n")
            with open(os.path.join(tmp, "metadata.tsv"), "w") as f:
                f.write("compartment\tfilename\tpublication_date\n"
                        "dev\tart_one\t2031-11-02\n")
            docs, gold = self.run_main(brat, [tmp])
        self.assertEqual([d["id"] for d in docs], ["art_one", "art_two"])
        self.assertEqual(docs[0]["date"], "2031-11-02")
        self.assertNotIn("date", docs[1])
        self.assertEqual(docs[1]["text"], "Nobody said anything.\r\n")  # no newline translation
        self.assertEqual(len(gold), 4)   # annotator a1 (sorted first), not b2


if __name__ == "__main__":
    unittest.main()
