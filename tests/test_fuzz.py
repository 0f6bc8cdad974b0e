"""Bad input, generated: every reader and the extractor end each input as processed or as a
reported, skipped document; never a crash or a hang (a time limit per example)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SCALE, attempt
from dateline.ingest import Problem, read_bytes
from dateline.model import Document

SUITE = "readers and extraction (fuzzed)"
pytestmark = pytest.mark.hardening
FAST = settings(max_examples=40 * SCALE, deadline=dt.timedelta(seconds=5),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
NASTY = st.sampled_from(["\u202e", "\u200b", "\u0301", "\U0001f600", "\x00", "\ufeff", "\r", "\u2028", "<", "&", '"'])
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=30).map("".join)


def drain(data: bytes, where: str, fmt: str = "auto", max_bytes: int = 100_000):
    out = attempt(SUITE, lambda: list(read_bytes(data, where, fmt, max_bytes=max_bytes, published=None)))
    assert all(isinstance(x, Document | Problem) for x in out)
    return out


def extracted(docs, nlp):
    from dateline.pipeline import extract_documents

    return attempt(SUITE, lambda: list(extract_documents(docs, nlp)))


@FAST
@given(st.binary(max_size=4000), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.csv", "-"]))
def test_random_bytes_never_crash_a_reader(data, where):
    drain(data, where)


@FAST
@given(TEXT)
def test_random_unicode_is_read_and_extracted(nlp, text):
    docs = [d for d in drain(text.encode("utf-8", "surrogatepass"), "x.txt", "text") if isinstance(d, Document)]
    for result in extracted(docs, nlp):
        for e in result.events:
            assert 0 <= e.evidence.start <= e.evidence.end <= len(result.document.text)


@FAST
@given(st.lists(st.one_of(st.just('{"text": "Guterres met Putin on Tuesday.", "published": "2022-02-31"}'),
                          st.just('{"text": '), st.just("[1, 2"), st.just('{"doc_id": 5}'), TEXT), max_size=12))
def test_jsonl_with_broken_lines_keeps_the_good_ones(lines):
    out = drain("\n".join(lines).encode("utf-8", "surrogatepass"), "batch.jsonl", "jsonl")
    good = sum(1 for line in lines if line.startswith('{"text": "Guterres'))
    assert sum(isinstance(x, Document) for x in out) >= good


@FAST
@given(st.lists(st.lists(TEXT, max_size=5), max_size=8))
def test_csv_with_wrong_columns_is_reported_not_fatal(rows):
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf).writerows([["title", "body"], *rows])
    drain(buf.getvalue().encode("utf-8", "surrogatepass"), "x.csv", "csv")


def test_deeply_nested_html_and_a_long_single_line(nlp):
    nested = ("<div>" * 2000 + "Vladimir Putin received Antonio Guterres in Sochi on Tuesday." + "</div>" * 2000).encode()
    drain(nested, "deep.html")
    line = ("Antonio Guterres met Vladimir Putin. " * 2500).encode()  # ~90 KB, one line
    docs = [d for d in drain(line, "long.txt") if isinstance(d, Document)]
    assert docs and extracted(docs, nlp)


@pytest.mark.parametrize("text", ["", "   \n\t ", "31 February 2022", "...!!!???", "a" * 10_000])
def test_degenerate_texts(nlp, text):
    for d in drain(text.encode(), "x.txt", "text"):
        if isinstance(d, Document):
            assert extracted([d], nlp)


def test_a_100_mb_single_line_is_skipped_and_the_rest_goes_through(tmp_path):
    """Over the size cap, a document is reported and skipped without being read whole; the
    other files of the run are processed."""
    import subprocess
    import sys

    big = tmp_path / "huge.txt"
    with big.open("wb") as out:
        chunk = b"Antonio Guterres met Vladimir Putin. " * 28_000  # ~1 MB, no newline
        for _ in range(100):
            out.write(chunk)
    small = tmp_path / "small.txt"
    small.write_text("Antonio Guterres met Vladimir Putin in Moscow on 26 April 2022.", encoding="utf-8")
    res = attempt(SUITE, lambda: subprocess.run([sys.executable, "-m", "dateline", "extract", str(big), str(small)],
                                                capture_output=True, text=True, timeout=120), limit=120)
    assert res.returncode == 1 and "Traceback" not in res.stderr, res.stderr
    assert "huge.txt" in res.stderr and "Guterres" in res.stdout and "huge" not in res.stdout
