#!/bin/bash
# SARIF output (`check --format sarif`): every SARIF this test makes
# validates against the OASIS SARIF 2.1.0 schema (tests/data, with
# Debian's python3-jsonschema), and carries what reviewers' tools and code
# scanning read: rules with descriptions (at most 1024 characters) and
# basis, help in text and Markdown, a ruleIndex on every result that points
# at its rule, level error/warning/note, artifact URIs relative to SRCROOT
# (the working folder, in originalUriBaseIds) and percent-encoded, absolute
# file: URIs outside it, regions (endColumn exclusive, while JSON's
# end_column is inclusive), the section path as a logical location,
# partialFingerprints that survive edits elsewhere in the document (also as
# primaryLocationLineHash), and the invocation: command line, times,
# working folder, the run's --as-of.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
# Run with LANG=zh_CN.UTF-8 (tests/CMakeLists.txt): the texts this test
# reads are those a Chinese user gets.
SCHEMA="$SRC/tests/data/sarif-schema-2.1.0.json"


if [ ! -f "$SCHEMA" ]; then
    echo "FAIL: schema: $SCHEMA not found"
    exit 1
fi
python3 -c "import jsonschema" 2>/dev/null || { echo "FAIL: python3-jsonschema is not installed"; exit 1; }

n=0
# name  expected-exit  filinglint-args...   -> $SCRATCH/NAME.sarif, validated
sarif() {
    local name=$1 want=$2
    shift 2
    timeout 120 "$FL_BIN" check -f sarif "$@" >"$SCRATCH/$name.sarif" 2>"$SCRATCH/$name.err"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$name" "exit $rc, want $want (stderr: $(head -c 300 "$SCRATCH/$name.err"))"
        return 1
    fi
    if ! python3 - "$SCHEMA" "$SCRATCH/$name.sarif" >"$SCRATCH/$name.val" 2>&1 <<'EOF'; then
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
for e in errors[:5]:
    print("/".join(map(str, e.path)), e.message[:200])
sys.exit(1 if errors else 0)
EOF
        fail "$name-schema" "$(head -c 600 "$SCRATCH/$name.val")"
        return 1
    fi
    if ! python3 - "$SCRATCH/$name.sarif" >"$SCRATCH/$name.shape" 2>&1 <<'EOF'; then
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert len(set(ids)) == len(ids), "a rule listed twice"
for r in rules:
    for k in ("shortDescription", "fullDescription"):
        assert 0 < len(r[k]["text"]) <= 1024, (r["id"], k, len(r[k]["text"]))
    assert r["help"]["text"].startswith(r["id"]) and r["help"]["markdown"].startswith("**" + r["id"]), r["id"]
for res in run["results"]:
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"], res["ruleId"]
    fp = res["partialFingerprints"]
    assert fp["primaryLocationLineHash"] == fp["filinglint/v1"]
root = run["originalUriBaseIds"]["SRCROOT"]["uri"]
assert root.startswith("file:///") and root.endswith("/") and "/../" not in root, root
assert run["invocations"][0]["workingDirectory"]["uri"] == root
def locs():
    for a in run["artifacts"]: yield a["location"]
    for res in run["results"]: yield res["locations"][0]["physicalLocation"]["artifactLocation"]
    for n in run["invocations"][0]["toolExecutionNotifications"]: yield n["locations"][0]["physicalLocation"]["artifactLocation"]
for al in locs():
    if al["uri"].startswith("file:"): assert "uriBaseId" not in al, al
    else: assert al.get("uriBaseId") == "SRCROOT" and not al["uri"].startswith(("/", "../")), al
EOF
        fail "$name-shape" "$(tail -c 600 "$SCRATCH/$name.shape")"
        return 1
    fi
    n=$((n + 1))
    ok "$name-valid"
    return 0
}


# a folder of every kind of fixture, broken files included
sarif fixtures 2 -j2 fixtures/docx fixtures/xml fixtures/text fixtures/check fixtures/batch fixtures/hostile
sarif empty 0 --no-default-rulesets --ruleset fixtures/batch/rulesets/sibling.xml fixtures/check/clean.md

# levels, regions, logical location, rule descriptions
if sarif residue 1 fixtures/check/residue.md fixtures/check/untyped.md; then
    python3 - "$SCRATCH/residue.sarif" <<'EOF' && ok residue-fields || fail residue-fields "see above"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert run["columnKind"] == "unicodeCodePoints"
res = [r for r in run["results"] if r["ruleId"] == "DOC001"]
r = res[0]
loc = r["locations"][0]
assert r["level"] == "error"
assert loc["physicalLocation"]["artifactLocation"]["uri"] == "fixtures/check/residue.md", loc
reg = loc["physicalLocation"]["region"]
assert (reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"]) == (6, 6, 6, 8), reg  # "XX": exclusive end
assert reg["snippet"]["text"] == "XX"
ll = loc["logicalLocations"][0]
assert ll["fullyQualifiedName"] == "建设项目环境影响报告表 › 一、建设项目基本情况" and ll["name"] == "一、建设项目基本情况", ll
assert len(r["partialFingerprints"]["filinglint/v1"]) == 32
info = [r for r in run["results"] if r["ruleId"] == "DOC010"]
assert info and info[0]["level"] == "note", info
rules = {x["id"]: x for x in run["tool"]["driver"]["rules"]}
d = rules["DOC001"]
assert d["defaultConfiguration"]["level"] == "error"
assert d["shortDescription"]["text"] and d["fullDescription"]["text"].endswith("依据：《建设项目环境影响报告书（表）编制监督管理办法》（生态环境部令第9号） 第二十六条第一款（质量问题） 2019-11-01 起施行；适用于 eia-book eia-form"), d
assert rules["DOC010"]["defaultConfiguration"]["level"] == "note"
assert run["invocations"][0]["executionSuccessful"] is True
EOF
fi
# JSON's end_column is inclusive (docs/cli.md: 28 characters end at 28)
"$FL_BIN" check -f json fixtures/check/residue.md >"$SCRATCH/residue.json" 2>/dev/null
python3 - "$SCRATCH/residue.json" <<'EOF' && ok json-end-column || fail json-end-column "see above"
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]["findings"]
locs = [(x["location"]["line"], x["location"]["column"], x["location"]["end_column"]) for x in f if x["rule"] == "DOC001"]
assert locs[0] == (6, 6, 7) and locs[-1] == (16, 1, 18), locs
EOF

# --select: only the selected rules are listed
if sarif select 1 --select DOC001 fixtures/check/residue.md; then
    python3 - "$SCRATCH/select.sarif" <<'EOF' && ok select-rules || fail select-rules "rule list"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["DOC001"], run["tool"]["driver"]["rules"]
EOF
fi

# built-in suppression rules appear in the rule list when they fire
if sarif suppress 1 --select DOC001,LINT fixtures/batch/suppress.docx; then
    python3 - "$SCRATCH/suppress.sarif" <<'EOF' && ok suppress-rules || fail suppress-rules "LINT rules"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert ids == ["DOC001", "LINT001", "LINT002"], ids
assert sorted(r["ruleId"] for r in run["results"]) == ["DOC001", "DOC001", "LINT001", "LINT002"]
assert all(r["level"] == "note" for r in run["results"] if r["ruleId"].startswith("LINT"))
EOF
fi

# URIs: relative to SRCROOT (the working folder), percent-encoded; an
# absolute file: URI outside it, however it was named (../x, /abs/x)
mkdir -p "$SCRATCH/work/报告 文件夹" "$SCRATCH/outside"
cp fixtures/check/residue.md "$SCRATCH/work/报告 文件夹/第1版#.md"
cp fixtures/check/residue.md "$SCRATCH/outside/x.md"
(cd "$SCRATCH/work" && "$FL_BIN" check -f sarif "报告 文件夹" "$SCRATCH/work/报告 文件夹/第1版#.md" ../outside/x.md "$SCRATCH/outside/x.md" \
    "./报告 文件夹/../报告 文件夹/第1版#.md" >"$SCRATCH/uri.sarif" 2>/dev/null)
python3 - "$SCRATCH/uri.sarif" "$SCRATCH" <<'EOF' && ok uri || fail uri "see above"
import json, os, sys, urllib.parse
run = json.load(open(sys.argv[1]))["runs"][0]
work = os.path.realpath(sys.argv[2] + "/work")
root = run["originalUriBaseIds"]["SRCROOT"]["uri"]
assert root == "file://" + urllib.parse.quote(work, safe="/") + "/", root
locs = [a["location"] for a in run["artifacts"]]
uris = [l["uri"] for l in locs]
enc = urllib.parse.quote("报告 文件夹/第1版#.md", safe="/")
outside = "file://" + urllib.parse.quote(os.path.realpath(sys.argv[2] + "/outside/x.md"), safe="/")
assert uris == [enc, outside], (uris, enc, outside)  # each artifact once, however it was named
assert locs[0]["uriBaseId"] == "SRCROOT" and "uriBaseId" not in locs[1], locs
# SRCROOT + uri is the file
assert urllib.parse.unquote(urllib.parse.urlparse(root + uris[0]).path) == work + "/报告 文件夹/第1版#.md"
for u in uris:
    assert all(c.isascii() and c not in " #" for c in u), u
for r in run["results"]:
    al = r["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uris[al["index"]] == al["uri"], al
assert len({r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for r in run["results"]}) == 2
EOF
python3 - "$SCHEMA" "$SCRATCH/uri.sarif" <<'EOF' && ok uri-valid || fail uri-valid "schema"
import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
EOF
# run from the root folder: every path is relative to "/"
(cd / && "$FL_BIN" check -f sarif "$SCRATCH/outside/x.md" >"$SCRATCH/root.sarif" 2>/dev/null)
python3 - "$SCRATCH/root.sarif" "$SCRATCH" <<'EOF' && ok uri-root || fail uri-root "see above"
import json, os, sys, urllib.parse
run = json.load(open(sys.argv[1]))["runs"][0]
assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file:///", run["originalUriBaseIds"]
want = urllib.parse.quote(os.path.realpath(sys.argv[2] + "/outside/x.md")[1:], safe="/")
assert run["artifacts"][0]["location"] == {"uri": want, "uriBaseId": "SRCROOT"}, run["artifacts"][0]
EOF

# the invocation: command line, arguments, times, the run's --as-of and where it came from
sarif asof 1 --as-of 2019-04-01 fixtures/check/residue.md && python3 - "$SCRATCH/asof.sarif" <<'EOF' && ok invocation || fail invocation "see above"
import json, re, sys
inv = json.load(open(sys.argv[1]))["runs"][0]["invocations"][0]
assert inv["commandLine"] == "filinglint check -f sarif --as-of 2019-04-01 fixtures/check/residue.md", inv["commandLine"]
assert inv["arguments"] == ["check", "-f", "sarif", "--as-of", "2019-04-01", "fixtures/check/residue.md"], inv["arguments"]
assert inv["properties"] == {"as_of": "2019-04-01", "as_of_origin": "command line"}, inv["properties"]
for k in ("startTimeUtc", "endTimeUtc"):
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", inv[k]), inv[k]
assert inv["startTimeUtc"] <= inv["endTimeUtc"]
assert inv["executionSuccessful"] is True
EOF
sarif noasof 1 fixtures/check/residue.md && python3 - "$SCRATCH/noasof.sarif" <<'EOF' && ok invocation-no-as-of || fail invocation-no-as-of "see above"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert "as_of" not in run["invocations"][0]["properties"], run["invocations"][0]["properties"]
assert run["artifacts"][0]["properties"]["judged_from"] in ("filing", "today")
EOF
printf '<filinglint>\n  <as-of>2020-05-01</as-of>\n</filinglint>\n' >"$SCRATCH/cfg.xml"
cp fixtures/check/residue.md "$SCRATCH/a b.md"
(cd "$SCRATCH" && SOURCE_DATE_EPOCH=1767225600 "$FL_BIN" check -f sarif --config cfg.xml "a b.md" >"$SCRATCH/cfg.sarif" 2>/dev/null)
python3 - "$SCRATCH/cfg.sarif" <<'EOF' && ok invocation-config || fail invocation-config "see above"
import json, sys
inv = json.load(open(sys.argv[1]))["runs"][0]["invocations"][0]
assert inv["properties"] == {"as_of": "2020-05-01", "as_of_origin": "config"}, inv["properties"]
assert inv["commandLine"] == "filinglint check -f sarif --config cfg.xml 'a b.md'", inv["commandLine"]
assert inv["startTimeUtc"] == inv["endTimeUtc"] == "2026-01-01T00:00:00Z", inv  # SOURCE_DATE_EPOCH
EOF

# help: the rule's text, its dated bases, one example of each kind, in text and
# Markdown; a description over 1024 characters is cut, the help keeps it whole
sarif help 1 --select EIA501 --doc-type eia-form fixtures/check/residue.md && python3 - "$SCRATCH/help.sarif" <<'EOF' && ok help || fail help "see above"
import json, sys
rule = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"][0]
h = rule["help"]
assert rule["id"] == "EIA501"
for t in (h["text"], h["markdown"]):
    assert "第十四条第二款" in t and "2019-11-01 起施行" in t, t[:300]
    assert "应报告的示例" in t and "不应报告的示例" in t and "--ignore EIA501" in t
assert "```text\n" in h["markdown"] and h["markdown"].count("```") % 2 == 0
assert "\n    编制单位和编制人员情况表" in h["text"]
assert rule["properties"]["tags"] == [rule["properties"]["category"], "procedure"], rule["properties"]["tags"]
assert rule["properties"]["problem.severity"] == "error"
EOF
long=$(python3 -c 'print("说明文字，" * 400)')
cat >"$SCRATCH/long.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<ruleset id="long">
  <rule id="TL01" severity="info" category="test" basis="一（一）" basis-doc="《测试办法》">
    <summary>出现“测试词”</summary>
    <message>出现“{match}”</message>
    <description>$long</description>
    <forbid match="测试词"/>
    <example type="fail">这里有测试词。
\`\`\`
</example>
    <example type="pass">这里没有。</example>
  </rule>
</ruleset>
EOF
printf '# 标题\n\n这里有测试词。\n' >"$SCRATCH/long.md"
sarif long 0 --no-default-rulesets --ruleset "$SCRATCH/long.xml" "$SCRATCH/long.md" && python3 - "$SCRATCH/long.sarif" <<'EOF' && ok long-description || fail long-description "see above"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rule = run["tool"]["driver"]["rules"][0]
full = rule["fullDescription"]["text"]
assert len(full) == 1024 and full.endswith("……（全文见规则帮助）"), (len(full), full[-20:])
assert rule["help"]["text"].count("说明文字") == 400 and "依据：《测试办法》 一（一）" in rule["help"]["text"]
assert "````text\n" in rule["help"]["markdown"], "the fence must be longer than the example's"
assert run["results"][0]["level"] == "note" and rule["properties"]["problem.severity"] == "recommendation"
EOF

# partialFingerprints survive paragraphs inserted above; the new finding differs
cp fixtures/batch/report-v1.docx "$SCRATCH/report.docx"
(cd "$SCRATCH" && "$FL_BIN" check -f sarif report.docx >"$SCRATCH/v1.sarif" 2>/dev/null)
cp fixtures/batch/report-v2.docx "$SCRATCH/report.docx"
(cd "$SCRATCH" && "$FL_BIN" check -f sarif report.docx >"$SCRATCH/v2.sarif" 2>/dev/null)
python3 - "$SCRATCH/v1.sarif" "$SCRATCH/v2.sarif" <<'EOF' && ok fingerprints || fail fingerprints "see above"
import json, sys
def fps(p):
    return {(r["partialFingerprints"]["filinglint/v1"], r["ruleId"]): r["locations"][0]["physicalLocation"]["region"]["startLine"]
            for r in json.load(open(p))["runs"][0]["results"] if r["ruleId"] == "DOC001"}
a, b = fps(sys.argv[1]), fps(sys.argv[2])
assert len(a) == 2 and len(b) == 3, (a, b)
assert set(a) < set(b), (a, b)
assert all(a[k] != b[k] for k in a), "lines should have moved"
EOF
for f in v1 v2; do
    python3 - "$SCHEMA" "$SCRATCH/$f.sarif" <<'EOF' && ok "$f-valid" || fail "$f-valid" "schema"
import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
EOF
done

# with --baseline, the known results are left out and the log stays valid
(cd "$SCRATCH" && cp "$SRC/fixtures/batch/report-v1.docx" report.docx && "$FL_BIN" check -q --write-baseline base.json report.docx >/dev/null 2>&1;
 cp "$SRC/fixtures/batch/report-v2.docx" report.docx && "$FL_BIN" check -f sarif --baseline base.json report.docx >"$SCRATCH/bl.sarif" 2>/dev/null)
python3 - "$SCHEMA" "$SCRATCH/bl.sarif" <<'EOF' && ok baseline-sarif || fail baseline-sarif "see above"
import json, sys, jsonschema
log = json.load(open(sys.argv[2]))
jsonschema.validate(log, json.load(open(sys.argv[1])))
res = [r for r in log["runs"][0]["results"] if r["ruleId"] == "DOC001"]
assert len(res) == 1 and res[0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "××", res
EOF

# the SARIF golden files too (their last line is the golden runner's "exit: N")
for g in tests/golden/check-batch/*sarif*.out; do
    python3 - "$SCHEMA" "$g" <<'EOF' && ok "golden-$(basename "$g")" || fail "golden-$(basename "$g")" "schema"
import json, sys, jsonschema
text = open(sys.argv[2], encoding="utf-8").read()
text = text[:text.rindex("exit: ")]
jsonschema.validate(json.loads(text), json.load(open(sys.argv[1])))
EOF
done

[ "$n" -ge 5 ] || fail count "only $n SARIF logs validated"
[ "$failures" -eq 0 ] || exit 1
exit 0
