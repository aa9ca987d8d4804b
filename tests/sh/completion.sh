#!/bin/bash
# Bash completion (completion/filinglint.bash), driven the way bash drives
# it (COMP_WORDS, COMP_CWORD, then the function): commands, each command's
# options, option values from fixed sets, rule ids from the binary (with the
# --ruleset options of the line), comma lists, --opt=value, and file names
# (only filings where check reads filings). The option lists are checked
# against each command's --help so that a new option cannot be forgotten.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
# shellcheck source=/dev/null
. completion/filinglint.bash
complete -p filinglint >/dev/null 2>&1 && ok registered || fail registered "complete -F was not run"

# words W1 W2 ... : complete the last word (give "" for a new one); the
# candidates, sorted, one line
words() {
    COMP_WORDS=("$FL_BIN" "$@")
    COMP_CWORD=$#
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _filinglint
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
# expect NAME WANT WORDS...
expect() {
    local name=$1 want=$2 got
    shift 2
    got=$(words "$@")
    [ "$got" = "$want" ] && ok "$name" || fail "$name" "got '$got', want '$want'"
}

mkdir -p "$SCRATCH/empty"
got=$(cd "$SCRATCH/empty" && words c) # no file of the working folder begins with c there
[ "$got" = "check config" ] && ok commands || fail commands "got '$got'"
expect help-arg "test-rules" help te
expect top-options "--verbose --version" --ver # check's too: it is the default command
expect implicit-check-option "--select" --sel
expect check-option "--format" check --form
expect check-option-many "--no-config --no-default-rulesets --no-progress" check --no-
expect format-values "csv html json jsonl sarif text" check -f ""
expect format-equals "json jsonl" check --format = js
expect dump-format "json text" dump --format ""
expect doc-type "eia-book eia-form eia-pp" check --doc-type eia-
expect fail-on "warning" check --fail-on w
expect color "always auto" config --color a
expect no-value-for-jobs "" check -j ""
ids=$("$FL_BIN" rules | awk '{print $1}' | grep '^EIA40' | sort | tr '\n' ' ' | sed 's/ $//')
[ -n "$ids" ] || fail rule-ids "filinglint rules lists no EIA40x"
expect explain-ids "$ids" explain eia40
expect select-ids "$ids" check --select EIA40
expect select-comma "$(printf 'DOC,%s\n' $ids | tr '\n' ' ' | sed 's/ $//')" check --select DOC,EIA40
expect ignore-ids "LINT001 LINT002" check --ignore LINT
demo=$("$FL_BIN" rules --no-default-rulesets --ruleset fixtures/rulesets/demo-eia.xml | awk '{print $1}' | grep '^T' | sort | tr '\n' ' ' | sed 's/ $//')
[ -n "$demo" ] || fail demo-ids "the demo ruleset lists no T ids"
expect explain-own-ruleset "$demo" explain --no-default-rulesets --ruleset fixtures/rulesets/demo-eia.xml T
expect explain-options "--help --lang --no-default-rulesets --ruleset" explain --

# file names: check offers filings and folders only; -o any file
F="$SCRATCH/f"
mkdir -p "$F/sub"
touch "$F/a.docx" "$F/b.PDF" "$F/c.md" "$F/d.XML" "$F/e.doc" "$F/notes.csv"
expect check-files "$F/a.docx $F/b.PDF $F/c.md $F/d.XML $F/e.doc $F/sub" check "$F/"
expect implicit-files "$F/a.docx $F/b.PDF $F/c.md $F/d.XML $F/e.doc $F/sub" "$F/"
expect serve-options "--timeout --tls-cert --tls-key --token-file" serve --t
expect serve-cert-file "$F/a.docx $F/b.PDF $F/c.md $F/d.XML $F/e.doc $F/notes.csv $F/sub" serve --tls-cert "$F/"
expect serve-no-file "" serve "$F/"
expect output-any-file "$F/a.docx $F/b.PDF $F/c.md $F/d.XML $F/e.doc $F/notes.csv $F/sub" check -o "$F/"
expect annotate-dirs "$F/sub" check --annotate "$F/"
expect after-file-more-files "$F/a.docx $F/b.PDF $F/c.md $F/d.XML $F/e.doc $F/sub" "$F/c.md" "$F/"

# every long option of a command's --help is offered, and no other
# shellcheck disable=SC2154
for cmd in check dump index rules explain data test-rules serve; do
    var=_filinglint_opts_${cmd//-/_}
    offered=$(tr ' ' '\n' <<<"${!var}" | grep -E '^--' | grep -vx -- --help | sort -u | tr '\n' ' ')
    documented=$("$FL_BIN" "$cmd" --help | grep -oE -- '--[a-z][a-z-]*' | grep -vx -- --help | sort -u | tr '\n' ' ')
    [ "$offered" = "$documented" ] && ok "options-$cmd" || fail "options-$cmd" "completion: $offered; --help: $documented"
done

finish
