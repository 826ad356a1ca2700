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
from govmetrics.columns import BOOL_COLUMNS, DATE_COLUMNS, INT_COLUMNS, JSON_COLUMNS, NUMBER_COLUMNS
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
) -> Iterator[dict[str, Any]]:
    """Extract every item of a corpus and yield its record dicts, each after the document's ``id``
    and ``source`` (the file it was read from, else its ``id``), as the CLI tags its rows.

    Items are what :func:`govmetrics.documents.as_document` reads: texts, articles, paths, dicts.
    Documents are read one at a time, so a corpus on disk need not fit in memory.
    """
    results = extract_many(
        items,
        published=published,
        strict=strict,
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        on_error="raise",
    )
    for result in results:
        assert result.extraction is not None  # on_error="raise": a failure raised instead
        yield from extraction_rows(result.extraction, result.id, result.source)


def corpus_frame(
    items: Iterable[Any],
    *,
    published: dt.date | str | None = None,
    strict: bool | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
) -> Any:
    """The records of a whole corpus as one DataFrame (see :func:`corpus_rows` for the items).

    ``published`` is the date of items that carry none; ``id_field``, ``text_field`` and
    ``date_field`` name the fields of dict items. A document with no records has no rows.
    """
    return rows_frame(
        corpus_rows(
            items, published=published, strict=strict, id_field=id_field, text_field=text_field, date_field=date_field
        )
    )
