"""Do both cores pay? `extract` and `ingest` with one process against their defaults, same run.

    python benchmarks/parallel.py [--documents 1500] [--rounds 3]

Writes --documents of the generated news corpus (benchmarks/corpus.py), then
times, alternating A and B in each round so that a busy machine hurts both
alike: `dateline extract -p 1` against `dateline extract` (its default: one
process per core), and `dateline ingest -p 1` against `dateline ingest -p 2`
into fresh stores. Prints the median wall time of each, the speed-up, the CPU
time the processes used (children included), and checks that both give the
same output.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write  # noqa: E402

DATELINE = [sys.executable, "-m", "dateline"]


def timed(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one command (the CPU of its whole process tree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    res = subprocess.run(DATELINE + args, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode != 0:
        sys.exit(f"dateline {' '.join(args)} failed: {res.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def report(label: str, one: list[tuple[float, float]], many: list[tuple[float, float]]) -> None:
    w1, wn = statistics.median(w for w, _ in one), statistics.median(w for w, _ in many)
    c1, cn = statistics.median(c for _, c in one), statistics.median(c for _, c in many)
    print(f"{label}: one process {w1:.1f} s (CPU {c1:.1f} s), parallel {wn:.1f} s (CPU {cn:.1f} s): "
          f"speed-up {w1 / wn:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    print(f"cores: {len(os.sched_getaffinity(0))}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write(Path(tmp) / "corpus.jsonl", args.documents)
        runs: dict[str, list] = {"extract 1": [], "extract": [], "ingest 1": [], "ingest 2": []}
        outputs = {}
        for r in range(args.rounds):
            for label, extra in (("extract 1", ["-p", "1"]), ("extract", [])):
                out = Path(tmp) / f"{label.replace(' ', '-')}.jsonl"
                runs[label].append(timed(["extract", str(corpus), "--format", "jsonl", "-o", str(out), *extra]))
                outputs[label] = out.read_bytes()
            for label, p in (("ingest 1", "1"), ("ingest 2", "2")):
                db = Path(tmp) / f"{label.replace(' ', '-')}-{r}.duckdb"
                runs[label].append(timed(["ingest", str(corpus), "--db", str(db), "-p", p, "--quiet"]))
        assert outputs["extract 1"] == outputs["extract"], "one process and several gave different output"
    report(f"extract ({args.documents} documents)", runs["extract 1"], runs["extract"])
    report(f"ingest ({args.documents} documents)", runs["ingest 1"], runs["ingest 2"])


if __name__ == "__main__":
    main()
