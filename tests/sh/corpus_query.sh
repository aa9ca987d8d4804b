#!/bin/bash
# The copy check from the command line (`filinglint index --query`, what
# `check --corpus` reports as EIA303), on fixtures/corpus/: b copied a's
# process description and monitoring results with numbers and punctuation
# changed, and both locations are reported from either side; the honest
# filings c..f, which share only regulatory wording, are not flagged; a
# filing in the corpus never matches itself; --min-chars and -j.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1



if ! "$FL_BIN" index --help 2>&1 | grep -q "filinglint index --corpus DB"; then
    echo "FAIL: filinglint has no 'index' command: add {\"index\", fl_cmd_index, ...} to checker/main.c"
    exit 1
fi

A=fixtures/corpus/a-plastics-wuzhong.md
B=fixtures/corpus/b-plastics-wujin.md
DB="$SCRATCH/c.db"
"$FL_BIN" index -q --corpus "$DB" fixtures/corpus/*.md || fail setup "index failed"

if run copy-in-b 0 index --corpus "$DB" --query "$B"; then
    same copy-in-b-out "$SCRATCH/out" "$B:25:31-25:241: 210 characters shared with $A:25-25 (15 of 15 fingerprints)
$B:35:9-39:47: 247 characters shared with $A:35-39 (11 of 13 fingerprints)"
    same copy-in-b-summary "$SCRATCH/err" "2 passages shared with the corpus"
fi
if run copy-in-a 0 index --corpus "$DB" --query "$A"; then
    same copy-in-a-out "$SCRATCH/out" "$A:25:30-25:241: 211 characters shared with $B:25-25 (15 of 15 fingerprints)
$A:35:9-35:201: 192 characters shared with $B:35-35 (10 of 10 fingerprints)"
fi
if run honest 0 index --corpus "$DB" --query fixtures/corpus/[c-f]-*.md; then
    same honest-out "$SCRATCH/out" ""
    same honest-summary "$SCRATCH/err" "0 passages shared with the corpus"
fi
# The same two regulatory paragraphs shared by two filings alone: flagged
# (frequency cannot tell), until the reference text is indexed.
DB2="$SCRATCH/two.db"
"$FL_BIN" index -q --corpus "$DB2" fixtures/corpus/c-furniture-xiangcheng.md fixtures/corpus/d-electronics-kunshan.md
if run two-flagged 0 index --corpus "$DB2" --query -q fixtures/corpus/c-furniture-xiangcheng.md; then
    [ "$(wc -l <"$SCRATCH/out")" -eq 2 ] && ok two-flagged-2 || fail two-flagged-2 "$(cat "$SCRATCH/out")"
fi
"$FL_BIN" index -q --corpus "$DB2" --boilerplate fixtures/corpus/reference/standard-wording.md
run two-reference 0 index --corpus "$DB2" --query -q fixtures/corpus/c-furniture-xiangcheng.md &&
    same two-reference-out "$SCRATCH/out" ""

# options, and the order of output whatever the thread count
run min-chars 0 index --corpus "$DB" --query -q --min-chars 240 "$B" &&
    same min-chars-out "$SCRATCH/out" "$B:35:9-39:47: 247 characters shared with $A:35-39 (11 of 13 fingerprints)"
run jobs1 0 index --corpus "$DB" --query -q -j1 fixtures/corpus/*.md && cp "$SCRATCH/out" "$SCRATCH/j1"
run jobs4 0 index --corpus "$DB" --query -q -j4 fixtures/corpus/*.md &&
    { cmp -s "$SCRATCH/out" "$SCRATCH/j1" && ok jobs-same-output || fail jobs-same-output "-j1 and -j4 differ"; }
[ "$(wc -l <"$SCRATCH/j1")" -eq 4 ] && ok jobs-four-passages || fail jobs-four-passages "$(cat "$SCRATCH/j1")"

# a copy of a filing's file elsewhere is the same filing (same text)
cp "$B" "$SCRATCH/b-again.md"
run self 0 index --corpus "$DB" --query -q "$SCRATCH/b-again.md" &&
    { grep -q "shared with $B" "$SCRATCH/out" && fail self-not-matched "matched its own text" || ok self-not-matched; }

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all passed"
