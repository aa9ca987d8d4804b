#!/bin/bash
# `filinglint check` exit statuses and terminal/output behaviour (docs/cli.md):
# 0 clean, 1 a finding at or above --fail-on, 2 bad usage or an unreadable
# input (taking precedence over 1; the other inputs are still reported),
# 3 an invalid ruleset. Also: -o writes atomically (no temp file left, an
# existing file kept when writing fails), stderr carries exactly one line per
# unreadable file, --color/-q, folders are walked.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1


# name  expected-exit  command...
expect_run() {
    local name=$1 want=$2
    shift 2
    timeout 20 "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$name" "exit $rc, want $want (stderr: $(head -c 300 "$SCRATCH/err"))"
        return 1
    fi
    echo "ok $name"
}

# name  expected-exit  filinglint-args...
expect() {
    local name=$1 want=$2
    shift 2
    expect_run "$name" "$want" "$FL_BIN" "$@"
}

C=fixtures/check
# clean.md is a stub 报告表: clean for the generic rules, not for the EIA ones
expect clean 0 check --no-default-rulesets --ruleset rulesets/filing.xml $C/clean.md
expect clean-real-filing 0 check fixtures/docx/eia-form-typed.docx
expect findings 1 check $C/residue.md
expect implicit-check 1 $C/residue.md
expect info-below-threshold 0 check $C/untyped.md
expect fail-on-info 1 check --fail-on info $C/untyped.md
expect fail-on-warning 1 check --fail-on warning fixtures/docx/eia-pp-lo.docx
expect warning-below-default 0 check fixtures/docx/eia-pp-lo.docx
expect fail-on-never 0 check --fail-on never $C/residue.md
expect unreadable-among-good 2 check $C/clean.md $C/missing.md $C/residue.md
if [ "$(wc -l <"$SCRATCH/err")" -ne 1 ] || ! grep -qx "$C/missing.md: cannot read: No such file or directory" "$SCRATCH/err"; then
    fail unreadable-stderr "want one stderr line naming the file, got: $(cat "$SCRATCH/err")"
fi
grep -q "^$C/residue.md:6:6: error: " "$SCRATCH/out" || fail unreadable-others "the readable file after it was not reported"
expect not-a-docx 2 check fixtures/hostile/not-a-zip.docx
expect bad-option 2 check --no-such-option $C/clean.md
grep -q "unknown option --no-such-option" "$SCRATCH/err" || fail bad-option-msg "$(cat "$SCRATCH/err")"
expect bad-fail-on 2 check --fail-on fatal $C/clean.md
expect bad-doc-type 2 check --doc-type eia-report $C/clean.md
expect bad-as-of 2 check --as-of 2024-13-01 $C/clean.md
expect bad-format 2 check -f yaml $C/clean.md
expect no-inputs 2 check
expect missing-value 2 check --ruleset
expect bad-ruleset 3 check --ruleset fixtures/rulesets/bad-regex.xml $C/clean.md
expect missing-ruleset 3 check --ruleset fixtures/rulesets/nonexistent.xml $C/clean.md
expect pattern-limit 2 check --no-default-rulesets --ruleset fixtures/rulesets/backtrack.xml $C/long-paragraph.md
expect help 0 check --help

# -o: atomic write into the target's folder, nothing left behind
mkdir -p "$SCRATCH/o"
expect output-file 1 check -f json -o "$SCRATCH/o/report.json" $C/residue.md
if [ -s "$SCRATCH/out" ]; then fail output-stdout "stdout not empty with -o"; fi
grep -q '"rule": "DOC001"' "$SCRATCH/o/report.json" || fail output-content "report.json lacks the findings"
[ "$(ls "$SCRATCH/o")" = "report.json" ] || fail output-temp "left: $(ls "$SCRATCH/o")"
expect output-bad-dir 2 check -o "$SCRATCH/no/such/dir/report.txt" $C/residue.md
echo "keep" >"$SCRATCH/o/keep.txt"
chmod 555 "$SCRATCH/o"
if [ "$(id -u)" -ne 0 ]; then
    expect output-readonly 2 check -o "$SCRATCH/o/keep.txt" $C/residue.md
    [ "$(cat "$SCRATCH/o/keep.txt")" = "keep" ] || fail output-readonly-kept "existing file changed"
fi
chmod 755 "$SCRATCH/o"

# colour only when asked (stdout is not a TTY here); -q drops the summary
expect color-never 1 check $C/residue.md
if grep -q $'\033' "$SCRATCH/out"; then fail color-auto "escape codes without a TTY"; fi
expect color-always 1 check --color always $C/residue.md
grep -q $'\033\\[1;31merror:' "$SCRATCH/out" || fail color-always-codes "no colour codes"
expect quiet 1 check -q $C/residue.md
if grep -q "files\? checked" "$SCRATCH/out"; then fail quiet-summary "summary printed with -q"; fi

# folders are walked (sorted, only filing extensions)
mkdir -p "$SCRATCH/tree/b" "$SCRATCH/tree/a"
cp $C/residue.md "$SCRATCH/tree/b/2.md"
cp $C/clean.md "$SCRATCH/tree/a/1.txt"
echo "not a filing" >"$SCRATCH/tree/a/notes.csv"
echo "lock" >"$SCRATCH/tree/a/~\$lock.docx"
cp fixtures/rulesets/demo-eia.xml "$SCRATCH/tree/a/rules.xml"          # not a filing: skipped
cp fixtures/xml/eia-form-word-flatopc.xml "$SCRATCH/tree/b/3.xml"     # Flat OPC: linted
expect folder 1 check "$SCRATCH/tree"
grep -q "^3 files checked" "$SCRATCH/out" || fail folder-filter "$(tail -1 "$SCRATCH/out")"
grep -q "^$SCRATCH/tree/b/3.xml:137:1: warning: .*\[DOC002\]" "$SCRATCH/out" || fail folder-xml "Flat OPC file not linted"
grep -q "^$SCRATCH/tree/b/2.md:6:6: error" "$SCRATCH/out" || fail folder-paths "$(head -1 "$SCRATCH/out")"

# shipped rulesets are found: from the build folder (source tree), by
# FILINGLINT_RULESETS, and in an installed layout <prefix>/share/filinglint/rulesets
FILINGLINT_RULESETS="$SCRATCH/none" expect env-override-missing 3 check $C/residue.md
mkdir -p "$SCRATCH/own/schema"
cp rulesets/schema/ruleset.rng "$SCRATCH/own/schema/"
cp fixtures/rulesets/demo-eia.xml "$SCRATCH/own/"
FILINGLINT_RULESETS="$SCRATCH/own" expect env-override 1 check $C/eia-form-demo.md
grep -q "\[T101\]" "$SCRATCH/out" && ! grep -q "\[DOC001\]" "$SCRATCH/out" || fail env-override-rules "wrong rules ran"
mkdir -p "$SCRATCH/prefix/bin" "$SCRATCH/prefix/share/filinglint"
cp "$FL_BIN" "$SCRATCH/prefix/bin/filinglint"
cp -r rulesets "$SCRATCH/prefix/share/filinglint/rulesets"
expect_run installed-layout 1 env -u FILINGLINT_RULESETS "$SCRATCH/prefix/bin/filinglint" check $C/residue.md
grep -q "\[DOC001\]" "$SCRATCH/out" || fail installed-layout-rules "DOC001 not found"
expect_run installed-layout-explain 0 env -u FILINGLINT_RULESETS "$SCRATCH/prefix/bin/filinglint" explain DOC001
grep -q "share/filinglint/rulesets/filing.xml:" "$SCRATCH/out" || fail installed-layout-path "$(grep 规则集 "$SCRATCH/out")"

[ "$failures" -eq 0 ] || exit 1
exit 0
