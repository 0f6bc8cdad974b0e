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


@cache
def triggers() -> dict:
    """The base lexicon of data/triggers.json as lookups: verbs, nouns and adjectives
    (lemma -> type), noun_requires_modifier (noun -> words), verb_requires_object (verb ->
    objects) and verb_only_intransitive (lemmas). The file itself lists entries with ids,
    examples and reasons."""
    raw = load("triggers.json")
    lex: dict = {sec: {lemma: e["type"] for e in raw[sec] for lemma in e["lemmas"]}
                 for sec in ("verbs", "nouns", "adjectives")}
    lex["noun_requires_modifier"] = {e["noun"]: e["modifiers"] for e in raw["noun_requires_modifier"]}
    lex["verb_requires_object"] = {e["verb"]: e["objects"] for e in raw["verb_requires_object"]}
    lex["verb_only_intransitive"] = [lemma for e in raw["verb_only_intransitive"] for lemma in e["lemmas"]]
    return lex


@cache
def cue_set(name: str) -> frozenset[str]:
    return frozenset(cues()[name])
