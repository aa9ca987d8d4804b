#!/bin/bash
# What `check` writes (-o, --write-baseline, --annotate) never destroys what
# it reads, never replaces a device, never fails in silence:
#   - an output path that is an input (named, or a filing in a walked folder),
#     the --baseline, the corpus, or that names an existing document (the
#     output's own name forgotten: "--write-baseline 报批稿.docx 实施方案.docx")
#     is refused before anything is read: exit 2, one line, the file unchanged;
#   - character devices and FIFOs are written through (/dev/null stays a
#     device, as root too), /dev/stdout is standard output; an existing
#     report keeps its mode, a symbolic link stays a link and its target gets
#     the report; a folder is refused;
#   - a full disk (/dev/full) on -o, stdout and --write-baseline is one line
#     naming the file and the OS error, exit 3;
#   - temp files are removed on SIGTERM, SIGINT, SIGHUP (the run held still
#     by a stderr nobody reads) and on SIGXFSZ (ulimit -f), and the process
#     still dies of the signal;
#   - an annotated copy that would replace another input is refused, and a
#     failed copy is counted in JSON's failed_files and named in the text
#     summary; file names on the progress line and in notes are tamed.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u
set -m # background runs keep SIGINT (without job control bash ignores it in them)

. "${SRC:?SRC not set}/tests/lib/common.sh"
W="$SCRATCH/w"
mkdir -p "$W"
cd "$W" || exit 1
NP=(--no-progress --no-config)
RES="$SRC/fixtures/check/residue.md"
DOCX="$SRC/fixtures/docx/eia-form-typed.docx"

# unchanged NAME FILE SUM: FILE still has checksum SUM
sum() { sha256sum <"$1"; }
unchanged() { [ "$(sum "$2")" = "$3" ] && ok "$1" || fail "$1" "$2 was changed"; }

# ---- outputs that would replace what the run reads -----------------------------
cp "$DOCX" 报批稿.docx
cp "$RES" 实施方案.md
d0=$(sum 报批稿.docx) m0=$(sum 实施方案.md)
run wb-forgotten-docx 2 check "${NP[@]}" --write-baseline 报批稿.docx 实施方案.md &&
    err_line wb-forgotten-docx-msg '^filinglint: --write-baseline 报批稿.docx is a Word document .*not a baseline; not writing over it'
unchanged wb-forgotten-docx-kept 报批稿.docx "$d0"
[ ! -s "$SCRATCH/out" ] && ok wb-forgotten-nothing-read || fail wb-forgotten-nothing-read "the run went on"
run wb-forgotten-md 2 check "${NP[@]}" --write-baseline 实施方案.md 报批稿.docx &&
    err_line wb-forgotten-md-msg '^filinglint: --write-baseline 实施方案.md holds no JSON, so no baseline'
unchanged wb-forgotten-md-kept 实施方案.md "$m0"
run o-forgotten-docx 2 check "${NP[@]}" -o 报批稿.docx 实施方案.md &&
    err_line o-forgotten-docx-msg '^filinglint: -o 报批稿.docx is a Word document .*not a report'
unchanged o-forgotten-docx-kept 报批稿.docx "$d0"
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n' >signed.pdf
run o-over-pdf 2 check "${NP[@]}" -o signed.pdf 实施方案.md && err_line o-over-pdf-msg 'signed.pdf is a PDF file, not a report'
run o-is-input 2 check "${NP[@]}" -o 实施方案.md 实施方案.md &&
    err_line o-is-input-msg '^filinglint: -o 实施方案.md is an input of this run; not writing over it$'
unchanged o-is-input-kept 实施方案.md "$m0"
run o-is-input-dotted 2 check "${NP[@]}" -o ./实施方案.md "$W/实施方案.md" && err_line o-is-input-dotted-msg 'is an input'
ln -s 实施方案.md link.md
run o-link-to-input 2 check "${NP[@]}" -o link.md 实施方案.md && err_line o-link-to-input-msg 'link.md is an input'
unchanged o-link-to-input-kept 实施方案.md "$m0"
# a filing in a walked folder; the previous JSON report there is no filing
mkdir -p walked/sub
cp "$RES" walked/sub/a.md
a0=$(sum walked/sub/a.md)
run o-in-walked 2 check "${NP[@]}" -o walked/sub/a.md walked && err_line o-in-walked-msg 'walked/sub/a.md is an input'
unchanged o-in-walked-kept walked/sub/a.md "$a0"
echo '{}' >walked/report.json
run o-beside-walked 1 check "${NP[@]}" -f json -o walked/report.json walked &&
    grep -q '"rule": "DOC001"' walked/report.json && ok o-beside-walked
# a missing input named twice is still the same file
run o-is-missing-input 2 check "${NP[@]}" -o new.md new.md && err_line o-is-missing-input-msg 'new.md is an input'
[ ! -e new.md ] && ok o-is-missing-input-none || fail o-is-missing-input-none "new.md was created"
# the baseline and the corpus the run reads; -o and --write-baseline on one file
"$FL_BIN" check "${NP[@]}" -q --write-baseline known.json 实施方案.md >/dev/null 2>&1
k0=$(sum known.json)
run o-is-baseline 2 check "${NP[@]}" --baseline known.json -o known.json 实施方案.md &&
    err_line o-is-baseline-msg 'known.json is the --baseline this run reads'
unchanged o-is-baseline-kept known.json "$k0"
run wb-refresh 0 check "${NP[@]}" --baseline known.json --write-baseline known.json 实施方案.md && ok wb-refresh
run o-and-wb 2 check "${NP[@]}" -o both.json --write-baseline both.json 实施方案.md &&
    err_line o-and-wb-msg 'both.json is the -o report'
run o-folder 2 check "${NP[@]}" -o walked 实施方案.md && err_line o-folder-msg '^filinglint: cannot write walked: is a folder$'

# ---- devices, FIFOs, modes, links ----------------------------------------------
if [ -c /dev/null ]; then
    run dev-null 1 check "${NP[@]}" -o /dev/null 实施方案.md
    [ -c /dev/null ] && ok dev-null-still-device || fail dev-null-still-device "/dev/null is no longer a character device"
    [ ! -s "$SCRATCH/out" ] && ok dev-null-quiet || fail dev-null-quiet "stdout: $(head -c 200 "$SCRATCH/out")"
fi
run dev-stdout 1 check "${NP[@]}" -o /dev/stdout 实施方案.md &&
    grep -q '\[DOC001\]' "$SCRATCH/out" && ok dev-stdout || fail dev-stdout "no report on stdout"
mkfifo pipe.out
cat pipe.out >from-pipe.txt &
reader=$!
run fifo 1 check "${NP[@]}" -o pipe.out 实施方案.md
wait "$reader"
[ -p pipe.out ] && grep -q '\[DOC001\]' from-pipe.txt && ok fifo || fail fifo "FIFO replaced or nothing read through it"
echo old >private.txt
chmod 600 private.txt
run mode-kept 1 check "${NP[@]}" -o private.txt 实施方案.md
[ "$(stat -c %a private.txt)" = 600 ] && grep -q DOC001 private.txt && ok mode-kept ||
    fail mode-kept "mode $(stat -c %a private.txt)"
mkdir -p reports
echo stale >reports/current.txt
ln -s reports/current.txt latest.txt
run link-kept 1 check "${NP[@]}" -o latest.txt 实施方案.md
[ -L latest.txt ] && grep -q DOC001 reports/current.txt && ok link-kept || fail link-kept "link replaced or target stale"
[ -z "$(ls -A . reports | grep tmp)" ] && ok link-no-temp || fail link-no-temp "$(ls -A . reports)"
ln -s reports/new.txt dangling.txt
run link-dangling 1 check "${NP[@]}" -o dangling.txt 实施方案.md
[ -L dangling.txt ] && grep -q DOC001 reports/new.txt && ok link-dangling || fail link-dangling "target not created"
if [ "$(id -u)" -ne 0 ]; then
    echo keep >locked.txt
    chmod 444 locked.txt
    run read-only 2 check "${NP[@]}" -o locked.txt 实施方案.md && err_line read-only-msg 'locked.txt: Permission denied'
    [ "$(cat locked.txt)" = keep ] && ok read-only-kept || fail read-only-kept "a read-only report was replaced"
fi

# ---- write errors are named ----------------------------------------------------
if [ -c /dev/full ]; then
    run full-o 3 check "${NP[@]}" -o /dev/full 实施方案.md &&
        err_line full-o-msg '^filinglint: cannot write /dev/full: No space left on device$'
    timeout 60 "$FL_BIN" check "${NP[@]}" 实施方案.md >/dev/full 2>"$SCRATCH/err"
    rc=$?
    [ $rc -eq 3 ] && err_line full-stdout '^filinglint: cannot write standard output: No space left on device$' ||
        fail full-stdout "exit $rc"
    run full-baseline 3 check "${NP[@]}" --write-baseline /dev/full 实施方案.md &&
        err_line full-baseline-msg '^filinglint: cannot write /dev/full: No space left on device$'
fi

# ---- signals: the temp file goes, the signal still ends the run ---------------
mkdir -p big
for i in $(seq 1 300); do cp "$RES" "big/f$i.md"; done
(ulimit -f 8; exec "$FL_BIN" check "${NP[@]}" -o big-report.txt big >/dev/null 2>&1)
rc=$?
[ $rc -eq $((128 + 25)) ] && ok xfsz-signal || fail xfsz-signal "exit $rc, want $((128 + 25)) (SIGXFSZ)"
[ -z "$(ls -A | grep -E 'big-report')" ] && ok xfsz-no-temp || fail xfsz-no-temp "left: $(ls -A | grep big-report)"

# Thousands of missing files give stderr lines; with stderr a FIFO that is
# opened but never read, the run blocks mid-way with its temp file open.
missing=()
for i in $(seq 1 4000); do missing+=("no-such-filing-with-a-long-enough-name-$i.md"); done
for sig in TERM INT HUP; do
    rm -f held.err && mkfifo held.err
    "$FL_BIN" check "${NP[@]}" -j1 -o held-$sig.txt --write-baseline held-$sig.json "${missing[@]}" 实施方案.md 2>held.err &
    pid=$!
    exec 7<held.err
    for _ in $(seq 1 200); do [ -n "$(ls -A | grep "held-$sig.json.tmp")" ] && break; sleep 0.1; done
    [ -n "$(ls -A | grep "held-$sig.txt.tmp")" ] || fail "sig$sig-temp" "no temp file while held: $(ls -A | grep held)"
    kill -"$sig" "$pid"
    wait "$pid"
    rc=$?
    exec 7<&-
    want=$((128 + $(kill -l "$sig")))
    [ $rc -eq $want ] && ok "sig$sig-exit" || fail "sig$sig-exit" "exit $rc, want $want"
    [ -z "$(ls -A | grep "held-$sig")" ] && ok "sig$sig-no-temp" || fail "sig$sig-no-temp" "left: $(ls -A | grep held)"
done

# ---- annotated copies ----------------------------------------------------------
mkdir -p a b copies
cp "$DOCX" a/报告.docx
cp "$SRC/fixtures/docx/eia-pp-lo.docx" b/报告.docx
b0=$(sum b/报告.docx)
# a/报告.docx's copy would be b/报告.docx, the other input, not yet read
run copy-over-input 2 check "${NP[@]}" --annotate b a/报告.docx b/报告.docx
unchanged copy-over-input-kept b/报告.docx "$b0"
grep -q "^a/报告.docx: cannot write the annotated copy: b/报告.docx is an input of this run" "$SCRATCH/err" &&
    ok copy-over-input-msg || fail copy-over-input-msg "$(cat "$SCRATCH/err")"
[ -f b/报告-2.docx ] && ok copy-over-input-other || fail copy-over-input-other "the other copy was not written"
# a copy that cannot be written (a folder in its place) is a failed file
mkdir -p copies/eia-form-typed.docx
run copy-failed 2 check "${NP[@]}" -f json --annotate copies "$DOCX"
python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; sys.exit(s['failed_files'] != 1 or s['files'] != 1)" \
    "$SCRATCH/out" && ok copy-failed-json || fail copy-failed-json "$(grep -A6 summary "$SCRATCH/out")"
run copy-failed-text 2 check "${NP[@]}" --annotate copies "$DOCX"
tail -1 "$SCRATCH/out" | grep -q "^1 file checked: .*; 1 annotated copy could not be written$" && ok copy-failed-summary ||
    fail copy-failed-summary "$(tail -1 "$SCRATCH/out")"
err_line copy-failed-line "eia-form-typed.docx: cannot write the annotated copy: copies/eia-form-typed.docx: is a folder"

# ---- file names shown tamed ------------------------------------------------------
evil=$'x\033[31m\u202e'
mkdir -p "n1" "n2" tamed
cp "$DOCX" "n1/$evil.docx"
cp "$DOCX" "n2/$evil.docx"
run copy-note 0 check --no-config --annotate tamed "n1/$evil.docx" "n2/$evil.docx"
if grep -q $'\033' "$SCRATCH/err"; then fail copy-note-tamed "raw ESC on stderr"
else grep -q 'annotated copy written as x?\[31m\\u202e-2.docx' "$SCRATCH/err" && ok copy-note-tamed ||
    fail copy-note-tamed "$(cat "$SCRATCH/err")"; fi
if command -v script >/dev/null; then
    # the progress line shows on a terminal only: script(1) gives one
    # script(1) runs the command with $SHELL, which may be dash on a CI machine:
    # names go through the environment, never through shell quoting
    printf '%s\n' 'exec "$FL_BIN" check --no-config "n1/$evil.docx" "n2/$evil.docx" 2>&1 >/dev/null' >tty-run.sh
    FL_BIN="$FL_BIN" evil="$evil" SHELL=/bin/sh script -qec "sh ./tty-run.sh" /dev/null >tty.txt
    if grep -q $'\033\\[31m' tty.txt; then fail progress-tamed "raw ESC [31m on the progress line"
    elif grep -q '\[2/2\] n2/x?\[31m\\u202e.docx' tty.txt; then ok progress-tamed
    else fail progress-tamed "no progress line: $(cat -v tty.txt | head -c 300)"; fi
fi

finish
