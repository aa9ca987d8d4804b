#!/bin/bash
# `check --annotate DIR` with inputs that share a base name (a/报告.docx and
# b/报告.docx): each gets its own copy — the first keeps the name, later ones
# become 报告-2.docx, 报告-3.docx in input order, skipping a name another
# input already has — and a note on stderr says which input went where.
# Every copy is checked to come from the right input by its comment count.
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u
. "${SRC:?SRC not set}/tests/lib/common.sh"
S=$SCRATCH

mkdir -p "$S/a" "$S/b" "$S/c" "$S/out"
# Three filings with different findings: the copies must not be mixed up.
cp "$SRC/fixtures/eia/book-defects.docx" "$S/a/报告.docx"
cp "$SRC/fixtures/docx/eia-form-typed.docx" "$S/b/报告.docx"
cp "$SRC/fixtures/docx/eia-form-word.docx" "$S/c/报告-2.docx"

comments() { # FILE -> number of comments filinglint added (the input may have its own)
    python3 - "$1" <<'PY'
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
names = [n for n in z.namelist() if re.fullmatch(r"word/comments\d*\.xml", n)]
print(sum(len(re.findall(rb'<w:comment\b[^>]*w:author="filinglint"', z.read(n))) for n in names))
PY
}
findings() { # FILE -> number of findings check reports for it
    "$FL_BIN" check --fail-on never --format jsonl "$1" | grep -c '"rule"'
}

"$FL_BIN" check --fail-on never --annotate "$S/out" "$S/a/报告.docx" "$S/b/报告.docx" "$S/c/报告-2.docx" \
    >/dev/null 2>"$S/err"
rc=$?
[ "$rc" -eq 0 ] || fail annotate_names "exit $rc, want 0 ($(cat "$S/err"))"
got=$(cd "$S/out" && ls | sort | tr '\n' ' ')
[ "$got" = "报告-2.docx 报告-3.docx 报告.docx " ] || fail annotate_names "copies are '$got'"
grep -qx "$S/b/报告.docx: note: annotated copy written as 报告-3.docx (another input has the same name)" "$S/err" ||
    fail annotate_names "no note for the renamed copy: $(cat "$S/err")"
[ "$(grep -c 'annotated copy written as' "$S/err")" -eq 1 ] || fail annotate_names "a note for a copy that kept its name"
for pair in "a/报告.docx 报告.docx" "b/报告.docx 报告-3.docx" "c/报告-2.docx 报告-2.docx"; do
    set -- $pair
    want=$(findings "$S/$1")
    have=$(comments "$S/out/$2")
    [ "$want" = "$have" ] || fail annotate_names "$2 has $have comments, $1 has $want findings"
done
# -q: the same copies, no note
rm -f "$S/out"/*
"$FL_BIN" check -q --fail-on never --annotate "$S/out" "$S/a/报告.docx" "$S/b/报告.docx" >/dev/null 2>"$S/err"
[ -s "$S/err" ] && fail annotate_names "-q printed: $(cat "$S/err")"
[ -f "$S/out/报告-2.docx" ] || fail annotate_names "-q: no 报告-2.docx"

[ "$failures" -eq 0 ] && ok annotate_names
finish
