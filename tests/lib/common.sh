# Sourced by the shell tests in tests/sh/ (not a test itself: ctest runs
# tests/sh/*.sh only). Gives what every one of them needs:
#   FL_BIN   the filinglint binary, made absolute (ctest sets it, maybe relative)
#   SRC      the source tree (ctest sets it)
#   SCRATCH  a fresh folder under $TMPDIR_BASE named after the test, removed on exit
#   fail NAME WHY / ok NAME   print one result line; failures counts the fails
#   finish                    exit 1 if anything failed, else 0
#   run, same, err_line       see below
#   pdf_reader_built, skip_without_pdf_reader, need_python3  see below
# Usage, first thing after `set -u`:   . "${SRC:?SRC not set}/tests/lib/common.sh"
: "${FL_BIN:?FL_BIN not set}" "${SRC:?SRC not set}"
case "$FL_BIN" in /*) ;; *) FL_BIN="$PWD/$FL_BIN" ;; esac
SCRATCH=$(mktemp -d "${TMPDIR_BASE:-/tmp}/$(basename "$0" .sh).XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
failures=0
fail() { echo "FAIL: $1: $2"; failures=$((failures + 1)); }
ok() { echo "ok $1"; }
finish() { [ "$failures" -eq 0 ] || exit 1; exit 0; }
# run NAME WANT ARGS...: filinglint ARGS (stdout in $SCRATCH/out, stderr in
# $SCRATCH/err, at most 120 s); a fail line unless it exits WANT.
run() {
    local name=$1 want=$2
    shift 2
    timeout 120 "$FL_BIN" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$name" "exit $rc, want $want (stderr: $(head -c 300 "$SCRATCH/err"))"
        return 1
    fi
    return 0
}
# same NAME FILE TEXT: ok when FILE holds exactly TEXT.
same() {
    if [ "$(cat "$2")" = "$3" ]; then ok "$1"; else fail "$1" "got '$(head -c 800 "$2")', want '$3'"; fi
}
# err_line NAME ERE: ok when $SCRATCH/err (run's stderr) is exactly one line
# and it matches the extended regular expression ERE.
err_line() {
    if [ "$(wc -l <"$SCRATCH/err")" -eq 1 ] && grep -qE "$2" "$SCRATCH/err"; then ok "$1"
    else fail "$1" "stderr: $(head -c 400 "$SCRATCH/err")"; fi
}
# pdf_reader_built: true when the binary reads PDFs (built with FL_PDF): its
# `help check` then lists .pdf among the endings a walk takes.
pdf_reader_built() { "$FL_BIN" help check 2>&1 | grep -q 'walked for .*\.pdf'; }
# skip_without_pdf_reader: a test of the PDF reader ends here, with a SKIP
# line and exit 0, on a build without it.
skip_without_pdf_reader() {
    pdf_reader_built && return 0
    echo "SKIP: built without the PDF reader (FL_PDF=OFF)"
    exit 0
}
# need_python3 WHAT: a test that reads its results with python3 fails at once
# without it (CI has it; a missing one must not pass silently).
need_python3() { command -v python3 >/dev/null || { echo "FAIL: python3 is needed${1:+ $1}"; exit 1; }; }
