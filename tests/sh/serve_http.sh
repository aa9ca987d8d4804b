#!/bin/bash
# `filinglint serve` over HTTP, with curl, on loopback only: every route,
# the same answers as `check` for the same files (the JSON byte for byte,
# the hostile files' statuses and one-line errors), the limits (413, 503),
# the private temp folder empty after every answer, the security headers,
# the anti-forgery token, another site's Origin, the token and sign-in,
# TLS, and a graceful stop on SIGTERM. Skipped with a message when the
# binary was built without the server (FL_SERVE=OFF) or curl is missing.
set -u
. "${SRC:?SRC not set}/tests/lib/common.sh"

if ! command -v curl >/dev/null; then echo "skip: curl not found"; exit 0; fi
if "$FL_BIN" serve --help 2>&1 | grep -q "built without the web server"; then
    echo "skip: filinglint was built without the web server (FL_SERVE=OFF)"
    exit 0
fi

PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$SCRATCH"
}
trap cleanup EXIT

# start NAME ARGS...: a server on a free loopback port with its own TMPDIR;
# sets PORT, SPID, STMP (its TMPDIR) and SLOG (its stderr).
start() {
    local name=$1
    shift
    STMP="$SCRATCH/$name-tmp"
    SLOG="$SCRATCH/$name.log"
    mkdir -p "$STMP"
    TMPDIR="$STMP" "$FL_BIN" serve --listen 127.0.0.1:0 "$@" 2>"$SLOG" &
    SPID=$!
    PIDS+=("$SPID")
    PORT=""
    for _ in $(seq 100); do
        PORT=$(grep -o 'listening on https\?://127.0.0.1:[0-9]*' "$SLOG" 2>/dev/null | sed 's/.*://')
        [ -n "$PORT" ] && break
        sleep 0.05
    done
    [ -n "$PORT" ] || { fail "$name: start" "no listening line: $(cat "$SLOG")"; return 1; }
}

# no_uploads NAME: the server's temp folder holds no request folder
no_uploads() {
    local left
    left=$(find "$STMP" -mindepth 2 -maxdepth 2 -name 'req-*' | wc -l)
    if [ "$left" -eq 0 ]; then ok "$1: temp folder empty"; else fail "$1: temp folder empty" "$left req-* left: $(find "$STMP")"; fi
}

# code NAME WANT ARGS...: curl ARGS (body in $SCRATCH/body, headers in
# $SCRATCH/head); a fail line unless the status is WANT.
code() {
    local name=$1 want=$2 got
    shift 2
    got=$(curl -s -o "$SCRATCH/body" -D "$SCRATCH/head" -w '%{http_code}' --max-time 60 "$@")
    if [ "$got" = "$want" ]; then ok "$name: $want"; return 0; fi
    fail "$name" "status $got, want $want: $(head -c 300 "$SCRATCH/body")"
    return 1
}

has_header() { # NAME REGEX
    if grep -qiE "$2" "$SCRATCH/head"; then ok "$1"; else fail "$1" "no header /$2/ in: $(tr -d '\r' <"$SCRATCH/head" | tr '\n' '|')"; fi
}
body_has() { # NAME FIXED-TEXT
    if grep -qF -- "$2" "$SCRATCH/body"; then ok "$1"; else fail "$1" "body lacks '$2': $(head -c 300 "$SCRATCH/body")"; fi
}

FIX="$SRC/fixtures/eia"
DOCX="$FIX/book-defects.docx"
CLEAN="$FIX/form-clean-expansion.docx"

# ---- the main server ------------------------------------------------------------------
start main --jobs 2 --max-upload 2M --max-files 3 --timeout 30 || finish
URL="http://127.0.0.1:$PORT"

code "GET /" 200 -c "$SCRATCH/jar" "$URL/"
has_header "form: a form session's cookie" '^Set-Cookie: fl_form=[0-9a-f]{96}; Path=/; HttpOnly; SameSite=Strict'
has_header "headers: nosniff" '^X-Content-Type-Options: nosniff'
has_header "headers: CSP without unsafe-inline" "^Content-Security-Policy: default-src 'none'; script-src 'none'; style-src 'sha256-"
has_header "headers: no framing" '^X-Frame-Options: DENY'
body_has "form: Chinese" "检查申报文件"
body_has "form: the button" ">检查</button>"
body_has "form: file input" 'type="file" id="file" name="file" multiple'
CSRF=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$SCRATCH/body" | grep -o '[0-9a-f]\{64\}')
[ -n "$CSRF" ] && ok "form: csrf token" || fail "form: csrf token" "none in the page"
grep -q 'unsafe-inline' "$SCRATCH/head" && fail "CSP" "unsafe-inline allowed"
code "GET /?lang=en" 200 "$URL/?lang=en"
body_has "form: English" "Check filings"
code "GET /healthz" 200 "$URL/healthz"
body_has "healthz" '"status": "ok"'
code "GET /nowhere" 404 "$URL/nowhere"
code "PUT /" 405 -X PUT "$URL/"

# the HTML report of the run, with its downloads
code "POST /check" 200 -b "$SCRATCH/jar" -F "csrf=$CSRF" -F "file=@$DOCX" "$URL/check"
no_uploads "POST /check"
cp "$SCRATCH/body" "$SCRATCH/page.html"
body_has "report: is the check's HTML report" "filinglint 检查报告"
body_has "report: names the file" "book-defects.docx"
body_has "report: a finding" "EIA106"
has_header "report: CSP hashes its script" "^Content-Security-Policy: default-src 'none'; script-src 'sha256-"
for kind in html json sarif csv annotated; do
    link=$(grep -o "/result/[0-9a-f]*/$kind\"" "$SCRATCH/page.html" | tr -d '"' | head -1)
    if [ -z "$link" ]; then fail "download $kind" "no link in the page"; continue; fi
    code "download $kind" 200 "$URL$link"
    has_header "download $kind: attachment" "^Content-Disposition: attachment; filename=\"[^\"]*\"; filename\*=UTF-8''"
    cp "$SCRATCH/body" "$SCRATCH/dl.$kind"
done
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$SCRATCH/dl.json" && ok "download json parses" || fail "download json" "not JSON"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['version']=='2.1.0'" "$SCRATCH/dl.sarif" \
    && ok "download sarif 2.1.0" || fail "download sarif" "not SARIF 2.1.0"
if unzip -p "$SCRATCH/dl.annotated" word/comments.xml 2>/dev/null | grep -q "EIA106"; then ok "annotated copy has the comments"
else fail "annotated copy" "no EIA106 in word/comments.xml"; fi
code "download of no result" 410 "$URL/result/0123456789abcdef0123456789abcdef/json"
code "download of a malformed id" 404 "$URL/result/..%2f..%2fetc/json"

# the same JSON as `check -f json` for the same file
mkdir -p "$SCRATCH/cli" && cp "$DOCX" "$CLEAN" "$SCRATCH/cli/"
(cd "$SCRATCH/cli" && "$FL_BIN" check -f json --lang en --no-config book-defects.docx form-clean-expansion.docx >"$SCRATCH/cli.json" 2>/dev/null)
code "POST /api/check" 200 -F "file=@$DOCX" -F "file=@$CLEAN" "$URL/api/check?lang=en"
no_uploads "POST /api/check"
if cmp -s "$SCRATCH/body" "$SCRATCH/cli.json"; then ok "api: the JSON of check -f json, byte for byte"
else fail "api: the JSON of check -f json" "$(diff "$SCRATCH/body" "$SCRATCH/cli.json" | head -5)"; fi
(cd "$SCRATCH/cli" && "$FL_BIN" check -f json --lang en --no-config --doc-type eia-form --as-of 2024-06-01 book-defects.docx >"$SCRATCH/cli2.json" 2>/dev/null)
code "POST /api/check with doc_type and as_of" 200 -F "file=@$DOCX" -F doc_type=eia-form -F as_of=2024-06-01 "$URL/api/check?lang=en"
if cmp -s "$SCRATCH/body" "$SCRATCH/cli2.json"; then ok "api: --doc-type and --as-of passed"
else fail "api: --doc-type and --as-of passed" "$(diff "$SCRATCH/body" "$SCRATCH/cli2.json" | head -5)"; fi
code "api: unknown doc_type" 400 -F "file=@$DOCX" -F doc_type=novel "$URL/api/check"
code "api: no file" 400 -F "doc_type=" "$URL/api/check"
code "api: not multipart" 400 -H 'Content-Type: application/octet-stream' --data-binary "@$DOCX" "$URL/api/check"

# annotate: one DOCX, or a ZIP of them; a Markdown filing has no copy
code "POST /api/annotate" 200 -F "file=@$DOCX" "$URL/api/annotate"
has_header "annotate: a DOCX" '^Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document'
cp "$SCRATCH/body" "$SCRATCH/a.docx"
unzip -p "$SCRATCH/a.docx" word/comments.xml 2>/dev/null | grep -q "EIA106" && ok "annotate: comments" || fail "annotate: comments" "none"
code "POST /api/annotate, two files" 200 -F "file=@$DOCX" -F "file=@$CLEAN" "$URL/api/annotate"
has_header "annotate: a ZIP" '^Content-Type: application/zip'
[ "$(unzip -Z1 "$SCRATCH/body" 2>/dev/null | sort | tr '\n' ' ')" = "book-defects.docx form-clean-expansion.docx " ] \
    && ok "annotate: both copies in the ZIP" || fail "annotate: ZIP" "$(unzip -Z1 "$SCRATCH/body" 2>&1 | head -3)"
code "annotate: Markdown has no copy" 422 -F "file=@$FIX/book-clean.md" "$URL/api/annotate"
no_uploads "annotate"

# a file name with a path, quotes and a newline is made a plain name
printf 'x' >"$SCRATCH/plain.md"
code "odd file name" 200 -F "file=@$SCRATCH/plain.md;filename=\"../../a\\\"b.md\"" "$URL/api/check?lang=en"
python3 -c "import json,sys; p=json.load(open(sys.argv[1]))['files'][0]['path']; assert '/' not in p and '\"' not in p, p" \
    "$SCRATCH/body" && ok "odd file name: plain" || fail "odd file name" "$(head -c 300 "$SCRATCH/body")"

# anti-forgery: no token, a wrong one, another site's Origin
code "check without the csrf token" 403 -b "$SCRATCH/jar" -F "file=@$DOCX" "$URL/check"
code "check with a wrong csrf token" 403 -b "$SCRATCH/jar" -F "csrf=00$CSRF" -F "file=@$DOCX" "$URL/check"
code "check from another site" 403 -b "$SCRATCH/jar" -H "Origin: http://evil.example" -F "csrf=$CSRF" -F "file=@$DOCX" "$URL/check"
# the token is bound to its browser's session: another browser's is refused
MD="$FIX/book-clean.md"
code "csrf: the token without its cookie" 403 -F "csrf=$CSRF" -F "file=@$MD" "$URL/check"
code "csrf: a second browser's form" 200 -c "$SCRATCH/jar2" "$URL/"
CSRF2=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$SCRATCH/body" | grep -o '[0-9a-f]\{64\}')
[ -n "$CSRF2" ] && [ "$CSRF2" != "$CSRF" ] && ok "csrf: one token per session" || fail "csrf: one token per session" "'$CSRF2' vs '$CSRF'"
code "csrf: another session's token refused" 403 -b "$SCRATCH/jar" -F "csrf=$CSRF2" -F "file=@$MD" "$URL/check"
code "csrf: and the other way round" 403 -b "$SCRATCH/jar2" -F "csrf=$CSRF" -F "file=@$MD" "$URL/check"
code "csrf: its own session's token taken" 200 -b "$SCRATCH/jar2" -F "csrf=$CSRF2" -F "file=@$MD" "$URL/check"
code "csrf: the same browser again" 200 -b "$SCRATCH/jar" "$URL/"
grep -q "value=\"$CSRF\"" "$SCRATCH/body" && ok "csrf: the same token for the same session" || fail "csrf: same session" "another token"
grep -qi '^Set-Cookie:' "$SCRATCH/head" && fail "csrf: same session" "a new cookie" || ok "csrf: no new cookie for a session"
code "csrf: a forged form cookie" 200 -b "fl_form=$(printf '%096d' 0)" "$URL/"
has_header "csrf: a forged cookie gets a new session" '^Set-Cookie: fl_form='
grep -q "value=\"$CSRF\"" "$SCRATCH/body" && fail "csrf: forged cookie" "the old token" || ok "csrf: a forged cookie, another token"
code "api from another site" 403 -H "Origin: http://evil.example" -F "file=@$DOCX" "$URL/api/check"
code "api from this site" 200 -H "Origin: http://127.0.0.1:$PORT" -F "file=@$DOCX" "$URL/api/check"
no_uploads "refused requests"

# limits: the body's size and the number of files
head -c 3000000 /dev/zero >"$SCRATCH/big.txt"
code "413: too large" 413 -F "file=@$SCRATCH/big.txt" "$URL/api/check"
code "413: too many files" 413 -F "file=@$DOCX" -F "file=@$DOCX" -F "file=@$DOCX" -F "file=@$DOCX" "$URL/api/check"
no_uploads "413"

# the rules
code "GET /rules" 200 "$URL/rules"
body_has "rules: a rule linked" '<a href="/rules/EIA101?lang=zh">EIA101</a>'
code "GET /rules/EIA101?lang=en" 200 "$URL/rules/EIA101?lang=en"
body_has "explain: the rule's basis" "Basis:"
code "GET /rules/NOPE999" 404 "$URL/rules/NOPE999"
code "GET /rules/<script>" 404 "$URL/rules/%3Cscript%3E"

# hostile files: the status follows check's exit (2: 422, else 200), the
# page carries check's one line, and the server stays up
mkdir -p "$SCRATCH/hostile"
n=0
for f in "$SRC"/fixtures/hostile/*; do
    name=$(basename "$f")
    cp "$f" "$SCRATCH/hostile/"
    (cd "$SCRATCH/hostile" && timeout 60 "$FL_BIN" check -f json --lang en --no-config "$name" >"$SCRATCH/h.json" 2>"$SCRATCH/h.err")
    rc=$?
    want=200
    [ "$rc" -eq 2 ] && want=422
    got=$(curl -s -o "$SCRATCH/body" -w '%{http_code}' --max-time 60 -F "file=@$f" "$URL/api/check?lang=en")
    if [ "$got" != "$want" ]; then fail "hostile $name" "status $got, check exits $rc (want $want)"; continue; fi
    if ! cmp -s "$SCRATCH/body" "$SCRATCH/h.json"; then fail "hostile $name" "JSON differs from check's"; continue; fi
    n=$((n + 1))
done
ok "hostile: $n files answered as check answers them"
got=$(curl -s -o "$SCRATCH/body" -w '%{http_code}' -b "$SCRATCH/jar" -F "csrf=$CSRF" -F "file=@$SRC/fixtures/hostile/not-a-zip.docx" "$URL/check?lang=en")
[ "$got" = 422 ] && ok "hostile page: 422" || fail "hostile page" "status $got"
(cd "$SRC/fixtures/hostile" && "$FL_BIN" check --lang en --no-config not-a-zip.docx 2>&1 >/dev/null) | head -1 >"$SCRATCH/line"
python3 - "$SCRATCH/body" "$SCRATCH/line" <<'EOF' && ok "hostile page: check's one line" || fail "hostile page" "check's line not on the page"
import html, sys
page = html.unescape(open(sys.argv[1], encoding="utf-8").read())
line = open(sys.argv[2], encoding="utf-8").read().strip()
sys.exit(0 if line and line in page else 1)
EOF
code "still up after the hostile files" 200 "$URL/healthz"
no_uploads "hostile"
grep -q "book-defects" "$SLOG" && fail "log: no names" "a file name is in the access log" || ok "log: no file names"
grep -qE 'POST /api/check 200 in=[0-9]+ out=[0-9]+ files=2 types=docx,docx findings=[0-9]+/[0-9]+/[0-9]+' "$SLOG" \
    && ok "log: one line with size, types, counts" || fail "log" "$(tail -3 "$SLOG")"

# ---- 503: one worker held by a slow check ------------------------------------------------
# each check child sleeps 3 s first (a test hook), so one request holds the worker
FL_SERVE_TEST_DELAY_MS=3000 start busy --jobs 1 --queue-wait 1 || finish
# wait_running: until /healthz says a check runs (at most 10 s)
wait_running() {
    for _ in $(seq 200); do
        curl -s "http://127.0.0.1:$PORT/healthz" | grep -q '"running": 1' && return 0
        sleep 0.05
    done
    fail "wait_running" "no check started"
}
curl -s -o /dev/null -F "file=@$DOCX" "http://127.0.0.1:$PORT/api/check" &
slow=$!
wait_running
code "503 when the pool is full" 503 -F "file=@$DOCX" "http://127.0.0.1:$PORT/api/check"
has_header "503: Retry-After" '^Retry-After: [0-9]+'
wait "$slow"
code "after the slow check, a worker again" 200 -F "file=@$DOCX" "http://127.0.0.1:$PORT/api/check"

# graceful stop: SIGTERM while a check runs; it finishes, new ones are refused
curl -s -o "$SCRATCH/last" -w '%{http_code}' -F "file=@$DOCX" "http://127.0.0.1:$PORT/api/check" >"$SCRATCH/last.code" &
slow=$!
wait_running
kill -TERM "$SPID"
wait "$slow"
[ "$(cat "$SCRATCH/last.code")" = 200 ] && ok "SIGTERM: the running check finished" || fail "SIGTERM" "running check got $(cat "$SCRATCH/last.code")"
wait "$SPID"; rc=$?
[ "$rc" -eq 0 ] && ok "SIGTERM: exit 0" || fail "SIGTERM" "exit $rc"
[ -z "$(ls -A "$STMP")" ] && ok "SIGTERM: the temp folder removed" || fail "SIGTERM" "left: $(ls -A "$STMP")"

# ---- the rulesets: loaded once by the server, reloaded on SIGHUP ---------------------------
# A copy of the shipped rulesets, named relative to the working folder: the
# children work in other folders, so the server must have made it absolute.
cp -r "$SRC/rulesets" "$SCRATCH/rs"
(cd "$SCRATCH/cli" && "$FL_BIN" check -f json --lang en --no-config book-defects.docx >"$SCRATCH/cli3.json" 2>/dev/null)
cd "$SCRATCH" || exit 1
FILINGLINT_RULESETS=rs start rules --jobs 1 || finish
cd - >/dev/null || exit 1
URL="http://127.0.0.1:$PORT"
# wait_log NAME TEXT: until the server's log has TEXT (at most 10 s)
wait_log() {
    for _ in $(seq 200); do
        grep -qF -- "$2" "$SLOG" && { ok "$1"; return 0; }
        sleep 0.05
    done
    fail "$1" "no '$2' in the log: $(tail -3 "$SLOG")"
    return 1
}
api_same() { # NAME: POST /api/check answers the JSON check printed for book-defects.docx
    code "$1" 200 -F "file=@$DOCX" "$URL/api/check?lang=en" || return
    if cmp -s "$SCRATCH/body" "$SCRATCH/cli3.json"; then ok "$1: the JSON of check"
    else fail "$1: the JSON of check" "$(diff "$SCRATCH/body" "$SCRATCH/cli3.json" | head -5)"; fi
}
api_same "relative FILINGLINT_RULESETS"
code "relative FILINGLINT_RULESETS: /rules" 200 "$URL/rules?lang=en"
body_has "relative FILINGLINT_RULESETS: the rules listed" "EIA106"
FCSRF=$(curl -s -c "$SCRATCH/jar.rules" "$URL/" | grep -o 'name="csrf" value="[0-9a-f]*"' | grep -o '[0-9a-f]\{64,\}')
code "relative FILINGLINT_RULESETS: the report page" 200 -b "$SCRATCH/jar.rules" -F "csrf=$FCSRF" -F "file=@$DOCX" "$URL/check?lang=en"
body_has "report page: the rulesets by their absolute path" "$SCRATCH/rs/eia.xml"
grep -q 'class="failed">cannot be read' "$SCRATCH/body" && fail "report page: the data tables" "a table 'cannot be read'" \
    || ok "report page: the data tables read"
# the children use the server's copy: with the folder gone they still check
mv "$SCRATCH/rs" "$SCRATCH/rs.gone"
api_same "rulesets folder gone: the loaded ones used"
kill -HUP "$SPID"
wait_log "SIGHUP, folder gone: not reloaded" "rulesets not reloaded"
api_same "after a failed reload: the loaded ones used"
# a changed message: SIGHUP makes the checks from then on use it
mv "$SCRATCH/rs.gone" "$SCRATCH/rs"
sed -i 's/The report book has no/RELOADED-MARK: no/' "$SCRATCH/rs/eia.xml"
n=$(grep -c "rulesets reloaded" "$SLOG")
kill -HUP "$SPID"
for _ in $(seq 200); do [ "$(grep -c "rulesets reloaded" "$SLOG")" -gt "$n" ] && break; sleep 0.05; done
[ "$(grep -c "rulesets reloaded" "$SLOG")" -gt "$n" ] && ok "SIGHUP: reloaded" || fail "SIGHUP: reloaded" "$(tail -3 "$SLOG")"
code "after a reload" 200 -F "file=@$DOCX" "$URL/api/check?lang=en"
body_has "after a reload: the new message" "RELOADED-MARK: no"
# a ruleset broken afterwards: said in one line, the loaded set stays
printf '<rule' >>"$SCRATCH/rs/eia.xml"
n=$(grep -c "rulesets not reloaded" "$SLOG")
kill -HUP "$SPID"
for _ in $(seq 200); do [ "$(grep -c "rulesets not reloaded" "$SLOG")" -gt "$n" ] && break; sleep 0.05; done
grep "rulesets not reloaded" "$SLOG" | tail -1 | grep -q "rs/eia.xml" && ok "SIGHUP, broken ruleset: named" \
    || fail "SIGHUP, broken ruleset" "$(tail -3 "$SLOG")"
code "after a broken reload" 200 -F "file=@$DOCX" "$URL/api/check?lang=en"
body_has "after a broken reload: the loaded set" "RELOADED-MARK: no"
code "after a broken reload: healthz" 200 "$URL/healthz"
kill -TERM "$SPID"
wait "$SPID"
# a broken ruleset at start: one line, exit 2, nothing left behind
mkdir -p "$SCRATCH/rs-tmp"
TMPDIR="$SCRATCH/rs-tmp" FILINGLINT_RULESETS="$SCRATCH/rs" "$FL_BIN" serve --listen 127.0.0.1:0 >"$SCRATCH/out" 2>"$SCRATCH/err"
rc=$?
[ "$rc" -eq 2 ] && [ "$(wc -l <"$SCRATCH/err")" -eq 1 ] && grep -q "eia.xml.*not started" "$SCRATCH/err" \
    && ok "broken ruleset at start: refused in one line" || fail "broken ruleset at start" "exit $rc: $(cat "$SCRATCH/err")"
[ -z "$(ls -A "$SCRATCH/rs-tmp")" ] && ok "broken ruleset at start: no temp folder" || fail "broken ruleset at start" "left: $(ls -A "$SCRATCH/rs-tmp")"

# ---- who may use it ---------------------------------------------------------------------
"$FL_BIN" serve --listen 0.0.0.0:0 >"$SCRATCH/out" 2>"$SCRATCH/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q "no loopback address" "$SCRATCH/err" && ok "non-loopback without a token: refused" \
    || fail "non-loopback without a token" "exit $rc: $(cat "$SCRATCH/err")"
printf 'short\n' >"$SCRATCH/short.token"
"$FL_BIN" serve --listen 127.0.0.1:0 --token-file "$SCRATCH/short.token" >"$SCRATCH/out" 2>"$SCRATCH/err"
[ $? -eq 2 ] && ok "a short token: refused" || fail "short token" "$(cat "$SCRATCH/err")"
TOKEN=0123456789abcdef0123456789abcdef
printf '%s\n' "$TOKEN" >"$SCRATCH/token"
start auth --token-file "$SCRATCH/token" || finish
URL="http://127.0.0.1:$PORT"
code "auth: page redirects to sign-in" 303 "$URL/"
has_header "auth: to /login" '^Location: /login'
code "auth: api without a token" 401 -F "file=@$DOCX" "$URL/api/check"
has_header "auth: WWW-Authenticate" '^WWW-Authenticate: Bearer'
code "auth: api with a wrong token" 401 -H "Authorization: Bearer x$TOKEN" -F "file=@$DOCX" "$URL/api/check"
code "auth: api with the token" 200 -H "Authorization: Bearer $TOKEN" -F "file=@$DOCX" "$URL/api/check"
code "auth: healthz open" 200 "$URL/healthz"
code "auth: sign-in page" 200 -c "$SCRATCH/jar.auth" "$URL/login"
body_has "auth: the token field takes 4096 bytes" 'maxlength="4096"'
LCSRF=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$SCRATCH/body" | grep -o '[0-9a-f]\{64\}')
FORM=$(grep -o 'fl_form.*' "$SCRATCH/jar.auth" | awk '{print $2}')
code "auth: wrong token at sign-in" 403 -b "$SCRATCH/jar.auth" -F "csrf=$LCSRF" -F "token=nope" "$URL/login"
code "auth: sign-in without csrf" 403 -b "$SCRATCH/jar.auth" -F "token=$TOKEN" "$URL/login"
code "auth: sign-in without the form's cookie" 403 -F "csrf=$LCSRF" -F "token=$TOKEN" "$URL/login"
code "auth: sign-in" 303 -b "$SCRATCH/jar.auth" -F "csrf=$LCSRF" -F "token=$TOKEN" "$URL/login"
has_header "auth: cookie HttpOnly SameSite=Strict" '^Set-Cookie: fl_session=[0-9a-f]{96}; Path=/; HttpOnly; SameSite=Strict'
COOKIE=$(grep -io 'fl_session=[0-9a-f]*' "$SCRATCH/head" | head -1)
code "auth: page with the cookie" 200 -b "$COOKIE" "$URL/"
PCSRF=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$SCRATCH/body" | grep -o '[0-9a-f]\{64\}')
[ -n "$PCSRF" ] && [ "$PCSRF" != "$LCSRF" ] && ok "auth: the signed-in session's own token" || fail "auth: session token" "'$PCSRF'"
code "auth: the sign-in form's token refused after sign-in" 403 -b "$COOKIE" -F "csrf=$LCSRF" -F "file=@$MD" "$URL/check"
code "auth: the session's token" 200 -b "$COOKIE" -F "csrf=$PCSRF" -F "file=@$MD" "$URL/check"
code "auth: a forged cookie" 303 -b "fl_session=${COOKIE#fl_session=}0" "$URL/"
code "auth: a form cookie is no sign-in" 303 -b "fl_session=$FORM" "$URL/"
# a second sign-in is another session, with its own token
code "auth: sign-in again" 303 -b "$SCRATCH/jar.auth" -F "csrf=$LCSRF" -F "token=$TOKEN" "$URL/login"
COOKIE2=$(grep -io 'fl_session=[0-9a-f]*' "$SCRATCH/head" | head -1)
[ "$COOKIE2" != "$COOKIE" ] && ok "auth: a new session per sign-in" || fail "auth: new session" "the same cookie"
code "auth: another session's token refused" 403 -b "$COOKIE2" -F "csrf=$PCSRF" -F "file=@$MD" "$URL/check"
# the longest token (4096 bytes) in the file, at sign-in and as Bearer
kill -TERM "$SPID"
wait "$SPID"
LONG=$(head -c 4000 /dev/urandom | base64 -w0 | head -c 4096)
[ ${#LONG} -eq 4096 ] || fail "long token" "made ${#LONG} bytes, not 4096"
printf '%s\n' "$LONG" >"$SCRATCH/long.token"
start long --token-file "$SCRATCH/long.token" || finish
URL="http://127.0.0.1:$PORT"
code "long token: sign-in page" 200 -c "$SCRATCH/jar.long" "$URL/login"
LCSRF=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$SCRATCH/body" | grep -o '[0-9a-f]\{64\}')
code "long token: sign-in with 4096 bytes" 303 -b "$SCRATCH/jar.long" --data-urlencode "csrf=$LCSRF" \
    --data-urlencode "token=$LONG" "$URL/login"
code "long token: Bearer" 200 -H "Authorization: Bearer $LONG" -F "file=@$MD" "$URL/api/check"
# no token is longer: one past the limit is a wrong one, not a server error
code "long token: a longer one at sign-in" 403 -b "$SCRATCH/jar.long" --data-urlencode "csrf=$LCSRF" \
    --data-urlencode "token=${LONG}x" "$URL/login?lang=en"
body_has "long token: a longer one is wrong" "That token is not the right one."
printf '%sx\n' "$LONG" >"$SCRATCH/longer.token"
timeout 10 "$FL_BIN" serve --listen 127.0.0.1:0 --token-file "$SCRATCH/longer.token" >"$SCRATCH/out" 2>"$SCRATCH/err"
[ $? -eq 2 ] && grep -q "longer than 4096 bytes" "$SCRATCH/err" && ok "a token over 4096 bytes: refused at start" \
    || fail "token over 4096 bytes" "$(cat "$SCRATCH/err")"
no_uploads "auth"

# ---- TLS ----------------------------------------------------------------------------------
if command -v openssl >/dev/null; then
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$SCRATCH/key.pem" -out "$SCRATCH/cert.pem" -days 2 \
        -subj /CN=localhost >/dev/null 2>&1
    start tls --tls-cert "$SCRATCH/cert.pem" --tls-key "$SCRATCH/key.pem" || finish
    code "TLS: GET /" 200 -k "https://127.0.0.1:$PORT/"
    has_header "TLS: HSTS" '^Strict-Transport-Security:'
    code "TLS: api" 200 -k -F "file=@$DOCX" "https://127.0.0.1:$PORT/api/check"
else
    echo "skip: TLS (openssl not found)"
fi
"$FL_BIN" serve --tls-cert "$SCRATCH/cert.pem" >"$SCRATCH/out" 2>"$SCRATCH/err"
[ $? -eq 2 ] && ok "--tls-cert alone: refused" || fail "--tls-cert alone" "$(cat "$SCRATCH/err")"
finish
