#!/bin/bash
# One language per run (--lang zh|en, core/i18n.h), through the outputs that
# goldens cannot see:
#   - the default from the environment: LC_ALL, then LC_MESSAGES, then LANG
#     (zh* Chinese, anything else English; an empty variable is unset), and
#     --lang over all of them;
#   - <lang> in .filinglint.xml, between the environment and --lang;
#   - stderr: the line of a file that cannot be read, a reading note;
#   - the HTML page: no English words in the Chinese page and no Chinese in
#     the English one, except what the filing, the rulesets and the law say
#     (their text is marked up apart: .blk, .msg, .basis, .summary, .title);
#   - Word comments of --annotate: [错误]/依据： or [error]/Basis:;
#   - test-rules fails when a shipped rule's message has no English twin or
#     its placeholders differ, and warns for another ruleset.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
R=fixtures/check/residue.md

# lint R in environment "$@" (VAR=value...), stdout only
lint_in() { env -u LC_ALL -u LC_MESSAGES -u LANG "$@" "$FL_BIN" check --fail-on never "$R" 2>/dev/null; }
"$FL_BIN" check --lang zh --fail-on never "$R" >"$SCRATCH/zh" 2>/dev/null
"$FL_BIN" check --lang en --fail-on never "$R" >"$SCRATCH/en" 2>/dev/null
grep -q '^检查了 1 个文件：错误 [0-9]* 个' "$SCRATCH/zh" && grep -q ': 错误: ' "$SCRATCH/zh" && ok zh-report ||
    fail zh-report "$(tail -1 "$SCRATCH/zh")"
grep -q '^1 file checked: [0-9]* errors' "$SCRATCH/en" && grep -q ': error: Template placeholder' "$SCRATCH/en" && ok en-report ||
    fail en-report "$(tail -1 "$SCRATCH/en")"
# by the environment: which variable decides
env_case() {
    local name=$1 want=$2
    shift 2
    lint_in "$@" >"$SCRATCH/got"
    cmp -s "$SCRATCH/got" "$SCRATCH/$want" && ok "env-$name" || fail "env-$name" "$* gave $(tail -1 "$SCRATCH/got")"
}
env_case lang-zh zh LANG=zh_CN.UTF-8
env_case lang-gbk zh LANG=zh_CN.GB18030
env_case lang-c en LANG=C
env_case lang-en en LANG=en_US.UTF-8
env_case none en
env_case lc-all-first zh LC_ALL=zh_CN.UTF-8 LC_MESSAGES=C LANG=C
env_case lc-messages-before-lang en LC_MESSAGES=C.UTF-8 LANG=zh_CN.UTF-8
env_case empty-is-unset zh LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8
env -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$FL_BIN" check --lang en --fail-on never "$R" >"$SCRATCH/got" 2>/dev/null
cmp -s "$SCRATCH/got" "$SCRATCH/en" && ok option-over-env || fail option-over-env "$(tail -1 "$SCRATCH/got")"
env -u LC_ALL -u LC_MESSAGES LANG=C "$FL_BIN" check --fail-on never --lang=zh "$R" >"$SCRATCH/got" 2>/dev/null
cmp -s "$SCRATCH/got" "$SCRATCH/zh" && ok option-equals || fail option-equals "$(tail -1 "$SCRATCH/got")"
run bad-lang 2 check --lang fr "$R" && [ "$(head -1 "$SCRATCH/err")" = "filinglint: --lang wants zh or en, not 'fr'" ] &&
    ok bad-lang-msg || fail bad-lang-msg "$(cat "$SCRATCH/err")"
run bad-lang-first 2 --lang fr help && grep -q "^filinglint: --lang wants zh or en, not 'fr'" "$SCRATCH/err" &&
    ok bad-lang-first || fail bad-lang-first "$(cat "$SCRATCH/err")"
for cmd in dump rules explain test-rules index config data; do
    "$FL_BIN" "$cmd" --lang zh --help >"$SCRATCH/out" 2>&1
    head -1 "$SCRATCH/out" | grep -q '^用法：filinglint' && ok "help-zh-$cmd" || fail "help-zh-$cmd" "$(head -1 "$SCRATCH/out")"
done
"$FL_BIN" --lang zh help | head -1 | grep -q '^用法：' && ok help-zh || fail help-zh "no Chinese usage"
"$FL_BIN" --lang=zh --help | head -1 | grep -q '^用法：' && ok help-zh-option || fail help-zh-option "no Chinese usage"
env LANG=zh_CN.UTF-8 "$FL_BIN" --lang en help dump | head -1 | grep -q '^usage: filinglint dump' && ok help-en-command ||
    fail help-en-command "no English usage"

# stderr: an unreadable file, a reading note
run missing-zh 2 check --lang zh fixtures/check/missing.md &&
    err_line missing-zh-line '^fixtures/check/missing.md: 无法读取：没有那个文件或目录$'
run missing-en 2 check --lang en fixtures/check/missing.md &&
    err_line missing-en-line '^fixtures/check/missing.md: cannot read: No such file or directory$'
run note-zh 0 check --lang zh --fail-on never fixtures/text/textin-form-gbk.txt &&
    grep -qx 'fixtures/text/textin-form-gbk.txt: 说明：按 GB18030 编码读取' "$SCRATCH/err" && ok note-zh ||
    fail note-zh "$(cat "$SCRATCH/err")"
run note-en 0 check --lang en --fail-on never fixtures/text/textin-form-gbk.txt &&
    grep -qx 'fixtures/text/textin-form-gbk.txt: note: read as GB18030' "$SCRATCH/err" && ok note-en ||
    fail note-en "$(cat "$SCRATCH/err")"

# .filinglint.xml: <lang> over the environment, under --lang
C="$SCRATCH/cfg"
mkdir -p "$C"
cp "$R" "$C/r.md"
printf '<filinglint>\n  <lang>zh</lang>\n</filinglint>\n' >"$C/.filinglint.xml"
(cd "$C" && env LANG=C "$FL_BIN" check --fail-on never r.md) >"$SCRATCH/got" 2>/dev/null
grep -q '^检查了 1 个文件' "$SCRATCH/got" && ok config-lang || fail config-lang "$(tail -1 "$SCRATCH/got")"
(cd "$C" && env LANG=C "$FL_BIN" check --lang en --fail-on never r.md) >"$SCRATCH/got" 2>/dev/null
grep -q '^1 file checked' "$SCRATCH/got" && ok config-lang-option || fail config-lang-option "$(tail -1 "$SCRATCH/got")"
(cd "$C" && env LANG=C "$FL_BIN" config) >"$SCRATCH/got" 2>&1
grep -qx 'lang：zh（配置文件）' "$SCRATCH/got" && ok config-lang-shown || fail config-lang-shown "$(cat "$SCRATCH/got")"
(cd "$C" && env -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$FL_BIN" config --no-config --lang en) >"$SCRATCH/got" 2>&1
grep -qx 'lang: en (command line)' "$SCRATCH/got" && ok config-lang-cli || fail config-lang-cli "$(grep lang "$SCRATCH/got")"
(cd "$C" && env -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$FL_BIN" config --no-config) >"$SCRATCH/got" 2>&1
grep -qx 'lang：zh（环境变量 LANG）' "$SCRATCH/got" && ok config-lang-env || fail config-lang-env "$(grep lang "$SCRATCH/got")"
printf '<filinglint>\n  <lang>fr</lang>\n</filinglint>\n' >"$C/.filinglint.xml"
(cd "$C" && env LANG=C "$FL_BIN" check r.md) >/dev/null 2>"$SCRATCH/err"
rc=$?
[ $rc -eq 2 ] && grep -q "\.filinglint\.xml:2: <lang> wants zh or en, not 'fr'" "$SCRATCH/err" && ok config-lang-bad ||
    fail config-lang-bad "exit $rc: $(cat "$SCRATCH/err")"

# The HTML page. ui.py PAGE zh|en: the page's own words, without what the
# filing, the rulesets and the law say, must be in one language.
cat >"$SCRATCH/ui.py" <<'EOF'
import re, sys
from html.parser import HTMLParser
page, lang = sys.argv[1], sys.argv[2]
# the filing's text, the messages, the law, the rulesets' own words, paths and code
SKIP_CLASS = {"blk", "msg", "basis", "summary", "title", "path", "sec", "cellpos"}
SKIP_TAG = {"style", "script", "code", "a"}
VOID = {"meta", "br", "input", "link", "img", "hr"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text = [], []
    def handle_starttag(self, tag, attrs):
        if tag in VOID: return
        cls = set((dict(attrs).get("class") or "").split())
        skip = (self.stack and self.stack[-1]) or tag in SKIP_TAG or bool(cls & SKIP_CLASS)
        self.stack.append(skip)
    def handle_endtag(self, tag):
        if tag not in VOID and self.stack: self.stack.pop()
    def handle_data(self, d):
        if not (self.stack and self.stack[-1]) and d.strip(): self.text.append(d.strip())
p = P()
p.feed(open(page, encoding="utf-8").read())
bad = []
for t in p.text:
    if lang == "zh":
        u = re.sub(r"--[a-z-]+|\.[a-z]{2,5}\b|\b[A-Z]+[0-9]+\b|\d{4}-\d\d-\d\d|UTC[+-]\d\d:\d\d", "", t)
        words = set(re.findall(r"[A-Za-z]{3,}", u)) - {"filinglint", "LINT", "DOCX", "ZIP", "Word", "OLE", "XML",
                                                        "data", "eia", "places", "filing", "soil", "standards",
                                                        # a program and the command that installs it
                                                        "LibreOffice", "apt", "get", "install", "libreoffice",
                                                        "writer", "nogui"}
        if words: bad.append(f"{t!r}: {sorted(words)}")
    elif re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", t):
        bad.append(repr(t))
print(f"  {len(p.text)} texts of the page")
for b in bad[:10]: print("  " + b)
sys.exit(1 if bad else 0)
EOF
HTML_IN=(fixtures/check/residue.md fixtures/check/untyped.md fixtures/docx/eia-pp-lo.docx fixtures/eia/form-staff.docx
         fixtures/hostile/legacy.doc fixtures/check/missing.md)
for l in zh en; do
    timeout 60 "$FL_BIN" check --lang $l -f html -o "$SCRATCH/$l.html" "${HTML_IN[@]}" >/dev/null 2>&1
    python3 "$SCRATCH/ui.py" "$SCRATCH/$l.html" $l && ok "html-$l" || fail "html-$l" "see above"
done
grep -q '<html lang="zh-CN">' "$SCRATCH/zh.html" && grep -q '<html lang="en">' "$SCRATCH/en.html" && ok html-lang-attr ||
    fail html-lang-attr "the page does not say its language"
grep -q '<span class="msg">Template placeholder' "$SCRATCH/en.html" && ok html-en-message || fail html-en-message "no message-en"
grep -q '<span class="failed" title="[^"]*" data-code="legacy-doc">无法读取：旧版 Word' "$SCRATCH/zh.html" && ok html-zh-unreadable ||
    fail html-zh-unreadable "$(grep -o 'data-code="legacy-doc">[^<]*' "$SCRATCH/zh.html")"
grep -q 'data-code="legacy-doc">cannot be read: legacy Word 97-2003' "$SCRATCH/en.html" && ok html-en-unreadable ||
    fail html-en-unreadable "$(grep -o 'data-code="legacy-doc">[^<]*' "$SCRATCH/en.html")"

# Word comments: the tag and the basis label in the language of the run
for l in zh en; do
    mkdir -p "$SCRATCH/ann-$l"
    "$FL_BIN" check -q --lang $l --fail-on never --annotate "$SCRATCH/ann-$l" fixtures/docx/eia-form-word.docx >/dev/null 2>&1
    "$FL_BIN" dump --format json "$SCRATCH/ann-$l/eia-form-word.docx" |
        jq -r '.comments[] | select(.author == "filinglint") | .text' >"$SCRATCH/comments-$l"
done
if [ ! -s "$SCRATCH/comments-zh" ]; then fail comments "no comments read back"
else
    grep -cE '^\[(错误|警告|提示)\] [A-Z]+[0-9]+: ' "$SCRATCH/comments-zh" >"$SCRATCH/nzh"
    grep -cE '^\[(error|warning|info)\] [A-Z]+[0-9]+: ' "$SCRATCH/comments-en" >"$SCRATCH/nen"
    [ "$(cat "$SCRATCH/nzh")" -gt 0 ] && [ "$(cat "$SCRATCH/nzh")" = "$(cat "$SCRATCH/nen")" ] && ok comments-tags ||
        fail comments-tags "$(cat "$SCRATCH/nzh") Chinese tags, $(cat "$SCRATCH/nen") English ones"
    grep -q '^依据：' "$SCRATCH/comments-zh" && ! grep -qE '^(Basis|Where): |^\[(error|warning|info)\]' "$SCRATCH/comments-zh" &&
        ok comments-zh-words || fail comments-zh-words "$(head -4 "$SCRATCH/comments-zh")"
    grep -q '^Basis: ' "$SCRATCH/comments-en" && ! grep -qE '^(依据|位置)：|^\[(错误|警告|提示)\]' "$SCRATCH/comments-en" &&
        ok comments-en-words || fail comments-en-words "$(head -4 "$SCRATCH/comments-en")"
fi

# test-rules: every message of a shipped rule has its English twin
cp -r rulesets "$SCRATCH/shipped"
run shipped-ok 0 test-rules --lang en && ok shipped-english
first=$(grep -n '<message-en>' "$SCRATCH/shipped/filing.xml" | head -1 | cut -d: -f1)
sed -i "${first}d" "$SCRATCH/shipped/filing.xml"
FILINGLINT_RULESETS="$SCRATCH/shipped" timeout 120 "$FL_BIN" test-rules --lang en >"$SCRATCH/out" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q '/filing.xml:[0-9]*: DOC[0-9]*: <message> has no English <message-en>' "$SCRATCH/out" &&
    grep -q ' 1 failed$' "$SCRATCH/out" && ok shipped-missing-fails || fail shipped-missing-fails "exit $rc: $(grep -v ': ok' "$SCRATCH/out" | head -3)"
cat >"$SCRATCH/own.xml" <<'EOF'
<ruleset id="own">
  <rule id="OWN001" severity="warning" category="test">
    <summary>本地规则</summary>
    <message>出现“{match}”</message>
    <forbid>
      <match>本地测试词</match>
    </forbid>
    <example type="fail">文中有本地测试词。</example>
    <example type="pass">文中没有。</example>
  </rule>
</ruleset>
EOF
run own-missing-warns 0 test-rules --lang en "$SCRATCH/own.xml" &&
    grep -q '^warning: .*own.xml:[0-9]*: OWN001: <message> has no English <message-en>' "$SCRATCH/out" &&
    grep -q ' 0 failed, 1 warning$' "$SCRATCH/out" && ok own-missing-warns || fail own-missing-warns "$(cat "$SCRATCH/out")"
sed -i 's|<message>出现“{match}”</message>|<message>出现“{match}”</message>\n    <message-en>Local word found</message-en>|' "$SCRATCH/own.xml"
run own-placeholders 1 test-rules --lang en "$SCRATCH/own.xml" &&
    grep -q 'OWN001: the placeholders of <message-en> (none) differ from those of <message> ({match})' "$SCRATCH/out" &&
    ok own-placeholders || fail own-placeholders "$(cat "$SCRATCH/out")"

finish
