"""What an analyst's correction may say: the same types and values as the extractor's output.

A correction is stored as its own record and applied on read everywhere (CLI, exports, API,
pages), so a value that the extractor could never produce would break every reader; it is
refused with the field and the reason instead (``CorrectionError``, a 422 in the API).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from dateline.model import EVENT_TYPES, MODES, STATUSES

REVIEW_ACTIONS = ("confirm", "reject", "correct")
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class CorrectionError(ValueError):
    """A correction that names an unknown field or gives a value of the wrong type."""


class Correction(BaseModel):
    """The correctable fields of an event mention; each one given replaces the machine's value."""

    model_config = ConfigDict(extra="forbid", strict=True)

    type: Literal[EVENT_TYPES] | None = None  # type: ignore[valid-type]
    status: Literal[STATUSES] | None = None  # type: ignore[valid-type]
    mode: Literal[MODES] | None = None  # type: ignore[valid-type]
    date_value: str | None = Field(default=None, description="YYYY, YYYY-MM, YYYY-MM-DD or START/END")
    location: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    actors: list[Name] | None = Field(default=None, max_length=50)
    recipients: list[Name] | None = Field(default=None, max_length=50)

    @field_validator("date_value")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        from dateline.link import date_bounds

        if value is None:
            return None
        if not DATE_VALUE.match(value):
            raise ValueError("must be an ISO date: YYYY, YYYY-MM, YYYY-MM-DD or START/END")
        start, end = date_bounds(value)
        if start is None or end is None:
            raise ValueError(f"'{value}' is not a calendar date")
        if start > end:
            raise ValueError(f"'{value}' ends before it starts")
        if not (1900 <= start.year and end.year <= 2100):
            raise ValueError(f"'{value}' is outside 1900-2100")
        return value


CORRECTABLE = frozenset(Correction.model_fields)


def validate_changes(action: str, changes: Any) -> dict:
    """The changes of a review, checked; raises CorrectionError naming the field and the reason."""
    if action not in REVIEW_ACTIONS:
        raise CorrectionError(f"action: must be one of {', '.join(REVIEW_ACTIONS)}")
    if changes is None:
        changes = {}
    if not isinstance(changes, dict):
        raise CorrectionError("changes: must be an object of field -> value")
    if action != "correct":
        if changes:
            raise CorrectionError(f"changes: only a 'correct' review changes fields, not '{action}'")
        return {}
    if not changes:
        raise CorrectionError("changes: a correction needs at least one changed field")
    for field in ("type", "status"):
        if field in changes and changes[field] is None:
            raise CorrectionError(f"{field}: every event has one; give a value, not null")
    try:
        checked = Correction.model_validate(changes)
    except ValidationError as err:
        raise CorrectionError("; ".join(_problem(e) for e in err.errors())) from None
    # Only the fields given; an explicit null clears location, date or mode.
    return checked.model_dump(include=set(changes))


def _problem(error: dict) -> str:
    field = ".".join(str(p) for p in error["loc"]) or "changes"
    if error["type"] == "extra_forbidden":
        return f"{field}: not a correctable field (correctable: {', '.join(sorted(CORRECTABLE))})"
    return f"{field}: {error['msg']}"
