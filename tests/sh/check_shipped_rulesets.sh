#!/bin/bash
# Every shipped ruleset proves itself: `filinglint test-rules` over each file
# in rulesets/ (and over all of them, as the default) runs every embedded
# example and must end with "N passed, 0 failed" and exit 0, with N > 0.
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1

check_one() {
    local out rc
    out=$(timeout 120 "$FL_BIN" test-rules "$@" 2>&1)
    rc=$?
    if [ "$rc" -ne 0 ] || ! printf '%s\n' "$out" | tail -1 | grep -Eq '^[1-9][0-9]* passed, 0 failed$'; then
        fail "test-rules $*" "exit $rc"
        printf '%s\n' "$out"
        return
    fi
    ok "test-rules ${*:-(shipped)}: $(printf '%s\n' "$out" | tail -1)"
}

n=0
for f in rulesets/*.xml; do
    check_one "$f"
    n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "FAIL: no shipped rulesets"; exit 1; }
check_one

finish
