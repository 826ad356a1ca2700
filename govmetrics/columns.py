"""The columns of a table of records (CSV, Parquet, DataFrames) and a record dict as one row of them.

The row dicts (:func:`govmetrics.serialize.to_dict` of a record, tagged by :mod:`govmetrics.rows`)
are nested: a span is ``{"start": …, "end": …}``, a chair a dict. A table has fixed columns,
:data:`CSV_COLUMNS`, in the same order whatever the records: :func:`flat_row` splits the spans
into ``_start``/``_end`` columns and writes nested values as JSON. The tables below give each
column its type, which Parquet (:mod:`govmetrics.parquet`) and the frames
(:mod:`govmetrics.typed_frames`) both follow.

After the built-in columns come those of the plugins' own record kinds, ``<kind>_<field>`` (the
rule is :class:`Columns`'), and those of the documents' fields kept with ``keep_fields``
(:func:`keep_columns`). :func:`table_columns` works them out once per plugin host.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from govmetrics.escapes import without_surrogates
from govmetrics.models import as_day, exact
from govmetrics.serialize import as_double, exact_text, to_json

#: The columns of every table, in order.
CSV_COLUMNS = (
    "id", "source", "article", "article_title", "kind", "text", "span_start", "span_end", "raw_start", "raw_end",
    "page_span_start", "page_span_end", "pdf_page", "pdf_boxes", "sentence", "plugin",
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
    "article", "span_start", "span_end", "raw_start", "raw_end", "page_span_start", "page_span_end", "pdf_page",
    "min_times", "max_times",
)  # fmt: skip
#: Columns of days.
DATE_COLUMNS = ("start", "end", "date")
#: Columns of (nullable) booleans.
BOOL_COLUMNS = ("year_inferred", "referred", "target")
#: Columns holding nested values (a person, a list) as JSON text.
JSON_COLUMNS = ("chair", "attendees", "agenda", "pdf_boxes")


#: The days a ``datetime64[ns]`` column (a frame's, a Parquet file's timestamps) can hold. A day
#: outside them (counted from a publication date of 0001-01-01) is null there, as a number a double
#: cannot hold is; JSON and CSV write it as it is.
TIMESTAMP_DAYS = (dt.date(1677, 9, 22), dt.date(2262, 4, 11))


def timestamp_day(value: Any) -> dt.date | None:
    """The day ``value`` names (:func:`~govmetrics.models.as_day`), or ``None`` outside :data:`TIMESTAMP_DAYS`."""
    day = as_day(value)
    return day if TIMESTAMP_DAYS[0] <= day <= TIMESTAMP_DAYS[1] else None


def typed_cells(
    row: dict[str, Any], columns: Columns, *, day: Callable[[Any], Any], boolean: Callable[[Any], Any]
) -> dict[str, Any]:
    """A record dict as the cells of ``columns.typed_names``, typed for a typed table (Parquet, a
    database): a number as a double (null beyond one, its digits in the exact column beside it),
    whole numbers as ``int``, a day as ``day`` makes it (``None``: null), a flag as ``boolean``
    makes it, anything else text without lone surrogates (a GBK byte of a file name, which UTF-8
    cannot hold, as its escape). Empty cells are left out."""
    flat = columns.flat(row)
    cells: dict[str, Any] = {}
    for name, key, kind in columns.cells:
        value = flat.get(key)
        if value is None:
            continue
        if kind == "number":
            value = as_double(exact(value))
        elif kind == "exact":
            value = exact_text(exact(value))
        elif kind == "int":
            value = int(value)
        elif kind == "date":
            value = day(value)
        elif kind == "bool":
            value = boolean(value)
        else:
            value = without_surrogates(value if isinstance(value, str) else str(value))
        if value is not None:
            cells[name] = value
    return cells


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


# ------------------------------------------------------------------- plugin kinds' own columns


def _annotation_type(hint: Any) -> str:
    """The column type of a field annotated ``hint``: numbers (``Number``) exact, ``int``, ``bool``,
    days, text (``str``, a ``Literal`` of words), and anything else (a tuple, a person) as JSON."""
    if isinstance(hint, str):  # an annotation that could not be resolved: read its words
        words = hint.replace(" ", "")
        for suffix in ("|None", "None|"):
            words = words.replace(suffix, "")
        named = {"Number": "number", "int": "int", "bool": "bool", "str": "string", "dt.date": "date"}
        return named.get(words, "string" if words.startswith("Literal[") else "json")
    args = set(typing.get_args(hint)) if typing.get_origin(hint) in (typing.Union, types.UnionType) else {hint}
    args.discard(type(None))
    if args and args <= {int, Decimal, float} and args != {int}:
        return "number"
    if len(args) == 1:
        (only,) = args
        if only is bool:
            return "bool"
        if only is int:
            return "int"
        if only is dt.date:
            return "date"
        if only is str or (
            typing.get_origin(only) is typing.Literal and all(isinstance(a, str) for a in typing.get_args(only))
        ):
            return "string"
    return "json"


def _builtin_fields(cls: type) -> set[str]:
    """The fields ``cls`` has from a built-in record class: these keep the built-in columns."""
    from govmetrics.models import RECORD_TYPES, Record

    inherited = {field.name for field in attrs.fields(Record)}
    for builtin in RECORD_TYPES.values():
        if issubclass(cls, builtin):
            inherited |= {field.name for field in attrs.fields(builtin)}
    return inherited


def _field_types(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except Exception:  # an annotation naming what the plugin module imports only for type checking
        return {field.name: field.type for field in attrs.fields(cls)}


@attrs.frozen(slots=False)
class Columns:
    """The columns of a table of records: the built-in ones (:data:`CSV_COLUMNS`), then each
    plugin record kind's own, then any fields of the documents kept as they are.

    The rule for a plugin's record kind: a field it has from a built-in record class (``text``,
    ``span`` and ``plugin`` from ``Record``; a ``Metric``'s fields when it subclasses ``Metric``)
    fills the built-in column of that name; each of its other fields gets its own column,
    ``<kind>_<field>`` (``fiscal_indicator_indicator``), typed by the field's annotation:
    ``Number`` as an exact number (a ``float`` column and ``<column>_exact`` beside it), ``int`` and
    ``bool`` nullable, ``datetime.date`` a day, ``str`` (or a ``Literal`` of words) text, anything
    else JSON. The kinds come in the order their plugins registered them, each field in its class's
    order, after every built-in column.
    """

    #: Every column, in order (the CSV header).
    names: tuple[str, ...] = CSV_COLUMNS
    #: The type of each column that is not built in (as :func:`column_type` names types).
    types: dict[str, str] = attrs.field(factory=dict)
    #: For each plugin kind, its own fields and the columns they go to.
    own: dict[str, dict[str, str]] = attrs.field(factory=dict)

    def type_of(self, name: str) -> str:
        """The type of a column: ``number``, ``int``, ``date``, ``bool``, ``json`` or ``string``."""
        return self.types.get(name) or column_type(name)

    @functools.cached_property
    def typed_names(self) -> tuple[str, ...]:
        """The columns of Parquet and of frames: :attr:`names`, each number followed by its exact digits."""
        return tuple(
            typed
            for name in self.names
            for typed in ((name, f"{name}_exact") if self.type_of(name) == "number" else (name,))
        )

    @functools.cached_property
    def cells(self) -> tuple[tuple[str, str, str], ...]:
        """For each of :attr:`typed_names`: the column, the key of a :meth:`flat` row it is read
        from, and its type (``exact`` for the digits beside a number)."""
        return tuple(
            (name, name.removesuffix("_exact"), "exact")
            if name.endswith("_exact") and self.type_of(name.removesuffix("_exact")) == "number"
            else (name, name, self.type_of(name))
            for name in self.typed_names
        )

    def flat(self, row: dict[str, Any]) -> dict[str, Any]:
        """A row dict as cells of these columns (:func:`flat_row`, a plugin kind's own fields renamed)."""
        own = self.own.get(row.get("kind", ""))
        if own is None:
            return flat_row(row)
        return flat_row({own.get(key, key): value for key, value in row.items()})

    def with_fields(self, names: Iterable[str]) -> Columns:
        """These columns and, after them, text columns of the documents' own fields (``keep_fields``)."""
        names = tuple(names)
        return attrs.evolve(self, names=self.names + names, types={**self.types, **dict.fromkeys(names, "string")})


def plugin_columns(record_types: dict[str, type]) -> Columns:
    """The columns of a table of the records of ``record_types`` (a plugin host's, in registration
    order): the built-in ones, then each plugin kind's own (see :class:`Columns` for the rule)."""
    from govmetrics.models import RECORD_TYPES

    names = list(CSV_COLUMNS)
    types: dict[str, str] = {}
    own: dict[str, dict[str, str]] = {}
    for kind, cls in record_types.items():
        if kind in RECORD_TYPES or not attrs.has(cls):
            continue
        inherited = _builtin_fields(cls)
        hints = _field_types(cls)
        fields = {field.name: f"{kind}_{field.name}" for field in attrs.fields(cls) if field.name not in inherited}
        for field, column in fields.items():
            if column in names:
                raise ValueError(f"record kind {kind!r}: its field {field!r} would take the column {column!r} again")
            names.append(column)
            types[column] = _annotation_type(hints.get(field, "json"))
        own[kind] = fields
    return Columns(names=tuple(names), types=types, own=own)


def table_columns() -> Columns:
    """The columns for the record kinds of this process's plugin host, worked out once per host."""
    from govmetrics.plugins import get_plugin_host

    host = get_plugin_host()
    columns = host.cache.get("columns")
    if columns is None:
        columns = host.cache["columns"] = plugin_columns(host.record_types())
    return columns


def kept_names(names: Iterable[str] | str) -> tuple[str, ...]:
    """The names of the documents' own fields to keep (``keep_fields``), checked.

    ``names`` is a sequence of field names, or one string of them separated by commas
    (``"title,url"``). A name a row already uses (a column, a tag such as ``source``, a record
    field such as ``span``) would put two values in one place: it is an
    :class:`~govmetrics.errors.InputError`, as is a name given twice or an empty one.
    """
    from govmetrics.errors import InputError
    from govmetrics.plugins import get_plugin_host
    from govmetrics.rows import TAGS

    if isinstance(names, str):
        wanted = tuple(name.strip() for name in names.split(",")) if names.strip() else ()
    else:
        wanted = tuple(names)
    if not wanted:
        return ()
    taken = set(table_columns().typed_names) | set(TAGS) | {"kind"}
    for cls in get_plugin_host().record_types().values():
        taken.update(field.name for field in attrs.fields(cls))
    for index, name in enumerate(wanted):
        if not isinstance(name, str) or not name:
            raise InputError(f"cannot keep the field {name!r}: not a field name")
        if name in taken:
            raise InputError(f"cannot keep the field {name!r}: it is already a column of the records")
        if name in wanted[:index]:
            raise InputError(f"cannot keep the field {name!r}: it is named twice")
    return wanted


def keep_columns(names: Iterable[str] | str) -> Columns:
    """The columns of this process's record kinds, then the documents' own fields ``names``
    (:func:`kept_names`) as text columns of the same names."""
    return table_columns().with_fields(kept_names(names))
