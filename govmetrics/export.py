"""Writing records out: JSON Lines, one JSON array, CSV, a table for people, or Parquet.

All formats share one schema, the dicts of :func:`govmetrics.serialize.to_dict`, tagged by
:mod:`govmetrics.rows` with the document ``id`` and its ``source`` file (and, for pages, the
article). CSV flattens it into fixed columns (:data:`~govmetrics.columns.CSV_COLUMNS`), the span into
``span_start``/``span_end``, and writes nested values (a chair, attendees) as JSON.
Parquet has the CSV columns, typed (:mod:`govmetrics.parquet`).

Output streams: :func:`encode_rows` turns the rows of one document into what the writer of a
format takes (it runs where the document was extracted, a worker process in a batch run), and a
:class:`RecordWriter` from :func:`open_writer` writes each piece as it comes: text formats at
once, Parquet in record batches of fixed schema, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterable
from decimal import Decimal
from os import PathLike
from typing import Any, Protocol, TextIO
from unicodedata import east_asian_width

from govmetrics.columns import (
    BOOL_COLUMNS,
    CSV_COLUMNS,
    DATE_COLUMNS,
    INT_COLUMNS,
    JSON_COLUMNS,
    NUMBER_COLUMNS,
    Columns,
    flat_row,
    table_columns,
)
from govmetrics.errors import InputError
from govmetrics.escapes import csv_text, without_surrogates
from govmetrics.parquet import (
    PARQUET_BATCH_ROWS,
    PARQUET_COLUMNS,
    PARQUET_PIECE_ROWS,
    ParquetWriter,
    check_pyarrow,
    import_pyarrow,
    parquet_lines,
    parquet_row,
    parquet_schema,
)
from govmetrics.rows import TAGS
from govmetrics.serialize import exact_text, to_json

__all__ = [
    "BOOL_COLUMNS",
    "CSV_COLUMNS",
    "DATE_COLUMNS",
    "FORMATS",
    "INT_COLUMNS",
    "JSON_COLUMNS",
    "NUMBER_COLUMNS",
    "PARQUET_BATCH_ROWS",
    "PARQUET_COLUMNS",
    "PARQUET_PIECE_ROWS",
    "SUFFIXES",
    "ParquetWriter",
    "RecordWriter",
    "check_pyarrow",
    "encode_rows",
    "flat_row",
    "format_for",
    "import_pyarrow",
    "open_writer",
    "parquet_row",
    "parquet_schema",
    "write_records",
]

FORMATS = ("jsonl", "json", "csv", "table", "parquet", "sqlite")
#: The format an output file's name asks for.
SUFFIXES = {
    ".jsonl": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".db": "sqlite",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
}


def _summary(row: dict[str, Any]) -> str:
    if row["kind"] == "metric":
        value = csv_cell(row["value"]) + (f"~{csv_cell(row['high'])}" if row.get("high") is not None else "")
        return f"{value} {row.get('unit', '')}" + (f" ({row['approx']})" if row.get("approx") else "")
    if row["kind"] == "date":
        return f"{row['start']}..{row['end']} {row['granularity']}" + (
            f" ({row['relation']})" if row.get("relation") else ""
        )
    if row["kind"] == "cadence":
        return f"{row['period']} times={row.get('min_times')}..{row.get('max_times')}"
    if row["kind"] == "meeting":
        chair = (row.get("chair") or {}).get("name")
        return f"{row['name']} {row.get('date') or ''} chair={chair}"
    return " ".join(f"{name}={_shown(value)}" for name, value in _own_fields(row))


#: Keys of a row that are not a plugin record's own fields: the tags and what every record has.
_NOT_OWN = frozenset(TAGS) | {"kind", "text", "span", "plugin"}


def _own_fields(row: dict[str, Any]) -> list[tuple[str, Any]]:
    """A plugin record's own fields, in the order its class declares them (the row's order)."""
    return [(name, value) for name, value in row.items() if name not in _NOT_OWN]


def _shown(value: Any) -> str:
    """A field's value for a table: nested values as JSON, the rest as they print."""
    return to_json(value) if isinstance(value, (dict, list, tuple)) else str(value)


def display_width(text: str) -> int:
    """The columns ``text`` takes on a terminal: two for a wide or full-width character (汉字, ％),
    one for the rest (Unicode's East Asian Width, W and F)."""
    if text.isascii():
        return len(text)
    return sum(2 if east_asian_width(char) in "WF" else 1 for char in text)


def _padded(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal columns (wider text is left as it is)."""
    return text + " " * max(width - display_width(text), 0)


def format_for(path: str | PathLike[str]) -> str | None:
    """The format a file name asks for by its suffix (``records.csv`` → ``csv``), or ``None``."""
    name = str(path).lower()
    for suffix, fmt in SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    return None


def _table_line(row: dict[str, Any]) -> str:
    span = row["span"]
    line = f"{row['kind']:<8} {span['start']:>6}-{span['end']:<6} {_padded(row['text'], 16)} {_summary(row)}\n"
    return without_surrogates(line)


def _json_item(row: dict[str, Any]) -> str:
    """A row as ``json.dumps(rows, indent=1)`` writes an item of its array."""
    return "\n".join(" " + line for line in to_json(row, indent=1).splitlines())


def csv_cell(value: Any) -> Any:
    """A cell as CSV (and a table) writes it: a number by its exact digits, however many (``str``
    of an ``int`` stops at 4,300 digits); text as :func:`~govmetrics.escapes.csv_text` makes it safe
    (no lone surrogate, no formula a spreadsheet would run). Numbers are never quoted: ``-3.2``
    stays a number."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return exact_text(value)
    if isinstance(value, str):
        return csv_text(value)
    return value


def encode_rows(rows: Iterable[dict[str, Any]], fmt: str, columns: Columns | None = None) -> Any:
    """The rows of one document as the writer of ``fmt`` takes them (picklable, so a worker can encode).

    :param columns: the columns of CSV and Parquet; by default, those of this process's record
        kinds (:func:`~govmetrics.columns.table_columns`). The writer must have the same.
    """
    if fmt == "jsonl":
        return "".join(to_json(row) + "\n" for row in rows)
    if fmt == "json":
        return [_json_item(row) for row in rows]
    if fmt == "csv":
        columns = columns or table_columns()
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns.names, extrasaction="ignore", lineterminator="\n")
        writer.writerows({key: csv_cell(value) for key, value in columns.flat(row).items()} for row in rows)
        return buffer.getvalue()
    if fmt == "table":
        return "".join(_table_line(row) for row in rows)
    if fmt == "parquet":
        return parquet_lines(rows, columns or table_columns())
    if fmt == "sqlite":
        raise ValueError("a database takes each document with its rows: govmetrics.database.database_payload")
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


class RecordWriter(Protocol):
    """Writes what :func:`encode_rows` made, one document at a time; :meth:`close` finishes the output."""

    def write(self, payload: Any) -> None: ...

    def close(self) -> None:
        """Finish the output (a JSON array's bracket, a Parquet footer) and close a file we opened."""


class _TextWriter(RecordWriter):
    def __init__(self, fmt: str, out: TextIO, owned: bool, columns: Columns | None = None) -> None:
        self.out = out
        self.owned = owned
        if fmt == "csv":  # the header, even when no record follows
            csv.writer(out, lineterminator="\n").writerow((columns or table_columns()).names)

    def write(self, payload: Any) -> None:
        self.out.write(payload)

    def close(self) -> None:
        if self.owned:
            self.out.close()
        else:
            self.out.flush()


class _JsonArrayWriter(_TextWriter):
    def __init__(self, fmt: str, out: TextIO, owned: bool, columns: Columns | None = None) -> None:
        super().__init__(fmt, out, owned, columns)
        self.items = 0

    def write(self, payload: Any) -> None:
        for item in payload:
            self.out.write(("[\n" if self.items == 0 else ",\n") + item)
            self.items += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.items else "[]\n")
        super().close()


def open_writer(
    fmt: str, out: TextIO | str | PathLike[str], columns: Columns | None = None, *, name: str | None = None
) -> RecordWriter:
    """A writer of ``fmt`` to a text stream or to a file it creates (Parquet and SQLite need a file).

    ``name`` is what errors call the file (the output a user named, when ``out`` is the temporary
    file written in its place).

    ``columns`` are those of CSV and Parquet (by default, :func:`~govmetrics.columns.table_columns`);
    :func:`encode_rows` must encode with the same.

    :raises InputError: the file cannot be created, or Parquet is asked for without pyarrow or
        without a file.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "sqlite":
        from govmetrics.database import DatabaseWriter, check_sqlite_utils

        if not isinstance(out, (str, PathLike)):
            raise InputError("SQLite output needs a file: -o FILE.db")
        check_sqlite_utils()
        try:
            return DatabaseWriter(out, columns=columns or table_columns())
        except sqlite3.Error as exc:
            raise InputError(f"{name or out}: cannot write the database: {exc}") from None
    if fmt == "parquet":
        if not isinstance(out, (str, PathLike)):
            raise InputError("Parquet output needs a file: -o FILE.parquet")
        check_pyarrow()  # the missing-pyarrow error before the file is created
        try:
            return ParquetWriter(out, columns=columns or table_columns())
        except OSError as exc:
            raise InputError(f"{name or out}: cannot write: {exc.strerror or exc}") from None
    stream: TextIO
    owned = isinstance(out, (str, PathLike))
    if isinstance(out, (str, PathLike)):
        try:
            stream = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by the writer
        except OSError as exc:
            raise InputError(f"{name or out}: cannot write: {exc.strerror}") from None
    else:
        stream = out
    if fmt == "json":
        return _JsonArrayWriter(fmt, stream, owned)
    return _TextWriter(fmt, stream, owned, columns)


def write_records(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO | str | PathLike[str]) -> None:
    """Write record dicts to ``out`` (a text stream, or a file name) in ``fmt`` (one of :data:`FORMATS`)."""
    columns = table_columns()
    writer = open_writer(fmt, out, columns)
    try:
        for row in rows:
            writer.write(encode_rows([row], fmt, columns))
    finally:
        writer.close()
