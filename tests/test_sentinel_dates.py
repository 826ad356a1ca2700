"""Sentinel publication dates (0001-01-01, 9999-12-31): refused where a user writes them, harmless
where a program hands them over as dates, and never an overflow in the calendar's arithmetic."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

import govmetrics
from govmetrics.calendar import parse_date
from govmetrics.cli import main
from govmetrics.documents import PUBLISHED_RANGE, parse_published
from govmetrics.errors import InputError
from govmetrics.models import Article

EDGES = [dt.date.min, dt.date.max, dt.date(1, 1, 31), dt.date(9999, 12, 1)]
#: Every way a date counts from the publication date: days, weeks, months, years, the nearest year.
RELATIVE = [
    "昨天", "今天", "明天", "前天", "后天", "上周", "本周", "下周", "上周五", "下周一", "上月", "本月", "下月",
    "上月3日", "下月底", "下月初", "月初", "月底", "去年", "今年", "明年", "明年一季度", "去年底", "12月28日",
    "1月3日", "29日", "12月", "1月", "年底", "年初", "上半年", "前三季度", "1至9月", "1月10日至2月28日",
    "12月上旬", "今年前两个月",
]  # fmt: skip
STORY = (
    "昨天，区委召开常委会会议。次日召开推进会。下周一前完成，12月28日前报送，"
    "1月3日至1月5日检查，29日、月底、年底各统计一次。"
)


@pytest.mark.parametrize("published", EDGES, ids=str)
@pytest.mark.parametrize("text", RELATIVE)
def test_relative_dates_at_the_ends_of_the_calendar_do_not_overflow(text: str, published: dt.date) -> None:
    value = parse_date(text, published=published)
    assert (value.start is None) == (value.end is None)


@pytest.mark.parametrize("published", EDGES, ids=str)
def test_a_story_published_at_the_ends_of_the_calendar_fails_no_plugin(published: dt.date) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a plugin's failure is a PluginWarning
        result = govmetrics.extract(Article(text=STORY, published=published))
    assert result.dates


@pytest.mark.parametrize(
    "text", ["0001-01-01", "9999-12-31", "9999-12-31 23:59:59", "0001-01-01T00:00:00Z", "1799-12-31", "2201-01-01"]
)
def test_a_sentinel_publication_date_written_as_text_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="outside"):
        parse_published(text)
    with pytest.raises(InputError):
        govmetrics.extract("今年上半年", published=text)


def test_the_sane_range_of_publication_dates_is_inclusive() -> None:
    first, last = PUBLISHED_RANGE
    assert parse_published(first.isoformat()) == first
    assert parse_published(last.isoformat()) == last


def test_a_sentinel_published_option_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_text("今年上半年，我区完成投资3亿元。", encoding="utf-8")
    status = main(["extract", str(news), "--published", "9999-12-31"])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("govmetrics: ") and "9999-12-31" in err


def test_a_record_with_a_sentinel_date_fails_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "bad", "published": "0001-01-01 00:00:00", "text": "今年上半年，我区完成投资3亿元。"},
        {"id": "good", "published": "2019-07-16", "text": "今年上半年，我区完成投资3亿元。"},
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    status = main(["extract", str(corpus)])
    out, err = capsys.readouterr()
    assert status != 0
    assert {json.loads(line)["id"] for line in out.splitlines()} == {"good"}
    assert len(err.splitlines()) == 1 and "corpus.jsonl:1" in err and "outside" in err


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max], ids=str)
def test_a_day_past_what_a_timestamp_holds_is_null_in_frames_and_parquet(published: dt.date, tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    from govmetrics.export import write_records
    from govmetrics.rows import extraction_rows
    from govmetrics.typed_frames import records_frame

    result = govmetrics.extract(Article(text="今天召开常委会会议。", published=published))
    frame = records_frame([result])
    assert len(frame) and frame["start"].isna().all()
    target = tmp_path / "out.parquet"
    write_records(extraction_rows(result, "a"), "parquet", target)
    assert [row["start"] for row in pq.read_table(target).to_pylist() if row["kind"] == "date"] == [None]
