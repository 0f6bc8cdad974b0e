"""The English model's attribute rules (tag map and exceptions), applied by lookup.

spaCy's ``attribute_ruler`` runs its patterns through the general Matcher: every
token is a state walked through some 180 patterns, one Python-visible Span and
one attribute write per match. Its patterns are all of the simplest kind (one or
two tokens, each an equality, an IN / NOT_IN list or a regular expression), so the
same result comes from indexes: each pattern is filed under one value it requires (a word's
lowercase form before its tag, the tag before anything else), a token looks up
only the patterns its own values name, and the attributes are written back in one
``Doc.from_array``. Matches are applied in the ruler's own order (pattern number,
then position), a later pattern overriding an earlier one, so the annotations are
the ruler's exactly (``tests/test_attribute_rules.py`` compares them token by
token). A ruler with a pattern of another kind (an operator, a comparison, a
fuzzy match) is left as it is: ``from_ruler`` returns None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc

# the order in which a required value is preferred as a pattern's index entry: the rarest first
_ANCHOR_PREFERENCE = ("LOWER", "ORTH", "NORM", "TAG", "DEP", "POS")
# what a pattern may write (Doc.from_array writes them back)
_WRITABLE = frozenset({POS, TAG, DEP, MORPH, LEMMA})


@dataclass(frozen=True)
class _Pattern:
    order: int  # the ruler's pattern number: a later one overrides an earlier one
    specs: tuple[tuple[tuple[int, str, object], ...], ...]  # per token: (column, test, values or regex)
    target: int  # the token of the match that is written
    attrs: tuple[tuple[int, int], ...]  # (attribute id, value)


class AttributeRules:
    """A spaCy component: the attribute ruler's patterns, applied by lookup."""

    def __init__(self, columns: list[int], patterns: list[_Pattern], anchors: list[dict[int, list]],
                 unanchored: list[tuple[int, _Pattern]]) -> None:
        self._columns = columns  # the attribute ids read from the doc, in array order
        self._anchors = anchors  # per column: value -> [(offset in the pattern, pattern)]
        self._unanchored = unanchored  # (offset of its regular expression, pattern): tried per distinct value
        self._written = sorted({a for p in patterns for a, _ in p.attrs})
        self._searched: dict[tuple[str, int], bool] = {}  # (regex, value id) -> found: values recur
        self._strings = None

    @classmethod
    def from_ruler(cls, ruler) -> AttributeRules | None:
        """The rules of a spaCy ``AttributeRuler``, or None when one of its patterns is of a
        kind this lookup does not do (the ruler is then kept)."""
        columns: list[int] = []
        patterns: list[_Pattern] = []
        for order, (entry, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)):
            if any(a not in _WRITABLE for a in attrs):
                return None
            for tokens in entry["patterns"]:
                specs = []
                for spec in tokens:
                    tests = []
                    for key, value in spec.items():
                        test = _test(key, value)
                        if test is None:
                            return None
                        attr = IDS[key]
                        if attr not in columns:
                            columns.append(attr)
                        tests.append((columns.index(attr), *test))
                    specs.append(tuple(tests))
                if not specs:
                    return None
                target = index if index >= 0 else len(specs) + index
                if not 0 <= target < len(specs):
                    return None
                patterns.append(_Pattern(order, tuple(specs), target, tuple(attrs.items())))
        anchors: list[dict[int, list]] = [{} for _ in columns]
        unanchored: list[tuple[int, _Pattern]] = []
        names = {IDS[k]: k for k in IDS}
        for pattern in patterns:
            choices = [(_rank(names[columns[col]]), offset, col, values)
                       for offset, tests in enumerate(pattern.specs)
                       for col, test, values in tests if test == "in"]
            if not choices:
                searched = [offset for offset, tests in enumerate(pattern.specs) if any(t == "re" for _, t, _ in tests)]
                if not searched:
                    return None  # nothing to look it up by
                unanchored.append((searched[0], pattern))
                continue
            _, offset, col, values = min(choices, key=lambda c: (c[0], len(c[3])))
            for value in values:
                anchors[col].setdefault(value, []).append((offset, pattern))
        return cls(columns, patterns, anchors, unanchored)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n or not self._written:
            return doc
        self._strings = doc.vocab.strings
        if len(self._searched) > 100_000:
            self._searched.clear()
        table = doc.to_array(self._columns).reshape(n, -1)
        rows = table.T.tolist()  # one list per column: plain ints, fast to index
        matches: dict[tuple[int, int], _Pattern] = {}
        for col, index in enumerate(self._anchors):
            if not index:
                continue
            for i, value in enumerate(rows[col]):
                found = index.get(value)
                if found:
                    for offset, pattern in found:
                        start = i - offset
                        if self._matches(pattern, rows, start, n):
                            matches[pattern.order, start] = pattern
        for offset, pattern in self._unanchored:  # a regular expression alone: searched in each distinct value
            col, _, regex = next(t for t in pattern.specs[offset] if t[1] == "re")
            found = {v for v in set(rows[col]) if self._search(regex, v)}
            for i, value in enumerate(rows[col]) if found else ():
                if value in found and self._matches(pattern, rows, i - offset, n):
                    matches[pattern.order, i - offset] = pattern
        if not matches:
            return doc
        out = doc.to_array(self._written).reshape(n, -1)
        where = {a: j for j, a in enumerate(self._written)}
        for (_, start), pattern in sorted(matches.items(), key=lambda m: m[0]):
            row = start + pattern.target
            for attr, value in pattern.attrs:
                out[row, where[attr]] = value
        doc.from_array(self._written, out)
        return doc


    def _search(self, regex, value: int) -> bool:
        key = (regex.pattern, value)
        if key not in self._searched:
            self._searched[key] = regex.search(self._strings[value]) is not None
        return self._searched[key]

    def _matches(self, pattern: _Pattern, rows: list[list[int]], start: int, n: int) -> bool:
        if start < 0 or start + len(pattern.specs) > n:
            return False
        for k, tests in enumerate(pattern.specs):
            for col, test, values in tests:
                value = rows[col][start + k]
                if test == "re":
                    if not self._search(values, value):
                        return False
                elif (value in values) != (test == "in"):
                    return False
        return True


def _rank(name: str) -> int:
    return _ANCHOR_PREFERENCE.index(name) if name in _ANCHOR_PREFERENCE else len(_ANCHOR_PREFERENCE)


def _test(key: str, value) -> tuple[str, object] | None:
    """("in" | "not in", the values' ids) or ("re", the compiled expression) for a pattern's key and value, None if unsupported."""
    if key not in IDS or key in ("OP", "_", "TEXT"):
        return None
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        (op, items), = value.items()
        if op == "REGEX" and isinstance(items, str):
            return "re", re.compile(items)
        if op not in ("IN", "NOT_IN") or not isinstance(items, list):
            return None
        return ("in" if op == "IN" else "not in"), frozenset(_value_id(v) for v in items)
    if isinstance(value, (str, int, bool)):
        return "in", frozenset({_value_id(value)})
    return None


def _value_id(value) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return get_string_id(value)
    return int(value)


def replace_ruler(nlp, name: str = "attribute_ruler") -> bool:
    """Put the lookup in place of the model's attribute ruler; False (nothing changed)
    when the model has none, or one whose patterns the lookup does not do."""
    if name not in nlp.pipe_names or AttributeRules.from_ruler(nlp.get_pipe(name)) is None:
        return False
    nlp.add_pipe("dateline_attribute_rules", after=name, config={"ruler": name})
    nlp.remove_pipe(name)
    return True
