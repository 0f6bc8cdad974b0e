"""Dates from metadata (ISO strings, datetimes) -> dates, within a sane range."""

from __future__ import annotations

import datetime as dt

EARLIEST = dt.date(1900, 1, 1)


def latest() -> dt.date:
    """The last publication date accepted: a year from today (embargoed releases, clock skew)."""
    return dt.date.today() + dt.timedelta(days=366)


def in_range(day: dt.date | None) -> bool:
    """True for a date a real article can carry (1900 to a year from today). Dates outside it
    ("0001-01-02", "9999-12-30") are typos or attacks, and date arithmetic on them overflows."""
    return day is not None and EARLIEST <= day <= latest()


def out_of_range_message(day: dt.date) -> str:
    return f"publication date {day.isoformat()} is outside {EARLIEST.isoformat()}..{latest().isoformat()}"


def parse_date(value) -> dt.date | None:
    """The date in a metadata value, or None: "2021-12-06", "2021-12-06T10:00Z", a date."""
    if value in (None, "") or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
