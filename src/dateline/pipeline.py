"""Documents in, extraction results out: the single-machine path.

The same ``extract_documents`` is what the Spark job calls per partition.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from dateline.model import Document, ExtractionResult
from dateline.nlp import build
from dateline.resolve.time import dateline_spans, find_dateline

# Editorial insertions ("ministers of Tajikistan [Sirodjiddin Muhriddin]") parse as the
# appositions they are when the model sees parentheses; it reads a bare "[" as a foreign
# symbol and breaks the sentence there. Same length, so every offset stays the same.
EDITORIAL_BRACKETS = str.maketrans("[]", "()")


def prepare(nlp: Language, document: Document):
    """A spaCy Doc for a Document, with its metadata as extension attributes.

    The model reads a lightly normalised copy of the text (``EDITORIAL_BRACKETS``);
    evidence is cut from the original, kept as ``doc._.source_text``."""
    doc = nlp.make_doc(document.text.translate(EDITORIAL_BRACKETS))
    doc._.source_text = document.text
    doc._.published = document.published
    doc._.doc_id = document.doc_id
    doc._.dateline_end = find_dateline(document.text)[1]
    doc._.dateline_spans = tuple(dateline_spans(document.text))
    return doc


def default_processes() -> int:
    """Worker processes by default: the cores this process may use (at most 8)."""
    import os

    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def extract_documents(documents: Iterable[Document], nlp: Language | None = None,
                      batch_size: int = 16, n_process: int = 1) -> Iterator[ExtractionResult]:
    """Extract the events of each document, in input order.

    With ``n_process`` > 1 the documents go in chunks to worker processes, each of
    which builds the pipeline once; results (plain dataclasses) come back in order.
    One pool serves the whole iterable, however long; an input of fewer than two
    chunks is extracted here, without starting workers.
    """
    if n_process > 1:
        from itertools import chain, islice

        documents = iter(documents)
        head = list(islice(documents, 2 * batch_size))
        if len(head) == 2 * batch_size:
            yield from _extract_parallel(chain(head, documents), batch_size, n_process, nlp)
            return
        documents = head
    nlp = nlp or build()
    longest = nlp.max_length

    def docs_with_context():
        for document in documents:
            if len(document.text) >= longest:
                nlp.max_length = len(document.text) + 1
            yield prepare(nlp, document), document

    for doc, document in nlp.pipe(docs_with_context(), as_tuples=True, batch_size=batch_size):
        yield ExtractionResult(document=document, events=tuple(doc._.events or ()))


def _watch_parent(parent: int, every: float = 0.5) -> None:
    """A worker's initializer: exit when the process that started the pool is gone. A forked
    worker holds both ends of the pool's task pipe, so a parent killed with -9 would leave it
    waiting for work forever."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="dateline-parent-watch", daemon=True).start()


# Read before forking workers: every lexicon, the knowledge base and the gazetteer it takes
WARM_UP_TEXT = ("GENEVA, 3 May 2024 - The Kenyan foreign minister met UN officials in Nairobi and Mombasa on Monday, "
                "and Chad pledged $5 million in aid to Sudan.")


def warm_up() -> None:
    """Build the pipeline and load what extraction loads on first use (the knowledge base, the
    lexicons, the gazetteer of cities), so that forked workers start with them in memory
    instead of each building its own."""
    from dateline.coding import gazetteer

    nlp = build()
    gazetteer()
    list(extract_documents([Document.from_text(WARM_UP_TEXT)], nlp))


def _extract_chunk(documents: list[Document]) -> list[tuple]:
    """The events of each document (not the documents: the caller has them, and their texts
    would cross the pipe twice). build() is cached: once per worker process."""
    return [r.events for r in extract_documents(documents)]


def _extract_parallel(documents: Iterable[Document], chunk: int, n_process: int,
                      nlp: Language | None = None) -> Iterator[ExtractionResult]:
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    forking = "fork" in multiprocessing.get_all_start_methods()
    if forking and nlp is None:
        warm_up()  # built and loaded once here, shared by the forked workers (all of it is cached)
    context = multiprocessing.get_context("fork" if forking else "spawn")
    pending: deque = deque()
    import os

    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_watch_parent,
                             initargs=(os.getpid(),)) as pool:
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= chunk:
                pending.append((batch, pool.submit(_extract_chunk, batch)))
                batch = []
                while len(pending) > 2 * n_process:  # bounded: big inputs are not all in flight
                    yield from _results(*pending.popleft())
        if batch:
            pending.append((batch, pool.submit(_extract_chunk, batch)))
        while pending:
            yield from _results(*pending.popleft())


def _results(batch: list[Document], future) -> Iterator[ExtractionResult]:
    for document, events in zip(batch, future.result(), strict=True):
        yield ExtractionResult(document=document, events=events)


def extract_text(text: str, **meta) -> ExtractionResult:
    """Convenience: the events of one text. ``meta``: doc_id, title, published, source."""
    return next(extract_documents([Document.from_text(text, **meta)]))
