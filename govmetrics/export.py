"""Writing records out: JSON Lines, one JSON array, CSV, a table for people, or Parquet.

All formats share one schema, the dicts of :func:`govmetrics.serialize.to_dict`, tagged by
:mod:`govmetrics.rows` with the document ``id`` and its ``source`` file (and, for pages, the
article). CSV flattens it into fixed columns (:data:`CSV_COLUMNS`), the span into
``span_start``/``span_end``, and writes nested values (a chair, attendees) as JSON.
Parquet has the CSV columns, typed (:func:`parquet_schema`).

Output streams: :func:`encode_rows` turns the rows of one document into what the writer of a
format takes (it runs where the document was extracted, a worker process in a batch run), and a
:class:`RecordWriter` from :func:`open_writer` writes each piece as it comes: text formats at
once, Parquet in record batches of fixed schema, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import importlib.util
import io
import json
from collections.abc import Iterable
from os import PathLike
from typing import Any, BinaryIO, TextIO

from govmetrics.errors import InputError
from govmetrics.extras import check, require
from govmetrics.models import as_day, exact
from govmetrics.serialize import to_json

FORMATS = ("jsonl", "json", "csv", "table", "parquet")
#: The format an output file's name asks for.
SUFFIXES = {".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet"}
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


def _summary(row: dict[str, Any]) -> str:
    if row["kind"] == "metric":
        value = f"{row['value']}" + (f"~{row['high']}" if row.get("high") is not None else "")
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
    return ""


def format_for(path: str | PathLike[str]) -> str | None:
    """The format a file name asks for by its suffix (``records.csv`` → ``csv``), or ``None``."""
    name = str(path).lower()
    for suffix, fmt in SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    return None


def _table_line(row: dict[str, Any]) -> str:
    span = row["span"]
    return f"{row['kind']:<8} {span['start']:>6}-{span['end']:<6} {row['text']:<16} {_summary(row)}\n"


def _json_item(row: dict[str, Any]) -> str:
    """A row as ``json.dumps(rows, indent=1)`` writes an item of its array."""
    return "\n".join(" " + line for line in to_json(row, indent=1).splitlines())


def encode_rows(rows: Iterable[dict[str, Any]], fmt: str) -> Any:
    """The rows of one document as the writer of ``fmt`` takes them (picklable, so a worker can encode)."""
    if fmt == "jsonl":
        return "".join(to_json(row) + "\n" for row in rows)
    if fmt == "json":
        return [_json_item(row) for row in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writerows(flat_row(row) for row in rows)
        return buffer.getvalue()
    if fmt == "table":
        return "".join(_table_line(row) for row in rows)
    if fmt == "parquet":
        return _parquet_lines(rows)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


class RecordWriter:
    """Writes what :func:`encode_rows` made, one document at a time; :meth:`close` finishes the output."""

    def write(self, payload: Any) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (a JSON array's bracket, a Parquet footer) and close a file we opened."""


class _TextWriter(RecordWriter):
    def __init__(self, fmt: str, out: TextIO, owned: bool) -> None:
        self.out = out
        self.owned = owned
        if fmt == "csv":  # the header, even when no record follows
            out.write(",".join(CSV_COLUMNS) + "\n")

    def write(self, payload: Any) -> None:
        self.out.write(payload)

    def close(self) -> None:
        if self.owned:
            self.out.close()
        else:
            self.out.flush()


class _JsonArrayWriter(_TextWriter):
    def __init__(self, fmt: str, out: TextIO, owned: bool) -> None:
        super().__init__(fmt, out, owned)
        self.items = 0

    def write(self, payload: Any) -> None:
        for item in payload:
            self.out.write(("[\n" if self.items == 0 else ",\n") + item)
            self.items += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.items else "[]\n")
        super().close()


# ---------------------------------------------------------------------------------------- Parquet

#: The Parquet columns: the CSV columns, with ``value_exact`` and ``high_exact`` after their numbers.
PARQUET_COLUMNS = tuple(
    name for column in CSV_COLUMNS for name in ((column, f"{column}_exact") if column in NUMBER_COLUMNS else (column,))
)
#: Rows per Parquet row group: bounds what the writer holds.
PARQUET_BATCH_ROWS = 10_000
#: Rows of JSON lines turned into Arrow columns at a time, as they come; the row group is written
#: from these pieces. Converting in small pieces leaves little for the end of a run with worker
#: processes: only the last piece and the last row group's encoding, done once every document is.
PARQUET_PIECE_ROWS = 1_000


def parquet_schema() -> Any:
    """The Parquet schema: ``int64`` offsets and counts, ``float64`` numbers with exact strings beside
    them, ``date32`` days, ``bool`` flags, ``string`` for everything else (nested values as JSON)."""
    pa = importlib.import_module("pyarrow")

    def type_of(name: str) -> Any:
        if name in INT_COLUMNS:
            return pa.int64()
        if name in NUMBER_COLUMNS:
            return pa.float64()
        if name in DATE_COLUMNS:
            return pa.date32()
        if name in BOOL_COLUMNS:
            return pa.bool_()
        return pa.string()

    return pa.schema([pa.field(name, type_of(name)) for name in PARQUET_COLUMNS])


_EPOCH = dt.date(1970, 1, 1)


def _days(value: Any) -> int:
    """A day as Arrow's ``date32`` counts it: days since 1970-01-01."""
    return (as_day(value) - _EPOCH).days


def parquet_row(row: dict[str, Any]) -> dict[str, Any]:
    """A record dict as the cells of :data:`PARQUET_COLUMNS`, typed as :func:`parquet_schema` says
    (a day as its ``date32`` number); empty cells are left out."""
    flat = flat_row(row)
    cells: dict[str, Any] = {}
    for name in PARQUET_COLUMNS:
        value = flat.get(name.removesuffix("_exact"))
        if value is None:
            continue
        if name in NUMBER_COLUMNS:
            cells[name] = float(exact(value))
        elif name.endswith("_exact"):
            cells[name] = str(exact(value))
        elif name in INT_COLUMNS:
            cells[name] = int(value)
        elif name in DATE_COLUMNS:
            cells[name] = _days(value)
        elif name in BOOL_COLUMNS:
            cells[name] = bool(value)
        else:
            cells[name] = value if isinstance(value, str) else str(value)
    return cells


def _parquet_lines(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(parquet_row(row), ensure_ascii=False) + "\n" for row in rows)


def import_pyarrow() -> Any:
    """``pyarrow.parquet``, or :class:`~govmetrics.errors.MissingExtraError` naming the extra."""
    return require("pyarrow.parquet", "parquet", "writing Parquet")


def check_pyarrow() -> None:
    """The error of :func:`import_pyarrow`, found without importing pyarrow (80 ms)."""
    check("pyarrow", "parquet", "writing Parquet")


class _ParquetWriter(RecordWriter):
    """Rows come as JSON lines of typed cells; each ``piece_rows`` of them become Arrow columns, and
    each ``batch_rows`` one row group.

    The lines are read by Arrow's JSON reader against the fixed schema rather than built with
    ``pyarrow.array`` from Python lists, which imports pandas (some 50 MB) into the writing process.
    The file is created at once (so a file that cannot be written stops the run before it starts);
    pyarrow is imported at the first piece, while worker processes are already extracting.
    """

    def __init__(
        self,
        target: str | PathLike[str] | BinaryIO,
        batch_rows: int = PARQUET_BATCH_ROWS,
        piece_rows: int = PARQUET_PIECE_ROWS,
    ) -> None:
        self.owned = isinstance(target, (str, PathLike))
        self.file: BinaryIO = open(target, "wb") if isinstance(target, (str, PathLike)) else target  # noqa: SIM115
        self.writer: Any = None
        self.schema: Any = None
        self.batch_rows = batch_rows
        self.piece_rows = min(piece_rows, batch_rows)
        self.lines: list[str] = []
        self.rows = 0  # in self.lines
        self.pieces: list[Any] = []  # Arrow tables of the row group being gathered
        self.piece_total = 0  # rows in self.pieces

    def _writer(self) -> Any:
        if self.writer is None:
            pq = import_pyarrow()
            self.schema = parquet_schema()
            self.writer = pq.ParquetWriter(self.file, self.schema)
        return self.writer

    def write(self, payload: Any) -> None:
        self.lines.append(payload)
        self.rows += payload.count("\n")
        if self.rows >= self.piece_rows:
            self._convert()
            if self.piece_total >= self.batch_rows:
                self._write_row_group()

    def _convert(self) -> None:
        """The lines gathered so far, as one more Arrow table of the row group."""
        if not self.rows:
            return
        data = "".join(self.lines).encode("utf-8")
        self.lines, self.rows = [], 0
        self._writer()
        pj = importlib.import_module("pyarrow.json")
        table = pj.read_json(
            io.BytesIO(data),
            read_options=pj.ReadOptions(use_threads=False, block_size=max(len(data), 1 << 20)),
            parse_options=pj.ParseOptions(explicit_schema=self.schema, unexpected_field_behavior="ignore"),
        )
        self.pieces.append(table)
        self.piece_total += table.num_rows

    def _write_row_group(self) -> None:
        if not self.pieces:
            return
        pa = importlib.import_module("pyarrow")
        table = pa.concat_tables(self.pieces)
        self.pieces, self.piece_total = [], 0
        self._writer().write_table(table, row_group_size=table.num_rows)

    def close(self) -> None:
        try:
            self._convert()
            self._write_row_group()
            self._writer().close()  # an empty run still writes a file with every column
        finally:
            if self.owned:
                self.file.close()


def open_writer(fmt: str, out: TextIO | str | PathLike[str]) -> RecordWriter:
    """A writer of ``fmt`` to a text stream or to a file it creates (Parquet needs a file).

    :raises InputError: the file cannot be created, or Parquet is asked for without pyarrow or
        without a file.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, PathLike)):
            raise InputError("Parquet output needs a file: -o FILE.parquet")
        check_pyarrow()  # the missing-pyarrow error before the file is created
        try:
            return _ParquetWriter(out)
        except OSError as exc:
            raise InputError(f"{out}: cannot write: {exc.strerror or exc}") from None
    stream: TextIO
    owned = isinstance(out, (str, PathLike))
    if isinstance(out, (str, PathLike)):
        try:
            stream = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by the writer
        except OSError as exc:
            raise InputError(f"{out}: cannot write: {exc.strerror}") from None
    else:
        stream = out
    if fmt == "json":
        return _JsonArrayWriter(fmt, stream, owned)
    return _TextWriter(fmt, stream, owned)


def write_records(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO | str | PathLike[str]) -> None:
    """Write record dicts to ``out`` (a text stream, or a file name) in ``fmt`` (one of :data:`FORMATS`)."""
    writer = open_writer(fmt, out)
    try:
        for row in rows:
            writer.write(encode_rows([row], fmt))
    finally:
        writer.close()
