"""PDF files as inputs of ``govmetrics extract``: split into stories without ``--pages``, each record
placed on its page, and read beside text, JSON Lines and web pages in one run."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from govmetrics.cli import main
from govmetrics.documents import as_document
from tests.web_pages import page_bytes

pytest.importorskip("pypdfium2", reason="the PDF reader needs the pdf extra")
pytest.importorskip("reportlab", reason="the PDF tests typeset their pages with reportlab")

from tests.test_pdf import KNOCKING, STANDING_COMMITTEE
from tests.typeset import Layout, typeset


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    """A page of two stories in three columns, its date in its name, its title in its metadata."""
    data, _ = typeset([[STANDING_COMMITTEE, KNOCKING]], Layout(columns=3), title="临河日报第1版")
    path = tmp_path / "linhe-2021-04-06-p1.pdf"
    path.write_bytes(data)
    return path


def scanned() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(595, 842))
    page.rect(50, 50, 400, 600, fill=1)
    page.showPage()
    page.save()
    return out.getvalue()


class TestCommand:
    def test_a_pdf_is_split_into_its_stories_without_pages(
        self, capsys: pytest.CaptureFixture[str], paper: Path
    ) -> None:
        status, out, _ = run(capsys, "extract", str(paper))
        assert status == 0
        rows = [json.loads(line) for line in out.splitlines()]
        titles = {row["article_title"] for row in rows}
        assert titles == {STANDING_COMMITTEE.headlines[0], KNOCKING.headlines[0].replace("\n", " ")}
        meeting = next(row for row in rows if row["kind"] == "meeting")
        assert (meeting["chair"]["name"], meeting["date"]) == ("王明", "2021-03-08")  # the year from the name

    def test_every_row_says_where_its_record_is_printed(self, capsys: pytest.CaptureFixture[str], paper: Path) -> None:
        rows = [json.loads(line) for line in run(capsys, "extract", str(paper))[1].splitlines()]
        for row in rows:
            assert row["pdf_page"] == 1
            assert row["pdf_boxes"], row
            for box in row["pdf_boxes"]:
                assert box["page"] == 1
                assert 0 < box["x0"] < box["x1"] <= Layout().width and 0 < box["y0"] < box["y1"] <= Layout().height

    def test_boxes_are_a_json_column_of_csv(self, capsys: pytest.CaptureFixture[str], paper: Path) -> None:
        import csv

        out = run(capsys, "extract", str(paper), "--format", "csv")[1]
        first = next(csv.DictReader(io.StringIO(out)))
        assert first["pdf_page"] == "1"
        assert json.loads(first["pdf_boxes"])[0]["page"] == 1

    def test_a_scanned_pdf_is_reported_and_the_rest_is_read(
        self, capsys: pytest.CaptureFixture[str], paper: Path, tmp_path: Path
    ) -> None:
        (tmp_path / "scan.pdf").write_bytes(scanned())
        status, out, err = run(capsys, "extract", str(tmp_path))
        assert status == 2
        assert f"{tmp_path / 'scan.pdf'}: no text layer (a scanned PDF); run OCR on it first" in err
        assert {json.loads(line)["id"] for line in out.splitlines()} == {str(paper)}

    def test_the_pdfs_title_names_its_document_in_a_database(
        self, capsys: pytest.CaptureFixture[str], paper: Path, tmp_path: Path
    ) -> None:
        db = tmp_path / "records.db"
        assert run(capsys, "extract", str(paper), "-o", str(db))[0] == 0
        with sqlite3.connect(db) as connection:
            assert connection.execute("SELECT id, title, published FROM documents").fetchall() == [
                (str(paper), "临河日报第1版", "2021-04-06")
            ]

    def test_a_file_that_is_a_pdf_by_its_bytes_is_read_as_one(self, paper: Path, tmp_path: Path) -> None:
        renamed = tmp_path / "download.bin"
        renamed.write_bytes(paper.read_bytes())
        assert as_document(renamed).pdf is not None


def test_a_directory_of_every_kind_with_two_workers_to_parquet(
    capsys: pytest.CaptureFixture[str], paper: Path, tmp_path: Path
) -> None:
    """The issue's check: .txt, .jsonl, .html and .pdf in one directory, --jobs 2, Parquet out;
    each file gives the records it gives alone."""
    import pyarrow.parquet as pq

    (tmp_path / "note-2021-04-06.txt").write_text("全区累计走访居民2万余户。", encoding="utf-8")
    record = {"id": "r1", "text": "每季度至少开展一次检查。", "published": "2021-04-01"}
    (tmp_path / "corpus.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_bytes(page_bytes("portal"))
    alone: dict[str, Any] = {}
    for path in sorted(tmp_path.iterdir()):
        alone[path.name] = len(run(capsys, "extract", str(path))[1].splitlines())
    output = tmp_path / "out" / "records.parquet"
    output.parent.mkdir()
    status, _, err = run(capsys, "extract", str(tmp_path), "--jobs", "2", "-o", str(output))
    assert (status, err) == (0, "")
    table = pq.read_table(output).to_pandas()
    per_file = table.groupby("source").size().to_dict()
    assert {Path(source).name: count for source, count in per_file.items()} == alone
    assert all(count > 0 for count in alone.values())
    pdf_rows = table[table["source"] == str(paper)]
    assert pdf_rows["pdf_page"].tolist() == [1] * len(pdf_rows)


def test_show_draws_a_pdf_story_by_story(capsys: pytest.CaptureFixture[str], paper: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    assert run(capsys, "show", str(paper), "-o", str(report))[0] == 0
    html = report.read_text("utf-8")
    assert html.count('class="gm-headline"') >= 2
    assert 'data-kind="meeting"' in html


def test_corpus_rows_read_a_pdf_as_the_command_does(capsys: pytest.CaptureFixture[str], paper: Path) -> None:
    from govmetrics.frames import corpus_rows

    from_python = [json.loads(json.dumps(row, ensure_ascii=False, default=str)) for row in corpus_rows([paper])]
    from_command = [json.loads(line) for line in run(capsys, "extract", str(paper))[1].splitlines()]
    assert from_python == from_command
    assert {row["article"] for row in from_python} == {0, 1}


class TestPrintedDate:
    """A newspaper page prints its day at the top: the PDF needs no date from elsewhere."""

    @staticmethod
    def page_with(header: str) -> bytes:
        from tests.typeset import Story

        data, _ = typeset([[Story(body="", headlines=(header,)), STANDING_COMMITTEE]], Layout(columns=3))
        return data

    @pytest.mark.parametrize(
        "header",
        ["临河日报　2021年4月6日　星期二　第1版", "第1版　2021年4月6日　周二", "星期二 2021年4月6日 农历二月廿五"],
    )
    def test_the_masthead_gives_the_date(self, header: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "page1.pdf"
        path.write_bytes(self.page_with(header))
        rows = [json.loads(line) for line in run(capsys, "extract", str(path))[1].splitlines()]
        meeting = next(row for row in rows if row["kind"] == "meeting")
        assert meeting["date"] == "2021-03-08"

    def test_it_comes_before_the_file_names(self, tmp_path: Path) -> None:
        path = tmp_path / "linhe-2020-01-01.pdf"
        path.write_bytes(self.page_with("临河日报　2021年4月6日　星期二　第1版"))
        assert str(as_document(path).published) == "2021-04-06"

    def test_a_date_in_a_story_is_not_the_pages(self, tmp_path: Path) -> None:
        path = tmp_path / "page1.pdf"
        path.write_bytes(self.page_with("2021年3月8日，区委常委会召开"))
        assert as_document(path).published is None
