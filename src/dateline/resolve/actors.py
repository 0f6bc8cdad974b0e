"""Participant mentions in a Doc: names, titles, appositions and pronouns.

The ``dateline_actors`` component writes ``doc._.mentions`` (a list of
``Mention``, in text order) and ``doc._.mention_at`` (token index -> index in
that list). Each mention carries a resolved ``Participant``: the most
specific named entity, canonicalised through the knowledge base, with the
affiliation valid at the article's date. Titles ("the Russian leader") and
pronouns ("she") resolve to a person named in the same article; a title
whose person is not named becomes the country or organisation (GUIDELINES
convention 9).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from dateline.coding import sector_of_words
from dateline.extract.status import is_question
from dateline.model import Participant
from dateline.resolve.kb import KnowledgeBase, clean_person_name, fold
from dateline.resolve.lexicon import cue_set, cues, named_indices, triggers, word_hashes

PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_ORG = {"it", "its"}
# Heads of institution names that the NER cuts before their country: "the Ministry of X | of Y"
INSTITUTION_HEADS = {"ministry", "office", "administration", "department", "embassy", "mission", "commission"}
SPOKESPEOPLE = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen"}
ORG_NOUNS = {"organization", "organisation", "committee", "federation", "agency", "movement", "body", "group", "fund", "delegation"}
GENERIC_ORG_WORDS = {
    "committee", "government", "international", "mou", "ministry", "council", "commission", "federation",
    "agency", "organization", "organisation", "office", "department", "parliament", "cabinet", "presidency",
    "administration", "court", "bank", "army", "military", "police", "secretariat", "state", "central bank",
    "national society", "red crescent", "the government", "un", "news", "press",
}
# "the Republic", "the Islamic Republic", "the Kingdom": the state form before "of <country>"
STATE_FORM = re.compile(r"(?:the\s+)?(?:(?:Islamic|Federal|Democratic|People's|Socialist|Arab|United|Hashemite|Plurinational)"
                        r"\s+)*(?:Republic|Kingdom|State|Federation|Commonwealth|Sultanate|Emirate|Principality)", re.I)
MEETING_NAMES = {"meeting", "summit", "conference", "session", "forum", "talks", "dialogue"}
GOVERNMENT = re.compile(r"(?P<c>[^,;]+?)(?:['’]s)?\s+[Gg]overnment|[Gg]overnment\s+of\s+(?:the\s+)?(?P<c2>[^,;]+)")
NATIONAL_SOCIETY = re.compile(r"^(?:the\s+)?(?P<dem>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+Red\s+(?P<kind>Cross|Crescent)(?:\s+Society)?$")


# prepositions whose object is a place ("in Kidal", "to Kobo"); PLACING_PREPS below, a narrower
# set, are those that place a clause's act where it happens
PLACING = frozenset({"in", "at", "near", "from", "to", "into", "outside", "around", "across", "toward", "towards"})
SETTLEMENTS = frozenset({"town", "city", "village", "region", "province", "district", "port", "capital", "suburb"})


# auxiliaries that open a question, which the NER sometimes takes into the name after them
QUESTION_OPENERS = frozenset({"will", "can", "could", "should", "would", "did", "does", "do", "is", "was", "has", "may"})
# small words inside people's names: "Kyelem de Tambela", "Ursula von der Leyen"
NAME_PARTICLES = frozenset({"de", "da", "di", "do", "dos", "du", "del", "della", "van", "von", "der", "den", "ter",
                            "bin", "ibn", "al", "el", "la", "le"})


def _where_one_goes(tok: Token) -> bool:
    """Is a word the object of "in", "across" and the like, or of "to" after a trip ("a visit
    to X", "travelled to X")? There it names a place, not someone."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in ("in", "into", "across", "throughout", "around", "near") or (
        prep.lower_ == "to" and prep.head.lemma_.lower() in TRIP_WORDS)


TRIP_WORDS = frozenset({"visit", "trip", "travel", "tour", "journey", "mission", "go", "fly", "head", "return", "come"})


# titles of people sent somewhere: the country after "for" or "to" is where they are sent
SENT_TITLES = frozenset({"envoy", "ambassador", "representative", "coordinator", "rapporteur", "mediator", "emissary"})


def _destination(tok: Token) -> bool:
    """Is this word where a title's holder is sent ("the UN Special Envoy for Yemen", "the US
    ambassador to Russia"), not whom they act for?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("for", "to") and tok.head.head.lemma_.lower() in SENT_TITLES


def _posted_to(doc: Doc, ent: Span) -> bool:
    """Is this body named right after "to (the)" ("Ambassador to the UN X"), where the NER's run of
    words leaves no parse to ask (see ``_destination`` for the parsed case)?"""
    before = [t.lower_ for t in doc[max(ent.start - 2, 0): ent.start]]
    return before[-1:] == ["to"] or before == ["to", "the"]


def named_settlement(ent: Span) -> bool:
    """Is the name the one a settlement word gives after a comma ("in his hometown, Arica",
    "the village, Cotoca")? Whatever the NER calls it, it names that place."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].text == "," \
        and doc[ent.start - 2].lemma_.lower() in SETTLEMENTS | {"hometown"} and doc[ent.start - 2].pos_ == "NOUN" \
        and (ent.end >= len(doc) or doc[ent.end].is_punct)


# a body's buildings: a name that ends in one is where, not who ("State House", "the Presidential
# Palace", "at UN Headquarters")
VENUE_HEADS = frozenset({"headquarters", "palace", "house", "hall", "building", "compound", "residence"})
# the last words of a body's name, which an unknown name after "in" can still be ("in the Kivu
# Assembly"): such a name stays a body
BODY_HEADS = frozenset(GENERIC_ORG_WORDS | ORG_NOUNS | INSTITUTION_HEADS | {
    "party", "front", "union", "forces", "force", "assembly", "congress", "guard", "militia", "company",
    "corporation", "group", "alliance", "coalition", "league", "network", "institute", "university", "church"})


# nouns of places a name can qualify ("the Kakuma refugee camp", "Bagram air base")
SITE_HEADS = frozenset({"camp", "airport", "airbase", "base", "port", "prison", "jail", "hospital", "crossing",
                        "checkpoint", "dam", "bridge", "mine", "refinery", "plant", "settlement", "shelter"})


def site_of(ent: Span) -> Token:
    """The noun a name qualifies through compounds ("Kakuma" -> "camp" in "the Kakuma refugee camp")."""
    head = ent.root
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head


def names_a_site(ent: Span) -> bool:
    """Is the name a modifier of a place's noun ("the Kakuma refugee camp", "Evin prison")?"""
    head = site_of(ent)
    return head.i >= ent.end and head.lemma_.lower() in SITE_HEADS


def placed_by_position(ent: Span) -> bool:
    """Does where a name stands make it a place, whatever the NER calls it: a settlement's name
    after a comma, or a name no body's word ends after "in", "across", "near" or a settlement's
    "of" ("erupted in Nagorno-Karabakh", "fighting across Darfur", "the region of Nagorno-Karabakh")?"""
    if named_settlement(ent):
        return True
    root = ent.root
    prep = root.head
    return root.dep_ == "pobj" and (prep.lower_ in PLACING_PREPS and prep.head.pos_ in ("VERB", "NOUN") or (
        prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLEMENTS)) \
        and ent[-1].lemma_.lower() not in BODY_HEADS and not ent[0].is_lower


def _used_as_place(ent: Span) -> bool:
    """Is a name used as a place ("in Kidal", "the town of Avdiivka"), not as someone (a
    surname the NER took for a town, a word that is a town's name somewhere)?"""
    root = ent.root
    if root.dep_ == "pobj":
        prep = root.head
        return prep.lower_ in PLACING or (prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLEMENTS)
    while root.dep_ == "conj" and root.head.i != root.i:  # "visit Gaziantep and Hatay"
        root = root.head
    if root.dep_ == "dobj" and root.head.lemma_.lower() in ("visit", "tour"):
        return True  # a town visited is a place
    return root.dep_ == "appos" and root.head.lemma_.lower() in SETTLEMENTS


def _entity_ending_at(doc: Doc, i: int, labels: tuple[str, ...]) -> Span | None:
    """The entity with one of these labels whose last token is i. Walks tokens: doc.ents
    would build every entity span of the document on each call (quadratic on long texts)."""
    if i < 0 or i >= len(doc) or doc[i].ent_type_ not in labels:
        return None
    if i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        return None
    first = i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return Span(doc, first, i + 1, label=doc[i].ent_type_)


QUANTITY_WORDS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions", "crowds", "groups",
                            "hundred", "thousand", "dozen", "some", "many"})


def _crowd(tok: Token) -> bool:
    """Is this plural noun people gathered in numbers: the subject of a crowd's verb
    ("10,000 people demonstrated"), or what its counted subject counts ("thousands of Shia
    Muslims marched")?"""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() in CROWD_COUNTS:
        return False
    subj = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "nsubj" \
        and tok.head.head.lemma_.lower() in CROWD_COUNTS else tok
    return subj.dep_ == "nsubj" and subj.head.lemma_.lower() in CROWD_VERBS


def _clause_word(tok: Token) -> Token:
    """The word that stands in the clause for a group noun: "thousands" in "thousands of
    workers marched", else the noun itself."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and (head.head.lower_ in QUANTITY_WORDS or head.head.like_num):
        return head.head
    return tok


def _entity_text_at(tok: Token) -> str:
    """The text of the entity a token is part of, else the token's own (walking tokens, as
    ``_entity_ending_at`` does)."""
    if not tok.ent_type_:
        return tok.text
    doc, end = tok.doc, tok.i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    span = _entity_ending_at(doc, end, (tok.ent_type_,))
    return span.text if span is not None else tok.text


class KbMatches(list):
    """Knowledge-base matches (label, start, end), longest first, indexed by the tokens they cover."""

    def __init__(self, found: list[tuple[str, int, int]]):
        super().__init__(found)
        self._at: dict[int, list[tuple[str, int, int]]] = {}
        for match in self:
            for i in range(match[1], match[2]):
                self._at.setdefault(i, []).append(match)

    def covering(self, i: int) -> list[tuple[str, int, int]]:
        return self._at.get(i, [])


def quotations(doc: Doc, tokens: list[Token] | None = None) -> list[tuple[int, int]]:
    """The token ranges [lo, hi) inside quotation marks. A quotation runs from an opening
    mark to its closing one, or to the end of the paragraph (a paragraph that continues a
    quotation opens with a mark again); curly marks nest ("“... the “Red Cross Law” ...”")."""
    spans: list[tuple[int, int]] = []
    start = None
    depth = 0
    tokens = list(doc) if tokens is None else tokens
    for tok in tokens:
        text = tok.text
        if start is not None and ("\n\n" in tokens[tok.i - 1].whitespace_ or (tok.is_space and "\n\n" in text)):
            spans.append((start, tok.i))
            start, depth = None, 0
        if text in ("“", "«") or (text == '"' and start is None):
            depth += 1
            if start is None:
                start = tok.i
        elif text in ("”", "»", '"') and start is not None:
            depth -= 1
            if depth <= 0 or text == '"':
                spans.append((start, tok.i))
                start, depth = None, 0
    if start is not None:
        spans.append((start, len(doc)))
    return spans


def _becomes(m: Mention, person: Participant) -> None:
    """The mention is this person, keeping the affiliation it had when the person has none."""
    m.participant = Participant(person.name, "person", person.affiliation or m.participant.affiliation,
                                person.actor_id)


def dominant_country(mentions: list) -> str | None:
    """The country an article is about: the one named most often, when one clearly leads
    (named at least twice, more often than any other)."""
    counts = Counter(m.participant.name for m in mentions if m.kind == "country" and m.source != "title")
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def expletive(tok: Token) -> bool:
    """The empty "it" of "it was agreed to ...", "it is critical to engage ...", "it was
    decided that ...": a subject that stands for the clause, not for anyone."""
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = tok.head
    if any(c.dep_ == "acomp" and c.lemma_.lower() in WILLING for c in head.children):
        return False  # "it was willing to resume talks": someone's willingness, not "it is important to"
    clauses = [c for c in head.children if c.dep_ in ("xcomp", "ccomp")]
    clauses += [g for c in head.children if c.dep_ == "acomp" for g in c.children if g.dep_ in ("xcomp", "ccomp")]
    return any(c.i > tok.i for c in clauses) and (tok.dep_ == "nsubjpass" or head.lemma_ == "be")


# Adjectives of a person's readiness: their "it" is someone ("it is ready to help")
WILLING = frozenset({"ready", "willing", "prepared", "determined", "eager", "keen", "unwilling", "able", "unable"})


# People acting as a group (data/cues.json "civil_groups"): a participant only with the
# country they belong to.
CIVIL_GROUPS = cue_set("civil_groups")
CURRENCY_CODES = frozenset({"CHF", "USD", "EUR", "GBP", "JPY", "SEK", "NOK", "DKK", "CAD", "AUD", "KES", "ZAR"})
# People held (data/cues.json "captive_groups") are a group of their country only when they
# act ("Kurdish inmates began a hunger strike"); freed or held, their country is the recipient.
CAPTIVE_GROUPS = cue_set("captive_groups")
# What a crowd does (data/cues.json "crowd_verbs"): whoever does it in numbers is a group of
# its country ("10,000 people demonstrated in Athens", "thousands of Shia Muslims marched")
CROWD_VERBS = cue_set("crowd_verbs")
CROWD_COUNTS = {"thousand", "hundred", "ten", "dozen", "million", "score"}
# State bodies that act at home: where they act tells whose they are ("the junta lifted the
# curfew in Conakry"), unlike troops or warships, which act abroad as often as not
HOME_BODIES = cue_set("home_bodies")
# a state body that is its army: the country's armed forces when the knowledge base lists them
ARMY_WORDS = frozenset({"army", "military", "junta", "troops", "soldiers"})
# prepositions that place the act of a clause
PLACING_PREPS = frozenset({"in", "across", "throughout", "near", "outside", "around", "through"})
REPORTING_VERBS = cue_set("reporting_verbs")


# Offices with one holder in the world: a title alone names its holder.
SOLE_OFFICES = {"pope": "Holy See"}
# Offices only a state has: one no named body claims is the article's country's
STATE_OFFICES = frozenset({"minister", "foreign minister", "prime minister", "premier", "external affairs minister",
                           "foreign secretary", "secretary of state", "vice president", "chancellor", "state secretary"}
                          # every portfolio minister the role patterns name ("finance minister", ...)
                          | {role for _, role in cues()["role_patterns"] if role and role.endswith(" minister")})
# Offices a bare title means when the article names no one who holds one of that name
# ("The Secretary-General met ...": the UN's, unless NATO's is named)
USUAL_OFFICES = {"secretary-general": "United Nations", "high commissioner for refugees": "UNHCR",
                 "high commissioner for human rights": "OHCHR", "emergency relief coordinator": "OCHA"}
# Cities whose name, acting, is the body seated there ("Brussels has warned": the EU)
SEATS_OF_BODIES: dict[str, str] = dict(cues()["seats_of_bodies"])
# A UN title's field -> the agency it heads ("UN refugee chief": UNHCR), longest first.
UN_AGENCY_TOPICS = sorted(((fold(topic), agency) for topic, agency in cues()["un_agency_topics"]),
                          key=lambda pair: -len(pair[0]))


@dataclass
class Mention:
    """A span of tokens that names (or refers to) one participant."""

    start: int
    end: int
    participant: Participant
    source: str  # name | title | pronoun | org | country | demonym | city
    role: str | None = None

    @property
    def kind(self) -> str:
        return self.participant.kind


def _role_of(text: str) -> str | None:
    roles = _roles_in(text)
    return roles[0] if roles else None


def _roles_in(text: str) -> list[str]:
    """Every role a title phrase names, in the order of the role patterns (longest first)."""
    low = " " + fold(text).replace("-", " ") + " "
    return [role for pattern, role in _role_patterns() if pattern in low]


@lru_cache(maxsize=1)
def _role_patterns() -> list[tuple[str, str]]:
    return [(" " + fold(pattern) + " ", role or "leader") for pattern, role in cues()["role_patterns"]]


class ActorResolver:
    """Finds participant mentions in one Doc (see module docstring)."""

    def __init__(self, kb: KnowledgeBase, nlp=None):
        self.kb = kb
        self._phrase_roles: dict[tuple[int, int], list[str]] = {}
        self.titles = cue_set("title_words")
        self.group_nouns = cue_set("group_nouns")
        words = self.titles | ORG_NOUNS | PRONOUNS_PERSON | PRONOUNS_ORG | {
            "military", "army", "junta", "government", "authorities", "i", "me", "my", "we", "us", "our"}
        self._title_hashes = word_hashes(words)
        self.matcher_exact = self.matcher_lower = None
        if nlp is not None:
            self._build_matchers(nlp)

    def _build_matchers(self, nlp) -> None:
        """Knowledge-base names the statistical NER may miss ("The IFRC", "Spoljaric-Egger")."""
        exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name in self.kb.org_names:
            (lower if len(name.split()) > 1 else exact).add("ORG", [nlp.make_doc(name)])
        for name in self.kb.person_names:
            lower.add("PERSON", [nlp.make_doc(name)])
        for surname in self.kb.distinctive_surnames():  # "Guterres arrives ...", read as a plural noun
            exact.add("PERSON", [nlp.make_doc(surname)])
        for name in self.kb.country_names | self.kb.city_names:  # "Lesvos" tagged PRODUCT, "Nay Pyi Taw" PERSON
            exact.add("GPE", [nlp.make_doc(name)])
        self.matcher_exact, self.matcher_lower = exact, lower

    # ---- entry point ---------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        when: dt.date | None = doc._.published
        mentions: list[Mention] = []
        # the doc's tokens made once: every walk over the whole doc below reuses them
        self._tokens = tokens = list(doc)
        self._phrase_roles: dict[tuple[int, int], list[str]] = {}  # a name's title phrase -> its roles
        taken = [False] * len(tokens)
        for lo, hi in doc._.dateline_spans or ():  # "UNITED NATIONS (AP) —": where and who reports
            span = doc.char_span(lo, hi, alignment_mode="contract")
            for i in range(span.start, span.end) if span is not None else ():
                taken[i] = True

        def add(m: Mention, core: tuple[int, int] | None = None) -> None:
            if any(taken[i] for i in range(m.start, m.end)):
                # Its title overlaps another mention: keep the name itself if that is free.
                if core is None or any(taken[i] for i in range(*core)):
                    return
                m = Mention(core[0], core[1], m.participant, m.source, m.role)
            for i in range(m.start, m.end):
                taken[i] = True
            mentions.append(m)

        kb_found = self._kb_matches(doc)
        self._ents = ents = list(doc.ents)  # (doc.ents and span.ents make new spans at each call)
        persons = [self._rest_of_name(doc, self._longer_known_name(doc, e, kb_found)) for e in ents
                   if e.label_ == "PERSON" or self._titled_unknown_name(e)]
        for ent in persons:
            m = self._person_mention(doc, ent, when)
            if m:
                add(m, (ent.start, ent.end))
        for k, ent in enumerate(ents):
            ent = self._longer_known_name(doc, ent, kb_found)
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            if ent.label_ == "ORG" and nxt is not None and nxt.label_ in ("GPE", "ORG") and (
                    (ent[-1].lower_ in ("of", "and") and nxt.start == ent.end)
                    or (ent.root.lower_ in INSTITUTION_HEADS and nxt.start == ent.end + 1 and doc[ent.end].lower_ == "of")
                    or (ent.root.lower_ in INSTITUTION_HEADS and nxt.start == ent.end + 1 and doc[ent.end].lower_ == "and"
                        and nxt.label_ == "ORG" and nxt[0].lower_ != "the" and nxt.root.lower_ not in INSTITUTION_HEADS)):
                # "the Administration of the President of" + "the Republic of Azerbaijan", "the Ministry of
                # Foreign Affairs and" + "International Cooperation of the UAE", "the Ministry of Foreign
                # Affairs" + "of" + "the Kingdom of Saudi Arabia": one name, cut in two
                ent = Span(doc, ent.start, nxt.end, label="ORG")
            if ent.label_ in ("ORG", "GPE", "NORP", "LOC", "FAC") and not any(taken[i] for i in range(ent.start, ent.end)):
                m = self._named_mention(doc, ent)
                if m:
                    add(m)
        for label, start, end in kb_found:
            if any(taken[i] for i in range(start, end)):
                continue
            span = Span(doc, start, end, label=label)
            m = self._person_mention(doc, span, when) if label == "PERSON" else self._named_mention(doc, span)
            if m:
                add(m)
        self._unify_people(mentions)
        self._bare_surnames(doc, mentions, taken)
        self._bare_demonyms(doc, mentions, taken)
        self._group_mentions(doc, mentions, taken)
        self._mention_cache = {i: m for m in mentions for i in range(m.start, m.end)}
        mentions[:] = self._bracketed_acronyms(mentions)
        mentions[:] = self._document_acronyms(doc, mentions)  # before pronouns take them as antecedents
        self._title_and_pronoun_mentions(doc, mentions, taken, when)
        self._counterparts(doc, mentions, when)
        self._qualify_ministries(mentions)
        self._state_bodies(doc, mentions)
        mentions.sort(key=lambda m: m.start)
        doc._.mentions = mentions
        doc._.mention_at = {i: k for k, m in enumerate(mentions) for i in range(m.start, m.end)}
        return doc

    @staticmethod
    def _longer_known_name(doc: Doc, ent: Span, kb_found: KbMatches) -> Span:
        """The NER cut a known name short ("Min Aung" of "Min Aung Hlaing", "U.N." of
        "U.N. humanitarian office"): use the full one, with the knowledge base's label."""
        first = ent.start + (1 if ent[0].lower_ == "the" else 0)
        for label, start, end in kb_found.covering(first):
            if start <= first and ent.end <= end and end - start > ent.end - first and (label == ent.label_ or label != "PERSON"):
                return Span(doc, start, end, label=label)
        if ent.label_ == "PERSON" and ent.end < len(doc) and doc[ent.end].pos_ == "PROPN":
            # "Dr Seyed" + "Abbas Araghchi": a known person's name the NER left after a first
            # name it took alone; one name
            for label, start, end in kb_found.covering(ent.end):
                if label == "PERSON" and start == ent.end:
                    return Span(doc, ent.start, end, label=label)
        return ent

    def _rest_of_name(self, doc: Doc, ent: Span) -> Span:
        """"Apollinaire Joachim" + "Kyelem de Tambela": the rest of a long name the NER left
        untagged (title-case words and the particles inside names; not a title, not after a
        possessive, not past a name the knowledge base knows)."""
        if ent.label_ != "PERSON" or len(ent) < 2 or ent[-1].lower_ in ("'s", "’s") or self.kb.person(ent.text):
            return ent
        end = ent.end
        while end < len(doc) and end - ent.end < 4 and doc[end].ent_type_ == "" and fold(doc[end].text) not in self.titles and (
                doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].is_alpha
                or doc[end].lower_ in NAME_PARTICLES and end + 1 < len(doc) and doc[end + 1].is_title
                and doc[end + 1].ent_type_ == ""):
            end += 1
        return Span(doc, ent.start, end, label="PERSON") if end > ent.end and doc[end - 1].is_title else ent

    def _kb_matches(self, doc: Doc) -> KbMatches:
        if self.matcher_exact is None:
            return KbMatches([])
        found = [(doc.vocab.strings[k], s, e) for k, s, e in self.matcher_exact(doc)]
        found += [(doc.vocab.strings[k], s, e) for k, s, e in self.matcher_lower(doc)]
        found.sort(key=lambda t: (-(t[2] - t[1]), t[1]))
        return KbMatches(found)

    # ---- people ----------------------------------------------------------
    def _titled_unknown_name(self, ent: Span) -> bool:
        """A name the NER took for a place or body that stands in apposition to a person's title
        ("the Minister of Humanitarian Affairs, Albino Akol Atak"; "X, the foreign minister") and
        that no place, body or country of that name is known: a person."""
        if ent.label_ not in ("GPE", "ORG", "LOC") or not 2 <= len(ent) <= 4 or not all(t.is_title for t in ent):
            return False
        root = ent.root
        titled = (root.dep_ == "appos" and root.head.lemma_.lower() in self.titles) or any(
            c.dep_ == "appos" and c.lemma_.lower() in self.titles and c.i > root.i for c in root.children)
        text = ent.text
        return titled and not (self.kb.org(text) or self.kb.country(text) or self.kb.country_of_place(text)
                               or self.kb.demonym(text) or self.kb.gazetteer_country(text))

    def _person_mention(self, doc: Doc, ent: Span, when) -> Mention | None:
        if len(ent) > 1 and ent[0].is_sent_start and ent[0].lower_ in QUESTION_OPENERS and is_question(ent.sent):
            ent = ent[1:]  # "Will Putin meet Zelensky?": the question's auxiliary taken into the name
        text = re.sub(r"\s*['’]s$", "", ent.text)  # ("Burkina Faso's", the possessive inside the entity)
        # spaCy sometimes tags an organisation name or a country as a person.
        if (self.kb.org(text) or self.kb.country_of_place(text) or self.kb.demonym(text)) and not self.kb.person(text):
            return None
        if len(ent) == 1 and ent.root.dep_ == "compound" and self._is_group_noun(ent.root.head) \
                and not self.kb.person(text):
            return None  # "Riot police", "Border guards": a kind of force the NER took for a name
        if len(ent) == 1 and _where_one_goes(ent.root) and not self.kb.person(text):
            return None  # "a visit to Sahel", "in Darfur": a region the NER took for a surname
        if names_a_site(ent) and not self.kb.person(text):
            return None  # "the Kakuma refugee camp": a place's name, not someone
        name = clean_person_name(re.sub(r"\s*\(.*?\)\s*", " ", text))
        words = name.split()
        while len(words) > 2 and fold(words[0]) in self.titles:  # "Counsellor Daw Aung San Suu Kyi"
            words.pop(0)
            name = clean_person_name(" ".join(words))
            words = name.split()
        if not name or len(name) < 2 or fold(name) in self.titles or any(c.isdigit() for c in name):
            return None
        if len(words) > 2 and not self.kb.person(name) and self.kb.person(" ".join(words[1:])):
            name = " ".join(words[1:])  # "Seyed Abbas Araghchi": a known person with a further given name
        start, end = ent.start, ent.end
        prefix = self._title_prefix(doc, ent)
        affiliation, role = None, None
        if prefix is not None:
            start = prefix.start
            affiliation, role = self._affiliation_in(prefix), _role_of(prefix.text)
        root = ent.root
        title_phrase = None
        if root.dep_ == "appos" and root.head.lemma_.lower() in self.titles:
            title_phrase = doc[root.head.left_edge.i: root.head.i + 1]
            outer = [t for t in root.head.subtree if t.i < ent.start]
            if outer:
                title_phrase = doc[outer[0].i: ent.start]
        else:
            for child in root.children:
                if child.dep_ == "appos" and child.lemma_.lower() in self.titles and child.i > root.i \
                        and not any(t.text == ";" for t in doc[root.i: child.i]):
                    # "Sergey Lavrov, the foreign minister": the title, not the list that may follow it
                    blocked = {s.i for t in child.subtree if t.i != child.i and t.dep_ in ("conj", "appos", "cc")
                               for s in t.subtree}
                    own = [t.i for t in child.subtree if t.i not in blocked and not t.is_punct]
                    title_phrase = doc[child.left_edge.i: max(own) + 1]
                    break
        if title_phrase is None and prefix is None:
            title_phrase = self._title_before_comma(doc, ent)
        if title_phrase is not None:
            affiliation = affiliation or self._affiliation_in(title_phrase)
            role = role or _role_of(title_phrase.text)
            if title_phrase.start < start:
                start = title_phrase.start
            else:
                end = max(end, title_phrase.end)
        if affiliation is None:
            affiliation = self._affiliation_nearby(doc, ent)
            if affiliation:  # "UN refugee chief Maria Lund": the words before the name name the agency
                affiliation = self._un_agency(affiliation, doc[max(ent.sent.start, start - 4): ent.start].text)
        participant = self.kb.participant_for_person(name, when, affiliation)
        return Mention(start, end, participant, "name", role)

    def _title_before_comma(self, doc: Doc, ent: Span) -> Span | None:
        """"the UN Resident Coordinator of Iran, Stefan Priesner": a title phrase set off
        by a comma before the name (the parser often hangs such names elsewhere)."""
        j = ent.start - 1
        if j < 2 or doc[j].text != ",":
            return None
        i = j - 1
        while i >= 0 and j - i <= 8:
            tok = doc[i]
            if tok.is_punct or tok.pos_ in ("VERB", "AUX", "CCONJ", "PRON") or tok.ent_type_ == "PERSON" \
                    or (tok.pos_ == "ADP" and tok.lower_ not in ("of", "for")):
                break
            i -= 1
        span = doc[i + 1: j]
        words = [t for t in span if t.lower_ in self.titles or t.lemma_.lower() in self.titles]
        if not words or span[0].lower_ not in ("the", *self.titles) and not span[0].is_title:
            return None
        if words[0].i > span.start + 4:
            return None
        return span

    def _title_prefix(self, doc: Doc, ent: Span) -> Span | None:
        """Title words in front of a name: "Russian Foreign Minister", "IFRC President"."""
        i = ent.start - 1
        first = None
        while i >= 0:
            tok = doc[i]
            if tok.text in ("(", ")") or tok.is_space:
                break
            low = tok.lower_
            in_title = low in self.titles or tok.lemma_.lower() in self.titles
            is_mod = tok.pos_ in ("PROPN", "ADJ", "NOUN") and (tok.is_title or tok.is_upper or in_title)
            if not (in_title or (is_mod and tok.head.i >= i and tok.head.i < ent.end)) and not (is_mod and first is not None):
                break
            if tok.ent_type_ == "PERSON":
                break
            first = i
            i -= 1
        if first is None:
            return None
        # "International Committee of the Red Cross (ICRC) President X": the organisation
        # named right before the title belongs to it.
        j = first - 1
        if j >= 2 and doc[j].text == ")" and doc[j - 2].text == "(":
            j -= 3
        org = _entity_ending_at(doc, j, ("ORG", "GPE", "NORP"))
        if org is not None and (j != first - 1 or org.label_ == "ORG"):
            first = org.start
        elif j >= 1 and doc[j].tag_ == "POS":  # "Australia's Defence Minister Richard Marles": whose minister
            owner = _entity_ending_at(doc, j - 1, ("ORG", "GPE", "PERSON"))  # ("Togo" is tagged a person)
            if owner is not None and (self.kb.country(owner.text) or self.kb.org(owner.text)):
                first = owner.start
        span = doc[first: ent.start]
        if not any(t.lower_ in self.titles or t.lemma_.lower() in self.titles for t in span):
            return None
        return span

    def _affiliation_in(self, span: Span) -> str | None:
        for ent in [e for e in self._ents if span.start <= e.start and e.end <= span.end]:
            if _destination(ent.root):
                continue
            aff = self._affiliation_name(ent.text) or self._own_body(ent)
            if aff:
                return self._un_agency(aff, span.text)
        for tok in span:
            if _destination(tok):
                continue
            aff = self.kb.demonym(tok.text) or self.kb.country(tok.text)
            if aff:
                return aff
            org = self.kb.org(tok.text) if tok.is_upper and len(tok.text) > 1 else None
            if org:
                return self._un_agency(self.kb.short_affiliation(org), span.text)
        return None

    def _un_agency(self, affiliation: str, title: str) -> str:
        """"UN refugee chief", "the UN human rights chief": a UN title that names its field is
        the head of the agency for it, not of the UN."""
        if self.kb.org(affiliation) != "United Nations":
            return affiliation
        low = f" {fold(title)} "
        for topic, agency in UN_AGENCY_TOPICS:
            if f" {topic} " in low and self.kb.org(agency):
                return self.kb.short_affiliation(self.kb.org(agency))
        return affiliation

    def _own_body(self, ent: Span) -> str | None:
        """An organisation the knowledge base does not know, named in a title ("the head of the
        Ugandan Red Cross"): the body itself, not the country its name begins with; but "the
        Ugandan government" is Uganda's."""
        words = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS"]
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ == "the" and ent.start > 1:
            before = ent.doc[ent.start - 2]
        # a generic head counts when a proper name of its own comes before it ("the Danube Relief
        # Agency"), not a nationality or country ("the Peruvian Ministry", "the Chile Commission")
        named = len(words) >= 3 and all(t.is_title and not (self.kb.demonym(t.text) or self.kb.country(t.text))
                                        for t in words[:-1])
        if ent.label_ != "ORG" or before is None or before.lower_ != "of" or len(words) < 2 \
                or (words[-1].lower_ in GENERIC_ORG_WORDS or words[-1].lemma_.lower() in GENERIC_ORG_WORDS
                    | {"force", "troops", "ministry"}) and not named \
                or words[-1].tag_ == "NNPS" or self.kb.demonym(words[-1].text):
            return None  # (nor "the leader of Bosnian Serbs": a people)
        return " ".join(t.text for t in words)

    def _affiliation_name(self, text: str) -> str | None:
        text = re.sub(r"^the\s+", "", text, flags=re.I).strip()
        text = re.sub(r"['’]s?$", "", text)
        country = self.kb.country(text) or self.kb.demonym(text)
        if country:
            return country
        org = self.kb.org(text)
        if org:
            return self.kb.short_affiliation(org)
        return None

    def _affiliation_nearby(self, doc: Doc, ent: Span) -> str | None:
        """An organisation or country the sentence ties to an unknown person.

        "Boris Michel, who heads the ICRC delegation" or "ICRC (...) President X".
        """
        root = ent.root
        for child in root.children:
            if child.dep_ in ("relcl", "appos", "acl"):
                for sub in child.subtree:
                    if sub.ent_type_ in ("ORG", "GPE", "NORP"):
                        aff = self._affiliation_name(sub.text) or (sub.text if sub.ent_type_ == "ORG" and sub.is_upper else None)
                        if aff:
                            return aff
        for i in range(ent.start - 1, max(ent.start - 5, -1), -1):  # the nearest, up to four tokens before
            before = _entity_ending_at(doc, i, ("ORG", "NORP", "GPE"))
            if before is not None:
                if _posted_to(doc, before):
                    continue  # "Russian Ambassador to the UN X": the body an envoy is posted to is not theirs
                return self._affiliation_name(before.text)
        return None

    def _full_names(self, mentions: list[Mention]) -> dict[str, Participant]:
        """Each word of a multi-word person name -> that person (the first one named), the
        name as the knowledge base spells it and as the text does ("Abdourahamane Tiani" for
        the base's "Abdourahamane Tchiani": a later "Tiani" is him)."""
        full: dict[str, Participant] = {}
        for m in mentions:
            if m.kind != "person":
                continue
            words = fold(m.participant.name).split()
            if len(words) > 1:
                full.setdefault(words[-1], m.participant)
                for w in words:
                    full.setdefault(w, m.participant)
        for m in mentions:  # (the text's own spelling after every canonical one: same given name, same length)
            if m.kind != "person" or m.source != "name":
                continue
            said = [fold(t.text) for t in self._tokens[m.start: m.end]]
            words = fold(m.participant.name).split()
            if len(said) == len(words) > 1 and said[0] == words[0] and said[-1].isalpha():
                full.setdefault(said[-1], m.participant)
        return full

    def _unify_people(self, mentions: list[Mention]) -> None:
        """Later surname-only or variant mentions take the full participant; a lone
        word the NER took for an organisation but which is a named person's surname
        ("Kolivand said") is that person; and a two- or three-word "organisation" unknown
        to the knowledge base whose last word is a person's lone surname elsewhere ("Amara
        Osei will visit ... Mr. Osei said") was that person's full name."""
        surnames = {fold(m.participant.name) for m in mentions if m.kind == "person" and m.source == "name"
                    and len(m.participant.name.split()) == 1}
        for m in mentions:
            words = m.participant.name.split()
            if m.source == "org" and 2 <= len(words) <= 3 and fold(words[-1]) in surnames \
                    and all(w[:1].isupper() for w in words) and not self.kb.org(m.participant.name):
                m.participant = Participant(m.participant.name, "person")
                m.source = "name"
        full = self._full_names(mentions)
        in_full = {m.participant.name for m in mentions if m.kind == "person" and m.end - m.start > 1}
        for m in mentions:
            words = fold(m.participant.name).split()
            if m.end - m.start == 1 and m.kind == "person" and m.participant.name not in in_full:
                # "Kim said": the Kim the article named, not a better-known one the knowledge base
                # completes the bare name to
                words = [fold(self._tokens[m.start].text)]
            if len(words) != 1 or words[0] not in full or full[words[0]] is m.participant:
                continue
            if m.kind == "person" or (m.source == "org" and not self.kb.org(m.participant.name)):
                _becomes(m, full[words[0]])
                m.source = "name"
        # a family name of several words told alone ("Al Busaidi", "de la Cruz") after the full
        # name ("Badr bin Hamad Al Busaidi"): the same person
        longer = [(fold(m.participant.name).split(), m.participant) for m in mentions
                  if m.kind == "person" and len(m.participant.name.split()) > 2]
        for m in mentions:
            words = fold(m.participant.name).split()
            if m.kind != "person" or len(words) < 2:
                continue
            better = next((p for full_words, p in longer if len(full_words) > len(words)
                           and full_words[-len(words):] == words), None)
            if better is not None:
                _becomes(m, better)

    def _bare_surnames(self, doc: Doc, mentions: list[Mention], taken: list[bool]) -> None:
        """A capitalised surname of a person named in the article, which the NER missed."""
        full = self._full_names(mentions)
        # a first name no other person named shares: how Ethiopian, Icelandic or Indonesian
        # names are shortened ("Taye Atske Selassie ... Taye said")
        firsts: dict[str, set[str]] = {}
        for m in mentions:
            if m.kind == "person" and len(m.participant.name.split()) > 1:
                firsts.setdefault(fold(m.participant.name).split()[0], set()).add(m.participant.name)
        for tok in self._tokens:  # (a word of no canonical name is the text's own spelling of a surname)
            if taken[tok.i] or tok.pos_ != "PROPN" or not tok.is_title or len(tok.text) < 3:
                continue
            person = full.get(fold(tok.text))
            words = fold(person.name).split() if person is not None else []
            if person is not None and (words[-1] == fold(tok.text) or fold(tok.text) not in words or words[0] == fold(tok.text) and len(
                    firsts.get(words[0], ())) == 1 and tok.dep_ in ("nsubj", "nsubjpass")):
                taken[tok.i] = True
                mentions.append(Mention(tok.i, tok.i + 1, person, "name"))

    def _is_group_noun(self, tok: Token) -> bool:
        """A noun for a body that acts for a country: "troops", "police", "the government"."""
        return tok.lemma_.lower() in self.group_nouns or tok.lower_ in self.group_nouns

    def _state_bodies(self, doc: Doc, mentions: list[Mention]) -> None:
        """A country named through one of its bodies ("Kenyan police", "the Nepali army") is the
        country, and the body says its sector (COP, MIL, ...) for the coded record; its army,
        military or junta is its armed forces when the knowledge base lists them as an
        organisation ("Myanmar's junta": Myanmar Armed Forces)."""
        for m in mentions:
            if m.kind != "country" or m.participant.sector is not None:
                continue
            root = doc[m.start:m.end].root
            body = root.head if root.dep_ in ("amod", "compound", "poss", "nmod") else root
            if not self._is_group_noun(body):
                continue
            sector = sector_of_words(body.lower_)
            army = self.kb.national_army(m.participant.name) if (
                body.lower_ in ARMY_WORDS or body.lower_ == "forces" and any(c.lower_ == "armed" for c in body.children)) else None
            if army is not None:  # "Myanmar's junta", "the Sudanese army": the armed forces the KB knows
                m.participant = Participant(army, "organization")
            elif sector in ("MIL", "COP", "LEG", "JUD"):
                m.participant = replace(m.participant, sector=sector)

    def _bare_demonyms(self, doc: Doc, mentions: list[Mention], taken: list[bool]) -> None:
        """A demonym on a group noun that the NER missed ("the Nepali army", "Bolivian
        battalions"), or a plural demonym alone ("Argentines"): the group acts for that
        country, as with a tagged one."""
        added = False
        for tok in self._tokens:
            if taken[tok.i] or not tok.is_title:
                continue
            # "Thousands of Argentines marched": a plural demonym is that country's people
            people = tok.tag_ in ("NNPS", "NNS") and tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "conj") \
                and tok.text.endswith("s")
            if not people and (tok.dep_ not in ("amod", "compound") or not self._is_group_noun(tok.head)):
                continue
            country = self.kb.demonym(tok.text)
            if country:
                taken[tok.i] = True
                mentions.append(Mention(tok.i, tok.i + 1, Participant(country, "country"), "demonym"))
                added = True
        if added:
            mentions.sort(key=lambda m: m.start)

    def _group_country(self, tok: Token, at: dict[int, Mention], nested: bool = False) -> str | None:
        """The country a group noun acts for or belongs to: its demonym ("Nigerian nurses") or
        the country or city mention after "in" or "from" ("security forces in Belarus")."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.is_title:
                name = _entity_text_at(c)  # the whole name the word is part of: "South Korean students"
                country = self.kb.demonym(name) or self.kb.country(name) or self.kb.demonym(c.text) or self.kb.country(c.text)
                if country:
                    return country
            if c.dep_ == "prep" and c.lower_ in ("in", "from"):  # "of X" is X itself, resolved elsewhere
                for o in c.children:
                    m = at.get(o.i) if o.dep_ == "pobj" else None
                    if m is not None and m.kind == "country":
                        return m.participant.name
            if c.dep_ == "prep" and c.lower_ in ("in", "from", "at", "of") and not nested:
                # a place or body of no one named, whose own country says theirs: "residents of
                # the Kenyan town", "workers at the state oil company in Nigeria"
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.i not in at:
                        country = self._group_country(o, at, nested=True)
                        if country:
                            return country
        return None

    def _dateline_country(self, doc: Doc) -> str | None:
        """The country of the place the report is datelined in ("SEOUL, South Korea (AP) —",
        "NAIROBI, Kenya, Jun 18 –", "Ankara -"), None without a dateline or a known place."""
        for lo, hi in (doc._.dateline_spans or ())[:1]:
            head = re.split(r"[(/–—]|--|\s-", (doc._.source_text or doc.text)[lo:hi])[0]
            for part in head.split(","):
                part = part.strip()
                country = part and (self.kb.country_of_place(part) or self.kb.gazetteer_country(part))
                if country:
                    return country
        return None

    @staticmethod
    def _clause_place_country(verb: Token, at: dict[int, Mention]) -> str | None:
        """The country of the place a clause's verb is placed in ("rioted in Dhaka": Bangladesh),
        from a country or city mention in an "in/near/across ..." phrase on the verb or its object,
        or on what that phrase names."""
        if verb.lemma_.lower() in REPORTING_VERBS:
            return None  # "the government said in Geneva": where it spoke, not whose it is
        heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        for h in heads:
            for p in h.children:
                if p.dep_ != "prep" or p.lower_ not in PLACING_PREPS and not (
                        p.lower_ == "to" and any(o.lemma_.lower() in ("street", "square") for o in p.children)):
                    continue
                for o in p.children:
                    if o.dep_ != "pobj":
                        continue
                    # ... or a building or site placed in one: "outside the US embassy in Manila"
                    # (and the streets of a city: "took to the streets of Dhaka")
                    for t in [o] + [g for q in o.children if q.dep_ == "prep" and (
                                    q.lower_ == "in" or q.lower_ == "of" and o.lemma_.lower() in ("street", "square"))
                                    for g in q.children if g.dep_ == "pobj"]:
                        m = at.get(t.i)
                        if m is not None and m.kind == "country" and m.source in ("city", "country"):
                            return m.participant.name
        return None

    def _group_mentions(self, doc: Doc, mentions: list[Mention], taken: list[bool]) -> None:
        """Groups with a known country as participants: state bodies ("security forces in
        Belarus") act for the country; people ("Nigerian nurses", "protesters in Lima") are a
        group of that country. A group with no country named is not a participant."""
        at = {i: m for m in mentions for i in range(m.start, m.end)}
        dateline: list[str | None] = []  # the dateline's country, looked up when a body first needs it
        added = False
        body_of: dict[str, str] = {}  # a state body's word -> the country it last acted for
        for tok in self._tokens:
            if taken[tok.i] or not (tok.pos_ == "NOUN" and tok.tag_ in ("NNS", "NN") or (
                    tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lower_ in self.group_nouns) or (
                    tok.ent_type_ == "NORP" and tok.pos_ == "PROPN" and _crowd(tok))):
                continue  # ("Police" after a dateline is tagged a proper noun; "Shia Muslims marched" a people)
            word = tok.lower_
            state = self._is_group_noun(tok)
            crowd = _crowd(tok)
            civil = word in CIVIL_GROUPS or word in CAPTIVE_GROUPS and tok.dep_ == "nsubj" or crowd
            if not (state or civil) or tok.dep_ == "compound":
                continue
            named = [c for c in tok.children if c.dep_ in ("amod", "compound") and taken[c.i]]
            if named:
                owner = at.get(named[0].i)
                if state and owner is not None and owner.kind == "country":
                    body_of[tok.lemma_.lower()] = owner.participant.name  # ("Kosovo police ... Police also")
                continue  # "Israeli troops": the demonym is the mention already
            if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.i in at for g in c.children)
                   for c in tok.children):
                continue  # "the leaders of Mali and Niger": the ones named after "of" are the mention
            country = self._group_country(tok, at)
            if country is None and state and not any(c.dep_ in ("amod", "compound", "poss") for c in tok.children):
                # "Police in Georgia raided ... Police also arrested": the same body, named again bare
                country = body_of.get(tok.lemma_.lower())
            clause_word = _clause_word(tok)
            role = clause_word.dep_
            home = word in HOME_BODIES or any(c.dep_ == "compound" and c.lower_ in HOME_BODIES for c in tok.children)
            if country is None and (civil or home) and (
                    role in ("nsubj", "nsubjpass") or (civil and role == "dobj")) \
                    and not any(c.dep_ in ("amod", "poss") and not crowd or c.dep_ == "compound" and taken[c.i]
                                for c in tok.children):  # ("riot police", "police officers": no one else's;
                # a crowd's adjective only says which people: "Shia Muslims marched in Karachi")
                # "Students rioted in Dhaka", "the junta lifted the curfew in Conakry", "arrested
                # protesters in Khartoum": a group no country names is of the country where its
                # clause places the act, else of the country the report is datelined in
                # ("NAIROBI, Kenya - Police officers dispersed ...")
                country = self._clause_place_country(clause_word.head, at)
                if country is None and home:
                    dateline = dateline or [self._dateline_country(doc)]
                    country = dateline[0]
            if country is None:
                continue
            if state:
                body_of[tok.lemma_.lower()] = country
            start = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i])
            if any(taken[i] for i in range(start, tok.i + 1)):
                continue
            participant = Participant(country, "country") if state else \
                Participant(word.capitalize(), "organization", country)
            for i in range(start, tok.i + 1):
                taken[i] = True
            mentions.append(Mention(start, tok.i + 1, participant, "group"))
            added = True
        if added:
            mentions.sort(key=lambda m: m.start)

    # ---- organisations, countries, places -------------------------------
    def _named_mention(self, doc: Doc, ent: Span) -> Mention | None:
        text = ent.text.strip()
        if text.upper() in CURRENCY_CODES:
            return None  # "CHF 300,000": a sum's currency the NER took for a body
        label = ent.label_
        before = doc[ent.start - 1] if ent.start > 0 else None
        if label == "ORG" and before is not None and before.ent_type_ == "NORP" and self.kb.demonym(before.text) \
                and NATIONAL_SOCIETY.match(f"{before.text} {text}"):
            # "a Lebanese Red Cross station": the NER cut the demonym off a national society's name
            name = f"{before.text} {text}"
            return Mention(ent.start - 1, ent.end, Participant(self.kb.org(name) or name, "organization"), "org")
        first = fold(text).split()[0] if fold(text) else ""
        if label == "ORG" and (first in self.titles or (first == "the" and len(fold(text).split()) > 1 and fold(text).split()[1] in self.titles)):
            return None  # "the Minister of Health": a title, resolved later
        if label in ("ORG", "PERSON", "GPE") and self.kb.demonym(text) and not self.kb.org(text) and not self.kb.country_of_place(text):
            label = "NORP"  # "his Ugandan counterpart" tagged as an organisation: a nationality
        if label == "NORP":
            country = self.kb.demonym(text) or self.kb.country(text)
            town = self.kb.gazetteer_country(text) if not country and _used_as_place(ent) else None
            if town:  # "travelled to Mombasa" tagged as a nationality: a town of that country
                return Mention(ent.start, ent.end, Participant(town, "country"), "city")
            if not country:
                org = self.kb.org(text)
                return Mention(ent.start, ent.end, Participant(org, "organization"), "org") if org else None
            head = ent.root.head
            if ent.root.dep_ in ("amod", "compound") and not self._is_group_noun(head):
                return None
            return Mention(ent.start, ent.end, Participant(country, "country"), "demonym")
        country = self.kb.country(text)
        if country and len(ent) > 1 and ent[-1].lower_ in VENUE_HEADS and ent.root.dep_ == "compound" \
                and ent.root.head.lemma_.lower() in MEETING_NAMES | {"dinner", "lunch"}:
            return None  # "at a White House meeting with X": where the meeting is, not who holds it
        if country:
            return Mention(ent.start, ent.end, Participant(country, "country"), "country")
        if ent[-1].lemma_.lower() in MEETING_NAMES and not self.kb.org(text):
            return None  # "the ASEAN Leaders' Meeting" names an event, not an actor
        org = self.kb.org(text)
        if org:
            return Mention(ent.start, ent.end, Participant(org, "organization"), "org")
        seat = SEATS_OF_BODIES.get(text)
        if seat and label in ("GPE", "ORG", "LOC", "FAC"):  # "Brussels has warned Belgrade": the EU speaks
            return Mention(ent.start, ent.end, Participant(seat, "organization"), "city")
        city_country = self.kb.country_of_place(text)
        if city_country and label in ("GPE", "ORG", "LOC", "FAC"):  # the knowledge base's cities beat the NER's label ("Sana’a" as ORG)
            return Mention(ent.start, ent.end, Participant(city_country, "country"), "city")
        town_country = self.kb.gazetteer_country(text) if label in ("GPE", "LOC", "ORG") and _used_as_place(ent) \
            and not self.kb.person(text) else None
        if town_country:  # a town the base does not list, used as a place: "in Kidal", "the town of Avdiivka"
            return Mention(ent.start, ent.end, Participant(town_country, "country"), "city")
        if label in ("ORG", "GPE", "LOC", "FAC") and self.kb.person(text) and not self.kb.org(text):
            # "Guterres" tagged as an organisation, "Blinken" or "Scholz" as a place: no place or
            # body of that name is known, a person is
            person = self.kb.participant_for_person(text, doc._.published, None)
            return Mention(ent.start, ent.end, person, "name")
        if label == "ORG":
            government = GOVERNMENT.fullmatch(re.sub(r"^the\s+", "", text, flags=re.I))
            if government:  # governments are countries (GUIDELINES convention 9)
                name = government["c"] or government["c2"]
                country = self.kb.country(name) or self.kb.demonym(name)
                if country:
                    return Mention(ent.start, ent.end, Participant(country, "country"), "country")
            ministry = self.kb.ministry(text)
            if ministry:
                return Mention(ent.start, ent.end, Participant(ministry, "organization"), "org")
            m = NATIONAL_SOCIETY.match(text)
            if m and self.kb.demonym(m["dem"]):
                return Mention(ent.start, ent.end, Participant(re.sub(r"^the\s+", "", text, flags=re.I), "organization"), "org")
            name = re.sub(r"^the\s+", "", text, flags=re.I).strip(" ,.'’")
            name = re.sub(r"['’]s?$", "", name)
            name = re.sub(r"\s*\([^)]*$", "", name).strip()  # "League for Democracy (NLD"
            if len(name) < 2 or name.lower() in {"news", "press"}:
                return None
            if fold(name) in GENERIC_ORG_WORDS or any(c.isdigit() for c in name) or name.islower():
                return None  # a lone generic word ("Committee", "Government", "MoU", "the navy") names no one
            if ent.start > 0 and doc[ent.start - 1].lower_ in ("our", "their", "its", "my", "your"):
                return None
            if placed_by_position(ent) or names_a_site(ent) or ent[-1].lower_ in VENUE_HEADS:
                # a place the NER calls a body ("in his hometown, Barrancas", "erupted in Nagorno-Karabakh",
                # "the Evin prison"), or a building ("a State House meeting"): no one
                return None
            return Mention(ent.start, ent.end, Participant(self._country_in_name(name), "organization"), "org")
        return None

    def _bracketed_acronyms(self, mentions: list[Mention]) -> list[Mention]:
        """"the Andean Farmers Union (AFU)": the short name in brackets is the same body, there
        and wherever the article uses it again, whatever else the knowledge base knows by it
        (the article's own definition wins, as for "ELN" after "National Liberation Army")."""
        tokens = self._tokens
        n = len(tokens)
        alias: dict[str, Participant] = {}
        for m in mentions:
            if m.kind not in ("organization", "country") or m.end + 2 >= n or tokens[m.end].text != "(" \
                    or tokens[m.end + 2].text != ")":
                continue
            short = tokens[m.end + 1].text
            if short.isalpha() and short.isupper() and 2 <= len(short) <= 8 and short != m.participant.name:
                alias.setdefault(short, m.participant)
        if not alias:
            return mentions
        out = []
        for m in mentions:
            short = tokens[m.start].text if m.end - m.start == 1 else None
            if short in alias and m.participant != alias[short]:
                if m.start > 0 and tokens[m.start - 1].text == "(":
                    continue  # the definition itself names no second party
                m = Mention(m.start, m.end, alias[short], m.source, m.role)
            out.append(m)
        return out

    def _document_acronyms(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """An acronym the article spells out itself means what the article says: "ERC" after
        "Emergency Relief Coordinator, Valerie Amos" is her, not the Egyptian Red Crescent the
        knowledge base would give. Without a person the acronym is dropped, never guessed."""
        out = []
        people = [m for m in mentions if m.kind == "person" and m.source == "name"]
        tokens = self._tokens
        full = folded = None
        for m in mentions:
            if m.source != "org" or m.end - m.start != 1:
                out.append(m)
                continue
            text = tokens[m.start].text
            if not (text.isalpha() and text.isupper() and 2 <= len(text) <= 6):
                out.append(m)
                continue
            full = full if full is not None else (doc._.source_text or doc.text)  # same offsets; built once
            folded = folded if folded is not None else full.lower()
            if m.participant.name.lower() in folded:
                out.append(m)
                continue
            pattern = r"\b" + r"\s+(?:(?:of|and|for|the)\s+)*".join(f"{c}[a-z]+" for c in text) + r"\b"
            spelled = list(re.finditer(pattern, full))
            if not spelled or self.kb.org(spelled[0].group()) == m.participant.name:  # "Organization" / "Organisation"
                out.append(m)
                continue
            named = None
            for found in spelled:  # the title's holder, named right after one of its spellings
                after = doc.char_span(found.end(), found.end(), alignment_mode="expand")
                end_tok = after.start if after is not None else len(doc)
                named = next((p for p in people if p.end >= end_tok and p.start - end_tok <= 6), None)
                if named is not None:
                    break
            if named is not None:
                out.append(Mention(m.start, m.end, named.participant, "title", named.role))
        return out

    def _country_in_name(self, name: str) -> str:
        """"Office of the Prime Minister of the Republic of Armenia" -> "... of Armenia": the
        country in an institution's name in its canonical form (names are canonical, convention 9)."""
        parts = name.split(" of ")
        for k in range(1, len(parts)):  # the longest tail that is a country, or "the Republic of" one
            tail = re.sub(r"^the\s+", "", " of ".join(parts[k:]))
            country = self.kb.country(tail)
            if country is None and STATE_FORM.fullmatch(parts[k]) and k + 1 < len(parts):
                country = self.kb.country(" of ".join(parts[k + 1:]))
            if country:
                return f"{' of '.join(parts[:k])} of {country}"
        return name

    # ---- titles and pronouns -------------------------------------------
    def _title_and_pronoun_mentions(self, doc: Doc, mentions: list[Mention], taken: list[bool], when) -> None:
        people = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
        orgs = sorted((m for m in mentions if m.kind == "organization"), key=lambda m: m.start)
        owner = {i: m for m in mentions if m.kind != "person" for i in range(m.start, m.end)}
        doc._.quotations = tuple(quotations(doc, self._tokens))
        quoted = self._quotation_speakers(doc, list(doc._.quotations))
        doc._.quoted_by = {i: m.participant for i, m in quoted.items()}  # who says each quoted token
        # only pronouns, titles, "the government" and the like can be one: found for the whole
        # doc at once from their hashes (and a word after a hyphen, for "under-secretary-general")
        for i in named_indices(doc, self._title_hashes, after="-"):
            tok = self._tokens[i]
            if taken[tok.i]:
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and low in ("i", "me", "my", "we", "us", "our"):
                # "I" is whoever says it; "we" in a quotation is its speaker, who acts in person
                # (convention 5): "Osei said: “We were glad to meet President Lula”"
                speaker = self._speaker(doc, tok) if low in ("i", "me", "my") else None
                speaker = speaker or quoted.get(tok.i)
                if speaker is not None and speaker.kind != "person" and low in ("i", "me", "my"):
                    speaker = None
                if speaker is not None and low == "our" and speaker.kind == "person":
                    speaker = self._organisation_of(speaker, mentions) or speaker  # "support our plans"
                if speaker is not None:
                    taken[tok.i] = True
                    mentions.append(Mention(tok.i, tok.i + 1, speaker.participant, "pronoun"))
                continue
            if tok.pos_ == "PRON" and low in PRONOUNS_PERSON:
                ref = None
                if tok.dep_ == "poss":  # "thank President Putin for his commitment": the nearest person
                    same = [m for m in people if tok.sent.start <= m.start and m.end <= tok.i]
                    ref = max(same, key=lambda m: m.end) if same else None
                    if ref is None:
                        # "The Chilean president postponed his trip": a title no one named holds,
                        # as its clause's subject (then its country, convention 9)
                        bound = self._bound_by_subject(tok)
                        ref = bound if bound is not None and bound.source == "title" else None
                pool = people
                if tok.dep_ in ("dobj", "dative", "pobj") and low in ("him", "her"):
                    # "She urged him to ...": an object pronoun is not its own clause's subject
                    verb = own = tok.head.head if tok.dep_ == "pobj" else tok.head
                    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    while subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
                        verb = verb.head  # "she met X and urged him": the coordinated verb's subject
                        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    subj_m = next((m for m in reversed(mentions) if m.start <= subj.i < m.end), None) \
                        if subj is not None else None
                    if subj_m is not None:
                        pool = [m for m in people if m.participant.name != subj_m.participant.name]
                        # "X thanked the Sultan ... He invited him": the object is the last one named
                        # besides the subject, not the last other subject
                        last = [m for m in pool if m.end <= tok.i and tok.i - m.end <= 60]
                        ref = last[-1] if last and last[-1].start >= self._sentence_before(doc, tok) else None
                    # "met Sudan's foreign minister and urged him": the object of the verb it is
                    # coordinated with, also a title no one named holds (then its country)
                    held = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.titles] \
                        if verb.i != own.i else []
                    if held:
                        ref = next((m for m in reversed(mentions) if m.start <= held[0].i < m.end), None) or ref
                if ref is None and low in ("he", "she"):
                    # "X said he was horrified": the one reporting, also a title no one named holds
                    # (convention 9: then its organisation)
                    said_by = self._reporter_of(tok, kinds=("person", "organization", "country"))
                    ref = said_by if said_by is not None and (said_by.kind == "person" or said_by.source == "title") else None
                ref = ref or self._previous(pool, tok.i, max_back=120, doc=doc)
                if ref:
                    taken[tok.i] = True
                    mentions.append(Mention(tok.i, tok.i + 1, ref.participant, "pronoun"))
                continue
            if tok.pos_ == "PRON" and low in PRONOUNS_ORG and tok.dep_ == "dobj" and any(
                    c.dep_ in ("oprd", "acomp") for c in tok.head.children):
                continue  # "calling it an important step", "deemed it unacceptable": a thing judged, no body
            if tok.pos_ == "PRON" and low in PRONOUNS_ORG and not expletive(tok):
                ref = self._reporter_of(tok) or self._bound_by_subject(tok) or self._previous(orgs, tok.i, max_back=80, doc=doc)
                if ref:
                    taken[tok.i] = True
                    mentions.append(Mention(tok.i, tok.i + 1, ref.participant, "pronoun"))
                    # (a later "its" bound by this "it" finds it: "France said it would recall its ambassador")
                    self._mention_cache[tok.i] = mentions[-1]
                    owner[tok.i] = mentions[-1]  # "its foreign minister": the title's affiliation
                continue
            if tok.lemma_.lower() in ("military", "army", "junta") and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
                earlier = self._army_named_before(tok, mentions)  # "the Sudanese army ... The army released"
                m = self._the_government(doc, tok, mentions)  # "the military arrested ...": that country's forces
                forces = earlier or m and (self.kb.national_army(m.participant.name)
                                           or self.kb.org(f"{m.participant.name} Armed Forces")
                                           or self.kb.org(f"{m.participant.name} military"))
                if earlier and m is None and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                    m = Mention(min(c.i for c in tok.children if c.dep_ == "det"), tok.i + 1, Participant(earlier, "organization"), "title")
                if forces and m is not None:
                    for i in range(m.start, m.end):
                        taken[i] = True
                    mentions.append(Mention(m.start, m.end, Participant(forces, "organization"), "title"))
                    for i in range(m.start, m.end):
                        self._mention_cache[i] = mentions[-1]  # (a later "it" or "its" bound by it finds it)
                continue
            if tok.lower_ == "authorities" and tok.pos_ == "NOUN" and tok.dep_ != "compound" and not taken[tok.i]:
                self._add_the_government(doc, tok, mentions, taken)  # "urged the authorities to ...": the state's
                continue
            if tok.lemma_.lower() == "government" and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
                leader = next((k for k, m in enumerate(mentions) if m.kind == "person" and m.participant.affiliation
                               and any(c.dep_ == "poss" and m.start <= c.i < m.end for c in tok.children)), None)
                state = self.kb.country(mentions[leader].participant.affiliation) if leader is not None else None
                if state:  # "Prime Minister X's government": the state (convention 9)
                    mentions[leader] = Mention(mentions[leader].start, tok.i + 1, Participant(state, "country"), "title")
                    taken[tok.i] = True
                    continue
                of_state = next((m for m in mentions if m.kind == "country" and any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and m.start <= g.i < m.end for g in c.children)
                    for c in tok.children)), None) if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" else None
                if of_state is not None:
                    # "the Taliban government of Afghanistan", "the Houthi government of Yemen": the
                    # government of a country is the country (convention 9), not the party that runs it
                    mentions[:] = [m for m in mentions if not (m.kind == "organization" and m.end == tok.i
                                                               and doc[m.end - 1].head.i == tok.i)]
                    continue
                self._add_the_government(doc, tok, mentions, taken)
                continue
            if tok.pos_ in ("NOUN", "PROPN") and low in ORG_NOUNS and tok.i > 0 and self._tokens[tok.i - 1].lower_ == "the" and tok.dep_ != "compound":
                ref = self._previous(orgs, tok.i, max_back=200, doc=doc)
                if low == "delegation" and tok.dep_ == "nsubj":
                    # "The delegation also met X": the delegation of the organisation's person who
                    # was told acting before (the body named before, else any body the base knows),
                    # who leads it in person (conventions 2 and 5)
                    named = ref.participant.name if ref else None
                    ref = next((m for m in reversed(people) if m.end <= tok.i and self._leads_delegation(m, named)), ref)
                if ref:
                    taken[tok.i] = True
                    mentions.append(Mention(tok.i - 1, tok.i + 1, ref.participant, "title"))
                continue
            j = tok.i
            while j >= 2 and self._tokens[j - 1].text == "-":  # "Under - Secretary - General" -> "under-secretary-general"
                low = f"{self._tokens[j - 2].lower_}-{low}"
                j -= 2
            if (low in self.titles or tok.lemma_.lower() in self.titles) and tok.dep_ != "compound" and tok.pos_ in ("NOUN", "PROPN"):
                m = self._title_mention(doc, tok, people, taken, when, owner)
                if m:
                    absorbed = {id(owner[i]) for i in range(m.start, m.end) if i in owner}
                    mentions[:] = [x for x in mentions if id(x) not in absorbed]
                    for i in range(m.start, m.end):
                        taken[i] = True
                    mentions.append(m)
                    for i in range(m.start, m.end):  # (the subject a later "he said" or "its" asks for)
                        self._mention_cache[i] = m
                    # "The UN Secretary-General will be in Kyiv, where he will meet ...": a
                    # resolved title is an antecedent for the pronouns that follow.
                    if m.kind == "person":
                        bisect.insort(people, m, key=lambda x: x.start)

    def _counterparts(self, doc: Doc, mentions: list[Mention], when) -> None:
        """"X met her Peruvian counterpart": the person of that country who holds X's office, when
        the article names one (convention 9: a title-only reference is the person named
        elsewhere in the article), else the country as before."""
        at = {i: m for m in mentions for i in range(m.start, m.end)}
        people = [m for m in mentions if m.kind == "person" and m.source == "name"]
        for m in mentions:
            if m.kind != "country" or m.source != "demonym":
                continue
            head = doc[m.start].head
            if head.lemma_.lower() != "counterpart" or head.i in at:
                continue
            whose = next((c for c in head.children if c.dep_ == "poss"), None)
            owner = at.get(whose.i) if whose is not None else None
            if owner is None or owner.kind != "person":
                continue
            roles = {x.role for x in mentions if x.participant.name == owner.participant.name and x.role}
            roles |= {o.role for o in self.kb.offices_of(owner.participant.name) if when is None or o.valid_at(when)}
            fits = {c.participant.name: c for c in people if c.participant.affiliation == m.participant.name
                    and any(self._has_role(c, r, when, doc) for r in roles if r and r != "leader")}
            if len(fits) == 1:
                m.participant = next(iter(fits.values())).participant

    def _army_named_before(self, tok: Token, mentions: list[Mention]) -> str | None:
        """The national army the article last named before a bare "the army" ("the Sudanese
        army ... The army released 40 civilians"), when the phrase says no other whose it is."""
        if any(c.dep_ in ("poss", "compound") or (c.dep_ == "amod" and c.ent_type_) or (c.dep_ == "prep" and c.lower_ == "of")
               for c in tok.children):
            return None
        armies = self.kb.national_armies()
        doc = tok.doc

        def army_of(m: Mention) -> str | None:
            if m.kind == "organization" and m.participant.name in armies:
                return m.participant.name
            if m.kind == "country" and doc[m.end - 1].head.lemma_.lower() in ("army", "military", "junta") \
                    and doc[m.end - 1].head.i != tok.i:
                return self.kb.national_army(m.participant.name)  # "the Sudanese army", "Sudan's military"
            return None

        # the latest before it (the list is not in text order yet: one pass, no sort per word)
        latest = max(((m.start, army) for m in mentions if m.end <= tok.i and (army := army_of(m))), default=None)
        return latest[1] if latest else None

    def _leads_delegation(self, m: Mention, body: str | None) -> bool:
        """Was this person told acting (a subject) for this body, or, with no body named, for any
        body the knowledge base knows?"""
        aff = m.participant.affiliation
        if not aff or self._tokens[m.end - 1].dep_ != "nsubj":
            return False
        known = self.kb.org(aff)
        return (known or aff) == body if body else known is not None

    def _add_the_government(self, doc: Doc, tok: Token, mentions: list[Mention], taken: list[bool]) -> None:
        """Add the mention a bare "the government" / "the authorities" makes, if any (see below)."""
        m = self._the_government(doc, tok, mentions)
        if m is not None:
            for i in range(m.start, m.end):
                taken[i] = True
            mentions.append(m)

    @staticmethod
    def _the_government(doc: Doc, tok: Token, mentions: list[Mention]) -> Mention | None:
        """A bare "the (new) government" (or "the military") is the government of the country the article is
        about: the country named most often, when one clearly leads (named at least twice,
        more often than any other)."""
        children = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(
                c.dep_ in ("poss", "compound") or (c.dep_ == "amod" and c.ent_type_) or (c.dep_ == "prep" and c.lower_ == "of")
                for c in children):
            return None
        country = dominant_country(mentions)
        if country is None:
            # else the one country its own sentence names, if only one: "Kenyan students protested
            # against the government", "the government in Nairobi" (a group's country counts)
            sent = tok.sent
            named = {m.participant.name if m.kind == "country" else m.participant.affiliation for m in mentions
                     if sent.start <= m.start < sent.end and (m.kind == "country" or m.source == "group")}
            country = named.pop() if len(named) == 1 and None not in named else None
        if country is None:
            return None
        start = min(c.i for c in children if c.dep_ == "det")
        return Mention(start, tok.i + 1, Participant(country, "country"), "title")

    def _qualify_ministries(self, mentions: list[Mention]) -> None:
        """"the Ministry of Defence" with no country, in an article clearly about one country,
        is that country's ("Russian Ministry of Defence")."""
        country = None
        owned: set[int] = set()
        renamed: dict[str, Participant] = {}
        for k, m in enumerate(mentions):
            name = m.participant.name
            if m.kind != "organization":
                continue
            if name.lower().endswith(" ministry") and m.start >= 2 and self._tokens[m.start - 1].lower_ in ("'s", "’s"):
                # "Japan's Foreign Ministry": the NER's country and ministry made one body
                owner = next((j for j, o in enumerate(mentions) if o.end == m.start - 1 and o.kind == "country"), None)
                full = self.kb.ministry(name, default_country=mentions[owner].participant.name) if owner is not None else None
                if full:
                    mentions[k] = Mention(mentions[owner].start, m.end, Participant(full, "organization"), m.source, m.role)
                    owned.add(owner)
                    renamed[name] = mentions[k].participant
                continue
            if not name.lower().startswith("ministry of"):
                continue
            country = country or dominant_country(mentions)
            full = self.kb.ministry(name, default_country=country) if country else None
            if full:
                mentions[k] = Mention(m.start, m.end, Participant(full, "organization"), m.source, m.role)
        if owned:  # (and a pronoun already bound to the bare name follows: "its own forces")
            mentions[:] = [m if m.participant.name not in renamed else
                           Mention(m.start, m.end, renamed[m.participant.name], m.source, m.role)
                           for j, m in enumerate(mentions) if j not in owned]

    def _quotation_speakers(self, doc: Doc, spans: list[tuple[int, int]]) -> dict[int, Mention]:
        """Token index -> who says it, for tokens inside the quotations ``spans``.

        A quotation's speaker is the named subject of a reporting verb in the sentence
        where it opens or where it closes ("“...,” the ministry said"), or in the sentence
        before when that one introduces it ("X said:"); a quotation that opens a paragraph
        with no speaker of its own continues the previous one's. A spokesperson speaks for
        their organisation (convention 5)."""
        if not spans:
            return {}
        people = {id(m): m for m in self._mention_cache.values() if m.kind == "person"}.values()  # once each
        tokens = self._tokens
        spokespeople = {m.participant.name for m in people
                        if any(t.lemma_.lower() in SPOKESPEOPLE for t in tokens[max(0, m.start - 3): m.end])}
        out: dict[int, Mention] = {}
        previous: Mention | None = None
        for lo, hi in spans:
            sent = doc[lo].sent
            found, speaker = self._reported_by(doc, sent, lo, hi, spokespeople)
            if not found and hi < len(doc) and doc[hi].sent.start != sent.start:
                # “... . ...,” the ministry said.
                found, speaker = self._reported_by(doc, doc[hi].sent, lo, hi, spokespeople)
            if not found and lo == sent.start and sent.start > 0:
                before = doc[sent.start - 1].sent
                if doc[before.end - 1].text == ":" or (before.end >= 2 and doc[before.end - 2].text == ":"):
                    found, speaker = self._reported_by(doc, before, lo, hi, spokespeople)
            if not found and lo == sent.start:
                speaker = previous
            previous = speaker
            if speaker is not None:
                out.update((i, speaker) for i in range(lo, hi))
        return out

    def _bound_by_subject(self, tok: Token) -> Mention | None:
        """"Australia cut its aid to Fiji", "the bank said it had frozen its accounts": a
        possessive "its" belongs to the organisation or country that is the subject of its own
        clause (the nearest verb above it)."""
        if tok.dep_ == "nsubj" and tok.head.dep_ == "relcl" and tok.head.head.dep_ in ("dobj", "nsubjpass"):
            # "the army released 40 civilians it had detained": the one acting on them in the
            # clause the relative clause hangs in
            verb = tok.head.head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            m = self._subject_mention(subj) if subj is not None else None
            return m if m is not None and m.kind in ("organization", "country") else None
        if tok.dep_ != "poss":
            return None
        verb = tok.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        if subj is not None and verb.dep_ == "ccomp" and self._not_its_antecedent(tok, subj, verb):
            subj = None  # "Azerbaijan said Armenian forces shelled its positions": the one reporting
        while subj is None and verb.dep_ in ("xcomp", "conj", "ccomp") and verb.head.i != verb.i:
            # "Greece promised to repay its debts": the controlling subject; "Chad said its
            # minister would attend": the one reporting
            verb = verb.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        m = self._subject_mention(subj) if subj is not None else None
        return m if m is not None and m.kind in ("organization", "country") else None

    @staticmethod
    def _not_its_antecedent(its: Token, subj: Token, verb: Token) -> bool:
        """A reported clause's subject that its "its" cannot mean: a plural ("Armenian forces
        shelled its positions": "its" is singular), or the doer of a harm to what "its" owns
        ("said Armenia attacked its troops": no one attacks their own)."""
        if its.lower_ != "its":
            return False
        if subj.tag_ == "NNS":
            return True
        owned = its.head
        return owned.dep_ in ("dobj", "pobj") and owned.head.i in (verb.i, *(p.i for p in verb.children if p.dep_ == "prep")) \
            and triggers()["verbs"].get(verb.lemma_.lower()) in ("ASSAULT", "COERCE")

    def _subject_mention(self, subj: Token) -> Mention | None:
        """The mention a subject is, or, for a body its country's adjective names ("the Egyptian
        government", "Turkish troops"), the country's mention."""
        m = self._mention_cache.get(subj.i)
        if m is None and subj.lower_ in self.group_nouns:
            m = next((self._mention_cache[c.i] for c in subj.children if c.dep_ in ("amod", "compound")
                      and c.i in self._mention_cache and self._mention_cache[c.i].kind == "country"), None)
        return m

    def _reporter_of(self, tok: Token, kinds: tuple[str, ...] = ("organization", "country")) -> Mention | None:
        """"Russia said it did not mind ...", "Iran warned that it would close the strait": the
        "it" of a clause that a verb of saying, warning, promising or deciding governs is the
        organisation or country whose clause it is."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.head.pos_ != "VERB":
            return None
        subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        m = self._subject_mention(subj) if subj is not None else None
        return m if m is not None and m.kind in kinds else None

    def _organisation_of(self, person: Mention, mentions: list[Mention]) -> Mention | None:
        """A mention of the organisation a person acts for, when the article names it."""
        aff = person.participant.affiliation
        if not aff:
            return None
        name = self.kb.org(aff) or aff
        return next((m for m in mentions if m.kind == "organization" and m.participant.name == name), None)

    def _reported_by(self, doc: Doc, sent: Span, lo: int, hi: int,
                     spokespeople: set[str]) -> tuple[bool, Mention | None]:
        """(found, who) for the subject of a reporting verb of ``sent`` outside [lo, hi): a named
        person, an organisation, or for a spokesperson the organisation they speak for
        (convention 5), None when the article does not name it."""
        for tok in sent:
            if lo <= tok.i < hi or tok.lemma_.lower() not in REPORTING_VERBS:
                continue
            for child in tok.children:
                if child.dep_ != "nsubj" or lo <= child.i < hi:
                    continue
                if child.lemma_.lower() in SPOKESPEOPLE:  # "the spokesman said"
                    return True, None
                m = self._mention_cache.get(child.i)
                if m is None or m.kind == "country":
                    continue
                if m.kind == "person" and m.participant.name in spokespeople:
                    return True, self._organisation_of(m, list(self._mention_cache.values()))
                return True, m
        return False, None

    def _speaker(self, doc: Doc, tok: Token) -> Mention | None:
        """Who says "I" in a quotation: the subject of the reporting verb above it."""
        for anc in tok.ancestors:
            if anc.lemma_.lower() in REPORTING_VERBS:
                for child in anc.children:
                    if child.dep_ == "nsubj":
                        m = self._mention_cache.get(child.i)
                        if m is not None and m.kind == "person":
                            return m
                return None
        return None

    @staticmethod
    def _sentence_before(doc: Doc, tok: Token) -> int:
        """Where the sentence before the token's begins (its own, if it is the first)."""
        start = tok.sent.start
        return doc[start - 1].sent.start if start > 0 else start

    @staticmethod
    def _previous(pool: list[Mention], i: int, max_back: int, doc: Doc) -> Mention | None:
        """The antecedent: the latest subject before i in this or the previous
        sentences (subjects are salient), else the latest mention."""
        best = best_subject = None
        sent_start = doc[i].sent.start
        for m in pool:  # in text order
            if m.end <= i and i - m.end <= max_back:
                best = m
                root = doc[m.start:m.end].root
                if root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ in ("appos", "compound") and root.head.dep_ in ("nsubj", "nsubjpass")):
                    best_subject = m
        if best_subject is not None and (best is None or best.start < sent_start or best_subject.start >= sent_start):
            return best_subject
        return best

    def _title_mention(self, doc: Doc, head: Token, people: list[Mention], taken: list[bool], when,
                       owner: dict[int, Mention]) -> Mention | None:
        """A title phrase ("the Russian leader", "UN chief"): a country or organisation
        mention inside it ("UN") is its affiliation and becomes part of the title."""
        left = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod", "poss", "det")
                and (not taken[t.i] or t.i in owner)]
        start = min([t.left_edge.i for t in left] + [head.i])
        phrase_tokens = [t for t in doc[start: head.i + 1]]
        of_phrase = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"]
        end = head.i + 1
        extra = ""
        if of_phrase:
            sub = list(of_phrase[0].subtree)
            if not any(taken[t.i] and doc[t.i].ent_type_ == "PERSON" for t in sub):
                end = sub[-1].i + 1
                extra = " ".join(t.text for t in sub)
        phrase = " ".join(t.text for t in phrase_tokens) + " " + extra
        if any(taken[i] and i not in owner for i in range(start, end)):
            start = head.i
            end = head.i + 1
        # "High Commissioner for Human Rights": the field a "for" phrase names is part of the office
        field = " ".join(t.text for c in head.rights if c.dep_ == "prep" and c.lower_ == "for" for t in c.subtree)
        role = (_role_of(f"{phrase} {field}") if field else None) or _role_of(phrase) or _role_of(head.text)
        if role is None:
            return None
        named = self._named_in_apposition(head, of_phrase, people)
        if named is not None:  # "the head of the Kenyan Red Cross, Asha Otieno,": she, of that body
            person = named.participant
            body = next((owner[o.i] for p in of_phrase for o in p.children if o.dep_ == "pobj" and o.i in owner), None)
            if body is not None and body.kind == "organization" and (
                    person.affiliation is None or self.kb.country(person.affiliation)):
                person = Participant(person.name, "person", body.participant.name, person.actor_id)
                mentions_of = [m for m in people if m.participant.name == person.name]
                for m in mentions_of:
                    m.participant = person
            return Mention(head.i, head.i + 1, person, "title", role)
        span = doc[start:end]
        inside = [owner[i] for i in range(start, end) if i in owner]
        if head.tag_ == "NNS" and len({m.participant.name for m in inside if m.kind == "country"}) > 1:
            return None  # "the foreign ministers of Germany, Britain and France": each country's, named
        affiliation = (self._affiliation_name(inside[0].participant.name) if inside else None) or self._affiliation_in(span)
        if affiliation:
            affiliation = self._un_agency(affiliation, phrase)
        elif role in SOLE_OFFICES:  # "the Pope": there is one
            affiliation = SOLE_OFFICES[role]
        # A named person of the article who fits the title.
        candidates = []
        for m in people:
            p = m.participant
            if affiliation and p.affiliation and fold(p.affiliation) != fold(affiliation) and not self._same_org(p.affiliation, affiliation):
                continue
            if not self._has_role(m, role, when, doc):
                continue
            candidates.append(m)
        if affiliation is None and len({m.participant.name for m in candidates}) > 1:
            # "junta leader in Myanmar": a country named in the title's own phrase decides
            own = {t.i for t in head.subtree}
            ents = [e for e in doc[start].sent.ents if e.root.i in own and e.label_ in ("GPE", "NORP")]
            places = {self.kb.country_of_place(e.text) or self.kb.demonym(e.text) for e in ents}
            local = [m for m in candidates if m.participant.affiliation in places]
            candidates = local or candidates
        if candidates:
            # the most salient fitting person before the title (a recent subject), else the first after it
            ref = self._previous(candidates, start, max_back=10**6, doc=doc) or candidates[0]
            return Mention(start, end, ref.participant, "title", role)
        affiliation = affiliation or USUAL_OFFICES.get(role)
        if affiliation is None and role in STATE_OFFICES:
            # "the Minister of Health of the Government of National Stability": a minister of a
            # government no one has listed is one of the country the article is about
            affiliation = dominant_country(list({id(m): m for m in self._mention_cache.values()}.values()))
        if affiliation:
            holder = self.kb.holder(affiliation, None if role == "leader" else role, when)
            if holder:
                named = [m for m in people if m.participant.name == holder]
                if named:
                    return Mention(start, end, named[0].participant, "title", role)
            kind = "country" if self.kb.country(affiliation) else "organization"
            name = (self.kb.org(affiliation) or affiliation) if kind == "organization" else affiliation
            return Mention(start, end, Participant(name, kind), "title", role)
        return None

    @staticmethod
    def _named_in_apposition(head: Token, of_phrase: list[Token], people: list[Mention]) -> Mention | None:
        """The person a title phrase names in apposition, also when the parser hangs the name on
        the title's "of" object ("the head of the Kenyan Red Cross, Asha Otieno, said"), or on
        that object's own "of" object ("the Speaker of the Assembly of Turkey, X")."""
        hosts = [head] + [o for p in of_phrase for o in p.children if o.dep_ == "pobj"]
        hosts += [g for o in hosts[1:] for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
        for host in hosts:
            for ap in host.children:
                if ap.dep_ != "appos" or ap.i < host.i or head.doc[ap.left_edge.i - 1].text != ",":
                    continue
                found = next((m for m in people if m.start <= ap.i < m.end), None)
                if found is not None:
                    return found
        return None

    def _same_org(self, a: str, b: str) -> bool:
        return (self.kb.org(a) or a) == (self.kb.org(b) or b)

    def _has_role(self, m: Mention, role: str, when, doc: Doc | None = None) -> bool:
        if m.role and (m.role == role or role == "leader"):
            return True
        if doc is not None and m.source != "title":
            # titled where the article names them: "Under-Secretary-General ... and ERC, Martin Griffiths"
            # (a title that stands for them has its own role: "the Secretary-General's meeting with the
            # Foreign Minister" does not make the minister a secretary-general)
            roles = self._phrase_roles.get((m.start, m.end))
            if roles is None:
                first, floor = m.start, max(doc[m.start].sent.start, m.start - 12)
                while first > floor and doc[first - 1].pos_ not in ("VERB", "AUX") and doc[first - 1].ent_type_ != "PERSON":
                    first -= 1  # the title phrase before the name, not another clause or person
                roles = self._phrase_roles[(m.start, m.end)] = _roles_in(doc[first: m.end].text)
            if role in roles:
                return True
        offices = self.kb.offices_of(m.participant.name)
        for o in offices:
            if when is not None and not o.valid_at(when):
                continue
            if o.role == role or (role == "leader" and o.leader) or (role in ("leader",) and o.role in ("president", "prime minister")):
                return True
            if role == "president" and o.role == "president":
                return True
        return False
