#!/usr/bin/env python3
"""Throughput of `dateline extract` against the bare spaCy model, same texts, same run.

    python benchmarks/extract_throughput.py [--docs 2000] [--gold ../shared/eval/dev.jsonl]

Builds N documents by repeating the dev texts, runs the bare English model
(nlp.pipe) and then our whole extraction (ingest objects -> events), and
prints documents/s and words/s for each. The ratio (ours / bare) comes last.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline.model import Document
from dateline.nlp import build
from dateline.pipeline import extract_documents

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document.from_text(texts[i % len(texts)], doc_id=f"bench-{i}") for i in range(args.docs)]
    words = sum(len(d.text.split()) for d in docs)

    bare = build(events=False)
    ours = build()
    # warm up both (first-call costs are not throughput)
    list(bare.pipe(texts[:4]))
    list(extract_documents(docs[:4], ours))

    t0 = time.perf_counter()
    for _ in bare.pipe((d.text for d in docs), batch_size=16):
        pass
    t_bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = sum(len(r.events) for r in extract_documents(docs, ours, batch_size=16))
    t_ours = time.perf_counter() - t0

    print(f"documents {len(docs)}  words {words}  events {n_events}")
    print(f"bare spaCy       {len(docs) / t_bare:8.1f} docs/s  {words / t_bare:9.0f} words/s")
    print(f"dateline extract {len(docs) / t_ours:8.1f} docs/s  {words / t_ours:9.0f} words/s")
    print(f"ratio (dateline / bare spaCy): {t_bare / t_ours:.3f}")


if __name__ == "__main__":
    main()
