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
* the fields of the document's record kept as they are (``keep_fields``, ``--keep-fields``), by
  their own names, as text (``null`` where the record has none);
* for a newspaper page split into stories (``pages``), ``article`` (the story's position on the
  page) and ``article_title`` (``null`` for a story without a headline) before the record, and
  ``page_span`` after it: the record's span on the page the story was cut from;
* for a PDF, also ``pdf_page``, the page (from 1) the record starts on, and ``pdf_boxes``, where
  it is printed: a box (``page``, ``x0``, ``y0``, ``x1``, ``y1``, in PDF points from the page's
  bottom left) for each printed line it covers (:meth:`govmetrics.readers.pdf.PdfText.boxes`).

After the record's fields, every row says where its record sits, for reading it in context:

* ``sentence``: the sentence of the article text the record is in, from just after the sentence
  end before it (。！？!? or a line break) to and including the next one, spaces trimmed. A record
  that runs over a sentence end (a meeting and its attendees) gets every sentence it touches;
* ``raw_start`` and ``raw_end``: the record's span in the text as it was given, before cleaning
  (:meth:`govmetrics.models.Article.raw_span`): for a newspaper page, its span on the page.

The sentence ends are found once per article, by one regex pass, and each record's sentence by
bisection, so the tags cost a few microseconds a record whatever the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from govmetrics.models import Article
from govmetrics.serialize import to_dict

if TYPE_CHECKING:
    from govmetrics.extraction import Extraction

#: The keys a row may carry besides its record's fields, in the order they come.
TAGS = (
    "id", "source", "article", "article_title", "sentence", "raw_start", "raw_end", "page_span",
    "pdf_page", "pdf_boxes",
)  # fmt: skip
#: What ends a sentence: the full-width and half-width stops, and a line break (a heading, a
#: list item, a paragraph that ends without a stop).
SENTENCE_END = re.compile(r"[。！？!?\n\r]")


class Sentences:
    """The sentences of one text: its sentence ends, found once, and the sentence around a span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [match.start() for match in SENTENCE_END.finditer(text)]

    def around(self, start: int, end: int) -> str:
        """The sentence (or sentences) holding ``text[start:end]``, with its end mark, trimmed."""
        ends = self.ends
        before = bisect_left(ends, start)  # ends[before - 1] is the last end before the span
        begin = ends[before - 1] + 1 if before else 0
        after = bisect_left(ends, max(start, end - 1), before)  # the first end in or after its last character
        stop = ends[after] + 1 if after < len(ends) else len(self.text)
        return self.text[begin:stop].strip()


def record_rows(extraction: Extraction, tags: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The record dicts of one extraction, each after ``tags`` and before its place tags
    (``sentence``, ``raw_start``, ``raw_end``)."""
    records = extraction.records
    if not records:
        return
    article: Article = extraction.article
    sentences = Sentences(article.text)
    plain = article.offsets is None  # the text is the input as given: spans map to themselves
    for record in records:
        span = record.span
        raw = span if plain else article.raw_span(span)
        yield {
            **tags,
            **to_dict(record),
            "sentence": sentences.around(span.start, span.end),
            "raw_start": raw.start,
            "raw_end": raw.end,
        }


def extraction_rows(
    extraction: Extraction,
    id: str,
    source: str | None = None,
    kept: tuple[tuple[str, str | None], ...] = (),
) -> Iterator[dict[str, Any]]:
    """The record dicts of one document's extraction, each after the document's tags.

    :param id: the document's id.
    :param source: the file the document was read from; without one, the article's ``source``,
        else ``id``, names where the rows came from.
    :param kept: the document's own fields kept as they are (``keep_fields``), after the tags.
    """
    article = extraction.article
    tags: dict[str, Any] = {"id": id, "source": source or article.source or id}
    if article.title is not None:
        tags["article_title"] = article.title
    tags.update(kept)
    return record_rows(extraction, tags)
