"""Dates from metadata (ISO strings, datetimes) -> dates."""

from __future__ import annotations

import datetime as dt


def parse_date(value) -> dt.date | None:
    """The date in a metadata value, or None: "2021-12-06", "2021-12-06T10:00Z", a date."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
