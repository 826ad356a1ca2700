"""The columns of a table of records (CSV, Parquet, DataFrames) and a record dict as one row of them.

The row dicts (:func:`govmetrics.serialize.to_dict` of a record, tagged by :mod:`govmetrics.rows`)
are nested: a span is ``{"start": …, "end": …}``, a chair a dict. A table has fixed columns,
:data:`CSV_COLUMNS`, in the same order whatever the records: :func:`flat_row` splits the spans
into ``_start``/``_end`` columns and writes nested values as JSON. The tables below give each
column its type, which Parquet (:mod:`govmetrics.parquet`) and the frames
(:mod:`govmetrics.typed_frames`) both follow.
"""

from __future__ import annotations

from typing import Any

from govmetrics.serialize import to_json

#: The columns of every table, in order.
CSV_COLUMNS = (
    "id", "source", "article", "article_title", "kind", "text", "span_start", "span_end", "raw_start", "raw_end",
    "page_span_start", "page_span_end", "sentence", "plugin",
    "value", "high", "unit", "approx", "subject", "change", "target",
    "start", "end", "granularity", "relation", "year_inferred",
    "period", "min_times", "max_times", "activity",
    "name", "organ", "date", "chair", "attendees", "agenda", "location", "referred",
)  # fmt: skip


# The type of each column, for Parquet (:func:`parquet_schema`) and for DataFrames
# (:mod:`govmetrics.typed_frames`); a column in none of these holds text.
#: Columns of exact numbers: ``float64``, with ``<column>_exact`` beside them, the exact number as
#: a string (``"97.6"``, ``"10360000000000000000"``).
NUMBER_COLUMNS = ("value", "high")
#: Columns of (nullable) integers.
INT_COLUMNS = (
    "article", "span_start", "span_end", "raw_start", "raw_end", "page_span_start", "page_span_end", "min_times",
    "max_times",
)  # fmt: skip
#: Columns of days.
DATE_COLUMNS = ("start", "end", "date")
#: Columns of (nullable) booleans.
BOOL_COLUMNS = ("year_inferred", "referred", "target")
#: Columns holding nested values (a person, a list) as JSON text.
JSON_COLUMNS = ("chair", "attendees", "agenda")


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A record dict as one CSV row: the span split, nested values as JSON."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if key in ("span", "page_span"):
            flat[f"{key}_start"], flat[f"{key}_end"] = value["start"], value["end"]
        elif isinstance(value, (dict, list, tuple)):
            flat[key] = to_json(value)
        else:
            flat[key] = value
    return flat


#: The type of each kind of column, as :func:`column_type` names it.
COLUMN_TYPES = ("number", "int", "date", "bool", "json", "string")


def column_type(name: str) -> str:
    """The type of a built-in column: ``number``, ``int``, ``date``, ``bool``, ``json`` or ``string``."""
    if name in NUMBER_COLUMNS:
        return "number"
    if name in INT_COLUMNS:
        return "int"
    if name in DATE_COLUMNS:
        return "date"
    if name in BOOL_COLUMNS:
        return "bool"
    if name in JSON_COLUMNS:
        return "json"
    return "string"
