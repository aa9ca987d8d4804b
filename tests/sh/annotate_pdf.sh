#!/bin/bash
# `check --annotate DIR` on PDFs: every finding becomes a text annotation
# (a sticky note) in DIR/<name>.pdf, the input stays byte-identical.
#
# The copies are read back by pdfnotes.py below, a small reader of its own
# (the xref table, the page tree, each /Annot dictionary) that needs no PDF
# library; where MuPDF's `mutool` is installed its JavaScript reader reads
# them too (skipped with a message otherwise). Checked:
#   - the input's sha256 is unchanged; the copy is a PDF with the same pages;
#   - one /Text note by "filinglint" per finding, on the finding's page (page
#     1 for a finding about the whole document), its text the finding's
#     "[severity] rule: message" and "依据：basis";
#   - where: on each page the notes go down the page in the order of the
#     findings' lines, none hides another (tops at least 14 pt apart), and on
#     a PDF drawn by hand with lines at known places, each note stands in the
#     left margin at the height of its line's top, two findings on one line
#     stacked, the note about the whole document at page 1's top left;
#   - the copy lints as the input does (the notes change no text);
#   - a copy annotated again keeps its first notes;
#   - no findings: a copy with no note;
#   - an encrypted or damaged PDF fails with the one line `check` gives,
#     exit 2, no copy; DIR being the input's own folder is refused.
#
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
skip_without_pdf_reader
need_python3 "to read the copies back"
command -v jq >/dev/null || { echo "FAIL: jq is needed"; exit 1; }
. "$SRC/tests/lib/annotate.sh"

# Findings on many lines of every page ("项目"/"环境", several on one
# paragraph), and one about the document as a whole (a missing section).
marks_ruleset "body header footer" "项目|环境|Beta|Gamma|Delta" '  <rule id="TM03" severity="info" category="test" basis="测试依据 三">
    <message>又见“{match}”</message>
    <forbid parts="body">
      <match>Beta</match>
    </forbid>
    <example type="fail" count="1">Beta</example>
    <example type="pass">Alpha</example>
  </rule>'

# pdfnotes.py PDF: one JSON line per page {"page", "box", "notes": [{"type",
# "author", "rect", "text"}]}, read from the xref table and the page tree
# (MuPDF writes a full save with a classic xref table and plain dictionaries).
cat >"$SCRATCH/pdfnotes.py" <<'EOF'
import json, re, sys
d = open(sys.argv[1], "rb").read()
sx = int(re.findall(rb"startxref\s+(\d+)", d)[-1])
offs = {}
m = re.compile(rb"xref\s+").match(d, sx)
pos = m.end()
while True:
    h = re.compile(rb"(\d+) (\d+)\s+").match(d, pos)
    if not h: break
    first, n = int(h.group(1)), int(h.group(2))
    pos = h.end()
    for i in range(n):
        off, _, kind = d[pos:pos + 20].split()[:3]
        if kind == b"n": offs[first + i] = int(off)
        pos += 20
trailer = d[pos:d.index(b"startxref", pos)]
def obj(num):
    o = offs[num]
    s = d.index(b"obj", o) + 3
    e = min(x for x in (d.find(b"stream", s), d.find(b"endobj", s)) if x >= 0)
    return d[s:e]
def ref(body, key):
    m = re.search(rb"/" + key + rb"\s*(\d+) 0 R", body)
    return int(m.group(1)) if m else None
def nums(body, key):
    m = re.search(rb"/" + key + rb"\s*\[([^\]]*)\]", body)
    return [float(x) for x in m.group(1).split()] if m else None
def refs(body, key):
    m = re.search(rb"/" + key + rb"\s*\[([^\]]*)\]", body)
    if not m:
        r = ref(body, key)
        if r is None: return []
        return [int(x) for x in re.findall(rb"(\d+) 0 R", obj(r))]
    return [int(x) for x in re.findall(rb"(\d+) 0 R", m.group(1))]
def text(body, key):
    m = re.search(rb"/" + key + rb"\s*(<[0-9A-Fa-f\s]*>|\()", body)
    if not m: return None
    if m.group(1).startswith(b"<"):
        raw = bytes.fromhex(m.group(1)[1:-1].decode())
    else:  # a literal string with its escapes
        i, depth, out = m.end(), 1, bytearray()
        while True:
            c = body[i]; i += 1
            if c == 0x5C:
                c = body[i]; i += 1
                if c in b"01234567":
                    j = i - 1
                    while i < j + 3 and body[i] in b"01234567": i += 1
                    out.append(int(body[j:i], 8) & 255)
                else: out += {0x6E: b"\n", 0x72: b"\r", 0x74: b"\t", 0x62: b"\b", 0x66: b"\f"}.get(c, bytes([c]))
                continue
            if c == 0x28: depth += 1
            if c == 0x29:
                depth -= 1
                if not depth: break
            out.append(c)
        raw = bytes(out)
    return raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")
pages = []
def walk(num, inherited):
    b = obj(num)
    box = nums(b, b"MediaBox") or inherited
    if re.search(rb"/Type\s*/Pages", b):
        for k in refs(b, b"Kids"): walk(k, box)
    else: pages.append((num, b, box))
walk(ref(obj(ref(trailer, b"Root")), b"Pages"), None)
for i, (num, b, box) in enumerate(pages, 1):
    notes = []
    for a in refs(b, b"Annots"):
        ab = obj(a)
        t = re.search(rb"/Subtype\s*/(\w+)", ab)
        if ref(ab, b"P") not in (None, num): print("annotation %d: /P is not its page %d" % (a, i), file=sys.stderr); sys.exit(1)
        notes.append({"type": t.group(1).decode() if t else "", "author": text(ab, b"T"),
                      "rect": nums(ab, b"Rect"), "text": text(ab, b"Contents")})
    print(json.dumps({"page": i, "box": box, "notes": notes}, ensure_ascii=False))
EOF

# notecheck.py FINDINGS_JSON NOTES_JSONL [LANG]: the notes are the findings'.
cat >"$SCRATCH/notecheck.py" <<'EOF'
import json, sys
fs = json.load(open(sys.argv[1]))["files"][0]["findings"]
pages = [json.loads(l) for l in open(sys.argv[2])]
sev = {"zh": {"error": "错误", "warning": "警告", "info": "提示"}, "en": {"error": "error", "warning": "warning", "info": "info"}}[sys.argv[3] if len(sys.argv) > 3 else "zh"]
basis_word = "依据：" if len(sys.argv) <= 3 or sys.argv[3] == "zh" else "Basis: "
bad = []
def head(f): return "[%s] %s: %s" % (sev[f["severity"]], f["rule"], f["message"])
for p in pages:
    mine = [n for n in p["notes"] if n["type"] == "Text" and n["author"] == "filinglint"]
    want = [f for f in fs if f["location"].get("page", 1) == p["page"]]
    if len(mine) != len(want):
        bad.append("page %d: %d notes for %d findings" % (p["page"], len(mine), len(want))); continue
    for n in mine:
        if not n["text"] or "\n" not in n["text"] or not n["text"].split("\n")[1].startswith(basis_word):
            bad.append("page %d: note text %r" % (p["page"], n["text"]))
    # down the page in the order of the findings' lines: group the findings by
    # their page line (a whole-document finding first), walk the notes from
    # the top (PDF y grows upwards), each group's notes are its findings'
    groups = {}
    for f in want: groups.setdefault(f["location"].get("page_line", 0), []).append(head(f))
    order = sorted(mine, key=lambda n: -n["rect"][3])
    k = 0
    for line in sorted(groups):
        got = sorted(n["text"].split("\n")[0] for n in order[k:k + len(groups[line])])
        if got != sorted(groups[line]): bad.append("page %d line %d: notes %r, findings %r" % (p["page"], line, got, sorted(groups[line])))
        k += len(groups[line])
    for a, b in zip(order, order[1:]):
        if a["rect"][3] - b["rect"][3] < 13.5: bad.append("page %d: a note hides another (%r, %r)" % (p["page"], a["rect"], b["rect"]))
    for n in mine:
        x0, y0, x1, y1 = n["rect"]
        bx = p["box"]
        if x0 < bx[0] or x1 > bx[2] or y0 < bx[1] or y1 > bx[3]: bad.append("page %d: note off the page %r" % (p["page"], n["rect"]))
for m in bad[:20]: print("  " + m)
sys.exit(1 if bad else 0)
EOF

notes() { python3 "$SCRATCH/pdfnotes.py" "$1" >"$2" 2>"$SCRATCH/notes.err"; }
pages_of() { python3 -c 'import sys; print(sum(1 for _ in open(sys.argv[1])))' "$1"; }

mkdir -p "$SCRATCH/out"
for f in eia-form-typed soil-summary eia-pp; do
    in=fixtures/pdf/$f.pdf
    annotated "$f" "$in" "$SCRATCH/out" || continue
    [ "$(head -c 5 "$SCRATCH/out/$f.pdf" 2>/dev/null)" = "%PDF-" ] || { fail "$f" "no annotated PDF copy"; continue; }
    notes "$in" "$SCRATCH/in.jsonl" && notes "$SCRATCH/out/$f.pdf" "$SCRATCH/out.jsonl" \
        || { fail "$f-read" "$(cat "$SCRATCH/notes.err")"; continue; }
    [ "$(pages_of "$SCRATCH/in.jsonl")" = "$(pages_of "$SCRATCH/out.jsonl")" ] || fail "$f-pages" "page count changed"
    n=$(jq '.files[0].findings | length' "$SCRATCH/out/$f.json")
    [ "$n" -gt 10 ] || fail "$f-findings" "only $n findings: the test ruleset should match many lines"
    python3 "$SCRATCH/notecheck.py" "$SCRATCH/out/$f.json" "$SCRATCH/out.jsonl" && ok "notes $f ($n)" || fail "notes $f" "see above"
    # the copy lints like the input
    relints_same "$f" "$SCRATCH/out/$f.pdf" "$SCRATCH/out/$f.json"
    # MuPDF's own reader, when installed, counts the same notes
    if command -v mutool >/dev/null; then
        cat >"$SCRATCH/count.js" <<'EOF'
var doc = new PDFDocument(scriptArgs[0]), n = 0;
for (var i = 0; i < doc.countPages(); i++) {
  var a = doc.loadPage(i).getAnnotations();
  for (var k = 0; k < a.length; k++) if (a[k].getType() == "Text" && a[k].getAuthor() == "filinglint") n++;
}
print(n);
EOF
        got=$(mutool run "$SCRATCH/count.js" "$SCRATCH/out/$f.pdf" 2>&1)
        [ "$got" = "$n" ] && ok "mutool reads $f" || fail "mutool $f" "$got notes for $n findings"
    fi
done
command -v mutool >/dev/null || echo "SKIP: mutool not installed; the copies are not read back by MuPDF's own reader"

# English notes
mkdir -p "$SCRATCH/en"
annotate en "$SCRATCH/marks.xml" fixtures/pdf/eia-pp.pdf "$SCRATCH/en" en
notes "$SCRATCH/en/eia-pp.pdf" "$SCRATCH/en.jsonl" && python3 "$SCRATCH/notecheck.py" "$SCRATCH/en/en.json" "$SCRATCH/en.jsonl" en \
    && ok "notes in English" || fail "notes en" "see above"

# Positions, on a PDF drawn by hand (Helvetica 12 pt on A4, 595 x 842): page
# 1 a line at x 72, baseline 700, and "Beta" at x 72, baseline 500 (two
# findings: TM01 and TM03); page 2 a table row, "Delta" at x 72 and "Gamma"
# at x 300 on baseline 300 (two cells of one row). A layout test, not a
# filing: the lines stand where the test says.
PYTHONDONTWRITEBYTECODE=1 python3 - "$SCRATCH/hand.pdf" <<'EOF'
import sys
sys.path.insert(0, "fixtures/pdf")
from make_pdf import pdf  # the hostile PDFs' writer: objects and a correct xref
def content(lines):
    s = b"".join(b"BT /F1 12 Tf %d %d Td (%s) Tj ET\n" % (x, y, t) for x, y, t in lines)
    return b"<< /Length %d >>\nstream\n" % len(s) + s + b"\nendstream"
page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> >> /Contents %d 0 R >>"
open(sys.argv[1], "wb").write(pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
    page % 5, page % 6,
    content([(72, 700, b"Alpha is a plain line of text."), (72, 500, b"Beta is the line of two findings.")]),
    content([(72, 300, b"Delta"), (300, 300, b"Gamma in the next cell")]),
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
]))
EOF
mkdir -p "$SCRATCH/hand"
annotate hand "$SCRATCH/marks.xml" "$SCRATCH/hand.pdf" "$SCRATCH/hand"
rc=$?
if [ "$rc" -ne 1 ]; then fail hand "exit $rc, want 1: $(head -c 300 "$SCRATCH/err")"
elif ! notes "$SCRATCH/hand/hand.pdf" "$SCRATCH/hand.jsonl"; then fail hand-read "$(cat "$SCRATCH/notes.err")"
else
    python3 - "$SCRATCH/hand.jsonl" <<'EOF' && ok "notes where the lines are" || fail hand-where "see above"
import json, sys
pages = [json.loads(l) for l in open(sys.argv[1])]
bad = []
def notes(p): return sorted((n for n in pages[p - 1]["notes"] if n["type"] == "Text"), key=lambda n: -n["rect"][3])
def near(a, b): return abs(a - b) <= 3
# a line's top: its baseline plus the type size (12 pt)
p1, p2 = notes(1), notes(2)
if len(p1) != 3 or len(p2) != 2: bad.append("notes per page: %d, %d (want 3, 2)" % (len(p1), len(p2)))
else:
    whole, b1, b2 = p1
    if not (whole["rect"][0] <= 8 and whole["rect"][3] >= 842 - 8 and "TM02" in whole["text"]):
        bad.append("the whole-document note is not at page 1's top left: %r %r" % (whole["rect"], whole["text"]))
    for n, top in ((b1, 512), (b2, 512 - 14), (p2[0], 312), (p2[1], 312 - 14)):
        if not near(n["rect"][3], top): bad.append("note top %.1f, want %d: %r" % (n["rect"][3], top, n["text"]))
        if n["rect"][2] > 72: bad.append("note over the text (x1 %.1f > 72): %r" % (n["rect"][2], n["text"]))
    if sorted(n["text"].split("\n")[0][:9] for n in (b1, b2)) != ["[提示] TM03", "[警告] TM01"]: bad.append("Beta's notes: %r" % [b1["text"], b2["text"]])
for m in bad: print("  " + m)
sys.exit(1 if bad else 0)
EOF
fi

# No findings: a copy, and no note in it.
mkdir -p "$SCRATCH/none"
annotate clean "$SCRATCH/none.xml" fixtures/pdf/eia-pp.pdf "$SCRATCH/none"
rc=$?
[ "$rc" -eq 0 ] || fail none-exit "exit $rc, want 0: $(head -c 300 "$SCRATCH/err")"
if notes "$SCRATCH/none/eia-pp.pdf" "$SCRATCH/none.jsonl"; then
    [ "$(jq -s '[.[].notes[] | select(.type == "Text")] | length' "$SCRATCH/none.jsonl")" = 0 ] && ok "no findings: no note" \
        || fail none "notes written: $(head -c 300 "$SCRATCH/none.jsonl")"
else fail none-read "$(cat "$SCRATCH/notes.err")"; fi

# Annotated again: the first notes stay, the new ones come beside them.
mkdir -p "$SCRATCH/again"
cp "$SCRATCH/out/eia-pp.pdf" "$SCRATCH/again-in.pdf"
annotate again "$SCRATCH/marks.xml" "$SCRATCH/again-in.pdf" "$SCRATCH/again"
n=$(jq '.files[0].findings | length' "$SCRATCH/again/again.json")
if notes "$SCRATCH/again/again-in.pdf" "$SCRATCH/again.jsonl"; then
    got=$(jq -s '[.[].notes[] | select(.author == "filinglint" and .type == "Text")] | length' "$SCRATCH/again.jsonl")
    [ "$got" = $((2 * n)) ] && ok "annotate twice keeps the first notes" || fail again "$got notes, want $((2 * n))"
else fail again-read "$(cat "$SCRATCH/notes.err")"; fi

# Bad PDFs: the line `check` gives, exit 2, no copy.
for h in pdf-encrypted pdf-damaged pdf-no-text; do
    in=fixtures/hostile/$h.pdf
    [ -f "$in" ] || { echo "SKIP: $in not generated"; continue; }
    mkdir -p "$SCRATCH/bad-$h"
    timeout 60 "$FL_BIN" check -q "$in" >/dev/null 2>"$SCRATCH/plain.err"
    before=$(sha256sum <"$in")
    annotate "$h" "$SCRATCH/marks.xml" "$in" "$SCRATCH/bad-$h" en
    rc=$?
    [ "$rc" -eq 2 ] || fail "$h-exit" "exit $rc, want 2"
    [ "$(wc -l <"$SCRATCH/err")" -eq 1 ] && diff -q "$SCRATCH/err" "$SCRATCH/plain.err" >/dev/null \
        || fail "$h-msg" "'$(cat "$SCRATCH/err")' is not check's '$(cat "$SCRATCH/plain.err")'"
    [ -e "$SCRATCH/bad-$h/$h.pdf" ] && fail "$h-copy" "a copy was written"
    [ "$(sha256sum <"$in")" = "$before" ] || fail "$h-input" "the input changed"
    ok "bad pdf $h"
done

# Never over the input: DIR being the input's own folder is refused.
refuses_self fixtures/pdf/eia-pp.pdf

finish
