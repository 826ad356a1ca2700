"""Records as pandas DataFrames, for analysis code: one row per record, typed columns.

The columns and their types are those of :mod:`govmetrics.typed_frames`, which this module
re-exports; here are the functions that also extract: :func:`corpus_rows` and
:func:`corpus_frame` read a whole corpus into rows or into one frame.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from govmetrics.batch import extract_many
from govmetrics.columns import BOOL_COLUMNS, DATE_COLUMNS, INT_COLUMNS, JSON_COLUMNS, NUMBER_COLUMNS, keep_columns
from govmetrics.typed_frames import (
    COLUMNS,
    dtypes,
    empty_frame,
    extraction_rows,
    frame_columns,
    frame_to_dicts,
    records_frame,
    rows_frame,
)

__all__ = [
    "BOOL_COLUMNS",
    "COLUMNS",
    "DATE_COLUMNS",
    "INT_COLUMNS",
    "JSON_COLUMNS",
    "NUMBER_COLUMNS",
    "corpus_frame",
    "corpus_rows",
    "dtypes",
    "empty_frame",
    "extraction_rows",
    "frame_columns",
    "frame_to_dicts",
    "records_frame",
    "rows_frame",
]


def corpus_rows(
    items: Iterable[Any],
    *,
    published: dt.date | str | None = None,
    strict: bool | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    keep_fields: Iterable[str] | str = (),
) -> Iterator[dict[str, Any]]:
    """Extract every item of a corpus and yield its record dicts, each after the document's ``id``
    and ``source`` (the file it was read from, else its ``id``), as the CLI tags its rows.

    Items are what :func:`govmetrics.documents.as_document` reads: texts, articles, paths, dicts.
    Documents are read one at a time, so a corpus on disk need not fit in memory. ``keep_fields``
    names fields of dict items to carry into every row of their records, by the same names, as text
    (``None`` where an item has none); a name a row already uses is an
    :class:`~govmetrics.errors.InputError`.
    """
    results = extract_many(
        items,
        published=published,
        strict=strict,
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        on_error="raise",
        keep_fields=keep_fields,
    )
    for result in results:
        assert result.extraction is not None  # on_error="raise": a failure raised instead
        yield from extraction_rows(result.extraction, result.id, result.source, result.kept)


def corpus_frame(
    items: Iterable[Any],
    *,
    published: dt.date | str | None = None,
    strict: bool | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    keep_fields: Iterable[str] | str = (),
) -> Any:
    """The records of a whole corpus as one DataFrame (see :func:`corpus_rows` for the items).

    ``published`` is the date of items that carry none; ``id_field``, ``text_field`` and
    ``date_field`` name the fields of dict items; ``keep_fields`` fields of theirs to keep as
    ``string`` columns of the same names, after the others. A document with no records has no rows.
    """
    columns = keep_columns(keep_fields)
    rows = corpus_rows(
        items,
        published=published,
        strict=strict,
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        keep_fields=keep_fields,
    )
    return rows_frame(rows, columns)
