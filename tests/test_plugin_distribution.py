"""The example plugin in plugins/govmetrics-tenths: what it reads, and that it works as a distribution.

The first half registers the plugin module in-process and checks its examples. The second half
builds the directory as its own distribution, installs it into a temporary directory (never into
the running environment) and runs govmetrics in a subprocess with that directory on PYTHONPATH, so
the plugin is found the way a user's installed plugin is: through its ``govmetrics`` entry point.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

import govmetrics
from govmetrics.plugins import get_plugin_host
from tests.plugin_sites import CLI, install, run_python

PLUGIN_DIR = Path(__file__).resolve().parent.parent / "plugins" / "govmetrics-tenths"


@pytest.fixture
def tenths(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The example plugin, registered in-process under its entry point name."""
    monkeypatch.syspath_prepend(str(PLUGIN_DIR))
    module = importlib.import_module("govmetrics_tenths")
    get_plugin_host().register(module, "tenths")
    return module


def shares(text: str) -> list[tuple[str, Any, Any, str | None]]:
    result = govmetrics.extract(text)
    found = []
    for record in result.metrics:
        if record.plugin != "tenths":
            continue
        assert record.text == result.article.text[record.span.start : record.span.end]
        assert record.unit == "%"
        found.append((record.text, record.value, record.high, record.approx))
    return found


# Sentences from the dev gold (where these shares are optional) and from government work reports.
SHARES = [
    ("乱停车现象减少了七成左右。", [("七成左右", 70, None, "about")]),
    ("民生类诉求占比超过六成。", [("超过六成", 60, None, "more_than")]),
    ("分类准确率达到八成\n以上。", [("八成以上", 80, None, "at_least")]),
    ("老年人口占比近四成。", [("近四成", 40, None, "about")]),
    ("从去年的不足六成提高到目前的九成。", [("不足六成", 60, None, "less_than"), ("九成", 90, None, None)]),
    ("相关12345诉求同比下降约四成。", [("约四成", 40, None, "about")]),
    ("大约只有三四成的居民能做到准确分类", [("三四成", 30, 40, None)]),
    ("检查考核事项精简两成", [("两成", 20, None, None)]),
    ("在对美贸易下降超3成的情况下", [("超3成", 30, None, "more_than")]),
    ("一般公共预算支出7成以上", [("7成以上", 70, None, "at_least")]),
    ("占全国９成", [("９成", 90, None, None)]),
    ("服务对象中八成及以上为老年人", [("八成及以上", 80, None, "at_least")]),
    ("增长三成半", [("三成半", 35, None, None)]),
    ("覆盖率提高2.5成", [("2.5成", 25, None, None)]),
    ("比例达到八点五成", [("八点五成", 85, None, None)]),
    ("三至四成的社区", [("三至四成", 30, 40, None)]),
    ("全年节约三成能耗", [("三成", 30, None, None)]),
    ("三成员工参加培训", [("三成", 30, None, None)]),
    ("八成本地企业完成改造", [("八成", 80, None, None)]),
    ("受访者中增长一成", [("一成", 10, None, None)]),
    ("销售额增长三成多", [("三成多", 30, None, "more_than")]),
    ("服务对象八成多为独居老人", [("八成", 80, None, None)]),
    ("八成一线职工参加培训", [("八成", 80, None, None)]),
]

NOT_SHARES = [
    "社区成立了议事会，这项工作取得成功，任务已经完成",
    "由居民代表组成",
    "不少老人三五成群结伴前来",
    "工作标准一成不变",
    "街道统一成立服务站",
    "这是唯一成为示范点的社区",
    "八成新的旧家具",
    "型号为AR-E3000成功首飞",
    "第一成果",
    "百分之七十成为常态",
    "十五成",
]


@pytest.mark.parametrize(("text", "expected"), SHARES, ids=[text for text, _ in SHARES])
def test_tenths_reads_a_share_as_percent(tenths: Any, text: str, expected: list[Any]) -> None:
    assert shares(text) == expected


@pytest.mark.parametrize("text", NOT_SHARES)
def test_tenths_leaves_words_with_cheng_alone(tenths: Any, text: str) -> None:
    assert shares(text) == []


def test_tenths_skips_hundredths_rather_than_misread_them(tenths: Any) -> None:
    # 七成六 is 76%; reading 七成 would report 70.
    assert shares("合格率七成六") == []


def test_tenths_records_sit_beside_the_builtin_metrics(tenths: Any) -> None:
    result = govmetrics.extract("新增停车位316个，乱停车现象减少了七成左右。")
    assert [(r.plugin, r.text) for r in result.records] == [("metrics", "316个"), ("tenths", "七成左右")]


# -- the plugin as its own distribution ------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """plugins/govmetrics-tenths built and installed into a temporary directory, offline."""
    target = install(tmp_path_factory.mktemp("tenths"), "govmetrics-tenths")
    assert list(target.glob("govmetrics_tenths-*.dist-info/entry_points.txt")), "no entry points installed"
    return target


def test_installed_plugin_records_come_out_of_extract(site: Path) -> None:
    code = (
        "import json, govmetrics\n"
        "result = govmetrics.extract('新增车位316个，相关诉求同比下降约四成。')\n"
        "print(json.dumps(result.to_dicts(), ensure_ascii=False))\n"
    )
    records = json.loads(run_python(site, "-c", code).stdout)
    assert {(r["plugin"], r["text"]) for r in records} == {("metrics", "316个"), ("tenths", "约四成")}
    (share,) = (r for r in records if r["plugin"] == "tenths")
    assert (share["value"], share["unit"], share["approx"]) == (40, "%", "about")


def test_installed_plugin_records_come_out_of_the_cli(site: Path) -> None:
    done = run_python(site, "-c", CLI, "extract", "-", stdin="民生类诉求占比超过六成。\n")
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert [(r["plugin"], r["text"], r["value"], r["approx"]) for r in records] == [
        ("tenths", "超过六成", 60, "more_than")
    ]


def test_installed_plugin_is_listed_with_its_package_version_and_hooks(site: Path) -> None:
    lines = run_python(site, "-c", CLI, "plugins").stdout.splitlines()
    assert "tenths\t0.1.0\tgovmetrics-tenths\tgovmetrics_extract" in lines
    assert any(line.startswith("metrics\t") and "built-in" in line for line in lines)


def test_allow_list_leaves_an_installed_plugin_unloaded(site: Path) -> None:
    listed = run_python(site, "-c", CLI, "plugins", GOVMETRICS_LOAD_PLUGINS="metrics").stdout
    assert "tenths" not in listed
    done = run_python(
        site, "-c", CLI, "extract", "-", stdin="占比超过六成，共316个。", GOVMETRICS_LOAD_PLUGINS="metrics"
    )
    assert [json.loads(line)["plugin"] for line in done.stdout.splitlines()] == ["metrics"]
