"""Records as pandas DataFrames: columns, dtypes, exact values, corpora, and the way back to dicts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import govmetrics
from govmetrics.export import CSV_COLUMNS, write_records
from govmetrics.extraction import Extraction
from govmetrics.models import Article, Metric, Span

pd = pytest.importorskip("pandas")

from govmetrics import frames  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "district-news-2019-07-12.txt"


@pytest.fixture(scope="module")
def example() -> Extraction:
    return govmetrics.extract(EXAMPLE.read_text(encoding="utf-8"), published="2019-07-12")


def test_columns_are_the_csv_columns_with_the_id_first_and_exact_digits_beside_numbers() -> None:
    assert frames.COLUMNS[0] == "id"
    assert [c for c in frames.COLUMNS if not c.endswith("_exact")] == list(CSV_COLUMNS)
    assert frames.COLUMNS.index("value_exact") == frames.COLUMNS.index("value") + 1
    assert frames.COLUMNS.index("high_exact") == frames.COLUMNS.index("high") + 1


def test_dtypes(example: Extraction) -> None:
    frame = example.to_frame()
    assert tuple(frame.columns) == frames.COLUMNS
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes["value"] == dtypes["high"] == "float64"
    assert dtypes["value_exact"] == dtypes["high_exact"] == "string"
    for name in ("article", "span_start", "span_end", "page_span_start", "page_span_end", "min_times", "max_times"):
        assert dtypes[name] == "Int64", name
    for name in ("start", "end", "date"):
        assert dtypes[name] == "datetime64[ns]", name
    assert dtypes["year_inferred"] == dtypes["referred"] == "boolean"
    for name in ("id", "kind", "text", "plugin", "unit", "approx", "granularity", "period", "name", "chair", "agenda"):
        assert dtypes[name] == "string", name
    assert frame.dtypes.equals(frames.empty_frame().dtypes)


def test_one_row_per_record_in_text_order(example: Extraction) -> None:
    frame = example.to_frame()
    assert len(frame) == len(example.records)
    assert frame["kind"].tolist() == [r.kind for r in example.records]
    assert frame["text"].tolist() == [r.text for r in example.records]
    assert frame["span_start"].tolist() == [r.span.start for r in example.records]
    assert frame["plugin"].tolist() == [r.plugin for r in example.records]
    assert set(frame["id"]) == {"0"}


def test_values_are_exact(example: Extraction) -> None:
    frame = example.to_frame().set_index("text")
    assert frame.loc["6.5个百分点", "value"] == 6.5
    assert frame.loc["6.5个百分点", "value_exact"] == "6.5"
    assert Decimal(frame.loc["6.5个百分点", "value_exact"]) == Decimal("6.5")
    assert frame.loc["1.2亿元", "value_exact"] == "120000000"
    assert frame.loc["15至20个", "high"] == 20.0
    assert frame.loc["15至20个", "high_exact"] == "20"
    assert pd.isna(frame.loc["12个", "high"]) and pd.isna(frame.loc["12个", "high_exact"])
    assert frame.loc["3,200余户", "approx"] == "more_than"


def test_digits_a_float_cannot_hold_are_kept_in_the_exact_column() -> None:
    value = Decimal("12345678901234567.89")
    text = "共12345678901234567.89元"
    metric = Metric(text=text[1:], span=Span(start=1, end=len(text)), value=value, unit="元", plugin="metrics")
    frame = frames.records_frame([Extraction(article=Article(text=text), records=(metric,))])
    assert frame["value"].iloc[0] == float(value)
    assert Decimal(frame["value_exact"].iloc[0]) == value
    assert frames.frame_to_dicts(frame)[0]["value"] == value


def test_dates_bools_counts_and_nested_values(example: Extraction) -> None:
    frame = example.to_frame()
    first_half = frame[frame["text"] == "今年上半年"].iloc[0]
    assert first_half["start"] == pd.Timestamp("2019-01-01")
    assert first_half["end"] == pd.Timestamp("2019-06-30")
    assert not first_half["year_inferred"]
    cadence = frame[frame["kind"] == "cadence"].iloc[0]
    assert (cadence["period"], cadence["min_times"], cadence["max_times"]) == ("P1M", 1, 2)
    meeting = frame[frame["text"] == "区政府常务会议"].iloc[0]
    assert meeting["date"] == pd.Timestamp("2019-07-11")
    assert govmetrics.serialize.from_json(meeting["chair"]) == {"name": "王明", "titles": ["区委副书记", "区长"]}
    assert [p["name"] for p in govmetrics.serialize.from_json(meeting["attendees"])] == ["李华", "赵平"]
    assert not meeting["referred"]
    # a column a kind does not have is empty in its rows
    assert pd.isna(meeting["value"]) and pd.isna(meeting["start"]) and pd.isna(meeting["year_inferred"])


def test_nested_and_exact_values_read_as_the_csv_writes_them(example: Extraction) -> None:
    out = io.StringIO()
    write_records(example.to_dicts(), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    frame = example.to_frame()
    assert len(rows) == len(frame)
    for row, (_, cells) in zip(rows, frame.iterrows(), strict=True):
        for name in ("kind", "text", "unit", "chair", "attendees", "agenda", "period", "granularity"):
            assert (row[name] or None) == (None if pd.isna(cells[name]) else cells[name]), name
        assert (row["value"] or None) == (None if pd.isna(cells["value_exact"]) else cells["value_exact"])
        assert (row["start"] or None) == (None if pd.isna(cells["start"]) else cells["start"].date().isoformat())


def test_an_empty_extraction_gives_an_empty_frame_with_every_column_and_dtype() -> None:
    frame = govmetrics.extract("").to_frame()
    assert len(frame) == 0
    assert tuple(frame.columns) == frames.COLUMNS
    assert frame.dtypes.equals(frames.empty_frame().dtypes)
    nothing = frames.records_frame([])
    assert len(nothing) == 0 and nothing.dtypes.equals(frames.empty_frame().dtypes)


def test_round_trip_to_the_same_dicts_and_records(example: Extraction) -> None:
    frame = example.to_frame()
    assert frames.frame_to_dicts(frame) == example.to_dicts()
    assert [govmetrics.from_dict(d) for d in frames.frame_to_dicts(frame)] == list(example.records)


def test_a_corpus_of_documents_with_ids() -> None:
    corpus = [
        {"doc": "a", "body": "据了解，我区老旧小区建筑面积697万平方米，累计走访2万余户。", "day": "2019-07-16"},
        {"doc": "b", "body": "今年5月，各街道每季度至少进行一次检查。"},
        {"doc": "c", "body": "没有数字的一句话"},
    ]
    frame = frames.corpus_frame(corpus, published="2020-01-01", id_field="doc", text_field="body", date_field="day")
    assert list(dict.fromkeys(frame["id"])) == ["a", "b"]  # c has no records, so no rows
    expected = [
        *govmetrics.extract(corpus[0]["body"], published="2019-07-16").to_dicts(),
        *govmetrics.extract(corpus[1]["body"], published="2020-01-01").to_dicts(),
    ]
    assert frames.frame_to_dicts(frame) == expected
    may = frame[(frame["id"] == "b") & (frame["kind"] == "date")].iloc[0]
    assert may["start"] == pd.Timestamp("2020-05-01")  # b took the corpus date
    by_records = frames.records_frame(
        [govmetrics.extract(d["body"], published=d.get("day", "2020-01-01")) for d in corpus], ids=["a", "b", "c"]
    )
    pd.testing.assert_frame_equal(frame, by_records)


@pytest.mark.filterwarnings("ignore::govmetrics.UndatedWarning")  # undated on purpose
def test_a_corpus_of_texts_and_paths_is_numbered_and_named_as_documents_are(tmp_path: Path) -> None:
    path = tmp_path / "district-2019-07-12.txt"
    path.write_text("7月11日上午召开区政府常务会议。", encoding="utf-8")
    frame = frames.corpus_frame(["累计走访2万余户。", path])
    assert list(dict.fromkeys(frame["id"])) == ["0", str(path)]
    assert frame[frame["kind"] == "date"].iloc[0]["start"] == pd.Timestamp("2019-07-11")  # date from the name


def test_ids_must_match_the_extractions(example: Extraction) -> None:
    with pytest.raises(ValueError, match="2 ids for 1 extractions"):
        frames.records_frame([example], ids=["a", "b"])


def test_tagged_rows_fill_the_page_columns() -> None:
    page = "本报讯 7月11日上午，区长王明主持召开区政府常务会议。"
    (article,) = (a for a in govmetrics.split_page(page, published=dt.date(2019, 7, 12)) if a.text)
    result = govmetrics.extract(article)
    rows = [
        {
            "id": "p1",
            "source": "p1.txt",
            "article": 0,
            "article_title": "要闻",
            "page_span": {"start": 7, "end": 14},
            **r,
        }
        for r in result.to_dicts()
    ]
    frame = frames.rows_frame(rows)
    assert frame["article"].tolist() == [0] * len(rows)
    assert frame["page_span_start"].iloc[0] == 7 and frame["page_span_end"].iloc[0] == 14
    assert frame["source"].iloc[0] == "p1.txt" and frame["article_title"].iloc[0] == "要闻"
    assert frame.dtypes.equals(frames.empty_frame().dtypes)


def test_parquet_keeps_columns_and_dtypes(example: Extraction, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    for frame in (example.to_frame(), frames.empty_frame()):
        frame.to_parquet(tmp_path / "records.parquet")
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "records.parquet"), frame)


def test_importing_govmetrics_imports_neither_pandas_nor_dask() -> None:
    code = (
        "import sys, govmetrics, govmetrics.frames, govmetrics.dask; "
        "print(sorted(m for m in ('pandas', 'dask', 'distributed') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_without_pandas_to_frame_names_the_extra(example: Extraction, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"govmetrics\[pandas\]"):
        example.to_frame()


def test_a_parquet_file_the_cli_wrote_reads_back_into_records(tmp_path: Path) -> None:
    from govmetrics.cli import main

    source = tmp_path / "news-2019-07-16.txt"
    source.write_text("7月10日，全区完成整治12个小区，走访2万余户。", encoding="utf-8")
    out = tmp_path / "records.parquet"
    assert main(["extract", str(source), "-o", str(out)]) == 0
    rows = frames.frame_to_dicts(pd.read_parquet(out))
    records = [govmetrics.from_dict({k: v for k, v in row.items() if k not in ("id", "source")}) for row in rows]
    assert [r.text for r in records] == ["7月10日", "12个", "2万余户"]


@pytest.mark.filterwarnings("ignore::govmetrics.UndatedWarning")  # undated on purpose
def test_a_corpus_row_names_the_file_it_was_read_from_else_its_document(tmp_path: Path) -> None:
    path = tmp_path / "county-2020-05-08.txt"
    path.write_text("全县新建村级卫生室15所。", encoding="utf-8")
    rows = list(frames.corpus_rows(["累计培训3千余人次。", path, {"id": "q7", "text": "完成造林8万亩。"}]))
    assert [(row["id"], row["source"]) for row in rows] == [("0", "0"), (str(path), str(path)), ("q7", "q7")]
    assert [list(row)[:3] for row in rows] == [["id", "source", "kind"]] * 3


def test_an_article_with_a_title_tags_its_rows_alike_in_frames_and_on_the_command_line() -> None:
    from govmetrics.cli import RowsTask
    from govmetrics.documents import Document
    from govmetrics.serialize import from_json

    article = Article.from_text("全镇改造农村公路42公里。", title="交通建设提速", source="town.txt")
    rows = list(frames.extraction_rows(govmetrics.extract(article), "t1"))
    assert [(row["id"], row["source"], row["article_title"]) for row in rows] == [("t1", "town.txt", "交通建设提速")]
    encoded, count = RowsTask(fmt="jsonl", strict=False, pages=False)(Document(id="t1", text=article), None)
    assert count == 1 and [from_json(line) for line in encoded.splitlines()] == rows


def test_the_sentence_of_a_record_runs_from_the_last_stop_to_the_next() -> None:
    from govmetrics.rows import Sentences

    text = "一、总体目标\n到2025年，建成驿站30个。其中新建12个!   改造18个？\n完成"
    sentences = Sentences(text)

    def around(piece: str) -> str:
        start = text.index(piece)
        return sentences.around(start, start + len(piece))

    assert around("总体目标") == "一、总体目标"  # a heading ends at its line break
    assert around("30个") == "到2025年，建成驿站30个。"
    assert around("12个") == "其中新建12个!"  # half-width marks end sentences too
    assert around("18个") == "改造18个？"  # trimmed of the spaces after the last stop
    assert around("完成") == "完成"  # the last sentence may have no end mark
    # a record that runs over a stop keeps every sentence it touches
    assert around("30个。其中") == "到2025年，建成驿站30个。其中新建12个!"


def test_frames_carry_the_sentence_and_the_raw_span() -> None:
    result = govmetrics.extract("全年新建  公园8个。", published="2019-07-12")
    frame = result.to_frame()
    assert frame["sentence"].tolist() == ["全年新建公园8个。"]
    assert (frame["span_start"].iloc[0], frame["raw_start"].iloc[0], frame["raw_end"].iloc[0]) == (6, 8, 10)
    assert str(frame["raw_start"].dtype) == "Int64"


def test_corpus_rows_and_frames_keep_the_fields_asked_for() -> None:
    items = [
        {"id": "a", "text": "建成驿站8个。", "title": "驿站", "published": "2020-01-01"},
        {"id": "b", "text": "新增车位300个。", "published": "2020-01-01", "url": "http://example.org/b"},
    ]
    rows = list(frames.corpus_rows(items, keep_fields=("title", "url")))
    assert [(row["title"], row["url"]) for row in rows] == [("驿站", None), (None, "http://example.org/b")]
    frame = frames.corpus_frame(items, keep_fields=("title", "url"))
    assert list(frame.columns)[-2:] == ["title", "url"] and list(frame.columns)[:-2] == list(frames.COLUMNS)
    assert str(frame["url"].dtype).startswith("string") and frame["url"].isna().tolist() == [True, False]
    with pytest.raises(govmetrics.InputError, match="'kind': it is already a column"):
        frames.corpus_frame(items, keep_fields=("kind",))


def test_a_path_to_a_json_lines_file_is_a_corpus_of_its_lines(tmp_path: Path) -> None:
    corpus = tmp_path / "reports.jsonl"
    corpus.write_text(
        '{"id": "r1", "title": "一号", "text": "累计走访2万余户。", "published": "2020-01-02"}\n\n'
        '{"id": "r2", "title": "二号", "text": "建成12个驿站。", "published": "2020-01-03"}\n',
        "utf-8",
    )
    frame = frames.corpus_frame([corpus], keep_fields=("title",))
    assert frame[["id", "title", "text"]].values.tolist() == [["r1", "一号", "2万余户"], ["r2", "二号", "12个"]]
