#!/bin/bash
# `check --format html` (GitHub issue 7): one self-contained page per run.
# Structural checks with python3's html.parser: every start tag closed in
# order; every finding of the JSON report present exactly once (as a
# class="finding" note with its rule, severity and message, in file order)
# and every highlight pointing at one of them; ids unique; the summary
# table's counts per file and per rule equal the JSON ones; one filter box
# per severity and per rule; nothing loaded from elsewhere (no src=, no
# <link>, no url(), no http(s) link); document text, messages and paths
# escaped (a filing holding <script> and a file named with & and < stay
# text); a file that cannot be read is listed as such. The exit status is
# the same as for the other formats.
#
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
command -v python3 >/dev/null || { echo "FAIL: python3 is needed to parse the report"; exit 1; }

cat >"$SCRATCH/marks.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<ruleset id="marks">
  <rule id="TM01" severity="info" category="test" basis="测试依据 &lt;一&gt; &amp; 二">
    <message>出现“{match}”</message>
    <forbid parts="body textbox header footer footnote endnote">
      <match>项目|环境|&lt;script&gt;</match>
    </forbid>
    <example type="fail" count="1">## 一、概况
本项目位于某地。
</example>
    <example type="pass">## 一、概况
本工程位于某地。
</example>
  </rule>
</ruleset>
EOF
EVIL="$SCRATCH/a&b<c>\"d'.md"
printf '# 一、概况\n\n本项目说明<script>alert(1)</script> & "引号" 与 <b>粗体</b>。\n\n| 名称 | 项目 |\n| --- | --- |\n| 甲 | 环境 |\n' >"$EVIL"

INPUTS=(fixtures/docx/eia-form-word.docx fixtures/docx/eia-book-pandoc.docx fixtures/docx/eia-pp-lo.docx
        fixtures/xml/soil-plan-npm-flatopc.xml fixtures/xml/eia-pp-lo-word2003.xml fixtures/check/residue.md
        fixtures/hostile/not-a-zip.docx "$EVIL")
ARGS=(--ruleset "$SCRATCH/marks.xml")
timeout 60 "$FL_BIN" check -q -f json "${ARGS[@]}" "${INPUTS[@]}" >"$SCRATCH/r.json" 2>/dev/null
want_rc=$?
timeout 60 "$FL_BIN" check -f html -o "$SCRATCH/r.html" "${ARGS[@]}" "${INPUTS[@]}" >"$SCRATCH/out" 2>"$SCRATCH/err"
rc=$?
[ "$want_rc" -eq 2 ] || fail json-exit "exit $want_rc, want 2 (an unreadable input)"
[ "$rc" -eq "$want_rc" ] || fail exit "html exit $rc, json exit $want_rc"
[ -s "$SCRATCH/r.html" ] || { fail output "no report written"; exit 1; }
[ ! -s "$SCRATCH/out" ] || fail stdout "stdout not empty with -o"

cat >"$SCRATCH/check.py" <<'EOF'
import json, re, sys
from html.parser import HTMLParser
page = open(sys.argv[1], encoding="utf-8").read()
run = json.load(open(sys.argv[2]))
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
bad = []

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.findings, self.marks, self.filters = [], {}, [], [], {"sev": [], "rule": []}
        self.tables, self.cell, self.row, self.note, self.doctype = [], None, None, None, False
        self.scripts, self.file = 0, -1
    def handle_decl(self, d): self.doctype = d.lower() == "doctype html"
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in VOID: self.stack.append(tag)
        if "id" in a:
            if a["id"] in self.ids: bad.append(f"id {a['id']} twice")
            self.ids[a["id"]] = tag
        cls = (a.get("class") or "").split()
        if tag == "section" and "file" in cls: self.file += 1
        if "finding" in cls:
            self.note = {"file": self.file, "id": a.get("id"), "sev": a.get("data-sev"), "rule": a.get("data-rule"), "text": "", "depth": len(self.stack)}
        if tag == "mark": self.marks.append(a.get("data-f", ""))
        if tag == "input" and "data-sev-filter" in a: self.filters["sev"].append(a["data-sev-filter"])
        if tag == "input" and "data-rule-filter" in a: self.filters["rule"].append(a["data-rule-filter"])
        if tag == "script": self.scripts += 1
        for k, v in a.items():
            if k in ("src", "srcset", "background", "poster", "data") or (k == "href" and not (v or "").startswith("#")):
                bad.append(f"external reference {tag} {k}={v!r}")
        if tag == "link": bad.append("a <link> element")
        if tag == "table": self.tables.append([])
        if tag == "tr" and self.tables: self.row = []; self.tables[-1].append(self.row)
        if tag in ("td", "th") and self.row is not None: self.cell = []; self.row.append(self.cell)
    def handle_endtag(self, tag):
        if tag in VOID: return
        if not self.stack or self.stack[-1] != tag:
            bad.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()
        if self.note and len(self.stack) < self.note["depth"]: self.findings.append(self.note); self.note = None
        if tag in ("td", "th"): self.cell = None
    def handle_data(self, d):
        if self.note is not None: self.note["text"] += d
        if self.cell is not None: self.cell.append(d)

p = Page()
p.feed(page); p.close()
if p.stack: bad.append(f"unclosed: {p.stack}")
if not p.doctype: bad.append("no <!DOCTYPE html>")
if p.scripts != 1: bad.append(f"{p.scripts} <script> elements, want the report's one")
if re.search(r"url\(|@import|https?://", re.sub(r"<(section|footer)\b.*", "", page, flags=re.S)): bad.append("the page head refers to the network")
files = run["files"]
want = [(fi, f["rule"], f["severity"], f["message"]) for fi, fl in enumerate(files) for f in fl.get("findings", [])]
got = [(n["file"], n["rule"], n["sev"], n["text"]) for n in p.findings]
if len(got) != len(want): bad.append(f"{len(got)} finding notes, {len(want)} findings")
for g, w in zip(got, want):
    if g[:3] != w[:3] or w[3] not in g[3]:
        bad.append(f"note {g} is not finding {w}"); break
ids = {n["id"] for n in p.findings}
for m in p.marks:
    if not m or any(i not in ids for i in m.split()): bad.append(f"mark data-f={m!r} names no finding"); break
if sorted(p.filters["sev"]) != ["error", "info", "warning"]: bad.append(f"severity filters {p.filters['sev']}")
if sorted(p.filters["rule"]) != sorted({w[1] for w in want}): bad.append("rule filters do not list the rules")
# summary: first table, one row per file, then the total
rows = [["".join(c).strip() for c in r] for r in p.tables[0]]
for fi, fl in enumerate(files):
    r = rows[1 + fi]
    if r[0] != fl["path"]: bad.append(f"summary row {fi}: {r[0]!r} != {fl['path']!r}"); continue
    if fl["status"] != "ok":
        if "无法读取" not in r[1]: bad.append(f"{fl['path']}: not shown as unreadable")
        continue
    counts = [sum(1 for f in fl["findings"] if f["severity"] == s) for s in ("error", "warning", "info")]
    if [int(x) for x in r[2:5]] != counts: bad.append(f"summary counts {r[2:5]} != {counts} for {fl['path']}")
s = run["summary"]
if [int(x) for x in rows[1 + len(files)][2:5]] != [s["error"], s["warning"], s["info"]]: bad.append("total row wrong")
by_rule = {}
for w in want: by_rule[(w[1], w[2])] = by_rule.get((w[1], w[2]), 0) + 1
rule_rows = {(r[0], r[1]): int(r[2]) for r in ([["".join(c).strip() for c in r] for r in p.tables[1]][1:])}
sev_cn = {"error": "错误", "warning": "警告", "info": "提示"}
if rule_rows != {(k[0], sev_cn[k[1]]): v for k, v in by_rule.items()}: bad.append(f"rule table {rule_rows} != {by_rule}")
for m in bad[:10]: print("  " + m)
print(f"  {len(got)} findings, {len(p.marks)} highlights, {len(files)} files")
sys.exit(1 if bad else 0)
EOF
python3 "$SCRATCH/check.py" "$SCRATCH/r.html" "$SCRATCH/r.json" && echo "ok structure" || fail structure "see above"

# escaping: the filing's markup and the odd file name are text
grep -q '<script>alert' "$SCRATCH/r.html" && fail escape-text "document text written as markup"
grep -q '<b>粗体' "$SCRATCH/r.html" && fail escape-b "document text written as markup"
grep -qF 'a&amp;b&lt;c&gt;&quot;d&#39;.md' "$SCRATCH/r.html" || fail escape-path "the file name is not escaped"
grep -qF '依据：测试依据 &lt;一&gt; &amp; 二' "$SCRATCH/r.html" || fail escape-basis "basis not escaped"
grep -qF '&lt;script&gt;</mark>' "$SCRATCH/r.html" || fail mark-escaped "the matched <script> is not highlighted as text"
grep -q '<meta name="viewport"' "$SCRATCH/r.html" || fail viewport "no viewport for phones"
grep -q '@media print' "$SCRATCH/r.html" || fail print "no print style"

# a run without findings is still a whole page
sed 's/项目|环境|&lt;script&gt;/不会出现的词组/' "$SCRATCH/marks.xml" >"$SCRATCH/none.xml"
timeout 20 "$FL_BIN" check -f html -o "$SCRATCH/empty.html" --no-default-rulesets --ruleset "$SCRATCH/none.xml" \
    fixtures/check/clean.md >/dev/null 2>&1
python3 - "$SCRATCH/empty.html" <<'EOF' || fail empty "see above"
import sys
from html.parser import HTMLParser
t = open(sys.argv[1], encoding="utf-8").read()
assert t.startswith("<!DOCTYPE html>") and t.rstrip().endswith("</html>"), "not a whole page"
assert 'class="finding' not in t, "findings in a clean run"
EOF
[ "$failures" -eq 0 ] || exit 1
exit 0
