"""Cross-article linking: which mentions report the same real-world event.

Pure functions over ``LinkItem``s, so that the DuckDB store, ``dateline
extract`` and the Spark job use the very same rules:

* **blocking**: a mention goes into one block per (type, participant key);
  inside a block mentions are sorted by their time anchor and only those
  within ``WINDOW_DAYS`` of each other are compared (a sorted neighbourhood),
  so the work grows with n log n, not n squared;
* **compatibility** (``compatible``): different documents, same type, the
  smaller participant set contained in the larger (surname keys, so "Guterres"
  meets "António Guterres"; a single participant or an undatable report needs
  the same set), overlapping time windows, no contradicting place,
  and statuses that can be one event (a plan and its realisation can; a
  negation joins only negations);
* **clusters**: connected components (union-find) of compatible pairs; a
  cluster's id is derived from its smallest mention key, so it is stable
  for the same input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from dateline.model import EventMention, ExtractionResult
from dateline.resolve.kb import fold

WINDOW_DAYS = 45
# Without an event date, when can the event have happened, relative to publication?
OCCURRED_WINDOW = (-30, 0)
PLANNED_WINDOW = (-7, 180)


@dataclass(frozen=True)
class LinkItem:
    key: str
    doc_id: str
    type: str
    status: str
    participants: frozenset[str]
    start: dt.date | None  # the event's own date interval, when it has one
    end: dt.date | None
    published: dt.date | None
    location: str | None = None

    @property
    def window(self) -> tuple[dt.date, dt.date] | None:
        """When the event can have happened; None when nothing is known."""
        if self.start is not None:
            return self.start, self.end or self.start
        if self.published is None:
            return None
        lo, hi = OCCURRED_WINDOW if self.status == "occurred" else PLANNED_WINDOW
        return add_days(self.published, lo), add_days(self.published, hi)

    @property
    def anchor(self) -> dt.date | None:
        return self.start or self.published


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held at the ends of the calendar instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def participant_key(name: str, kind: str) -> str:
    """People by family name (the last word), others by their folded canonical name."""
    folded = fold(name)
    if kind == "person":
        words = folded.replace("-", " ").split()
        return "p:" + (words[-1] if words else folded)
    return ("c:" if kind == "country" else "o:") + folded


def _parse_point(text: str, end: bool) -> dt.date | None:
    parts = text.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            if not end:
                return dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def date_bounds(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """``2021-12`` -> (2021-12-01, 2021-12-31); ``a/b`` -> (start of a, end of b)."""
    if not value:
        return None, None
    first, _, last = value.partition("/")
    return _parse_point(first, end=False), _parse_point(last or first, end=True)


DAY_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


def day_filter(value: str) -> tuple[dt.date, dt.date]:
    """A --since/--until (or ?since=/?until=) value: a year, month or day that exists, as its
    first and last day. Raises ValueError otherwise; the CLI, the API and the pages all use it."""
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value or ""):
        raise ValueError(f"must be a date like 2021, 2021-01 or 2021-01-15 ({DAY_FORMS}), not '{value}'")
    start, end = date_bounds(value)
    if start is None or end is None:
        raise ValueError(f"'{value}' is not a calendar date")
    return start, end


def item_for(key: str, mention: EventMention, published: dt.date | None) -> LinkItem:
    start, end = date_bounds(mention.date.value if mention.date else None)
    parts = frozenset(participant_key(p.name, p.kind) for p in mention.actors + mention.recipients)
    return LinkItem(key=key, doc_id=mention.doc_id, type=mention.type, status=mention.status,
                    participants=parts, start=start, end=end, published=published,
                    location=fold(mention.location) if mention.location else None)


def _overlap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def compatible(a: LinkItem, b: LinkItem) -> bool:
    """Can a and b be reports of one real-world event?"""
    if a.doc_id == b.doc_id or a.type != b.type:
        return False
    if (a.status == "negated") != (b.status == "negated"):
        return False
    small, large = sorted((a.participants, b.participants), key=len)
    if not small or not small <= large:
        return False
    # A one-sided report ("X met officials") or one with no time at all is a weak
    # link: it joins only reports with the very same participants, or it would chain
    # unrelated events into one cluster.
    if small != large and (len(small) < 2 or a.window is None or b.window is None):
        return False
    if not _overlap(a.window, b.window):
        return False
    if a.location and b.location:
        if not set(a.location.split()) & set(b.location.split()):
            return False
    return True


def blocks(items: Iterable[LinkItem]) -> dict[tuple[str, str], list[LinkItem]]:
    """(type, participant key) -> the items in that block."""
    out: dict[tuple[str, str], list[LinkItem]] = defaultdict(list)
    for item in items:
        for part in item.participants:
            out[(item.type, part)].append(item)
    return out


def candidate_pairs(items: list[LinkItem]) -> Iterator[tuple[LinkItem, LinkItem]]:
    """Pairs worth comparing: same block, anchors within WINDOW_DAYS (sorted neighbourhood)."""
    window = dt.timedelta(days=WINDOW_DAYS)
    seen: set[tuple[str, str]] = set()

    def once(a: LinkItem, b: LinkItem) -> bool:
        pair = (a.key, b.key) if a.key < b.key else (b.key, a.key)
        if pair in seen:
            return False
        seen.add(pair)
        return True

    for block in blocks(items).values():
        if len(block) < 2:
            continue
        dated = sorted((i for i in block if i.anchor is not None), key=lambda i: (i.anchor, i.key))
        undated = [i for i in block if i.anchor is None]
        for n, a in enumerate(dated):
            for b in dated[n + 1:]:
                if b.anchor - a.anchor > window:
                    break
                if once(a, b):
                    yield a, b
        # Undated mentions can only be compared with everything in the block; blocks
        # are small in practice, and undated mentions are rare (no publication date).
        for n, a in enumerate(undated):
            for b in undated[n + 1:] + dated:
                if once(a, b):
                    yield a, b


def pairs_with(new: list[LinkItem], old: list[LinkItem]) -> Iterator[tuple[LinkItem, LinkItem]]:
    """The pairs ``candidate_pairs(old + new)`` compares that involve a new item: the new
    items among themselves, and each new item with the old items of its blocks whose anchors
    are within WINDOW_DAYS of its own (found by bisection in the block's date order, so a dense
    block costs a window, not the block), or with every old item of its blocks when either has
    no anchor."""
    yield from candidate_pairs(new)
    window = dt.timedelta(days=WINDOW_DAYS)
    old_blocks = blocks(old)
    seen: set[tuple[str, str]] = set()
    for block, news in blocks(new).items():
        olds = old_blocks.get(block)
        if not olds:
            continue
        dated = sorted((i for i in olds if i.anchor is not None), key=lambda i: (i.anchor, i.key))
        anchors = [i.anchor for i in dated]
        undated = [i for i in olds if i.anchor is None]
        for a in news:
            if a.anchor is None:
                near = olds
            else:
                near = dated[bisect_left(anchors, a.anchor - window): bisect_right(anchors, a.anchor + window)] + undated
            for b in near:
                if (a.key, b.key) not in seen:
                    seen.add((a.key, b.key))
                    yield a, b


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def cluster_id(smallest_key: str) -> str:
    return "e" + hashlib.sha1(smallest_key.encode("utf-8")).hexdigest()[:12]


def link(items: Iterable[LinkItem]) -> dict[str, str]:
    """Mention key -> cluster id, for every item (a singleton is its own cluster)."""
    items = list(items)
    uf = _UnionFind()
    for a, b in candidate_pairs(items):
        if compatible(a, b):
            uf.union(a.key, b.key)
    members: dict[str, list[str]] = defaultdict(list)
    for item in items:
        members[uf.find(item.key)].append(item.key)
    out: dict[str, str] = {}
    for keys in members.values():
        cid = cluster_id(min(keys))
        for k in keys:
            out[k] = cid
    return out


def link_incremental(new: list[LinkItem], old: list[LinkItem], old_cluster: dict[str, str],
                     cluster_first: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Link new items into clusters already made of the old ones.

    ``old`` holds the old items that can pair with a new one (at least those of the new
    items' blocks and time windows), ``old_cluster`` their cluster ids, ``cluster_first`` the
    smallest key of each of those clusters. Old items were linked among themselves before, so
    the clusters of old + new are the old clusters joined through new items: the result is
    what ``link(old + new)`` gives, without comparing old items again.

    Returns (new item key -> cluster id, old cluster id -> the id it becomes) for the old
    clusters a new item joined to another (or whose smallest key a new item now is).
    """
    uf = _UnionFind()
    for item in new:
        uf.find(item.key)
    for a, b in pairs_with(new, old):
        if compatible(a, b):
            uf.union(a.key, b.key if b.key not in old_cluster else "\0" + old_cluster[b.key])
    members: dict[str, list[str]] = defaultdict(list)
    for node in list(uf.parent):
        members[uf.find(node)].append(node)
    new_ids: dict[str, str] = {}
    renamed: dict[str, str] = {}
    for nodes in members.values():
        olds = [n[1:] for n in nodes if n.startswith("\0")]
        keys = [n for n in nodes if not n.startswith("\0")]
        cid = cluster_id(min(keys + [cluster_first[c] for c in olds]))
        new_ids.update((k, cid) for k in keys)
        renamed.update((c, cid) for c in olds if c != cid)
    return new_ids, renamed


def link_results(results: list[ExtractionResult]) -> list[ExtractionResult]:
    """The same results with each event's ``cluster`` set, linked across the documents."""
    items = [item_for(f"{r.document.doc_id}#{i}", e, r.document.published)
             for r in results for i, e in enumerate(r.events)]
    clusters = link(items)
    return [replace(r, events=tuple(replace(e, cluster=clusters[f"{r.document.doc_id}#{i}"])
                                    for i, e in enumerate(r.events)))
            for r in results]
