#!/bin/bash
# --ocr on scanned PDFs (checker/input/pdf_ocr.c; fixtures/ocr/make_scans.py):
#   - without --ocr a scan is refused in one line that names --ocr (exit 2),
#     and a mixed PDF is read from its text layer with a note on the scanned page;
#   - with --ocr the scan's cover fields, the 编制单位和编制人员情况表's
#     sections and the document type are read, each block tagged with its
#     confidence, and the note counts the pages;
#   - in the mixed PDF only the scanned page is OCR'd;
#   - a page of specks ends (under `timeout`) with one line and exit 2, and
#     the batch goes on.
# Skipped, saying why, when the build has no OCR (FL_OCR=OFF) or Tesseract's
# chi_sim data is missing. Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u
cd "$SRC" || exit 1
fail=0
FAIL() { echo "FAIL: $*"; fail=1; }
T=120
# a sanitizer build (GCC links libasan.so; clang links its runtime in statically)
if ldd "$FL_BIN" 2>/dev/null | grep -q 'libasan' || grep -qa '__asan_init' "$FL_BIN"; then T=600; fi

scan=fixtures/ocr/eia-form-scan.pdf
mixed=fixtures/ocr/eia-pp-mixed.pdf
noise=fixtures/hostile/pdf-ocr-noise.pdf

# without --ocr: the line, exit 2
err=$("$FL_BIN" dump --lang en "$scan" 2>&1 >/dev/null); rc=$?
[ $rc = 2 ] || FAIL "scan without --ocr: exit $rc"
[ "$err" = "$scan: no text layer (scanned); read it with --ocr" ] || FAIL "scan without --ocr: '$err'"
out=$("$FL_BIN" dump --lang en "$mixed" 2>&1); rc=$?
[ $rc = 0 ] || FAIL "mixed without --ocr: exit $rc"
grep -q "1 of 5 pages have no text layer (scanned; not read): page 5" <<<"$out" || FAIL "mixed without --ocr: no note on page 5"

probe=$("$FL_BIN" dump --ocr "$noise" 2>&1)
if grep -q "built without OCR" <<<"$probe"; then
    echo "SKIP: this filinglint was built without OCR (FL_OCR=OFF); --ocr was not tried"
    exit $fail
fi
if grep -q "language data" <<<"$probe"; then
    echo "SKIP: Tesseract's chi_sim/eng data is missing (apt-get install tesseract-ocr-chi-sim tesseract-ocr-eng)"
    exit $fail
fi

# with --ocr: the scan
out=$(timeout $T "$FL_BIN" dump --lang en --ocr "$scan" 2>&1); rc=$?
[ $rc = 0 ] || FAIL "scan --ocr: exit $rc: $out"
for want in "项目名称 = 苏州恒润精密五金制品有限公司精密冲压件生产线改建项目" \
            "建设单位 = 苏州恒润精密五金制品有限公司" \
            "编制日期 = 2024 年 5 月" \
            "doc type: eia-form" \
            "form: 2021-pollution" \
            "  一、建设单位情况" "  二、编制单位情况" "  三、编制人员情况" \
            "3 pages read by OCR (mean confidence"; do
    grep -qF -- "$want" <<<"$out" || FAIL "scan --ocr: no '$want'"
done
# every body block of a scanned page carries its confidence
n_blocks=$(grep -cE '^ +[0-9]+ p[0-9]+:[0-9]+ ' <<<"$out")
n_ocr=$(grep -cE '^ +[0-9]+ p[0-9]+:[0-9]+ +ocr [0-9]+ ' <<<"$out")
[ "$n_blocks" -gt 20 ] && [ "$n_blocks" = "$n_ocr" ] || FAIL "scan --ocr: $n_ocr of $n_blocks blocks tagged ocr"
# Tesseract's spaces between Han characters are gone
grep -q "建 设" <<<"$out" && FAIL "scan --ocr: spaces left between CJK characters"

# the mixed PDF: typed pages 1-4 from the text layer, page 5 by OCR
out=$(timeout $T "$FL_BIN" dump --lang en --ocr "$mixed" 2>&1); rc=$?
[ $rc = 0 ] || FAIL "mixed --ocr: exit $rc"
grep -qE '^ +[0-9]+ p5:[0-9]+ +ocr [0-9]+ .*承诺时间 : 2024 年 3 月 8 日' <<<"$out" || FAIL "mixed --ocr: page 5 not read by OCR"
# (page 4's last paragraph runs on to page 5 and is tagged for its OCR'd lines)
grep -qE '^ +[0-9]+ p[1-3]:[0-9]+ +ocr ' <<<"$out" && FAIL "mixed --ocr: a typed page was OCR'd"
grep -qF "1 page read by OCR (mean confidence" <<<"$out" || FAIL "mixed --ocr: no note"
grep -qF "no text layer" <<<"$out" && FAIL "mixed --ocr: page 5 still named as not read"
json=$("$FL_BIN" dump --ocr -f json "$mixed" 2>/dev/null)
grep -q '"ocr_confidence"' <<<"$json" || FAIL "mixed --ocr: no ocr_confidence in JSON"
# check with --ocr finds nothing wrong in the clean mixed filing
out=$(timeout $T "$FL_BIN" check --lang en --ocr "$mixed" 2>&1); rc=$?
[ $rc = 0 ] || FAIL "check --ocr mixed: exit $rc: $out"

# a page of specks: ends, one line, exit 2; the batch goes on (-j2)
start=$(date +%s)
err=$(timeout $T "$FL_BIN" check --lang en --ocr -j2 -q "$noise" fixtures/pdf/soil-summary.pdf 2>&1 >/dev/null); rc=$?
[ $rc = 2 ] || FAIL "noise: exit $rc"
[ "$err" = "$noise: no text layer (scanned), and OCR read no text on its pages" ] || FAIL "noise: '$err'"
echo "noise page: $(( $(date +%s) - start )) s"

[ $fail = 0 ] && echo "ok ocr"
exit $fail
