"""One document extracted into its tagged rows, as the ``extract`` command and Dask write them.

The tags are those of :mod:`govmetrics.rows`; a newspaper page is split into its stories first
(:func:`extract_document`, which ``govmetrics show`` draws from too).
"""

from __future__ import annotations

from typing import Any

import attrs

from govmetrics.api import extract
from govmetrics.documents import Document
from govmetrics.extraction import Extraction
from govmetrics.models import Article
from govmetrics.pages import split_page
from govmetrics.readers.pdf import PdfText
from govmetrics.rows import extraction_rows, record_rows


def extract_document(
    document: Document, *, strict: bool | None = None, pages: bool = False
) -> tuple[bool, list[Extraction]]:
    """Extract one document: whether it was read as a newspaper page, and its extractions.

    A text gives one extraction. A page (``pages``, and a PDF always) is split into its stories
    (:func:`govmetrics.pages.split_page`), each extracted, in page order; a headline whose story
    is on another page has no text and an extraction without records.
    """
    if not pages and document.pdf is None:
        if isinstance(document.text, Article):
            article = document.text
        else:
            article = Article.from_text(document.text, published=document.published, source=document.id)
        return False, [extract(article, published=document.published, strict=strict)]
    text = document.text.raw if isinstance(document.text, Article) else document.text
    extractions = []
    for story in split_page(text, published=document.published):
        if not story.text:
            extractions.append(Extraction(article=story))
            continue
        article = attrs.evolve(story, source=document.id)  # a plugin warning names the document
        extractions.append(extract(article, strict=strict))
    return True, extractions


def document_rows(
    document: Document, source: str | None = None, *, strict: bool | None = None, pages: bool = False
) -> list[dict[str, Any]]:
    """Extract one document and give its tagged rows (the tags of :mod:`govmetrics.rows`).

    :param source: the file the document was read from, if any.
    :param pages: the document is a newspaper page: split it into stories and extract each
        (:func:`extract_document`). A PDF's pages always are; its rows also say where each
        record is printed (``pdf_page``, ``pdf_boxes``).
    """
    paged, extractions = extract_document(document, strict=strict, pages=pages)
    if not paged:
        return list(extraction_rows(extractions[0], document.id, source, document.kept))
    pdf = document.pdf
    tags: dict[str, Any] = {"id": document.id, "source": source or document.id}
    kept = dict(document.kept)
    rows: list[dict[str, Any]] = []
    for index, result in enumerate(extractions):
        tag = {**tags, "article": index, "article_title": result.article.title, **kept}
        # a story's raw text is the whole page, so its raw span is the record's place on the page
        for row in record_rows(result, tag):
            row["page_span"] = {"start": row["raw_start"], "end": row["raw_end"]}
            if pdf is not None:
                row.update(printed(pdf, row["raw_start"], row["raw_end"]))
            rows.append(row)
    return rows


def printed(pdf: PdfText, start: int, end: int) -> dict[str, Any]:
    """Where ``pdf.text[start:end]`` is printed, as a row's tags: its first page, and a box per
    line in PDF points (to a hundredth: the boxes are single-precision, and more digits would be
    noise)."""
    boxes = [
        {"page": box.page, **{side: round(getattr(box, side), 2) for side in ("x0", "y0", "x1", "y1")}}
        for box in pdf.boxes(start, end)
    ]
    return {"pdf_page": pdf.page_at(start), "pdf_boxes": boxes}
