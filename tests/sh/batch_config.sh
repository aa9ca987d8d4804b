#!/bin/bash
# The configuration file .filinglint.xml (docs/batch.md): found in the
# working folder or a parent; gives rulesets, select/ignore, per-path
# overrides, fail-on, format, jobs, doc-type, baseline, corpus; command-line options
# win; `filinglint config` prints the effective settings and their sources;
# mistakes in the file are errors naming the line (exit 2).
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"


has() { grep -qxF -- "$2" "$SCRATCH/out" && ok "$1" || fail "$1" "no line '$2' in: $(head -c 600 "$SCRATCH/out")"; }
rules_seen() { grep -o '\[[A-Z0-9]*\]$' "$SCRATCH/out" | sort -u | tr -d '[]' | tr '\n' ' '; }

P="$SCRATCH/proj"
mkdir -p "$P/reports/deep" "$P/signs" "$P/rules"
cp "$SRC/fixtures/check/residue.md" "$P/reports/residue.md"
cp "$SRC/fixtures/check/untyped.md" "$P/reports/deep/untyped.md"
cp "$SRC/fixtures/check/eia-form-demo.md" "$P/signs/demo.md"
cp "$SRC/fixtures/rulesets/demo-eia.xml" "$P/rules/demo.xml"
cat >"$P/.filinglint.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<filinglint>
  <ruleset>rules/demo.xml</ruleset>
  <ignore>DOC010</ignore>
  <fail-on>info</fail-on>
  <jobs>3</jobs>
  <baseline>known.json</baseline>
  <override path="reports/deep/">
    <doc-type>eia-form</doc-type>
  </override>
  <override path="signs/*.md">
    <select>T1</select>
    <ignore>T101</ignore>
  </override>
</filinglint>
EOF

# ---- found from a subfolder; relative paths resolve against the file ---------
cd "$P/reports/deep" || exit 1
if run config-show 0 config; then
    has config-file "config file: $P/.filinglint.xml"
    has config-ruleset "ruleset: $P/rules/demo.xml (config)"
    has config-ignore "ignore: DOC010 (config)"
    has config-fail-on "fail-on: info (config)"
    has config-jobs "jobs: 3 (config)"
    has config-baseline "baseline: $P/known.json (config)"
    has config-format "format: text (default)"
    has config-override "override signs/*.md (line 11): select T1; ignore T101"
fi
if run config-cli 0 config --fail-on never -j 1 --format json --ignore DOC001 --doc-type eia-book untyped.md; then
    has cli-fail-on "fail-on: never (command line)"
    has cli-jobs "jobs: 1 (command line)"
    has cli-format "format: json (command line)"
    has cli-ignore "ignore: DOC001 (command line)"
    has cli-override-off "override signs/*.md (line 11): select/ignore not applied (--select/--ignore given)"
    has cli-per-path "untyped.md: select all; ignore DOC001; doc-type eia-book"
fi

# ---- check with it -------------------------------------------------------------
cd "$P" || exit 1
# deep/ gets doc-type eia-form (so no DOC010, and T rules run); fail-on info
if run override-doctype 1 check --no-progress reports/deep/untyped.md; then
    grep -q "\[DOC010\]" "$SCRATCH/out" && fail override-doctype "DOC010 reported" || ok override-doctype
fi
run override-per-path-config 0 config reports/deep/untyped.md signs/demo.md reports/residue.md && {
    has per-path-deep "reports/deep/untyped.md: select all; ignore DOC010; doc-type eia-form"
    has per-path-signs "signs/demo.md: select T1; ignore DOC010,T101; doc-type detected"
    has per-path-plain "reports/residue.md: select all; ignore DOC010; doc-type detected"
}
if run override-select 1 check signs/demo.md; then
    [ "$(rules_seen)" = "T102 " ] && ok override-select || fail override-select "rules: $(rules_seen)"
fi
# command-line --select wins over the override's (and its ignore)
if run cli-select 1 check --select T101,T5 signs/demo.md; then
    [ "$(rules_seen)" = "T101 T502 " ] && ok cli-select || fail cli-select "rules: $(rules_seen)"
fi
# the config's extra ruleset is loaded (T rules on the residue file's type)
run config-ruleset 1 check reports/residue.md && { grep -q "\[DOC001\]" "$SCRATCH/out" && ok config-ruleset-defaults; }
# fail-on from the config (info) vs the command line (never)
# (untyped.md outside reports/deep/ only has DOC010, info; --ignore replaces the config's ignore)
cp "$SRC/fixtures/check/untyped.md" "$P/untyped.md"
run fail-on-config 1 check --ignore T untyped.md && { grep -q "\[DOC010\]" "$SCRATCH/out" && ok fail-on-config-info; }
run fail-on-cli 0 check --ignore T --fail-on warning untyped.md && ok fail-on-cli
run fail-on-default 0 check --no-config untyped.md && ok fail-on-default
# format from the config, overridden on the command line
printf '<filinglint><format>jsonl</format><default-rulesets>false</default-rulesets><ruleset>rules/demo.xml</ruleset></filinglint>\n' >"$SCRATCH/alt.xml"
cp -r "$P/rules" "$SCRATCH/rules"
if run config-explicit 1 check --config "$SCRATCH/alt.xml" signs/demo.md; then
    head -1 "$SCRATCH/out" | grep -q '^{"path":"signs/demo.md","rule":"T' && ok config-format || fail config-format "$(head -1 "$SCRATCH/out")"
    grep -q '"rule":"DOC' "$SCRATCH/out" && fail config-no-defaults "shipped rules ran" || ok config-no-defaults
fi
run format-cli 1 check --config "$SCRATCH/alt.xml" -f text signs/demo.md && \
    { grep -q "^signs/demo.md:[0-9]*:[0-9]*: error: .*\[T" "$SCRATCH/out" && ok format-cli || fail format-cli "$(head -1 "$SCRATCH/out")"; }
# --no-config: nothing from the file (DOC010 back, defaults)
if run no-config 0 check --no-config reports/deep/untyped.md; then
    grep -q "\[DOC010\]" "$SCRATCH/out" && ok no-config || fail no-config "DOC010 missing"
fi
run no-config-show 0 config --no-config && has no-config-file "config file: none"
# a missing baseline named by the config is no error (the first run writes it)
run baseline-first 0 check --write-baseline known.json reports/residue.md && [ -s known.json ] && ok baseline-first
run baseline-used 0 check reports/residue.md && { grep -q "^1 file checked: 0 errors" "$SCRATCH/out" && ok baseline-used || fail baseline-used "$(tail -1 "$SCRATCH/out")"; }
# ... and one named on the command line is
run baseline-cli-missing 2 check --baseline nothere.json reports/residue.md && ok baseline-cli-missing

# ---- mistakes in the file --------------------------------------------------------
bad() { # name  content  expected stderr fragment
    printf '%s\n' "$2" >"$SCRATCH/bad.xml"
    if run "$1" 2 check --config "$SCRATCH/bad.xml" reports/residue.md; then
        grep -qF -- "$3" "$SCRATCH/err" && ok "$1" || fail "$1-msg" "$(cat "$SCRATCH/err")"
    fi
}
bad bad-element $'<filinglint>\n  <ignroe>DOC001</ignroe>\n</filinglint>' "$SCRATCH/bad.xml:2: unknown setting <ignroe>"
bad bad-fail-on '<filinglint><fail-on>fatal</fail-on></filinglint>' "<fail-on> wants error, warning, info or never, not 'fatal'"
bad bad-doc-type '<filinglint><override path="x"><doc-type>report</doc-type></override></filinglint>' "unknown doc-type 'report'"
bad bad-override '<filinglint><override><select>T1</select></override></filinglint>' "<override> needs a path"
bad bad-root '<config/>' "the root element must be <filinglint>"
bad bad-xml '<filinglint>' "bad.xml"
bad bad-format '<filinglint><format>yaml</format></filinglint>' "unknown --format 'yaml' (in the config file)"
bad bad-jobs '<filinglint><jobs>0</jobs></filinglint>' "<jobs> wants a number from 1 to 1024"
run missing-config 2 check --config "$SCRATCH/none.xml" reports/residue.md && ok missing-config
bad bad-corpus '<filinglint><corpus/></filinglint>' "empty <corpus>"

# ---- <corpus>: the similarity database, relative to the file -----------------------
C="$SCRATCH/corpus-proj"
mkdir -p "$C/db" "$C/old" "$C/new"
printf '<filinglint>\n  <corpus>db/filings.db</corpus>\n</filinglint>\n' >"$C/.filinglint.xml"
cp "$SRC/fixtures/corpus/a-plastics-wuzhong.md" "$C/old/a.md"   # b copied passages of a
cp "$SRC/fixtures/corpus/b-plastics-wujin.md" "$C/new/b.md"
cd "$C/new" || exit 1
run corpus-config 0 config && has corpus-config "corpus: $C/db/filings.db (config)"
run corpus-cli 0 config --corpus other.db && has corpus-cli "corpus: other.db (command line)"
# not indexed yet: the configured database is opened, and its absence is an error
if run corpus-missing 2 check b.md; then
    grep -qF "$C/db/filings.db" "$SCRATCH/err" && ok corpus-missing || fail corpus-missing "$(cat "$SCRATCH/err")"
fi
run corpus-index 0 index -q --corpus "$C/db/filings.db" "$C/old/a.md" && ok corpus-index
if run corpus-used 0 check --fail-on never --format jsonl b.md; then
    grep '"EIA303"' "$SCRATCH/out" | grep -q 'old/a.md' && ok corpus-used ||
        fail corpus-used "no EIA303 naming old/a.md: $(head -c 400 "$SCRATCH/out")"
fi

[ "$failures" -eq 0 ] || exit 1
exit 0
