#!/bin/bash
# A document may have at most 5,000,000 blocks (paragraphs and table cells,
# FL_DOC_MAX_BLOCKS in checker/doc/doc.h): past that a file of nothing but
# short lines would cost some 30 times its size in block records. Such a file
# is refused with one line and exit 2, in either language, and the files
# beside it in the batch are still linted. The largest real filings have a
# few hundred thousand blocks.
#
# The input: 5,000,001 lines of one letter (10 MB), the shape of a PDF copy
# that breaks after every character taken to the extreme.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1

GOOD=fixtures/check/residue.md
BIG="$SCRATCH/lines.txt"
yes a | head -n 5000001 >"$BIG"

if run over-cap 2 check --no-config --no-progress -f jsonl "$GOOD" "$BIG"; then
    err_line over-cap-line "^$BIG: text limit exceeded: more than 5,000,000 paragraphs and table cells\$"
    grep -q '"path":"fixtures/check/residue.md"' "$SCRATCH/out" && ok over-cap-others ||
        fail over-cap-others "the other input was not linted: $(head -c 300 "$SCRATCH/out")"
fi
if LANG=zh_CN.UTF-8 run over-cap-zh 2 check --no-config --no-progress --lang zh "$BIG"; then
    err_line over-cap-zh-line "^$BIG: 文字超出上限：段落和表格单元格超过 5,000,000 个\$"
fi
run dump-over-cap 2 dump "$BIG" && err_line dump-over-cap-line "^$BIG: text limit exceeded: "

# one line fewer than the cap is read: the cap is where it says
head -n 5000000 "$BIG" >"$SCRATCH/at-cap.txt"
run at-cap 0 check --no-config --no-progress --fail-on never "$SCRATCH/at-cap.txt"
finish
