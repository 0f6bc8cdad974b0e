"""Cross-article linking rules on hand-made mentions."""

import datetime as dt

from dateline.link import LinkItem, candidate_pairs, compatible, date_bounds, link, participant_key

D = dt.date


def item(key, doc, parts, start=None, end=None, published=None, status="occurred", type="CONSULT", location=None):
    return LinkItem(key=key, doc_id=doc, type=type, status=status,
                    participants=frozenset(participant_key(n, k) for n, k in parts),
                    start=start, end=end or start, published=published, location=location)


GUTERRES = ("António Guterres", "person")
GUTERRES_SHORT = ("Guterres", "person")
PUTIN = ("Vladimir Putin", "person")
LAVROV = ("Sergey Lavrov", "person")


def test_surname_and_full_name_same_day_link():
    a = item("a", "d1", [GUTERRES, PUTIN], D(2022, 4, 26))
    b = item("b", "d2", [GUTERRES_SHORT, PUTIN], published=D(2022, 4, 27))
    assert compatible(a, b)
    assert link([a, b])["a"] == link([a, b])["b"]


def test_same_people_months_later_stay_apart():
    a = item("a", "d1", [GUTERRES, PUTIN], D(2022, 4, 26))
    b = item("b", "d2", [GUTERRES, PUTIN], D(2022, 9, 20))
    assert not compatible(a, b)
    undated = item("c", "d3", [GUTERRES, PUTIN], published=D(2022, 9, 21))
    assert not compatible(a, undated)


def test_plan_joins_its_realisation():
    plan = item("p", "d1", [GUTERRES, PUTIN], published=D(2022, 4, 20), status="planned")
    done = item("o", "d2", [GUTERRES, PUTIN], D(2022, 4, 26), published=D(2022, 4, 26))
    clusters = link([plan, done])
    assert clusters["p"] == clusters["o"]


def test_negation_and_other_counterparts_and_same_document_stay_apart():
    a = item("a", "d1", [GUTERRES, PUTIN], D(2022, 4, 26))
    assert not compatible(a, item("b", "d2", [GUTERRES, PUTIN], D(2022, 4, 26), status="negated"))
    assert not compatible(a, item("c", "d2", [GUTERRES, LAVROV], D(2022, 4, 26)))
    assert not compatible(a, item("d", "d1", [GUTERRES, PUTIN], D(2022, 4, 26)))
    assert not compatible(a, item("e", "d2", [GUTERRES, PUTIN], D(2022, 4, 26), type="AGREE"))
    assert not compatible(item("g", "d1", [GUTERRES, PUTIN], D(2022, 4, 26), location="moscow"),
                          item("h", "d2", [GUTERRES, PUTIN], D(2022, 4, 26), location="kyiv"))


def test_day_inside_an_interval_links():
    visit = item("v", "d1", [GUTERRES, ("Greece", "country")], D(2016, 2, 23), D(2016, 2, 24))
    day = item("w", "d2", [GUTERRES, ("Greece", "country")], D(2016, 2, 24))
    assert compatible(visit, day)


def test_blocking_skips_pairs_far_apart_in_time():
    items = [item(f"m{i}", f"d{i}", [GUTERRES, PUTIN], D(2020, 1, 1) + dt.timedelta(days=10 * i)) for i in range(100)]
    pairs = list(candidate_pairs(items))
    # each mention only meets the few within the window, not all 99 others
    assert len(pairs) < 100 * 6
    assert all(abs((a.anchor - b.anchor).days) <= 45 for a, b in pairs)


def test_date_bounds():
    assert date_bounds("2021-12") == (D(2021, 12, 1), D(2021, 12, 31))
    assert date_bounds("2023-11-23/2023-12-31") == (D(2023, 11, 23), D(2023, 12, 31))
    assert date_bounds("2022") == (D(2022, 1, 1), D(2022, 12, 31))
    assert date_bounds(None) == (None, None)


def random_items(rng, n, start_key=0):
    """Mentions of a few people over two years: dense blocks, shared dates, some undated."""
    people = [(f"Person{i} Family{i}", "person") for i in range(6)] + [("Peru", "country"), ("Chile", "country")]
    out = []
    for k in range(start_key, start_key + n):
        parts = rng.sample(people, rng.choice([1, 2, 2, 3]))
        day = D(2022, 1, 1) + dt.timedelta(days=rng.randrange(700))
        dated = rng.random() < 0.6
        published = None if rng.random() < 0.05 else day + dt.timedelta(days=rng.randrange(4))
        out.append(item(f"m{k:05d}", f"d{k // 3}", parts, day if dated else None, published=published,
                        status=rng.choice(["occurred", "occurred", "planned", "negated"]),
                        type=rng.choice(["CONSULT", "AGREE"])))
    return out


def test_linking_new_items_into_old_clusters_gives_the_full_linking():
    import random

    from dateline.link import link_incremental, pairs_with

    for seed in range(12):
        rng = random.Random(seed)
        old = random_items(rng, 300)
        clusters = link(old)
        for batch in range(4):  # batches in turn, each linked into what the earlier ones made
            new = random_items(rng, rng.choice([1, 5, 40]), start_key=1000 * (batch + 1))
            first = {}
            for key, cid in clusters.items():
                first[cid] = min(first.get(cid, key), key)
            new_ids, renamed = link_incremental(new, old, clusters, first)
            clusters = {k: renamed.get(c, c) for k, c in clusters.items()} | new_ids
            old = old + new
            assert clusters == link(old), (seed, batch)
        # the pairs compared are exactly the full linking's pairs that involve a new item
        keys = {i.key for i in new}
        full = {frozenset((a.key, b.key)) for a, b in candidate_pairs(old) if a.key in keys or b.key in keys}
        ours = {frozenset((a.key, b.key)) for a, b in pairs_with(new, old[:-len(new)])}
        assert ours == full
