#!/bin/bash
# The manual pages docs/filinglint.1 and docs/filinglint-rulesets.5:
#   - mandoc -T lint finds nothing in them (style included); the only
#     message let through is each page's reference to the other, which
#     mandoc cannot find before they are installed;
#   - filinglint(1) keeps up with the program: every command of
#     `filinglint help` and every long option of `check --help` is there,
#     and every option the page names is one `check --help` knows.
# Skipped with a message when mandoc is missing (CI installs it:
# .ci/install-deps).
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
PAGES=(docs/filinglint.1 docs/filinglint-rulesets.5)

if command -v mandoc >/dev/null; then
    mandoc -T lint "${PAGES[@]}" >"$SCRATCH/lint" 2>&1
    grep -v -E 'STYLE: referenced manual not found: Xr filinglint(\\-rulesets 5| 1)( \([0-9]+ times\))?$' \
        "$SCRATCH/lint" >"$SCRATCH/left"
    [ ! -s "$SCRATCH/left" ] && ok mandoc-lint || fail mandoc-lint "$(cat "$SCRATCH/left")"
    for p in "${PAGES[@]}"; do
        mandoc -T utf8 "$p" >"$SCRATCH/page" 2>/dev/null && [ -s "$SCRATCH/page" ] && ok "render-$(basename "$p")" ||
            fail "render-$(basename "$p")" "mandoc could not render it"
    done
else
    echo "SKIP: mandoc not installed (apt-get install -y mandoc); the pages were not linted"
fi

# the page against the program
"$FL_BIN" help | sed -n '/^commands:/,/^$/p' | awk 'NF {print $1}' | grep -v '^commands:' >"$SCRATCH/cmds"
[ -s "$SCRATCH/cmds" ] || fail commands-listed "no commands in 'filinglint help'"
while read -r c; do
    grep -q "^\.It Cm ${c//-/\\\\-}\b" docs/filinglint.1 || fail "man-command-$c" "no '.It Cm $c' in filinglint.1"
done <"$SCRATCH/cmds"
"$FL_BIN" check --help | grep -oE -- '--[a-z][a-z-]*' | sort -u >"$SCRATCH/opts"
grep -oE 'Fl \\-[a-z\\-]+' docs/filinglint.1 | sed -E 's/^Fl \\-/--/; s/\\-/-/g' | sort -u >"$SCRATCH/page-opts"
missing=$(comm -23 "$SCRATCH/opts" "$SCRATCH/page-opts" | tr '\n' ' ')
[ -z "$missing" ] && ok man-check-options || fail man-check-options "not in filinglint.1: $missing"
# options the page names but check does not know (the other commands' own
# options are allowed: --corpus of index, --version, serve's)
"$FL_BIN" serve --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u | sort -mu - "$SCRATCH/opts" >"$SCRATCH/all-opts"
extra=$(comm -13 "$SCRATCH/all-opts" "$SCRATCH/page-opts" | grep -vx -e '--version' | tr '\n' ' ')
[ -z "$extra" ] && ok man-no-stale-options || fail man-no-stale-options "unknown to check --help: $extra"

finish
