"""plugins/govmetrics-fiscal and plugins/govmetrics-campaigns as installable distributions.

Their unit tests live beside them (``plugins/<package>/tests``). Here both are built as their own
distributions, installed into a temporary directory (never into the running environment), and
govmetrics runs in a subprocess with that directory on PYTHONPATH, so the plugins are found the way
a user's installed plugins are: through their ``govmetrics`` entry points. A last test runs both
over the real work-report corpus in ../shared.
"""

from __future__ import annotations

import importlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govmetrics
from govmetrics.plugins import using_host
from govmetrics.testing import plugin_host
from tests.plugin_sites import CLI, PLUGINS, install, run_python
from tests.shared import SHARED, read_jsonl

PACKAGES = {"govmetrics-fiscal": "govmetrics_fiscal", "govmetrics-campaigns": "govmetrics_campaigns"}

REPORT = (
    "2023年，全市地区生产总值达到4.2万亿元，同比增长5.2%；一般公共预算收入完成1863.5亿元，下降3.1%。"
    "坚持两个毫不动摇，编制“十四五”规划，推进“三清零一创建”，新建保障性住房1.2万套。\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both plugin directories built and installed into one temporary directory, offline."""
    return install(tmp_path_factory.mktemp("plugin-packages"), *PACKAGES)


def test_each_distribution_installs_its_module_data_and_entry_point(site: Path) -> None:
    for directory, module in PACKAGES.items():
        (entry_points,) = site.glob(f"{module}-0.1.0.dist-info/entry_points.txt")
        assert "[govmetrics]" in entry_points.read_text("utf-8"), directory
    assert (site / "govmetrics_fiscal" / "indicators.txt").is_file()
    assert (site / "govmetrics_campaigns" / "campaigns.txt").is_file()
    assert (site / "govmetrics_campaigns" / "not_slogans.txt").is_file()
    assert not (site / "tests").exists()  # the plugins' tests are not part of them


def test_installed_plugins_are_listed_with_package_version_and_hooks(site: Path) -> None:
    lines = run_python(site, "-c", CLI, "plugins").stdout.splitlines()
    assert "fiscal\t0.1.0\tgovmetrics-fiscal\tgovmetrics_extract, govmetrics_record_types" in lines
    hooks = "govmetrics_extract, govmetrics_lexicon_entries, govmetrics_record_types"
    assert f"campaigns\t0.1.0\tgovmetrics-campaigns\t{hooks}" in lines
    assert any(line.startswith("metrics\t") and "built-in" in line for line in lines)


def test_installed_plugins_records_come_out_of_the_cli(site: Path) -> None:
    done = run_python(site, "-c", CLI, "extract", "-", "--published", "2024-03-01", "--strict", stdin=REPORT)
    records = [json.loads(line, parse_float=Decimal) for line in done.stdout.splitlines() if line.strip()]
    fiscal = [r for r in records if r["kind"] == "fiscal_indicator"]
    assert [(r["plugin"], r["indicator"], r["value"], r["unit"], r["change_percent"], r["period"]) for r in fiscal] == [
        ("fiscal", "地区生产总值", 4200000000000, "元", Decimal("5.2"), "2023年"),
        ("fiscal", "一般公共预算收入", 186350000000, "元", Decimal("-3.1"), "2023年"),
    ]
    assert fiscal[0]["period_start"] == "2023-01-01"
    campaigns = [r for r in records if r["kind"] == "campaign"]
    assert [(r["plugin"], r["text"], r["name"], r["numbers"]) for r in campaigns] == [
        ("campaigns", "两个毫不动摇", "两个毫不动摇", [2]),
        ("campaigns", "“十四五”规划", "十四五", [14, 5]),
        ("campaigns", "“三清零一创建”", "三清零一创建", [3, 1]),
    ]
    # the campaigns plugin's set phrases reach the metric extractor: 两个 is no metric; the
    # indicators own their values and changes, so only the count outside them is a metric
    metrics = [r["text"] for r in records if r["kind"] == "metric"]
    assert metrics == ["1.2万套"]


def test_installed_plugins_records_read_back_through_their_entry_points(site: Path) -> None:
    code = (
        "import sys, govmetrics\n"
        "from govmetrics.serialize import from_json, to_json\n"
        "result = govmetrics.extract(sys.stdin.read(), published='2024-03-01', strict=True)\n"
        "rows = [from_json(to_json(row)) for row in result.to_dicts()]\n"
        "back = tuple(govmetrics.from_dict(row) for row in rows)\n"
        "assert back == result.records, (back, result.records)\n"
        "print(sorted({type(r).__name__ for r in back}))\n"
    )
    done = run_python(site, "-c", code, stdin=REPORT)
    assert done.stdout.strip() == "['Campaign', 'DateMention', 'FiscalIndicator', 'Metric']"


def test_allow_list_leaves_the_installed_plugins_unloaded(site: Path) -> None:
    listed = run_python(site, "-c", CLI, "plugins", GOVMETRICS_LOAD_PLUGINS="metrics,fiscal").stdout
    assert "fiscal\t" in listed and "campaigns\t" not in listed
    done = run_python(site, "-c", CLI, "extract", "-", stdin=REPORT, GOVMETRICS_LOAD_PLUGINS="metrics")
    assert {json.loads(line)["plugin"] for line in done.stdout.splitlines()} == {"metrics"}


# -- the real corpus -------------------------------------------------------------------------------


@pytest.fixture
def plugin_modules(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The two plugin modules, imported from their source directories."""
    for directory in PACKAGES:
        monkeypatch.syspath_prepend(str(PLUGINS / directory))
    return [importlib.import_module(module) for module in PACKAGES.values()]


@pytest.mark.shared
def test_plugins_on_the_work_report_corpus(plugin_modules: list[Any]) -> None:
    """Both plugins over 47 real work reports: they run strictly, and what they find is well-formed.

    Precision was checked by eye on samples of this corpus (see the plugins' READMEs); this test
    guards against regressions in volume and shape, not against every misreading.
    """
    assert SHARED.is_dir()
    fiscal_module, campaigns_module = plugin_modules
    known_units = set(fiscal_module.UNITS.values())
    indicators: list[Any] = []
    campaigns: list[Any] = []
    with using_host(plugin_host(*plugin_modules, builtins=("metrics",))):
        for document in read_jsonl("corpora/real/gov_work_reports.jsonl"):
            result = govmetrics.extract(document["text"], published=document["date"][:10], strict=True)
            indicators.extend(result.of_kind("fiscal_indicator"))
            campaigns.extend(result.of_kind("campaign"))
            # a known name is a set phrase: the metric extractor reads no number inside one
            bare = [c.span for c in result.of_kind("campaign") if c.known and not c.text.startswith("“")]
            assert not [m for m in result.metrics if any(m.span.overlaps(span) for span in bare)]
    assert len(indicators) > 350, len(indicators)
    assert len(campaigns) > 2000, len(campaigns)
    for record in indicators:
        assert record.value is not None or record.change_percent is not None or record.change_points is not None
        assert (record.value is None) == (record.unit is None)
        assert record.unit is None or record.unit in known_units
        assert record.change_percent is None or abs(record.change_percent) < 100, record
        assert record.period_start is None or record.period_start <= record.period_end
    names = {record.indicator for record in indicators}
    assert {"地区生产总值", "一般公共预算收入", "社会消费品零售总额", "规模以上工业增加值"} <= names
    assert sum(record.target for record in indicators) > 100
    known = {campaign.name for campaign in campaigns_module.known_campaigns()}
    for record in campaigns:
        assert record.known == (record.name in known)
        assert 2 <= len(record.name) <= 8
    assert {"十四五", "十五五", "一带一路", "八项规定"} <= {record.name for record in campaigns}
