"""End-to-end: the installed ``dateline`` command in a subprocess."""

import json
import os
import subprocess
import sys

import pytest

DATELINE = [sys.executable, "-m", "dateline"]


def run(args, stdin=None, timeout=120):
    return subprocess.run(DATELINE + args, input=stdin, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_extract_text_file_to_jsonl(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("GENEVA, 6 December 2021 – Francesco Rocca met Vladimir Putin on Sunday.\n")
    out = tmp_path / "out.jsonl"
    res = run(["extract", str(article), "--format", "jsonl", "-o", str(out), "--quiet"])
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["published"] == "2021-12-06"
    ev = rows[0]["events"][0]
    assert ev["type"] == "CONSULT" and ev["date"] == "2021-12-05"
    assert {"type", "mode", "status", "actors", "recipients", "date", "location", "evidence"} <= set(ev)


def test_stdin_csv_with_published_option():
    res = run(["extract", "-", "--format", "csv", "--published", "2022-04-27", "--quiet"],
              stdin="Vladimir Putin received Antonio Guterres in Sochi on Tuesday.\n")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.strip().splitlines()
    assert lines[0].startswith("doc_id,type,mode,status")
    assert "2022-04-26" in lines[1] and "Sochi" in lines[1]


def test_missing_file_is_a_one_line_error():
    res = run(["extract", "/no/such/file.txt"])
    assert res.returncode == 2
    assert res.stderr.strip() == "dateline: cannot read '/no/such/file.txt': no such file or directory"
    assert "Traceback" not in res.stderr


def test_empty_file_fails_cleanly(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = run(["extract", str(empty)])
    assert res.returncode == 1
    assert "empty input" in res.stderr and "Traceback" not in res.stderr


def test_malformed_jsonl_line_reported_rest_processed(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"doc_id": "ok", "text": "Antonio Guterres met Vladimir Putin."}\n{broken\n')
    res = run(["extract", str(src), "--format", "jsonl"])
    assert res.returncode == 1
    assert "in.jsonl:2" in res.stderr
    assert json.loads(res.stdout.splitlines()[0])["doc_id"] == "ok"


def test_oversized_document_skipped_others_processed(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "w") as fh:
        fh.write(("filler words " * 1000 + "\n") * 4000)  # about 50 MB
    ok = tmp_path / "ok.txt"
    ok.write_text("Antonio Guterres met Vladimir Putin.")
    res = run(["extract", str(big), str(ok), "--format", "jsonl"])
    assert res.returncode == 1
    assert "over the cap" in res.stderr
    assert len(res.stdout.strip().splitlines()) == 1


def test_undecodable_bytes_warn_and_continue(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Antonio Guterres met Vladimir Putin \xff\xfe\xfa in Moscow.")
    res = run(["extract", str(bad), "--format", "jsonl"])
    assert res.returncode == 0
    assert "not UTF-8" in res.stderr


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"]])
def test_help_explains(args):
    res = run(args)
    assert res.returncode == 0 and "Usage" in res.stdout


def test_demo_runs_on_bundled_examples():
    res = run(["demo", "--format", "jsonl"])
    assert res.returncode == 0, res.stderr
    docs = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(docs) >= 4
    types = {e["type"] for d in docs for e in d["events"]}
    assert {"CONSULT", "RETREAT", "AID"} <= types


def test_eval_lists_missed_and_wrong_fields(tmp_path):
    from conftest import SHARED_EVAL

    scorer = SHARED_EVAL / "score.py"
    if not scorer.exists():
        pytest.skip("../shared/eval/score.py is not beside the repo")
    text = ("GENEVA, 6 December 2021 – Francesco Rocca met Vladimir Putin on Sunday. "
            "Russia accused Ukraine of shelling a convoy.")
    gold = {"doc_id": "g1", "published": "2021-12-06", "text": text, "events": [
        {"type": "CONSULT", "status": "occurred", "actors": [{"name": "Francesco Rocca", "kind": "person"}],
         "recipients": [{"name": "Vladimir Putin", "kind": "person"}], "date": "2021-12-04",
         "location": None, "evidence": "Francesco Rocca met Vladimir Putin on Sunday."},
        {"type": "SANCTION", "status": "occurred", "actors": [{"name": "Russia", "kind": "country"}],
         "recipients": [], "date": None, "location": None, "evidence": "An event we do not extract."},
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    res = run(["eval", str(path), "--scorer", str(scorer)])
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "detection  P" in out
    missed = out.split("== missed")[1].split("==")[0]
    assert "SANCTION" in missed and "An event we do not extract." in missed
    # Sunday before 6 December 2021 is the 5th, so the gold's 4th shows as a date error.
    date_block = out.split("== date")[1].split("==")[0]
    assert "date=2021-12-04" in date_block and "date=2021-12-05" in date_block
    spurious = out.split("== spurious")[1]
    assert "ACCUSE" in spurious


def test_eval_without_scorer_is_a_clear_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "x", "text": "t", "events": []}\n')
    res = run(["eval", str(path)])
    assert res.returncode == 2
    assert "no scorer" in res.stderr and "Traceback" not in res.stderr


def test_two_processes_give_the_same_output_as_one(tmp_path, dev_docs):
    from conftest import SHARED_EVAL

    outs = []
    for n in ("1", "2"):
        out = tmp_path / f"p{n}.jsonl"
        res = run(["extract", str(SHARED_EVAL / "dev.jsonl"), "--format", "jsonl", "-o", str(out), "--quiet",
                   "--processes", n], timeout=600)
        assert res.returncode == 0, res.stderr
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and outs[0].count("\n") == len(dev_docs)


def test_one_worker_pool_serves_a_whole_run_and_small_inputs_start_none(monkeypatch, nlp):
    import concurrent.futures

    from dateline.model import Document
    from dateline.pipeline import extract_documents

    started = []
    real = concurrent.futures.ProcessPoolExecutor

    class Counting(real):
        def __init__(self, *args, **kwargs):
            started.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counting)
    texts = [f"Vera Holm met Ivo Sand in Oslo on Monday, report {n}." for n in range(100)]
    docs = (Document.from_text(t, doc_id=f"d{n}") for n, t in enumerate(texts))  # a stream, not a list
    results = list(extract_documents(docs, nlp, batch_size=8, n_process=2))
    assert [r.document.doc_id for r in results] == [f"d{n}" for n in range(100)]  # in order
    assert len(started) == 1  # 13 chunks, one pool
    few = list(extract_documents([Document.from_text(texts[0])], nlp, batch_size=8, n_process=2))
    assert len(few) == 1 and len(started) == 1  # no pool for an input of less than two chunks


def test_ingest_on_all_cores_stores_what_one_process_stores(tmp_path, dev_docs):
    import duckdb

    from conftest import SHARED_EVAL

    stores = []
    for args in (["-p", "1"], []):
        db = tmp_path / f"s{len(stores)}.duckdb"
        res = run(["ingest", str(SHARED_EVAL / "dev.jsonl"), "--db", str(db), "--batch-size", "8", "--quiet", *args],
                  timeout=600)
        assert res.returncode == 0, res.stderr
        con = duckdb.connect(str(db), read_only=True)
        stores.append((con.execute("select mention_id, type, status, date_value, location, cluster_id "
                                   "from mentions order by all").fetchall(),
                       con.execute("select * from participants order by all").fetchall()))
        con.close()
    assert stores[0] == stores[1] and len(stores[0][0]) > 100


def test_commands_that_read_no_html_do_not_import_the_html_extractor():
    import subprocess
    import sys

    code = "import sys, dateline.cli; print('trafilatura' in sys.modules, 'vl_convert' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.split() == ["False", "False"], out.stderr
