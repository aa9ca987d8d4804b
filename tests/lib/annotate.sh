# shellcheck shell=bash
# Sourced, after tests/lib/common.sh, by the tests of `check --annotate`
# (tests/sh/annotate_*.sh; not a test itself). Build a marks ruleset, lint,
# annotate:
#   marks_ruleset [--no-section] PARTS WORDS [EXTRA_RULES]
#       writes $SCRATCH/marks.xml: TM01 (warning) on every match of the
#       regular expression WORDS in PARTS, TM02 (error) a missing section,
#       that is a finding about the document as a whole (left out with
#       --no-section), then EXTRA_RULES (more <rule> elements, verbatim);
#       and $SCRATCH/none.xml, the same rules matching nothing.
#   annotate NAME RULES INPUT DIR [LANG]
#       check INPUT with RULES only, --annotate DIR, notes in LANG (zh);
#       the JSON report in DIR/NAME.json, stderr in $SCRATCH/err; returns
#       check's exit status.
#   annotated NAME INPUT DIR
#       annotate with $SCRATCH/marks.xml, which finds something in every
#       fixture: a fail line, and status 1, unless check exits 1; a fail
#       line if INPUT changed.
#   relints_same NAME COPY JSON
#       ok when the annotated COPY lints with $SCRATCH/marks.xml to the same
#       findings (location, rule, excerpt) as the report JSON of its input:
#       the notes change no text the rules read.
#   refuses_self INPUT
#       --annotate into INPUT's own folder is refused (exit 2, one line),
#       and the input and the folder stay as they were.
marks_ruleset() {
    local section=1
    [ "$1" = --no-section ] && { section=0; shift; }
    local parts=$1 words=$2 extra=${3:-}
    {
        cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<ruleset id="marks">
  <rule id="TM01" severity="warning" category="test" basis="测试依据 一（一）">
    <message>出现“{match}”</message>
    <forbid parts="$parts">
      <match>$words</match>
    </forbid>
    <example type="fail" count="1">## 一、概况
本项目位于某地。
</example>
    <example type="pass">## 一、概况
本工程位于某地。
</example>
  </rule>
EOF
        [ "$section" -eq 1 ] && cat <<'EOF'
  <rule id="TM02" severity="error" category="test" basis="测试依据 二">
    <message>缺少“不存在的章节”&lt;&amp;&gt;</message>
    <section heading="^不存在的章节$" name="不存在的章节"/>
    <example type="fail" count="1">## 一、概况
本项目位于某地。
</example>
    <example type="pass">## 不存在的章节
本工程位于某地。
</example>
  </rule>
EOF
        [ -n "$extra" ] && printf '%s\n' "$extra"
        echo '</ruleset>'
    } >"$SCRATCH/marks.xml"
    # every match, TM01's and the extra rules', on a phrase no filing holds;
    # the section on a heading every document has
    sed -e 's|<match>[^<]*</match>|<match>不会出现的词组</match>|' -e 's|heading="^不存在的章节\$"|heading="."|' \
        "$SCRATCH/marks.xml" >"$SCRATCH/none.xml"
}

annotate() {
    timeout 60 "$FL_BIN" check -q --lang "${5:-zh}" -f json --no-default-rulesets --ruleset "$2" --annotate "$4" "$3" \
        >"$4/$1.json" 2>"$SCRATCH/err"
}

annotated() {
    local before rc
    before=$(sha256sum <"$2")
    annotate "$1" "$SCRATCH/marks.xml" "$2" "$3"
    rc=$?
    [ "$rc" -eq 1 ] || { fail "$1" "exit $rc, want 1: $(head -c 300 "$SCRATCH/err")"; return 1; }
    [ "$(sha256sum <"$2")" = "$before" ] || fail "$1-input" "the input changed"
    return 0
}

relints_same() {
    "$FL_BIN" check -q --lang zh -f json --no-default-rulesets --ruleset "$SCRATCH/marks.xml" "$2" \
        >"$SCRATCH/relint.json" 2>/dev/null
    if [ "$(jq -c '[.files[0].findings[] | [.location, .rule, .excerpt]]' "$SCRATCH/relint.json")" = \
         "$(jq -c '[.files[0].findings[] | [.location, .rule, .excerpt]]' "$3")" ]; then ok "relint $1"
    else fail "relint $1" "the copy lints differently"; fi
}

refuses_self() {
    local ext=${1##*.} before rc
    cp "$1" "$SCRATCH/self.$ext"
    before=$(sha256sum <"$SCRATCH/self.$ext")
    annotate self "$SCRATCH/marks.xml" "$SCRATCH/self.$ext" "$SCRATCH"
    rc=$?
    [ "$rc" -eq 2 ] || fail self-exit "exit $rc, want 2"
    grep -q "self.$ext: 无法写出带批注的副本：.* 就是输入文件本身" "$SCRATCH/err" || fail self-msg "$(cat "$SCRATCH/err")"
    [ "$(sha256sum <"$SCRATCH/self.$ext")" = "$before" ] || fail self-input "the input changed"
    compgen -G "$SCRATCH/*tmp*" >/dev/null && fail self-temp "temp file left"
    ok "refuses to write over the input"
}
