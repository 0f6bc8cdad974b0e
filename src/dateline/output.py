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
