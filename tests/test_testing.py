"""govmetrics.testing: a plugin author's run of one text through just their plugin."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import govmetrics
from govmetrics.testing import records_of, run, texts


class Shares:
    """A tiny plugin: 三成 is 30 %."""

    @govmetrics.hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> Iterator[govmetrics.Metric]:
        at = article.text.find("三成")
        if at >= 0:
            yield govmetrics.Metric(text="三成", span=govmetrics.Span(start=at, end=at + 2), value=30, unit="%")


class AddsUnit:
    @govmetrics.hookimpl
    def govmetrics_lexicon_entries(self, name: str) -> list[str] | None:
        return ["垄"] if name == "units" else None


def test_run_uses_only_the_given_plugin() -> None:
    result = run("约三成居民参与，走访2万余户。", Shares())
    assert texts(result.metrics) == ["三成"]
    assert result.metrics[0].plugin == "Shares-0"


def test_run_can_add_the_builtins() -> None:
    result = run("约三成居民参与，走访2万余户。", Shares(), builtins=("metrics",))
    assert texts(result.metrics) == ["三成", "2万余户"]


def test_lexicon_entries_reach_the_builtin_extractors() -> None:
    result = run("新修12垄。", AddsUnit(), builtins=("metrics",))
    assert texts(records_of(result, "metric")) == ["12垄"]


def test_a_failing_plugin_fails_the_test() -> None:
    class Broken:
        @govmetrics.hookimpl
        def govmetrics_extract(self, article: govmetrics.Article) -> None:
            raise RuntimeError("bug")

    with pytest.raises(govmetrics.PluginError, match="bug"):
        run("文本", Broken())


def test_the_process_host_is_back_after_a_run() -> None:
    before = govmetrics.extract("走访2万余户。")
    run("文本", Shares())
    assert govmetrics.extract("走访2万余户。").records == before.records
