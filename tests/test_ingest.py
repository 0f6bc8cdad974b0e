import datetime as dt
import json

from dateline.ingest import Problem, read_bytes, read_inputs
from dateline.ingest.html import document_from_html

HTML = """<!doctype html><html><head><title>Envoy visits Yemen | Example News</title>
<meta property="article:published_time" content="2023-04-14T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<article><h1>Envoy visits Yemen</h1>
<p>The United Nations envoy arrived in Aden on Friday for talks with the government about the release of detainees.
The visit follows months of negotiations between the parties in Switzerland.</p>
<p>The envoy is expected to meet officials of the Houthis next week, a spokesperson said in a statement to reporters.</p>
</article><footer>Copyright Example News. Subscribe to our newsletter.</footer></body></html>"""


def test_html_main_text_and_date():
    doc = document_from_html(HTML, source="page.html")
    assert doc is not None
    assert "arrived in Aden on Friday" in doc.text
    assert "Subscribe to our newsletter" not in doc.text
    assert "Log in" not in doc.text
    assert doc.published == dt.date(2023, 4, 14)


def test_jsonl_malformed_line_is_reported_and_others_processed():
    data = b'{"doc_id": "a", "text": "One text."}\n{not json}\n{"doc_id": "b", "text": "Two."}\n'
    items = list(read_bytes(data, "x.jsonl"))
    docs = [i for i in items if not isinstance(i, Problem)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert len(problems) == 1 and problems[0].where == "x.jsonl:2"


def test_csv_with_metadata_columns():
    data = b"doc_id,title,published,text\nx1,T,2021-12-06,\"Rocca met Putin, officials said.\"\n"
    docs = list(read_bytes(data, "in.csv"))
    assert docs[0].doc_id == "x1" and docs[0].published == dt.date(2021, 12, 6)


def test_csv_without_text_column_is_reported():
    items = list(read_bytes(b"a,b\n1,2\n", "bad.csv"))
    assert all(isinstance(i, Problem) for i in items)


def test_dateline_beats_metadata():
    row = {"doc_id": "d", "published": "2021-12-07", "text": "Moscow/Geneva, 6 December 2021 – News."}
    doc = next(read_bytes(json.dumps(row).encode(), "x.jsonl"))
    assert doc.published == dt.date(2021, 12, 6)


def test_a_caption_date_anchors_a_text_without_metadata_or_dateline():
    text = ("Ministers sign grain accord\n\nThe foreign ministers of Peru and Chile shake hands after signing the grain "
            "accord at the palace in Lima, May 16, 2025.\n\n"
            "The ministers of Peru and Chile signed the accord on Friday.")
    row = {"doc_id": "d", "text": text}
    assert next(read_bytes(json.dumps(row).encode(), "x.jsonl")).published == dt.date(2025, 5, 16)
    # metadata wins over the caption; a text with no full date stays undated
    row["published"] = "2025-05-20"
    assert next(read_bytes(json.dumps(row).encode(), "x.jsonl")).published == dt.date(2025, 5, 20)
    row = {"doc_id": "e", "text": "Ministers met on Friday in Lima, officials said."}
    assert next(read_bytes(json.dumps(row).encode(), "x.jsonl")).published is None


def test_bad_encoding_is_decoded_with_warning():
    items = list(read_bytes("Réunion à Genève, rencontre prévue.".encode("latin-1"), "f.txt"))
    warnings = [i for i in items if isinstance(i, Problem)]
    docs = [i for i in items if not isinstance(i, Problem)]
    assert warnings and not warnings[0].skipped
    assert docs and "Gen" in docs[0].text


def test_empty_and_oversized_inputs_are_skipped(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "big.txt").write_text("word " * 5000)
    (tmp_path / "ok.txt").write_text("Antonio Guterres met Vladimir Putin.")
    items = list(read_inputs([str(tmp_path)], max_bytes=10_000))
    docs = [i for i in items if not isinstance(i, Problem)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.text for d in docs] == ["Antonio Guterres met Vladimir Putin."]
    assert {p.where.split("/")[-1] for p in problems} == {"empty.txt", "big.txt"}


def test_same_text_same_id():
    a = list(read_bytes(b"Same text.\r\n", "a.txt"))[0]
    b = list(read_bytes(b"Same text.\n", "b.txt"))[0]
    assert a.doc_id == b.doc_id
