"""HTML pages -> Documents: main text and publication date via trafilatura."""

from __future__ import annotations

import json
import logging

from dateline.ingest.dates import parse_date
from dateline.model import Document

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def document_from_html(html: str, source: str | None = None) -> Document | None:
    """The article in an HTML page, boilerplate dropped, or None if there is none."""
    import trafilatura  # imported on first use: a tenth of a second every command would pay otherwise

    raw = trafilatura.extract(
        html, output_format="json", with_metadata=True, include_comments=False,
        include_tables=False, favor_precision=True,
    )
    if not raw:
        return None
    data = json.loads(raw)
    text = (data.get("text") or "").strip()
    if not text:
        return None
    title = data.get("title") or None
    published = parse_date(data.get("date"))
    url = data.get("source") or data.get("url") or source
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Document.from_text(text, title=title, published=published, source=url)
