"""govmetrics on Dask: bags and DataFrames of documents, on a local cluster of two worker processes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import govmetrics
from govmetrics.errors import InputError
from govmetrics.plugins import PluginHost

pd = pytest.importorskip("pandas")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dask  # noqa: E402

from govmetrics import frames  # noqa: E402
from govmetrics.dask import bag_to_dataframe, records_bag, records_dataframe  # noqa: E402

EXAMPLE = (Path(__file__).resolve().parent.parent / "docs" / "examples" / "district-news-2019-07-12.txt").read_text(
    encoding="utf-8"
)
TEXTS = [
    EXAMPLE,
    "据了解，我区老旧小区建筑面积697万平方米，累计走访2万余户。",
    "今年5月以来，各街道每季度至少进行一次检查，整改率达97.6%。",
    "没有数字的一句话",
    "7月10日下午，区委书记常卫主持召开区委常委会会议，区委副书记、区长李华出席。",
]
#: A text with the spaces of a justified PDF line, which cleaning takes out: spans move.
SPACED = "全年完成  投资2.5亿元。\n各乡镇每月至少一次巡查河道。"
#: The keys a record dict may have, of any built-in kind.
ROW_FIELDS = {name for row in govmetrics.extract(" ".join(TEXTS), published="2019-07-12").to_dicts() for name in row}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        yield client


def plain_rows(documents: list[tuple[str, str, str | None]]) -> list[dict[str, Any]]:
    """What plain ``govmetrics.extract`` gives for (id, text, published) documents, tagged with ids
    (a document not read from a file names itself as its source; a path is both), and placed in
    their text (sentence, raw span)."""
    return [
        row
        for id, text, published in documents
        for row in frames.extraction_rows(govmetrics.extract(text, published=published), id)
    ]


def test_a_bag_of_dicts_texts_and_paths_gives_the_records_of_plain_extract(client: Any, tmp_path: Path) -> None:
    path = tmp_path / "district-2019-07-12.txt"
    path.write_text(TEXTS[4], encoding="utf-8")
    items: list[Any] = [
        {"id": "a", "text": TEXTS[0], "published": "2019-07-12"},
        {"id": "b", "text": TEXTS[1]},
        TEXTS[2],
        path,
        {"id": "c", "text": TEXTS[3], "published": "2019-01-01"},
        TEXTS[1],
    ]
    bag = db.from_sequence(items, npartitions=2)
    rows = records_bag(bag, published="2020-03-01").compute()
    assert rows == plain_rows(
        [
            ("a", TEXTS[0], "2019-07-12"),
            ("b", TEXTS[1], "2020-03-01"),
            ("0-2", TEXTS[2], "2020-03-01"),  # no id of its own: partition 0, third item
            (str(path), TEXTS[4], "2019-07-12"),  # named and dated by its file name
            ("c", TEXTS[3], "2019-01-01"),
            ("1-2", TEXTS[1], "2020-03-01"),
        ]
    )


def test_a_bag_becomes_a_typed_dataframe(client: Any) -> None:
    items = [{"id": f"d{i}", "text": text, "published": "2019-07-12"} for i, text in enumerate(TEXTS)]
    records = bag_to_dataframe(records_bag(db.from_sequence(items, npartitions=2)))
    assert records.dtypes.equals(frames.empty_frame().dtypes)
    frame = records.compute().reset_index(drop=True)
    expected = frames.records_frame(
        [govmetrics.extract(text, published="2019-07-12") for text in TEXTS], ids=[f"d{i}" for i in range(len(TEXTS))]
    )
    pd.testing.assert_frame_equal(frame, expected)


def test_a_dataframe_of_documents_gives_the_records_frame(client: Any) -> None:
    documents = pd.DataFrame(
        {
            "doc": [101, 102, 103, 104, 105],
            "body": TEXTS,
            "day": pd.to_datetime(["2019-07-12", None, "2019-06-01", "2019-06-01", "2019-07-12"]),
        }
    )
    records = records_dataframe(
        dd.from_pandas(documents, npartitions=2),
        id_column="doc",
        text_column="body",
        date_column="day",
        published="2020-03-01",
    )
    assert list(records.columns) == list(frames.COLUMNS)
    assert records.dtypes.equals(frames.empty_frame().dtypes)
    frame = records.compute().reset_index(drop=True)
    days = ["2019-07-12", "2020-03-01", "2019-06-01", "2019-06-01", "2019-07-12"]
    expected = frames.records_frame(
        [govmetrics.extract(text, published=day) for text, day in zip(TEXTS, days, strict=True)],
        ids=documents["doc"],
    )
    pd.testing.assert_frame_equal(frame, expected)
    plain = [
        row for text, day in zip(TEXTS, days, strict=True) for row in govmetrics.extract(text, published=day).to_dicts()
    ]
    assert frames.frame_to_dicts(frame) == plain


def test_the_id_may_be_the_index_and_the_date_column_absent() -> None:
    documents = pd.DataFrame({"id": ["x", "y"], "text": TEXTS[1:3]}).set_index("id")
    with dask.config.set(scheduler="sync"):
        frame = records_dataframe(dd.from_pandas(documents, npartitions=1), published="2019-07-16").compute()
    expected = frames.records_frame([govmetrics.extract(t, published="2019-07-16") for t in TEXTS[1:3]], ids=["x", "y"])
    pd.testing.assert_frame_equal(frame.reset_index(drop=True), expected)


def test_missing_columns_are_named_before_anything_runs() -> None:
    documents = dd.from_pandas(pd.DataFrame({"id": ["x"], "body": ["累计走访2万余户。"]}), npartitions=1)
    with pytest.raises(InputError, match="no text column 'text'"):
        records_dataframe(documents)
    with pytest.raises(InputError, match="no id column 'doc'"):
        records_dataframe(documents, id_column="doc", text_column="body")


def test_a_document_without_text_fails_the_computation_by_name() -> None:
    documents = dd.from_pandas(pd.DataFrame({"id": ["x", "y"], "text": ["累计走访2万余户。", None]}), npartitions=1)
    with dask.config.set(scheduler="sync"), pytest.raises(InputError, match="'y' has no text field 'text'"):
        records_dataframe(documents).compute()


def test_workers_load_plugins_themselves_and_nothing_loaded_is_pickled(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.run(govmetrics.plugins.reset_plugins)
    assert set(client.run(lambda: govmetrics.plugins._host is None).values()) == {True}
    govmetrics.extract("累计走访2万余户。")  # a host with compiled lexicons exists here, in the client

    def refuse(self: PluginHost) -> Any:
        raise AssertionError("a plugin host was pickled")

    monkeypatch.setattr(PluginHost, "__reduce__", refuse)
    bag = db.from_sequence([f"累计走访{n}万余户。" for n in range(1, 9)], npartitions=4)
    rows = records_bag(bag).compute()
    assert [row["value"] for row in rows] == [n * 10000 for n in range(1, 9)]
    assert [row["plugin"] for row in rows] == ["metrics"] * 8
    # the workers that ran tasks loaded the plugins installed where they run, by running extract
    loaded = client.run(
        lambda: (
            None
            if govmetrics.plugins._host is None
            else sorted(name for name, _ in govmetrics.plugins._host.manager.list_name_plugin())
        )
    )
    assert [names for names in loaded.values() if names is not None]
    assert {tuple(names) for names in loaded.values() if names is not None} == {
        ("cadences", "dates", "meetings", "metrics")
    }


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    bag = db.from_sequence(["累计走访2万余户。"])
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"govmetrics\[dask\]"):
        records_bag(bag)


def test_the_cli_corpus_rows_and_dask_give_the_same_rows_and_columns(client: Any, tmp_path: Path) -> None:
    from govmetrics.cli import main
    from govmetrics.corpus import corpus_items
    from govmetrics.rows import TAGS
    from govmetrics.serialize import from_json

    text_file = tmp_path / "town-2019-07-12.txt"
    text_file.write_text(TEXTS[4], encoding="utf-8")
    records = [
        {"id": "n1", "text": TEXTS[1], "published": "2019-07-12"},
        {"id": "n2", "text": TEXTS[2], "published": "2019-06-01"},
        {"id": "n3", "text": TEXTS[3]},
        {"id": "n4", "text": SPACED, "published": "2019-07-12"},
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    inputs = [str(text_file), str(corpus)]
    out = tmp_path / "records.jsonl"
    assert main(["extract", *inputs, "--published", "2020-03-01", "-o", str(out)]) == 0
    cli_rows = [from_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    corpus_rows = list(frames.corpus_rows(corpus_items(inputs), published="2020-03-01"))
    bag = db.from_sequence(list(corpus_items(inputs)), npartitions=2)
    records_of_bag = records_bag(bag, published="2020-03-01")
    bag_rows = records_of_bag.compute()

    # every path tags a row alike: the document, and the file it was read from
    assert {row["kind"] for row in cli_rows} == {"metric", "date", "cadence", "meeting"}
    for rows in (corpus_rows, bag_rows):
        assert [list(row) for row in rows] == [list(row) for row in cli_rows]
        assert rows == cli_rows
    document_tags = ("id", "source", "article", "article_title", "page_span")
    tags = [tuple(row.get(tag) for tag in document_tags) for row in cli_rows]
    assert list(dict.fromkeys(tags)) == [
        (str(text_file), str(text_file), None, None, None),
        ("n1", str(corpus), None, None, None),
        ("n2", str(corpus), None, None, None),
        ("n4", str(corpus), None, None, None),
    ]
    # and places its record in the text: the sentence, and the span in the text as given
    texts = {str(text_file): TEXTS[4], "n1": TEXTS[1], "n2": TEXTS[2], "n4": SPACED}
    for row in cli_rows:
        assert list(row)[-3:] == ["sentence", "raw_start", "raw_end"] and set(TAGS) >= set(row) - set(ROW_FIELDS)
        assert row["text"] in row["sentence"] and row["sentence"] in texts[row["id"]].replace(" ", "")
        raw = texts[row["id"]][row["raw_start"] : row["raw_end"]]
        assert raw.replace(" ", "") == row["text"]
    spaced = [row for row in cli_rows if row["id"] == "n4"]
    assert [(row["text"], row["sentence"]) for row in spaced] == [
        ("2.5亿元", "全年完成投资2.5亿元。"),
        ("每月至少一次", "各乡镇每月至少一次巡查河道。"),
    ]
    assert spaced[0]["span"] == {"start": 6, "end": 11} and (spaced[0]["raw_start"], spaced[0]["raw_end"]) == (8, 13)

    # and the frames of those rows: the CLI's, corpus_frame's and the Dask DataFrame's
    cli_frame = frames.rows_frame(cli_rows)
    corpus_frame = frames.corpus_frame(corpus_items(inputs), published="2020-03-01")
    dask_frame = bag_to_dataframe(records_of_bag).compute().reset_index(drop=True)
    for frame in (corpus_frame, dask_frame):
        pd.testing.assert_frame_equal(frame, cli_frame)
    assert cli_frame["sentence"].tolist() == [row["sentence"] for row in cli_rows]
    assert cli_frame["raw_start"].tolist() == [row["raw_start"] for row in cli_rows]
    assert str(cli_frame["raw_end"].dtype) == "Int64" and str(cli_frame["sentence"].dtype).startswith("string")


def test_a_dataframe_of_documents_tags_rows_as_a_corpus_of_records_does(client: Any) -> None:
    documents = pd.DataFrame({"id": ["m1", "m2"], "text": TEXTS[1:3], "published": ["2019-07-12", "2019-06-01"]})
    frame = records_dataframe(dd.from_pandas(documents, npartitions=2)).compute().reset_index(drop=True)
    expected = frames.corpus_frame(documents.to_dict("records"))
    pd.testing.assert_frame_equal(frame, expected)
    assert (frame["source"] == frame["id"]).all()  # no file: a document is its own source


def test_dask_keeps_the_fields_asked_for_as_corpus_frame_does(client: Any) -> None:
    records = [
        {"id": "m1", "text": TEXTS[1], "published": "2019-07-12", "title": "走访", "url": "http://example.org/1"},
        {"id": "m2", "text": TEXTS[2], "published": "2019-06-01", "title": "检查"},
    ]
    expected = frames.corpus_frame(records, keep_fields=("title", "url"))
    assert expected["title"].tolist()[-1] == "检查" and expected["url"].isna().any()
    bag = records_bag(db.from_sequence(records, npartitions=2), keep_fields=("title", "url"))
    assert bag.compute() == list(frames.corpus_rows(records, keep_fields=("title", "url")))
    from_bag = bag_to_dataframe(bag, keep_fields=("title", "url")).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(from_bag, expected)
    documents = dd.from_pandas(pd.DataFrame(records), npartitions=2)
    from_frame = records_dataframe(documents, keep_fields=("title", "url")).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(from_frame, expected)
    with pytest.raises(InputError, match="no column 'summary' to keep"):
        records_dataframe(documents, keep_fields=("summary",))
    with pytest.raises(InputError, match="'text': it is already a column"):
        records_bag(db.from_sequence(records, npartitions=1), keep_fields="title,text")
