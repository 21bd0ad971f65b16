"""Shared helpers for the scripts/gold-from-* dataset converters.

Python 3 standard library only. Each converter builds a list of input
documents ({"id", "text", "date"?, ...}) and a list of gold records (SPEC
section 2: "doc", "type", "text", "span" [start, end) in Unicode code points of
the document text, plus type fields), then calls `finish()`, which checks that
every span round-trips (text[start:end] == record text, also for a claim's
`speaker` and `cue`), sorts the records (documents in input order, then by
span) and writes both JSON Lines files.
"""

import collections
import json
import sys


class SpanError(ValueError):
    """A gold record whose span does not reproduce its text."""


def span_record(doc_id, rtype, text, start, end, **fields):
    """A gold record for text[start:end] of document `doc_id`."""
    rec = {"doc": doc_id, "type": rtype, "text": text[start:end], "span": [start, end]}
    rec.update(fields)
    return rec


def sub_span(text, start, end):
    """A nested {text, span} object (claim speaker / cue)."""
    return {"text": text[start:end], "span": [start, end]}


def _check_one(text, obj, where):
    span = obj.get("span")
    if (not isinstance(span, list) or len(span) != 2
            or not all(isinstance(x, int) for x in span)):
        raise SpanError("%s: bad span %r" % (where, span))
    start, end = span
    if not 0 <= start <= end <= len(text):
        raise SpanError("%s: span %r outside text of length %d" % (where, span, len(text)))
    if text[start:end] != obj.get("text"):
        raise SpanError("%s: text[%d:%d] == %r, record text %r"
                        % (where, start, end, text[start:end], obj.get("text")))


def check_spans(docs, gold):
    """Raise SpanError unless every gold span round-trips against its document."""
    texts = {}
    for d in docs:
        if d["id"] in texts:
            raise SpanError("duplicate document id %r" % d["id"])
        texts[d["id"]] = d["text"]
    for i, rec in enumerate(gold):
        doc = rec.get("doc")
        if doc not in texts:
            raise SpanError("record %d: unknown doc %r" % (i, doc))
        text = texts[doc]
        where = "record %d (%s %s)" % (i, doc, rec.get("type"))
        _check_one(text, rec, where)
        for key in ("speaker", "cue"):
            sub = rec.get(key)
            if sub is not None:
                _check_one(text, sub, where + " " + key)
    return True


def sort_gold(docs, gold):
    """Records by document (input order), then span, then type (stable)."""
    order = {d["id"]: i for i, d in enumerate(docs)}
    return sorted(gold, key=lambda r: (order[r["doc"]], r["span"][0], r["span"][1], r["type"]))


def write_jsonl(path, records):
    """One JSON object a line, UTF-8, '\\n' line ends, non-ASCII kept as is."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False))
            out.write("\n")


def add_output_args(parser):
    parser.add_argument("--input", required=True, metavar="OUT.jsonl",
                        help="write the articles here (claimx --input jsonl form)")
    parser.add_argument("--gold", required=True, metavar="GOLD.jsonl",
                        help="write the gold records here")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no summary line on stderr")


def summary(docs, gold):
    counts = collections.Counter(r["type"] for r in gold)
    parts = ["%d docs" % len(docs)] + ["%s %d" % kv for kv in sorted(counts.items())]
    return ", ".join(parts)


def finish(docs, gold, args, extra=""):
    """Check spans, sort, write both files, print a summary line unless --quiet."""
    check_spans(docs, gold)
    gold = sort_gold(docs, gold)
    write_jsonl(args.input, docs)
    write_jsonl(args.gold, gold)
    if not getattr(args, "quiet", False):
        line = summary(docs, gold)
        if extra:
            line += "; " + extra
        print(line, file=sys.stderr)
    return gold
