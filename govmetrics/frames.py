"""Records as pandas DataFrames, for analysis code: one row per record, typed columns.

The columns and their types are those of :mod:`govmetrics.typed_frames`, which this module
re-exports; here are the functions that also extract: :func:`corpus_rows` and
:func:`corpus_frame` read a whole corpus into rows or into one frame.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from govmetrics.batch import run_documents
from govmetrics.columns import BOOL_COLUMNS, DATE_COLUMNS, INT_COLUMNS, JSON_COLUMNS, NUMBER_COLUMNS, keep_columns
from govmetrics.document_rows import document_rows
from govmetrics.documents import Document
from govmetrics.plugins import strict_from_env
from govmetrics.rows import extraction_rows
from govmetrics.typed_frames import (
    COLUMNS,
    dtypes,
    empty_frame,
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

    Items are what :func:`govmetrics.documents.as_document` reads: texts, articles, paths (text
    files, web pages, PDFs), dicts. A PDF is split into its stories and its rows say where each
    record is printed, as the command's do. Documents are read one at a time, so a corpus on disk
    need not fit in memory. ``keep_fields`` names fields of dict items to carry into every row of
    their records, by the same names, as text (``None`` where an item has none); a name a row
    already uses is an :class:`~govmetrics.errors.InputError`.
    """
    task = RowsTask(strict=strict_from_env() if strict is None else strict)
    outcomes = run_documents(
        items,
        task,
        "corpus_rows",
        published=published,
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        on_error="raise",
        keep_fields=keep_fields,
    )
    for outcome in outcomes:
        yield from outcome.value


@attrs.frozen
class RowsTask:
    """The task of :func:`corpus_rows`: a document's tagged rows, by the one row builder the command
    and Dask use (:func:`govmetrics.document_rows.document_rows`: a PDF split into its stories)."""

    strict: bool

    def __call__(self, document: Document, source: str | None) -> tuple[list[dict[str, Any]], int]:
        rows = document_rows(document, source, strict=self.strict)
        return rows, len(rows)


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
