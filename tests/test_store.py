"""The event record on real DuckDB files, through the installed CLI."""

import csv
import datetime as dt
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import SCALE, SHARED_EVAL, dev_path, running_server, tally

DATELINE = [sys.executable, "-m", "dateline"]


def run(args, timeout=300, **kw):
    return subprocess.run(DATELINE + args, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, **kw)


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory):
    dev = dev_path()
    db = tmp_path_factory.mktemp("store") / "dev.duckdb"
    res = run(["ingest", str(dev), "--db", str(db)])
    assert res.returncode == 0, res.stderr
    assert "26 new documents" in res.stderr
    return db


def jsonl(res):
    assert res.returncode == 0, res.stderr
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def test_ingest_is_idempotent(dev_db):
    before = duckdb.connect(str(dev_db), read_only=True).execute(
        "select (select count(*) from documents), (select count(*) from mentions), (select count(*) from participants)").fetchone()
    res = run(["ingest", str(SHARED_EVAL / "dev.jsonl"), "--db", str(dev_db)])
    assert res.returncode == 0, res.stderr
    assert "0 new documents, 26 already stored" in res.stderr and "unchanged" in res.stderr
    after = duckdb.connect(str(dev_db), read_only=True).execute(
        "select (select count(*) from documents), (select count(*) from mentions), (select count(*) from participants)").fetchone()
    assert before == after and before[0] == 26


def test_events_filters_and_clusters(dev_db):
    rows = jsonl(run(["events", "--db", str(dev_db), "--actor", "Putin", "--type", "CONSULT", "--since", "2022-04",
                      "--until", "2022-04", "--format", "jsonl"]))
    kremlin = [r for r in rows if r["date_value"] == "2022-04-26"]
    # The Guterres-Putin meeting is reported by three articles: one cluster.
    assert {r["doc_id"] for r in kremlin} >= {"d001", "d002", "d003"}
    assert len({r["cluster_id"] for r in kremlin}) == 1
    cluster = jsonl(run(["events", "--db", str(dev_db), "--cluster", kremlin[0]["cluster_id"], "--format", "jsonl"]))
    assert {r["doc_id"] for r in cluster} == {r["doc_id"] for r in kremlin}
    assert all(r["status"] == "occurred" and r["type"] == "CONSULT" for r in rows)
    bad = run(["events", "--db", str(dev_db), "--type", "MEETING"])
    assert bad.returncode == 2 and "--type must be one of" in bad.stderr


def test_plans_unrealised_for_the_icrc_and_putin(dev_db):
    plans = jsonl(run(["plans", "--db", str(dev_db), "--format", "jsonl"]))
    unrealised = jsonl(run(["plans", "--unrealised", "--db", str(dev_db), "--format", "jsonl"]))
    # The ICRC president's planned meeting with Putin: no article reports it happening.
    icrc = [p for p in unrealised if "Vladimir Putin" in (p["recipients"] or []) + (p["actors"] or [])
            and "Mirjana Spoljaric Egger" in (p["actors"] or []) + (p["recipients"] or [])]
    assert icrc and icrc[0]["happened_on"] is None
    assert len(unrealised) <= len(plans)
    assert all(p["happened_on"] is None for p in unrealised)


def test_actors_counts_counterparts(dev_db):
    rows = jsonl(run(["actors", "Putin", "--db", str(dev_db), "--format", "jsonl"]))
    met = {(r["counterpart"], r["type"], r["as_role"]): r for r in rows}
    # d001 and d003: "Guterres and Putin met" (both actors); d002: Guterres met Putin.
    guterres = met[("Antonio Guterres", "CONSULT", "actor")]
    assert guterres["reports"] >= 2 and guterres["events"] == 1
    assert guterres["first"] == "2022-04-26"
    assert met[("Antonio Guterres", "CONSULT", "recipient")]["reports"] == 1
    assert ("Francesco Rocca", "CONSULT", "recipient") in met
    icrc = jsonl(run(["actors", "ICRC", "--db", str(dev_db), "--format", "jsonl"]))
    assert icrc and all(r["counterpart"] != "International Committee of the Red Cross" for r in icrc)


def test_exports(dev_db, tmp_path):
    plover = tmp_path / "events.jsonl"
    res = run(["export", "--format", "plover-json", "-o", str(plover), "--db", str(dev_db)])
    assert res.returncode == 0, res.stderr
    records = [json.loads(line) for line in plover.read_text().splitlines()]
    planned_meetings = [r for r in records if r["dateline_type"] == "CONSULT" and r["dateline_status"] == "planned"]
    assert planned_meetings and all(r["event_type"] == "AGREE" for r in planned_meetings)
    assert all(r["negated"] == (r["dateline_status"] == "negated") for r in records)
    out_csv = tmp_path / "events.csv"
    assert run(["export", "--format", "csv", "-o", str(out_csv), "--db", str(dev_db)]).returncode == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    n_mentions = duckdb.connect(str(dev_db), read_only=True).execute("select count(*) from mentions").fetchone()[0]
    assert len(rows) == n_mentions and rows[0]["cluster_id"]
    out_pq = tmp_path / "events.parquet"
    assert run(["export", "--format", "parquet", "-o", str(out_pq), "--db", str(dev_db)]).returncode == 0
    assert duckdb.connect().execute(f"select count(*) from read_parquet('{out_pq}')").fetchone()[0] == n_mentions


def test_sql_is_read_only(dev_db):
    res = run(["sql", "select count(*) as n from documents", "--db", str(dev_db), "--format", "csv"])
    assert res.returncode == 0 and res.stdout.splitlines() == ["n", "26"]
    digest = hashlib.sha256(dev_db.read_bytes()).hexdigest()
    for statement in ("delete from documents", "drop table mentions", "select * from read_csv('/etc/passwd')"):
        res = run(["sql", statement, "--db", str(dev_db)])
        assert res.returncode == 1 and "SQL error" in res.stderr and "Traceback" not in res.stderr
    assert hashlib.sha256(dev_db.read_bytes()).hexdigest() == digest


@pytest.mark.hardening
def test_foreign_and_corrupt_files_are_refused_untouched(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database\n" * 100)
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("create table accounts (id int)")
    con.close()
    impostor = tmp_path / "impostor.duckdb"  # a table of the store's meta name, not its shape
    con = duckdb.connect(str(impostor))
    con.execute("create table dateline_meta (id int)")
    con.close()
    for path in (junk, other, impostor):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        res = run(["ingest", str(SHARED_EVAL / "dev.jsonl"), "--db", str(path)])
        tally(FAULTS, faults=1, refused=int(res.returncode == 2))
        assert res.returncode == 2 and "Traceback" not in res.stderr, res.stderr
        assert "dateline store" in res.stderr
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    missing = run(["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.returncode == 2 and "no store" in missing.stderr


FAULTS = "faults: kill -9, full disk, read-only, corrupt"


def _corpus(tmp_path, copies):
    dev = dev_path()
    rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(copies):
            for r in rows:
                out.write(json.dumps({**r, "doc_id": f"{r['doc_id']}-{n}", "text": r["text"] + f"\n\n(Copy {n}.)",
                                      "events": None}) + "\n")
    return path


def counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select (select count(*) from documents), (select count(*) from mentions), "
                           "(select count(*) from participants), (select count(distinct doc_key) from documents)").fetchone()
    finally:
        con.close()


@pytest.fixture(scope="module")
def clean_ingest(tmp_path_factory):
    """A corpus of 104 documents and the store an uninterrupted ingest makes of it."""
    tmp = tmp_path_factory.mktemp("clean")
    corpus = _corpus(tmp, copies=4)
    clean = tmp / "clean.duckdb"
    assert run(["ingest", str(corpus), "--db", str(clean), "--quiet"]).returncode == 0
    return corpus, clean


@pytest.mark.hardening
@pytest.mark.parametrize("round_", range(max(2, 2 * SCALE)))  # 20 kill points at stress scale
def test_kill_9_mid_ingest_loses_nothing_committed(tmp_path, clean_ingest, round_):
    """kill -9 after a random number of committed documents, the last batch included (then
    the relink is what the kill interrupts); the next run stores the rest and links all."""
    import random

    corpus, clean = clean_ingest
    target = random.Random(round_).randint(1, 104) if round_ else 104
    crashed = tmp_path / "crashed.duckdb"
    proc = subprocess.Popen(DATELINE + ["ingest", str(corpus), "--db", str(crashed), "--batch-size", "4", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    # Wait until at least one batch is committed, then kill -9. The ingest holds the
    # file only while it writes a batch, so we can look in between.
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            con = duckdb.connect(str(crashed), read_only=True)
            stored = con.execute("select count(*) from documents").fetchone()[0]
            con.close()
        except duckdb.Error:
            stored = 0  # locked (a batch is being written) or not created yet
        if stored >= target:
            break
        time.sleep(0.02)
    workers = children_of(proc.pid)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    tally(FAULTS, faults=int(proc.returncode == -signal.SIGKILL))
    # its extraction workers do not outlive it (a forked worker would wait for work forever)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() and not zombie(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and not zombie(w)]
    partial = counts(crashed)
    assert 0 < partial[0] <= 104
    assert unlinked(crashed) == 0  # every stored mention has a cluster
    res = run(["ingest", str(corpus), "--db", str(crashed)])
    assert res.returncode == 0, res.stderr
    assert f"{104 - partial[0]} new documents, {partial[0]} already stored" in res.stderr
    final, expected = counts(crashed), counts(clean)
    tally(FAULTS, lost=max(0, expected[1] - final[1]))
    assert final == expected
    assert clusters_of(crashed) == clusters_of(clean)


def children_of(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def unlinked(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from mentions where cluster_id is null").fetchone()[0]
    finally:
        con.close()


def clusters_of(db) -> set[frozenset[str]]:
    """The partition of mentions into events (ids of mentions are stable across stores)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select list(mention_id) from mentions group by cluster_id").fetchall()
    finally:
        con.close()
    return {frozenset(r[0]) for r in rows}


def owed(db) -> bool:
    from dateline.store import open_store

    with open_store(db, read_only=True) as store:
        return store.relink_owed()


@pytest.mark.hardening
@pytest.mark.parametrize("finisher", ["ingest", "reprocess", "serve"])
def test_a_run_killed_between_its_last_batch_and_its_relink_is_linked_by_the_next(tmp_path, nlp, finisher):
    """Batches committed, their linking not done: what a reprocess killed before its relink
    leaves (and an ingest of an older version did); ingest batches are now linked as they are
    stored, so a killed ingest leaves a linked store (test_kill_9_mid_ingest_loses_nothing)."""
    from dateline.pipeline import extract_documents
    from dateline.store import open_store

    corpus = _corpus(tmp_path, copies=2)
    clean = tmp_path / "clean.duckdb"
    assert run(["ingest", str(corpus), "--db", str(clean), "--quiet"]).returncode == 0
    crashed = tmp_path / "crashed.duckdb"
    from dateline.ingest import read_inputs

    docs = list(read_inputs([str(corpus)]))
    for start in range(0, len(docs), 16):  # the batches commit; the process "dies" before relink
        with open_store(crashed) as store:
            store.add(list(extract_documents(docs[start:start + 16], nlp)), link=False)
    tally(FAULTS, faults=1)
    assert owed(crashed) and unlinked(crashed) == 0
    if finisher == "serve":
        with running_server(crashed, "--quiet"):
            pass  # started: it finished the owed relink before answering
    else:
        res = run([finisher, str(corpus), "--db", str(crashed)] if finisher == "ingest"
                  else [finisher, "--only-older", "--db", str(crashed)])
        assert res.returncode == 0, res.stderr
        if finisher == "ingest":
            assert "nothing new; finished the linking an interrupted run left undone" in res.stderr
    assert not owed(crashed)
    assert clusters_of(crashed) == clusters_of(clean)
    tally(FAULTS, lost=int(clusters_of(crashed) != clusters_of(clean)))


def test_reprocess_replaces_old_extractions(tmp_path):
    dev = dev_path()
    db = tmp_path / "re.duckdb"
    assert run(["ingest", str(dev), "--db", str(db), "--quiet"]).returncode == 0
    fresh = counts(db)
    con = duckdb.connect(str(db))
    # Pretend three documents were extracted by an old version that got everything wrong.
    keys = [r[0] for r in con.execute("select doc_key from documents order by doc_key limit 3").fetchall()]
    con.execute("update documents set extractor_version = '0.0.1' where doc_key in (select unnest(?::varchar[]))", [keys])
    con.execute("update mentions set type = 'PROTEST' where doc_key in (select unnest(?::varchar[]))", [keys])
    con.close()
    res = run(["reprocess", "--only-older", "--db", str(db)])
    assert res.returncode == 0, res.stderr
    assert "reprocessed 3 documents" in res.stderr
    assert counts(db) == fresh
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from mentions where type = 'PROTEST' and doc_key in "
                       "(select unnest(?::varchar[]))", [keys]).fetchone()[0] == 0
    assert con.execute("select count(*) from mentions where cluster_id is null").fetchone()[0] == 0


@pytest.mark.hardening
def test_readers_work_while_an_ingest_runs(tmp_path):
    from dateline.store import open_store

    corpus = _corpus(tmp_path, copies=2)
    db = tmp_path / "shared.duckdb"
    proc = subprocess.Popen(DATELINE + ["ingest", str(corpus), "--db", str(db), "--batch-size", "4", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = []
    deadline = time.monotonic() + 180
    while proc.poll() is None and time.monotonic() < deadline:
        if db.exists():
            with open_store(db, read_only=True, timeout=30) as store:  # waits out a batch's write
                seen.append(store.counts()["documents"])
                no_cluster = store.con.execute("select count(*) from mentions where cluster_id is null").fetchone()[0]
                assert no_cluster == 0, "a reader saw mentions without a cluster"
        time.sleep(0.2)
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    assert seen and seen == sorted(seen), seen  # the reader saw the record grow, batch by batch
    assert len(set(seen)) > 1
    with open_store(db, read_only=True) as store:
        assert store.counts()["documents"] == 52


@pytest.mark.hardening
def test_reprocess_keeps_reviews_on_their_events(tmp_path):
    from dateline.store import Store

    dev = dev_path()
    db = tmp_path / "rev.duckdb"
    assert run(["ingest", str(dev), "--db", str(db), "--quiet"]).returncode == 0
    with Store(db) as store:
        target = store.events(actor="Putin", type="CONSULT", limit=1)[0]
        store.add_review(target["mention_id"], "analyst", "correct", {"status": "planned"}, "checked by hand")
        # An older extractor numbered mentions differently: the ids no longer line up.
        for table in ("participants", "reviews", "mentions"):
            store.con.execute(f"UPDATE {table} SET mention_id = mention_id || '-old'")
        store.con.execute("UPDATE documents SET extractor_version = '0.0.1'")
    res = run(["reprocess", "--only-older", "--db", str(db)])
    assert res.returncode == 0, res.stderr
    with Store(db, read_only=True) as store:
        reviews = store.con.execute("select mention_id, note from reviews").fetchall()
        assert reviews == [(target["mention_id"], "checked by hand")]
        again = store.events(mention_id=target["mention_id"])[0]
        assert again["evidence_start"] == target["evidence_start"] and again["type"] == target["type"]


@pytest.mark.hardening
def test_backup_and_restore_round_trip(dev_db, tmp_path):
    from dateline.store import Store

    with Store(dev_db) as store:
        mid = store.events(limit=1)[0]["mention_id"]
        store.add_review(mid, "analyst", "reject", {}, "duplicate report")
    backup_dir = tmp_path / "backup"
    res = run(["backup", str(backup_dir), "--db", str(dev_db)])
    assert res.returncode == 0, res.stderr
    restored = tmp_path / "restored.duckdb"
    res = run(["restore", str(backup_dir), "--db", str(restored)])
    assert res.returncode == 0, res.stderr

    def content(path):
        con = duckdb.connect(str(path), read_only=True)
        try:
            return [con.execute(f"select * from {t} order by all").fetchall()
                    for t in ("documents", "mentions", "participants", "reviews", "tokens", "dateline_meta")]
        finally:
            con.close()

    assert content(restored) == content(dev_db)
    again = run(["restore", str(backup_dir), "--db", str(restored)])
    assert again.returncode == 2 and "exists" in again.stderr


@pytest.mark.hardening
def test_a_long_sql_query_is_stopped_and_a_waiting_writer_says_what_holds_the_store(dev_db):
    from dateline.store import StoreBusy, open_store

    slow = "select sum(a.range * b.range) from range(300000) a, range(300000) b"
    started = time.monotonic()
    res = run(["sql", slow, "--db", str(dev_db), "--timeout", "1"])
    assert res.returncode == 1 and "ran for 1 s and was stopped" in res.stderr
    assert time.monotonic() - started < 20
    holder = subprocess.Popen(DATELINE + ["sql", slow, "--db", str(dev_db), "--timeout", "8"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        time.sleep(3)  # the query is running and holds the file
        with pytest.raises(StoreBusy) as busy:
            open_store(dev_db, timeout=1)
        assert f"process {holder.pid} (dateline sql select sum" in str(busy.value)
    finally:
        holder.wait(timeout=60)
    tally(FAULTS, inputs=2, refused=2)
    with open_store(dev_db, timeout=30) as store:  # free again once the query was stopped
        assert store.counts()["documents"] > 0


def test_aggregate_export_loads_and_its_counts_equal_a_group_by(dev_db, tmp_path):
    import pandas as pd

    out = tmp_path / "dyads.parquet"
    # the machine's reading: other tests of this module review some of these mentions
    res = run(["aggregate", "--db", str(dev_db), "--by", "month", "--machine", "-f", "parquet", "-o", str(out)])
    assert res.returncode == 0, res.stderr
    got = duckdb.sql(f"SELECT * FROM read_parquet('{out}')").fetchall()
    frame = pd.read_parquet(out)
    assert len(frame) == len(got) > 10 and list(frame.columns) == [
        "period", "actor_country", "recipient_country", "type", "mentions", "events"]
    con = duckdb.connect(str(dev_db), read_only=True)
    try:  # the same counts straight from the tables
        expected = con.execute("""
            WITH ac AS (SELECT DISTINCT mention_id, country FROM participants WHERE role = 'actor' AND country IS NOT NULL),
                 rc AS (SELECT DISTINCT mention_id, country FROM participants WHERE role = 'recipient' AND country IS NOT NULL),
                 m AS (SELECT m.mention_id, m.cluster_id, m.type,
                              date_trunc('month', coalesce(m.date_start, d.published))::DATE AS period
                       FROM mentions m JOIN documents d USING (doc_key))
            SELECT period, a.country, r.country, m.type, count(DISTINCT m.mention_id), count(DISTINCT m.cluster_id)
            FROM m LEFT JOIN ac a USING (mention_id) LEFT JOIN rc r USING (mention_id)
            GROUP BY ALL""").fetchall()
    finally:
        con.close()
    key = lambda r: tuple("" if v is None else str(v) for v in r)  # noqa: E731
    assert sorted(got, key=key) == sorted(expected, key=key)
    assert int(frame["mentions"].sum()) >= duckdb.connect(str(dev_db), read_only=True).execute(
        "SELECT count(*) FROM mentions").fetchone()[0]  # every mention counts at least once
    as_csv = run(["aggregate", "--db", str(dev_db), "--by", "week", "--type", "CONSULT", "--country", "RUS"])
    rows = list(csv.DictReader(as_csv.stdout.splitlines()))
    assert rows and {r["type"] for r in rows} == {"CONSULT"}
    assert any("RUS" in (r["actor_country"], r["recipient_country"]) for r in rows)
    assert all(d.isoweekday() == 1 for d in (dt.date.fromisoformat(r["period"]) for r in rows if r["period"]))
    assert run(["aggregate", "--db", str(dev_db), "--by", "year"]).returncode == 2


def generated_corpus(n: int) -> list[dict]:
    """The benchmarks' generated news corpus (benchmarks/corpus.py)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("generated_corpus", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module.corpus(n, seed=11)


@pytest.mark.parametrize("source", ["dev files", "generated"])
def test_batches_linked_as_stored_give_the_clusters_of_a_full_relink(tmp_path, nlp, source):
    from dateline.ingest import Problem, read_inputs
    from dateline.model import Document
    from dateline.pipeline import extract_documents
    from dateline.store import Store

    if source == "dev files":
        paths = [str(SHARED_EVAL / f"{name}.jsonl") for name in ("dev", "dev2", "dev3")]
        docs = [d for d in read_inputs(paths) if not isinstance(d, Problem)]
    else:
        docs = [Document(doc_id=d["doc_id"], text=d["text"], title=d["title"],
                         published=dt.date.fromisoformat(d["published"])) for d in generated_corpus(300)]
    results = list(extract_documents(docs, nlp))
    with Store(tmp_path / "s.duckdb") as store:
        for i in range(0, len(results), 7):
            store.add(results[i:i + 7])
        assert not store.relink_owed()
        linked = dict(store.con.execute("SELECT mention_id, cluster_id FROM mentions").fetchall())
        store.relink()
        full = dict(store.con.execute("SELECT mention_id, cluster_id FROM mentions").fetchall())
    assert linked == full
    assert len(set(full.values())) < len(full)  # reports of one event were joined, not all left alone


def test_an_owed_relink_is_not_skipped_by_linking_new_batches(tmp_path, nlp):
    from dateline.ingest import Problem, read_inputs
    from dateline.pipeline import extract_documents
    from dateline.store import Store

    docs = [d for d in read_inputs([str(dev_path())]) if not isinstance(d, Problem)]
    results = list(extract_documents(docs, nlp))
    with Store(tmp_path / "s.duckdb") as store:
        store.add(results[:10], link=False)  # as an interrupted run leaves it
        assert store.relink_owed()
        store.add(results[10:])
        assert store.relink_owed()  # not linked against clusters that were never made
        store.relink()
        full = dict(store.con.execute("SELECT mention_id, cluster_id FROM mentions").fetchall())
    with Store(tmp_path / "t.duckdb") as fresh:
        fresh.add(results)
        assert dict(fresh.con.execute("SELECT mention_id, cluster_id FROM mentions").fetchall()) == full
