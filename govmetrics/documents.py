"""What a corpus hands govmetrics, made into one shape: an id, a text and a publication date.

Corpora come as plain strings, :class:`~govmetrics.models.Article` objects, file paths, or
records of a JSON Lines dump (``{"id": …, "published": …, "text": …}``, with other field names
given by the caller). :func:`as_document` reads any of them into a :class:`Document`; batch runs,
the CLI and the Dask integration all go through it, so a corpus reads the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from govmetrics.decoding import binary_kind, decode, read_bytes, read_text
from govmetrics.errors import InputError
from govmetrics.models import Article
from govmetrics.published import PUBLISHED_RANGE, date_in_name, parse_published
from govmetrics.readers.html import WebPage, looks_like_html, read_html
from govmetrics.readers.pdf import PdfText, printed_date, read_pdf
from govmetrics.serialize import exact_text, to_json

# read from here by code written before decoding and dates had modules of their own
__all__ = [
    "PUBLISHED_RANGE",
    "Document",
    "as_document",
    "binary_kind",
    "date_in_name",
    "decode",
    "json_record",
    "kept_fields",
    "parse_published",
    "read_text",
]

#: File names read as PDFs (a file that starts as a PDF does is read as one whatever its name).
PDF_SUFFIXES = (".pdf",)
#: File names read as web pages (so a page's declared charset is honoured); a text file that
#: turns out to hold a page is read as one too.
WEB_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


@attrs.frozen(kw_only=True)
class Document:
    """One document of a corpus: ``id`` names it in every output row.

    ``kept`` are the fields of its record kept as they are (``keep_fields``): each name and its
    value as text, ``None`` where the record has no such field. ``title`` is the document's own
    (a web page's headline, a PDF's Title). ``pdf`` is a PDF's text with where each character is
    printed: a PDF is always a newspaper page, split into its stories.
    """

    id: str
    text: str | Article
    published: dt.date | None = None
    kept: tuple[tuple[str, str | None], ...] = ()
    title: str | None = None
    pdf: PdfText | None = attrs.field(default=None, repr=False)


def json_record(text: str) -> Any:
    """A line of JSON Lines read: a whole number of any length too (``int`` refuses a string of over
    4,300 digits; a ``Decimal`` reads it whole)."""
    return json.loads(text, parse_int=_whole_number)


def _whole_number(digits: str) -> int:
    return int(digits) if len(digits) < 4000 else int(Decimal(digits))


def _as_text(value: Any) -> str:
    """A kept field's value as text: a string as it is, JSON's values (a number, a list) as JSON, any
    other object (a timestamp of a frame) as it prints; a whole number by all its digits."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return exact_text(value)
    if isinstance(value, (dict, list, tuple, bool, float)):
        try:
            return json.dumps(value, ensure_ascii=False, default=str)
        except ValueError:  # a whole number inside, past str(int)'s 4,300 digits
            return to_json(value)
    return str(value)


def kept_fields(item: Any, names: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """The fields ``names`` of a record as text (a number or a list as its JSON); ``None`` for one the
    record lacks or holds empty (``null``, a missing value of a frame), and for every name of an
    item that is no record (a text, a path)."""
    if not names:
        return ()
    if not isinstance(item, dict):
        return tuple((name, None) for name in names)
    kept: list[tuple[str, str | None]] = []
    for name in names:
        value = item.get(name)
        if value is None or (isinstance(value, float) and value != value):  # NaN: a frame's missing value
            kept.append((name, None))
        else:
            kept.append((name, _as_text(value)))
    return tuple(kept)


def as_document(
    item: Any,
    *,
    index: int = 0,
    published: dt.date | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    encoding: str | None = None,
    keep_fields: tuple[str, ...] = (),
) -> Document:
    """Read one corpus item into a :class:`Document`.

    The publication date is the item's own (an article's ``published``, a record's date field),
    else the one a web page or PDF page prints, else a date in the file name, else ``published``.
    An item without an id is numbered by ``index``. ``keep_fields`` are fields of a record to carry
    along (:func:`kept_fields`).
    """
    if isinstance(item, Document):
        return item
    if isinstance(item, Article):
        return Document(id=item.source or str(index), text=item, published=item.published or published)
    if isinstance(item, str):
        return text_document(str(index), item, published)
    if isinstance(item, (Path, PathLike)):
        return _file_document(str(item), encoding, date_in_name(str(item)) or published)
    if isinstance(item, dict):
        if text_field not in item or not isinstance(item[text_field], str):
            raise InputError(f"record {item.get(id_field, index)!r} has no text field {text_field!r}")
        own = item.get(date_field)
        id = str(item.get(id_field, index))
        text = item[text_field]
        fallback = parse_published(own) if own else None
        if looks_like_html(text):
            url = item.get("url")
            page = read_html(text, id, url=url if isinstance(url, str) else None)
            fallback = fallback or page.published or published
            return _page_document(id, page, fallback, kept_fields(item, keep_fields))
        return Document(id=id, text=text, published=fallback or published, kept=kept_fields(item, keep_fields))
    raise InputError(f"cannot read a document from {type(item).__name__}")


def _file_document(name: str, encoding: str | None, published: dt.date | None) -> Document:
    """A file read: a PDF or a web page by its name or by what it holds, else a text file. ``published``
    is the date its name carries, else the run's: the date a page prints comes before both."""
    data = read_bytes(name)
    if name.lower().endswith(PDF_SUFFIXES) or data.startswith(b"%PDF-"):
        pdf = read_pdf(data, name)
        published = printed_date(pdf) or published
        return Document(id=name, text=pdf.text, published=published, title=pdf.title, pdf=pdf)
    if name.lower().endswith(WEB_PAGE_SUFFIXES):
        page = read_html(data, name, encoding=encoding)
        return _page_document(name, page, page.published or published)
    return text_document(name, decode(data, name, encoding), published)


def text_document(id: str, text: str, published: dt.date | None = None) -> Document:
    """A document of a text: a web page's story when the text is a page or an HTML fragment
    (:func:`~govmetrics.readers.html.looks_like_html`), else the text itself. ``published`` is the
    date to use when a page prints none."""
    if looks_like_html(text):
        page = read_html(text, id)
        return _page_document(id, page, page.published or published)
    return Document(id=id, text=text, published=published)


def _page_document(
    id: str, page: WebPage, published: dt.date | None, kept: tuple[tuple[str, str | None], ...] = ()
) -> Document:
    """A web page's story as a document: each line a paragraph, the headline its title."""
    article = Article.from_text(page.text, paragraphs=True, title=page.title, published=published, source=id)
    return Document(id=id, text=article, published=published, kept=kept, title=page.title)
