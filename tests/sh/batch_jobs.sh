#!/bin/bash
# Batch runs (docs/batch.md): -j1 and -j4 give byte-identical output (every
# format, stdout and stderr, but for the record of the run that SARIF and
# HTML keep) on a folder of fixtures, in sorted path order;
# one unreadable file among good ones is one stderr line plus a status-error
# record and exit 2 while the rest is linted; reading notices are printed
# once per file (not with -q); findings that wait for their folder's doc
# types (unless_sibling) come out right whatever the thread count, also
# when the folder is larger than the pool's window; the progress line shows
# on a TTY only.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1


# name  expected-exit  out-prefix  filinglint-args...   (stdout -> PREFIX.out, stderr -> PREFIX.err)
run() {
    local name=$1 want=$2 prefix=$3
    shift 3
    timeout 120 "$FL_BIN" "$@" >"$prefix.out" 2>"$prefix.err"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$name" "exit $rc, want $want (stderr: $(head -c 300 "$prefix.err"))"
        return 1
    fi
    return 0
}

# ---- -j1 and -j4 byte-identical, every format --------------------------------
FOLDERS="fixtures/docx fixtures/xml fixtures/text fixtures/check fixtures/batch fixtures/hostile"
FORMATS="text json jsonl sarif"
# html reads the documents too (kept or read again at their turn)
"$FL_BIN" check -q -f html fixtures/check/clean.md >/dev/null 2>&1
[ $? -ne 2 ] && FORMATS="$FORMATS html"
# The record of the run that SARIF and HTML keep (command line, start and end
# time) differs between the two runs by its very nature: left out of the
# comparison.
strip_run() { # fmt file
    case $1 in
    sarif) python3 -c 'import json, sys
log = json.load(open(sys.argv[1]))
for k in ("commandLine", "arguments", "startTimeUtc", "endTimeUtc"): log["runs"][0]["invocations"][0].pop(k, None)
json.dump(log, open(sys.argv[1], "w"), ensure_ascii=False, indent=1)' "$2" ;;
    html) grep -v 'class="run-varies"' "$2" >"$2.tmp" && mv "$2.tmp" "$2" ;;
    esac
}
for fmt in $FORMATS; do
    run "jobs-$fmt-j1" 2 "$SCRATCH/j1.$fmt" check -f "$fmt" -j1 $FOLDERS || continue
    run "jobs-$fmt-j4" 2 "$SCRATCH/j4.$fmt" check -f "$fmt" -j4 $FOLDERS || continue
    strip_run "$fmt" "$SCRATCH/j1.$fmt.out"
    strip_run "$fmt" "$SCRATCH/j4.$fmt.out"
    if ! cmp -s "$SCRATCH/j1.$fmt.out" "$SCRATCH/j4.$fmt.out"; then
        fail "jobs-$fmt" "stdout differs between -j1 and -j4: $(diff "$SCRATCH/j1.$fmt.out" "$SCRATCH/j4.$fmt.out" | head -5)"
    elif ! cmp -s "$SCRATCH/j1.$fmt.err" "$SCRATCH/j4.$fmt.err"; then
        fail "jobs-$fmt-stderr" "stderr differs between -j1 and -j4"
    else
        ok "jobs-$fmt"
    fi
done

# Sorted path order: the files of the JSON report are each folder's walk,
# in the order of the arguments, sorted within each.
# a build with the PDF reader (FL_PDF) walks .pdf files too
PDF_READ=$("$FL_BIN" help check 2>&1 | grep -c 'walked for .*\.pdf') \
python3 - "$SCRATCH/j1.json.out" $FOLDERS <<'EOF' && ok jobs-sorted || fail jobs-sorted "files not in sorted path order"
import json, os, sys
got = [f["path"] for f in json.load(open(sys.argv[1]))["files"]]
want = []
exts = (".docx", ".docm", ".xml", ".txt", ".md") + ((".pdf",) if os.environ.get("PDF_READ") == "1" else ())
for top in sys.argv[2:]:
    found = []
    for d, dirs, files in os.walk(top):
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        for f in files:
            if f.startswith(".") or f.startswith("~$") or not f.lower().endswith(exts):
                continue
            p = os.path.join(d, f)
            if p.endswith(".xml"):
                head = open(p, "rb").read(8192)
                if b"office/2006/xmlPackage" not in head and b"office/word/2003/wordml" not in head:
                    continue
            found.append(p)
    want += sorted(found, key=lambda p: p.split("/"))
if got != want:
    print("got ", got[:8]); print("want", want[:8]); sys.exit(1)
EOF

# ---- a broken file among good ones -------------------------------------------
B="$SCRATCH/broken"
mkdir -p "$B/sub"
cp fixtures/check/residue.md "$B/a.md"
cp fixtures/hostile/not-a-zip.docx "$B/b.docx"
cp fixtures/check/clean.md "$B/c.md"
cp fixtures/docx/eia-pp-lo.docx "$B/sub/d.docx"
if run broken-text 2 "$SCRATCH/br" check -j2 "$B"; then
    [ "$(wc -l <"$SCRATCH/br.err")" -eq 1 ] && grep -qx "$B/b.docx: not a DOCX (no ZIP signature); a .doc file? save it as .docx" "$SCRATCH/br.err" \
        || fail broken-stderr "want one stderr line, got: $(cat "$SCRATCH/br.err")"
    grep -q "^$B/a.md:6:6: error: .*\[DOC001\]" "$SCRATCH/br.out" || fail broken-before "file before the broken one not linted"
    grep -q "^$B/sub/d.docx:[0-9]*:[0-9]*: warning: .*\[DOC002\]" "$SCRATCH/br.out" || fail broken-after "file after the broken one not linted"
    grep -qx "3 files checked: [0-9]* errors, [0-9]* warnings, [0-9]* info; 1 file could not be read" "$SCRATCH/br.out" \
        || fail broken-summary "$(tail -1 "$SCRATCH/br.out")"
    ok broken-text
fi
if run broken-json 2 "$SCRATCH/brj" check -f json -j4 "$B"; then
    python3 - "$SCRATCH/brj.out" "$B" <<'EOF' && ok broken-json || fail broken-json "status records wrong"
import json, sys
d = json.load(open(sys.argv[1])); b = sys.argv[2]
st = [(f["path"][len(b) + 1:], f["status"]) for f in d["files"]]
assert st == [("a.md", "ok"), ("b.docx", "error"), ("c.md", "ok"), ("sub/d.docx", "ok")], st
assert d["files"][1]["error"]["code"] == "not-a-zip"
assert d["summary"]["files"] == 4 and d["summary"]["failed_files"] == 1
EOF
fi
if run broken-jsonl 2 "$SCRATCH/brl" check -f jsonl -j4 "$B"; then
    python3 - "$SCRATCH/brl.out" "$B" <<'EOF' && ok broken-jsonl || fail broken-jsonl "lines wrong"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
b = sys.argv[2]
errs = [l for l in lines if l.get("status") == "error"]
assert len(errs) == 1 and errs[0]["path"] == b + "/b.docx" and errs[0]["error"]["code"] == "not-a-zip", errs
finds = [l for l in lines if "rule" in l]
assert all(list(l)[0] == "path" for l in finds)
assert [l["path"] for l in finds] == sorted((l["path"] for l in finds), key=lambda p: p.split("/"))
assert sum(1 for l in finds if l["path"].endswith("/a.md") and l["rule"] == "DOC001") == 5
EOF
fi
if run broken-sarif 2 "$SCRATCH/brs" check -f sarif -j4 "$B"; then
    python3 - "$SCRATCH/brs.out" <<'EOF' && ok broken-sarif || fail broken-sarif "notification wrong"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False
n = inv["toolExecutionNotifications"]
assert len(n) == 1 and n[0]["level"] == "error" and n[0]["descriptor"]["id"] == "not-a-zip", n
uri = n[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
assert uri.endswith("/b.docx"), uri
assert [a["properties"]["status"] for a in run["artifacts"]] == ["ok", "error", "ok", "ok"]
EOF
fi

# ---- reading notices: once per file, not with -q -----------------------------
if run notice 0 "$SCRATCH/nt" check --fail-on never fixtures/hostile/invalid-utf8.txt fixtures/check/clean.md; then
    grep -c "note:" "$SCRATCH/nt.err" | grep -qx 1 && \
    grep -qx "fixtures/hostile/invalid-utf8.txt: note: invalid UTF-8 replaced by U+FFFD (5 sequences)" "$SCRATCH/nt.err" \
        && ok notice || fail notice "got: $(cat "$SCRATCH/nt.err")"
fi
if run notice-quiet 0 "$SCRATCH/nq" check -q --fail-on never fixtures/hostile/invalid-utf8.txt; then
    [ ! -s "$SCRATCH/nq.err" ] && ok notice-quiet || fail notice-quiet "stderr with -q: $(cat "$SCRATCH/nq.err")"
fi

# ---- findings waiting for their folder (unless_sibling) ----------------------
# book.md has B401 (no 公众参与) unless an eia-pp file is linted from the same
# folder; zz-pp.md sorts last, after more files than the pool's window, so
# the head file waits while the workers run ahead.
S="$SCRATCH/sib"
mkdir -p "$S/big" "$S/alone"
cp fixtures/batch/sibling/with-pp/book.md "$S/big/book.md"
for i in $(seq -w 1 40); do cp fixtures/check/residue.md "$S/big/r$i.md"; done
cp fixtures/docx/eia-form-typed.docx "$S/big/typed.docx"
cp fixtures/batch/sibling/with-pp/pp.md "$S/big/zz-pp.md"
cp fixtures/batch/sibling/with-pp/book.md "$S/alone/book.md"
SIB="--ruleset fixtures/batch/rulesets/sibling.xml"
for j in 1 2 4; do
    run "sibling-j$j" 1 "$SCRATCH/sib$j" check $SIB -f jsonl -j$j "$S" || continue
    grep -c '"rule":"B401"' "$SCRATCH/sib$j.out" | grep -qx 1 || fail "sibling-j$j" "want exactly one B401, got $(grep -c '"rule":"B401"' "$SCRATCH/sib$j.out")"
    grep -q "\"path\":\"$S/alone/book.md\",\"rule\":\"B401\"" "$SCRATCH/sib$j.out" || fail "sibling-j$j-where" "B401 not on the lone book"
done
cmp -s "$SCRATCH/sib1.out" "$SCRATCH/sib2.out" && cmp -s "$SCRATCH/sib1.out" "$SCRATCH/sib4.out" \
    && ok sibling-jobs || fail sibling-jobs "output differs with -j"
# without the eia-pp file the book of big/ is reported too
mv "$S/big/zz-pp.md" "$SCRATCH/pp.md"
if run sibling-missing 1 "$SCRATCH/sibm" check $SIB -f jsonl -j4 "$S"; then
    [ "$(grep -c '"rule":"B401"' "$SCRATCH/sibm.out")" -eq 2 ] && ok sibling-missing || fail sibling-missing "want 2 B401"
fi
# an eia-pp in another folder does not count; named next to the book it does
if run sibling-other-folder 1 "$SCRATCH/sibo" check --no-default-rulesets $SIB "$S/big/book.md" "$SCRATCH/pp.md"; then
    grep -q "\[B401\]" "$SCRATCH/sibo.out" && ok sibling-other-folder || fail sibling-other-folder "no B401"
fi
mv "$SCRATCH/pp.md" "$S/big/zz-pp.md"
run sibling-args 0 "$SCRATCH/siba" check --no-default-rulesets $SIB "$S/big/book.md" "$S/big/zz-pp.md" && ok sibling-args

# Formats that show document text get the document back when it had to be
# dropped while waiting: --annotate takes that path; output is unchanged.
for j in 1 4; do
    run "annotate-wait-j$j" 1 "$SCRATCH/an$j" check $SIB -f json -j$j --annotate "$SCRATCH/ann$j" "$S/big" || continue
done
if cmp -s "$SCRATCH/an1.out" "$SCRATCH/an4.out"; then ok annotate-wait-jobs; else fail annotate-wait-jobs "output differs"; fi
[ -f "$SCRATCH/ann4/typed.docx" ] && ok annotate-wait-copy || fail annotate-wait-copy "no annotated copy of typed.docx"
case " $FORMATS " in *" html "*)
    run html-wait-j1 1 "$SCRATCH/hw1" check $SIB -f html -j1 "$S" && run html-wait-j4 1 "$SCRATCH/hw4" check $SIB -f html -j4 "$S" &&
        strip_run html "$SCRATCH/hw1.out" && strip_run html "$SCRATCH/hw4.out" &&
        { cmp -s "$SCRATCH/hw1.out" "$SCRATCH/hw4.out" && ok html-wait-jobs || fail html-wait-jobs "html differs with -j"; } ;;
esac

# ---- progress line: on a TTY, more than one file, not with --no-progress / -q --
progress() { # expected(yes|no)  name  args...
    local want=$1 name=$2
    shift 2
    python3 - "$FL_BIN" "$@" >"$SCRATCH/pty.txt" <<'EOF'
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
p.wait()
sys.stdout.write(repr(data))
EOF
    if grep -q '\[1/' "$SCRATCH/pty.txt"; then got=yes; else got=no; fi
    [ "$got" = "$want" ] && ok "$name" || fail "$name" "progress $got, want $want: $(head -c 200 "$SCRATCH/pty.txt")"
}
progress yes progress-tty check fixtures/check/clean.md fixtures/check/residue.md
progress no progress-one-file check fixtures/check/clean.md
progress no progress-off check --no-progress fixtures/check/clean.md fixtures/check/residue.md
progress no progress-quiet check -q fixtures/check/clean.md fixtures/check/residue.md
# not a TTY: never
run progress-pipe 1 "$SCRATCH/pp" check fixtures/check/clean.md fixtures/check/residue.md && \
    { grep -q $'\033' "$SCRATCH/pp.err" && fail progress-pipe "escape codes on a pipe" || ok progress-pipe; }

[ "$failures" -eq 0 ] || exit 1
exit 0
