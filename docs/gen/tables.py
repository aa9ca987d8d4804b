"""What the table generators of docs/gen/ share: running the program, reading
`filinglint rules` and `explain`, and putting a table between two markers of
a page (or checking that the table there is current).

A page holds its generated table between <!-- NAME begin --> and
<!-- NAME end -->; everything around it is written by hand. Each generator
script takes:

    SCRIPT FILINGLINT                 print the table
    SCRIPT FILINGLINT --check PAGE    exit 1 with a diff when PAGE's table is stale
    SCRIPT FILINGLINT --write PAGE    put the current table into PAGE

Standard library only.
"""
import difflib
import os
import subprocess
import sys


# `explain --lang zh` names the severities in Chinese; the tables show the
# machine names, as the rulesets and JSON do
SEVERITIES = {"错误": "error", "警告": "warning", "提示": "info"}


def run(binary, command, *args):
    """stdout of `binary command --lang zh args` (the labels this module
    reads are explain's Chinese ones), with today fixed, so that the tables
    do not depend on the machine's language or the day."""
    return run_lang(binary, "zh", command, *args)


def run_lang(binary, lang, command, *args):
    """stdout of `binary command --lang LANG args`, today fixed."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    out = subprocess.run([binary, command, "--lang", lang, *args], capture_output=True, text=True, check=True, env=env)
    return out.stdout


def cell(s):
    """Text made safe for a Markdown table cell."""
    return s.replace("|", "\\|").strip()


def rules(binary):
    """(id, severity, doc types, summary) for every rule, in `rules` order."""
    out = []
    for line in run(binary, "rules").splitlines():
        parts = line.split(None, 3)
        if parts:
            out.append(tuple(parts + [""] * (4 - len(parts))))
    return out


def explain(binary, rule):
    """`explain RULE` as a dict: severity and category (its first line) and
    the labelled lines that follow it; labels that repeat (依据) are lists."""
    lines = run(binary, "explain", rule).splitlines()
    head = lines[0].split() if lines else []
    sev = head[1] if len(head) > 1 else ""
    info = {"severity": SEVERITIES.get(sev, sev),
            "category": head[2] if len(head) > 2 else "", "依据": []}
    for e in lines[1:]:
        if not e.strip():
            break  # the description and the examples follow the first blank line
        label, sep, value = e.partition("：")
        if not sep or e.startswith(" "):
            continue
        if label in ("依据", "依据（其他情形）"):
            info["依据"].append((label, value))
        else:
            for zh, en in SEVERITIES.items():  # "eia-form 中为 警告"
                value = value.replace(f"中为 {zh}", f"中为 {en}")
            info.setdefault(label, value)
    return info


def main(doc, make_table, name):
    """The command line of a generator whose table sits between the
    <!-- NAME begin --> and <!-- NAME end --> markers."""
    begin, end = f"<!-- {name} begin -->", f"<!-- {name} end -->"
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        sys.exit(doc)
    got = make_table(args[0])
    if len(args) == 1:
        sys.stdout.write(got)
        return
    if len(args) != 3 or args[1] not in ("--check", "--write"):
        sys.exit(doc)
    page = args[2]
    text = open(page, encoding="utf-8").read()
    try:
        before, rest = text.split(begin, 1)
        inside, after = rest.split(end, 1)
    except ValueError:
        sys.exit(f"{page}: no {begin} … {end} block")
    inside = inside.strip("\n") + "\n"
    if args[1] == "--write":
        with open(page, "w", encoding="utf-8") as f:
            f.write(before + begin + "\n" + got + end + after)
        return
    if inside != got:
        sys.stdout.writelines(difflib.unified_diff(inside.splitlines(True), got.splitlines(True),
                                                   page, "generated"))
        sys.exit(f"{page}: the table is out of date; regenerate it with "
                 f"{os.path.relpath(sys.argv[0])} {args[0]} --write {page}")
