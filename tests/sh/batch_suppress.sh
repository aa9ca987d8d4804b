#!/bin/bash
# Suppressions with reasons (docs/batch.md), fixtures/batch/suppress.*:
# a Word comment (批注) "filinglint-disable RULE: 理由" hides that rule's
# findings on the commented range (DOCX and Flat OPC alike); in .md an HTML
# comment line hides them on the next line; a suppression without a reason
# hides nothing and is reported (LINT001), one that hid nothing is reported
# (LINT002) unless its rules did not run; LINT rules obey --select/--ignore.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1


# name  expected "line:col:rule ..."  filinglint-args...  (jsonl, sorted as reported)
expect() {
    local name=$1 want=$2
    shift 2
    timeout 60 "$FL_BIN" check -f jsonl "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
    local got
    got=$(python3 -c '
import json, sys
print(" ".join("%d:%d:%s" % (f["location"]["line"], f["location"]["column"], f["rule"])
               for f in map(json.loads, open(sys.argv[1])) if "rule" in f))' "$SCRATCH/out")
    [ "$got" = "$want" ] && ok "$name" || fail "$name" "got '$got', want '$want' ($(head -c 200 "$SCRATCH/err"))"
}

# DOCX: comment 0 (reason) hides the XX on line 4; comment 1 (no reason) does
# not hide the ×× on line 5 and is LINT001; comment 2 hid nothing (LINT002);
# comment 3 is an ordinary review comment; line 10 is outside every range.
WANT_DOCX="5:1:LINT001 5:6:DOC001 7:1:LINT002 10:1:DOC001"
expect docx "$WANT_DOCX" --select DOC001,LINT fixtures/batch/suppress.docx
expect flat-opc "$WANT_DOCX" --select DOC001,LINT fixtures/batch/suppress-flatopc.xml
# LINT rules not selected: only the rule's own findings, still suppressed
expect docx-no-lint "5:6:DOC001 10:1:DOC001" --select DOC001 fixtures/batch/suppress.docx
# the suppression names DOC001 only: DOC003 on the same range is not hidden
expect other-rule "4:1:DOC003 5:1:DOC003 7:1:DOC003 8:1:DOC003" --select DOC003 fixtures/batch/suppress.docx

# Markdown: line 7 hidden, line 8 no reason (LINT001) so line 9 stays,
# line 13 hid nothing (LINT002), line 15 names a rule that did not run: silent
expect md "8:1:LINT001 9:6:DOC001 13:1:LINT002" --select DOC001,LINT fixtures/batch/suppress.md
expect md-ignore-lint "9:6:DOC001" --select DOC001 fixtures/batch/suppress.md
expect md-ignore-lint2 "8:1:LINT001 9:6:DOC001" --select DOC001,LINT --ignore LINT002 fixtures/batch/suppress.md
# DOC001 not running: the suppressions cannot be judged stale
expect md-rule-off "8:1:LINT001" --select LINT fixtures/batch/suppress.md

# forms of the directive
cat >"$SCRATCH/forms.md" <<'EOF'
# 建设项目环境影响报告表

## 一、建设项目基本情况

<!--   filinglint-disable doc001 ， DOC002 ：  小写、全角标点也可以   -->
建设单位：XX环保科技有限公司
<!-- filinglint-disable: 没有规则 -->
建设地点：××市
<!-- filinglint-disable DOC001: 两条写在一起 -->
<!-- filinglint-disable DOC002: 第二条 -->
| 项目 | XX公司 |
<!-- filinglint-disable-next-line DOC001 -->
负责人：XX
EOF
expect forms "7:1:LINT001 8:6:DOC001 13:5:DOC001" --select DOC001,LINT "$SCRATCH/forms.md"

[ "$failures" -eq 0 ] || exit 1
exit 0
