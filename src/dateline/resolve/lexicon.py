"""Cue words and trigger lexicons, loaded once from ``dateline/data``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def load(name: str) -> dict:
    with resources.files("dateline.data").joinpath(name).open(encoding="utf-8") as fh:
        return json.load(fh)


def cues() -> dict:
    return load("cues.json")


def triggers() -> dict:
    return load("triggers.json")


@cache
def cue_set(name: str) -> frozenset[str]:
    return frozenset(cues()[name])
