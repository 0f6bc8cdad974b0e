"""Loose date strings from metadata -> dates."""

from __future__ import annotations

import datetime as dt


def parse_loose_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
