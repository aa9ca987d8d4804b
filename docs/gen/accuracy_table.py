#!/usr/bin/env python3
"""Write the README's table of what holds each rule to its behaviour: the
examples embedded in the rule (`test-rules` runs them: texts it must report
and texts it must pass) and the golden outputs under tests/golden/ in which
the rule's id appears (fixture files run through the whole program).

A rule with no pass example, or none that reports, is a rule nobody has
shown to be right; the table makes that visible, and its totals line says
how many examples hold the shipped rules in all.

Usage: accuracy_table.py FILINGLINT [--check README.md | --write README.md]
(see tables.py; the markers are <!-- accuracy-table begin/end -->).
"""
import collections
import os
import re

import tables

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def examples(binary):
    """{rule: [must report, must pass]} from `test-rules -v` in English,
    whose lines read "FILE:LINE: RULE: ok (fail example)"."""
    out = tables.run_lang(binary, "en", "test-rules", "-v")
    counts = collections.defaultdict(lambda: [0, 0])
    for m in re.finditer(r"^\S+:\d+: (\S+): \w+ \((fail|pass) example\)", out, re.M):
        counts[m.group(1)][0 if m.group(2) == "fail" else 1] += 1
    return counts


def golden():
    """{rule: number of golden outputs that name it}; a word match, so
    EIA20 never counts for EIA209."""
    texts = []
    base = os.path.join(ROOT, "tests", "golden")
    for suite in sorted(os.listdir(base)):
        folder = os.path.join(base, suite)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".out"):
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    texts.append(f.read())
    return lambda rule: sum(1 for t in texts if re.search(rf"\b{re.escape(rule)}\b", t))


def table(binary):
    ex = examples(binary)
    seen_in = golden()
    rows = ["| rule | severity | must report | must pass | golden outputs naming it |",
            "|---|---|---:|---:|---:|"]
    total = [0, 0, 0]
    for rule, sev, _types, _summary in tables.rules(binary):
        fail, ok = ex[rule]
        g = seen_in(rule)
        total[0] += fail
        total[1] += ok
        total[2] += 1 if g else 0
        rows.append(f"| {rule} | {tables.SEVERITIES.get(sev, sev)} | {fail} | {ok} | {g} |")
    n = len(rows) - 2
    rows.append(f"| **{n} rules** | | **{total[0]}** | **{total[1]}** | **{total[2]} of {n} rules** |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    tables.main(__doc__, table, "accuracy-table")
