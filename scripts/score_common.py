"""Shared by scripts/score-all and bench/compare-peers: the public datasets claimx is scored on,
their conversion with scripts/gold-from-*, `claimx eval --json`, and the markdown table.

A dataset is scored only on the types its annotation covers (CoNLL: names; TimeML: dates;
MEANTIME: names and dates; PolNeAR: claims), so the other types claimx finds are not counted as
false positives. Standard library only.
"""

import json
import os
import shlex
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(REPO, "scripts")

# key, title, path under the data folder, converter and its options, types scored.
DATASETS = [
    ("conll", "CoNLL-2003 testa", "conll2003/eng.testa", "gold-from-conll", [], ["person", "org", "place"]),
    ("timeml", "TimeML TBAQ-cleaned", "timeml/TBAQ-cleaned", "gold-from-timeml", [], ["date"]),
    ("meantime", "MEANTIME (en)", "meantime/intra-doc_annotation", "gold-from-meantime", [],
     ["person", "org", "place", "date"]),
    ("polnear", "PolNeAR dev", "polnear", "gold-from-brat", ["--split", "dev"], ["claim"]),
]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def present_datasets(data_dir, only=None):
    """The datasets found under data_dir (a message on stderr for each absent one)."""
    found = []
    for key, title, rel, conv, opts, types in DATASETS:
        if only and key not in only:
            continue
        path = os.path.join(data_dir, rel)
        if not os.path.exists(path):
            log(f"skipping {title}: {path} not found")
            continue
        found.append(dict(key=key, title=title, path=path, converter=conv, options=opts, types=types))
    return found


def convert(ds, work):
    """Runs the dataset's converter into work/; returns (input.jsonl, gold.jsonl)."""
    os.makedirs(work, exist_ok=True)
    inp = os.path.join(work, f"{ds['key']}.input.jsonl")
    gold = os.path.join(work, f"{ds['key']}.gold.jsonl")
    cmd = [sys.executable, os.path.join(SCRIPTS, ds["converter"]), ds["path"], *ds["options"],
           "--input", inp, "--gold", gold, "-q"]
    subprocess.run(cmd, check=True)
    return inp, gold


def claimx_eval(claimx, ds, inp, gold, predictions=None, extra=()):
    """`claimx eval --json` on a converted dataset (extracting from inp, or scoring predictions)."""
    cmd = [claimx, "eval", "--gold", gold, "--types", ",".join(ds["types"]), "--json", *extra]
    cmd += ["--predictions", predictions] if predictions else ["--input", "jsonl", inp]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1) or not p.stdout.strip():
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.strip()}")
    log(f"  {shlex.join(cmd)}  ({time.perf_counter() - t0:.1f} s)")
    return json.loads(p.stdout)


def fmt(v):
    return "-" if v is None else f"{v:.3f}"


def extra_cell(type_name, t, names=False):
    """Value F1 and accuracy for dates, speaker (all claims and direct quotes) and cue accuracy for
    claims; with names, canonical-name accuracy for names. Only gold with canonical names gives that
    a meaning: the public datasets' converters set a name's `name` to its mention text."""
    if type_name == "date":
        return f"value F1 {fmt(t['value']['f1'])}, value acc {fmt(t['value_accuracy']['accuracy'])}"
    if type_name == "claim":
        direct = t.get("direct", {}).get("speaker_accuracy", {}).get("accuracy")
        return (f"speaker acc {fmt(t['speaker_accuracy']['accuracy'])} (direct {fmt(direct)}), "
                f"cue acc {fmt(t['cue_accuracy']['accuracy'])}")
    if names and "name_accuracy" in t:
        return f"name acc {fmt(t['name_accuracy']['accuracy'])}"
    return ""


def rows_of(title, report, types, tool=None, names=False):
    rows = []
    for ty in types:
        t = report["types"][ty]
        r, s = t["relaxed"], t["strict"]
        row = [title] + ([tool] if tool else []) + [
            ty, str(t["gold"]), fmt(r["precision"]), fmt(r["recall"]), fmt(r["f1"]),
            fmt(s["precision"]), fmt(s["recall"]), fmt(s["f1"]), extra_cell(ty, t, names)]
        rows.append(row)
    return rows


def markdown_table(rows, with_tool=False, first="dataset"):
    head = [first] + (["tool"] if with_tool else []) + [
        "type", "gold", "P (relaxed)", "R (relaxed)", "F1 (relaxed)", "P (strict)", "R (strict)", "F1 (strict)",
        "other measures"]
    if first == "type":  # rows without a dataset column (one data set, named elsewhere)
        head = head[1:]
    return plain_table(head, rows, numeric_from=len(head) - 8)


def plain_table(head, rows, numeric_from):
    """A markdown table, columns padded; columns numeric_from.. right-aligned except the last text
    column "other measures"."""
    widths = [max(len(str(r[i])) for r in [head] + rows) for i in range(len(head))]
    numeric = {i for i in range(numeric_from, len(head)) if head[i] != "other measures"}

    def line(cells):
        return "| " + " | ".join(c.rjust(w) if i in numeric else c.ljust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    out = [line(head), "| " + " | ".join(("-" * (w - 1) + ":") if i in numeric else "-" * w
                                          for i, w in enumerate(widths)) + " |"]
    out += [line(r) for r in rows]
    return "\n".join(out)


# The JavaScript peers bench/compare-peers and scripts/eval-readme score claimx against, pinned, installed
# from npm into bench/.npm (ignored by git) on first use.
NPM_DIR = os.path.join(REPO, "bench", ".npm")
PEER_PACKAGES = ["compromise@14.17.0", "compromise-dates@3.9.0", "chrono-node@2.10.3"]
# peer -> the types it finds
PEERS = {"compromise": {"person", "org", "place"}, "compromise-dates": {"date"}, "chrono-node": {"date"}}


def ensure_peers():
    if all(os.path.isdir(os.path.join(NPM_DIR, "node_modules", p.rsplit("@", 1)[0])) for p in PEER_PACKAGES):
        return
    log(f"installing {', '.join(PEER_PACKAGES)} into {os.path.relpath(NPM_DIR)}")
    subprocess.run(["npm", "install", "--prefix", NPM_DIR, "--no-audit", "--no-fund", "--loglevel", "error",
                    *PEER_PACKAGES], check=True)


def side_by_side(claimx, ds, inp, gold, work):
    """[(tool, types, report)]: claimx, then each peer finding some of the dataset's types, every one
    scored by `claimx eval` with the same matching (peers through --predictions)."""
    results = [("claimx", ds["types"], claimx_eval(claimx, ds, inp, gold))]
    for peer, finds in PEERS.items():
        types = [t for t in ds["types"] if t in finds]
        if not types:
            continue
        pred = os.path.join(work, f"{ds['key']}.{peer}.jsonl")
        subprocess.run(["node", os.path.join(REPO, "bench", "peer_predict.mjs"), peer, inp, pred], check=True)
        results.append((peer, types, claimx_eval(claimx, dict(ds, types=types), inp, gold, pred)))
    return results


def side_by_side_rows(title, ds_types, results):
    """Rows of the markdown table with a tool column, grouped by type, claimx first."""
    rows = []
    for ty in ds_types:
        for tool, types, report in results:
            if ty in types:
                rows += rows_of(title, report, [ty], tool)
    return rows
