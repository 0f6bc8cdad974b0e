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


def terminal_width(out: TextIO, default: int = 120) -> int:
    """The terminal's width when writing to one ($COLUMNS first), else ``default``."""
    import os
    import shutil

    if os.environ.get("COLUMNS", "").isdigit():
        return max(40, int(os.environ["COLUMNS"]))
    try:
        if out.isatty():
            return max(40, shutil.get_terminal_size((default, 24)).columns)
    except (AttributeError, ValueError, OSError):
        pass
    return default


# Short columns whose values are single words: never folded inside a word ("CONS ULT").
WORD_COLUMNS = {"type": 9, "status": 12, "mode": 12, "review": 7, "as_role": 9, "date": 10, "date_value": 10,
                "published": 10, "events": 6, "reports": 7}


def _add_column(table, name: str, ratio: int | None, min_width: int) -> None:
    """A word column keeps its words whole; the others share the width and fold."""
    if name in WORD_COLUMNS:
        table.add_column(name, no_wrap=True, min_width=WORD_COLUMNS[name], overflow="ellipsis")
    else:
        table.add_column(name, ratio=ratio, overflow="fold", min_width=min_width)


def write_table(results: Iterable[ExtractionResult], out: TextIO, width: int | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=width or terminal_width(out), force_terminal=False, soft_wrap=False)
    narrow = console.width < NARROW
    for r in results:
        d = r.document
        head = f"{(d.title or d.doc_id).replace('[', '(').replace(']', ')')}  [{d.published.isoformat() if d.published else 'date unknown'}]"
        events = r.to_dict()["events"]
        if narrow:  # one block per event: a table of eight columns does not fit
            console.print(Text(head, style="bold"))
            for ev in events:
                console.print(Text(" ".join(x for x in (ev["type"], ev["status"], ev["mode"], ev["date"],
                                                         ev["location"]) if x)))
                for label in ("actors", "recipients"):
                    if ev[label]:
                        console.print(Text(f"  {label}: {_names(ev[label])}"))
                console.print(Text(f"  “{ev['evidence'][:300]}”"))
            if not events:
                console.print(Text("  no events found"))
            console.print()
            continue
        table = Table(title=head, title_justify="left", show_lines=True, expand=True)
        for col, ratio in (("type", None), ("status", None), ("mode", None), ("actors", 3), ("recipients", 3),
                           ("date", None), ("location", 2), ("evidence", 6)):
            _add_column(table, col, ratio, len(col) + 2)
        for ev in events:
            # Article text is untrusted: Text() cells are never read as rich markup.
            cells = [ev["type"], ev["status"], ev["mode"] or "", _names(ev["actors"]),
                     _names(ev["recipients"]), ev["date"] or "", ev["location"] or "", ev["evidence"][:300]]
            table.add_row(*(Text(c) for c in cells))
        if not events:
            table.add_row("-", "", "", "no events found", "", "", "", "")
        console.print(table)


NARROW = 110  # columns: below this, tables print as one block per row


WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv, "table": write_table}


def cell_text(value) -> str:
    """A stored value as text: dates in ISO form, lists joined by "; " (an unknown entry of a
    list, like a participant without a country code, is "-"), nothing for None."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join("-" if v is None else cell_text(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def write_csv_rows(rows: Iterable[dict], columns: list[str], out: TextIO) -> int:
    """Store rows as CSV with a header, one line per row; how many rows."""
    writer = csv.writer(out)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([cell_text(row.get(c)) for c in columns])
        n += 1
    return n


def write_rows(rows: list[dict], columns: list[str], fmt: str, out: TextIO, title: str | None = None,
               width: int | None = None) -> None:
    """Query results (store rows) as a table, JSON Lines or CSV."""
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, default=cell_text) + "\n")
        return
    if fmt == "csv":
        write_csv_rows(rows, columns, out)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=width or terminal_width(out, 140), force_terminal=False, soft_wrap=False)
    if console.width < max(NARROW, 10 * len(columns)):  # one block per row, "column: value" lines
        if title:
            console.print(Text(title, style="bold"))
        for row in rows:
            console.print(Text("─" * min(console.width, 40)))
            for c in columns:
                value = cell_text(row.get(c))
                if value:
                    console.print(Text(f"{c}: {value[:400]}"))
        return
    table = Table(title=Text(title) if title else None, title_justify="left", show_lines=False, expand=True)
    wide = {"evidence": 6, "actors": 2, "recipients": 2, "counterpart": 3, "title": 3}
    for c in columns:
        _add_column(table, c, wide.get(c, 1), min(len(c), 12) + 2)
    for row in rows:
        table.add_row(*(Text(cell_text(row.get(c))[:400]) for c in columns))
    console.print(table)
