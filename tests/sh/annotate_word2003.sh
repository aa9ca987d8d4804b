#!/bin/bash
# `check --annotate DIR` on Word 2003 XML: the comments go
# in the file's own form, aml:annotation Word.Comment.Start / .End around
# the text and a Word.Comment annotation (author filinglint) in a run after
# it. Checked: the input is unchanged; the copy is well-formed and holds
# every input byte in order (only insertions); one comment per finding with
# severity, rule, message and basis, each id with one start and one end, ids
# above every aml:id already in the file; our reader reads the comments
# back; LibreOffice (when installed; skipped otherwise) imports them all.
#
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
need_python3 "to read the copy back"
. "$SRC/tests/lib/annotate.sh"

marks_ruleset --no-section "body textbox header footer footnote endnote" "项目|环境"

cat >"$SCRATCH/check.py" <<'EOF'
import json, sys
import xml.etree.ElementTree as ET
src, dst, fj = sys.argv[1:4]
findings = json.load(open(fj))["files"][0]["findings"]
a, b = open(src, "rb").read(), open(dst, "rb").read()
bad = []
SEV = {"error": "错误", "warning": "警告", "info": "提示"}
it = iter(b)
if not all(c in it for c in a): bad.append("bytes were changed or removed, not only inserted")
AML, W = "{http://schemas.microsoft.com/aml/2001/core}", "{http://schemas.microsoft.com/office/word/2003/wordml}"
old_ids = [int(e.get(AML + "id")) for e in ET.fromstring(a).iter(AML + "annotation") if e.get(AML + "id")]
root = ET.fromstring(b)
starts, ends, comments = [], [], []
for e in root.iter(AML + "annotation"):
    t = e.get(W + "type")
    if t == "Word.Comment.Start": starts.append(int(e.get(AML + "id")))
    elif t == "Word.Comment.End": ends.append(int(e.get(AML + "id")))
    elif t == "Word.Comment" and e.get(AML + "author") == "filinglint":
        text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in e.iter(W + "p"))
        comments.append((int(e.get(AML + "id")), text))
ids = [i for i, _ in comments]
if len(comments) != len(findings): bad.append(f"{len(comments)} comments for {len(findings)} findings")
if sorted(starts) != sorted(ids) or sorted(ends) != sorted(ids): bad.append("start/end annotations do not match the comments")
if old_ids and ids and min(ids) <= max(old_ids): bad.append("new ids not above the old aml:id values")
for (cid, text), f in zip(sorted(comments), findings):
    head = f"[{SEV[f['severity']]}] {f['rule']}: {f['message']}"  # the copy is made with --lang zh
    if not text.startswith(head) or ("依据：" + f["basis"]) not in text: bad.append(f"comment {cid}: {text[:60]!r}")
for m in bad[:8]: print("  " + m)
sys.exit(1 if bad else 0)
EOF

in=fixtures/xml/eia-pp-lo-word2003.xml
before=$(sha256sum <"$in")
mkdir -p "$SCRATCH/out"
timeout 60 "$FL_BIN" check -q --lang zh -f json --no-default-rulesets --ruleset "$SCRATCH/marks.xml" --annotate "$SCRATCH/out" "$in" \
    >"$SCRATCH/f.json" 2>"$SCRATCH/err"
rc=$?
[ "$rc" -eq 0 ] || fail run "exit $rc, want 0 (warnings only): $(head -c 300 "$SCRATCH/err")"
[ "$(sha256sum <"$in")" = "$before" ] || fail input "the input changed"
out="$SCRATCH/out/eia-pp-lo-word2003.xml"
[ "$(ls "$SCRATCH/out")" = "eia-pp-lo-word2003.xml" ] || fail files "DIR holds: $(ls "$SCRATCH/out")"
n=$(jq '.files[0].findings | length' "$SCRATCH/f.json")
[ "$n" -gt 10 ] || fail findings "only $n findings: the test ruleset no longer matches the fixture"
python3 "$SCRATCH/check.py" "$in" "$out" "$SCRATCH/f.json" && echo "ok word2003 comments" || fail comments "see above"
got=$("$FL_BIN" dump --format json "$out" | jq '[.blocks[] | select(.part == "comment" and (.text | startswith("[")))] | length')
[ "$got" -eq "$n" ] && echo "ok reread" || fail reread "$got comment heads for $n findings"
# the copy lints like the input (the comments are not body text)
relints_same word2003 "$out" "$SCRATCH/f.json"

if command -v soffice >/dev/null; then
    LO="$SCRATCH/lo"
    mkdir -p "$LO"
    timeout 300 soffice --headless "-env:UserInstallation=file://$LO/profile" --convert-to docx --outdir "$LO" "$out" >/dev/null 2>&1
    got=$(python3 -c "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/comments.xml').decode().count('w:author=\"filinglint\"'))" "$LO/eia-pp-lo-word2003.docx" 2>/dev/null)
    [ "$got" = "$n" ] && echo "ok soffice imports the comments" || fail soffice "${got:-no} comments for $n findings"
else
    echo "SKIP: soffice not installed; LibreOffice does not import the Word 2003 copy"
fi

finish
