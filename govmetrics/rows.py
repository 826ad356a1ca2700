"""Records as rows: one document's record dicts, tagged with where they came from.

Every path that writes or tabulates records (the ``extract`` command, :func:`govmetrics.frames.corpus_rows`
and :func:`~govmetrics.frames.records_frame`, :mod:`govmetrics.dask`) builds its rows here, so a
document gives the same keys whichever of them ran it. A row is :func:`govmetrics.serialize.to_dict`
of a record after these tags (:data:`TAGS`):

* ``id``: the document's id (a path, a record's id field, an article's ``source``, a position);
* ``source``: the file the document was read from (a JSON Lines corpus, a text file, ``<stdin>``),
  else the article's own ``source``, else the document ``id``: every row names where it came from,
  so rows of many runs can be concatenated and still be told apart;
* ``article_title``: the title of the article, when it has one;
* for a newspaper page split into stories (``pages``), ``article`` (the story's position on the
  page) and ``article_title`` (``null`` for a story without a headline) before the record, and
  ``page_span`` after it: the record's span on the page the story was cut from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from govmetrics.api import extract
from govmetrics.documents import Document
from govmetrics.models import Article, Extraction, Span
from govmetrics.pages import split_page
from govmetrics.serialize import to_dict

#: The keys a row may carry besides its record's fields, in the order they come.
TAGS = ("id", "source", "article", "article_title", "page_span")


def extraction_rows(extraction: Extraction, id: str, source: str | None = None) -> Iterator[dict[str, Any]]:
    """The record dicts of one document's extraction, each after the document's tags.

    :param id: the document's id.
    :param source: the file the document was read from; without one, the article's ``source``,
        else ``id``, names where the rows came from.
    """
    article = extraction.article
    tags: dict[str, Any] = {"id": id, "source": source or article.source or id}
    if article.title is not None:
        tags["article_title"] = article.title
    for record in extraction.records:
        yield {**tags, **to_dict(record)}


def document_rows(
    document: Document, source: str | None = None, *, strict: bool | None = None, pages: bool = False
) -> list[dict[str, Any]]:
    """Extract one document and give its tagged rows (see the module's description of the tags).

    :param source: the file the document was read from, if any.
    :param pages: the document is a newspaper page: split it into stories
        (:func:`govmetrics.pages.split_page`) and extract each; a headline whose story is on
        another page has no text and no rows.
    """
    if not pages:
        if isinstance(document.text, Article):
            article = document.text
        else:
            article = Article.from_text(document.text, published=document.published, source=document.id)
        result = extract(article, published=document.published, strict=strict)
        return list(extraction_rows(result, document.id, source))
    text = document.text.raw if isinstance(document.text, Article) else document.text
    tags: dict[str, Any] = {"id": document.id, "source": source or document.id}
    rows: list[dict[str, Any]] = []
    for index, story in enumerate(split_page(text, published=document.published)):
        if not story.text:
            continue
        article = attrs.evolve(story, source=document.id)  # a plugin warning names the document
        result = extract(article, strict=strict)
        tag = {**tags, "article": index, "article_title": article.title}
        rows.extend({**tag, **_on_page(row, article)} for row in result.to_dicts())
    return rows


def _on_page(row: dict[str, Any], article: Article) -> dict[str, Any]:
    """A record of a story, with its span also given on the page the story came from."""
    span = row["span"]
    raw = article.raw_span(Span(start=span["start"], end=span["end"]))
    return {**row, "page_span": {"start": raw.start, "end": raw.end}}
