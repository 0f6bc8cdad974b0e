"""The HTTP API and the web pages: ``create_app(db_path)``.

Reads share one long-lived read-only connection (a cursor each), which is
let go whenever a write wants the file: the server's own writes, or another
process's batch write (``SharedReader``), so the server and ``dateline ingest``
share one DuckDB file. Pages are server-rendered with
Jinja2 autoescaping; no inline script runs (the Content-Security-Policy
forbids it); article text is always data, never markup.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline import __version__
from dateline.coding import SECTORS, parse_bbox
from dateline.model import EVENT_TYPES, STATUSES
from dateline.output import cell_text, write_csv_rows
from dateline.review import CORRECTABLE, REVIEW_ACTIONS
from dateline.store import (
    AGGREGATE_COLUMNS,
    SharedReader,
    StoreBusy,
    StoreError,
    StoreReadOnly,
    open_store,
    with_reviews,
)
from dateline.web import charts
from dateline.web.cache import ResponseCache
from dateline.web.security import (
    Guard,
    Sessions,
    SignInLimiter,
    add_security_headers,
    csrf_matches,
)

HERE = Path(__file__).parent
MAX_BODY = 2_000_000  # bytes: one article (or a small file) per request
MAX_PAGE = 200
COOKIE = "dateline_session"
READ_THREADS = 4  # threads for a page's independent reads (together())

EventType = Enum("EventType", {t: t for t in EVENT_TYPES}, type=str)
Status = Enum("Status", {s: s for s in STATUSES}, type=str)
# years 1800-2199, months 01-12, days 01-31; a day a month does not have ("2023-02-30") is a 422
DAY = r"^(1[89]|2[01])\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


Q = Annotated[str | None, Query(max_length=200)]


def _real_day(value: str | None) -> str | None:
    from dateline.link import day_filter

    if value is not None:
        day_filter(value)  # ValueError -> 422 naming the parameter
    return value


Day = Annotated[str | None, Query(pattern=DAY, description="YYYY, YYYY-MM or YYYY-MM-DD (a date that exists)"),
                AfterValidator(_real_day)]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3 code, e.g. RUS")]
Sector = Enum("Sector", {s: s for s in SECTORS}, type=str)
Box = Annotated[str | None, Query(max_length=80, pattern=r"^\s*-?\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?){3}\s*$",
                                 description="W,S,E,N in degrees, e.g. 22,44,40,53 (W <= E, S <= N)"),
                AfterValidator(lambda v: parse_bbox(v) if v is not None else None)]
Period = Enum("Period", {"week": "week", "month": "month"}, type=str)
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Id = Annotated[str, PathParam(min_length=1, max_length=80)]
Name = Annotated[str, PathParam(min_length=1, max_length=200)]


class ReviewIn(BaseModel):
    mention_id: str = Field(min_length=1, max_length=80)
    action: str = Field(pattern="^(confirm|reject|correct)$")
    changes: dict[str, Any] = Field(default_factory=dict)
    note: str | None = Field(default=None, max_length=2000)


def _publication_day(value: Any) -> Any:
    """A publication date given as an ISO string ("2021-12-06"), within the sane range;
    a number or another type is refused rather than read as a timestamp."""
    from dateline.ingest.dates import in_range, out_of_range_message

    if value is None:
        return None
    if isinstance(value, dt.date):  # built in Python (the /add page), not from JSON
        day = value
    elif not isinstance(value, str):
        raise ValueError("published must be a date string like 2021-12-06")
    else:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError as err:
            raise ValueError("published must be a date string like 2021-12-06") from err
    if not in_range(day):
        raise ValueError(out_of_range_message(day))
    return day


class ErrorOut(BaseModel):
    """Every refusal and failure: one sentence saying what was wrong."""

    error: str


def _errors(**codes: str) -> dict:
    return {int(code.removeprefix("s")): {"model": ErrorOut, "description": why} for code, why in codes.items()}


BUSY = {"s503": "the store is busy (another process holds it) or missing"}
READ_ERRORS = _errors(s422="a parameter is invalid", **BUSY)
ONE_ERRORS = _errors(s404="no such record", s422="a parameter is invalid", **BUSY)
WRITE_ERRORS = _errors(s400="the body is not readable (not UTF-8 JSON)", s401="no bearer token",
                       s403="unknown or revoked token", s413="the body is over 2 MB",
                       s422="the body is invalid (the message names the field)", **BUSY)


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_BODY)
    title: str | None = Field(default=None, max_length=500)
    published: Annotated[dt.date | None, BeforeValidator(_publication_day)] = None
    source: str | None = Field(default=None, max_length=2000)


def _bounds(value: str | None, end: bool) -> dt.date | None:
    from dateline.link import date_bounds

    if not value:
        return None
    start, stop = date_bounds(value)
    return stop if end else start


def search_filters(q, actor, type, status, since, until, place, country, sector) -> tuple[dict, dict]:
    """(the store's filters, the page's query parameters) of a search."""
    filters = dict(actor=actor, type=type.value if type else None, status=status.value if status else None,
                   since=_bounds(since, False), until=_bounds(until, True), text=q, place=place,
                   country=country.upper() if country else None, sector=sector.value if sector else None)
    params = {k: v for k, v in {"q": q, "actor": actor, "type": filters["type"], "status": filters["status"],
                                "since": since, "until": until, "place": place, "country": filters["country"],
                                "sector": filters["sector"]}.items() if v}
    return filters, params


def searched(q: Q = None, actor: Q = None, type: EventType | None = None, status: Status | None = None,
             since: Day = None, until: Day = None, place: Q = None, country: Country = None,
             sector: Sector | None = None) -> dict:
    """A search's filters, as the charts and downloads of the search page take them."""
    return search_filters(q, actor, type, status, since, until, place, country, sector)[0]


Searched = Annotated[dict, Depends(searched)]


def _said(error: dict) -> str:
    """A validation error in words: a day parameter that is not a date says so."""
    if error.get("type") == "string_pattern_mismatch" and (error.get("ctx") or {}).get("pattern") == DAY:
        return f"'{error.get('input')}' is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD, years 1800-2199)"
    return error["msg"].removeprefix("Value error, ")


class ReadWriteGate:
    """Many readers or one writer (threads of one process). A waiting writer goes before
    readers that arrive after it, so a stream of reads cannot starve it; a thread that
    already reads may read again (nested reads never deadlock)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting_writers = 0
        self._mine = threading.local()

    @contextmanager
    def hold(self, write: bool):
        depth = getattr(self._mine, "depth", 0)
        with self._cond:
            if write:
                self._waiting_writers += 1
                try:
                    self._cond.wait_for(lambda: not self._writing and self._readers == 0)
                finally:
                    self._waiting_writers -= 1
                self._writing = True
            else:
                self._cond.wait_for(lambda: not self._writing and (depth > 0 or self._waiting_writers == 0))
                self._readers += 1
                self._mine.depth = depth + 1
        try:
            yield
        finally:
            with self._cond:
                if write:
                    self._writing = False
                else:
                    self._readers -= 1
                    self._mine.depth = depth
                self._cond.notify_all()


def create_app(db_path: str | Path, secure_cookies: bool = False) -> FastAPI:
    """The app on a store. ``secure_cookies``: mark the session cookie Secure even when the
    request came over plain HTTP (behind a TLS-terminating reverse proxy); requests that
    arrive over HTTPS always get a Secure cookie."""
    db = Path(db_path)
    sessions = Sessions()
    limiter = SignInLimiter()
    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None,
                  description="Political and humanitarian-diplomacy events extracted from news, with evidence.")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["highlight"] = highlight
    templates.env.filters["source_link"] = source_link
    templates.env.filters["table_rows"] = table_rows
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount("/docs-assets", StaticFiles(directory=str(swagger_assets())), name="docs-assets")

    gate = ReadWriteGate()
    reader = SharedReader(db)  # one read connection for the process's requests, yielded to writers
    reads_pool = ThreadPoolExecutor(max_workers=READ_THREADS, thread_name_prefix="dateline-read")
    app.state.reader = reader
    app.router.on_shutdown.append(reader.stop)
    app.router.on_shutdown.append(lambda: reads_pool.shutdown(wait=False))
    summaries: dict[tuple, tuple[float, dict]] = {}  # a search's facets and chart rows, for SUMMARY_SECONDS
    summaries_lock = threading.Lock()

    @contextmanager
    def store(write: bool = False):
        """The store for one request. DuckDB refuses a read-only and a read-write connection
        to one file in one process at the same time, so within the server a write waits
        for the reads in progress, and reads wait for a write (other processes are kept
        apart by the file lock, which ``open_store`` waits out)."""
        with gate.hold(write):
            try:
                if write:
                    reader.release()  # no read is in flight under the write gate
                    opened = open_store(db, read_only=False, timeout=10)
                else:
                    opened = reader.read()
                with opened as s:
                    yield s
            except (StoreBusy, StoreReadOnly) as err:
                raise HTTPException(503, str(err)) from err
            except StoreError as err:
                raise HTTPException(500 if db.exists() else 503, str(err)) from err

    # ---- cross-cutting ------------------------------------------------------------
    app.add_middleware(Guard, max_body=MAX_BODY)
    # outermost: a kept answer carries the headers Guard set on it
    app.add_middleware(ResponseCache, generation=lambda: reader.generation, session_cookie=COOKIE)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        """A bug answers 500 with the security headers and without a traceback; the log has it."""
        import logging

        logging.getLogger("dateline.web").error("%s %s failed", request.method, request.url.path, exc_info=exc)
        response = JSONResponse({"error": "internal error; the server log has the details"}, status_code=500)
        add_security_headers(response.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {_said(e)}"
                             for e in exc.errors())
        if request.url.path.startswith("/api/") or request.method != "GET":
            return JSONResponse({"error": f"invalid request: {problems}"}, status_code=422)
        return templates.TemplateResponse(request, "error.html", {"status": 422, "message": f"Invalid request: {problems}"},
                                          status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or exc.status_code in (401, 403, 413, 503):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "message": exc.detail},
                                          status_code=exc.status_code)

    def owner_of(token: str) -> str:
        with store() as s:
            name = s.token_owner(token)
        if name is None:
            raise HTTPException(403, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"})
        return name

    def reviewer(authorization: Annotated[str | None, Header()] = None) -> str:
        """The API's writer: a bearer token only (a browser's cookie never authorises the API)."""
        token = authorization[7:].strip() if authorization and authorization.lower().startswith("bearer ") else None
        if not token:
            raise HTTPException(401, "a write needs a token: 'Authorization: Bearer <token>' "
                                     "(create one with 'dateline token create NAME')",
                                headers={"WWW-Authenticate": "Bearer"})
        return owner_of(token)

    def page_writer(request: Request, csrf: Annotated[str | None, Form(max_length=100)] = None) -> str:
        """A form's writer: a signed-in session, and the session's CSRF token in the form."""
        session = sessions.get(request.cookies.get(COOKIE))
        if session is None:
            raise HTTPException(401, "sign in first (/signin)")
        if not csrf_matches(session, csrf):
            raise HTTPException(403, "the form is stale or was not sent from this site; reload the page and retry")
        return owner_of(session.token)

    # ---- reads ----------------------------------------------------------------------
    def search(filters: dict, limit: int, offset: int, counted: dict | None = None):
        """A page of a search's mentions with their reviews, whether there are more, and how many
        (from ``counted``, the search's facets, when given: its type counts add up to the total)."""
        with store() as s:
            rows = s.events(**filters, limit=limit + 1, offset=offset)
            more = len(rows) > limit
            rows = rows[:limit]
            if not (more or offset):
                total = offset + len(rows)
            elif counted is not None:
                total = sum(n for _, n in counted["type"])
            else:
                total = s.count_events(**filters)
            reviews = s.reviews_for([r["mention_id"] for r in rows])
        return [with_reviews(r, reviews[r["mention_id"]]) for r in rows], more, total

    @app.get("/api/events", tags=["read"], responses=READ_ERRORS)
    def api_events(q: Q = None, actor: Q = None, type: EventType | None = None, status: Status | None = None,
                   since: Day = None, until: Day = None, place: Q = None, limit: Limit = 50, offset: Offset = 0,
                   country: Country = None, sector: Sector | None = None, bbox: Box = None):
        """Event mentions matching every filter, newest first, with reviews applied. ``country``
        (ISO3) and ``sector`` match any participant's code; ``bbox`` is "W,S,E,N" in degrees."""
        filters = search_filters(q, actor, type, status, since, until, place, country, sector)[0] | {"bbox": bbox}
        items, more, total = search(filters, limit, offset)
        return Fast({"items": items, "total": total, "limit": limit, "offset": offset, "more": more})

    @app.get("/api/events/{mention_id}", tags=["read"], responses=ONE_ERRORS)
    def api_event(mention_id: Id):
        return Fast(event_view(mention_id))

    def event_view(mention_id: str) -> dict:
        with store() as s:
            rows = s.events(mention_id=mention_id, limit=1)
            if not rows:
                raise HTTPException(404, f"no event mention '{mention_id}'")
            return with_reviews(rows[0], s.reviews_for([mention_id])[mention_id])

    @app.get("/api/clusters/{cluster_id}", tags=["read"], responses=ONE_ERRORS)
    def api_cluster(cluster_id: Id):
        return Fast(cluster_view(cluster_id))

    def cluster_view(cluster_id: str) -> dict:
        with store() as s:
            rows = s.events(cluster=cluster_id, limit=MAX_PAGE)
            if not rows:
                raise HTTPException(404, f"no event '{cluster_id}'")
            reviews = s.reviews_for([r["mention_id"] for r in rows])
            docs = s.documents([r["doc_key"] for r in rows])  # one query, however many reports
        reports = [with_reviews(r, reviews[r["mention_id"]]) | {"context": context(docs[r["doc_key"]]["text"], r)}
                   for r in rows]
        by_status: dict[str, int] = {}
        for r in reports:
            by_status[r["status"]] = by_status.get(r["status"], 0) + 1
        return {"cluster_id": cluster_id, "type": reports[0]["type"], "reports": reports, "by_status": by_status}

    @app.get("/api/actors/{name}", tags=["read"], responses=ONE_ERRORS)
    def api_actor(name: Name):
        return Fast(actor_view(name))

    def actor_view(name: str, places: bool = False) -> dict:
        """An actor's counterparts and latest events (and the places of its events, for its page)."""
        query = actor_named(name)
        # (the counterparts and places are aggregates over all the actor's events: kept for the
        # generation, as a search's facets are)
        jobs = {"counterparts": lambda: remembered(("counterparts", query), lambda s: s.counterparts(query)),
                "timeline": lambda: read_with(lambda s: s.events(actor=query, limit=MAX_PAGE))}
        if places:
            jobs["places"] = lambda: remembered(("places", query), lambda s: s.places(actor=query))
        return {"actor": query} | together(jobs)

    def read_with(read):
        with store() as s:
            return read(s)

    def together(jobs: dict) -> dict:
        """Independent reads at once, each on a cursor of its own (DuckDB runs a connection's
        cursors in parallel): a page that needs three answers waits for the slowest."""
        futures = {key: reads_pool.submit(job) for key, job in jobs.items()}
        return {key: f.result() for key, f in futures.items()}

    @app.get("/api/aggregate", tags=["read"], responses=READ_ERRORS | {200: {
        "description": "JSON (format=json) or CSV (format=csv) rows",
        "content": {"text/csv": {"schema": {"type": "string"}}}}})
    def api_aggregate(by: Period = Period.month, type: EventType | None = None, status: Status | None = None,
                      country: Country = None, sector: Sector | None = None, since: Day = None, until: Day = None,
                      format: Annotated[str, Query(pattern="^(json|csv)$")] = "json"):
        """Counts by dyad (actor country x recipient country), type and week or month, reviews
        applied and rejected mentions left out: the table event researchers build first."""
        filters = search_filters(None, None, type, status, since, until, None, country, sector)[0]
        with store() as s:
            rows = s.aggregate(by=by.value, **filters)
        if format == "csv":
            return csv_response(rows, AGGREGATE_COLUMNS, "dateline-aggregate.csv")
        return Fast({"by": by.value, "items": rows})

    @app.get("/api/plans", tags=["read"], responses=READ_ERRORS)
    def api_plans(unrealised: bool = False):
        return Fast({"items": plans_view(unrealised)})

    def plans_view(unrealised: bool) -> list[dict]:
        with store() as s:
            return s.plans(unrealised=unrealised)[:1000]

    @app.get("/api/documents/{doc_key}", tags=["read"], responses=ONE_ERRORS)
    def api_document(doc_key: Id):
        return Fast(document_view(doc_key))

    def document_view(doc_key: str) -> dict:
        with store() as s:
            doc = s.document(doc_key)
            if doc is None:
                raise HTTPException(404, f"no document '{doc_key}'")
            return doc | {"events": s.events(doc_keys=[doc_key], limit=MAX_PAGE)}

    # ---- writes ---------------------------------------------------------------------
    @app.post("/api/reviews", tags=["write"], status_code=201,
              responses=WRITE_ERRORS | _errors(s404="no such event mention"))
    def api_review(review: ReviewIn, who: str = Depends(reviewer)):
        """Confirm, reject or correct a mention. Stored as its own record; the machine output stays."""
        with store(write=True) as s:
            try:
                return s.add_review(review.mention_id, who, review.action, review.changes, review.note)
            except KeyError as err:
                raise HTTPException(404, f"no event mention '{review.mention_id}'") from err
            except ValueError as err:
                raise HTTPException(422, str(err)) from err

    @app.post("/api/documents", tags=["write"], status_code=201, responses=WRITE_ERRORS)
    def api_add(document: DocumentIn, who: str = Depends(reviewer)):
        """Extract an article, store it and link it; returns its events."""
        return add_document(document)

    def add_document(document: DocumentIn) -> dict:
        from dateline.ingest import finish, title_of
        from dateline.model import Document, content_id
        from dateline.nlp import build
        from dateline.pipeline import extract_documents

        title = document.title or title_of(document.text)
        doc = finish(Document.from_text(document.text, title=title, published=document.published,
                                        source=document.source), None)
        result = next(extract_documents([doc], build()))  # outside the store's lock
        key = content_id(doc.text)
        with store(write=True) as s:
            counts = s.add([result])  # linked into the clusters in its own transaction
            if counts.documents:
                s.relink_if_owed()
            events = s.events(doc_keys=[key], limit=MAX_PAGE)
        return {"doc_key": key, "stored": bool(counts.documents), "events": events}

    # ---- pages ------------------------------------------------------------------------
    def page(request: Request, name: str, **context):
        session = sessions.get(request.cookies.get(COOKIE))
        return templates.TemplateResponse(request, name, context | {"signed_in": session is not None,
                                                                    "csrf": session.csrf if session else ""})

    def summary(filters: dict) -> dict:
        """Facets, mentions per week and places of a search, kept briefly (``remembered``): a
        search page, its charts and its downloads ask for the same."""
        def read(s):
            return {"facets": s.facets(**filters), "weeks": s.per_week(**filters), "places": s.places(**filters)}
        return remembered(("search", *sorted((k, str(v)) for k, v in filters.items() if v is not None)), read)

    def remembered(what: tuple, read):
        """``read(store)``'s answer, kept briefly for the store's generation (any write, here or
        by another process, starts a new one, so older entries are never read again)."""
        key = (reader.generation, *what)
        now = time.monotonic()
        with summaries_lock:
            hit = summaries.get(key)
            if hit is not None and now - hit[0] < SUMMARY_SECONDS:
                return hit[1]
        found = read_with(read)
        if key[0] is not None and key[0] == reader.generation:
            with summaries_lock:
                if len(summaries) > 512:
                    summaries.clear()
                summaries[key] = (now, found)
        return found

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: Q = None, actor: Q = None, type: EventType | None = None,
             status: Status | None = None, since: Day = None, until: Day = None, place: Q = None,
             country: Country = None, sector: Sector | None = None, limit: Limit = 25, offset: Offset = 0,
             facets: bool = True):
        """The search page; ``facets=0`` leaves out facets and charts (the results alone)."""
        filters, params = search_filters(q, actor, type, status, since, until, place, country, sector)
        found = summary(filters) if facets else None
        items, more, total = search(filters, limit, offset, found["facets"] if found else None)
        return page(request, "search.html", items=items, more=more, total=total, params=params, limit=limit,
                    offset=offset, types=EVENT_TYPES, statuses=STATUSES, sectors=SECTORS,
                    summary=found, query=urlencode(params),
                    chart_tables=chart_tables)

    @app.get("/charts/weeks.svg", include_in_schema=False)
    def weeks_svg(filters: Searched):
        """Mentions per week by type for a search, as SVG (the search page's table is its text)."""
        return svg_response(charts.weeks_chart(summary(filters)["weeks"])[1])

    @app.get("/charts/map.svg", include_in_schema=False)
    def map_svg(filters: Searched):
        """The places of a search's mentions on the world's countries, as SVG."""
        return svg_response(charts.map_chart(summary(filters)["places"])[1])

    @app.get("/download.{fmt}", include_in_schema=False)
    def download(fmt: Annotated[str, PathParam(pattern="^(csv|json)$")], filters: Searched):
        """Every mention of a search (at most DOWNLOAD_ROWS), as CSV or JSON."""
        with store() as s:
            rows = s.events(**filters, limit=DOWNLOAD_ROWS)
        if fmt == "json":
            return Response(json.dumps(rows, default=cell_text, ensure_ascii=False), media_type="application/json",
                            headers={"Content-Disposition": 'attachment; filename="dateline-events.json"'})
        return csv_response(rows, DOWNLOAD_COLUMNS, "dateline-events.csv")

    @app.get("/events/{mention_id}", include_in_schema=False)
    def event_page(mention_id: Id):
        """An event mention's page is its cluster's, opened at the top with this report marked."""
        event = event_view(mention_id)
        return RedirectResponse(report_url(event["cluster_id"], event["mention_id"]), status_code=303)

    @app.get("/clusters/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
    def cluster_page(request: Request, cluster_id: Id,
                     report: Annotated[str | None, Query(max_length=80, description="The report to mark")] = None):
        return page(request, "cluster.html", c=cluster_view(cluster_id), focus=report, actions=REVIEW_ACTIONS,
                    correctable=sorted(CORRECTABLE), types=EVENT_TYPES, statuses=STATUSES)

    @app.get("/actors/{name}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, name: Name):
        view = actor_view(name, places=True)
        return page(request, "actor.html", a=view, timeline=timeline_rows(view["timeline"]), places=view["places"])

    @app.get("/charts/actors/{name}/timeline.svg", include_in_schema=False)
    def actor_timeline_svg(name: Name):
        with store() as s:
            events = s.events(actor=actor_named(name), limit=MAX_PAGE)
        return svg_response(charts.timeline_chart(timeline_rows(events))[1])

    @app.get("/charts/actors/{name}/map.svg", include_in_schema=False)
    def actor_map_svg(name: Name):
        with store() as s:
            places = s.places(actor=actor_named(name))
        return svg_response(charts.map_chart(places)[1])

    @app.get("/plans", response_class=HTMLResponse, include_in_schema=False)
    def plans_page(request: Request, unrealised: bool = False):
        return page(request, "plans.html", items=plans_view(unrealised), unrealised=unrealised)

    @app.get("/documents/{doc_key}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_key: Id):
        d = document_view(doc_key)
        return page(request, "document.html", d=d, spans=sorted({(e["evidence_start"], e["evidence_end"]) for e in d["events"]}))

    @app.get("/signin", response_class=HTMLResponse, include_in_schema=False)
    def signin_form(request: Request):
        return page(request, "signin.html", error=None)

    @app.post("/signin", include_in_schema=False)
    def signin(request: Request, token: Annotated[str, Form(max_length=200)]):
        client = request.client.host if request.client else "?"
        wait = limiter.wait(client)
        if wait > 0:
            response = page(request, "signin.html", error=f"Too many wrong tokens; try again in {wait:.0f} s.")
            response.status_code = 429
            response.headers["Retry-After"] = str(int(wait) + 1)
            return response
        with store() as s:
            name = s.token_owner(token)
        if name is None:
            limiter.failed(client)
            return page(request, "signin.html", error="Unknown or revoked token.")
        limiter.succeeded(client)
        sessions.end(request.cookies.get(COOKIE))
        sid, _ = sessions.start(token)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, sid, httponly=True, samesite="strict", max_age=int(sessions.lifetime),
                            secure=secure_cookies or request.url.scheme == "https")
        return response

    @app.post("/signout", include_in_schema=False)
    def signout(request: Request, who: str = Depends(page_writer)):
        sessions.end(request.cookies.get(COOKIE))
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(COOKIE)
        return response

    @app.post("/review/{mention_id}", include_in_schema=False)
    def review_form(request: Request, mention_id: Id, *, who: str = Depends(page_writer),
                    action: Annotated[str, Form(pattern="^(confirm|reject|correct)$")],
                    field: Annotated[str | None, Form(max_length=40)] = None,
                    value: Annotated[str | None, Form(max_length=500)] = None,
                    note: Annotated[str | None, Form(max_length=2000)] = None):
        changes = {}
        if action == "correct" and field:
            changes[field] = [v.strip() for v in (value or "").split(";") if v.strip()] \
                if field in ("actors", "recipients") else (value or None)
        event = api_review(ReviewIn(mention_id=mention_id, action=action, changes=changes, note=note or None), who)
        cluster = event_view(event["mention_id"])["cluster_id"]
        return RedirectResponse(report_url(cluster, mention_id) + f"#{quote(mention_id, safe='')}", status_code=303)

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_form(request: Request):
        return page(request, "add.html", result=None)

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def add_page(request: Request, *, who: str = Depends(page_writer),
                       text: Annotated[str | None, Form(max_length=MAX_BODY)] = None,
                       file: UploadFile | None = None,
                       title: Annotated[str | None, Form(max_length=500)] = None,
                       published: Annotated[str | None, Form(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None):
        try:
            published_day = _publication_day(published or None)  # the API's own check
        except ValueError as err:
            raise HTTPException(422, f"published: {err}") from err
        if file is not None and file.filename:
            docs = await uploaded_documents(file, published_day)
        elif text and text.strip():
            docs = [DocumentIn(text=text, title=title or None, published=published_day)]
        else:
            raise HTTPException(422, "paste a text or choose a file")
        results = [await run_in_threadpool(add_document, d) for d in docs]
        return page(request, "add.html", result={"documents": results})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        """Swagger UI from local files; our own script starts it (no inline script, no CDN)."""
        return templates.TemplateResponse(request, "docs.html", {"openapi_url": app.openapi_url})

    @app.get("/healthz", include_in_schema=False)
    def health():
        return Response("ok", media_type="text/plain")

    return app


def report_url(cluster_id, mention_id: str) -> str:
    """The cluster page of an event, with one report marked (the page opens at its top)."""
    return f"/clusters/{quote(str(cluster_id), safe='')}?report={quote(mention_id, safe='')}"


def swagger_assets() -> Path:
    """The folder of Swagger UI's JavaScript and CSS shipped by the fastapi-offline package."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


UPLOAD_TYPES = {"text": "text", "html": "html", "jsonl": "jsonl", "csv": "csv"}


async def uploaded_documents(file: UploadFile, published: dt.date | None) -> list[DocumentIn]:
    """Documents from an uploaded file: size capped, format sniffed from the content (the
    file name is only a hint for the format and is never used as a path)."""
    from dateline.ingest import Problem, read_bytes

    data = await file.read(MAX_BODY + 1)
    if len(data) > MAX_BODY:
        raise HTTPException(413, f"file over {MAX_BODY:,} bytes")
    if b"\x00" in data[:4096]:
        raise HTTPException(415, "binary files are not articles; upload text, HTML, JSON Lines or CSV")
    suffix = Path(file.filename or "").suffix.lower()
    hint = "upload" + (suffix if suffix in (".txt", ".html", ".htm", ".jsonl", ".csv") else "")
    docs = [d for d in read_bytes(data, hint, "auto", MAX_BODY, published) if not isinstance(d, Problem)]
    if not docs:
        raise HTTPException(422, "no article text found in the file")
    return [DocumentIn(text=d.text[:MAX_BODY], title=d.title, published=d.published, source=None) for d in docs[:50]]


def context(text: str, event: dict, around: int = 400) -> dict:
    """The evidence inside its article: text before, the evidence, text after (plain strings)."""
    start, end = event.get("evidence_start") or 0, event.get("evidence_end") or 0
    if not (0 <= start <= end <= len(text)):
        return {"before": "", "evidence": event.get("evidence") or "", "after": ""}
    lo, hi = max(0, start - around), min(len(text), end + around)
    return {"before": ("…" if lo else "") + text[lo:start], "evidence": text[start:end],
            "after": text[end:hi] + ("…" if hi < len(text) else "")}


def source_link(source: str | None):
    """A document's source: an http(s) address as a link (escaped; no other schemes), else text."""
    if not source:
        return ""
    if re.match(r"^https?://[^\s<>\"']+$", source):
        return Markup(f'<a href="{escape(source)}" rel="noopener noreferrer nofollow">{escape(source)}</a>')
    return escape(source)


def chart_tables(summary: dict) -> dict:
    """The search page's chart tables (period, the rows' count and the <tr> rows of the weeks
    chart; the <tr> rows of the map), made once per cached summary: over years of data they
    are a thousand rows, the better part of the page's own time when made at each request."""
    tables = summary.get("tables")
    if tables is None:
        period, rows = charts.by_period(summary["weeks"])
        tables = {"period": period, "counts": len(rows),
                  "weeks": table_rows(rows, "period:month" if period == "month" else "period", "type", "events"),
                  "places": table_rows(summary["places"], "place", "country", "precision", "lat", "lon", "events")}
        summary["tables"] = tables  # (two threads may both make it: the same text)
    return tables


def table_rows(rows: list[dict], *columns: str):
    """The <tr> rows of a chart's text table, escaped, in one pass: a chart over years of
    data has hundreds of rows, which cost the template several milliseconds cell by cell.
    A column "period:month" shows a period's month only."""
    def cell(row: dict, column: str) -> str:
        key, _, form = column.partition(":")
        value = row.get(key)
        if value is None:
            return ""
        text = str(value)
        return text[:7] if form == "month" else text

    return Markup("".join("<tr>" + "".join(f"<td>{html.escape(cell(r, c))}</td>" for c in columns) + "</tr>"
                          for r in rows))


def highlight(text: str, spans: list[tuple[int, int]]):
    """Escaped text with <mark> around the given character spans (Markup-safe)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos or end > len(text):
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return Markup("".join(out).replace("\n", "<br>"))


DOWNLOAD_ROWS = 10_000  # a download holds at most this many mentions
DOWNLOAD_COLUMNS = ["mention_id", "cluster_id", "doc_id", "published", "type", "mode", "status", "actors",
                    "actor_countries", "actor_sectors", "recipients", "recipient_countries", "recipient_sectors",
                    "date_value", "location", "lat", "lon", "geo_country", "geo_precision", "evidence", "source",
                    "review", "reviewed_by", "reviewed_at"]
SUMMARY_SECONDS = 10.0  # how long a search's facets and charts are reused


def csv_response(rows: list[dict], columns: list[str], filename: str) -> Response:
    """Rows as a CSV download."""
    out = io.StringIO()
    write_csv_rows(rows, columns, out)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def svg_response(svg: str) -> Response:
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "private, max-age=10"})


def timeline_rows(events: list[dict]) -> list[dict]:
    """An actor's dated events for the timeline and its table: date, type, status, counterparts."""
    rows = []
    for e in events:
        day = e.get("date_start") or e.get("published")
        if day:
            rows.append({"date": day.isoformat(), "type": e["type"], "status": e["status"],
                         "with": "; ".join((e.get("actors") or []) + (e.get("recipients") or [])),
                         "mention_id": e["mention_id"]})
    return sorted(rows, key=lambda r: (r["date"], r["type"]))


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


class Fast(JSONResponse):
    """A read's JSON written straight from the store's rows (dates as ISO text), without
    FastAPI's field-by-field encoding pass, which costs more than the query on a page of events."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                          default=_json_value).encode("utf-8")


def actor_named(name: str) -> str:
    """The canonical name the knowledge base knows an actor by, else the name as given."""
    from dateline.resolve.kb import knowledge_base

    kb = knowledge_base()
    return kb.org(name) or kb.person(name) or kb.country(name) or name
