# lib.sh — helpers shared by bench/run, bench/dump.sh, bench/html_size.sh and
# bench/pdf/run.sh (POSIX sh, sourced).
#
# The caller sets: here (bench/), src (source tree), corpus (bench/corpus),
# runs (timed runs after one warm-up) and tmp (a scratch folder).
# shellcheck shell=sh disable=SC2154  # here, src, corpus, runs, tmp come from the caller

# Generate bench/corpus/NAME.docx (+ .txt, the expected visible text) with
# gen_large.py when missing or older than the generator.
gen() { # name chars
    if [ ! -s "$corpus/$1.docx" ] || [ ! -s "$corpus/$1.txt" ] ||
        [ -n "$(find "$here/gen_large.py" -newer "$corpus/$1.docx")" ]; then
        echo "generating $corpus/$1.docx ($2 characters)" >&2
        python3 "$here/gen_large.py" --chars "$2" --out "$corpus/$1.docx" --text "$corpus/$1.txt"
    fi
}

# Generate bench/corpus/NAME/ (COUNT filings of MIN-MAX characters) with
# gen_batch.py when it does not hold COUNT filings.
batch() { # name count min max
    if [ "$(find "$corpus/$1" -name '*.docx' 2>/dev/null | wc -l)" -ne "$2" ]; then
        echo "generating $corpus/$1 ($2 filings, $3-$4 characters)" >&2
        python3 "$here/gen_batch.py" --count "$2" --min-chars "$3" --max-chars "$4" --out "$corpus/$1" >&2
    fi
}

# Build filinglint in Release into $src/DIR unless FL_BIN is set; sets FL_BIN.
# No FL_WERROR: -O3 adds warnings like -Wformat-truncation.
build_release() { # dir
    if [ -z "${FL_BIN:-}" ]; then
        FL_BIN="$src/$1/filinglint"
        if [ ! -f "$src/$1/CMakeCache.txt" ]; then
            cmake -S "$src" -B "$src/$1" -DCMAKE_BUILD_TYPE=Release >/dev/null
        fi
        cmake --build "$src/$1" --target filinglint -j 2 >"$corpus/build.log" 2>&1 ||
            echo "bench: build failed (see $corpus/build.log); using the existing binary if any" >&2
    fi
}

# numbers on stdin, one a line -> their median, printed with FMT (%.4f)
median_of() {
    sort -g | awk -v f="${1:-%.4f}" '{a[NR]=$1} END{m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf f "\n", m}'
}

median_loop() { # cmd -> median seconds on stdout, or "fails"
    sh -c "$1" >/dev/null 2>&1 || { echo fails; return; }
    i=0
    while [ $i -lt "$runs" ]; do
        t0=$(date +%s.%N)
        sh -c "$1" >/dev/null 2>&1 || true
        t1=$(date +%s.%N)
        awk -v a="$t0" -v b="$t1" "BEGIN{print b - a}"
        i=$((i + 1))
    done | median_of %.4f
}

# tag cmd -> "median<TAB>cpu" on stdout; cpu is hyperfine's mean user+system
# time, steadier than wall time when other jobs share the machine.  The
# hyperfine JSON is kept as $corpus/TAG.json.
median() {
    if [ -z "${BENCH_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null 2>&1 &&
        hyperfine --warmup 1 --runs "$runs" --style none --export-json "$corpus/$1.json" \
            "$2" >/dev/null 2>&1; then
        python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.4f\t%.4f" % (r["median"], r["user"] + r["system"]))' \
            "$corpus/$1.json"
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

# cmd -> "CPU seconds<TAB>peak MB" of one run under GNU time (the CPU column
# when hyperfine, which gives a mean, is not installed), or "-<TAB>-"
cpu_peak() {
    if [ -x /usr/bin/time ] && /usr/bin/time -f '%U %S %M' -o "$tmp/time" sh -c "$1" >/dev/null 2>&1; then
        awk '{printf "%.3f\t%.1f\n", $1 + $2, $3 / 1024}' "$tmp/time"
    else
        printf -- '-\t-\n'
    fi
}

# The rows of a "| command | median s | ratio to limit | peak MB | CPU s |"
# table from ROWS, lines of "label<TAB>median<TAB>cpu<TAB>peak" ("-" or
# "fails" where not measured), each median against LIMIT.
limit_table() { # limit rows
    awk -F'\t' -v lim="$1" '{
        r = ($2 ~ /^[0-9.]+$/ && lim ~ /^[0-9.]+$/ && lim + 0 > 0) ? sprintf("%.2f", $2 / lim) : "-"
        s = ($2 ~ /^[0-9.]+$/) ? sprintf("%.3f", $2) : $2
        c = ($3 ~ /^[0-9.]+$/) ? sprintf("%.3f", $3) : "-"
        printf "| %s | %s | %s | %s | %s |\n", $1, s, r, $4, c }' "$2"
}

q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

load_avg() { cut -d' ' -f1-3 /proc/loadavg; }

machine_line() {
    cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
    echo "$(nproc) CPUs, $cpu, $(date -u '+%Y-%m-%d %H:%M UTC')"
}

# Put SECTION (Markdown that starts with <!-- NAME --> and ends with
# <!-- /NAME -->) into bench/RESULTS.md in place of the one there, or at the
# end; bench/run keeps these sections when it rewrites the file.
put_section() { # name section
    results="$here/RESULTS.md"
    [ -f "$results" ] || : >"$results"
    python3 - "$results" "$1" "$2" <<'EOF'
import re, sys
path, name, section = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
pat = re.compile(r"<!-- %s -->.*?<!-- /%s -->\n?" % (re.escape(name), re.escape(name)), re.S)
text = pat.sub(lambda m: section + "\n", text) if pat.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w", encoding="utf-8").write(text)
EOF
}
