#!/usr/bin/env python3
"""Runs every jq recipe of the README's "Everyday use" and "Across articles: corroborate" sections
exactly as printed, against the corpus, and checks that each prints something of the shape it
promises.

A recipe is a ```sh block in those sections whose first line is a `# title` comment; the title
names the check below. A recipe without a check, or a check without a recipe, fails the test.
Recipes run with bash (pipefail) in a scratch folder where `corpus/` is the repository's corpus,
with the built claimx first on PATH.

Usage: readme_recipes.py --claimx CLAIMX --source SOURCE_DIR [--corroborate]
Without --corroborate it runs the recipes that do not use `claimx corroborate`; with it, only
those that do (exit 77, skipped, when this claimx has no corroborate command yet).
"""
import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


SECTIONS = ("Everyday use", "Across articles: corroborate")


def recipes(readme_text):
    """[(title, code)] of the ```sh blocks of the recipe SECTIONS."""
    out = []
    for section in SECTIONS:
        m = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", readme_text, re.S | re.M)
        if not m:
            raise SystemExit(f"README.md has no '## {section}' section")
        out += section_recipes(m.group(1))
    return out


def section_recipes(text):
    out = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M):
        first = block.splitlines()[0]
        if not first.startswith("# "):
            raise SystemExit(f"recipe without a '# title' first line:\n{block}")
        out.append((first[2:].strip(), block))
    return out


def json_lines(out):
    return [json.loads(line) for line in out.splitlines()]


# Each check gets the recipe's stdout, the corpus folder and the folder the recipe ran in, and
# returns a list of problems.

def people_by_mentions(out, corpus, cwd):
    rows = [re.fullmatch(r"\s*(\d+) (\S.*)", line) for line in out.splitlines()]
    if not rows or not all(rows):
        return ["expected lines of `COUNT NAME`"]
    counts = [int(r.group(1)) for r in rows]
    return [] if counts == sorted(counts, reverse=True) else ["counts are not in descending order"]


def claims_by_speaker(out, corpus, cwd):
    records = json_lines(out)
    if not records:
        return ["no claims printed"]
    return [f"not a {{doc, quote, text}} object: {r}" for r in records
            if set(r) != {"doc", "quote", "text"} or not r["text"]]


def dates_in_range(out, corpus, cwd):
    records = json_lines(out)
    if not records:
        return ["no dates printed"]
    bad = [r for r in records if set(r) != {"doc", "text", "value"}
           or not re.match(r"\d{4}", r["value"]) or not 2015 <= int(r["value"][:4]) <= 2020]
    return [f"not a date from 2015 to 2020: {r}" for r in bad]


def claims_per_article(out, corpus, cwd):
    rows = [re.fullmatch(r"(\d+)\t(\S.*)", line) for line in out.splitlines()]
    if not rows or not all(rows):
        return ["expected lines of `COUNT<TAB>DOC`"]
    articles = [f for f in os.listdir(corpus) if f.endswith(".txt")]
    problems = []
    if sorted(r.group(2) for r in rows) != sorted(articles):
        problems.append(f"{len(rows)} rows for {len(articles)} articles")
    counts = [int(r.group(1)) for r in rows]
    if counts != sorted(counts, reverse=True):
        problems.append("counts are not in descending order")
    return problems


def names_as_csv(out, corpus, cwd):
    rows = list(csv.reader(io.StringIO(out)))
    if len(rows) < 2 or rows[0] != ["doc", "type", "name", "id", "start", "end"]:
        return ["expected a header row doc,type,name,id,start,end and records"]
    return [f"bad row {row}" for row in rows[1:]
            if len(row) != 6 or row[1] not in ("person", "org", "place") or not row[4].isdigit()
            or not row[5].isdigit() or int(row[4]) >= int(row[5])]


def claims_carried(out, corpus, cwd):
    records = json_lines(out)
    if not records:
        return ["no claims printed"]
    problems = [f"not a {{doc, text, speaker, articles}} object: {r}" for r in records
                if set(r) != {"doc", "text", "speaker", "articles"} or not isinstance(r["articles"], int)
                or r["articles"] < 1]
    # The join must find the groups: a claim carried by several articles shows up as such.
    with open(os.path.join(cwd, "cross.jsonl")) as f:
        shared = [g for g in json_lines(f.read()) if g["type"] == "claim_group" and g["doc_count"] > 1]
    if shared and not any(r["articles"] > 1 for r in records):
        problems.append(f"corroborate found {len(shared)} claims in several articles, the join none")
    return problems


def conflicts(out, corpus, cwd):
    records = json_lines(out)
    if not records:
        return ["no conflicts printed (corpus 01 and 02 are written to disagree)"]
    problems = []
    for r in records:
        if set(r) != {"subject", "attribute", "sides"} or not r["subject"] or len(r["sides"]) < 2:
            problems.append(f"not a {{subject, attribute, sides}} object with two sides or more: {r}")
            continue
        docs = [set(s["docs"]) for s in r["sides"]]
        if not all(docs) or len(set().union(*docs)) < 2:
            problems.append(f"a conflict within one article: {r}")
    return problems


def people_across(out, corpus, cwd):
    rows = [line.split("\t") for line in out.splitlines()]
    if not rows:
        return ["no person in several articles"]
    return [f"not COUNT<TAB>NAME<TAB>FORMS with COUNT > 1 and NAME among FORMS: {row}" for row in rows
            if len(row) != 3 or not row[0].isdigit() or int(row[0]) < 2 or row[1] not in row[2].split(", ")]


CHECKS = {
    "people, by how often they are mentioned": people_by_mentions,
    "what one person said": claims_by_speaker,
    "dates from 2015 to 2020": dates_in_range,
    "claims per article": claims_per_article,
    "names as CSV, for a spreadsheet": names_as_csv,
    "how many articles carry each claim (corroborate output joined back to the articles)": claims_carried,
    "conflicting figures, each side with its articles": conflicts,
    "people named in several articles, with every spelling": people_across,
}


def has_corroborate(claimx):
    """True when `claimx --help` lists a corroborate command (`claimx corroborate --help` would
    otherwise print extract's help, reading `corroborate` as a path)."""
    out = subprocess.run([claimx, "--help"], capture_output=True, text=True).stdout
    return re.search(r"^\s+corroborate\s", out, re.M) is not None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--claimx", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--corroborate", action="store_true")
    args = ap.parse_args()

    with open(os.path.join(args.source, "README.md")) as f:
        found = recipes(f.read())
    titles = [t for t, _ in found]
    problems = [f"recipe '{t}' has no check in tests/readme_recipes.py" for t in titles if t not in CHECKS]
    problems += [f"check '{t}' has no recipe in the README" for t in CHECKS if t not in titles]

    selected = [(t, code) for t, code in found if ("claimx corroborate" in code) == args.corroborate]
    if args.corroborate and selected and not has_corroborate(args.claimx):
        print("SKIP: `claimx corroborate` does not exist yet; the README recipe joining its output back "
              "to the articles is written against the record shapes of SPEC section 6 / issue 12")
        return SKIP

    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(args.claimx)) + os.pathsep + os.environ["PATH"])
    corpus = os.path.join(os.path.abspath(args.source), "corpus")  # a relative link would point at itself
    passed = 0
    with tempfile.TemporaryDirectory(prefix="claimx-recipes-") as tmp:
        os.symlink(corpus, os.path.join(tmp, "corpus"))
        for title, code in selected:
            r = subprocess.run(["bash", "-o", "pipefail", "-c", code], cwd=tmp, env=env, capture_output=True,
                               text=True)
            if r.returncode != 0:
                issues = [f"exit {r.returncode}: {r.stderr.strip()[-500:]}"]
            elif title in CHECKS:
                try:
                    issues = CHECKS[title](r.stdout, corpus, tmp)
                except (ValueError, KeyError, TypeError, OSError) as e:
                    issues = [f"output not of the expected shape ({e}): {r.stdout[:300]!r}"]
            else:
                continue
            if issues:
                problems += [f"recipe '{title}': {i}" for i in issues[:5]]
            else:
                passed += 1
                print(f"ok: {title} ({r.stdout.count(chr(10))} lines)")
    for p in problems:
        print("FAIL: " + p)
    print(f"recipes: {passed} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
