"""How cross-article linking scales: synthetic mentions, 10k / 30k / 100k.

    python benchmarks/link_scaling.py [--sizes 10000,30000,100000] [--seed 7]

The generator makes a world of actors who meet, aid and accuse each other on
random days over years; each real event is reported by one to four articles
published within days of it, some as plans before the event, some with and
some without an event date, and some pairs meet again months later. The linker (``dateline.link.link``, the same
code the store and Spark use) clusters them; the script prints, per size,
the time, the number of compared pairs, and time / (n log n) normalised to
the smallest size: a flat last column means n log n growth, a column that
grows like n means quadratic work. It also prints how well the clusters
recover the generated events (B-cubed F1), so speed is not bought with
wrong answers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.link import LinkItem, candidate_pairs, link, participant_key  # noqa: E402

TYPES = ["CONSULT", "AGREE", "AID", "ACCUSE", "REQUEST", "SUPPORT"]


def synthetic(n_mentions: int, seed: int) -> tuple[list[LinkItem], dict[str, str]]:
    rng = random.Random(seed)
    n_actors = max(50, n_mentions // 20)
    people = [(f"Person{i} Family{i}", "person") for i in range(n_actors)]
    countries = [(f"Country{i}", "country") for i in range(max(20, n_actors // 10))]
    start = dt.date(2015, 1, 1)
    items: list[LinkItem] = []
    truth: dict[str, str] = {}
    event = 0
    history: list[tuple[str, tuple, tuple, dt.date]] = []
    while len(items) < n_mentions:
        event += 1
        if history and rng.random() < 0.15:
            # The same two meet again months later: a near miss the linker must keep apart.
            etype, a, b, before = rng.choice(history)
            day = before + dt.timedelta(days=rng.randint(60, 200))
        else:
            etype = rng.choice(TYPES)
            a = rng.choice(people)
            b = rng.choice(people + countries)
            if a == b:
                continue
            day = start + dt.timedelta(days=rng.randrange(365 * 8))
        history.append((etype, a, b, day))
        for r in range(rng.randint(1, 4)):
            published = day + dt.timedelta(days=rng.randint(-10, 3))
            status = "planned" if published < day else "occurred"
            parts = {participant_key(*a), participant_key(*b)}
            if r and rng.random() < 0.2:
                parts = {participant_key(a[0].split()[-1], "person"), participant_key(*b)}  # surname only
            dated = rng.random() < 0.6
            key = f"m{len(items)}"
            items.append(LinkItem(key=key, doc_id=f"doc{event}-{r}", type=etype, status=status,
                                  participants=frozenset(parts), start=day if dated else None,
                                  end=day if dated else None, published=published))
            truth[key] = f"ev{event}"
            if len(items) >= n_mentions:
                break
    return items, truth


def bcubed(truth: dict[str, str], pred: dict[str, str]) -> float:
    by_t, by_p = defaultdict(set), defaultdict(set)
    for k in truth:
        by_t[truth[k]].add(k)
        by_p[pred[k]].add(k)
    p = sum(len(by_t[truth[k]] & by_p[pred[k]]) / len(by_p[pred[k]]) for k in truth) / len(truth)
    r = sum(len(by_t[truth[k]] & by_p[pred[k]]) / len(by_t[truth[k]]) for k in truth) / len(truth)
    return 2 * p * r / (p + r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    base = None
    print(f"{'mentions':>9} {'seconds':>8} {'pairs':>10} {'B3 F1':>6} {'t/(n log n), rel.':>18}")
    for n in sizes:
        items, truth = synthetic(n, args.seed)
        pairs = sum(1 for _ in candidate_pairs(items))
        t0 = time.perf_counter()
        clusters = link(items)
        seconds = time.perf_counter() - t0
        per = seconds / (n * math.log(n))
        base = base or per
        print(f"{n:>9} {seconds:>8.2f} {pairs:>10} {bcubed(truth, clusters):>6.3f} {per / base:>18.2f}")


if __name__ == "__main__":
    main()
