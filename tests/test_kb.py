import csv
import datetime as dt
from collections import defaultdict
from importlib import resources

from dateline.resolve.kb import fold, knowledge_base


def test_roles_are_valid_for_a_period():
    kb = knowledge_base()
    assert kb.holder("IFRC", "president", dt.date(2021, 12, 6)) == "Francesco Rocca"
    assert kb.holder("IFRC", "president", dt.date(2024, 6, 1)) == "Kate Forbes"
    assert kb.holder("ICRC", "president", dt.date(2020, 1, 1)) == "Peter Maurer"
    assert kb.holder("ICRC", "president", dt.date(2023, 1, 18)) == "Mirjana Spoljaric Egger"
    assert kb.holder("Russia", None, dt.date(2010, 1, 1)) == "Dmitry Medvedev"
    assert kb.holder("Russia", None, dt.date(2021, 12, 6)) == "Vladimir Putin"


def test_affiliation_follows_the_date():
    kb = knowledge_base()
    assert kb.affiliation_of("Antonio Guterres", dt.date(2010, 1, 1)) == "UNHCR"
    assert kb.affiliation_of("Antonio Guterres", dt.date(2022, 4, 26)) == "UN"


def test_name_variants_meet():
    kb = knowledge_base()
    for variant in ("Spoljaric-Egger", "Spolyarić", "Mirjana Spoljaric", "Spoljarich"):
        assert kb.person(variant) == "Mirjana Spoljaric Egger"
    assert kb.person("Sergei Lavrov") == "Sergey Lavrov"
    assert kb.person("Boris Michel") is None
    assert fold("Çavuşoğlu") == "cavusoglu"


def test_organisations_are_told_apart():
    kb = knowledge_base()
    assert kb.org("ICRC") == "International Committee of the Red Cross"
    assert kb.org("IFRC") == "International Federation of Red Cross and Red Crescent Societies"
    assert kb.org("Russian Red Cross") == "Russian Red Cross"
    assert len({kb.org("ICRC"), kb.org("IFRC"), kb.org("Russian Red Cross")}) == 3


def test_knowledge_base_is_consistent():
    """Every office has a start date and a known country or organisation; one office has no
    overlapping terms."""
    from dateline.resolve.kb import knowledge_base

    kb = knowledge_base()
    with resources.files("dateline.data").joinpath("people.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    terms = defaultdict(list)
    for row in rows:
        assert row["start"], f"{row['name']} has no start date"
        aff = row["affiliation"]
        assert kb.country(aff) == aff or kb.org(aff) or kb.ministry(aff), f"{row['name']}: unknown affiliation {aff}"
        start = dt.date.fromisoformat(row["start"])
        end = dt.date.fromisoformat(row["end"]) if row["end"] else dt.date.max
        assert start < end, row
        terms[(row["affiliation"], row["role"])].append((start, end, row["name"]))
    shared = {"deputy prime minister", "deputy foreign minister", "vice president", "spokesperson",
              "commissioner for children's rights", "commander-in-chief"}
    for (aff, role), spans in terms.items():
        if role in shared:
            continue
        spans.sort()
        for (_s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, f"{aff} {role}: {n1} and {n2} overlap"


def test_ministries_have_one_name_however_written():
    from dateline.resolve.kb import knowledge_base

    kb = knowledge_base()
    for text in ("Russian Defense Ministry", "the Ministry of Defence of Russia", "Russia's defence ministry"):
        assert kb.ministry(text) == "Russian Ministry of Defence"
    assert kb.ministry("the Ministry of Foreign Affairs of the Kingdom of Saudi Arabia") == "Saudi Ministry of Foreign Affairs"
    assert kb.ministry("Ministry of Health") is None  # no country: not a named actor
    assert kb.ministry("Red Cross") is None


def test_role_spellings_are_normalised():
    import datetime as dt

    from dateline.resolve.kb import knowledge_base, normalise_role

    assert normalise_role("Secretary General") == normalise_role("secretary-general") == "secretary-general"
    # the data writes "secretary general"; titles in text are matched as "secretary-general"
    assert knowledge_base().holder("IFRC", "secretary-general", dt.date(2022, 2, 9)) == "Jagan Chapagain"


def test_a_family_name_written_first_is_the_surname_where_names_put_it_first():
    kb = knowledge_base()
    assert kb.person("Xi") == "Xi Jinping"
    assert kb.person("Yoon") == "Yoon Suk Yeol"
    assert kb.person("Putin") == "Vladimir Putin"
    assert kb.person("Vladimir") is None  # elsewhere the first name is no surname


def test_towns_the_base_does_not_list_come_from_the_offline_gazetteer():
    kb = knowledge_base()
    assert kb.country_of_place("Mombasa") is None  # not in our own table ...
    assert kb.gazetteer_country("Mombasa") == "Kenya"  # ... but GeoNames knows it
    assert kb.gazetteer_country("Khan Yunis") == "Palestine"  # GeoNames' "Palestinian Territory"
    assert kb.gazetteer_country("Qorvandel") is None


def test_a_known_persons_distinctive_surname_is_found_where_the_tagger_reads_a_common_noun(extract):
    events = [e for e in extract("Lavrov arrives in Ankara today for talks with Turkish Foreign Minister Hakan Fidan.",
                                 published="2024-05-16") if e["type"] == "CONSULT"]
    assert [[a["name"] for a in e["actors"]] for e in events] == [["Sergey Lavrov"]], events


def test_distinctive_surnames_leave_out_given_names_places_and_shared_surnames():
    kb = knowledge_base()
    given = {name.split()[0] for name in set(kb.people.values()) if " " in name}
    surnames = kb.distinctive_surnames()
    assert "Lavrov" in surnames and "Guterres" in surnames
    assert not set(surnames) & given
    assert all(kb.country_of_place(s) is None and kb.country(s) is None for s in surnames)
