"""Does ingest slow down as the store grows? Cost per document into an empty store and into a big one.

    python benchmarks/ingest_scaling.py [--base 20000] [--new 500] [--rounds 3]

From the generated news corpus (benchmarks/corpus.py, in order of publication)
the first --base documents make the big store and the next --new documents are
the ones ingested. Their extraction is done once, up front (it does not depend
on the store); what is timed is what the store does per batch of 32: insert,
and link the new mentions into the clusters (``Store.add``). Runs alternate
(empty, big, empty, big, ...) on fresh copies of the stores; medians of wall
and CPU time. Prints the store's cost per document in each and their ratio, and
the whole ingest's cost per document (extraction included) and its ratio, with
the number of clusters, which a full relink of the big store must equal (it is
checked).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402

from dateline.model import Document  # noqa: E402
from dateline.pipeline import default_processes, extract_documents  # noqa: E402
from dateline.store import Store  # noqa: E402

BATCH = 32


def documents(rows: list[dict]) -> list[Document]:
    return [Document(doc_id=r["doc_id"], text=r["text"], title=r["title"],
                     published=dt.date.fromisoformat(r["published"])) for r in rows]


def store_time(db: Path, results: list) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        for i in range(0, len(results), BATCH):
            store.add(results[i:i + BATCH])
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, default=20000, help="documents in the big store")
    ap.add_argument("--new", type=int, default=500, help="documents ingested into each store")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rows = corpus(args.base + args.new)
    base_docs, new_docs = documents(rows[:args.base]), documents(rows[args.base:])
    t0 = time.perf_counter()
    base = list(extract_documents(base_docs, n_process=default_processes()))
    t1 = time.perf_counter()
    cpu = time.process_time()
    new = list(extract_documents(new_docs, n_process=1))
    extract_per_doc = (time.process_time() - cpu) / len(new_docs)
    print(f"extracted {len(base_docs)} + {len(new_docs)} documents ({t1 - t0:.0f} s for the big store); "
          f"extraction {extract_per_doc * 1000:.1f} ms CPU per document")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.duckdb"
        with Store(big) as store:
            for i in range(0, len(base), BATCH):
                store.add(base[i:i + BATCH])
            mentions = store.counts()["mentions"]
        print(f"big store: {len(base_docs)} documents, {mentions} mentions")
        timings: dict[str, list[tuple[float, float]]] = {"empty": [], "big": []}
        for r in range(args.rounds):
            for label in ("empty", "big"):
                db = Path(tmp) / f"{label}-{r}.duckdb"
                if label == "big":
                    shutil.copy(big, db)
                timings[label].append(store_time(db, new))
        with Store(Path(tmp) / f"big-{args.rounds - 1}.duckdb") as store:
            linked = dict(store.con.execute("SELECT mention_id, cluster_id FROM mentions").fetchall())
            clusters = store.relink()
            assert linked == dict(store.con.execute("SELECT mention_id, cluster_id FROM mentions").fetchall()), \
                "linking batch by batch gave other clusters than a full relink"
    n = len(new_docs)
    per = {k: (statistics.median(w for w, _ in v) / n, statistics.median(c for _, c in v) / n)
           for k, v in timings.items()}
    for k, (wall, cpu) in per.items():
        print(f"store into {k:>5}: {wall * 1000:6.2f} ms wall, {cpu * 1000:6.2f} ms CPU per document")
    print(f"big store: {clusters} events after ingest (a full relink gives the same clusters)")
    print(f"store cost per document, big / empty: wall {per['big'][0] / per['empty'][0]:.2f}, "
          f"CPU {per['big'][1] / per['empty'][1]:.2f}")
    whole = (extract_per_doc + per["big"][1]) / (extract_per_doc + per["empty"][1])
    print(f"ingest cost per document (extraction included, CPU), big / empty: {whole:.2f}")


if __name__ == "__main__":
    main()
