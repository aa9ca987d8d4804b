#!/bin/bash
# `check --corpus DB` for EIA509 on fixtures/sigcorp/ (three 报告表, made by
# fixtures/src/word/make_sigcorpus.py): b (2024-03) has 刘洋's signature cell
# holding the bytes of 赵敏's picture in a (2023-05), so checking b reports
# EIA509 once, at 刘洋's cell, naming a, 赵敏, her line and a's date, with
# SARIF relatedLocations. What must stay silent: a (the earlier filing the
# picture came from), c (孙 浩 reusing his own picture from a; 刘 洋 with a
# picture no one else has), any filing without --corpus, Markdown copies
# whose pictures are named by the same path, a filing whose date is unknown,
# and the filings checked against a corpus of themselves only.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1

A=fixtures/sigcorp/a-2023-changzhou.docx
B=fixtures/sigcorp/b-2024-wuxi.docx
C=fixtures/sigcorp/c-2024-suzhou.docx
DB="$SCRATCH/s.db"
"$FL_BIN" index -q --corpus "$DB" "$A" "$B" "$C" || fail setup "index failed"

# The copier: one EIA509 at 刘洋's signature cell (line 40), naming a.
run copier 1 check --lang zh --corpus "$DB" --select EIA509 "$B" &&
    same copier-text "$SCRATCH/out" "$B:40:1: 错误: 编制人员刘洋的签字图片与更早的$A（2023-05）中赵敏（第27行）的签字图片是同一个图片文件（2e53ce153f4bdac4），疑为复制他人签字 [EIA509]
  依据：环环评〔2020〕48号 一（四）（弄虚作假）
检查了 1 个文件：错误 1 个，警告 0 个，提示 0 个"

# SARIF: the other filing and line as a related location.
"$FL_BIN" check --corpus "$DB" -f sarif --fail-on never --select EIA509 "$B" >"$SCRATCH/b.sarif" 2>/dev/null
python3 - "$SCRATCH/b.sarif" "$A" <<'PY' && ok sarif-related || fail sarif-related "see above"
import json, sys
log = json.load(open(sys.argv[1]))
got = [(r["locations"][0]["physicalLocation"]["region"]["startLine"],
        r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        r["relatedLocations"][0]["physicalLocation"]["region"]["startLine"])
       for r in log["runs"][0]["results"] if r["ruleId"] == "EIA509"]
want = [(40, sys.argv[2], 27)]
if got != want: print("got", got, "want", want); sys.exit(1)
PY

# The original and the honest filing: nothing (EIA506 neither: within each
# filing the same picture is one person's, in both lists).
run silent 0 check --corpus "$DB" --select EIA509,EIA506 "$A" "$C" &&
    same silent-text "$SCRATCH/out" "2 files checked: 0 errors, 0 warnings, 0 info"

# Without --corpus the rule does not run.
run no-corpus 0 check --select EIA509 "$B" && same no-corpus-text "$SCRATCH/out" "1 file checked: 0 errors, 0 warnings, 0 info"

# A corpus holding only the filing itself (another copy of the same text
# under another name counts as the filing itself).
cp "$B" "$SCRATCH/b-copy.docx"
"$FL_BIN" index -q --corpus "$SCRATCH/self.db" "$SCRATCH/b-copy.docx" || fail setup-self "index failed"
run self 0 check --corpus "$SCRATCH/self.db" --select EIA509 "$B" &&
    same self-text "$SCRATCH/out" "1 file checked: 0 errors, 0 warnings, 0 info"

# Markdown exports naming their pictures by path: media/image1.png in two
# filings is not one picture file. And a filing without a date of its own:
# who copied whom cannot be said.
cat >"$SCRATCH/m1.md" <<'MD'
建设项目环境影响报告表
编制日期：2022年6月
## 编制单位和编制人员情况表
| 姓名 | 主要编写内容 | 信用编号 | 签字 |
| --- | --- | --- | --- |
| 王立新 | 工程分析 | BH012345 | ![签字](media/image1.png) |
MD
sed -e 's/王立新/陈晓燕/; s/BH012345/BH023456/; s/2022年6月/2024年3月/' "$SCRATCH/m1.md" >"$SCRATCH/m2.md"
"$FL_BIN" index -q --corpus "$SCRATCH/md.db" "$SCRATCH/m1.md" || fail setup-md "index failed"
run markdown-path 0 check --corpus "$SCRATCH/md.db" --select EIA509 "$SCRATCH/m2.md" &&
    same markdown-path-text "$SCRATCH/out" "1 file checked: 0 errors, 0 warnings, 0 info"
# the same with the picture's bytes written in (a data: URI) is one picture
sed -i 's|media/image1.png|data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=|' "$SCRATCH/m1.md" "$SCRATCH/m2.md"
"$FL_BIN" index -q --corpus "$SCRATCH/md2.db" "$SCRATCH/m1.md" || fail setup-md2 "index failed"
run markdown-data 1 check --corpus "$SCRATCH/md2.db" --select EIA509 "$SCRATCH/m2.md" &&
    if grep -q "陈晓燕.*王立新.*EIA509" "$SCRATCH/out"; then ok markdown-data-text; else fail markdown-data-text "$(cat "$SCRATCH/out")"; fi
sed -i '/编制日期/d' "$SCRATCH/m2.md"
run undated 0 check --corpus "$SCRATCH/md2.db" --select EIA509 --doc-type eia-form "$SCRATCH/m2.md" &&
    same undated-text "$SCRATCH/out" "1 file checked: 0 errors, 0 warnings, 0 info"
# ... unless --as-of says when it was written (the control: the same file is reported)
run undated-as-of 1 check --corpus "$SCRATCH/md2.db" --select EIA509 --doc-type eia-form --as-of 2024-03-01 "$SCRATCH/m2.md" && ok undated-as-of

finish
