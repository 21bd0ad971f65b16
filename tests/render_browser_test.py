#!/usr/bin/env python3
"""End-to-end test of `claimx render` in a real browser (Debian's chromium, headless).

Renders corpus/, an article full of HTML metacharacters, and the seeds (../shared/seeds beside the
repository, or --seeds DIR; the test fails when they are missing), loads each page in headless
chromium with --dump-dom (the DOM after the page's own script has run), and checks against `claimx`
JSON Lines output of the same input:
  - per article and record type, the highlighted marks hold exactly the records' texts (count and
    text), fragments of one mark joined back;
  - the page's script ran to the end (body[data-ready]) and every in-page link has a target;
  - the metacharacter article is shown as text: no element came out of it, its text is all there;
  - the seeds' cross-article panel lists as many entities, claim groups and conflicts as
    `claimx corroborate` prints for them.
Exit 77 (CTest: skipped) when no chromium is installed.

usage: render_browser_test.py --claimx BUILD/claimx --source REPO [--seeds DIR] [--keep DIR]
"""
import argparse
import collections
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
METACHAR_ARTICLE = (
    "Mayor Jane Porter said on Monday that \"<script>alert(1)</script> is not a threat\" and that "
    "Smith &amp; Sons would pay.\n\n"
    "\"We will <b>not</b> back down & we won't,\" Porter told reporters in Denver, Colorado.\n"
    "<img src=x onerror=alert(2)> <!-- comment --> ]]> &lt;p&gt; done.\n"
)


class DomReader(html.parser.HTMLParser):
    """Collects, from a dumped DOM, what the checks need."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, attrs)
        self.marks = collections.OrderedDict()  # (doc, key) -> {"type", "text"}
        self.doc_text = collections.defaultdict(str)  # doc -> text of its .text div
        self.elements_in_text = collections.Counter()  # doc -> elements other than <mark> inside .text
        self.scripts = []  # ancestors of each <script>
        self.ids = set()
        self.links = []
        self.body = {}
        self.panel = False
        self.panel_rows = collections.Counter()  # entity, claim_group, conflict -> rows in the panel

    def _doc(self):
        for tag, a in reversed(self.stack):
            if tag == "article" and "data-doc" in a:
                return a["data-doc"]
        return None

    def _in_text(self):
        return any(tag == "div" and a.get("class") == "text" for tag, a in self.stack)

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "body":
            self.body = a
        if tag == "script":
            self.scripts.append([t for t, _ in self.stack])
        if "id" in a:
            self.ids.add(a["id"])
            if a["id"] == "across":
                self.panel = True
        if self.panel and tag == "li" and self.stack and self.stack[-1][0] == "ul":
            kind = {"ents": "entity", "groups": "claim_group"}.get(self.stack[-1][1].get("class"))
            if kind:
                self.panel_rows[kind] += 1
        if self.panel and tag == "div" and a.get("class") == "conflict":
            self.panel_rows["conflict"] += 1
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        if self._in_text():
            doc = self._doc()
            if tag != "mark":
                self.elements_in_text[doc] += 1
            elif "data-t" in a:
                entry = self.marks.setdefault((doc, a["data-m"]), {"type": a["data-t"], "text": ""})
                if entry["type"] != a["data-t"]:
                    raise AssertionError(f"{doc}: fragments of {a['data-m']} disagree on their type")
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if not self._in_text():
            return
        doc = self._doc()
        self.doc_text[doc] += data
        for tag, a in self.stack:
            if tag == "mark" and "data-t" in a:
                self.marks[(doc, a["data-m"])]["text"] += data


def run(cmd, **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        raise AssertionError(f"{' '.join(cmd)}: exit {p.returncode}")
    return p.stdout


def chromium_cmd(browser, profile):
    return [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}"]


def dump_dom(browser, page, scratch):
    profile = tempfile.mkdtemp(dir=scratch)
    out = run(chromium_cmd(browser, profile) + ["--dump-dom", "file://" + os.path.abspath(page)], timeout=180)
    return out.decode("utf-8")  # bytes, so a CR in the text is not folded by universal newlines


def records_of(claimx, args):
    by_doc = collections.defaultdict(lambda: collections.defaultdict(list))
    for line in run([claimx, "-q"] + args).decode("utf-8").splitlines():
        r = json.loads(line)
        if r["type"] != "error":
            by_doc[r["doc"]][r["type"]].append(r["text"])
    return by_doc


def check_page(name, claimx, browser, scratch, render_args, extract_args):
    """Renders, loads in the browser, compares the marks with the records. Returns the DomReader."""
    page = os.path.join(scratch, name + ".html")
    run([claimx, "render", "-q", "-o", page] + render_args)
    dom = DomReader()
    dom.feed(dump_dom(browser, page, scratch))
    problems = []
    if dom.body.get("data-ready") != "1":
        problems.append("the page's script did not finish (body has no data-ready)")
    missing = sorted(set(dom.links) - dom.ids)
    if missing:
        problems.append(f"in-page links without a target: {missing[:5]}")
    for doc, n in dom.elements_in_text.items():
        problems.append(f"{doc}: {n} elements other than marks inside the article text")
    if len(dom.scripts) != 1 or "main" in dom.scripts[0]:
        problems.append(f"expected the page's one script outside <main>, found {len(dom.scripts)}: {dom.scripts}")

    want = records_of(claimx, extract_args)
    got = collections.defaultdict(lambda: collections.defaultdict(list))
    for (doc, _), m in dom.marks.items():
        got[doc][m["type"]].append(m["text"])
    per_type = collections.Counter()
    for doc in sorted(set(want) | set(got)):
        for t in sorted(set(want[doc]) | set(got[doc])):
            w, g = sorted(want[doc][t]), sorted(got[doc][t])
            if w != g:
                extra = list((collections.Counter(g) - collections.Counter(w)).elements())
                lost = list((collections.Counter(w) - collections.Counter(g)).elements())
                problems.append(f"{doc} {t}: {len(g)} marks for {len(w)} records; "
                                f"not in records: {extra[:3]}, not shown: {lost[:3]}")
            per_type[t] += len(g)
    summary = ", ".join(f"{n} {t}" for t, n in sorted(per_type.items()))
    print(f"{name}: {len(got)} articles with marks; marks matching records: {summary}")
    return dom, [f"{name}: {p}" for p in problems]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--claimx", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--seeds", help="the seed articles (default: ../shared/seeds beside the repository)")
    ap.add_argument("--keep", help="keep the pages and DOM dumps in this folder")
    args = ap.parse_args()
    seeds = args.seeds or os.path.normpath(os.path.join(args.source, "..", "shared", "seeds"))
    if not os.path.isdir(seeds) or not any(n.endswith(".txt") for n in os.listdir(seeds)):
        # The seeds are part of what this test must show; passing without them would hide that.
        print(f"FAIL: no seed articles (*.txt) in {seeds}: CI places them at ../shared/seeds beside the "
              f"clone; elsewhere pass --seeds DIR")
        return 1
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("SKIP: no chromium on PATH (scripts/install-deps installs Debian's chromium)")
        return SKIP
    scratch = args.keep or tempfile.mkdtemp(prefix="claimx-render-")
    os.makedirs(scratch, exist_ok=True)
    problems = []
    try:
        corpus = os.path.join(args.source, "corpus")
        problems += check_page("corpus", args.claimx, browser, scratch, [corpus], [corpus])[1]

        meta_dir = os.path.join(scratch, "meta")
        os.makedirs(meta_dir, exist_ok=True)
        with open(os.path.join(meta_dir, "metachars.txt"), "w", encoding="utf-8", newline="") as f:
            f.write(METACHAR_ARTICLE)
        dom, p = check_page("metachars", args.claimx, browser, scratch, [meta_dir], [meta_dir])
        problems += p
        text = dom.doc_text.get("metachars.txt")
        if text != METACHAR_ARTICLE:
            problems.append(f"metachars: the article's text in the DOM differs from the file: {text!r}")
        for needle in ("<script>alert(1)</script>", "&amp;", '"', "<img src=x onerror=alert(2)>"):
            if needle not in (text or ""):
                problems.append(f"metachars: {needle!r} not shown as text")
        if not any(doc == "metachars.txt" for doc, _ in dom.marks):
            problems.append("metachars: no marks at all (the check of escaping inside marks did not run)")
        print(f"metachars: the article shows as text ({len(text or '')} characters, no element injected)")

        all_types = ["--types", "person,org,place,date,claim,fact"]
        dom, p = check_page("seeds", args.claimx, browser, scratch, ["--corroborate", "--explain", seeds],
                            all_types + [seeds])
        problems += p
        if not dom.panel:
            problems.append("seeds: no cross-article panel (#across) with --corroborate")
        want = collections.Counter(json.loads(line)["type"]
                                   for line in run([args.claimx, "corroborate", seeds]).decode("utf-8").splitlines())
        for kind in ("entity", "claim_group", "conflict"):
            if dom.panel_rows[kind] != want[kind]:
                problems.append(f"seeds: the panel shows {dom.panel_rows[kind]} {kind} rows, "
                                f"corroborate prints {want[kind]}")
        print("seeds: cross-article panel rows matching corroborate: "
              + ", ".join(f"{dom.panel_rows[k]} {k}" for k in ("entity", "claim_group", "conflict")))
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    for p in problems:
        print(f"FAIL: {p}")
    if problems:
        print(f"FAILED: {len(problems)} problems")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
