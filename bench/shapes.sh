#!/bin/sh
# shapes.sh — peak memory and time of filinglint on the inputs that cost the
# most per block (bench/gen_shapes.py): 4,000,000 one-character lines of
# text, a DOCX of 4,000,000 short paragraphs, one 200 MB paragraph, and with
# --all a spaced and a full-width paragraph of 60 MB.
#
# The budget (docs/performance.md) is 3 x the plain text + 32 MiB of peak RSS.
# The plain text is the file for .txt shapes and paras.txt (the visible
# text, one paragraph a line) for the DOCX. Each command runs once under
# /usr/bin/time -v (these runs are long; the figures are peak RSS and wall
# time of that run):
#   dump     `dump --format json FILE > /dev/null`
#   check    `check FILE` with the type it detects (none for these shapes,
#            so few rules run)
#   check-all `check --doc-type eia-book FILE`: every rule of a 报告书 over
#            every block, the most a document of that size can cost
#
# Usage: bench/shapes.sh [--all] [--only SHAPE]...   (SHAPE: lines paras para spaced fullwidth)
# Env: FL_BIN  the filinglint binary (default: build-perf/, built here in Release)
#
# Prints a Markdown section and puts it into bench/RESULTS.md between the
# markers <!-- shapes.sh --> and <!-- /shapes.sh --> (bench/run keeps it).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
corpus="$here/corpus/shapes"
shapes="lines paras para"
only=""
while [ $# -gt 0 ]; do
    case "$1" in
    --all) shapes="lines paras para spaced fullwidth" ;;
    --only) shift; only="$only ${1:?--only needs a shape}" ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "shapes.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ -z "$only" ] || shapes=$only
[ -x /usr/bin/time ] || { echo "shapes.sh: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$corpus"
# shellcheck source=bench/lib.sh
. "$here/lib.sh"
build_release build-perf
[ -x "$FL_BIN" ] || { echo "shapes.sh: no filinglint binary at $FL_BIN" >&2; exit 2; }

file_of() { case "$1" in paras) echo "$corpus/paras.docx" ;; *) echo "$corpus/$1.txt" ;; esac; }
text_of() { case "$1" in paras) echo "$corpus/paras.txt" ;; *) echo "$corpus/$1.txt" ;; esac; }
for s in $shapes; do
    case "$s" in lines|paras|para|spaced|fullwidth) ;; *) echo "shapes.sh: no shape $s" >&2; exit 2 ;; esac
    if [ ! -s "$(file_of "$s")" ] || [ ! -s "$(text_of "$s")" ] ||
        [ -n "$(find "$here/gen_shapes.py" "$here/gen_large.py" -newer "$(file_of "$s")")" ]; then
        echo "generating $(file_of "$s")" >&2
        python3 "$here/gen_shapes.py" --out "$corpus" --only "$s"
    fi
done

# cmd -> "wall_s peak_MiB status" of one run
measure() {
    st=0
    /usr/bin/time -v sh -c "$1" >/dev/null 2>"$tmp/time" || st=$?
    awk -v st="$st" '
        /Maximum resident set size/ {split($0, a, ": "); peak = a[2] / 1024}
        /Elapsed \(wall clock\)/ {n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]}
        END {printf "%.2f %.1f %s\n", s, peak, st}' "$tmp/time"
}

fl=$(q "$FL_BIN")
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
rows=""
for s in $shapes; do
    f=$(q "$(file_of "$s")")
    text=$(wc -c <"$(text_of "$s")")
    size=$(wc -c <"$(file_of "$s")")
    blocks=$("$FL_BIN" dump "$(file_of "$s")" | awk 'NR > 2 && /^$/ {exit} NR > 2 {n++} END {print n + 0}')
    budget=$(awk -v t="$text" 'BEGIN {printf "%.1f", 3 * t / 1048576 + 32}')
    for c in dump check check-all; do
        case "$c" in
        dump) cmd="$fl dump --format json $f" ;;
        check) cmd="$fl check --fail-on never --no-progress $f" ;;
        check-all) cmd="$fl check --fail-on never --no-progress --doc-type eia-book $f" ;;
        esac
        echo "  $s: $c" >&2
        set -- $(measure "$cmd > /dev/null")
        verdict=$(awk -v p="$2" -v b="$budget" -v st="$3" 'BEGIN {
            if (st != 0) print "failed (exit " st ")"; else print (p <= b) ? "within" : sprintf("%.1f x over", p / b) }')
        rows="$rows| $s | $(awk -v b="$size" 'BEGIN {printf "%.1f", b / 1e6}') | $(awk -v b="$text" 'BEGIN {printf "%.1f", b / 1048576}') | $blocks | \`$c\` | $1 | $2 | $budget | $verdict |
"
    done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

section=$(
    echo "<!-- shapes.sh -->"
    echo "## Memory per block (\`bench/shapes.sh\`)"
    echo
    echo "One run each under GNU time; peak = maximum RSS. Budget = 3 × plain text + 32 MiB."
    echo "$(machine_line); filinglint at $(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo '?')."
    echo "Load average at start: $load_start; at the end: $load_end."
    echo
    echo "| shape | file MB | text MiB | blocks | command | wall s | peak MiB | budget MiB | verdict |"
    echo "|---|---:|---:|---:|---|---:|---:|---:|---|"
    printf '%s' "$rows"
    echo "<!-- /shapes.sh -->"
)
echo "$section"
put_section shapes.sh "$section"
