"""Records as rows: one document's record dicts, tagged with where they came from.

Every path that writes or tabulates records (the ``extract`` command, :func:`govmetrics.frames.corpus_rows`
and :func:`~govmetrics.frames.records_frame`, :mod:`govmetrics.dask`) tags its rows here, so a
document gives the same keys whichever of them ran it; :func:`govmetrics.document_rows.document_rows`
extracts one document (a newspaper page story by story) into its rows. A row is :func:`govmetrics.serialize.to_dict`
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
from typing import TYPE_CHECKING, Any

from govmetrics.serialize import to_dict

if TYPE_CHECKING:
    from govmetrics.extraction import Extraction

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
