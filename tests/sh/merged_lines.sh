#!/bin/bash
# A text of hundreds of thousands of tiny lines (a PDF copy that breaks after
# every character, or an OCR dump of a narrow column) is read with its runs
# of short plain lines merged into one block each (checker/input/text.c,
# FL_MERGE_* in checker/doc/doc.h), so that it costs about its size instead
# of some 65 bytes a line. What it reads must not change:
#   - the same findings, at the same line and column, as the same text with
#     lines too long to merge (so nothing merges there);
#   - a finding deep inside a merged run names its own line (312,457), its
#     column in that line and that line alone as its excerpt;
#   - headings and label lines stay blocks of their own: the section and the
#     field are read as in the unmerged text;
#   - dump shows the run once, with the lines it stands for.
# The planted lines are the shapes of a broken PDF copy of a 报告表: a chapter
# heading, a 标签：值 line, a template placeholder left in a sentence; the
# company is invented.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SCRATCH" || exit 1

# gen WIDTH: 400,000 lines; filler lines are WIDTH letters; the plants are
# the same in both files, at the same lines.
gen() {
    awk -v w="$1" 'BEGIN {
        pad = "abcdefghijklmnopqrstuvwyz" # no x: xxxx is a placeholder
        for (i = 1; i <= 400000; i++) {
            if (i == 1) print "青禾示例环保科技有限公司年产五千吨饲料项目"
            else if (i == 2) print "建设项目环境影响报告表"
            else if (i == 150000) print "第三章 工程分析"
            else if (i == 150001) print "建设单位：青禾示例环保科技有限公司"
            else if (i == 200000) print ""
            else if (i == 200001) print "  "
            else if (i == 312457) print "由XXX公司负责"
            else if (i == 312460) print "XX镇"
            else {
                c = substr(pad, i % 25 + 1, 1)
                s = c
                while (length(s) < w) s = s c
                print s
            }
        }
    }'
}
gen 1 >tiny.txt
gen 12 >long.txt

# the merged reading
run dump-tiny 0 dump tiny.txt || finish
blocks=$(awk 'NR > 2 && /^$/ {exit} NR > 2 {n++} END {print n + 0}' "$SCRATCH/out")
[ "$blocks" -lt 20000 ] && ok merged-blocks || fail merged-blocks "$blocks blocks for 400,000 tiny lines: nothing merged"
grep -qE '^ *1001 body +para +\[lines 1001-[0-9]+\] ' "$SCRATCH/out" && ok dump-run ||
    fail dump-run "no merged run at line 1001: $(sed -n '1000,1004p' "$SCRATCH/out" | cut -c1-120)"
grep -qE '^ *150000 body +H1 +§ 第三章 工程分析 ' "$SCRATCH/out" && ok heading-alone ||
    fail heading-alone "$(grep -m1 '第三章' "$SCRATCH/out" | cut -c1-120)"
grep -qE '^ *150001 body +para +建设单位：' "$SCRATCH/out" && ok label-alone ||
    fail label-alone "$(grep -m1 '建设单位' "$SCRATCH/out" | cut -c1-120)"
run dump-json 0 dump --format json tiny.txt
grep -q '"lines":' "$SCRATCH/out" && ok dump-json-lines || fail dump-json-lines "no \"lines\" key in the JSON dump"
grep -A3 '^  "建设单位": {' "$SCRATCH/out" | tr -d ' \n' | grep -q '"value":"青禾示例环保科技有限公司","line":150001' &&
    ok field || fail field "建设单位 not read at 150001: $(grep -A8 '"fields"' "$SCRATCH/out" | tr -d '\n')"

# the unmerged reading of the same text
run dump-long 0 dump long.txt
long_blocks=$(awk 'NR > 2 && /^$/ {exit} NR > 2 {n++} END {print n + 0}' "$SCRATCH/out")
[ "$long_blocks" -gt 390000 ] && ok unmerged-control || fail unmerged-control "$long_blocks blocks: the control merged"

# every rule of a 报告表 and of a 报告书, and the detected type: the same
# findings at the same places (the excerpt of a finding on a filler line
# would differ with the filler's width; there is none)
# same_findings PREFIX EXT [TYPE OPTION...]: tiny.EXT and long.EXT give the same
# JSONL findings (paths aside) with each --doc-type given, and with none.
same_findings() {
    local prefix=$1 ext=$2 t
    shift 2
    for t in "" "$@"; do
        # shellcheck disable=SC2086
        run "check-tiny.$ext $t" 0 check --no-config --no-progress --fail-on never -f jsonl $t "tiny.$ext"
        sed "s/\"path\":\"tiny.$ext\",//" "$SCRATCH/out" >tiny.jsonl
        # shellcheck disable=SC2086
        run "check-long.$ext $t" 0 check --no-config --no-progress --fail-on never -f jsonl $t "long.$ext"
        sed "s/\"path\":\"long.$ext\",//" "$SCRATCH/out" >long.jsonl
        if cmp -s tiny.jsonl long.jsonl && [ -s tiny.jsonl ]; then ok "${prefix}same-findings $t"
        else fail "${prefix}same-findings $t" "$(diff tiny.jsonl long.jsonl | head -c 1200)"; fi
    done
}
same_findings "" txt "--doc-type eia-form" "--doc-type eia-book"

run check-deep 0 check --no-config --no-progress --fail-on never -f jsonl tiny.txt
grep -q '"rule":"DOC001".*"location":{"line":312457,"column":2,"end_line":312457,"end_column":4,.*"excerpt":"由XXX公司负责"' \
    "$SCRATCH/out" && ok deep-line ||
    fail deep-line "XXX not reported at 312457:2 with its line as excerpt: $(grep -m1 XXX "$SCRATCH/out" | head -c 600)"
grep -q '"location":{"line":312460,"column":1,"end_line":312460,"end_column":2,.*"excerpt":"XX镇"' "$SCRATCH/out" &&
    ok deep-second || fail deep-second "XX not reported at 312460:1: $(grep -m1 XX镇 "$SCRATCH/out" | head -c 600)"
run check-text 0 check --no-config --no-progress --fail-on never tiny.txt
grep -q '^tiny.txt:312457:2: ' "$SCRATCH/out" && ok text-report || fail text-report "$(grep -m1 XXX "$SCRATCH/out")"

# CRLF line breaks: the same lines and columns
sed 's/$/\r/' tiny.txt >crlf.txt
run check-crlf 0 check --no-config --no-progress --fail-on never -f jsonl crlf.txt
grep -q '"location":{"line":312457,"column":2,"end_line":312457,"end_column":4,.*"excerpt":"由XXX公司负责"' \
    "$SCRATCH/out" && ok crlf-line || fail crlf-line "$(grep -m1 XXX "$SCRATCH/out" | head -c 600)"

# The copy check: a filing indexed from a PDF copy broken after every few
# characters (a process description of an invented wood-panel plant, eight
# characters a line from line 300,001 on, inside a merged run) and a filing
# that has the passage as one paragraph. The passage found names the line of
# the indexed copy it starts on, not the first line of the run holding it.
python3 - copy.txt q.md <<'PY'
import sys
p = ("外购的废旧木料经人工挑选去除铁钉和泥沙后由输送带送入粉碎机粉碎成木屑，木屑经滚筒烘干机烘干后进入热压机压制成型，"
     "成型后的板材经冷却、锯边、砂光后检验，合格的产品包装入库，不合格品返回粉碎工序重新利用。烘干工序产生的粉尘经布袋除尘器"
     "收集处理后由排气筒排放，热压工序产生的少量有机废气经集气罩收集后进入活性炭吸附装置处理后排放。")
pad = "abcdefghijklmnopqrstuvwyz"
cut = [p[i:i + 8] for i in range(0, len(p), 8)]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(1, 400001):
        f.write((cut[i - 300001] if 300001 <= i < 300001 + len(cut) else pad[i % 25]) + "\n")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("# 建设项目环境影响报告表\n\n## 二、建设项目工程分析\n\n" + p + "\n")
PY
run index-merged 0 index -q --corpus corpus.db copy.txt
run dump-copy 0 dump copy.txt
awk 'match($0, /\[lines [0-9]+-[0-9]+\]/) {
        split(substr($0, RSTART + 7, RLENGTH - 8), r, "-")
        if (r[1] + 0 < 300001 && r[2] + 0 > 300020) found = 1
    } END {exit !found}' "$SCRATCH/out" && ok copy-merged ||
    fail copy-merged "the copied passage is not inside a merged run"
run check-corpus 0 check --no-config --no-progress --fail-on never --corpus corpus.db -f jsonl q.md
grep -q '"rule":"EIA303".*copy\.txt[^"]*300001[^0-9]' "$SCRATCH/out" && ok corpus-own-line ||
    fail corpus-own-line "$(grep -m1 EIA303 "$SCRATCH/out" | head -c 400)"

# The same in Markdown (a PDF copy saved as .md): plain lines merge as in
# text; an ATX heading and list items never do, whatever their length.
md() {
    awk '{
        if (NR == 250000) print "- 列表项甲"
        else if (NR == 250001) print "* b"
        else if (NR == 260000) print "## 结论"
        else print
    }' "$1"
}
md tiny.txt >tiny.md
md long.txt >long.md
run dump-tiny-md 0 dump tiny.md || finish
md_blocks=$(awk 'NR > 2 && /^$/ {exit} NR > 2 {n++} END {print n + 0}' "$SCRATCH/out")
[ "$md_blocks" -lt 20000 ] && ok md-merged || fail md-merged "$md_blocks blocks for 400,000 tiny Markdown lines"
grep -qE '^ *250000 body +para +- 列表项甲' "$SCRATCH/out" && grep -qE '^ *250001 body +para +\* b$' "$SCRATCH/out" &&
    ok md-list-alone || fail md-list-alone "$(grep -m2 -E '列表项甲|^ *250001 ' "$SCRATCH/out" | cut -c1-120)"
grep -qE '^ *260000 body +H2 +§ 结论 ' "$SCRATCH/out" && ok md-heading-alone ||
    fail md-heading-alone "$(grep -m1 '结论' "$SCRATCH/out" | cut -c1-120)"
run dump-long-md 0 dump long.md
md_long=$(awk 'NR > 2 && /^$/ {exit} NR > 2 {n++} END {print n + 0}' "$SCRATCH/out")
[ "$md_long" -gt 390000 ] && ok md-unmerged-control || fail md-unmerged-control "$md_long blocks: the control merged"
same_findings md- md "--doc-type eia-book"
grep -q '"location":{"line":312457,"column":2,"end_line":312457,"end_column":4,.*"excerpt":"由XXX公司负责"' \
    tiny.jsonl && ok md-deep-line || fail md-deep-line "$(grep -m1 XXX tiny.jsonl | head -c 600)"

# The same in a DOCX: a PDF converted to Word makes every printed line, or
# every character of a vertical header, a paragraph of its own. Merging
# starts after 200,000 such paragraphs; line numbers are paragraph ordinals.
gen_docx() {
    python3 - "$1" "$2" <<'PY'
import sys, zipfile
width, out = int(sys.argv[1]), sys.argv[2]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
plant = {1: "青禾示例环保科技有限公司年产五千吨饲料项目", 2: "建设项目环境影响报告表", 150000: "第三章 工程分析",
         150001: "建设单位：青禾示例环保科技有限公司", 312457: "由XXX公司负责", 312460: "XX镇"}
pad = "abcdefghijklmnopqrstuvwyz"
body = []
for i in range(1, 400001):
    t = plant.get(i) or pad[i % 25] * width
    body.append("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % t)
doc = '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body></w:document>' % (W, "".join(body))
with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:  # deflate would exceed the 200:1 ratio
    z.writestr("[Content_Types].xml", ct)
    z.writestr("_rels/.rels", rels)
    z.writestr("word/document.xml", doc)
PY
}
gen_docx 1 tiny.docx
gen_docx 12 long.docx
run dump-tiny-docx 0 dump tiny.docx
grep -qE '^ *[0-9]+ body +para +\[lines [0-9]+-[0-9]+\] ' "$SCRATCH/out" && ok docx-merged || fail docx-merged "no merged run"
grep -qE '^ *150000 body +H1 +§ 第三章 工程分析 ' "$SCRATCH/out" && ok docx-heading-alone ||
    fail docx-heading-alone "$(grep -m1 '第三章' "$SCRATCH/out" | cut -c1-120)"
same_findings docx- docx "--doc-type eia-book"
grep -q '"rule":"DOC001".*"location":{"line":312457,"column":2,"end_line":312457,"end_column":4,.*"excerpt":"由XXX公司负责"' \
    tiny.jsonl && ok docx-deep-line || fail docx-deep-line "$(grep -m1 XXX tiny.jsonl | head -c 600)"

# the annotated copy puts the comment on XXX in its own paragraph
run annotate-docx 0 check --no-config --no-progress --fail-on never --annotate ann tiny.docx
unzip -p ann/tiny.docx word/document.xml | grep -q '<w:t xml:space="preserve">由</w:t></w:r><w:commentRangeStart w:id="[0-9]*"/><w:r><w:t xml:space="preserve">XXX</w:t>' &&
    ok docx-annotate || fail docx-annotate "no comment around XXX in its paragraph"

# a short file of tiny lines is read a block a line, as always
head -n 5000 tiny.txt >short.txt
run dump-short 0 dump short.txt
grep -q '\[lines ' "$SCRATCH/out" && fail short-unmerged "a 5,000-line file was merged" || ok short-unmerged
finish
