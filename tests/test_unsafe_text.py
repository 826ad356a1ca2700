"""Text no output can refuse and no reader runs: lone surrogates in names (a GBK file name on a
UTF-8 system), control characters in ids on the terminal, and CSV cells a spreadsheet would run."""

from __future__ import annotations

import csv
import io
import json
import os
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govmetrics
from govmetrics.cli import main
from govmetrics.columns import table_columns
from govmetrics.escapes import csv_text, for_terminal, without_surrogates
from govmetrics.export import csv_cell, encode_rows
from govmetrics.serialize import from_json, to_dict, to_json

TEXT = "今年上半年，我区完成投资3亿元。"
GBK_NAME = "中文-2019-07-16.txt".encode("gbk")  # not UTF-8: os.fsdecode gives lone surrogates


@pytest.fixture
def gbk_file(tmp_path: Path) -> Path:
    try:
        path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), GBK_NAME)))
        path.write_text(TEXT, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    assert any("\udc80" <= ch <= "\udcff" for ch in path.name)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_a_gbk_file_name_is_written_escaped_to_standard_output(
    capsys: pytest.CaptureFixture[str], gbk_file: Path, fmt: str
) -> None:
    status, out, err = run(capsys, "extract", str(gbk_file.parent), "--format", fmt)
    assert (status, err) == (0, "")
    out.encode("utf-8")  # no lone surrogate left to refuse
    if fmt in ("jsonl", "json"):
        rows = [from_json(line) for line in out.splitlines()] if fmt == "jsonl" else json.loads(out)
        assert {row["id"] for row in rows} == {str(gbk_file)}  # JSON's escape reads back the same
    if fmt == "csv":
        assert {row["id"] for row in csv.DictReader(io.StringIO(out))} == {without_surrogates(str(gbk_file))}


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv"])
def test_a_gbk_file_name_is_written_escaped_to_a_file(
    capsys: pytest.CaptureFixture[str], gbk_file: Path, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"out{suffix}"
    status, _, err = run(capsys, "extract", str(gbk_file.parent), "-o", str(target))
    assert (status, err) == (0, "")
    assert "\\udcd6" in target.read_text(encoding="utf-8")


def test_a_gbk_file_name_is_written_escaped_to_parquet(
    capsys: pytest.CaptureFixture[str], gbk_file: Path, tmp_path: Path
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "out.parquet"
    status, _, err = run(capsys, "extract", str(gbk_file), "-o", str(target))
    assert (status, err) == (0, "")
    assert {row["id"] for row in pq.read_table(target).to_pylist()} == {without_surrogates(str(gbk_file))}


def test_a_gbk_file_name_is_written_escaped_on_standard_error(
    capsys: pytest.CaptureFixture[str], gbk_file: Path
) -> None:
    status, _, err = run(capsys, "extract", str(gbk_file), "--encoding", "ascii")
    assert status == 2
    err.encode("utf-8")
    assert len(err.splitlines()) == 1 and "\\udcd6" in err


def test_control_characters_in_a_file_name_are_escaped_on_standard_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    try:
        path = tmp_path / "red\x1b[31m\nname.txt"
        path.write_text(TEXT, encoding="utf-8")
    except OSError:
        pytest.skip("this file system refuses control characters in names")
    status, _, err = run(capsys, "extract", str(path), "--encoding", "ascii")
    assert status == 2
    assert "\x1b" not in err and len(err.splitlines()) == 1
    assert "red\\x1b[31m\\nname.txt" in err


def test_control_characters_in_a_missing_input_are_escaped_on_standard_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "extract", str(tmp_path / "no\x1b]0;owned\x07such.txt"))
    assert status == 2
    assert "\x1b" not in err and "\x07" not in err and "\\x1b]0;owned\\x07" in err


def test_terminal_text_escapes_controls_and_surrogates_as_repr_does() -> None:
    assert for_terminal("a\x1b[2Jb\tc\x7f\x9b\udcd6中") == "a\\x1b[2Jb\\tc\\x7f\\x9b\\udcd6中"


def test_json_writes_a_lone_surrogate_as_its_escape() -> None:
    text = to_json({"id": "a\udcd6b"})
    assert text == '{"id": "a\\udcd6b"}'
    assert from_json(text) == {"id": "a\udcd6b"}


@pytest.mark.parametrize("cell", ["=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")'])
def test_a_csv_cell_a_spreadsheet_would_run_is_quoted(cell: str) -> None:
    assert csv_text(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-3.2", "+5", "-7", "1e5", "-2.5E-3", "普通文本", "a=b", ""])
def test_a_csv_cell_that_is_a_number_or_plain_text_is_kept(cell: str) -> None:
    assert csv_text(cell) == cell


def test_csv_numbers_are_never_quoted() -> None:
    assert csv_cell(Decimal("-3.2")) == "-3.2" and csv_cell(-7) == "-7"


def test_a_csv_run_quotes_a_formula_in_a_record(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    record = {"id": "=cmd|' /C calc'!A0", "published": "2019-07-16", "text": TEXT}
    corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "extract", str(corpus), "--format", "csv")
    assert (status, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {row["id"] for row in rows} == {"'=cmd|' /C calc'!A0"}


def test_a_negative_number_stays_a_number_in_csv() -> None:
    metric = govmetrics.extract("增速为3.2%。").metrics[0]
    negative = attrs.evolve(metric, value=Decimal("-3.2"), text="-3.2")
    encoded = encode_rows([{"id": "-1", **to_dict(negative)}], "csv")
    rows = list(csv.DictReader(io.StringIO(encoded), fieldnames=table_columns().names))
    assert (rows[0]["id"], rows[0]["text"], rows[0]["value"]) == ("-1", "-3.2", "-3.2")
