"""``extract_many``: many documents, in input order, in this process or on a pool of workers."""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import govmetrics
from govmetrics import Article, extract_many
from govmetrics.batch import (
    CHUNK_BYTES,
    CHUNKS_PER_WORKER,
    DocumentError,
    DocumentResult,
    JsonLine,
    ReadOptions,
    map_documents,
)
from govmetrics.documents import Document
from govmetrics.errors import InputError, PluginError
from govmetrics.plugins import get_plugin_host

TEXTS = [
    "据了解，我区老旧小区建筑面积697万平方米，累计走访2万余户。",
    "7月10日，八角街道发放宣传折页1200余份。",
    "建成12个驿站，合格率97.6%。",
    "没有数字。",
    "区委常委会每季度至少召开一次会议。",
]

# the documents here test batching, not dates: most have no publication date, on purpose
pytestmark = pytest.mark.filterwarnings("ignore::govmetrics.UndatedWarning")


def corpus(tmp_path: Path) -> list[Any]:
    """Every kind of item: texts, dicts, paths (one with a date in its name), articles, documents."""
    dated = tmp_path / "news-2019-07-12.txt"
    dated.write_text(TEXTS[1], encoding="utf-8")
    gb = tmp_path / "gb.txt"
    gb.write_bytes(TEXTS[2].encode("gb18030"))
    return [
        TEXTS[0],
        {"id": "r1", "text": TEXTS[1], "published": "2020-08-01"},
        dated,
        gb,
        Article.from_text(TEXTS[4], source="article-1"),
        Document(id="doc-1", text=TEXTS[0]),
        {"text": TEXTS[3]},
        *TEXTS,
    ]


def summary(results: list[DocumentResult]) -> list[tuple[Any, ...]]:
    return [
        (r.index, r.id, r.error, r.extraction.records if r.extraction is not None else None, r.chars) for r in results
    ]


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x80\xff\xfe\xff")
    return path


def test_two_processes_give_the_same_records_in_the_same_order(tmp_path: Path) -> None:
    items = corpus(tmp_path)
    alone = list(extract_many(items))
    pooled = list(extract_many(items, processes=2, chunksize=2))
    assert summary(pooled) == summary(alone)
    assert [r.index for r in pooled] == list(range(len(items)))
    assert all(r.ok for r in pooled)
    assert sum(len(r.extraction or ()) for r in pooled) >= 12


def test_each_kind_of_item_is_read_as_documents_read(tmp_path: Path) -> None:
    results = list(extract_many(corpus(tmp_path), published="2021-08-05"))
    ids = [r.id for r in results]
    assert ids[:7] == [
        "0",
        "r1",
        str(tmp_path / "news-2019-07-12.txt"),
        str(tmp_path / "gb.txt"),
        "article-1",
        "doc-1",
        "6",
    ]
    first = results[0].extraction
    assert first is not None and [m.text for m in first.metrics] == ["697万平方米", "2万余户"]
    # the date comes from the record, then the file name, then ``published``
    record_date = results[1].extraction
    name_date = results[2].extraction
    assert record_date is not None and record_date.dates[0].start == dt.date(2020, 7, 10)
    assert name_date is not None and name_date.dates[0].start == dt.date(2019, 7, 10)
    assert results[2].source == str(tmp_path / "news-2019-07-12.txt")
    assert results[8].extraction is not None and results[8].extraction.dates[0].start == dt.date(2021, 7, 10)
    gb = results[3].extraction
    assert gb is not None and [m.text for m in gb.metrics] == ["12个", "97.6%"]
    assert results[0].chars == len(TEXTS[0])


def test_custom_field_names() -> None:
    items = [{"key": "a", "body": TEXTS[1], "day": "2018-09-01"}, {"key": "b", "body": TEXTS[2]}]
    results = list(extract_many(items, id_field="key", text_field="body", date_field="day", published="2017-09-05"))
    assert [r.id for r in results] == ["a", "b"]
    first = results[0].extraction
    assert first is not None and first.dates[0].start == dt.date(2018, 7, 10)


@pytest.mark.parametrize("processes", [None, 2])
def test_a_failing_document_is_reported_and_the_rest_go_on(bad_file: Path, processes: int | None) -> None:
    items = [TEXTS[0], bad_file, {"id": "no-text", "body": "x"}, TEXTS[2]]
    results = list(extract_many(items, processes=processes, chunksize=1))
    assert [r.ok for r in results] == [True, False, False, True]
    bad, no_text = results[1], results[2]
    assert (bad.id, bad.error_type, bad.extraction) == (str(bad_file), "InputError", None)
    assert (bad.error or "").startswith("cannot decode")  # the id is not repeated
    assert bad.source == str(bad_file)
    assert no_text.id == "no-text" and "no text field 'text'" in (no_text.error or "")
    last = results[3].extraction
    assert last is not None and [m.text for m in last.metrics] == ["12个", "97.6%"]


@pytest.mark.parametrize("processes", [None, 2])
def test_fail_fast_raises_at_the_first_failure(bad_file: Path, processes: int | None) -> None:
    seen: list[str] = []
    with pytest.raises(DocumentError) as raised:
        for result in extract_many([TEXTS[0], TEXTS[2], bad_file, TEXTS[1]], processes=processes, on_error="raise"):
            seen.append(result.id)
    assert seen == ["0", "1"]
    assert raised.value.id == str(bad_file)
    assert "cannot decode" in raised.value.reason and raised.value.error_type == "InputError"
    assert isinstance(raised.value, govmetrics.GovmetricsError)
    if processes is None:
        assert isinstance(raised.value.__cause__, InputError)  # in-process, the original error is kept


class Breaks:
    """A plugin that fails on one text."""

    @govmetrics.hookimpl
    def govmetrics_extract(self, article: Article) -> list[Any]:
        if "坏" in article.text:
            raise RuntimeError("cannot read this one")
        return []


def test_a_strict_plugin_error_fails_only_its_document() -> None:
    get_plugin_host().register(Breaks(), "breaks")
    results = list(extract_many([TEXTS[0], "坏了2个。", TEXTS[2]], strict=True))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error_type == "PluginError" and "cannot read this one" in (results[1].error or "")
    with pytest.warns(govmetrics.PluginWarning):
        lenient = list(extract_many(["坏了2个。"], strict=False))
    assert lenient[0].ok and lenient[0].extraction is not None and lenient[0].extraction.metrics


def test_workers_load_their_own_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    # A plugin registered by hand lives in this process only: workers load what the environment says.
    get_plugin_host().register(Breaks(), "breaks")
    with pytest.raises(DocumentError):
        list(extract_many(["坏了2个。"], strict=True, on_error="raise"))
    assert all(r.ok for r in extract_many(["坏了2个。"], strict=True, processes=2))
    monkeypatch.setenv("GOVMETRICS_LOAD_PLUGINS", "metrics")
    kinds = {rec.kind for r in extract_many([TEXTS[1], TEXTS[4]], processes=2) for rec in r.extraction or ()}
    assert kinds == {"metric"}


def _worker_host(document: Document, source: str | None) -> tuple[tuple[int, bool], int]:
    """A task reporting which plugin host the worker extracts with, and whether it came warm."""
    host = get_plugin_host()
    return (id(host), "lexicons" in host.cache), 1


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs the fork start method")
def test_forked_workers_keep_the_host_loading_gives_and_drop_one_changed_by_hand() -> None:
    """A forked worker starts warm with the parent's host when a new process would build the same
    one; after a plugin is registered by hand it loads its own, as a spawned worker would."""
    host = get_plugin_host()
    govmetrics.extract(TEXTS[1])  # reads the lexicons, and builds the metric patterns, in this host
    kept = {o.value for o in map_documents(TEXTS[:4], _worker_host, processes=2, mp_context="fork")}
    assert kept == {(id(host), True)}
    host.register(Breaks(), "breaks")
    fresh = {o.value for o in map_documents(TEXTS[:4], _worker_host, processes=2, mp_context="fork")}
    assert all(worker != id(host) for worker, _ in fresh)


def test_strict_is_read_from_the_environment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVMETRICS_STRICT_PLUGINS", "1")
    get_plugin_host().register(Breaks(), "breaks")
    results = extract_many(["坏了2个。"])
    monkeypatch.delenv("GOVMETRICS_STRICT_PLUGINS")
    assert [r.error_type for r in results] == ["PluginError"]


@pytest.mark.parametrize("processes", [None, 2])
def test_the_input_is_read_lazily(processes: int | None) -> None:
    taken = 0

    def endless() -> Iterator[str]:
        nonlocal taken
        for number in itertools.count():
            taken += 1
            yield f"建成{number}个驿站。"

    results = extract_many(endless(), processes=processes, chunksize=2)
    first = list(itertools.islice(results, 5))
    results.close()  # type: ignore[attr-defined]
    assert [r.extraction.metrics[0].value for r in first if r.extraction] == [0, 1, 2, 3, 4]
    assert taken <= 5 + 2 * (processes or 0) * CHUNKS_PER_WORKER + 2  # a bounded window ahead, never the corpus


def test_spawned_workers_import_govmetrics_themselves(tmp_path: Path) -> None:
    items = [TEXTS[0], tmp_path / "missing.txt", TEXTS[2]]
    results = list(extract_many(items, processes=2, mp_context="spawn"))
    assert summary(results) == summary(list(extract_many(items)))
    assert results[1].error == "no such file"


def test_bad_arguments_are_refused_before_anything_runs() -> None:
    with pytest.raises(InputError, match="iterable of documents"):
        extract_many(TEXTS[0])
    with pytest.raises(InputError, match="processes"):
        extract_many(TEXTS, processes=0)
    with pytest.raises(InputError, match="chunksize"):
        extract_many(TEXTS, chunksize=0)
    with pytest.raises(InputError, match="on_error"):
        extract_many(TEXTS, on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="either way round"):
        extract_many(TEXTS, published="07/12/2019")


def test_json_lines_are_parsed_where_they_are_extracted(tmp_path: Path) -> None:
    source = str(tmp_path / "corpus-2019-07-12.jsonl")
    items = [
        JsonLine(source, 1, '{"id": "a", "text": "7月10日发放1200余份。"}\n'.encode()),
        JsonLine(source, 2, b"{not json\n"),
        JsonLine(source, 3, '{"text": "建成12个驿站。"}'.encode("gb18030")),
        JsonLine(source, 4, b"[1, 2]"),
    ]
    outcomes = list(map_documents(items, govmetrics.batch.ExtractTask(strict=False), options=ReadOptions()))
    assert [(o.id, o.source, o.error_type) for o in outcomes] == [
        ("a", source, None),
        (f"{source}:2", source, "InputError"),
        (f"{source}:3", source, None),
        (f"{source}:4", source, "InputError"),
    ]
    assert outcomes[0].value.dates[0].start == dt.date(2019, 7, 10)  # the date in the file's name
    assert "not JSON" in (outcomes[1].error or "") and "not a JSON object" in (outcomes[3].error or "")


class Dies:
    """A task that kills the worker running it on the document with id ``victim``."""

    def __init__(self, victim: str = "") -> None:
        self.victim = victim

    def __call__(self, document: Document, source: str | None) -> tuple[Any, int]:
        if not self.victim or document.id == self.victim:
            os._exit(3)
        return document.id, 1


def test_a_worker_that_dies_fails_its_document_and_the_run_goes_on() -> None:
    outcomes = list(map_documents(TEXTS, Dies("2"), processes=2))
    assert [o.index for o in outcomes] == list(range(len(TEXTS)))
    assert [o.id for o in outcomes if not o.ok] == ["2"]
    assert "worker process died" in (outcomes[2].error or "") and outcomes[2].error_type == "WorkerDied"
    assert [o.value for o in outcomes if o.ok] == [o.id for o in outcomes if o.ok]


def test_workers_that_always_die_fail_every_document_by_name() -> None:
    outcomes = list(map_documents(TEXTS, Dies(), processes=2))
    assert [o.id for o in outcomes] == [str(i) for i in range(len(TEXTS))]
    assert all(o.error_type == "WorkerDied" for o in outcomes)


class Loops:
    """A task that never ends on the document with id ``victim``; ``deaf``: not even for SIGALRM."""

    def __init__(self, victim: str, deaf: bool = False) -> None:
        self.victim = victim
        self.deaf = deaf

    def __call__(self, document: Document, source: str | None) -> tuple[Any, int]:
        if document.id == self.victim:
            if self.deaf:
                signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
            while True:
                pass
        return document.id, 1


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
@pytest.mark.parametrize("processes", [None, 2])
def test_a_document_past_the_time_limit_fails_and_the_others_go_on(processes: int | None) -> None:
    outcomes = list(map_documents(TEXTS, Loops("1"), processes=processes, timeout=0.5))
    assert [o.id for o in outcomes if not o.ok] == ["1"]
    assert "time limit" in (outcomes[1].error or "") and outcomes[1].error_type == "TimeLimit"
    assert len([o for o in outcomes if o.ok]) == len(TEXTS) - 1


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="needs signal masks")
def test_a_worker_stuck_where_no_signal_reaches_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    import govmetrics.pool

    monkeypatch.setattr(govmetrics.pool, "OVERRUN_GRACE", 1.0)
    outcomes = list(map_documents(TEXTS, Loops("1", deaf=True), processes=2, chunksize=2, timeout=0.5))
    assert [o.id for o in outcomes if not o.ok] == ["1"]
    assert "stuck on it past the time limit" in (outcomes[1].error or "")
    assert len([o for o in outcomes if o.ok]) == len(TEXTS) - 1


@pytest.mark.parametrize("timeout", [0, -1, "5", True])
def test_a_time_limit_is_a_number_of_seconds(timeout: Any) -> None:
    with pytest.raises(InputError, match="timeout"):
        list(extract_many(TEXTS, timeout=timeout))


def test_a_plugin_error_in_strict_mode_is_a_plugin_error() -> None:
    get_plugin_host().register(Breaks(), "breaks")
    with pytest.raises(DocumentError) as raised:
        list(extract_many(["坏了2个。"], strict=True, on_error="raise"))
    assert isinstance(raised.value.__cause__, PluginError)


def test_long_documents_go_to_the_workers_a_few_at_a_time(tmp_path: Path) -> None:
    """A chunk closes at CHUNK_BYTES as well as at chunksize, so eight long reports do not all
    land on one worker while the other waits; short documents still go eight at a time."""
    from govmetrics.pool import _chunks

    sentence = "全区共有两万余户参加。"  # 33 bytes of UTF-8
    report = sentence * (CHUNK_BYTES // 33 // 2 + 1)  # a little over half of CHUNK_BYTES
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")
    options = ReadOptions()
    items: list[Any] = [report, {"text": report}, Document(id="d", text=report), Article.from_text(report), path, path]
    sizes = [len(chunk) for chunk in _chunks([*items, *["短文。"] * 20], 8, options)]
    assert sizes[:3] == [2, 2, 2]  # two long documents fill a chunk, whatever form they come in
    assert sum(sizes) == 26 and max(sizes) == 8


def test_a_corpus_whose_date_field_has_another_name_warns_once_with_the_count() -> None:
    """Records with ``date`` where ``published`` is looked for would resolve 7月3日 against nothing,
    silently; one warning after the last document counts the documents left without a date."""
    from govmetrics.errors import UndatedWarning

    items = [
        {"id": "a", "text": "7月3日，全镇完成造林1200亩。", "date": "2021-07-05"},
        {"id": "b", "text": "8月9日召开推进会。", "date": "2021-08-10"},
        {"id": "c", "text": "已建成驿站8个。", "date": "2021-08-11", "published": "2021-08-11"},
    ]
    with pytest.warns(UndatedWarning) as caught:
        results = list(extract_many(items))
    assert [str(w.message) for w in caught] == [
        "2 of 3 documents have no publication date; dates without a year are left unresolved "
        "(name the field with date_field=, or pass published=)"
    ]
    assert [r.published for r in results] == [None, None, dt.date(2021, 8, 11)]
    dates = [record for record in results[0].extraction.records if record.kind == "date"]  # type: ignore[union-attr]
    assert dates and dates[0].start is None  # the gap the warning is about


def test_no_warning_when_every_document_has_a_date(recwarn: pytest.WarningsRecorder) -> None:
    items = [{"id": "a", "text": "7月3日，全镇完成造林1200亩。", "date": "2021-07-05"}, "已建成驿站8个。"]
    results = list(extract_many(items, date_field="date", published="2021-01-01"))
    assert [r.published for r in results] == [dt.date(2021, 7, 5), dt.date(2021, 1, 1)]
    assert not [w for w in recwarn if issubclass(w.category, govmetrics.UndatedWarning)]


def test_corpus_rows_warn_once_for_the_whole_corpus() -> None:
    pytest.importorskip("pandas")
    from govmetrics.frames import corpus_rows

    items = [{"id": str(n), "text": f"{n + 1}月3日，完成造林1200亩。"} for n in range(3)]
    with pytest.warns(govmetrics.UndatedWarning, match="^3 of 3 documents") as caught:
        rows = list(corpus_rows(items))
    assert len(caught) == 1 and len(rows) == 6


def test_keep_fields_carries_a_records_own_fields_to_its_result() -> None:
    items = [
        {"id": "a", "text": "建成驿站8个。", "title": "驿站", "published": "2020-01-01"},
        {"id": "b", "text": "新增车位300个。", "published": "2020-01-01", "url": "http://example.org/b"},
        "累计走访2万余户。",
    ]
    results = list(extract_many(items, keep_fields=("title", "url"), published="2020-01-01"))
    assert [r.kept for r in results] == [
        (("title", "驿站"), ("url", None)),
        (("title", None), ("url", "http://example.org/b")),
        (("title", None), ("url", None)),
    ]
    assert [r.kept for r in extract_many(items[:1], keep_fields="title", published="2020-01-01")] == [
        (("title", "驿站"),)
    ]


@pytest.mark.parametrize("names", [("text",), ("id",), ("sentence",), ("unit",), ("title", "title"), ("",)])
def test_keep_fields_refuses_a_name_rows_already_use(names: tuple[str, ...]) -> None:
    with pytest.raises(InputError, match=r"^cannot keep the field "):
        extract_many(["建成驿站8个。"], keep_fields=names)
