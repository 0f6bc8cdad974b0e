"""The Spark job in local[2] gives the single-machine path's events and clusters, field for field."""

import os
import shutil

import pytest

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    if os.environ.get("CI"):
        raise RuntimeError("CI must provide Java 17 for the Spark tests (see .ci/run)")
    pytest.skip("no Java: Spark cannot run here", allow_module_level=True)
pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    from dateline.spark import session

    s = session("local[2]", app="dateline-test")
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def test_spark_extract_and_link_equal_the_local_path(spark, tmp_path, dev_docs, nlp):
    import duckdb

    from conftest import SHARED_EVAL
    from dateline.ingest import Problem, read_inputs
    from dateline.link import link_results
    from dateline.pipeline import extract_documents
    from dateline.spark import extract, link

    out, clusters = str(tmp_path / "events.parquet"), str(tmp_path / "clusters.parquet")
    assert extract(spark, str(SHARED_EVAL / "dev.jsonl"), out, partitions=2) == len(dev_docs)
    link(spark, out, clusters)

    docs = [d for d in read_inputs([str(SHARED_EVAL / "dev.jsonl")]) if not isinstance(d, Problem)]
    local = link_results(list(extract_documents(docs, nlp)))
    con = duckdb.connect()
    rows = {r[0]: r for r in con.execute(
        f"select doc_id, published, events from read_parquet('{out}/*.parquet')").fetchall()}
    for result in local:
        doc_id, published, events = rows[result.document.doc_id]
        assert published == (result.document.published.isoformat() if result.document.published else None)
        ours = [e.to_dict() for e in result.events]
        assert len(events) == len(ours), doc_id
        for mine, theirs in zip(ours, events, strict=True):
            for field in ("type", "mode", "status", "location", "evidence", "evidence_start", "evidence_end",
                          "trigger", "actors", "recipients", "geo"):
                assert mine[field] == theirs[field], (doc_id, field)
            assert mine["date"] == theirs["date"], doc_id
    spark_clusters = dict(con.execute(f"select key, cluster_id from read_parquet('{clusters}/*.parquet')").fetchall())
    local_clusters = {f"{r.document.doc_id}#{i}": e.cluster for r in local for i, e in enumerate(r.events)}
    assert spark_clusters == local_clusters


def test_spark_output_loads_into_the_store(spark, tmp_path, dev_docs):
    import subprocess
    import sys

    import duckdb

    from conftest import SHARED_EVAL
    from dateline.spark import extract

    out = str(tmp_path / "events.parquet")
    extract(spark, str(SHARED_EVAL / "dev.jsonl"), out)
    db = tmp_path / "from_spark.duckdb"
    res = subprocess.run([sys.executable, "-m", "dateline", "ingest", out, "--db", str(db)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert f"{len(dev_docs)} new documents" in res.stderr
    con = duckdb.connect(str(db), read_only=True)
    n_mentions, n_null = con.execute("select count(*), count(*) filter (where cluster_id is null) from mentions").fetchone()
    n_spark = duckdb.connect().execute(f"select sum(len(events)) from read_parquet('{out}/*.parquet')").fetchone()[0]
    assert n_mentions == n_spark and n_null == 0
