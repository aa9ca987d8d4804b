#!/bin/bash
# A copy-check corpus shared by a team:
#   - two `index` runs started together on a new database both succeed (the
#     switch to WAL used to fail one in seven runs with "database is locked");
#   - a corpus another user built, which we may only read, can be checked
#     against (it used to fail with "attempt to write a readonly database"),
#     and reading it leaves no -wal/-shm files that would lock its owner out;
#   - index refuses a foreign SQLite database without switching it to WAL.
# The other-user case runs the reader as nobody with setpriv (util-linux);
# it is skipped, with a line saying so, when the test does not run as root.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1

CORPUS="fixtures/corpus/a-plastics-wuzhong.md fixtures/corpus/c-furniture-xiangcheng.md fixtures/corpus/d-electronics-kunshan.md"
B=fixtures/corpus/b-plastics-wujin.md

# two indexers at once, twenty times over
bad=0
for i in $(seq 1 20); do
    db="$SCRATCH/race$i.db"
    timeout 120 "$FL_BIN" index -q --corpus "$db" $CORPUS 2>"$SCRATCH/r1.err" &
    p1=$!
    timeout 120 "$FL_BIN" index -q --corpus "$db" $CORPUS 2>"$SCRATCH/r2.err" &
    p2=$!
    wait "$p1" || { bad=$((bad + 1)); cat "$SCRATCH/r1.err"; }
    wait "$p2" || { bad=$((bad + 1)); cat "$SCRATCH/r2.err"; }
done
[ "$bad" -eq 0 ] && ok concurrent-index || fail concurrent-index "$bad of 40 runs failed"

# a foreign database is refused untouched (header bytes 18-19: 1 rollback journal, 2 WAL)
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("create table t(x)"); c.commit()' "$SCRATCH/foreign.db"
if run foreign 2 index --corpus "$SCRATCH/foreign.db" $CORPUS; then
    mode=$(od -An -tu1 -j18 -N2 "$SCRATCH/foreign.db" | tr -s ' ')
    [ "$mode" = " 1 1" ] && ok foreign || fail foreign "journal mode bytes '$mode': switched to WAL"
fi

# a corpus of another user, read-only to us
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
    echo "skip shared-read-only: needs root and setpriv to read as another user"
    finish
fi
# Another user must reach everything it runs and reads, and the build tree
# may sit in a folder only its owner can enter (a clone in a mktemp -d
# folder is 0700): the share, the filing, the binary and the rulesets go
# into a folder of their own under /tmp that anyone may enter.
OPEN=$(mktemp -d "${TMPDIR:-/tmp}/fl-share.XXXXXX") || { fail share-setup "mktemp failed"; finish; }
trap 'rm -rf "$SCRATCH" "$OPEN"' EXIT
SHARE="$OPEN/share"
mkdir -p "$SHARE"
"$FL_BIN" index -q --corpus "$SHARE/team.db" $CORPUS || fail share-setup "index failed"
cp "$FL_BIN" "$OPEN/filinglint" && cp -r "$SRC/rulesets" "$OPEN/rulesets" && cp "$B" "$OPEN/b.md"
chmod -R a+rX "$OPEN" && chmod 755 "$SHARE" && chmod 644 "$SHARE/team.db"
timeout 120 env FILINGLINT_RULESETS="$OPEN/rulesets" setpriv --reuid=65534 --regid=65534 --clear-groups \
    "$OPEN/filinglint" check --no-progress --corpus "$SHARE/team.db" -f jsonl --fail-on warning --select EIA303 "$OPEN/b.md" \
    >"$SCRATCH/out" 2>"$SCRATCH/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q EIA303 "$SCRATCH/out"; then ok shared-read-only
else fail shared-read-only "exit $rc: $(head -c 300 "$SCRATCH/err")"; fi
left=$(ls "$SHARE" | grep -v '^team.db$')
[ -z "$left" ] && ok no-reader-files || fail no-reader-files "left beside the corpus: $left"
run owner-index-after 0 index -q --corpus "$SHARE/team.db" "$B" && ok owner-index-after
finish
