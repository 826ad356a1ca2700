"""Numbers of hundreds and thousands of digits: no document fails, the exact digits survive every
format, and a float column holds null where a double cannot hold the value."""

from __future__ import annotations

import csv
import io
import json
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

import govmetrics
from govmetrics.cli import main
from govmetrics.serialize import exact_text, from_dict, from_json, to_dict

HUGE = "9" * 5000  # past Python's 4,300-digit limit on int <-> str
LONG = "1" * 400 + ".5"  # past a double's range, and past a Decimal's default 28 digits
TEXT = f"全市生产总值{HUGE}元。全区完成投资{LONG}元。"


def metric_values() -> list[object]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a plugin's failure is a PluginWarning
        result = govmetrics.extract(TEXT, published="2019-07-16")
    return [m.value for m in result.metrics]


def test_numerals_past_the_int_digit_limit_fail_no_document() -> None:
    values = metric_values()
    assert HUGE in [str(Decimal(v)) for v in values]  # type: ignore[arg-type]


def test_a_long_decimal_keeps_every_digit() -> None:
    assert Decimal(LONG) in metric_values()


def test_a_huge_record_goes_to_a_dict_and_back() -> None:
    result = govmetrics.extract(TEXT, published="2019-07-16")
    for metric in result.metrics:
        assert from_dict(from_json(govmetrics.serialize.to_json(to_dict(metric)))) == metric


def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> str:
    news = tmp_path / "news.txt"
    news.write_text(TEXT, encoding="utf-8")
    status = main(["extract", str(news), "--published", "2019-07-16", "--format", fmt])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    return out


def test_json_lines_write_the_exact_digits(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = run(capsys, tmp_path, "jsonl")
    values = [str(from_json(line).get("value")) for line in out.splitlines()]
    assert HUGE in values and LONG in values


def test_a_json_array_writes_the_exact_digits(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    values = [str(row.get("value")) for row in json.loads(run(capsys, tmp_path, "json"), parse_float=Decimal)]
    assert HUGE in values and LONG in values


def test_csv_writes_the_exact_digits(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv.field_size_limit(sys.maxsize)
    values = [row["value"] for row in csv.DictReader(io.StringIO(run(capsys, tmp_path, "csv")))]
    assert HUGE in values and LONG in values


def test_a_table_writes_the_exact_digits(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = run(capsys, tmp_path, "table")
    assert f" {HUGE} " in out and f" {LONG} " in out


def test_parquet_nulls_the_float_and_keeps_the_digits(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    news = tmp_path / "news.txt"
    news.write_text(TEXT, encoding="utf-8")
    status = main(["extract", str(news), "--published", "2019-07-16", "-o", str(out)])
    assert status == 0, capsys.readouterr().err
    table = pq.read_table(out).to_pylist()
    metrics = {row["value_exact"]: row["value"] for row in table if row["kind"] == "metric"}
    assert metrics[HUGE] is None and metrics[LONG] is None


def test_a_frame_nulls_the_float_and_keeps_the_digits() -> None:
    pytest.importorskip("pandas")
    from govmetrics.typed_frames import frame_to_dicts, records_frame

    frame = records_frame([govmetrics.extract(TEXT, published="2019-07-16")])
    metrics = frame[frame["kind"] == "metric"]
    assert set(metrics["value_exact"]) == {HUGE, LONG}
    assert metrics["value"].isna().all()
    assert {exact_text(row["value"]) for row in frame_to_dicts(frame) if row["kind"] == "metric"} == {HUGE, LONG}


def test_a_record_with_a_huge_json_number_is_read_and_its_digits_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        f'{{"id": "a", "n": {HUGE}, "m": [{HUGE}], "published": "2019-07-16", "text": "{TEXT}"}}\n', encoding="utf-8"
    )
    status = main(["extract", str(corpus), "--keep-fields", "n,m", "--format", "csv"])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    csv.field_size_limit(sys.maxsize)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {row["n"] for row in rows} == {HUGE}
    assert {row["m"] for row in rows} == {f'["{HUGE}"]'}
