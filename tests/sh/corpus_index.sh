#!/bin/bash
# `filinglint index --corpus DB PATH...` (checker/corpus/README.md): building a corpus
# from fixtures/corpus/, re-indexing (unchanged files are recognised, a
# changed file replaces its rows), folders and --boilerplate reference
# texts, --list, an unreadable input among good ones (exit 2, the rest is
# indexed), usage errors, a database that is not a corpus or was built with
# other parameters, and queries that run while an indexer writes (WAL).
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1


contains() { grep -qF -- "$3" "$2" && ok "$1" || fail "$1" "no '$3' in: $(head -c 600 "$2")"; }

if ! "$FL_BIN" index --help 2>&1 | grep -q "filinglint index --corpus DB"; then
    echo "FAIL: filinglint has no 'index' command: add {\"index\", fl_cmd_index, ...} to checker/main.c"
    exit 1
fi

DB="$SCRATCH/c.db"
FILINGS=(fixtures/corpus/a-plastics-wuzhong.md fixtures/corpus/b-plastics-wujin.md
         fixtures/corpus/c-furniture-xiangcheng.md fixtures/corpus/d-electronics-kunshan.md
         fixtures/corpus/e-food-taicang.md fixtures/corpus/f-coating-wujiang.md)

# ---- a new corpus, then the same files again ---------------------------------
if run index-new 0 index --corpus "$DB" "${FILINGS[@]}"; then
    same index-new-summary "$SCRATCH/out" \
        "$DB: 6 added, 0 replaced, 0 unchanged, 0 failed; 6 filings, 0 boilerplate, 438 fingerprints, 0.0 MB"
fi
if run index-again 0 index --corpus "$DB" "${FILINGS[@]}"; then
    contains index-again-unchanged "$SCRATCH/out" ": 0 added, 0 replaced, 6 unchanged, 0 failed; 6 filings"
fi
if run list 0 index --corpus "$DB" --list; then
    cut -f1,2,4 "$SCRATCH/out" >"$SCRATCH/names"
    same list-rows "$SCRATCH/names" "fixtures/corpus/a-plastics-wuzhong.md	filing	77 fingerprints
fixtures/corpus/b-plastics-wujin.md	filing	77 fingerprints
fixtures/corpus/c-furniture-xiangcheng.md	filing	71 fingerprints
fixtures/corpus/d-electronics-kunshan.md	filing	70 fingerprints
fixtures/corpus/e-food-taicang.md	filing	75 fingerprints
fixtures/corpus/f-coating-wujiang.md	filing	68 fingerprints"
fi

# ---- a changed file replaces its rows ------------------------------------------
W="$SCRATCH/w"
mkdir -p "$W"
# a's text filed by another 建设单位: another filing (the same 建设单位 and
# text would be a copy of a, not compared: tests/sh/corpus_copies.sh)
sed 's/^建设单位（盖章）：苏州市恒泰新材料有限公司$/建设单位（盖章）：苏州市恒远塑业有限公司/' \
    fixtures/corpus/a-plastics-wuzhong.md >"$W/a.md"
run add-copy 0 index --corpus "$DB" "$W/a.md" && contains add-copy-added "$SCRATCH/out" ": 1 added, 0 replaced"
run query-both 0 index --corpus "$DB" --query -q fixtures/corpus/b-plastics-wujin.md &&
    contains query-sees-copy "$SCRATCH/out" "characters shared with $W/a.md:25-25"
# same text, new timestamp: read again, recognised as unchanged
touch -d '2001-01-01' "$W/a.md"
run touch-unchanged 0 index --corpus "$DB" "$W/a.md" && contains touch-unchanged-out "$SCRATCH/out" ": 0 added, 0 replaced, 1 unchanged"
cp fixtures/corpus/c-furniture-xiangcheng.md "$W/a.md"
run replace 0 index --corpus "$DB" "$W/a.md" && contains replace-out "$SCRATCH/out" ": 0 added, 1 replaced, 0 unchanged, 0 failed; 7 filings"
if run query-after-replace 0 index --corpus "$DB" --query -q fixtures/corpus/b-plastics-wujin.md; then
    if grep -qF "$W/a.md" "$SCRATCH/out"; then fail query-after-replace-gone "the replaced text still matches"; else ok query-after-replace-gone; fi
    contains query-after-replace-original "$SCRATCH/out" "characters shared with fixtures/corpus/a-plastics-wuzhong.md:25-25"
fi
# the same file named another way is the same filing
run other-spelling 0 index --corpus "$DB" "$W/../w/a.md" && contains other-spelling-out "$SCRATCH/out" ": 0 added, 0 replaced, 1 unchanged"

# ---- folders and boilerplate references ---------------------------------------
if run boilerplate 0 index --corpus "$DB" --boilerplate fixtures/corpus/reference; then
    contains boilerplate-out "$SCRATCH/out" ": 1 added, 0 replaced, 0 unchanged, 0 failed; 7 filings, 1 boilerplate"
fi
run list-kind 0 index --corpus "$DB" --list && contains list-kind-out "$SCRATCH/out" "fixtures/corpus/reference/standard-wording.md	boilerplate	"

# ---- an unreadable input among good ones -----------------------------------------
DB2="$SCRATCH/c2.db"
if run unreadable 2 index --corpus "$DB2" fixtures/corpus/a-plastics-wuzhong.md "$SCRATCH/missing.md" fixtures/corpus/e-food-taicang.md; then
    contains unreadable-summary "$SCRATCH/out" ": 2 added, 0 replaced, 0 unchanged, 1 failed; 2 filings"
    contains unreadable-stderr "$SCRATCH/err" "$SCRATCH/missing.md: "
fi

# ---- usage and database errors ---------------------------------------------------
run no-corpus 2 index fixtures/corpus/a-plastics-wuzhong.md && contains no-corpus-msg "$SCRATCH/err" "index needs --corpus DB"
run no-inputs 2 index --corpus "$DB" && contains no-inputs-msg "$SCRATCH/err" "no input files"
run bad-gram 2 index --corpus "$SCRATCH/x.db" --gram 0 fixtures/corpus && contains bad-gram-msg "$SCRATCH/err" "--gram wants a number from 1 to 64"
run query-boilerplate 2 index --corpus "$DB" --query --boilerplate fixtures/corpus
run other-params 2 index --corpus "$DB" --gram 7 fixtures/corpus/a-plastics-wuzhong.md &&
    contains other-params-msg "$SCRATCH/err" "built with gram 10 and window 24"
printf '项目名称：不是数据库\n' >"$SCRATCH/text.db"
for i in $(seq 50); do printf '这是一份报告表的正文内容，用来充满一个页面。\n' >>"$SCRATCH/text.db"; done
run not-a-db 2 index --corpus "$SCRATCH/text.db" fixtures/corpus/a-plastics-wuzhong.md &&
    contains not-a-db-msg "$SCRATCH/err" "$SCRATCH/text.db: corpus database: "
run query-missing-db 2 index --corpus "$SCRATCH/none.db" --query fixtures/corpus/a-plastics-wuzhong.md &&
    contains query-missing-db-msg "$SCRATCH/err" "cannot open"
[ -e "$SCRATCH/none.db" ] && fail query-missing-db-created "a query created the database" || ok query-missing-db-not-created

# ---- readers while an indexer writes ----------------------------------------------
G="$SCRATCH/gen"
if python3 "$SRC/bench/gen_corpus.py" --count 60 --chars 20000 --copiers 3 --jobs 1 --out "$G" >/dev/null; then
    DB3="$SCRATCH/c3.db"
    "$FL_BIN" index -q --corpus "$DB3" "${FILINGS[@]}" || fail concurrent-setup "index failed"
    "$FL_BIN" index -q -j1 --corpus "$DB3" "$G" >"$SCRATCH/bg.out" 2>"$SCRATCH/bg.err" &
    bg=$!
    queries=0 qfail=0
    while kill -0 "$bg" 2>/dev/null && [ "$queries" -lt 200 ]; do
        if "$FL_BIN" index -q --corpus "$DB3" --query fixtures/corpus/b-plastics-wujin.md >"$SCRATCH/q.out" 2>"$SCRATCH/q.err"; then
            grep -q "fixtures/corpus/a-plastics-wuzhong.md:25-25" "$SCRATCH/q.out" || qfail=$((qfail + 1))
        else
            qfail=$((qfail + 1))
            echo "query failed: $(cat "$SCRATCH/q.err")"
        fi
        queries=$((queries + 1))
    done
    wait "$bg"
    brc=$?
    [ "$brc" -eq 0 ] && ok concurrent-indexer || fail concurrent-indexer "exit $brc: $(head -c 300 "$SCRATCH/bg.err")"
    [ "$queries" -gt 0 ] && [ "$qfail" -eq 0 ] && ok "concurrent-readers ($queries queries)" ||
        fail concurrent-readers "$qfail of $queries queries failed"
    run concurrent-count 0 index --corpus "$DB3" --list
    [ "$(wc -l <"$SCRATCH/out")" -eq 66 ] && ok concurrent-count-66 || fail concurrent-count-66 "$(wc -l <"$SCRATCH/out") documents"
else
    fail concurrent-generate "bench/gen_corpus.py failed"
fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all passed"
