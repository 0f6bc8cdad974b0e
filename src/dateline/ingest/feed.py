"""RSS/Atom feeds: parse with feedparser, fetch each new item's page politely.

Fetching is plain ``urllib`` with a timeout, a size cap and a User-Agent
that says who we are. Every failure is a ``Problem`` for that item; the
other items go on.
"""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator

import feedparser

from dateline import __version__
from dateline.ingest import Problem, finish
from dateline.ingest.decode import decode_bytes
from dateline.ingest.html import document_from_html
from dateline.model import Document

USER_AGENT = f"dateline/{__version__} (event extraction for research; +https://github.com/dateline)"
TIMEOUT_S = 20.0


class FetchError(Exception):
    pass


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_S) -> bytes:
    """The body at ``url`` (http/https only), at most ``max_bytes``."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"not an http(s) URL: {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as err:
        raise FetchError(f"HTTP {err.code} {err.reason}") from err
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise FetchError(f"cannot fetch: {reason}") from err
    if len(body) > max_bytes:
        raise FetchError(f"over the cap of {max_bytes:,} bytes")
    return body


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def read_feed(url: str, max_bytes: int, skip: Callable[[Iterable[str]], set[str]] = lambda urls: set(),
              timeout: float = TIMEOUT_S) -> Iterator[Document | Problem]:
    """Documents for a feed's items whose links ``skip`` does not report as already stored."""
    try:
        body = fetch(url, max_bytes, timeout)
    except FetchError as err:
        yield Problem(url, str(err))
        return
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        yield Problem(url, f"not a readable RSS/Atom feed ({type(parsed.bozo_exception).__name__})")
        return
    entries = [e for e in parsed.entries if e.get("link")]
    stored = skip([e["link"] for e in entries])
    for entry in entries:
        link = entry["link"]
        if link in stored:
            continue
        try:
            page = fetch(link, max_bytes, timeout)
        except FetchError as err:
            yield Problem(link, str(err))
            continue
        text, _ = decode_bytes(page)
        doc = document_from_html(text, source=link)
        if doc is None:
            yield Problem(link, "no article text found in the page; skipped")
            continue
        # The page is the document; its source is the item's link, so that re-runs skip it.
        doc = Document(doc.doc_id, doc.text, doc.title or entry.get("title"), doc.published, link)
        yield finish(doc, _entry_date(entry))
