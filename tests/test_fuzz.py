"""Bad input, generated: every reader and the extractor end each input as processed or as a
reported, skipped document; never a crash or a hang (a time limit per example)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest import Problem, read_bytes
from dateline.model import Document

FAST = settings(max_examples=40, deadline=dt.timedelta(seconds=5),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
NASTY = st.sampled_from(["\u202e", "\u200b", "\u0301", "\U0001f600", "\x00", "\ufeff", "\r", "\u2028", "<", "&", '"'])
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=30).map("".join)


def drain(data: bytes, where: str, fmt: str = "auto"):
    out = list(read_bytes(data, where, fmt, max_bytes=100_000, published=None))
    assert all(isinstance(x, Document | Problem) for x in out)
    return out


@FAST
@given(st.binary(max_size=4000), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.csv", "-"]))
def test_random_bytes_never_crash_a_reader(data, where):
    drain(data, where)


@FAST
@given(TEXT)
def test_random_unicode_is_read_and_extracted(nlp, text):
    from dateline.pipeline import extract_documents

    docs = [d for d in drain(text.encode("utf-8", "surrogatepass"), "x.txt", "text") if isinstance(d, Document)]
    for result in extract_documents(docs, nlp):
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
    from dateline.pipeline import extract_documents

    nested = ("<div>" * 2000 + "Antonio Guterres met Vladimir Putin in Moscow on Tuesday." + "</div>" * 2000).encode()
    drain(nested, "deep.html")
    line = ("Antonio Guterres met Vladimir Putin. " * 2500).encode()  # ~90 KB, one line
    docs = [d for d in drain(line, "long.txt") if isinstance(d, Document)]
    assert docs and list(extract_documents(docs, nlp))


@pytest.mark.parametrize("text", ["", "   \n\t ", "31 February 2022", "...!!!???", "a" * 10_000])
def test_degenerate_texts(nlp, text):
    from dateline.pipeline import extract_documents

    for d in drain(text.encode(), "x.txt", "text"):
        if isinstance(d, Document):
            assert list(extract_documents([d], nlp))
