"""Faults: a full disk while ingesting, kill -9 during review writes. Nothing committed is lost,
the store opens afterwards, and the error is one clear line."""

import os
import resource
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import SHARED_EVAL

DATELINE = [sys.executable, "-m", "dateline"]


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
    assert res.returncode != 0
    assert "Traceback" not in res.stderr and res.stderr.strip().startswith("dateline:"), res.stderr
    after = counts(db)  # the store still opens
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


def test_kill_9_during_review_writes_keeps_every_acknowledged_review(dev_store, tmp_path):
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
    while time.monotonic() < deadline and acked < 20:
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
    assert all(f"review {n}" in notes for n in range(acked + 1))  # every acknowledged write survived
    assert total >= before + acked + 1
