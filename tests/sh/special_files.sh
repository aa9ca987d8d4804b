#!/bin/bash
# Special files and link fans never hang a run or multiply its work:
#   - a FIFO named as an input (check, dump, index) or as a baseline is refused
#     with one line naming it, exit 2, and the other inputs are still read;
#   - a FIFO inside a walked folder is skipped (it used to block forever);
#   - a fan of symbolic links (16 levels, two links to the level below at each)
#     that reaches one folder 65,536 ways is walked once: its filing is linted
#     once, quickly (it used to take 2^16 visits).
# Every run is under `timeout 20`: a hang fails the case instead of the suite.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1

GOOD=fixtures/check/residue.md
PIPE="$SCRATCH/pipe.txt"
mkfifo "$PIPE" || { echo "FAIL: mkfifo unavailable"; exit 1; }

# name want args...: like common.sh's run, with a 20 s bound that tells a hang
rn() {
    local name=$1 want=$2
    shift 2
    timeout 20 "$FL_BIN" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
    local rc=$?
    if [ "$rc" -eq 124 ]; then fail "$name" "did not finish within 20 s (blocked?)"; return 1; fi
    if [ "$rc" -ne "$want" ]; then
        fail "$name" "exit $rc, want $want (stderr: $(head -c 300 "$SCRATCH/err"))"; return 1
    fi
    return 0
}

# one_line NAME PATH PHRASE: stderr is one line naming PATH and PHRASE
one_line() {
    local lines
    lines=$(awk 'END { print NR }' "$SCRATCH/err")
    if [ "$lines" -ne 1 ]; then fail "$1" "$lines lines on stderr, want 1: $(head -c 300 "$SCRATCH/err")"; return; fi
    case "$(cat "$SCRATCH/err")" in
        "$2: "*"$3"*) ok "$1" ;;
        *) fail "$1" "stderr: $(cat "$SCRATCH/err")" ;;
    esac
}

rn check-fifo-arg 2 check --no-progress "$PIPE" "$GOOD" && {
    one_line check-fifo-arg "$PIPE" "not a regular file (a FIFO)"
    grep -q "residue.md" "$SCRATCH/out" || fail check-fifo-arg-others "the other input was not linted"
}
rn dump-fifo-arg 2 dump "$PIPE" && one_line dump-fifo-arg "$PIPE" "not a regular file (a FIFO)"
rn index-fifo-arg 2 index --corpus "$SCRATCH/c.db" "$PIPE" && one_line index-fifo-arg "$PIPE" "not a regular file"
rn baseline-fifo 2 check --no-progress --baseline "$PIPE" "$GOOD" &&
    one_line baseline-fifo "$PIPE" "not a regular file"

mkdir -p "$SCRATCH/walk/sub"
cp "$GOOD" "$SCRATCH/walk/sub/"
mkfifo "$SCRATCH/walk/sub/blocked.txt"
if rn walk-fifo 1 check --no-progress -f jsonl "$SCRATCH/walk"; then
    if grep -q "blocked.txt" "$SCRATCH/out" "$SCRATCH/err"; then fail walk-fifo "the FIFO was read"
    elif grep -q "residue.md" "$SCRATCH/out"; then ok walk-fifo
    else fail walk-fifo "the filing beside the FIFO was not linted"; fi
fi

# the fan: level i holds links a and b to level i-1; level 0 holds the filing
F="$SCRATCH/fan"
mkdir -p "$F/d0"
cp "$GOOD" "$F/d0/"
for i in $(seq 1 16); do
    mkdir "$F/d$i"
    ln -s "../d$((i - 1))" "$F/d$i/a"
    ln -s "../d$((i - 1))" "$F/d$i/b"
done
if rn symlink-fan 1 check --no-progress -f jsonl "$F/d16"; then
    paths=$(python3 -c 'import json,sys; print(len({json.loads(l)["path"] for l in open(sys.argv[1]) if l.strip()}))' "$SCRATCH/out")
    if [ "$paths" = 1 ]; then ok symlink-fan; else fail symlink-fan "$paths files linted, want 1"; fi
fi
finish
