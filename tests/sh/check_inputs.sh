#!/bin/bash
# What `check` is pointed at, and exit codes a CI job can trust:
#   - a folder with no filing in it (what a reviewer downloads from a
#     publicity page is mostly the PDFs of the report and the 公参说明, a RAR
#     of annexes, scans) is exit 2 with one line "no filings found in PATH
#     (skipped: ...)", never exit 0 with nothing checked; next to a folder
#     that has filings it is a warning; -v names every file left out and the
#     summary line counts them;
#   - a named file that no reader takes is exit 2 with one line naming what
#     it REALLY is by its bytes (a PDF renamed .txt is "a PDF file"; a text
#     file named .pdf is read as text), and the other inputs are still read;
#   - the summary counts checked and unreadable files apart: one missing
#     file is "no file checked; 1 file could not be read".
# The sample files are made here: only their first bytes matter (the magic
# numbers of PDF, RAR, 7-Zip, gzip, JPEG, PNG; OFD and XLSX as ZIPs with
# their own entry names).
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
W="$SCRATCH/w"
mkdir -p "$W"
cd "$W" || exit 1
NP=(--no-progress --no-config)
RES="$SRC/fixtures/check/residue.md"

# A build with the PDF reader (FL_PDF) reads PDFs: the folder of downloads
# then holds its two files that are no filing as .ofd exports instead, and
# the list of endings a walk takes ends in .pdf.
if pdf_reader_built; then
    PDF_READ=1 FOREIGN=ofd WALKED='\.docx \.docm \.xml \.txt \.md \.pdf'
else
    PDF_READ=0 FOREIGN=pdf WALKED='\.docx \.docm \.xml \.txt \.md'
fi
pdf() { printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' >"$1"; }
rar() { printf 'Rar!\x1a\x07\x01\x00\x33\x92\xb5\xe5\x0a\x01' >"$1"; }
jpg() { printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00' >"$1"; }
png() { printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10' >"$1"; }
sevenz() { printf '7z\xbc\xaf\x27\x1c\x00\x04' >"$1"; }
gz() { printf '项目名称：示例\n' | gzip -c >"$1"; }
# zip FILE ENTRY...: a ZIP holding the named entries (a line of text each)
mkzip() {
    python3 - "$@" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for name in sys.argv[2:]:
        z.writestr(name, "<x/>\n")
EOF
}

# ---- folders without filings ---------------------------------------------------
mkdir -p 公示下载/附件 空目录
pdf 公示下载/环评文本.$FOREIGN
pdf 公示下载/公参说明.$(echo $FOREIGN | tr a-z A-Z)
rar 公示下载/附件/附图.rar
jpg 公示下载/附件/现场照片.jpg
cp "$SRC/fixtures/hostile/legacy.doc" 公示下载/报批稿.doc
echo '<ruleset/>' >公示下载/附件/说明.xml
run no-filings 2 check "${NP[@]}" 公示下载/ &&
    err_line no-filings-msg '^filinglint: no filings found in 公示下载/ \(skipped: 2 \.'"$FOREIGN"', 1 \.doc, 1 \.jpg, 1 \.xml, 1 \.rar\)$'
[ ! -s "$SCRATCH/out" ] && ok no-filings-no-report || fail no-filings-no-report "$(head -c 200 "$SCRATCH/out")"
run no-filings-json 2 check "${NP[@]}" -f json -o report.json 公示下载
[ ! -e report.json ] && ok no-filings-no-file || fail no-filings-no-file "a report was written"
run empty-folder 2 check "${NP[@]}" 空目录 &&
    err_line empty-folder-msg '^filinglint: no filings found in 空目录 \(no '"$WALKED"' file in it\)$'
run two-empty 2 check "${NP[@]}" 空目录 公示下载 && err_line two-empty-msg 'no filings found in 空目录, 公示下载 \(skipped: '
# -v: every file left out, one line each, before the run
run no-filings-v 2 check "${NP[@]}" -v 公示下载
[ "$(grep -c ': skipped: ' "$SCRATCH/err")" -eq 6 ] && grep -q '^公示下载/附件/说明.xml: skipped: XML that is not a Word document' "$SCRATCH/err" &&
    grep -q "^公示下载/环评文本.$FOREIGN: skipped: not a filing by its name" "$SCRATCH/err" && ok no-filings-v-list ||
    fail no-filings-v-list "$(cat "$SCRATCH/err")"

# a folder with a filing among the others: checked, the rest counted
cp "$RES" 公示下载/报告表.md
run mixed 1 check "${NP[@]}" 公示下载
tail -1 "$SCRATCH/out" |
    grep -Eqx '1 file checked: [0-9]+ errors, [0-9]+ warnings, [0-9]+ info; 6 other files skipped \(2 \.'"$FOREIGN"', 1 \.doc, 1 \.jpg, 1 \.xml, 1 \.rar\)' &&
    ok mixed-summary || fail mixed-summary "$(tail -1 "$SCRATCH/out")"
[ ! -s "$SCRATCH/err" ] && ok mixed-quiet-stderr || fail mixed-quiet-stderr "$(cat "$SCRATCH/err")"
run mixed-and-empty 1 check "${NP[@]}" 公示下载 空目录 &&
    err_line mixed-and-empty-warning '^filinglint: warning: no filings found in 空目录$'
run mixed-q 1 check "${NP[@]}" -q 公示下载 空目录 && err_line mixed-q-warning 'no filings found in 空目录'

# ---- named files are read for what they are -------------------------------------
pdf scan.txt
if [ "$PDF_READ" = 1 ]; then # read as the PDF it is: one with no page tree
    run pdf-as-txt 2 check "${NP[@]}" scan.txt && err_line pdf-as-txt-msg '^scan.txt: not a readable PDF: '
else
    run pdf-as-txt 2 check "${NP[@]}" scan.txt &&
        err_line pdf-as-txt-msg '^scan.txt: unsupported format: a PDF file; filings are read from DOCX, Word XML, text or Markdown$'
fi
grep -qx 'no file checked; 1 file could not be read' "$SCRATCH/out" && ok pdf-as-txt-summary ||
    fail pdf-as-txt-summary "$(cat "$SCRATCH/out")"
cp "$RES" 报告表.pdf # text, whatever the name says
run text-as-pdf 1 check "${NP[@]}" 报告表.pdf && grep -q '^报告表.pdf:6:6: error: .*\[DOC001\]' "$SCRATCH/out" &&
    ok text-as-pdf || fail text-as-pdf "$(head -c 300 "$SCRATCH/out")"
png 图.md
jpg 照片.docx
rar 附件.txt
sevenz 附件2.md
gz 压缩.txt
mkzip 导出.docx OFD.xml Doc_0/Document.xml
mkzip 表格.docx '[Content_Types].xml' xl/workbook.xml xl/worksheets/sheet1.xml
mkzip 打包.zip 报告/说明.txt
for c in "图.md:a PNG image" "照片.docx:a JPEG image" "附件.txt:a RAR archive" "附件2.md:a 7-Zip archive" \
         "压缩.txt:a gzip-compressed file" "导出.docx:an OFD document \(GB/T 33190\)" \
         "表格.docx:an Excel workbook \(\.xlsx\)" "打包.zip:a ZIP archive \(no Word document in it\)"; do
    f=${c%%:*} what=${c#*:}
    run "named-$f" 2 check "${NP[@]}" "$f" && err_line "named-$f-msg" "^$f: unsupported format: $what; "
done
cp "$SRC/fixtures/hostile/legacy.doc" 旧版.wps
run named-wps 2 check "${NP[@]}" 旧版.wps && err_line named-wps-msg '^旧版.wps: legacy Word 97-2003 .doc'
# a real DOCX is still read (the ZIP sniffing does not catch it)
run docx-still-read 0 check "${NP[@]}" "$SRC/fixtures/docx/eia-form-typed.docx" && ok docx-still-read
# among good files: each bad one is one line, the good ones are reported
run among-good 2 check "${NP[@]}" "$RES" scan.txt 图.md
[ "$(wc -l <"$SCRATCH/err")" -eq 2 ] && grep -q "residue.md:6:6: error" "$SCRATCH/out" && ok among-good-lines ||
    fail among-good-lines "$(cat "$SCRATCH/err")"
tail -1 "$SCRATCH/out" | grep -q '^1 file checked: .*; 2 files could not be read$' && ok among-good-summary ||
    fail among-good-summary "$(tail -1 "$SCRATCH/out")"

# ---- the summary tells checked from unreadable -----------------------------------
run missing 2 check "${NP[@]}" 不存在.docx
grep -qx 'no file checked; 1 file could not be read' "$SCRATCH/out" && ok missing-summary ||
    fail missing-summary "$(cat "$SCRATCH/out")"
run missing-json 2 check "${NP[@]}" -f json 不存在.docx "$RES"
python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; sys.exit(s['files'] != 2 or s['failed_files'] != 1)" \
    "$SCRATCH/out" && ok missing-json-summary || fail missing-json-summary "$(grep -A3 '"summary"' "$SCRATCH/out")"

finish
