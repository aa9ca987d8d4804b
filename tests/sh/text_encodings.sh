#!/bin/bash
# One filing, every encoding Chinese Windows and Word write plain text in:
# UTF-8 with and without a byte order mark, GBK (CP936), GB18030, UTF-16LE
# and UTF-16BE with and without a byte order mark. Each must give exactly the
# findings of the UTF-8 file (same rules, lines, columns, messages), with one
# note naming the encoding where it is not UTF-8; UTF-32 and bytes that
# decode as none of them are refused with one line and exit 2, never linted
# as mojibake (the GBK file used to lose most of its findings to a note, the
# BOM-less UTF-16 one to report a false "clean").
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1

SAMPLE=samples/eia-form-sample.md
python3 - "$SAMPLE" "$SCRATCH" <<'PY'
import os, sys
text = open(sys.argv[1], encoding="utf-8").read().replace("\n", "\r\n")  # Notepad's line ends
text = text.replace("☑", "√")  # GBK has no ☑; forms typed in GBK tick with √
out = sys.argv[2]
def w(name, data):
    open(os.path.join(out, name), "wb").write(data)
w("utf8.md", text.encode("utf-8"))
w("utf8-bom.md", b"\xef\xbb\xbf" + text.encode("utf-8"))
w("gbk.md", text.encode("gbk"))
w("gb18030.md", text.encode("gb18030"))
w("utf16le-bom.md", b"\xff\xfe" + text.encode("utf-16-le"))
w("utf16be-bom.md", b"\xfe\xff" + text.encode("utf-16-be"))
w("utf16le.md", text.encode("utf-16-le"))
w("utf16be.md", text.encode("utf-16-be"))
w("utf32.md", b"\xff\xfe\x00\x00" + text.encode("utf-32-le"))
w("broken.md", text.encode("utf-8")[:300] + b"\xff\xfe\xfd\x80\x81" * 40 + text.encode("gbk")[300:])
PY

# findings as "line:column rule message" lines, from JSON Lines
findings() {
    python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    f = json.loads(l)
    if "rule" in f: print(f["location"]["line"], f["location"]["column"], f["rule"], f["message"])' "$1"
}

timeout 60 "$FL_BIN" check --no-progress -f jsonl --fail-on never "$SCRATCH/utf8.md" >"$SCRATCH/utf8.jsonl" 2>"$SCRATCH/utf8.err"
findings "$SCRATCH/utf8.jsonl" >"$SCRATCH/want"
[ "$(wc -l <"$SCRATCH/want")" -ge 8 ] || fail setup "the UTF-8 sample gave too few findings: $(cat "$SCRATCH/want")"

for case in utf8-bom:"" gbk:GB18030 gb18030:GB18030 utf16le-bom:UTF-16LE utf16be-bom:UTF-16BE utf16le:UTF-16LE utf16be:UTF-16BE; do
    name=${case%%:*} enc=${case#*:}
    timeout 60 "$FL_BIN" check --no-progress -f jsonl --fail-on never "$SCRATCH/$name.md" \
        >"$SCRATCH/$name.jsonl" 2>"$SCRATCH/$name.err"
    rc=$?
    if [ "$rc" -ne 0 ]; then fail "$name" "exit $rc: $(head -c 300 "$SCRATCH/$name.err")"; continue; fi
    timeout 60 "$FL_BIN" check --no-progress -f jsonl --fail-on never "$SCRATCH/$name.md" \
        >"$SCRATCH/$name.jsonl" 2>/dev/null
    findings "$SCRATCH/$name.jsonl" >"$SCRATCH/got"
    if ! diff -q "$SCRATCH/want" "$SCRATCH/got" >/dev/null; then
        fail "$name" "findings differ from UTF-8: $(diff "$SCRATCH/want" "$SCRATCH/got" | head -5)"; continue
    fi
    if [ -n "$enc" ] && ! grep -q "$enc" "$SCRATCH/$name.err"; then
        fail "$name" "no note naming $enc: $(head -c 300 "$SCRATCH/$name.err")"; continue
    fi
    if [ -z "$enc" ] && [ -s "$SCRATCH/$name.err" ]; then fail "$name" "a note for UTF-8: $(cat "$SCRATCH/$name.err")"; continue; fi
    ok "$name"
done

for name in utf32 broken; do
    timeout 60 "$FL_BIN" check --no-progress "$SCRATCH/$name.md" >"$SCRATCH/out" 2>"$SCRATCH/err"
    rc=$?
    lines=$(awk 'END { print NR }' "$SCRATCH/err")
    if [ "$rc" -ne 2 ] || [ "$lines" -ne 1 ]; then
        fail "$name" "exit $rc, $lines stderr lines, want exit 2 and one line: $(head -c 300 "$SCRATCH/err")"
    elif grep -q "DOC001\|EIA" "$SCRATCH/out"; then fail "$name" "linted anyway: $(head -c 200 "$SCRATCH/out")"
    else ok "$name"; fi
done
finish
