#!/bin/bash
# Baselines (docs/batch.md): --write-baseline records the current findings,
# --baseline hides them and reports only new ones. Fingerprints leave line
# numbers out, so a filing edited with paragraphs inserted above its old
# findings (fixtures/batch/report-v1 -> report-v2, .md and .docx) reports
# only the finding that is really new; an occurrence index tells identical
# findings apart; paths match however they are spelled ("./x").
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"


W="$SCRATCH/w"
mkdir -p "$W"
cd "$W" || exit 1

# name  expected-exit  filinglint-args...   (stdout -> out, stderr -> err)
run() {
    local name=$1 want=$2
    shift 2
    timeout 60 "$FL_BIN" "$@" >out 2>err
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$name" "exit $rc, want $want (stderr: $(head -c 300 err))"
        return 1
    fi
    return 0
}

# "line:col rule" of every finding in text output
located() { grep -o '^[^ ]*:[0-9]*:[0-9]*: [a-z]*: .*\[[A-Z0-9]*\]$' out | sed -E 's/^([^:]*):([0-9]+):([0-9]+): [a-z]+: .*\[([A-Z0-9]+)\]$/\1:\2:\3 \4/' | tr '\n' ' '; }

for ext in md docx; do
    cp "$SRC/fixtures/batch/report-v1.$ext" "report.$ext"
    # recording is the run's purpose: exit 0 although it records findings
    run "write-$ext" 0 check --select DOC001 --write-baseline "base-$ext.json" "report.$ext" || continue
    python3 - "base-$ext.json" "report.$ext" <<'EOF' && ok "write-$ext" || fail "write-$ext" "baseline file content"
import json, sys
b = json.load(open(sys.argv[1]))
assert b["tool"] == "filinglint" and b["baseline_version"] == 1
f = b["findings"]
assert len(f) == 2 and all(x["path"] == sys.argv[2] and x["rule"] == "DOC001" and len(x["fingerprint"]) == 32 for x in f), f
assert len({x["fingerprint"] for x in f}) == 2
EOF
    cp "$SRC/fixtures/batch/report-v2.$ext" "report.$ext"
    run "v2-all-$ext" 1 check --select DOC001 "report.$ext" && {
        [ "$(grep -c '\[DOC001\]' out)" -eq 3 ] && ok "v2-all-$ext" || fail "v2-all-$ext" "want 3 findings: $(located)"
    }
    # the two old findings moved down; only the new one is reported
    if run "v2-baseline-$ext" 1 check --select DOC001 --baseline "base-$ext.json" "./report.$ext"; then
        case $ext in md) want="./report.md:9:6 DOC001 " ;; docx) want="./report.docx:7:6 DOC001 " ;; esac
        [ "$(located)" = "$want" ] && ok "v2-baseline-$ext" || fail "v2-baseline-$ext" "got '$(located)', want '$want'"
        grep -qx "filinglint: 2 known findings hidden by the baseline base-$ext.json" err || fail "v2-baseline-$ext-note" "$(cat err)"
        grep -q "^1 file checked: 1 error," out || fail "v2-baseline-$ext-summary" "$(tail -1 out)"
    fi
done

# identical findings in one block: the occurrence index counts them
printf '# 建设项目环境影响报告表\n\n## 一、建设项目基本情况\n\n建设地点：××市××区\n' >same.md
run occurrence-write 0 check --select DOC001 --write-baseline occ.json same.md
printf '# 建设项目环境影响报告表\n\n## 一、建设项目基本情况\n\n新增一段说明。\n\n建设地点：××市××区××镇\n' >same.md
if run occurrence 1 check --select DOC001 --baseline occ.json same.md; then
    [ "$(located)" = "same.md:7:12 DOC001 " ] && ok occurrence || fail occurrence "got '$(located)'"
fi

# a fixed finding simply disappears; nothing new: exit 0
printf '# 建设项目环境影响报告表\n\n## 一、建设项目基本情况\n\n建设地点：苏州市××区\n' >same.md
run fixed 0 check --select DOC001 --baseline occ.json same.md && ok fixed

# the baseline also applies to jsonl / sarif, and -q silences the note
run quiet-jsonl 0 check -q -f jsonl --select DOC001 --baseline occ.json same.md && {
    [ ! -s out ] && [ ! -s err ] && ok quiet-jsonl || fail quiet-jsonl "output: $(cat out err)"
}

# --write-baseline with --baseline records everything current (to refresh it)
cp "$SRC/fixtures/batch/report-v2.md" report.md
if run refresh 0 check --select DOC001 --baseline base-md.json --write-baseline base2.json report.md; then
    python3 -c "import json,sys; f=json.load(open('base2.json'))['findings']; sys.exit(len(f) != 3)" \
        && ok refresh || fail refresh "want 3 entries"
fi
run refreshed 0 check --select DOC001 --baseline base2.json report.md && ok refreshed

# -o and the baseline are written atomically: no temp file left behind
[ -z "$(ls -A | grep tmp)" ] && ok no-temp || fail no-temp "left: $(ls -A)"

# errors: a missing or broken baseline given on the command line is exit 2
run missing 2 check --baseline nonexistent.json report.md && grep -q "nonexistent.json" err && ok missing
echo '{"baseline_version": 1, "findings": [{"path": 3}]}' >broken.json
run broken 2 check --baseline broken.json report.md && grep -q "broken.json: baseline entry 1" err && ok broken \
    || fail broken-msg "$(cat err)"
echo 'not json' >broken.json
run broken-json 2 check --baseline broken.json report.md && grep -q "broken.json: not a baseline file" err && ok broken-json
# a baseline of another version is refused, not half-read; a file that is not
# JSON is named without quoting what it holds (a config can name any file)
echo '{"baseline_version": 999, "findings": []}' >future.json
run future-version 2 check --baseline future.json report.md && grep -q "future.json: baseline of an unknown version" err \
    && ok future-version || fail future-version-msg "$(cat err)"
printf 'SECRET-WORD and more\n' >notes.txt
run not-json-quiet 2 check --baseline notes.txt report.md && ! grep -q SECRET err && ok not-json-quiet \
    || fail not-json-quiet "$(cat err)"
# a baseline larger than 64 MiB is refused before it is read
truncate -s 65M huge.json
run huge-baseline 2 check --baseline huge.json report.md && grep -q "larger than 64 MiB" err && ok huge-baseline \
    || fail huge-baseline "$(cat err)"
run write-bad-dir 2 check --write-baseline no/such/dir/b.json report.md && ok write-bad-dir

[ "$failures" -eq 0 ] || exit 1
exit 0
