#!/bin/bash
# One load run of `filinglint serve` on loopback (bench/serve/load.py): 200
# requests to /api/check, 16 at a time, among them one 300-page 报告书 DOCX
# (bench/gen_large.py, 300,000 characters: about 1,000 a page); the server
# with --jobs 2 (the machine's two cores). Reports p50/p95 latency, none
# lost, and the peak RSS of the server and of its largest child into
# bench/RESULTS-serve.md. One short run only: the machine is shared.
#
#   bench/serve/run.sh [BUILD_DIR]     (default build; a Release build is fairer)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-build}/filinglint
work=$(mktemp -d "${TMPDIR:-/tmp}/serve-bench.XXXXXX")
trap 'kill "$spid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
large=bench/corpus/serve-300p.docx
mkdir -p bench/corpus
[ -f "$large" ] || python3 bench/gen_large.py --chars 300000 --out "$large"
mkdir -p "$work/tmp"
TMPDIR="$work/tmp" "$bin" serve --listen 127.0.0.1:0 --jobs 2 --queue-wait 600 --timeout 600 2>"$work/log" &
spid=$!
for _ in $(seq 100); do port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/log" | sed 's/.*://') && [ -n "$port" ] && break; sleep 0.05; done
small=(fixtures/eia/*.docx fixtures/eia/*.md fixtures/soil/*.docx fixtures/soil/*.md)
result=$(python3 bench/serve/load.py --url "http://127.0.0.1:$port" --large "$large" --requests 200 --concurrency 16 "${small[@]}") || rc=$?
server_kb=$(awk '/VmHWM/ {print $2}' "/proc/$spid/status")
health=$(curl -s "http://127.0.0.1:$port/healthz")
kill -TERM "$spid"; wait "$spid" || true
lines=$(grep -c ' POST /api/check ' "$work/log" || true)
child_kb=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["children_peak_rss_kb"])' "$health")
echo "$result"
python3 - "$result" "$server_kb" "$child_kb" "$lines" "$(du -k "$large" | cut -f1)" "${#small[@]}" >bench/RESULTS-serve.md <<'PY'
import json, sys, platform, os, datetime
r = json.loads(sys.argv[1]); server_kb, child_kb, lines, large_kb, nsmall = map(int, sys.argv[2:])
print("# `filinglint serve` under load (bench/serve/run.sh)\n")
print(f"One run on {datetime.date.today()}, {os.cpu_count()} cores shared with other work, loopback only; "
      f"the server with `--jobs 2`. {r['requests']} requests to `POST /api/check`, {r['concurrency']} at a time: "
      f"{nsmall} small fixtures (报告书, 报告表, 实施方案…; DOCX and Markdown) in turn, and once a 300-page "
      f"报告书 DOCX ({large_kb} KB, 300,000 characters, `bench/gen_large.py`).\n")
print("| measure | value |\n|---|---|")
print(f"| answered 200 with the check's JSON | {r['answered_ok']} of {r['requests']} (statuses: {r['statuses']}) |")
print(f"| access-log lines | {lines} |")
print(f"| wall time | {r['wall_s']} s |")
print(f"| latency p50 | {r['p50_s']} s |")
print(f"| latency p95 | {r['p95_s']} s |")
print(f"| latency max | {r['max_s']} s |")
print(f"| the 300-page DOCX | {r['large_s']} s (status {r['large_status']}) |")
print(f"| peak RSS, server | {server_kb / 1024:.1f} MB |")
print(f"| peak RSS, largest check child | {child_kb / 1024:.1f} MB |")
print("\nLatency includes the wait for a worker: 16 clients share 2 workers, so p50 is mostly queueing. "
      "The server's own memory stays flat (uploads stream to disk, documents are read only in children); "
      "the largest child is the one that read the 300-page filing. The server loads and compiles the rulesets "
      "once, at start, and every check's child uses its copy of them (copy-on-write), so a check costs "
      "reading and linting its filing; the server's peak RSS includes the loaded rulesets, and a child's "
      "counts the pages it shares with the server.")
PY
cat bench/RESULTS-serve.md
exit "${rc:-0}"
