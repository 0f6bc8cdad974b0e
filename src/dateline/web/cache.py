"""Whole responses of anonymous reads, kept while the store is unchanged.

Fifty analysts on one store ask for the same home page, the same actor and the
same search again and again; each answer costs the store and the template
engine about 10 ms of one core. This ASGI middleware keeps the answers of GET
requests to the read pages and API (not of signed-in sessions, whose pages
carry their own forms and tokens), keyed by the store's *generation*: the
shared read connection's number (``SharedReader.generation``), which changes
whenever the connection is let go for a write, in this process or another.
An answer is kept only when the generation was the same before and after it
was made, and never while the reader has yielded the file to a writer, so a
cached answer is always what the store would answer now.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

CACHED_PREFIXES = ("/api/events", "/api/clusters/", "/api/actors/", "/api/plans", "/api/documents/",
                   "/api/aggregate", "/events/", "/clusters/", "/actors/", "/plans", "/documents/", "/charts/")
MAX_ENTRIES = 512
MAX_BODY = 1 << 20  # larger answers (a big CSV) are not kept


class ResponseCache:
    def __init__(self, app, generation: Callable[[], int | None], session_cookie: str,
                 max_entries: int = MAX_ENTRIES) -> None:
        self.app = app
        self.generation = generation
        self.session_cookie = session_cookie.encode("latin-1")
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def cacheable(self, scope) -> bool:
        if scope["type"] != "http" or scope["method"] != "GET":
            return False
        path = scope["path"]
        if not (path == "/" or path.startswith(CACHED_PREFIXES)):
            return False
        for name, value in scope["headers"]:
            if name == b"cookie" and self.session_cookie in value:
                return False
        return True

    async def __call__(self, scope, receive, send) -> None:
        if not self.cacheable(scope):
            await self.app(scope, receive, send)
            return
        before = self.generation()
        key = (before, scope["path"], scope.get("query_string", b""))
        if before is not None:
            with self._lock:
                hit = self._entries.get(key)
                if hit is not None:
                    self._entries.move_to_end(key)
                    self.hits += 1
            if hit is not None:
                status, headers, body = hit
                await send({"type": "http.response.start", "status": status, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        with self._lock:
            self.misses += 1
        start: dict = {}
        chunks: list[bytes] = []
        size = 0

        async def keep(message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and size <= MAX_BODY:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        await self.app(scope, receive, keep)
        if before is None or start.get("status") != 200 or size > MAX_BODY or self.generation() != before:
            return
        with self._lock:
            self._entries[key] = (200, list(start.get("headers", [])), b"".join(chunks))
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
