#!/bin/bash
# First contact with the command line: `help [COMMAND]`, -V, and "did you
# mean" for commands (a first argument that is no command, no file and one
# or two edits from a command), long options (getopt's refusal, and the
# options an ambiguous prefix begins) and rule ids (explain, --select,
# --ignore). A word far from every command is still read as a file name.
# Every command's standard output on a full disk is one line and exit 3.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
W="$SCRATCH/w"
mkdir -p "$W"
cd "$W" || exit 1
RES="$SRC/fixtures/check/residue.md"

# has NAME FILE PATTERN: a line of FILE matches grep -E PATTERN
has() { grep -qE "$3" "$2" && ok "$1" || fail "$1" "no '$3' in: $(head -c 400 "$2")"; }
err_is() { # err_is NAME LINE1: stderr is LINE1 then the usual "Try" line
    local want
    want=$(printf '%s\n%s' "$2" "Try 'filinglint --help'.")
    [ "$(cat "$SCRATCH/err")" = "$want" ] && ok "$1" || fail "$1" "stderr: $(cat "$SCRATCH/err")"
}

# ---- help and version --------------------------------------------------------
run help 0 help && has help-commands "$SCRATCH/out" '^  explain +what a rule checks'
run help-check 0 help check && has help-check-usage "$SCRATCH/out" '^usage: filinglint \[check\] \[OPTIONS\] PATH'
run help-explain 0 help explain && has help-explain-usage "$SCRATCH/out" '^usage: filinglint explain'
run help-help 0 help help && has help-help-list "$SCRATCH/out" '^commands:'
run help-typo 2 help chek && err_is help-typo-msg "filinglint: unknown command 'chek'; did you mean 'check'?"
run help-unknown 2 help 报告 && err_is help-unknown-msg "filinglint: unknown command '报告'"
run help-two 2 help check dump
run version-short 0 -V && same version-short "$SCRATCH/out" "$("$FL_BIN" --version)"
has version-text "$SCRATCH/out" '^filinglint [0-9]+\.[0-9]+\.[0-9]+$'

# ---- commands ----------------------------------------------------------------
run typo-check 2 chek "$RES" && err_is typo-check-msg "filinglint: unknown command 'chek'; did you mean 'check'?"
run typo-swap 2 expalin DOC001 && err_is typo-swap-msg "filinglint: unknown command 'expalin'; did you mean 'explain'?"
run typo-rule 2 rule && err_is typo-rule-msg "filinglint: unknown command 'rule'; did you mean 'rules'?"
# an existing file of that name is a filing; a name with a dot or a folder is one too
cp "$RES" chek
run file-named-like-command 1 chek && has file-named-like-command-read "$SCRATCH/out" '^chek:6:6: error: '
run missing-file-with-ext 2 chek.md && has missing-file-with-ext-msg "$SCRATCH/err" '^chek.md: cannot read'
run far-word 2 报批稿 && has far-word-is-file "$SCRATCH/err" '^报批稿: cannot read: No such file'

# ---- long options ------------------------------------------------------------
run opt-typo 2 check --fail-of error "$RES" &&
    err_is opt-typo-msg "filinglint: unknown option --fail-of; did you mean --fail-on?"
run opt-typo-value 2 check --fromat=json "$RES" &&
    err_is opt-typo-value-msg "filinglint: unknown option --fromat; did you mean --format?"
run opt-ambiguous 2 check --no "$RES" &&
    err_is opt-ambiguous-msg "filinglint: ambiguous option --no; did you mean --no-default-rulesets, --no-config or --no-progress?"
run opt-far 2 check --zzzzzz "$RES" && err_is opt-far-msg "filinglint: unknown option --zzzzzz"
run opt-short 2 check -Z "$RES" && err_is opt-short-msg "filinglint: unknown option -Z"
run opt-rules 2 rules --rulset x.xml && err_is opt-rules-msg "filinglint: unknown option --rulset; did you mean --ruleset?"
run opt-prefix-ok 1 check --fail "error" "$RES" && ok opt-prefix-ok # an unambiguous prefix still works

# ---- rule ids ----------------------------------------------------------------
run explain-prefix 2 explain EIA10 &&
    has explain-prefix-msg "$SCRATCH/err" "^filinglint: unknown rule EIA10; did you mean EIA100, EIA101, EIA102, EIA103, EIA104…\? "
run explain-lower 2 explain doc01 &&
    has explain-lower-msg "$SCRATCH/err" "^filinglint: unknown rule doc01; did you mean DOC001, DOC010 or DOC011\? "
run explain-far 2 explain EIA9999 &&
    has explain-far-msg "$SCRATCH/err" "^filinglint: unknown rule EIA9999; the EIA rules are EIA100 to EIA[0-9]+ "
run explain-nothing 2 explain ZZZZZZZZ &&
    has explain-nothing-msg "$SCRATCH/err" "^filinglint: unknown rule ZZZZZZZZ \('filinglint rules' lists them\)$"
run select-typo 1 check --no-config --select EIA1O1,DOC --ignore soil1O1 "$RES"
has select-typo-msg "$SCRATCH/err" '^filinglint: warning: --select EIA1O1 matches no rule; did you mean EIA101\?$'
has ignore-typo-msg "$SCRATCH/err" '^filinglint: warning: --ignore soil1O1 matches no rule; did you mean SOIL101 or SOIL111\?$'
run select-far 1 check --no-config --select EIA9999,DOC "$RES" &&
    has select-far-msg "$SCRATCH/err" '^filinglint: warning: --select EIA9999 matches no rule; the EIA rules are EIA100 to '
run select-used 1 check --no-config --select EIA1 --select DOC "$RES" &&
    { [ ! -s "$SCRATCH/err" ] && ok select-used-quiet || fail select-used-quiet "$(cat "$SCRATCH/err")"; }

# ---- standard output on a full disk --------------------------------------------
if [ -c /dev/full ]; then
    for cmd in "rules" "explain DOC001" "dump $RES" "config --no-config" "help"; do
        # shellcheck disable=SC2086
        timeout 60 "$FL_BIN" $cmd >/dev/full 2>"$SCRATCH/err"
        rc=$?
        name="full-${cmd%% *}"
        [ $rc -eq 3 ] && [ "$(cat "$SCRATCH/err")" = "filinglint: cannot write standard output: No space left on device" ] &&
            ok "$name" || fail "$name" "exit $rc, stderr: $(cat "$SCRATCH/err")"
    done
fi

finish
