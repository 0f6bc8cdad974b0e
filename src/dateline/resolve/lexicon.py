"""Cue words and trigger lexicons, loaded once from ``dateline/data``, and the word-form
helpers that look words up in them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc


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


def base_forms(word: str) -> tuple[str, ...]:
    """Possible base forms of an inflected verb, for when the tagger's lemma is wrong
    ("staged" -> "stag", "hopes" -> "hop"): the word, and the word less -d, -ed, -s, -es or -ing."""
    forms = [word]
    for ending in ("d", "ed", "s", "es", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.append(word[: -len(ending)])
    if word.endswith("ing") and len(word) > 5:
        forms.append(word[:-3] + "e")
    return tuple(forms)


def inflections(base: str) -> tuple[str, ...]:
    """The words whose ``base_forms`` include ``base`` ("stage" <- "staged", "stages",
    "staging"), so that a lookup by word finds what a lookup by base form would."""
    forms = [base + ending for ending in ("d", "ed", "s", "es", "ing")]
    if base.endswith("e"):
        forms.append(base[:-1] + "ing")
    return tuple(f for f in forms if base in base_forms(f))


def word_hashes(words: Iterable[str], inflected: bool = False) -> frozenset[int]:
    """The string hashes of lexicon words as a token's lemma or lowercase form may show them:
    as written, capitalised, upper case (a proper noun's lemma keeps its case) and, with
    ``inflected``, every form whose base form the word is."""
    return frozenset(get_string_id(form) for word in words
                     for form in (word, word.capitalize(), word.upper(), *(inflections(word) if inflected else ())))


def named_indices(doc: Doc, hashes: frozenset[int], after: str | None = None) -> list[int]:
    """The indices of the tokens whose lemma or lowercase form has one of ``hashes`` (and,
    with ``after``, of those that follow that token text), read for the whole doc at once:
    most words of an article are in no lexicon, and this spares asking each of them."""
    rows = doc.to_array([LEMMA, LOWER, ORTH]).tolist()
    mark = get_string_id(after) if after is not None else None
    return [i for i, (lemma, lower, _) in enumerate(rows)
            if lemma in hashes or lower in hashes or (mark is not None and i > 0 and rows[i - 1][2] == mark)]
