#!/bin/sh
# dump.sh — time `filinglint dump` against the extraction limit and pandoc.
#
# The limit is what no DOCX reader can beat: inflating word/document.xml and
# parsing it with libxml2's streaming reader (`unzip -p | xmllint --stream`).
# performance.md states the dump target as a ratio to it (<= 1.2x), measured
# in the same run, because the machines are shared and noisy.
#
# Usage: bench/dump.sh [--huge] [--runs N] [--no-pandoc] [--no-large]
#   --huge       also the huge corpus (about 60 MB document.xml; pandoc on it
#                takes about 35 s and 3.6 GB a run)
#   --runs N     timed runs per command after one warm-up (default 5, min 5)
#   --no-pandoc  skip the pandoc row
#   --no-large   skip the large corpus (with --huge: huge only)
# Env: FL_BIN    the filinglint binary (default: build-bench/filinglint, built
#                here in Release if needed)
#      BENCH_NO_HYPERFINE=1  use the date loop even if hyperfine is installed
#
# Prints a table (command, median seconds, ratio to the limit, peak RSS) and
# writes it to bench/RESULTS-dump.md.  Medians come from hyperfine when it is
# installed (its JSON is kept in bench/corpus/), else from a `date +%s.%N`
# loop.  Peak RSS is GNU time's "Maximum resident set size" of one extra run.
# shellcheck disable=SC2016  # the backquotes in table labels are Markdown
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
corpus="$here/corpus"
runs=5
do_large=1
do_huge=0
do_pandoc=1

while [ $# -gt 0 ]; do
    case "$1" in
    --huge) do_huge=1 ;;
    --no-large) do_large=0 ;;
    --no-pandoc) do_pandoc=0 ;;
    --runs) shift; runs=${1:?--runs needs a number} ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "dump.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$runs" -ge 5 ] 2>/dev/null || { echo "dump.sh: --runs must be a number >= 5" >&2; exit 2; }
command -v pandoc >/dev/null 2>&1 || do_pandoc=0

for tool in unzip xmllint python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "dump.sh: $tool is required" >&2; exit 2; }
done
if [ ! -x /usr/bin/time ]; then
    echo "dump.sh: /usr/bin/time is missing (apt-get install time); peak memory not measured" >&2
fi

# ---------------------------------------------------------------- corpus
mkdir -p "$corpus"
gen() { # name chars
    if [ ! -s "$corpus/$1.docx" ] || [ ! -s "$corpus/$1.txt" ] ||
        [ -n "$(find "$here/gen_large.py" -newer "$corpus/$1.docx")" ]; then
        echo "generating $corpus/$1.docx ($2 characters)" >&2
        python3 "$here/gen_large.py" --chars "$2" --out "$corpus/$1.docx" --text "$corpus/$1.txt"
    fi
}
names=""
[ "$do_large" = 1 ] && { gen large 800000; names="large"; }
[ "$do_huge" = 1 ] && { gen huge 4000000; names="$names huge"; }
[ -n "$names" ] || { echo "dump.sh: nothing to do" >&2; exit 2; }

# ----------------------------------------------------------------- build
if [ -z "${FL_BIN:-}" ]; then
    FL_BIN="$src/build-bench/filinglint"
    if [ ! -f "$src/build-bench/CMakeCache.txt" ]; then
        cmake -S "$src" -B "$src/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
    fi
    cmake --build "$src/build-bench" --target filinglint -j 2 >"$corpus/build.log" 2>&1 ||
        echo "dump.sh: build failed (see $corpus/build.log); using the existing binary if any" >&2
fi

# ---------------------------------------------------------------- timing
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median_loop() { # cmd -> median seconds on stdout, or "fails"
    sh -c "$1" >/dev/null 2>&1 || { echo fails; return; }
    i=0
    while [ $i -lt "$runs" ]; do
        t0=$(date +%s.%N)
        sh -c "$1" >/dev/null 2>&1 || true
        t1=$(date +%s.%N)
        awk -v a="$t0" -v b="$t1" "BEGIN{print b - a}"
        i=$((i + 1))
    done | sort -g | awk '{a[NR]=$1} END{m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.4f\n", m}'
}

# tag cmd -> "median<TAB>cpu" on stdout; cpu is hyperfine's mean user+system
# time, steadier than wall time when other jobs share the machine.
median() {
    if [ -z "${BENCH_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null 2>&1 &&
        hyperfine --warmup 1 --runs "$runs" --style none --export-json "$corpus/dump-$1.json" \
            "$2" >/dev/null 2>&1; then
        python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.4f\t%.4f" % (r["median"], r["user"] + r["system"]))' \
            "$corpus/dump-$1.json"
    elif [ -z "${BENCH_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null 2>&1; then
        printf 'fails\t-\n'  # hyperfine stops when the command exits non-zero
    else
        printf '%s\t-\n' "$(median_loop "$2")"
    fi
}

peak_mb() { # cmd -> peak RSS in MB (largest process of the command)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v sh -c "$1" >/dev/null 2>"$tmp/time" || true
        awk -F: '/Maximum resident set size/ {printf "%.1f\n", $2 / 1024}' "$tmp/time"
    else
        echo "-"
    fi
}

# Does dump print exactly the generator's text (labels and page breaks aside)?
text_check() { # json expected.txt
    python3 - "$1" "$2" <<'EOF'
import json, sys
blocks = json.load(open(sys.argv[1], encoding="utf-8"))["blocks"]
got = []
for b in blocks:
    t, label = b.get("text", ""), b.get("label") or ""
    if label and t.startswith(label):
        t = t[len(label):].lstrip(" \t")
    if t.strip():
        got.append(t)
want = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if l]
if got == want:
    print("identical (%d blocks)" % len(got))
else:
    i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    print("DIFFERS at block %d of %d/%d: %r vs %r" % (i, len(got), len(want),
          got[i][:40] if i < len(got) else None, want[i][:40] if i < len(want) else None))
EOF
}

q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
machine="$(nproc) CPUs, $cpu, $(date -u '+%Y-%m-%d %H:%M UTC')"
rev=$(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo unknown)
out="$tmp/results.md"
{
    echo "# dump benchmark"
    echo
    echo "Generated by \`bench/dump.sh\`: medians of $runs runs after one warm-up; peak = maximum RSS of"
    echo "the largest process of the command (GNU time). Ratios are against the limit of the same run."
    echo
    echo "machine: $machine; filinglint at $rev (+ working tree); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$out"

for name in $names; do
    file="$corpus/$name.docx"
    fq=$(q "$file")
    chars=$(python3 -c 'import sys; print(sum(len(l) for l in open(sys.argv[1], encoding="utf-8").read().split("\n")))' "$corpus/$name.txt")
    xml=$(unzip -p "$file" word/document.xml | wc -c)
    zipped=$(wc -c <"$file")
    limit_cmd="unzip -p $fq word/document.xml | xmllint --stream --noout -"
    dump_cmd="$(q "$FL_BIN") dump --format json $fq > /dev/null"
    pandoc_cmd="pandoc -t plain $fq -o /dev/null"

    echo "== $name: $chars characters, document.xml $(awk "BEGIN{printf \"%.1f\", $xml/1e6}") MB," \
         "$(awk "BEGIN{printf \"%.2f\", $zipped/1e6}") MB zipped" >&2
    rows="$tmp/rows"
    : >"$rows"
    lim=$(median "$name-limit" "$limit_cmd")
    printf '%s\t%s\t%s\n' 'limit: `unzip -p \| xmllint --stream`' "$lim" "$(peak_mb "$limit_cmd")" >>"$rows"
    lim=${lim%%	*}

    check="not run"
    if [ -x "$FL_BIN" ] && "$FL_BIN" dump --format json "$file" >"$tmp/dump.json" 2>"$tmp/dump.err"; then
        check=$(text_check "$tmp/dump.json" "$corpus/$name.txt")
        d=$(median "$name-dump" "$dump_cmd")
        printf '%s\t%s\t%s\n' '`filinglint dump --format json`' "$d" "$(peak_mb "$dump_cmd")" >>"$rows"
    else
        echo "dump.sh: \`filinglint dump\` does not work yet on $name: $(head -c 200 "$tmp/dump.err" 2>/dev/null)" >&2
        printf '%s\t%s\t%s\t%s\n' '`filinglint dump --format json`' fails - - >>"$rows"
    fi
    if [ "$do_pandoc" = 1 ]; then
        p=$(median "$name-pandoc" "$pandoc_cmd")
        printf '%s\t%s\t%s\n' '`pandoc -t plain`' "$p" "$(peak_mb "$pandoc_cmd")" >>"$rows"
    fi

    {
        echo
        echo "## $name: $chars characters, document.xml $(awk "BEGIN{printf \"%.1f\", $xml/1e6}") MB ($(awk "BEGIN{printf \"%.2f\", $zipped/1e6}") MB zipped)"
        echo
        echo "| command | median s | ratio to limit | peak MB | CPU s (user+sys) |"
        echo "|---|---:|---:|---:|---:|"
        awk -F'\t' -v lim="$lim" '{
            r = ($2 ~ /^[0-9.]+$/ && lim ~ /^[0-9.]+$/ && lim + 0 > 0) ? sprintf("%.2f", $2 / lim) : "-"
            s = ($2 ~ /^[0-9.]+$/) ? sprintf("%.3f", $2) : $2
            c = ($3 ~ /^[0-9.]+$/) ? sprintf("%.3f", $3) : "-"
            printf "| %s | %s | %s | %s | %s |\n", $1, s, r, $4, c }' "$rows"
        echo
        d=$(awk -F'\t' '/filinglint dump/ {print $2}' "$rows")
        case "$d,$lim" in
        *[!0-9.,]*|,*|*,) verdict="not measured" ;;
        *) verdict=$(awk -v d="$d" -v l="$lim" 'BEGIN{ printf "%.2f x the limit: %s", d / l, (d <= 1.2 * l) ? "met" : "NOT met" }') ;;
        esac
        echo "Target \`dump\` <= 1.2 x the limit: $verdict. Dump text vs generator: $check."
    } >>"$out"
done

{
    echo
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (above $(nproc), wall times are inflated; compare ratios and CPU)."
} >>"$out"
cat "$out"
cp "$out" "$here/RESULTS-dump.md"
