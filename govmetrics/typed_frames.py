"""Records as pandas DataFrames, for analysis code: one row per record, typed columns.

The columns are the CSV columns (:data:`govmetrics.export.CSV_COLUMNS`) with the document ``id``
first, and every value is the one the JSON and CSV output carry, typed:

* ``value`` and ``high`` are ``float64``, with ``value_exact`` and ``high_exact`` beside them: the
  exact number as a string (``"6.5"``, ``"120000000"``), which ``Decimal(...)`` reads back digit
  for digit. pandas has no exact decimal dtype, and the alternative, an object column holding
  ``int`` and ``Decimal``, is not a typed column: arithmetic on it runs in Python, Parquet gives
  each chunk its own decimal precision, and Dask turns object columns into strings on the way
  (``dataframe.convert-string``). ``float64`` sums, averages and plots; the string keeps what a
  float cannot (a value of more than 15 significant digits) for whoever needs it exactly.
* spans (``span_*``, ``raw_*``, ``page_span_*``), ``article``, ``min_times`` and ``max_times`` are nullable ``Int64``;
* ``start``, ``end`` and ``date`` are ``datetime64[ns]`` (midnight of the day; ``NaT`` when empty);
* ``year_inferred`` and ``referred`` are nullable ``boolean``;
* every other column is the nullable ``string`` dtype, ``chair``, ``attendees`` and ``agenda``
  holding JSON, as the CSV writes them (``[]`` for a meeting with no attendees).

A column a record kind does not have is empty (``<NA>``, ``NaN``, ``NaT``) in its rows, as it is
empty in CSV. Plugin record kinds fill the columns whose names their fields share; other fields
are left out, as CSV leaves them out.

pandas is imported when a frame is built, never by ``import govmetrics``; without it these
functions raise :class:`~govmetrics.errors.MissingExtraError` (an ``ImportError``) naming the
``pandas`` extra.

This module turns rows into frames and back; it extracts nothing, so that
:meth:`govmetrics.Extraction.to_frame` can use it. :mod:`govmetrics.frames` adds the functions
that extract a whole corpus into a frame, and is where users import all of them from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govmetrics.columns import (
    BOOL_COLUMNS,
    CSV_COLUMNS,
    DATE_COLUMNS,
    INT_COLUMNS,
    JSON_COLUMNS,
    NUMBER_COLUMNS,
    flat_row,
)
from govmetrics.extras import require
from govmetrics.models import as_day, exact
from govmetrics.rows import extraction_rows as _tagged_rows
from govmetrics.serialize import from_json

if TYPE_CHECKING:
    from govmetrics.extraction import Extraction


def _columns() -> tuple[str, ...]:
    columns = ["id"]
    for name in CSV_COLUMNS:
        if name in columns:
            continue
        columns.append(name)
        if name in NUMBER_COLUMNS:
            columns.append(f"{name}_exact")
    return tuple(columns)


#: The columns of every records frame, in order.
COLUMNS: tuple[str, ...] = _columns()
# the columns whose cells are copied from the row, not derived from a number
_COPIED = tuple(
    name for name in COLUMNS if name not in NUMBER_COLUMNS and name.removesuffix("_exact") not in NUMBER_COLUMNS
)
_NUMBERS = tuple(name for name in NUMBER_COLUMNS if name in COLUMNS)


def _pandas() -> Any:
    return require("pandas", "pandas", "a DataFrame")


def dtypes() -> dict[str, Any]:
    """The dtype of each column of :data:`COLUMNS` (needs pandas)."""
    pd = _pandas()
    out: dict[str, Any] = {}
    for name in COLUMNS:
        if name in NUMBER_COLUMNS:
            out[name] = pd.api.types.pandas_dtype("float64")
        elif name in INT_COLUMNS:
            out[name] = pd.Int64Dtype()
        elif name in DATE_COLUMNS:
            out[name] = pd.api.types.pandas_dtype("datetime64[ns]")
        elif name in BOOL_COLUMNS:
            out[name] = pd.BooleanDtype()
        else:
            out[name] = pd.StringDtype()
    return out


def extraction_rows(extraction: Extraction, id: str, source: str | None = None) -> Iterator[dict[str, Any]]:
    """The record dicts of one document, each tagged as every path tags its rows
    (:func:`govmetrics.rows.extraction_rows`): ``id``, ``source`` (the file, else the article's
    ``source``, else ``id``) and, when the article has one, ``article_title``.
    :func:`rows_frame` makes them a frame."""
    return _tagged_rows(extraction, id, source)


def _day(value: Any) -> dt.date | None:
    return None if value is None else as_day(value)


def _cell(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in INT_COLUMNS:
        return int(value)
    if name in BOOL_COLUMNS:
        return bool(value)
    if name in DATE_COLUMNS:
        return _day(value)
    return value if isinstance(value, str) else str(value)


def rows_frame(rows: Iterable[dict[str, Any]]) -> Any:
    """A frame of record dicts: :func:`~govmetrics.serialize.to_dict` output, maybe tagged.

    Tags are the other CSV columns (``id``, ``source``, ``article``, ``article_title``,
    ``page_span``), as :mod:`govmetrics.rows` adds them for the CLI, :func:`~govmetrics.frames.corpus_rows` and
    Dask. Keys that are not columns are left out. With no rows, the frame is empty with every column and dtype.
    """
    pd = _pandas()
    cells: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for row in rows:
        flat = flat_row(row)
        for name in _COPIED:
            cells[name].append(_cell(name, flat.get(name)))
        for name in _NUMBERS:
            value = flat.get(name)
            number = None if value is None else exact(value)
            cells[name].append(float("nan") if number is None else float(number))
            cells[f"{name}_exact"].append(None if number is None else str(number))
    types = dtypes()
    columns: dict[str, Any] = {}
    for name in COLUMNS:
        if name in DATE_COLUMNS:
            # through object: pandas infers a unit from date objects (µs in pandas 3); the schema says ns
            columns[name] = pd.Series(cells[name], dtype="object").astype(types[name])
        else:
            columns[name] = pd.Series(pd.array(cells[name], dtype=types[name]), dtype=types[name])
    return pd.DataFrame(columns, columns=list(COLUMNS))


def empty_frame() -> Any:
    """A records frame with no rows: every column, every dtype (the ``meta`` of a Dask frame)."""
    return rows_frame(())


def records_frame(extractions: Iterable[Extraction], ids: Iterable[Any] | None = None) -> Any:
    """The records of extractions as one DataFrame, one row per record, in document then text order.

    :param extractions: what :func:`govmetrics.extract` returned, one per document.
    :param ids: the document ids, one per extraction (as strings in the ``id`` column). Without
        them a document is named by its article's ``source``, else by its position, as
        :func:`govmetrics.documents.as_document` names documents.
    """
    extractions = list(extractions)
    if ids is None:
        names = [e.article.source or str(index) for index, e in enumerate(extractions)]
    else:
        names = [str(id) for id in ids]
        if len(names) != len(extractions):
            raise ValueError(f"{len(names)} ids for {len(extractions)} extractions")
    return rows_frame(row for e, name in zip(extractions, names, strict=True) for row in extraction_rows(e, name))


def _present(pd: Any, value: Any) -> bool:
    return not (value is None or (pd.api.types.is_scalar(value) and pd.isna(value)))


def frame_to_dicts(frame: Any) -> list[dict[str, Any]]:
    """Read a records frame back into record dicts, as :func:`~govmetrics.serialize.to_dict` makes them.

    Values come back exact (from ``value_exact``/``high_exact``), dates as ISO strings, nested
    values decoded from JSON; :func:`govmetrics.from_dict` turns each into its record. Only the
    fields of each row's kind are given, so the tags (``id``, ``source`` …) are left out.
    """
    import attrs

    from govmetrics.plugins import get_plugin_host

    pd = _pandas()
    kinds = get_plugin_host().record_types()
    out: list[dict[str, Any]] = []
    for row in frame.to_dict("records"):
        kind = row["kind"]
        cls = kinds.get(kind)
        if cls is None:
            raise ValueError(f"unknown record kind: {kind!r}")
        data: dict[str, Any] = {"kind": kind}
        for field in attrs.fields(cls):
            name = field.name
            if name == "span":
                data["span"] = {"start": int(row["span_start"]), "end": int(row["span_end"])}
                continue
            if name not in row:
                continue
            value = row[name]
            if not _present(pd, value):
                data[name] = None
            elif name in NUMBER_COLUMNS:
                # the exact digits when the frame still has them, else the float's shortest form
                digits = row.get(f"{name}_exact")
                data[name] = exact(Decimal(digits) if _present(pd, digits) else value)
            elif name in INT_COLUMNS:
                data[name] = int(value)
            elif name in BOOL_COLUMNS:
                data[name] = bool(value)
            elif name in DATE_COLUMNS:
                day = _day(value)  # a Timestamp from a frame, a date from Parquet the CLI wrote
                data[name] = day.isoformat() if day else None
            elif name in JSON_COLUMNS:
                data[name] = from_json(value)
            else:
                data[name] = str(value)
        out.append(data)
    return out
