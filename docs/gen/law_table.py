#!/usr/bin/env python3
"""Write the rule table of docs/law.md from `filinglint rules` and `explain`.

Usage: law_table.py FILINGLINT [--check docs/law.md | --write docs/law.md]

Without an option it prints the table (Markdown). With --check it compares the
table with the part of docs/law.md between the markers
<!-- law-table begin --> and <!-- law-table end --> and exits 1 when they
differ, so that the page cannot drift from the rulesets (ctest docs.law);
--write puts the current table there.
"""
import tables


def table(binary):
    rows = ["| 规则 | 级别 | 适用文件 | 依据（条款、类别、施行日期） |", "|---|---|---|---|"]
    for rule, *_ in tables.rules(binary):
        e = tables.explain(binary, rule)
        bases = [("其他情形：" if label == "依据（其他情形）" else "") + value for label, value in e["依据"]]
        if e.get("本规则"):
            bases.append("**本规则 " + e["本规则"].split("（", 1)[0] + "**")
        basis = "<br>".join(tables.cell(b) for b in bases) if bases else "—"
        rows.append(f"| {rule} | {e['severity']} | {tables.cell(e.get('适用文件', ''))} | {basis} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    tables.main(__doc__, table, "law-table")
