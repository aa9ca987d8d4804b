#!/usr/bin/env bash
# Time-boxed libFuzzer runs of the fuzz targets (fuzz/README.md). Builds them with
# clang and -DFL_FUZZ=ON, then runs each target in turn, one process each,
# for SECONDS (default 60) with ASan+UBSan, a dictionary, an input size cap,
# a memory cap and a per-input timeout. The committed seeds are only read:
# new inputs go to a scratch corpus in the build directory, and are merged
# back into fuzz/corpus/<target>/ (coverage-increasing ones only) with --merge.
#
#   fuzz/run-libfuzzer.sh [-t SECONDS] [-b BUILD_DIR] [--merge] [--no-build] [TARGET...]
#
# Exit status 1 if any target crashed, leaked, hung or ran out of memory; the
# reproducer is under BUILD_DIR/fuzz-work/<target>/artifacts/. Minimise it
# (see fuzz/README.md) and keep it in fuzz/regressions/<target>/.
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
build="$src/build-fuzz"
seconds=${FUZZ_SECONDS:-60}
merge=0
do_build=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    -t) seconds=$2; shift 2 ;;
    -b) build=$(realpath -m "$2"); shift 2 ;;
    --merge) merge=1; shift ;;
    --no-build) do_build=0; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-libfuzzer.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(docx wml flatopc text ruleset check rels pdf)

# Per target: largest input (above the biggest seed, below what makes a run
# crawl) and dictionary.
max_len() {
  case "$1" in
    wml) echo 262144 ;;     # a fixture's parts joined: up to ~215 KB
    flatopc) echo 131072 ;; # Flat OPC fixtures: up to ~120 KB
    pdf) echo 16384 ;;      # hand-made PDF seeds: up to ~3 KB (a fixture PDF mutated ran 3 a second)
    *) echo 65536 ;;
  esac
}
dict() {
  case "$1" in
    text) echo "$src/fuzz/dict/text.dict" ;;
    ruleset) echo "$src/fuzz/dict/ruleset.dict" ;;
    rels) echo "$src/fuzz/dict/rels.dict" ;;
    pdf) echo "$src/fuzz/dict/pdf.dict" ;;
    *) echo "$src/fuzz/dict/xml.dict" ;;
  esac
}

# No -Werror here: warnings are the CI build's business, and a GCC-only
# warning option must not stop a clang fuzz run.
if [ "$do_build" = 1 ]; then
  mkdir -p "$build"
  if ! { cmake -S "$src" -B "$build" -DCMAKE_C_COMPILER=clang -DFL_FUZZ=ON -DFL_WERROR=OFF \
           -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
         cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]/#/fuzz_}"; } \
       >"$build/fuzz-build.log" 2>&1; then
    tail -30 "$build/fuzz-build.log" >&2
    echo "run-libfuzzer.sh: build failed (log: $build/fuzz-build.log)" >&2
    exit 2
  fi
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
summary=()
for t in "${targets[@]}"; do
  bin="$build/fuzz/fuzz_$t"
  work="$build/fuzz-work/$t"
  [ -x "$bin" ] || { echo "no $bin (build with -DFL_FUZZ=ON)" >&2; exit 2; }
  mkdir -p "$work/corpus" "$work/artifacts"
  echo "== fuzz_$t: ${seconds}s"
  rc=0
  "$bin" -max_total_time="$seconds" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
    -dict="$(dict "$t")" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$work/corpus" "$src/fuzz/corpus/$t" "$src/fuzz/regressions/$t" >"$work/log" 2>&1 || rc=$?
  cov=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED|NEW|REDUCE|pulse)' "$work/log" | tail -1 |
        grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz: )' "$work/log" | head -5 || true
    echo "   log: $work/log; reproducer: $(ls -t "$work/artifacts" | head -1 | sed "s|^|$work/artifacts/|")"
    summary+=("fuzz_$t: FAILED (exit $rc)")
  else
    summary+=("fuzz_$t: ${execs:-?} execs, ${speed:-?} exec/s, $cov")
  fi
  if [ "$merge" = 1 ] && [ "$rc" -eq 0 ]; then
    "$bin" -merge=1 -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
      "$src/fuzz/corpus/$t" "$work/corpus" >>"$work/log" 2>&1
    echo "   merged: fuzz/corpus/$t is now $(du -sh "$src/fuzz/corpus/$t" | cut -f1) (keep it under 2 MB)"
  fi
done
printf '%s\n' "${summary[@]}"
exit $status
