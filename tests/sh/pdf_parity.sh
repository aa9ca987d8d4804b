#!/bin/bash
# A PDF of a filing gives the findings of the DOCX it was made from, less
# what a PDF cannot carry. fixtures/pdf-parity/ holds, for two DOCX
# fixtures, LibreOffice's export and Chromium's print of pandoc's HTML
# (fixtures/pdf/make_pdf.py); `check` with the shipped rulesets runs on the
# DOCX and on each PDF, and the findings are compared by rule and message
# (white space removed: a PDF's joined lines have spaces a DOCX has not).
# Every difference must be a line of fixtures/pdf-parity/allow.txt, which
# says why it is expected; a line that matches no difference fails too, so
# the list shrinks as the PDF reader catches up.
#
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
skip_without_pdf_reader
need_python3
export SOURCE_DATE_EPOCH=1767225600 # a filing without its own date is judged on 2026-01-01

findings() { # file -> $SCRATCH/<base>.json
    timeout 120 "$FL_BIN" check -q --lang zh -f json --fail-on never "$1" >"$SCRATCH/$(basename "$1").json" 2>"$SCRATCH/err"
}

for d in fixtures/docx/eia-form-word.docx fixtures/docx/eia-book-pandoc.docx; do
    findings "$d" || fail "$d" "exit $?: $(head -c 300 "$SCRATCH/err")"
done
n=0
for p in fixtures/pdf-parity/*.pdf; do
    findings "$p" || fail "$p" "exit $?: $(head -c 300 "$SCRATCH/err")"
    [ -s "$SCRATCH/err" ] && fail "$p-stderr" "$(head -c 300 "$SCRATCH/err")"
    n=$((n + 1))
done
[ "$n" -ge 2 ] || fail parity-fixtures "only $n PDFs in fixtures/pdf-parity"

python3 - "$SCRATCH" fixtures/pdf-parity/allow.txt fixtures/pdf-parity/*.pdf <<'EOF'
import json, os, re, sys
scratch, allow_path, pdfs = sys.argv[1], sys.argv[2], sys.argv[3:]
def keys(path):
    fs = json.load(open(os.path.join(scratch, os.path.basename(path) + ".json")))["files"][0]["findings"]
    return {(f["rule"], re.sub(r"\s+", "", f["message"])) for f in fs}
allow = []
for no, line in enumerate(open(allow_path, encoding="utf-8"), 1):
    line = line.strip()
    if not line or line.startswith("#"): continue
    parts = line.split(None, 3)
    if len(parts) < 4 or parts[2][:1] not in "+-":
        print("FAIL: allow.txt:%d: want '<fixture> <producer> <+RULE|-RULE> <why>'" % no); sys.exit(1)
    allow.append({"no": no, "fixture": parts[0], "producer": parts[1], "sign": parts[2][0], "rule": parts[2][1:], "used": False})
bad = 0
for pdf in pdfs:
    fixture, producer = os.path.basename(pdf)[:-4].rsplit(".", 1)
    docx, got = keys("fixtures/docx/%s.docx" % fixture), keys(pdf)
    diffs = [("-", k) for k in sorted(docx - got)] + [("+", k) for k in sorted(got - docx)]
    before = bad
    for sign, (rule, msg) in diffs:
        hit = [a for a in allow if a["fixture"] == fixture and a["producer"] in ("*", producer)
               and a["sign"] == sign and a["rule"] == rule]
        for a in hit: a["used"] = True
        if not hit:
            print("FAIL: %s: %s%s %s (not in allow.txt)" % (pdf, sign, rule, msg)); bad += 1
    if bad == before: print("ok %s: %d findings, %d differences, all expected" % (pdf, len(got), len(diffs)))
for a in allow:
    if not a["used"]:
        print("FAIL: allow.txt:%d: %s %s %s%s is no longer a difference: delete the line" % (a["no"], a["fixture"], a["producer"], a["sign"], a["rule"])); bad += 1
sys.exit(1 if bad else 0)
EOF
[ $? -eq 0 ] || failures=$((failures + 1))

# The browser's prints read as PDFs: a text layer, pages, a document type.
for p in fixtures/pdf-parity/*.chromium.pdf; do
    timeout 60 "$FL_BIN" dump -f json "$p" >"$SCRATCH/dump.json" 2>"$SCRATCH/err" || { fail "dump $p" "$(head -c 300 "$SCRATCH/err")"; continue; }
    python3 - "$SCRATCH/dump.json" "$p" <<'EOF' && ok "reads $p" || failures=$((failures + 1))
import json, sys
d = json.load(open(sys.argv[1]))
blocks = d["blocks"]
pages = {b.get("page") for b in blocks if b.get("page")}
why = []
if len(blocks) < 50: why.append("%d blocks" % len(blocks))
if len(pages) < 2: why.append("pages %r" % sorted(pages))
if not d.get("doc_type"): why.append("no document type")
if why: print("FAIL: %s: %s" % (sys.argv[2], ", ".join(why))); sys.exit(1)
EOF
done
finish
