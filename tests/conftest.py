import contextlib
import json
import os
import signal
from pathlib import Path

import pytest

SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

# The hardening suites run here at CI size; scripts/stress.py runs them SCALE times larger and
# collects what they tally into the table of docs/reliability.md.
SCALE = max(1, int(os.environ.get("DATELINE_STRESS_SCALE", "1")))
STRESS_REPORT = os.environ.get("DATELINE_STRESS_REPORT")


def dev_path() -> Path:
    """The dev set beside the repo; tests that need it are skipped without it."""
    path = SHARED_EVAL / "dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/dev.jsonl is not beside the repo")
    return path


def read_rows(db, *queries: str) -> list[list[tuple]]:
    """Each query's rows from a store file, through a read-only connection closed at once."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return [con.execute(q).fetchall() for q in queries]
    finally:
        con.close()


def tally(suite: str, **counts: int) -> None:
    """Count inputs tried, crashes, hangs, faults injected, records lost and requests refused."""
    if STRESS_REPORT:
        with open(STRESS_REPORT, "a", encoding="utf-8") as out:
            out.write(json.dumps({"suite": suite, **counts}) + "\n")


class Hang(Exception):
    """An input took longer than its time limit."""


def attempt(suite: str, fn, limit: float = 20.0):
    """Run one generated input with a hard time limit (SIGALRM), tallying a crash or a hang."""
    def expire(signum, frame):
        raise Hang(f"no result within {limit} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        result = fn()
    except Hang:
        tally(suite, inputs=1, hangs=1)
        raise
    except Exception:
        tally(suite, inputs=1, crashes=1)
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    tally(suite, inputs=1)
    return result


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp import build

    return build()


@pytest.fixture(scope="session")
def extract(nlp):
    """Events of one text, as gold-shaped dicts."""
    from dateline.model import Document
    from dateline.pipeline import extract_documents

    def run(text, published=None, **meta):
        import datetime as dt

        pub = dt.date.fromisoformat(published) if published else None
        result = next(extract_documents([Document.from_text(text, published=pub, **meta)], nlp))
        return [e.to_dict() for e in result.events]

    return run


@pytest.fixture(scope="session")
def dev_docs():
    path = dev_path()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def names(parts):
    return sorted(p["name"] for p in parts)


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory, nlp):
    """A store built from the dev set (extracted, stored, linked) and a write token for it."""
    from dateline.ingest import Problem, read_inputs
    from dateline.pipeline import extract_documents
    from dateline.store import Store

    dev = dev_path()
    db = tmp_path_factory.mktemp("devstore") / "dev.duckdb"
    docs = [d for d in read_inputs([str(dev)]) if not isinstance(d, Problem)]
    with Store(db) as store:
        store.add(list(extract_documents(docs, nlp)))
        store.relink()
        token = store.create_token("analyst")
        revoked = store.create_token("former")
        store.revoke_token("former")
    return db, token, revoked


def free_port() -> int:
    """A TCP port on loopback nobody listens on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(db, *options: str):
    """A real `dateline serve` on the store ``db`` (loopback, a free port), stopped on exit;
    yields (process, base URL) once /healthz answers."""
    import subprocess
    import sys
    import time
    import urllib.request

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port),
                             *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    proc.kill()
                    pytest.fail("dateline serve did not start: " + proc.stderr.read().decode(errors="replace"))
                time.sleep(0.2)
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)
