"""Records that are valid JSON but not what a reader expects: a non-string text, a lone
surrogate, a publication date at the edge of the calendar. Each one is reported and skipped
(or read with a warning); the good records around it are all stored and linked."""

import datetime as dt
import json
import subprocess
import sys

import duckdb
import pytest

from conftest import SCALE, tally

DATELINE = [sys.executable, "-m", "dateline"]
SUITE = "ingest: records of the wrong type or range"
pytestmark = pytest.mark.hardening

GOOD = ("The foreign minister of Norway, Ola Brenn, met the president of Chile in Santiago on Monday, "
        "the ministry said. Report number {n}.")
BAD_TEXTS = [12345, True, 1.5, ["a", "list"], {"an": "object"}]


def ingest(args, timeout=600):
    return subprocess.run(DATELINE + ["ingest", *args, "--quiet"], capture_output=True, text=True, timeout=timeout)


def stored(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = con.execute("select count(*) from documents").fetchone()[0]
        unlinked = con.execute("select count(*) from mentions where cluster_id is null").fetchone()[0]
        mentions = con.execute("select count(*) from mentions").fetchone()[0]
        return docs, mentions, unlinked
    finally:
        con.close()


def test_non_string_text_is_skipped_and_every_good_record_stored(tmp_path):
    good = 60 * SCALE
    path = tmp_path / "mixed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(good):
            out.write(json.dumps({"doc_id": f"g{n}", "text": GOOD.format(n=n)}) + "\n")
            if n % 12 == 0:
                out.write(json.dumps({"doc_id": f"b{n}", "text": BAD_TEXTS[(n // 12) % len(BAD_TEXTS)]}) + "\n")
    db = tmp_path / "s.duckdb"
    res = ingest([str(path), "--db", str(db)])
    bad = (good + 11) // 12
    tally(SUITE, inputs=good + bad, refused=bad, crashes=int(res.returncode not in (0, 1)))
    assert "Traceback" not in res.stderr, res.stderr
    assert res.returncode == 1, res.stderr  # 1: some records were skipped (documented)
    assert "'text' is a number, not a string; skipped" in res.stderr
    assert "'text' is a list, not a string; skipped" in res.stderr
    docs, mentions, unlinked = stored(db)
    tally(SUITE, lost=good - docs)
    assert docs == good and mentions >= good and unlinked == 0


def test_non_string_text_in_extract_is_a_warning(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": {"nested": 1}}) + "\n" + json.dumps({"text": GOOD.format(n=1)}) + "\n",
                    encoding="utf-8")
    res = subprocess.run(DATELINE + ["extract", str(path), "--format", "jsonl"], capture_output=True, text=True,
                         timeout=300)
    tally(SUITE, inputs=2, refused=1, crashes=int(res.returncode not in (0, 1)))
    assert res.returncode == 1 and "Traceback" not in res.stderr, res.stderr
    assert "'text' is an object, not a string; skipped" in res.stderr
    assert len(res.stdout.strip().splitlines()) == 1


def test_lone_surrogate_mid_file_loses_nothing_and_a_rerun_is_clean(tmp_path):
    good = 40 * SCALE
    path = tmp_path / "surrogate.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(good):
            if n == good // 2:  # json.dumps writes the escape "\ud800", as a hostile feed would
                out.write('{"doc_id": "s", "title": "t\\udc00", "text": "A lone \\ud800 surrogate. ' + GOOD.format(n=-1) + '"}\n')
            out.write(json.dumps({"doc_id": f"g{n}", "text": GOOD.format(n=n)}) + "\n")
    db = tmp_path / "s.duckdb"
    first = ingest([str(path), "--db", str(db)])
    second = ingest([str(path), "--db", str(db)])
    tally(SUITE, inputs=good + 1, crashes=int(first.returncode != 0) + int(second.returncode != 0))
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    docs, _, unlinked = stored(db)
    tally(SUITE, lost=good + 1 - docs)
    assert docs == good + 1 and unlinked == 0
    con = duckdb.connect(str(db), read_only=True)
    text, title = con.execute("select text, title from documents where doc_id = 's'").fetchone()
    con.close()
    assert "A lone \ufffd surrogate" in text and title == "t\ufffd"


def test_content_id_of_a_lone_surrogate():
    from dateline.model import Document, content_id

    assert content_id("a\ud800b") == content_id("a\ufffdb")
    doc = Document.from_text("x\udfffy", title="\ud800")
    assert doc.text == "x\ufffdy" and doc.title == "\ufffd"


def test_publication_dates_outside_the_calendar_are_ignored_with_a_warning(tmp_path):
    path = tmp_path / "edge.jsonl"
    rows = [
        {"doc_id": "early", "published": "0001-01-02",
         "text": "The Chilean president met Norway's foreign minister last week, officials said."},
        {"doc_id": "late1", "published": "9999-12-30",
         "text": "The Chilean president will meet Norway's foreign minister next week in Oslo."},
        {"doc_id": "late2", "published": "9999-12-30",
         "text": "Norway's foreign minister will visit the Chilean president next month in Santiago."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    res = ingest([str(path), "--db", str(db)])
    assert res.returncode == 0, res.stderr
    assert "publication date 0001-01-02 is outside 1900-01-01.." in res.stderr
    assert "publication date 9999-12-30 is outside" in res.stderr
    # the store is not poisoned: a later ingest works and everything is linked
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"doc_id": "next", "published": "2024-05-02", "text": GOOD.format(n=7)}) + "\n",
                     encoding="utf-8")
    again = ingest([str(later), "--db", str(db)])
    tally(SUITE, inputs=4, crashes=int(res.returncode != 0) + int(again.returncode != 0))
    assert again.returncode == 0, again.stderr
    docs, _, unlinked = stored(db)
    tally(SUITE, lost=4 - docs)
    assert docs == 4 and unlinked == 0
    con = duckdb.connect(str(db), read_only=True)
    published = dict(con.execute("select doc_id, published from documents").fetchall())
    con.close()
    assert published["early"] is None and published["late1"] is None
    assert published["next"] == dt.date(2024, 5, 2)


def test_published_flag_outside_the_range_is_a_clear_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD.format(n=1), encoding="utf-8")
    res = subprocess.run(DATELINE + ["extract", str(path), "--published", "9999-12-30"], capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 2 and "--published must lie between 1900-01-01 and" in res.stderr


def test_date_arithmetic_at_the_ends_of_the_calendar_is_total():
    from dateline.link import LinkItem, add_days
    from dateline.resolve.time import resolve_time

    for day in (dt.date(1, 1, 2), dt.date(9999, 12, 30)):
        for words in ("last week", "next week", "next month", "next year", "on Friday", "tomorrow",
                      "three days ago", "the weekend", "by the end of the year"):
            for future in (True, False):
                resolve_time(words, day, future=future)  # raised OverflowError before
    assert resolve_time("next week", dt.date(9999, 12, 30), future=True) is None
    assert resolve_time("last week", dt.date(1, 1, 2)) is None
    assert add_days(dt.date(9999, 12, 30), 400) == dt.date.max
    assert add_days(dt.date(1, 1, 2), -400) == dt.date.min
    item = LinkItem("k", "d", "CONSULT", "planned", frozenset({"c:chile"}), None, None, dt.date(9999, 12, 30))
    lo, hi = item.window
    assert lo <= hi == dt.date.max


def test_utf16_with_a_bom_is_decoded_and_binary_is_skipped(tmp_path):
    import gzip
    import os
    import random

    from dateline.ingest import Problem, read_inputs

    text = "GENEVA, 3 May 2024 – The Swiss foreign minister met Kenya's president in Nairobi on Monday."
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16"))  # little-endian with a BOM
    (tmp_path / "be.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    rng = random.Random(7)
    noise = 60 * SCALE
    for n in range(noise):
        (tmp_path / f"noise{n}").write_bytes(rng.randbytes(rng.choice([20, 24, 40, 1000, 30_000])))
    items = list(read_inputs([str(tmp_path)]))
    docs = [i for i in items if not isinstance(i, Problem)]
    problems = [i for i in items if isinstance(i, Problem) and i.skipped]
    tally(SUITE, inputs=noise + 3, refused=len(problems))
    assert sorted(os.path.basename(d.source) for d in docs) == ["be.txt", "le.txt"]
    assert all(d.text.startswith("GENEVA, 3 May 2024") for d in docs)
    assert len(problems) == noise + 1 and all("binary" in p.message for p in problems)
