"""The plugin host: loading, calling, reporting and listing plugins.

Plugins here are registered in-process (``get_plugin_host().register``) or offered through a
monkeypatched ``importlib.metadata.entry_points``, the path an installed plugin takes. The
example plugin built as a real distribution is tested in test_plugin_distribution.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import inspect
import io
import json
import logging
import re
import warnings
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest

import govmetrics
from govmetrics import Metric, PluginError, PluginWarning, Record, Span, hookimpl, hookspecs, lexicon
from govmetrics.cli import main
from govmetrics.models import Number, exact
from govmetrics.plugins import DEFAULT_PLUGINS, HOOK_NAMES, get_plugin_host, using_host
from govmetrics.testing import plugin_host, run

DOCS = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"
TEXT = "新增停车位316个，乱停车现象减少了三成。"


# -- plugins used by the tests -----------------------------------------------------------------


def share_at(text: str) -> Metric:
    start = text.index("三成")
    return Metric(text="三成", span=Span(start=start, end=start + 2), value=30, unit="%")


class Shares:
    """A working plugin: 三成 as 30 %."""

    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> Iterator[Metric]:
        if "三成" in article.text:
            yield share_at(article.text)


class Raises:
    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> list[Metric]:
        raise RuntimeError("boom")


class RaisesHalfway:
    """Yields one good record, then fails."""

    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> Iterator[Metric]:
        yield share_at(article.text)
        raise RuntimeError("halfway")


class ReturnsNonRecords:
    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> list[Any]:
        return [share_at(article.text), {"kind": "metric", "value": 30}]


class ReturnsSpanOutsideText:
    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> list[Metric]:
        end = len(article.text) + 5
        return [Metric(text="三成", span=Span(start=end - 2, end=end), value=30, unit="%")]


class MisspelledHook:
    @hookimpl
    def govmetrics_extrat(self, article: govmetrics.Article) -> list[Metric]:
        return [share_at(article.text)]


class UnmarkedHook:
    def govmetrics_extract(self, article: govmetrics.Article) -> list[Metric]:
        return [share_at(article.text)]


class WrongArgument:
    @hookimpl
    def govmetrics_extract(self, text: str) -> list[Metric]:
        return [share_at(text)]


class Wells:
    """Lexicon entries: the counting word 眼 (wells), 平方 as a way of writing 平方米, a set phrase."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    @hookimpl
    def govmetrics_lexicon_entries(self, name: str) -> list[str] | None:
        self.asked.append(name)
        rows = {"units": ["眼", "平方  平方米"], "set_phrases": ["十五分钟生活圈"]}
        return rows.get(name)


@attrs.frozen(kw_only=True)
class Share(Record):
    """A record type of a plugin's own."""

    kind: ClassVar[str] = "share"

    tenths: int


class ShareTypes:
    @hookimpl
    def govmetrics_record_types(self) -> list[type[Record]]:
        return [Share]

    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> Iterator[Share]:
        if "三成" in article.text:
            start = article.text.index("三成")
            yield Share(text="三成", span=Span(start=start, end=start + 2), tenths=3)


@attrs.frozen
class FakeDistribution:
    name: str
    version: str

    @property
    def metadata(self) -> dict[str, str]:
        return {"Name": self.name}


@attrs.frozen
class FakeEntryPoint:
    """What importlib.metadata yields for an installed plugin: a name, a dist, and a load()."""

    name: str
    plugin: object = None
    error: Exception | None = None
    dist: FakeDistribution | None = None
    group: str = "govmetrics"
    loaded: list[str] = attrs.field(factory=list)

    def load(self) -> object:
        self.loaded.append(self.name)
        if self.error is not None:
            raise self.error
        return self.plugin


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Entry points the next plugin load finds in the ``govmetrics`` group (append to the list)."""
    offered: list[Any] = []

    def fake(**params: Any) -> list[Any]:
        assert params == {"group": "govmetrics"}
        return list(offered)

    monkeypatch.setattr(metadata, "entry_points", fake)
    return offered


def register(plugin: object, name: str) -> None:
    get_plugin_host().register(plugin, name)


def found(text: str = TEXT, **options: Any) -> list[tuple[str | None, str]]:
    return [(r.plugin, r.text) for r in govmetrics.extract(text, **options)]


# -- govmetrics_extract ------------------------------------------------------------------------


def test_hook_govmetrics_extract_records_are_stamped_with_the_plugin_name(entry_points: list[Any]) -> None:
    entry_points.append(FakeEntryPoint("shares", Shares()))
    assert found() == [("metrics", "316个"), ("shares", "三成")]


def test_records_of_a_plugin_registered_in_process_are_stamped_with_its_name() -> None:
    register(Shares(), "my-shares")
    assert ("my-shares", "三成") in found()


def test_raising_plugin_is_named_in_a_warning_and_the_others_still_run() -> None:
    register(Raises(), "boom")
    register(Shares(), "shares")
    with pytest.warns(PluginWarning, match=r'plugin "boom" failed: RuntimeError\(\'boom\'\)') as caught:
        assert found() == [("metrics", "316个"), ("shares", "三成")]
    # The warning points at the caller of extract, not at the host's internals.
    assert caught[0].filename == __file__


def test_plugin_that_fails_halfway_contributes_no_records() -> None:
    register(RaisesHalfway(), "halfway")
    with pytest.warns(PluginWarning, match='plugin "halfway" failed'):
        assert found() == [("metrics", "316个")]


def test_strict_argument_turns_a_raising_plugin_into_an_error() -> None:
    register(Raises(), "boom")
    with pytest.raises(PluginError, match='plugin "boom" failed') as raised:
        govmetrics.extract(TEXT, strict=True)
    assert isinstance(raised.value.__cause__, RuntimeError)


@pytest.mark.parametrize("value", ["1", "true", "yes", "on", "TRUE"])
def test_strict_environment_turns_a_raising_plugin_into_an_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("GOVMETRICS_STRICT_PLUGINS", value)
    register(Raises(), "boom")
    with pytest.raises(PluginError, match='plugin "boom" failed'):
        govmetrics.extract(TEXT)


@pytest.mark.parametrize("value", ["0", "", "no"])
def test_strict_environment_off_only_warns(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("GOVMETRICS_STRICT_PLUGINS", value)
    register(Raises(), "boom")
    with pytest.warns(PluginWarning, match='plugin "boom" failed'):
        govmetrics.extract(TEXT)


def test_strict_argument_false_overrides_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVMETRICS_STRICT_PLUGINS", "1")
    register(Raises(), "boom")
    with pytest.warns(PluginWarning, match='plugin "boom" failed'):
        assert found(strict=False) == [("metrics", "316个")]


def test_plugin_returning_a_non_record_is_named_in_a_warning() -> None:
    register(ReturnsNonRecords(), "dicts")
    with pytest.warns(PluginWarning, match='plugin "dicts" failed: .*returned dict, not a govmetrics record'):
        assert found() == [("metrics", "316个")]


def test_plugin_returning_a_span_outside_the_text_is_named_in_a_warning() -> None:
    register(ReturnsSpanOutsideText(), "offside")
    with pytest.warns(PluginWarning, match='plugin "offside" failed: .*outside the text'):
        assert found() == [("metrics", "316个")]


# -- loading -----------------------------------------------------------------------------------


def test_plugin_that_fails_to_import_is_named_and_the_run_goes_on(entry_points: list[Any]) -> None:
    entry_points.append(metadata.EntryPoint(name="broken", value="govmetrics_no_such_plugin", group="govmetrics"))
    with pytest.warns(PluginWarning, match='Error importing plugin "broken": ModuleNotFoundError'):
        assert found() == [("metrics", "316个")]


def test_plugin_that_fails_to_import_is_an_error_in_strict_mode(entry_points: list[Any]) -> None:
    entry_points.append(FakeEntryPoint("broken", error=ImportError("needs libfoo")))
    with pytest.warns(PluginWarning), pytest.raises(PluginError, match='Error importing plugin "broken"') as raised:
        govmetrics.extract(TEXT, strict=True)
    assert isinstance(raised.value.__cause__, ImportError)


def test_misspelled_hook_is_reported_not_ignored() -> None:
    with pytest.warns(PluginWarning, match=r"Error registering plugin \"typo\": unknown hook 'govmetrics_extrat'"):
        register(MisspelledHook(), "typo")
    assert "typo" not in [info.name for info in get_plugin_host().info()]
    with pytest.raises(PluginError, match='"typo"'):
        govmetrics.extract(TEXT, strict=True)


def test_misspelled_hook_of_an_installed_plugin_is_an_error_in_strict_mode(entry_points: list[Any]) -> None:
    entry_points.append(FakeEntryPoint("typo", MisspelledHook()))
    with pytest.warns(PluginWarning, match="govmetrics_extrat"), pytest.raises(PluginError, match='"typo"'):
        govmetrics.extract(TEXT, strict=True)


def test_hook_without_the_hookimpl_marker_is_reported_not_ignored() -> None:
    message = 'plugin "unmarked": govmetrics_extract is not marked with @govmetrics.hookimpl'
    with pytest.warns(PluginWarning, match=re.escape(message)):
        register(UnmarkedHook(), "unmarked")
    assert "unmarked" not in [info.name for info in get_plugin_host().info()]


def test_hook_taking_an_argument_the_spec_lacks_is_reported() -> None:
    with pytest.warns(PluginWarning, match=r"(?s)Error registering plugin \"wrong-arg\".*\{'text'\}"):
        register(WrongArgument(), "wrong-arg")


def test_entry_point_named_like_a_builtin_is_refused_and_does_not_relabel_it(entry_points: list[Any]) -> None:
    entry_points.append(FakeEntryPoint("metrics", Shares(), dist=FakeDistribution("impostor", "9.9")))
    with pytest.warns(PluginWarning, match='Error registering plugin "metrics"'):
        (info,) = [info for info in get_plugin_host().info() if info.name == "metrics"]
    assert (info.name, info.package, info.builtin) == ("metrics", "govmetrics", True)
    assert info.version != "9.9"


def test_plugins_load_once_on_first_use(entry_points: list[Any]) -> None:
    entry_point = FakeEntryPoint("shares", Shares())
    entry_points.append(entry_point)
    assert entry_point.loaded == []  # importing govmetrics loaded nothing
    govmetrics.extract(TEXT)
    govmetrics.extract(TEXT)
    assert entry_point.loaded == ["shares"]


# -- GOVMETRICS_LOAD_PLUGINS -------------------------------------------------------------------


def test_empty_allow_list_loads_no_plugins_and_finds_nothing(
    monkeypatch: pytest.MonkeyPatch, entry_points: list[Any]
) -> None:
    monkeypatch.setenv("GOVMETRICS_LOAD_PLUGINS", "")
    entry_points.append(FakeEntryPoint("shares", Shares()))
    assert found() == []
    assert list(get_plugin_host().info()) == []


def test_allow_list_of_metrics_loads_only_the_builtin(monkeypatch: pytest.MonkeyPatch, entry_points: list[Any]) -> None:
    monkeypatch.setenv("GOVMETRICS_LOAD_PLUGINS", "metrics")
    shares = FakeEntryPoint("shares", Shares())
    broken = FakeEntryPoint("broken", error=ImportError("never imported"))
    entry_points.extend([shares, broken])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the broken plugin is not even imported, so no warning
        assert found() == [("metrics", "316个")]
    assert shares.loaded == broken.loaded == []


def test_allow_list_can_leave_out_the_builtin(monkeypatch: pytest.MonkeyPatch, entry_points: list[Any]) -> None:
    monkeypatch.setenv("GOVMETRICS_LOAD_PLUGINS", " shares , ")
    entry_points.append(FakeEntryPoint("shares", Shares()))
    assert found() == [("shares", "三成")]


# -- govmetrics_lexicon_entries ----------------------------------------------------------------


def test_hook_govmetrics_lexicon_entries_adds_a_counting_word() -> None:
    assert govmetrics.extract("新建机井12眼").metrics == ()
    govmetrics.plugins.reset_plugins()
    wells = Wells()
    register(wells, "wells")
    (metric,) = govmetrics.extract("新建机井12眼").metrics
    assert (metric.text, metric.value, metric.unit, metric.plugin) == ("12眼", 12, "眼", "metrics")
    assert {"units", "qualifiers", "set_phrases"} <= set(wells.asked)


def test_lexicon_entry_with_a_canonical_column_gives_the_canonical_unit() -> None:
    register(Wells(), "wells")
    (metric,) = govmetrics.extract("改造面积3000平方").metrics
    assert (metric.value, metric.unit) == (3000, "平方米")


def test_lexicon_set_phrase_from_a_plugin_stops_a_metric_inside_it() -> None:
    assert [m.text for m in govmetrics.extract("打造十五分钟生活圈").metrics] == ["十五分钟"]
    govmetrics.plugins.reset_plugins()
    register(Wells(), "wells")
    assert govmetrics.extract("打造十五分钟生活圈").metrics == ()


def test_set_phrases_of_a_plugin_registered_after_a_scan_of_the_same_text_are_found() -> None:
    # The spans of the last text scanned are kept for the next extractor; a plugin registered after
    # gives the host new lexicons, and the same text object must then be scanned again.
    text = "建设十五分钟生活圈示范点"
    assert get_plugin_host().lexicons().set_phrase_spans(text) == []
    register(Wells(), "wells")
    assert get_plugin_host().lexicons().set_phrase_spans(text) == [(2, 9)]


def test_set_phrases_are_scanned_once_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    # Metrics and cadences both skip set phrases: one scan of the article serves both.
    lexicons = get_plugin_host().lexicons()
    pattern = lexicon.Lexicons().built("set_phrases", lexicon._set_phrase_pattern)
    scanned: list[str] = []

    class Counting:
        def finditer(self, text: str) -> Iterator[re.Match[str]]:
            scanned.append(text)
            return pattern.finditer(text)

    monkeypatch.setitem(lexicons._built, "set_phrases", Counting())
    record_texts = [r.text for r in govmetrics.extract("每月开展2次巡查，新增千家万户停车位316个").records]
    assert "316个" in record_texts
    assert len(scanned) == 1


class BrokenLexicon:
    """A plugin whose lexicon entries fail for one lexicon, and whose extractor still works."""

    @hookimpl
    def govmetrics_lexicon_entries(self, name: str) -> list[str] | None:
        if name == "set_phrases":
            raise RuntimeError("no such file")
        return ["樽"] if name == "units" else None

    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> Iterator[Metric]:
        if "三成" in article.text:
            yield share_at(article.text)


def test_a_raising_lexicon_hook_loses_only_its_own_entries_with_a_warning_naming_it() -> None:
    register(Wells(), "wells")
    register(BrokenLexicon(), "broken-lexicon")
    with pytest.warns(PluginWarning, match='plugin "broken-lexicon" failed to give lexicon entries'):
        result = govmetrics.extract("新建机井12眼，立石像3樽，乱停车现象减少了三成。")
    # the other plugin's unit counts, the broken plugin's (樽) does not, in any lexicon
    assert [(m.text, m.plugin) for m in result.metrics] == [("12眼", "metrics"), ("三成", "broken-lexicon")]


def test_a_raising_lexicon_hook_is_an_error_in_strict_mode() -> None:
    with pytest.warns(PluginWarning):
        register(BrokenLexicon(), "broken-lexicon")
        with pytest.raises(PluginError, match='"broken-lexicon" failed to give lexicon entries'):
            govmetrics.extract(TEXT, strict=True)


class Gives:
    """A plugin giving ``entries`` for the units lexicon."""

    def __init__(self, entries: object) -> None:
        self.entries = entries

    @hookimpl
    def govmetrics_lexicon_entries(self, name: str) -> object:
        return self.entries if name == "units" else None


@pytest.mark.parametrize("entries", ["眼", 12, ["眼", 12]])
def test_lexicon_entries_that_are_not_lines_of_text_are_refused(entries: object) -> None:
    register(Gives(entries), "gives")
    with pytest.warns(PluginWarning, match='"gives" failed to give lexicon entries: TypeError'):
        get_plugin_host().lexicons()
    with pytest.raises(PluginError, match='"gives" failed to give lexicon entries'):
        govmetrics.extract(TEXT, strict=True)


def test_lexicon_entries_of_comments_and_blank_lines_are_lines_of_text() -> None:
    register(Gives(("   # only a comment", "", "眼  # wells")), "gives")
    assert govmetrics.extract("新建机井12眼", strict=True).metrics[0].unit == "眼"


def test_an_extractor_reads_the_lexicons_the_host_passes() -> None:
    seen: list[lexicon.Lexicons] = []

    class Reads:
        @hookimpl
        def govmetrics_extract(self, article: govmetrics.Article, lexicons: lexicon.Lexicons) -> None:
            seen.append(lexicons)

    register(Wells(), "wells")
    register(Reads(), "reads")
    govmetrics.extract(TEXT)
    govmetrics.extract(TEXT)
    assert seen[0] is seen[1] is get_plugin_host().lexicons()
    assert "眼" in seen[0].words("units")


def test_lexicons_read_without_plugins_are_the_shipped_files() -> None:
    shipped = lexicon.Lexicons()
    assert set(shipped.words("units")) >= {"个", "平方米"}
    assert "眼" not in shipped.words("units")
    with pytest.raises(govmetrics.GovmetricsError, match="no lexicon named 'unit'"):
        shipped.rows("unit")
    with pytest.raises(govmetrics.GovmetricsError, match="no lexicon named 'unit'"):
        lexicon.Lexicons({"unit": ["眼"]})


def test_what_an_extractor_builds_from_the_lexicons_is_built_once() -> None:
    shipped = lexicon.Lexicons()
    calls: list[int] = []

    def build(lexicons: lexicon.Lexicons) -> int:
        calls.append(1)
        return len(lexicons.rows("units"))

    assert shipped.built("count", build) == shipped.built("count", build) > 0
    assert calls == [1]


def test_extract_calls_are_traced_at_debug_level(caplog: pytest.LogCaptureFixture) -> None:
    register(Shares(), "shares")
    with caplog.at_level(logging.DEBUG, logger="govmetrics.plugins"):
        govmetrics.extract(TEXT)
    traced = [r.getMessage() for r in caplog.records if r.name == "govmetrics.plugins"]
    shares = r"govmetrics_extract: shares gave 1 records on article starting “新增停车位"
    assert any(re.match(shares, m) for m in traced)
    assert any(m.startswith("govmetrics_extract: metrics gave ") for m in traced)


def test_lexicon_plugin_registered_after_a_first_extract_still_counts() -> None:
    # The metric extractor keeps what it builds from the lexicons; a new plugin gives new lexicons.
    assert govmetrics.extract("新建机井12眼").metrics == ()
    register(Wells(), "wells")
    assert [m.text for m in govmetrics.extract("新建机井12眼").metrics] == ["12眼"]


# -- govmetrics_record_types -------------------------------------------------------------------


def test_hook_govmetrics_record_types_lets_a_plugin_record_round_trip() -> None:
    register(ShareTypes(), "share-types")
    (share,) = govmetrics.extract(TEXT).of_kind("share")
    data = govmetrics.to_dict(share)
    assert data == {
        "kind": "share",
        "text": "三成",
        "span": {"start": share.span.start, "end": share.span.end},
        "plugin": "share-types",
        "tenths": 3,
    }
    back = govmetrics.from_dict(data)
    assert back == share
    assert back.plugin == "share-types"


def test_plugin_record_type_does_not_read_back_without_its_plugin() -> None:
    record = Share(text="三成", span=Span(start=0, end=2), tenths=3)
    with pytest.raises(govmetrics.SerializationError, match="unknown record kind: 'share'"):
        govmetrics.from_dict(govmetrics.to_dict(record))


@attrs.frozen(kw_only=True)
class Rate(Record):
    """A plugin's rate record (好评率97%) that claims the built-in metric of its number."""

    kind: ClassVar[str] = "rate"
    owns: ClassVar[frozenset[str]] = frozenset({"metric"})

    name: str


@attrs.frozen(kw_only=True)
class LooseRate(Record):
    """The same rate, from a record type that owns nothing."""

    kind: ClassVar[str] = "loose_rate"

    name: str


class Rates:
    """好评率97%, as an owning or a non-owning record."""

    def __init__(self, record_type: type[Rate] | type[LooseRate]) -> None:
        self.record_type = record_type

    @hookimpl
    def govmetrics_record_types(self) -> list[type[Record]]:
        return [self.record_type]

    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> Iterator[Record]:
        for match in re.finditer(r"(好评率)\d+%", article.text):
            span = Span(start=match.start(), end=match.end())
            yield self.record_type(text=match.group(), span=span, name=match.group(1))


RATE_TEXT = "窗口服务好评率97%，全年受理事项4200件。"


def test_a_plugin_record_that_owns_metrics_drops_the_builtin_metric_inside_its_span() -> None:
    result = run(RATE_TEXT, Rates(Rate), builtins=("metrics",))
    assert [(r.kind, r.text) for r in result] == [("rate", "好评率97%"), ("metric", "4200件")]


def test_a_plugin_record_that_owns_nothing_leaves_the_builtin_metric_be() -> None:
    result = run(RATE_TEXT, Rates(LooseRate), builtins=("metrics",))
    assert [(r.kind, r.text) for r in result] == [("loose_rate", "好评率97%"), ("metric", "97%"), ("metric", "4200件")]


def test_an_owning_record_claims_only_the_kinds_it_names() -> None:
    text = "客户好评率98%，2月10日通报。"
    result = run(text, Rates(Rate), builtins=("metrics", "dates"))
    assert [r.kind for r in result] == ["rate", "date"]


# -- govmetrics plugins ------------------------------------------------------------------------


def test_cli_plugins_lists_name_version_package_and_hooks(
    entry_points: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    entry_points.append(FakeEntryPoint("shares", ShareTypes(), dist=FakeDistribution("govmetrics-shares", "1.2.0")))
    register(Wells(), "wells")
    assert main(["plugins"]) == 0
    lines = capsys.readouterr().out.splitlines()
    builtin = sorted(name for name, _module in DEFAULT_PLUGINS)
    # Built-in plugins first, each with govmetrics' version; then the others by name.
    assert [line.split("\t")[:3] for line in lines[: len(builtin)]] == [
        [name, metadata.version("govmetrics"), "built-in"] for name in builtin
    ]
    assert f"metrics\t{metadata.version('govmetrics')}\tbuilt-in\tgovmetrics_extract" in lines
    assert lines[len(builtin) :] == [
        "shares\t1.2.0\tgovmetrics-shares\tgovmetrics_extract, govmetrics_record_types",
        "wells\tunknown\twells\tgovmetrics_lexicon_entries",
    ]


# -- the hooks, their documentation and their tests ---------------------------------------------


def test_every_hook_is_documented_under_its_signature_with_its_params() -> None:
    docs = DOCS.read_text("utf-8")
    for name in HOOK_NAMES:
        params = list(inspect.signature(getattr(hookspecs, name)).parameters)
        heading = f"### {name}({', '.join(params)})"
        assert heading in docs.splitlines(), f"docs/plugins.md has no section {heading!r}"
        section = docs.split(heading, 1)[1].split("\n### ", 1)[0]
        for param in params:
            assert f"`{param}`" in section, f"{name}: parameter {param!r} is not described"


def test_every_hook_has_a_test_named_for_it() -> None:
    tests = [name for name in globals() if name.startswith("test_hook_")]
    for name in HOOK_NAMES:
        assert any(re.match(rf"test_hook_{name}(_|$)", test) for test in tests), f"no test_hook_{name}*"


def test_a_failing_plugin_names_the_article_and_the_other_records_stay() -> None:
    class Boom:
        @govmetrics.hookimpl
        def govmetrics_extract(self, article: govmetrics.Article) -> None:
            raise RuntimeError("boom")

    get_plugin_host().register(Boom(), "boom")
    article = govmetrics.Article.from_text("走访2万余户。", source="page-7.txt")
    with pytest.warns(PluginWarning, match=r'plugin "boom" failed: .*on article page-7\.txt'):
        result = govmetrics.extract(article)
    assert [m.text for m in result.metrics] == ["2万余户"]


def test_a_record_whose_text_is_not_the_text_at_its_span_is_refused() -> None:
    class Misquotes:
        @govmetrics.hookimpl
        def govmetrics_extract(self, article: govmetrics.Article) -> list[Metric]:
            return [Metric(text="三成", span=Span(start=0, end=2), value=30, unit="%")]

    get_plugin_host().register(Misquotes(), "misquotes")
    with pytest.raises(PluginError, match="is not the text at"):
        govmetrics.extract(TEXT, strict=True)


def test_a_record_of_a_kind_nobody_registered_is_refused() -> None:
    @attrs.frozen(kw_only=True)
    class Unregistered(Record):
        kind: ClassVar[str] = "unregistered"

    class Emits:
        @govmetrics.hookimpl
        def govmetrics_extract(self, article: govmetrics.Article) -> list[Record]:
            return [Unregistered(text=article.text[:2], span=Span(start=0, end=2))]

    get_plugin_host().register(Emits(), "emits")
    with pytest.raises(PluginError, match="no plugin registered"):
        govmetrics.extract(TEXT, strict=True)


def test_a_lexicons_alternation_puts_the_longer_word_first() -> None:
    """re takes the first alternative that matches: 平方米 before 米, or 平方米 reads as 米."""
    from govmetrics.lexicon import alternation

    assert alternation(["米", "平方米", "米"]) == "平方米|米"
    assert re.compile(alternation(["米", "平方米"])).match("平方米").group() == "平方米"  # type: ignore[union-attr]
    assert alternation(["a.b"]) == r"a\.b"
    assert alternation([]) == ""


# -- a plugin's own fields as table columns --------------------------------------------------------


@attrs.frozen(kw_only=True)
class Allocation(Record):
    """A plugin record of every field type a column can have."""

    kind: ClassVar[str] = "allocation"

    item: str
    amount: Number = attrs.field(converter=exact)
    projects: int
    approved: bool | None = None
    due: dt.date | None = None
    towns: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class GoalMetric(Metric):
    """A plugin's metric: its Metric fields fill the metric columns, its own field its own column."""

    kind: ClassVar[str] = "goal_metric"

    deadline: int | None = None


class Allocations:
    @hookimpl
    def govmetrics_record_types(self) -> list[type[Record]]:
        return [Allocation, GoalMetric]

    @hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> Iterator[Record]:
        for match in re.finditer(r"拨付(\w{2})资金(\d+(?:\.\d+)?)亿元", article.text):
            span = Span(start=match.start(), end=match.end())
            amount = exact(match.group(2)) * 100_000_000
            yield Allocation(
                text=match.group(), span=span, item=match.group(1), amount=amount, projects=12,
                approved=True, due=dt.date(2024, 6, 30), towns=("东镇", "西镇"),
            )  # fmt: skip
        for match in re.finditer(r"(\d+)个", article.text):
            span = Span(start=match.start(), end=match.end())
            yield GoalMetric(text=match.group(), span=span, value=int(match.group(1)), unit="个", deadline=2025)


ALLOCATION_TEXT = "今年拨付专项资金1.25亿元，到2025年建成驿站40个。"
ALLOCATION_COLUMNS = [
    "allocation_item", "allocation_amount", "allocation_projects", "allocation_approved", "allocation_due",
    "allocation_towns", "goal_metric_deadline",
]  # fmt: skip


def test_plugin_fields_get_columns_named_by_kind_after_the_built_in_ones() -> None:
    from govmetrics.columns import CSV_COLUMNS, table_columns

    with using_host(plugin_host(Allocations())):
        columns = table_columns()
    assert columns.names == (*CSV_COLUMNS, *ALLOCATION_COLUMNS)
    assert [columns.type_of(name) for name in ALLOCATION_COLUMNS] == [
        "string", "number", "int", "bool", "date", "json", "int",
    ]  # fmt: skip
    # the Metric subclass's value, unit … fill the metric columns; only its own field is new
    assert columns.own == {
        "allocation": {name.removeprefix("allocation_"): name for name in ALLOCATION_COLUMNS[:6]},
        "goal_metric": {"deadline": "goal_metric_deadline"},
    }


def test_plugin_fields_reach_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ALLOCATION_TEXT, encoding="utf-8")
    with using_host(plugin_host(Allocations())):
        assert main(["extract", str(story), "--format", "csv", "--published", "2024-01-05"]) == 0
    reader = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert list(reader.fieldnames or ())[-7:] == ALLOCATION_COLUMNS
    allocation, goal = list(reader)
    assert (allocation["kind"], allocation["text"], allocation["value"]) == ("allocation", "拨付专项资金1.25亿元", "")
    assert [allocation[name] for name in ALLOCATION_COLUMNS] == [
        "专项", "125000000", "12", "True", "2024-06-30", '["东镇", "西镇"]', "",
    ]  # fmt: skip
    assert (goal["kind"], goal["value"], goal["unit"], goal["goal_metric_deadline"]) == (
        "goal_metric",
        "40",
        "个",
        "2025",
    )
    assert goal["allocation_item"] == ""


def test_plugin_fields_reach_parquet_and_frames_typed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    from govmetrics import frames

    story = tmp_path / "story.txt"
    story.write_text(ALLOCATION_TEXT, encoding="utf-8")
    target = tmp_path / "records.parquet"
    with using_host(plugin_host(Allocations())):
        assert main(["extract", str(story), "-o", str(target), "--published", "2024-01-05"]) == 0
        frame = govmetrics.testing.run(ALLOCATION_TEXT, Allocations(), published="2024-01-05").to_frame()
        dtypes = {name: str(dtype) for name, dtype in frames.dtypes().items()}
        back = frames.frame_to_dicts(frame)
        records = [govmetrics.from_dict(data) for data in back]
    schema = pq.read_schema(target)
    assert [str(schema.field(name).type) for name in ("allocation_amount", "allocation_amount_exact")] == [
        "double", "string",
    ]  # fmt: skip
    assert [str(schema.field(name).type) for name in ALLOCATION_COLUMNS[2:]] == [
        "int64", "bool", "timestamp[ns]", "string", "int64",
    ]  # fmt: skip
    read = pd.read_parquet(target)
    assert {name: str(dtype) for name, dtype in read.dtypes.items()} == dtypes
    for table in (read, frame):
        row = table[table["kind"] == "allocation"].iloc[0]
        assert (row["allocation_amount"], row["allocation_amount_exact"]) == (125000000.0, "125000000")
        assert (row["allocation_projects"], bool(row["allocation_approved"])) == (12, True)
        assert row["allocation_due"] == pd.Timestamp("2024-06-30") and json.loads(row["allocation_towns"]) == [
            "东镇",
            "西镇",
        ]
        goal = table[table["kind"] == "goal_metric"].iloc[0]
        assert (goal["value"], goal["goal_metric_deadline"]) == (40.0, 2025)
    # and the frame reads back into the records it was made of
    assert [type(record) for record in records] == [Allocation, GoalMetric]
    assert records[0].amount == 125000000 and records[0].towns == ("东镇", "西镇") and records[1].deadline == 2025
