"""Spark in local[2] against `dateline extract --processes 2`, same 2,000 documents, same run.

    python benchmarks/spark_throughput.py [--docs 2000] [--gold ../shared/eval/dev.jsonl]

Builds N documents by repeating the dev texts (each copy made distinct), runs
the local command line with two spaCy processes, then the Spark job in
local[2] (session start-up included, as a user would see it), and prints
documents/s for both and documents/s per core; the ratio (Spark / local)
comes last.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for n in range(args.docs):
                r = rows[n % len(rows)]
                out.write(json.dumps({"doc_id": f"{r['doc_id']}-{n}", "text": r["text"] + f"\n\n(Copy {n}.)",
                                      "published": r.get("published")}) + "\n")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dateline", "extract", str(corpus), "--format", "jsonl",
                        "-o", str(Path(tmp) / "local.jsonl"), "--processes", "2", "--quiet"], check=True)
        local_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dateline.spark", "extract", str(corpus), "--out",
                        str(Path(tmp) / "spark.parquet"), "--master", "local[2]", "--partitions", "8"],
                       check=True, stderr=subprocess.DEVNULL)
        spark_s = time.perf_counter() - t0
    local_rate, spark_rate = args.docs / local_s, args.docs / spark_s
    print(f"documents {args.docs}")
    print(f"dateline extract -p 2   {local_s:7.1f} s  {local_rate:6.1f} docs/s  {local_rate / 2:5.1f} docs/s per core")
    print(f"spark local[2]          {spark_s:7.1f} s  {spark_rate:6.1f} docs/s  {spark_rate / 2:5.1f} docs/s per core")
    print(f"ratio (spark / local): {spark_rate / local_rate:.3f}")


if __name__ == "__main__":
    main()
