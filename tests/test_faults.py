"""Faults: a full disk while ingesting, kill -9 during review writes. Nothing committed is lost,
the store opens afterwards, and the error is one clear line."""

import os
import random
import resource
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import SCALE, SHARED_EVAL, tally

DATELINE = [sys.executable, "-m", "dateline"]
FAULTS = "faults: kill -9, full disk, read-only, corrupt"
pytestmark = pytest.mark.hardening


def counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select (select count(*) from documents), (select count(*) from mentions)").fetchone()
    finally:
        con.close()


def test_full_disk_is_a_clear_error_and_loses_nothing_committed(tmp_path, dev_docs):
    import json

    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for n in range(40):
            for d in dev_docs:
                out.write(json.dumps({"doc_id": f"{d['doc_id']}-{n}", "text": d["text"] + f"\n(Copy {n}.)"}) + "\n")
    db = tmp_path / "full.duckdb"
    first = subprocess.run(DATELINE + ["ingest", str(SHARED_EVAL / "dev.jsonl"), "--db", str(db), "--quiet"],
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before = counts(db)
    limit = db.stat().st_size + 60_000  # the WAL outgrows it before 1,040 more documents

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    res = subprocess.run(DATELINE + ["ingest", str(corpus), "--db", str(db), "--batch-size", "8", "--quiet"],
                         capture_output=True, text=True, timeout=600, preexec_fn=small_disk)
    tally(FAULTS, faults=1)
    assert res.returncode != 0
    assert "Traceback" not in res.stderr and res.stderr.strip().startswith("dateline:"), res.stderr
    after = counts(db)  # the store still opens
    tally(FAULTS, lost=max(0, before[1] - after[1]))
    assert after[0] >= before[0] and after[1] >= before[1]
    done = subprocess.run(DATELINE + ["ingest", str(corpus), "--db", str(db), "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert counts(db)[0] == before[0] + 40 * len(dev_docs)


WRITER = """
import sys
from dateline.store import Store
db, mid = sys.argv[1], sys.argv[2]
for n in range(100000):
    with Store(db) as store:
        store.add_review(mid, "analyst", "confirm", {}, f"review {n}")
    print(n, flush=True)
"""


@pytest.mark.parametrize("round_", range(SCALE))  # each round kills at a different point
def test_kill_9_during_review_writes_keeps_every_acknowledged_review(dev_store, tmp_path, round_):
    import shutil

    db = tmp_path / "reviews.duckdb"
    shutil.copy(dev_store[0], db)
    con = duckdb.connect(str(db), read_only=True)
    mid = con.execute("select mention_id from mentions limit 1").fetchone()[0]
    before = con.execute("select count(*) from reviews").fetchone()[0]
    con.close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), mid], stdout=subprocess.PIPE, text=True)
    acked = -1
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and acked < 20 + 7 * round_:
        line = proc.stdout.readline()
        if line.strip().isdigit():
            acked = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    if acked < 20:
        pytest.fail("the writer did not get going")
    con = duckdb.connect(str(db), read_only=True)
    notes = {r[0] for r in con.execute("select note from reviews where reviewer = 'analyst' and action = 'confirm'")
             .fetchall()}
    total = con.execute("select count(*) from reviews").fetchone()[0]
    con.close()
    tally(FAULTS, faults=1, lost=sum(f"review {n}" not in notes for n in range(acked + 1)))
    assert all(f"review {n}" in notes for n in range(acked + 1))  # every acknowledged write survived
    assert total >= before + acked + 1


def _mention_sets(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select doc_key, type, status, evidence_start, trigger from mentions").fetchall()
        reviews = con.execute("select r.review_id, r.mention_id, m.mention_id is not null from reviews r "
                              "left join mentions m using (mention_id)").fetchall()
        versions = dict(con.execute("select extractor_version, count(*) from documents group by 1").fetchall())
    finally:
        con.close()
    return sorted(rows, key=str), reviews, versions


@pytest.mark.parametrize("round_", range(max(2, 2 * SCALE)))  # 20 kill points at stress scale
def test_kill_9_during_reprocess_keeps_every_document_whole_and_every_review(dev_store, tmp_path, round_):
    import shutil

    from dateline.store import Store

    db = tmp_path / "reprocess.duckdb"
    shutil.copy(dev_store[0], db)
    # The baseline from the same code the subprocesses run (the fixture's store was extracted in-process).
    assert subprocess.run(DATELINE + ["reprocess", "--db", str(db), "--quiet"], timeout=300).returncode == 0
    with Store(db) as store:
        mids = [r[0] for r in store.con.execute("select mention_id from mentions order by mention_id limit 12").fetchall()]
        for n, mid in enumerate(mids):
            store.add_review(mid, "analyst", "confirm", {}, f"checked {n}")
        store.con.execute("update documents set extractor_version = 'old'")
    before, reviews_before, _ = _mention_sets(db)
    events_before = _events(db)
    total = sum(1 for _ in before) and counts(db)[0]
    target = random.Random(round_).randint(2, total - 2)  # some batches done, some not
    proc = subprocess.Popen(DATELINE + ["reprocess", "--only-older", "--batch-size", "2", "--db", str(db), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    redone, deadline = 0, time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:  # kill after some batches, before the last
        try:
            con = duckdb.connect(str(db), read_only=True)
            redone = con.execute("select count(*) from documents where extractor_version <> 'old'").fetchone()[0]
            con.close()
        except duckdb.Error:
            pass  # a batch is being written
        if redone >= target:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the reprocess finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    tally(FAULTS, faults=1)
    after, reviews_after, versions = _mention_sets(db)  # the store opens
    assert 0 < versions.get("old", 0) < total  # killed in the middle
    # Same extractor: every document has exactly its complete set of mentions, none doubled.
    lost = len(set(map(str, reviews_before)) - {str(r) for r in reviews_after if r[2]})
    tally(FAULTS, lost=lost + abs(len(after) - len(before)))
    assert after == before
    assert len(reviews_after) == len(reviews_before) and all(r[2] for r in reviews_after)
    assert None not in {m for group in _events(db) for m in group}  # no mention without a cluster
    res = subprocess.run(DATELINE + ["reprocess", "--only-older", "--db", str(db)], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert f"reprocessed {versions['old']} documents" in res.stderr  # only the rest
    final, reviews_final, versions = _mention_sets(db)
    assert final == before and "old" not in versions
    assert _events(db) == events_before  # linked as before the kill
    assert sorted(r[0] for r in reviews_final) == sorted(r[0] for r in reviews_before) and all(r[2] for r in reviews_final)


def _events(db) -> set[frozenset]:
    """The partition of mention ids into events; a mention without a cluster shows as None."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select cluster_id, list(mention_id) from mentions group by cluster_id").fetchall()
    finally:
        con.close()
    return {frozenset(ids) if cid is not None else frozenset([None]) for cid, ids in rows}


def _make_read_only(path):
    """A store file nobody may write. root ignores permission bits, so as root mark it immutable."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return lambda: path.chmod(0o644)
    res = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if res.returncode != 0:
        pytest.skip(f"cannot make a file read-only as root here (chattr: {res.stderr.decode().strip()})")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def test_read_only_store_is_a_clear_error_and_stays_readable(dev_store, tmp_path):
    import hashlib
    import shutil

    from fastapi.testclient import TestClient

    from dateline.web import create_app

    db = tmp_path / "locked.duckdb"
    shutil.copy(dev_store[0], db)
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    undo = _make_read_only(db)
    try:
        tally(FAULTS, faults=1)
        for args in (["ingest", str(SHARED_EVAL / "dev.jsonl")], ["reprocess"], ["token", "create", "someone"]):
            res = subprocess.run(DATELINE + args + ["--db", str(db)], capture_output=True, text=True, timeout=300)
            assert res.returncode == 2 and "Traceback" not in res.stderr, res.stderr
            assert "cannot be written" in res.stderr and "still work" in res.stderr, res.stderr
        listed = subprocess.run(DATELINE + ["events", "--db", str(db), "--format", "jsonl", "--limit", "3"],
                                capture_output=True, text=True, timeout=120)
        assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3, listed.stderr
        client = TestClient(create_app(db))
        assert client.get("/api/events").status_code == 200
        mid = client.get("/api/events").json()["items"][0]["mention_id"]
        res = client.post("/api/reviews", json={"mention_id": mid, "action": "confirm"},
                          headers={"Authorization": f"Bearer {dev_store[1]}"})
        assert res.status_code == 503 and "cannot be written" in res.json()["error"]
        tally(FAULTS, refused=1)
    finally:
        undo()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
