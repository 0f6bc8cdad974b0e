#!/usr/bin/env python3
"""Throughput of `dateline extract` against the bare spaCy model, same texts, same run.

    python benchmarks/extract_throughput.py [--docs 600] [--rounds 5] [--gold ../shared/eval/dev.jsonl]

Builds N documents by repeating the dev texts, then in each round runs the bare
English model (nlp.pipe) and our whole extraction (ingest objects -> events) on
them, alternating which goes first so that a busy machine hurts both alike.
Prints, per side, the median over the rounds of the CPU time (the process's, all
threads) and of the wall time, as documents/s and words/s; the ratios (ours /
bare) come last, CPU time first: that is the figure to compare (wall time on a
shared machine misleads).

Before the ratios, one more pass of each, component by component, shows where
the CPU time goes. Our pipeline is not the bare one plus our stages only: it
applies the model's own tag map and exceptions by lookup
(``dateline_attribute_rules``: the same annotations as the model's
``attribute_ruler``, which runs them through the general Matcher), so the
breakdown shows both what our stages cost and what that replacement saves.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from dateline.model import Document
from dateline.nlp import build
from dateline.pipeline import extract_documents

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev.jsonl"


def timed(run) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    return time.process_time() - cpu, time.perf_counter() - wall


def by_component(nlp, docs: list[Document]) -> list[tuple[str, float]]:
    """CPU seconds of each component of ``nlp`` over the documents (tokenizer first)."""
    from dateline.pipeline import prepare

    cpu = time.process_time()
    parsed = [prepare(nlp, d) for d in docs]
    out = [("tokenizer", time.process_time() - cpu)]
    for name, proc in nlp.pipeline:
        cpu = time.process_time()
        parsed = list(proc.pipe(parsed, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in parsed]
        out.append((name, time.process_time() - cpu))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=5)
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
    n_events = 0

    def run_bare() -> None:
        for _ in bare.pipe((d.text for d in docs), batch_size=16):
            pass

    def run_ours() -> None:
        nonlocal n_events
        n_events = sum(len(r.events) for r in extract_documents(docs, ours, batch_size=16))

    times: dict[str, list[tuple[float, float]]] = {"bare": [], "ours": []}
    for r in range(args.rounds):
        order = [("bare", run_bare), ("ours", run_ours)]
        for name, run in order if r % 2 == 0 else order[::-1]:
            times[name].append(timed(run))

    med = {name: (statistics.median(c for c, _ in ts), statistics.median(w for _, w in ts)) for name, ts in times.items()}
    print(f"documents {len(docs)}  words {words}  events {n_events}  rounds {args.rounds} (alternating)")
    for name, label in (("bare", "bare spaCy      "), ("ours", "dateline extract")):
        cpu, wall = med[name]
        print(f"{label} CPU {len(docs) / cpu:7.1f} docs/s {words / cpu:8.0f} words/s   "
              f"wall {len(docs) / wall:7.1f} docs/s")
    for name, nlp in (("bare", bare), ("ours", ours)):
        shares = ", ".join(f"{pipe} {secs:.2f}" for pipe, secs in by_component(nlp, docs))
        print(f"{name} CPU s by component: {shares}")
    ratios = [b[0] / o[0] for b, o in zip(times["bare"], times["ours"], strict=True)]
    print(f"ratio wall (dateline / bare spaCy): {med['bare'][1] / med['ours'][1]:.3f}")
    print(f"ratio CPU time (dateline / bare spaCy): {med['bare'][0] / med['ours'][0]:.3f}  "
          f"(per round {min(ratios):.3f}-{max(ratios):.3f})")


if __name__ == "__main__":
    main()
