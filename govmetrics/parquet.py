"""Writing records as Parquet: typed columns, in row groups of bounded size, readable by pandas as is.

The columns are the CSV columns (:data:`govmetrics.columns.CSV_COLUMNS`) with the exact digits of
each number beside it, typed as :func:`parquet_schema` says; the schema carries the ``pandas``
metadata, so ``pd.read_parquet`` gives the frames' dtypes (:func:`govmetrics.frames.dtypes`).
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.metadata
import io
import json
from collections.abc import Iterable
from os import PathLike
from typing import Any, BinaryIO

from govmetrics.columns import CSV_COLUMNS, NUMBER_COLUMNS, Columns, table_columns, timestamp_day, typed_cells
from govmetrics.extras import check, require
from govmetrics.models import as_day

#: The Parquet columns of the built-in record kinds: the CSV columns, with ``value_exact`` and
#: ``high_exact`` after their numbers (a plugin's kinds add theirs: ``Columns.typed_names``).
PARQUET_COLUMNS = tuple(
    name for column in CSV_COLUMNS for name in ((column, f"{column}_exact") if column in NUMBER_COLUMNS else (column,))
)
#: Rows per Parquet row group: bounds what the writer holds.
PARQUET_BATCH_ROWS = 10_000
#: Rows of JSON lines turned into Arrow columns at a time, as they come; the row group is written
#: from these pieces. Converting in small pieces leaves little for the end of a run with worker
#: processes: only the last piece and the last row group's encoding, done once every document is.
PARQUET_PIECE_ROWS = 1_000


#: What pandas calls each column type, in the ``pandas`` metadata of the schema: ``pandas_type`` and
#: ``numpy_type`` as ``pyarrow.Schema.from_pandas`` writes them for the dtypes of
#: :func:`govmetrics.typed_frames.dtypes`.
PANDAS_TYPES = {
    "number": ("float64", "float64"),
    "int": ("int64", "Int64"),
    "date": ("datetime", "datetime64[ns]"),
    "bool": ("bool", "boolean"),
    "json": ("object", "string"),
    "exact": ("object", "string"),
    "string": ("object", "string"),
}


def pandas_metadata(columns: Columns | None = None) -> dict[bytes, bytes]:
    """The ``pandas`` key of the schema's metadata: how ``pd.read_parquet`` types each column.

    Without it pandas reads ``int64`` and ``bool`` columns with nulls as ``float64`` and ``object``;
    with it, as the frames type them (nullable ``Int64``, ``boolean``, ``string``). It is what
    ``pyarrow.Schema.from_pandas(govmetrics.frames.empty_frame())`` writes, built here from the column
    types so that writing Parquet does not import pandas.
    """
    columns = columns or table_columns()
    entries = [
        {
            "name": name,
            "field_name": name,
            "pandas_type": PANDAS_TYPES[kind][0],
            "numpy_type": PANDAS_TYPES[kind][1],
            "metadata": None,
        }
        for name, _, kind in columns.cells
    ]
    try:
        pandas_version: str | None = importlib.metadata.version("pandas")
    except importlib.metadata.PackageNotFoundError:
        pandas_version = None
    pandas = {
        "index_columns": [],
        "column_indexes": [],
        "columns": entries,
        "attributes": {},
        "creator": {"library": "pyarrow", "version": importlib.metadata.version("pyarrow")},
        "pandas_version": pandas_version,
    }
    return {b"pandas": json.dumps(pandas).encode("utf-8")}


def _arrow_type(pa: Any, kind: str, day: Any) -> Any:
    return {"int": pa.int64(), "number": pa.float64(), "date": day, "bool": pa.bool_()}.get(kind, pa.string())


def parquet_schema(columns: Columns | None = None) -> Any:
    """The Parquet schema: ``int64`` offsets and counts, ``float64`` numbers with exact strings beside
    them, ``timestamp[ns]`` days (midnight), ``bool`` flags, ``string`` for everything else (nested
    values as JSON); with the ``pandas`` metadata (:func:`pandas_metadata`), so that
    ``pd.read_parquet`` gives the dtypes of :func:`govmetrics.frames.dtypes`.

    A day is a timestamp, not a ``date32``, because pandas reads ``date32`` as Python ``date``
    objects (an ``object`` column) whatever the metadata says, and a frame's days are ``datetime64[ns]``.
    """
    pa = importlib.import_module("pyarrow")
    columns = columns or table_columns()
    fields = [pa.field(name, _arrow_type(pa, kind, pa.timestamp("ns"))) for name, _, kind in columns.cells]
    return pa.schema(fields).with_metadata(pandas_metadata(columns))


def _reading_schema(columns: Columns) -> Any:
    """The schema JSON lines of :func:`parquet_row` cells are read with: days as ``date32`` numbers,
    cast to the file's timestamps after."""
    pa = importlib.import_module("pyarrow")
    return pa.schema([pa.field(name, _arrow_type(pa, kind, pa.date32())) for name, _, kind in columns.cells])


_EPOCH = dt.date(1970, 1, 1)


def _days(value: Any) -> int:
    """A day as Arrow's ``date32`` counts it: days since 1970-01-01 (the JSON reader takes the number)."""
    return (as_day(value) - _EPOCH).days


def parquet_row(row: dict[str, Any], columns: Columns | None = None) -> dict[str, Any]:
    """A record dict as the cells of the Parquet columns (``columns.typed_names``), typed as
    :func:`parquet_schema` says (a day as its ``date32`` number); empty cells are left out."""
    return typed_cells(row, columns or table_columns(), day=_day_number, boolean=bool)


def _day_number(value: Any) -> int | None:
    """A day as Arrow's ``date32`` number, or None for one a ``timestamp[ns]`` cannot hold."""
    return _days(value) if timestamp_day(value) is not None else None


def parquet_lines(rows: Iterable[dict[str, Any]], columns: Columns | None = None) -> str:
    """The rows as JSON lines of their Parquet cells, which the writer reads with Arrow's JSON reader."""
    columns = columns or table_columns()
    return "".join(json.dumps(parquet_row(row, columns), ensure_ascii=False) + "\n" for row in rows)


def import_pyarrow() -> Any:
    """``pyarrow.parquet``, or :class:`~govmetrics.errors.MissingExtraError` naming the extra."""
    return require("pyarrow.parquet", "parquet", "writing Parquet")


def check_pyarrow() -> None:
    """The error of :func:`import_pyarrow`, found without importing pyarrow (80 ms)."""
    check("pyarrow", "parquet", "writing Parquet")


class ParquetWriter:
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
        columns: Columns | None = None,
    ) -> None:
        self.columns = columns or table_columns()
        self.owned = isinstance(target, (str, PathLike))
        self.file: BinaryIO = open(target, "wb") if isinstance(target, (str, PathLike)) else target  # noqa: SIM115
        self.writer: Any = None
        self.schema: Any = None
        self.reading: Any = None
        self.batch_rows = batch_rows
        self.piece_rows = min(piece_rows, batch_rows)
        self.lines: list[str] = []
        self.rows = 0  # in self.lines
        self.pieces: list[Any] = []  # Arrow tables of the row group being gathered
        self.piece_total = 0  # rows in self.pieces

    def _writer(self) -> Any:
        if self.writer is None:
            pq = import_pyarrow()
            self.schema = parquet_schema(self.columns)
            self.reading = _reading_schema(self.columns)
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
            parse_options=pj.ParseOptions(explicit_schema=self.reading, unexpected_field_behavior="ignore"),
        ).cast(self.schema)
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
