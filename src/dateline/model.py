"""The few types that cross stage boundaries.

Everything a stage hands to the next one is one of these frozen dataclasses;
no dicts-of-dicts travel between stages. ``to_dict`` gives the JSON shape of
the gold files in ``shared/eval`` (see GUIDELINES.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

EVENT_TYPES: tuple[str, ...] = (
    "CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = ("occurred", "planned", "hypothetical", "negated")
MODES: tuple[str, ...] = ("visit", "phone", "third-party", "multilateral")

Kind = Literal["person", "organization", "country"]


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_str(value: str) -> str:
    """A string that can be encoded: a lone surrogate (legal in JSON, "\\ud800", but not
    in UTF-8) becomes U+FFFD, so one bad record cannot stop hashing or storing the rest."""
    return _SURROGATE.sub("\ufffd", value)


def normalise_text(text: str) -> str:
    """The form of a text that identity is computed on (NFC, unified newlines, trimmed)."""
    text = unicodedata.normalize("NFC", clean_str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def content_id(text: str) -> str:
    """A stable document id: a hash of the normalised text.

    >>> content_id("Hello\\r\\n") == content_id("Hello\\n")
    True
    """
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """One article or press release as it came in."""

    doc_id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        for name in ("doc_id", "text", "title", "source"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, clean_str(value))

    @classmethod
    def from_text(cls, text: str, **meta) -> Document:
        doc_id = meta.pop("doc_id", None) or content_id(text)  # computed on the cleaned text
        return cls(doc_id=str(doc_id), text=text, **meta)


@dataclass(frozen=True)
class Participant:
    """An actor or recipient: the most specific named entity, canonicalised."""

    name: str
    kind: Kind
    affiliation: str | None = None
    actor_id: str | None = None  # knowledge-base id when known
    # codes (dateline.coding): not part of who the participant is
    country: str | None = field(default=None, compare=False)  # ISO 3166 alpha-3 of the country it acts for
    sector: str | None = field(default=None, compare=False)  # coding.SECTORS

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "affiliation": self.affiliation,
                "country": self.country, "sector": self.sector}


@dataclass(frozen=True)
class TimeSpan:
    """A resolved time: ``value`` is ISO 8601 at the text's precision.

    ``2021-12-05`` (day), ``2023-01`` (month), ``2022`` (year) or an interval
    ``2023-11-23/2023-12-31``. ``text`` is the expression it came from.
    """

    value: str
    text: str = ""

    @property
    def start(self) -> str:
        return self.value.split("/", 1)[0]

    @property
    def end(self) -> str:
        return self.value.split("/", 1)[-1]


@dataclass(frozen=True)
class Evidence:
    """The sentence an event came from, with its character offsets in the document."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class EventMention:
    """One event as one article reports it."""

    doc_id: str
    type: str
    status: str
    actors: tuple[Participant, ...]
    recipients: tuple[Participant, ...]
    evidence: Evidence
    mode: str | None = None
    date: TimeSpan | None = None
    location: str | None = None
    trigger: str = ""
    cluster: str | None = None
    extras: dict = field(default_factory=dict, compare=False, hash=False)
    place: Any = field(default=None, compare=False)  # coding.Place: where the location is

    @property
    def geo(self) -> dict:
        """The location's place as plain fields (all None when there is none)."""
        if self.place is None:
            return {"lat": None, "lon": None, "country": None, "admin1": None, "geonameid": None, "precision": None}
        return self.place.to_dict()

    def to_dict(self) -> dict:
        """The gold-file shape, plus evidence offsets and the trigger word."""
        out = {
            "type": self.type,
            "mode": self.mode,
            "status": self.status,
            "actors": [p.to_dict() for p in self.actors],
            "recipients": [p.to_dict() for p in self.recipients],
            "date": self.date.value if self.date else None,
            "location": self.location,
            "geo": self.place.to_dict() if self.place is not None else None,
            "evidence": self.evidence.text,
            "evidence_start": self.evidence.start,
            "evidence_end": self.evidence.end,
            "trigger": self.trigger,
        }
        if self.cluster is not None:
            out["cluster"] = self.cluster
        return out


@dataclass(frozen=True)
class ExtractionResult:
    """A document and the events found in it, or the reason it was skipped."""

    document: Document
    events: tuple[EventMention, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = self.document
        return {
            "doc_id": d.doc_id,
            "title": d.title,
            "published": d.published.isoformat() if d.published else None,
            "source": d.source,
            "events": [e.to_dict() for e in self.events],
        }
