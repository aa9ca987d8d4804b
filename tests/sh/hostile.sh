#!/bin/bash
# Hostile and broken inputs: `filinglint dump FILE` must fail cleanly
# and fast, or read a legal file completely. For every case it checks:
#   - the exit status (2 = input could not be read; 0 for the inputs that are legal),
#   - for failures: exactly one line on stderr, starting with "FILE: ", naming the
#     problem with the phrase of checker/core/diag.def given in the table below,
#     and no control character in it (entry names and rels targets are the
#     attacker's: a newline or ESC would forge lines or drive the terminal);
#   - time: every run under `timeout 10` (60 in a sanitizer build, 120 under valgrind);
#   - memory: the peak RSS measured by GNU time (`/usr/bin/time -f '%e %M'`, Debian
#     package `time`) below
#       64 MB for every input that is refused, and for the small legal ones: a bomb
#             must be refused from its headers or its first chunks, before it costs
#             memory (they peak at 7-15 MB; the program alone is about 7 MB);
#       3 x text + 32 MB for the legal big DOCX (docs/performance.md's budget for `check`
#             on huge): 182 MB for the 50 MiB paragraph (it peaks at about 105 MB),
#             41 MB for the million runs (about 21 MB); for the single-file XML ones
#             the file itself on top, since it is read whole and is not compressed:
#             80 MB for long-flat.xml (about 57 MB), 92 MB for long-2003.xml (about 54).
#     The bound is skipped in a sanitizer build (ASan's shadow memory and quarantine
#     inflate RSS) and under valgrind.
# Then `dump GOOD HOSTILE GOOD` must print both good files and exit 2.
# Small inputs are committed in fixtures/hostile/ (fixtures/src/make_hostile.py small);
# the big ones are generated here into a scratch dir (make_hostile.py big).
# Prints one line per case ("ok NAME  1.23 s 12345 KB" / "FAIL: NAME: why"); exits 1
# on any failure.
#
# Valgrind mode (FL_VALGRIND=1; `ctest -C valgrind -L valgrind` runs it as
# sh.hostile_valgrind, which a plain `ctest` leaves out):
# every run is wrapped in `valgrind --error-exitcode=99 --leak-check=full
# --errors-for-leak-kinds=definite,indirect`; exit 99 (a memory error or a leak) fails
# the case with valgrind's report quoted. tests/sh/hostile-valgrind.supp suppresses one
# thing only: PCRE2 JIT's 16-byte loads past the end of a subject. Runs get `timeout 120` instead of 10 and no
# memory bound, and the legal big inputs are made 10 times smaller (5 MiB paragraph,
# 100,000 runs, 1 MiB long-*.xml; the code paths are the same) so that the whole suite
# stays within about a minute on two cores (about two with FL_HOSTILE_SCALE=1, the full
# sizes).
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

: "${FL_BIN:?FL_BIN not set}" "${SRC:?SRC not set}"
case "$FL_BIN" in /*) ;; *) FL_BIN="$PWD/$FL_BIN" ;; esac
H="$SRC/fixtures/hostile"
SCRATCH=$(mktemp -d "${TMPDIR_BASE:-/tmp}/hostile.XXXXXX")
LISTENER=
cleanup() {
    [ -n "$LISTENER" ] && kill "$LISTENER" 2>/dev/null
    rm -rf "$SCRATCH"
}
trap cleanup EXIT
BIG="$SCRATCH/big"
failures=0

VALGRIND=${FL_VALGRIND:-0}
if [ "$VALGRIND" = 1 ]; then
    command -v valgrind >/dev/null || { echo "FAIL: FL_VALGRIND=1 but valgrind is not installed"; exit 1; }
    TIMEOUT=120 SCALE=${FL_HOSTILE_SCALE:-10} MEMCHECK=0
else
    TIMEOUT=10 SCALE=${FL_HOSTILE_SCALE:-1} MEMCHECK=1
fi
# GCC links libasan.so; clang links its runtime in statically
if ldd "$FL_BIN" 2>/dev/null | grep -q 'libasan' || grep -qa '__asan_init' "$FL_BIN"; then
    # and 3-5 times slower: the 10 s bound on time is the plain build's to
    # keep (it runs the same cases); here a run may take up to 60 s, so that a
    # loaded CI machine does not fail the 50 MiB paragraph for being slow
    MEMCHECK=0 TIMEOUT=60
    echo "note: sanitizer build, memory bounds not checked, time bound 60 s"
fi
if [ ! -x /usr/bin/time ]; then
    echo "FAIL: GNU time (/usr/bin/time, Debian package time) is missing"
    exit 1
fi
SMALL_KB=$((64 * 1024))

# file (relative to fixtures/hostile, or big/NAME)   exit   phrase on stderr
CASES='
not-a-zip.docx          2  not a DOCX
legacy.doc              2  legacy Word 97-2003
encrypted.docx          2  password-protected
ole-other.doc           2  OLE compound file
truncated.docx          2  truncated or corrupt ZIP
no-main-part.docx       2  no main document part
main-not-xml.docx       2  malformed XML
dup-entry.docx          2  duplicate ZIP entry name
case-dup.docx           2  duplicate ZIP entry name
xxe.docx                2  DTD in word/document.xml
xxe-net.docx            2  DTD in word/document.xml
xxe-net-rels.docx       2  DTD in _rels/.rels
billion-laughs.docx     2  DTD in
latin1.docx             2  unsupported encoding
empty.docx              2  empty file
empty.txt               2  empty file
overlap-shared.docx     2  truncated or corrupt ZIP: inconsistent central directory
overlap-bomb.docx       2  ZIP limit exceeded: word/header1.xml has a compression ratio over 200:1
overlap-quoted.docx     2  malformed XML in word/header1.xml: line 1: Document is empty
crc-mismatch.docx       2  ZIP entry CRC mismatch in word/document.xml (the file is damaged)
utf16-rels.docx         2  malformed XML in _rels/.rels: invalid UTF-16: 1 unpaired surrogate(s) or stray byte(s)
bad-utf8-rels.docx      2  malformed XML in _rels/.rels: line 2: Input is not proper UTF-8
big/zip-bomb.docx       2  ZIP limit exceeded: word/document.xml inflates to more than 256 MiB
big/ratio-bomb.docx     2  ZIP limit exceeded: word/document.xml has a compression ratio over 200:1
big/many-entries.docx   2  ZIP limit exceeded: more than 10,000 entries
big/quadratic.docx      2  DTD in
big/deep-nesting.docx   2  XML nesting deeper than 256 in word/document.xml
big/deep-styles.docx    2  XML nesting deeper than 256 in word/styles.xml
big/deep-nesting-flat.xml  2  XML nesting deeper than 256 in Flat OPC file
big/deep-nesting-2003.xml  2  XML nesting deeper than 256 in Word 2003 XML
big/dir.docx            2  is a directory
ctrl-dup.docx           2  duplicate ZIP entry name: WORD/A B?[31m.xml
ctrl-target.docx        2  no main document part: word/document forged line.xml is named
budget-bomb.docx        2  ZIP limit exceeded: parts inflate to more than 19 MiB in total, over 100 times the package size
dtd-doc-rels.docx       2  DTD in word/_rels/document.xml.rels
big/styles-bomb.docx    2  file too large: word/styles.xml is over 16 MiB, the most a part read whole may be
../text/textin-undecodable.txt  2  undecodable text: neither UTF-8 (byte 0xC1 on line 1) nor GB18030 (byte 0xFF on line 5)
'
# What the less obvious ones are (make_hostile.py says how each is built):
#   overlap-shared   word/document.xml and word/header1.xml: two central-directory
#                    entries, one local header. libzip's ZIP_CHECKCONS compares each
#                    central entry with its local header, and the names differ.
#   overlap-bomb     David Fifield's overlapping bomb: 20 headers whose deflate streams
#                    quote the next local header and run on into it, over one 32 MiB
#                    kernel. The local headers agree with the central ones, so libzip
#                    opens it; the declared ratio of the first header read stops it.
#   overlap-quoted   the same chain of 200 headers kept under every limit (each under
#                    1 MiB): what a header inflates to starts with the next local
#                    header, which is not XML; nothing but that header's first chunk is
#                    ever inflated. (libzip 1.7.3 offers no entry offsets, so the overlap
#                    itself cannot be detected without parsing the central directory.)
#   crc-mismatch     the CRC-32 of word/document.xml is off by one bit in both headers:
#                    libzip reports it (ZIP_ER_CRC) when the entry has been read to its end.
#   budget-bomb      100 header parts of 0.9 MiB each, every one under the per-part ratio
#                    floor: 90 MiB from a 200 KB package, past the package's budget of
#                    100 times its size (16 MiB at least)
#   styles-bomb      a legal styles.xml of 20 MiB (random style ids keep it under the
#                    ratio and package limits): over the 16 MiB a part read whole into a
#                    DOM may be; libxml2's tree of it would cost about 260 MB
#   dtd-doc-rels     a DTD in word/_rels/document.xml.rels: refused like one in _rels/.rels
#                    (it used to be read past, with the headers it names silently dropped)
#   ctrl-dup, ctrl-target  control characters from the file in what the message
#                    quotes (entry names with a newline and ESC [31m; a rels target with
#                    &#10;): a newline becomes a space, other control bytes '?'.
#   ../text/textin-undecodable.txt  a GBK text with a stray 0xFF and its last character
#                    cut (fixtures/src/make_textin.py): neither UTF-8 nor clean GB18030,
#                    refused rather than linted as mojibake
#   utf16-rels       _rels/.rels in UTF-16 with an unpaired surrogate: a DOM-read part
#                    fails on bad UTF-16, as it does on bad UTF-8 (bad-utf8-rels, whose
#                    libxml2 message spans two lines and must come out as one).
# Legal inputs (exit 0), checked by their own functions below:
#   invalid-utf8.txt   bad bytes become U+FFFD, the good lines around them are read
#   invalid-utf8.docx  the same inside a w:t of a part that declares UTF-8 (docs/architecture.md,
#                      Limits: invalid UTF-8 is replaced by U+FFFD and noted once per file)
#   utf16.docx         every part in UTF-16 (BOM, encoding="UTF-16"): read as it is
#   utf16-surrogate.docx  an unpaired high surrogate in a w:t becomes U+FFFD, noticed
#   utf16-odd.docx     a stray last byte (odd length) is dropped, noticed
#   zip64.docx         ZIP64 everywhere (local and central extra fields, ZIP64 end record)
#   zip64-local.docx   Python zipfile's force_zip64 (the local extra field only)
#   rel-fanout.docx    a thousand header relationships naming one 0.9 MiB header part:
#                      it is read once (it used to be read a thousand times: 2 GB, 57 s)
#   rel-cycle.docx     every story relationship of the main part (and its styles) names
#                      the main part itself, another climbs out of the package, another is
#                      external: the body is read once, as the body (a header
#                      relationship back to it used to read the whole body again)
#   zip-slip.docx      an entry named ../../evil.xml is never used or written; the
#                      package itself is fine, so its text is read (if the reader is
#                      changed to reject such packages, move this case into CASES)
#   big/paragraph-50mb.docx  one w:t of 50 MiB: dump and check finish, the text is whole
#   big/million-runs.docx    1,000,000 one-character runs in one paragraph: the same
#   big/long-flat.xml, big/long-2003.xml  a 12 MiB paragraph in Flat OPC and Word 2003
#                      XML (the 2003 one with a 12 MiB w:binData picture as well): past
#                      libxml2's 10 MB limits on a text node and on one parse call
#   big/utf16-be.docx  UTF-16BE, 100,000 surrogate pairs, every 64 KiB chunk boundary
#                      between the halves of a pair: the text is whole, no notice
#   ../text/textin-form-gbk.txt, textin-form-utf16.txt  a 报告表 saved by Word as GBK
#                      and as UTF-16LE text: read, with the note naming the encoding,
#                      which `check` prints once on stderr
#   big/lone-cr.txt    100,000 lines of 97 bytes ended by a lone CR (old Mac text),
#                      9.7 MB: every line read, in linear time (0.3 s of CPU; a search
#                      for LF per line once made it quadratic, half a terabyte of
#                      scanning); 80 MB, a block per line (it peaks at about 53 MB)
# Known failures, reported as "xfail" until fixed; a pass fails the suite so that the
# line is moved into CASES. (None at the moment.)
XFAIL='
'

fail() { echo "FAIL: $1: $2"; failures=$((failures + 1)); }
# stderr for a message: control characters (newlines too) shown as '?'
shown_err() { head -c 300 "$SCRATCH/err" | LC_ALL=C tr '\000-\037\177' '?'; }
ok() { echo "ok $1  $measured"; }

gen_big() {
    if ! python3 "$SRC/fixtures/src/make_hostile.py" big "$BIG" "$SCALE" 2>"$SCRATCH/gen.err"; then
        fail "generate big inputs" "$(head -c 300 "$SCRATCH/gen.err")"
    fi
}

# run LIMIT_KB ARGS...: runs filinglint ARGS; sets rc and measured ("1.23 s 4567 KB");
# stdout in $SCRATCH/out, stderr in $SCRATCH/err. Returns 1 (after fail) when the run
# hit the timeout, valgrind found an error or a leak, or the memory bound was passed.
run() {
    local limit=$1 name=$2
    shift 2
    rm -f "$SCRATCH/time" "$SCRATCH/vg"
    if [ "$VALGRIND" = 1 ]; then
        timeout "$TIMEOUT" /usr/bin/time -o "$SCRATCH/time" -f '%e %M' \
            valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --suppressions="$SRC/tests/sh/hostile-valgrind.supp" \
            --log-file="$SCRATCH/vg" "$FL_BIN" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
    else
        timeout "$TIMEOUT" /usr/bin/time -o "$SCRATCH/time" -f '%e %M' \
            "$FL_BIN" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
    fi
    rc=$?
    local secs kb
    read -r secs kb < <(tail -n 1 "$SCRATCH/time" 2>/dev/null)
    measured="${secs:-?} s ${kb:-?} KB"
    if [ "$rc" -eq 124 ]; then fail "$name" "did not finish within $TIMEOUT s"; return 1; fi
    if [ "$VALGRIND" = 1 ] && [ "$rc" -eq 99 ]; then
        fail "$name" "valgrind found errors or leaks:
$(head -c 3000 "$SCRATCH/vg")"
        return 1
    fi
    if [ "$MEMCHECK" = 1 ] && [ -n "${kb:-}" ] && [ "$kb" -gt "$limit" ]; then
        fail "$name" "peak RSS $kb KB, over the $limit KB bound"
        return 1
    fi
    return 0
}

# failed_as PATH WANT PHRASE: the last run exited WANT with one clean line naming PATH
# and PHRASE
failed_as() {
    local path=$1 want=$2 phrase=$3 lines first
    if [ "$rc" -ne "$want" ]; then
        echo "exit $rc, want $want (stderr: $(head -c 200 "$SCRATCH/err"))"; return 1
    fi
    lines=$(awk 'END { print NR }' "$SCRATCH/err")
    if [ "$lines" -ne 1 ]; then echo "$lines lines on stderr, want 1: $(shown_err)"; return 1; fi
    first=$(cat "$SCRATCH/err")
    case "$first" in
        "$path: "*) ;;
        *) echo "stderr does not start with '$path: ': $first"; return 1 ;;
    esac
    if LC_ALL=C tr -d '\n' <"$SCRATCH/err" | LC_ALL=C grep -q '[[:cntrl:]]'; then
        echo "control characters in the error line: $(shown_err)"; return 1
    fi
    case "$first" in
        *"$phrase"*) return 0 ;;
        *) echo "stderr lacks '$phrase': $first"; return 1 ;;
    esac
}

case_path() {
    case "$1" in
        big/*) echo "$BIG/${1#big/}" ;;
        *) echo "$H/$1" ;;
    esac
}

# run_table MODE TABLE: each row's dump must fail as the row says. MODE xfail:
# the rows are known failures, and one that now passes fails the suite (move
# it from XFAIL into CASES).
run_table() {
    local mode=$1 table=$2 file want phrase path why as_stated
    while read -r file want phrase; do
        [ -n "$file" ] || continue
        path=$(case_path "$file")
        if [ ! -e "$path" ]; then fail "$file" "input missing: $path"; continue; fi
        run "$SMALL_KB" "$file" dump "$path" || continue
        why=$(failed_as "$path" "$want" "$phrase")
        as_stated=$?
        case "$mode:$as_stated" in
            cases:0) ok "$file" ;;
            cases:*) fail "$file" "$why" ;;
            xfail:0) fail "$file" "now passes (xpass): move it from XFAIL into CASES" ;;
            xfail:*) echo "xfail $file: $why" ;;
        esac
    done <<EOF
$table
EOF
}

# dumped NAME TEXT: the last run exited 0, with nothing on stderr and TEXT in the dump
dumped() {
    if [ "$rc" -ne 0 ]; then echo "exit $rc, want 0 ($(head -c 200 "$SCRATCH/err"))"; return 1; fi
    if [ -s "$SCRATCH/err" ]; then echo "stderr: $(head -c 200 "$SCRATCH/err")"; return 1; fi
    if ! grep -qF -- "$2" "$SCRATCH/out"; then echo "'$2' is missing from the dump"; return 1; fi
    return 0
}

# check_legal FILE TEXT [NOTICE]: exit 0, TEXT in the dump, and NOTICE among its notices
# (or no notice at all when NOTICE is empty)
check_legal() {
    local file=$1 text=$2 notice=${3:-} why
    run "$SMALL_KB" "$file" dump "$H/$file" || return
    if ! why=$(dumped "$file" "$text"); then fail "$file" "$why"; return; fi
    if [ -n "$notice" ] && ! grep -qF -- "$notice" "$SCRATCH/out"; then
        fail "$file" "no notice '$notice': $(sed -n '/^notices:/,/^$/p' "$SCRATCH/out" | head -c 300)"; return
    fi
    if [ -z "$notice" ] && grep -q '^notices:' "$SCRATCH/out"; then
        fail "$file" "unexpected notices: $(sed -n '/^notices:/,/^$/p' "$SCRATCH/out" | head -c 300)"; return
    fi
    ok "$file"
}

# invalid UTF-8 (a .txt filing; a w:t in DOCX): loads, with U+FFFD in place of the bad bytes
check_invalid_utf8() { # NAME TEXT_AFTER_THE_BAD_BYTES
    local why
    run "$SMALL_KB" "$1" dump "$H/$1" || return
    if ! why=$(dumped "$1" "$2"); then fail "$1" "$why"; return; fi
    if ! grep -q $'\xef\xbf\xbd' "$SCRATCH/out"; then fail "$1" "no U+FFFD in the output"; return; fi
    ok "$1"
}

# rel-cycle: the main part named as its own header, footer, notes, comments and styles
# is read once; the text appears on one line of the dump, in the body
check_rel_cycle() {
    local why n
    run "$SMALL_KB" rel-cycle.docx dump "$H/rel-cycle.docx" || return
    if ! why=$(dumped rel-cycle.docx "这是一份用于异常输入测试的正常文档。"); then fail rel-cycle.docx "$why"; return; fi
    n=$(grep -c "这是一份用于异常输入测试的正常文档。" "$SCRATCH/out")
    if [ "$n" -ne 1 ]; then fail rel-cycle.docx "the body text is on $n lines of the dump, want 1"; return; fi
    if ! grep -q '^ *1 body ' "$SCRATCH/out"; then fail rel-cycle.docx "line 1 is not a body block"; return; fi
    ok rel-cycle.docx
}

# zip-slip: the traversal entry is ignored; nothing appears outside (or inside) the cwd
check_zip_slip() {
    local deep="$SCRATCH/slip/a/b" why
    mkdir -p "$deep"
    cd "$deep" || return
    run "$SMALL_KB" zip-slip.docx dump "$H/zip-slip.docx"
    local ran=$?
    cd - >/dev/null || return
    [ "$ran" -eq 0 ] || return
    if [ -n "$(find "$SCRATCH/slip" -name 'evil.xml')" ]; then fail zip-slip.docx "evil.xml was written"; return; fi
    if ! why=$(dumped zip-slip.docx "这是一份用于异常输入测试的正常文档。"); then fail zip-slip.docx "$why"; return; fi
    ok zip-slip.docx
}

# network XXE: a listener on a free local port counts connections while two packages
# whose DTDs and entities point at it (main part by SAX, _rels/.rels by DOM) are read
check_xxe_listener() {
    local net="$SCRATCH/net" port="" i conns
    mkdir -p "$net"
    python3 - "$net" <<'PY' &
import os, socket, sys, time
d = sys.argv[1]
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
s.settimeout(0.1)
with open(os.path.join(d, "port.tmp"), "w") as f:
    f.write(str(s.getsockname()[1]))
os.rename(os.path.join(d, "port.tmp"), os.path.join(d, "port"))
n, end = 0, time.time() + 300
while not os.path.exists(os.path.join(d, "stop")) and time.time() < end:
    try:
        c, _ = s.accept()
        n += 1
        c.close()
    except socket.timeout:
        pass
with open(os.path.join(d, "conns"), "w") as f:
    f.write(str(n))
PY
    LISTENER=$!
    for i in $(seq 50); do [ -s "$net/port" ] && break; sleep 0.1; done
    port=$(cat "$net/port" 2>/dev/null)
    if [ -z "$port" ]; then fail xxe-listener "the listener did not start"; return; fi
    python3 "$SRC/fixtures/src/make_hostile.py" xxe-net "$net" "$port"
    local f why
    for f in xxe-net.docx xxe-net-rels.docx; do
        run "$SMALL_KB" "xxe-listener $f" dump "$net/$f" || continue
        local part=word/document.xml
        [ "$f" = xxe-net-rels.docx ] && part=_rels/.rels
        if why=$(failed_as "$net/$f" 2 "DTD in $part"); then ok "xxe-listener $f"; else fail "xxe-listener $f" "$why"; fi
    done
    touch "$net/stop"
    wait "$LISTENER"
    LISTENER=
    conns=$(cat "$net/conns" 2>/dev/null)
    if [ "$conns" != 0 ]; then fail xxe-listener "${conns:-?} connection(s) to 127.0.0.1:$port"; return; fi
    measured="port $port, 0 connections"
    ok xxe-listener
}

# the legal big ones: dump (JSON, whose text is not cut short) and check both finish
# within the bounds, and the paragraph's text is exactly what was written
check_big_legal() { # FILE LIMIT_KB
    local file=$1 limit=$2 path="$BIG/$1" why
    if [ ! -e "$path" ]; then fail "big/$file" "input missing: $path"; return; fi
    run "$limit" "big/$file dump" dump -f json "$path" || return
    if [ "$rc" -ne 0 ]; then fail "big/$file dump" "exit $rc, want 0 ($(head -c 200 "$SCRATCH/err"))"; return; fi
    if ! why=$(python3 - "$SCRATCH/out" "$path" 2>&1 <<'PY'
import hashlib, json, sys
dump = json.load(open(sys.argv[1], encoding="utf-8"))
if dump.get("notices"):
    sys.exit("notices: %s" % dump["notices"])
blocks = dump["blocks"]
body = [b["text"] for b in blocks if b["part"] == "body"]
if len(body) != 1:
    sys.exit("%d body blocks, want 1" % len(body))
text = body[0].encode("utf-8")
path = sys.argv[2]
try:
    want = open(path + ".txt", encoding="utf-8").read().rstrip("\n").encode("utf-8")
    if text != want:
        sys.exit("text differs: %d bytes, want %d" % (len(text), len(want)))
except FileNotFoundError:
    want = open(path + ".sha256").read().split()[0]
    if hashlib.sha256(text).hexdigest() != want:
        sys.exit("text differs: %d bytes, SHA-256 %s, want %s" % (len(text), hashlib.sha256(text).hexdigest(), want))
PY
    ); then fail "big/$file dump" "$why"; return; fi
    ok "big/$file dump"
    run "$limit" "big/$file check" check --no-progress "$path" || return
    if [ "$rc" -ne 0 ]; then fail "big/$file check" "exit $rc, want 0 ($(head -c 200 "$SCRATCH/err"))"; return; fi
    if ! grep -qx '1 file checked: 0 errors, 0 warnings, 1 info' "$SCRATCH/out"; then
        fail "big/$file check" "summary: $(tail -n 1 "$SCRATCH/out" | head -c 200)"; return
    fi
    ok "big/$file check"
}

# check on a GBK filing: exit 0, and the reading note once on stderr
check_text_note() { # FILE NOTE
    local path="$H/$1"
    run "$SMALL_KB" "$1 check" check --no-progress --no-default-rulesets --ruleset "$SRC/rulesets/filing.xml" "$path" || return
    if [ "$rc" -ne 0 ]; then fail "$1 check" "exit $rc, want 0 ($(shown_err))"; return; fi
    if [ "$(cat "$SCRATCH/err")" != "$path: note: $2" ]; then fail "$1 check" "stderr: $(shown_err)"; return; fi
    ok "$1 check"
}

# a text file of lone-CR line breaks: read whole, within the time bound
check_lone_cr() {
    local n=$((100000 / SCALE)) path="$BIG/lone-cr.txt" last
    python3 -c 'import sys; sys.stdout.buffer.write(("本段正文用于测试只有回车的换行。" * 2 + "\r").encode() * int(sys.argv[1]))' \
        "$n" >"$path" || { fail big/lone-cr.txt "cannot write $path"; return; }
    run $((80 * 1024)) big/lone-cr.txt dump "$path" || return
    if [ "$rc" -ne 0 ]; then fail big/lone-cr.txt "exit $rc, want 0 ($(shown_err))"; return; fi
    last=$(grep -c ' body ' "$SCRATCH/out")
    if [ "$last" -ne "$n" ]; then fail big/lone-cr.txt "$last lines read, want $n"; return; fi
    ok big/lone-cr.txt
}

# good, hostile, good: both good files are dumped, one error line, exit 2
check_mixed_list() {
    local g1="$SRC/fixtures/docx/eia-form-typed.docx" bad="$H/not-a-zip.docx" g2="$SRC/fixtures/docx/soil-plan-npm.docx"
    run "$SMALL_KB" mixed-list dump "$g1" "$bad" "$g2" || return
    if [ "$rc" -ne 2 ]; then fail mixed-list "exit $rc, want 2"; return; fi
    if ! grep -q "苏州恒润精密五金制品有限公司" "$SCRATCH/out"; then fail mixed-list "first good file not dumped"; return; fi
    if ! grep -q "株洲市石峰区原华湘化工厂地块" "$SCRATCH/out"; then fail mixed-list "last good file not dumped"; return; fi
    local lines
    lines=$(awk 'END { print NR }' "$SCRATCH/err")
    if [ "$lines" -ne 1 ]; then fail mixed-list "$lines lines on stderr, want 1"; return; fi
    case "$(cat "$SCRATCH/err")" in
        "$bad: "*"not a DOCX"*) ok mixed-list ;;
        *) fail mixed-list "stderr: $(cat "$SCRATCH/err")" ;;
    esac
}

gen_big
# Bad PDFs, when the build reads PDFs (FL_PDF; fixtures/pdf/make_pdf.py
# writes them): no page tree left, a scan without text, a body that is no
# PDF, a download cut short, a user password, a content stream that
# inflates 500 times (refused before it is interpreted), forms drawing
# forms a million times (the page's drawing calls counted), and the
# fuzzer's mutant of the bomb that inflates to 36 MB of stroked lines, under
# the byte limit but over the page's operators and operands (counted on the
# bytes before the interpreter runs, it was 0.84 s of CPU interpreted).
if "$FL_BIN" help check 2>&1 | grep -q 'walked for .*\.pdf'; then
    CASES="$CASES
pdf-zero-pages.pdf      2  not a readable PDF: it has no pages
pdf-no-text.pdf         2  no text layer (scanned); read it with --ocr
pdf-ocr-noise.pdf       2  no text layer (scanned); read it with --ocr
pdf-damaged.pdf         2  not a readable PDF: no objects found
pdf-truncated.pdf       2  not a readable PDF: it has no pages
pdf-encrypted.pdf       2  encrypted PDF (it opens only with a password)
pdf-content-bomb.pdf    2  not a readable PDF: page 1: content over 64 MiB
pdf-form-fanout.pdf     2  not a readable PDF: page 1: over 1 million drawing operations
../../fuzz/regressions/pdf/content-bomb-mutant-slow.pdf 2 not a readable PDF: page 1: content over 8 million operators and operands
"
fi
run_table cases "$CASES"
run_table xfail "$XFAIL"
check_invalid_utf8 invalid-utf8.txt "最后一行正常"
check_invalid_utf8 invalid-utf8.docx "后文正常"
check_legal utf16.docx "这是一份以UTF-16编码的合法文档。"
check_legal utf16-surrogate.docx "前文"$'\xef\xbf\xbd'"A后文" \
    "invalid UTF-16 in word/document.xml replaced by U+FFFD or dropped (1 code units)"
check_legal utf16-odd.docx "这是一份以UTF-16编码的合法文档。" \
    "invalid UTF-16 in word/document.xml replaced by U+FFFD or dropped (1 code units)"
check_legal zip64.docx "这是一份以ZIP64格式写出的合法文档。"
check_legal zip64-local.docx "这是一份由zipfile以force_zip64写出的合法文档。"
check_legal rel-fanout.docx "页眉文字重复。页眉文字重复。"
check_rel_cycle
check_zip_slip
check_xxe_listener
check_big_legal paragraph-50mb.docx $(((3 * 50 / SCALE + 32) * 1024))
check_big_legal million-runs.docx $(((3 * 3 / SCALE + 32) * 1024))
file_kb() { local b; b=$(stat -c %s "$BIG/$1" 2>/dev/null) || b=0; echo $((b / 1024)); }
check_big_legal long-flat.xml $(((3 * 12 / SCALE + 32) * 1024 + $(file_kb long-flat.xml)))
check_big_legal long-2003.xml $(((3 * 12 / SCALE + 32) * 1024 + $(file_kb long-2003.xml)))
check_big_legal utf16-be.docx "$SMALL_KB"
check_legal ../text/textin-form-gbk.txt "德州恒远新材料科技有限公司" "read as GB18030"
check_legal ../text/textin-form-utf16.txt "德州恒远新材料科技有限公司" "read as UTF-16LE"
check_text_note ../text/textin-form-gbk.txt "read as GB18030"
check_lone_cr
check_mixed_list

if [ "$failures" -ne 0 ]; then
    echo "hostile.sh: $failures failure(s)"
    exit 1
fi
echo "hostile.sh: all passed"
