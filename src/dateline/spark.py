"""The same pipeline on Apache Spark, for corpora that outgrow one machine.

    dateline spark extract INPUT --out events.parquet [--master local[4]]
    dateline spark link events.parquet --out clusters.parquet
    spark-submit --master yarn ... -m dateline.spark extract INPUT --out OUT   (see README)

**Extract**: documents (JSON Lines, CSV or Parquet with a ``text`` column and
optional ``doc_id``, ``title``, ``published``, ``source``) are processed with
``mapInPandas``: each Python worker builds the spaCy pipeline once
(``dateline.nlp.build`` is cached per process) and runs the very same
``dateline.pipeline.extract_documents`` as ``dateline extract``.

**Output schema** (one row per document, the shape of ``extract --format
jsonl``): ``doc_id``, ``doc_key`` (hash of the normalised text), ``title``,
``published`` (ISO date), ``source``, ``text``, and ``events``: a list of
structs with ``seq``, ``type``, ``mode``, ``status``, ``date``, ``location``,
``evidence``, ``evidence_start``, ``evidence_end``, ``trigger``, ``actors`` and
``recipients`` (lists of ``name``/``kind``/``affiliation``/``country``/``sector`` structs),
and ``geo`` (the place: ``lat``, ``lon``, ``country``, ``admin1``, ``geonameid``, ``precision``).
``dateline ingest events.parquet`` loads it into a DuckDB store.

**Link**: the blocking keys, the time window, ``compatible`` and the cluster id
of ``dateline.link`` expressed in Spark: explode mentions into (type,
participant key) blocks, self-join within a block and the time window, test
each pair with ``compatible`` in ``mapInPandas``, then connected components by
iterated min-label propagation. Gives the same clusters as the local linker.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path

PARTICIPANT = "struct<name:string,kind:string,affiliation:string,country:string,sector:string>"
GEO = "struct<lat:double,lon:double,country:string,admin1:string,geonameid:bigint,precision:string>"
EVENT = ("struct<seq:int,type:string,mode:string,status:string,date:string,location:string,"
         f"geo:{GEO},evidence:string,"
         f"evidence_start:int,evidence_end:int,trigger:string,actors:array<{PARTICIPANT}>,"
         f"recipients:array<{PARTICIPANT}>>")
DOCUMENT_SCHEMA = (f"doc_id string, doc_key string, title string, published string, source string, text string, "
                   f"events array<{EVENT}>")
LINK_ITEM_SCHEMA = ("key string, doc_id string, type string, status string, parts array<string>, "
                    "start date, end date, published date, location string")
CLUSTER_SCHEMA = "key string, doc_id string, seq int, cluster_id string"


def session(master: str | None = None, app: str = "dateline"):
    """A SparkSession whose Python workers run this interpreter (with dateline and the model)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app).config("spark.ui.enabled", "false") \
        .config("spark.sql.execution.arrow.pyspark.enabled", "true") \
        .config("spark.sql.session.timeZone", "UTC")
    if master:
        builder = builder.master(master)
        if master.startswith("local"):  # a few cores: a few shuffle partitions, not 200
            builder = builder.config("spark.sql.shuffle.partitions", "4")
    return builder.getOrCreate()


def read_documents(spark, path: str):
    """Documents as a DataFrame with the columns doc_id, text, title, published, source."""
    from pyspark.sql import functions as F

    low = path.lower().rstrip("/")
    if low.endswith(".parquet") or (Path(path).is_dir() and any(Path(path).glob("*.parquet"))):
        df = spark.read.parquet(path)
    elif low.endswith(".csv"):
        df = spark.read.option("header", True).option("multiLine", True).option("escape", '"').csv(path)
    else:
        df = spark.read.json(path)
    if "text" not in df.columns:
        raise ValueError(f"'{path}' has no 'text' column")
    cols = []
    for name in ("doc_id", "text", "title", "published", "source"):
        cols.append(F.col(name).cast("string").alias(name) if name in df.columns else F.lit(None).cast("string").alias(name))
    return df.select(*cols)


def _events(result) -> list[dict]:
    """The events as ``extract --format jsonl`` writes them, numbered (``seq``)."""
    return [{"seq": seq, **{k: v for k, v in e.to_dict().items() if k != "cluster"}}
            for seq, e in enumerate(result.events)]


def extract_partition(frames: Iterator) -> Iterator:
    """mapInPandas body: the local pipeline over one partition's documents."""
    import pandas as pd

    from dateline.ingest import finish
    from dateline.ingest.dates import parse_date
    from dateline.model import Document, content_id
    from dateline.nlp import build
    from dateline.pipeline import extract_documents

    nlp = build()  # cached: once per Python worker process
    for frame in frames:
        docs = []
        for row in frame.itertuples(index=False):
            text = row.text if isinstance(row.text, str) else ""
            if not text.strip():
                continue
            doc = Document.from_text(text, doc_id=row.doc_id or None, title=row.title or None,
                                     published=parse_date(row.published), source=row.source or None)
            docs.append(finish(doc, None))
        rows = []
        for result in extract_documents(docs, nlp):
            d = result.document
            rows.append({"doc_id": d.doc_id, "doc_key": content_id(d.text), "title": d.title,
                         "published": d.published.isoformat() if d.published else None, "source": d.source,
                         "text": d.text, "events": _events(result)})
        yield pd.DataFrame(rows, columns=["doc_id", "doc_key", "title", "published", "source", "text", "events"])


def extract(spark, input_path: str, output: str, partitions: int | None = None) -> int:
    docs = read_documents(spark, input_path)
    if partitions:
        docs = docs.repartition(partitions)
    out = docs.mapInPandas(extract_partition, DOCUMENT_SCHEMA)
    out.write.mode("overwrite").parquet(output)
    return spark.read.parquet(output).count()


# ---- linking ---------------------------------------------------------------------------
def link_items(spark, events_path: str):
    """One row per mention with what ``dateline.link`` compares (key = doc_id#seq, as locally)."""
    from pyspark.sql import functions as F

    docs = spark.read.parquet(events_path)
    mentions = docs.select("doc_id", "published", F.explode("events").alias("e"))

    def to_items(frames):
        import pandas as pd

        from dateline.link import date_bounds, participant_key
        from dateline.resolve.kb import fold

        for frame in frames:
            rows = []
            for row in frame.itertuples(index=False):
                e = row.e
                start, end = date_bounds(e["date"])
                parts = sorted({participant_key(p["name"], p["kind"] or "organization")
                                for p in _seq(e["actors"]) + _seq(e["recipients"])})
                rows.append({"key": f"{row.doc_id}#{e['seq']}", "doc_id": row.doc_id, "type": e["type"],
                             "status": e["status"], "parts": parts, "start": start, "end": end or start,
                             "published": dt.date.fromisoformat(row.published) if row.published else None,
                             "location": fold(e["location"]) if e["location"] else None})
            yield pd.DataFrame(rows, columns=["key", "doc_id", "type", "status", "parts", "start", "end",
                                              "published", "location"])

    return mentions.mapInPandas(to_items, LINK_ITEM_SCHEMA)


def _seq(value) -> list:
    """Arrow lists arrive as numpy arrays (or None)."""
    return [] if value is None else list(value)


def _compatible_pairs(frames):
    """mapInPandas body: keep the candidate pairs that ``dateline.link.compatible`` accepts."""
    import pandas as pd

    from dateline.link import LinkItem, compatible

    def item(row, side):
        g = lambda name: getattr(row, f"{side}_{name}")  # noqa: E731
        start = g("start")
        end = g("end")
        return LinkItem(key=g("key"), doc_id=g("doc_id"), type=g("type"), status=g("status"),
                        participants=frozenset(_seq(g("parts"))), start=start, end=end, published=g("published"),
                        location=g("location"))

    for frame in frames:
        keep = [(r.a_key, r.b_key) for r in frame.itertuples(index=False) if compatible(item(r, "a"), item(r, "b"))]
        yield pd.DataFrame(keep, columns=["src", "dst"])


def link(spark, events_path: str, output: str, max_iterations: int = 50) -> int:
    """Cluster the mentions of an extract output; writes (key, doc_id, seq, cluster_id)."""
    from pyspark.sql import functions as F

    from dateline.link import WINDOW_DAYS

    items = link_items(spark, events_path).cache()
    blocks = items.select("key", "type", F.explode("parts").alias("part"),
                          F.coalesce("start", "published").alias("anchor"))
    a, b = blocks.alias("a"), blocks.alias("b")
    near = (F.col("a.anchor").isNull() | F.col("b.anchor").isNull()
            | (F.abs(F.datediff(F.col("a.anchor"), F.col("b.anchor"))) <= WINDOW_DAYS))
    pairs = a.join(b, (F.col("a.type") == F.col("b.type")) & (F.col("a.part") == F.col("b.part"))
                   & (F.col("a.key") < F.col("b.key")) & near) \
        .select(F.col("a.key").alias("ka"), F.col("b.key").alias("kb")).distinct()
    cols = ["key", "doc_id", "type", "status", "parts", "start", "end", "published", "location"]
    ia = items.select(*[F.col(c).alias(f"a_{c}") for c in cols])
    ib = items.select(*[F.col(c).alias(f"b_{c}") for c in cols])
    scored = pairs.join(ia, F.col("ka") == F.col("a_key")).join(ib, F.col("kb") == F.col("b_key")).drop("ka", "kb")
    edges = scored.mapInPandas(_compatible_pairs, "src string, dst string").cache()
    both = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
    labels = items.select("key", F.col("key").alias("label"))
    for _ in range(max_iterations):  # connected components: every node takes its neighbourhood's smallest label
        spread = both.join(labels, both.src == labels.key).select(F.col("dst").alias("key"), "label")
        new = labels.union(spread).groupBy("key").agg(F.min("label").alias("label")).cache()
        changed = new.join(labels.withColumnRenamed("label", "old"), "key").where(F.col("label") != F.col("old")).count()
        labels = new
        if changed == 0:
            break

    @F.udf("string")
    def cluster_of(label):
        from dateline.link import cluster_id

        return cluster_id(label)

    result = items.join(labels, "key").select(
        "key", "doc_id", F.element_at(F.split("key", "#"), -1).cast("int").alias("seq"),
        cluster_of("label").alias("cluster_id"))
    result.write.mode("overwrite").parquet(output)
    return spark.read.parquet(output).select("cluster_id").distinct().count()


def main(argv: list[str] | None = None) -> int:
    """Entry point for spark-submit: ``-m dateline.spark extract|link IN --out OUT``."""
    import argparse

    ap = argparse.ArgumentParser(prog="dateline.spark", description="dateline on Spark")
    ap.add_argument("command", choices=["extract", "link"])
    ap.add_argument("input")
    ap.add_argument("--out", required=True)
    ap.add_argument("--master", default=None, help="e.g. local[4]; spark-submit sets it otherwise")
    ap.add_argument("--partitions", type=int, default=None)
    args = ap.parse_args(argv)
    spark = session(args.master)
    try:
        if args.command == "extract":
            n = extract(spark, args.input, args.out, args.partitions)
            print(f"dateline: {n} documents extracted to {args.out}", file=sys.stderr)
        else:
            n = link(spark, args.input, args.out)
            print(f"dateline: {n} events (clusters) written to {args.out}", file=sys.stderr)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
