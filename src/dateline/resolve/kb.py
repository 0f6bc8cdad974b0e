"""The actor knowledge base: countries, organisations and people with roles
valid for a period, loaded from the CSV files in ``dateline/data``.

Lookups are by a folded key (case, accents and punctuation removed), so
"Spolyarić", "Spoljaric" and "SPOLJARIC" meet.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dateline.model import Participant

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "madam",
    "daw", "u", "h.e.", "he", "excellency", "his", "her", "hon", "honourable",
    "ambassador", "gen", "general", "lt", "col", "maj", "sheikh", "dato", "datuk",
}


# Where names put the family name first, and the English-language press keeps that order
FAMILY_NAME_FIRST = frozenset({"China", "Taiwan", "North Korea", "South Korea"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key (cached: names recur across articles).

    >>> fold("Spolyarić-Egger") == fold("spolyaric egger")
    True
    """
    if text.isascii():  # (nothing to decompose: most names, and every gazetteer name indexed)
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("'s ", " ")
    return _NON_ALNUM.sub(" ", text).strip()


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The folded key of a name without its leading article: "the Gambia" and "Gambia" are
    one country, "The Hague" one city."""
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class Office:
    person: str
    affiliation: str
    role: str
    start: dt.date | None
    end: dt.date | None
    leader: bool

    def valid_at(self, when: dt.date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


# The top office of an organisation, best first: its holder is the organisation's
# "chief" or "head" when the data does not mark a leader explicitly.
ORG_HEAD_ROLES = (
    "president", "secretary-general", "secretary general", "director-general", "director general",
    "executive director", "high commissioner for refugees", "high commissioner for human rights",
    "emergency relief coordinator", "commission chairperson", "chairman", "chair", "leader", "head",
)


MINISTRY_FIELDS = {
    "defense": "Defence", "defence": "Defence", "foreign": "Foreign Affairs", "foreign affairs": "Foreign Affairs",
    "foreign affairs and international cooperation": "Foreign Affairs", "external affairs": "External Affairs",
    "health": "Health", "interior": "Interior", "internal affairs": "Interior", "home affairs": "Home Affairs",
    "justice": "Justice", "emergency situations": "Emergency Situations", "emergencies": "Emergency Situations",
}


def normalise_role(role: str) -> str:
    """One spelling per role: "Secretary General" -> "secretary-general"."""
    role = " ".join(role.lower().split())
    return re.sub(r"\b(secretary|director|under-secretary)[ -]general\b", r"\1-general", role)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("dateline.data").joinpath(name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _split(field: str | None) -> list[str]:
    return [p.strip() for p in (field or "").split("|") if p.strip()]


ARMY_NAME = re.compile(r"\b(?:armed forces|army|military)\b", re.IGNORECASE)


class KnowledgeBase:
    """Countries, organisations and people, with the offices people held."""

    def __init__(self) -> None:
        self.countries: dict[str, str] = {}  # folded name/alias -> country
        self.demonym_of: dict[str, str] = {}  # country -> its first demonym ("Russian")
        self.demonyms: dict[str, str] = {}  # folded demonym -> country
        self.cities: dict[str, str] = {}  # folded capital/city -> country
        self.capital_of: dict[str, str] = {}  # country -> its capital
        self.orgs: dict[str, str] = {}  # folded name/acronym/alias -> canonical name
        self.org_acronym: dict[str, str] = {}  # canonical name -> acronym
        self.org_codes: dict[str, tuple[str | None, str | None]] = {}  # canonical name -> (ISO3, sector)
        self.people: dict[str, str] = {}  # folded full name/alias -> canonical
        self.surnames: dict[str, set[str]] = {}  # folded last token -> canonicals
        self._country_by_code: dict[str, str | None] | None = None  # GeoNames ISO2 -> our name, when first asked
        self._armies: dict[str, str] | None = None  # country -> its armed forces' organisation, when first asked
        self._army_names: frozenset[str] = frozenset()
        self.offices: list[Office] = []
        self.org_names: set[str] = set()  # surface forms, for phrase matching
        self.person_names: set[str] = set()
        self.country_names: set[str] = set()
        self.city_names: set[str] = set()
        self._load()

    def _load(self) -> None:
        for row in _rows("countries.csv"):
            name = row["name"]
            for alias in [name, *_split(row["aliases"])]:
                self.countries[fold(alias)] = name
                self.country_names.add(alias)
            for dem in _split(row["demonyms"]):
                self.demonyms[fold(dem)] = name
                self.demonym_of.setdefault(name, dem)
            if _split(row["capital"]):
                self.capital_of[name] = _split(row["capital"])[0]
            for city in _split(row["capital"]) + _split(row.get("other_cities")):
                self.cities.setdefault(fold(city), name)
                self.city_names.add(city)
        for row in _rows("organizations.csv"):
            name = row["name"]
            self.orgs[fold(name)] = name
            self.org_names.add(name)
            self.org_codes[name] = (row.get("country") or None, row.get("sector") or None)
            if row["acronym"]:
                self.orgs[fold(row["acronym"])] = name
                self.org_acronym[name] = row["acronym"]
                self.org_names.add(row["acronym"])
            for alias in _split(row["aliases"]):
                self.orgs.setdefault(fold(alias), name)
                if not alias.islower():
                    self.org_names.add(alias)
        for row in _rows("people.csv"):
            name = row["name"]
            for alias in [name, *_split(row["aliases"])]:
                key = fold(alias)
                self.people.setdefault(key, name)
                if len(alias) > 3 and alias[0].isupper():
                    self.person_names.add(alias)
                if " " in key:
                    self.surnames.setdefault(key.split()[-1], set()).add(name)
                    if row["affiliation"] in FAMILY_NAME_FIRST:  # "Xi" is Xi Jinping, "Yoon" Yoon Suk Yeol
                        self.surnames.setdefault(key.split()[0], set()).add(name)
                else:
                    self.surnames.setdefault(key, set()).add(name)
            self.offices.append(Office(
                person=name, affiliation=row["affiliation"], role=normalise_role(row["role"]),
                start=_date(row["start"]), end=_date(row["end"]), leader=row["leader"] == "1",
            ))
        self._mark_org_heads()

    def _mark_org_heads(self) -> None:
        """Organisations' top offices count as their leaders (countries mark theirs in the data)."""
        rank = {role: i for i, role in enumerate(ORG_HEAD_ROLES)}
        best: dict[str, int] = {}
        for o in self.offices:
            if o.affiliation not in self.countries.values() and o.role in rank:
                best[o.affiliation] = min(best.get(o.affiliation, len(rank)), rank[o.role])
        self.offices = [
            dataclasses.replace(o, leader=True) if best.get(o.affiliation) == rank.get(o.role, -1) else o
            for o in self.offices
        ]
        self._offices_by_person: dict[str, list[Office]] = {}
        for o in self.offices:
            self._offices_by_person.setdefault(o.person, []).append(o)

    # --- lookups -------------------------------------------------------
    def country(self, text: str) -> str | None:
        key = name_key(text)
        return self.countries.get(key)

    def country_of_place(self, text: str) -> str | None:
        key = name_key(text)
        return self.countries.get(key) or self.cities.get(key)

    def gazetteer_country(self, text: str) -> str | None:
        """The country of a town the knowledge base does not list, from the geocoder's GeoNames
        index (cities of 15,000 people or more, offline): the most populous of that name."""
        key = name_key(text)
        if len(key) <= 3 or key in self.countries:
            return None
        from dateline.coding import gazetteer  # (coding reads this base: imported when first asked)

        city = gazetteer().city(key, ())
        if city is None:
            return None
        if self._country_by_code is None:
            self._country_by_code = {code: self._country_of_code(code, row["name"])
                                     for code, row in gazetteer().countries.items()}
        return self._country_by_code.get(city["countrycode"])

    def _country_of_code(self, alpha2: str, name: str) -> str | None:
        """Our name for a country GeoNames names ("Palestinian Territory" is Palestine): its
        own name, else one of ISO's names for its code (pycountry, offline)."""
        import pycountry

        iso = pycountry.countries.get(alpha_2=alpha2)
        names = [name] + [getattr(iso, f, None) for f in ("common_name", "name", "official_name")] if iso else [name]
        for n in filter(None, names):
            found = self.country(n) or self.country(n.split(",")[0])
            if found:
                return found
        return None

    def demonym(self, text: str) -> str | None:
        """The country of a demonym, singular or plural ("Kenyan", "Kenyans", "Filipinos")."""
        key = fold(text)
        found = self.demonyms.get(key)
        if found is None and key.endswith("s") and len(key) > 4:
            found = self.demonyms.get(key[:-1])
        return found

    def _army_index(self) -> dict[str, str]:
        """Country -> its armed forces' organisation, built once (see ``national_army``)."""
        if self._armies is None:
            from dateline.coding import iso3

            by_code = {code: name for name, (code, sector) in self.org_codes.items()
                       if code and sector == "MIL" and ARMY_NAME.search(name)}
            self._armies = {c: by_code[code] for c in set(self.countries.values()) if (code := iso3(c)) in by_code}
            self._army_names = frozenset(self._armies.values())
        return self._armies

    def national_army(self, country: str) -> str | None:
        """The armed forces of a country when the organisations list them under it (sector MIL and
        a name that says so: "Sudanese Armed Forces"; not a militia or a coalition based there)."""
        return self._army_index().get(country)

    def national_armies(self) -> frozenset[str]:
        """The names of every country's armed forces (as ``national_army`` finds them)."""
        self._army_index()
        return self._army_names

    def org(self, text: str) -> str | None:
        key = name_key(text)
        return self.orgs.get(key)

    def ministry(self, text: str, default_country: str | None = None) -> str | None:
        """One name for a government ministry however it is written: "Russian Defense
        Ministry", "the Ministry of Defence of Russia", "Russia's defence ministry" ->
        "Russian Ministry of Defence". None when it is not a ministry or the country is unknown."""
        text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
        m = re.fullmatch(r"(?P<before>.*?)\bMinistry(?:\s+(?:of|for)\s+(?P<after>.+))?", text, flags=re.I)
        if not m:
            return None
        before = re.sub(r"['’]s\b", "", m["before"] or "").split()
        after = m["after"] or ""
        country, field_words = None, []
        for i in range(len(before), 0, -1):  # the longest country or demonym at the start
            head = " ".join(before[:i])
            country = self.country(head) or self.demonym(head)
            if country:
                field_words = before[i:]
                break
        else:
            field_words = before
        if after:
            parts = [p for p in re.split(r"\s+(?:of|in)\s+(?:the\s+)?", after)
                     if fold(p) not in ("kingdom", "republic", "state", "federation", "sultanate", "emirate")]
            if country is None and len(parts) > 1:
                country = self.country(parts[-1]) or self.demonym(parts[-1])
                if country:
                    parts = parts[:-1]
            field_words = field_words + " ".join(parts).split()
        field = MINISTRY_FIELDS.get(fold(" ".join(field_words)))
        country = country or default_country  # "the Ministry of Defence" in an article about one country
        if country is None or not field_words:
            return None
        field = field or " ".join(w.capitalize() if w.islower() else w for w in field_words)
        return f"{self.demonym_of.get(country, country)} Ministry of {field}"

    def short_affiliation(self, name: str) -> str:
        """Affiliations are written short for organisations: "ICRC", "UN"."""
        return self.org_acronym.get(name, name)

    def distinctive_surnames(self) -> list[str]:
        """Surnames, as written, that name one known person and nothing else the base knows
        (no place, body, other person or anyone's given name): "Guterres", "Lavrov"."""
        names = set(self.people.values())
        given = {fold(name.split()[0]) for name in names if " " in name}
        out = []
        for name in sorted(names):
            last = name.split()[-1] if " " in name else None
            if last is None or len(last) < 5 or not last[0].isupper() or not last[1:].islower():
                continue
            key = fold(last)
            if len(self.surnames.get(key, ())) == 1 and key not in self.people and key not in given and not self.org(last) \
                    and not self.country(last) and not self.country_of_place(last) and not self.demonym(last):
                out.append(last)
        return out

    def person(self, text: str, when: dt.date | None = None) -> str | None:
        """A canonical person for a name, a known alias or a distinctive surname."""
        key = fold(text)
        words = [w for w in key.split() if w not in HONORIFICS]
        if not words:
            return None
        key = " ".join(words)
        if key in self.people:
            return self.people[key]
        candidates = self.surnames.get(words[-1], set())
        if len(words) > 1:
            # A full name must agree on the given name too, unless it is a known variant.
            candidates = {c for c in candidates if fold(c).split()[0][:3] == words[0][:3]}
        if len(candidates) == 1:
            return next(iter(candidates))
        return None

    def offices_of(self, person: str) -> list[Office]:
        return list(self._offices_by_person.get(person, ()))

    def affiliation_of(self, person: str, when: dt.date | None) -> str | None:
        offices = self.offices_of(person)
        if not offices:
            return None
        valid = [o for o in offices if o.valid_at(when)] if when else []
        chosen = valid[0] if valid else max(offices, key=lambda o: o.start or dt.date.min)
        return self.short_affiliation(chosen.affiliation)

    def holder(self, affiliation: str, role: str | None, when: dt.date | None) -> str | None:
        """Who held an office ("Russia", "president") at a date; role None means the leader."""
        for office in self.offices:
            if office.affiliation != affiliation and self.short_affiliation(office.affiliation) != affiliation:
                continue
            if role is None and not office.leader:
                continue
            if role is not None and office.role != role:
                continue
            if office.valid_at(when):
                return office.person
        return None

    def participant_for_person(self, name: str, when: dt.date | None, affiliation: str | None = None) -> Participant:
        canonical = self.person(name, when)
        if canonical:
            return Participant(canonical, "person", self.affiliation_of(canonical, when) or affiliation, actor_id=fold(canonical))
        return Participant(clean_person_name(name), "person", affiliation)


# bodies whose short names the NER takes into a person's name after a title ("Ambassador to the
# UN Vassily Nebenzia")
BODY_ACRONYMS = frozenset({"UN", "EU", "AU", "US", "UK", "NATO", "OSCE", "ICRC", "IFRC", "WHO", "WFP", "UNHCR",
                           "UNICEF", "OCHA", "IAEA", "ECOWAS", "ASEAN", "OAS", "IMF"})


def clean_person_name(text: str) -> str:
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    while words and fold(words[0]) in HONORIFICS:
        words.pop(0)
    name = " ".join(words)
    name = re.sub(r"[\[\]()]", "", name).strip(" ,.;:'\"’")
    # "Peter Holm's visit": the NER takes the possessive into the name
    return re.sub(r"\s*['’]s$", "", name)


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process."""
    return KnowledgeBase()
