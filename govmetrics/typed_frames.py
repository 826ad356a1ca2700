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
empty in CSV. A plugin's record kind has columns of its own after these, ``<kind>_<field>``, for
its fields that no built-in record class gives it (the rule is :class:`govmetrics.columns.Columns`').

pandas is imported when a frame is built, never by ``import govmetrics``; without it these
functions raise :class:`~govmetrics.errors.MissingExtraError` (an ``ImportError``) naming the
``pandas`` extra.

This module turns rows into frames and back; it extracts nothing, so that
:meth:`govmetrics.Extraction.to_frame` can use it. :mod:`govmetrics.frames` adds the functions
that extract a whole corpus into a frame, and is where users import all of them from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govmetrics.columns import (
    Columns,
    table_columns,
    timestamp_day,
)
from govmetrics.extras import require
from govmetrics.models import as_day, exact
from govmetrics.rows import extraction_rows
from govmetrics.serialize import as_double, exact_text, from_json

if TYPE_CHECKING:
    from govmetrics.extraction import Extraction


#: The columns of every records frame, in order, for the built-in record kinds; a plugin's kinds add
#: theirs after them (:func:`frame_columns`).
COLUMNS: tuple[str, ...] = Columns().typed_names


def _pandas() -> Any:
    return require("pandas", "pandas", "a DataFrame")


def frame_columns(columns: Columns | None = None) -> tuple[str, ...]:
    """The columns of a records frame: :data:`COLUMNS`, then the plugin kinds' own (see
    :class:`govmetrics.columns.Columns`)."""
    return (columns or table_columns()).typed_names


def dtypes(columns: Columns | None = None) -> dict[str, Any]:
    """The dtype of each column of a records frame (needs pandas)."""
    pd = _pandas()
    kinds = {
        "number": pd.api.types.pandas_dtype("float64"),
        "int": pd.Int64Dtype(),
        "date": pd.api.types.pandas_dtype("datetime64[ns]"),
        "bool": pd.BooleanDtype(),
    }
    return {name: kinds.get(kind, pd.StringDtype()) for name, _, kind in (columns or table_columns()).cells}


def _day(value: Any) -> dt.date | None:
    return None if value is None else as_day(value)


def _cell(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    if kind == "date":
        return timestamp_day(value)
    return value if isinstance(value, str) else str(value)


def rows_frame(rows: Iterable[dict[str, Any]], columns: Columns | None = None) -> Any:
    """A frame of record dicts: :func:`~govmetrics.serialize.to_dict` output, maybe tagged.

    Tags are the other CSV columns (``id``, ``source``, ``article``, ``article_title``,
    ``page_span``, ``sentence``, ``raw_start``, ``raw_end``), as :mod:`govmetrics.rows` adds them for
    the CLI, :func:`~govmetrics.frames.corpus_rows` and Dask. A plugin kind's own fields go to its
    own columns (see :class:`govmetrics.columns.Columns`); ``columns`` are by default those of this
    process's record kinds. Keys that are not columns are left out. With no rows, the frame is
    empty with every column and dtype.
    """
    pd = _pandas()
    columns = columns or table_columns()
    plan = columns.cells
    cells: dict[str, list[Any]] = {name: [] for name, _, _ in plan}
    for row in rows:
        flat = columns.flat(row)
        for name, key, kind in plan:
            value = flat.get(key)
            if kind == "number":
                number = None if value is None else as_double(exact(value))
                cells[name].append(float("nan") if number is None else number)  # null past a double's range
            elif kind == "exact":
                cells[name].append(None if value is None else exact_text(exact(value)))
            else:
                cells[name].append(_cell(kind, value))
    types = dtypes(columns)
    series: dict[str, Any] = {}
    for name, _, kind in plan:
        if kind == "date":
            # through object: pandas infers a unit from date objects (µs in pandas 3); the schema says ns
            series[name] = pd.Series(cells[name], dtype="object").astype(types[name])
        else:
            series[name] = pd.Series(pd.array(cells[name], dtype=types[name]), dtype=types[name])
    return pd.DataFrame(series, columns=list(columns.typed_names))


def empty_frame(columns: Columns | None = None) -> Any:
    """A records frame with no rows: every column, every dtype (the ``meta`` of a Dask frame)."""
    return rows_frame((), columns)


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
    columns = table_columns()
    out: list[dict[str, Any]] = []
    for row in frame.to_dict("records"):
        kind = row["kind"]
        cls = kinds.get(kind)
        if cls is None:
            raise ValueError(f"unknown record kind: {kind!r}")
        own = columns.own.get(kind, {})
        data: dict[str, Any] = {"kind": kind}
        for field in attrs.fields(cls):
            name = field.name
            if name == "span":
                data["span"] = {"start": int(row["span_start"]), "end": int(row["span_end"])}
                continue
            column = own.get(name, name)
            if column not in row:
                continue
            value = row[column]
            type_ = columns.type_of(column)
            digits = row.get(f"{column}_exact") if type_ == "number" else None
            if type_ == "number" and _present(pd, digits):
                data[name] = exact(Decimal(str(digits)))  # the exact digits, even where the float is null
            elif not _present(pd, value):
                data[name] = None
            elif type_ == "number":
                data[name] = exact(value)  # no exact digits left: the float's shortest form
            elif type_ == "int":
                data[name] = int(value)
            elif type_ == "bool":
                data[name] = bool(value)
            elif type_ == "date":
                day = _day(value)  # a Timestamp from a frame or from Parquet the CLI wrote
                data[name] = day.isoformat() if day else None
            elif type_ == "json":
                data[name] = from_json(value)
            else:
                data[name] = str(value)
        out.append(data)
    return out
