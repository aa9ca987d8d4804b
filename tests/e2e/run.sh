#!/bin/bash
# The browser test of `filinglint serve` (serve_browser.mjs), as ctest runs
# it: skipped with a message where Chromium, node or the web server is
# missing; puppeteer-core installed from package-lock.json (npm ci) when
# tests/e2e/node_modules is absent or older than the lock.
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u
: "${FL_BIN:?FL_BIN not set}" "${SRC:?SRC not set}"
case "$FL_BIN" in /*) ;; *) FL_BIN="$PWD/$FL_BIN" ;; esac
export FL_BIN
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "skip: no Chromium at $chromium (Debian package chromium)"; exit 0; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "skip: node and npm are needed"; exit 0; }
if "$FL_BIN" serve --help 2>&1 | grep -q "built without the web server"; then
    echo "skip: filinglint was built without the web server (FL_SERVE=OFF)"
    exit 0
fi
dir="$SRC/tests/e2e"
if [ ! -d "$dir/node_modules/puppeteer-core" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "FAIL: npm ci in tests/e2e"; exit 1; }
fi
exec node "$dir/serve_browser.mjs"
