"""Exports of the event record: PLOVER JSON Lines, CSV and Parquet.

PLOVER has no status field; the mapping back to plain PLOVER is:

* a ``planned`` CONSULT (an announced meeting) becomes ``AGREE`` (an agreement
  to meet), with ``event_mode`` "consult";
* other ``planned`` and ``hypothetical`` events keep their type, with
  ``aux_mode`` "intended" or "hypothetical";
* ``negated`` events keep their type with ``negated: true`` (filter them out
  for counts of what happened);
* one record per actor-recipient pair, as in PLOVER's dyadic records; an
  event without a recipient gives one record with ``recipient`` null.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from dateline.output import write_csv_rows
from dateline.store import REVIEW_COLUMNS, Store


def plover_records(event: dict) -> list[dict]:
    etype, mode, status = event["type"], event["mode"], event["status"]
    aux = {"planned": "intended", "hypothetical": "hypothetical"}.get(status)
    if etype == "CONSULT" and status == "planned":
        etype, mode, aux = "AGREE", "consult", None
    base = {
        "event_id": event["mention_id"],
        "cluster_id": event["cluster_id"],
        "story_id": event["doc_id"],
        "story_date": event["published"].isoformat() if event["published"] else None,
        "event_date": event["date_value"],
        "event_type": etype,
        "event_mode": mode,
        "aux_mode": aux,
        "negated": status == "negated",
        "dateline_type": event["type"],
        "dateline_status": status,
        "location": event["location"],
        "lat": event.get("lat"),
        "lon": event.get("lon"),
        "geo_country": event.get("geo_country"),
        "admin1": event.get("admin1"),
        "geonameid": event.get("geonameid"),
        "geo_precision": event.get("geo_precision"),
        "event_text": event["evidence"],
        "source": event["source"],
        "review": event.get("review"),
        "reviewed_by": event.get("reviewed_by"),
        "reviewed_at": event["reviewed_at"].isoformat() if event.get("reviewed_at") else None,
    }
    actors = _coded(event, "actor") or [(None, None, None)]
    recipients = _coded(event, "recipient") or [(None, None, None)]
    return [base | {"actor": a, "actor_country": ac, "actor_sector": asec,
                    "recipient": r, "recipient_country": rc, "recipient_sector": rsec}
            for a, ac, asec in actors for r, rc, rsec in recipients]


def _coded(event: dict, role: str) -> list[tuple]:
    """(name, country, sector) of each actor or recipient of a stored event."""
    names = event[f"{role}s"] or []
    countries = event.get(f"{role}_countries") or [None] * len(names)
    sectors = event.get(f"{role}_sectors") or [None] * len(names)
    return list(zip(names, countries, sectors, strict=False))


def export_plover(store: Store, out: TextIO, machine: bool = False) -> int:
    n = 0
    for event in store.iter_events(machine=machine):
        for record in plover_records(event):
            if machine:
                for key in REVIEW_COLUMNS:
                    record.pop(key)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


CSV_COLUMNS = ["mention_id", "cluster_id", "doc_id", "published", "type", "mode", "status", "actors", "recipients",
               "date_value", "location", "evidence", "evidence_start", "evidence_end", "source",
               "actor_countries", "actor_sectors", "recipient_countries", "recipient_sectors",
               "lat", "lon", "geo_country", "admin1", "geonameid", "geo_precision"]


def export_csv(store: Store, out: TextIO, machine: bool = False) -> int:
    """One row per mention, reviews applied and their state in the last columns
    (``machine=True``: the extractor's reading alone, without review columns)."""
    columns = CSV_COLUMNS + ([] if machine else REVIEW_COLUMNS)
    return write_csv_rows(store.iter_events(machine=machine), columns, out)


def export_parquet(store: Store, path: Path, machine: bool = False) -> int:
    """Reviewed values (machine values of corrected fields in ``machine_<field>``), or the
    machine's reading alone."""
    from dateline.store import event_source, sql_string

    store.con.execute(f"COPY (SELECT * FROM ({event_source(machine=machine)}) e ORDER BY e.doc_id, e.evidence_start, e.mention_id) "
                      f"TO {sql_string(path)} (FORMAT parquet)")
    return store.con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]
