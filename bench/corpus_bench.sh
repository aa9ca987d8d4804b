#!/bin/bash
# Similarity-corpus benchmark (docs/performance.md, "corpus"; checker/corpus/README.md):
#   1. generate N filings of about 200,000 characters with planted copies
#      (bench/gen_corpus.py, into bench/corpus/filings-N-C/, git-ignored);
#   2. build the index R times from scratch after a warm-up: median wall and
#      CPU time, filings a second, database size, bytes a stored fingerprint;
#   3. check filings against it (`filinglint index --query`, one process per
#      filing, as `check --corpus` would run): median wall time of a whole
#      process and median in-process query time, over every copier and as
#      many honest filings;
#   4. score against the plants: copies found (with both locations right),
#      and passages that are no planted text (false matches).
#
# usage: bench/corpus_bench.sh [--count N] [--chars C] [--gram G] [--window W]
#                              [--sample S] [--jobs J] [--runs R] [--keep-db]
# env:   FL_BIN (default: build/filinglint), OUT (default: bench/corpus),
#        QUERY_ARGS (extra options of the query runs, e.g. "--min-support 0")
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=1000 CHARS=200000 GRAM= WINDOW= SAMPLE=50 JOBS=2 KEEP=0 RUNS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --chars) CHARS=$2; shift 2 ;;
    --gram) GRAM=$2; shift 2 ;;
    --window) WINDOW=$2; shift 2 ;;
    --sample) SAMPLE=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --keep-db) KEEP=1; shift ;;
    --runs) RUNS=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
FL_BIN=${FL_BIN:-build/filinglint}
OUT=${OUT:-bench/corpus}
FILINGS=$OUT/filings-$COUNT-$CHARS
DB=$OUT/corpus-$COUNT.db
[ -x "$FL_BIN" ] || { echo "no filinglint at $FL_BIN (set FL_BIN)" >&2; exit 2; }

if [ ! -f "$FILINGS/manifest.tsv" ]; then
  echo "generating $COUNT filings of ~$CHARS characters into $FILINGS"
  python3 bench/gen_corpus.py --count "$COUNT" --chars "$CHARS" --out "$FILINGS"
fi

PARAMS=()
[ -n "$GRAM" ] && PARAMS+=(--gram "$GRAM")
[ -n "$WINDOW" ] && PARAMS+=(--window "$WINDOW")

python3 - "$FL_BIN" "$DB" "$FILINGS" "$SAMPLE" "$COUNT" "$JOBS" "$RUNS" "${QUERY_ARGS:-}" "${PARAMS[@]}" <<'EOF'
import csv, os, random, re, resource, statistics, subprocess, sys, time
fl, db, filings, sample, count, jobs, runs, qargs = sys.argv[1:9]
params = sys.argv[9:]
qargs = qargs.split()
sample, count, runs = int(sample), int(count), int(runs)

def clear():
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)

# Index builds: a warm-up (which also loads the files into the page cache)
# and `runs` timed builds from scratch; wall and CPU time of the process.
walls_i, cpus_i = [], []
for run in range(runs + 1):
    clear()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run([fl, "index", "--corpus", db, "-j", jobs, *params, filings], capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode:
        sys.exit(f"index failed: {r.stderr}")
    if run:
        walls_i.append(wall)
        cpus_i.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
print(r.stdout.strip())
build, cpu = statistics.median(walls_i), statistics.median(cpus_i)
fps = int(re.search(r"(\d+) fingerprints", r.stdout).group(1))
size = os.path.getsize(db) + (os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else 0)
print(f"index: {count} filings, median of {runs} builds {build:.2f} s = {count / build:.1f} filings/s "
      f"(CPU {cpu:.2f} s = {count / cpu:.1f} filings per CPU-second, -j{jobs}; runs: "
      f"{' '.join(f'{w:.1f}' for w in walls_i)} s)")
print(f"       {fps} fingerprints ({fps / count:.0f} a filing); database {size / 1e6:.1f} MB = "
      f"{size / fps:.1f} bytes a fingerprint")

plants = list(csv.DictReader(open(os.path.join(filings, "manifest.tsv"), encoding="utf-8"), delimiter="\t"))
copiers = sorted({p["copier"] for p in plants})
rng = random.Random(7)
honest = sorted(rng.sample(sorted(set(f for f in os.listdir(filings) if f.endswith(".md")) - set(copiers)),
                           min(sample, count - len(copiers))))
checked = copiers[:sample] + honest
line_re = re.compile(r"^(.*?):(\d+):\d+-(\d+):\d+: (\d+) characters shared with (.*?):(\d+)-(\d+) \((\d+) of (\d+)")
walls, queries, found = [], [], []
for name in checked:
    path = os.path.join(filings, name)
    s = time.perf_counter()
    r = subprocess.run([fl, "index", "--corpus", db, "--query", "--timing", "-q", *qargs, path],
                       capture_output=True, text=True)
    walls.append(time.perf_counter() - s)
    m = re.search(r"query ([\d.]+) ms", r.stderr)
    if m:
        queries.append(float(m.group(1)))
    for line in r.stdout.splitlines():
        m = line_re.match(line)
        if m:
            found.append((name, int(m.group(2)), int(m.group(3)), int(m.group(4)),
                          os.path.basename(m.group(5)), int(m.group(6)), int(m.group(7)),
                          int(m.group(8)), int(m.group(9))))

def overlaps(a0, a1, b0, b1):
    return a0 <= b1 and b0 <= a1

hit_plants, good = set(), set()
for i, p in enumerate(plants):
    if p["copier"] not in checked:
        continue
    for j, f in enumerate(found):
        if (f[0] == p["copier"] and f[4] == p["source"] and
                overlaps(f[1], f[2], int(p["first_line"]), int(p["last_line"])) and
                overlaps(f[5], f[6], int(p["source_first_line"]), int(p["source_last_line"]))):
            hit_plants.add(i)
            good.add(j)
# Other passages that are still planted text: a source checked against its
# copier, or two copiers of the same source passage checked against each
# other. What is left is a false match.
def regions(name):
    out = []
    for p in plants:
        src = (p["source"], int(p["source_first_line"]), int(p["source_last_line"]))
        if p["copier"] == name:
            out.append(((int(p["first_line"]), int(p["last_line"])), src))
        if p["source"] == name:
            out.append(((src[1], src[2]), src))
    return out
def same_text(s, t):
    return s[0] == t[0] and overlaps(s[1], s[2], t[1], t[2])
def planted(f):
    return any(overlaps(f[1], f[2], *ra) and overlaps(f[5], f[6], *rb) and same_text(sa, sb)
               for ra, sa in regions(f[0]) for rb, sb in regions(f[4]))
wanted = [i for i, p in enumerate(plants) if p["copier"] in checked]
missed = [plants[i] for i in wanted if i not in hit_plants]
other = [f for j, f in enumerate(found) if j not in good]
false = [f for f in other if not planted(f)]
print(f"check: {len(checked)} filings ({len(copiers[:sample])} copiers, {len(honest)} honest); "
      f"median process {statistics.median(walls):.3f} s (max {max(walls):.3f}); "
      f"median query {statistics.median(queries):.1f} ms")
print(f"copies: {len(hit_plants)} of {len(wanted)} plants found "
      f"({sum(1 for i in hit_plants if plants[i]['edit'] == 'rename')} renamed); "
      f"{len(other)} other passages, {len(other) - len(false)} of them planted text seen from another "
      f"side, {len(false)} false ({len(false) / len(checked):.2f} a filing)")
def hist(rows):
    bins = [0] * 10
    for f in rows:
        bins[min(9, int(10 * f[7] / max(1, f[8])))] += 1
    return " ".join(f"{b}" for b in bins)
print("support (shared/all fingerprints of the passage) in tenths, plants:", hist([found[j] for j in good]))
print("                                                     false:", hist(false))
for p in missed:
    print("  missed:", "\t".join(p.values()))
for f in false[:10]:
    print("  extra:", f)
EOF
[ "$KEEP" = 1 ] || rm -f "$DB" "$DB-wal" "$DB-shm"
