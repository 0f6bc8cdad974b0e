"""Time expressions -> TimeSpan, resolved against the publication date.

The rules follow GUIDELINES.md convention 7: weekdays resolve to the latest
such day on or before publication for past events and the next one on or
after it for future events; "this week" is Monday to Sunday of the
publication week; "last month" is a month; "in August" is the last such
month for past events. Without a publication date, anything relative
resolves to ``None``; it never falls back to today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateline.model import TimeSpan

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY2 = r"(?:(?P<day2>\d{1,2})(?:st|nd|rd|th)?)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1,
}

# Patterns with a day, most specific first. Each may carry a second day for ranges.
_DAY_PATTERNS = [
    re.compile(rf"\b{_DAY}\s*(?:-|–|and|to|until)\s*{_DAY2}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_MONTH_RE}\s+{_DAY}\s*(?:-|–|and|to|until)\s*{_DAY2}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b{_MONTH_RE}\s+{_DAY}\s*/\s*{_YEAR}\b"),
    re.compile(rf"\b{_MONTH_RE}\s+{_DAY}(?:,?\s+{_YEAR})?\b(?!\s*(?:,\s*)?\d{{3}})"),
]
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH_RE},?\s+(?:of\s+)?{_YEAR}\b")
_MONTH_ONLY = re.compile(rf"\b{_MONTH_RE}\b")
_YEAR_ONLY = re.compile(rf"(?<![\d/-]){_YEAR}(?![\d/-])")
_WEEKDAY = re.compile(r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_AGO = re.compile(r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\s+ago\b")
_VAGUE_MONTH = re.compile(r"\b(?:in\s+)?(?:recent|coming|past|next\s+few|last\s+few)\s+(?:days|weeks|months|years)\b")


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _pick_year(month: int, day: int | None, published: dt.date, future: bool) -> int:
    """The year that puts month/day on the right side of publication."""
    y = published.year
    probe_day = day or 1
    candidate = _date(y, month, min(probe_day, calendar.monthrange(y, month)[1]))
    if candidate is None:
        return y
    if future:
        if day is None:
            return y if (y, month) >= (published.year, published.month) else y + 1
        return y if candidate >= published else y + 1
    if day is None:
        return y if (y, month) <= (published.year, published.month) else y - 1
    return y if candidate <= published else y - 1


def _week_interval(monday: dt.date) -> str:
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _explicit_day(text: str, published: dt.date | None, future: bool) -> str | None:
    m = _ISO.search(text)
    if m:
        d = _date(int(m["year"]), int(m["month"]), int(m["day"]))
        return d.isoformat() if d else None
    for pattern in _DAY_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        month = MONTHS[m["month"].lower().rstrip(".")]
        day = int(m["day"])
        if not 1 <= day <= 31:
            continue
        if m["year"]:
            year = int(m["year"])
        elif published:
            year = _pick_year(month, day, published, future)
        else:
            return None
        first = _date(year, month, day)
        if first is None:
            return None
        day2 = m.groupdict().get("day2")
        if day2:
            second = _date(year, month, int(day2))
            if second and second > first:
                return f"{first.isoformat()}/{second.isoformat()}"
        return first.isoformat()
    return None


def _relative(text: str, published: dt.date, future: bool) -> str | None:
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", text):
        return published.isoformat()
    if re.search(r"\byesterday\b", text):
        return (published - dt.timedelta(days=1)).isoformat()
    if re.search(r"\btomorrow\b", text):
        return (published + dt.timedelta(days=1)).isoformat()
    m = _AGO.search(text)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
        if m["unit"] == "day":
            return (published - dt.timedelta(days=n)).isoformat()
        if m["unit"] == "month":
            return _month_value(*_shift_month(published.year, published.month, -n))
        if m["unit"] == "year":
            return f"{published.year - n:04d}"
        return None
    if re.search(r"\bend of this month\b", text) and re.search(r"\b(before|by|until)\b", text):
        # "by the end of the month": from now to the month's last day, as "before year's end"
        last = dt.date(published.year, published.month, calendar.monthrange(published.year, published.month)[1])
        return f"{published.isoformat()}/{last.isoformat()}"
    monday = published - dt.timedelta(days=published.weekday())
    for word, delta in (("last", -1), ("past", -1), ("previous", -1), ("this", 0), ("next", 1), ("coming", 1)):
        if re.search(rf"\b{word} week\b", text):
            return _week_interval(monday + dt.timedelta(weeks=delta))
        if re.search(rf"\b{word} month\b", text):
            return _month_value(*_shift_month(published.year, published.month, delta))
        if re.search(rf"\b{word} year\b", text):
            return f"{published.year + delta:04d}"
    if re.search(r"\b(the )?weekend\b", text):
        if future:
            sat = published + dt.timedelta(days=(5 - published.weekday()) % 7)
        else:
            sat = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        return f"{sat.isoformat()}/{(sat + dt.timedelta(days=1)).isoformat()}"
    if re.search(r"\b(year'?s|year’s) end\b|\bend of (the|this) year\b", text):
        end = dt.date(published.year, 12, 31)
        if re.search(r"\b(before|by|until)\b", text):
            return f"{published.isoformat()}/{end.isoformat()}"
        return _month_value(published.year, 12)
    m = _WEEKDAY.search(text)
    if m:
        wd = WEEKDAYS[m["wd"]]
        if future:
            day = published + dt.timedelta(days=(wd - published.weekday()) % 7)
        else:
            day = published - dt.timedelta(days=(published.weekday() - wd) % 7)
        return day.isoformat()
    return None


def resolve_time(expression: str, published: dt.date | None, future: bool = False) -> TimeSpan | None:
    """Resolve one time expression against the publication date.

    ``future`` says which way an ambiguous expression points (a planned event
    looks forward, an occurred one back).

    >>> resolve_time("on Friday", dt.date(2021, 12, 6)).value
    '2021-12-03'
    >>> resolve_time("before year's end", dt.date(2023, 11, 23), future=True).value
    '2023-11-23/2023-12-31'
    >>> resolve_time("last week", None) is None
    True
    """
    raw = expression.strip()
    try:
        value = _resolve(raw, published, future)
    except (OverflowError, ValueError):  # "next week" of 9999-12-30: no such day
        return None
    return TimeSpan(value=value, text=raw) if value else None


def _resolve(raw: str, published: dt.date | None, future: bool) -> str | None:
    text = raw.lower().replace("’", "'")
    if not text or _VAGUE_MONTH.search(text):
        return None
    text = re.sub(r"\b(end|start|beginning|middle) of the month\b", r"\1 of this month", text)  # the month we are in
    value = _explicit_day(text, published, future)
    if value is None:
        m = _MONTH_YEAR.search(text)
        if m:
            value = _month_value(int(m["year"]), MONTHS[m["month"].lower().rstrip(".")])
    if value is None and published is not None:
        value = _relative(text, published, future)
    if value is None:
        m = _MONTH_ONLY.search(text)
        # "may" is a month only when the expression says so ("in May", "May 3").
        if m and not (m["month"].lower() == "may" and not re.search(r"\b(?:(?:in|since|until|by|of|early|late)\s+|mid-?\s*)may\b", text)):
            month = MONTHS[m["month"].lower().rstrip(".")]
            y = _YEAR_ONLY.search(text)
            if y:
                value = _month_value(int(y["year"]), month)
            elif published is not None:
                value = _month_value(_pick_year(month, None, published, future), month)
    if value is None:
        m = _YEAR_ONLY.search(text)
        if m:
            value = m["year"]
    return value


def interval_from_duration(day: TimeSpan, days: int, ends: bool = False) -> TimeSpan:
    """A trip with a start day (or, with ``ends``, its last day) and a duration in days becomes an interval."""
    try:
        first = last = dt.date.fromisoformat(day.start)
    except ValueError:
        return day
    if ends:
        first = last - dt.timedelta(days=max(days, 1) - 1)
    else:
        last = first + dt.timedelta(days=max(days, 1) - 1)
    return TimeSpan(value=f"{first.isoformat()}/{last.isoformat()}", text=day.text)


def find_dateline_date(text: str) -> dt.date | None:
    return find_dateline(text)[0]


def find_dateline(text: str) -> tuple[dt.date | None, int]:
    """A date given by the article's own dateline, in its first lines.

    "Moscow/Geneva, 6 December 2021 – ..." or "YEREVAN, JANUARY 4 (...)".
    A dateline without a year gives no date on its own.

    Returns the date and the character offset where the dateline ends (0
    when there is none), so that its date is not taken for an event's.

    >>> find_dateline("Moscow/Geneva, 6 December 2021 – The President met")
    (datetime.date(2021, 12, 6), 30)
    """
    head = text[:1200]
    offset = 0
    for raw_line in head.splitlines(keepends=True):
        line_start = offset
        offset += len(raw_line)
        line = raw_line.strip()
        if not line:
            continue
        m = re.match(r"^[A-Z][\w .'/()-]{1,60}?,\s*(?P<date>[^–—\-:(]{3,40}?)\s*(?:[–—\-:(]|\(|$)", line)
        if not m:
            if len(line.split()) > 20:
                break  # past the first paragraph: a place and date below it close the text, they do not head it
            continue
        span = resolve_time(m["date"], None)
        end = line_start + len(raw_line) - len(raw_line.lstrip()) + m.end("date")
        if span and re.fullmatch(r"\d{4}-\d{2}-\d{2}", span.value):
            return dt.date.fromisoformat(span.value), end
        if span is None and re.fullmatch(rf"\s*{_MONTH_RE}\s+\d{{1,2}}\s*", m["date"].lower()):
            return None, end  # "MOSCOW, January 18 –": a dateline without a year
    m = re.search(r"\((?:[^()]{0,60}?)(?P<d>\d{1,2}(?:st|nd|rd|th)? \w+,? \d{4})\)", head)
    if m:
        span = resolve_time(m["d"], None)
        if span and re.fullmatch(r"\d{4}-\d{2}-\d{2}", span.value):
            return dt.date.fromisoformat(span.value), m.end()
    return None, 0


def lead_date(text: str) -> dt.date | None:
    """The first full date (day, month and year) in an article's opening lines.

    The last resort for a text with neither metadata nor a dateline: a
    caption or lede that dates its story ("..., White House, Washington,
    August 8, 2025.") anchors the story's weekdays and "today".

    >>> lead_date("Leaders sign accord\\n\\nThe two leaders met in Rome, March 3, 2024.")
    datetime.date(2024, 3, 3)
    """
    head = text[:600].lower()
    dated = [m for pattern in _DAY_PATTERNS for m in pattern.finditer(head) if m["year"]]
    if not dated:
        return None
    m = min(dated, key=lambda m: m.start())
    return _date(int(m["year"]), MONTHS[m["month"].rstrip(".")], int(m["day"]))


_AGENCY_LINE = re.compile(r"^(?P<place>[A-Z][A-Za-z .'/,]{1,40}?)\s*\((?P<agency>[^()]{1,40})\)\s*(?P<dash>[–—-])?")
# "TEHRAN –", "SEOUL, South Korea --", "NAIROBI, Kenya, Jun 18 –", "KYIV, Ukraine (AP) —",
# "YEREVAN, October 23. /TASS/.": a capitalised place, up to two short comma parts (region,
# country, date), an agency in brackets or slashes, then a dash (or the agency's closing dot)
_CAPS_LINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.-]+(?:[ /][A-Z][A-Z'.-]+)*)(?=[\s,(/])"
    r"(?:,\s*[A-Z0-9][\w'.]*(?: [A-Z0-9][\w'.]*){0,3}){0,2}"
    r"(?:\s+(?:--|[–—-])|\s*(?:\([^()]{1,40}\)|\.?\s*/[^/\n]{1,30}/)\s*(?:--|[–—.-])?)")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the article's dateline(s) in its first lines: "MOSCOW, January 18 –",
    "UNITED NATIONS (AP) —", "Hanoi (VNA) -", "DHAKA (AA)". Names in them are the
    place and agency of the report, not participants of its events."""
    spans = []
    _, end = find_dateline(text)
    if end:
        # "GENEVA, 14 June 2023 (UN News) –": the agency after the date is the dateline's too
        after = re.match(r"\s*\((?P<agency>[^()]{1,40})\)", text[end:end + 45])
        spans.append((text.rfind("\n", 0, end) + 1, end + (after.end() if after else 0)))
    offset = 0
    for raw_line in text[:1200].splitlines(keepends=True):
        line_start, offset = offset, offset + len(raw_line)
        line = raw_line.lstrip()
        lead = line_start + len(raw_line) - len(line)
        m = _AGENCY_LINE.match(line)
        if m and (m["dash"] or m["place"].isupper()):
            spans.append((lead, lead + m.end()))
            continue
        m = _CAPS_LINE.match(line)
        if m:
            spans.append((lead, lead + m.end()))
    longest: dict[int, int] = {}  # one span per line: the longest reading of it
    for lo, hi in spans:
        longest[lo] = max(hi, longest.get(lo, hi))
    return sorted(longest.items())
