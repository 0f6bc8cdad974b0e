"""Readers: each turns one input (file, directory, stdin) into Documents.

``read_inputs`` sniffs the format unless told; every problem with one
document becomes a ``Problem`` (reported, the rest goes on), never an
exception that stops the batch.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.ingest.dates import in_range, out_of_range_message, parse_date
from dateline.ingest.decode import decode_bytes, garbled, looks_binary
from dateline.ingest.html import document_from_html
from dateline.model import Document
from dateline.resolve.time import find_dateline_date, lead_date

FORMATS = ("auto", "text", "html", "jsonl", "csv")
DEFAULT_MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}


class InputError(Exception):
    """An input that cannot be read at all (missing file, unknown format)."""


@dataclass(frozen=True)
class Problem:
    """A document that was skipped or read with a warning."""

    where: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def title_of(text: str) -> str | None:
    """A plain text's title: its first non-empty line (at most 300 characters)."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None


def finish(doc: Document, fallback_published: dt.date | None) -> Document:
    """Apply the publication-date rule: the text's own dateline beats the
    metadata (GUIDELINES convention 8), then metadata, then ``--published``,
    then the first full date of the opening lines."""
    own = find_dateline_date(doc.text)
    published = next((d for d in (own, doc.published, fallback_published) if in_range(d)), None)
    if published is None:
        # no metadata, no dateline: the opening lines' first full date (a caption's, a lede's)
        lead = lead_date(doc.text)
        published = lead if in_range(lead) else None
    if published != doc.published:
        doc = Document(doc.doc_id, doc.text, doc.title, published, doc.source)
    return doc


def sniff(path: str, head: bytes) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in TEXT_SUFFIXES:
        return "text"
    start = head.lstrip()[:200].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")) or b"<html" in start:
        return "html"
    first_line = head.split(b"\n", 1)[0].lower()
    if b"," in first_line and b"text" in first_line.split(b","):
        return "csv"
    return "text"


def _records_jsonl(text: str, where: str) -> Iterator[dict | Problem]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError):
            data = None  # not one JSON array: read it line by line, so good lines survive
        if isinstance(data, list):
            for i, row in enumerate(data, 1):
                yield row if isinstance(row, dict) else Problem(f"{where}[{i}]", "not a JSON object")
            return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield Problem(f"{where}:{n}", f"malformed JSON line ({err.msg}); skipped")
            continue
        except RecursionError:
            yield Problem(f"{where}:{n}", "JSON nested too deeply; skipped")
            continue
        if not isinstance(row, dict):
            yield Problem(f"{where}:{n}", "not a JSON object; skipped")
            continue
        row.setdefault("_where", f"{where}:{n}")
        yield row


def _records_csv(text: str, where: str) -> Iterator[dict | Problem]:
    dialect = "excel-tab" if where.endswith(".tsv") else "excel"
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        fields = reader.fieldnames
    except csv.Error as err:
        yield Problem(where, f"not readable as CSV ({err}); skipped")
        return
    if not fields or "text" not in [f.strip().lower() for f in fields]:
        yield Problem(where, "CSV has no 'text' column; skipped")
        return
    n = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:  # a broken row: the rows before it were kept
            yield Problem(f"{where}:{reader.line_num}", f"malformed CSV ({err}); the rest of the file skipped")
            return
        n += 1
        clean = {(k or "").strip().lower(): v for k, v in row.items()}
        clean["_where"] = f"{where}:{n}"
        yield clean


def _document_from_record(row: dict, where: str) -> Document | Problem:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(where, "record has no text; skipped")
    published = parse_date(row.get("published") or row.get("date"))  # finish() drops one out of range
    meta = {
        "title": str(row["title"]) if row.get("title") else None,
        "published": published,
        "source": str(row["source"]) if row.get("source") else None,
    }
    return Document.from_text(text, doc_id=str(row["doc_id"]) if row.get("doc_id") else None, **meta)


def read_bytes(data: bytes, where: str, fmt: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
               published: dt.date | None = None) -> Iterator[Document | Problem]:
    """Documents from the bytes of one input."""
    if looks_binary(data):
        yield Problem(where, "binary content, not text, HTML, JSON Lines or CSV; skipped")
        return
    if fmt == "auto":
        fmt = sniff(where, data[:4096])
    text, warning = decode_bytes(data)
    if warning and garbled(text):
        yield Problem(where, "binary content (not text in any encoding); skipped")
        return
    if warning:
        yield Problem(where, warning, skipped=False)
    if fmt in ("text", "html"):
        if not text.strip():
            yield Problem(where, "empty input; nothing to extract")
            return
        if len(data) > max_bytes:
            yield Problem(where, f"{len(data):,} bytes is over the cap of {max_bytes:,} (--max-bytes); skipped")
            return
        if fmt == "html":
            doc = document_from_html(text, source=where)
            if doc is None:
                yield Problem(where, "no article text found in the HTML; skipped")
                return
        else:
            doc = Document.from_text(text, title=title_of(text), source=where if where != "-" else None)
        yield finish(doc, published)
        return
    records = _records_jsonl(text, where) if fmt == "jsonl" else _records_csv(text, where)
    any_record = False
    for row in records:
        if isinstance(row, Problem):
            yield row
            continue
        any_record = True
        row_where = row.pop("_where", where)
        text = row.get("text")
        if text is not None and not isinstance(text, str):
            kind = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}
            yield Problem(row_where, f"'text' is {kind.get(type(text), type(text).__name__)}, not a string; skipped")
            continue
        if len((text or "").encode("utf-8", "replace")) > max_bytes:
            yield Problem(row_where, f"text is over the cap of {max_bytes:,} bytes (--max-bytes); skipped")
            continue
        doc = _document_from_record(row, row_where)
        if isinstance(doc, Problem):
            yield doc
            continue
        if doc.published is not None and not in_range(doc.published):
            yield Problem(row_where, out_of_range_message(doc.published) + "; ignored", skipped=False)
        yield finish(doc, published)
    if not any_record:
        yield Problem(where, "no records found")


def iter_paths(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and not p.name.startswith("."):
                yield p
    else:
        yield path


def estimate_documents(inputs: list[str], fmt: str = "auto") -> int | None:
    """About how many documents the inputs hold (a line count for JSON Lines and CSV, one per
    other file), for a progress bar with a total; None when unknown (stdin)."""
    total = 0
    for name in inputs:
        if name == "-" or not Path(name).exists():
            return None
        for p in iter_paths(Path(name)):
            suffix = p.suffix.lower()
            kind = fmt if fmt != "auto" else ("jsonl" if suffix in JSONL_SUFFIXES
                                              else "csv" if suffix in CSV_SUFFIXES else "other")
            if kind not in ("jsonl", "csv"):
                total += 1
                continue
            try:
                with open(p, "rb") as fh:
                    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                continue
            total += max(lines - (kind == "csv"), 1)
    return total


def read_inputs(inputs: list[str], fmt: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
                published: dt.date | None = None) -> Iterator[Document | Problem]:
    """Documents (or Problems) from files, directories and '-' for stdin."""
    if fmt not in FORMATS:
        raise InputError(f"unknown input format '{fmt}' (choose from {', '.join(FORMATS)})")
    for name in inputs:
        if name == "-":
            data = sys.stdin.buffer.read()
            yield from read_bytes(data, "-", fmt, max_bytes, published)
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"cannot read '{name}': no such file or directory")
        for p in iter_paths(path):
            try:
                size = p.stat().st_size
                # Tabular files hold many documents: the cap applies per record, not per file.
                is_tabular = (fmt in ("jsonl", "csv")) or (fmt == "auto" and p.suffix.lower() in JSONL_SUFFIXES | CSV_SUFFIXES)
                if size > max_bytes and not is_tabular:
                    yield Problem(str(p), f"{size:,} bytes is over the cap of {max_bytes:,} (--max-bytes); skipped")
                    continue
                data = p.read_bytes()
            except OSError as err:
                yield Problem(str(p), f"cannot read: {err.strerror or err}")
                continue
            yield from read_bytes(data, str(p), fmt, max_bytes, published)
