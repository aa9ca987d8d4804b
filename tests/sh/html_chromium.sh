#!/bin/bash
# The HTML report in a real browser: headless Chromium
# (Debian's `chromium`) loads it from a file:// URL, with the network off,
# and renders it. Checked: a screenshot is produced at desktop and at phone
# width, and it is not a blank page; it prints to PDF on A4, and printing
# report.html?only gives fewer pages (the paragraphs without findings are
# left out on paper too); the page's script ran without a server
# (--dump-dom shows its filter applied: opened as report.html?only, the
# paragraphs without findings are hidden and the others not; opened
# plainly, nothing is hidden); the file table follows the address:
# ?files=unreadable shows that row alone and hides the other files'
# sections, ?type= one type, ?sort=-error orders the rows by errors,
# descending. Skipped with a message when Chromium is not installed (CI
# installs it: apt-get install chromium).
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

# Printable: Chromium prints it to PDF, on A4 (595 x 842 points); ?only
# prints fewer pages.
chrome --print-to-pdf="$SCRATCH/report.pdf" --no-pdf-header-footer "$URL" >/dev/null
[ "$(head -c 5 "$SCRATCH/report.pdf" 2>/dev/null)" = "%PDF-" ] && echo "ok print to PDF" || fail print "no PDF"
chrome --print-to-pdf="$SCRATCH/only.pdf" --no-pdf-header-footer "$URL?only" >/dev/null
python3 - "$SCRATCH/report.pdf" "$SCRATCH/only.pdf" <<'EOF' && echo "ok print A4, ?only" || fail print-only "see above"
import re, sys
def pages(p):
    d = open(p, "rb").read()
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)", d)
    assert box and abs(float(box.group(1)) - 595) < 2 and abs(float(box.group(2)) - 842) < 2, box
    return len(re.findall(rb"/Type\s*/Page(?!s)", d))
full, only = pages(sys.argv[1]), pages(sys.argv[2])
print(f"  {full} pages; with ?only {only}")
assert 0 < only < full, (full, only)
EOF

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
# The file table follows the address: filter by state and type, sort.
chrome --dump-dom "$URL?files=unreadable" >"$SCRATCH/unreadable.html"
chrome --dump-dom "$URL?type=eia-book&sort=-error" >"$SCRATCH/book.html"
chrome --dump-dom "$URL?sort=-error" >"$SCRATCH/sorted.html"
python3 - "$SCRATCH/unreadable.html" "$SCRATCH/book.html" "$SCRATCH/sorted.html" <<'EOF' || fail file-table "see above"
import re, sys
def rows(p):
    t = open(p, encoding="utf-8").read()
    i = t.index('id="files-table"')
    body = t[t.index("<tbody>", i):t.index("</tbody>", i)]
    out = []
    for tr, cells in re.findall(r"(<tr[^>]*>)(.*?)</tr>", body, flags=re.S):
        err = re.findall(r'<td class="n"[^>]*>([0-9]*)</td>', cells)
        out.append((tr, " hidden" in tr, int(err[0]) if err and err[0] else -1))
    return t, out
t, r = rows(sys.argv[1])
shown = [x for x in r if not x[1]]
assert len(shown) == 1 and 'data-unreadable="1"' in shown[0][0], r
assert all(re.search(r'<section class="file" id="file\d+" hidden', s) for s in re.findall(r'<section class="file"[^>]*>', t)), "sections of the other files shown"
t, r = rows(sys.argv[2])
shown = [x for x in r if not x[1]]
assert shown and all('data-type="eia-book"' in x[0] for x in shown), shown
t, r = rows(sys.argv[3])
errs = [x[2] for x in r]
assert errs == sorted(errs, reverse=True) and errs[0] > 0, errs
assert 'aria-sort="descending"' in t
print("  ok file table: filter by state and type, sort")
EOF

[ "$failures" -eq 0 ] || exit 1
exit 0
