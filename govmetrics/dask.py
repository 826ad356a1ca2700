"""govmetrics on Dask: a corpus as a ``dask.bag`` or a ``dask.dataframe``, extracted on many workers.

* :func:`records_bag`: a bag of documents (texts, articles, paths, dicts; anything
  :func:`govmetrics.documents.as_document` reads) → a bag of record dicts, each with its document
  ``id`` and ``source``, tagged as the CLI and :func:`govmetrics.frames.corpus_rows` tag theirs
  (:mod:`govmetrics.rows`).
* :func:`records_dataframe`: a Dask DataFrame of documents, with id, text and (optionally) date
  columns → a Dask DataFrame of records with the columns and dtypes of
  :func:`govmetrics.frames.records_frame`.
* :func:`bag_to_dataframe`: a bag of record dicts → that same DataFrame.

Nothing but plain data and module-level functions goes into the task graph. Each worker loads
the plugins installed in *its* environment the first time it extracts, as any process does, so
govmetrics and its plugin packages must be installed on every worker (see ``docs/scale.md``).

Dask is imported when these functions are called, never by ``import govmetrics``; without it they
raise :class:`~govmetrics.errors.MissingExtraError` (an ``ImportError``) naming the ``dask`` extra.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

import attrs

from govmetrics import frames
from govmetrics.columns import Columns, keep_columns, kept_names, table_columns
from govmetrics.document_rows import document_rows
from govmetrics.documents import Document, parse_published
from govmetrics.errors import InputError
from govmetrics.extras import require
from govmetrics.models import Article
from govmetrics.pool import ReadOptions, read_item


def _import(module: str) -> Any:
    return require(module, "dask", "govmetrics.dask")


def _has_own_id(item: Any, id_field: str) -> bool:
    """Whether ``as_document`` names the item by itself rather than by its position."""
    if isinstance(item, Document):
        return True
    if isinstance(item, Article):
        return item.source is not None
    if isinstance(item, dict):
        return id_field in item
    return not isinstance(item, str)


def _bag_partition(
    items: Iterable[Any],
    numbers: Iterable[int],
    *,
    published: dt.date | None,
    strict: bool | None,
    id_field: str,
    text_field: str,
    date_field: str,
    keep_fields: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    """Runs in a worker: the record dicts of one partition of documents."""
    (partition,) = numbers
    options = ReadOptions(
        published=published, id_field=id_field, text_field=text_field, date_field=date_field, keep_fields=keep_fields
    )
    rows: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        name = None if _has_own_id(item, id_field) else f"{partition}-{index}"
        rows.extend(_document_rows(item, index, name, options, strict))
    return rows


def _document_rows(
    item: Any, index: int, name: str | None, options: ReadOptions, strict: bool | None
) -> list[dict[str, Any]]:
    """The rows of one document of a partition, tagged as the CLI and :mod:`govmetrics.frames` tag
    theirs (:func:`govmetrics.document_rows.document_rows`); ``name`` names a document that has no id."""
    document, source = read_item(item, index, options)
    if name is not None:
        document = attrs.evolve(document, id=name)
    return document_rows(document, source, strict=strict)


def records_bag(
    documents: Any,
    *,
    published: dt.date | str | None = None,
    strict: bool | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    keep_fields: Iterable[str] | str = (),
) -> Any:
    """A ``dask.bag.Bag`` of record dicts from a bag of documents.

    Each record dict is :func:`govmetrics.serialize.to_dict` of a record after the document's
    ``id``, its ``source`` (the path it was read from, else an article's ``source``, else the
    ``id``) and its article's ``article_title`` when it has one (see :mod:`govmetrics.rows`);
    values stay exact (``int``/``Decimal``), dates are ISO strings.

    Items are read by :func:`govmetrics.documents.as_document`: a path is named by itself, a dict
    by its ``id_field``, an article by its ``source``. An item that carries no name (a plain text)
    is named ``"<partition>-<position in partition>"``, which is unique within the bag and
    stable as long as its partitioning is. ``published`` is the date of items that carry none;
    a path is read by the worker that extracts it, so the worker must see the file.
    ``keep_fields`` names fields of dict items to carry into their rows as they are, as text
    (:func:`govmetrics.frames.corpus_rows`); :func:`bag_to_dataframe` wants the same names.
    """
    db = _import("dask.bag")
    numbers = db.from_sequence(range(documents.npartitions), npartitions=documents.npartitions)
    work = functools.partial(
        _bag_partition,
        published=parse_published(published),
        strict=strict,
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        keep_fields=kept_names(keep_fields),
    )
    return documents.map_partitions(work, numbers)


def bag_to_dataframe(records: Any, keep_fields: Iterable[str] | str = ()) -> Any:
    """A Dask DataFrame of a bag of record dicts (what :func:`records_bag` gives), typed as
    :func:`govmetrics.frames.records_frame` types a frame: one pandas partition per bag partition;
    ``keep_fields`` as the bag was made with, text columns after the others."""
    dd = _import("dask.dataframe")
    delayed = _import("dask").delayed
    columns = keep_columns(keep_fields)  # the client's: every partition gets the columns of the meta
    parts = [delayed(frames.rows_frame)(part, columns) for part in records.to_delayed()]
    return dd.from_delayed(parts, meta=frames.empty_frame(columns), verify_meta=False)


def _when(value: Any) -> Any:
    """A cell of the date column as ``as_document`` takes it: missing (``NaT``, ``NaN``) is None."""
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, dt.datetime):
        # a Timestamp; NaT is one too, and is the only one not equal to itself
        return None if value != value else value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and value != value:
        return None
    return value


# the date key of a document row when the frame has no date column: no column is called this
_NO_DATE = "govmetrics:no-date"


def _frame_partition(
    partition: Any,
    *,
    id_column: str,
    text_column: str,
    date_column: str | None,
    published: dt.date | None,
    strict: bool | None,
    columns: Columns,
    keep_fields: tuple[str, ...] = (),
) -> Any:
    """Runs in a worker: the records frame of one pandas partition of documents."""
    ids = partition.index if id_column not in partition.columns else partition[id_column]
    texts = partition[text_column]
    dates = partition[date_column].tolist() if date_column is not None else [None] * len(partition)
    date_field = date_column or _NO_DATE
    rows: list[dict[str, Any]] = []
    options = ReadOptions(
        published=published, id_field=id_column, text_field=text_column, date_field=date_field, keep_fields=keep_fields
    )
    # a missing value of any dtype (NaN, NA, NaT) as None
    kept = [partition[name].astype(object).where(partition[name].notna(), None).tolist() for name in keep_fields]
    for index, (id, text, when) in enumerate(zip(ids.tolist(), texts.tolist(), dates, strict=True)):
        item = {id_column: id, text_column: text if isinstance(text, str) else None, date_field: _when(when)}
        item.update((name, values[index]) for name, values in zip(keep_fields, kept, strict=True))
        rows.extend(_document_rows(item, index, None, options, strict))
    return frames.rows_frame(rows, columns)


def records_dataframe(
    documents: Any,
    *,
    id_column: str = "id",
    text_column: str = "text",
    date_column: str | None = "published",
    published: dt.date | str | None = None,
    strict: bool | None = None,
    keep_fields: Iterable[str] | str = (),
) -> Any:
    """A Dask DataFrame of records from a Dask DataFrame of documents, one pandas partition each.

    :param documents: a ``dask.dataframe.DataFrame`` with a text column and an id column (or an
        index of that name, as ``set_index("id")`` leaves it); ids become strings.
    :param date_column: the publication dates (``datetime64``, ``date`` objects or ISO strings);
        a row without one, or a frame without the column, takes ``published``. ``None`` ignores
        the column.
    :param keep_fields: columns of ``documents`` to carry into every record's row as they are, as
        ``string`` columns of the same names after the others.
    :return: a frame with the columns and dtypes of :func:`govmetrics.frames.records_frame`; its
        ``meta`` is :func:`govmetrics.frames.empty_frame`, so nothing is computed to find it.
    """
    _import("dask.dataframe")
    given = list(documents.columns)
    if id_column not in given and documents.index.name != id_column:
        raise InputError(f"no id column {id_column!r} (nor an index of that name) among {given}")
    if text_column not in given:
        raise InputError(f"no text column {text_column!r} among {given}")
    keep = kept_names(keep_fields)
    missing = [name for name in keep if name not in given]
    if missing:
        raise InputError(f"no column {missing[0]!r} to keep among {given}")
    columns = table_columns().with_fields(keep)  # the client's: every partition gets the columns of the meta
    if date_column in (id_column, text_column):
        raise InputError(f"the date column {date_column!r} is also the id or the text column")
    work = functools.partial(
        _frame_partition,
        id_column=id_column,
        text_column=text_column,
        date_column=date_column if date_column in given else None,
        published=parse_published(published),
        strict=strict,
        columns=columns,
        keep_fields=keep,
    )
    return documents.map_partitions(work, meta=frames.empty_frame(columns))
