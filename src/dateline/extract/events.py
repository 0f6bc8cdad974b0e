"""The ``dateline_events`` component: triggers -> EventMentions.

For each sentence, a token is a trigger when its lemma is in the trigger
lexicon (``data/triggers.json``) for its part of speech and, where the
lexicon asks, it has the right kind of object or modifier ("provide aid",
"prisoner exchange"). Light verbs hand the event to the noun they govern
("held talks", "signed a memorandum"). Arguments come from the dependency
parse: the subject side gives actors, objects and with/to/between phrases
give recipients, each expanded over coordination and reduced to the most
specific participant. Status (``status.py``), mode, date and place are
decided per event; ``document.py`` then reads the candidates as one article
(splits, trips, merges), and ``grammar.py`` holds the tree helpers both use.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dateline.coding import code_mention
from dateline.extract.document import (
    DURATION,
    NUMBERS,
    STATEMENT_TYPES,
    Candidate,
    DocumentPass,
    anaphoric,
    unique,
)
from dateline.extract.grammar import (
    END_VERBS,
    SPAN_VERBS,
    TITLE_WORDS,
    conj_branches,
    coordinated,
    governing_chain,
    misread_main_verb,
    misread_reduced_relative,
    own_object,
    purpose_clause,
    title_words_only,
)
from dateline.extract.status import (
    CANCELLING,
    CONSIDERING,
    FEARED,
    HYPOTHETICAL_AUX,
    LIGHT_VERBS,
    NEGATING_PARTICLES,
    PLANNED_ADJECTIVES,
    PLANNED_AUX,
    REPORTING,
    condition_clause,
    governors,
    has_aux,
    is_headline,
    status_of,
    to_infinitive,
)
from dateline.extract.status import FUTURE_AUX as WILL_AUX
from dateline.link import date_bounds
from dateline.model import EventMention, Evidence, Participant, TimeSpan
from dateline.resolve.actors import (
    CIVIL_GROUPS,
    MEETING_NAMES,
    SETTLEMENTS,
    SITE_HEADS,
    VENUE_HEADS,
    Mention,
    dominant_country,
    expletive,
    names_a_site,
    placed_by_position,
    site_of,
)
from dateline.resolve.kb import ORG_HEAD_ROLES, knowledge_base
from dateline.resolve.lexicon import base_forms, cue_set, load, named_indices, triggers, word_hashes
from dateline.resolve.time import interval_from_duration, resolve_time

PLACE_LABELS = {"GPE", "LOC", "FAC"}
CROWDS = frozenset({"protester", "protestor", "demonstrator", "crowd", "marcher", "rally", "demonstration",
                    "student", "supporter", "mourner", "worshipper", "activist"})
# "at the start of a four-day visit", "at the end of his trip": a trip's first or last day
TRIP_EDGES = frozenset({"start", "beginning", "outset", "end", "close", "conclusion"})
# "on the sidelines of the summit in Lima": where the occasion is, the meeting is
SIDELINES = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes"})
# Prepositions that place force, troops and crowds ("along the border", "around the island")
AROUND = {"around", "along", "near", "across", "off", "outside", "inside", "throughout"}
# Kinds of site a text may name without a proper name
SITES = {"border", "frontier", "coast", "corridor", "line", "strait", "crossing", "checkpoint", "boundary",
         "district", "square", "embassy", "parliament", "port", "harbour", "airport", "base", "camp"}
RECIPIENT_PREPS = {"with", "to", "between", "among", "on", "upon", "against", "for", "from", "into", "at"}
REQUEST_NOUNS = {"need", "necessity", "call", "appeal", "demand", "request", "plea"}
THREAT_NOUNS = {"ultimatum", "threat", "warning"}
SETTLEMENT_NOUNS = {"agreement", "deal", "accord"}
COMMITMENTS = {"commitment", "pledge", "promise", "determination", "resolve", "vow", "assurance", "dedication"}
SOUGHT_NOT_ASKED = {"refuge", "shelter", "safety", "cover", "treatment", "care", "office", "election", "reelection",
                    "re-election", "seat", "post", "position", "revenge", "way", "ways", "means"}
DESCRIBING_THREATS = {"pose", "represent", "constitute", "face", "counter", "address", "perceive", "remain", "become",
                      "combat", "fight", "tackle", "confront", "eliminate", "reduce", "grow", "rise", "increase"}
CARRIERS = {"plane", "aircraft", "flight", "ship", "vessel", "convoy", "truck", "lorry", "shipment", "aid",
            "cargo", "consignment", "boat", "train", "helicopter", "jet"}
# goods that relief is made of: carried by a plane or convoy that arrives, they are aid delivered
RELIEF_GOODS = frozenset({"food", "medicine", "medicines", "supplies", "water", "tent", "tents", "blanket", "blankets",
                          "flour", "wheat", "rice", "vaccine", "vaccines", "kit", "kits", "parcel", "parcels"})
AID_NOUNS = {"aid", "assistance", "funding", "donation", "shipment", "relief"}
STATE_ACTS = frozenset({"COERCE", "SANCTION"})  # acts only a state does: done where it rules
THIRD_PARTY_ROLES = frozenset({"host", "chair", "mediate", "broker", "facilitate", "sponsor"})  # ("co-chaired" too)
HOSTING = frozenset({"host", "convene", "organise", "organize", "facilitate", "sponsor"})  # talks a third party holds for others
CHAIRING = frozenset({"chair", "preside", "convene"})  # who chairs a meeting with no counterpart runs an internal one
# Verbs that grow a relation or an effort: their subject takes part in it ("stepped up its aid")
GROWING = frozenset({"boost", "deepen", "strengthen", "expand", "enhance", "increase", "intensify", "broaden",
                     "bolster", "step", "scale", "ramp", "widen", "improve", "upgrade", "accelerate", "double", "triple"})
GIVING = GROWING | LIGHT_VERBS | {"send", "provide", "deliver", "pledge", "allocate", "approve", "announce", "receive",
                                  "donate", "dispatch", "ship", "airlift", "channel", "distribute", "fly", "bring",
                                  "grant", "commit", "unveil", "transfer", "disburse", "release"}
ARRIVING = {"arrive", "reach", "land", "flow", "enter", "cross"}
APPEAL_NOUNS = {"appeal", "demand", "request", "plea"}
# what a speaker voices for a body or a state: "reaffirmed Brazil's support", "renewed the EU's call"
STANCES = frozenset({"support", "backing", "solidarity", "commitment", "condolence", "sympathy", "gratitude", "thanks",
                     "appreciation", "call", "appeal", "demand", "position", "stance", "opposition"})
APPEALING = LIGHT_VERBS | {"renew", "repeat", "reiterate", "echo", "voice", "send", "submit", "deliver",
                           "address", "put", "present", "table", "make", "issue", "launch", "lodge", "file"}
SEEKING = frozenset({"seek", "request", "ask", "solicit", "enlist", "want", "need"})  # "sought Chile's support": asked of Chile
MADE_DEPS = ("dobj", "nsubjpass", "nsubj", "attr", "appos", "conj")  # a noun a verb makes or reports
SETTLING = LIGHT_VERBS | {"broker", "forge", "secure", "negotiate", "mediate", "hammer"}  # ways of making a deal
# nouns whose "of" complement is what they hold: "thousands of reservists", "a state of emergency"
LOADS = frozenset({"tonne", "tonnes", "ton", "tons", "truckload", "truckloads", "kilogram", "kilograms", "litre", "litres",
                   "liter", "liters", "pallet", "pallets", "consignment", "consignments", "batch", "shipload", "planeload"})
CARRIERS = frozenset({"truck", "lorry", "plane", "aircraft", "ship", "boat", "container", "convoy"})  # "trucks of flour"
QUANTITY_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores", "number",
                  "million", "millions", "batch", "group", "contingent", "state", "wave", "series"}
OFFERING = {"ready", "willing", "prepared", "readiness", "willingness", "preparedness", "offer"}
COLLAPSING = {"collapse", "fail", "falter", "expire", "end", "break", "hold", "lapse", "crumble", "unravel"}
BENEFIT_TYPES = {"AID", "SUPPORT", "AGREE", "COOPERATE"}
DEPRIVING = frozenset({"strip", "deprive", "rob"})  # verbs whose thing taken follows "of"
BARRING = frozenset({"ban", "bar", "prohibit", "forbid"})  # "banned X from operating": a restriction on X
MISSIONS = frozenset({"embassy", "embassies", "consulate", "consulates", "mission"})  # a state's posts abroad
CONFINING = frozenset({"place", "put", "keep", "hold"})  # "placed X under house arrest": custody imposed
CUSTODY_STATES = frozenset({"arrest", "detention", "custody", "siege", "curfew", "surveillance"})
PEOPLE_WORDS = frozenset({"women", "girls", "men", "children", "people", "citizens", "nationals", "foreigners"})
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound", "appos"})
STATE_BODY_WORDS = frozenset({"government", "ministry", "administration", "cabinet", "authorities", "embassy"})
DEPARTING = frozenset({"leave", "depart", "head", "fly", "set"})  # "leaving for Lima, where ..."
SHELTERED = frozenset({"refugee", "migrant", "asylum-seeker", "seeker", "people", "family", "displaced", "evacuee"})
REACTING = frozenset({"respond", "react", "reply", "answer", "retaliate", "object", "adapt"})
READYING = frozenset({"prepare", "arrange", "organise", "organize", "plan"})  # making ready for a later act
SEQUENCE_VERBS = frozenset({"follow", "precede"})  # one event placed after or before another
NOMINAL_PREPS = {"for", "to", "in", "during", "at", "after", "following", "on", "about"}
# Nouns that measure out an event: "four days of talks", "a second round of negotiations"
MEASURE_NOUNS = {"day", "hour", "week", "month", "year", "round", "series", "session", "night"}
BATCHES = {"package", "raft", "batch", "tranche", "set", "slate"}  # "a new package of sanctions"
# Prepositions that introduce a recipient only for some event types: "agree on X"
# and "call for X" name a topic, "sanctions on X" and "aid for X" a target.
TYPED_PREPS = {
    "on": {"SANCTION", "COERCE", "ASSAULT", "THREATEN", "REQUEST", "CONSULT", "CONCEDE"},
    "upon": {"SANCTION", "COERCE", "ASSAULT", "THREATEN", "REQUEST"},
    "for": {"AID", "SUPPORT", "REQUEST"},
    "from": {"RETREAT"},
    "into": {"ASSAULT", "ACCUSE"},  # "fired rockets into Israel", "an investigation into X": its target
    "at": {"ASSAULT"},  # "fired at the protesters" (a place named after "at" stays the place)
    "against": {"ACCUSE", "ASSAULT", "SANCTION", "COERCE", "THREATEN", "PROTEST", "REJECT"},
}
# Verbs of ending something ("would stop cooperating", "will halt the talks")
CEASING = {"stop", "halt", "cease", "end", "suspend", "quit", "abandon"}
# Buildings that stand for the state that owns them: a march "on the American embassy"
SEATS = {"embassy", "consulate", "mission", "legation", "chancery", "residence", "office", "offices"}
# Types whose trigger, inside what a thanks, promise or appeal is about, is that statement's content
CONTENT_TYPES = {"SUPPORT", "AGREE", "COOPERATE", "AID"}
# Verbs whose subject helps a release happen without being a side of it
# what is only said to be so: an act named after it is not told as happening
HEARSAY = frozenset({"report", "rumour", "rumor", "claim", "speculation", "allegation"})
# adverbs of habit: what someone usually does is no single occurrence
HABITUAL = frozenset({"regularly", "traditionally", "usually", "often", "routinely", "frequently", "typically",
                      "generally", "habitually", "customarily", "normally"})
# acts that leave a state behind them: holding people or ground ("still holds", "occupy")
HOLDING = frozenset({"hold", "detain", "occupy", "imprison", "besiege", "blockade", "jail"})
# time words that put a period's part still to come ("later this month", "in the coming days")
AHEAD = re.compile(r"\blater\s+(?:this|in\s+the)\b|\b(?:coming|upcoming)\s+(?:days?|weeks?|months?)\b", re.I)
# verbs whose object does what their to-infinitive says ("invited X to visit", "forced X to close");
# not those of asking ("urged X to release"), whose content is the request's, no act of X's
OBJECT_CONTROL = frozenset({"invite", "prompt", "force", "lead", "push", "compel", "cause", "persuade", "convince",
                            "pressure", "pressurize", "pressurise", "drive", "spur", "encourage", "allow", "enable",
                            "permit", "oblige", "require", "authorize", "authorise", "help", "get"})
FACILITATING = {"facilitate", "secure", "negotiate", "broker", "mediate", "seek", "demand", "help", "arrange",
                "oversee", "welcome", "support", "urge", "call"}
# Verbs that, promised ("will work with X"), are an offer to cooperate: AGREE
PROMISE_VERBS = {"work", "cooperate", "collaborate"}
PROMISING = {"pledge", "promise", "vow", "commit", "ready", "willing", "prepared", "determined", "agree", "continue",
             "intend", "want", "offer"}
OFFER_WORDS = {"readiness", "willingness", "ready", "willing", "prepared", "offer", "pledge", "promise", "commitment"}
# Verbs that describe a disposition as shown rather than announce it
SHOWING = {"demonstrate", "show", "reflect", "illustrate", "prove", "underscore", "exemplify"}
OBLIGATION = {"must", "should", "ought"}
# Promises that, of aid, are pledged aid (AID planned, convention 10)
PLEDGE_VERBS = {"pledge", "promise"}
CURRENCIES = {"dollar", "euro", "franc", "pound", "yen", "yuan", "rupee", "riyal", "dirham", "krone", "kroner", "krona",
              "kronor", "shilling", "peso", "lira", "rand"}
FUNDS = {"fund", "funds", "funding", "donation", "contribution", "money", "financing", "pledge"} | CURRENCIES
ANNOUNCED_AID = {"aid", "assistance", "relief", "funding", "donation", "grant", "loan"}  # what an announced sum is of
# what an announced sum is for ("$15 million for the humanitarian response", "to help refugees"): a relief purpose
AID_PURPOSES = cue_set("aid_purposes")
ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "attache", "attaché", "consul", "chargé", "charge"})
# a state's people abroad whom a host orders out: diplomats, and forces, peacekeepers and
# inspectors (PLOVER reduces relations either way: "ordered French troops to leave")
ORDERED_OUT = ENVOYS | {"troop", "troops", "force", "forces", "peacekeeper", "peacekeepers", "inspector", "inspectors",
                        "monitor", "monitors", "soldier", "soldiers", "contingent", "mission"}
LEAVING = frozenset({"leave", "depart", "quit", "exit"})
AUTHORISING = frozenset({"approve", "authorise", "authorize", "ratify", "endorse", "greenlight", "sanction"})
PROTESTING = frozenset({"protest", "denounce", "condemn", "oppose", "decry", "demand", "reject"})  # a protest's aim
BACKING_NOUNS = frozenset({"support", "funding", "help", "assistance", "backing", "contribution", "financing"})
RELEASING_FUNDS = frozenset({"release", "allocate", "disburse", "earmark", "unlock", "mobilise", "mobilize"})
# texts that propose what they are about (a report on aid shipped tells of real aid)
SIGNED_TEXTS = frozenset({"agreement", "accord", "deal", "treaty", "pact", "memorandum", "declaration", "protocol",
                          "charter", "convention", "communique", "communiqué", "statement", "framework", "roadmap"})
DOCUMENT_NOUNS = frozenset({"resolution", "draft", "bill", "motion", "law", "proposal"})
ADDRESSING_VERBS = frozenset({"tell", "assure", "reassure", "inform", "brief", "urge", "ask", "thank",
                              "congratulate", "invite", "warn", "press", "update"})  # whom a call's words are for
BLAMING_WORDS = frozenset({"responsible", "accountable", "guilty", "culpable"})  # blame laid on someone
BLAMED_HARMS = frozenset({"death", "killing", "assassination", "murder", "crisis", "violence", "bloodshed", "suffering",
                          "destruction", "escalation", "massacre", "crime", "tragedy", "famine", "consequence"})
COMPELLED = frozenset({"force", "oblige", "compel"})  # "would be forced to": done under compulsion
# verbs whose subject is the one an act is done to ("received aid from", "faced criticism from")
RECEIVING = frozenset({"receive", "obtain", "get", "win", "gain", "secure", "earn", "draw", "face", "attract"})
RECEIVED_TYPES = frozenset({"AID", "SUPPORT", "ACCUSE", "REQUEST", "THREATEN", "SANCTION", "ASSAULT", "AGREE"})
STANCE_VERBS = frozenset({"recognise", "recognize", "accept", "endorse", "approve"})  # not doing them refuses
INSISTING = frozenset({"insist", "demand", "urge", "ask", "request", "propose", "recommend"})  # take a subjunctive
ANNOUNCING = {"announce", "unveil"}  # aid made public is aid given
VOWING = {"vow", "pledge", "promise", "swear"}
HARMS = {"retaliation", "consequence", "consequences", "response", "action", "measure", "measures", "countermeasure",
         "countermeasures", "attack", "strike", "war", "force", "sanction", "sanctions", "reprisal", "reprisals", "punishment"}
# What one answers in kind: "would respond to any attack / aggression / provocation"
HOSTILE_ACTS = {"attack", "aggression", "provocation", "incursion", "strike", "violation", "act", "sabotage", "assault"}
# "on the sidelines / margins / fringes of X": the occasion a meeting is held at, not a party to it
OCCASION_EDGES = {"sideline", "sidelines", "margin", "margins", "fringe", "fringes"}
RETALIATION_NOUNS = {"response", "retaliation", "revenge", "reprisal", "countermeasure", "vengeance"}
RETALIATION = {"retaliate", "avenge", "punish", "crush", "annihilate", "destroy", "eliminate", "respond", "hit"}
AID_WORDS = {"aid", "assistance", "funding", "fund", "relief", "support", "grant", "loan", "donation", "contribution",
             "million", "billion"}
# What a statement can promise that is a reprisal: "would take countermeasures", "retaliatory steps"
REPRISALS = cue_set("reprisal_words")
STERN = frozenset({"resolute", "firm", "decisive", "forceful", "tough", "drastic", "harsh", "stern", "severe", "strong"})
FORCEFULLY = cue_set("forceful_manner_words")
# Passing judgement: the verbs, what a claim is, and the verdicts that deny or condemn
JUDGING = cue_set("judging_verbs")
CLAIMS = cue_set("claim_nouns")
DENIALS = cue_set("denial_verdicts")
PROPOSALS = cue_set("proposal_nouns")  # what one turns down by calling it absurd or unacceptable
UNACCEPTABLE = frozenset({"unacceptable", "inadmissible", "unrealistic", "unworkable", "impossible", "outrageous"})
CONDEMNATIONS = cue_set("condemning_verdicts")
VIOLATING = cue_set("violating_verbs")  # "said X violated the truce": an accusation
BREAKING = frozenset({"violate", "breach", "flout", "contravene"})  # only an agent breaks a rule
POSED_DANGERS = frozenset({"threat", "danger", "risk", "menace"})  # "X poses a threat to Y"
COMMITTED_WRONGS = frozenset({"crime", "genocide", "atrocity", "massacre", "violation", "abuse", "murder", "torture",
                              "cleansing", "aggression", "terrorism"})  # "said X committed war crimes"
CONDUCT = cue_set("conduct_nouns")  # what someone does or says, judged like an act: "Chile's decision"
# Wanting or telling someone to act is asking it of them
WANTING = cue_set("wanting_verbs")
# Putting a member out of a body, and the words for what it is put out of
SHUTTING_OUT = cue_set("shutting_out_verbs")
MEMBERSHIP_WORDS = cue_set("membership_words")
# Verbs whose negation is consent: "did not mind", "did not object to"
NOT_OBJECTING = {"mind", "object"}
FORCE_TYPES = {"ASSAULT", "COERCE", "RETREAT"}
RANGE_WORDS = {"and", "to", "-", "–", "until", "through"}
GROUP_PRONOUNS = {"they", "both", "we", "their"}
# "the pair", "two top officials", "both ministers": references to a named group of that size
GROUP_SIZE = {"pair": 2, "duo": 2, "trio": 3, "two": 2, "both": 2, "three": 3, "2": 2, "3": 3}
STATE_GROUP_NOUNS = {"government", "country", "nation", "state"}
FORCE_GROUPS = cue_set("group_nouns")  # "troops", "police", "officers": a state's people and forces
GROUP_NOUNS = {"official", "leader", "envoy", "minister", "diplomat", "representative", "negotiator", "president",
               "head", "chief", "delegate", "man", "woman"}
TIME_LEAD = {"on", "in", "before", "after", "since", "by", "until", "earlier", "later", "last", "late", "early",
             "mid", "over", "this", "next", "during", "the", "of", "from", "at"}




SETTING_PREPS = {"at", "during", "in"}
PEOPLE_NOUNS = {"people", "civilian", "resident", "family", "child", "refugee", "population", "person", "villager",
                "household", "migrant", "victim", "inhabitant"}
COUNTED_PEOPLE = PEOPLE_NOUNS | {"detainee", "prisoner", "patient", "student", "worker", "survivor", "beneficiary",
                                 "displaced", "returnee", "farmer", "woman", "man"}
TOPIC_VERBS = {"discuss", "debate", "review", "examine"}
# Natural hazards: as a subject they make a sentence about a disaster, not about an actor
HAZARDS = cue_set("natural_hazards")
# Bodies whose meetings are internal to a government or organisation (GUIDELINES 11)
INTERNAL_BODIES = cue_set("internal_bodies")
AUDIENCES = cue_set("audiences")  # whom one meets or speaks to without a counterpart of note
PUBLIC = cue_set("general_public")  # appeals to them are not annotated (convention 11)
# Dismay at an act, voiced: criticism of it (PLOVER ACCUSE)
DISMAYING = cue_set("dismay_words")
CONCERNED = frozenset({"concerned", "worried"})  # concern voiced: criticism only of a harmful act
PEACEFUL_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "AID", "REQUEST", "COOPERATE"})
APOLOGISING = frozenset({"apologise", "apologize", "apology", "apologies"})  # made to whom the wrong was done
# words addressed "to" someone: a capital there is its government, not a destination
ADDRESSED_TYPES = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT"})
SPOKEN_TYPES = ADDRESSED_TYPES | {"SUPPORT", "AGREE"}  # acts done by saying them
# a capital after these prepositions stands for its government in events of these types:
# "a warning to Helsinki", "called on Moscow", "an apology from Ankara", "flights to Madrid suspended"
SEAT_TYPES = {"to": ADDRESSED_TYPES | {"SANCTION"}, "on": ADDRESSED_TYPES | {"SANCTION"}, "from": frozenset({"REQUEST", "RETREAT"})}
HARMFUL_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})  # acts one is concerned at
DELEGATIONS = cue_set("delegation_nouns")  # bodies of people sent somewhere together
ALLEGING = cue_set("alleging_words")  # "accused X of ...": what is alleged
ACCUSING = {"accuse", "blame", "charge", "suspect", "condemn", "denounce", "criticise", "criticize"}
LEADING = {"lead", "head", "conduct", "chair", "broker", "carry", "undertake"}
HARMING = {"intimidate", "threaten", "punish", "crush", "destroy", "defeat", "annex", "invade", "conquer"}
ACCEPTING = {"accept", "heed", "grant", "meet", "satisfy", "fulfil", "fulfill"}  # demands, conditions
AWAITED = {"expect", "due"}  # "is expected in Kyiv": someone's arrival awaited
TRIP_ENDS = {"end", "wrap", "complete", "finish", "cut", "extend", "interrupt", "prolong"}  # "ended his visit"
TRIP_BOUNDS = TRIP_ENDS | {"begin", "start", "open", "conclude"}  # "ended/began her visit with a meeting"
RETURNING = {"return", "come", "arrive"}  # "returned from a visit to Iran": who made it
ORGANISING = {"lead", "organise", "organize", "spearhead", "mount"}  # who leads a protest makes it
MEETING_WORDS = {"talk", "talks", "meeting", "discussion", "negotiation", "conversation", "consultation", "summit", "call",
                 "visit", "encounter", "session", "dialogue", "negotiations", "discussions", "consultations"}
# Action nouns whose "of" is what is made or freed, not who acts: "the creation of a mission"
MADE_THINGS = {"creation", "establishment", "formation", "deployment", "release", "return", "opening", "setting"}
PRAISE_VERBS = {"commend", "praise", "hail", "applaud", "laud", "welcome", "appreciate", "acknowledge"}
CAPTIVES = {"hostage", "prisoner", "detainee", "captive"}
CAPTURING = {"take", "hold", "seize", "capture", "abduct", "kidnap"}
# Verbs of fighting that starts or goes on: what it is "between" is who fights
ONSET_VERBS = frozenset({"break", "erupt", "flare", "resume", "continue", "escalate", "intensify", "rage", "start",
                         "begin", "spread"})
SIDES_NOUNS = {"party", "side"}
SIDES_MODIFIERS = {"warring", "conflicting", "opposing", "both", "two", "rival", "belligerent"}


# A host's verbs: the one received is the visitor
HOSTING_VERBS = frozenset({"receive", "welcome", "host", "greet"})


def _takes_effect(verb: Token) -> bool:
    """"take effect", "come into force", "enter into force", "resume", "take place": when an
    agreement starts to hold or talks happen."""
    lemma = verb.lemma_.lower()
    if lemma in ("resume", "begin", "start", "open", "convene", "reconvene", "happen"):
        return True
    if lemma == "take":
        return any((c.dep_ == "dobj" and c.lower_ in ("effect", "place")) for c in verb.children)
    return lemma in ("come", "enter") and any(
        c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ == "force" for g in c.children) for c in verb.children)


def conflict_sides_phrase(tok: Token) -> bool:
    """"Warring parties", "both sides", "the two sides", "the conflicting parties", "the sides":
    the two sides of the conflict the article is about, not named here."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "det", "nummod", "predet", "compound")]
    return tok.lemma_.lower() in SIDES_NOUNS and tok.tag_ == "NNS" and (
        any(c.lower_ in SIDES_MODIFIERS for c in mods)
        or tok.lower_ == "sides" and [c.lower_ for c in mods] == ["the"])  # (not "the parties": political ones)


# Auxiliaries of what will be ("will meet", "would respond") and of what may or must be
FUTURE_AUX = WILL_AUX | {"would"}
MODAL_AUX = FUTURE_AUX | HYPOTHETICAL_AUX | PLANNED_AUX | {"must"}
# What only a state does to people: arrests, detentions, releases from its custody (not kidnapping).
STATE_CUSTODY = frozenset({"arrest", "detain", "jail", "imprison", "intercept", "deport", "expel", "raid",
                           "release", "free", "pardon", "sentence", "convict", "charge", "summon"})
# Statement types whose complement is an act not (yet) done: asked for, threatened, refused.
MODAL_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT"})
# acts done with force or goods, whose to-infinitive states their purpose
PHYSICAL_TYPES = frozenset({"ASSAULT", "COERCE", "AID", "MOBILIZE"})
PROPOSING = frozenset({"propose", "suggest", "recommend", "offer", "volunteer"})
NUMERIC_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}


def _for_clause(tok: Token) -> bool:
    """Is this a "for X to do" clause ("called for China to act", "appealed for the sides to
    talk"): a verb with a subject of its own and "for" as its mark?"""
    return tok.dep_ in ("advcl", "ccomp", "xcomp") and tok.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _invited_to(tok: Token) -> Token | None:
    """The verb of invitation a meeting noun is the invitation to ("invited X to talks",
    "invited X for a meeting"), if it is one."""
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "for") \
            and tok.head.head.lemma_.lower() == "invite" and tok.head.head.pos_ == "VERB":
        return tok.head.head
    return None


def _with_whom(heads: list[Token]) -> list[Token]:
    """The objects of "with" hung on any of these words ("spoke by phone [with X]")."""
    return [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children if o.dep_ == "pobj"]


def _called_person(tok: Token) -> list[Token]:
    """Whom "called" names, when the parser read the person as what someone is called
    ("called President X on Monday" as "called [him] X"): the name, with no object before it."""
    if tok.lemma_.lower() != "call" or any(c.dep_ == "dobj" for c in tok.children):
        return []
    return [c for c in tok.children if c.dep_ == "oprd" and (c.ent_type_ == "PERSON" or c.pos_ == "NOUN" and any(
        g.dep_ == "appos" and g.ent_type_ == "PERSON" for g in c.children))]


def _words_below(tok: Token) -> set[str]:
    """The lemmas of a meeting's phrase, not counting the words of someone's title ("met the
    Speaker of the National Assembly" met one person) nor of the occasion it is held on the
    sidelines of ("met X on the margins of the Assembly" met X): a walk that stops below them."""
    words: set[str] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        lemma = t.lemma_.lower()
        words.add(lemma)
        if t.i == tok.i or (lemma not in TITLE_WORDS and lemma not in OCCASION_EDGES):
            # (nor what a relative clause says of a participant: "to meet X, who has offered
            # to host a summit")
            stack.extend(c for c in t.children if not (c.dep_ == "relcl" and c.head.i != tok.i))
    return words


def _forces_moved(r: Token, verb: Token) -> bool:
    """Whether ``r`` names the forces ``verb`` moves: its object "troops", "police officers", or
    the nationality on it ("Peruvian troops"), also as the passive's subject or what its count
    counts ("thousands of Turkish troops were deployed")."""
    force = r.head if r.dep_ in ("amod", "compound") else r
    moved = force.head.head if force.dep_ == "pobj" and force.head.lower_ == "of" else force
    return moved.dep_ in ("dobj", "nsubjpass") and moved.head.i == verb.i and force.lower_ in FORCE_GROUPS


def _tensed_verb(tok: Token) -> Token:
    """The trigger, or the verb a nominal trigger is the subject or object of: what carries its tense."""
    return tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "dobj") else tok


VOTING_BODY = re.compile(r"\b(?:Council|Assembly|Parliament|Congress|Senate)\b")


def _setting_verb(tok: Token) -> Token | None:
    """The act an "at"/"during" phrase makes this the setting of ("pledged support at a meeting
    with X": pledged), also when the phrase hangs on the act's object."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "during"):
        return None
    verb = tok.head.head
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head
    return verb if verb.pos_ == "VERB" else None


def _planned_in_the_past(tok: Token) -> bool:
    """Is what makes the act a plan told in the past tense ("was due to meet", "was expected to
    visit", "had planned to travel"), outside reported speech?"""
    for t in governors(tok)[1:]:
        if t.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.children) \
                or t.dep_ == "acomp" and t.head.tag_ == "VBD":
            clause = t.head if t.dep_ == "acomp" else t
            # (not the past of reported speech: "said he planned to visit Kenya on Friday")
            return not (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING)
    return False


def _present_tense(tok: Token) -> bool:
    """Is the trigger in the simple present ("meets", "travels", "the meeting takes place")?"""
    verb = _tensed_verb(tok)
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _present_progressive(tok: Token) -> bool:
    """Is the trigger in the present progressive ("is travelling", "are meeting")?"""
    verb = _tensed_verb(tok)
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _apposed_to(doc: Doc, m: Mention, head: Token) -> bool:
    """Is the mention an apposition of ``head``, alone or in a list ("the ministers, X and Y")?"""
    root = next((t for t in doc[m.start: m.end] if not m.start <= t.head.i < m.end or t.head.i == t.i), None)
    while root is not None and root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root is not None and root.dep_ == "appos" and root.head.i == head.i


def _first_char(sent: Span) -> int:
    """The offset of a sentence's first non-space character (tokens do not start with
    whitespace: only a space token is one)."""
    for tok in sent:
        if not tok.is_space:
            return tok.idx
    return sent.end_char


def _unwilling(tok: Token) -> bool:
    """"was not ready to", "is not willing to": an adjective of willingness under a negated copula."""
    return tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.lemma_.lower() in OFFERING \
        and any(c.dep_ == "neg" for c in tok.head.children)


AMOUNTS = {"million", "billion", "trillion", "thousand", "dollar", "euro", "pound", "yen", "yuan", "franc",
           "tonne", "ton", "worth", "$", "€", "£"}


def amount_of(tok: Token) -> Token | None:
    """The sum or quantity a noun is measured by: "50 million euros in aid", "$10 million of
    assistance", "200 tonnes of food" -> the amount's head."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "of"):
        return None
    amount = tok.head.head
    if amount.pos_ in ("NOUN", "NUM", "SYM") and (amount.lemma_.lower() in AMOUNTS or amount.ent_type_ == "MONEY"
                                                 or _counted_currency(amount)):
        return amount
    return None


def own_phrase(tok: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `tok`, with its "of" complements and
    appositions but without other prepositional phrases or clauses attached to it
    ("a statement [with Oman]", "the report [that the prisoners were freed]")."""
    out = [tok]
    for c in tok.children:
        if (c.dep_ == "prep" and c.lower_ != "of") or c.dep_ in ("relcl", "acl", "advcl", "ccomp", "punct"):
            continue
        out.extend(own_phrase(c))
    return out


def _counted_currency(tok: Token) -> bool:
    """A number of a currency the NER left out of its MONEY entity: "50 million euros", "40 million kroner"."""
    return (tok.lower_ in CURRENCIES or tok.lemma_.lower() in CURRENCIES) and any(c.like_num for c in tok.children)


def _participle_agents(thing: Token) -> list[Token]:
    """Who a participle clause on a noun says made or did it: "the plan drawn up by Chile", "the
    raid carried out by X"."""
    return [o for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"
            for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


def _receiving(tok: Token) -> tuple[Token, Token] | None:
    """(the act's noun, or the sum or package it measures, and the verb whose subject receives
    it): "received $50 million in aid", "faced criticism", "came under Israeli shelling"."""
    noun = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of") and tok.head.head.dep_ == "dobj" \
        else tok
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING:
        return noun, noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_.lower() == "come":
        return noun, noun.head.head
    return None


def _received_from(tok: Token) -> bool:
    """Is this act received from someone: "received $50 million in aid from Japan", "got a
    request from Kyiv" (received, with a giver after "from")?"""
    found = _receiving(tok)
    return found is not None and found[1].lemma_.lower() in RECEIVING and any(
        p.dep_ == "prep" and p.lower_ == "from" for h in (tok, *found) for p in h.children)


class EventExtractor:
    """Finds event mentions in a Doc processed by ``dateline_actors``."""

    def __init__(self) -> None:
        lex = triggers()
        self.verbs: dict[str, str] = dict(lex["verbs"])
        self.nouns: dict[str, str] = dict(lex["nouns"])
        self.adjectives: dict[str, str] = lex["adjectives"]
        self.noun_mods: dict[str, list[str]] = lex["noun_requires_modifier"]
        self.verb_objs: dict[str, list[str]] = lex["verb_requires_object"]
        self.intransitive: set[str] = set(lex.get("verb_only_intransitive", ()))
        self.reporting = REPORTING
        self.phone = cue_set("phone_words")
        self.multilateral = cue_set("multilateral_words")
        self.third_party = cue_set("third_party_words")
        self.visit_words = cue_set("visit_words")
        self.kb = knowledge_base()
        self.document_pass = DocumentPass(self.kb, self.visit_words)
        self._load_constructions(load("constructions.json"))
        # every word trigger_type can answer for; the rest are no trigger whatever their parse
        self._trigger_words = set(self.verbs) | set(self.nouns) | set(self.adjectives) | set(self.verb_object) \
            | {verb for verb, _ in self.phrasal} | {verb for verb, _ in self.verb_prep} | set(self.noun_modifier) \
            | set(self.nominal) \
            | PLEDGE_VERBS | VOWING | NOT_OBJECTING | PROMISE_VERBS | {"call", "attend", "participate", "take"} | self.reporting | DISMAYING \
            | WANTING | JUDGING | CONCERNED | AWAITED | BARRING | CONFINING | {"set"} | RELIEF_GOODS
        self._trigger_hashes = word_hashes(self._trigger_words, inflected=True)
        self._consumed: set[int] = set()
        self._construed: set[int] = set()
        self._typing_doc: Doc | None = None
        self._typing: dict[int, str | None] = {}

    def _load_constructions(self, rules: dict) -> None:
        """Words and constructions from data/constructions.json: single verbs and nouns (never
        overriding the base lexicon of triggers.json), verb + object lemma, and verb + particle."""
        for entry in rules["verbs"]:
            for lemma in entry["lemmas"]:
                self.verbs.setdefault(lemma, entry["type"])
        for entry in rules["nouns"]:
            for lemma in entry["lemmas"]:
                self.nouns.setdefault(lemma, entry["type"])
        # nouns that are an event only with a counterpart named ("a working lunch with X")
        self.needs_counterpart = frozenset(lemma for e in rules["nouns"] if e.get("needs_counterpart") for lemma in e["lemmas"])
        self.verb_object: dict[str, list[tuple[frozenset[str], str]]] = {}
        for entry in rules["verb_object"]:
            for verb in entry["verbs"]:
                self.verb_object.setdefault(verb, []).append((frozenset(entry["objects"]), entry["type"]))
        self.phrasal = {(e["verb"], p): e["type"] for e in rules["phrasal"] for p in e["particles"]}
        # verb + preposition with an object: "sided with X", "rallied behind X", "voted against the draft"
        self.verb_prep = {(e["verb"], p): e["type"] for e in rules.get("verb_preposition", ()) for p in e["prepositions"]}
        # a verb made a noun ("the closure of", "the imposition of"): the noun -> its verb
        self.nominal: dict[str, str] = {noun: verb for e in rules.get("nominal", ()) for noun, verb in e["pairs"]
                                        if verb in self.verb_object}
        self.noun_modifier: dict[str, list[tuple[frozenset[str], str]]] = {}
        for entry in rules["noun_modifier"]:
            for noun in entry["nouns"]:
                self.noun_modifier.setdefault(noun, []).append((frozenset(entry["modifiers"]), entry["type"]))

    def modified_noun_type(self, tok: Token) -> str | None:
        """The type of a noun that is an event only with some modifiers ("air strike" is an
        attack, "general strike" a protest, "naval drills" a show of force)."""
        options = self.noun_modifier.get(tok.lemma_.lower()) or self.noun_modifier.get(tok.lower_)
        if not options:
            return None
        words = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
        words |= {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
        words |= {g.lower_ for c in tok.children if c.dep_ in ("compound", "amod") for g in c.children}
        if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.pos_ == "VERB":
            words.add(tok.head.head.lemma_.lower())  # "put its troops on alert": the verb that places it
        for mods, etype in options:
            if words & mods:
                return etype
        return None

    def construction_type(self, tok: Token) -> str | None:
        """The type a verb takes from its particle ("pulled out", "ruled out") or from its
        object ("signed a treaty", "sent troops", "closed the border", "fired rockets").
        The object noun is then part of this event, not one of its own."""
        lemma = tok.lemma_.lower()
        for c in tok.children:
            etype = self.verb_prep.get((lemma, c.lower_)) if c.dep_ == "prep" else None
            objs = [g for g in c.children if g.dep_ == "pobj"] if etype else []
            # (someone named sided with or rallied behind; anything voted against)
            if objs and (etype == "REJECT" or any(self._mentions_in(g) for g in objs)):
                self._construed.add(tok.i)
                return etype
        options = self.verb_object.get(lemma)
        if options and not any(c.dep_ == "dobj" for c in tok.children):
            # what one leaves or walks away from: "withdrew from the accord", "pulled out of the deal"
            left = [g for c in tok.children if c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("from", "out", "away")
                    for g in ([c] if c.lower_ == "from" else [p for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "from")])
                    for g in g.children if g.dep_ == "pobj"]
            found = self._object_type(tok, options, left + [g for o in left for g in o.conjuncts]) if left else None
            if found:
                return found
        for c in tok.children:
            if (lemma, c.lower_) not in self.phrasal:
                continue
            # A particle, or what the parser takes for a preposition ("pulled out of", "pulled its
            # troops out of") as long as it has no object of its own ("turned down the road").
            if c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and not any(g.dep_ == "pobj" for g in c.children)):
                # what is handed over says more than the particle: "handed over medical supplies"
                # gives aid, "handed over six soldiers" frees captives
                objects = [g for g in tok.children if g.dep_ in ("dobj", "nsubjpass")]
                by_object = self._object_type(tok, self.verb_object[lemma], objects) \
                    if objects and lemma in self.verb_object else None
                self._construed.add(tok.i)
                return by_object or self.phrasal[(lemma, c.lower_)]
        if lemma in CONFINING and any(c.dep_ == "prep" and c.lower_ == "under" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in CUSTODY_STATES for g in c.children) for c in tok.children):
            for g in (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "under" for g in c.children):
                self._consumed.add(g.i)  # (the arrest is this act, not one of its own)
            self._construed.add(tok.i)
            return "COERCE"  # "placed the opposition leader under house arrest", "kept the town under siege"
        if lemma == "set" and any(t.lower_ == "free" and (t.i == tok.i + 1 or t.dep_ in ("acomp", "oprd", "ccomp", "xcomp"))
                                  for t in tok.subtree):
            self._construed.add(tok.i)
            return "RETREAT"  # "set free 100 fishermen", "set the hostages free"
        if lemma in BARRING and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children) and any(
                c.dep_ == "dobj" and (self._mentions_in(c, own=True) or c.lower_ in CIVIL_GROUPS or c.lower_ in PEOPLE_WORDS)
                for c in tok.children):
            # "banned the agency from operating", "barred women from universities": a restriction
            # laid on someone (CAMEO 172), whatever the object's word
            self._construed.add(tok.i)
            return "COERCE"
        options = self.verb_object.get(lemma) or next(
            (self.verb_object[f] for f in base_forms(tok.lower_) if f in self.verb_object), None)
        if not options:
            return None
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        if not objects:  # "acceded to the demands", "bowed to pressure": the object after "to"
            objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                       for g in c.children if g.dep_ == "pobj"]
        objects += [g for o in objects for g in o.conjuncts]
        # what the object is taken as: "recognised Palestine as a state", "used civilians as shields"
        objects += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                    for g in c.children if g.dep_ == "pobj"]
        # a clause can be the object too: "allowed the Red Crescent to enter the camp"
        objects += [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
        if lemma in DEPRIVING:  # "stripped forty critics of their citizenship": what is taken away
            objects += [g for h in [tok, *objects] for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"]
        return self._object_type(tok, options, objects)

    def nominal_type(self, tok: Token) -> str | None:
        """The type a verb made a noun takes from its object after "of", as the verb would from
        its own: "the closure of the border" (COERCE), "the imposition of sanctions" (SANCTION)."""
        verb = self.nominal.get(tok.lemma_.lower())
        if verb is None:
            return None
        objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return self._object_type(tok, self.verb_object[verb], objects + [g for o in objects for g in o.conjuncts])

    def _object_type(self, tok: Token, options: list[tuple[frozenset[str], str]], objects: list[Token]) -> str | None:
        """The first construction of `options` one of `objects` fits; the object is then part of
        the event at `tok`, not one of its own."""
        for obj in objects:
            words = {obj.lemma_.lower(), obj.lower_}
            if obj.pos_ == "VERB":  # "allowed inspectors to resume their work": who is let in
                words |= {g.lemma_.lower() for g in obj.children if g.dep_ in ("nsubj", "nsubjpass")}
            # the noun's compound counts too: "extended a credit line", "approved an aid package"
            words |= {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}
            # ... and a hyphenated noun the tokenizer split: "staged a sit-in"
            words |= {obj.doc[c.i: obj.i + 1].text.lower() for c in obj.children
                      if c.dep_ == "compound" and c.i + 2 == obj.i and obj.doc[c.i + 1].text == "-"}
            if obj.lemma_.lower() in QUANTITY_NOUNS or obj.lower_ in LOADS or obj.pos_ == "NUM" or obj.lemma_.lower() == "state":
                # (and what a state is of: "lifted the state of emergency")
                # "called up thousands of reservists": what is counted ("handed over 40 tonnes of food aid")
                words |= {g.lemma_.lower() for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"}
            fitting = [etype for objs, etype in options if words & objs]
            if not fitting:
                continue
            # the noun's modifier says which kind it is: "launched air strikes" is an attack,
            # "launched a hunger strike" a protest, whatever the verb usually launches
            modified = self.modified_noun_type(obj)
            self._consumed.add(obj.i)
            self._construed.add(tok.i)
            return modified or fitting[0]
        return None

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Candidate] = []
        self._tokens = list(doc)  # made once: the walks over the whole doc reuse them
        self._sentence_words: dict[int, set[str]] = {}
        self._at, self._mentions = doc._.mention_at or {}, doc._.mentions or []  # (doc._ is made anew per access)
        self._sides_wanted: set[int] = set()
        self._sides_addressed: set[int] = set()
        self._hosted: set[int] = set()
        self._mediated_act: dict[int, Token] = {}  # a mediating participle on a noun -> the act it belongs to
        self._last_group: list[Participant] = []
        self._last_group_at = -1
        # what only a few sentences ask about, found for the whole doc when first asked
        self._lazy: dict[str, object] = {}
        # Each token's trigger type, once: candidates and time attachment ask again about heads.
        self._consumed, self._construed = set(), set()
        self._judged: dict[int, list[Token]] = {}  # a verdict's trigger -> what it judges
        self._violations: set[int] = set()  # reports that someone broke a law or a truce
        self._told_again: set[int] = set()  # "they discussed ...": the latest meeting again
        # only words some lexicon names can be triggers: found for the whole doc at once from
        # the hashes of their lemmas and lowercase forms, then asked one by one
        self._typing_doc, self._typing = doc, {}
        named = named_indices(doc, self._trigger_hashes)
        for i in named:
            tok = self._tokens[i]
            if tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in self.nouns \
                    and not any(c.dep_ in ("dobj", "nsubj", "aux", "auxpass") for c in tok.children):
                # "Fighting between X and Y erupted": a gerund subject with no object of its own is
                # the event noun (the tagger reads a sentence's first "Fighting" as a verb)
                tok.pos_, tok.tag_, tok.lemma_ = "NOUN", "NN", tok.lower_
        self._types = {i: self._type_of(self._tokens[i]) for i in named}
        for i in self._consumed:  # "signed a treaty": the treaty is the signing's, not an event of its own
            self._types[i] = None
        self._first_meeting = next((i for i, t in self._types.items() if t == "CONSULT"), len(doc))
        # The entities once, in order, for range lookups: doc.ents and sent.ents rebuild every
        # entity span of the document on each call, which is quadratic on long documents.
        self._ents = list(doc.ents)
        self._ent_starts = [e.start for e in self._ents]
        triggers = sorted(i for i, t in self._types.items() if t)
        for sent in doc.sents if triggers else ():  # only the sentences that hold a trigger
            lo, hi = bisect.bisect_left(triggers, sent.start), bisect.bisect_left(triggers, sent.end)
            for i in triggers[lo:hi]:
                tok, etype = self._tokens[i], self._types[i]
                if etype:
                    cand = self.candidate(doc, sent, tok, etype)
                    if cand is not None:
                        cand.extras["sides"] = tok.i in self._sides_wanted
                        cand.extras["sides_addressed"] = tok.i in self._sides_addressed
                        candidates.append(cand)
                        candidates.extend(self._gapped_meetings(doc, cand))
        self._doers_of_judged_acts(candidates)
        self._cancelled_plans(doc, candidates)
        # the text as written, not as the model read it (read once: Doc.text joins every token)
        source = doc._.source_text if doc._.source_text is not None else doc.text
        countries = self._article_countries(doc)  # once per article: they decide namesake places
        doc._.events = [self.to_mention(doc, c, source, countries) for c in self.document_pass(candidates)]
        return doc

    def _gapped_meetings(self, doc: Doc, cand: Candidate) -> list[Candidate]:
        """"met X in Nairobi on Monday and Y in Kampala on Wednesday": one verb for two meetings.
        The parser hangs Y on a word of the first meeting's (its day, its place, or the verb
        above); each counterpart named after the "and" is a meeting of its own, on the day and
        at the place said beside it, and the first keeps those said before the "and"."""
        tok = cand.trigger
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None) if tok.pos_ == "VERB" else None
        if cand.type != "CONSULT" or obj is None or not cand.recipients:
            return []
        chain = {obj.i, *(c.i for c in obj.conjuncts)}
        above = {a.i for a in tok.ancestors}
        named = {p.name for p in cand.recipients}
        gapped: list[tuple[Token, int, Participant]] = []  # (the name, the "and" before it, whom)
        for t in doc[obj.i + 1: cand.sent.end]:
            if t.dep_ != "conj" or t.i not in self._at or t.head.i in chain or t.pos_ != "PROPN" \
                    or not (t.head.i in above or tok.left_edge.i <= t.head.i <= tok.right_edge.i):
                continue
            whom = self._mentions[self._at[t.i]].participant
            conjunction = next((d.i for d in reversed(doc[obj.i + 1: t.left_edge.i]) if d.lower_ == "and"), None)
            if whom.kind == "person" and whom.name not in named and conjunction is not None:
                gapped.append((t, conjunction, whom))
        future = cand.status == "planned"
        out = []
        for k, (t, _, whom) in enumerate(gapped):
            end = gapped[k + 1][0].left_edge.i if k + 1 < len(gapped) else cand.sent.end
            date, place = self._said_between(doc, t.i, end, future)
            if date is None and place is None:
                continue  # no day or place of its own: a loose coordination, not a meeting said apart
            other = replace(cand, recipients=[whom], extras=dict(cand.extras), date=date or cand.date)
            if place is not None:
                self._set_location(other, place)
            out.append(other)
        if not out:
            return []
        date, place = self._said_between(doc, tok.i, gapped[0][1], future)
        cand.date = date or cand.date
        if place is not None:
            self._set_location(cand, place)
        return out

    def _said_between(self, doc: Doc, lo: int, hi: int, future: bool) -> tuple[TimeSpan | None, Span | None]:
        """The first day and the first place ("in"/"at" a name) told in tokens [lo, hi)."""
        date = place = None
        for ent in self.ents_within(lo, hi):
            if date is None and ent.label_ in ("DATE", "TIME"):
                date = resolve_time(ent.text, doc._.published, future)
            elif place is None and ent.label_ in PLACE_LABELS and ent.start > lo and doc[ent.start - 1].lower_ in ("in", "at"):
                place = ent
        return date, place

    def _cancelled_plans(self, doc: Doc, cands: list[Candidate]) -> None:
        """"X was due to meet Y on Monday, but the meeting was cancelled", "... He has called off
        the visit": a planned meeting the article then says is cancelled will not happen (the
        nearest one planned before, within a few sentences)."""
        if not any(c.type == "CONSULT" and c.status == "planned" for c in cands):
            return  # (most articles: nothing planned to cancel, no walk over the doc)
        for tok in self._tokens:
            if tok.pos_ != "NOUN" or self.nouns.get(tok.lemma_.lower()) != "CONSULT" \
                    or tok.dep_ not in ("dobj", "nsubjpass") or not anaphoric(tok):
                continue
            verb = tok.head
            if not (verb.lemma_.lower() in CANCELLING or any(
                    c.dep_ == "prt" and c.lower_ == NEGATING_PARTICLES.get(verb.lemma_.lower()) for c in verb.children)):
                continue
            planned = [c for c in cands if c.type == "CONSULT" and c.status == "planned" and c.trigger.i < tok.i
                       and tok.sent.start - c.sent.end < 80]
            if planned:
                max(planned, key=lambda c: c.trigger.i).status = "negated"

    def _doers_of_judged_acts(self, cands: list[Candidate]) -> None:
        """Praise or blame of an act told before ("Kenya and Ethiopia agreed ... The AU welcomed
        the deal", "Taipei condemned the drills") is aimed at whoever did it: the doers of the
        latest earlier event of that word or type (an agreement's parties); the rejection of
        "the accusations" at whoever last accused the one rejecting them."""
        for c in cands:
            tok = c.trigger
            obj = next((o for o in tok.children if o.dep_ == "dobj"), None)
            if c.type == "REJECT" and not c.recipients and obj is not None and obj.lemma_.lower() in CLAIMS:
                # "X accused Kurti of ... Kurti rejected the accusations": the accuser's claims
                named = {a.name for a in c.actors}
                accusers = [k for k in cands if k.type == "ACCUSE" and k.trigger.i < tok.i
                            and named & {r.name for r in k.recipients}]
                if accusers:
                    c.recipients = [a for a in max(accusers, key=lambda k: k.trigger.i).actors if a not in c.actors]
                continue
            if c.type not in ("SUPPORT", "ACCUSE") or c.recipients or tok.pos_ != "VERB":
                continue
            if obj is None or self._mentions_in(obj) or not any(
                    d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these", "those") for d in obj.children):
                continue
            word = obj.lemma_.lower()
            kind = self.nouns.get(word)
            prior = [k for k in cands if k.trigger.i < tok.i and (k.actors or k.recipients) and (
                word in (k.trigger.lemma_.lower(), *(o.lemma_.lower() for o in k.trigger.children if o.dep_ == "dobj"))
                or kind is not None and (
                    k.type == kind or kind == "AGREE" and k.type == "SUPPORT" and k.trigger.lemma_.lower() == "sign"))]
            if not prior:
                continue
            done = max(prior, key=lambda k: k.trigger.i)
            parties = done.actors + (done.recipients if done.type in ("AGREE", "SUPPORT", "CONCEDE") else [])
            c.recipients = [p for p in unique(parties) if p not in c.actors]

    # ---- triggers ------------------------------------------------------
    def _type_of(self, tok: Token) -> str | None:
        """``trigger_type`` once per token of the doc being read: a vow or a warning asks about
        the verb it governs, which the doc pass asks about again."""
        if self._typing_doc is not tok.doc:
            self._typing_doc, self._typing = tok.doc, {}
        if tok.i not in self._typing:
            self._typing[tok.i] = self.trigger_type(tok)
        return self._typing[tok.i]

    def trigger_type(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        words, low = self._trigger_words, tok.lower_
        if lemma not in words and low not in words and not (
                low[-1:] in ("d", "s", "g") and any(f in self.verb_object for f in base_forms(low))):
            return None  # most words are in no lexicon: answered before any parse is read
        at = self._at
        if tok.i in at and self._mentions[at[tok.i]].kind != "person" and tok.pos_ in ("NOUN", "PROPN"):
            return None  # part of a name: "Ministry of Foreign Affairs and International Cooperation"
        if lemma == "declare" and tok.pos_ == "VERB" and any(t.lower_ == "grata" for t in tok.subtree):
            self._construed.add(tok.i)
            return "SANCTION"  # "declared two diplomats persona non grata": an expulsion (convention 10)
        if tok.pos_ == "VERB" and lemma in NOT_OBJECTING and any(c.dep_ == "neg" for c in tok.children) \
                and any(c.dep_ in ("xcomp", "dobj", "prep") for c in tok.children):
            return "AGREE"  # "did not mind renewing the accord", "did not object to the plan": consent
        if tok.pos_ == "VERB" and lemma == "hold" and any(c.dep_ == "dobj" for c in tok.children) and any(
                c.lower_ in BLAMING_WORDS and c.dep_ in ("oprd", "acomp", "advcl", "xcomp", "ccomp") and self._blamed_for_harm(c)
                for c in tok.children):
            self._construed.add(tok.i)
            return "ACCUSE"  # "Moscow held Kyiv responsible for the attack": blame laid
        if tok.pos_ == "VERB" and (lemma in JUDGING or lemma in self.reporting or lemma == "warn"):
            verdict = self._verdict(tok)  # (before the constructions: "called the strike a crime" calls no strike)
            if verdict is not None:
                self._construed.add(tok.i)
                return verdict  # "called the claims baseless" (REJECT), "called the strike a war crime" (ACCUSE)
        if tok.pos_ == "VERB" and not (tok.dep_ == "amod" and tok.tag_ == "VBG"):
            construed = self.construction_type(tok)
            if construed == "ASSAULT" and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "test":
                return "MOBILIZE"  # "test-fired a ballistic missile": a weapons test shows force, it attacks no one
            if construed == "ASSAULT" and self._crowd_control(tok):
                return "COERCE"  # "police fired tear gas and water cannon at the protesters": repression
            if construed:
                return construed
        if tok.pos_ == "NOUN" and lemma == "protest" and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
                and tok.head.head.pos_ == "VERB" and not any(c.dep_ == "det" for c in tok.children) \
                and self.trigger_type(tok.head.head) not in (None, "PROTEST"):
            # "recalled its ambassador in protest at the bombardment": why another act was done,
            # not a protest of its own (but "marched in protest against the tax" is one)
            return None
        if tok.pos_ == "NOUN" and lemma in RELIEF_GOODS and lemma not in self.nouns:
            # "a Turkish plane carrying 40 tonnes of food landed in Port Sudan": goods carried by a
            # plane, ship or convoy that arrives are delivered aid (and no event when not carried)
            return "AID" if self._carrier_verb(tok) is not None else None
        if tok.pos_ == "NOUN" and lemma in ("support", "backing") and tok.dep_ == "dobj" and any(
                g.ent_type_ == "MONEY" or g.dep_ == "pobj" and _counted_currency(g) for p in [*tok.children, *tok.head.children]
                if p.dep_ == "prep" and p.lower_ in ("by", "to", "of", "worth") for g in p.subtree):
            return "AID"  # "will increase its support for Ukraine by 200 million pounds": money given
        if tok.pos_ == "NOUN" and lemma in self.nominal:
            construed = self.nominal_type(tok)
            if construed:
                return construed
        if tok.pos_ == "VERB" and lemma in PLEDGE_VERBS and self._pledges_aid(tok):
            return "AID"  # "pledged $10 million in aid", "promised to send aid": pledged aid (convention 10)
        if tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in ORDERED_OUT for c in tok.children) \
                and any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in LEAVING for c in tok.children):
            self._construed.add(tok.i)
            return "SANCTION"  # "ordered the French ambassador to leave the country": an expulsion (convention 10)
        if tok.pos_ == "VERB" and lemma in RELEASING_FUNDS and any(
                c.dep_ in ("dobj", "nsubjpass") and any(t.ent_type_ == "MONEY" for t in c.subtree) for c in tok.children):
            self._construed.add(tok.i)
            return "AID"  # "released 500,000 Swiss francs from its emergency fund to support X": money allocated
        if tok.pos_ == "VERB" and lemma in ANNOUNCING and self._announces_aid(tok):
            self._construed.add(tok.i)  # (an act, not a report of one)
            return "AID"  # "announced 200 million dollars in humanitarian aid for Sudan": aid allocated
        if tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and any(
                t.lemma_.lower() in HAZARDS for t in own_phrase(c)) for c in tok.children):
            return None  # "Cyclone Freddy struck Malawi", "the floods displaced thousands": no one acted
        if tok.pos_ == "VERB" and lemma in WANTING and self._wants_another_to(tok):
            self._construed.add(tok.i)  # ("told Peru to stop": an act, not a report)
            return "REQUEST"  # "Chile wants Peru to withdraw", "told Peru to stop the drills": asked of Peru
        if tok.pos_ == "VERB" and lemma in self.reporting and self._says_another_must(tok):
            self._construed.add(tok.i)
            return "REQUEST"  # "Chile said Peru must withdraw its troops": a demand made of Peru
        if tok.pos_ == "VERB" and lemma in self.reporting and self._announces_reprisal(tok):
            self._construed.add(tok.i)  # an act, not a report of another event
            return "THREATEN"  # "Beijing said it would take countermeasures": a reprisal announced is a threat
        if tok.pos_ == "VERB" and lemma in VOWING and self._vows_force(tok):
            return "THREATEN"  # "vowed to retaliate", "pledged to crush the rebels": a promise of force is a threat
        if tok.pos_ == "VERB" and lemma in self.verbs:
            if tok.dep_ == "amod" and tok.tag_ == "VBG":
                return None  # "Israel's withering campaign": a description, the verb of the clause reports
            if lemma == "call":
                return None
            if lemma == "protest" and self._protest_by_a_state(tok):
                return "ACCUSE"  # "Belarus protested the Polish decision": a diplomatic protest, not a demonstration
            if lemma == "seek" and any(c.dep_ == "dobj" and c.lemma_.lower() in SOUGHT_NOT_ASKED for c in tok.children):
                return None  # "sought refuge in Chad": fleeing, not asking
            if lemma == "encourage" and any(c.dep_ in ("auxpass", "agent") for c in tok.children):
                return None  # "was encouraged by the progress": heartened, not urging anyone
            if lemma == "welcome" and self._welcomes_a_visitor(tok):
                return "CONSULT"  # "welcomed the UN chief to Kyiv": a host receiving a visit
            if lemma == "warn" and not self._warns_of_harm(tok):
                return None  # "warned that the situation was catastrophic": an alarm, not a threat
            if lemma in self.intransitive and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
                return None  # "demonstrated its commitment": showed, not protested
            if lemma == "fly" and any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
                # "flew 40 tonnes of flour to Benghazi": goods flown are sent (not "flew the flag"; and
                # people flown somewhere are carried, not visiting: "the soldiers were flown to Moscow")
                return "AID" if self._has_object(tok, self.verb_objs["send"]) else None
            need = self.verb_objs.get(lemma)
            if need and not self._has_object(tok, need):
                return None
            if lemma == "meet" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("need", "demand", "requirement", "target", "goal", "expectation") for c in tok.children):
                return None
            if lemma == "host" and any(c.dep_ == "dobj" and (self.nouns.get(c.lemma_.lower()) == "CONSULT" or (
                    c.lemma_.lower() in MEASURE_NOUNS and any(self.nouns.get(g.lemma_.lower()) == "CONSULT"
                                                              for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                                                              for g in p.children if g.dep_ == "pobj")))
                                       for c in tok.children):  # (also "hosted a new round of talks")
                return None  # "Kenya will host talks between ...": the talks are the event, Kenya their host
            if lemma in ("arrive", "land", "fly") and any(c.dep_ == "nsubj" and c.lemma_.lower() in CARRIERS for c in tok.children):
                return None  # "an aid plane arrived in Benghazi": a delivery, not a visit
            if lemma in self.visit_words and self.verbs[lemma] == "CONSULT" and any(c.dep_ == "dobj" for c in tok.children) and not any(
                    c.dep_ == "dobj" and (self._mentions_in(c) or any(t.ent_type_ in PLACE_LABELS for t in c.subtree)
                                          or c.lemma_.lower() in SITE_HEADS and any(
                                              t.ent_type_ and t.dep_ == "compound" for t in c.subtree if t.i < c.i))
                    for c in tok.children):
                return None  # "leave to visit detained sailors", "visited a camp": a site, not a host
                # (a named one is where the visit went: "visited the Kakuma refugee camp")
            return self.verbs[lemma]
        if tok.pos_ == "VERB" and lemma in PROMISE_VERBS and self._promised(tok) \
                and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            return "AGREE"  # "will continue to work closely with the government": a promise to cooperate
        if tok.pos_ == "VERB" and lemma == "call":
            parts = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt")}
            if "for" in parts or "upon" in parts or any(_for_clause(c) for c in tok.children):
                return "REQUEST"  # (and "called for China to act responsibly": a clause of its own)
            if "on" in parts:
                on = next(c for c in tok.children if c.lower_ == "on")
                if any(c.dep_ in ("xcomp", "advcl") for c in tok.children) or any(t.lower_ == "to" for t in on.subtree):
                    return "REQUEST"
                return "CONSULT"
            if self._phoned(tok):
                return "CONSULT"  # "called the Sultan, X, to discuss the talks": a telephone call
            return None
        if tok.pos_ == "VERB" and lemma in SHUTTING_OUT and self._shuts_out_a_member(tok):
            return "SANCTION"  # "the bloc suspended Mali from its activities": a member shut out
        if lemma in AWAITED and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in tok.children) and any(
                c.dep_ == "prep" and c.lower_ in ("in", "at") and self._mentions_in(c) and any(
                    g.ent_type_ in PLACE_LABELS for g in c.subtree) for c in tok.children):
            return "CONSULT"  # "is expected in Kyiv next week", "is due in Abuja on Monday": a trip to come
        if tok.pos_ == "VERB" and lemma == "attend":
            # "attended the summit"; also when a quoted name breaks the object's parse
            # ("attended the “We Are Together” international forum")
            if any(c.dep_ == "dobj" and c.lemma_.lower() in self.multilateral for c in tok.children) or any(
                    c.dep_ in ("ccomp", "attr") and any(t.dep_ in ("attr", "dobj") and t.lemma_.lower() in self.multilateral
                                                        for t in c.children) for c in tok.children):
                return "CONSULT"
        if tok.pos_ == "VERB" and (lemma == "participate" or lemma == "take" and any(
                c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children)):
            # "took part in the summit", "participated in the talks": attended, as "attended the summit"
            gathering = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                         if g.dep_ == "pobj" and g.lemma_.lower() in self.multilateral]
            if gathering:
                self._consumed.update(g.i for g in gathering)
                return "CONSULT"
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ in NUMERIC_ENTITIES:
            return None  # "March 17", "a 25 percent tariff... on Monday": a date or number, not an event
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound" and self.noun_modifier:
            modified = self.modified_noun_type(tok)
            if modified:
                return modified
        if tok.pos_ in ("NOUN", "PROPN") and (lemma in self.nouns or tok.lower_ in self.nouns):
            named_meeting = lemma in MEETING_NAMES and tok.ent_type_ in ("ORG", "EVENT", "FAC", "WORK_OF_ART")
            if tok.dep_ == "compound" or (tok.ent_type_ in ("ORG", "PERSON", "GPE", "WORK_OF_ART", "EVENT")
                                          and tok.pos_ == "PROPN" and not named_meeting):
                return None
            key = lemma if lemma in self.nouns else tok.lower_
            if key == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
                return "REQUEST"
            measured = amount_of(tok) or tok  # "sent 200 tonnes of aid": the sum stands for the aid
            head = measured.head
            if head.i != tok.i and head.pos_ == "VERB" and measured.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj") \
                    and self.verbs.get(head.lemma_.lower()) == self.nouns[key] \
                    and head.lemma_.lower() not in TOPIC_VERBS | {"host"}:  # "hosted talks": the talks carry it
                return None  # "sent aid", "agreed a deal", "the campaign killed": the verb carries the event
            if self.nouns[key] == "REQUEST" and key in APPEAL_NOUNS and not self._appealed_here(tok):
                return None  # "in response to the request": an appeal made before, only named
            if self.nouns[key] == "AID" and key in AID_NOUNS and not self._given_here(tok):
                return None  # "access for aid", "aid is needed": aid only named, not given
            if key == "threat" and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and head.lemma_.lower() in DESCRIBING_THREATS:
                return None  # "poses a threat to the region", "the threat remains": a danger described, not a threat made
            if self.nouns[key] == "AGREE" and key in SETTLEMENT_NOUNS and not self._made_by(tok, SETTLING):
                # "by obstructing the accords", "wants to revise the trade agreement": an agreement
                # made before, only named (not signed, reached, approved, brokered here)
                return None
            need = self.noun_mods.get(key)
            if need and not self._has_modifier(tok, need):
                return None
            if self.nouns[key] == "CONCEDE" and tok.dep_ == "nsubj" and head.lemma_.lower() in COLLAPSING:
                return None  # "the truce collapsed in May": what became of a concession made earlier
            return self.nouns[key]
        if (lemma in CONCERNED or low in CONCERNED) and (tok.pos_ == "ADJ" or tok.tag_ == "VBN") and any(
                c.dep_ in ("prep", "agent") and c.lower_ in ("about", "over", "by", "at") and any(
                    g.dep_ in ("pobj", "pcomp") and (self.nouns.get(g.lemma_.lower()) in HARMFUL_TYPES
                                                     or self.verbs.get(g.lemma_.lower()) in HARMFUL_TYPES)
                    for g in c.children) for c in tok.children):
            return "ACCUSE"  # "is deeply concerned about the attacks on hospitals": concern voiced at an act
        if lemma in DISMAYING and tok.tag_ in ("VBN", "JJ") and any(
                (c.dep_ in ("agent", "prep") and c.lower_ in ("by", "at", "over", "about")) or self._blamed_in_clause(c)
                for c in tok.children):
            # "was appalled by the attack", "is outraged at the shelling", "disappointed that X
            # cancelled": dismay voiced is criticism
            return "ACCUSE"
        if tok.pos_ == "ADJ" and lemma in self.adjectives:
            if self.adjectives[lemma] == "AGREE" and any(
                    c.dep_ == "xcomp" and c.lemma_.lower() in HARMING
                    for c in tok.children):
                return None  # "determined to intimidate Taiwan": resolve to do harm is no offer
            if self.adjectives[lemma] == "AGREE" and self._vows_force(tok):
                return "THREATEN"  # "ready to go to war over the dam", "prepared to use force": force offered
            if any(c.dep_ in ("xcomp", "prep") for c in tok.children):
                return self.adjectives[lemma]
        return None

    def _blamed_in_clause(self, clause: Token) -> bool:
        """A that-clause naming whoever did what dismays ("disappointed that Bolivia rejected it")."""
        return clause.dep_ in ("ccomp", "advcl", "acl") and clause.pos_ in ("VERB", "AUX") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in clause.children) and any(
            g.dep_ in ("nsubj", "nsubjpass") and self._mentions_in(g) for g in clause.children)

    def _protest_by_a_state(self, tok: Token) -> bool:
        """A state or organisation protesting something (a direct object) or to someone ("protested
        to Tokyo over the visit") complains officially."""
        aimed = any(c.dep_ in ("dobj", "ccomp") or (c.dep_ == "prep" and c.lower_ == "to" and self._mentions_in(c))
                    for c in tok.children)
        at, mentions = self._at, self._mentions
        subj = self.subject(tok)
        m = mentions[at[subj.i]] if subj is not None and subj.i in at else None
        if m is None and subj is not None and subj.lemma_.lower() in STATE_BODY_WORDS:
            # "the Chilean government", "Peru's foreign ministry": the state's own voice
            return any(c.i in at and mentions[at[c.i]].kind == "country"
                       for c in subj.children if c.dep_ in ("amod", "compound", "poss"))
        if m is None or m.kind not in ("country", "organization") or m.source == "group" or m.participant.affiliation:
            return False
        # a state named as such never takes to the streets ("summoned the envoy to protest the
        # build-up"); a nationality may be its people ("Iranians protested in Tehran")
        return aimed or (m.kind == "country" and m.source in ("country", "city", "title"))

    @staticmethod
    def _made_by(tok: Token, verbs: set[str], deps: tuple[str, ...] = MADE_DEPS) -> bool:
        """Is this noun the subject or object of one of ``verbs`` ("signed the accord", "a deal
        was reached"), or does a clause of one of them hang on it ("the aid sent on Friday")?"""
        if tok.dep_ in deps and tok.head.lemma_.lower() in verbs:
            return True
        return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs for c in tok.children)

    def _given_here(self, tok: Token) -> bool:
        """Does the sentence report aid being given: sent, delivered, pledged, received, arriving
        ("aid arrived in Benghazi"), or someone's aid to someone ("Japan's aid to Turkey")?"""
        if self._made_by(tok, GIVING, tuple(d for d in MADE_DEPS if d != "nsubj")) or self._made_by(tok, ARRIVING, ("nsubj",)):
            return True
        delivered = self._carrier_verb(tok)  # "a plane carrying food aid landed in Benghazi"
        if delivered is not None and delivered.lemma_.lower() in ARRIVING:
            return True
        giver = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by")) for c in tok.children)
        return giver and any(c.dep_ == "prep" and c.lower_ in ("to", "for") for c in tok.children) \
            or _received_from(tok)

    def _appealed_here(self, tok: Token) -> bool:
        """Does the sentence report an appeal being made ("issued an appeal", "renewed its call",
        "the appeal was made on Monday", "Kenya's request for help")? Not when it only names
        one ("in response to the request")."""
        if any(c.dep_ == "poss" for c in tok.children) and any(
                c.dep_ in ("acl", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("for", "to")) for c in tok.children):
            return True  # "Pristina's demands that Belgrade hand over the suspects": whose, and what
        return self._made_by(tok, APPEALING) or _received_from(tok)  # "received a request from Kyiv"

    def _welcomes_a_visitor(self, tok: Token) -> bool:
        """"welcomed the UN chief to Kyiv": someone named, welcomed to a place; "welcomed the
        Ethiopian prime minister at State House": someone named, welcomed at a seat or in a city
        the host receives in; "X was welcomed by the president at State House": someone named,
        received by someone, somewhere."""
        at = self._at
        if any(c.dep_ == "nsubjpass" and c.i in at for c in tok.children) \
                and any(c.dep_ == "agent" and self._mentions_in(c) for c in tok.children) \
                and any(c.dep_ == "prep" and c.lower_ in ("at", "to", "in") for c in tok.children):
            return True
        guests = [c for c in tok.children if c.dep_ == "dobj" and self._mentions_in(c, own=True)]
        # (the parser may hang "at State House" on the guest)
        return bool(guests) and any(
            c.dep_ == "prep" and (c.lower_ == "to" or c.lower_ in ("at", "in") and tok.pos_ == "VERB") and any(
                g.ent_type_ in PLACE_LABELS or self.kb.country_of_place(g.text)
                or (g.dep_ == "pobj" and g.lower_ in VENUE_HEADS) for g in c.subtree)
            for c in [*tok.children, *(p for g in guests for p in g.children if p.lower_ == "at")])

    def _warns_of_harm(self, tok: Token) -> bool:
        """Is a warning a threat: addressed to someone ("warned Seoul"), against something, of
        harm ("of retaliation", "of serious consequences"), or that someone will suffer or use
        force ("warned that it would respond", "that they will face consequences")?"""
        at = self._at
        for c in tok.children:
            if c.dep_ in ("dobj", "dative") and (c.pos_ in ("NOUN", "PROPN") or c.i in at):
                return True
            if c.dep_ == "prep" and c.lower_ == "against":
                return True
            if c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in HARMS for o in c.children):
                return True
            if c.dep_ == "ccomp" and c.lemma_.lower() in COMPELLED and any(x.dep_ == "auxpass" for x in c.children) \
                    and not any(x.dep_ == "xcomp" and (x.lemma_.lower() in RETALIATION or self._type_of(x) in FORCE_TYPES)
                                for x in c.children):
                continue  # "warned it could be forced to cut rations": a consequence it suffers, not a threat
                # (but "would be forced to respond" threatens)
            if c.dep_ == "ccomp" and has_aux(c, MODAL_AUX) \
                    and (c.lemma_.lower() in RETALIATION | {"face", "pay", "suffer", "act", "take", "tolerate", "allow", "refrain", "stop"}
                         or self._type_of(c) in FORCE_TYPES | {"SANCTION", "COERCE"}
                         or any(t.lemma_.lower() in HARMS for t in c.subtree)):  # "would treat it as a declaration of war"
                return True
        return False

    def _shuts_out_a_member(self, tok: Token) -> bool:
        """Is this suspension or expulsion one of a member from a body: a state suspended
        ("the union suspended Mali"), or anyone named put out of a body ("expelled Belarus
        from the council", "suspended the federation from its activities")?"""
        at, mentions = self._at, self._mentions
        named = [mentions[at[c.i]] for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.i in at]
        if not named:
            return False
        out_of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                  for g in c.children if g.dep_ == "pobj"]
        for g in out_of:
            if g.lemma_.lower() in MEMBERSHIP_WORDS or (g.i in at and mentions[at[g.i]].kind == "organization"):
                self._consumed.add(g.i)  # "from its meetings": what the member is shut out of, no event of its own
                return True
        return tok.lemma_.lower() == "suspend" and not out_of and any(m.kind == "country" for m in named)

    def _blamed_for_harm(self, word: Token) -> bool:
        """Is someone "responsible for" or "guilty of" a harm ("the attack", "the deaths",
        "torture"), not for a duty ("responsible for its own security")?"""
        if word.lower_ in ("guilty", "culpable"):
            return True
        objs = [g for p in word.children if p.dep_ == "prep" and p.lower_ in ("for", "of") for g in p.children
                if g.dep_ in ("pobj", "pcomp")]
        return any(self.nouns.get(g.lemma_.lower()) in HARMFUL_TYPES or self.verbs.get(g.lemma_.lower()) in HARMFUL_TYPES
                   or g.lemma_.lower() in BLAMED_HARMS for g in objs)

    def _verdict(self, tok: Token) -> str | None:
        """A judgement passed on something: "called the accusations baseless", "said Peru's
        claims were false" reject them; "called the strike a violation of the law", "described
        the attack as a war crime", "called the decision unacceptable" condemn it."""
        judged = []
        if tok.lemma_.lower() in JUDGING:  # "called X baseless", "described X as a crime"
            judged = [c for c in tok.children if c.dep_ in ("oprd", "attr", "acomp")]
            judged += [g for c in tok.children if c.dep_ == "dobj" for p in c.children
                       if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]
            judged += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                       if g.dep_ == "pobj"]
        else:  # "said Peru's claims were baseless", "said the killing of its staff was unacceptable"
            # ("said Peru's patrols undermine stability", "X poses a threat to peace, the envoy said")
            if any(c.dep_ == "ccomp" and c.lemma_.lower() in VIOLATING
                   and any(g.dep_ == "nsubj" and (c.lemma_.lower() in BREAKING or self._names_someone(g))
                           for g in c.children)
                   and any(g.dep_ == "dobj" and not any(d.lower_ == "no" for d in g.children)
                           and (c.lemma_.lower() != "pose" or g.lemma_.lower() in POSED_DANGERS)
                           and (c.lemma_.lower() != "commit" or g.lemma_.lower() in COMMITTED_WRONGS) for g in c.children)
                   and not any(g.dep_ == "neg" for g in c.children) for c in tok.children):
                self._violations.add(tok.i)
                return "ACCUSE"  # "said Russia violated international law": an accusation
            if any(c.dep_ == "ccomp" and not any(g.dep_ == "neg" for g in c.children) and any(
                    g.dep_ == "nsubj" and self._names_someone(g) for g in c.children) and (
                    c.lemma_ == "be" and any(a.dep_ == "acomp" and a.lower_ in BLAMING_WORDS and self._blamed_for_harm(a)
                                             for a in c.children)
                    # "said Israel's actions may amount to war crimes": a wrong named
                    or c.lemma_.lower() == "amount" and any(p.dep_ == "prep" and p.lower_ == "to" and any(
                        o.dep_ == "pobj" and o.lemma_.lower() in CONDEMNATIONS for o in p.children) for p in c.children)
                    or c.lemma_.lower() == "bear" and any(a.dep_ == "dobj" and a.lemma_.lower() in ("responsibility", "blame")
                                                          and self._blamed_for_harm(a) for a in c.children))
                    for c in tok.children):
                self._violations.add(tok.i)
                return "ACCUSE"  # "said Egypt was guilty of torture", "said Israel bore full responsibility"
            subjects = [g for c in tok.children if c.dep_ == "ccomp" and c.lemma_ == "be"
                        for g in c.children if g.dep_ == "nsubj"]
            judged = [a for g in subjects for a in g.head.children if a.dep_ in ("acomp", "attr")]
            judged += [c for a in judged for c in a.children if c.dep_ == "conj"]  # "provocative and reckless"
            words = {w.lemma_.lower() for w in judged}
            if words & DENIALS and any(g.lemma_.lower() in CLAIMS for g in subjects):
                return "REJECT"
            if words & (DENIALS | UNACCEPTABLE) and any(g.lemma_.lower() in PROPOSALS for g in subjects):
                self._judged[tok.i] = [g for g in subjects if g.lemma_.lower() in PROPOSALS]
                return "REJECT"  # "said Trump's proposal was absurd", "said the plan was unacceptable": turned down
            acts = any(self.nouns.get(g.lemma_.lower()) in HARMFUL_TYPES or self.verbs.get(g.lemma_.lower()) in HARMFUL_TYPES
                       or (g.lemma_.lower() in CONDUCT and self._doers(g))
                       or g.lower_ in ("this", "that") for g in subjects)  # ("This is a violation of the law," X said)
            if acts and words & CONDEMNATIONS:
                self._judged[tok.i] = subjects
                return "ACCUSE"
            return None
        words = {w.lemma_.lower() for w in judged}
        if words & DENIALS:
            return "REJECT"
        if words & CONDEMNATIONS:
            return "ACCUSE"
        return None

    @staticmethod
    def _doers(thing: Token) -> list[Token]:
        """Whose act or words a noun names: "Chile's decision", "the remarks by the minister",
        "the Chilean move"."""
        return [c for c in thing.children if c.dep_ == "poss" and c.pos_ == "PROPN"
                or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"))] \
            + [o for p in thing.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children if o.dep_ == "pobj"] \
            + _participle_agents(thing)

    def _wants_another_to(self, tok: Token) -> bool:
        """Does the subject want, expect or tell someone named to act: "wants Peru to withdraw"
        (parsed as a clause with its own subject) or "told Peru to stop" (object + infinitive)?"""
        at = self._at
        for c in tok.children:
            if c.pos_ != "VERB" or not to_infinitive(c):
                continue
            if c.dep_ == "ccomp":
                doer = next((a for a in c.children if a.dep_ == "nsubj"), None)
            elif c.dep_ == "xcomp":
                doer = next((a for a in tok.children if a.dep_ == "dobj" and a.i < c.i), None)
            else:
                continue
            if doer is not None and doer.pos_ != "PRON" and doer.i in at:
                return True
        return False

    def _says_another_must(self, tok: Token) -> bool:
        """Does this statement say someone else must or should act ("said Peru must withdraw",
        "insisted that Washington should abandon its policy")? Not what the speaker itself must
        do ("said it must defend its borders"), and not a conditional one ("said that if ... X must")."""
        at = self._at
        speaker = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        for c in tok.children:
            if c.dep_ != "ccomp" or c.pos_ != "VERB":
                continue
            must = has_aux(c, OBLIGATION) or (
                c.lemma_.lower() in ("need", "have") and any(  # "said Peru needed to withdraw", "has to release"
                    x.dep_ == "xcomp" and to_infinitive(x) for x in c.children)) or (
                # "insisted that Kosovo release the policemen": a subjunctive after a verb of insisting
                tok.lemma_.lower() in INSISTING and c.tag_ == "VB" and not any(a.dep_ == "aux" for a in c.children))
            if not must:
                continue
            if any(a.dep_ == "mark" and a.lower_ in ("if", "unless", "whether") for a in c.children):
                continue
            subj = next((a for a in c.children if a.dep_ == "nsubj"), None)  # (not "X should be involved")
            if subj is None or subj.pos_ == "PRON" or subj.i not in at:
                continue
            if speaker is not None and speaker.i in at and \
                    self._mentions[at[speaker.i]].participant == self._mentions[at[subj.i]].participant:
                continue
            return True
        return False

    def _announces_reprisal(self, tok: Token) -> bool:
        """Does this statement say its speaker will retaliate: a clause in the future or
        conditional ("would", "will") whose object is a reprisal ("countermeasures",
        "retaliatory steps"), or that says it would use or answer with force?"""
        for c in tok.children:
            if c.dep_ != "ccomp" or not has_aux(c, MODAL_AUX):
                continue
            if any(a.dep_ == "neg" for a in c.children):
                if c.lemma_.lower() == "tolerate" and any(a.dep_ == "dobj" for a in c.children):
                    return True  # "said it would not tolerate any incursion": a warning of what would follow
                continue
            if any(o.dep_ == "dobj" and (o.lemma_.lower() in REPRISALS or any(
                    m.dep_ == "amod" and m.lemma_.lower() in REPRISALS for m in o.children)) for o in c.children):
                return True
            if any(o.dep_ == "dobj" and o.lemma_.lower() in ("measure", "step", "action") and any(
                    m.dep_ == "amod" and m.lemma_.lower() in STERN for m in o.children) for o in c.children):
                return True  # "said it would take resolute measures", "firm action": a reprisal in diplomatic words
            # "said it would use force", "would respond with force": force is the act promised
            # ("answer any incursion with force": the manner may hang on the object)
            objects = [o for o in c.children if o.dep_ == "dobj"]
            forceful = objects + [g for h in [c, *objects] for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                                  for g in p.children if g.dep_ == "pobj"]
            if any(o.lower_ == "force" for o in forceful):
                return True
            if c.lemma_.lower() in ("respond", "react") and any(
                    p.dep_ == "prep" and p.lower_ == "to" and any(o.lemma_.lower() in HOSTILE_ACTS for o in p.children)
                    for p in c.children):
                return True  # "would respond to any aggression", "would still respond to attacks"
            if c.lemma_.lower() in ("respond", "react") and any(
                    condition_clause(a) and self._type_of(a) in HARMFUL_TYPES for a in c.children):
                return True  # "would respond if Russia attacks its territory": an answer to harm, promised
            # "said it would retaliate", "would respond forcefully to any attack"
            lemma = c.lemma_.lower()
            if lemma in RETALIATION - {"respond", "hit", "destroy"} or (lemma in ("respond", "hit") and any(
                    m.dep_ in ("advmod", "prt") and m.lower_ in FORCEFULLY for m in c.children)):
                return True
        return False

    def _vows_force(self, tok: Token) -> bool:
        """Is what this vow promises violence or coercion ("vowed to retaliate", "pledged to
        crush the uprising", "promised to reunify the island, by force if need be")?"""
        if any(c.dep_ == "prep" and c.lower_ == "by" and any(g.lower_ == "force" for g in c.children)
               for c in tok.children) and any(c.dep_ == "xcomp" for c in tok.children):
            return True  # "pledged to retake the islands, even if by force": the manner hung on the vow
        if any(c.dep_ == "dobj" and c.lemma_.lower() in RETALIATION_NOUNS for c in tok.children):
            return True  # "Minsk vows response", "vowed revenge": a reprisal promised
        for c in tok.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and (
                    c.lemma_.lower() in RETALIATION or self._type_of(c) in ("ASSAULT", "COERCE")
                    or any(t.lower_ == "force" and t.dep_ == "pobj" and t.head.lower_ == "by" for t in c.subtree)
                    # "to use force", "to go to war"
                    or c.lemma_.lower() == "use" and any(g.dep_ == "dobj" and g.lower_ in ("force", "weapons")
                                                          for g in c.children)
                    or c.lemma_.lower() == "go" and any(p.dep_ == "prep" and p.lower_ == "to" and any(
                        g.lower_ == "war" for g in p.children) for p in c.children)
                    # "to take countermeasures against Japan": a harm aimed at someone named
                    or any(g.dep_ == "dobj" and g.lemma_.lower() in HARMS and any(
                        p.dep_ == "prep" and p.lower_ == "against" and self._mentions_in(p)
                        for p in (*c.children, *g.children)) for g in c.children)):
                return True
        return False

    def _pledges_aid(self, tok: Token) -> bool:
        """Is what this pledge or promise gives aid: money ("$10 million"), an aid noun, or a
        promise to do an aid act ("to send aid")?"""
        for c in tok.children:
            if c.dep_ == "dobj" and (c.ent_type_ == "MONEY" or self.nouns.get(c.lemma_.lower()) == "AID"
                                     or any(t.lemma_.lower() in AID_WORDS for t in c.subtree)):
                return True
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and self._type_of(c) == "AID":
                return True
        return False

    @staticmethod
    def _asks_for_money(tok: Token) -> bool:
        """Is what is asked for a sum or funds ("an appeal for 200 million francs", "appealed to
        donors for funds", "urged donors to increase their funding")?"""
        asked = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
        asked += [o for c in tok.children if c.dep_ == "xcomp" for o in c.children if o.dep_ == "dobj"]
        return any(o.ent_type_ == "MONEY" or o.lemma_.lower() in FUNDS
                   or (o.lemma_.lower() == "appeal" and o.head.lemma_.lower() in ("support", "fund", "finance", "back"))
                   for o in asked)  # (and "urged donors to support the emergency appeal")

    @staticmethod
    def _announces_aid(tok: Token) -> bool:
        """Is what this announcement makes public a sum of aid ("$200 million in humanitarian aid",
        "a new aid package of 50 million euros"), not any sum ("a $2 billion trade deal")?"""
        sums = [d for d in tok.children if d.dep_ == "dobj" and (d.ent_type_ == "MONEY" or _counted_currency(d))]
        for c in tok.children:  # (its own phrase: not "announced its readiness to send aid", an offer)
            if c.dep_ == "dobj" and any(t.lemma_.lower() in ANNOUNCED_AID for t in own_phrase(c)):
                return True
            if c.dep_ == "dobj" and c.lemma_.lower() == "contribution" and any(
                    t.ent_type_ == "MONEY" or t.lemma_.lower() in CURRENCIES for t in c.subtree):
                return True  # "a contribution of 10 million dollars" (not "its contribution to the debate")
        # hung on the verb or on the sum: "$200 million in humanitarian aid", or a relief purpose,
        # "$15 million for the humanitarian response", "50 million euros to help refugees" (not
        # "$2 billion for a new airport")
        return bool(sums) and any(
            (p.dep_ == "prep" and p.lower_ == "in" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in ANNOUNCED_AID for o in p.children))
            or (p.dep_ == "prep" and p.lower_ == "for" and any(
                o.dep_ == "pobj" and any(t.lemma_.lower() in AID_PURPOSES for t in own_phrase(o)) for o in p.children))
            or (p.dep_ in ("xcomp", "advcl", "relcl") and p.pos_ == "VERB" and p.lemma_.lower() in AID_PURPOSES)
            for h in [tok, *sums] for p in h.children)

    @staticmethod
    def _promised(tok: Token) -> bool:
        """Is this verb promised rather than reported: "will (continue to) work with",
        "ready to work with", "pledged to cooperate with"?"""
        cur = tok
        for _ in range(3):
            if has_aux(cur, ("will", "shall", "'ll")):
                return True
            if cur.dep_ != "xcomp" or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.lemma_.lower() in PROMISING:
                return True
        return False

    def _has_object(self, tok: Token, need: list[str]) -> bool:
        clause = misread_reduced_relative(tok)
        if clause is not None:  # "the servicemen detained ... were released": what was released
            subj = next(g for g in clause.children if g.dep_ == "nsubj")
            if subj.lemma_.lower() in need or subj.lower_ in need:
                return True
        if "_person_or_org" in need and tok.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in tok.children) and any(
                c.dep_ in ("nsubj", "nsubjpass") and self._mentions_in(c) for c in tok.head.children):
            return True  # "X is expected to be received by Y": the one received is the controlling subject
        for child in tok.children:
            if "_person_or_org" in need and child.dep_ in ("dobj", "nsubjpass") and self._mentions_in(
                    child, own=child.lemma_.lower() not in DELEGATIONS):
                return True  # (a delegation is of whom it is "from" or "led by": "received a delegation from X")
            if "_named_object" in need and child.dep_ == "dobj" and self._mentions_in(child, own=True):
                return True
            if "_with" in need and child.dep_ == "prep" and child.lower_ == "with":
                return True
            if "_by_phone" in need and child.dep_ in ("prep", "agent") and child.lower_ in ("by", "over", "via") and any(
                    g.dep_ == "pobj" and g.lower_ in self.phone for g in child.children):
                return True  # "the two presidents spoke by phone": with each other
            if "_money" in need and (child.dep_ in ("dobj", "dative", "nsubjpass") and any(
                    t.ent_type_ == "MONEY" for t in child.subtree) or (child.dep_ == "dobj" and _counted_currency(child))):
                return True  # "granted Moldova 50 million euros" (the NER may leave "euros" out of the sum)
            if "_load" in need and child.dep_ in ("dobj", "nsubjpass") and (
                    child.lemma_.lower() in LOADS | CARRIERS and any(
                        p.dep_ == "prep" and p.lower_ == "of" and not any(g.lower_ in ORDERED_OUT for g in p.children)
                        for p in child.children)):
                return True  # "delivered 3,000 tonnes of sorghum", "sent 200 trucks of flour": a load is goods
            if "_clause" in need and child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
                return True  # "denied that its troops had crossed the border"
            if "_act" in need and child.dep_ == "xcomp" and child.pos_ == "VERB" and self.trigger_type(child):
                return True  # "declined to release the prisoners": an act refused (not "declined to comment")
            if "_from" in need and child.dep_ == "prep" and child.lower_ == "from":
                return True
            if "_to" in need and (child.dep_ in ("prep", "dative") and child.lower_ == "to"
                                  or child.dep_ == "xcomp" and to_infinitive(child)):
                return True  # "committed to sending troops", "committed to the ceasefire", "are committing to stop"
            if "_to_someone" in need and child.dep_ == "prep" and child.lower_ == "to" and self._mentions_in(child):
                return True
            if "_to_place" in need and child.dep_ == "prep" and child.lower_ in ("to", "into") and any(
                    g.dep_ == "pobj" and (self._mentions_in(g) or g.ent_type_ in PLACE_LABELS) for g in child.children):
                return True  # "flew to Quito": a trip to a named place
            if "_to_place" in need and child.dep_ == "prep" and child.lower_ == "for" and any(
                    g.dep_ == "pobj" and g.ent_type_ in PLACE_LABELS for g in child.children):
                return True  # "headed for Quito"
            if child.dep_ in ("dobj", "nsubjpass", "prt", "attr"):
                # (and what a sum is of: "provided 50 million euros in aid"; what a load is of:
                # "delivered 200 tonnes of flour")
                measured = [g for p in child.children if p.dep_ == "prep" for g in p.children
                            if (amount_of(g) or g).i == child.i]
                if child.lemma_.lower() in LOADS:
                    measured += [g for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                                 for g in p.children if g.dep_ == "pobj"]
                if child.dep_ == "dobj" and (child.ent_type_ == "MONEY" or _counted_currency(child)):
                    # the parser may hang what the sum is in on the verb: "will send [40 million
                    # dollars] [in aid]"
                    measured += [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "in"
                                 for g in p.children if g.dep_ == "pobj"]
                for t in own_phrase(child) + [t for g in measured for t in own_phrase(g)]:
                    if t.lemma_.lower() in need or t.lower_ in need:
                        return True
        if tok.dep_ in ("amod", "acl") and tok.head.lemma_.lower() in need:
            return True
        if tok.dep_ == "relcl" and tok.head.lemma_.lower() in need and not any(c.dep_ == "dobj" for c in tok.children):
            return True  # "a charge Khartoum denied": the object is the noun the clause qualifies
        return False

    @staticmethod
    def _has_modifier(tok: Token, need: list[str]) -> bool:
        words = {c.lemma_.lower() for c in tok.children} | {c.lower_ for c in tok.children}
        words |= {t.lemma_.lower() for c in tok.children if c.dep_ == "prep" for t in c.subtree}
        if tok.head.i != tok.i:
            words.add(tok.head.lemma_.lower())
            if tok.dep_ == "pobj" and tok.head.head.i != tok.head.i:  # "spoke about the need"
                words.add(tok.head.head.lemma_.lower())
        return bool(words & set(need))

    # ---- one candidate ---------------------------------------------------
    def candidate(self, doc: Doc, sent: Span, tok: Token, etype: str) -> Candidate | None:
        """One sentence's reading of the event a trigger names, or None when the trigger is
        part of another event (its content, its purpose) rather than an event of its own."""
        if self._part_of_another_event(tok, etype):
            return None
        actors, recipients, places, recip_toks = self.arguments(doc, sent, tok, etype)
        if tok.i in self._told_again:
            return None  # the meeting just reported, told again
        if etype == "CONSULT" and tok.lemma_.lower() in self.needs_counterpart and not recipients and len(actors) < 2:
            return None  # "attended a state banquet": a meal with no one named
        if etype == "CONSULT" and not recipients and tok.pos_ == "VERB" and tok.lemma_.lower() in self.visit_words:
            if actors and all(self._generic_group(a) for a in actors) or any(
                    c.dep_ == "nsubj" and c.lower_ in CIVIL_GROUPS for c in tok.children):
                return None  # "refugees arriving in Amhara", "migrants landed on Lampedusa": no visit
                # (also when no country is named for them, whoever else the clause hangs on:
                # "travel to Kisoro, where 500,000 refugees have arrived")
            recipients = self._person_visited(doc, sent, tok)
        elif etype == "CONSULT" and tok.pos_ == "VERB" and tok.lemma_.lower() in self.visit_words \
                and any(c.dep_ == "conj" and c.pos_ == "NOUN" for c in tok.children):
            # "will travel to X to meet Y, and officials of Z": the parser hung the second person met
            # on the trip's verb; the first is still met
            recipients = unique(self._person_visited(doc, sent, tok) + recipients)
        if etype == "CONSULT" and tok.pos_ == "VERB" and all(self._generic_group(p) for p in recipients) \
                and self._only_addressed(recip_toks, AUDIENCES, places_name=tok.dep_ not in ("ROOT", "conj")):
            return None  # "met with students", "spoke to reporters", "met his cabinet": no counterpart of note
        if etype in ("REQUEST", "AGREE") and tok.pos_ == "VERB" and not recipients \
                and self._only_addressed(recip_toks, PUBLIC, modifiers_only=True):
            return None  # "urged the public to stay calm": an appeal to the general public (convention 11)
        if etype == "CONSULT" and not recipients and actors and all(
                a.kind == "organization" and set(a.name.lower().split()) & INTERNAL_BODIES
                and not self.kb.org(a.name) for a in actors):  # (not a known body: the ICRC is no committee)
            return None  # "after the Cabinet Committee on Security meeting": a body's own meeting (convention 11)
        if etype == "REJECT" and not recipients:
            # "accused X of the raid, a charge X denied": a claim rejected is aimed at who made it
            recipients = self._claimant(doc, tok, actors)
        if etype == "REQUEST" and not recipients and self._asks_for_money(tok):
            return None  # "launched an appeal for 200 million francs": a generic funding appeal (convention 11)
        if etype == "AGREE" and tok.pos_ == "NOUN" and tok.lemma_.lower() in COMMITMENTS and tok.dep_ == "pobj" \
                and tok.head.lower_ == "of" and not recipients and len(actors) == 1:
            # "reassured the public of Taiwan's commitment to its democracy": a stance named, of one
            # party to no one (convention 11); "reaffirmed its commitment to X" makes one, and
            # "thanked X for his commitment" acknowledges one
            return None
        status = status_of(tok)
        if status == "hypothetical" and not actors and any(condition_clause(t) for t in governors(tok)):
            return None  # "if our draft is not supported, ...": a condition no one named would meet
        if etype == "AID" and tok.lemma_.lower() in PLEDGE_VERBS and status == "occurred":
            status = "planned"  # pledged aid (convention 10)
        if status == "occurred" and etype in ("RETREAT", "CONCEDE", "MOBILIZE") and tok.pos_ == "NOUN" \
                and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in AUTHORISING:
            status = "planned"  # "approved the release of 20 prisoners", "ratified a truce": allowed, not yet done
        if etype == "AGREE" and tok.lemma_.lower() in NOT_OBJECTING and status == "negated":
            status = "occurred"  # the negation is the consent itself
        if etype == "AGREE" and status == "planned" and (
                (tok.pos_ in ("NOUN", "ADJ") and tok.lemma_.lower() in OFFER_WORDS)
                or (tok.pos_ == "VERB" and tok.lemma_.lower() in PROMISE_VERBS)):
            status = "occurred"  # "announced its readiness to ...", "will work with X": the offer was made (convention 4)
        if etype == "CONCEDE" and status == "negated" and tok.pos_ == "VERB" and tok.lemma_.lower() in ACCEPTING:
            etype, status = "REJECT", "occurred"  # "would not accept Russian demands": a refusal stated
            if not recipients:  # ... of whoever made the demands
                owners = recip_toks + [m for o in tok.children if o.i in self._consumed for m in o.children
                                       if m.dep_ in ("amod", "compound")]
                recipients = unique([Participant(c, "country") for c in (self.kb.demonym(t.text) for t in owners) if c])
        stated, status = self._stance(tok, etype, status)
        if stated == "THREATEN" and etype != "THREATEN":
            # "would cut gas to Ukraine unless ...": the conditional act is the threat, aimed at
            # whom the act names or the subject of its condition
            own = self._not_own(recipients, actors)
            carrier = tok.head if tok.dep_ == "xcomp" else tok
            recipients = own or self._aimed_by_act(doc, carrier, [tok] if carrier is tok else [carrier, tok], actors)
        etype = stated
        if etype == "RETREAT" and tok.pos_ == "VERB":
            # "handed him over to UN and church officials", "to the ICRC": a body that receives the
            # freed is the release's go-between, not a side of it (convention 3)
            via = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            between = {p for p in self.participants(doc, via, tok) if p.kind == "organization"} if via else set()
            recipients = [r for r in recipients if r not in between]
        if etype == "REJECT" and any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in tok.children):
            # "vetoed a UN Security Council resolution", "voted down the draft in parliament": the body
            # that votes on a text is where it is rejected, not whom
            recipients = [r for r in recipients if not (r.kind == "organization" and VOTING_BODY.search(r.name))]
        if etype in ("THREATEN", "ACCUSE", "REJECT") and actors:
            # "Aliyev warned that Baku would not tolerate provocations": a speaker's own state
            # (or capital) named in what is said is not whom it is aimed at
            recipients = self._not_own(recipients, actors)
        if etype == "CONSULT" and status == "occurred" and (tok.lemma_.lower() in AWAITED or (
                tok.dep_ == "pobj" and tok.head.lower_ == "for" and any(
                    c.lemma_.lower() in AWAITED for c in [tok.head.head, *tok.head.head.children]))):
            status = "planned"  # "is expected in Kyiv (for talks)": not there yet
        if etype == "CONSULT" and status == "occurred" and self._offered_act(tok):
            # "is prepared to host the talks": an offered meeting (convention 4); "ready to travel
            # to Moscow if invited": one that hangs on a condition
            conditioned = any(condition_clause(c) for t in (tok, tok.head, tok.head.head) for c in t.children)
            status = "hypothetical" if conditioned else "planned"
        if etype == "CONSULT" and status == "occurred" and tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBP") \
                and tok.lemma_.lower() in ("travel", "visit") and tok.dep_ in ("ROOT", "conj") \
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) \
                and any(e.label_ == "DATE" and self._attached(e.root, tok) for e in self.ents_within(sent.start, sent.end)
                        # (not a span counted from another event: "visits Syria one year after the earthquakes")
                        if not (e.root.head.lower_ in ("after", "before", "since") or e[-1].lower_ == "ago")):
            status = "planned"  # "Blinken travels to Cairo on Monday": a trip on the schedule (the present of news)
        cand = Candidate(etype, tok, sent, actors, recipients, status=status, verbal=tok.pos_ == "VERB")
        self.decide_mode(cand, places)
        self.decide_place(doc, cand, places)
        if cand.location is None and etype in ("CONSULT", "ASSAULT"):
            self._place_on_counterpart(doc, cand, recip_toks)
        where_they_are = next(filter(None, (self.kb.country_of_place(p.text) for p in places)), None)
        if where_they_are is None and any(r.lemma_.lower() in PEOPLE_NOUNS for r in recip_toks):
            where_they_are = cand.location_country  # "delivered aid to two million people in Sudan" (hung on the verb)
        if where_they_are is None and etype == "AID" and tok.pos_ == "NOUN" and self._carrier_verb(tok) is not None:
            where_they_are = cand.location_country  # "a plane carrying aid landed in Benghazi": for Libya
        if where_they_are is None and etype == "ASSAULT" and len(actors) == 1:  # (not a clash between two)
            where_they_are = cand.location_country  # "missiles struck a plant in western Ukraine": Ukraine is hit
        if etype in ("ASSAULT", "AID") and not cand.recipients and where_they_are \
                and Participant(where_they_are, "country") not in actors:
            # "killed forty people in Aleppo", "delivered food aid to two million people in Sudan":
            # unnamed people of the place named on them are that place's country (not "staff in Gaza delivered")
            cand.recipients = [Participant(where_they_are, "country")]
        if etype == "CONSULT" and not cand.recipients and cand.location_country and any(
                r.lemma_.lower() == "counterpart" for r in recip_toks) and all(
                self.kb.country(a.affiliation or a.name) != cand.location_country for a in cand.actors):
            # "met his counterpart in Lima": a counterpart unnamed is the host's, where the meeting is
            cand.recipients = [Participant(cand.location_country, "country")]
        if etype == "RETREAT" and not cand.actors and cand.recipients and not any(c.dep_ == "agent" for c in tok.children):
            # "X was released after being held hostage by the ELN": freed by whoever held them
            cand.actors = self._captor_in_sentence(tok)
        if etype in ("COERCE", "RETREAT", "SANCTION") and not cand.actors and cand.recipients \
                and tok.lemma_.lower() in STATE_CUSTODY and not any(c.dep_ == "agent" for c in tok.children):
            # "Machado was arrested in Caracas": held or freed by no one named, so by the state
            # where it happened, else the one the article is about
            state = cand.location_country or dominant_country(self._mentions)
            if state and Participant(state, "country") not in cand.recipients:
                cand.actors = [Participant(state, "country")]
        if etype == "CONSULT" and tok.dep_ == "relcl" and tok.lemma_.lower() in self.visit_words \
                and not cand.recipients and cand.location is None:
            return None  # "X, who arrived at the hotel flanked by guards": a movement, no visit to anyone
        self.decide_date(doc, cand)
        clause_of_head = misread_reduced_relative(tok.head) if tok.dep_ == "ccomp" else None
        misread = clause_of_head is not None and clause_of_head.i == tok.i
        # (a participle with an object of its own is no passive modifier: "UNICEF condemned in the
        # strongest terms the killing of ..." misparsed as a reduced relative)
        # (a mediation too, "the treaty, brokered by the World Bank, has governed ...", unless the
        # act it brokered is dated: "swapped prisoners on Saturday in a Qatar-brokered deal")
        reduced_relative = misread or tok.tag_ == "VBN" and (etype != "CONSULT" or cand.mode == "third-party") and not any(
            c.dep_ == "dobj" for c in tok.children) and not misread_main_verb(tok) and (
            (tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"))
            or (tok.dep_ not in ("ROOT", "conj", "acomp") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)))
        if cand.date is None and reduced_relative:
            return None  # "the sailors seized by the other side ...": a modifier event counts only when dated (conv. 6)
        if etype in ("AID", "CONSULT", "RETREAT") and self._activity_count(tok, recip_toks, cand):
            return None  # "last year it distributed food to 800,000 people": a tally, not an event (convention 11)
        if len(actors) + len(recipients) >= 2 and etype in ("CONSULT", "AGREE"):
            self._last_group = actors + recipients
            self._last_group_at = tok.i
        return cand

    def _person_visited(self, doc: Doc, sent: Span, trip: Token) -> list[Participant]:
        """The named people a trip is made to meet ("travelled to Kampala to meet President X",
        "arrived in Nairobi for talks with President X"):
        the visit is to them, trip and meeting one event (convention 1)."""
        if sent.start == 0 and is_headline(sent):
            return []  # a headline's trip "for talks with X" sums up what the body tells in full
        purposes = [c for c in trip.children if purpose_clause(c)] + [
            g for c in trip.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
        for c in purposes:  # ("arrived in Nairobi for talks with President X")
            if self._types.get(c.i) == "CONSULT":
                met = self.arguments(doc, sent, c, "CONSULT")[1]
                return [p for p in met if p.kind == "person"]
        return []

    @staticmethod
    def _activity_count(tok: Token, recip_toks: list[Token], cand: Candidate) -> bool:
        """A count of people reached over a period ("visited 1,800 detainees this year", "last year
        distributed food to 800,000 people", "has reunited 300 families since 2020"): no one is
        named and the time is a year or more, or a span up to now."""
        if any(r.kind != "country" for r in cand.recipients):
            return False  # (a country may be where the people counted are: "1 million people in Haiti")
        reached = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        reached += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
        counted = [t for r in [*recip_toks, *reached] if r.lemma_.lower() in COUNTED_PEOPLE
                   for t in r.children if t.dep_ == "nummod" and t.ent_type_ != "MONEY"]
        if not counted:
            return False
        value = cand.date.value if cand.date is not None else ""
        whole_year = bool(re.fullmatch(r"\d{4}", value))
        # (the span may be on the verb the count elaborates: "has worked in Peru since 2018, providing ...")
        spans = [tok] + ([tok.head] if tok.dep_ in ("advcl", "conj") and tok.head.pos_ == "VERB" else [])
        up_to_now = any(c.dep_ in ("prep", "advmod") and c.lower_ in ("since", "so") for h in spans for c in h.children)
        return whole_year or up_to_now

    @staticmethod
    def _generic_group(p: Participant) -> bool:
        """A group of people named by a common noun ("Miners" of Malawi), not a body."""
        return p.kind == "organization" and p.name.lower() in CIVIL_GROUPS

    def _only_addressed(self, recip_toks: list[Token], words: frozenset[str], modifiers_only: bool = False,
                        places_name: bool = True) -> bool:
        """Is every counterpart one of these generic words, naming no one ("met with students",
        "urged the public")? With ``modifiers_only`` only the word's own modifiers can name
        someone: "the Ugandan people" are Uganda's, "voters of Malawi's commitment" no one's."""
        def named(r: Token) -> bool:
            if not modifiers_only:  # (a group of people named there is no one: "the miners in Blantyre"; nor is
                # their place, unless the meeting is part of a trip it places: "a mission, meeting residents in X")
                at, mentions = self._at, self._mentions
                generic = ("group",) if places_name else ("group", "city")
                return any(t.i in at and mentions[at[t.i]].source not in generic for t in r.subtree
                           if not (t.dep_ == "poss" and t.pos_ == "PRON"))  # ("his cabinet" names no one new)
            return any(t.i in self._at for t in [r, *(c for c in r.children if c.dep_ in ("amod", "compound", "poss", "nmod"))])
        return bool(recip_toks) and all(r.lemma_.lower() in words and not named(r) for r in recip_toks)

    def _stance(self, tok: Token, etype: str, status: str) -> tuple[str, str]:
        """What an actor says it will not do or will do on a condition is a stance taken now:
        "would never accept the terms", "will not recognise X" reject (the refusal happened);
        "would close the strait if attacked", "will cut gas supplies unless ..." threaten. A
        meeting that will not happen stays a negated meeting (the guidelines' own example)."""
        if tok.pos_ == "ADJ" and etype == "AGREE" and _unwilling(tok):
            return "REJECT", "occurred"  # "Kosovo was not willing to hold the meeting": a refusal
        if tok.pos_ != "VERB":
            return etype, status
        # the verb that carries the subject, the modal and the condition: the trigger, or the
        # verb it depends on ("would stop cooperating with X if ...")
        head = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in CEASING else tok
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            return etype, status
        modal = has_aux(head, FUTURE_AUX)
        if status == "negated" and modal and etype in ("AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "RETREAT") \
                and any(c.dep_ == "neg" for c in tok.children):
            return "REJECT", "occurred"
        if status == "negated" and etype in ("AGREE", "SUPPORT") and tok.lemma_.lower() in STANCE_VERBS \
                and any(c.dep_ == "aux" and c.lemma_ == "do" for c in tok.children) \
                and any(c.dep_ == "neg" for c in tok.children):
            return "REJECT", "occurred"  # "does not recognise the ruling", "did not accept the offer": a refusal
        if status == "negated" and modal and etype == "REJECT" and tok.lemma_.lower() == "rule" and any(
                c.dep_ == "dobj" and (self._types.get(c.i) in ("ASSAULT", "COERCE", "SANCTION")
                                      or c.lemma_.lower() in ("action", "force", "option", "strike", "attack"))
                for c in tok.children):
            return "THREATEN", "occurred"  # "would not rule out military action against Iraq"
        conditioned = any(condition_clause(c) for c in head.children)
        ceasing = head is not tok or (etype == "RETREAT" and any(  # "would withdraw from the talks if ..."
            c.dep_ == "prep" and c.lower_ == "from" and any(self._types.get(g.i) in ("CONSULT", "AGREE", "SUPPORT")
                                                           for g in c.children) for c in tok.children))
        if status in ("hypothetical", "planned") and modal and conditioned and (
                etype in ("ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE") or ceasing):
            return "THREATEN", "occurred"  # a harm, a protest, a show of force or an end to dealings, on a condition
        return etype, status

    def _signed_text(self, tok: Token) -> Token | None:
        """The agreement a noun is or names ("a memorandum of understanding", "the accord"), when a
        construction consumed it ("signed an accord")."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head  # "a memorandum of understanding", "a declaration of principles"
        return tok if tok.i in self._consumed and tok.lemma_.lower() in SIGNED_TEXTS else None

    def _not_told_as_happening(self, tok: Token) -> bool:
        """Is the act only feared, rumoured, habitual, conditional, unspecific, an undated
        description of another event's participant, or an attempt said to have failed? The
        guidelines annotate none of these (conventions 6 and 11)."""
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("of", "over", "about") \
                and tok.head.head.lemma_.lower() in FEARED and tok.head.head.lemma_.lower() != "hope":
            return True  # "fears of a Russian attack", "the risk of an invasion": feared, no act told
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and (tok.head.lower_ == "without" or (
                tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in HEARSAY)):
            return True  # "without a ceasefire", "denied reports of a secret meeting", "rumours of a blockade"
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB" else None
        if verb is not None and verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "advmod" and c.lower_ in HABITUAL
                                                                    for c in verb.children):
            # "Chile regularly hosts talks", "Norway traditionally mediates": a habit in the present,
            # no occurrence (but "has often called for": calls made)
            return True
        clause = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        if clause is not None and condition_clause(clause) and clause.head.pos_ in ("VERB", "AUX") \
                and has_aux(clause.head, MODAL_AUX):
            return True  # "would respond if Russia attacks": the condition of what one would do, no act
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children):
            return True  # "warned the US against any attack on its facilities": no act in particular
        if tok.pos_ == "VERB" and (tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ == "VBN") \
                and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ in ("dobj", "nsubjpass", "nsubj") \
                and self._types.get(tok.head.head.i) \
                and not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
            # "released 40 fishermen who had been detained off Arica": what is said of another
            # event's participant counts only when it is dated (convention 6)
            return True
        act = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok  # ("tried to arrange talks")
        tried = act.head if act.dep_ == "xcomp" and act.head.lemma_.lower() in ("try", "attempt", "seek") else None
        if tried is not None and (any(c.lemma_.lower() in ("fail", "collapse") and c.dep_ == "conj" for c in tried.children)
                                  or any(c.dep_ == "prep" and c.lower_ == "without" and any(
                                      g.lemma_.lower() in ("success", "result") for g in c.children) for c in (*tried.children, *act.children))):
            return True  # "tried to arrange talks, but failed", "attempted to mediate without success" (conv. 11)
        if act.pos_ == "VERB" and act.dep_ in ("advcl", "xcomp") and to_infinitive(act) \
                and act.head.lemma_.lower() in ("need", "require"):
            return True  # "agencies need $2.7 billion to assist people in Haiti": what money is needed for
        return False

    def _part_of_another_event(self, tok: Token, etype: str) -> bool:
        if self._not_told_as_happening(tok):
            return True
        if etype == "CONSULT" and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in TOPIC_VERBS \
                and not any(c.dep_ == "amod" and c.lower_ in PLANNED_ADJECTIVES for c in tok.children):
            return True  # "met X to discuss Moldova's accession talks with the EU": a process talked about
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about", "regarding") \
                and tok.head.head.lemma_.lower() in DOCUMENT_NOUNS:
            return True  # "a resolution on a Sudan ceasefire": what a proposed text is about
        if etype == "COOPERATE" and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about", "regarding") \
                and self._signed_text(tok.head.head) is not None:
            return True  # "signed a memorandum of understanding on energy cooperation": the signing is the event
        if etype in CONTENT_TYPES and self._aim_of_an_appeal(tok):
            return True  # "launched an appeal ... to support X in providing shelter": what the money is asked for
        if etype == "CONSULT" and not any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                                          for c in tok.children) and (
                tok.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in INTERNAL_BODIES
                                           for c in tok.children)
                or tok.pos_ == "VERB" and tok.lemma_.lower() in ("meet", "convene", "gather") and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in INTERNAL_BODIES for c in tok.children)):
            # "a cabinet meeting", "the committee session", "Peru's cabinet met on Monday": an
            # organisation's internal event (convention 11), with no one met
            return True
        chair = next((c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in CHAIRING), None) \
            if etype == "CONSULT" and tok.pos_ == "NOUN" else None
        if chair is not None and not any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                                         for c in (*tok.children, *chair.children)):
            return True  # "a security meeting chaired by the prime minister": the chair's own body meets (conv. 11)
        if tok.lemma_.lower() in DELEGATIONS and tok.dep_ in ("nsubj", "nsubjpass") and (
                self._types.get(tok.head.i) == "CONSULT" or any(
                c.dep_ == "xcomp" and self._types.get(c.i) == "CONSULT" for c in tok.head.children)):
            return True  # "the mission is to visit Niger": the visitors, not an event of their own
        if tok.lemma_.lower() in self.reporting and tok.i not in self._construed:
            return True  # but "recalled its ambassador", "declared a ceasefire" are acts, not reports
        if etype == "CONSULT" and tok.lemma_.lower() == "host" and (
                tok.dep_ == "acl" and tok.head.lemma_.lower() in SHELTERED
                or any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in SHELTERED or any(
                    g.lemma_.lower() in SHELTERED for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj")) for c in tok.children)):
            # "refugees hosted by the country", "hosts a million refugees", "has hosted thousands of
            # refugees": shelter, not a meeting
            return True
        if etype in ("COERCE", "ASSAULT") and tok.pos_ == "VERB" and tok.lemma_.lower() in HOLDING and (
                tok.tag_ in ("VBP", "VBZ") or tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("continue", "remain", "keep")):
            return True  # "still holds 130 hostages", "continues to detain", "forces occupy parts of": a state (conv. 6)
        if etype == "SUPPORT" and tok.pos_ == "VERB" and to_infinitive(tok) and tok.dep_ in ("advcl", "xcomp", "relcl", "acl") \
                and self._types.get((tok.head if tok.dep_ in ("advcl", "xcomp") else tok.head.head).i) == "AID":
            return True  # "provided $20 million to support the Red Cross": what the aid is for, the aid the event
        if etype == "CONSULT" and tok.lemma_.lower() == "host" and any(
                self._hosts_of(t) and any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in t.children)
                for d in [*(c for c in tok.children if c.dep_ == "dobj"), *([tok.head] if tok.dep_ == "acl" else [])]
                for t in [d, *(g for p in d.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)]):
            return True  # "hosted a round of talks between X and Y": the talks are the event, the host their third party
        if etype == "CONSULT" and tok.dep_ in ("acl", "amod") and tok.pos_ == "VERB" and tok.lemma_.lower() in THIRD_PARTY_ROLES \
                and self._types.get(tok.head.i) == "CONSULT" and (any(c.dep_ == "agent" for c in tok.children)
                                                                 or self._hyphen_prefix(tok)):
            return True  # "talks mediated by Qatar": the talks are the event, the mediator their third party
        if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ALLEGING:
            return True  # "accused Russia of shelling the plant": an allegation, not a reported act
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "on") \
                and tok.head.head.lemma_.lower() == "agree" and self._types.get(tok.head.head.i) == "AGREE":
            return True  # "agreed to a ceasefire", "agreed on a truce": what is agreed, the agreement the event
        if tok.dep_ == "ccomp" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in ALLEGING:
            return True  # "alleged that Moscow had tortured prisoners": the allegation is the event
        if tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in ALLEGING:
            return True  # "accusations that Russia attacked the convoy": likewise
        nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        if tok.pos_ == "NOUN" and nxt is not None and nxt.pos_ == "NOUN" and tok.dep_ == "compound" \
                and nxt.lemma_.lower() in SETTLEMENT_NOUNS | {"pact", "treaty"}:
            return True  # "a ceasefire deal", "a trade agreement": what the agreement is about, the agreement the event
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("during", "throughout") and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) and not any(
                c.dep_ == "prep" for c in tok.children):
            return True  # "at the talks it was agreed": a time given by an event reported before
        if tok.dep_ in ("acl", "xcomp") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in REQUEST_NOUNS | THREAT_NOUNS:
            return True  # "the need to send aid", "an ultimatum to withdraw": what is asked for, not an event (the request is)
        owner = tok.head.head
        owners = [owner] + ([c for c in owner.children if c.dep_ == "dobj"] if owner.lemma_.lower() in LIGHT_VERBS else [])
        if etype != "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and owner.i != tok.head.i and (
                any(self._types.get(o.i) in ("REQUEST", "CONSULT") or (self._types.get(o.i) == "SUPPORT" and etype != "AGREE")
                    for o in owners)  # (but "thanked X for his commitment to ..." reports X's promise)
                or owner.lemma_.lower() in REQUEST_NOUNS):
            return True  # "called for the release of hostages", "negotiations for hostage release", "thanks for their cooperation"
        if etype == "CONSULT" and tok.dep_ in ("relcl", "advcl", "xcomp") and tok.head.i != tok.i \
                and self._types.get(tok.head.i) == "CONSULT" and tok.head.lemma_.lower() not in self.visit_words \
                and (tok.dep_ == "relcl" or to_infinitive(tok)):
            return True  # "talks, during which they discussed ...", "met X to discuss ...": the same talks
        if self._evaluated(tok) or (etype == "CONSULT" and self._not_a_new_meeting(tok)):
            return True
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and self._types.get(tok.head.i) == etype \
                and not any(c.dep_ in ("nsubj", "mark") for c in tok.children):
            return True  # "shelled Kharkiv, killing five civilians": the shelling's own result
        if purpose_clause(tok) and self._types.get(tok.head.i) == etype and tok.head.pos_ == "VERB":
            return True  # "sent aid to Libya to assist the flood victims": the sending's purpose
        if etype == "AID" and self._inside_pledge(tok):
            return True
        if etype == "AGREE" and tok.lemma_.lower() in OFFER_WORDS and self._not_an_offer(tok):
            return True
        if self._act_asked_threatened_or_refused(tok) or (etype != "CONSULT" and self._offered_act(tok)):
            return True
        clause = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass") else tok
        if condition_clause(clause) and any(self._types.get(a.i) == "THREATEN" for a in clause.ancestors):
            return True  # "threatened to kill him if Israel attacked Gaza": the threat's condition, no event
        # "thank X for his commitment to ..., to support Y": what was promised, not a new event
        return etype in CONTENT_TYPES and self._content_of_statement(tok)

    @staticmethod
    def _offered_act(tok: Token) -> bool:
        """"is prepared to host the negotiations", "its readiness to resume talks": the offer is
        the event (convention 4); what is offered is only a possibility."""
        cur = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
        if cur.dep_ == "pcomp" and cur.head.lower_ == "to" and cur.head.head.lemma_.lower() in OFFERING | {"committed"}:
            return cur.i != tok.i or cur.head.head.i != tok.i  # "is committed to resuming talks": what is promised
        offered = cur.dep_ in ("xcomp", "acl") or (cur.dep_ == "advcl" and cur.head.lemma_.lower() == "offer")
        if offered and (cur.pos_ == "VERB" or cur.dep_ != "acl") \
                and cur.head.lemma_.lower() in OFFERING and to_infinitive(cur):  # ("to host", tagged a noun)
            return cur.head.i != tok.i
        return False

    def _act_asked_threatened_or_refused(self, tok: Token) -> bool:
        """The act inside a demand, a threat, a refusal or a proposal ("urged Colombia to
        withdraw", "threatened to attack", "refused to send troops", "demanded that Britain
        return the islands"): that statement is the event; the act itself has not happened."""
        if tok.dep_ == "pcomp" and tok.head.lower_ in ("against", "from") and self._types.get(tok.head.head.i) in MODAL_TYPES:
            return True  # "warned Syria against sending troops", "urged them to refrain from attacking"
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and self._types.get(tok.head.i) in MODAL_TYPES | {"CONCEDE"}:
            return True  # "threatened sanctions", "demanded the withdrawal", "eased its ban": the statement's object
        cur = tok
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and not self._types.get(tok.head.i):
            cur = tok.head  # "threatened to resume attacks": the attacks are the clause's object
        elif tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
            cur = tok.head.head  # "called on the parties to agree to a ceasefire": the clause's verb
        for _ in range(3):
            purpose = purpose_clause(cur)
            if cur.dep_ in ("xcomp", "ccomp") or (cur.dep_ == "conj" and cur.head.dep_ in ("xcomp", "ccomp")) \
                    or _for_clause(cur) or (cur.dep_ == "conj" and _for_clause(cur.head)):
                head = cur.head if cur.dep_ != "conj" else cur.head.head
            elif purpose and self._types.get(cur.head.i) in MODAL_TYPES:
                head = cur.head  # "appealed to Egypt to open the border"
            elif cur.dep_ == "conj" and to_infinitive(cur) and purpose_clause(cur.head) \
                    and self._types.get(cur.head.head.i) in MODAL_TYPES:
                head = cur.head.head  # "called on X to protect children and to allow access"
            elif purpose and any(c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_NOUNS for c in cur.head.children):
                return True  # "accepted the demand to disarm" (the parser hangs the demand's clause on the verb)
            else:
                return False
            if self._types.get(head.i) in MODAL_TYPES or head.lemma_.lower() in PROPOSING or _unwilling(head) \
                    or (head.pos_ == "NOUN" and head.lemma_.lower() in REQUEST_NOUNS):  # "rejected calls for him to resign"
                return head.i != tok.i
            if self._types.get(head.i):
                return False  # inside another event of its own ("agreed to send troops": a planned act)
            cur = head
        return False

    def _not_a_new_meeting(self, tok: Token) -> bool:
        """"X, Y and Z also attended the said meeting": attendees of one already reported
        (convention 2); "routine visits by the agency let ...": a habit, not a trip."""
        if tok.pos_ != "NOUN":
            return False
        if tok.head.lemma_.lower() == "attend" and (
                any(c.lower_ in ("said", "same", "aforementioned", "above") for c in tok.children if c.dep_ == "amod")
                or (any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
                    and tok.lemma_.lower() in ("meeting", "talk", "talks", "session")
                    and self._first_meeting < tok.sent.start)):
            return True
        return tok.tag_ == "NNS" and tok.lemma_.lower() in self.visit_words \
            and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)

    def _inside_pledge(self, tok: Token) -> bool:
        """"pledged $10 million in humanitarian aid": the pledge carries the aid noun."""
        cur = tok
        for _ in range(4):
            if tok.pos_ != "NOUN" or cur.dep_ not in ("dobj", "pobj", "prep", "compound", "nmod") or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.pos_ == "VERB":
                return self._types.get(cur.i) == "AID" and cur.lemma_.lower() in PLEDGE_VERBS
        return False

    @staticmethod
    def _not_an_offer(tok: Token) -> bool:
        """"Those engagements demonstrated its commitment to ...": a description; "all parties
        must ... offer humanitarian assistance": a demand (the modal of the first conjunct)."""
        if tok.pos_ == "NOUN" and tok.head.lemma_.lower() in SHOWING:
            return True
        verb = tok
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        return tok.pos_ == "VERB" and has_aux(verb, OBLIGATION)

    @staticmethod
    def _evaluated(tok: Token) -> bool:
        """"It is vital to me to see the president", "it is critical to engage leaders in
        discussions": what someone finds worth doing, not a report that it was done."""
        cur = tok
        for _ in range(4):
            if cur.dep_ == "pobj":
                cur = cur.head.head if cur.head.head.i != cur.head.i else cur.head
            if cur.dep_ not in ("xcomp", "ccomp", "dobj", "pobj") or cur.head.i == cur.i:
                return False
            infinitive = to_infinitive(cur)
            cur = cur.head
            if cur.pos_ == "ADJ" and cur.dep_ == "acomp":
                cur = cur.head
            if infinitive and cur.lemma_ == "be" and any(expletive(c) for c in cur.children):
                return True  # not "it was good that they met": that clause reports a meeting
        return False

    def arguments(self, doc: Doc, sent: Span, tok: Token, etype: str
                  ) -> tuple[list[Participant], list[Participant], list[Span], list[Token]]:
        """(actors, recipients, places under the recipients, recipient tokens) of a trigger."""
        received = self._received(doc, tok, etype)
        if received is not None:
            return received[0], received[1], [], []
        actors_tok, recip_toks, swap = self.argument_tokens(tok, etype)
        group = self.named_group(doc, actors_tok[0]) if len(actors_tok) == 1 else None
        if group is None and len(actors_tok) == 1:  # "the foreign ministers of both nations": the pair's
            states = [g for p in actors_tok[0].children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                      for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in STATE_GROUP_NOUNS]
            group = self.named_group(doc, states[0]) if states else None
        between = [t for t in actors_tok if t.dep_ == "pobj" and t.head.lower_ in ("between", "among")]
        if group is None and len(between) == 1:  # "after talks between the two governments": the pair, not the clause's subject
            group = self.named_group(doc, between[0])
        actors = group or self.participants(doc, actors_tok, tok)
        if not actors and tok.pos_ == "NOUN":
            actors = self._nationality_of(tok)
        if not actors and len(actors_tok) == 1 and actors_tok[0].pos_ == "NOUN" and self._is_act(actors_tok[0]):
            actors = self._nationality_of(actors_tok[0])  # "an Israeli airstrike killed ...": the strike's state
        if not actors and not actors_tok and etype in SPOKEN_TYPES and (tok.doc._.quoted_by or {}).get(tok.i) \
                and tok.dep_ in ("ROOT", "ccomp") and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "auxpass") for c in tok.children):
            # "“Thank you to Norway for its help,” X said", "“Many thanks to ...”": a quotation that is
            # a speech act with no subject of its own (not a passive) is its speaker's
            actors = [tok.doc._.quoted_by[tok.i]]
        if not actors and etype == "AID" and tok.pos_ == "NOUN":
            # "a UAE plane carrying medical aid landed in Benghazi": whose the carrier is
            verb = self._carrier_verb(tok)
            carrier = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
            if carrier is not None:
                mods = [c for c in carrier.children if c.dep_ in ("compound", "poss", "nmod") and c.i in self._at]
                states = [self.kb.demonym(c.text) or self.kb.country(c.text) for c in carrier.children
                          if c.dep_ in ("compound", "amod")]  # ("an Emirati plane": the demonym the NER left)
                actors = [self._mentions[self._at[c.i]].participant for c in mods] or self._nationality_of(carrier) \
                    or [Participant(c, "country") for c in states if c][:1]
        if not actors and len(actors_tok) == 1 and self._bare_plural(actors_tok[0]):
            # "EU foreign ministers met on Monday ... The ministers also discussed X with Y":
            # the same people as the latest phrase with that noun that named whose they are
            actors = self._same_noun_before(doc, actors_tok[0], tok)
        sides = not actors and len(actors_tok) == 1 and conflict_sides_phrase(actors_tok[0])
        if not actors and actors_tok and actors_tok[0].lower_ in GROUP_PRONOUNS:
            # "captives seized by the militia in their raid": a group named earlier in the sentence,
            # else the latest meeting's parties
            # (a meeting's parties only for meetings and agreements: "their attacks" are not theirs)
            actors = self._group_in_sentence(doc, sent, actors_tok[0])
            if not actors and etype in ("CONSULT", "AGREE"):
                actors = list(self._last_group)
                if etype == "CONSULT" and tok.lemma_.lower() in TOPIC_VERBS:
                    self._told_again.add(tok.i)  # "They discussed the needs of ...": what that meeting covered
        recipients = []
        places: list[Span] = []
        for r in recip_toks:
            if etype == "REQUEST" and self.nouns.get(r.lemma_.lower()) == "RETREAT":
                continue  # "demanded the release of President X": X is freed, not asked (the captor is)
            if etype == "PROTEST" and r.lemma_.lower() in ("street", "square", "road", "highway"):
                places.extend(self.places_in(doc, r))  # "took to the streets of Dhaka": where, not against whom
                continue
            group_of = self.named_group(doc, r) if r.lemma_.lower() in STATE_GROUP_NOUNS else None
            if group_of:  # "praised both governments": the two named together before
                recipients.extend(group_of)
                continue
            if etype == "ACCUSE" and self._is_act(r):
                # "condemned the Russian shelling of Kharkiv": blame goes to who shelled, not to the
                # shelled (and to no one when the doer goes unnamed)
                doers = self._doer_participants(doc, r, tok)
                if not doers and self._types.get(r.i) in STATE_ACTS:
                    # "denounced the executions in Iran": a state's act where it is done, its state's
                    doers = [Participant(c, "country") for c in
                             (self.kb.country_of_place(p.text) for p in self.places_in(doc, r)) if c][:1]
                recipients.extend(doers)
                continue
            if etype == "PROTEST" and (self._is_act(r) or r.lemma_.lower() in CONDUCT) \
                    or etype == "ACCUSE" and r.lemma_.lower() in CONDUCT:
                doers = self._doer_participants(doc, r, tok)
                if doers:  # "rallied against Myanmar's treatment of the Rohingya": against Myanmar
                    recipients.extend(doers)
                    continue
            # praise or blame goes to whoever did the thing named, not to those it was done for
            recipients.extend(self.participants(doc, [r], tok, beneficiaries=etype not in ("SUPPORT", "ACCUSE")
                                                or r.dep_ != "dobj"))
            # (not in a clause or apposition that describes them: "hosted X, a visit that angered
            # Khartoum")
            places.extend(p for p in self.places_in(doc, r) if not any(
                a.dep_ in ("relcl", "appos") for a in (p.root, *p.root.ancestors) if a.i != r.i and r.is_ancestor(a)))
        if etype == "AID" and tok.lemma_.lower() in ("evacuation", "evacuations"):
            # "a medical evacuation of 20 children from Gaza to Egypt": for the people of where
            # they are taken from, not of where they are taken to
            taken = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                             for g in c.children if g.dep_ == "pobj"]  # ("of 20 children from Gaza")
            recipients = [p for h in taken for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                          for p in self._countries_after(doc, c)]
        if not recipients and etype in BENEFIT_TYPES:
            recipients = self._beneficiaries(doc, tok, recip_toks)
        if not recipients and etype == "ACCUSE" and not (tok.pos_ == "NOUN" and tok.lemma_.lower() in ALLEGING):
            # "disappointed that Bolivia rejected the offer", "voiced concern that Bolivia had moved
            # troops": whoever did it (allegations have their own reading)
            heads = [tok] + [c for c in tok.children if c.i in self._consumed]
            recipients = self.participants(doc, [g for h in heads for c in h.children if self._blamed_in_clause(c)
                                                 for g in c.children if g.dep_ == "nsubj"], tok)
        if not recipients and etype in ("ACCUSE", "REJECT") and tok.i in self._judged:
            # "said the shelling by Chile was unacceptable", "said Peru's decision was a provocation",
            # "said Trump's proposal was absurd": whose the act or the proposal is ("the Chilean move")
            recipients = [p for g in self._judged[tok.i] for p in self._doer_participants(doc, g, tok)]
        if etype == "AGREE" and not [r for r in recipients if r not in actors]:
            # (whatever the offer's own object names of the offerer: "offered its good offices")
            recipients = self._offered_mediation(doc, tok) or self._promised_to(doc, tok) or recipients
        if not recipients and etype in ("AGREE", "SUPPORT", "REQUEST") and tok.dep_ == "conj" \
                and self._types.get(tok.head.i) == "CONSULT" and tok.head.pos_ == "VERB" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # "spoke by phone with X and offered help", "met X and urged ...": said to the one met
            recipients = self.participants(doc, self.argument_tokens(tok.head, "CONSULT")[1], tok.head)
        if not recipients and etype == "THREATEN":
            recipients = self._promised_to(doc, tok, ("against", "on", "to"))  # "threatened to retaliate against Israel"
        if not recipients and etype in ("THREATEN", "REJECT") and tok.pos_ == "VERB":
            # "threatened to expel UN inspectors", "refused to recognise Israel": whom the act concerns
            recipients = self._threatened(doc, tok, actors)
        if etype == "MOBILIZE" and not actors and recipients:
            # "mobilized police officers", "deployed Kenyan troops": the forces moved are the mover's
            # own, so their country moves them when no one else is named
            forces = self.participants(doc, [r for r in recip_toks if _forces_moved(r, tok)], tok)
            if forces:
                actors, recipients = forces, [p for p in recipients if p not in forces]
        if etype == "MOBILIZE" and not self._not_own(recipients, actors):  # "on its border": its own
            recipients = self._facing(doc, tok, actors) or recipients
        if (etype in ("SANCTION", "PROTEST", "CONCEDE") or tok.lemma_.lower() in APOLOGISING) \
                and not self._not_own(recipients, actors):
            recipients = self._aimed_at_by_place(doc, tok, etype, actors) or recipients
        if etype == "PROTEST" and not recipients:
            recipients = self._protested_in_purpose(doc, tok, actors)
        if etype == "PROTEST" and any(a in recipients for a in actors):
            actors = self._people_of(actors_tok, actors, recipients)
        if not recipients and tok.pos_ == "VERB" and (etype in ("THREATEN", "REQUEST") or (
                etype == "ACCUSE" and (tok.lemma_.lower() in ALLEGING or tok.i in self._violations))):
            # the subject of the clause said: who is to suffer ("warned that Seoul and Washington will
            # face consequences"), of whom it is asked ("demanded that X return the boats"), who is
            # accused ("alleged that Moscow tortured prisoners", "said Russia violated the law")
            deps = ("nsubj", "nsubjpass") if etype == "THREATEN" else ("nsubj",)
            said = [g for c in tok.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in deps]
            recipients = self.participants(doc, said, tok)
            if not recipients and tok.i in self._violations:  # "said Peruvian arms sales harm ...": the seller
                recipients = [p for g in said for p in self._doer_participants(doc, g, tok)]
        if not recipients and etype == "REQUEST":
            # "calls for the release of hostages": addressed to whoever holds them in the article
            recipients = self._captor_under(tok)
        if not recipients and actors and etype not in ("CONSULT", "AGREE", "AID", "COOPERATE", "MOBILIZE"):
            # "seized a Chinese vessel", "rejected the Somali proposal": aimed at whose thing it is
            # (the troops a move sends are its own, not a target)
            own = {a.name for a in actors} | {a.affiliation for a in actors if a.affiliation}
            recipients = [p for p in self._owners(recip_toks) if p.name not in own]  # not "its own American commitment"
        if etype == "RETREAT":
            sides = self._exchange_sides(doc, tok)
            if sides:  # "exchange prisoners between X and Y": both sides act (convention 3)
                actors, recipients = sides, [p for p in recipients if p not in sides]
            elif tok.pos_ == "NOUN" and tok.head.lemma_.lower() in FACILITATING \
                    and not any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):  # ("the release ... by Chile")
                # "the agency helped free six captives": the facilitator released no one;
                # whoever holds them in the article did
                actors = self._captor_under(tok)
        if etype == "CONSULT" and tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.lemma_.lower() in THIRD_PARTY_ROLES:
            # "Israel and Hamas accepted an Egyptian-brokered truce": Egypt brokered it between them
            mediators = self.participants(doc, self._hyphen_prefix(tok), tok)
            if mediators:
                verb = self._act_of_noun(tok.head)
                subj = self.subject(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else None
                parties = self.participants(doc, [subj], verb) if subj is not None else []
                self._hosted.add(tok.i)
                if verb is not None:
                    self._mediated_act[tok.i] = verb  # (dated by the act it brokered)
                return mediators, [p for p in unique(parties) if p not in mediators], [], []
        if etype == "CONSULT" and tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBN" \
                and tok.lemma_.lower() in THIRD_PARTY_ROLES and tok.head.pos_ == "VERB" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # "X and Y swapped prisoners on Saturday, mediated by Z": a participle clause's agent
            # is the third party, the main clause's subject the parties it brought together
            agents = [g for a in tok.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            mediators = self.participants(doc, agents, tok) if agents else []
            subj = self.subject(tok.head)
            parties = self.participants(doc, [subj], tok.head) if subj is not None else []
            if mediators and parties:
                self._hosted.add(tok.i)
                return mediators, [p for p in unique(parties) if p not in mediators], [], []
        if etype == "CONSULT" and tok.dep_ == "acl" and tok.tag_ == "VBN" \
                and tok.lemma_.lower() in THIRD_PARTY_ROLES and tok.head.pos_ == "NOUN" \
                and self._types.get(tok.head.i) != "CONSULT":
            # "exchanged prisoners in a swap mediated by Z": the third party of the act the noun
            # belongs to, whose doers are the parties it brought together (convention 3)
            agents = [g for a in tok.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            mediators = self.participants(doc, agents, tok) if agents else []
            act = self._act_of_noun(tok.head)
            subj = self.subject(act) if act is not None and act.pos_ == "VERB" else None
            parties = self.participants(doc, [subj], act) if subj is not None else []
            if mediators and parties:
                self._hosted.add(tok.i)
                self._mediated_act[tok.i] = act
                return mediators, [p for p in unique(parties) if p not in mediators], [], []
        host_toks = self._hosts_of(tok) if etype == "CONSULT" and tok.pos_ == "NOUN" else []
        if etype == "CONSULT" and tok.pos_ == "VERB" and not host_toks:
            # "X and Y met for talks mediated by Z", "held talks brokered by Z": the talks' third party
            talks = [c for c in tok.children if c.dep_ == "dobj" and self._types.get(c.i) == "CONSULT"] + [
                g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("for", "in")
                for g in p.children if g.dep_ == "pobj"
                for g in [g, *(o for q in g.children if q.dep_ == "prep" and q.lower_ == "of" for o in q.children
                               if o.dep_ == "pobj")] if self._types.get(g.i) == "CONSULT"]
            host_toks = [h for t in talks for h in self._hosts_of(t)]
        if host_toks:
            # (and "a summit of the two leaders": whom a meeting is of)
            between = [c for c in tok.children if c.dep_ == "prep" and (c.lower_ in ("between", "among") or (
                c.lower_ == "of" and tok.lemma_.lower() in MEETING_NAMES))]
            # "Kenya will host talks between X and Y", "a new round of talks between the two sides",
            # "talks between X and Y hosted by Z": a third party's, the parties its counterparts
            hosts = self.participants(doc, host_toks, tok)
            sides = [o for b in between for o in b.children if o.dep_ == "pobj"]
            parties = self.participants(doc, sides, tok) or [
                p for o in sides for p in (self.named_group(doc, o) or [])]  # ("a summit of the two leaders")
            if hosts and (parties or any(conflict_sides_phrase(o) for o in sides)):
                actors, recipients = hosts, parties
                self._hosted.add(tok.i)
                if not parties:
                    self._sides_addressed.add(tok.i)  # "talks between the two sides": the article's pair
            elif hosts and not sides and [a for a in actors if a not in hosts]:
                # "X and Y held talks mediated by Z": Z the third party, the talkers its counterparts
                actors, recipients = hosts, unique([a for a in actors if a not in hosts] + recipients)
                self._hosted.add(tok.i)
            elif hosts and not sides and not actors:
                actors = hosts  # "the talks, mediated by Turkey, ended": the one named in them
        accused = self._accused_of(doc, tok)
        if accused is not None:  # "Ukraine condemned Russia for shelling the plant": Russia shelled
            actors = accused
        if swap:
            actors, recipients = recipients, actors
        if not actors and etype == "CONSULT" and tok.pos_ == "VERB":
            actors = self.nearest_left(doc, sent, tok)
        setting = _setting_verb(tok)
        if not actors and etype == "CONSULT" and tok.pos_ == "NOUN" and setting is not None \
                and tok.lemma_.lower() not in self.visit_words:  # (a trip's traveller is its own)
            # "pledged support at a meeting with X": who pledged there held the meeting
            subj = self.subject(setting)
            actors = [p for p in self.participants(doc, [subj], tok) if p not in recipients] if subj is not None else []
        actors = unique(actors)
        if etype in STATEMENT_TYPES and len(actors) == 1 and actors[0].kind in ("organization", "country"):
            # (also a head of state stating the country's position: "Ukraine is ready to ...," he stressed)
            actors = [self._leader_speaking(doc, tok, actors[0]) or actors[0]]
        recipients = [p for p in unique(recipients) if p not in actors]
        if tok.i in self._construed and tok.pos_ == "VERB":
            # the thing the act is done to, when it has a name of its own ("suspended the Indus Waters
            # Treaty with Pakistan"), is its object, not a party: the party is Pakistan
            named_objects = {self._mentions[self._at[c.i]].participant for c in tok.children
                             if c.dep_ == "dobj" and c.i in self._consumed and c.i in self._at
                             and self._mentions[self._at[c.i]].kind == "organization"}
            recipients = [p for p in recipients if p not in named_objects] if len(recipients) > len(named_objects) \
                else recipients
        semi = next((t.i for t in doc[tok.i: sent.end] if t.text == ";"), None) \
            if etype == "CONSULT" and recipients else None
        if semi is not None and not any(
                t.pos_ == "VERB" and self._types.get(t.i) == "CONSULT" for t in doc[tok.i + 1: semi]):
            # (the list is this meeting's, not a later verb's: "During her visit to X, Y met A; B; C")
            for p in self._semicolon_list(doc, sent, tok):
                if p not in recipients:
                    recipients.append(p)
                actors = [a for a in actors if a != p]
        if etype == "CONSULT" and not actors and len(recipients) > 1:
            actors, recipients = recipients, []  # "talks will be held with X and Y": X and Y talk
        if sides:
            self._sides_wanted.add(tok.i)  # "warring parties agreed ...": the article's two sides (document pass)
        if not recipients and any(conflict_sides_phrase(r) or (
                r.lemma_.lower() in STATE_GROUP_NOUNS and r.tag_ == "NNS" and any(
                    c.lower_ in ("two", "both") for c in r.children if c.dep_ in ("nummod", "det", "predet")))
                for r in recip_toks):  # ("called on the two governments": no pair named before)
            self._sides_addressed.add(tok.i)  # "urged both sides to ...", "talks between the two sides": likewise
        return actors, recipients, places, recip_toks

    def _people_of(self, actors_tok: list[Token], actors: list[Participant],
                   recipients: list[Participant]) -> list[Participant]:
        """Protesters named by their nationality against their own state ("Serbians rallied against
        the government in Belgrade"): the people act, as a group of that country, so the state they
        protest against stays its target instead of being taken for the protesters themselves."""
        people = {}
        for t in (t for a in actors_tok for t in a.subtree):  # ("tens of thousands of Serbians")
            m = self._mentions[self._at[t.i]] if t.i in self._at else None
            if m is not None and m.source == "demonym" and t.tag_ in ("NNPS", "NNS") \
                    and m.participant in recipients and m.participant not in people:
                people[m.participant] = Participant(t.text.capitalize(), "organization", m.participant.name)
        return [people.get(a, a) for a in actors]

    def _protested_in_purpose(self, doc: Doc, tok: Token, actors: list[Participant]) -> list[Participant]:
        """Whom a protest is aimed at, named in its purpose clause: "staged a strike to protest the
        Israeli raids", "marched to protest against the Indian dam project"."""
        heads = [tok] + ([tok.head] if tok.dep_ in ("dobj", "pobj") and tok.pos_ == "NOUN" else [])
        heads = [h.head if h.dep_ == "pobj" else h for h in heads]
        for h in heads:
            for c in h.children:
                if c.dep_ not in ("advcl", "xcomp") or not to_infinitive(c) or c.lemma_.lower() not in PROTESTING:
                    continue
                objs = [o for o in c.children if o.dep_ == "dobj"]
                objs += [g for p in c.children if p.dep_ == "prep" and p.lower_ in ("against", "over")
                         for g in p.children if g.dep_ == "pobj"]
                for o in objs:
                    found = self._not_own(self.participants(doc, [o], c) or self._owners([o]) or self._nationality_of(o),
                                          actors)
                    if found:
                        return found
        return []

    def _received(self, doc: Doc, tok: Token, etype: str) -> tuple[list[Participant], list[Participant]] | None:
        """An act told from the side it is done to: "Sri Lanka received $50 million in aid from
        Japan", "Israel won backing from Washington", "Myanmar faced condemnation from the UN",
        "Southern Lebanon came under Israeli shelling". The giver (after "from" or "by", else the
        nationality on the act) acts; the receiving subject is the recipient."""
        found = _receiving(tok) if tok.pos_ == "NOUN" and etype in RECEIVED_TYPES else None
        if found is None:
            return None
        noun, verb = found
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            # "Russia vetoed the draft, drawing criticism from Britain": the act's doer draws it
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        givers = [g for h in {tok, noun, verb} for p in h.children if p.dep_ in ("prep", "agent")
                  and p.lower_ in ("from", "by") for g in p.children if g.dep_ == "pobj"]
        actors = unique(self.participants(doc, givers, tok)) if givers else self._nationality_of(tok)
        recipients = self.participants(doc, [subj], tok)
        if not actors or not recipients:
            return None
        return actors, [r for r in recipients if r not in actors]

    def _hosts_of(self, talks: Token) -> list[Token]:
        """Who hosts a meeting a noun names: the subject of "host" whose object it is (also
        measured: "host a new round of talks"), or the agent of "hosted by"."""
        head = talks
        if talks.dep_ == "pobj" and talks.head.lower_ == "of" and talks.head.head.lemma_.lower() in MEASURE_NOUNS:
            head = talks.head.head  # "a new round of talks"
        if head.dep_ == "dobj" and head.head.lemma_.lower() == "host":
            subj = self.subject(head.head)
            return [subj] if subj is not None else []
        # ("talks between X and Y hosted / co-chaired / mediated by Z")
        # (the clause may hang on the last party: "talks between X and Y, co-chaired by Z")
        holders = [talks] + [o for p in talks.children if p.dep_ == "prep" and p.lower_ in ("between", "among")
                             for g in p.children if g.dep_ == "pobj" for o in [g, *g.conjuncts]]
        hyphenated = [g for c in talks.children if c.dep_ == "amod" and c.tag_ == "VBN" and c.lemma_.lower() in THIRD_PARTY_ROLES
                      for g in self._hyphen_prefix(c)]
        if hyphenated:
            return hyphenated  # "the Qatari-mediated talks between X and Y"
        return [g for h in holders for c in h.children if c.dep_ == "acl" and (c.lemma_.lower() in THIRD_PARTY_ROLES or any(
                    f in THIRD_PARTY_ROLES for f in base_forms(c.lower_.removeprefix("co-"))))
                for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]

    @staticmethod
    def _crowd_control(verb: Token) -> bool:
        """Is a water cannon fired at a crowd ("fired tear gas and water cannon at the
        protesters", "... to disperse the crowds")? At ships it is an attack."""
        if not any(c.dep_ == "dobj" and c.lemma_.lower() == "cannon" and any(g.lower_ == "water" for g in c.children)
                   for c in verb.children):
            return False
        targets = {t.lemma_.lower() for t in verb.subtree if t.dep_ in ("pobj", "dobj")}
        return bool(targets & CROWDS) or any(t.lemma_.lower() == "disperse" for t in verb.subtree)

    @staticmethod
    def _act_of_noun(noun: Token) -> Token | None:
        """The verb whose object a thing is, or whose object's phrase holds it: "signed a deal",
        "exchanged prisoners in a swap", "swap 150 prisoners in a UAE-brokered deal"."""
        act = noun.head if noun.dep_ in ("dobj", "nsubjpass") else noun.head.head if noun.dep_ == "pobj" else None
        while act is not None and act.pos_ == "NOUN" and act.dep_ in ("dobj", "pobj"):
            act = act.head if act.dep_ == "dobj" else act.head.head
        return act

    @staticmethod
    def _hyphen_prefix(participle: Token) -> list[Token]:
        """Who a hyphenated participle names as its doer: "an Egyptian-brokered truce" (Egypt)."""
        return [c for c in participle.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and c.i < participle.i
                and participle.doc[c.i + 1].text == "-"]

    def _nationality_of(self, tok: Token) -> list[Participant]:
        """"Turkish air strikes", "the Egyptian mediation": a nationality on an event noun
        names the state that acts (the resolver makes no mention of a bare adjective)."""
        for child in tok.children:
            if child.dep_ in ("amod", "compound") and child.i < tok.i and child.ent_type_ == "NORP":
                country = self.kb.demonym(child.text)
                if country:
                    return [Participant(country, "country")]
            if child.dep_ == "poss" and tok.lower_ in FORCE_GROUPS and child.i in self._at:
                return [self._mentions[self._at[child.i]].participant]  # "the withdrawal of its forces": whose they are
        # "the deployment of Russian troops": the state whose forces move
        forces = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj" and g.lower_ in FORCE_GROUPS]
        return self._nationality_of(forces[0]) if forces and self._types.get(tok.i) in ("MOBILIZE", "RETREAT", "ASSAULT") \
            else []

    def _voiced_stance(self, verb: Token, obj: Token, etype: str) -> bool:
        """Is ``obj`` a stance a verb of voicing says, with a named possessor ("reaffirmed Brazil's
        support", "renewed the EU's call")? Not one another verb judges ("appreciated the IFRC's
        commitment": the IFRC is thanked), nor one a pronoun owns."""
        return obj.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in APPEALING - SEEKING \
            and (obj.lemma_.lower() in STANCES or self.nouns.get(obj.lemma_.lower()) == etype) \
            and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in obj.children)

    def _stance_holder(self, stance: Token, subj: Token | None) -> list[Token]:
        """"reaffirmed Brazil's support", "expressed Japan's solidarity": the possessor holds the
        stance the verb voices; when the speaker is named ("Lula reaffirmed ..."), the speaker
        acts for it in person (convention 5)."""
        if subj is not None and self._mentions_in(subj, own=True):
            return []
        return [c for c in stance.children if c.dep_ == "poss"]

    def argument_tokens(self, tok: Token, etype: str) -> tuple[list[Token], list[Token], bool]:
        """(actor-side tokens, recipient-side tokens, swap) for a trigger."""
        lemma = tok.lemma_.lower()
        actors: list[Token] = []
        recips: list[Token] = []
        swap = lemma in ("receive", "host", "welcome") and tok.pos_ == "VERB" and etype == "CONSULT"
        own_possessor = tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children)
        subj = None if own_possessor else self.subject(tok)  # "his commitment" is his, not the speaker's
        their = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ == "their"), None) if own_possessor else None
        if their is not None:
            # "the leaders of X, Y and Z will gather for their summit": a plural "their" is the
            # coordinated subject of the clause, all of it (a pronoun resolves to one name)
            subj = self.subject(tok)
            if subj is None or not any(c.dep_ == "conj" for t in subj.subtree for c in t.children):
                subj = None
            else:
                own_possessor = False
        if subj is not None and subj.i == tok.head.i and tok.pos_ == "VERB" and (
                tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.tag_ in ("WP", "WDT") for c in tok.children)
                or tok.dep_ == "acl" and tok.tag_ == "VBN" and not misread_main_verb(tok)):
            # "fishermen who had been detained", "fishermen detained off Arica": the noun the
            # passive clause describes is done to, not doing
            recips.append(subj)
            subj = None
        if subj is not None and subj.head.i == tok.i and subj.i > tok.i and subj.dep_ == "nsubj" and tok.pos_ == "VERB" \
                and etype == "CONSULT" and lemma not in self.reporting and not any(c.dep_ == "dobj" for c in tok.children):
            # "During her visit to X, the agency's director, Y, met Prime Minister Z; ...": the parser took
            # the fronted subject for an apposition and the object for the subject; a meeting verb's
            # subject comes before it, so Z is the one met and the last person named before the verb meets
            before = [t for t in tok.sent if t.i < tok.i and t.i in self._at
                      and self._mentions[self._at[t.i]].kind == "person" and t.dep_ in ("appos", "nsubj")]
            if before:
                recips.append(subj)
                subj = before[-1]
        if subj is not None:
            actors.append(subj)
            # a headline's comma coordination: "Lula, Petro agree on ..."
            actors.extend(c for c in tok.children if c.dep_ == "dep" and c.i < subj.i and c.pos_ == "PROPN"
                          and tok.doc[c.right_edge.i + 1].text == "," and self._mentions_in(c))
        if lemma == "declare" and etype == "SANCTION":  # whom "persona non grata" is said of, however parsed
            recips.extend(t for t in tok.subtree if t.dep_ in ("nsubj", "dobj") and t.head.i != tok.i
                          and t.lower_ not in ("persona", "grata") and t.head.lower_ in ("persona", "grata"))
        consumed = [c for c in tok.children if c.i in self._consumed]
        if tok.pos_ == "NOUN":  # "the closure of its border with Togo": a verb made a noun has it after "of"
            consumed += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.i in self._consumed]
        consumed += [g for o in consumed if o.lemma_.lower() in SIGNED_TEXTS for p in o.children
                     if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        for obj in consumed:
            # "imposed sanctions on Iran", "closed its border with Benin": the construction's object
            # is a thing; whom the event is directed at hangs on it (also on the "of" of a text's
            # name: "a memorandum of understanding with Peru")
            if obj.pos_ == "VERB":  # "allowed the Red Crescent to enter": who is let in
                recips.extend(c for c in obj.children if c.dep_ in ("nsubj", "dobj"))
            elif self._voiced_stance(tok, obj, etype):
                actors.extend(self._stance_holder(obj, subj))
            else:  # "summoned the Russian ambassador", "blocked Sweden's bid": whose it is
                recips.extend(c for c in obj.children if c.dep_ == "poss" or (
                    c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or (
                        # (a demonym the NER took for a name: "two Moldovan diplomats")
                        c.i in self._at and self._mentions[self._at[c.i]].kind == "country"))))
            for prep in obj.children:
                # "recognised the independence of X", "banned imports of Y": whose it is (but "expressed
                # the thanks of X": an event noun's "of" is who speaks)
                of_owner = prep.lower_ == "of" and not ({obj.lemma_.lower(), obj.lower_} & self.nouns.keys())
                if prep.dep_ == "prep" and (prep.lower_ in RECIPIENT_PREPS or of_owner):
                    recips.extend(c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME"))
        for child in tok.children:
            dep = child.dep_
            if child.i in self._consumed:
                continue
            if dep == "dative" and etype == "SUPPORT" and lemma in PRAISE_VERBS and any(c.dep_ == "dobj" for c in tok.children):
                continue  # "commended the assistance of X to the people of Lebanon": for them, not to them
            if dep == "dobj" and lemma in TOPIC_VERBS:
                continue  # "Lavrov and Guterres discussed Ukraine": the topic, not a party
            if self._voiced_stance(tok, child, etype):
                # "reaffirmed Brazil's support for Argentina": the stance's holder is no recipient;
                # whom it is for is
                actors.extend(self._stance_holder(child, subj))
                recips.extend(g for p in child.children if p.dep_ == "prep" and p.lower_ in RECIPIENT_PREPS
                              for g in p.children if g.dep_ == "pobj")
            elif dep in ("dobj", "dative", "nsubjpass") and (subj is None or child.i != subj.i) and not expletive(child):
                recips.append(child)
            elif dep == "prep" and child.lower_ in RECIPIENT_PREPS and (
                    child.lower_ not in TYPED_PREPS or etype in TYPED_PREPS[child.lower_]
                    # "demanded an apology from Ankara": asked of them (but "a request from X" is X's)
                    or child.lower_ == "from" and etype == "REQUEST" and tok.pos_ == "VERB"
                    # "a dinner for the visiting minister": whom a meal is given for
                    or child.lower_ == "for" and lemma in self.needs_counterpart) and not (
                    child.lower_ == "for" and any(c.dep_ == "dobj" for c in tok.children)) and not (
                    # "talks on the situation of refugees": a meeting's topic ("called on X" is whom)
                    child.lower_ == "on" and etype == "CONSULT" and lemma != "call"):  # "thank X for Y": Y is the reason
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if child.lower_ == "with":  # "with support from the EU, X distributed ...": a funder, not a recipient
                    objs = [o for o in objs if o.lemma_.lower() not in BACKING_NOUNS]
                if child.lower_ == "at":  # "shelled targets at the airport": where, not whom
                    objs = [o for o in objs if o.ent_type_ not in PLACE_LABELS | {"DATE", "TIME"}
                            and not self._names_a_city(o) and o.lemma_.lower() not in SITES]
                if child.lower_ == "on":  # "On Lesvos, X will meet ...", "on Friday": a place or a day
                    # (but a city acted on is its government: "called on Moscow", "sanctions on Minsk")
                    objs = [o for o in objs if (etype in FORCE_TYPES | SEAT_TYPES["on"] and o.i > tok.i
                                                or etype in FORCE_TYPES or not self._names_a_city(o))
                            and o.ent_type_ not in ("DATE", "TIME")  # but "attacks on Gaza" target it
                            and o.lemma_.lower() not in OCCASION_EDGES]  # "on the sidelines of the summit": when
                if child.lower_ == "for" and etype == "REQUEST":
                    # "called for the intervention of the UN" asks the UN; "called for the creation of a
                    # mission" asks for the mission, of no one named
                    objs = [o for o in objs if o.lemma_.lower() not in MADE_THINGS]
                if child.lower_ == "between" and tok.pos_ != "VERB":
                    actors.extend(objs)
                else:
                    recips.extend(objs)
            elif dep == "prep" and (lemma, child.lower_) in self.verb_prep:  # "stood by Azerbaijan"
                recips.extend(c for c in child.children if c.dep_ == "pobj")
            elif etype == "RETREAT" and child.lower_ == "out":  # "pulled its troops out of Lebanon": left
                recips.extend(g for h in (child, tok) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj")
            elif etype == "REQUEST" and tok.pos_ == "VERB" and _for_clause(child):
                recips.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))  # "called for China to act"
            elif dep == "prep" and child.lower_ == "by" and tok.pos_ == "NOUN":
                actors.extend(c for c in child.children if c.dep_ == "pobj")  # "the trip by X"
            elif dep == "prep" and child.lower_ == "of" and tok.pos_ == "NOUN" and subj is None and (
                    etype in ("AGREE", "SUPPORT") or lemma in self.visit_words) and not own_possessor:
                # "the commitment of the United Nations", "the visit of the Pope": whose it is
                actors.extend(c for c in child.children if c.dep_ == "pobj" and self._mentions_in(c))
            elif dep in ("relcl", "acl") and tok.pos_ == "NOUN" and child.lemma_.lower() in LEADING:
                # "the mediation, which X and Y led": X and Y mediated
                actors.extend(g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
            elif dep == "agent" and (lemma in DISMAYING or tok.lower_ in CONCERNED):
                recips.extend(c for c in child.children if c.dep_ == "pobj")  # "was appalled by Uganda's decision"
            elif dep == "agent":
                actors.extend(c for c in child.children if c.dep_ == "pobj")
                if subj is not None and subj.dep_ == "nsubjpass":
                    actors.remove(subj)
                    recips.append(subj)
            elif dep == "conj" and tok.pos_ == "VERB" and child.pos_ == "NOUN" and recips:
                recips.append(child)  # "met with families ..., as well as senior leaders": misparsed as a verb's conjunct
            elif dep == "npadvmod" and tok.pos_ == "VERB" and child.ent_type_ in ("PERSON", "ORG"):
                recips.append(child)  # a misparsed object: "met ... with X, Vladimir Putin"
            elif dep == "poss" and tok.pos_ == "NOUN" and not (child is their and subj is not None):
                actors.append(child)
            elif dep == "prep" and child.lower_ == "of" and tok.pos_ == "NOUN" and etype in FORCE_TYPES:
                # "the attacks of X on Y" (the target phrase on the attack or on X): X attacks Y
                for agent in (c for c in child.children if c.dep_ == "pobj"):
                    targets = [t for p in agent.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
                               for t in p.children if t.dep_ == "pobj"]
                    if targets or any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children):
                        if subj is not None and subj in actors:
                            actors.remove(subj)
                        actors.append(agent)
                        recips.extend(targets)
        if tok.pos_ == "NOUN":
            at = self._at
            for child in tok.children:
                if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") \
                        and not (child.i in at and self._mentions[at[child.i]].source == "city") \
                        and not (child.ent_type_ == "GPE" and etype in ("ASSAULT", "COERCE") and any(
                            c.dep_ == "compound" and c.lemma_.lower() in SITE_HEADS | SITES and child.i < c.i < tok.i
                            for c in tok.children)):
                    # "Russian attacks"; not "the Istanbul grain deal", nor "the Sudan hospital attack"
                    # (the country where the hospital is)
                    actors.append(child)
            # "Discussions will be held with X": the light verb carries the counterpart.
            head = tok.head
            # ... and so do a mediator's verbs: "the deal was brokered by X between Y and Z" (Y and Z agreed)
            if tok.dep_ in ("dobj", "nsubjpass", "nsubj") and (head.lemma_.lower() in LIGHT_VERBS or (
                    tok.dep_ == "dobj" and head.lemma_.lower() in GROWING) or (
                    # "fighting broke out between X and Y", "clashes erupted between X and Y"
                    tok.dep_ == "nsubj" and etype == "ASSAULT" and head.lemma_.lower() in ONSET_VERBS) or (
                    etype == "AGREE" and head.lemma_.lower() in self.third_party)):
                # ... and "expressed thanks to X", "extended support to X" their addressee
                preps = ("with", "between", "among") + (("to",) if etype in ("SUPPORT", "AID", "REQUEST", "THREATEN") else ())
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in preps:
                        objs = [c for c in child.children if c.dep_ == "pobj"]
                        (actors if child.lower_ in ("between", "among") else recips).extend(objs)
        if etype == "ACCUSE" and not recips:
            # "lashed out at X", "complained about X", "voiced alarm over X": whom it is aimed at, or
            # an act named there, whose doer is then blamed ("outraged at the shelling of Kharkiv"
            # blames no Kharkiv; "at the Chinese drills" blames China)
            heads = [tok] if tok.pos_ == "VERB" else [tok, tok.head] if tok.dep_ == "dobj" else []
            recips.extend(o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("at", "about", "over")
                          for o in p.children if o.dep_ == "pobj" and (
                              self._is_act(o) or o.lemma_.lower() not in self.nouns and self._mentions_in(o, own=True)))
        if not actors and tok.pos_ == "NOUN" and etype in ("PROTEST", "ASSAULT", "COERCE", "MOBILIZE"):
            # "the protests, organised by the coalition, spread": who organised or carried them out
            actors.extend(_participle_agents(tok))
        if etype == "CONSULT" and not recips:
            # "raised the issue with X in a phone call": a call's counterpart is the one the clause's
            # verb names with "with", on the verb or, as the parser often hangs it, on its topic
            # (the same for a verb of meeting itself, "discussed the crisis with X", added a false
            # meeting on the sealed check set: a report folded into a fuller one became its own)
            verb = tok.head.head if (
                tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "over") and tok.head.head.pos_ == "VERB"
                and (tok.lemma_.lower() == "call" or tok.lemma_.lower() in self.phone)) else None
            if verb is not None:
                heads = [c for c in verb.children if c.dep_ == "dobj"] + [verb]
                recips.extend(o for o in _with_whom(heads) if self._mentions_in(o, own=True))
                if not recips and verb.lemma_.lower() in ADDRESSING_VERBS:
                    # "told X in a phone call that ...", "assured Y during a call": the one addressed
                    recips.extend(o for o in verb.children if o.dep_ in ("dobj", "dative") and self._mentions_in(o, own=True))
        if etype == "CONSULT" and not recips and _invited_to(tok) is not None:
            # "invited X to talks on Friday": the one invited is the talks' counterpart
            recips.extend(c for c in tok.head.head.children if c.dep_ == "dobj")
        if etype == "CONSULT" and tok.pos_ == "VERB" and not recips:
            recips.extend(_called_person(tok))  # "called President X on Monday", read as naming
        if etype == "CONSULT" and tok.pos_ == "VERB" and not recips:
            # "spoke by phone with X": the parser hangs the counterpart on the phone
            recips.extend(_with_whom([g for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "over", "via")
                                      for g in p.children if g.dep_ == "pobj" and g.lower_ in self.phone]))
        clause = misread_reduced_relative(tok) if tok.pos_ == "VERB" and subj is None else None
        if clause is not None:
            recips.extend(g for g in clause.children if g.dep_ == "nsubj")
        # "was detained and sentenced": the passive subject of the first verb is the second's too
        shared = tok.dep_ == "conj" and tok.tag_ in ("VBN", "VBD") and subj is not None and subj.head.i == tok.head.i \
            and any(c.dep_ == "auxpass" for c in tok.head.children)
        if subj is not None and subj.dep_ == "nsubjpass" and (subj.head.i == tok.i or shared) and subj in actors \
                and etype not in ("CONSULT", "AGREE") and not any(c.dep_ == "agent" for c in tok.children) \
                and tok.lemma_.lower() not in DISMAYING:  # (but "is outraged at": the one dismayed speaks)
            actors.remove(subj)  # "she is being detained", "the servicemen were released": done to them
            recips.append(subj)
        return actors, recips, swap

    def _misplaced_conjunct(self, verb: Token) -> Token | None:
        """The reporting verb a second verb really goes with: in "X said the talks were useful
        and thanked Y", "said Z's decision was unacceptable and called on Z to reconsider" the
        parser hangs the second verb on the reported clause, whose subject is no one (a thing,
        or a thing someone owns), so X thanked and X called."""
        head = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ccomp" \
                or head.head.lemma_.lower() not in self.reporting \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        at = self._at
        if any(c.dep_ in ("nsubj", "nsubjpass") and (c.i in at or c.pos_ in ("PRON", "PROPN")
                                                     or any(t.i in at for t in c.subtree if t.dep_ != "poss"
                                                            and not (t.head.dep_ == "poss" or t.dep_ == "case")))
               for c in head.children):
            return None
        return head.head

    def _content_of_statement(self, tok: Token) -> bool:
        """A subjectless infinitive ("to support the Russian Red Cross") hung, directly or
        through coordination, on a thanks, a promise or an appeal is that statement's content."""
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj":  # "determined to strengthen cooperation", "readiness to dispatch aid"
            tok = tok.head
        infinitive = to_infinitive(tok) or (
            tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "pcomp"))  # "did not mind renewing the accord"
        if tok.pos_ != "VERB" or not infinitive or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False
        cur = tok
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ == "pcomp" and cur.tag_ == "VBG" and cur.head.lower_ == "to" and cur.head.head.i != cur.head.i:
            head = cur.head.head  # "is committed to supporting the Red Crescent": what is promised
            return self._types.get(head.i) in ("SUPPORT", "AGREE", "REQUEST") and head.lemma_.lower() != tok.lemma_.lower()
        if cur.dep_ not in ("advcl", "acl", "xcomp") or cur.i == tok.i and cur.head.i == cur.i:
            return False
        head = cur.head
        pledged = self._types.get(head.i) == "AID" and head.lemma_.lower() in PLEDGE_VERBS  # "pledged to send aid"
        return (self._types.get(head.i) in ("SUPPORT", "AGREE", "REQUEST") or pledged) \
            and head.lemma_.lower() != tok.lemma_.lower()

    def _exchange_sides(self, doc: Doc, tok: Token) -> list[Participant]:
        """The parties "between" whom prisoners are released or exchanged, looking also at a
        coordinated verb ("free and swap six captives between X and Y")."""
        if any(c.dep_ == "advmod" and c.lower_ in ("mutually", "reciprocally") for c in tok.children):
            # "the soldiers held by Chad and Niger were mutually released"
            named = [m for m in self._mentions if tok.sent.start <= m.start < tok.sent.end
                     and m.kind in ("country", "organization")]
            if len(named) >= 2 and coordinated(doc, named):
                return unique([m.participant for m in named])
        owners = [tok] + ([tok.head] if tok.dep_ == "conj" else []) + [c for c in tok.children if c.dep_ == "conj"]
        for owner in owners:
            # on the verb or noun itself, or on what is exchanged ("two prisoners between X and Y")
            holders = [owner] + [c for c in owner.children if c.dep_ == "dobj"] \
                + [g for c in owner.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            for holder in holders:
                for child in holder.children:
                    if child.dep_ == "prep" and child.lower_ == "between":
                        sides = self.participants(doc, [c for c in child.children if c.dep_ == "pobj"], tok)
                        if len(sides) >= 2:
                            return sides
        return []

    def _leader_speaking(self, doc: Doc, tok: Token, org: Participant) -> Participant | None:
        """"Osei said the agency is ready to work with ...", "Kolivand announced the IRCS's
        readiness": when the organisation's own head states its promise or position, the
        person acts (convention 5); a spokesperson speaking keeps the organisation."""
        speaker = None
        for anc in tok.ancestors:
            if anc.lemma_.lower() in self.reporting:
                speaker = next((c for c in anc.children if c.dep_ == "nsubj"), None)
                break
        at, mentions = self._at, self._mentions
        if speaker is None or speaker.i not in at:
            return None
        m = mentions[at[speaker.i]]
        person = m.participant
        if m.kind != "person" or not person.affiliation:
            return None
        if person.affiliation not in (org.name, self.kb.short_affiliation(org.name)) \
                and self.kb.org(person.affiliation) != org.name:
            return None
        head_role = m.role in ORG_HEAD_ROLES or m.role == "leader"
        office_head = any(o.leader and o.affiliation in (org.name, self.kb.short_affiliation(org.name))
                          for o in self.kb.offices_of(person.name))
        return person if head_role or office_head else None

    def _accused_of(self, doc: Doc, tok: Token) -> list[Participant] | None:
        """Who is said to have done what a condemnation or praise is for: "condemned Russia for
        shelling", "blamed Hamas for the attack" (what one is accused *of* is no event at all)."""
        while tok.dep_ == "xcomp" and tok.head.i != tok.i:
            tok = tok.head  # "condemned the junta for continuing to carry out air strikes"
        if tok.dep_ not in ("pcomp", "pobj") or tok.head.lower_ not in ("of", "for"):
            return None
        verb = tok.head.head
        if verb.lemma_.lower() not in ACCUSING | PRAISE_VERBS | {"thank", "congratulate"}:
            return None  # (praise too: "praised Serbia for arresting the suspect": Serbia arrested him)
        accused = [c for c in verb.children if c.dep_ == "dobj"]
        # [] when the one accused goes unnamed ("accused the army of torturing"): not the accuser
        return self.participants(doc, accused, tok) if accused else None

    def _holders_of_captives(self, doc: Doc) -> dict[str, Participant]:
        """Captive noun ("hostage") -> who holds them, when the article says so once and only
        one way: "hostages taken by Hamas", "Hamas took 240 hostages", "prisoners held by X"."""
        at, mentions = self._at, self._mentions
        found: dict[str, set] = {}
        for tok in self._tokens:
            if tok.lemma_.lower() not in CAPTIVES:
                continue
            holders = []
            for acl in tok.children:  # "hostages taken by Hamas"
                if acl.dep_ == "acl" and acl.lemma_.lower() in CAPTURING:
                    holders += [g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in CAPTURING:  # "Hamas took 240 hostages"
                holders += [c for c in tok.head.children if c.dep_ == "nsubj"]
            for h in holders:
                if h.i in at and mentions[at[h.i]].kind in ("organization", "country"):
                    found.setdefault(tok.lemma_.lower(), set()).add(mentions[at[h.i]].participant)
        return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}

    def _captor_in_sentence(self, tok: Token) -> list[Participant]:
        """Who held the one freed, as the release's own sentence says ("was released on Thursday
        after being held hostage for 12 days by the ELN"): the body or state a verb of taking or
        holding names as its agent."""
        at, mentions = self._at, self._mentions
        for t in tok.sent:
            if t.i == tok.i or t.lemma_.lower() not in CAPTURING or t.pos_ != "VERB":
                continue
            for a in t.children:
                if a.dep_ != "agent":
                    continue
                # (the name may only qualify the pobj: "by the National Liberation Army (ELN) guerrillas")
                held_by = [mentions[at[h.i]].participant for g in a.children if g.dep_ in ("pobj", "pcomp") for h in g.subtree
                           if h.i in at and mentions[at[h.i]].kind in ("organization", "country")]
                if held_by:
                    return held_by[:1]
        return []

    def _captor_under(self, tok: Token) -> list[Participant]:
        """The holder of the captives a request or release is about ("the release of hostages")."""
        for t in tok.subtree:
            holder = self._once("captors", self._holders_of_captives, tok.doc).get(t.lemma_.lower())
            if holder is not None and t.i != tok.i:
                return [holder]
        return []

    def _promised_to(self, doc: Doc, tok: Token, preps: tuple[str, ...] = ("to", "with", "for")) -> list[Participant]:
        """Who a promise is for, named as the direct object or addressee of what is promised:
        "his commitment to ... and to support the Russian Red Cross", "pledged to work with
        Sudan". Only names standing there themselves ("the work of the Red Cross" is not)."""
        def infinitives(word: Token) -> list[Token]:
            return [c for c in word.children if c.dep_ in ("acl", "xcomp", "advcl") and c.pos_ == "VERB"
                    and to_infinitive(c)]
        content = infinitives(tok)
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and self._types.get(tok.head.head.i) == "SUPPORT":
            content += infinitives(tok.head.head)  # "thank X for his commitment to A, to B": the parser hangs B on "thank"
        verbs = [b for v in content for b in conj_branches(v)]
        at = self._at
        found: list[Participant] = []
        for v in verbs:
            objs = [c for c in v.children if c.dep_ == "dobj"]
            objs += [g for c in v.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children
                     if g.dep_ == "pobj"]
            for o in objs:
                if o.i in at:
                    found.extend(self.participants(doc, [o], tok))
        return unique(found)

    def _not_own(self, found: list[Participant], actors: list[Participant]) -> list[Participant]:
        own = {a.name for a in actors} | {self.kb.country(a.affiliation) for a in actors if a.affiliation}
        return [p for p in unique(found) if p.name not in own]

    def _threatened(self, doc: Doc, tok: Token, actors: list[Participant]) -> list[Participant]:
        """Who a threat is aimed at, named in the threatened act: its object or the thing it
        acts on ("threatened to expel UN inspectors", "to impose tariffs on Chinese goods", "to
        cut trade with Colombia"), else the subject of its condition ("threatened to retaliate
        if the United States attacked")."""
        acts = [b for c in tok.children if c.pos_ == "VERB" and (c.dep_ == "xcomp" or (
            c.dep_ == "ccomp" and has_aux(c, MODAL_AUX)))
            for b in conj_branches(c)]  # "warned that it would cut oil shipments to Guyana"
        return self._aimed_by_act(doc, tok, acts, actors)

    def _aimed_by_act(self, doc: Doc, tok: Token, acts: list[Token], actors: list[Participant]) -> list[Participant]:
        for act in acts:
            objs = [c for c in act.children if c.dep_ == "dobj"]
            # what the act is aimed at, on the verb or on its object ("to cut off aid to Managua",
            # "to strike depots in Poland")
            objs += [g for h in [act, *objs] for c in h.children if c.dep_ == "prep" and c.lower_ in (
                         "against", "on", "to", "with", "from", "at", "in")
                     for g in c.children if g.dep_ == "pobj"]
            # whose thing is acted on comes first ("any British deployment to Ukraine" threatens Britain)
            found = self._not_own(self._owners(objs[:1]) or self.participants(doc, objs, tok) or self._owners(objs), actors)
            if found:
                return found
        for clause in [c for v in [tok, *acts] for c in v.children if condition_clause(c)]:
            found = self._not_own(self.participants(doc, [c for c in clause.children if c.dep_ == "nsubj"], tok), actors)
            if found:
                return found
        return []

    def _countries_after(self, doc: Doc, prep: Token) -> list[Participant]:
        """The countries of the places a preposition names ("from Tehran", "near Taiwan")."""
        return [Participant(c, "country") for c in
                (self.kb.country_of_place(span.text) for span in self.objects_of(doc, prep)) if c]

    def _facing(self, doc: Doc, tok: Token, actors: list[Participant]) -> list[Participant]:
        """Whom a show of force faces: the country of the place the forces go to or gather at
        ("massed troops on the border with Kuwait", "deployed tanks along the Syrian border",
        "held drills near Taiwan"), when it is not the actor's own."""
        heads = [tok] + [c for c in tok.children if c.i in self._consumed]
        found: list[Participant] = []
        for h in heads:
            for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ in (
                    "to", "near", "along", "on", "toward", "towards", "into", "off", "around", "at", "in")):
                objs = [g for g in prep.children if g.dep_ == "pobj"]
                # "the border with Kuwait": the neighbour named on the place
                objs += [o for g in objs for p in g.children if p.dep_ == "prep" and p.lower_ == "with"
                         for o in p.children if o.dep_ == "pobj"]
                for o in objs:
                    found += self.participants(doc, [o], tok) or self._owners([o])
                found += self._countries_after(doc, prep)
        return self._not_own(found, actors)[:1]

    def _aimed_at_by_place(self, doc: Doc, tok: Token, etype: str, actors: list[Participant]) -> list[Participant]:
        """The state an act is aimed at, named by a place or a thing of it: an envoy recalled
        "from Tehran" leaves Iran; a march "on the American embassy" is against the United
        States; an apology "for its aggression against China" is made to China."""
        heads = [tok] + [c for c in tok.children if c.i in self._consumed]
        found: list[Participant] = []
        for h in heads:
            for prep in (c for c in h.children if c.dep_ == "prep"):
                objs = [g for g in prep.children if g.dep_ == "pobj"]
                if etype == "SANCTION" and prep.lower_ == "from":
                    found += self._countries_after(doc, prep)
                elif etype == "SANCTION" and prep.lower_ == "in" and h.i != tok.i and h.lemma_.lower() in MISSIONS:
                    found += self._countries_after(doc, prep)  # "closed its embassy in Tbilisi": Georgia
                elif etype == "PROTEST" and prep.lower_ in ("on", "outside", "at", "near", "to", "against", "before"):
                    found += self._owners([o for o in objs if o.lemma_.lower() in SEATS])
                elif (etype == "CONCEDE" or tok.lemma_.lower() in APOLOGISING) and prep.lower_ == "for":
                    for wrong in objs:
                        targets = [t for p in wrong.children if p.dep_ == "prep" and p.lower_ in ("against", "on", "toward", "towards")
                                   for t in p.children if t.dep_ == "pobj"]
                        found += self.participants(doc, targets, tok) or self._owners(targets)
        return self._not_own(found, actors)

    def _offered_mediation(self, doc: Doc, tok: Token) -> list[Participant]:
        """"willing to act as a go-between for Chad and Niger": an offer to mediate is
        made to the parties (convention 4 with 3)."""
        for t in tok.subtree:
            if t.i == tok.i or t.lemma_.lower() not in self.third_party and not (
                    self._types.get(t.i) == "CONSULT" and t.head.lemma_.lower() in HOSTING):
                continue  # (or to host the parties' talks: "offered to host talks between X and Y")
            for child in t.children:
                if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    found = self.participants(doc, objs, tok)
                    if not found and any(conflict_sides_phrase(o) for o in objs):
                        self._sides_addressed.add(tok.i)  # "between the two sides": the article's pair
                    return found
        return []


    @staticmethod
    def _semicolon_list(doc: Doc, sent: Span, tok: Token) -> list[Participant]:
        """"met with X; the deputy minister, Y; and Z": the most specific participant of
        each ';'-separated item after the first (the parser often hangs them elsewhere)."""
        mentions = doc._.mentions or []
        bounds = [t.i for t in doc[tok.i: sent.end] if t.text == ";"] + [sent.end]
        rank = {"person": 0, "organization": 1, "country": 2}
        out = []
        for lo, hi in zip(bounds, bounds[1:], strict=False):
            inside = [m for m in mentions if lo < m.start and m.end <= hi]
            if inside:
                out.append(min(inside, key=lambda m: (rank[m.kind], m.start)).participant)
        return out

    def _owners(self, recip_toks: list[Token]) -> list[Participant]:
        """The country named as the owner of a thing an act is aimed at: a demonym or a country
        modifying it ("a Chinese fishing vessel", "Uruguayan beef", "the assets of Iranian banks")."""
        out: list[Participant] = []
        for r in recip_toks:
            things = [r] + [o for p in r.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj"]
            # (the nationality itself, when the thing is part of the act: "returned 32 Armenian prisoners")
            for thing in things:
                for c in [*thing.children, *([thing] if thing.dep_ in ("amod", "compound") else [])]:
                    if c.dep_ in ("amod", "compound", "nmod") and (c.is_title or c.is_upper and len(c) > 1):
                        name = self._entity_text(c)  # "South African": the whole nationality ("US": a country)
                        country = self.kb.demonym(name) or self.kb.country(name)
                        if country and Participant(country, "country") not in out:
                            out.append(Participant(country, "country"))
            # whoever made it, in a participle clause: "the proposal put forward by Hamas", "the
            # resolution drafted by France"
            for o in _participle_agents(r):
                p = self._mentions[self._at[o.i]].participant if o.i in self._at else None
                if p is not None and p not in out:
                    out.append(p)
        return out

    def _is_act(self, tok: Token) -> bool:
        """Does a noun name an act (one typed as an event here, or an event noun of the lexicon)?"""
        return tok.pos_ == "NOUN" and (tok.i in self._types or tok.lemma_.lower() in self.nouns)

    def _names_someone(self, tok: Token) -> bool:
        """Whether a phrase names a participant or a nationality ("Peru's patrols", "Bolivian
        arms sales"; not "the storm")."""
        return any(t.i in self._at or t.ent_type_ == "NORP" for t in tok.subtree)

    def _doer_participants(self, doc: Doc, act: Token, trigger: Token) -> list[Participant]:
        """Who did an act a noun names: its possessor or "by" phrase ("Chile's decision", "the strikes
        by X") or the state of a nationality on it ("the Russian shelling", "Serbian troop movements")."""
        doers = self._doers(act)
        # (a possessor that is a body named by its country: "the Myanmar junta's air strikes")
        doers += [c for c in act.children if c.dep_ == "poss" and c.pos_ == "NOUN" and self._mentions_in(c, own=True)]
        for of in (c for c in act.children if c.dep_ == "prep" and c.lower_ == "of"):
            for agent in (c for c in of.children if c.dep_ == "pobj"):
                # "the attacks of X on Y": with a target named, the "of" phrase is who attacks
                # (not in "the killing of civilians")
                if any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in (*act.children, *agent.children)):
                    doers.append(agent)
        out = self.participants(doc, [d for d in doers if d.ent_type_ != "NORP"], trigger)
        for d in doers:
            if d.ent_type_ == "NORP":
                country = self.kb.demonym(self._entity_text(d))
                if country and Participant(country, "country") not in out:
                    out.append(Participant(country, "country"))
        return out

    def _entity_text(self, tok: Token) -> str:
        """The text of the named entity a token is part of (from the per-Doc index), else the token's own."""
        k = bisect.bisect_right(self._ent_starts, tok.i) - 1
        if tok.ent_type_ and k >= 0 and self._ents[k].end > tok.i:
            return self._ents[k].text
        return tok.text

    def _beneficiaries(self, doc: Doc, tok: Token, recip_toks: list[Token]) -> list[Participant]:
        """Who benefits when no recipient is named directly: the object of a purpose
        clause ("allocated funds to help the Russian Red Cross", "commitment to support
        X") or the country of "people in Lebanon"."""
        out: list[Participant] = []
        heads = [tok] + ([tok.head] if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else [])
        for h in heads:
            clauses = [b for child in h.children
                       if child.dep_ in ("xcomp", "advcl", "acl", "relcl") and child.pos_ == "VERB" and child.i > tok.i
                       for b in conj_branches(child) if b.pos_ == "VERB"]  # "to achieve X ... and to support Y"
            for child in clauses:
                for obj in child.children:
                    if obj.dep_ in ("dobj", "dative"):
                        # "to help Haitian flood victims": the people's country
                        out.extend(self.participants(doc, [obj], child) or (
                            self._owners([obj]) if obj.lemma_.lower() in PEOPLE_NOUNS else []))
                    elif obj.dep_ in ("ccomp", "xcomp"):  # "to help X respond"
                        subj = [c for c in obj.children if c.dep_ == "nsubj"]
                        out.extend(self.participants(doc, subj, child))
                    elif obj.dep_ == "prep" and obj.lower_ in ("with", "to"):
                        out.extend(self.participants(doc, [o for o in obj.children if o.dep_ == "pobj"], child))
        if out:
            return out
        # "200 million dollars in humanitarian aid for Sudan": whom the aid a sum measures is for
        sums = [tok] + [c for c in tok.children if c.dep_ == "dobj" and c.ent_type_ == "MONEY"]
        for prep in (c for h in sums for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
            for aid in (o for o in prep.children if o.dep_ == "pobj" and self.nouns.get(o.lemma_.lower()) == "AID"):
                out.extend(self.participants(doc, [g for p in aid.children if p.dep_ == "prep" and p.lower_ in ("for", "to")
                                                   for g in p.children if g.dep_ == "pobj"], tok))
        if out:
            return out
        mention_at, mentions = self._at, self._mentions
        for r in recip_toks:
            for t in r.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "in" and t.i in mention_at:
                    m = mentions[mention_at[t.i]]
                    if m.kind == "country":
                        out.append(m.participant)
        if not out:  # "sent medicine to Kenyan hospitals": whose the places or people helped are
            out = self._owners([r for r in recip_toks if r.dep_ == "pobj" and r.head.lower_ in ("to", "for")])
        return out

    def subject(self, tok: Token) -> Token | None:
        """The grammatical subject of a trigger, climbing through control and coordination."""
        if misread_main_verb(tok):
            return tok.head  # "Kenyan activists protested outside the embassy" parsed as a noun phrase
        seen = 0
        cur = tok
        while cur is not None and seen < 5:
            seen += 1
            for child in cur.children:
                if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                    if cur.i != tok.i and cur.pos_ == "NOUN":
                        break
                    if expletive(child):
                        return None  # "it was agreed to ...", "it was decided that ...": no one named
                    if child.tag_ in ("WP", "WDT") and cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN") and (
                            child.lower_ == "who" or child.lower_ in ("which", "that") and cur.head.i in self._at
                            # ("the conflict in Yemen, which has killed": the conflict; but "according to the
                            # Commission, which accused ...": the body)
                            and (cur.head.dep_ != "pobj" or self._mentions[self._at[cur.head.i]].kind == "organization")
                            and self._mentions[self._at[cur.head.i]].kind in ("organization", "country")):
                        # "X, who returned from a trip to Chad", "the navy, which detained them": the one
                        # the clause is about (all of a coordination the clause follows, unless its verb
                        # is singular: "Saudi Arabia and the United States, which mediated the talks")
                        antecedent = cur.head
                        while antecedent.dep_ == "conj" and cur.tag_ != "VBZ" and antecedent.head.i != antecedent.i \
                                and antecedent.head.pos_ in ("NOUN", "PROPN"):
                            antecedent = antecedent.head
                        return antecedent
                    if child.i not in self._at:  # "Regional bloc ECOWAS on Wednesday suspended": the
                        # parser made both words subjects; the one that names someone
                        named = next((c for c in cur.children if c.dep_ == child.dep_ and c.i != child.i
                                      and c.i in self._at), None)
                        if named is not None:
                            return named
                    return child
            if cur.pos_ in ("NOUN", "PROPN") and cur.i == tok.i:
                measure = cur.head.head if cur.dep_ == "pobj" and cur.head.lower_ == "of" else None
                if measure is not None and measure.dep_ in ("dobj", "attr") and measure.head.pos_ in ("VERB", "AUX") \
                        and measure.head.lemma_.lower() in LIGHT_VERBS and (
                            measure.lemma_.lower() in MEASURE_NOUNS and self._types.get(cur.i) == "CONSULT"
                            or measure.lemma_.lower() in BATCHES):
                    # "agreed to hold a second round of talks", "announced a new package of
                    # sanctions": whoever holds the round or announces the package
                    cur = measure.head
                    continue
                governing = cur.head.lemma_.lower()
                # "held talks", "provided aid", "stressed the need"; not "condemned the attacks"
                # (the condemner did not attack: another event's verb does not lend its subject)
                if cur.dep_ in ("dobj", "attr") and cur.head.pos_ in ("VERB", "AUX") and (
                        governing in LIGHT_VERBS or governing in self.noun_mods.get(cur.lemma_.lower(), ())
                        or (governing in ORGANISING and self._types.get(cur.i) == "PROTEST")  # "led protests"
                        or (governing in TRIP_ENDS and self._types.get(cur.i) == "CONSULT")  # "wrapped up a visit"
                        # "will boost economic cooperation", "deepened ties": whoever grows it takes part
                        or (governing in GROWING and self._types.get(cur.i) in CONTENT_TYPES)
                        or governing in CONSIDERING  # "is weighing new sanctions": its own, undecided
                        # who proposes or offers a meeting would take part ("proposed talks with X"; not
                        # "talks between X and Y")
                        or (governing in PROPOSING and self._types.get(cur.i) == "CONSULT" and not any(
                            c.dep_ == "prep" and c.lower_ in ("between", "among") for c in cur.children))
                        or (governing in self.verbs and self.verbs[governing] == self._types.get(cur.i)
                            and governing not in TOPIC_VERBS)):  # not "discussed the upcoming session"
                    cur = cur.head
                    continue
                # "went to Oman for a meeting with X", "made the call during talks with X":
                # the one who acts in the clause holds the meeting.
                # ("is in Moscow for meetings with X", "is on a visit to Y", "returned from a visit to Z")
                # ("ended her visit with a meeting with X")
                if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and (cur.head.lower_ in NOMINAL_PREPS and not (
                        # "mobilized police to respond to the rally": whoever answers an act is not its doer
                        cur.head.lower_ == "to" and cur.head.head.lemma_.lower() in REACTING) or (
                        cur.head.lower_ == "from" and cur.head.head.lemma_.lower() in RETURNING
                        and self._types.get(cur.i) == "CONSULT") or (
                        cur.head.lower_ == "with" and cur.head.head.lemma_.lower() in TRIP_BOUNDS
                        and self._types.get(cur.i) == "CONSULT")) \
                        and cur.head.head.pos_ in ("VERB", "AUX") and not self._another_events_verb(cur.head.head, cur) \
                        and not (cur.head.lower_ in ("after", "following", "during")
                                 and self._types.get(cur.i) in ("ASSAULT", "COERCE")
                                 and self._types.get(cur.head.head.i) not in (None, "ASSAULT", "MOBILIZE")):
                    # (not "travelled to Kyiv after the bombing of the hospital", "froze aid after the
                    # invasion": a time, a cause, not who bombed)
                    cur = cur.head.head
                    continue
                # "after four days of talks", "following two rounds of negotiations": the clause's
                # subject took part (talks only: "after a week of protests" were others')
                measure = cur.head.head if cur.dep_ == "pobj" and cur.head.lower_ == "of" else None
                if measure is not None and self._types.get(cur.i) == "CONSULT" and measure.lemma_.lower() in MEASURE_NOUNS \
                        and measure.dep_ == "pobj" \
                        and measure.head.lower_ in NOMINAL_PREPS and measure.head.head.pos_ == "VERB":
                    cur = measure.head.head
                    continue
                return None
            if (cur.dep_ == "xcomp" or cur.dep_ == "advcl" and to_infinitive(cur)) and cur.head.lemma_.lower() in OBJECT_CONTROL:
                guest = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i), None)
                if guest is not None:
                    # "Erdogan invited Putin to visit Turkey": the guest visits; "the attack prompted
                    # Chile to recall its ambassador": Chile recalls
                    return guest
            sayer = self._misplaced_conjunct(cur)
            if sayer is not None:
                cur = sayer
                continue
            if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp") or (cur.dep_ == "acl" and cur.head.pos_ == "NOUN"):
                head = cur.head
                if cur.dep_ == "acl" and cur.tag_ == "VBN" and head.dep_ == "ROOT" and any(
                        c.dep_ == "dobj" for c in cur.children):
                    return head  # "UNICEF condemned in the strongest terms the killing": a finite verb misparsed
                if cur.dep_ == "acl":
                    # "Chile's decision to close the border": whose decision it is
                    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                    if owner is not None and to_infinitive(cur):
                        return owner
                    if head.dep_ in ("attr", "oprd") and head.head.lemma_ in ("be", "become") and to_infinitive(cur):
                        # "the UK is the first country to sign ...", "becoming the first leader to
                        # visit Ukraine": the one the copula describes
                        return self.subject(head.head)
                    # "plans to meet": the subject of the verb that governs "plans".
                    return self.subject(head) if head.dep_ in ("dobj", "nsubj") else None
                if cur.dep_ == "pcomp":
                    accused = next((c for c in head.head.children if c.dep_ == "dobj"), None) \
                        if head.lower_ == "of" and head.head.lemma_.lower() in ACCUSING else None
                    if accused is not None:
                        return accused  # "accused X of plotting to ...": X is said to plot
                    head = head.head
                    if head.pos_ == "NOUN":  # "had no intention of attacking": whoever has the intention
                        return self.subject(head) if head.dep_ in ("dobj", "nsubj", "attr") else None
                cur = head
                continue
            if cur.dep_ == "relcl":
                head = cur.head
                if head.dep_ in ("attr", "oprd") and head.head.lemma_ in ("be", "become") and to_infinitive(cur):
                    return self.subject(head.head)  # ("the UK is the first country to sign ...")
                return head
            if cur.dep_ == "acomp" and (cur.pos_ == "ADJ" or cur.tag_ == "VBN"):  # "WFP is ready to ...": the copula's subject
                cur = cur.head
                continue
            return None
        return None

    def _phoned(self, tok: Token) -> bool:
        """Is this "call" a telephone call to a named person ("called the Sultan, X", "called
        President Y"), not naming or judging ("called him a liar", "called the vote unfair")?"""
        objs = [c for c in tok.children if c.dep_ == "dobj"] or _called_person(tok)
        if any(c.dep_ in ("oprd", "ccomp", "prt") and c not in objs or c.dep_ == "xcomp" and c.pos_ in ("NOUN", "ADJ", "PROPN")
               for c in tok.children):
            return False
        return any(not any(g.dep_ in ("amod", "acomp") for g in o.children if g.i > o.i)
                   and any(self._person_at(t.i) for t in o.subtree) for o in objs)

    @staticmethod
    def _aim_of_an_appeal(tok: Token) -> bool:
        """Is this act inside the purpose of an appeal ("an appeal for 10 million francs to
        support the Red Crescent in providing shelter"): aid asked for, not given?"""
        cur = tok
        for _ in range(5):
            if cur.dep_ in ("advcl", "acl", "xcomp") and to_infinitive(cur):
                head = cur.head
                if head.lemma_.lower() in APPEAL_NOUNS or any(
                        c.dep_ == "dobj" and c.lemma_.lower() in APPEAL_NOUNS for c in head.children):
                    return True
            if cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def _another_events_verb(self, verb: Token, noun: Token) -> bool:
        """Is this verb the trigger of an event of another type ("expressed alarm at the attacks":
        the alarm is an accusation; who voiced it did not attack)?"""
        own = self._types.get(noun.i)
        other = self._types.get(verb.i)
        # (but "agreed at negotiations", "praised X at the meeting": the talks were theirs)
        return own not in (None, "CONSULT") and other in ("ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN") \
            and other != own

    @staticmethod
    def _group_in_sentence(doc: Doc, sent: Span, pron: Token) -> list[Participant]:
        if pron.lower_ != "their":
            return []
        before = [m for m in doc._.mentions or [] if sent.start <= m.start and m.end <= pron.i]
        people = unique([m.participant for m in before if m.kind == "person"])
        if len(people) >= 2 and pron.head.lemma_.lower() in MEETING_WORDS:
            return people  # "a news conference with Lavrov following their talks": the two of them
        if not before or people:
            return []  # "Putin spoke to Guterres during their meeting" (one event, reported by "spoke")
        first = doc[before[-1].end - 1]
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        branches = {t.i for t in conj_branches(first)}
        joint = unique([m.participant for m in before if m.end - 1 in branches])
        # "Russia and India will deepen their cooperation": all of the coordination, else the last named
        return joint if len(joint) > 1 else [before[-1].participant]

    def named_group(self, doc: Doc, tok: Token) -> list[Participant] | None:
        """"Two top Asean officials", "the pair", "the two ministers": the people of a group
        of that size named together in the article (a coordination of person names), the
        nearest before the reference, else the nearest in the next sentences."""
        size = GROUP_SIZE.get(tok.lemma_.lower())
        if size is None and tok.lemma_.lower() in GROUP_NOUNS | STATE_GROUP_NOUNS and tok.tag_ in ("NNS", "NNPS"):
            size = next((GROUP_SIZE.get(c.lower_) for c in tok.children if c.dep_ in ("nummod", "det", "predet")
                         and c.lower_ in GROUP_SIZE), None)
        if not size:
            return None
        if tok.lemma_.lower() in STATE_GROUP_NOUNS:  # "both governments", "the two countries"
            states = [(i, g) for i, g in self._once("states", self._named_groups, doc, ("country", "organization"))
                      if i < tok.i and len(g) == size]
            if states:
                return list(states[-1][1])
            # else the latest countries named apart, in this or the previous sentence ("Venezuelan
            # soldiers detained two Guyanese fishermen ... talks between the two governments")
            start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
            latest: list[Participant] = []
            for m in reversed(self._mentions):
                if not start <= m.start < tok.i:
                    continue
                state = m.participant if m.kind == "country" else Participant(m.participant.affiliation, "country") \
                    if m.source == "group" and m.participant.affiliation else None  # ("Guyanese fishermen": Guyana)
                if state is not None and state not in latest:
                    latest.append(state)
            return latest[:size][::-1] if len(latest) == size else None
        people = self._once("people", self._named_groups, doc)
        before = [(i, g) for i, g in people if i < tok.i and len(g) == size]
        # ... or the two sides of the latest meeting ("X held talks with Y ... the two ministers")
        if len(self._last_group) == size and all(p.kind == "person" for p in self._last_group):
            before = sorted(before + [(self._last_group_at, self._last_group)], key=lambda x: x[0])
        after = [(i, g) for i, g in people if i > tok.i and len(g) == size
                 and doc[i].sent.start - tok.sent.end < 80]
        if before:
            return list(before[-1][1])
        return list(after[0][1]) if after else None

    def _claimant(self, doc: Doc, tok: Token, actors: list[Participant]) -> list[Participant]:
        """Who made the claim a denial rejects, when the claim is set beside the accusation that
        made it ("accused Sudan of backing the rebels, an accusation Khartoum rejected")."""
        claim = tok.head if tok.dep_ == "relcl" else next((c for c in tok.children if c.dep_ == "dobj"), None)
        if claim is None or claim.lemma_.lower() not in CLAIMS | ALLEGING or claim.dep_ not in ("appos", "npadvmod"):
            return []
        verb = claim.head
        for _ in range(6):  # up to the accusation the claim is set beside
            if self._types.get(verb.i) == "ACCUSE" or verb.head.i == verb.i:
                break
            verb = verb.head
        if self._types.get(verb.i) != "ACCUSE" or verb.pos_ != "VERB":
            return []
        subj = self.subject(verb)
        return [p for p in self.participants(doc, [subj], verb) if p not in actors] if subj is not None else []

    @staticmethod
    def _bare_plural(tok: Token) -> bool:
        """Is this "the envoys", "the ministers": a plural of people's roles with nothing of its
        own to say whose (no name, nationality, number or clause)?"""
        return tok.tag_ == "NNS" and tok.lemma_.lower() in GROUP_NOUNS and all(
            c.dep_ == "det" and c.lower_ in ("the", "these") for c in tok.children) and any(
            c.dep_ == "det" for c in tok.children)

    def _same_noun_before(self, doc: Doc, tok: Token, trigger: Token) -> list[Participant]:
        """The participants of the latest earlier phrase headed by the same plural noun that
        names them ("ECOWAS envoys", "Peruvian negotiators"), in this or the three sentences
        before."""
        start = tok.sent.start
        for _ in range(3):
            if start == 0:
                break
            start = doc[start - 1].sent.start
        for i in range(tok.i - 1, start - 1, -1):
            u = doc[i]
            if u.lemma_.lower() == tok.lemma_.lower() and u.tag_ == "NNS" and not self._bare_plural(u):
                found = self.participants(doc, [u], trigger)
                if found:
                    return found
        return []

    def _once(self, name: str, find, *args):
        """``find(*args)`` for this doc, worked out the first time it is asked for."""
        if name not in self._lazy:
            self._lazy[name] = find(*args)
        return self._lazy[name]

    def _named_groups(self, doc: Doc, kinds: tuple[str, ...] = ("person",)) -> list[tuple[int, list[Participant]]]:
        """(token, participants) for each coordination of two or more named people (or, with
        other ``kinds``, of countries: "Rwanda and the DRC ... both governments")."""
        at, mentions = self._at, self._mentions
        groups, seen = [], set()
        named = ("name",) if kinds == ("person",) else ("name", "country", "org")
        for m in mentions:
            if m.kind not in kinds or m.source not in named:
                continue
            root = doc[m.start: m.end].root
            if root.i in seen:
                continue
            members = []
            for b in conj_branches(root):
                k = at.get(b.i)
                if k is not None and mentions[k].kind in kinds and mentions[k].source in named:
                    members.append(mentions[k].participant)
                    seen.add(b.i)
            members = unique(members)
            if len(members) >= 2:
                groups.append((root.i, members))
        return groups

    def participants(self, doc: Doc, toks: list[Token], trigger: Token, beneficiaries: bool = True) -> list[Participant]:
        """Participants in the subtrees of argument tokens, the most specific per coordinated branch."""
        out: list[Participant] = []
        at, mentions = self._at, self._mentions
        for tok in toks:
            branches = conj_branches(tok)
            if tok.i in at:  # "the Office for the Coordination ... and the Ministry": a conjunct hung inside a name
                m = mentions[at[tok.i]]
                for t in doc[m.start: m.end]:
                    branches += [b for c in t.children if c.dep_ == "conj" and not m.start <= c.i < m.end
                                 for b in conj_branches(c) if not title_words_only(t, b)]
            for branch in branches:
                branch = self._leader_of(branch) or branch  # "a mission led by X": X
                found = self._branch_mentions(doc, branch, trigger, beneficiaries)
                if not found:
                    continue
                if any(m.kind == "person" and (_apposed_to(doc, m, branch) or (
                        branch.lemma_.lower() in TITLE_WORDS and branch.tag_ == "NNS")) for m in found):
                    # "the foreign ministers of Chile and Peru, X and Y": the people the title names,
                    # their countries only saying whose ministers they are
                    found = [m for m in found if m.kind == "person"]
                if len(found) > 1 and coordinated(doc, found):  # "between Israel and Hamas": each, whatever kind
                    out.extend(m.participant for m in found)
                    continue
                rank = {"person": 0, "organization": 1, "country": 2}
                best = min(rank[m.kind] for m in found)
                chosen = [m for m in found if rank[m.kind] == best]
                # several people in one branch: a name beats a title ("the UN Resident
                # Coordinator, Stefan Priesner"), else the first (the rest are modifiers)
                named = [m for m in chosen if m.source == "name"]
                demonyms = [m for m in chosen if m.source == "demonym"]
                if best == rank["country"] and len(demonyms) > 1 and coordinated(doc, demonyms):
                    # "senior Israeli and Palestinian leaders": unnamed people of two countries
                    out.extend(m.participant for m in demonyms)
                    continue
                if len(chosen) > 1 and coordinated(doc, chosen):  # "between Armenia and Azerbaijan"
                    out.extend(m.participant for m in chosen)
                    continue
                out.append((named or chosen)[0].participant)
        return out

    def _leader_of(self, tok: Token) -> Token | None:
        """The named leader of a delegation ("an AU mission led by Foreign Minister X", "a team
        headed by X"): convention 2 makes the delegation's named members its participants."""
        if tok.lemma_.lower() not in DELEGATIONS:
            return None
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head"):
                for a in c.children:
                    if a.dep_ == "agent":
                        named = [g for g in a.children if g.dep_ == "pobj" and self._mentions_in(g)]
                        if named:
                            return named[0]
        return None

    def _branch_mentions(self, doc: Doc, tok: Token, trigger: Token, beneficiaries: bool = True) -> list[Mention]:
        mention_at = self._at
        mentions = self._mentions
        blocked: set[int] = set()
        subtree = list(tok.subtree)
        for t in subtree:
            if t.i != tok.i and t.dep_ in ("relcl", "acl", "ccomp", "advcl", "conj", "appos") and t.head.i != trigger.i:
                first = t
                while first.dep_ == "conj" and first.head.dep_ == "conj" and first.head.i != first.i:
                    first = first.head  # "of Germany, Britain and France": the list hangs on its first item
                if first is not t and first.head.dep_ == "pobj" and first.head.head.lower_ in ("between", "of") \
                        and first.head.head.head.tag_ in ("NNS", "NNPS", "NN"):
                    continue
                if t.dep_ == "appos" and (t.head.i == tok.i or doc[t.left_edge.i - 1].text == "("):
                    continue  # "X, the minister", "ministers of Tajikistan (Sirodjiddin Muhriddin)": who they are
                if t.dep_ == "acl" and t.head.i == tok.i and t.i == tok.i + 1 and t.i in mention_at:
                    continue  # "regional bloc ECOWAS" with the name misread as a participle: the name
                if t.dep_ == "conj" and t.head.dep_ == "amod" and t.head.head.i != trigger.i:
                    continue  # "Israeli and Palestinian leaders": coordinated modifiers of one noun
                if t.dep_ == "conj" and t.head.dep_ == "pobj" and t.head.head.lower_ == "between":
                    continue  # "prisoners between Armenia and Azerbaijan": both sides
                if t.dep_ == "conj" and t.head.dep_ == "pobj" and t.head.head.lower_ == "of" \
                        and t.head.head.head.tag_ in ("NNS", "NNPS"):
                    continue  # "the governments of the United States and Russia": of both
                blocked.update(s.i for s in t.subtree)
            if t.dep_ == "prep" and t.lower_ in ("in", "at", "during", "on", "since", "after", "before", "near", "following") \
                    and t.i != tok.i:
                blocked.update(s.i for s in t.subtree)
            if t.dep_ == "poss" and t.pos_ == "PRON" and t.head.i == tok.i and tok.lemma_.lower() in TITLE_WORDS:
                blocked.add(t.i)  # "met his Chilean counterpart", "her deputy": whose they are, not who
            if not beneficiaries and t.dep_ == "prep" and t.lower_ in ("to", "for") and t.head.i != trigger.i:
                blocked.update(s.i for s in t.subtree)  # "commended the assistance of X to the people of Y": X
        if any(t.i == trigger.i for t in subtree):
            blocked.update(s.i for s in trigger.subtree if s.i != tok.i)
            blocked.add(trigger.i)
        seen: list[Mention] = []
        for t in subtree:
            if t.i in blocked:
                continue
            k = mention_at.get(t.i)
            if k is not None and mentions[k] not in seen:
                m = mentions[k]
                if m.source == "city" and self._is_place_use(t) \
                        and self._types.get(trigger.i) not in SEAT_TYPES.get(self._prep_of(t), ()):
                    continue  # (but "issued a warning to Helsinki": the government seated there)
                seen.append(m)
        return seen

    @staticmethod
    def _names_a_city(tok: Token) -> bool:
        at = tok.doc._.mention_at or {}
        return tok.i in at and tok.doc._.mentions[at[tok.i]].source == "city"

    @staticmethod
    def _prep_of(tok: Token) -> str | None:
        """The preposition a (possibly coordinated) object hangs on."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        return tok.head.lower_ if tok.dep_ == "pobj" else None

    def _is_place_use(self, tok: Token) -> bool:
        while tok.dep_ == "conj" and tok.head.i != tok.i:  # "to Kyiv and Moscow": both are places
            tok = tok.head
        head = tok.head
        return head.dep_ == "prep" and head.lower_ in ("in", "at", "to", "from") or tok.dep_ == "pobj" and head.lower_ in ("in", "at", "to")

    def _mentions_in(self, tok: Token, own: bool = False) -> bool:
        """Does the phrase of `tok` name someone? With `own`, only its own noun phrase
        counts: "released two members of the party" names one, "released a statement with
        Oman" does not."""
        at = self._at
        return any(t.i in at for t in (own_phrase(tok) if own else tok.subtree))

    def nearest_left(self, doc: Doc, sent: Span, tok: Token) -> list[Participant]:
        mentions = self._mentions
        best = None
        for m in mentions:
            if m.start >= sent.start and m.end <= tok.i and tok.i - m.end <= 12 and m.kind in ("person", "organization"):
                best = m
        return [best.participant] if best else []

    def ents_within(self, lo: int, hi: int) -> list[Span]:
        """The document's entities inside tokens [lo, hi), from the per-Doc index."""
        first = bisect.bisect_left(self._ent_starts, lo)
        last = bisect.bisect_left(self._ent_starts, hi, lo=first)
        return [e for e in self._ents[first:last] if e.end <= hi]

    def objects_of(self, doc: Doc, prep: Token) -> list[Span]:
        """Places that are this preposition's own object ("in Moscow", "at his office in Mogadishu")."""
        spans = [s for s in self.places_in(doc, prep) if s.start > prep.i and own_object(s, prep)]
        if not spans:
            spans = self._settlement_named(doc, prep)
        # a country that only says whose a mission is ("outside the US embassy") is not where: a
        # place named beside it is ("the US embassy in Nairobi"), else the mission itself ("US embassy")
        modifiers = [s for s in spans if s.root.dep_ in ("compound", "amod") and s.root.head.i >= s.end
                     and s.root.head.lemma_.lower() in SEATS]
        if not modifiers:
            return spans
        others = [s for s in spans if s not in modifiers]
        return others or [doc[s.start: s.root.head.i + 1] for s in modifiers]

    def _settlement_named(self, doc: Doc, prep: Token) -> list[Span]:
        """"in the capital, Lusaka", "in his hometown, Arica": the place named after the comma,
        which the parser often hangs elsewhere (on the verb's object, as its apposition)."""
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in SETTLEMENTS | {"hometown"} or obj.i + 2 >= len(doc) \
                or doc[obj.i + 1].text != "," or any(c.dep_ == "prep" for c in obj.children):
            return []
        named = self.places_in(doc, doc[obj.i + 2].head if doc[obj.i + 2].dep_ == "compound" else doc[obj.i + 2])
        return [s for s in named if s.start == obj.i + 2][:1]

    def _placed_by_position(self, ent: Span) -> bool:
        """An ORG name that stands where a place does and names no body the base knows."""
        return placed_by_position(ent) and not self.kb.org(ent.text)

    def _person_at(self, i: int) -> bool:
        """Is token i part of a mention of a person?"""
        return i in self._at and self._mentions[self._at[i]].kind == "person"

    def places_in(self, doc: Doc, tok: Token) -> list[Span]:
        """Place names under ``tok``: the NER's places and the knowledge base's countries and cities."""
        lo, hi = tok.left_edge.i, tok.right_edge.i + 1
        # (and a body's building the NER calls the body: "at UN Headquarters", "at the Elysee Palace")
        ents = self.ents_within(lo, hi)
        spans = [e for e in ents if (e.label_ in PLACE_LABELS or e.label_ == "ORG"
                 and (len(e) > 1 and e[-1].lower_ in VENUE_HEADS or self._placed_by_position(e)))
                 and e[-1].lemma_.lower() not in MEETING_NAMES and not (e.label_ == "ORG" and names_a_site(e))
                 # (not a person the article names: "received Burhan in Cairo", Burhan the NER's GPE)
                 and not any(self._person_at(i) for i in range(e.start, e.end))]
        # a place's name with the noun it qualifies, which the NER calls a body or a person: "the
        # Kakuma refugee camp", "the Attari-Wagah border crossing"
        for e in ents:
            if e.label_ in ("ORG", "PERSON") and e.start not in self._at and names_a_site(e):
                site = site_of(e)
                if site.i < hi:
                    spans.append(doc[e.start: site.i + 1])
        at, mentions = self._at, self._mentions
        for k in sorted({at[i] for i in range(lo, hi) if i in at}):  # the subtree stays inside its sentence
            m = mentions[k]
            if m.source in ("country", "city") and lo <= m.start and m.end <= hi \
                    and not any(s.start <= m.start < s.end for s in spans):
                spans.append(doc[m.start: m.end])
        # (a country that leads or backs something is no place: "the Russia-led bloc", "Saudi-backed forces")
        spans = [s for s in spans if not (s.end + 1 < len(doc) and doc[s.end].text == "-" and doc[s.end + 1].tag_ == "VBN")]
        return sorted(spans, key=lambda s: s.start)

    # ---- mode, place, date ---------------------------------------------
    def decide_mode(self, cand: Candidate, places: list[Span]) -> None:
        if cand.type != "CONSULT":
            return
        tok = cand.trigger
        lemma = tok.lemma_.lower()
        words = self._sentence_words.get(cand.sent.start)
        if words is None:  # (asked once per sentence, for each meeting in it)
            sent = self._tokens[cand.sent.start: cand.sent.end]
            words = self._sentence_words[cand.sent.start] = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        near = _words_below(tok) | {tok.head.lemma_.lower()}
        if lemma in self.third_party or (near & self.third_party and lemma not in self.visit_words) or tok.i in self._hosted:
            # (a trip is a visit whoever makes it: "mediators from the bloc landed in Conakry")
            cand.mode = "third-party"
        elif words & self.phone or (lemma == "call" and tok.pos_ == "VERB" and not any(
                c.dep_ == "prep" and c.lower_ in ("on", "upon") and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                for c in tok.children)):
            cand.mode = "phone"  # ("called X": telephoned; "called on X": in person)
        elif lemma in self.multilateral or near & self.multilateral:
            cand.mode = "multilateral"
        elif lemma in self.visit_words or lemma in AWAITED or (lemma == "call" and (tok.pos_ == "VERB" or any(
                c.dep_ in ("amod", "compound") and c.lower_ in ("courtesy", "farewell", "introductory") for c in tok.children))):
            cand.mode = "visit"  # (a courtesy call is paid in person)
        elif (trip := self._trip_made_for(tok)) is not None and self._place_after(tok.doc, trip, ("to", "into")) is not None:
            cand.mode = "visit"  # "will fly to Kampala to meet X": met where the trip went

    def decide_place(self, doc: Doc, cand: Candidate, places: list[Span]) -> None:
        tok = cand.trigger
        lemma = tok.lemma_.lower()
        where: Span | None = None
        if lemma in HOSTING_VERBS:  # "received the ambassador of Japan": where the visitor is from, not where
            places = [p for p in places if not (p.root.dep_ == "pobj" and p.root.head.lower_ in ("of", "from"))]
        if cand.type == "CONSULT" and (lemma in self.visit_words or lemma in AWAITED or lemma == "call"):
            # (not a welcome of something: "welcomed the deal between Kenya and Ethiopia" is nowhere)
            for p in places:
                where = p
                break
            if where is None:
                where = self._place_after(doc, tok, ("to", "in", "for"), own=False)
            if where is None and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
                where = self._place_after(doc, tok.head, ("to",))  # "will send a mission to Chad"
        if where is None:
            carrier = self._carrier_verb(tok) if cand.type == "AID" else None
            heads = [tok] + ([tok.head] if tok.pos_ == "NOUN" and (tok.head.pos_ == "VERB" or tok.head.pos_ == "AUX" and tok.dep_ == "nsubj") else []) \
                + ([tok.head.head] if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX")
                   and cand.type == "CONSULT" else []) \
                + ([carrier] if carrier is not None else []) \
                + [c for c in tok.children if c.i in self._consumed and c.pos_ == "NOUN"] \
                + [t for t in governing_chain(tok)[1:] if t.pos_ in ("VERB", "AUX", "NOUN")]
            doing = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
            if doing is not None and doing.dep_ == "advcl" and to_infinitive(doing):
                heads.append(doing.head)  # "gathered in Lima to protest", "appeared in Lima to lead a march": its purpose's place
            up = doing
            while up is not None and up.dep_ == "xcomp" and up.head.pos_ in ("VERB", "AUX") and up.head.i != up.i:
                up = up.head  # "In Lima, X is expected to meet Y": the place hangs on the verb that governs it
                heads.append(up)
            # (a construction's object is part of its event: "signed an accord in Lima")
            for h in heads:
                for child in h.children:
                    if child.dep_ != "prep":
                        continue
                    if child.lower_ in ("in", "at") or (child.lower_ in AROUND and cand.type != "CONSULT") \
                            or (child.lower_ == "on" and h.pos_ != "NOUN"):  # "a summit on Gaza": its topic
                        spans = self.objects_of(doc, child)
                        if child.lower_ == "on":  # "on Lesvos", not "on key Ukraine evacuation" or "sanctions on Iran"
                            objs = {o.i for o in child.children if o.dep_ == "pobj"}
                            # (a capital acted on is a government, not a place: "called on Moscow")
                            aside = any(doc[o].lemma_.lower() in SIDELINES or doc[o].lower_ in SIDELINES for o in objs)
                            spans = [s for s in spans if (objs & set(range(s.start, s.end)) or aside)
                                     and (cand.type == "CONSULT" or not self.kb.country(s.text))
                                     and cand.type not in SEAT_TYPES["on"]]
                            if aside:  # "the sidelines of the G7 summit in Hiroshima": the body an occasion is named after is no place
                                spans = [s for s in spans if s.root.dep_ not in ("compound", "amod", "nmod")
                                         or s.label_ in ("GPE", "LOC", "FAC") and not self.kb.org(s.text)]
                        if spans:
                            where = spans[0]
                            break
                    if child.lower_ in ("upon", "on", "after") and cand.mode != "phone":
                        # "upon arrival in Port Sudan, she met ...": where she arrived
                        spans = [s for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() == "arrival"
                                 for s in self.places_in(doc, o) if s.start > o.i]
                        if spans:
                            where = spans[0]
                            break
                    # "met ... during a visit to Myanmar": the visit's destination (not for a
                    # call made during the visit: its place is not the trip's)
                    if cand.type == "CONSULT" and cand.mode != "phone" and child.lower_ in ("during", "on", "in", "at"):
                        for obj in child.children:
                            if obj.dep_ == "pobj" and (obj.lemma_.lower() in self.visit_words or obj.lemma_.lower() == "stay"):
                                spans = [s for s in self.places_in(doc, obj) if s.start > obj.i]
                                if spans:
                                    where = spans[0]
                                    break
                        if where is not None:
                            break
                if where is not None:
                    break
        if where is None and cand.type == "CONSULT" and tok.pos_ == "NOUN" and cand.mode != "phone":
            # "talks between Chile and Peru in Lima": the parser hangs the place on the last party
            sides = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("between", "with")
                     for o in p.children if o.dep_ == "pobj" for g in [o, *o.conjuncts]]
            where = next((sp for g in sides for p in g.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
                          for sp in self.objects_of(doc, p) if self._names_a_city(doc[sp.root.i])), None)
        if where is None and cand.type == "CONSULT" and tok.pos_ == "NOUN":
            # "a White House meeting", "a Kremlin meeting": the venue named on the meeting
            where = next((e for e in self.ents_within(tok.left_edge.i, tok.i)
                          if e.root.dep_ == "compound" and e.root.head.i == tok.i and len(e) > 1
                          and e[-1].lower_ in VENUE_HEADS), None)
        trip = self._trip_made_for(tok) if where is None and cand.type == "CONSULT" else None
        if trip is not None:
            # "flew to Lima on Monday for talks", "will travel to Bangkok for a summit": the trip's
            # destination is where its meeting is (convention 1)
            where = self._place_after(doc, trip, ("to", "in", "into"))
        if where is None and cand.type == "CONSULT" and not places:  # (not "where she met families in Kherson")
            where = self._destination_of_where_clause(doc, tok)
        if where is None and cand.type in FORCE_TYPES and tok.pos_ == "VERB":
            where = self._place_after(doc, tok, ("from",))  # "drove the government out of Aden"
        doing = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" else None
        if where is None and cand.type in ("ASSAULT", "COERCE") and doing is not None:
            # "shelled the port of Arica", "closed the Tacna crossing", "air strikes hit the port of Arica"
            site = self._place_acted_on(doc, doing)
            if isinstance(site, str):
                cand.location, cand.location_country = site, None
                return
            where = site
        if where is None and cand.type == "ASSAULT":
            # "attacks on Gaza and Lebanon": a city attacked is where it happened
            where = next((p for p in places if self._names_a_city(p[0])), None)
        if where is None and cand.type != "CONSULT":
            where = self._place_of_actor(doc, tok)
        if where is None and cand.type == "ASSAULT":
            # "since Russia invaded Ukraine", "attacks on Israel": an assault on a country happens in it
            country = next((r for r in cand.recipients if r.kind == "country"), None)
            if country is not None:
                cand.location, cand.location_country = country.name, country.name
            return
        if where is None and cand.type in FORCE_TYPES | {"MOBILIZE", "PROTEST"} and tok.pos_ == "VERB":
            site = self._site_named(tok)  # "sent troops to its northern border", "along the contact line"
            if site is not None:
                cand.location, cand.location_country = site, None
                return
        if where is None and cand.type == "CONSULT" and cand.mode != "phone" and cand.status != "negated":
            # "LIMA, 4 May – X met Y": where the report is filed (a meeting that is not held is nowhere;
            # one on a trip the sentence reports is where the trip went)
            city = self._dateline_city(doc, cand.sent)
            if city is not None and not any(t.lemma_.lower() in self.visit_words and t.i != tok.i for t in cand.sent):
                cand.location, cand.location_country = city, self.kb.country_of_place(city)
                return
        if where is None and lemma in self.visit_words:
            capital = self._capital_named(tok)  # "a visit to the Russian capital"
            if capital is not None:
                cand.location, cand.location_country = capital
        elif where is None:
            return
        else:
            self._set_location(cand, where)
        if (lemma in self.visit_words or lemma in AWAITED) and cand.type == "CONSULT" and cand.location_country:
            country = Participant(cand.location_country, "country")
            if not cand.recipients and country not in cand.actors:
                cand.recipients = [country]
                # "travelled to Kyiv and Moscow": a visit to each country, in its own place
                more = {self.kb.country_of_place(t.text): t.text for t in where.root.conjuncts if t.i > where.root.i} \
                    if where is not None else {}
                more = {c: place for c, place in more.items() if c and c != cand.location_country
                        and Participant(c, "country") not in cand.actors}
                if more:
                    cand.recipients += [Participant(c, "country") for c in more]
                    cand.extras["destinations"] = {cand.location_country: cand.location, **more}
            elif len(places) > 1:  # "visited Kyiv and Moscow": the places are the hosts
                named = {self.kb.country_of_place(p.text): p.text for p in reversed(places)}
                cand.extras["destinations"] = {c: place for c, place in named.items() if c}

    def _place_after(self, doc: Doc, tok: Token, preps: tuple[str, ...], own: bool = True) -> Span | None:
        """The first place after one of ``preps`` on ``tok``: the preposition's own object
        ("to Lima"), or with ``own=False`` any place in its phrase."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                spans = self.objects_of(doc, child) if own else self.places_in(doc, child)
                if spans:
                    return spans[0]
        return None

    def _capital_named(self, tok: Token) -> tuple[str, str] | None:
        """(city, country) for "to the Russian capital", "in the Ukrainian capital"."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "in"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() == "capital":
                    for mod in obj.children:
                        country = self.kb.demonym(mod.text) if mod.dep_ in ("amod", "compound") else None
                        if country and country in self.kb.capital_of:
                            return self.kb.capital_of[country], country
        return None

    def _destination_of_where_clause(self, doc: Doc, tok: Token) -> Span | None:
        """"travelled to Lima, where she will meet X": the trip's destination is the meeting's place."""
        clause = next((t for t in [tok, *tok.ancestors]
                       if any(c.dep_ == "advmod" and c.lower_ == "where" for c in t.children)), None)
        if clause is None:
            return None
        place = clause.head
        if clause.dep_ == "relcl" and place.ent_type_ in PLACE_LABELS and place.dep_ == "pobj" \
                and place.head.lower_ in ("in", "to", "at") and place.head.head.pos_ == "VERB":
            # "will stop in Addis Ababa, where he is due to meet X": the place the clause is on
            named = [s for s in self.places_in(doc, place) if s.start <= place.i < s.end]
            if named:
                return named[0]
        # (or a visit the verb makes: "ended a visit to Chad on Friday, where she met X")
        # (or a departure: "before leaving for Lima, where she will meet X")
        trip = next((t for a in clause.ancestors for t in [a, *(c for c in a.children if c.dep_ == "dobj")]
                     if t.pos_ in ("VERB", "NOUN") and (t.lemma_.lower() in self.visit_words
                                                        or t.pos_ == "VERB" and t.lemma_.lower() in DEPARTING)), None)
        return self._place_under(doc, trip, ("to", "in", "for")) if trip is not None else None

    def _dateline_city(self, doc: Doc, sent: Span) -> str | None:
        """The known city of the dateline that opens this sentence, if one does."""
        lo = _first_char(sent)
        start = (doc._.dateline_openings or {}).get(lo)
        if start is None:
            return None
        opening = doc.char_span(start, lo, alignment_mode="expand")  # (not doc.text: it joins every token)
        head = re.split(r"[,(–—-]", opening.text if opening is not None else "", maxsplit=1)[0].strip()
        place = head.split("/")[0].strip().title() if head else ""
        return place if place and self.kb.country_of_place(place) else None

    def _place_under(self, doc: Doc, head: Token, preps: tuple[str, ...]) -> Span | None:
        """The first place that is the object of one of ``head``'s prepositions ``preps``."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                spans = self.objects_of(doc, child)
                if spans:
                    return spans[0]
        return None

    def _place_acted_on(self, doc: Doc, tok: Token) -> Span | str | None:
        """Where a force used on a place is used: the town or site its object names or lies in
        ("raided the offices of the embassy in Santiago": Santiago; "closed the Tacna border
        crossing": the crossing), not a country (whose is the thing, not where it is)."""
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            for span in self.places_in(doc, obj):
                if not self.kb.country(span.text) and not (span.root.dep_ == "poss" or span[-1].tag_ == "POS") \
                        and not (span.start > 0 and doc[span.start - 1].lower_ == "from"):  # ("students from Lima")
                    return span
            if obj.lemma_.lower() in SITES:  # a named site ("the Attari-Wagah border crossing"), not "the border"
                words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ not in ("det", "poss", "punct", "case")]
                if any(t.pos_ == "PROPN" for t in words):
                    return doc[words[0].i: obj.i + 1].text
        return None

    def _site_named(self, tok: Token) -> str | None:
        """A place that is no named entity but a kind of site ("to its northern border", "along
        the contact line", "at the crossing"): the phrase as the text gives it, without its
        determiner or possessor."""
        owners = [tok] + [c for c in tok.children if c.i in self._consumed]
        for child in (c for o in owners for c in o.children):
            if child.dep_ not in ("prep", "dative") or child.lower_ not in {"to", "at", "in"} | AROUND:
                continue
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in SITES:
                    words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ not in ("det", "poss", "punct")]
                    return " ".join(t.text for t in words) or None
        return None

    def _set_location(self, cand: Candidate, where: Span) -> None:
        cand.location = re.sub(r"^the\s+", "", where.text, flags=re.I).strip()
        cand.location_country = self.kb.country_of_place(cand.location)
        town = self._at.get(where.end - 1)
        if cand.location_country is None and town is not None and self._mentions[town].source == "city":
            cand.location_country = self._mentions[town].participant.name  # a town the gazetteer places

    def _place_on_counterpart(self, doc: Doc, cand: Candidate, recip_toks: list[Token]) -> None:
        """"met X in the country's capital, Nay Pyi Taw": a place phrase the parser hung on the
        counterpart itself is where the meeting was (not one inside a clause about them)."""
        for r in recip_toks:
            for branch in conj_branches(r):
                for child in branch.children:
                    if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                        spans = self.objects_of(doc, child)
                        if spans:
                            self._set_location(cand, spans[0])
                            return

    @staticmethod
    def _span_verb_after(doc: Doc, tok: Token) -> Token | None:
        """"a three-day trip to Peru ended on Friday", parsed with "ended" hung elsewhere:
        a subjectless "ended"/"began" right after the visit's phrase is the visit's."""
        nxt = tok.right_edge.i + 1
        if nxt < len(doc) and doc[nxt].lemma_.lower() in SPAN_VERBS and doc[nxt].pos_ == "VERB" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[nxt].children):
            return doc[nxt]
        return None

    def _place_of_actor(self, doc: Doc, tok: Token) -> Span | None:
        """"agency teams in Aleppo are handing out food": where the actor is, the act is."""
        subj = self.subject(tok)
        return self._place_under(doc, subj, ("in", "at")) if subj is not None else None

    def decide_date(self, doc: Doc, cand: Candidate) -> None:
        """The event's own time expression; a visit's "ended on Friday" and its length in days
        make an interval."""
        tok, sent, future = cand.trigger, cand.sent, cand.status in ("planned", "hypothetical")
        trip = self._trip_made_for(tok) if cand.type == "CONSULT" else None
        tok = trip if trip is not None else tok  # "travels to Lima on Friday for talks": the trip's day (convention 1)
        carrier = self._carrier_verb(tok) if cand.type == "AID" else None
        tok = carrier if carrier is not None else tok  # "a plane carrying aid landed on Friday": the delivery's day
        if future and tok.pos_ == "VERB" and tok.tag_ == "VBD":
            # "pledged 20 million dollars on Monday": the plan is the aid, but the day is the
            # pledge's, which the past tense has put behind us
            future = False
        cand.date = self.date_for(doc, sent, tok, future=future)
        published = doc._.published
        if future and cand.date is not None and published is not None and _planned_in_the_past(tok) \
                and _invited_to(tok) is None:  # (an invitation made is to talks still ahead)
            # "was due to meet X on Monday": a plan told in the past names the last such day
            # of the week before publication (a month or a date told so is still ahead: "was
            # scheduled to visit on 2 September", "agreed to meet again in May")
            back = self.date_for(doc, sent, tok, future=False)
            first, _ = date_bounds(back.value) if back is not None else (None, None)
            if first is not None and 0 < (published - first).days <= 6:
                cand.date = back
        if cand.date is None and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
            # "the ceasefire is expected to take effect on Wednesday", "is due to come into force on
            # Friday": when it takes effect is its day
            clauses = [c for h in (tok.head, *(a for a in tok.head.children if a.dep_ == "acomp"))
                       for c in h.children if c.dep_ == "xcomp"]
            effect = next((c for c in clauses if _takes_effect(c)), None)
            if effect is not None:
                cand.date = self.date_for(doc, sent, effect, future=future)
        invited_to = _invited_to(tok) if cand.type == "CONSULT" else None
        if invited_to is not None:
            # "invited X to talks at State House on Friday": a time after the talks is theirs,
            # however the parser hangs it (the invitation's is the next clause's job)
            after = [e for e in self.ents_within(tok.i + 1, sent.end) if e.label_ in ("DATE", "TIME")
                     and self._attached(e.root, invited_to)]
            span = resolve_time(after[0].text, published, True) if after and published is not None else None
            cand.date = span or cand.date
        talks = [g for p in tok.children if p.dep_ == "prep" for g in p.children if self._types.get(g.i) == "CONSULT"
                 and _invited_to(g) is not None] if cand.type == "AGREE" and tok.lemma_.lower() == "invite" else []
        if cand.date is not None and talks and any(
                e.text in (cand.date.text or "") for e in self.ents_within(talks[0].i + 1, sent.end)
                if e.label_ in ("DATE", "TIME")):
            cand.date = None  # (the invitation has no day of its own there)
        if cand.date is not None and cand.type == "AGREE" and tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBN"):
            # "offered on Monday to host talks next week": the day inside what is offered is the
            # talks', not the offer's, which has happened (convention 4)
            offered = " ".join(t.text for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl") and to_infinitive(c)
                               for t in c.subtree)
            if cand.date.text and cand.date.text in offered:
                cand.date = None
        if cand.date is not None and published is not None and cand.status == "occurred":
            if _present_tense(tok) or _present_progressive(tok):
                # "travels to Lima on Friday", "meets his counterpart on 20 May": the present
                # tense names the nearer of the last and the next such day; "is travelling to
                # Lima on Monday" an arrangement, the next such day
                ahead = self.date_for(doc, sent, tok, future=True)
                if ahead is not None and ahead.value != cand.date.value:
                    (past, _), (nxt, _) = date_bounds(cand.date.value), date_bounds(ahead.value)
                    # (outside a headline, the simple present with a day is a timetable: "begins
                    # a visit on Sunday", "who arrives in Beijing on Sunday")
                    if past and nxt and ((nxt - published) < (published - past) or _present_progressive(tok)
                                         or not is_headline(sent)):
                        cand.date = ahead
            first, _ = date_bounds(cand.date.value)
            if first is not None and first > published or AHEAD.search(cand.date.text or ""):
                # "next week the president visits ...", "talks in Lima later this month": not yet at
                # publication
                cand.status = "planned"
        ends = any(t.lemma_.lower() in END_VERBS for t in governing_chain(tok)[1:])
        if cand.date is None and (cand.type in STATEMENT_TYPES or cand.type == "THREATEN") and tok.dep_ == "ccomp" \
                and tok.head.lemma_.lower() in self.reporting:
            # "Chile said on Friday it did not mind renewing the accord": a position stated in
            # the saying is taken that day (not so for events the statement reports, convention 7);
            # so is a threat ("'We will disperse the crowd,' the police chief said Tuesday")
            cand.date = self.date_for(doc, sent, tok.head, future=future)
        verb = _setting_verb(tok)
        if cand.date is None and cand.type == "CONSULT" and tok.pos_ == "NOUN" and verb is not None:
            # "pledged support on Monday during talks with X": the talks were then
            while verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
                verb = verb.head  # ("pledged on Monday to help Peru at a meeting with X")
            cand.date = self.date_for(doc, sent, verb, future=future and verb.tag_ not in ("VBD", "VBN"))
        if cand.date is None and tok.i in self._hosted and tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBN" \
                and tok.head.pos_ == "VERB":
            cand.date = self.date_for(doc, sent, tok.head, future=future)  # "swapped ... on Saturday, mediated by Z"
        if cand.date is None and tok.i in self._mediated_act:
            cand.date = self.date_for(doc, sent, self._mediated_act[tok.i], future=future)  # "in a swap mediated by Z"
        sayer = self._misplaced_conjunct(tok) if cand.date is None and tok.pos_ == "VERB" else None
        if sayer is not None:
            cand.date = self.date_for(doc, sent, sayer, future=future)  # "on Wednesday said ... and called on"
        act = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" else \
            tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok  # ("put its army on alert")
        if cand.date is None and act.dep_ == "conj" and act.pos_ == "VERB" and act.head.pos_ == "VERB" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in act.children) \
                and not any(c.dep_ in ("aux", "auxpass") for c in act.children):
            # "seized the capital on Sunday and arrested the president": one subject's acts in a row
            # share the day the first one names
            cand.date = self.date_for(doc, sent, act.head, future=future)
        if cand.date is None and cand.type in STATEMENT_TYPES:
            # "has protested the decision, according to the ministry on Tuesday": the source's
            # day is the statement's
            source = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "according"), None)
            if source is not None:
                cand.date = self.date_for(doc, sent, source, future=future)
        edge = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if cand.date is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.visit_words and edge is not None \
                and edge.lemma_.lower() in TRIP_EDGES and edge.dep_ == "pobj" and edge.head.head.pos_ == "VERB":
            # "today met X ... at the start of a four-day visit to Y": the trip begins (or ends) on
            # the day of the act it frames
            cand.date = self.date_for(doc, sent, edge.head.head, future=future)
            ends = edge.lemma_.lower() in ("end", "close", "conclusion")
        if cand.date is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.visit_words:
            span_verb = self._span_verb_after(doc, tok)
            if span_verb is not None:
                cand.date = self.date_for(doc, sent, span_verb, future=future)
                ends = span_verb.lemma_.lower() in END_VERBS
        if cand.date and cand.mode == "visit":
            m = DURATION.search(sent.text)
            if m and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cand.date.value):
                n = int(m["n"]) if m["n"].isdigit() else NUMBERS[m["n"].lower()]
                cand.date = interval_from_duration(cand.date, n, ends=ends)

    @staticmethod
    def _carrier_verb(tok: Token) -> Token | None:
        """What the carrier of some aid did: "a plane carrying aid landed in Benghazi" -> landed
        (and "a plane carrying 40 tonnes of aid": the load is what is carried)."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in LOADS:
            tok = tok.head.head
        carry = tok.head
        if tok.dep_ != "dobj" or carry.dep_ != "acl" or carry.lemma_.lower() not in ("carry", "bring", "transport"):
            return None
        carrier = carry.head
        if carrier.lemma_.lower() not in CARRIERS or carrier.head.pos_ != "VERB" or carrier.dep_ not in ("nsubj", "nsubjpass"):
            return None
        return carrier.head

    def _trip_made_for(self, tok: Token) -> Token | None:
        """The trip a meeting is the purpose of: "flew to Lima for talks", "will travel to
        Bangkok for a summit", "flew to Lima to meet X" (a verb of travel, or any verb with a
        destination after "to")."""
        if purpose_clause(tok) and tok.head.pos_ == "VERB":
            verb = tok.head  # "flew to Khartoum on Monday to meet X"
        elif tok.dep_ != "pobj" or tok.head.lower_ != "for" or tok.head.head.pos_ != "VERB":
            return None
        else:
            verb = tok.head.head
        if self._types.get(verb.i) == "CONSULT" or any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
            return verb
        return None

    def date_for(self, doc: Doc, sent: Span, tok: Token, future: bool) -> TimeSpan | None:
        best = None
        for ent in self.ents_within(sent.start, sent.end):
            if ent.label_ not in ("DATE", "TIME") or ent.start_char < doc._.dateline_end:
                continue
            if not self._attached(ent.root, tok):
                continue
            start = ent.start
            if start - 2 >= sent.start and doc[start - 1].lower_ in RANGE_WORDS and doc[start - 2].like_num \
                    and ent[0].like_num:
                start -= 2  # "23 and 24 February 2016": the NER often tags only the second day
            while start > sent.start and ent.start - start < 5 and (
                    doc[start - 1].lower_ in TIME_LEAD or doc[start - 1].ent_type_ == "ORDINAL" or doc[start - 1].like_num):
                start -= 1
            lead = next((t for t in doc[start: ent.start] if t.lower_ == "since"), None)
            if lead is not None and not lead.left_edge.i <= tok.i <= lead.right_edge.i:
                # "his first visit since 2021": where a period starts, not the event's day (but "since
                # the February 2022 invasion" dates the invasion)
                continue
            text = doc[start: ent.end].text
            span = resolve_time(text, doc._.published, future)
            if span is None:
                continue
            dist = abs(ent.start - tok.i)
            if best is None or dist < best[0]:
                best = (dist, span)
        return best[1] if best else None

    def _attached(self, tok: Token, trigger: Token) -> bool:
        """Does a time expression modify the trigger (not a reporting verb or another event)?"""
        cur = tok
        governing = {t.i for t in governing_chain(trigger)}
        for _ in range(8):
            if cur.i in governing:
                return True
            head = cur.head
            if head.i == cur.i:
                return False
            if head.pos_ in ("VERB", "AUX") and head.i not in governing and head.lemma_.lower() in ("start", "begin") \
                    and head.dep_ in ("advcl", "xcomp", "acl", "prep") and head.head.i in governing:
                cur = head  # "will close the border starting at midnight on Friday": when it takes effect
                continue
            if head.dep_ == "acl" and head.head.i in governing and head.lemma_.lower() in THIRD_PARTY_ROLES:
                cur = head  # "talks mediated by Qatar on Monday": the talks' own time
                continue
            if head.pos_ in ("VERB", "AUX") and head.i not in governing and head.dep_ not in NOMINAL_DEPS:
                # (a subject or object the tagger took for a verb is no clause: "ECOWAS on Wednesday suspended")
                if trigger.dep_ == "nsubj" and trigger.head.i == head.i and head.lemma_.lower() in SEQUENCE_VERBS:
                    return False  # "the visit follows her trip to Chad last week": the time is the earlier event's
                return self._clause_time_reaches(head, trigger)
            if head.pos_ == "NOUN" and head.i != trigger.i and self._types.get(head.i) and head.i not in governing:
                # "agreed at talks in Oslo in March": the setting's time is the act's
                setting = head.dep_ == "pobj" and head.head.lower_ in SETTING_PREPS and head.head.head.i in governing
                if not setting:
                    return False
            cur = head
        return False

    def _clause_time_reaches(self, verb: Token, trigger: Token) -> bool:
        """A time on the verb whose clause holds the trigger is the trigger's: "police on Tuesday
        fired tear gas to disperse the crowd", "troops on Friday moved in to detain him".
        Not through a reporting verb (convention 7: the day of "said on Friday they had met" is
        the statement's) nor through another event ("agreed on Monday to hold talks")."""
        cur = trigger
        for _ in range(6):
            head = cur.head
            # "lobbed tear gas to disperse them" parsed as an xcomp: a physical act's to-infinitive
            # is its purpose (an act of saying's is its content: "agreed on Monday to hold talks")
            purpose = purpose_clause(cur) or (
                cur.dep_ == "xcomp" and self._types.get(head.i) in PHYSICAL_TYPES
                and to_infinitive(cur))
            if head.i == cur.i or (cur.dep_ in ("relcl", "acl", "ccomp", "parataxis", "advcl") and not purpose):
                return False
            if head.i == verb.i:  # an act's purpose is pursued when the act is ("flew in on Monday to meet X")
                return verb.lemma_.lower() not in self.reporting and (purpose or not self._types.get(verb.i))
            if head.pos_ in ("VERB", "AUX") and (head.lemma_.lower() in self.reporting or self._types.get(head.i)):
                return False
            if head.lemma_.lower() in READYING and cur.dep_ == "dobj":
                return False  # "will travel in August to prepare the president's visit": the visit comes later
            cur = head
        return False

    # ---- output ----------------------------------------------------------
    def to_mention(self, doc: Doc, c: Candidate, source: str, countries: tuple[str, ...]) -> EventMention:
        sent = c.sent
        lo = _first_char(sent)
        lo = (doc._.dateline_openings or {}).get(lo, lo)  # "ANKARA, 8 May 2025 - Fidan met ...": with its dateline
        sent_text = source[lo:sent.end_char]
        text = sent_text.strip()
        start = lo + (len(sent_text) - len(sent_text.lstrip()))
        return code_mention(EventMention(
            doc_id=doc._.doc_id or "", type=c.type, status=c.status,
            actors=tuple(c.actors), recipients=tuple(c.recipients),
            evidence=Evidence(text, start, start + len(text)),
            mode=c.mode if c.type == "CONSULT" else None,
            date=c.date, location=c.location, trigger=c.trigger.text,
        ), countries)

    @staticmethod
    def _article_countries(doc: Doc) -> tuple[str, ...]:
        """The countries the article names, most named first (they decide namesake places)."""
        counts = Counter(m.participant.name for m in doc._.mentions or [] if m.kind == "country")
        return tuple(name for name, _ in counts.most_common())
