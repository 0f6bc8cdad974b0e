"""Dependency-tree helpers shared by the event extractor's stages: which words carry
a trigger's time and place, coordinated branches, and whether a place is a
preposition's own object."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.extract.status import LIGHT_VERBS, to_infinitive
from dateline.resolve.lexicon import cue_set

TITLE_WORDS = cue_set("title_words")

SCHEDULING_VERBS = {"schedule", "plan", "expect", "set", "slate", "due", "take", "hold"}
# Verbs that give an event's first or last day: "a visit that ended on Friday".
ROUNDS = {"round", "series", "session"}  # nouns that count out meetings: "a second round of talks"
SPAN_VERBS = {"begin", "start", "end", "conclude", "finish", "wrap", "close"}
END_VERBS = SPAN_VERBS - {"begin", "start"}
# Verbs that only say an event happened: its time is the event's ("fighting erupted on Sunday").
OCCURRING_VERBS = {"erupt", "occur", "happen", "unfold", "break", "flare", "escalate", "intensify", "resume",
                   "rage", "continue", "kill", "leave", "claim"}
LOCATIVE_PREPS = {"of", "in", "at", "near", "outside", "inside"}


def coordinated(doc: Doc, mentions: list) -> bool:
    """Are these mentions conjuncts of each other ("Israeli and Palestinian", "the United
    States of America and the Russian Federation")?"""
    if len({m.start for m in mentions}) != len(mentions):
        return False
    # a possessor or a nationality stands for the noun it qualifies: "Sudan's army and the Rapid
    # Support Forces", "Israeli forces and Hezbollah"
    spans = [range(m.start, max(m.end, doc[m.end - 1].head.i + 1)
                   if doc[m.end - 1].dep_ in ("poss", "amod") and doc[m.end - 1].head.i >= m.end
                   and doc[m.end - 1].head.pos_ == "NOUN" else m.end)
             for m in mentions]
    for r in spans[1:]:
        conj = [t for t in doc[r.start: r.stop] if t.dep_ == "conj" and t.head.i not in r]
        if not any(t.head.i in o for t in conj for o in spans):
            return False
    return True


def own_object(span: Span, prep: Token) -> bool:
    """Is the place the preposition's own object ("in Moscow", "in the city of Kherson"),
    not one inside another phrase hung below it ("in the afternoon with the President of Russia")?"""
    cur = span.root
    for _ in range(12):
        if cur.i == prep.i:
            return True
        if cur.dep_ == "prep" and cur.lower_ not in LOCATIVE_PREPS or cur.dep_ == "agent":
            return False  # ("at his office in Mogadishu" is fine; "in a deal mediated by Russia" is not in Russia)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def governing_chain(trigger: Token) -> list[Token]:
    """The trigger and the verb that carries its time ("held talks", "a meeting ... is scheduled for")."""
    chain = [trigger]
    head_lemma = trigger.head.lemma_.lower()
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and (
            head_lemma in LIGHT_VERBS or (trigger.dep_ in ("nsubj", "nsubjpass") and head_lemma in SCHEDULING_VERBS)
            or (trigger.dep_ == "dobj" and head_lemma in SPAN_VERBS)):  # "ended a four-day visit today"
        chain.append(trigger.head)
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and head_lemma in SPAN_VERBS | OCCURRING_VERBS:
        chain.append(trigger.head)  # "the five-day visit ended on Friday", "clashes erupted on 3 May"
    if len(chain) > 1 and trigger.dep_ in ("nsubj", "nsubjpass") and head_lemma in SCHEDULING_VERBS - {"take", "hold"}:
        # "the meeting is expected to take place in Kampala", "... is set to be held in Doha"
        chain.extend(c for c in trigger.head.children if c.dep_ == "xcomp" and c.lemma_.lower() in ("take", "hold", "be"))
    if trigger.pos_ in ("NOUN", "PROPN"):  # "the summit held on 3 May in Lima", "a visit that ended on Friday"
        chain.extend(c for c in trigger.children if (c.dep_ == "acl" and c.lemma_.lower() in SCHEDULING_VERBS)
                     or (c.dep_ in ("acl", "relcl") and c.lemma_.lower() in SPAN_VERBS))
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        chain.append(trigger.head)
        measure = trigger.head.head
        if trigger.head.lower_ == "of" and measure.lemma_.lower() in ROUNDS and measure.dep_ in ("dobj", "nsubj", "nsubjpass"):
            chain += [measure, measure.head]  # "will host a new round of talks next week": the round's time
    # "will be in Peru on Friday, where she will hold talks": the clause it hangs on
    # "will be in Peru on Friday ..., and Y will receive her": presence carries over
    if trigger.dep_ == "conj" and trigger.head.lemma_ == "be":
        chain.append(trigger.head)
    for t in list(chain):
        clause = t
        while clause.dep_ == "xcomp" and clause.head.i != clause.i:
            clause = clause.head  # "where he is expected to meet X": "where" may hang on either verb
        if clause.dep_ in ("ccomp", "relcl", "advcl") and any(
                c.dep_ == "advmod" and c.lower_ in ("where", "when") for v in {t, clause} for c in v.children):
            target = clause.head
            for _ in range(3):  # "on Thursday, where ...": up from the noun to its verb
                if target.pos_ in ("VERB", "AUX") or target.head.i == target.i:
                    break
                target = target.head
            chain.append(target)
    return chain


def conj_branches(tok: Token) -> list[Token]:
    """A token and its coordinated siblings; coordination inside an apposition
    ("UNITED NATIONS (AP) — Guterres and Putin met") counts as the token's own."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(conj_branches(child))
        elif child.dep_ == "appos":
            # (but "X, Minister of Foreign Affairs and Regional Integration of Y": a title's own
            # words, unless another person is named in them)
            out.extend(b for b in conj_branches(child)[1:] if not title_words_only(child, b))
    return out


def title_words_only(title: Token, conjunct: Token) -> bool:
    """Is this conjunct of a title word more words of the title, naming no one ("Minister of
    Foreign Affairs and Regional Integration of Y"), rather than another person?"""
    return title.lemma_.lower() in TITLE_WORDS and not any(t.ent_type_ == "PERSON" for t in conjunct.subtree)


def misread_reduced_relative(verb: Token) -> Token | None:
    """"The soldiers held by X were mutually released", parsed with
    "servicemen" as the subject of a clause "detained ..." hung on a subjectless passive:
    that clause, which is really a modifier of the passive's subject."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ in ("VBD", "VBN") \
                and any(g.dep_ == "nsubj" for g in c.children) and not any(g.dep_ in ("aux", "auxpass") for g in c.children):
            return c
    return None


def purpose_clause(tok: Token) -> bool:
    """A to-infinitive adverbial clause with no subject of its own: the purpose of the act it
    hangs on ("sent aid to assist the victims", "fired tear gas to disperse the crowd")."""
    return tok.dep_ == "advcl" and to_infinitive(tok) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def misread_main_verb(tok: Token) -> bool:
    """A sentence's only verb taken for a participle on its subject: "Kenyan activists protested
    outside the embassy" parsed as a noun phrase whose root is "activists" (no passive, no agent)."""
    return tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.tag_ in ("VBN", "VBD") and tok.head.dep_ == "ROOT" \
        and tok.head.pos_ in ("NOUN", "PROPN") and tok.i > tok.head.i \
        and not any(c.dep_ in ("agent", "auxpass") for c in tok.children)
