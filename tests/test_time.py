import datetime as dt

import pytest

from dateline.resolve.time import find_dateline, interval_from_duration, resolve_time

PUB = dt.date(2021, 12, 6)  # a Monday


@pytest.mark.parametrize(
    "expr, future, expected",
    [
        ("on Friday", False, "2021-12-03"),
        ("on Friday", True, "2021-12-10"),
        ("Monday", False, "2021-12-06"),
        ("Today", True, "2021-12-06"),
        ("yesterday", False, "2021-12-05"),
        ("tomorrow", True, "2021-12-07"),
        ("in the early evening of the 4th of December", False, "2021-12-04"),
        ("last week", False, "2021-11-29/2021-12-05"),
        ("this week", False, "2021-12-06/2021-12-12"),
        ("last month", False, "2021-11"),
        ("last year", False, "2020"),
        ("Earlier in January", False, "2021-01"),
        ("in January", True, "2022-01"),
        ("before year's end", True, "2021-12-06/2021-12-31"),
        ("December 2022", False, "2022-12"),
        ("on 11 and 12 March 2019", True, "2019-03-11/2019-03-12"),
        ("October 1, 2022", False, "2022-10-01"),
        ("in 2015", False, "2015"),
        ("Over the weekend", False, "2021-12-04/2021-12-05"),
        ("three days ago", False, "2021-12-03"),
        ("2021-12-01", False, "2021-12-01"),
    ],
)
def test_resolution_table(expr, future, expected):
    span = resolve_time(expr, PUB, future=future)
    assert span is not None and span.value == expected


@pytest.mark.parametrize("expr", ["on Friday", "last week", "today", "in January"])
def test_relative_dates_need_a_publication_date(expr):
    assert resolve_time(expr, None) is None


def test_explicit_date_needs_no_publication_date():
    assert resolve_time("6 December 2021", None).value == "2021-12-06"


@pytest.mark.parametrize("expr", ["in recent weeks", "recently", "", "the pandemic"])
def test_vague_or_no_expression_is_none(expr):
    assert resolve_time(expr, PUB) is None


def test_may_the_verb_is_not_a_month():
    assert resolve_time("may", PUB) is None
    assert resolve_time("in May", PUB, future=True).value == "2022-05"


def test_trip_duration_gives_interval():
    span = resolve_time("on July 20", dt.date(2021, 8, 3))
    assert interval_from_duration(span, 6).value == "2021-07-20/2021-07-25"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lima/Quito, 9 March 2019 – The envoy arrived", dt.date(2019, 3, 9)),
        ("Title\n\nGENEVA (Agency - 31st October, 2021) The chief said", dt.date(2021, 10, 31)),
        ("Nairobi, May 7/2020 (KNA) The minister", dt.date(2020, 5, 7)),
        ("MOSCOW, January 18 – RIA Novosti. The minister", None),
        ("No dateline in this text at all.", None),
        # a place and date that close a readout do not head it
        ("Readout\n\nThe Secretary-General met today with the Foreign Minister of Chile, and the two discussed "
         "the situation of migrants in the region and the preparations for the conference.\n\nLima, 4 May 2023\n", None),
    ],
)
def test_dateline(text, expected):
    assert find_dateline(text)[0] == expected


def test_dateline_spans_cover_place_and_agency_only():
    from dateline.resolve.time import dateline_spans

    for text, expected in [("UNITED NATIONS (AP) — U.N. chief met", "UNITED NATIONS (AP) —"),
                           ("Hanoi (VNA) - Envoys from ASEAN", "Hanoi (VNA) -"),
                           ("TEHRAN –The Iranian Red Crescent", "TEHRAN –"),
                           ("QUITO, Ecuador (AP) — Farmers blocked roads", "QUITO, Ecuador (AP) —"),
                           ("ACCRA, Ghana -- The finance minister", "ACCRA, Ghana --"),
                           ("LUSAKA, Zambia, Mar 3 – Nurses walked out", "LUSAKA, Zambia, Mar 3 –"),
                           ("TBILISI, May 4. /Interfax/. Georgian police", "TBILISI, May 4. /Interfax/."),
                           ("SAN JOSE, Costa Rica — Officials", "SAN JOSE, Costa Rica —"),
                           ("Lusaka, Zambia (ZNBC) - Malawi and", "Lusaka, Zambia (ZNBC) -")]:
        assert [text[a:b] for a, b in dateline_spans(text)] == [expected]
    assert dateline_spans("Head of WFP appeals to donors") == []
    assert dateline_spans("Chile's envoy and Peru agree on fishing") == []
    assert dateline_spans("US, Chile agree - on fishing") == []  # a headline, not a dateline
