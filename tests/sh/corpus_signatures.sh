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
# Who a person is (the staff table's 信用编号 and 职业资格证书管理号, else the
# name as typed): the same 信用编号 under a misspelt name is one person, the
# same name with another 信用编号 is another person (reported), numbers one
# character apart under one name are a slip; without numbers, a traditional
# form (陳曉燕) or one given-name character typed otherwise (陈晓艳) is the
# same person, while two-character names one character apart (王伟, 王玮)
# are two.
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

# Who the person is. staff FILE DATE HEAD ROW...: a 报告表 with a staff
# table whose header is HEAD and whose person rows are ROW (picture X, Y or
# Z written in as a data: URI, so each is hashed by its bytes).
staff() {
    local f=$1 date=$2 head=$3
    shift 3
    {
        printf '建设项目环境影响报告表\n编制日期：%s\n## 编制单位和编制人员情况表\n%s\n' "$date" "$head"
        printf '%s\n' "$head" | sed 's/[^|][^|]*/ --- /g'
        for row in "$@"; do printf '%s\n' "$row"; done
    } | sed -e 's|@X|![签字](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=)|' \
            -e 's|@Y|![签字](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAI=)|' \
            -e 's|@Z|![签字](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAM=)|' \
            -e 's|@W|![签字](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQ=)|' >"$SCRATCH/$f"
}
H1='| 姓名 | 主要编写内容 | 信用编号 | 签字 |'
H0='| 姓名 | 职责 | 签字 |' # no numbers: the 编制主持人 named in a cell marks the table
H2='| 姓名 | 职业资格证书管理号 | 信用编号 | 签字 |' # the 编制主持人's list; 信用编号 left blank here
staff p-early.md 2022年6月 "$H1" '| 王立新 | 工程分析 | BH012345 | @X |'
staff q-early.md 2022年6月 "$H0" '| 陳曉燕 | 编制主持人 | @Y |' '| 王伟 | 环境现状 | @Z |'
staff r-early.md 2022年6月 "$H2" '| 赵敏 | 2015035320352013320501000123 | / | @W |'
"$FL_BIN" index -q --corpus "$SCRATCH/who.db" "$SCRATCH/p-early.md" "$SCRATCH/q-early.md" "$SCRATCH/r-early.md" ||
    fail setup-who "index failed"
staff same-credit.md 2024年3月 "$H1" '| 王立薪 | 工程分析 | BH012345 | @X |'
staff renamed-credit.md 2024年3月 "$H1" '| 王 利 | 工程分析 | BH012345 | @X |'
staff credit-slip.md 2024年3月 "$H1" '| 王立新 | 工程分析 | BH012845 | @X |'
staff credit-blank.md 2024年3月 "$H1" '| 王立新 | 工程分析 | / | @X |'
staff trad.md 2024年3月 "$H0" '| 陈晓燕 | 编制主持人 | @Y |'
staff near3.md 2024年3月 "$H0" '| 陈晓艳 | 编制主持人 | @Y |'
staff same-cert.md 2024年3月 "$H2" '| 赵 明 | 2015035320352013320501000123 | / | @W |'
for f in same-credit renamed-credit credit-slip credit-blank trad near3 same-cert; do
    run "who-$f" 0 check --lang en --corpus "$SCRATCH/who.db" --select EIA509 --doc-type eia-form "$SCRATCH/$f.md" &&
        same "who-$f-text" "$SCRATCH/out" "1 file checked: 0 errors, 0 warnings, 0 info"
done
# Another 信用编号 under the same name: another person, reported.
staff other-credit.md 2024年3月 "$H1" '| 王立新 | 工程分析 | BH098765 | @X |'
run who-other-credit 1 check --lang en --corpus "$SCRATCH/who.db" --select EIA509 --doc-type eia-form "$SCRATCH/other-credit.md" &&
    if grep -q "王立新 is the same picture file as that of 王立新 in the earlier filing .*p-early.md.*EIA509" "$SCRATCH/out"
    then ok who-other-credit-text; else fail who-other-credit-text "$(cat "$SCRATCH/out")"; fi
# Another 证书管理号 under the same name (no 信用编号): another person.
staff other-cert.md 2024年3月 "$H2" '| 赵敏 | 2016035320352013320501000999 | / | @W |'
run who-other-cert 1 check --lang en --corpus "$SCRATCH/who.db" --select EIA509 --doc-type eia-form "$SCRATCH/other-cert.md" &&
    if grep -q "赵敏 is the same picture file as that of 赵敏 .*EIA509" "$SCRATCH/out"
    then ok who-other-cert-text; else fail who-other-cert-text "$(cat "$SCRATCH/out")"; fi
# Two-character names one character apart, no numbers: two persons.
staff near2.md 2024年3月 "$H0" '| 王玮 | 编制主持人 | @Z |'
run who-near2 1 check --lang en --corpus "$SCRATCH/who.db" --select EIA509 --doc-type eia-form "$SCRATCH/near2.md" &&
    if grep -q "王玮 is the same picture file as that of 王伟 .*EIA509" "$SCRATCH/out"
    then ok who-near2-text; else fail who-near2-text "$(cat "$SCRATCH/out")"; fi

finish
