"""The event record: a DuckDB file of documents, event mentions, participants
and the clusters that link mentions of one real-world event.

Schema (also in the README):

* ``documents``: one row per distinct text; ``doc_key`` is the hash of the
  normalised text (so ingesting the same article twice changes nothing),
  ``doc_id`` the id the input gave it.
* ``mentions``: one row per extracted event mention, with its evidence
  offsets and ``cluster_id``.
* ``participants``: actors and recipients of each mention, in order.
* ``clusters`` (a view): per real-world event, its type, the number of
  reports, documents and statuses, and the first and last dates.

Writes go in one transaction per batch of documents; a process killed in the
middle loses only the batch it was writing, and a re-run skips what is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dateline import __version__
from dateline.coding import code_participant, geocode, participant_named
from dateline.link import LinkItem, cluster_id, date_bounds, link
from dateline.model import EVENT_TYPES, MODES, STATUSES, ExtractionResult, content_id
from dateline.resolve.kb import fold
from dateline.review import CorrectionError, validate_changes

SCHEMA_VERSION = "4"
APP = "dateline"

SCHEMA = """
CREATE TABLE IF NOT EXISTS dateline_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_key VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    title VARCHAR,
    published DATE,
    source VARCHAR,
    text VARCHAR NOT NULL,
    extractor_version VARCHAR,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY,
    doc_key VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    status VARCHAR NOT NULL,
    date_value VARCHAR,
    date_start DATE,
    date_end DATE,
    location VARCHAR,
    evidence VARCHAR,
    evidence_start INTEGER,
    evidence_end INTEGER,
    trigger VARCHAR,
    cluster_id VARCHAR,
    extractor_version VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geo_country VARCHAR,
    admin1 VARCHAR,
    geonameid BIGINT,
    geo_precision VARCHAR
);
CREATE TABLE IF NOT EXISTS participants (
    mention_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR,
    affiliation VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    link_key VARCHAR  -- the linker's blocking key (dateline.link.participant_key)
);
CREATE TABLE IF NOT EXISTS tokens (
    name VARCHAR PRIMARY KEY,
    token_hash VARCHAR NOT NULL UNIQUE,
    created_at TIMESTAMP DEFAULT current_timestamp,
    revoked_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS reviews (
    review_id VARCHAR PRIMARY KEY,
    mention_id VARCHAR NOT NULL,
    reviewer VARCHAR NOT NULL,
    created_at TIMESTAMP DEFAULT current_timestamp,
    action VARCHAR NOT NULL,
    changes VARCHAR,
    note VARCHAR
);
CREATE OR REPLACE VIEW clusters AS
SELECT m.cluster_id, any_value(m.type) AS type, count(*) AS reports,
       count(DISTINCT m.doc_key) AS documents,
       count(*) FILTER (WHERE m.status = 'occurred') AS occurred,
       count(*) FILTER (WHERE m.status = 'planned') AS planned,
       min(coalesce(m.date_start, d.published)) AS first_date,
       max(coalesce(m.date_end, d.published)) AS last_date
FROM mentions m JOIN documents d USING (doc_key)
GROUP BY m.cluster_id;
"""

# Older schema -> (SQL that upgrades it, the version it becomes). Applied on a read-write open.
MIGRATIONS = {
    "1": ("""
        CREATE TABLE IF NOT EXISTS tokens (name VARCHAR PRIMARY KEY, token_hash VARCHAR NOT NULL UNIQUE,
            created_at TIMESTAMP DEFAULT current_timestamp, revoked_at TIMESTAMP);
        CREATE TABLE IF NOT EXISTS reviews (review_id VARCHAR PRIMARY KEY, mention_id VARCHAR NOT NULL,
            reviewer VARCHAR NOT NULL, created_at TIMESTAMP DEFAULT current_timestamp, action VARCHAR NOT NULL,
            changes VARCHAR, note VARCHAR);
    """, "2"),
    # coded actors and geocoded places (filled in for stored rows by _backfill_codes)
    "2": ("""
        ALTER TABLE mentions ADD COLUMN lat DOUBLE;
        ALTER TABLE mentions ADD COLUMN lon DOUBLE;
        ALTER TABLE mentions ADD COLUMN geo_country VARCHAR;
        ALTER TABLE mentions ADD COLUMN admin1 VARCHAR;
        ALTER TABLE mentions ADD COLUMN geonameid BIGINT;
        ALTER TABLE mentions ADD COLUMN geo_precision VARCHAR;
        ALTER TABLE participants ADD COLUMN country VARCHAR;
        ALTER TABLE participants ADD COLUMN sector VARCHAR;
    """, "3"),
    # the linker's blocking key on each participant, so that linking new mentions reads only
    # the old mentions that share one (filled in for stored rows by _backfill_link_keys)
    "3": ("""
        ALTER TABLE participants ADD COLUMN IF NOT EXISTS link_key VARCHAR;
    """, "4"),
}

# A mention with its participants as lists, the shape every query returns. The participants
# are gathered per mention in a subquery (grouping by one key, not by every column); ``where``
# clauses that follow apply to ``m`` and ``d``.
# The columns before and after the participant lists (``Store._rows_by_ids`` builds the same
# rows in two reads, from these same lists)
MENTION_HEAD = ("m.mention_id, m.cluster_id, m.doc_key, d.doc_id, d.title, d.published, d.source, m.type, m.mode, "
                "m.status, m.date_value, m.date_start, m.date_end, m.location, m.evidence, m.evidence_start, "
                "m.evidence_end, m.trigger")
MENTION_TAIL = "m.lat, m.lon, m.geo_country, m.admin1, m.geonameid, m.geo_precision"
PARTICIPANT_LISTS = ("actors", "recipients", "actor_countries", "recipient_countries", "actor_sectors",
                     "recipient_sectors")
EVENT_SELECT = f"""
SELECT {MENTION_HEAD}, {", ".join("pa." + c for c in PARTICIPANT_LISTS)}, {MENTION_TAIL}
FROM mentions m
JOIN documents d USING (doc_key)
LEFT JOIN (
    SELECT mention_id,
           list(name ORDER BY position) FILTER (WHERE role = 'actor') AS actors,
           list(name ORDER BY position) FILTER (WHERE role = 'recipient') AS recipients,
           list(country ORDER BY position) FILTER (WHERE role = 'actor') AS actor_countries,
           list(country ORDER BY position) FILTER (WHERE role = 'recipient') AS recipient_countries,
           list(sector ORDER BY position) FILTER (WHERE role = 'actor') AS actor_sectors,
           list(sector ORDER BY position) FILTER (WHERE role = 'recipient') AS recipient_sectors
    FROM participants GROUP BY mention_id
) pa USING (mention_id)
"""


def _latest(field: str, valid: str) -> str:
    """The value the latest valid correction gives ``field``, as a struct {v} (NULL: not corrected;
    {v: NULL}: cleared). Corrections from older versions that do not validate are ignored."""
    value = f"try_cast(j->'{field}' AS VARCHAR[])" if field in ("actors", "recipients") else f"j->>'{field}'"
    return (f"arg_max({{'v': {value}}}, (created_at, review_id)) FILTER (WHERE action = 'correct' "
            f"AND json_exists(j, '$.{field}') AND ({valid})) AS c_{field}")


def _one_of(field: str, values, nullable: bool) -> str:
    listed = ", ".join("'" + v + "'" for v in values)
    return f"j->>'{field}' IN ({listed})" + (f" OR json_type(j->'{field}') = 'NULL'" if nullable else "")


_NAMES = "json_type(j->'{0}') = 'ARRAY' AND try_cast(j->'{0}' AS VARCHAR[]) IS NOT NULL"
# Per reviewed mention: the latest decision, who made it and when, and each field's latest correction.
REVIEW_STATE = f"""
SELECT mention_id,
       arg_max(action, (created_at, review_id)) AS review,
       arg_max(reviewer, (created_at, review_id)) AS reviewed_by,
       max(created_at) AS reviewed_at,
       {_latest("type", _one_of("type", EVENT_TYPES, False))},
       {_latest("status", _one_of("status", STATUSES, False))},
       {_latest("mode", _one_of("mode", MODES, True))},
       {_latest("date_value", "json_type(j->'date_value') IN ('VARCHAR', 'NULL')")},
       {_latest("location", "json_type(j->'location') IN ('VARCHAR', 'NULL')")},
       {_latest("actors", _NAMES.format("actors"))},
       {_latest("recipients", _NAMES.format("recipients"))}
FROM (SELECT *, try_cast(changes AS JSON) AS j FROM reviews WHERE action IN ('confirm', 'reject', 'correct'))
GROUP BY mention_id
"""
CORRECTED = ("type", "status", "mode", "date_value", "location", "actors", "recipients")
# The columns of ``Store.aggregate``: one row per period, dyad and type
AGGREGATE_COLUMNS = ["period", "actor_country", "recipient_country", "type", "mentions", "events"]
# The coded columns that follow from a corrected field
CODED = {"actors": ("actor_countries", "actor_sectors"), "recipients": ("recipient_countries", "recipient_sectors"),
         "location": ("lat", "lon", "geo_country", "admin1", "geonameid", "geo_precision")}
REVIEW_COLUMNS = ["review", "reviewed_by", "reviewed_at"]


def _corrected(fields: tuple[str, ...], coded: tuple[str, ...]) -> str:
    """The REPLACE list that applies the latest corrections to ``fields``; the ``coded`` columns
    that follow from a corrected field are the machine's no more: NULL (``overlay`` recomputes
    them where it shows them)."""
    out = [f"CASE WHEN rv.c_{f} IS NULL THEN e.{f} ELSE rv.c_{f}.v END AS {f}" for f in fields]
    out += [f"CASE WHEN rv.c_{f} IS NULL THEN e.{c} END AS {c}" for f, codes in CODED.items() for c in codes if c in coded]
    return ", ".join(out)


# The review columns of a store without reviews, typed as the reviewed queries type them
UNREVIEWED = ("NULL::VARCHAR AS review, NULL::VARCHAR AS reviewed_by, NULL::TIMESTAMP AS reviewed_at, "
              + ", ".join(f"NULL::STRUCT(v VARCHAR{'[]' if f in ('actors', 'recipients') else ''}) AS machine_{f}"
                          for f in CORRECTED))


def reviewed_select(where: str = "", reviews: bool = True) -> str:
    """Mentions as analysts see them: the machine's reading with the latest corrections applied
    and the review state (``review``, ``reviewed_by``, ``reviewed_at``) as columns. Each
    corrected field's machine value stays in ``machine_<field>``. ``reviews=False`` (the store
    has none) gives the same columns without joining the review state."""
    if not reviews:
        return f"SELECT e.*, {UNREVIEWED} FROM ({EVENT_SELECT}{where}) e"
    fields = _corrected(CORRECTED, tuple(c for codes in CODED.values() for c in codes))
    machine = ", ".join(f"CASE WHEN rv.c_{f} IS NULL THEN NULL ELSE {{'v': e.{f}}} END AS machine_{f}"
                        for f in CORRECTED)
    return (f"SELECT e.* REPLACE ({fields}), rv.review, rv.reviewed_by, rv.reviewed_at, {machine} "
            f"FROM ({EVENT_SELECT}{where}) e LEFT JOIN ({REVIEW_STATE}) rv USING (mention_id)")


# The columns a page of mentions is chosen by, without the participants (cheap to compute for
# every mention): ``Store.events`` picks the page's ids from these, then reads those rows whole.
PAGE_SELECT = """
SELECT m.mention_id, m.cluster_id, m.doc_key, d.doc_id, d.published, m.type, m.mode, m.status, m.date_value,
       m.date_start, m.date_end, m.location, m.evidence, m.evidence_start, m.lat, m.lon, m.geo_country,
       m.geo_precision
FROM mentions m JOIN documents d USING (doc_key)
"""
PAGED = ("type", "status", "mode", "date_value", "location")  # corrected fields the page columns include
PAGE_CODED = ("lat", "lon", "geo_country", "geo_precision")  # coded page columns a corrected place voids
# Filters the page columns can answer (a participant's name or code needs the full rows)
PAGE_FILTERS = {"type", "status", "since", "until", "cluster", "text", "place", "mention_id", "doc_keys", "bbox"}
# ... and, where no correction can have changed the names (the machine's reading, or a store
# without reviews), the participant filters from the participants table itself
PARTICIPANT_FILTERS = {
    "actor": "e.mention_id IN (SELECT mention_id FROM participants "
             "WHERE strip_accents(lower(name)) LIKE '%' || strip_accents(lower(?)) || '%')",
    "country": "e.mention_id IN (SELECT mention_id FROM participants WHERE country = upper(?))",
    "sector": "e.mention_id IN (SELECT mention_id FROM participants WHERE sector = upper(?))",
}


# Newest first (event date, else publication), then by article and place in it; one page
EVENT_ORDER = (" ORDER BY coalesce(e.date_start, e.published) DESC NULLS LAST, "
               "e.doc_id, e.evidence_start, e.mention_id LIMIT ? OFFSET ?")


def page_source(where: str = "", machine: bool = False, reviews: bool = True) -> str:
    """The page columns of the mentions, reviewed as in ``reviewed_select`` (or the machine's)."""
    if machine:
        return f"SELECT * FROM ({PAGE_SELECT}{where}) e"
    if not reviews:
        return f"SELECT *, NULL::VARCHAR AS review FROM ({PAGE_SELECT}{where}) e"
    return (f"SELECT e.* REPLACE ({_corrected(PAGED, PAGE_CODED)}), rv.review FROM ({PAGE_SELECT}{where}) e "
            f"LEFT JOIN ({REVIEW_STATE}) rv USING (mention_id)")


def event_source(where: str = "", machine: bool = False, reviews: bool = True) -> str:
    """The mentions to read from: reviewed (``reviewed_select``), or the machine's reading alone."""
    return f"SELECT * FROM ({EVENT_SELECT}{where}) e" if machine else reviewed_select(where, reviews)


_LIKE = "strip_accents(lower({})) LIKE '%' || strip_accents(lower(?)) || '%'"
# One SQL condition per filter of ``Store.events``, each with one parameter; they apply to the
# reviewed values (a mention corrected to AID is found by type AID).
EVENT_FILTERS = {
    "actor": "len(list_filter(list_concat(coalesce(e.actors, []), coalesce(e.recipients, [])), "
             "lambda n: strip_accents(lower(n)) LIKE '%' || strip_accents(lower(?)) || '%')) > 0",
    "type": "e.type = ?",
    "status": "e.status = ?",
    "since": "coalesce(e.date_end, e.date_start, e.published) >= ?",
    "until": "coalesce(e.date_start, e.published) <= ?",
    "cluster": "e.cluster_id = ?",
    "text": _LIKE.format("e.evidence"),
    "place": _LIKE.format("e.location"),
    "mention_id": "e.mention_id = ?",
    "doc_keys": "e.doc_key IN (SELECT unnest(?::VARCHAR[]))",
    # coded actors: any participant's country (ISO3) or sector; the place inside a box
    "country": "list_contains(list_concat(coalesce(e.actor_countries, []), coalesce(e.recipient_countries, [])), upper(?))",
    "sector": "list_contains(list_concat(coalesce(e.actor_sectors, []), coalesce(e.recipient_sectors, [])), upper(?))",
    "bbox": "EXISTS (SELECT 1 FROM (SELECT ?::DOUBLE[] AS b) WHERE e.lon BETWEEN b[1] AND b[3] AND e.lat BETWEEN b[2] AND b[4])",
    "mention_ids": "e.mention_id IN (SELECT unnest(?::VARCHAR[]))",
}
# Filters that a review cannot change, applied before grouping (cheap, and they narrow the join).
MACHINE_FILTERS = {"cluster": "m.cluster_id = ?", "mention_id": "m.mention_id = ?",
                   "doc_keys": "m.doc_key IN (SELECT unnest(?::VARCHAR[]))",
                   "mention_ids": "m.mention_id IN (SELECT unnest(?::VARCHAR[]))"}


def overlay(row: dict) -> dict:
    """A reviewed row in the shape readers use: ``machine`` holds the corrected fields' machine
    values; a corrected date also moves ``date_start``/``date_end``."""
    machine = {}
    for f in CORRECTED:
        value = row.pop(f"machine_{f}", None)
        if value is not None:
            machine[f] = value["v"]
    if "date_value" in machine:
        row["date_start"], row["date_end"] = date_bounds(row["date_value"])
    for role in ("actors", "recipients"):
        if role in machine:  # corrected names: coded as written
            coded = [code_participant(participant_named(n)) for n in row[role] or []]
            row[f"{role[:-1]}_countries"] = [p.country for p in coded]
            row[f"{role[:-1]}_sectors"] = [p.sector for p in coded]
    if "location" in machine:
        prefer = tuple(c for c in (row.get("actor_countries") or []) + (row.get("recipient_countries") or []) if c)
        place = geocode(row["location"], prefer) if row["location"] else None
        geo = place.to_dict() if place is not None else dict.fromkeys(("lat", "lon", "country", "admin1", "geonameid", "precision"))
        row.update(lat=geo["lat"], lon=geo["lon"], geo_country=geo["country"], admin1=geo["admin1"],
                   geonameid=geo["geonameid"], geo_precision=geo["precision"])
    row["machine"] = machine or None
    return row


class StoreError(Exception):
    """The store cannot be opened or used (not a DuckDB file, not ours, read-only, full disk)."""


class StoreBusy(StoreError):
    """Another process holds the store's lock; ``holder`` says which."""

    def __init__(self, message: str, holder: str = "another process") -> None:
        super().__init__(message)
        self.holder = holder


class StoreReadOnly(StoreError):
    """The store file (or its directory, or the file system) cannot be written."""


READ_ONLY_SIGNS = ("permission denied", "operation not permitted", "read-only file system")
LOCK_TIMEOUT_S = 30.0


def open_store(path: str | Path, read_only: bool = False, timeout: float = LOCK_TIMEOUT_S, **kw) -> Store:
    """Open the store, waiting (with backoff) while another process writes to it.

    DuckDB lets one process write a file at a time; dateline's writers (ingest,
    reprocess, the server's review and upload handlers) hold the file only for
    the few milliseconds of a batch's transaction, so readers and other writers
    get their turn by retrying.
    """
    deadline = time.monotonic() + timeout
    delay = 0.02
    wanted = None if read_only else write_wanted_path(path)
    try:
        while True:
            try:
                return Store(path, read_only=read_only, **kw)
            except StoreBusy as err:
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"'{path}' is busy: {err.holder} has held it for the last {timeout:.0f} s "
                                    "(waited for it to let go); try again later, or stop that process",
                                    holder=err.holder) from None
                if wanted is not None:
                    _say_write_wanted(wanted)
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
    finally:
        if wanted is not None:
            wanted.unlink(missing_ok=True)


# A writer that finds the file held leaves this marker beside it, refreshed while it waits, so
# that a long-lived reader (``dateline serve``'s) lets go of the file; a marker older than
# WRITE_WANTED_FRESH_S is a writer that died waiting and is ignored.
WRITE_WANTED_FRESH_S = 5.0


def write_wanted_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".write-wanted")


def _say_write_wanted(marker: Path) -> None:
    try:
        marker.write_text(str(os.getpid()), encoding="ascii")
    except OSError:
        pass  # a read-only directory: the writer could not write the store either


def write_wanted(path: str | Path) -> bool:
    """Is a writer waiting for this store's file (a fresh marker beside it)?"""
    try:
        return time.time() - write_wanted_path(path).stat().st_mtime < WRITE_WANTED_FRESH_S
    except OSError:
        return False


ROW_CACHE_MAX = 50_000  # rows a shared reader keeps per opening (about 1 KB each)


def _copy_row(row: dict) -> dict:
    """A row a caller may change without changing the one kept."""
    return {k: list(v) if isinstance(v, list) else v for k, v in row.items()}


class SharedReader:
    """One read-only connection to the store, kept open across a server's requests, with a
    cursor per request (opening DuckDB costs about 20 ms and starts with a cold cache).

    It yields the file to writers: a write in this process calls ``release()`` (under the
    server's write gate, so no read is in flight); a writer in another process that finds the
    file held leaves a marker (``open_store``), and a watcher thread then closes the
    connection as soon as the reads in flight end. For ``YIELD_S`` after the marker was last
    seen, reads open the store each for themselves (waiting out the writer's batches as
    ``open_store`` does) so that a writer between batches gets its turn; then the shared
    connection comes back.
    """

    YIELD_S = 1.0
    POLL_S = 0.02

    def __init__(self, path: str | Path, timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.opens = 0  # how often the shared connection was opened (for tests and benchmarks)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._inflight = 0
        self._yield_until = 0.0
        self._cond = threading.Condition()
        # what reads learnt about reviews, valid while this opening lasts (no write can happen
        # while the file is held read-only): (opening, has_reviews, any_reviews)
        self._known: tuple[int, bool | None, bool | None] = (0, None, None)
        self._rows: tuple[int, dict] = (0, {})  # whole rows read while an opening lasts
        self._stopped = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="dateline-reader-watch", daemon=True)
        self._watcher.start()

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A store for one read: a cursor of the shared connection, or, while a writer is
        owed the file, a store of its own."""
        cursor = None
        with self._cond:
            if time.monotonic() >= self._yield_until:
                if self._con is None:
                    opened = open_store(self.path, read_only=True, timeout=self.timeout)
                    self._con, opened.con = opened.con, None
                    self.opens += 1
                cursor = self._con.cursor()
                self._inflight += 1
        if cursor is None:
            with open_store(self.path, read_only=True, timeout=self.timeout) as own:
                yield own
            return
        opening = self.opens
        s = Store.on_connection(cursor, self.path)
        if self._known[0] == opening:
            s._reviews, s._any_reviews = self._known[1], self._known[2]
        if self._rows[0] != opening:
            self._rows = (opening, {})  # (no write can happen while the file is held read-only)
        s._row_cache = self._rows[1]
        try:
            yield s
        finally:
            if self._known[0] != opening or (s._reviews, s._any_reviews) != self._known[1:]:
                self._known = (opening, s._reviews, s._any_reviews)
            cursor.close()
            with self._cond:
                self._inflight -= 1
                if self._inflight == 0 and time.monotonic() < self._yield_until:
                    self._close()

    @property
    def generation(self) -> int | None:
        """Which opening of the shared connection reads now go to (a new number after every
        write, in this process or another); None while there is none or it has yielded the
        file to a writer. What was read under one number stays true while it lasts."""
        if self._con is None or time.monotonic() < self._yield_until:
            return None
        return self.opens

    def release(self) -> None:
        """Close the shared connection now (no read may be in flight): a write in this
        process is about to open the file read-write."""
        with self._cond:
            self._close()

    def stop(self) -> None:
        self._stopped.set()
        self.release()

    def _close(self) -> None:
        if self._con is not None and self._inflight == 0:
            self._con.close()
            self._con = None

    def _watch(self) -> None:
        while not self._stopped.wait(self.POLL_S):
            if write_wanted(self.path):
                with self._cond:
                    self._yield_until = time.monotonic() + self.YIELD_S
                    self._close()


def lock_holder(message: str) -> str:
    """Who holds the file, from DuckDB's lock error ("... held in /usr/bin/python3 (PID 42)"):
    the holder's command line when it can be read ("process 42: dateline sql 'select ...'")."""
    found = re.search(r"\(PID (\d+)\)", message)
    if not found:
        return "another process"
    pid = found.group(1)
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            args = [a.decode("utf-8", "replace") for a in fh.read().split(b"\0") if a]
    except OSError:
        return f"process {pid}"
    names = [Path(a).name for a in args[:3]]  # "python -m dateline sql ...", ".../bin/dateline sql ..."
    if "dateline" in names:
        args = ["dateline", *args[names.index("dateline") + 1:]]
    command = " ".join(args)
    return f"process {pid} ({command[:117] + '...' if len(command) > 120 else command})"


def default_db_path() -> Path:
    """$DATELINE_DB, else the per-user data directory."""
    env = os.environ.get("DATELINE_DB")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "dateline" / "dateline.duckdb"


@dataclass(frozen=True)
class IngestCounts:
    documents: int = 0
    already_stored: int = 0
    mentions: int = 0


class Store:
    """An open event record. Use as a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False, external_access: bool = True):
        self.path = Path(path)
        self.read_only = read_only
        self._reviews: bool | None = None  # has_reviews(), once asked
        self._any_reviews: bool | None = None  # any_reviews(), once asked
        if read_only and not self.path.exists():
            raise StoreError(f"no store at '{self.path}' (run 'dateline ingest' first, or pass --db)")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            config = {} if external_access else {"enable_external_access": False}
            self.con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        except duckdb.Error as err:
            reason = re.sub(r'"[^"]*"', "", str(err)).lower()  # without the quoted file name
            if "lock" in reason:
                holder = lock_holder(str(err))
                raise StoreBusy(f"'{self.path}' is locked by {holder}", holder=holder) from err
            if "different configuration" in reason:  # a read-only connection of this very process
                holder = "this process's read connection"
                raise StoreBusy(f"'{self.path}' is held by {holder}", holder=holder) from err
            if not read_only and any(sign in reason for sign in READ_ONLY_SIGNS):
                raise StoreReadOnly(f"'{self.path}' cannot be written ({first_line(err).split(': ')[-1]}); commands "
                                    "that only read it (events, actors, plans, export, sql, serve) still work") from err
            raise StoreError(f"cannot open '{self.path}' as a dateline store: {first_line(err)}") from err
        try:
            self._check_or_create()
        except BaseException:
            self.con.close()
            raise

    @classmethod
    def on_connection(cls, con: duckdb.DuckDBPyConnection, path: str | Path, read_only: bool = True) -> Store:
        """A Store over a connection opened (and its schema checked) elsewhere: a cursor of a
        long-lived connection. Closing it closes only that connection."""
        self = cls.__new__(cls)
        self.path, self.read_only, self.con = Path(path), read_only, con
        self._reviews = self._any_reviews = None
        return self

    _row_cache: dict | None = None  # rows by (machine, mention id), shared while one read opening lasts

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # ---- schema -----------------------------------------------------------
    def _check_or_create(self) -> None:
        # the meta table read directly (about 1 ms) before the catalogue is asked which tables
        # there are (15-20 ms, paid at every opening of the store)
        try:
            meta = dict(self.con.execute("SELECT key, value FROM dateline_meta").fetchall())
        except duckdb.CatalogException:
            meta = None
        except (duckdb.Error, TypeError, ValueError) as err:
            raise StoreError(f"'{self.path}' is a DuckDB file but not a dateline store") from err
        if meta is not None:
            if meta.get("app") != APP:
                raise StoreError(f"'{self.path}' is a DuckDB file but not a dateline store")
            if meta.get("schema_version") in MIGRATIONS and not self.read_only:
                self._migrate(meta["schema_version"])
                return
            if meta.get("schema_version") != SCHEMA_VERSION:
                raise StoreError(f"'{self.path}' has store schema {meta.get('schema_version')}, "
                                 f"this dateline reads {SCHEMA_VERSION}")
            return
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if tables:
            raise StoreError(f"'{self.path}' is a DuckDB file with other tables, not a dateline store; "
                             "refusing to modify it")
        if self.read_only:
            raise StoreError(f"'{self.path}' is empty, not a dateline store")
        self.con.execute("BEGIN")
        self.con.execute(SCHEMA)
        self.con.execute("INSERT INTO dateline_meta VALUES ('app', ?), ('schema_version', ?), ('created_by', ?)",
                         [APP, SCHEMA_VERSION, __version__])
        self.con.execute("COMMIT")

    def _migrate(self, version: str) -> None:
        self.con.execute("BEGIN")
        while version in MIGRATIONS:
            sql, after = MIGRATIONS[version]
            self.con.execute(sql)
            if after == "3":
                self._backfill_codes()
            if after == "4":
                self._backfill_link_keys()
            version = after
        self.con.execute("UPDATE dateline_meta SET value = ? WHERE key = 'schema_version'", [version])
        self.con.execute("COMMIT")

    def _backfill_link_keys(self) -> None:
        from dateline.link import participant_key

        distinct = self.con.execute("SELECT DISTINCT name, kind FROM participants").fetchall()
        if distinct:
            self.con.execute("""
                UPDATE participants SET link_key = k.link_key
                FROM (SELECT unnest(?::VARCHAR[]) AS name, unnest(?::VARCHAR[]) AS kind,
                             unnest(?::VARCHAR[]) AS link_key) k
                WHERE participants.name = k.name AND participants.kind IS NOT DISTINCT FROM k.kind""",
                [[n for n, _ in distinct], [k for _, k in distinct],
                 [participant_key(n, k or "organization") for n, k in distinct]])

    def _backfill_codes(self) -> None:
        """Codes for the participants and places of a store made before they existed (in the
        migration's transaction): the same coding as new extractions get."""
        from dateline.model import Participant

        distinct = self.con.execute("SELECT DISTINCT name, kind, affiliation FROM participants").fetchall()
        coded = [code_participant(Participant(n, k or "organization", a)) for n, k, a in distinct]
        if coded:
            self.con.execute("""
                UPDATE participants SET country = c.country, sector = c.sector
                FROM (SELECT unnest(?::VARCHAR[]) AS name, unnest(?::VARCHAR[]) AS kind,
                             unnest(?::VARCHAR[]) AS affiliation, unnest(?::VARCHAR[]) AS country,
                             unnest(?::VARCHAR[]) AS sector) c
                WHERE participants.name = c.name AND participants.kind IS NOT DISTINCT FROM c.kind
                  AND participants.affiliation IS NOT DISTINCT FROM c.affiliation""",
                [[r[0] for r in distinct], [r[1] for r in distinct], [r[2] for r in distinct],
                 [p.country for p in coded], [p.sector for p in coded]])
        located = self.con.execute("""
            SELECT m.mention_id, m.location, list(p.country) FILTER (WHERE p.country IS NOT NULL)
            FROM mentions m LEFT JOIN participants p USING (mention_id)
            WHERE m.location IS NOT NULL GROUP BY ALL""").fetchall()
        geo = {c: [] for c in ("mention_id", "lat", "lon", "country", "admin1", "geonameid", "precision")}
        for mid, location, countries in located:
            place = geocode(location, tuple(dict.fromkeys(countries or [])))
            if place is None:
                continue
            geo["mention_id"].append(mid)
            for key, value in place.to_dict().items():
                geo[key].append(value)
        if geo["mention_id"]:
            self.con.execute("""
                UPDATE mentions SET lat = g.lat, lon = g.lon, geo_country = g.country, admin1 = g.admin1,
                                    geonameid = g.geonameid, geo_precision = g.precision
                FROM (SELECT unnest(?::VARCHAR[]) AS mention_id, unnest(?::DOUBLE[]) AS lat,
                             unnest(?::DOUBLE[]) AS lon, unnest(?::VARCHAR[]) AS country,
                             unnest(?::VARCHAR[]) AS admin1, unnest(?::BIGINT[]) AS geonameid,
                             unnest(?::VARCHAR[]) AS precision) g
                WHERE mentions.mention_id = g.mention_id""", list(geo.values()))

    # ---- writing ------------------------------------------------------------
    def known(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        if not keys:
            return set()
        rows = self.con.execute("SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest(?::VARCHAR[]))",
                                [keys]).fetchall()
        return {r[0] for r in rows}

    def known_sources(self, sources: Iterable[str]) -> set[str]:
        sources = list(sources)
        if not sources:
            return set()
        rows = self.con.execute("SELECT DISTINCT source FROM documents WHERE source IN (SELECT unnest(?::VARCHAR[]))",
                                [sources]).fetchall()
        return {r[0] for r in rows}

    def reprocess_count(self, only_older: bool, version: str = __version__) -> int:
        where = "WHERE extractor_version IS DISTINCT FROM ?" if only_older else ""
        return self.con.execute(f"SELECT count(*) FROM documents {where}", [version] if only_older else []).fetchone()[0]

    def documents_after(self, after: str, only_older: bool, version: str = __version__, limit: int = 32):
        """The next stored Documents in key order after the key `after` (all, or those extracted by
        another version), with their keys: one batch of a reprocess that holds the store only per batch."""
        from dateline.model import Document

        where = "AND extractor_version IS DISTINCT FROM ?" if only_older else ""
        rows = self.con.execute(f"SELECT doc_key, doc_id, text, title, published, source FROM documents "
                                f"WHERE doc_key > ? {where} ORDER BY doc_key LIMIT ?",
                                [after, *([version] if only_older else []), limit]).fetchall()
        return [(r[0], Document(doc_id=r[1], text=r[2], title=r[3], published=r[4], source=r[5])) for r in rows]

    def replace(self, keyed: list[tuple[str, ExtractionResult]], version: str = __version__) -> int:
        """Swap the stored mentions of these documents for new ones, in one transaction."""
        keys = [k for k, _ in keyed]
        ments, parts = self._rows(keyed, version)
        moves = self._review_moves(keys, ments, parts)
        try:
            self.con.execute("BEGIN")
            self.con.execute("DELETE FROM participants WHERE mention_id IN "
                             "(SELECT mention_id FROM mentions WHERE doc_key IN (SELECT unnest(?::VARCHAR[])))", [keys])
            self.con.execute("DELETE FROM mentions WHERE doc_key IN (SELECT unnest(?::VARCHAR[]))", [keys])
            self._insert(ments, parts)
            for old, new in moves.items():  # reviews follow their event to its new mention id
                self.con.execute("UPDATE reviews SET mention_id = ? WHERE mention_id = ?", ["moving:" + new, old])
            self.con.execute("UPDATE reviews SET mention_id = substr(mention_id, 8) WHERE mention_id LIKE 'moving:%'")
            self.con.execute("UPDATE documents SET extractor_version = ? WHERE doc_key IN (SELECT unnest(?::VARCHAR[]))",
                             [version, keys])
            self.con.execute("COMMIT")
        except duckdb.Error as err:
            self._rollback()
            raise StoreError(f"cannot write to '{self.path}': {first_line(err)}") from err
        return len(ments["mention_id"])

    def _review_moves(self, keys: list[str], ments: dict, parts: dict) -> dict[str, str]:
        """Old reviewed mention id -> the new mention that is the same event: same document,
        and the best agreement on type, evidence sentence and participants."""
        old = self._dicts("""
            SELECT m.mention_id, m.doc_key, m.type, m.evidence_start, list(p.name) FILTER (WHERE p.name IS NOT NULL) AS names
            FROM mentions m LEFT JOIN participants p USING (mention_id)
            WHERE m.doc_key IN (SELECT unnest(?::VARCHAR[]))
              AND m.mention_id IN (SELECT mention_id FROM reviews)
            GROUP BY ALL""", [keys])
        if not old:
            return {}
        names: dict[str, set[str]] = {}
        for mid, name in zip(parts["mention_id"], parts["name"], strict=True):
            names.setdefault(mid, set()).add(name)
        new = list(zip(ments["mention_id"], ments["doc_key"], ments["type"], ments["evidence_start"], strict=True))
        moves, taken = {}, set()
        for o in old:
            best, best_score = None, 2
            for mid, doc_key, etype, start in new:
                if doc_key != o["doc_key"] or mid in taken:
                    continue
                score = 2 * (etype == o["type"]) + 2 * (start == o["evidence_start"]) \
                    + len(names.get(mid, set()) & set(o["names"] or []))
                if score > best_score:
                    best, best_score = mid, score
            if best is not None:
                moves[o["mention_id"]] = best
                taken.add(best)
        return moves

    @staticmethod
    def _rows(keyed: list[tuple[str, ExtractionResult]], version: str) -> tuple[dict, dict]:
        """Column lists of mention and participant rows for these documents."""
        ments = {c: [] for c in ("mention_id", "doc_key", "seq", "type", "mode", "status", "date_value", "date_start",
                                 "date_end", "location", "evidence", "evidence_start", "evidence_end", "trigger",
                                 "version", "lat", "lon", "geo_country", "admin1", "geonameid", "geo_precision")}
        from dateline.link import participant_key

        parts = {c: [] for c in ("mention_id", "role", "position", "name", "kind", "affiliation", "country", "sector",
                                 "link_key")}
        for key, r in keyed:
            for seq, e in enumerate(r.events):
                mid = f"{key}-{seq}"
                start, end = date_bounds(e.date.value if e.date else None)
                geo = e.geo
                row = (mid, key, seq, e.type, e.mode, e.status, e.date.value if e.date else None, start, end,
                       e.location, e.evidence.text, e.evidence.start, e.evidence.end, e.trigger, version,
                       geo["lat"], geo["lon"], geo["country"], geo["admin1"], geo["geonameid"], geo["precision"])
                for col, val in zip(ments, row, strict=True):
                    ments[col].append(val)
                for role, group in (("actor", e.actors), ("recipient", e.recipients)):
                    for pos, p in enumerate(group):
                        row = (mid, role, pos, p.name, p.kind, p.affiliation, p.country, p.sector,
                               participant_key(p.name, p.kind or "organization"))
                        for col, val in zip(parts, row, strict=True):
                            parts[col].append(val)
        return ments, parts

    def _insert(self, ments: dict, parts: dict, link: bool = False) -> None:
        """Insert mentions and participants (inside the caller's transaction). With ``link``
        (a store that is fully linked, new documents only) the new mentions are linked into
        the clusters at once (``_link_new``). Otherwise each new mention is its own cluster
        until the next relink, and the store records that a relink is owed, in the same
        transaction: a reader never sees a mention without a cluster, and a run killed before
        its relink leaves a state the next run (or ``serve``) finishes."""
        if ments["mention_id"]:
            provisional = [cluster_id(m) for m in ments["mention_id"]]
            self.con.execute("""
                INSERT INTO mentions (mention_id, doc_key, seq, type, mode, status, date_value, date_start,
                    date_end, location, evidence, evidence_start, evidence_end, trigger, extractor_version,
                    lat, lon, geo_country, admin1, geonameid, geo_precision, cluster_id)
                SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[]),
                       unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DATE[]),
                       unnest(?::DATE[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]),
                       unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),
                       unnest(?::DOUBLE[]), unnest(?::DOUBLE[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),
                       unnest(?::BIGINT[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])""",
                             [*ments.values(), provisional])
            if not link:
                self.con.execute("INSERT OR REPLACE INTO dateline_meta VALUES ('relink_owed', ?)",
                                 [dt.datetime.now(dt.UTC).isoformat(timespec="seconds")])
        if parts["mention_id"]:
            self.con.execute("""
                INSERT INTO participants (mention_id, role, position, name, kind, affiliation, country, sector,
                                          link_key)
                SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[]),
                       unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),
                       unnest(?::VARCHAR[])""",
                             list(parts.values()))
        if link and ments["mention_id"]:
            self._link_new(ments["mention_id"])

    def add(self, results: list[ExtractionResult], version: str = __version__, link: bool = True) -> IngestCounts:
        """Store extraction results in one transaction; documents already stored are skipped.

        With ``link`` (the default) the new mentions are linked into the store's clusters in
        the same transaction, as a full relink would link them, unless a relink is owed (an
        interrupted run, a reprocess): then, as without ``link``, they wait for ``relink``."""
        keyed = {}
        for r in results:
            keyed.setdefault(content_id(r.document.text), r)
        already = self.known(keyed)
        fresh = [(k, r) for k, r in keyed.items() if k not in already]
        docs = {c: [] for c in ("doc_key", "doc_id", "title", "published", "source", "text", "version")}
        for key, r in fresh:
            d = r.document
            for col, val in zip(docs, (key, d.doc_id, d.title, d.published, d.source, d.text, version), strict=True):
                docs[col].append(val)
        ments, parts = self._rows(fresh, version)
        try:
            self.con.execute("BEGIN")
            link = link and bool(ments["mention_id"]) and not self.relink_owed()
            if fresh:
                self.con.execute("""
                    INSERT INTO documents (doc_key, doc_id, title, published, source, text, extractor_version)
                    SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DATE[]),
                           unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])""", list(docs.values()))
            self._insert(ments, parts, link=link)
            self.con.execute("COMMIT")
        except duckdb.Error as err:
            self._rollback()
            raise StoreError(f"cannot write to '{self.path}': {first_line(err)}") from err
        return IngestCounts(len(fresh), len(already) + len(results) - len(keyed), len(ments["mention_id"]))

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    # ---- linking ------------------------------------------------------------
    def link_items(self) -> list[LinkItem]:
        return [item for item, _ in self._link_rows()]

    def _link_rows(self, where: str = "", params: list | None = None) -> list[tuple[LinkItem, str]]:
        """(link item, current cluster id) of the mentions ``where`` selects (all without it)."""
        rows = self.con.execute(f"""
            SELECT m.mention_id, d.doc_key, m.type, m.status, m.date_start, m.date_end, d.published, m.location,
                   m.cluster_id
            FROM mentions m JOIN documents d USING (doc_key) {where}""", params or []).fetchall()
        # the blocking keys of just those mentions (of all, for a full relink)
        keys = dict(self.con.execute(
            "SELECT mention_id, list(link_key) FROM participants "
            + ("WHERE mention_id IN (SELECT unnest(?::VARCHAR[])) " if where else "") + "GROUP BY mention_id",
            [[r[0] for r in rows]] if where else []).fetchall())
        return [(LinkItem(key=r[0], doc_id=r[1], type=r[2], status=r[3], start=r[4], end=r[5], published=r[6],
                          location=fold(r[7]) if r[7] else None, participants=frozenset(keys.get(r[0], ()))), r[8])
                for r in rows]

    def _link_new(self, mention_ids: list[str]) -> None:
        """Link just-inserted mentions into the store's clusters (inside the caller's
        transaction): only the old mentions of a new one's type within WINDOW_DAYS of its time
        anchor are read, with their stored blocking keys (``link_key``), and only clusters a new
        mention joins are rewritten. Gives the clusters a full ``relink`` would (the store must
        be fully linked before)."""
        from dateline.link import WINDOW_DAYS, add_days, link_incremental

        new = [item for item, _ in self._link_rows("WHERE m.mention_id IN (SELECT unnest(?::VARCHAR[]))",
                                                     [mention_ids])]
        if not new:
            return
        fresh = set(mention_ids)
        # each new mention's window: its type, its anchor +- WINDOW_DAYS (any time without an
        # anchor); the old mentions inside one, of which the linker pairs those of its blocks
        bounds = [(add_days(i.anchor, -WINDOW_DAYS), add_days(i.anchor, WINDOW_DAYS)) if i.anchor else (None, None)
                  for i in new]
        near = [r[0] for r in self.con.execute("""
            SELECT m.mention_id FROM mentions m JOIN documents d USING (doc_key)
            WHERE EXISTS (SELECT 1 FROM (SELECT unnest(?::VARCHAR[]) AS type, unnest(?::DATE[]) AS lo,
                                                unnest(?::DATE[]) AS hi) w
                          WHERE w.type = m.type
                            AND (coalesce(m.date_start, d.published) IS NULL
                                 OR coalesce(m.date_start, d.published) BETWEEN coalesce(w.lo, DATE '0001-01-01')
                                                                           AND coalesce(w.hi, DATE '9999-12-31')))""",
            [[i.type for i in new], [b[0] for b in bounds], [b[1] for b in bounds]]).fetchall() if r[0] not in fresh]
        old_rows = self._link_rows("WHERE m.mention_id IN (SELECT unnest(?::VARCHAR[]))", [near]) if near else []
        old = [item for item, _ in old_rows]
        old_cluster = {item.key: cid for item, cid in old_rows}
        touched = sorted(set(old_cluster.values()))
        first = dict(self.con.execute("""SELECT cluster_id, min(mention_id) FROM mentions
                                         WHERE cluster_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY 1""",
                                      [touched]).fetchall()) if touched else {}
        self._set_clusters(link_incremental(new, old, old_cluster, first))

    def _set_clusters(self, linked: tuple[dict[str, str], dict[str, str]]) -> None:
        """Write ``link_incremental``'s answer: the new mentions' clusters, the renamed old ones."""
        new_ids, renamed = linked
        self.con.execute("""UPDATE mentions SET cluster_id = n.cid
                            FROM (SELECT unnest(?::VARCHAR[]) AS mid, unnest(?::VARCHAR[]) AS cid) n
                            WHERE mentions.mention_id = n.mid AND mentions.cluster_id IS DISTINCT FROM n.cid""",
                         [list(new_ids), list(new_ids.values())])
        if renamed:
            self.con.execute("""UPDATE mentions SET cluster_id = r.cid
                                FROM (SELECT unnest(?::VARCHAR[]) AS old, unnest(?::VARCHAR[]) AS cid) r
                                WHERE mentions.cluster_id = r.old""", [list(renamed), list(renamed.values())])

    def relink_owed(self) -> bool:
        """True when mentions were stored (or replaced) after the last relink finished, or a
        mention has no cluster (a store written by an older version that was interrupted)."""
        return self.con.execute(
            "SELECT EXISTS (SELECT 1 FROM dateline_meta WHERE key = 'relink_owed') "
            "OR EXISTS (SELECT 1 FROM mentions WHERE cluster_id IS NULL)").fetchone()[0]

    def relink_if_owed(self) -> bool:
        """Relink the whole store when a relink is owed (``relink_owed``); True when it did."""
        owed = self.relink_owed()
        if owed:
            self.relink()
        return owed

    def relink(self) -> int:
        """Recompute every mention's cluster; returns the number of clusters. Clears the
        owed-relink mark in the same transaction."""
        clusters = link(self.link_items())
        ids, cids = list(clusters), list(clusters.values())
        try:
            self.con.execute("BEGIN")
            self.con.execute("DELETE FROM dateline_meta WHERE key = 'relink_owed'")
            self.con.execute("CREATE OR REPLACE TEMP TABLE new_clusters AS "
                             "SELECT unnest(?::VARCHAR[]) AS mention_id, unnest(?::VARCHAR[]) AS cluster_id", [ids, cids])
            self.con.execute("""UPDATE mentions SET cluster_id = n.cluster_id FROM new_clusters n
                                WHERE mentions.mention_id = n.mention_id
                                  AND mentions.cluster_id IS DISTINCT FROM n.cluster_id""")
            self.con.execute("DROP TABLE new_clusters")
            self.con.execute("COMMIT")
        except duckdb.Error as err:
            self._rollback()
            raise StoreError(f"cannot write to '{self.path}': {first_line(err)}") from err
        return len(set(cids))

    # ---- reading ------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        one = self.con.execute("""SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions),
                                         (SELECT count(DISTINCT cluster_id) FROM mentions)""").fetchone()
        return {"documents": one[0], "mentions": one[1], "clusters": one[2]}

    def events(self, actor: str | None = None, type: str | None = None, status: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None, cluster: str | None = None,
               text: str | None = None, doc_keys: list[str] | None = None, place: str | None = None,
               mention_id: str | None = None, limit: int = 100, offset: int = 0,
               machine: bool = False, country: str | None = None, sector: str | None = None,
               bbox: list[float] | None = None) -> list[dict]:
        """Mentions matching every given filter, newest first (event date, else publication).

        Reviews are applied (corrections replace fields, the review state is in ``review``,
        ``reviewed_by``, ``reviewed_at``, the machine values of corrected fields in ``machine``);
        ``machine=True`` gives the extractor's reading alone. ``country`` (ISO3) and ``sector``
        match any participant's code; ``bbox`` is [west, south, east, north] in degrees."""
        filters = dict(actor=actor, type=type, status=status, since=since, until=until, cluster=cluster, text=text,
                       place=place, mention_id=mention_id, doc_keys=doc_keys, country=country, sector=sector, bbox=bbox)
        order = EVENT_ORDER
        paged, by_names = self._paging(filters, machine)
        if paged:
            # the page's ids first, from the cheap columns; then only those rows whole
            sql, args = self._event_query(filters, machine, source=page_source, by_names=by_names)
            ids = [r[0] for r in self.con.execute(f"SELECT mention_id FROM ({sql + order})", args + [limit, offset]).fetchall()]
            if not ids:
                return []
            if by_names:
                rows = self._rows_by_ids(ids, machine)
            else:
                sql, args = self._event_query({"mention_ids": ids}, machine)
                found = {r["mention_id"]: r for r in self._dicts(sql, args)}
                rows = [found[i] for i in ids if i in found]
        else:
            sql, args = self._event_query(filters, machine)
            rows = self._dicts(sql + order, args + [limit, offset])
        return rows if machine else [overlay(r) for r in rows]

    def _rows_by_ids(self, ids: list[str], machine: bool) -> list[dict]:
        """Whole rows of these mentions, in this order, as ``event_source`` gives them on a
        store without reviews: two small indexed reads (the mentions with their documents,
        then their participants) instead of gathering the participants of every mention. On a
        shared read connection, rows already read while its opening lasts are not read again."""
        cache = self._row_cache
        if cache is not None:
            kept = {i: cache.get((machine, i)) for i in ids}
            missing = [i for i, row in kept.items() if row is None]
            fresh = {r["mention_id"]: r for r in self._read_rows_by_ids(missing, machine)} if missing else {}
            if len(cache) + len(fresh) > ROW_CACHE_MAX:
                cache.clear()
            for i, row in fresh.items():
                cache[(machine, i)] = row
            return [_copy_row(row) for i in ids if (row := kept.get(i) or fresh.get(i)) is not None]
        return self._read_rows_by_ids(ids, machine)

    def _read_rows_by_ids(self, ids: list[str], machine: bool) -> list[dict]:
        cur = self.con.execute(f"""
            SELECT {MENTION_HEAD}, {MENTION_TAIL} FROM mentions m JOIN documents d USING (doc_key)
            WHERE m.mention_id IN (SELECT unnest(?::VARCHAR[]))""", [ids])
        cols = [c[0] for c in cur.description]
        head = len(MENTION_HEAD.split(","))
        found = {r[0]: dict(zip(cols, r, strict=True)) for r in cur.fetchall()}
        lists: dict[str, dict[str, list]] = {}
        for mid, role, name, country, sector in self.con.execute("""
                SELECT mention_id, role, name, country, sector FROM participants
                WHERE mention_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY mention_id, position""", [ids]).fetchall():
            mine = lists.setdefault(mid, {})
            mine.setdefault(f"{role}s", []).append(name)
            mine.setdefault(f"{role}_countries", []).append(country)
            mine.setdefault(f"{role}_sectors", []).append(sector)
        rows = []
        for i in ids:
            row = found.get(i)
            if row is None:
                continue
            mine = lists.get(i, {})
            out = {c: row[c] for c in cols[:head]}
            out.update({c: mine.get(c) for c in PARTICIPANT_LISTS})  # NULL, as SQL's list(), when none
            out.update({c: row[c] for c in cols[head:]})
            if not machine:
                out.update(dict.fromkeys(REVIEW_COLUMNS + [f"machine_{f}" for f in CORRECTED]))
            rows.append(out)
        return rows

    def aggregate(self, by: str = "month", machine: bool = False, **filters) -> list[dict]:
        """Counts by dyad (actor country x recipient country), type and period (``by``: week or
        month, from the event date, else the publication date), over the mentions matching
        ``filters`` (as ``events``), rejected ones left out: ``mentions`` and ``events`` (distinct
        clusters). A mention counts once per pair of distinct countries it involves; a null
        country is an international or unknown participant, or no recipient."""
        if by not in ("week", "month"):
            raise ValueError("aggregate by 'week' or 'month'")
        sql, args = self._event_query(filters, machine)
        keep = "" if machine else "WHERE review IS DISTINCT FROM 'reject'"
        query = f"""
        WITH e AS (SELECT * FROM ({sql}) {keep}),
        a AS (SELECT mention_id, cluster_id, type, recipient_countries,
                     date_trunc('{by}', coalesce(date_start, published))::DATE AS period,
                     unnest(CASE WHEN len(list_distinct(actor_countries)) > 0 THEN list_distinct(actor_countries)
                                 ELSE [NULL::VARCHAR] END) AS actor_country
              FROM e),
        d AS (SELECT mention_id, cluster_id, type, period, actor_country,
                     unnest(CASE WHEN len(list_distinct(recipient_countries)) > 0 THEN list_distinct(recipient_countries)
                                 ELSE [NULL::VARCHAR] END) AS recipient_country
              FROM a)
        SELECT period, actor_country, recipient_country, type,
               count(DISTINCT mention_id) AS mentions, count(DISTINCT cluster_id) AS events
        FROM d GROUP BY ALL
        ORDER BY period NULLS LAST, actor_country NULLS LAST, recipient_country NULLS LAST, type"""
        return self._dicts(query, args)

    def facets(self, **filters) -> dict[str, list[tuple[str, int]]]:
        """Counts of the mentions matching ``filters`` (as ``events``, reviews applied) by type,
        status, month, country and sector (a mention counts once per distinct code), most first."""
        sql, args = self._event_query(filters, False)
        codes = "list_distinct(list_concat(coalesce(e.actor_{0}, []), coalesce(e.recipient_{0}, [])))"
        query = f"""
        WITH e AS MATERIALIZED ({sql})
        SELECT 'type' AS facet, type AS value, count(*) AS n FROM e GROUP BY ALL
        UNION ALL SELECT 'status', status, count(*) FROM e GROUP BY ALL
        UNION ALL SELECT 'month', strftime(coalesce(date_start, published), '%Y-%m'), count(*) FROM e GROUP BY ALL
        UNION ALL SELECT 'country', c, count(*) FROM (SELECT unnest({codes.format("countries")}) AS c FROM e) GROUP BY ALL
        UNION ALL SELECT 'sector', c, count(*) FROM (SELECT unnest({codes.format("sectors")}) AS c FROM e) GROUP BY ALL"""
        out: dict[str, list[tuple[str, int]]] = {k: [] for k in ("type", "status", "month", "country", "sector")}
        for facet, value, n in self.con.execute(query, args).fetchall():
            if value is not None:
                out[facet].append((value, n))
        for facet, values in out.items():
            values.sort(key=(lambda v: v[0]) if facet == "month" else (lambda v: (-v[1], v[0])))
        return out

    def per_week(self, **filters) -> list[dict]:
        """Mentions per week (the Monday, from the event date, else publication) and type."""
        sql, args = self._page_query(filters, False)
        return self._dicts(f"""
            SELECT strftime(date_trunc('week', coalesce(date_start, published)), '%Y-%m-%d') AS week, type,
                   count(*) AS events
            FROM ({sql}) WHERE coalesce(date_start, published) IS NOT NULL GROUP BY ALL ORDER BY week, type""", args)

    def places(self, **filters) -> list[dict]:
        """Geocoded places of the mentions matching ``filters``, with how many happened there."""
        sql, args = self._page_query(filters, False)
        return self._dicts(f"""
            SELECT any_value(location) AS place, geo_country AS country, geo_precision AS precision,
                   round(lat, 4) AS lat, round(lon, 4) AS lon, count(*) AS events
            FROM ({sql}) WHERE lat IS NOT NULL GROUP BY geo_country, geo_precision, round(lat, 4), round(lon, 4)
            ORDER BY events DESC, place""", args)

    def count_events(self, machine: bool = False, **filters) -> int:
        """How many mentions ``events`` would find with these filters, without a limit."""
        sql, args = self._page_query(filters, machine)
        return self.con.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]

    def _paging(self, filters: dict, machine: bool) -> tuple[bool, bool]:
        """(whether the page columns answer these filters, whether participant filters and
        rows may be read from the participants table: no correction can have changed names)."""
        given = {k for k, v in filters.items() if v is not None and v != ""}
        by_names = machine or not self.has_reviews()
        return given <= PAGE_FILTERS | (PARTICIPANT_FILTERS.keys() if by_names else set()), by_names

    def _page_query(self, filters: dict, machine: bool) -> tuple[str, list]:
        """As ``_event_query``, for readers that need only the page columns: from those when no
        participant has to be gathered for the filters, else from the whole rows."""
        paged, by_names = self._paging(filters, machine)
        return self._event_query(filters, machine, source=page_source if paged else event_source,
                                 by_names=by_names and paged)

    def has_reviews(self) -> bool:
        """Does the store hold any review decision? (Asked once per Store: without any, reads
        skip the review state entirely.)"""
        if self._reviews is None:
            self._reviews = self.con.execute(
                "SELECT EXISTS (SELECT 1 FROM reviews WHERE action IN ('confirm', 'reject', 'correct'))").fetchone()[0]
        return self._reviews

    def _event_query(self, filters: dict, machine: bool, source=event_source,
                     by_names: bool = False) -> tuple[str, list]:
        """The SQL and arguments of the mentions matching ``filters`` from ``source``;
        ``by_names``: participant filters read the participants table (``PARTICIPANT_FILTERS``)."""
        if filters.get("type"):
            filters = filters | {"type": filters["type"].upper()}
        given = {k: v for k, v in filters.items() if v is not None and v != ""}
        unknown = set(given) - set(EVENT_FILTERS)
        if unknown:
            raise TypeError(f"unknown event filters: {', '.join(sorted(unknown))}")
        pre = [k for k in given if k in MACHINE_FILTERS]
        post = [k for k in given if k not in MACHINE_FILTERS]
        inner_where = " WHERE " + " AND ".join(MACHINE_FILTERS[k] for k in pre) if pre else ""
        inner = source(inner_where, machine, machine or self.has_reviews())
        conditions = EVENT_FILTERS | PARTICIPANT_FILTERS if by_names else EVENT_FILTERS
        where = " WHERE " + " AND ".join(conditions[k] for k in post) if post else ""
        return f"SELECT * FROM ({inner}) e{where}", [given[k] for k in pre] + [given[k] for k in post]

    def documents(self, doc_keys: list[str]) -> dict[str, dict]:
        """Several documents by key in one query (doc_key -> row as ``document`` gives it)."""
        keys = list(dict.fromkeys(doc_keys))
        if not keys:
            return {}
        rows = self._dicts("SELECT doc_key, doc_id, title, published, source, text, extractor_version, ingested_at "
                           "FROM documents WHERE doc_key IN (SELECT unnest(?::VARCHAR[]))", [keys])
        return {r["doc_key"]: r for r in rows}

    def document(self, doc_key: str) -> dict | None:
        return self.documents([doc_key]).get(doc_key)

    def counterparts(self, actor: str) -> list[dict]:
        """Who an actor met, aided, accused...: per counterpart and type, events and dates
        (reviews applied; rejected mentions left out)."""
        match = "strip_accents(lower(name)) LIKE '%' || strip_accents(lower(?)) || '%'"
        if self.has_reviews():
            r = f"SELECT * FROM ({reviewed_select()}) WHERE review IS DISTINCT FROM 'reject'"
            p = ("SELECT mention_id, 'actor' AS role, unnest(actors) AS name FROM r "
                 "UNION ALL SELECT mention_id, 'recipient' AS role, unnest(recipients) AS name FROM r")
        else:  # the stored rows are what analysts see: read them directly
            r = ("SELECT m.mention_id, m.cluster_id, m.type, m.date_start, m.date_end, d.published "
                 "FROM mentions m JOIN documents d USING (doc_key)")
            p = "SELECT mention_id, role, name FROM participants"
        sql = f"""
        WITH r AS ({r}), p AS ({p}),
        mine AS (SELECT DISTINCT mention_id, role FROM p WHERE {match})
        SELECT p.name AS counterpart, r.type, mine.role AS as_role,
               count(DISTINCT r.cluster_id) AS events, count(*) AS reports,
               min(coalesce(r.date_start, r.published)) AS first, max(coalesce(r.date_end, r.published)) AS last
        FROM mine JOIN r USING (mention_id) JOIN p ON p.mention_id = r.mention_id
        WHERE NOT {match.replace("name", "p.name")}
        GROUP BY ALL ORDER BY events DESC, reports DESC, counterpart, r.type, as_role
        """
        return self._dicts(sql, [actor, actor])

    def plans(self, unrealised: bool = False) -> list[dict]:
        """Planned mentions, with whether their cluster has a report of the event happening."""
        sql = f"""
        WITH reviewed AS ({reviewed_select(reviews=self.has_reviews())}),
        planned AS (SELECT * FROM reviewed WHERE status = 'planned' AND review IS DISTINCT FROM 'reject'),
        realised AS (
            SELECT cluster_id, min(coalesce(date_start, published)) AS happened_on
            FROM reviewed WHERE status = 'occurred' AND review IS DISTINCT FROM 'reject' GROUP BY cluster_id
        )
        SELECT planned.*, realised.happened_on FROM planned LEFT JOIN realised USING (cluster_id)
        {"WHERE realised.cluster_id IS NULL" if unrealised else ""}
        ORDER BY coalesce(planned.date_start, planned.published) DESC NULLS LAST, planned.mention_id
        """
        return [overlay(r) for r in self._dicts(sql, [])]

    def query(self, sql: str, limit: int = 10_000) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(sql)
        cols = [c[0] for c in cur.description] if cur.description else []
        return cols, cur.fetchmany(limit)

    def _dicts(self, sql: str, args: list) -> list[dict]:
        cur = self.con.execute(sql, args)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    # ---- tokens and reviews ------------------------------------------------------
    def create_token(self, name: str) -> str:
        """A new write token for ``name``; only its hash is stored, the token is shown once."""
        token = "dl_" + secrets.token_urlsafe(32)
        try:
            self.con.execute("DELETE FROM tokens WHERE name = ? AND revoked_at IS NOT NULL", [name])
            self.con.execute("INSERT INTO tokens (name, token_hash) VALUES (?, ?)", [name, _hash(token)])
        except duckdb.ConstraintException as err:
            raise StoreError(f"a token named '{name}' exists; revoke it first") from err
        return token

    def revoke_token(self, name: str) -> bool:
        n = self.con.execute("UPDATE tokens SET revoked_at = current_timestamp WHERE name = ? AND revoked_at IS NULL "
                             "RETURNING name", [name]).fetchall()
        return bool(n)

    def tokens(self) -> list[dict]:
        return self._dicts("SELECT name, created_at, revoked_at FROM tokens ORDER BY name", [])

    def token_owner(self, token: str) -> str | None:
        """The name behind a valid (not revoked) token, else None."""
        if not token or len(token) > 200:
            return None
        row = self.con.execute("SELECT name FROM tokens WHERE token_hash = ? AND revoked_at IS NULL",
                               [_hash(token)]).fetchone()
        return row[0] if row else None

    def add_review(self, mention_id: str, reviewer: str, action: str, changes: dict | None = None,
                   note: str | None = None) -> dict:
        """Record a review decision; the machine's mention is never modified. Corrections are
        checked like the extractor's output (``CorrectionError`` names the field and reason)."""
        changes = validate_changes(action, changes)
        if note is not None and not isinstance(note, str):
            raise CorrectionError("note: must be a string")
        if not self.con.execute("SELECT 1 FROM mentions WHERE mention_id = ?", [mention_id]).fetchone():
            raise KeyError(mention_id)
        review_id = secrets.token_hex(8)
        self._reviews = self._any_reviews = None
        self.con.execute("INSERT INTO reviews (review_id, mention_id, reviewer, action, changes, note) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         [review_id, mention_id, reviewer, action, json.dumps(changes, ensure_ascii=False), note])
        return self._dicts("SELECT * FROM reviews WHERE review_id = ?", [review_id])[0]

    def any_reviews(self) -> bool:
        """Does the store hold any review at all (notes included)? Asked once per Store."""
        if self._any_reviews is None:
            self._any_reviews = self.con.execute("SELECT EXISTS (SELECT 1 FROM reviews)").fetchone()[0]
        return self._any_reviews

    def reviews_for(self, mention_ids: list[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {m: [] for m in mention_ids}
        if not mention_ids or not self.any_reviews():
            return out
        for r in self._dicts("SELECT * FROM reviews WHERE mention_id IN (SELECT unnest(?::VARCHAR[])) "
                             "ORDER BY created_at, review_id", [mention_ids]):
            try:
                r["changes"] = json.loads(r["changes"] or "{}")
            except ValueError:
                r["changes"] = {"unreadable": r["changes"]}  # written by an older version
            out[r["mention_id"]].append(r)
        return out

    def iter_events(self, batch: int = 5000, machine: bool = False) -> Iterator[dict]:
        """Every mention, reviews applied (``machine=True``: the extractor's reading alone)."""
        cur = self.con.execute(f"SELECT * FROM ({event_source(machine=machine)}) e ORDER BY e.doc_id, e.evidence_start, e.mention_id")
        cols = [c[0] for c in cur.description]
        while True:
            rows = cur.fetchmany(batch)
            if not rows:
                return
            for row in rows:
                item = dict(zip(cols, row, strict=True))
                yield item if machine else overlay(item)


def sql_string(value) -> str:
    """A SQL string literal, for the statements that take no parameters (COPY, EXPORT, IMPORT)."""
    return "'" + str(value).replace("'", "''") + "'"


def first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def with_reviews(event: dict, reviews: list[dict]) -> dict:
    """A reviewed event (from ``Store.events``) with its review history (for the pages)."""
    return event | {"reviews": reviews, "review_state": event.get("review")}
