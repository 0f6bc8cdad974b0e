"""A generated news corpus for the store, link and web benchmarks.

    python benchmarks/corpus.py --documents 2000 [--seed 7] -o corpus.jsonl

Real stores are not the 26 dev articles: they hold many distinct actors, a few
of whom (heads of state, foreign ministers of large countries) are in a large
share of the news, dates over years, and the same story told by several
outlets within days. Blocks of the linker are then dense, and the web pages
page through thousands of mentions. This generator writes such a corpus:

- a world of countries (countryinfo's names, capitals, demonyms) and about
  one generated person per three documents, each with an office in a country;
  who is in the news follows a Zipf law, so a few people are everywhere;
- stories (meetings, visits, aid, accusations, sanctions, agreements,
  protests) on days spread over six years; some pairs meet again months later;
- each story told by one to six articles published zero to three days after
  it, in varied wording, with weekday or explicit dates, and a background
  sentence about an earlier story in some;
- documents in order of publication, as a feed delivers them.

The text is ours (templates written here); the facts are invented. The same
seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

FIRST = ["Ana", "Tomas", "Lea", "Omar", "Ivo", "Vera", "Nadia", "Jonas", "Mira", "Karim", "Elena", "Pavel",
         "Sofia", "Ravi", "Amara", "Lucas", "Ines", "Yusuf", "Marta", "Kofi", "Hana", "Diego", "Aiko", "Samir",
         "Olga", "Felix", "Zara", "Bruno", "Leila", "Arjun", "Rosa", "Emil", "Dina", "Hugo", "Tariq", "Nora"]
LAST = ["Ruiz", "Berg", "Dahl", "Vik", "Sand", "Holm", "Okafor", "Mensah", "Novak", "Haddad", "Tanaka",
        "Costa", "Petrov", "Silva", "Khan", "Moreau", "Lind", "Adeyemi", "Farah", "Kowalski", "Suzuki", "Rossi",
        "Nakamura", "Ibrahim", "Larsen", "Varga", "Osei", "Mendes", "Horvat", "Aziz", "Keller", "Bauer"]
OFFICES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Trade Minister",
           "Health Minister", "Interior Minister"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AID = ["tonnes of wheat", "medical supplies", "tents and blankets", "water purification kits", "vaccines"]
TOPICS = ["trade", "border security", "energy supplies", "fishing rights", "refugees", "the drought",
          "rail links", "customs rules"]


@dataclass(frozen=True)
class Person:
    name: str
    office: str
    country: str
    demonym: str

    def titled(self) -> str:
        return f"{self.demonym} {self.office} {self.name}"

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Story:
    kind: str
    day: dt.date
    a: Person
    b: Person
    place: str
    detail: str


def world(rng: random.Random, n_people: int) -> tuple[list[Person], dict[str, str]]:
    from dateline.coding import country_records

    records = [r for r in country_records() if r.get("capital") and r.get("demonym")
               and (r.get("population") or 0) > 2_000_000]
    rng.shuffle(records)
    capitals = {r["name"]: r["capital"] for r in records}
    people, seen = [], set()
    while len(people) < n_people:
        r = records[min(int(rng.paretovariate(1.2)) - 1, len(records) - 1)]  # large countries are in more news
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in seen:
            name = f"{name.split()[0]} {rng.choice(LAST)}-{rng.choice(LAST)}"
            if name in seen:
                continue
        seen.add(name)
        people.append(Person(name, rng.choice(OFFICES), r["name"], r["demonym"]))
    return people, capitals


def zipf_choice(rng: random.Random, people: list[Person]) -> Person:
    return people[min(int(rng.paretovariate(0.9)) - 1, len(people) - 1)]


def stories(rng: random.Random, people: list[Person], capitals: dict[str, str], n: int) -> list[Story]:
    start = dt.date(2019, 1, 1)
    out: list[Story] = []
    while len(out) < n:
        if out and rng.random() < 0.12:  # the same two meet again months later
            last = rng.choice(out)
            out.append(Story(last.kind, last.day + dt.timedelta(days=rng.randint(45, 240)), last.a, last.b,
                             last.place, rng.choice(TOPICS)))
            continue
        a, b = zipf_choice(rng, people), zipf_choice(rng, people)
        if a.country == b.country:
            continue
        kind = rng.choices(["meet", "visit", "aid", "accuse", "sanction", "agree", "protest"],
                           weights=[30, 15, 12, 14, 8, 12, 9])[0]
        place = capitals[rng.choice([a.country, b.country])] if kind == "meet" else capitals[b.country]
        detail = rng.choice(AID) if kind == "aid" else rng.choice(TOPICS)
        out.append(Story(kind, start + dt.timedelta(days=rng.randrange(6 * 365)), a, b, place, detail))
    return out


def when(rng: random.Random, day: dt.date, published: dt.date) -> str:
    if published - day < dt.timedelta(days=7) and rng.random() < 0.6:
        return "on " + WEEKDAYS[day.weekday()]
    return f"on {day.day} {day:%B} {day.year}" if rng.random() < 0.5 else f"on {day:%B} {day.day}"


def lead(rng: random.Random, s: Story, published: dt.date) -> list[str]:
    t = when(rng, s.day, published)
    a, b = s.a, s.b
    forms = {
        "meet": [f"{a.titled()} met {b.titled()} in {s.place} {t} to discuss {s.detail}.",
                 f"{a.titled()} and {b.titled()} held talks on {s.detail} in {s.place} {t}."],
        "visit": [f"{a.titled()} visited {b.country} {t} and met {b.titled()} in {s.place}.",
                  f"{a.titled()} arrived in {s.place} {t} for talks with {b.titled()} on {s.detail}."],
        "aid": [f"{a.country} sent {rng.randint(2, 90) * 100} {s.detail} to {b.country} {t}, "
                f"{a.titled()} said.",
                f"{a.titled()} announced {t} that {a.country} would deliver {s.detail} to {b.country}."],
        "accuse": [f"{a.titled()} {t} accused {b.country} of violating the agreement on {s.detail}.",
                   f"{a.titled()} condemned {b.titled()} {t} over {s.detail}."],
        "sanction": [f"{a.country} imposed sanctions on {b.country} {t} over {s.detail}, {a.titled()} said.",
                     f"{a.country} expelled two diplomats of {b.country} {t}, {a.titled()} announced."],
        "agree": [f"{a.titled()} and {b.titled()} signed an agreement on {s.detail} in {s.place} {t}.",
                  f"{a.country} and {b.country} agreed {t} to cooperate on {s.detail}, {a.titled()} said."],
        "protest": [f"Thousands of people protested outside the embassy of {b.country} in {s.place} {t} "
                    f"against its policy on {s.detail}.",
                    f"Demonstrators marched in {s.place} {t} to protest against {b.titled()}."],
    }
    first = rng.choice(forms[s.kind])
    follow = rng.choice([
        f"{a.surname} told reporters the talks had been useful.",
        f"Officials in {b.country} did not comment.",
        f"{b.surname} said {b.country} would respond in due course.",
        f"It was the first such step since {s.day.year - 1}.",
        f"Both sides called for calm, a spokesperson for {a.surname} said.",
    ])
    return [first, follow]


HEADLINES = {
    "meet": "{a} and {b} hold talks on {detail}", "visit": "{a} leader in {b}", "aid": "{a} sends aid to {b}",
    "accuse": "{a} accuses {b}", "sanction": "{a} punishes {b}", "agree": "{a}, {b} reach deal on {detail}",
    "protest": "Protest against {b}",
}


def corpus(n_documents: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    people, capitals = world(rng, max(60, n_documents // 3))
    told = stories(rng, people, capitals, max(10, n_documents // 2))
    docs: list[dict] = []
    for s in told:
        for _ in range(rng.choices([1, 2, 3, 4, 6], weights=[45, 25, 15, 10, 5])[0]):
            published = s.day + dt.timedelta(days=rng.randint(0, 3))
            sentences = lead(rng, s, published)
            if rng.random() < 0.35:  # background: an earlier story
                earlier = rng.choice(told)
                if earlier.day < s.day:
                    sentences += lead(rng, earlier, published)[:1]
            title = HEADLINES[s.kind].format(a=s.a.country, b=s.b.country, detail=s.detail)
            docs.append({"doc_id": f"g{len(docs):06d}", "title": title, "published": published.isoformat(),
                         "text": title + "\n\n" + " ".join(sentences)})
            if len(docs) >= n_documents:
                return chronological(docs)
    # the stories ran out first: the rest from a world of the next seed
    return chronological(docs + corpus(n_documents - len(docs), seed + 1))


def chronological(docs: list[dict]) -> list[dict]:
    """In order of publication, as a feed delivers them, numbered in that order."""
    docs = sorted(docs, key=lambda d: (d["published"], d["doc_id"]))
    return [dict(d, doc_id=f"g{i:06d}") for i, d in enumerate(docs)]


def write(path: Path, n_documents: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for d in corpus(n_documents, seed):
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    write(args.output, args.documents, args.seed)
    print(f"{args.documents} documents -> {args.output}")


if __name__ == "__main__":
    main()
