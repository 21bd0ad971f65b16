#!/usr/bin/env python3
"""`cmake --install` into a temporary prefix, then checks what a user gets there:
the layout (binary, rules, man page, completions, docs), that the installed binary runs
`--version` and finds its rules with `rules path`, that the installed rules are the embedded ones,
that the man page and both completion scripts name exactly the options `--help` names, and that
the bash completion completes commands, options and option values.

Usage: install_test.py --cmake CMAKE --build BUILD_DIR --source SOURCE_DIR
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL: " + message)
    return ok


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


# --- what --help says -------------------------------------------------------------------------

NAME = r"(?:-[A-Za-z0-9]|--[A-Za-z0-9][A-Za-z0-9-]*)"
OPTION_ROW = re.compile(rf"^  ({NAME}(?:,{NAME})*)(?:\s|$)")  # "  -o,--output TEXT   Write to..."
SUBCOMMAND_ROW = re.compile(r"^  ([a-z][a-z0-9-]*)\s")


def help_tree(claimx, path=()):
    """{command path: set of options} from `claimx [PATH] --help`, following 'Subcommands:'."""
    out = run([claimx, *path, "--help"]).stdout
    options, subcommands, section = set(), [], None
    for line in out.splitlines():
        if line and not line.startswith(" "):
            section = line.rstrip(":")
            continue
        if section == "Subcommands":
            m = SUBCOMMAND_ROW.match(line)
            if m:
                subcommands.append(m.group(1))
            continue
        m = OPTION_ROW.match(line)
        if m:
            options.update(m.group(1).split(","))
    tree = {path: options}
    for sub in subcommands:
        tree.update(help_tree(claimx, path + (sub,)))
    return tree


# --- what the man page says -------------------------------------------------------------------

def man_sections(man_text):
    """{command path: set of options} from the roff source: the OPTIONS section is the program's,
    each `.SS "claimx CMD..."` a command's. Options are the \\fB-bold\\fR names of .TP tags."""
    text = man_text.replace("\\-", "-")
    sections, current = {}, None
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".SH "):
            current = () if line == ".SH OPTIONS" else None
            if current is not None:
                sections.setdefault(current, set())
        elif line.startswith(".SS "):
            words = line[4:].strip('"').replace(" (default)", "").split()
            current = tuple(words[1:])
            sections.setdefault(current, set())
        elif line == ".TP" and current is not None and i + 1 < len(lines):
            sections[current].update(re.findall(r"\\fB(-[-A-Za-z0-9]*)\\fR", lines[i + 1]))
    return sections


# --- what the bash completion says ------------------------------------------------------------

def bash_tables(script):
    """{command path: set of options} from the _claimx_options table."""
    body = re.search(r"_claimx_options\(\) \{\n  case \$1 in\n(.*?)\n  esac", script, re.S).group(1)
    tables = {}
    for key, words in re.findall(r"^    '([^']*)'\) echo '([^']*)' ;;$", body, re.M):
        tables[tuple(key.split())] = set(words.split())
    return tables


def bash_complete(completion_file, words, cwd):
    """COMPREPLY for the command line `words` (the last word is the one being completed)."""
    script = (
        f"source {completion_file}\n"
        "COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 ))\n"
        "_claimx\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    r = run(["bash", "-c", script, "bash", *words], cwd=cwd)
    return set(r.stdout.split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmake", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="claimx-install-")
    try:
        prefix = os.path.join(tmp, "prefix")
        r = run([args.cmake, "--install", args.build, "--prefix", prefix])
        if not check(r.returncode == 0, f"cmake --install failed:\n{r.stdout}{r.stderr}"):
            return 1

        # Layout.
        claimx = os.path.join(prefix, "bin", "claimx")
        rules = os.path.join(prefix, "share", "claimx", "rules")
        man = os.path.join(prefix, "share", "man", "man1", "claimx.1")
        bash = os.path.join(prefix, "share", "bash-completion", "completions", "claimx")
        zsh = os.path.join(prefix, "share", "zsh", "vendor-completions", "_claimx")
        for path in (man, bash, zsh, os.path.join(prefix, "share", "doc", "claimx", "README.md")):
            check(os.path.isfile(path), f"not installed: {os.path.relpath(path, prefix)}")
        check(os.access(claimx, os.X_OK), "bin/claimx is not an executable")
        source_rules = sorted(f for f in os.listdir(os.path.join(args.source, "rules")) if f.endswith(".rules"))
        installed_rules = sorted(f for f in os.listdir(rules) if f.endswith(".rules")) if os.path.isdir(rules) else []
        check(installed_rules == source_rules and source_rules,
              f"share/claimx/rules has {installed_rules}, rules/ has {source_rules}")
        source_lists = sorted(os.listdir(os.path.join(args.source, "rules", "lists")))
        installed_lists = sorted(os.listdir(os.path.join(rules, "lists"))) if os.path.isdir(rules) else []
        check(installed_lists == source_lists, f"share/claimx/rules/lists differs from rules/lists: "
              f"missing {sorted(set(source_lists) - set(installed_lists))}, "
              f"extra {sorted(set(installed_lists) - set(source_lists))}")

        # The installed binary: version, its rules, and a real run.
        r = run([claimx, "--version"])
        check(r.returncode == 0 and re.fullmatch(
            r"claimx \d+\.\d+\.\d+ \(git ([0-9a-f]+|unknown), RE2 [^,]+, ICU \d+(\.\d+)*\)\n", r.stdout),
            f"claimx --version printed {r.stdout!r} (exit {r.returncode})")
        r = run([claimx, "rules", "path"])
        check(r.returncode == 0 and os.path.realpath(r.stdout.strip()) == os.path.realpath(rules),
              f"claimx rules path printed {r.stdout!r} {r.stderr!r}, expected {rules}")
        def rule_rows(out):  # id, type, priority, file:line, with the file's folder left out
            return [row.rsplit("\t", 1)[0] + "\t" + os.path.basename(row.rsplit("\t", 1)[-1])
                    for row in out.splitlines()]
        embedded = run([claimx, "rules", "list"]).stdout
        from_files = run([claimx, "rules", "list", "--rules", rules])
        check(from_files.returncode == 0 and embedded and rule_rows(from_files.stdout) == rule_rows(embedded),
              "the installed rules are not the embedded ones (claimx rules list differs): " + from_files.stderr)
        corpus = os.path.join(args.source, "corpus")
        a = run([claimx, "-q", corpus])
        b = run([claimx, "-q", "--rules", rules, corpus])
        check(a.returncode == 0 and a.stdout.count("\n") > 0 and a.stdout == b.stdout,
              "the installed binary gives different records with the installed rules than with the embedded ones")

        # Man page, bash and zsh completion name exactly the options --help names, per command.
        helped = help_tree(claimx)
        with open(man) as f:
            man_text = f.read()
        with open(bash) as f:
            bash_text = f.read()
        with open(zsh) as f:
            zsh_text = f.read()
        in_man = man_sections(man_text)
        in_bash = bash_tables(bash_text)
        for path, options in helped.items():
            name = " ".join(("claimx",) + path)
            check(in_man.get(path) == options,
                  f"man page vs `{name} --help`: only in man {sorted(in_man.get(path, set()) - options)}, "
                  f"only in --help {sorted(options - in_man.get(path, set()))}")
            check(in_bash.get(path) == options,
                  f"bash completion vs `{name} --help`: only in bash {sorted(in_bash.get(path, set()) - options)}, "
                  f"only in --help {sorted(options - in_bash.get(path, set()))}")
            for option in options:
                check(option in zsh_text, f"zsh completion lacks {option} of `{name}`")
        check(set(in_man) == set(helped), f"man page commands {sorted(in_man)} vs --help {sorted(helped)}")
        if shutil.which("groff"):
            r = run(["groff", "-man", "-ww", "-z", "-Tutf8", man])
            check(r.returncode == 0 and not r.stderr, f"groff warns about claimx.1: {r.stderr}")

        # Bash completion behaves: commands, options per command, values of an option.
        cwd = os.path.join(tmp, "empty")
        os.mkdir(cwd)
        cases = [
            (["claimx", ""], {"extract", "rules"}),
            (["claimx", "ru"], {"rules"}),
            (["claimx", "--ty"], {"--types"}),
            (["claimx", "rules", ""], {"test", "list", "path"}),
            (["claimx", "rules", "list", "--t"], {"--type"}),
            (["claimx", "--input", ""], {"text", "jsonl"}),
            (["claimx", "extract", "--input", "=", "j"], {"jsonl"}),
            (["claimx", "corpus/", "--per"], {"--per-doc"}),
        ]
        for words, expected in cases:
            got = bash_complete(bash, words, cwd)
            check(expected <= got, f"bash completion of {' '.join(words)!r}: got {sorted(got)}, "
                  f"expected at least {sorted(expected)}")
        got = bash_complete(bash, ["claimx", "rules", "list", "--type", "x", ""], cwd)
        check("extract" not in got, f"bash completion after `rules list --type x` offers commands: {sorted(got)}")

        if shutil.which("zsh"):
            r = run(["zsh", "-n", zsh])
            check(r.returncode == 0, f"zsh -n _claimx: {r.stderr}")
        else:
            print("note: zsh is not installed; the zsh completion was checked for options only")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    checked = "layout, --version, rules path, installed rules, man page and completions"
    if failures:
        print(f"install: {len(failures)} failure(s)")
        return 1
    print(f"install: ok ({checked})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
