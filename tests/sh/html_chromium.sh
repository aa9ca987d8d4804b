#!/bin/bash
# The HTML report in a real browser (GitHub issue 7): headless Chromium
# (Debian's `chromium`) loads it from a file:// URL, with the network off,
# and renders it. Checked: a screenshot is produced at desktop and at phone
# width, and it is not a blank page; it prints to PDF; the page's script
# ran without a server (--dump-dom shows its filter applied: opened as
# report.html?only, the paragraphs without findings are hidden and the
# others not; opened plainly, nothing is hidden). Skipped with a message
# when Chromium is not installed (CI installs it: apt-get install chromium).
#
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
CHROMIUM=""
for c in chromium chromium-browser google-chrome; do
    command -v "$c" >/dev/null && { CHROMIUM=$(command -v "$c"); break; }
done
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: chromium not installed (apt-get install -y chromium); the HTML report was not rendered"
    exit 0
fi
cd "$SRC" || exit 1

# One profile per call: nothing is shared with (or left for) a user's browser.
chrome() {
    local profile
    profile=$(mktemp -d "$SCRATCH/profile.XXXXXX")
    timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
        --hide-scrollbars --virtual-time-budget=3000 "$@" 2>>"$SCRATCH/chrome.log"
}

"$FL_BIN" check -q -f html -o "$SCRATCH/report.html" fixtures/docx/eia-form-word.docx fixtures/docx/eia-book-pandoc.docx \
    fixtures/hostile/not-a-zip.docx >/dev/null 2>&1
[ -s "$SCRATCH/report.html" ] || { fail report "not written"; exit 1; }
URL="file://$SCRATCH/report.html"

# A PNG of a rendered page: the signature, and far more than a blank page
# compresses to (about 8 KB at these sizes).
png_ok() {
    [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] && [ "$(wc -c <"$1")" -gt 30000 ]
}
chrome --window-size=1200,1600 --screenshot="$SCRATCH/desktop.png" "$URL" >/dev/null
png_ok "$SCRATCH/desktop.png" && echo "ok desktop screenshot" || fail desktop "no rendered screenshot ($(tail -2 "$SCRATCH/chrome.log"))"
chrome --window-size=400,1400 --screenshot="$SCRATCH/phone.png" "$URL" >/dev/null
png_ok "$SCRATCH/phone.png" && echo "ok phone screenshot" || fail phone "no rendered screenshot"

# Printable: Chromium prints it to PDF.
chrome --print-to-pdf="$SCRATCH/report.pdf" --no-pdf-header-footer "$URL" >/dev/null
[ "$(head -c 5 "$SCRATCH/report.pdf" 2>/dev/null)" = "%PDF-" ] && echo "ok print to PDF" || fail print "no PDF"

# The script ran: with ?only the quiet paragraphs are hidden.
chrome --dump-dom "$URL?only" >"$SCRATCH/only.html"
chrome --dump-dom "$URL" >"$SCRATCH/plain.html"
python3 - "$SCRATCH/only.html" "$SCRATCH/plain.html" <<'EOF' || fail script "see above"
import re, sys
only, plain = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
quiet = lambda t: len(re.findall(r'class="[^"]*\bquiet\b', t))
hidden_noisy = len(re.findall(r'class="blk has-f[^"]*\bquiet\b', only))
print(f"  ?only: {quiet(only)} hidden blocks; plain: {quiet(plain)}")
assert quiet(only) > 10, "the filter script did not run"
assert hidden_noisy == 0, "a paragraph with findings was hidden"
assert quiet(plain) == 0, "blocks hidden without ?only"
assert 'class="finding' in plain, "no findings on the page"
assert not re.search(r'<div class="finding[^>]*\shidden', plain), "a finding hidden with every filter on"
EOF
[ "$failures" -eq 0 ] || exit 1
exit 0
