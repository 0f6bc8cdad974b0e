"""The HTTP API and pages, on a real DuckDB file, through FastAPI's test client."""

import pytest
from fastapi.testclient import TestClient

from conftest import SCALE, tally

pytestmark = pytest.mark.hardening


def count_response(response):
    """Every request the API tests make, for the hardening table: 4xx are refusals the tests
    expect (they assert each one), a 5xx is a crash."""
    code = response.status_code
    tally("API: fuzzed and hostile requests", inputs=1, refused=int(400 <= code < 500), crashes=int(code >= 500))


@pytest.fixture(scope="module")
def served(dev_store):
    from dateline.web import create_app

    db, token, revoked = dev_store
    client = TestClient(create_app(db))
    client.event_hooks["response"].append(count_response)
    return client, token, revoked


def test_search_filters_and_paging(served):
    client, _, _ = served
    res = client.get("/api/events", params={"actor": "Putin", "type": "CONSULT", "since": "2022-04", "until": "2022-04"})
    assert res.status_code == 200
    items = res.json()["items"]
    assert items and all(i["type"] == "CONSULT" for i in items)
    assert {"d001", "d002", "d003"} <= {i["doc_id"] for i in items}
    page1 = client.get("/api/events", params={"limit": 5}).json()
    page2 = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert page1["more"] and len(page1["items"]) == 5
    assert not {i["mention_id"] for i in page1["items"]} & {i["mention_id"] for i in page2["items"]}


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 100000}, {"offset": -1}, {"type": "MEETING"},
                                    {"since": "last week"}, {"status": "maybe"}, {"q": "x" * 500}])
def test_bad_parameters_are_clear_4xx(served, params):
    client, _, _ = served
    res = client.get("/api/events", params=params)
    assert res.status_code == 422
    assert "invalid request" in res.json()["error"]


def test_sql_fragments_are_just_text(served):
    client, _, _ = served
    res = client.get("/api/events", params={"actor": "'; drop table mentions; --", "q": "' or 1=1 --"})
    assert res.status_code == 200 and res.json()["items"] == []
    assert client.get("/api/events", params={"limit": 1}).json()["items"]  # the table is still there


def test_cluster_has_every_report_with_evidence_in_context(served):
    client, _, _ = served
    hit = client.get("/api/events", params={"actor": "Guterres", "type": "CONSULT", "since": "2022-04-26",
                                            "until": "2022-04-26"}).json()["items"][0]
    cluster = client.get(f"/api/clusters/{hit['cluster_id']}").json()
    assert len({r["doc_id"] for r in cluster["reports"]}) >= 3
    for r in cluster["reports"]:
        assert r["context"]["evidence"] == r["evidence"]
    assert cluster["by_status"]["occurred"] >= 3
    page = client.get(f"/clusters/{hit['cluster_id']}")
    assert page.status_code == 200 and '<mark class="evidence">' in page.text
    assert client.get("/api/clusters/nope").status_code == 404


def test_actor_page_has_a_chart_and_counterparts(served):
    client, _, _ = served
    data = client.get("/api/actors/Putin").json()
    assert data["actor"] == "Vladimir Putin"
    assert any(c["counterpart"] == "Antonio Guterres" for c in data["counterparts"])
    page = client.get("/actors/Vladimir Putin")
    assert page.status_code == 200 and "Antonio Guterres" in page.text
    assert 'src="/charts/actors/Vladimir%20Putin/timeline.svg"' in page.text
    chart = client.get("/charts/actors/Vladimir%20Putin/timeline.svg")
    assert chart.status_code == 200 and chart.headers["content-type"] == "image/svg+xml"
    assert chart.text.startswith("<svg") and "<script" not in chart.text


def test_writes_need_a_valid_token_and_reviews_are_audited(served):
    client, token, revoked = served
    mention = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    body = {"mention_id": mention["mention_id"], "action": "correct", "changes": {"status": "planned"}}
    assert client.post("/api/reviews", json=body).status_code == 401
    assert client.post("/api/reviews", json=body, headers={"Authorization": "Bearer nonsense"}).status_code == 403
    assert client.post("/api/reviews", json=body, headers={"Authorization": f"Bearer {revoked}"}).status_code == 403
    res = client.post("/api/reviews", json=body, headers={"Authorization": f"Bearer {token}"})
    assert res.status_code == 201 and res.json()["reviewer"] == "analyst"
    after = client.get(f"/api/events/{mention['mention_id']}").json()
    assert after["status"] == "planned" and after["machine"]["status"] == mention["status"]
    assert after["reviews"][-1]["reviewer"] == "analyst"
    bad = client.post("/api/reviews", json={**body, "changes": {"evidence": "x"}},
                      headers={"Authorization": f"Bearer {token}"})
    assert bad.status_code == 422 and "evidence: not a correctable field" in bad.json()["error"]
    assert client.post("/api/reviews", json={**body, "mention_id": "nope"},
                       headers={"Authorization": f"Bearer {token}"}).status_code == 404


def test_add_article_extracts_stores_and_escapes(served):
    client, token, _ = served
    text = ('GENEVA, 3 March 2024 – Amina Kolde met Jonas Vertel in Geneva on Friday. '
            '<script>alert(1)</script> <img src=x onerror="alert(2)">')
    res = client.post("/api/documents", json={"text": text}, headers={"Authorization": f"Bearer {token}"})
    assert res.status_code == 201, res.text
    data = res.json()
    assert data["stored"] and data["events"]
    page = client.get(f"/documents/{data['doc_key']}")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;" in page.text
    assert 'onerror="alert(2)"' not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    again = client.post("/api/documents", json={"text": text}, headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 201 and not again.json()["stored"]


def test_huge_and_malformed_bodies(served):
    client, token, _ = served
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    assert client.post("/api/documents", content=b"{" * 10, headers=auth).status_code == 422
    big = client.post("/api/documents", content=b'{"text": "' + b"a" * 2_100_000 + b'"}', headers=auth)
    assert big.status_code == 413 and "over" in big.json()["error"]
    assert client.post("/api/documents", json={"text": 5}, headers=auth).status_code == 422
    for published in (0, 1.5, True, ["2024-01-01"], "0001-01-02", "9999-12-30", "2024-02-30"):
        res = client.post("/api/documents", json={"text": "Talks.", "published": published}, headers=auth)
        assert res.status_code == 422 and "published" in res.text, published
    surrogate = client.post("/api/documents", content=b'{"text": "Vera Holm met Ivo Sand in Oslo. \\ud800"}',
                            headers=auth)
    assert surrogate.status_code == 422 and "unicode" in surrogate.text  # refused, not a 500


def test_pages_render(served):
    client, token, _ = served
    for path in ("/", "/?actor=Putin&type=CONSULT", "/plans", "/plans?unrealised=true", "/signin", "/add", "/docs"):
        assert client.get(path).status_code == 200, path
    assert client.get("/?type=NOPE").status_code == 422
    signin = client.post("/signin", data={"token": token}, follow_redirects=False)
    assert signin.status_code == 303 and "httponly" in signin.headers["set-cookie"].lower()
    assert "samesite=strict" in signin.headers["set-cookie"].lower()


def sign_in(client, token) -> str:
    """Sign the test client in through the form; the CSRF token of its session."""
    import re

    res = client.post("/signin", data={"token": token}, follow_redirects=False)
    assert res.status_code == 303, res.text
    form = client.get("/add").text
    return re.search(r'name="csrf" value="([^"]+)"', form).group(1)


def test_upload_a_file_on_the_add_page(served):
    client, token, _ = served
    csrf = sign_in(client, token)
    try:
        html_page = (b"<html><head><title>Talks</title></head><body><article><p>NAIROBI, 5 May 2023 - "
                     b"Kenyan President William Ruto met Antonio Guterres in Nairobi on Thursday to discuss "
                     b"drought relief for the Horn of Africa.</p></article></body></html>")
        res = client.post("/add", data={"csrf": csrf}, files={"file": ("../../etc/passwd.html", html_page, "text/html")})
        assert res.status_code == 200, res.text
        assert "Stored" in res.text and "CONSULT" in res.text
        binary = client.post("/add", data={"csrf": csrf}, files={"file": ("x.txt", b"\x00\x01\x02" * 100, "text/plain")})
        assert binary.status_code == 415
        empty = client.post("/add", data={"text": "  ", "csrf": csrf})
        assert empty.status_code == 422
        far = client.post("/add", data={"text": "Talks in Oslo.", "published": "9999-12-30", "csrf": csrf})
        assert far.status_code == 422
        typed = b'{"text": 12345}\n{"text": ["a"]}\n{"text": "Vera Holm met Ivo Sand in Oslo on Monday."}\n'
        mixed = client.post("/add", data={"csrf": csrf}, files={"file": ("mixed.jsonl", typed, "application/json")})
        assert mixed.status_code == 200 and "Stored" in mixed.text
    finally:
        client.cookies.clear()


def new_store_app(db):
    """An app on a new store, its client, and a write token's header (and the token)."""
    from dateline.store import open_store
    from dateline.web import create_app

    with open_store(db) as s:
        token = s.create_token("analyst")
    app = create_app(db)
    return app, TestClient(app), {"Authorization": f"Bearer {token}"}, token


def test_reads_share_one_connection_that_gives_way_to_writers(tmp_path):
    import json
    import subprocess
    import sys
    import time

    db = tmp_path / "shared.duckdb"
    app, client, auth, _ = new_store_app(db)
    assert client.post("/api/documents", json={"text": "Vera Holm met Ivo Sand in Oslo on Monday."},
                       headers=auth).status_code == 201
    assert client.get("/api/events").status_code == 200  # the write let go of the reads' connection
    opens = app.state.reader.opens
    for _ in range(5):
        assert client.get("/api/events", params={"limit": 5}).json()["total"] >= 1
        assert client.get("/").status_code == 200
    assert app.state.reader.opens == opens == 2  # one connection for all those reads
    # another process writes while the server sits idle on its open connection: the writer
    # leaves its marker, the server lets go, and the writer's documents are then read
    article = tmp_path / "more.jsonl"
    article.write_text(json.dumps({"doc_id": "n1", "text": "Ana Ruiz met Tomas Berg in Lima on Friday.",
                                   "published": "2024-05-10"}) + "\n", encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "dateline", "ingest", str(article), "--db", str(db), "--quiet"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 60
    time.sleep(app.state.reader.YIELD_S + 0.1)
    docs = {e["doc_id"] for e in client.get("/api/events", params={"limit": 50}).json()["items"]}
    assert "n1" in docs
    assert app.state.reader.opens == opens + 1
    # a write of this process is read back at once
    assert client.post("/api/documents", json={"text": "Lea Dahl met Omar Vik in Bergen on Sunday."},
                       headers=auth).status_code == 201
    assert len({e["doc_key"] for e in client.get("/api/events", params={"limit": 50}).json()["items"]}) == 3


def test_what_reads_learn_about_reviews_lasts_until_the_next_write(tmp_path):
    db = tmp_path / "reviews.duckdb"
    app, client, auth, _ = new_store_app(db)
    assert client.post("/api/documents", json={"text": "Vera Holm met Ivo Sand in Oslo on Monday."},
                       headers=auth).status_code == 201
    mention = client.get("/api/events").json()["items"][0]
    assert mention["reviews"] == []
    reader = app.state.reader
    assert reader._known == (reader.opens, False, False)  # learnt once, for this opening
    body = {"mention_id": mention["mention_id"], "action": "correct", "changes": {"status": "planned"}}
    assert client.post("/api/reviews", json=body, headers=auth).status_code == 201
    after = client.get("/api/events").json()["items"][0]  # the write reopened the reads' connection
    assert after["status"] == "planned" and after["reviews"][-1]["action"] == "correct"
    assert reader._known == (reader.opens, True, True)


def test_rows_read_once_are_kept_for_the_opening_and_a_write_renews_them(tmp_path):
    db = tmp_path / "rows.duckdb"
    app, client, auth, _ = new_store_app(db)
    assert client.post("/api/documents", json={"text": "Vera Holm met Ivo Sand in Oslo on Monday."},
                       headers=auth).status_code == 201
    client.cookies.set("dateline_session", "x")  # made anew each time, not the response cache's answer
    first = client.get("/api/events").json()["items"]
    reader = app.state.reader
    opening, kept = reader._rows
    assert opening == reader.opens and {m for _, m in kept} == {e["mention_id"] for e in first}
    # what a caller does to a row it was given does not change the row kept
    with reader.read() as store:
        rows = store.events()
        rows[0]["actors"].append("Someone Else")
    with reader.read() as store:
        assert "Someone Else" not in store.events()[0]["actors"]
    # a write lets the connection go; the next opening reads its rows anew
    assert client.post("/api/documents", json={"text": "Lea Dahl met Omar Vik in Bergen on Sunday."},
                       headers=auth).status_code == 201
    after = client.get("/api/events").json()["items"]
    assert len(after) > len(first)
    assert reader._rows[0] == reader.opens > opening
    assert {m for _, m in reader._rows[1]} == {e["mention_id"] for e in after}


def test_actor_pages_read_their_parts_together(tmp_path):
    db = tmp_path / "actor.duckdb"
    app, client, auth, _ = new_store_app(db)
    text = "Maria Lopez met Pedro Alvarez in Lima on Monday."
    assert client.post("/api/documents", json={"text": text, "published": "2024-05-09"},
                       headers=auth).status_code == 201
    data = client.get("/api/actors/Maria Lopez").json()
    assert [c["counterpart"] for c in data["counterparts"]] == ["Pedro Alvarez"]
    assert [e["type"] for e in data["timeline"]] == ["CONSULT"]
    client.cookies.set("dateline_session", "x")  # made anew, not the kept answer
    page = client.get("/actors/Maria Lopez")
    assert page.status_code == 200 and "Pedro Alvarez" in page.text and 'id="actor-map"' in page.text


def test_an_actors_counterparts_kept_for_the_generation_follow_a_write(tmp_path):
    db = tmp_path / "kept-actor.duckdb"
    app, client, auth, _ = new_store_app(db)
    assert client.post("/api/documents", json={"text": "Maria Lopez met Pedro Alvarez in Lima on Monday.",
                                               "published": "2024-05-09"}, headers=auth).status_code == 201
    client.cookies.set("dateline_session", "x")  # made anew, not the response cache's answer
    for _ in range(2):  # read, then kept
        assert [c["counterpart"] for c in client.get("/api/actors/Maria Lopez").json()["counterparts"]] \
            == ["Pedro Alvarez"]
    assert client.post("/api/documents", json={"text": "Maria Lopez met Carla Mendes in Quito on Tuesday.",
                                               "published": "2024-05-09"}, headers=auth).status_code == 201
    now = [c["counterpart"] for c in client.get("/api/actors/Maria Lopez").json()["counterparts"]]
    assert sorted(now) == ["Carla Mendes", "Pedro Alvarez"]


def test_chart_tables_are_escaped_row_by_row():
    from dateline.web import table_rows

    html = table_rows([{"place": "<b>Oslo</b>", "period": "2024-05-06", "lat": None}], "place", "period:month", "lat")
    assert str(html) == "<tr><td>&lt;b&gt;Oslo&lt;/b&gt;</td><td>2024-05</td><td></td></tr>"


def test_a_summarys_chart_tables_are_made_once_and_escaped():
    from dateline.web import chart_tables

    summary = {"weeks": [{"week": "2024-05-06", "type": "CONSULT", "events": 3}],
               "places": [{"place": "<i>Oslo</i>", "country": "NOR", "precision": "city", "lat": 59.9, "lon": 10.7,
                           "events": 3}]}
    tables = chart_tables(summary)
    assert tables["period"] == "week" and tables["counts"] == 1
    assert str(tables["weeks"]) == "<tr><td>2024-05-06</td><td>CONSULT</td><td>3</td></tr>"
    assert "&lt;i&gt;Oslo&lt;/i&gt;" in str(tables["places"]) and "<i>" not in str(tables["places"])
    assert chart_tables(summary) is tables  # kept with the (cached) summary, not made again


def test_kept_answers_are_never_stale_and_never_a_sessions(tmp_path):
    import re
    import subprocess
    import sys

    from dateline.web.cache import ResponseCache

    db = tmp_path / "kept.duckdb"
    app, client, auth, token = new_store_app(db)
    client.post("/api/documents", json={"text": "Vera Holm met Ivo Sand in Oslo on Monday."}, headers=auth)
    cache = next(m for m in app.user_middleware if m.cls is ResponseCache)
    assert cache  # the middleware is installed
    first = client.get("/api/events").json()["total"]  # reopens the connection the write let go
    assert client.get("/api/events").json()["total"] == first  # made and kept
    assert client.get("/api/events").json()["total"] == first  # the kept answer
    kept = app.middleware_stack
    while not isinstance(kept, ResponseCache):
        kept = kept.app
    assert kept.hits >= 1  # the second answer was the kept one
    # a write of this process: the next answer is new
    client.post("/api/documents", json={"text": "Lea Dahl met Omar Vik in Bergen on Sunday."}, headers=auth)
    assert client.get("/api/events").json()["total"] > first
    # a write of another process: the next answer is new too
    article = tmp_path / "more.txt"
    article.write_text("Ana Ruiz met Tomas Berg in Lima on Friday.", encoding="utf-8")
    now = client.get("/api/events").json()["total"]
    done = subprocess.run([sys.executable, "-m", "dateline", "ingest", str(article), "--db", str(db), "--quiet"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert client.get("/api/events").json()["total"] > now
    # a signed-in page is its session's own: never kept, never served from what another saw
    other = TestClient(app)
    pages = []
    for c in (client, other):
        c.post("/signin", data={"token": token}, follow_redirects=False)
        pages.append(re.search(r'name="csrf" value="([^"]+)"', c.get("/").text).group(1))
    assert pages[0] != pages[1]
    assert pages[1] == re.search(r'name="csrf" value="([^"]+)"', other.get("/").text).group(1)


def test_api_answers_while_an_ingest_writes(tmp_path, dev_docs):
    import json
    import subprocess
    import sys
    import time

    from dateline.web import create_app

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"doc_id": d["doc_id"], "text": d["text"], "published": d["published"]}) + "\n"
                              for d in dev_docs), encoding="utf-8")
    db = tmp_path / "busy.duckdb"
    assert subprocess.run([sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db), "--quiet",
                           "--batch-size", "1000"], capture_output=True).returncode == 0  # a first batch
    client = TestClient(create_app(db))
    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps({"doc_id": f"{d['doc_id']}-b", "text": d["text"] + "\n(Second copy.)",
                                        "published": d["published"]}) + "\n" for d in dev_docs), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "dateline", "ingest", str(more), "--db", str(db), "--quiet",
                             "--batch-size", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    statuses = []
    while proc.poll() is None:
        statuses.append(client.get("/api/events", params={"limit": 5}).status_code)
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read()
    assert statuses and set(statuses) == {200}


def test_fuzzed_parameters_and_bodies_never_give_a_500(served):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    client, token, _ = served
    value = st.one_of(st.text(max_size=60), st.integers(-10**12, 10**12).map(str),
                      st.sampled_from(["'; drop table mentions; --", "%", "_", "\\", "\x00", "2021-13-45", "-1"]))
    params = st.dictionaries(st.sampled_from(["q", "actor", "type", "status", "since", "until", "place", "limit",
                                              "offset", "unrealised"]), value, max_size=5)
    paths = st.sampled_from(["/api/events", "/api/plans", "/", "/plans", "/api/events/{}", "/api/clusters/{}",
                             "/api/actors/{}", "/api/documents/{}", "/actors/{}", "/clusters/{}"])

    @settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(paths, params, value)
    def reads(path, query, piece):
        from urllib.parse import quote

        res = client.get(path.format(quote(piece, safe="") or "x"), params=query)
        assert res.status_code < 500, (path, query, res.text[:200])

    @settings(max_examples=80 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.one_of(st.binary(max_size=300), st.dictionaries(st.text(max_size=10), value, max_size=4).map(
        lambda d: __import__("json").dumps(d).encode())), st.sampled_from(["/api/reviews", "/api/documents"]))
    def writes(body, path):
        res = client.post(path, content=body, headers={"Authorization": f"Bearer {token}",
                                                       "Content-Type": "application/json"})
        assert res.status_code < 500, (path, body[:80], res.text[:200])

    reads()
    writes()
