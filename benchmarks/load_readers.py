"""50 concurrent readers for 10 seconds against a real `dateline serve` (loopback only).

    python benchmarks/load_readers.py [--readers 50] [--seconds 10] [--db store.duckdb]

Without --db it builds a store from ../shared/eval/dev.jsonl in a temporary
directory. Each reader loops over search, event, actor and plans requests (API
and pages, the chart images included). Prints requests, errors, requests/s and
latency percentiles; the search page's p95 with facets against the same page
without them (``facets=0``, the page as it was before facets and charts) in the
same run; the p95 last. Exits 1 if any request failed.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(path: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "dateline", "ingest", str(DEV), "--db", str(path), "--quiet"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"cannot build the store: {res.stderr}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--readers", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "load.duckdb"
    if args.db is None:
        build_store(db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        first = json.load(urllib.request.urlopen(base + "/api/events?limit=1", timeout=10))["items"][0]
        # the search page with its facets, the same page without them (as it was before facets and
        # charts: the baseline of the same run), and the chart images a browser then fetches
        paths = ["/api/events?limit=25", "/api/events?actor=Putin&type=CONSULT", "/?q=meeting",
                 f"/api/clusters/{first['cluster_id']}", f"/clusters/{first['cluster_id']}",
                 "/api/actors/Putin", "/actors/Vladimir%20Putin", "/api/plans?unrealised=true", "/plans",
                 "/?q=meeting&facets=0", "/?type=CONSULT", "/?type=CONSULT&facets=0",
                 "/charts/weeks.svg?q=meeting", "/charts/map.svg?q=meeting"]
        by_path: dict[str, list[float]] = {}
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds

        def reader(n: int) -> None:
            i = n
            while time.monotonic() < stop:
                path = paths[i % len(paths)]
                i += 1
                t0 = time.perf_counter()
                try:
                    with urllib.request.urlopen(base + path, timeout=30) as r:
                        r.read()
                        ok = r.status == 200
                except (urllib.error.URLError, OSError) as err:
                    ok, path = False, f"{path}: {err}"
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    by_path.setdefault(paths[(i - 1) % len(paths)], []).append(dt)
                    if not ok:
                        errors.append(path)

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.readers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()
    qs = statistics.quantiles(latencies, n=100)
    print(f"readers {args.readers}  seconds {args.seconds:.0f}  requests {len(latencies)}  errors {len(errors)}  "
          f"req/s {len(latencies) / args.seconds:.1f}")
    print(f"latency p50 {qs[49] * 1000:.0f} ms  p99 {qs[98] * 1000:.0f} ms  max {max(latencies) * 1000:.0f} ms")
    for e in errors[:5]:
        print("error:", e)

    def p95(group):
        times = [t for path in group for t in by_path.get(path, [])]
        return statistics.quantiles(times, n=100)[94] if len(times) > 1 else float("nan")

    faceted, plain = p95(["/?q=meeting", "/?type=CONSULT"]), p95(["/?q=meeting&facets=0", "/?type=CONSULT&facets=0"])
    print(f"search page p95: with facets {faceted * 1000:.0f} ms, results alone {plain * 1000:.0f} ms, "
          f"ratio {faceted / plain:.2f}; chart images p95 "
          f"{p95(['/charts/weeks.svg?q=meeting', '/charts/map.svg?q=meeting']) * 1000:.0f} ms")
    print(f"p95 latency: {qs[94] * 1000:.0f} ms")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
