#!/bin/bash
# Invalid rulesets stop the run with exit 3 and one stderr line
# "ruleset.xml:LINE: reason" (syntax error, schema violation, invalid regex,
# duplicate id within and across files, a rule without both kinds of
# example) — for check, rules, explain and test-rules alike. A rule whose
# pattern backtracks catastrophically over a long paragraph finishes promptly
# with a tool error for that rule and file, while other rules and files go on.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1

R=fixtures/rulesets
# ruleset   the one stderr line expected
while IFS='|' read -r file line; do
    [ -n "$file" ] || continue
    for cmd in "check --ruleset $R/$file fixtures/check/clean.md" "rules --ruleset $R/$file" \
               "explain --ruleset $R/$file DOC001" "test-rules $R/$file"; do
        # shellcheck disable=SC2086
        timeout 20 "$FL_BIN" $cmd >"$SCRATCH/out" 2>"$SCRATCH/err"
        rc=$?
        name="$file (${cmd%% *})"
        if [ "$rc" -ne 3 ]; then fail "$name" "exit $rc, want 3"; continue; fi
        if [ "$(cat "$SCRATCH/err")" != "$line" ]; then
            fail "$name" "stderr: $(cat "$SCRATCH/err") / want: $line"
            continue
        fi
        echo "ok $name"
    done
done <<EOT
bad-syntax.xml|$R/bad-syntax.xml:8: malformed XML: Opening and ending tag mismatch: rule line 3 and rul
bad-schema.xml|$R/bad-schema.xml:3: rule T001: severity must be error, warning or info, not 'fatal'
bad-attribute.xml|$R/bad-attribute.xml:5: does not follow the ruleset schema: Invalid attribute scpoe for element forbid
bad-element.xml|$R/bad-element.xml:6: rule T001: unknown element <exmaple> in a rule
bad-regex.xml|$R/bad-regex.xml:6: rule T001: invalid pattern /已开工(建设/: missing closing parenthesis (at character 7)
dup-id.xml|$R/dup-id.xml:9: duplicate rule id T001 (first defined at $R/dup-id.xml:3)
no-pass-example.xml|$R/no-pass-example.xml:3: rule T001: needs at least one <example type="fail"> (text the rule must report) and one <example type="pass"> (text it must accept)
EOT

# a rule id already used by a shipped ruleset
sed 's/id="T900"/id="DOC001"/' $R/backtrack.xml >"$SCRATCH/dup-shipped.xml"
"$FL_BIN" check --ruleset "$SCRATCH/dup-shipped.xml" fixtures/check/clean.md >/dev/null 2>"$SCRATCH/err"
rc=$?
doc001_line=$(grep -n 'id="DOC001"' rulesets/filing.xml | cut -d: -f1)
want="$SCRATCH/dup-shipped.xml:6: duplicate rule id DOC001 (first defined at rulesets/filing.xml:$doc001_line)"
if [ "$rc" -eq 3 ] && [ "$(cat "$SCRATCH/err")" = "$want" ]; then echo "ok duplicate-across-files"
else fail duplicate-across-files "exit $rc, stderr: $(cat "$SCRATCH/err")"; fi

# catastrophic backtracking: prompt, a tool error for T900 on the long file
# only, T901 still reported on both files, exit 2
start=$(date +%s%N)
timeout 20 "$FL_BIN" check --no-default-rulesets --ruleset $R/backtrack.xml \
    fixtures/check/long-paragraph.md fixtures/check/untyped.md >"$SCRATCH/out" 2>"$SCRATCH/err"
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$rc" -ne 2 ]; then fail backtrack "exit $rc, want 2"
elif [ "$ms" -gt 5000 ]; then fail backtrack "took ${ms} ms"
elif [ "$(cat "$SCRATCH/err")" != "fixtures/check/long-paragraph.md: rule T900: pattern match limit hit; rule skipped for this file" ]; then
    fail backtrack "stderr: $(cat "$SCRATCH/err")"
elif ! grep -q "^fixtures/check/long-paragraph.md:3:5: warning: 出现“长段落” \[T901\]" "$SCRATCH/out"; then
    fail backtrack "T901 not reported: $(head -3 "$SCRATCH/out")"
elif grep -q "T900" "$SCRATCH/out"; then fail backtrack "T900 findings reported"
else echo "ok backtrack (${ms} ms)"; fi

[ "$failures" -eq 0 ] || exit 1
exit 0
