"""RSS/Atom feeds: parse with feedparser, fetch each new item's page politely.

Fetching is plain ``urllib`` with a total deadline per fetch, a size cap and a
User-Agent that says who we are; redirects are followed by hand (http/https
only, at most five, every hop checked), and hosts on loopback, private or
link-local addresses are refused unless allowed. Every failure is a
``Problem`` for that item; the other items go on.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urljoin, urlsplit

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


MAX_REDIRECTS = 5
REDIRECT_CODES = (301, 302, 303, 307, 308)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by ``fetch`` itself, so every hop is checked."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def check_url(url: str, allow_private: bool = False) -> None:
    """Refuse what a feed must not make us fetch: another scheme than http(s), and (unless
    ``allow_private``) a host that resolves to a loopback, private, link-local or otherwise
    non-public address (the server's own network, cloud metadata endpoints)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"not an http(s) URL: {url[:200]!r}")
    host = parts.hostname
    if not host:
        raise FetchError(f"no host in {url[:200]!r}")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, ValueError, UnicodeError) as err:
        raise FetchError(f"cannot resolve {host!r}: {err}") from err
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise FetchError(f"{host!r} is a private or local address ({address}); refused "
                             "(--allow-private-addresses allows it)")


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_S, allow_private: bool = False) -> bytes:
    """The body at ``url``, at most ``max_bytes``, received whole within ``timeout`` seconds
    (redirects included: at most five, each one checked like the first URL)."""
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        check_url(url, allow_private)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with _OPENER.open(request, timeout=_left(deadline, timeout)) as response:  # noqa: S310 (checked)
                return _read(response, max_bytes, deadline, timeout)
        except urllib.error.HTTPError as err:
            location = err.headers.get("Location") if err.code in REDIRECT_CODES else None
            if not location:
                raise FetchError(f"HTTP {err.code} {err.reason}") from err
            url = urljoin(url, location)
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise FetchError(f"cannot fetch: {reason}") from err
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _too_late(timeout: float) -> FetchError:
    return FetchError(f"no complete answer within {timeout:g} s (--timeout)")


def _left(deadline: float, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _too_late(timeout)
    return left


def _read(response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """Read in pieces, each wait bounded by the time left, so a trickling server cannot
    hold a fetch past its deadline."""
    sock = getattr(getattr(response.fp, "raw", None), "_sock", None)
    body = bytearray()
    while True:
        left = _left(deadline, timeout)
        if sock is not None:
            sock.settimeout(max(0.05, left))
        try:
            piece = response.read1(65536)
        except TimeoutError as err:
            raise _too_late(timeout) from err
        if not piece:
            return bytes(body)
        body += piece
        if len(body) > max_bytes:
            raise FetchError(f"over the cap of {max_bytes:,} bytes")


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
              timeout: float = TIMEOUT_S, allow_private: bool = False) -> Iterator[Document | Problem]:
    """Documents for a feed's items whose links ``skip`` does not report as already stored."""
    try:
        body = fetch(url, max_bytes, timeout, allow_private)
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
            page = fetch(link, max_bytes, timeout, allow_private)
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
