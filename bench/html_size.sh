#!/bin/sh
# html_size.sh — the HTML report of a large run: its size and how long a
# browser takes to open it.
#
# The target: the report of 500 filings stays under 5 MB and opens in
# headless Chromium in under 3 s. The batch is bench/run's (gen_batch.py:
# 500 报告表 and 实施方案 of 5k-50k characters, made when missing); the
# report is `check -j2 -f html` over it. Opening is the wall time of
# `chromium --headless --screenshot` (start, parse, lay out, paint the first
# screen, exit), median of N runs; the same for a one-line page gives the
# browser's own start-up, reported beside it. For comparison the report of
# the 800,000-character large filing alone (shown in full) is measured too.
#
# Usage: bench/html_size.sh [--runs N]     (default 5)
# Env: FL_BIN    the filinglint binary (default: build-perf/, built here in Release)
#      CHROMIUM  the browser (default: chromium, chromium-browser or google-chrome)
#
# Prints a Markdown section and puts it into bench/RESULTS.md between the
# markers <!-- html_size.sh --> and <!-- /html_size.sh --> (bench/run keeps
# that section when it rewrites the file).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
corpus="$here/corpus"
runs=5
while [ $# -gt 0 ]; do
    case "$1" in
    --runs) shift; runs=${1:?--runs needs a number} ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "html_size.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$runs" -ge 1 ] 2>/dev/null || { echo "html_size.sh: --runs needs a number >= 1" >&2; exit 2; }
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for c in chromium chromium-browser google-chrome; do
        command -v "$c" >/dev/null 2>&1 && { browser=$(command -v "$c"); break; }
    done
fi
[ -n "$browser" ] || { echo "html_size.sh: no Chromium (apt-get install chromium)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$corpus"
# shellcheck source=bench/lib.sh
. "$here/lib.sh"
batch batch 500 5000 50000
gen large 800000
build_release build-perf
[ -x "$FL_BIN" ] || { echo "html_size.sh: no filinglint binary at $FL_BIN" >&2; exit 2; }

t0=$(date +%s.%N)
"$FL_BIN" check -q -j2 --fail-on never -f html -o "$tmp/batch.html" "$corpus/batch"
t1=$(date +%s.%N)
"$FL_BIN" check -q --fail-on never -f html -o "$tmp/large.html" "$corpus/large.docx"
"$FL_BIN" check -q -j2 --fail-on never -f json "$corpus/batch" >"$tmp/batch.json"
printf '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><p>空白页</p></html>\n' >"$tmp/empty.html"

# median wall seconds of `chromium --headless --screenshot URL`
open_time() {
    i=0
    while [ $i -lt "$runs" ]; do
        profile=$(mktemp -d "$tmp/profile.XXXXXX")
        s=$(date +%s.%N)
        timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
            --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
            --hide-scrollbars --window-size=1200,1600 --screenshot="$tmp/shot.png" "$1" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        rm -rf "$profile"
        awk -v a="$s" -v b="$e" 'BEGIN {print b - a}'
        i=$((i + 1))
    done | median_of %.2f
}
load_start=$(load_avg)
empty=$(open_time "file://$tmp/empty.html")
open_batch=$(open_time "file://$tmp/batch.html")
open_large=$(open_time "file://$tmp/large.html")
load_end=$(load_avg)

size() { wc -c <"$1"; }
mb() { awk -v b="$1" 'BEGIN {printf "%.2f", b / 1000000}'; } # MB of 10^6 bytes: the stricter reading of the target
sb=$(size "$tmp/batch.html")
sl=$(size "$tmp/large.html")
gen_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
facts=$(python3 - "$tmp/batch.json" "$tmp/batch.html" <<'EOF'
import json, sys
run = json.load(open(sys.argv[1]))
page = open(sys.argv[2], encoding="utf-8").read()
n = sum(len(f.get("findings", [])) for f in run["files"])
withf = sum(1 for f in run["files"] if f.get("findings"))
mode = "paragraphs with findings only" if "只列出有问题的段落" in page else "documents in full"
print(f"{len(run['files'])} filings, {withf} with findings, {n} findings; sections: {mode}")
EOF
)
verdict() { awk -v v="$1" -v lim="$2" 'BEGIN {print (v + 0 < lim + 0) ? "met" : "NOT met"}'; }

section=$(
    echo "<!-- html_size.sh -->"
    echo "## HTML report (\`bench/html_size.sh\`)"
    echo
    echo "Opening = wall time of \`chromium --headless --screenshot\` (start-up, parse, layout, first screen), median of $runs runs;"
    echo "Chromium $("$browser" --version 2>/dev/null | awk '{print $2}'), $(machine_line); filinglint at $(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo '?')."
    echo "Load average at start: $load_start; at the end: $load_end."
    echo
    echo "| report | size MB | opening s | of which the browser's start-up s |"
    echo "|---|---:|---:|---:|"
    echo "| batch: $facts | $(mb "$sb") | $open_batch | $empty |"
    echo "| large: one filing of 800,000 characters, in full | $(mb "$sl") | $open_large | $empty |"
    echo
    echo "Writing the batch report (\`check -j2 -f html\`, one run): $gen_s s."
    echo
    echo "| target | measured | verdict |"
    echo "|---|---:|---|"
    echo "| 500 filings: report under 5 MB | $(mb "$sb") MB | $(verdict "$(mb "$sb")" 5) |"
    echo "| 500 filings: opens in headless Chromium in under 3 s | $open_batch s | $(verdict "$open_batch" 3) |"
    echo "<!-- /html_size.sh -->"
)
echo "$section"
put_section html_size.sh "$section"
