"""Writers for extraction results: table, JSON Lines, JSON, CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from dateline.model import ExtractionResult

OUTPUT_FORMATS = ("table", "jsonl", "json", "csv")
CSV_FIELDS = ["doc_id", "type", "mode", "status", "actors", "recipients", "date", "location",
              "evidence", "evidence_start", "evidence_end", "trigger"]


def _names(parts: list[dict]) -> str:
    return "; ".join(p["name"] + (f" ({p['affiliation']})" if p.get("affiliation") else "") for p in parts)


def write_jsonl(results: Iterable[ExtractionResult], out: TextIO) -> None:
    for r in results:
        out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")


def write_json(results: Iterable[ExtractionResult], out: TextIO) -> None:
    json.dump([r.to_dict() for r in results], out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(results: Iterable[ExtractionResult], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for r in results:
        for ev in r.to_dict()["events"]:
            row = {k: ev.get(k) for k in CSV_FIELDS if k in ev}
            row["doc_id"] = r.document.doc_id
            row["actors"] = _names(ev["actors"])
            row["recipients"] = _names(ev["recipients"])
            writer.writerow(row)


def write_table(results: Iterable[ExtractionResult], out: TextIO, width: int = 120) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=width, force_terminal=False, soft_wrap=False)
    for r in results:
        d = r.document
        head = f"{(d.title or d.doc_id).replace('[', '(').replace(']', ')')}  [{d.published.isoformat() if d.published else 'date unknown'}]"
        table = Table(title=head, title_justify="left", show_lines=True, expand=True)
        for col, ratio in (("type", 1), ("status", 1), ("mode", 1), ("actors", 3), ("recipients", 3),
                           ("date", 2), ("location", 2), ("evidence", 6)):
            table.add_column(col, ratio=ratio, overflow="fold")
        for ev in r.to_dict()["events"]:
            # Article text is untrusted: Text() cells are never read as rich markup.
            cells = [ev["type"], ev["status"], ev["mode"] or "", _names(ev["actors"]),
                     _names(ev["recipients"]), ev["date"] or "", ev["location"] or "", ev["evidence"][:300]]
            table.add_row(*(Text(c) for c in cells))
        if not r.events:
            table.add_row("-", "", "", "no events found", "", "", "", "")
        console.print(table)


WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv, "table": write_table}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def write_rows(rows: list[dict], columns: list[str], fmt: str, out: TextIO, title: str | None = None,
               width: int = 140) -> None:
    """Query results (store rows) as a table, JSON Lines or CSV."""
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, default=_cell) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=width, force_terminal=False, soft_wrap=False)
    table = Table(title=Text(title) if title else None, title_justify="left", show_lines=False, expand=True)
    wide = {"evidence": 6, "actors": 2, "recipients": 2, "counterpart": 3, "title": 3}
    for c in columns:
        table.add_column(c, overflow="fold", ratio=wide.get(c, 1), min_width=len(c) if len(c) < 12 else 8)
    for row in rows:
        table.add_row(*(Text(_cell(row.get(c))[:400]) for c in columns))
    console.print(table)
