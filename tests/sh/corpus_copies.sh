#!/bin/bash
# The copies of one filing in a corpus: firms index the DOCX they filed and
# the PDF published from it (LibreOffice's export or a browser's print:
# fixtures/pdf-parity/), and the copies of one filing must count as the
# filing itself for EIA303 and EIA509, while another filing copying from it
# is still reported, once per place.
#
#   - six files, two filings (eia-form-word and eia-book-pandoc, a DOCX and
#     two PDFs each): --list names each file's other copies, no EIA303 or
#     EIA509 at all (before the grouping: 29 passages against their own
#     PDFs), index --query says which copies it left out;
#   - the DOCX checked against a corpus holding only its PDFs (not itself):
#     recognised by its 项目名称/建设单位 and shared fingerprints, silent;
#   - a whole copy of eia-form-word under another company's and project's
#     name (the way a report is recycled for another client): reported,
#     each place once although three copies of the source hold it;
#   - another company's 报告表 whose 区域环境质量现状 repeats the source's
#     (an account of the site copied from a neighbour's report): reported.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
if ! "$FL_BIN" help check 2>&1 | grep -q 'walked for .*\.pdf'; then
    echo "SKIP: built without the PDF reader (FL_PDF=OFF)"
    exit 0
fi
command -v python3 >/dev/null || { echo "FAIL: python3 is needed"; exit 1; }

W=fixtures/docx/eia-form-word.docx
WL=fixtures/pdf-parity/eia-form-word.lo.pdf
WC=fixtures/pdf-parity/eia-form-word.chromium.pdf
K=fixtures/docx/eia-book-pandoc.docx
KL=fixtures/pdf-parity/eia-book-pandoc.lo.pdf
KC=fixtures/pdf-parity/eia-book-pandoc.chromium.pdf
DB="$SCRATCH/c.db"
"$FL_BIN" index -q --corpus "$DB" "$W" "$WL" "$WC" "$K" "$KL" "$KC" || fail setup "index failed"

# --list: each file's other copies, in name order.
if run list 0 index --lang en --corpus "$DB" --list; then
    got=$(awk -F'\t' '{print $1 " | " $6}' "$SCRATCH/out")
    want="$K | same filing as $KC, $KL
$W | same filing as $WC, $WL
$KC | same filing as $K, $KL
$KL | same filing as $K, $KC
$WC | same filing as $W, $WL
$WL | same filing as $W, $WC"
    [ "$got" = "$want" ] && ok list-groups || fail list-groups "got '$got'"
fi

# check: nothing against the filing's own copies.
run self 0 check --lang en --corpus "$DB" --select EIA303,EIA509 "$W" "$WL" "$WC" "$K" "$KL" "$KC" &&
    same self-text "$SCRATCH/out" "6 files checked: 0 errors, 0 warnings, 0 info"

# --query: the copies left out, no passage.
run query 0 index --lang en --corpus "$DB" --query "$W" &&
    same query-text "$SCRATCH/out" "$W: same filing as $WL, $WC: not compared with them"

# The DOCX against a corpus of its PDFs only.
"$FL_BIN" index -q --corpus "$SCRATCH/pdfs.db" "$WL" "$WC" || fail setup-pdfs "index failed"
run unindexed 0 check --lang en --corpus "$SCRATCH/pdfs.db" --select EIA303 "$W" &&
    same unindexed-text "$SCRATCH/out" "1 file checked: 0 errors, 0 warnings, 0 info"

# A whole copy renamed for another client, and a 报告表 of another company
# whose account of the region repeats the source's. Written from the
# DOCX's own model (dump), so the copied text is the fixture's.
"$FL_BIN" dump -f json "$W" >"$SCRATCH/w.json" || fail setup-dump "dump failed"
python3 - "$SCRATCH/w.json" "$SCRATCH" <<'PY' || fail setup-copies "python failed"
import json, sys
d = json.load(open(sys.argv[1]))
out = sys.argv[2]
renamed = []
for b in d["blocks"]:
    if b["part"] != "body":
        continue
    t = b["text"].replace("嘉兴禾源新材料有限公司", "海宁澄蓝涂料科技有限公司").replace("\t", " ").replace("\n", " ")
    if b["kind"] == "heading":
        t = "#" * min(6, b["level"] + 1) + " " + t
    renamed.append(t)
open(out + "/renamed.md", "w").write("\n\n".join(renamed) + "\n")
region = [b["text"] for b in d["blocks"] if b["line"] in (176, 177)]
assert len(region) == 2 and all(len(t) > 80 for t in region), region
open(out + "/neighbour.md", "w").write(
    "# 建设项目环境影响报告表\n\n项目名称：嘉兴北辰包装材料有限公司年产800万只纸箱项目\n\n"
    "建设单位（盖章）：嘉兴北辰包装材料有限公司\n\n编制日期：2024年3月\n\n"
    "## 二、建设项目工程分析\n\n项目租用标准厂房一幢，购置印刷开槽机、粘箱机等设备，以瓦楞纸板为原料生产纸箱。\n\n"
    "## 三、区域环境质量现状、环境保护目标及评价标准\n\n### （一）区域环境质量现状\n\n"
    + "\n\n".join(region) + "\n\n### （二）环境保护目标\n\n厂界外50米范围内无声环境保护目标。\n")
PY

timeout 120 "$FL_BIN" check --lang en --corpus "$DB" -f json --fail-on never --select EIA303 "$SCRATCH/renamed.md" \
    "$SCRATCH/neighbour.md" >"$SCRATCH/r.json" 2>"$SCRATCH/r.err"
rc=$?
[ "$rc" -eq 0 ] && ok copies-exit || fail copies-exit "exit $rc: $(head -c 300 "$SCRATCH/r.err")"
python3 - "$SCRATCH/r.json" "$W" "$WL" "$WC" <<'PY' && ok copies-findings || fail copies-findings "see above"
import json, re, sys
log = json.load(open(sys.argv[1]))
sources = set(sys.argv[2:])
bad = 0
for x in log["files"]:
    fs = [f for f in x["findings"] if f["rule"] == "EIA303"]
    lines = [f["location"]["line"] for f in fs]
    others = {re.search(r"matches (\S+) at line", f["message"]).group(1) for f in fs}
    want = 4 if x["path"].endswith("renamed.md") else 1
    # every place once, each naming a copy of the source
    if len(fs) != want or len(set(lines)) != len(lines) or not others <= sources:
        print(x["path"], "got", [(f["location"]["line"], f["message"]) for f in fs], others); bad = 1
sys.exit(bad)
PY

finish
