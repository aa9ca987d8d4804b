#!/usr/bin/env python3
"""Load on `filinglint serve`, on loopback only: N requests, C at a time,
to POST /api/check, each a small filing from fixtures/ except one large
one; every answer must come (none lost) with status 200. Prints p50/p95/
max latency, the large file's own latency, and the statuses, as JSON.

    python3 bench/serve/load.py --url http://127.0.0.1:PORT --large big.docx \
        --requests 200 --concurrency 16 FILE...

Standard library only; one bounded run (no retries, a 600 s timeout per
request), so it stops by itself."""
import argparse
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
import uuid


def post(url, path, timeout):
    u = urllib.parse.urlparse(url)
    boundary = uuid.uuid4().hex
    name = os.path.basename(path)
    with open(path, "rb") as f:
        data = f.read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    start = time.monotonic()
    try:
        conn.request("POST", "/api/check?lang=en", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        res = conn.getresponse()
        payload = res.read()
        status = res.status
        ok = status == 200 and json.loads(payload).get("files")
    except Exception as e:  # a lost answer is counted, not retried
        status, ok = f"error: {type(e).__name__}", False
    finally:
        conn.close()
    return time.monotonic() - start, status, bool(ok)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--large", required=True, help="the large filing, sent once in the middle of the run")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("files", nargs="+", help="the small filings, sent in turn")
    a = ap.parse_args()
    host = urllib.parse.urlparse(a.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("load.py: loopback addresses only")
    plan = [a.files[i % len(a.files)] for i in range(a.requests)]
    plan[a.requests // 4] = a.large  # early, so that it overlaps the rest
    results = [None] * len(plan)
    lock = threading.Lock()
    nxt = [0]

    def worker():
        while True:
            with lock:
                i = nxt[0]
                nxt[0] += 1
            if i >= len(plan):
                return
            results[i] = post(a.url, plan[i], a.timeout)

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(a.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    lat = sorted(r[0] for r in results)
    pct = lambda p: lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))]
    statuses = {}
    for r in results:
        statuses[str(r[1])] = statuses.get(str(r[1]), 0) + 1
    out = {
        "requests": len(plan), "concurrency": a.concurrency, "answered_ok": sum(r[2] for r in results),
        "statuses": statuses, "wall_s": round(wall, 2), "p50_s": round(pct(50), 3), "p95_s": round(pct(95), 3),
        "max_s": round(lat[-1], 3), "large_s": round(results[a.requests // 4][0], 3),
        "large_status": results[a.requests // 4][1],
    }
    print(json.dumps(out))
    return 0 if out["answered_ok"] == len(plan) else 1


if __name__ == "__main__":
    sys.exit(main())
