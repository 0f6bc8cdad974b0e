"""Commands over the event record: ingest, events, actors, plans, export, sql."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from dateline.cli import InputFormat, _parse_published, app, fail, warn
from dateline.coding import SECTORS, parse_bbox
from dateline.ingest import DEFAULT_MAX_BYTES, InputError, Problem, read_inputs
from dateline.model import EVENT_TYPES, STATUSES, content_id

DbOption = Annotated[Path | None, typer.Option(
    "--db", metavar="FILE", help="The store (a DuckDB file). Default: $DATELINE_DB, else ~/.local/share/dateline/dateline.duckdb.")]

EVENT_COLUMNS = ["cluster_id", "type", "status", "mode", "actors", "recipients", "date_value", "location",
                 "doc_id", "published", "evidence"]


FORMAT_HELP = "table (fits the terminal), jsonl (one JSON object a line) or csv."


class RowFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(str, Enum):
    plover_json = "plover-json"
    csv = "csv"
    parquet = "parquet"


def _db(db: Path | None) -> Path:
    from dateline.store import default_db_path

    return db or default_db_path()


def _open(db: Path | None, read_only: bool = False, **config):
    from dateline.store import StoreError, open_store

    try:
        return open_store(_db(db), read_only=read_only, **config)
    except StoreError as err:
        fail(str(err))


def _month_or_day(value: str | None, name: str, end: bool = False) -> dt.date | None:
    """--since 2021-01 or 2021-01-15 (a month means its first day, or its last for --until)."""
    if value is None:
        return None
    from dateline.link import day_filter

    try:
        start, stop = day_filter(value)
    except ValueError as err:
        fail(f"{name} {err}")
    return stop if end else start


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@app.command()
def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(metavar="INPUT...", help="Files or directories (text, HTML, JSONL, CSV); '-' reads stdin.")] = None,
    db: DbOption = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", metavar="URL", help="An RSS/Atom feed URL: fetch its new items' pages (repeatable).")] = None,
    input_format: Annotated[InputFormat, typer.Option("--input-format", help="Override format sniffing.")] = InputFormat.auto,
    published: Annotated[str | None, typer.Option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", metavar="BYTES", help="Skip documents (and feed pages) larger than this.", min=1)] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option("--batch-size", metavar="N", help="Documents per transaction.", min=1, max=10_000)] = 32,
    processes: Annotated[int | None, typer.Option("--processes", "-p", metavar="N", help="spaCy worker processes (default: the cores available, at most 8; one pool for the whole run).", min=1, max=64)] = None,
    timeout: Annotated[float, typer.Option("--timeout", metavar="SECONDS", help="Seconds a feed or page fetch may take in all (redirects and a slow server included).", min=1, max=300)] = 20.0,
    allow_private_addresses: Annotated[bool, typer.Option("--allow-private-addresses", help="Let --feed fetch from loopback, private and link-local addresses (refused by default: a feed must not reach into this machine's network).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Extract events from articles, store them and link reports of the same event.

    Idempotent: a document is identified by a hash of its normalised text, so
    ingesting the same file twice stores nothing new. Each batch of documents is
    written in one transaction: an interrupted run keeps every finished batch, and
    re-running it completes the rest without duplicates.

    Example: dateline ingest ./articles/ --db research.duckdb
    """
    from dateline.ingest.feed import read_feed
    from dateline.nlp import ModelMissing, build
    from dateline.pipeline import extract_documents
    from dateline.store import StoreError

    if not inputs and not feed:
        fail("give files, directories, '-' or --feed URL")
    _open(db).close()  # fail early on a foreign or corrupt file; creates the schema
    problems: list[Problem] = []

    def stored_links(urls):
        with _open(db) as store:
            return store.known_sources(urls)

    from dateline.parquet import is_extraction_parquet, read_extractions

    spark_outputs = [i for i in inputs or [] if is_extraction_parquet(i)]
    inputs = [i for i in inputs or [] if i not in spark_outputs]

    def documents():
        try:
            if inputs:
                yield from read_inputs(inputs, input_format.value, max_bytes, _parse_published(published))
            for url in feed or []:
                yield from read_feed(url, max_bytes, skip=stored_links, timeout=timeout,
                                     allow_private=allow_private_addresses)
        except InputError as err:
            fail(str(err))

    try:
        nlp = build()
    except ModelMissing as err:
        fail(str(err))
    progress = None
    if not quiet:
        from tqdm import tqdm

        from dateline.ingest import estimate_documents

        total = estimate_documents(inputs or [], input_format.value) if inputs and not feed and not spark_outputs else None
        progress = tqdm(total=total, unit="doc", desc="ingesting", file=sys.stderr, disable=None)
    new_docs = already = mentions = 0
    for path in spark_outputs:  # Spark's extract output: store its events as they are
        try:
            for batch in _batches(read_extractions(path), batch_size):
                with _open(db) as store:
                    counts = store.add(batch)
                new_docs, mentions = new_docs + counts.documents, mentions + counts.mentions
                already += len(batch) - counts.documents
                if progress is not None:
                    progress.update(len(batch))
        except (ValueError, StoreError) as err:
            fail(str(err))
    # The store is opened per batch and only for its transaction, so that the web
    # server (or another ingest) can read and write between batches. Documents already
    # stored are dropped before extraction; the rest flow through one extraction (one
    # worker pool for the whole run) and are stored batch by batch.
    from dateline.pipeline import default_processes

    seen_stored = 0

    def unknown_documents():
        nonlocal seen_stored
        stream = (d for d in documents()
                  if not (isinstance(d, Problem) and (problems.append(d) or warn(str(d)) or True)))
        for batch in _batches(stream, batch_size):
            keys = [content_id(d.text) for d in batch]
            with _open(db) as store:
                known = store.known(keys)
            todo = [d for d, key in zip(batch, keys, strict=True) if key not in known]
            seen_stored += len(batch) - len(todo)
            if progress is not None:
                progress.update(len(batch) - len(todo))
            yield from todo

    try:
        results = extract_documents(unknown_documents(), nlp, n_process=processes or default_processes())
        for batch in _batches(results, batch_size):
            with _open(db) as store:
                counts = store.add(batch)
            new_docs += counts.documents
            mentions += counts.mentions
            already += len(batch) - counts.documents
            if progress is not None:
                progress.update(len(batch))
        already += seen_stored
        with _open(db) as store:
            # batches were linked as they were stored; a full relink only when one is owed
            # (a store an interrupted run or a reprocess left unlinked)
            owed = store.relink_if_owed()
            totals = store.counts()
    except StoreError as err:
        fail(str(err))
    finally:
        if progress is not None:
            progress.close()
    if not quiet:
        skipped = sum(p.skipped for p in problems)
        typer.echo(f"dateline: {new_docs} new documents, {already} already stored"
                   + (f", {skipped} skipped" if skipped else "")
                   + f"; {mentions} new event mentions. Store {_db(db)}: {totals['documents']} documents, "
                   f"{totals['mentions']} mentions, {totals['clusters']} events.", err=True)
        if new_docs == 0 and already:
            typer.echo("dateline: nothing new; " + ("finished the linking an interrupted run left undone."
                                                     if owed else "the store is unchanged."), err=True)
    raise typer.Exit(1 if any(p.skipped for p in problems) else 0)


@app.command()
def reprocess(
    db: DbOption = None,
    only_older: Annotated[bool, typer.Option("--only-older", help="Only documents extracted by another dateline version.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", metavar="N", help="Documents per transaction.", min=1, max=10_000)] = 32,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Re-extract stored documents with this version of the extractor, then relink.

    Each batch's old mentions are swapped for the new ones in one transaction, so an
    interrupted run leaves every document with one complete set of mentions; with
    --only-older a re-run continues where it stopped.

    Example: dateline reprocess --only-older
    """
    from dateline.nlp import ModelMissing, build
    from dateline.pipeline import extract_documents
    from dateline.store import StoreError

    try:
        nlp = build()
    except ModelMissing as err:
        fail(str(err))
    done = mentions = 0
    with _open(db) as store:
        total = store.reprocess_count(only_older)
    progress = None
    if not quiet:
        from tqdm import tqdm

        progress = tqdm(total=total, unit="doc", desc="reprocessing", file=sys.stderr, disable=None)
    # Like ingest, the store is held only for each batch's read and its swap transaction, so the
    # server and other writers get their turn; extraction runs with the store closed.
    after = ""
    try:
        while True:
            with _open(db) as store:
                batch = store.documents_after(after, only_older, limit=batch_size)
            if not batch:
                break
            results = list(extract_documents([d for _, d in batch], nlp))
            with _open(db) as store:
                mentions += store.replace([(k, r) for (k, _), r in zip(batch, results, strict=True)])
            done += len(batch)
            after = batch[-1][0]
            if progress is not None:
                progress.update(len(batch))
        with _open(db) as store:
            clusters = store.relink() if done or store.relink_owed() else store.counts()["clusters"]
    except StoreError as err:
        fail(str(err))
    finally:
        if progress is not None:
            progress.close()
    if not quiet:
        typer.echo(f"dateline: reprocessed {done} documents: {mentions} event mentions, {clusters} events.", err=True)


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option("--actor", "-a", metavar="NAME", help="A participant's name or part of it (accents ignored).")] = None,
    type: Annotated[str | None, typer.Option("--type", "-t", metavar="TYPE", help="PLOVER type, e.g. CONSULT.")] = None,
    status: Annotated[str | None, typer.Option("--status", "-s", metavar="STATUS", help="occurred, planned, hypothetical or negated.")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", help="On or after: 2021, 2021-01 or 2021-01-15.")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE", help="On or before: 2021, 2021-12 or 2021-12-31.")] = None,
    cluster: Annotated[str | None, typer.Option("--cluster", "-c", metavar="ID", help="Every report of one real-world event.")] = None,
    text: Annotated[str | None, typer.Option("--text", metavar="WORDS", help="Words in the evidence sentence.")] = None,
    country: Annotated[str | None, typer.Option("--country", metavar="ISO3", help="A participant acting for this country (ISO 3166 alpha-3, e.g. RUS).")] = None,
    sector: Annotated[str | None, typer.Option("--sector", metavar="SECTOR", help="A participant of this sector: " + ", ".join(SECTORS) + ".")] = None,
    bbox: Annotated[str | None, typer.Option("--bbox", metavar="W,S,E,N", help="The place inside this box of longitudes and latitudes, e.g. 22,44,40,53.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", min=1, max=100_000,
                                       help="Show at most N mentions.")] = 50,
    offset: Annotated[int, typer.Option("--offset", metavar="N", min=0,
                                        help="Skip the first N matches (for the next page).")] = 0,
    format: Annotated[RowFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = RowFormat.table,
    machine: Annotated[bool, typer.Option("--machine", help="The extractor's reading alone (reviews not applied).")] = False,
) -> None:
    """Search stored event mentions (newest first); each carries its cluster id.

    Analysts' reviews are applied (the review, reviewed_by and reviewed_at columns say which).

    Example: dateline events --actor Putin --type CONSULT --since 2021-01 --status planned
    """
    checked = _checked_filters(type, status, since, until, country, sector)
    try:
        box = parse_bbox(bbox) if bbox else None
    except ValueError as e:
        fail(f"--bbox: {e}")
    from dateline.output import write_rows
    from dateline.store import REVIEW_COLUMNS

    with _open(db, read_only=True) as store:
        filters = checked | dict(actor=actor, cluster=cluster, text=text, bbox=box)
        rows = store.events(**filters, limit=limit, offset=offset, machine=machine)
        total = store.count_events(machine=machine, **filters) if format is RowFormat.table else len(rows)
    shown = f"{offset + 1}-{offset + len(rows)}" if offset and rows else f"{len(rows)}"
    write_rows(rows, EVENT_COLUMNS + ([] if machine else REVIEW_COLUMNS), format.value, sys.stdout,
               title=f"{shown} of {total} event mentions" + (" (next page: --offset "
                                                            f"{offset + len(rows)})" if offset + len(rows) < total else ""))


def _checked_filters(type: str | None, status: str | None, since: str | None, until: str | None,
                    country: str | None, sector: str | None = None) -> dict:
    """The store filters the CLI's filter options give, or exit 2 naming the option that is wrong."""
    if type and type.upper() not in EVENT_TYPES:
        fail(f"--type must be one of {', '.join(EVENT_TYPES)}")
    if status and status not in STATUSES:
        fail(f"--status must be one of {', '.join(STATUSES)}")
    since_d, until_d = _month_or_day(since, "--since"), _month_or_day(until, "--until", end=True)
    if country and not re.fullmatch(r"[A-Za-z]{3}", country):
        fail("--country takes an ISO 3166 alpha-3 code, e.g. RUS or USA")
    if sector and sector.upper() not in SECTORS:
        fail(f"--sector must be one of {', '.join(SECTORS)}")
    return dict(type=type, status=status, since=since_d, until=until_d, country=country, sector=sector)


@app.command()
def actors(
    name: Annotated[str, typer.Argument(metavar="NAME", help="An actor's name or part of it, e.g. 'Putin' or 'ICRC'.")],
    db: DbOption = None,
    format: Annotated[RowFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = RowFormat.table,
) -> None:
    """Who an actor met, aided, accused...: counterparts per event type, with counts and first/last dates.

    Example: dateline actors "Volker Turk"
    """
    from dateline.output import write_rows
    from dateline.resolve.kb import knowledge_base

    kb = knowledge_base()
    query = kb.org(name) or kb.person(name) or kb.country(name) or name
    with _open(db, read_only=True) as store:
        rows = store.counterparts(query)
    if not rows:
        warn(f"no stored events with a participant matching '{query}'")
    write_rows(rows, ["counterpart", "type", "as_role", "events", "reports", "first", "last"], format.value,
               sys.stdout, title=f"{query}: counterparts ('as_role' is {query}'s role)")


@app.command()
def plans(
    db: DbOption = None,
    unrealised: Annotated[bool, typer.Option("--unrealised", help="Only plans with no later report of the event happening.")] = False,
    format: Annotated[RowFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = RowFormat.table,
) -> None:
    """Announced events, and whether a report of them happening was stored (same cluster, status occurred).

    Example: dateline plans --unrealised -f csv
    """
    from dateline.output import write_rows

    with _open(db, read_only=True) as store:
        rows = store.plans(unrealised=unrealised)
    write_rows(rows, ["cluster_id", "type", "actors", "recipients", "date_value", "published", "happened_on",
                      "doc_id", "evidence"], format.value, sys.stdout,
               title=f"{len(rows)} {'unrealised ' if unrealised else ''}plans")


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", metavar="FORMAT",
                                                 help="plover-json (JSON Lines), csv or parquet.")],
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE",
                                        help="File to write; '-' writes to standard output (not parquet).")],
    machine: Annotated[bool, typer.Option("--machine", help="The extractor's reading alone: reviews not applied, "
                                                           "no review columns.")] = False,
    db: DbOption = None,
) -> None:
    """Export every stored mention, with analysts' reviews applied (review, reviewed_by and
    reviewed_at columns). plover-json maps back to plain PLOVER (see README).

    Example: dateline export -f csv -o - | head
    """
    from dateline.export import export_csv, export_parquet, export_plover
    from dateline.store import StoreError

    to_stdout = output == "-"
    if to_stdout and format is ExportFormat.parquet:
        fail("parquet is a binary file format; give a file name with -o, not '-'")
    with _open(db, read_only=True) as store:
        try:
            if format is ExportFormat.parquet:
                n = export_parquet(store, Path(output), machine=machine)
            else:
                writer = export_csv if format is ExportFormat.csv else export_plover
                if to_stdout:
                    n = writer(store, sys.stdout, machine=machine)
                    sys.stdout.flush()
                else:
                    with open(output, "w", encoding="utf-8", newline="") as out:
                        n = writer(store, out, machine=machine)
        except (OSError, StoreError) as err:
            fail(f"cannot write '{output}': {getattr(err, 'strerror', None) or err}")
    typer.echo(f"dateline: wrote {n} records to {'standard output' if to_stdout else output}", err=True)


class AggregateFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    json = "json"


@app.command()
def aggregate(
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE",
                                        help="File to write; '-' writes to standard output (not parquet).")] = "-",
    format: Annotated[AggregateFormat, typer.Option("--format", "-f", help="csv, parquet or json (one JSON array).")] = AggregateFormat.csv,
    by: Annotated[str, typer.Option("--by", metavar="PERIOD", help="week or month (from the event date, else publication).")] = "month",
    type: Annotated[str | None, typer.Option("--type", "-t", metavar="TYPE", help="Only this PLOVER type.")] = None,
    status: Annotated[str | None, typer.Option("--status", "-s", metavar="STATUS", help="Only this status (e.g. occurred).")] = None,
    country: Annotated[str | None, typer.Option("--country", metavar="ISO3", help="Only events with a participant of this country.")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", help="On or after: 2021, 2021-01 or 2021-01-15.")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE", help="On or before: 2021, 2021-12 or 2021-12-31.")] = None,
    machine: Annotated[bool, typer.Option("--machine", help="The extractor's reading alone (reviews not applied).")] = False,
    db: DbOption = None,
) -> None:
    """Count events by dyad (actor country x recipient country), type and week or month.

    Reviews are applied and rejected mentions left out. One row per period, dyad and type with
    `mentions` (reports) and `events` (distinct clusters); a mention counts once for each pair of
    distinct countries it involves; an empty country is an international or unknown participant,
    or no recipient.

    Example: dateline aggregate --by month --status occurred -f parquet -o dyads.parquet
    """
    if by not in ("week", "month"):
        fail("--by must be week or month")
    checked = _checked_filters(type, status, since, until, country)
    if output == "-" and format is AggregateFormat.parquet:
        fail("parquet is a binary file format; give a file name with -o, not '-'")
    from dateline.output import cell_text, write_csv_rows
    from dateline.store import AGGREGATE_COLUMNS, sql_string

    with _open(db, read_only=True) as store:
        rows = store.aggregate(by=by, machine=machine, **checked)
    try:
        if format is AggregateFormat.parquet:  # the rows through an in-memory DuckDB (COPY takes no parameters)
            import duckdb

            con = duckdb.connect()
            con.execute("CREATE TABLE a (period DATE, actor_country VARCHAR, recipient_country VARCHAR, type VARCHAR, "
                        "mentions BIGINT, events BIGINT)")
            if rows:
                con.executemany("INSERT INTO a VALUES (?, ?, ?, ?, ?, ?)", [[r[c] for c in AGGREGATE_COLUMNS] for r in rows])
            con.execute(f"COPY a TO {sql_string(output)} (FORMAT parquet)")
            con.close()
        else:
            out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
            try:
                if format is AggregateFormat.json:
                    json.dump(rows, out, ensure_ascii=False, indent=1, default=cell_text)
                    out.write("\n")
                else:
                    write_csv_rows(rows, AGGREGATE_COLUMNS, out)
            finally:
                if out is not sys.stdout:
                    out.close()
    except OSError as err:
        fail(f"cannot write '{output}': {err.strerror or err}")
    typer.echo(f"dateline: {len(rows)} rows (period x dyad x type) to "
               f"{'standard output' if output == '-' else output}", err=True)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="A SQL query over the tables documents, mentions, participants and the view clusters.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", min=1, max=1_000_000,
                                       help="Print at most N rows.")] = 1000,
    format: Annotated[RowFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = RowFormat.table,
    timeout: Annotated[float, typer.Option("--timeout", metavar="SECONDS", min=0.1, max=86_400,
                                           help="Stop the query after this long (the store is locked for writers while it runs).")] = 30.0,
) -> None:
    """Run read-only SQL over the store (the file is opened read-only; files outside it are off limits).

    While a query runs, ingest and the server's writes wait for it; --timeout (30 s)
    stops a query that runs longer.

    Example: dateline sql "select type, count(*) from mentions group by type"
    """
    import threading

    import duckdb

    from dateline.output import write_rows
    from dateline.store import first_line

    with _open(db, read_only=True, external_access=False) as store:
        outcome: dict = {}

        def run_query() -> None:
            try:
                outcome["rows"] = store.query(query, limit)
            except duckdb.Error as err:
                outcome["error"] = err

        worker = threading.Thread(target=run_query, daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            store.con.interrupt()
            worker.join(30)
            fail(f"the query ran for {timeout:g} s and was stopped (--timeout SECONDS allows longer)", code=1)
        if "error" in outcome:
            fail(f"SQL error: {first_line(outcome['error'])}", code=1)
        columns, rows = outcome["rows"]
    write_rows([dict(zip(columns, r, strict=True)) for r in rows], columns, format.value, sys.stdout)


token_app = typer.Typer(help="Write tokens for the HTTP API and the web review (stored hashed).", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(name: Annotated[str, typer.Argument(metavar="NAME", help="Who the token is for (shown in review records).")],
                 db: DbOption = None) -> None:
    """Create a token; it is printed once and only its hash is stored.

    Example: dateline token create ana
    """
    from dateline.store import StoreError

    if not name.strip() or len(name) > 100:
        fail("a token name is 1 to 100 characters")
    with _open(db) as store:
        try:
            token = store.create_token(name.strip())
        except StoreError as err:
            fail(str(err))
    typer.echo(token)
    typer.echo(f"dateline: token for '{name}' created; it is not shown again.", err=True)


@token_app.command("revoke")
def token_revoke(name: Annotated[str, typer.Argument(metavar="NAME", help="The token's name (see 'dateline token list').")], db: DbOption = None) -> None:
    """Revoke a token at once.

    Example: dateline token revoke ana
    """
    with _open(db) as store:
        if not store.revoke_token(name):
            fail(f"no active token named '{name}'", code=1)
    typer.echo(f"dateline: token '{name}' revoked.", err=True)


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """Token names, when they were made and revoked (never the tokens).

    Example: dateline token list
    """
    from dateline.output import write_rows

    with _open(db, read_only=True) as store:
        write_rows(store.tokens(), ["name", "created_at", "revoked_at"], "table", sys.stdout)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", metavar="ADDRESS", help="Interface to bind. Keep 127.0.0.1 behind a reverse proxy.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", min=1, max=65535, help="TCP port to listen on.")] = 8000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No access log (one line per request on stderr).")] = False,
    request_timeout: Annotated[float, typer.Option("--request-timeout", metavar="SECONDS", min=0.5, max=3600,
                                                   help="Time a client has to send a whole request (headers and body); slower clients get 408 and are disconnected.")] = 15.0,
    secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Mark the session cookie Secure although this server speaks plain HTTP: use it behind a reverse proxy that terminates TLS.")] = False,
) -> None:
    """Serve the web interface and the HTTP API (OpenAPI docs at /docs).

    Binds to 127.0.0.1 by default. To publish it, keep that and put a reverse proxy
    (nginx, Caddy) with TLS in front, forwarding to this port, and add --secure-cookies.
    Logs one line per request (uvicorn's access log, on stdout) unless --quiet.

    Example: dateline serve --db research.duckdb --port 8080
    """
    import uvicorn

    from dateline.store import StoreError
    from dateline.web import create_app
    from dateline.web.security import DeadlineH11Protocol

    path = _db(db)
    with _open(db) as store:  # create or upgrade the store, and refuse foreign files, before serving
        if store.relink_owed():  # an ingest or reprocess was killed before it linked
            typer.echo("dateline: finishing the linking an interrupted run left undone ...", err=True)
            try:
                store.relink()
            except StoreError as err:
                fail(str(err))
    typer.echo(f"dateline: serving {path} at http://{host}:{port}/ (API docs at /docs)", err=True)
    protocol = type("Protocol", (DeadlineH11Protocol,), {"request_timeout": request_timeout})
    uvicorn.run(create_app(path, secure_cookies=secure_cookies), host=host, port=port, log_level="info",
                access_log=not quiet, timeout_keep_alive=5, http=protocol)


spark_app = typer.Typer(help="Run extraction and linking on Apache Spark (same code as the local path).",
                        no_args_is_help=True)
app.add_typer(spark_app, name="spark")


@spark_app.command("extract")
def spark_extract(
    input: Annotated[str, typer.Argument(metavar="INPUT", help="Documents: JSON Lines, CSV or Parquet with a 'text' column (any Spark path).")],
    out: Annotated[str, typer.Option("--out", metavar="PATH", help="Parquet output (one row per document with its events).")],
    master: Annotated[str | None, typer.Option("--master", metavar="URL", help="Spark master, e.g. local[4]; default: local[*] unless spark-submit sets one.")] = None,
    partitions: Annotated[int | None, typer.Option("--partitions", metavar="N", min=1,
                                                   help="Spark partitions of the input (default: Spark's own).")] = None,
) -> None:
    """Extract events from a corpus on Spark (mapInPandas over the local pipeline).

    Example: dateline spark extract articles.jsonl --out events.parquet --master "local[2]"
    """
    from dateline.spark import main as spark_main

    raise typer.Exit(spark_main(["extract", input, "--out", out, "--master", master or "local[*]"]
                                + (["--partitions", str(partitions)] if partitions else [])))


@spark_app.command("link")
def spark_link(
    input: Annotated[str, typer.Argument(metavar="INPUT", help="The output of 'dateline spark extract'.")],
    out: Annotated[str, typer.Option("--out", metavar="PATH", help="Parquet output: key, doc_id, seq, cluster_id.")],
    master: Annotated[str | None, typer.Option("--master", metavar="URL", help="Spark master, e.g. local[4]; default: local[*].")] = None,
) -> None:
    """Link mentions across documents on Spark (same blocking and rules as the local linker).

    Example: dateline spark link events.parquet --out clusters.parquet
    """
    from dateline.spark import main as spark_main

    raise typer.Exit(spark_main(["link", input, "--out", out, "--master", master or "local[*]"]))


@app.command()
def backup(
    target: Annotated[Path, typer.Argument(metavar="TARGET", help="A new directory for the backup (Parquet files plus schema).")],
    db: DbOption = None,
) -> None:
    """Back up the store with DuckDB's EXPORT DATABASE (reads the store; writes only TARGET).

    Example: dateline backup ./backup-2026-12-02
    """
    import duckdb

    from dateline.store import first_line, sql_string

    if target.exists() and any(target.iterdir()):
        fail(f"'{target}' exists and is not empty; choose a new directory")
    with _open(db, read_only=True) as store:
        try:
            store.con.execute(f"EXPORT DATABASE {sql_string(target)} (FORMAT parquet)")
        except duckdb.Error as err:
            fail(f"cannot back up to '{target}': {first_line(err)}")
    typer.echo(f"dateline: backed up {_db(db)} to {target}", err=True)


@app.command()
def restore(
    source: Annotated[Path, typer.Argument(metavar="SOURCE", help="A directory made by 'dateline backup'.")],
    db: DbOption = None,
) -> None:
    """Restore a backup into a new store file (never over an existing one).

    Example: dateline restore ./backup-2026-12-02 --db restored.duckdb
    """
    import duckdb

    from dateline.store import first_line, sql_string

    path = _db(db)
    if path.exists():
        fail(f"'{path}' exists; restore into a new file (--db) and move it into place")
    if not (source / "schema.sql").is_file():
        fail(f"'{source}' is not a dateline backup (no schema.sql)")
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute(f"IMPORT DATABASE {sql_string(source)}")
    except duckdb.Error as err:
        con.close()
        path.unlink(missing_ok=True)
        fail(f"cannot restore from '{source}': {first_line(err)}")
    con.close()
    with _open(path) as store:  # checks it is a dateline store of a readable schema
        counts = store.counts()
    typer.echo(f"dateline: restored {counts['documents']} documents, {counts['mentions']} mentions into {path}",
               err=True)
