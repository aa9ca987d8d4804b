#!/usr/bin/env python3
"""Write the rule catalogue table of docs/rules.md from `filinglint rules`
and `explain`: every rule that runs by default, with its severity, the
document types it applies to, what it checks (the rule's own summary), its
kind and its ruleset.

Usage: rules_table.py FILINGLINT [--check docs/rules.md | --write docs/rules.md]

Without an option it prints the table (Markdown). With --check it compares the
table with the part of docs/rules.md between the markers
<!-- rules-table begin --> and <!-- rules-table end --> and exits 1 when they
differ (ctest docs.rules); --write puts the current table there.
"""
import re

import tables


def severity(e):
    """The rule's severity, and any other it takes in one document type
    (`explain` writes "eia-book eia-form；eia-form 中为 warning")."""
    sev = e["severity"]
    for dtype, other in re.findall(r"([a-z-]+) 中为 ([a-z]+)", e.get("适用文件", "")):
        sev += f" ({dtype}: {other})"
    return sev


def applies(e):
    types = e.get("适用文件", "").split("；", 1)[0].strip()
    return "all" if types.startswith("全部") else ", ".join(types.split())


def ruleset(e):
    """The ruleset file by its name in rulesets/ (`explain` gives its path as
    loaded: relative, or absolute under FILINGLINT_RULESETS)."""
    m = re.match(r"(\S+\.xml):\d+", e.get("规则集", ""))
    if not m:
        return "built in"
    name = m.group(1).rsplit("/", 1)[-1]
    return f"[{name}](../rulesets/{name})"


def table(binary):
    rows = ["| rule | severity | applies to | what it checks | kind | ruleset |",
            "|---|---|---|---|---|---|"]
    for rule, _sev, _types, summary in tables.rules(binary):
        e = tables.explain(binary, rule)
        rows.append(f"| {rule} | {severity(e)} | {applies(e)} | {tables.cell(summary)} | "
                    f"{tables.cell(e.get('检查方式', ''))} | {ruleset(e)} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    tables.main(__doc__, table, "rules-table")
