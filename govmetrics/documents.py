"""What a corpus hands govmetrics, made into one shape: an id, a text and a publication date.

Corpora come as plain strings, :class:`~govmetrics.models.Article` objects, file paths, or
records of a JSON Lines dump (``{"id": …, "published": …, "text": …}``, with other field names
given by the caller). :func:`as_document` reads any of them into a :class:`Document`; batch runs,
the CLI and the Dask integration all go through it, so a corpus reads the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from govmetrics.errors import InputError
from govmetrics.models import Article

# A date written into a file name: 2019-07-16, 20190716, 2019_07_16.
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


@attrs.frozen(kw_only=True)
class Document:
    """One document of a corpus: ``id`` names it in every output row."""

    id: str
    text: str | Article
    published: dt.date | None = None


def date_in_name(name: str) -> dt.date | None:
    """The date a file name carries (shijingshan-2019-07-16.txt, 20190716_p1.txt), if any."""
    match = _DATE_IN_NAME.search(Path(name).name)
    if match is None:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def decode(data: bytes, name: str) -> str:
    """Text from UTF-8 (with or without a BOM) or GB18030 bytes, or :class:`InputError`."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: cannot decode: neither UTF-8 nor GB18030")


def read_text(path: str | PathLike[str]) -> str:
    """A text file's contents, UTF-8 or GB18030, or :class:`InputError` naming the file."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return decode(data, str(path))


def as_document(
    item: Any,
    *,
    index: int = 0,
    published: dt.date | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
) -> Document:
    """Read one corpus item into a :class:`Document`.

    The publication date is the item's own (an article's ``published``, a record's date field),
    else a date in the file name, else ``published``. An item without an id is numbered by
    ``index``.
    """
    from govmetrics.api import parse_published

    if isinstance(item, Document):
        return item
    if isinstance(item, Article):
        return Document(id=item.source or str(index), text=item, published=item.published or published)
    if isinstance(item, str):
        return Document(id=str(index), text=item, published=published)
    if isinstance(item, (Path, PathLike)):
        name = str(item)
        return Document(id=name, text=read_text(item), published=date_in_name(name) or published)
    if isinstance(item, dict):
        if text_field not in item or not isinstance(item[text_field], str):
            raise InputError(f"record {item.get(id_field, index)!r} has no text field {text_field!r}")
        own = item.get(date_field)
        return Document(
            id=str(item.get(id_field, index)),
            text=item[text_field],
            published=parse_published(own) if own else published,
        )
    raise InputError(f"cannot read a document from {type(item).__name__}")
