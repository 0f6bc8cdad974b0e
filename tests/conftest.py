import json
from pathlib import Path

import pytest

SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


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
    path = SHARED_EVAL / "dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/dev.jsonl is not beside the repo")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def names(parts):
    return sorted(p["name"] for p in parts)


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory, nlp):
    """A store built from the dev set (extracted, stored, linked) and a write token for it."""
    from dateline.ingest import Problem, read_inputs
    from dateline.pipeline import extract_documents
    from dateline.store import Store

    dev = SHARED_EVAL / "dev.jsonl"
    if not dev.exists():
        pytest.skip("../shared/eval/dev.jsonl is not beside the repo")
    db = tmp_path_factory.mktemp("devstore") / "dev.duckdb"
    docs = [d for d in read_inputs([str(dev)]) if not isinstance(d, Problem)]
    with Store(db) as store:
        store.add(list(extract_documents(docs, nlp)))
        store.relink()
        token = store.create_token("analyst")
        revoked = store.create_token("former")
        store.revoke_token("former")
    return db, token, revoked
