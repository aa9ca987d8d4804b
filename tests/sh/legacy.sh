#!/bin/bash
# Legacy files (.doc, .wps, .rtf, .odt) read through LibreOffice
# (checker/input/legacy.c, docs/legacy.md):
#   - without LibreOffice (FL_SOFFICE=none, or a PATH without soffice): one
#     line naming the file and how to install it, exit 2, the batch goes on;
#   - a truncated OLE file and an OLE file that is no Word document: one line
#     saying what it is, whether LibreOffice is there or not;
#   - a stand-in soffice (a script) that hangs, fails, or is interrupted: the
#     timeout kills its whole process group, the failure is one line, SIGINT
#     removes the work folder; nothing is ever written next to the input;
#   - with the real soffice (skipped with a message where it is missing):
#     each converted fixture gives the findings of the DOCX it was saved
#     from, at the same places, named by the original file; the input is not
#     modified; the work folder is removed; a document macro does not run;
#     `index` takes a converted file into the corpus.
#
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE. ctest sets FL_SOFFICE=none
# for every shell test; this one decides for itself.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
unset FL_SOFFICE
L=fixtures/legacy
export TMPDIR="$SCRATCH/tmp"
mkdir -p "$TMPDIR"
# gone: no such process, or a zombie not yet reaped (killed, not running)
gone() { [ -n "$1" ] && { ! kill -0 "$1" 2>/dev/null || grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }; }
no_work_left() { # NAME: no work folder left under $TMPDIR
    if [ -z "$(ls -A "$TMPDIR")" ]; then ok "$1"; else fail "$1" "left in TMPDIR: $(ls -A "$TMPDIR")"; fi
}

# ---- without LibreOffice -------------------------------------------------------
for f in book-defects.doc form-staff.wps; do
    FL_SOFFICE=none run "none-$f" 2 check --no-config "$L/$f" &&
        err_line "none-$f-msg" "^$L/$f: legacy Word 97-2003 \.doc \(OLE compound file\); reading it needs LibreOffice \(apt-get install libreoffice-writer-nogui\), or save it as \.docx$"
done
FL_SOFFICE=none run none-rtf 2 check --no-config "$L/book-defects.rtf" &&
    err_line none-rtf-msg "^$L/book-defects.rtf: RTF; reading it needs LibreOffice \(apt-get install libreoffice-writer-nogui\)"
FL_SOFFICE=none run none-odt 2 check --no-config "$L/book-defects.odt" &&
    err_line none-odt-msg "^$L/book-defects.odt: OpenDocument text \(\.odt\); reading it needs LibreOffice"
# soffice hidden: a PATH that holds no soffice and no libreoffice
PATH="$SCRATCH/empty-path" "$FL_BIN" check --no-config "$L/book-defects.doc" >"$SCRATCH/out" 2>"$SCRATCH/err"
rc=$?
[ "$rc" -eq 2 ] && err_line hidden-msg 'apt-get install libreoffice-writer-nogui' || fail hidden "exit $rc, want 2"
# among good files: the batch goes on
FL_SOFFICE=none run none-among-good 2 check --no-config "$L/book-defects.doc" fixtures/check/residue.md &&
    grep -q '^fixtures/check/residue.md:6:6: error' "$SCRATCH/out" && ok none-among-good-report ||
    fail none-among-good-report "$(head -c 300 "$SCRATCH/out")"

# ---- what is no Word document, LibreOffice or not --------------------------------
for env in none ""; do
    tag=${env:-default}
    FL_SOFFICE=$env run "truncated-$tag" 2 check --no-config "$L/truncated.doc" &&
        err_line "truncated-$tag-msg" "^$L/truncated.doc: truncated or corrupt OLE compound file: truncated \(the directory lies past the end\)$"
    FL_SOFFICE=$env run "xls-$tag" 2 check --no-config fixtures/hostile/ole-other.doc &&
        err_line "xls-$tag-msg" '^fixtures/hostile/ole-other.doc: OLE compound file that is not a Word document: an Excel 97-2003 workbook'
done
head -c 300 "$L/book-defects.doc" >"$SCRATCH/short.doc"
run short-header 2 check --no-config "$SCRATCH/short.doc" && err_line short-header-msg 'shorter than its 512-byte header'
no_work_left none-no-work

# ---- a stand-in soffice: hangs, fails, is interrupted ----------------------------
# It records its pid and that of a child it leaves in the background, so that
# the test can see the whole group was killed.
FAKE="$SCRATCH/fake-soffice"
cat >"$FAKE" <<'EOF'
#!/bin/bash
echo $$ >"$FAKE_DIR/pid"
case "$FAKE_MODE" in
hang) sleep 300 & echo $! >"$FAKE_DIR/child"; wait ;;
fail) echo "Error: source file could not be loaded"; exit 1 ;;
esac
EOF
chmod +x "$FAKE"
export FAKE_DIR="$SCRATCH/fake"
mkdir -p "$FAKE_DIR"
cp "$L/book-defects.doc" "$SCRATCH/in.doc"
before=$(ls -A "$SCRATCH")
start=$(date +%s)
FAKE_MODE=hang FL_SOFFICE="$FAKE" FL_SOFFICE_TIMEOUT=2 run timeout 2 check --no-config "$SCRATCH/in.doc" &&
    err_line timeout-msg "^$SCRATCH/in.doc: LibreOffice could not convert it to DOCX: no answer in 2 s \(FL_SOFFICE_TIMEOUT\)$"
[ $(($(date +%s) - start)) -lt 30 ] && ok timeout-quick || fail timeout-quick "took $(($(date +%s) - start)) s"
sleep 0.2
if gone "$(cat "$FAKE_DIR/child" 2>/dev/null)"; then ok timeout-group-killed
else fail timeout-group-killed "the stand-in's background child is still running"; fi
no_work_left timeout-no-work
FAKE_MODE=fail FL_SOFFICE="$FAKE" run fails 2 check --no-config "$SCRATCH/in.doc" &&
    err_line fails-msg "^$SCRATCH/in.doc: LibreOffice could not convert it to DOCX: Error: source file could not be loaded$"
no_work_left fails-no-work
# SIGTERM while the stand-in hangs: the work folder goes, and the stand-in's
# group (SIGINT has the same handler, but a shell starts a background job
# with SIGINT ignored, and an ignored signal stays ignored)
rm -f "$FAKE_DIR/child"
FAKE_MODE=hang FL_SOFFICE="$FAKE" "$FL_BIN" check --no-config "$SCRATCH/in.doc" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$FAKE_DIR/child" ] && break; sleep 0.1; done
[ -n "$(ls -A "$TMPDIR")" ] && ok signal-work-made || fail signal-work-made "no work folder while converting"
kill -TERM "$pid"
wait "$pid"
rc=$?
[ "$rc" -eq 143 ] && ok signal-status || fail signal-status "exit $rc, want 143 (ended by SIGTERM)"
no_work_left signal-no-work
sleep 0.2
if gone "$(cat "$FAKE_DIR/child" 2>/dev/null)"; then ok signal-group-killed
else fail signal-group-killed "the stand-in's background child is still running"; fi
[ "$(ls -A "$SCRATCH")" = "$before" ] && ok fake-nothing-beside || fail fake-nothing-beside "$(ls -A "$SCRATCH")"

# ---- with LibreOffice ----------------------------------------------------------
if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
    echo "skip: soffice not on PATH (apt-get install libreoffice-writer-nogui): conversions not tested"
    finish
fi
# findings without the file name: line:col: severity: message [ID]
findings() { sed -n 's/^[^ ]*:\([0-9]*:[0-9]*: [a-z]*: .*\[[A-Z]*[0-9]*\]\)$/\1/p' "$1"; }
for pair in book-defects.doc:eia/book-defects.docx book-defects.rtf:eia/book-defects.docx \
            book-defects.odt:eia/book-defects.docx form-staff.doc:eia/form-staff.docx \
            form-staff.wps:eia/form-staff.docx eia-form-typed.odt:docx/eia-form-typed.docx \
            sign-lo.doc:soil/sign-lo.docx; do
    f=${pair%%:*} docx=fixtures/${pair#*:}
    "$FL_BIN" check --no-config "$docx" >"$SCRATCH/want" 2>/dev/null
    want=$?
    run "convert-$f" "$want" check --no-config "$L/$f" || continue
    findings "$SCRATCH/want" >"$SCRATCH/want.f"
    findings "$SCRATCH/out" >"$SCRATCH/got.f"
    if [ "$want" -eq 1 ] && [ ! -s "$SCRATCH/want.f" ]; then fail "convert-$f" "the DOCX gave no finding to compare"; continue; fi
    if cmp -s "$SCRATCH/want.f" "$SCRATCH/got.f"; then ok "convert-$f-same-findings"
    else fail "convert-$f-same-findings" "$(diff "$SCRATCH/want.f" "$SCRATCH/got.f" | head -5)"; fi
    # located in the original file, never in a temp copy
    if [ "$want" -eq 1 ]; then
        ! grep -E '^[^ ]+:[0-9]+:[0-9]+: ' "$SCRATCH/out" | grep -vq "^$L/$f:" && ok "convert-$f-named" ||
            fail "convert-$f-named" "$(grep -E '^[^ ]+:[0-9]+:' "$SCRATCH/out" | grep -v "^$L/$f:" | head -2)"
    fi
    grep -q "converted from \.${f##*.} by LibreOffice [0-9]" "$SCRATCH/out" "$SCRATCH/err" && ok "convert-$f-note" ||
        fail "convert-$f-note" "no note naming the conversion"
done
no_work_left convert-no-work

# the input is not modified and nothing is written beside it
mkdir -p "$SCRATCH/beside"
cp "$L/book-defects.doc" "$SCRATCH/beside/报批稿.doc"
sum=$(sha256sum <"$SCRATCH/beside/报批稿.doc")
run beside 1 check --no-config "$SCRATCH/beside/报批稿.doc"
[ "$(sha256sum <"$SCRATCH/beside/报批稿.doc")" = "$sum" ] && ok beside-unmodified || fail beside-unmodified "the input changed"
[ "$(ls -A "$SCRATCH/beside")" = "报批稿.doc" ] && ok beside-nothing-written ||
    fail beside-nothing-written "$(ls -A "$SCRATCH/beside")"

# a folder walk takes the legacy endings
mkdir -p "$SCRATCH/archive"
cp "$L/form-staff.wps" "$L/sign-lo.doc" "$SCRATCH/archive/"
run walk 1 check --no-config -j2 "$SCRATCH/archive"
tail -1 "$SCRATCH/out" | grep -q '^2 files checked' && ok walk-both || fail walk-both "$(tail -1 "$SCRATCH/out")"

# a document macro bound to the load event does not run
FL_MACRO_PROBE="$SCRATCH/macro-ran" "$FL_BIN" check --no-config "$L/macro.odt" >"$SCRATCH/out" 2>"$SCRATCH/err"
rc=$?
[ "$rc" -le 1 ] && ok macro-read || fail macro-read "exit $rc: $(head -c 300 "$SCRATCH/err")"
[ ! -e "$SCRATCH/macro-ran" ] && ok macro-not-run || fail macro-not-run "the macro wrote $SCRATCH/macro-ran"
no_work_left macro-no-work

# the corpus reads through the same model
run index 0 index --corpus "$SCRATCH/c.db" "$L/book-defects.doc" "$L/form-staff.wps" &&
    grep -q ': 2 added, 0 replaced, 0 unchanged, 0 failed; 2 filings' "$SCRATCH/out" && ok index-added ||
    fail index-added "$(cat "$SCRATCH/out" "$SCRATCH/err" | head -c 300)"
run index-list 0 index --corpus "$SCRATCH/c.db" --list &&
    grep -q "^$L/book-defects.doc	" "$SCRATCH/out" && ok index-list-names || fail index-list-names "$(head -c 300 "$SCRATCH/out")"
finish
