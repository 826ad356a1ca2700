"""``govmetrics show``: texts, pages and small corpora as one self-contained HTML file."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import govmetrics
from govmetrics import hookimpl
from govmetrics.cli import main
from govmetrics.plugins import get_plugin_host
from govmetrics.views.show import MOST_DOCUMENTS
from tests.html_marks import read_marks, whole_spans

TEXT = "本报讯 3月8日，八角街道每月至少开展1~2次入户走访，累计走访2万余户，发放宣传折页1200余份。"

PAGE = """区委常委会研究老旧小区整治

本报讯（记者 林木）3月8日，区委书记王明主持召开区委常委会会
议，研究老旧小区综合整治工作。会议指出，全区今年计划完成
整治12个小区。

八角街道开展垃圾分类宣传

本报讯（通讯员赵平）3月9日，八角街道组织志愿者开展垃圾分类
宣传，发放宣传折页1200余份。
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_text_becomes_one_file_with_every_record_marked_on_its_characters(
    capsys: pytest.CaptureFixture[str], news: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.html"
    status, out, err = run(capsys, "show", str(news), "--published", "2021-03-10", "-o", str(report))
    assert (status, out, err) == (0, "", "")
    page = report.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    records = govmetrics.extract(TEXT, published="2021-03-10").records
    assert {record.kind for record in records} == {"date", "cadence", "metric"}
    reader = read_marks(page)
    spans = whole_spans(reader)
    assert sorted(spans) == sorted(f"d0-{number}" for number in range(len(records)))
    for number, record in enumerate(records):
        start, end = spans[f"d0-{number}"]
        assert reader.text[start:end] == record.text
        assert f'data-start="{record.span.start}" data-end="{record.span.end}"' in page


def test_the_file_fetches_nothing_and_runs_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text("累计走访2万余户。<script>document.title='x'</script><img src=http://example.com/a.png>", "utf-8")
    report = tmp_path / "report.html"
    assert run(capsys, "show", str(source), "--published", "2021-03-10", "-o", str(report))[0] == 0
    page = report.read_text("utf-8")
    tags = set(read_marks(page).tags)
    assert not tags & {"script", "img", "link", "iframe"}
    assert "default-src 'none'" in page  # and should anything slip through, the browser fetches nothing
    assert "&lt;script&gt;document.title=&#x27;x&#x27;&lt;/script&gt;" in page


def test_a_page_is_a_section_a_story_with_headlines_and_bylines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "page-2021-03-10.txt"
    source.write_text(PAGE, "utf-8")
    status, out, err = run(capsys, "show", "--pages", str(source))
    assert (status, err) == (0, "")
    stories = govmetrics.split_page(PAGE, published="2021-03-10")
    assert out.count('<article class="gm-story"') == len(stories) == 2
    assert '<h3 class="gm-headline">区委常委会研究老旧小区整治</h3>' in out
    assert '<span class="gm-byline">记者 林木</span>' in out
    assert 'data-record="d0-s1-0"' in out  # the second story's first record
    assert "2021-03-10 · 2 stories" in out


def test_a_corpus_has_a_summary_at_the_top_and_a_section_a_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = write_jsonl(
        tmp_path / "corpus.jsonl",
        [
            {"key": "a1", "date": "2021-03-10", "body": TEXT},
            {"key": "b2", "date": "2020-05-01", "body": "区委书记王明主持召开区委常委会会议。"},
        ],
    )
    fields = ["--text-field", "body", "--date-field", "date", "--id-field", "key"]
    status, out, err = run(capsys, "show", str(corpus), *fields)
    assert (status, err) == (0, "")
    summary = out[out.index('<table class="gm-summary">') : out.index('<section class="gm-document"')]
    assert '<a href="#d0">a1</a>' in summary and '<a href="#d1">b2</a>' in summary
    assert "<th>meeting</th>" in summary
    assert '<section class="gm-document" id="d1"><h2>b2</h2><p class="gm-facts">2020-05-01' in out


def test_more_documents_than_a_report_takes_is_refused_until_limit_says_how_many(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = write_jsonl(
        tmp_path / "big.jsonl", [{"id": f"n{i}", "text": "走访2万余户。"} for i in range(MOST_DOCUMENTS + 1)]
    )
    report = tmp_path / "report.html"
    status, out, err = run(capsys, "show", str(corpus), "-o", str(report))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("govmetrics: ") and "--limit N" in err
    assert not report.exists() and list(tmp_path.iterdir()) == [corpus]  # no partial file left either
    status, _, err = run(capsys, "show", str(corpus), "--limit", "3", "--published", "2021-03-10", "-o", str(report))
    assert (status, err) == (0, "")
    assert report.read_text("utf-8").count('<section class="gm-document"') == 3


def test_an_unreadable_input_is_one_line_and_the_others_are_still_shown(
    capsys: pytest.CaptureFixture[str], news: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    report = tmp_path / "report.html"
    status, _, err = run(capsys, "show", str(missing), str(news), "--published", "2021-03-10", "-o", str(report))
    assert status == 2
    assert err == f"govmetrics: {missing}: no such file\n"
    assert report.read_text("utf-8").count('<section class="gm-document"') == 1


def test_a_run_that_reads_nothing_leaves_the_previous_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "report.html"
    report.write_text("previous", "utf-8")
    status, _, err = run(capsys, "show", str(tmp_path / "missing.txt"), "-o", str(report))
    assert status == 2 and err.count("\n") == 1
    assert report.read_text("utf-8") == "previous"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.html"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--published", "2021-02-30"], "no such day"),
        (["--limit", "0"], "want a number of documents"),
        (["-o", "/nonexistent-dir/report.html"], "cannot write"),
    ],
    ids=["bad date", "no documents", "unwritable output"],
)
def test_bad_arguments_are_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], news: Path, argv: list[str], words: str
) -> None:
    try:
        status = main(["show", str(news), *argv])
    except SystemExit as exc:  # argparse's own refusal
        status = int(str(exc.code))
    _, err = capsys.readouterr()
    assert status == 2
    assert words in err and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith(("govmetrics: ", "usage: govmetrics show", "govmetrics show: error"))


class Boom:
    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> list[govmetrics.Record]:
        raise RuntimeError("no luck")


def test_a_failing_plugin_is_one_line_and_fails_the_run_only_when_strict(
    capsys: pytest.CaptureFixture[str], news: Path, tmp_path: Path
) -> None:
    get_plugin_host().register(Boom(), "boom")
    second = tmp_path / "second.txt"
    second.write_text(TEXT, "utf-8")
    status, out, err = run(capsys, "show", str(news), str(second), "--published", "2021-03-10")
    assert status == 0 and out.count('<section class="gm-document"') == 2
    assert err == f"govmetrics: plugin boom: document {news}: RuntimeError: no luck\n"  # once, not once a document
    status, out, err = run(capsys, "show", str(news), "--published", "2021-03-10", "--strict")
    assert status == 1 and err.startswith(f"govmetrics: {news}: ") and "no luck" in err


def test_standard_input_is_a_document_too(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("gb18030")), encoding="utf-8"))
    status, out, err = run(capsys, "show", "-", "--published", "2021-03-10")
    assert (status, err) == (0, "")
    assert "<title>&lt;stdin&gt;</title>" in out and 'data-kind="cadence"' in out
