#!/bin/bash
# `check --format html`: one self-contained page per run,
# the record of that run. Structural checks with python3's html.parser:
# every start tag closed in order; every finding of the JSON report present
# exactly once (as a class="finding" note with its rule, severity and
# message, in its file's section) and every highlight pointing at one of
# them; ids unique; the record of the run (time, tool, command line, the
# judging date, each ruleset and data table with its date, as
# `filinglint data -f json` gives them); the rule table before the file
# table; the file table's row per file (type, counts, judging date as in the
# JSON report; unreadable files as such, in Chinese) and the total; a
# section only for files with findings; one filter box per severity and per
# rule; the page Chinese (severity tags, types, reasons); nothing loaded
# from elsewhere (no src=, no <link>, no url(), no http(s) link); document
# text, messages and paths escaped (a filing holding <script> and a file
# named with & and < stay text). A run too large for the documents in full
# shows only the paragraphs with findings, cut around their marks. The exit
# status is the same as for the other formats.
#
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
# Run with LANG=zh_CN.UTF-8 (tests/CMakeLists.txt): the texts this test
# reads are those a Chinese user gets.
need_python3 "to parse the report"

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

"$FL_BIN" data -f json "${ARGS[@]}" >"$SCRATCH/data.json" 2>/dev/null || fail data "filinglint data failed"
cat >"$SCRATCH/check.py" <<'EOF'
import json, re, sys
from html.parser import HTMLParser
page = open(sys.argv[1], encoding="utf-8").read()
run = json.load(open(sys.argv[2]))
tables_data = json.load(open(sys.argv[3]))["tables"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
bad = []

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.findings, self.marks, self.filters = [], {}, [], [], {"sev": [], "rule": []}
        self.tables, self.table_ids, self.cell, self.row, self.note, self.doctype = [], [], None, None, None, False
        self.scripts, self.file, self.sections, self.rows_attrs = 0, -1, [], []
        self.tags, self.section_text, self.in_section = [], {}, None
    def handle_decl(self, d): self.doctype = d.lower() == "doctype html"
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in VOID: self.stack.append(tag)
        if "id" in a:
            if a["id"] in self.ids: bad.append(f"id {a['id']} twice")
            self.ids[a["id"]] = tag
        cls = (a.get("class") or "").split()
        if tag == "section" and "file" in cls:
            self.file = int(a["id"][4:]) - 1  # id="fileN": the N-th file of the run
            self.sections.append(self.file)
            self.in_section = self.file
            self.section_text[self.file] = ""
        if "finding" in cls:
            sev = [c[4:] for c in cls if c.startswith("sev-")]
            self.note = {"file": self.file, "id": a.get("id"), "sev": sev[0] if sev else None, "rule": a.get("data-rule"), "text": "", "depth": len(self.stack)}
        if tag == "b" and "tag" in cls: self.tags.append("")
        if tag == "mark": self.marks.append(a.get("data-f", ""))
        if tag == "input" and "data-sev-filter" in a: self.filters["sev"].append(a["data-sev-filter"])
        if tag == "input" and "data-rule-filter" in a: self.filters["rule"].append(a["data-rule-filter"])
        if tag == "script": self.scripts += 1
        for k, v in a.items():
            if k in ("src", "srcset", "background", "poster", "data") or (k == "href" and not (v or "").startswith("#")):
                bad.append(f"external reference {tag} {k}={v!r}")
        if tag == "link": bad.append("a <link> element")
        if tag == "table": self.tables.append([]); self.table_ids.append(a.get("id"))
        if tag == "tr" and self.tables:
            self.row = []; self.tables[-1].append(self.row)
            if self.table_ids[-1] == "files-table": self.rows_attrs.append(a)
        if tag in ("td", "th") and self.row is not None: self.cell = []; self.row.append(self.cell)
    def handle_endtag(self, tag):
        if tag in VOID: return
        if not self.stack or self.stack[-1] != tag:
            bad.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()
        if self.note and len(self.stack) < self.note["depth"]: self.findings.append(self.note); self.note = None
        if tag in ("td", "th"): self.cell = None
        if tag == "section": self.in_section = None
    def handle_data(self, d):
        if self.note is not None: self.note["text"] += d
        if self.cell is not None: self.cell.append(d)
        if self.tags and self.stack and self.stack[-1] == "b" and self.tags[-1] == "": self.tags[-1] = d
        if self.in_section is not None: self.section_text[self.in_section] += d

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
# the tables, in this order: the record, the rules, the files
if p.table_ids[:3] != ["record", "rules-table", "files-table"]: bad.append(f"tables {p.table_ids[:3]}")
text = lambda r: ["".join(c).strip() for c in r]
record = {text(r)[0]: text(r)[1] for r in p.tables[0]}
if "filinglint " not in record.get("检查工具", ""): bad.append("no tool version in the record")
if not re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d（UTC[+-]\d\d:\d\d）$", record.get("检查时间", "")): bad.append(f"time {record.get('检查时间')!r}")
if not re.match(r"filinglint check .*-f html", record.get("命令行", "")): bad.append(f"command line {record.get('命令行')!r}")
for sid in sys.argv[4].split(","):
    if sid not in record.get("规则集", ""): bad.append(f"ruleset {sid} not in the record")
for t in tables_data:
    if t["file"] not in record.get("数据表", ""): bad.append(f"data table {t['file']} not in the record")
    if t.get("as_of") and t["as_of"] not in record.get("数据表", ""): bad.append(f"date {t['as_of']} of {t['name']} not in the record")
if "编制日期" not in record.get("判断日期", ""): bad.append(f"judging date for the run {record.get('判断日期')!r}")
# file table: a row per file, then the total
rows = [text(r) for r in p.tables[2]]
body, total = rows[1:-1], rows[-1]
if len(body) != len(files): bad.append(f"{len(body)} file rows, {len(files)} files")
types_cn = {"eia-book": "环境影响报告书", "eia-form": "环境影响报告表", "eia-pp": "公众参与说明", "soil-plan": "实施方案",
            "soil-summary": "总结报告", "soil-sign": "公示牌", None: "未识别"}
for fi, fl in enumerate(files):
    r, attrs = body[fi], p.rows_attrs[1 + fi]
    if r[0] != fl["path"]: bad.append(f"file row {fi}: {r[0]!r} != {fl['path']!r}"); continue
    if fl["status"] != "ok":
        if not r[1].startswith("无法读取：") or re.search(r"[A-Za-z]{4}", re.sub(r"\.[a-z]+\b", "", r[1]).replace("DOCX", "").replace("ZIP", "")):
            bad.append(f"{fl['path']}: unreadable not said in Chinese: {r[1]!r}")
        if attrs.get("data-unreadable") != "1": bad.append(f"{fl['path']}: data-unreadable")
        if fi in p.sections: bad.append(f"{fl['path']}: a section for an unreadable file")
        continue
    if r[1] != types_cn[fl.get("doc_type")]: bad.append(f"{fl['path']}: type {r[1]!r}")
    counts = [sum(1 for f in fl["findings"] if f["severity"] == s) for s in ("error", "warning", "info")]
    if [int(x) for x in r[2:5]] != counts: bad.append(f"file counts {r[2:5]} != {counts} for {fl['path']}")
    if not r[5].startswith(fl["judged_as_of"]): bad.append(f"{fl['path']}: judged {r[5]!r}, want {fl['judged_as_of']}")
    if attrs.get("data-error") != str(int(counts[0] > 0)) or attrs.get("data-warning") != str(int(counts[1] > 0)): bad.append(f"{fl['path']}: state attributes")
    if (fi in p.sections) != bool(fl["findings"] or fl.get("errors")): bad.append(f"{fl['path']}: section {fi in p.sections}, findings {len(fl['findings'])}")
s = run["summary"]
if [int(x) for x in total[2:5]] != [s["error"], s["warning"], s["info"]]: bad.append("total row wrong")
by_rule = {}
for w in want: by_rule[(w[1], w[2])] = by_rule.get((w[1], w[2]), 0) + 1
sev_cn = {"error": "错误", "warning": "警告", "info": "提示"}
rule_rows = {(r[0], r[1]): int(r[2]) for r in [text(r) for r in p.tables[1]][1:]}
if rule_rows != {(k[0], sev_cn[k[1]]): v for k, v in by_rule.items()}: bad.append(f"rule table {rule_rows} != {by_rule}")
# Chinese: the severity tags, and no English of the tool's own in the sections
if set(p.tags) - {"错误", "警告", "提示"}: bad.append(f"severity tags {set(p.tags)}")
for fi, t in p.section_text.items():
    for word in ("cannot", "pattern match", "rule skipped", "not a DOCX", "judged"):
        if word in t: bad.append(f"English {word!r} in the section of {files[fi]['path']}")
for m in bad[:10]: print("  " + m)
print(f"  {len(got)} findings, {len(p.marks)} highlights, {len(files)} files, {len(p.sections)} sections")
sys.exit(1 if bad else 0)
EOF
RULESETS=$(python3 -c 'import json,sys; print(",".join(sorted({r for t in json.load(open(sys.argv[1]))["tables"] for r in t["rulesets"]})))' "$SCRATCH/data.json")
python3 "$SCRATCH/check.py" "$SCRATCH/r.html" "$SCRATCH/r.json" "$SCRATCH/data.json" "marks,$RULESETS" && echo "ok structure" || fail structure "see above"

# escaping: the filing's markup and the odd file name are text
grep -q '<script>alert' "$SCRATCH/r.html" && fail escape-text "document text written as markup"
grep -q '<b>粗体' "$SCRATCH/r.html" && fail escape-b "document text written as markup"
grep -qF 'a&amp;b&lt;c&gt;&quot;d&#39;.md' "$SCRATCH/r.html" || fail escape-path "the file name is not escaped"
grep -qF '依据：测试依据 &lt;一&gt; &amp; 二' "$SCRATCH/r.html" || fail escape-basis "basis not escaped"
grep -qF '&lt;script&gt;</mark>' "$SCRATCH/r.html" || fail mark-escaped "the matched <script> is not highlighted as text"
grep -q '<meta name="viewport"' "$SCRATCH/r.html" || fail viewport "no viewport for phones"
grep -q '@media print' "$SCRATCH/r.html" || fail print "no print style"

# a run too large for the documents in full: only the paragraphs with
# findings, each cut to CONTEXT code points around its marks; a clean file is
# its row alone
python3 - "$SCRATCH" <<'EOF'
import sys
para = "本项目废气经收集后由15米高排气筒排放，排放浓度满足相应标准限值要求，对周边环境影响较小。" * 4
for name, residue in (("big1.md", True), ("big2.md", True), ("big3-clean.md", False)):
    with open(f"{sys.argv[1]}/{name}", "w", encoding="utf-8") as f:
        f.write("# 建设项目环境影响报告表\n\n## 一、建设项目基本情况\n\n")
        for i in range(5000):
            if residue and i in (100, 2500):
                f.write("建设单位：XX环保科技有限公司。\n\n")
            elif residue and i == 4000:  # a long paragraph: the far end is left out
                f.write("开头文字" + para + "，委托XX公司监测，" + para + "结尾哨兵\n\n")
            else:
                f.write(para + "\n\n")
EOF
BIG=("$SCRATCH/big1.md" "$SCRATCH/big2.md" "$SCRATCH/big3-clean.md")
"$FL_BIN" check -q -f json --select DOC001 "${BIG[@]}" >"$SCRATCH/big.json" 2>/dev/null
"$FL_BIN" check -q -f html --select DOC001 -o "$SCRATCH/big.html" "${BIG[@]}" >/dev/null 2>&1
size=$(wc -c <"$SCRATCH/big.html")
[ "$size" -lt 300000 ] && ok "compact-size ($size bytes)" || fail compact-size "$size bytes for 3 files of 5,000 paragraphs"
python3 "$SCRATCH/check.py" "$SCRATCH/big.html" "$SCRATCH/big.json" "$SCRATCH/data.json" "filing" \
    && ok compact-structure || fail compact-structure "see above"
python3 - "$SCRATCH/big.html" "$SCRATCH/big.json" <<'EOF' && ok compact || fail compact "see above"
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
run = json.load(open(sys.argv[2]))
assert "只列出有问题的段落" in page
lines = {(i, f["location"]["line"]) for i, fl in enumerate(run["files"]) for f in fl["findings"]}
blocks = re.findall(r'<p class="blk has-f"', page)
assert len(blocks) == len(lines) == 6, (len(blocks), len(lines))
assert page.count("排放浓度满足相应标准限值要求") < 20, "paragraphs without findings are shown"
long = [b for b in re.findall(r'<p class="blk has-f"[^>]*>.*?</p>', page) if "开头文字" in b or "委托" in b]
assert long and all("…" in b and "结尾哨兵" not in b and "<mark" in b for b in long), long[:1]
assert 'id="file3"' not in page and "big3-clean.md" in page, "a clean file has its row only"
EOF

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
