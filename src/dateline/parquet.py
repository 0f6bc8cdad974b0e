"""Spark extract output (Parquet, one row per document with its events) back into
``ExtractionResult``s, read with DuckDB, so that ``dateline ingest events.parquet``
stores what the cluster extracted without extracting again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb

from dateline.coding import Place, code_mention
from dateline.model import Document, EventMention, Evidence, ExtractionResult, Participant, TimeSpan
from dateline.store import first_line


def is_extraction_parquet(path: str) -> bool:
    p = Path(path)
    return p.suffix.lower() == ".parquet" or (p.is_dir() and any(p.glob("*.parquet")))


def _glob(path: str) -> str:
    p = Path(path)
    return str(p / "*.parquet") if p.is_dir() else str(p)


def read_extractions(path: str, batch: int = 256) -> Iterator[ExtractionResult]:
    con = duckdb.connect()
    try:
        cur = con.execute("SELECT doc_id, title, published, source, text, events FROM read_parquet(?)", [_glob(path)])
    except duckdb.Error as err:
        raise ValueError(f"'{path}' is not a dateline Spark output: {first_line(err)}") from err
    while True:
        rows = cur.fetchmany(batch)
        if not rows:
            break
        for doc_id, title, published, source, text, events in rows:
            doc = Document(doc_id=doc_id, text=text, title=title,
                           published=dt.date.fromisoformat(published) if published else None, source=source)
            mentions = tuple(_mention(doc_id, e) for e in sorted(events or [], key=lambda e: e["seq"]))
            yield ExtractionResult(document=doc, events=mentions)
    con.close()


def _participants(items) -> tuple[Participant, ...]:
    return tuple(Participant(p["name"], p["kind"], p["affiliation"], country=p.get("country"), sector=p.get("sector"))
                 for p in items or [])


def _mention(doc_id: str, e: dict) -> EventMention:
    mention = _read_mention(doc_id, e)
    if "geo" not in e:  # written by a version before the codes: code it as extraction does
        return code_mention(mention)
    geo = e["geo"]
    place = Place(geo["lat"], geo["lon"], geo["country"], geo["admin1"], geo["geonameid"], geo["precision"]) \
        if geo and geo.get("precision") else None
    return replace(mention, place=place)


def _read_mention(doc_id: str, e: dict) -> EventMention:
    return EventMention(
        doc_id=doc_id, type=e["type"], status=e["status"], actors=_participants(e["actors"]),
        recipients=_participants(e["recipients"]),
        evidence=Evidence(e["evidence"], e["evidence_start"], e["evidence_end"]),
        mode=e["mode"], date=TimeSpan(e["date"]) if e["date"] else None, location=e["location"],
        trigger=e["trigger"] or "")
