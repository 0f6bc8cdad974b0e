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
