"""Modality: is an event occurred, planned, hypothetical or negated?

Decided from the trigger and the words that govern it: auxiliaries
("will meet" planned, "would require" hypothetical), planning verbs and
nouns ("plans to meet", "is scheduled for"), modifiers ("upcoming talks",
"possible mediation"), conditionals ("if asked") and negation ("will not
meet" negated).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.resolve.lexicon import base_forms, cue_set

LIGHT_VERBS = {"hold", "have", "conduct", "make", "pay", "undertake", "begin", "start", "conclude",
               "attend", "sign", "express", "extend", "reach", "seal", "give", "launch", "host",
               "carry", "stage", "join", "continue", "resume", "facilitate", "offer", "announce",
               "require", "need", "seek", "pursue", "emphasize", "emphasise", "signal", "highlight",
               "impose", "issue", "lodge", "level", "file", "cancel", "postpone", "scrap",
               "approve", "accept", "ratify", "finalize", "finalise", "clinch", "strike", "agree",  # "approved a deal"
               "adopt", "introduce", "enact",  # "adopted new sanctions"
               "reaffirm", "reiterate", "renew", "restate",  # "reaffirmed its commitment to X"
               "order"}  # "ordered the deployment of the army": whoever orders it deploys


NEGATING_PARTICLES = {"call": "off", "rule": "out"}  # "called off the visit", "ruled out a meeting"
INTENTION_NOUNS = {"plan", "intention", "intent", "desire", "wish", "interest", "appetite"}
CANCELLING = {"cancel", "scrap", "abandon", "scuttle"}
COMPLETION_NOUNS = {"success", "conclusion", "completion", "outcome", "results", "result"}
EXPECTING = {"expect", "plan", "schedule", "intend", "anticipate"}
PREPARING = {"preparation", "arrangement"}


ASKING_FOR = {"call", "appeal", "press", "push", "ask", "plead", "lobby", "campaign"}
WANTING = {"want", "wish"}
# what saying that one wants to do it does: "I want to thank", "we wish to express"
COURTESIES = {"thank", "express", "congratulate", "welcome", "commend", "acknowledge", "convey", "extend", "praise"}
VOWS = {"promise", "pledge", "vow", "commit"}


# verbs that give someone the power or leave to act, not the act: "allows X to block", "authorised
# police to use force"
ENABLING = frozenset({"allow", "enable", "permit", "authorize", "authorise", "empower", "entitle"})


def has_aux(tok: Token, words) -> bool:
    """Does ``tok`` carry one of these auxiliaries ("will", "would", "must" ...)?"""
    return any(c.dep_ == "aux" and c.lower_ in words for c in tok.children)


def to_infinitive(tok: Token) -> bool:
    """Is ``tok`` a to-infinitive ("to meet")?"""
    return has_aux(tok, ("to",))


def condition_clause(tok: Token) -> bool:
    """Is this an "if" or "unless" clause ("... if the army attacks", "unless France withdraws")?"""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


CONDITIONS = {"if", "unless", "provided", "providing", "once"}
# The cue words modality is read from (data/cues.json), loaded once with the module
FUTURE_AUX = cue_set("future_aux")
HYPOTHETICAL_AUX = cue_set("hypothetical_aux")
PLANNED_AUX = cue_set("planned_aux")
PLANNING = cue_set("planning_verbs")  # (these include "schedule", "plan" and "expect")
CONSIDERING = cue_set("hypothetical_verbs")  # "is considering sending aid": not decided
PLANNED_ADJECTIVES = cue_set("planned_adjectives")
HYPOTHETICAL_ADJECTIVES = cue_set("hypothetical_adjectives")
CHANCES = frozenset({"opportunity", "chance", "possibility", "prospect"})
# what may come, feared or hoped for: an act named after them has not happened
FEARED = frozenset({"fear", "risk", "danger", "threat", "spectre", "specter", "concern", "worry", "hope"})
NEGATION = cue_set("negation_words")
DENYING = cue_set("negating_verbs")
REPORTING = cue_set("reporting_verbs")


def _reported_future(chain: list[Token]) -> bool:
    """"Bolivia said it would send aid": "would" is the future of a past report (an announced
    plan), not a condition, when the clause hangs on a reporting verb in the past and no
    condition ("if", "unless") qualifies it."""
    top = chain[-1]
    if top.dep_ != "ccomp" or top.head.tag_ != "VBD" or top.head.lemma_.lower() not in REPORTING:
        return False
    return not any(c.dep_ == "mark" and c.lower_ in CONDITIONS for t in chain for a in [t, *t.children] for c in a.children)


def _ahead(verb: Token) -> bool:
    """Is this act still to come: "will sign", "is expected to be signed", "plans to sign"?"""
    for _ in range(4):
        if verb.lemma_.lower() in EXPECTING or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def governors(trigger: Token, limit: int = 4) -> list[Token]:
    """The trigger and the words above it whose tense and mood it takes on."""
    chain = [trigger]
    tok = trigger
    for _ in range(limit):
        head = tok.head
        if head.i == tok.i:
            break
        dep = tok.dep_
        if dep == "conj" and tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ", "VBP") and (
                head.tag_ in ("VB", "VBN", "VBG") or head.lemma_ == "be"
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)):  # ("X invited Y, and Y accepted")
            break  # "would not recognise the vote and called for ...", "was not at the meeting but
            # spoke to him": a verb with a tense of its own takes no mood or negation from the
            # auxiliaries or the copula of the one it is joined to
        if dep in ("xcomp", "conj") or (dep == "acomp" and tok.tag_ == "VBN"):  # "will remain stationed"
            chain.append(head)
        elif tok.pos_ in ("NOUN", "PROPN") and dep in ("dobj", "nsubjpass", "nsubj", "attr", "oprd"):
            chain.append(head)
        elif dep == "pobj" and head.dep_ == "prep" and head.lower_ in ("after", "following") \
                and tok.pos_ in ("NOUN", "PROPN") and not _ahead(head.head):
            break  # "agreed to resume ties after talks in Beijing": what came before the act happened
        elif dep in ("pobj", "pcomp") and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            chain.append(head.head)
            tok = head.head
            continue
        elif dep == "acl" and head.lemma_.lower() in ("plan", "intention", "invitation", "proposal", "desire", "readiness",
                                                      "willingness", "decision", "bid", "effort", "chance", "opportunity"):
            chain.append(head)
        elif dep in ("advcl",) and to_infinitive(tok):
            chain.append(head)
        elif dep == "ccomp" and tok.tag_ == "VB" and head.lemma_.lower() in ("help", "let", "make"):
            chain.append(head)  # "will help WFP deliver food": a bare infinitive takes its verb's mood
        elif dep == "ccomp" and head.lemma_.lower() in EXPECTING:  # "it was not expected that they would meet"
            chain.append(head)
        else:
            break
        tok = head
    return chain


def _under_way(trigger: Token) -> bool:
    """Is this planned thing told as going on ("on her planned trip, she repeated ..."): a past
    act set inside it?"""
    verb = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "on", "at") else None
    return verb is not None and verb.pos_ == "VERB" and verb.tag_ == "VBD"


def _preparing(word: Token) -> bool:
    """Does this word (or the subject of this copula) name the making ready for an act:
    "preparations (are under way) for", "the arrangements for"?"""
    if word.lemma_ == "be":
        word = next((c for c in word.children if c.dep_ == "nsubj"), word)
    return word.lemma_.lower() in PREPARING


def is_headline(sent) -> bool:
    """A short line without closing punctuation: a headline, where "X to meet Y" is a plan."""
    words = [t for t in sent if not t.is_space]
    return 0 < len(words) <= 16 and words[-1].text not in (".", "!", "?", '"', "”", "»", ":")


def is_question(sent) -> bool:
    """A sentence that ends in a question mark (inside closing quotes too)."""
    return sent.text.rstrip().rstrip('"”’\'').endswith("?")


def status_of(trigger: Token) -> str:
    """The status of the event whose trigger is ``trigger``.

    >>> # "Rocca will meet Vershinin" -> 'planned'; "would be conditional" -> 'hypothetical'
    """
    status = "occurred"
    chain = governors(trigger)
    if any(condition_clause(t) for t in chain):
        return "hypothetical"  # "if our draft is not supported, ...": a condition, negated or not, reports nothing
    # Negation anywhere up the chain wins over the mood below it: "was not expected that
    # the pair would have a chance to meet" did not happen.
    for depth, tok in enumerate(chain):
        for child in tok.children:
            if (child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and depth == 0)) \
                    and child.lower_ in NEGATION:
                return "negated"
        particle = NEGATING_PARTICLES.get(tok.lemma_.lower())
        if depth > 0 and (tok.lemma_.lower() in CANCELLING or (particle and any(
                c.dep_ in ("prt", "prep") and c.lower_ == particle and c.i == tok.i + 1 for c in tok.children))):
            return "negated"  # "the talks were cancelled", "called off the visit", "ruled out a meeting"
        # "denied sending troops", "failed to agree": the act did not happen
        if depth > 0 and tok.lemma_.lower() in DENYING and tok.pos_ in ("VERB", "ADJ") and chain[depth - 1].dep_ == "xcomp":
            return "negated"  # (and "was unable to meet", "declined to meet")
        if depth > 0 and tok.lemma_ in ("have", "be") and chain[depth - 1].dep_ == "xcomp" and any(
                c.lower_ == "yet" for c in tok.children):
            return "negated"  # "has yet to meet X", "is yet to visit": not so far
        if depth > 0 and tok.lemma_.lower() in INTENTION_NOUNS and any(
                c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return "negated"  # "has no plans to meet", "no intention of visiting"
    # "announced that the mediation succeeded": what has succeeded happened, whatever governs it
    done = any(t.lemma_.lower() in COMPLETION_NOUNS for t in chain[1:])
    for depth, tok in enumerate(chain):
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and depth == 0):
                if low in NEGATION:
                    return "negated"
            if child.dep_ in ("aux", "auxpass"):
                if low == "would" and tok.lemma_.lower() in ("like", "love"):
                    continue  # "I would like to thank ...": a courtesy that does what it says
                if low in FUTURE_AUX or child.lemma_.lower() in FUTURE_AUX:
                    status = "planned" if status == "occurred" else status
                elif low == "would" and _reported_future(chain):
                    status = "planned" if status == "occurred" else status
                elif low in HYPOTHETICAL_AUX:
                    return "hypothetical"
                elif low in PLANNED_AUX:
                    status = "planned"
            if child.dep_ == "mark" and low in ("if", "unless", "whether"):
                return "hypothetical"
            if depth == 0 and child.dep_ in ("amod", "compound", "nmod") and child.i < tok.i:
                if (low in PLANNED_ADJECTIVES or child.lemma_.lower() in PLANNED_ADJECTIVES) and not _under_way(trigger):
                    status = "planned"
                elif low in HYPOTHETICAL_ADJECTIVES:
                    return "hypothetical"
        setting = depth == 1 and trigger.dep_ == "pobj" and trigger.head.lower_ in ("at", "during", "in", "after", "following")
        # (a verb's own forms too, where the tagger's lemma is wrong: "hopes" -> "hop")
        plans = tok.lemma_.lower() in PLANNING or (tok.pos_ in ("VERB", "AUX") and any(
            f in PLANNING for f in base_forms(tok.lower_))) or (
            # "the truce is due to take effect on Friday", "the talks are set to resume": the
            # subject's predicate adjective plans it
            depth == 1 and trigger.dep_ in ("nsubj", "nsubjpass") and tok.lemma_ == "be" and any(
                a.dep_ == "acomp" and a.lemma_.lower() in PLANNING and any(x.dep_ == "xcomp" for x in a.children)
                for a in tok.children)) or (
            # "the minister is due in Addis Ababa on Thursday to meet ...": the purpose of a stay
            # that is due is as far off as the stay
            depth > 0 and chain[depth - 1].dep_ == "advcl" and to_infinitive(chain[depth - 1]) and tok.lemma_ == "be"
            and any(a.dep_ == "acomp" and a.lemma_.lower() in PLANNING for a in tok.children))
        if depth == 1 and trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and tok.lemma_.lower() in ASKING_FOR:
            return "hypothetical"  # "called for talks", "appealed for a ceasefire": asked for, not yet agreed
        if depth > 0 and plans and tok is not trigger and not setting and not done:
            # (not "agreed at negotiations": the talks where it was agreed happened)
            if tok.lemma_.lower() in ("propose", "suggest") and tok.tag_ != "VBN":
                return "hypothetical"  # "proposed a meeting", "suggested holding talks": no commitment yet
            if tok.lemma_.lower() == "offer" and tok.tag_ != "VBN":
                continue
            if tok.lemma_.lower() == "go" and tok.tag_ != "VBG":
                continue  # "is going to meet" plans; "went on strike" happened
            if tok.lemma_.lower() in WANTING and chain[depth - 1].lemma_.lower() in COURTESIES:
                continue  # "I want to thank X", "we wish to express our support": said, so done
            if tok.lemma_.lower() in VOWS and (chain[depth - 1].dep_ != "xcomp" or (
                    trigger.dep_ == "pobj" and trigger.head.lower_ in ("at", "during"))):
                continue  # "pledged to hold talks" plans them; "pledged support at a meeting" gave it there
                # ("pledged to help Chile at a meeting with its president": the pledge's setting)
            if tok.lemma_.lower() == "announce" and chain[depth - 1].pos_ == "NOUN" and chain[depth - 1].dep_ == "dobj":
                continue  # "announced the imposition of sanctions": an act made public, done (a date ahead still plans it)
            status = "planned"
        if tok.lower_ in ("conditional",):
            return "hypothetical"
        if depth > 0 and tok.lemma_.lower() == "look" and any(c.lower_ == "forward" for c in tok.children):
            status = "planned"  # "looks forward to meeting X": a meeting to come
        if depth > 0 and tok.pos_ == "NOUN" and tok.lemma_.lower() in CHANCES and not (
                tok.head.lemma_.lower() in ("have", "get", "take", "use", "seize") and tok.head.tag_ in ("VBD", "VBN")):
            return "hypothetical"  # "would welcome the opportunity to meet X": a chance (but "had the chance to meet" met)
        if tok.dep_ in ("xcomp", "ccomp") and to_infinitive(tok) and tok.head.lemma_.lower() in ENABLING:
            return "hypothetical"  # "the sanctions allow authorities to block his assets": a power given, not used
        if depth > 0 and tok.pos_ == "VERB" and tok.lemma_.lower() in CONSIDERING and chain[depth - 1].dep_ in ("xcomp", "dobj"):
            return "hypothetical"  # "is considering sending troops", "weighs new sanctions": not decided
        # "Putin and Erdogan are to meet": be + to-infinitive is an arrangement
        if depth > 0 and tok.lemma_ == "be" and chain[depth - 1].dep_ == "xcomp" and to_infinitive(chain[depth - 1]):
            status = "planned" if status == "occurred" else status
        # A headline's bare infinitive: "Lavrov to hold talks with ICRC President".
        if tok.pos_ == "VERB" and to_infinitive(tok) \
                and (tok.dep_ == "ROOT" or is_headline(tok.sent)):
            status = "planned"  # "Lavrov to hold talks", "Nordic envoys to meet Kenyan leader"
    # "ahead of planned meetings", "a meeting ... is scheduled for"
    head = trigger.head
    if trigger.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in PLANNING \
            and not (head.lemma_.lower() == "go" and head.tag_ != "VBG"):  # "the talks had gone well" happened
        status = "planned"
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "ahead":
        status = "planned"
    if trigger.dep_ == "pobj" and head.lower_ in ("for", "of") and _preparing(head.head):
        status = "planned"  # "preparations for the visit", "the arrangements for the talks"
    if trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and head.lower_ in ("before", "ahead"):
        status = "planned"
    if status == "planned" and any(condition_clause(c) for t in chain[:2] for c in t.children):
        status = "hypothetical"  # "may meet X if time allows", "will visit Kyiv if invited": on a condition
    if trigger.dep_ == "pobj" and head.lower_ in ("of", "for", "over", "about") and head.head.lemma_.lower() in FEARED:
        return "hypothetical"  # "fears of a Russian attack", "the risk of an invasion", "hopes for a meeting"
    if trigger.dep_ == "nsubj" and head.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lower_ in HYPOTHETICAL_ADJECTIVES for c in head.children):
        status = "hypothetical"  # "a meeting between them is possible", "... is unlikely"
    if status == "occurred" and trigger.dep_ in ("relcl", "acl") and to_infinitive(trigger) \
            and trigger.head.dep_ == "attr" and trigger.head.head.lemma_ == "be":
        # "X will be the first minister to visit Kenya": the visit is as far off as the copula
        status = status_of(trigger.head.head)
    if status in ("occurred", "planned") and is_question(trigger.sent) \
            and not any(t.lower_ in ("said", "says", "told", "asked") for t in trigger.sent):
        status = "hypothetical"  # "Will Putin meet Zelensky in Istanbul?": asked, not told
    return status
