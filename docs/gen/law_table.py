#!/usr/bin/env python3
"""Write the rule table of docs/law.md from `filinglint rules` and `explain`.

Usage: law_table.py FILINGLINT [--check docs/law.md]

Without --check it prints the table (Markdown). With --check it compares the
table with the part of docs/law.md between the markers
<!-- law-table begin --> and <!-- law-table end --> and exits 1 when they
differ, so that the page cannot drift from the rulesets (ctest docs.law).
"""
import os
import subprocess
import sys

BEGIN, END = "<!-- law-table begin -->", "<!-- law-table end -->"


def run(binary, *args):
    env = dict(os.environ, LANG="C.UTF-8", SOURCE_DATE_EPOCH="1767225600")
    out = subprocess.run([binary, *args], capture_output=True, text=True, check=True, env=env)
    return out.stdout


def cell(s):
    return s.replace("|", "\\|").strip()


def table(binary):
    rows = ["| 规则 | 级别 | 适用文件 | 依据（条款、类别、施行日期） |", "|---|---|---|---|"]
    for line in run(binary, "rules").splitlines():
        parts = line.split()
        if not parts:
            continue
        rule = parts[0]
        explain = run(binary, "explain", rule).splitlines()
        head = explain[0].split()
        severity = head[1] if len(head) > 1 else ""
        applies, bases, since = "", [], ""
        for e in explain[1:]:
            if e.startswith("适用文件："):
                applies = e[len("适用文件："):]
            elif e.startswith("依据："):
                bases.append(e[len("依据："):])
            elif e.startswith("依据（其他情形）："):
                rest = e[len("依据（其他情形）："):]
                bases.append("其他情形：" + rest)
            elif e.startswith("本规则："):
                since = e[len("本规则："):].split("（", 1)[0]
        if since:
            bases.append("**本规则 " + since + "**")
        basis = "<br>".join(cell(b) for b in bases) if bases else "—"
        rows.append(f"| {rule} | {severity} | {cell(applies)} | {basis} |")
    return "\n".join(rows) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    got = table(sys.argv[1])
    if len(sys.argv) == 4 and sys.argv[2] == "--check":
        text = open(sys.argv[3], encoding="utf-8").read()
        try:
            inside = text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n") + "\n"
        except IndexError:
            sys.exit(f"{sys.argv[3]}: no {BEGIN} … {END} block")
        if inside != got:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(inside.splitlines(True), got.splitlines(True),
                                                       sys.argv[3], "generated"))
            sys.exit(f"{sys.argv[3]}: the rule table is out of date; regenerate it with "
                     f"docs/gen/law_table.py {sys.argv[1]}")
        return
    sys.stdout.write(got)


if __name__ == "__main__":
    main()
