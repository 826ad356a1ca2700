"""The ``govmetrics`` command, run in-process through ``main`` and once as a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from govmetrics.cli import main
from govmetrics.export import CSV_COLUMNS
from govmetrics.serialize import from_json

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "district-news-2019-07-12.txt"
TEXT = "据了解，我区老旧小区建筑面积697万平方米，累计走访2万余户，合格率97.6%。"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def jsonl(out: str) -> list[dict[str, object]]:
    return [from_json(line) for line in out.splitlines()]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def assert_one_error_line(err: str, *words: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("govmetrics: ")
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


class TestJsonLines:
    def test_one_record_per_line(self, capsys: pytest.CaptureFixture[str], news: Path) -> None:
        status, out, err = run(capsys, "extract", str(news), "--published", "2019-07-12")
        assert (status, err) == (0, "")
        rows = jsonl(out)
        assert len(out.splitlines()) == len(rows) == 3
        assert out.endswith("\n")
        assert [row["kind"] for row in rows] == ["metric"] * 3
        assert [row["source"] for row in rows] == [str(news)] * 3
        assert [row["text"] for row in rows] == ["697万平方米", "2万余户", "97.6%"]
        assert rows[1]["value"] == 20000 and rows[1]["approx"] == "more_than"
        assert rows[2]["value"] == Decimal("97.6")
        assert '"value": 97.6,' in out  # an exact JSON number, not "97.59999…" or a string

    def test_chinese_is_not_escaped(self, capsys: pytest.CaptureFixture[str], news: Path) -> None:
        _, out, _ = run(capsys, "extract", str(news))
        assert "平方米" in out and "\\u" not in out

    def test_jsonl_is_the_default(self, capsys: pytest.CaptureFixture[str], news: Path) -> None:
        _, default, _ = run(capsys, "extract", str(news))
        _, explicit, _ = run(capsys, "extract", str(news), "--format", "jsonl")
        assert default == explicit

    def test_records_of_several_files_in_order(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        first, second = tmp_path / "a.txt", tmp_path / "b.txt"
        first.write_text("走访2万余户。", encoding="utf-8")
        second.write_text("建成12个驿站。", encoding="utf-8")
        status, out, _ = run(capsys, "extract", str(first), str(second))
        assert status == 0
        assert [(row["source"], row["text"]) for row in jsonl(out)] == [(str(first), "2万余户"), (str(second), "12个")]

    def test_a_file_without_records_writes_nothing(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        empty = tmp_path / "empty.txt"
        empty.write_text("没有数字。", encoding="utf-8")  # an empty file is reported: tests/test_cli_outputs.py
        assert run(capsys, "extract", str(empty), "--published", "2019-07-12") == (0, "", "")


class TestOtherFormats:
    def test_json_is_one_array(self, capsys: pytest.CaptureFixture[str], news: Path) -> None:
        status, out, _ = run(capsys, "extract", str(news), "--format", "json")
        assert status == 0
        rows = json.loads(out)
        assert isinstance(rows, list) and len(rows) == 3
        assert rows[0]["kind"] == "metric" and rows[0]["source"] == str(news)
        assert "\\u" not in out

    def test_json_with_no_records_is_an_empty_array(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        empty = tmp_path / "empty.txt"
        empty.write_text("没有数字。", encoding="utf-8")
        _, out, _ = run(capsys, "extract", str(empty), "--format", "json")
        assert json.loads(out) == []

    def test_csv_has_the_stable_header(self, capsys: pytest.CaptureFixture[str], news: Path) -> None:
        status, out, _ = run(capsys, "extract", str(news), "--format", "csv")
        assert status == 0
        reader = csv.DictReader(io.StringIO(out))
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
        assert len(rows) == 3
        assert rows[0]["source"] == str(news)
        assert (rows[0]["kind"], rows[0]["text"], rows[0]["value"], rows[0]["unit"]) == (
            "metric",
            "697万平方米",
            "6970000",
            "平方米",
        )
        assert (rows[0]["span_start"], rows[0]["span_end"]) == ("14", "21")
        assert rows[2]["value"] == "97.6"
        assert rows[1]["approx"] == "more_than" and rows[0]["approx"] == ""

    def test_csv_header_is_written_even_without_records(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        empty = tmp_path / "empty.txt"
        empty.write_text("没有数字。", encoding="utf-8")
        _, out, _ = run(capsys, "extract", str(empty), "--format", "csv")
        assert out == ",".join(CSV_COLUMNS) + "\n"

    def test_table_has_one_line_per_record(self, capsys: pytest.CaptureFixture[str], news: Path) -> None:
        status, out, _ = run(capsys, "extract", str(news), "--format", "table")
        assert status == 0
        lines = out.splitlines()
        assert len(lines) == 3
        assert lines[1].startswith("metric") and "2万余户" in lines[1] and "20000 户 (more_than)" in lines[1]

    def test_table_aligns_chinese_text_by_its_display_width(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A Chinese character takes two terminal columns: padding by characters would push the
        summary of 5 km of ASCII text left of that of 5 Chinese characters."""
        from govmetrics.export import display_width

        story = tmp_path / "story.txt"
        story.write_text("修建步道5km，新增车位3200个，投资1.5亿元。", encoding="utf-8")
        status, out, _ = run(capsys, "extract", str(story), "--format", "table", "--published", "2019-07-12")
        assert status == 0
        lines = out.splitlines()
        assert [line.split()[2] for line in lines] == ["5km", "3200个", "1.5亿元"]
        summaries = [
            display_width(line[: line.index(summary)])
            for line, summary in zip(lines, ("5 公里", "3200 个", "150000000"), strict=True)
        ]
        assert len(set(summaries)) == 1  # every summary starts in the same terminal column
        assert (display_width("亿元"), display_width("1.5"), display_width("％")) == (4, 3, 2)

    def test_table_shows_a_plugin_records_own_fields(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        from govmetrics.plugins import using_host
        from govmetrics.testing import plugin_host
        from tests.test_plugins import ShareTypes

        story = tmp_path / "story.txt"
        story.write_text("全区三成社区建成驿站。", encoding="utf-8")
        with using_host(plugin_host(ShareTypes())):
            status, out, _ = run(capsys, "extract", str(story), "--format", "table", "--published", "2019-07-12")
        assert status == 0
        assert out == "share         2-4      三成             tenths=3\n"

    def test_an_unknown_format_is_a_usage_error(self, capsys: pytest.CaptureFixture[str], news: Path) -> None:
        with pytest.raises(SystemExit) as exit_info:
            main(["extract", str(news), "--format", "xml"])
        assert exit_info.value.code == 2
        assert "invalid choice" in capsys.readouterr().err


class TestInput:
    def test_stdin_dash(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        set_stdin(monkeypatch, TEXT.encode("utf-8"))
        status, out, _ = run(capsys, "extract", "-")
        assert status == 0
        rows = jsonl(out)
        assert len(rows) == 3 and {row["source"] for row in rows} == {"<stdin>"}

    def test_stdin_is_the_default(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        set_stdin(monkeypatch, TEXT.encode("gb18030"))
        status, out, _ = run(capsys, "extract")
        assert status == 0 and len(jsonl(out)) == 3

    def test_gb18030_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "gb.txt"
        path.write_bytes(TEXT.encode("gb18030"))
        status, out, err = run(capsys, "extract", str(path), "--published", "2019-07-12")
        assert (status, err) == (0, "")
        assert [row["text"] for row in jsonl(out)] == ["697万平方米", "2万余户", "97.6%"]

    def test_utf8_with_bom(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "bom.txt"
        path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
        status, out, _ = run(capsys, "extract", str(path))
        assert status == 0
        rows = jsonl(out)
        assert rows[0]["span"] == {"start": 14, "end": 21}  # the BOM is not a character of the text
        assert "\ufeff" not in out

    def test_published_is_accepted(self, capsys: pytest.CaptureFixture[str], news: Path) -> None:
        status, out, _ = run(capsys, "extract", str(news), "--published", "2019-07-16")
        assert status == 0 and len(jsonl(out)) == 3


class TestErrors:
    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        status, out, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
        assert (status, out) == (2, "")
        assert_one_error_line(err, "nope.txt", "no such file")

    def test_undecodable_bytes(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "bad.txt"
        path.write_bytes(b"\x80\xff\xfe\xff")
        status, out, err = run(capsys, "extract", str(path))
        assert (status, out) == (2, "")
        assert_one_error_line(err, "bad.txt", "decode")

    def test_undecodable_stdin(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        set_stdin(monkeypatch, b"\xff\xff")
        status, _, err = run(capsys, "extract", "-")
        assert status == 2
        assert_one_error_line(err, "<stdin>", "decode")

    def test_a_directory(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        status, out, err = run(capsys, "extract", str(tmp_path))
        assert (status, out) == (2, "")
        assert_one_error_line(err, "directory")

    @pytest.mark.parametrize(
        "bad", ["2019-13-01", "2019-02-30", "yesterday", "昨天", "07/08/2019", "2019年7月", "20190712", ""]
    )
    def test_bad_published(self, capsys: pytest.CaptureFixture[str], news: Path, bad: str) -> None:
        status, out, err = run(capsys, "extract", str(news), "--published", bad)
        assert (status, out) == (2, "")
        assert_one_error_line(err, "not a date", repr(bad))

    def test_a_missing_file_does_not_stop_the_others(
        self, capsys: pytest.CaptureFixture[str], news: Path, tmp_path: Path
    ) -> None:
        missing = tmp_path / "missing.txt"
        status, out, err = run(capsys, "extract", str(missing), str(news), "--published", "2019-07-12")
        assert status == 2
        assert_one_error_line(err, "missing.txt")
        rows = jsonl(out)
        assert len(rows) == 3 and {row["source"] for row in rows} == {str(news)}

    def test_one_line_per_failing_file(self, capsys: pytest.CaptureFixture[str], news: Path, tmp_path: Path) -> None:
        empty = tmp_path / "empty"  # a directory is read for its documents now; one without any is an error
        empty.mkdir()
        status, out, err = run(
            capsys, "extract", str(tmp_path / "a.txt"), str(news), str(empty), "--published", "2019-07-12"
        )
        assert status == 2
        assert len(err.splitlines()) == 2
        assert len(jsonl(out)) == 3


def test_plugins_lists_the_builtin_metrics_plugin(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "plugins")
    assert status == 0
    rows = [line.split("\t") for line in out.splitlines()]
    metrics = [row for row in rows if row[0] == "metrics"]
    assert len(metrics) == 1
    _name, version, origin, hooks = metrics[0]
    assert origin == "built-in"
    assert version
    assert "govmetrics_extract" in hooks.split(", ")


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2


class TestShippedExample:
    def test_the_readme_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, err = run(capsys, "extract", str(EXAMPLE), "--published", "2019-07-12", "--format", "table")
        assert (status, err) == (0, "")
        lines = out.splitlines()
        assert len(lines) >= 10
        assert any("3,200余户" in line and "3200 户 (more_than)" in line for line in lines)
        assert any("1.2亿元" in line and "120000000 元" in line for line in lines)

    def test_every_record_points_at_its_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        from govmetrics import Article

        _, out, _ = run(capsys, "extract", str(EXAMPLE), "--published", "2019-07-12")
        article = Article.from_text(EXAMPLE.read_text(encoding="utf-8"))
        rows = jsonl(out)
        assert rows
        for row in rows:
            span = row["span"]
            assert article.text[span["start"] : span["end"]] == row["text"]  # type: ignore[index]


def test_python_dash_m_govmetrics_as_a_real_process(tmp_path: Path) -> None:
    gb = tmp_path / "gb.txt"
    gb.write_bytes(TEXT.encode("gb18030"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "govmetrics",
            "extract",
            str(gb),
            str(tmp_path / "missing.txt"),
            "-",
            "--published",
            "2019-07-12",
        ],
        input=TEXT.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"},  # output is UTF-8 whatever the locale
    )
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert len(err.splitlines()) == 1 and "missing.txt" in err and "Traceback" not in err
    rows = [from_json(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [row["source"] for row in rows] == [str(gb)] * 3 + ["<stdin>"] * 3
    assert rows[0]["text"] == "697万平方米"


def test_pages_tags_every_record_with_its_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "本报讯（记者 林木）3月8日，全区完成整治12个小区。\n\n区委常委会研究老旧小区整治\n\n"
        "本报讯 3月9日，八角街道发放宣传折页1200余份。\n\n八角街道开展宣传\n",
        encoding="utf-8",
    )
    assert main(["extract", "--pages", str(page), "--published", "2021-03-10"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    metrics = [(r["article"], r["article_title"], r["text"]) for r in rows if r["kind"] == "metric"]
    assert metrics == [(0, "区委常委会研究老旧小区整治", "12个"), (1, "八角街道开展宣传", "1200余份")]
    text = page.read_text("utf-8")
    for row in rows:
        piece = text[row["page_span"]["start"] : row["page_span"]["end"]]
        assert "".join(piece.split()) == row["text"]
        # the text as given is the page: the raw span is the span on the page
        assert (row["raw_start"], row["raw_end"]) == (row["page_span"]["start"], row["page_span"]["end"])
    sentences = [r["sentence"] for r in rows if r["kind"] == "metric"]
    assert sentences == ["3月8日，全区完成整治12个小区。", "3月9日，八角街道发放宣传折页1200余份。"]


def test_csv_rows_carry_the_sentence_and_the_raw_span(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "全年新建  公园8个！\n改造管网36公里？各街道每周至少巡查一次"
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    assert main(["extract", str(story), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    placed = [(r["text"], r["sentence"], r["span_start"], r["raw_start"], r["raw_end"]) for r in rows]
    assert placed == [
        ("8个", "全年新建公园8个！", "6", "8", "10"),
        ("36公里", "改造管网36公里？", "14", "16", "20"),
        ("每周至少巡查一次", "各街道每周至少巡查一次", "22", "24", "32"),
    ]
    assert all(text[int(r["raw_start"]) : int(r["raw_end"])] == r["text"] for r in rows)


def test_every_row_names_its_document(
    capsys: pytest.CaptureFixture[str], news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_stdin(monkeypatch, TEXT.encode("utf-8"))
    status, out, _ = run(capsys, "extract", str(news), "-")
    assert status == 0
    rows = jsonl(out)
    assert [(row["id"], row["source"]) for row in rows] == [(str(news), str(news))] * 3 + [("<stdin>", "<stdin>")] * 3
    assert list(rows[0])[:3] == ["id", "source", "kind"]
