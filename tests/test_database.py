"""``-o records.db``: documents and one table per record kind in SQLite, added to run after run,
searchable, and browsable in datasette with the facets the command writes."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from govmetrics.cli import main
from govmetrics.database import datasette_metadata
from tests.shared import SHARED
from tests.web_pages import MEETING, page_bytes

TEXT_A = "据了解，我区老旧小区建筑面积697万平方米，累计走访2万余户，合格率97.6%。各街道每季度至少开展一次检查。"
TEXT_B = "7月10日，区委书记王明主持召开区委常委会会议。全年完成投资10360000000000000000元。"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def rows(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, args).fetchall()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    records = [
        {"id": "a", "text": TEXT_A, "date": "2019-07-16", "url": "http://x/a"},
        {"id": "b", "text": TEXT_B, "date": "2019-07-12", "url": "http://x/b"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def kinds_of(jsonl: str) -> Counter[str]:
    return Counter(json.loads(line)["kind"] for line in jsonl.splitlines())


class TestTables:
    def test_every_record_is_in_its_kinds_table(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        assert run(capsys, "extract", str(corpus), "--date-field", "date", "-o", str(db))[0] == 0
        _, out, _ = run(capsys, "extract", str(corpus), "--date-field", "date")
        in_database = {kind: rows(db, f"SELECT count(*) FROM [{kind}]")[0][0] for kind in kinds_of(out)}
        assert in_database == dict(kinds_of(out))
        assert rows(db, "SELECT kind, count(*) FROM records GROUP BY kind ORDER BY kind") == sorted(
            kinds_of(out).items()
        )

    def test_documents_keep_their_text_date_and_kept_fields(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        run(capsys, "extract", str(corpus), "--date-field", "date", "--keep-fields", "url", "-o", str(db))
        assert rows(db, "SELECT id, source, published, text, url FROM documents ORDER BY id") == [
            ("a", str(corpus), "2019-07-16", TEXT_A, "http://x/a"),
            ("b", str(corpus), "2019-07-12", TEXT_B, "http://x/b"),
        ]

    def test_columns_are_typed_and_numbers_exact(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        run(capsys, "extract", str(corpus), "--date-field", "date", "-o", str(db))
        metrics = rows(db, "SELECT text, value, value_exact, unit, approx, target FROM metric ORDER BY rowid")
        assert ("2万余户", 20000.0, "20000", "户", "more_than", 0) in metrics
        assert ("97.6%", 97.6, "97.6", "%", None, 0) in metrics
        assert ("10360000000000000000元", 1.036e19, "10360000000000000000", "元", None, 0) in metrics
        assert rows(db, "SELECT start, year_inferred FROM date") == [("2019-07-10", 1)]
        chair = rows(db, "SELECT chair FROM meeting")[0][0]
        assert json.loads(chair)["name"] == "王明"
        types = {name: kind for _, name, kind, *_ in rows(db, "PRAGMA table_info(metric)")}
        assert (types["document_id"], types["value"], types["span_start"], types["target"]) == (
            "TEXT",
            "FLOAT",
            "INTEGER",
            "INTEGER",
        )
        assert "period" not in types and "chair" not in types  # a kind's table has its own columns

    def test_record_tables_point_at_their_documents(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        run(capsys, "extract", str(corpus), "--date-field", "date", "-o", str(db))
        assert rows(db, "PRAGMA foreign_key_list(metric)")[0][2:5] == ("documents", "document_id", "id")
        assert rows(db, "SELECT DISTINCT document_id FROM cadence") == [("a",)]
        indexes = {row[1] for row in rows(db, "PRAGMA index_list(metric)")}
        assert {"idx_metric_document_id", "idx_metric_unit", "idx_metric_approx"} <= indexes

    def test_a_web_pages_headline_is_its_title(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        page = tmp_path / "page.html"
        page.write_bytes(page_bytes("portal"))
        db = tmp_path / "records.db"
        assert run(capsys, "extract", str(page), "-o", str(db))[0] == 0
        assert rows(db, "SELECT title, published, text FROM documents") == [
            (MEETING.title, MEETING.published.isoformat(), MEETING.text)
        ]


class TestAddingToADatabase:
    def test_a_second_run_duplicates_nothing(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        for _ in range(2):
            assert run(capsys, "extract", str(corpus), "--date-field", "date", "-o", str(db))[0] == 0
        assert rows(db, "SELECT count(*) FROM documents") == [(2,)]
        assert rows(db, "SELECT count(*) FROM metric") == [(4,)]

    def test_new_documents_are_added_and_a_changed_one_replaced(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        run(capsys, "extract", str(corpus), "--date-field", "date", "-o", str(db))
        more = tmp_path / "more.jsonl"
        more.write_text(
            json.dumps({"id": "a", "text": "建成12个驿站。"}, ensure_ascii=False)
            + "\n"
            + json.dumps({"id": "c", "text": "发放宣传折页1200余份。"}, ensure_ascii=False)
            + "\n",
            encoding="utf-8",
        )
        assert run(capsys, "extract", str(more), "-o", str(db))[0] == 0
        assert rows(db, "SELECT id FROM documents ORDER BY id") == [("a",), ("b",), ("c",)]
        assert rows(db, "SELECT document_id, text FROM metric WHERE document_id != 'b' ORDER BY document_id") == [
            ("a", "12个"),
            ("c", "1200余份"),
        ]
        assert rows(db, "SELECT count(*) FROM cadence") == [(0,)]  # a's old cadence went with its old text

    def test_a_run_that_reads_nothing_leaves_the_database_as_it_was(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        run(capsys, "extract", str(corpus), "--date-field", "date", "-o", str(db))
        before = db.read_bytes()
        assert run(capsys, "extract", str(tmp_path / "missing.txt"), "-o", str(db))[0] == 2
        assert db.read_bytes() == before
        assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".partial")] == []


class TestSearchAndBrowse:
    def test_documents_are_searched_by_any_three_characters(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        run(capsys, "extract", str(corpus), "--date-field", "date", "-o", str(db))
        found = "SELECT id FROM documents WHERE rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
        assert rows(db, found, "老旧小区") == [("a",)]
        assert rows(db, found, "常委会") == [("b",)]

    def test_the_command_writes_datasettes_facets_beside_the_database(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        run(capsys, "extract", str(corpus), "--date-field", "date", "-o", str(db))
        metadata = json.loads((tmp_path / "records.metadata.json").read_text("utf-8"))
        assert metadata == datasette_metadata("records")
        assert metadata["databases"]["records"]["tables"]["metric"]["facets"][:2] == ["unit", "approx"]

    def test_datasette_shows_the_facets(self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
        from datasette.app import Datasette

        db = tmp_path / "records.db"
        run(capsys, "extract", str(corpus), "--date-field", "date", "-o", str(db))
        metadata = json.loads((tmp_path / "records.metadata.json").read_text("utf-8"))
        datasette = Datasette(files=[str(db)], metadata=metadata)

        async def facets(path: str) -> dict[str, list[tuple[Any, int]]]:
            response = await datasette.client.get(path)
            assert response.status_code == 200
            results = response.json()["facet_results"]
            return {name: [(r["value"], r["count"]) for r in facet["results"]] for name, facet in results.items()}

        units = asyncio.run(facets("/records/metric.json"))["unit"]
        assert sorted(units) == [("%", 1), ("元", 1), ("平方米", 1), ("户", 1)]
        assert dict(asyncio.run(facets("/records/records.json"))["kind"]) == {
            "metric": 4,
            "cadence": 1,
            "date": 1,
            "meeting": 1,
        }


class TestErrors:
    def test_without_sqlite_utils_the_error_names_the_extra(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "sqlite_utils", None)
        status, _, err = run(capsys, "extract", str(corpus), "-o", str(tmp_path / "records.db"))
        assert status == 2
        assert "writing SQLite needs sqlite_utils: pip install 'govmetrics[sqlite]'" in err
        assert list(tmp_path.iterdir()) == [corpus]

    def test_a_file_that_is_no_database_is_refused(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        db.write_text("not a database", encoding="utf-8")
        status, _, err = run(capsys, "extract", str(corpus), "-o", str(db))
        assert status == 2
        assert f"{db}: cannot write the database: file is not a database" in err
        assert db.read_text("utf-8") == "not a database"


@pytest.mark.shared
def test_the_regulations_corpus_twice(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The issue's check: every record of the corpus in the database, and a second run adds none."""
    corpus = SHARED / "corpora" / "real" / "state_council_regulations.jsonl"
    db = tmp_path / "regs.db"
    args = ["extract", str(corpus), "--text-field", "text", "--date-field", "date"]
    _, out, _ = run(capsys, *args)
    expected = kinds_of(out)
    for _ in range(2):
        assert run(capsys, *args, "-o", str(db), "--jobs", "2")[0] == 0
        assert dict(rows(db, "SELECT kind, count(*) FROM records GROUP BY kind")) == dict(expected)
