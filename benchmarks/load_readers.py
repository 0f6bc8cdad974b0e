"""50 concurrent readers for 10 seconds against a real `dateline serve` (loopback only).

    python benchmarks/load_readers.py [--readers 50] [--seconds 10] [--generated 2000 | --db store.duckdb]

Without --db it builds a store in a temporary directory: from
../shared/eval/dev.jsonl, or with --generated N from N documents of the
generated news corpus (benchmarks/corpus.py: many actors, years of dates,
stories told several times), which is what a real store looks like.

First, one request at a time: the median of 21 requests per page (the home
page, /api/events, an actor's, a document's and a cluster's page and API), made
anew (with a session cookie, which the response cache passes by; with the
server's CPU time per request, from /proc) and as kept by the cache, against
/healthz (the framework's floor) in the same run; and the time to POST one
article (the median of 5, each a new article). Then the readers: each loops over
search, event, actor, cluster, document and plans requests (API and pages, chart
images included). Prints requests, errors, requests/s, latency percentiles, the
server's CPU time per request, the search page's p95 with facets against the
same page without them (``facets=0``) in the same run, and the p95 last. Exits
1 if any request failed.
"""

from __future__ import annotations

import argparse
import json
import os
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


def build_store(path: Path, generated: int = 0) -> None:
    source = DEV
    if generated:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from corpus import write

        source = write(path.with_suffix(".jsonl"), generated)
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "dateline", "ingest", str(source), "--db", str(path), "--quiet"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"cannot build the store: {res.stderr}")
    print(f"store: {source.name} ingested in {time.perf_counter() - t0:.1f} s")


def token_for(db: Path) -> str:
    name = f"benchmark-{int(time.time())}"  # a fresh name: an earlier run's token may be in the store
    res = subprocess.run([sys.executable, "-m", "dateline", "token", "create", name, "--db", str(db)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"cannot make a token: {res.stderr}")
    return res.stdout.strip().split()[-1]


# A session cookie (even one the server does not know) keeps an answer out of the server's
# response cache: the page is made anew, as for a signed-in analyst
FRESH = {"Cookie": "dateline_session=benchmark-not-signed-in"}


def get(url: str, headers: dict | None = None) -> tuple[float, int]:
    t0 = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as r:
        r.read()
        return time.perf_counter() - t0, r.status


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user + system) a process has used so far, from /proc; None where there
    is no /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def single_requests(base: str, pages: dict[str, str], server_pid: int) -> None:
    """The median of 21 requests per page, one at a time (after warm-up requests): made anew
    each time, and as the response cache answers a repeated anonymous read; with the server's
    CPU time per request made anew (wall time on a shared machine misleads)."""
    for label, path in pages.items():
        for _ in range(2):
            get(base + path)
            get(base + path, FRESH)
        before = cpu_seconds(server_pid)
        fresh = [get(base + path, FRESH)[0] for _ in range(21)]
        after = cpu_seconds(server_pid)
        kept = [get(base + path)[0] for _ in range(21)]
        cpu = f"{(after - before) / 21 * 1000:5.1f} ms CPU" if before is not None and after is not None else "CPU n/a"
        print(f"  single {label:<15} median {statistics.median(fresh) * 1000:6.1f} ms made ({cpu}), "
              f"{statistics.median(kept) * 1000:5.1f} ms kept   {path}")


def post_times(base: str, token: str) -> None:
    times = []
    for n in range(6):
        text = (f"Benchmark envoy Ana Lind{n} met Foreign Minister Tomas Vik{n} in Oslo on Monday "
                f"to discuss fishing quotas, officials said. The talks lasted {n + 2} hours.")
        req = urllib.request.Request(base + "/api/documents", data=json.dumps({"text": text}).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req, timeout=60) as r:
            r.read()
        if n:  # the first loads the extractor in the server
            times.append(time.perf_counter() - t0)
    print(f"  POST /api/documents (one article) median {statistics.median(times) * 1000:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--readers", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--generated", type=int, default=0, metavar="N",
                    help="build the store from N generated documents (benchmarks/corpus.py)")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "load.duckdb"
    if args.db is None:
        build_store(db, args.generated)
    token = token_for(db)
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
        from urllib.parse import quote

        first = json.load(urllib.request.urlopen(base + "/api/events?limit=1&type=CONSULT", timeout=10))["items"][0]
        named = first["actors"][0] if first["actors"] else "Putin"  # the API gives names
        actor, surname = quote(named), quote(named.split()[-1])
        cluster, doc = first["cluster_id"], first["doc_key"]
        single_requests(base, {"healthz (floor)": "/healthz", "home": "/", "api events": "/api/events?limit=25", "actor page": f"/actors/{actor}",
                               "api actor": f"/api/actors/{actor}", "document page": f"/documents/{doc}",
                               "cluster page": f"/clusters/{cluster}", "api cluster": f"/api/clusters/{cluster}",
                               "search page": "/?q=talks"}, server.pid)
        post_times(base, token)
        # the search page with its facets, the same page without them (as it was before facets and
        # charts: the baseline of the same run), and the chart images a browser then fetches
        paths = ["/api/events?limit=25", f"/api/events?actor={surname}&type=CONSULT", "/?q=talks",
                 f"/api/clusters/{cluster}", f"/clusters/{cluster}", f"/documents/{doc}",
                 f"/api/actors/{actor}", f"/actors/{actor}", "/api/plans?unrealised=true", "/plans",
                 "/?q=talks&facets=0", "/?type=CONSULT", "/?type=CONSULT&facets=0",
                 "/charts/weeks.svg?q=talks", "/charts/map.svg?q=talks"]
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
        cpu_before = cpu_seconds(server.pid)
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        cpu_after = cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()
    qs = statistics.quantiles(latencies, n=100)
    print(f"readers {args.readers}  seconds {args.seconds:.0f}  requests {len(latencies)}  errors {len(errors)}  "
          f"req/s {len(latencies) / args.seconds:.1f}")
    print(f"latency p50 {qs[49] * 1000:.0f} ms  p99 {qs[98] * 1000:.0f} ms  max {max(latencies) * 1000:.0f} ms")
    if cpu_before is not None and cpu_after is not None:
        print(f"server CPU {cpu_after - cpu_before:.1f} s for {len(latencies)} requests "
              f"({(cpu_after - cpu_before) / max(len(latencies), 1) * 1000:.2f} ms per request)")
    for e in errors[:5]:
        print("error:", e)

    def p95(group):
        times = [t for path in group for t in by_path.get(path, [])]
        return statistics.quantiles(times, n=100)[94] if len(times) > 1 else float("nan")

    faceted, plain = p95(["/?q=talks", "/?type=CONSULT"]), p95(["/?q=talks&facets=0", "/?type=CONSULT&facets=0"])
    print(f"search page p95: with facets {faceted * 1000:.0f} ms, results alone {plain * 1000:.0f} ms, "
          f"ratio {faceted / plain:.2f}; chart images p95 "
          f"{p95(['/charts/weeks.svg?q=talks', '/charts/map.svg?q=talks']) * 1000:.0f} ms")
    print(f"p95 latency: {qs[94] * 1000:.0f} ms")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
