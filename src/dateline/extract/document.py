"""The document pass: what one article says across its sentences.

Per-sentence candidates become events here: "warring parties" become the
article's two sides, agreements reached in a meeting its parties', candidates
without participants are dropped, meetings with listed counterparts split (one
event per counterpart), meetings during a trip take its mode, place and dates,
partial, repeated and back-referring reports of one occurrence merge (one side's
release into its exchange), statements made in a meeting take its date and place,
and trips placed in a country are visits to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from dateline.extract.status import LIGHT_VERBS, VOWS, is_headline
from dateline.link import date_bounds
from dateline.model import Participant, TimeSpan
from dateline.resolve.kb import KnowledgeBase

# a time told only by the day of the event before: "later in the day", "earlier that day"
SAME_DAY = re.compile(r"\b(?:(?:later|earlier) (?:in the|that|the same) day|(?:on )?(?:that|the) same day)\b", re.I)
# a day counted from the day last told: "the following day", "two days later", "the previous day"
DAYS_AFTER = re.compile(r"\b(?:the (?:following|next) day|(?P<n>a|one|two|three|four|five|\d) days? later)\b", re.I)
DAYS_BEFORE = re.compile(r"\b(?:the (?:previous|preceding) day|(?P<n>a|one|two|three|four|five|\d) days? earlier)\b", re.I)
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# what a rejection or acceptance can answer, and the acts that make it
PROPOSALS = {"invitation": {"invite", "invitation"}, "offer": {"offer"}, "proposal": {"propose", "proposal"},
             "demand": {"demand"}, "request": {"request", "ask"}, "plan": {"propose", "plan", "proposal", "unveil"},
             "ultimatum": {"ultimatum", "give"}, "appeal": {"appeal", "urge", "call"}}
# a trip's length: "a four-day visit"
DURATION = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]days?\b", re.I)

# Events (not statements) an article names again by a bare noun: "the attacks", "the arrests"
BACK_REFERRED = {"ASSAULT", "COERCE", "SANCTION", "THREATEN", "RETREAT", "MOBILIZE"}
STATEMENT_TYPES = {"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "COOPERATE"}


@dataclass
class Candidate:
    """One sentence's reading of an event, before the document pass; tokens still attached."""

    type: str
    trigger: Token
    sent: Span
    actors: list[Participant]
    recipients: list[Participant]
    status: str = "occurred"
    mode: str | None = None
    date: TimeSpan | None = None
    location: str | None = None
    location_country: str | None = None
    verbal: bool = True
    extras: dict = field(default_factory=dict)

    def key(self) -> tuple:
        names = frozenset(p.name for p in self.actors + self.recipients)
        return (self.type, names)


class DocumentPass:
    """Candidates of one document -> its events (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase, visit_words: set[str]) -> None:
        self.kb = kb
        self.visit_words = visit_words

    def __call__(self, cands: list[Candidate]) -> list[Candidate]:
        for c in cands:
            # the body its own people act for is no counterpart ("we are ready to scale up our
            # assistance", said by the agency's head): an organisation's internal matter (convention 11)
            own = {self.kb.org(a.affiliation) or a.affiliation for a in c.actors if a.kind == "person" and a.affiliation}
            if own:
                c.recipients = [r for r in c.recipients if not (r.kind == "organization" and r.name in own)]
        self._conflict_sides(cands)
        self._answers_to_proposals(cands)
        cands = self._agreements_of_meetings(cands)
        cands = [c for c in cands if c.actors or c.recipients]
        out: list[Candidate] = []
        for c in cands:
            if c.type == "CONSULT" and c.mode not in ("third-party", "multilateral") and len(c.recipients) > 1:
                # one meeting per named counterpart (convention 1): people, organisations, the
                # countries of "Israeli and Palestinian leaders"
                for r in c.recipients:
                    place = c.extras.get("destinations", {}).get(r.name)
                    if place is None:
                        out.append(replace(c, recipients=[r]))
                    else:  # a trip to several countries: each visit where it went
                        out.append(replace(c, recipients=[r], location=place, location_country=r.name))
                continue
            out.append(c)
        self._travellers(out)
        self._same_day(out)
        trips = [c for c in out if c.type == "CONSULT" and c.mode == "visit" and c.location_country]
        for c in out:
            if c.type != "CONSULT" or c.mode is not None:
                continue
            # Meetings during a trip are visits and happen where the trip went (convention 1).
            for trip in trips:
                # a trip that happened hosts its meetings whatever became of them ("the pair
                # would not meet X" during it); a planned trip only its planned meetings
                if trip is c or (trip.status != c.status and trip.status != "occurred") or not same_traveller(trip, c, self.kb):
                    continue
                # ... when the counterpart belongs to the host country or the sentence
                # places the meeting in the visit ("during the visit").
                hosts = {self._country_of(r) for r in c.recipients}
                in_visit = any(t.lemma_.lower() in self.visit_words and t.i != c.trigger.i for t in c.sent)
                # ... or, right after the trip is reported, names someone of no known country
                # ("arrived in Sudan on Sunday ... She also held talks with the minister, X")
                next_to_it = hosts == {None} and 0 <= c.sent.start - trip.sent.end < 60
                if trip.location_country not in hosts and not in_visit and not next_to_it:
                    continue
                if c.location is not None and self.kb.country_of_place(c.location) not in (None, trip.location_country):
                    continue
                c.mode = "visit"
                if c.location is None:
                    c.location, c.location_country = trip.location, trip.location_country
                break
        # A visit with no place of its own to someone of a country a trip went to happened on
        # the trip ("visited a Lebanese Red Cross station" during a visit to Lebanon)
        for c in out:
            if c.type != "CONSULT" or c.mode != "visit" or c.location is not None or c in trips:
                continue
            hosts = {self._country_of(r) for r in c.recipients}
            trip = next((t for t in trips if t.location_country in hosts and t.status == c.status
                         and same_traveller(t, c, self.kb)), None)
            if trip is not None:
                c.location, c.location_country = trip.location, trip.location_country
        # A meeting on a trip of several days, with no day of its own, happened within the
        # trip's interval ("a five-day visit that ended on Friday", "on 23 and 24 February");
        # "during the visit" meetings get the visit's dates (convention 1).
        dated = [t for t in trips if t.date]
        for c in out:
            if c.type != "CONSULT" or c.mode != "visit" or (c.date is not None and not self._lent_by_trip_clause(c)) \
                    or c in dated or c.trigger.lemma_.lower() in self.visit_words:
                continue
            in_visit = any(t.lemma_.lower() in self.visit_words and t.i != c.trigger.i for t in c.sent)
            for trip in dated:
                if ("/" in trip.date.value or in_visit) and trip.status == c.status and same_traveller(trip, c, self.kb) \
                        and (c.location is None or self.kb.country_of_place(c.location) in (None, trip.location_country)):
                    c.date = trip.date
                    break
        out = self._merge_purposes(out)
        out = self._trips_to_gatherings(out)
        out = self._merge_coordinated(out)
        out = self._merge_within_sentence(out)
        out = self._merge_partial(out)
        out = self._drop_back_references(out)
        out = self._releases_of_exchanges(out)
        kept: list[Candidate] = []
        for c in out:
            n = next((i for i, k in enumerate(kept) if same_occurrence(k, c)), None)
            if n is None:
                kept.append(c)
                continue
            trips = [self._is_trip(x) for x in (kept[n], c)]
            spans = [x for x in (kept[n], c) if all(trips) and _trip_length(x)]
            if len(spans) == 1:
                # a trip of some days and a leg of it on one day ("a four-day visit to Ethiopia" and
                # "on Wednesday she travelled to Mekelle"): the record is the whole trip's
                whole, leg = spans[0], (c if spans[0] is kept[n] else kept[n])
                date, location = whole.date, whole.location
                kept[n] = fill(whole, leg)
                kept[n].date, kept[n].location = date, location or leg.location
            elif trips[0] != trips[1] and kept[n].status == c.status:
                # a trip and a meeting on it that names no one new: the trip is the record, and a
                # day of the meeting is not the trip's ("talks over the weekend" of a six-day visit)
                trip, meeting = (kept[n], c) if trips[0] else (c, kept[n])
                kept[n] = trip
                trip.location = trip.location or meeting.location
            elif c.verbal and not kept[n].verbal or _headline_of_report(kept[n], c) or _in_headline(kept[n]) and not _in_headline(c):
                kept[n] = fill(c, kept[n])  # the verbal report (the body's, not the headline's) carries the fields
            else:
                fill(kept[n], c)
        self._inherit_meeting_context(kept)
        self._destinations(kept)
        return sorted((c for c in kept if not self._no_traveller(c)), key=lambda c: c.trigger.i)

    @staticmethod
    def _answers_to_proposals(cands: list[Candidate]) -> None:
        """A rejection or acceptance of "the invitation", "the offer", "the proposal" with no one
        named it answers is aimed at whoever made it, told before ("X invited Y to talks ...
        Y rejected the invitation")."""
        for c in cands:
            if c.type not in ("REJECT", "AGREE") or c.recipients or not c.actors or c.trigger.pos_ != "VERB":
                continue
            things = [o for o in c.trigger.children if o.dep_ in ("dobj", "nsubjpass")
                      and o.lemma_.lower() in PROPOSALS and any(d.lower_ in ("the", "this", "that") for d in o.children)]
            if not things:
                continue
            acts = PROPOSALS[things[0].lemma_.lower()]
            answerers = set(participant_names(c.actors))
            made = [o for o in cands if o.trigger.i < c.trigger.i and c.sent.start - o.sent.start < 400
                    and (o.trigger.lemma_.lower() in acts or o.trigger.head.lemma_.lower() in acts) and o.actors
                    and not answerers & set(participant_names(o.actors))]
            if made:
                c.recipients = list(made[-1].actors)

    @staticmethod
    def _same_day(cands: list[Candidate]) -> None:
        """"Later in the day, she met X", "that same day": the day of the event last told with a
        day of its own (in text order)."""
        last: TimeSpan | None = None
        for c in sorted(cands, key=lambda c: c.trigger.i):
            if c.date is not None:
                if len(c.date.value) == 10:
                    last = c.date
                continue
            if SAME_DAY.search(c.sent.text):
                c.date = last
                continue
            counted = _days_counted(c.sent.text)
            if counted is not None and last is not None and len(last.value) == 10:
                # "The following day she met X", "two days later": counted from the day last told
                days, text = counted
                c.date = last = TimeSpan((dt.date.fromisoformat(last.value) + dt.timedelta(days=days)).isoformat(), text)

    def _lent_by_trip_clause(self, c: Candidate) -> bool:
        """Is this meeting's day the one the clause reporting its trip gives ("concluded a visit
        to Peru today, where she met X"): a meeting in a where-clause on a trip, dated by no
        word of its own, took place during the trip, not on the day the trip ended."""
        tok = c.trigger
        visit = tok.head.head.head if tok.head.dep_ == "pobj" else tok.head  # ("a visit to Peru, where ...")
        if tok.dep_ != "relcl" or visit.lemma_.lower() not in self.visit_words \
                or not any(a.dep_ == "advmod" and a.lower_ == "where" for a in tok.children):
            return False
        return not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)

    def _no_traveller(self, c: Candidate) -> bool:
        """A trip by no one identifiable ("a rescue team arrived in Libya"): only its destination
        is named, and a destination is no participant (no identifiable actor, no event)."""
        return c.type == "CONSULT" and not c.actors and c.trigger.lemma_.lower() in self.visit_words \
            and all(r.kind == "country" for r in c.recipients)

    def _is_trip(self, c: Candidate) -> bool:
        return c.type == "CONSULT" and c.trigger.lemma_.lower() in self.visit_words

    def _travellers(self, cands: list[Candidate]) -> None:
        """"talks with X on a three-day trip to Peru": a trip with no traveller of its own
        is that of the one meeting in its sentence."""
        for c in cands:
            if self._is_trip(c) and c.mode == "visit" and not c.actors:
                other = next((o for o in cands if o is not c and o.type == "CONSULT" and o.actors
                              and o.sent.start == c.sent.start), None)
                if other is not None:
                    c.actors = list(other.actors)
                    c.recipients = [r for r in c.recipients if r not in c.actors]

    def _destinations(self, cands: list[Candidate]) -> None:
        """A trip the article places in a country is a visit to that country (convention 1)."""
        for c in cands:
            if self._is_trip(c) and c.mode == "visit" and not c.recipients and c.location_country \
                    and c.location_country not in participant_names(c.actors):
                c.recipients = [Participant(c.location_country, "country")]

    @staticmethod
    def _agreements_of_meetings(cands: list[Candidate]) -> list[Candidate]:
        """"At the talks it was agreed to ...", "Five items were agreed on": an
        agreement without a named party is the parties' of the meeting just reported;
        of each meeting, when that report was of separate meetings with several
        counterparts ("meetings with the ministers of X and Y ... it was agreed")."""
        out: list[Candidate] = []
        for c in cands:
            out.append(c)
            tok = c.trigger
            reached = tok.pos_ == "NOUN" and tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in LIGHT_VERBS
            if c.type != "AGREE" or c.actors or c.recipients or c.status != "occurred" or not (tok.pos_ == "VERB" or reached):
                continue  # "it was agreed", "an agreement was reached"
            if tok.lemma_.lower() in VOWS and any(ch.dep_ == "nsubj" for ch in tok.children):
                continue  # "Donors have pledged ...": a promise its own subject makes, not the meeting's outcome
            meetings = [m for m in cands if m.type == "CONSULT" and m.trigger.i < c.trigger.i
                        and (m.actors or m.recipients) and c.sent.start - m.sent.start < 120]
            if not meetings:
                continue
            m = meetings[-1]
            c.date = c.date or m.date
            c.location = c.location or m.location
            if m.mode in ("third-party", "multilateral") or len(m.recipients) < 2:
                c.actors = list(m.actors) + list(m.recipients)
                continue
            out.pop()
            out.extend(replace(c, actors=list(m.actors) + [r]) for r in m.recipients)
        return out

    @staticmethod
    def _merge_purposes(cands: list[Candidate]) -> list[Candidate]:
        """An act done to achieve an act of the same kind is one event ("fired tear gas to
        disperse the marchers", "sent troops to reinforce the border"): the means goes into its
        purpose (or the other way round), whichever names more of the participants."""
        gone: set[int] = set()
        by_sentence: dict[int, list[Candidate]] = {}
        for c in cands:
            by_sentence.setdefault(c.sent.start, []).append(c)
        for c in cands:
            for o in by_sentence[c.sent.start]:  # (only within one sentence: not every pair of the article)
                if o is c or o.type != c.type or id(o) in gone or id(c) in gone \
                        or not _purpose_of(o.trigger, c.trigger) or o.status != c.status and c.status != "occurred":
                    continue
                if set(participant_names(o.actors)) - set(participant_names(c.actors)) and c.actors:
                    continue  # another actor's aim
                fuller, lesser = (o, c) if len(o.actors + o.recipients) >= len(c.actors + c.recipients) else (c, o)
                fuller.actors = fuller.actors or lesser.actors
                fuller.recipients = fuller.recipients or lesser.recipients
                fuller.status = c.status  # the means was done (or not); its aim shares that
                fill(fuller, lesser)
                gone.add(id(lesser))
        return [c for c in cands if id(c) not in gone]

    def _trips_to_gatherings(self, cands: list[Candidate]) -> list[Candidate]:
        """"will travel to Bangkok on Thursday for a summit of ...": a trip made for a gathering
        of many is that gathering, attended there (a multilateral meeting with no one named
        as host: the city's country is not its counterpart)."""
        gone: set[int] = set()
        for c in cands:
            if c.type != "CONSULT" or c.trigger.pos_ != "VERB" or c.trigger.lemma_.lower() not in self.visit_words:
                continue
            meeting = next((o for o in cands if o is not c and o.type == "CONSULT" and o.sent.start == c.sent.start
                            and o.mode == "multilateral" and not o.recipients and o.status == c.status
                            and set(participant_names(o.actors)) <= set(participant_names(c.actors))
                            and o.trigger.dep_ == "pobj" and o.trigger.head.lower_ in ("for", "to")
                            and o.trigger.head.head.i == c.trigger.i), None)
            if meeting is None:
                continue
            meeting.actors = meeting.actors or c.actors
            fill(meeting, c)
            gone.add(id(c))
        return [c for c in cands if id(c) not in gone]

    @staticmethod
    def _merge_coordinated(cands: list[Candidate]) -> list[Candidate]:
        """One act told with two coordinated verbs of one subject ("summoned the Peruvian
        ambassador and issued a formal protest", "sent food and delivered medicine to Somalia"):
        the verb that names no one it is aimed at is the other's report, not an event of its own."""
        absorbed: set[int] = set()
        for c in cands:
            if c.recipients or not c.actors or c.trigger.pos_ != "VERB":
                continue
            host = next((o for o in cands if o is not c and id(o) not in absorbed and o.type == c.type
                         and o.recipients and o.status == c.status and o.sent.start == c.sent.start
                         and participant_names(o.actors) == participant_names(c.actors)
                         and o.trigger.pos_ == "VERB"
                         and (c.trigger.dep_ == "conj" and c.trigger.head.i == o.trigger.i
                              or o.trigger.dep_ == "conj" and o.trigger.head.i == c.trigger.i)), None)
            if host is not None:
                absorbed.add(id(c))
                fill(host, c)
        return [c for c in cands if id(c) not in absorbed]

    @staticmethod
    def _merge_within_sentence(cands: list[Candidate]) -> list[Candidate]:
        """Two readings of one sentence, of one type and status, one naming only some of the
        other's participants ("stands in solidarity with Libya and offers condolences"): the
        fuller reading is the event, the other part of its report."""
        absorbed: set[int] = set()
        for c in cands:
            if c.recipients or not c.actors or c.type == "CONSULT":  # (meetings: _merge_partial)
                continue
            host = next((o for o in cands if o is not c and id(o) not in absorbed and o.type == c.type
                         and o.status == c.status and o.sent.start == c.sent.start and o.recipients
                         and participant_names(o.actors) == participant_names(c.actors)), None)
            if host is not None:
                absorbed.add(id(c))
                fill(host, c)
        return [c for c in cands if id(c) not in absorbed]

    def _merge_partial(self, cands: list[Candidate]) -> list[Candidate]:
        """A report naming only part of another same-type event's participants
        ("During the meeting, Kolivand ...", "the discussion with the Russian leader")
        is that event, not a new one: it goes to the nearest fuller report."""
        keep: list[Candidate] = []
        absorbed: set[int] = set()
        sets = {id(c): set(participant_names(c.actors + c.recipients)) for c in cands}
        # who a report also covers: the countries and organisations its people act for
        covers = {id(c): sets[id(c)] | {n for p in c.actors + c.recipients if p.kind == "person" and p.affiliation
                                        for n in (self._country_of(p), self.kb.org(p.affiliation) or p.affiliation)}
                  for c in cands}
        for c in cands:
            # Both sides named, or a one-sided report that is not "the meeting"/"his talks":
            # a separate event, unless identical (deduplicated later).
            recipients_only = not c.actors and c.recipients
            # "X discussed the situation", "X held meetings with his counterparts": a meeting
            # with no counterpart named is the fuller report's, when there is one
            # ("During the conversation, the grain deal ... were discussed")
            # ("meet with diplomatic missions" on a trip: folded into the trip, convention 1)
            # ("X and Y met": each the other's counterpart, nothing left unnamed)
            unnamed_counterpart = c.type == "CONSULT" and not c.recipients and len(c.actors) < 2 and (
                c.mode not in ("multilateral", "third-party", "visit") or c.trigger.lemma_.lower() == "discuss"
                or (c.mode == "visit" and c.trigger.lemma_.lower() not in self.visit_words)
                or (c.mode == "visit" and c.location is None))  # "Envoy tours the region": the trip reported below
            # a headline tells in short what the body reports in full: "Relief chief urges access"
            # is the call the first lines name with its addressees
            headline = _in_headline(c)
            if not recipients_only and not headline and (c.recipients or names_its_body(c.trigger)
                                                             or not (anaphoric(c.trigger) or unnamed_counterpart)):
                keep.append(c)
                continue
            names = sets[id(c)]
            hosts = [o for o in cands
                     if o.type == c.type and o is not c and id(o) not in absorbed
                     and (names < covers[id(o)] and len(names) < len(sets[id(o)])
                          # (a headline naming the body or title of whom the body names: "WFP chief visits Haiti")
                          or headline and o.sent.start > 0 and names != sets[id(o)] and names <= covers[id(o)])
                     and (not c.actors or not c.recipients or not o.recipients or c.status == o.status)
                     and (c.status == o.status or not {c.status, o.status} & {"hypothetical", "negated"})
                     and (c.date is None or o.date is None or c.date.value == o.date.value)
                     and (c.location is None or o.location in (None, c.location) or c.location_country is None
                          or self.kb.country_of_place(c.location) in (o.location, o.location_country))
                     and (not recipients_only or (o.actors and o.recipients))
                     # a trip is not one of its meetings (convention 1): "the trip by X and Y" stays a trip
                     and (c.trigger.lemma_.lower() not in self.visit_words or o.trigger.lemma_.lower() in self.visit_words)]
            if not hosts:
                keep.append(c)
                continue
            host = min(hosts, key=lambda o: (o.trigger.i > c.trigger.i, abs(o.trigger.i - c.trigger.i)))
            absorbed.add(id(c))
            if c.location and host.location and host.location == host.location_country != c.location \
                    and c.sent.start == host.sent.start and self.kb.country_of_place(c.location) == host.location_country:
                host.location = c.location  # "a mission to Ukraine, meeting residents in the Kherson region"
            if c.status == host.status or c.status == "occurred":
                fill(host, c)  # (not a planned mention's time: "held a call with X, who invited him to a summit in July")
        return keep

    def _conflict_sides(self, cands: list[Candidate]) -> None:
        """"Warring parties agreed ...": the two sides of the article's conflict, the pair that
        fights or exchanges prisoners in it, the most mentioned pair when there are several."""
        wanting = [c for c in cands if c.extras.get("sides") and not c.actors]
        # ("urged both sides to ...", "talks between the two sides": the sides are addressed)
        addressing = [c for c in cands if c.extras.get("sides_addressed") and not c.recipients]
        if not wanting and not addressing:
            return
        def side(p: Participant) -> Participant:  # "Guyanese fishermen" held: Guyana is the side
            return Participant(p.affiliation, "country") if p.kind == "organization" and p.affiliation \
                and self.kb.country(p.affiliation) else p

        pairs: list[tuple[Participant, Participant]] = []
        for c in cands:
            # (a dispute's pair too: "Serbia accused Kosovo ...; the EU urged both sides to ...")
            if c.type in ("ASSAULT", "COERCE", "ACCUSE", "THREATEN", "SANCTION") and len(c.actors) == 1 \
                    and len(c.recipients) == 1 \
                    and side(c.actors[0]) != side(c.recipients[0]):
                pairs.append((side(c.actors[0]), side(c.recipients[0])))
            elif c.type in ("RETREAT", "ASSAULT", "COERCE") and len(c.actors) == 2 and not c.recipients:
                pairs.append((c.actors[0], c.actors[1]))  # "X and Y exchanged prisoners", "X and Y clashed"
            elif c.type == "CONSULT" and c.mode == "third-party" and len(c.recipients) == 2:
                pairs.append((c.recipients[0], c.recipients[1]))  # "talks between X and Y mediated by Z"
        if not pairs:
            return
        mentions = Counter(m.participant.name for m in cands[0].trigger.doc._.mentions or [])
        a, b = max(pairs, key=lambda p: mentions[p[0].name] + mentions[p[1].name])
        for c in wanting:
            c.actors = [a, b]
            c.recipients = [r for r in c.recipients if r not in (a, b)]
        for c in addressing:
            c.recipients = [p for p in (a, b) if p not in c.actors]
            if c.type == "CONSULT" and c.actors and c.recipients and c.mode is None:
                c.mode = "third-party"  # talks between the sides that others hold (convention 3)

    @staticmethod
    def _releases_of_exchanges(cands: list[Candidate]) -> list[Candidate]:
        """"... exchange two prisoners between the United States and Russia" and "after the
        Russian authorities released her": one side's release is its part of the exchange
        (convention 3), which took place if the release did."""
        exchanges = [c for c in cands if c.type == "RETREAT" and len(c.actors) >= 2]
        keep: list[Candidate] = []
        for c in cands:
            sides = set(participant_names(c.actors))
            host = next((x for x in exchanges if x is not c and c.type == "RETREAT" and sides
                         and sides < set(participant_names(x.actors)) and c.status != "negated"), None)
            if host is None:
                keep.append(c)
                continue
            # (a side the exchange already has as an actor is not also its recipient)
            host.recipients = unique(host.recipients + [r for r in c.recipients if r not in host.actors])
            if c.status == "occurred":
                host.status = "occurred"
            fill(host, c)
        return keep

    @staticmethod
    def _drop_back_references(cands: list[Candidate]) -> list[Candidate]:
        """"... to halt the raids": a bare definite event noun after an event of
        its type names that event again; whatever participants it seems to have are the
        sentence's, not its own."""
        keep: list[Candidate] = []
        for c in cands:
            tok = c.trigger
            bare = tok.pos_ == "NOUN" and c.type in BACK_REFERRED and any(
                ch.dep_ == "det" and ch.lower_ in ("the", "these", "those", "this", "that") for ch in tok.children) \
                and not any(ch.dep_ in ("prep", "poss", "compound", "nmod", "acl", "relcl") for ch in tok.children)
            if bare and any(k.type == c.type and k.trigger.i < tok.i for k in keep):
                continue
            keep.append(c)
        return keep

    @staticmethod
    def _inherit_meeting_context(cands: list[Candidate]) -> None:
        """Statements made in a meeting (thanks, appeals, offers, accusations) take
        its date and place when they give none of their own. The nearest such
        meeting wins."""
        meetings = [c for c in cands if c.type == "CONSULT" and c.status == "occurred" and (c.date or c.location)]
        for c in cands:
            if c.type not in STATEMENT_TYPES or c.status != "occurred" or (c.date and c.location):
                continue
            if in_quotation(c.trigger):
                continue  # "Rocca said: “I want to thank President Putin ...”": said in the statement, not the meeting
            actor_names = set(participant_names(c.actors))
            # a meeting told before the statement, or in its sentence (or any, for a headline's):
            # not a later one ("X welcomed the swap ... The ministers met on Thursday")
            headline = _in_headline(c)
            # (and not a meeting told in a relative clause on someone, "Chile, which hosted the
            # talks in 2019, condemned ...": background, not the statement's setting)
            related = [m for m in meetings if actor_names & set(participant_names(m.actors + m.recipients))
                       and (headline or m.sent.start <= c.sent.start) and not (m.sent.start == c.sent.start and _told_of_someone(m.trigger, c.trigger))]
            if not related:
                continue
            m = min(related, key=lambda o: (o.trigger.i > c.trigger.i, abs(o.trigger.i - c.trigger.i)))
            if c.date is None or (m.date is not None and c.date.value == m.date.value):
                c.date = m.date
                c.location = c.location or m.location

    def _country_of(self, p: Participant) -> str | None:
        """The country a participant belongs to: itself, its affiliation, or the demonym
        its name starts with ("Russian Red Cross", "Russian Ministry of Defence")."""
        if p.kind == "country":
            return p.name
        full = self.kb.org(p.affiliation) if p.affiliation else None  # "RRC" -> "Russian Red Cross"
        for text in (p.affiliation, full, p.name if p.kind == "organization" else None):
            if not text:
                continue
            country = self.kb.country(text) or self.kb.demonym(text.split()[0])
            if country:
                return country
        return None


def in_quotation(tok: Token) -> bool:
    return any(lo <= tok.i < hi for lo, hi in tok.doc._.quotations or ())


def anaphoric(trigger: Token) -> bool:
    """A nominal trigger that refers back: "the meeting", "this visit", "his talks",
    "Spoljaric's visit"."""
    return trigger.pos_ == "NOUN" and any(
        (c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "his", "her", "their", "its"))
        or (c.dep_ == "poss" and c.pos_ == "PROPN") for c in trigger.children)


def names_its_body(trigger: Token) -> bool:
    """A meeting noun that says whose meeting it is ("the meeting of the Andean Community
    council"): an occurrence of its own, told for the first time, not a back reference."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(t.ent_type_ == "ORG" for t in c.subtree)
               for c in trigger.children)


CUSTODY_TYPES = frozenset({"COERCE", "RETREAT"})
# types whose occurrence an article often names again in other words (see _told_again)
ONE_OCCURRENCE = frozenset({"MOBILIZE", "AGREE"})


def _days_counted(text: str) -> tuple[int, str] | None:
    """How many days after (or, negative, before) the day last told a sentence says its event
    was ("the following day", "two days later", "the previous day"), and the words saying so."""
    for pattern, sign in ((DAYS_AFTER, 1), (DAYS_BEFORE, -1)):
        m = pattern.search(text)
        if m:
            n = (m["n"] or "1").lower()
            return sign * (int(n) if n.isdigit() else 1 if n == "a" else NUMBERS[n]), m.group(0)
    return None


def _told_of_someone(trigger: Token, other: Token) -> bool:
    """Is the trigger inside a relative clause that does not hold the other trigger?"""
    clause = next((t for t in (trigger, *trigger.ancestors) if t.dep_ == "relcl"), None)
    return clause is not None and not clause.left_edge.i <= other.i <= clause.right_edge.i


def compatible_dates(a: str, b: str) -> bool:
    """Can both dates be the same occurrence: equal, or one inside the other ("this week" and
    "today", "in May" and "on 3 May")?"""
    return a == b or _within(a, b) or _within(b, a)


def _within(inner: str, outer: str) -> bool:
    (ilo, ihi), (olo, ohi) = date_bounds(inner), date_bounds(outer)
    return None not in (ilo, ihi, olo, ohi) and olo <= ilo and ihi <= ohi


def _in_headline(c: Candidate) -> bool:
    """Is this reading the article's headline's (the body's report of the same act is the record)?"""
    return c.sent.start == 0 and is_headline(c.sent)


def _headline_of_report(a: Candidate, b: Candidate) -> bool:
    """Is one of the two a headline's plan ("X to send aid to Y") and the other the body's
    report of that act, done (same type and parties)? A headline's infinitive is shorthand,
    not a second act."""
    heads = [c for c in (a, b) if _in_headline(c)]
    return len(heads) == 1 and heads[0].status == "planned" and {a.status, b.status} == {"planned", "occurred"} \
        and a.key() == b.key()


def same_occurrence(a: Candidate, b: Candidate) -> bool:
    """Two reports in one article of one occurrence: same type and participants, no
    contradicting dates; for types other than meetings, also the same sentence or the
    same trigger word ("allocated funds" and "provides support" are two aid events)."""
    if a.key() != b.key():
        return False
    if a.type != "CONSULT" and a.actors and b.actors and a.recipients and b.recipients \
            and set(participant_names(a.actors)) == set(participant_names(b.recipients)) \
            and set(participant_names(b.actors)) == set(participant_names(a.recipients)):
        return False  # "expelled Moldovan diplomats in retaliation for Chisinau's expulsion of ...": tit for tat
    if a.date and b.date and not compatible_dates(a.date.value, b.date.value):
        return False
    if a.status != b.status and "negated" in (a.status, b.status):
        return False
    if a.status != b.status and _headline_of_report(a, b):
        return True  # "UAE to send aid to Libya" over "The UAE has sent aid to Libya": one dispatch
    if a.status != b.status and any(c.dep_ == "advmod" and c.lower_ == "again" for x in (a, b) for c in x.trigger.children):
        return False  # "met in Nairobi and agreed to meet again next month": one held, one to come
    if a.status != b.status and a.sent.start != b.sent.start and (
            (a.verbal and b.verbal) or not (anaphoric(a.trigger) or anaphoric(b.trigger))):
        return False  # "travelled to Moscow in January" and "may travel to Moscow again": two trips;
        # "held talks on Monday" and "the next round of talks will take place ...": two rounds
    if a.type == "CONSULT" and a.sent.start != b.sent.start and _call_and_meeting(a, b):
        return False  # "last met in Hiroshima last year" and "have spoken by phone since": two
    if a.type == "CONSULT":
        return True
    if a.sent.start == b.sent.start:  # one sentence: one event, unless two separate appeals
        return a.type not in ("REQUEST", "ACCUSE") or a.trigger.i == b.trigger.i or _conjoined(a.trigger, b.trigger) \
            or content_of(a.trigger) == content_of(b.trigger)
    # the same word in two sentences: one statement repeated, unless appeals or accusations
    # are about different things ("called for the release of hostages", "calling for access")
    if a.type in CUSTODY_TYPES and any(p.kind == "person" for p in a.recipients):
        return True  # "Machado was arrested ... she was detained": a named person is held or freed once
    if _word(a.trigger) != _word(b.trigger) and not _told_again(a, b):
        return False
    if a.type not in ("REQUEST", "ACCUSE"):  # an agreement reported twice is one agreement
        return True
    ca, cb = content_of(a.trigger), content_of(b.trigger)
    return ca is None or cb is None or ca == cb


def _call_and_meeting(a: Candidate, b: Candidate) -> bool:
    """Is one of two meetings a call and the other held in person at a place (or a visit)?"""
    calls = [c for c in (a, b) if c.mode == "phone"]
    return len(calls) == 1 and any(c.mode != "phone" and (c.mode == "visit" or c.location) for c in (a, b))


# words that report one act alike: "Russia and Ukraine swap prisoners" and "... exchanged 150
# prisoners each" are one exchange
SAME_ACT = {"swap": "exchange", "trade": "exchange"}


def _word(trigger: Token) -> str:
    """The word an act is told with: a verb's own, or for a verb of imposing or declaring the
    act it names ("slaps sanctions" and "imposed sanctions" are one word, "sanction")."""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ == "VERB":
        named = next((c.lemma_.lower() for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in NAMED_ACTS), None)
        if named is not None:
            return named
    return SAME_ACT.get(lemma, lemma)


# acts a verb of imposing, declaring or announcing names by its object
NAMED_ACTS = {"sanction", "embargo", "tariff", "curfew", "ceasefire", "truce", "blockade", "ban"}


def _told_again(a: Candidate, b: Candidate) -> bool:
    """Is one of two same-type reports in other words a bare name for the other ("Moscow's
    deployment", "the exercises", "the accord"): a noun with nothing of its own to say what it is
    about, at no other time or place? ("also reached a deal on border patrols" is a second deal.)"""
    return a.type in ONE_OCCURRENCE and a.status == b.status and a.location == b.location \
        and (a.date is None or b.date is None or a.date.value == b.date.value) \
        and any(x.trigger.pos_ == "NOUN" and content_of(x.trigger) is None for x in (a, b))


def _purpose_of(aim: Token, means: Token) -> bool:
    """Whether ``aim`` is the purpose clause of ``means``: "lobbed tear gas to disperse them"."""
    return aim.head.i == means.i and aim.dep_ in ("advcl", "xcomp") and aim.pos_ == "VERB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in aim.children)


def _conjoined(a: Token, b: Token) -> bool:
    """"urged and called on X to ...": coordinated words of one statement."""
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def content_of(trigger: Token) -> str | None:
    """What a statement is about: the lemma of its object or of its "for"/"on" phrase."""
    for child in trigger.children:
        if child.dep_ in ("dobj", "xcomp"):
            return child.lemma_.lower()
        if child.dep_ == "prep" and child.lower_ in ("for", "on", "to"):
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):  # ("on Monday" is when, not what)
                return obj.lemma_.lower()
    return None


def same_traveller(trip: Candidate, c: Candidate, kb: KnowledgeBase | None = None) -> bool:
    """Does a meeting belong to this trip's traveller? A shared actor; an organisation's trip
    and its own people meeting ("ASEAN envoys arrived ...; the ASEAN Secretary-General will
    meet X"); or a trip with no actor of its own in the meeting's sentence ("meetings with X
    on a visit to Y")."""
    if set(participant_names(trip.actors)) & set(participant_names(c.actors)):
        return True
    if kb is not None:
        orgs = {t.name for t in trip.actors if t.kind == "organization"}
        if any(a.kind == "person" and a.affiliation and (kb.org(a.affiliation) or a.affiliation) in orgs for a in c.actors):
            return True
    return not trip.actors and trip.sent.start == c.sent.start


def unique(items: list[Participant]) -> list[Participant]:
    seen: list[Participant] = []
    names: set[str] = set()
    for p in items:
        if p.name not in names:
            names.add(p.name)
            seen.append(p)
    return seen


def participant_names(ps: list[Participant]) -> list[str]:
    return [p.name for p in ps]


def _trip_length(c: Candidate) -> bool:
    """Is this trip dated as an interval its length in days gives ("a four-day visit")?"""
    return c.date is not None and "/" in c.date.value and DURATION.search(c.sent.text) is not None


def fill(keep: Candidate, other: Candidate) -> Candidate:
    if keep.date is None and other.date is not None:
        keep.date = other.date
    elif keep.date is not None and other.date is not None and keep.date.value != other.date.value \
            and _within(other.date.value, keep.date.value):
        keep.date = other.date  # "this week" and "today": the day is the more exact report
    if keep.location is None and other.location is not None:
        keep.location, keep.location_country = other.location, other.location_country
    elif keep.location is not None and keep.location == keep.location_country and other.location not in (None, keep.location) \
            and (other.location_country == keep.location_country
                 or other.location_country is None and any(r.kind == "person" for r in keep.recipients)):
        # "to Kyiv ... to visit Ukraine", "the meeting at the Independence Palace": the city or the
        # venue is the more exact report of where than the country (but a trip to a country is not
        # placed at a camp or site it took in)
        keep.location = other.location
    if keep.mode is None and other.mode is not None:
        keep.mode = other.mode
    return keep
