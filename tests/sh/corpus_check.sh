#!/bin/bash
# `check --corpus DB` (EIA303) on fixtures/corpus/: b copied a's process
# description and monitoring results with numbers changed, so checking b
# reports EIA303 at both passages naming a and its lines (JSON and SARIF
# relatedLocations, schema-valid); the honest filings c..f get no EIA303;
# a database that cannot be opened is exit 2 with one line on stderr.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
# Run with LANG=zh_CN.UTF-8 (tests/CMakeLists.txt): the texts this test
# reads are those a Chinese user gets.

SCHEMA="$SRC/tests/data/sarif-schema-2.1.0.json"
A=fixtures/corpus/a-plastics-wuzhong.md
B=fixtures/corpus/b-plastics-wujin.md
DB="$SCRATCH/c.db"
"$FL_BIN" index -q --corpus "$DB" fixtures/corpus/*.md || fail setup "index failed"

# The copier: exactly the two passages index --query finds, as EIA303.
timeout 120 "$FL_BIN" check --corpus "$DB" -f json --fail-on never "$B" >"$SCRATCH/b.json" 2>"$SCRATCH/b.err"
rc=$?
[ "$rc" -eq 0 ] && ok copier-exit || fail copier-exit "exit $rc: $(head -c 300 "$SCRATCH/b.err")"
python3 - "$SCRATCH/b.json" "$A" <<'PY' && ok copier-findings || fail copier-findings "see above"
import json, sys
log = json.load(open(sys.argv[1]))
a = sys.argv[2]
got = [(f["location"]["line"], f["location"]["column"], f["location"]["end_line"], f["location"]["end_column"], f["message"])
       for f in log["files"][0]["findings"] if f["rule"] == "EIA303"]
want = [(25, 31, 25, 240, f"本段与{a}第25行的内容相同（210字），疑为照搬其他项目的文字"),
        (35, 9, 39, 46, f"本段与{a}第35行的内容相同（247字），疑为照搬其他项目的文字")]
if got != want:
    print("got ", got); print("want", want); sys.exit(1)
sev = {f["severity"] for f in log["files"][0]["findings"] if f["rule"] == "EIA303"}
if sev != {"warning"}:
    print("severity", sev); sys.exit(1)
PY

# The honest filings: no EIA303 (other rules may report).
timeout 120 "$FL_BIN" check --corpus "$DB" -f json --fail-on never fixtures/corpus/[c-f]-*.md >"$SCRATCH/h.json" 2>"$SCRATCH/h.err"
rc=$?
[ "$rc" -eq 0 ] && ok honest-exit || fail honest-exit "exit $rc: $(head -c 300 "$SCRATCH/h.err")"
python3 - "$SCRATCH/h.json" <<'PY' && ok honest-findings || fail honest-findings "see above"
import json, sys
log = json.load(open(sys.argv[1]))
if len(log["files"]) != 4: print("files", len(log["files"])); sys.exit(1)
bad = [(x["path"], f["location"]["line"]) for x in log["files"] for f in x["findings"] if f["rule"] == "EIA303"]
if bad: print("EIA303 in honest filings:", bad); sys.exit(1)
PY

# Without --corpus the rule does not run.
"$FL_BIN" check -f json --fail-on never "$B" >"$SCRATCH/n.json" 2>/dev/null
if grep -q EIA303 "$SCRATCH/n.json"; then fail no-corpus "EIA303 without --corpus"; else ok no-corpus; fi

# A missing database: exit 2, one line naming it, no report of findings.
"$FL_BIN" check --corpus "$SCRATCH/missing.db" "$B" >"$SCRATCH/m.out" 2>"$SCRATCH/m.err"
rc=$?
[ "$rc" -eq 2 ] && ok missing-exit || fail missing-exit "exit $rc, want 2"
lines=$(wc -l <"$SCRATCH/m.err")
if [ "$lines" -eq 1 ] && grep -q "missing.db" "$SCRATCH/m.err"; then ok missing-message
else fail missing-message "want one line naming missing.db, got: $(head -c 400 "$SCRATCH/m.err")"; fi
[ ! -e "$SCRATCH/missing.db" ] && ok missing-not-created || fail missing-not-created "check created the database"

# SARIF: relatedLocations with the other filing and line; valid against the schema.
"$FL_BIN" check --corpus "$DB" -f sarif --fail-on never --select EIA303 "$B" >"$SCRATCH/b.sarif" 2>/dev/null
python3 - "$SCRATCH/b.sarif" "$A" <<'PY' && ok sarif-related || fail sarif-related "see above"
import json, sys
log = json.load(open(sys.argv[1]))
rel = [(r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        r["relatedLocations"][0]["physicalLocation"]["region"]["startLine"])
       for r in log["runs"][0]["results"] if r["ruleId"] == "EIA303"]
want = [(sys.argv[2], 25), (sys.argv[2], 35)]
if rel != want: print("got", rel, "want", want); sys.exit(1)
PY
if [ -f "$SCHEMA" ] && python3 -c "import jsonschema" 2>/dev/null; then
    python3 - "$SCHEMA" "$SCRATCH/b.sarif" <<'PY' && ok sarif-valid || fail sarif-valid "schema"
import json, sys, jsonschema
jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))
PY
else
    fail sarif-valid "schema $SCHEMA or python3-jsonschema missing"
fi

# HTML: the other filing next to the message.
"$FL_BIN" check --corpus "$DB" -f html --fail-on never --select EIA303 "$B" >"$SCRATCH/b.html" 2>/dev/null
n=$(grep -o "另见 $A 第 [0-9]* 行" "$SCRATCH/b.html" | sort -u | tr '\n' ';')
[ "$n" = "另见 $A 第 25 行;另见 $A 第 35 行;" ] && ok html-related || fail html-related "got '$n'"

exit $((failures > 0))
