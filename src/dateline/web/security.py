"""What stands between the web app and a hostile client.

- ``Guard``: an ASGI middleware that caps the body on the bytes actually received (a
  ``Content-Length`` is checked first, a chunked body is counted as it streams: 413 at
  the limit, before the whole body is in memory), refuses cross-site unsafe requests to
  the pages (``Origin``/``Referer`` must be this site), and puts the security headers on
  every response it passes.
- ``Sessions``: a signed-in browser holds a random session id; the token it signed in
  with stays on the server, with the session's CSRF token. Sessions live in the server
  process (a restart signs everyone out).
- ``SignInLimiter``: wrong tokens from one client make it wait, longer each time.
- ``DeadlineH11Protocol``: uvicorn's HTTP protocol with a deadline for receiving each
  request whole (headers and body), so slow-header and slow-body clients are cut off.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import h11
from starlette.exceptions import HTTPException
from uvicorn.protocols.http.h11_impl import H11Protocol

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    # same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the
    # site's own form posts, and the Origin check could not tell them from a forged one
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def add_security_headers(headers) -> None:
    """Set the security headers on a Starlette ``MutableHeaders``."""
    for name, value in SECURITY_HEADERS:
        headers[name.decode()] = value.decode()


class BodyTooLarge(HTTPException):
    """The request body went over the cap while it was being received (an HTTP exception, so
    the framework's body parsing passes it on as a 413 instead of a parse error)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over {limit:,} bytes")


class Guard:
    """Body cap, same-origin check for the pages' unsafe requests, security headers."""

    def __init__(self, app, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        started = False

        async def send_secure(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": list(message.get("headers", []))
                           + [(k, v) for k, v in SECURITY_HEADERS if k not in present]}
            await send(message)

        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._refuse(send_secure, 413, f"request body over {self.max_body:,} bytes")
            return
        if scope["method"] in UNSAFE_METHODS and not scope["path"].startswith("/api/") \
                and not same_origin(scope, headers):
            await self._refuse(send_secure, 403, "cross-site request refused: this form must be sent from this site")
            return
        received = 0

        async def capped_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        try:
            await self.app(scope, capped_receive, send_secure)
        except BodyTooLarge:
            if not started:
                await self._refuse(send_secure, 413, f"request body over {self.max_body:,} bytes")

    @staticmethod
    async def _refuse(send, status: int, message: str) -> None:
        import json

        body = json.dumps({"error": message}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def same_origin(scope, headers: dict[bytes, bytes]) -> bool:
    """True when the request says it comes from this site, or says nothing (a non-browser
    client: it still needs the session's CSRF token). Browsers send ``Origin`` on every
    cross-site POST; ``Referer`` is the fallback."""
    host = headers.get(b"host", b"").decode("latin-1").lower()
    origin = headers.get(b"origin")
    if origin is None:
        referer = headers.get(b"referer")
        if referer is None:
            return True
        origin = referer
    parts = urlsplit(origin.decode("latin-1").lower())
    if origin == b"null" or not parts.netloc:
        return False
    return parts.scheme in ("http", "https") and parts.netloc == host


@dataclass
class Session:
    token: str
    csrf: str
    expires: float


@dataclass
class Sessions:
    """Random session ids -> the token signed in with and the session's CSRF token."""

    lifetime: float = 7 * 24 * 3600
    limit: int = 10_000
    _items: dict[str, Session] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, token: str) -> tuple[str, Session]:
        sid = secrets.token_urlsafe(32)
        session = Session(token, secrets.token_urlsafe(32), time.time() + self.lifetime)
        with self._lock:
            self._expire()
            if len(self._items) >= self.limit:  # the oldest go first
                for old in sorted(self._items, key=lambda k: self._items[k].expires)[: len(self._items) // 10 + 1]:
                    del self._items[old]
            self._items[sid] = session
        return sid, session

    def get(self, sid: str | None) -> Session | None:
        if not sid:
            return None
        with self._lock:
            session = self._items.get(sid)
            if session is not None and session.expires < time.time():
                del self._items[sid]
                return None
            return session

    def end(self, sid: str | None) -> None:
        with self._lock:
            self._items.pop(sid or "", None)

    def _expire(self) -> None:
        now = time.time()
        for sid in [k for k, s in self._items.items() if s.expires < now]:
            del self._items[sid]


def csrf_matches(session: Session | None, given: str | None) -> bool:
    return session is not None and bool(given) and hmac.compare_digest(session.csrf, given)


@dataclass
class SignInLimiter:
    """Failed sign-ins per client: after ``free`` failures each next attempt must wait
    ``base * 2**(extra failures)`` seconds (at most ``ceiling``); a success clears the count."""

    free: int = 3
    base: float = 1.0
    ceiling: float = 300.0
    _fails: dict[str, tuple[int, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, client: str) -> float:
        """Seconds the client must still wait before it may try again (0: it may)."""
        with self._lock:
            count, last = self._fails.get(client, (0, 0.0))
        if count < self.free:
            return 0.0
        delay = min(self.ceiling, self.base * 2 ** (count - self.free))
        return max(0.0, last + delay - time.monotonic())

    def failed(self, client: str) -> None:
        with self._lock:
            if len(self._fails) > 100_000:
                self._fails.clear()
            count, _ = self._fails.get(client, (0, 0.0))
            self._fails[client] = (count + 1, time.monotonic())

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._fails.pop(client, None)


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with a deadline for receiving each request whole.

    The clock starts when a connection opens or the next request's first bytes arrive and
    stops when the request (headers and body) is complete; a client that has not sent it
    all by then gets a 408 (or, mid-response, the connection closed). Idle keep-alive
    connections are closed by uvicorn's own ``timeout_keep_alive``."""

    request_timeout: float = 15.0
    _deadline = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._deadline is None and self.conn.their_state is h11.IDLE:
            self._arm()
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE and self.conn.their_state is not h11.SEND_BODY:
            self._disarm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        if self.cycle is None or not self.cycle.response_started:
            body = b'{"error": "request not received in time"}'
            try:
                if self.conn.our_state in (h11.IDLE, h11.SEND_RESPONSE):
                    head = h11.Response(status_code=408, headers=[(b"content-type", b"application/json"),
                                                                 (b"content-length", str(len(body)).encode()),
                                                                 (b"connection", b"close")])
                    self.transport.write(self.conn.send(head) + self.conn.send(h11.Data(data=body))
                                         + self.conn.send(h11.EndOfMessage()))
            except h11.LocalProtocolError:
                pass
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        self.transport.close()
