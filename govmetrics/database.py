"""Records into a SQLite database: a table of documents, one table per record kind, ready for datasette.

``govmetrics extract … -o records.db`` (or ``.sqlite``, ``.sqlite3``) writes, through sqlite-utils
(the ``sqlite`` extra):

* ``documents``: one row per document, ``id`` its primary key, then ``source``, ``title`` (a web
  page's headline, else a kept field of that name), ``published`` (``YYYY-MM-DD``), ``text`` (the
  text as given: the spans' ``raw_start`` and ``raw_end`` point into it) and the fields kept with
  ``--keep-fields``. Full-text search covers ``title`` and ``text`` with SQLite's trigram
  tokenizer: Chinese is written without spaces, so the default tokenizer would take a whole
  sentence for one word; trigrams find any run of three or more characters (search 老旧小区, not 小区).
* one table per record kind, named by the kind (``metric``, ``date``, ``cadence``, ``meeting``, a
  plugin's kinds): ``document_id``, a foreign key to ``documents``, the tags every row has (source,
  article, spans, sentence …) and the kind's own columns, typed as in every other table
  (:mod:`govmetrics.columns`): an exact number is a ``REAL`` with its digits in ``<column>_exact``
  beside it, a day ``YYYY-MM-DD`` text, a boolean 0 or 1, a person or a list JSON text.
* a view ``records``: every record of every kind, with its kind, text, span and sentence.
* indexes on ``document_id`` in every kind's table, on ``unit`` and ``approx`` (metrics),
  ``period`` (cadences), ``start`` (dates) and ``date`` (meetings).

Writing to a database that exists adds to it: a document already there (by ``id``) is replaced,
its old records deleted with it, so running the same corpus twice leaves one copy of each. As
every output, the file is written beside the target and renamed over it when the run ends
(:mod:`govmetrics.output_file`); it starts as a copy of the target, so an interrupted run leaves
the previous database as it was.

:func:`datasette_metadata` gives the facets to browse it by (unit, approx, period, kind …); the
command writes them beside the database for ``datasette records.db -m records.metadata.json``.
"""

from __future__ import annotations

import json
from os import PathLike
from typing import Any

import attrs

from govmetrics.columns import CSV_COLUMNS, Columns, table_columns, typed_cells
from govmetrics.documents import Document
from govmetrics.escapes import without_surrogates
from govmetrics.extras import check, require
from govmetrics.models import Article, as_day

#: The file names that ask for a database.
DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
#: The columns every kind's table has, after ``document_id``: where its record was found.
TAG_COLUMNS = (
    "source", "article", "article_title", "text", "span_start", "span_end", "raw_start", "raw_end",
    "page_span_start", "page_span_end", "pdf_page", "pdf_boxes", "sentence", "plugin",
)  # fmt: skip
_SQL_TYPES = {"number": "FLOAT", "exact": "TEXT", "int": "INTEGER", "bool": "INTEGER"}
#: Indexes beyond ``document_id``, by kind: the columns a corpus is filtered and grouped by.
INDEXES = {"metric": ("unit", "approx"), "cadence": ("period",), "date": ("start",), "meeting": ("date",)}
#: The facets datasette shows first, by table.
FACETS = {
    "records": ("kind",),
    "metric": ("unit", "approx", "change", "target"),
    "cadence": ("period", "min_times"),
    "date": ("granularity", "relation"),
    "meeting": ("organ",),
    "documents": ("published",),
}
_BATCH = 500  # documents between commits


def database_payload(
    document: Document, source: str | None, rows: list[dict[str, Any]], columns: Columns | None = None
) -> dict[str, Any]:
    """What the database writer takes for one document (made in a worker, so it pickles): the
    document's row and its records' cells by kind."""
    columns = columns or table_columns()
    article = document.text if isinstance(document.text, Article) else None
    kept = dict(document.kept)
    documents_row = {
        "id": document.id,
        "source": source or document.id,
        "title": document.title or (article.title if article is not None else None) or kept.pop("title", None),
        "published": document.published.isoformat() if document.published else None,
        "text": without_surrogates(article.raw if article is not None else str(document.text)),
        **{name: None if value is None else without_surrogates(value) for name, value in kept.items()},
    }
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(_cells(row, columns))
    return {"document": documents_row, "records": by_kind}


def _cells(row: dict[str, Any], columns: Columns) -> dict[str, Any]:
    """A record dict as the cells of its kind's table: typed as SQLite keeps them, empty ones left out."""
    cells = typed_cells(row, columns, day=_iso_day, boolean=int)
    del cells["id"], cells["kind"]  # the document's id is document_id; the table names the kind
    return {"document_id": row["id"], **cells}


def _iso_day(value: Any) -> str:
    return as_day(value).isoformat()


def check_sqlite_utils() -> None:
    """The missing-extra error, found before the output file is created."""
    check("sqlite_utils", "sqlite", "writing SQLite")


def kind_columns(columns: Columns, kind: str, record_type: type | None) -> dict[str, str]:
    """The columns of the table of ``kind`` and their SQLite types: ``document_id``, the tags
    (:data:`TAG_COLUMNS`), the fields of its record type (as :class:`Columns` names them; for a kind
    no plugin registered, every column), the exact digits beside each number, the kept fields."""
    record_columns = set(CSV_COLUMNS) | {name for own in columns.own.values() for name in own.values()}
    wanted = set(TAG_COLUMNS) | {name for name in columns.names if name not in record_columns}  # kept fields
    if record_type is None or not attrs.has(record_type):
        wanted |= set(columns.names)
    else:
        own = columns.own.get(kind, {})
        for field in attrs.fields(record_type):
            name = own.get(field.name, field.name)
            wanted |= {f"{name}_start", f"{name}_end"} if field.name == "span" else {name}
    schema = {"document_id": "TEXT"}
    for name, key, type_of in columns.cells:
        if key in wanted and name not in ("id", "kind"):
            schema[name] = _SQL_TYPES.get(type_of, "TEXT")
    return schema


class DatabaseWriter:
    """Writes :func:`database_payload` payloads into the database at ``path`` (see the module docstring).

    :raises MissingExtraError: sqlite-utils is not installed (the ``sqlite`` extra).
    """

    def __init__(self, path: str | PathLike[str], columns: Columns | None = None) -> None:
        from govmetrics.plugins import get_plugin_host

        sqlite_utils = require("sqlite_utils", "sqlite", "writing SQLite")
        self.columns = columns or table_columns()
        self._record_types = get_plugin_host().record_types()
        self._db = sqlite_utils.Database(path)
        # the file is a copy renamed over the target when the run ends, and a crash discards it:
        # it needs no journal on disk and no sync to survive one
        self._db.execute("PRAGMA journal_mode = MEMORY")
        self._db.execute("PRAGMA synchronous = OFF")
        if "documents" not in self._db.table_names():
            schema = {"id": str, "source": str, "title": str, "published": str, "text": str}
            self._db["documents"].create(schema, pk="id")
        self._tables = {name: set(self._db[name].columns_dict) for name in self._db.table_names()}
        self._pending = 0

    def write(self, payload: dict[str, Any]) -> None:
        document = payload["document"]
        for name, names in self._tables.items():
            if "document_id" in names:
                self._db.execute(f"DELETE FROM [{name}] WHERE document_id = ?", [document["id"]])
        self._db.execute("DELETE FROM documents WHERE id = ?", [document["id"]])
        self._insert("documents", [document])
        for kind, cells in payload["records"].items():
            if kind not in self._tables:
                schema = kind_columns(self.columns, kind, self._record_types.get(kind))
                self._db[kind].create(schema, foreign_keys=[("document_id", "documents", "id")])
                # made now, not at the end: replacing a document deletes its records by it
                self._db[kind].create_index(["document_id"], if_not_exists=True)
                self._tables[kind] = set(schema)
            self._insert(kind, cells)
        self._pending += 1
        if self._pending >= _BATCH:
            self._db.conn.commit()
            self._pending = 0

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        names = sorted({key for row in rows for key in row})
        if not set(names) <= self._tables[table]:  # a kept field new to this database: add its column
            self._db[table].add_missing_columns(rows)
            self._tables[table] = set(self._db[table].columns_dict)
        quoted = ", ".join(f"[{name}]" for name in names)
        sql = f"INSERT INTO [{table}] ({quoted}) VALUES ({', '.join('?' * len(names))})"
        self._db.conn.executemany(sql, [[row.get(name) for name in names] for row in rows])

    def close(self) -> None:
        """Index the tables, make the ``records`` view and the documents' search, and close."""
        db = self._db
        db.conn.commit()
        kinds = sorted(name for name, names in self._tables.items() if "document_id" in names)
        for kind in kinds:
            for column in INDEXES.get(kind, ()):
                if column in self._tables[kind]:
                    db[kind].create_index([column], if_not_exists=True)
        if kinds:
            union = " UNION ALL ".join(
                f"SELECT document_id, '{kind}' AS kind, text, span_start, span_end, sentence FROM [{kind}]"
                for kind in kinds
            )
            db.create_view("records", union, replace=True)
        if not db["documents"].detect_fts():
            db["documents"].enable_fts(["title", "text"], create_triggers=True, tokenize="trigram")
        db.conn.commit()
        db.conn.close()


def datasette_metadata(name: str) -> dict[str, Any]:
    """datasette's metadata for the database ``name`` (its file name without the suffix): the
    facets of each table and the documents' search."""
    tables: dict[str, Any] = {table: {"facets": list(facets)} for table, facets in FACETS.items()}
    tables["documents"]["fts_table"] = "documents_fts"
    tables["documents"]["searchmode"] = "raw"
    return {"title": "govmetrics records", "databases": {name: {"tables": tables}}}


def write_datasette_metadata(database: str | PathLike[str]) -> str:
    """Write :func:`datasette_metadata` beside ``database`` (records.db → records.metadata.json)."""
    from pathlib import Path

    path = Path(database)
    target = path.with_name(path.stem + ".metadata.json")
    target.write_text(json.dumps(datasette_metadata(path.stem), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return str(target)
