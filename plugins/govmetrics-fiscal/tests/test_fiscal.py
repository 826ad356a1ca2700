"""govmetrics-fiscal: indicators as work reports state them, run through the plugin alone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import govmetrics_fiscal
import pytest
from govmetrics_fiscal import FiscalIndicator, indicator_names

import govmetrics
from govmetrics.plugins import using_host
from govmetrics.testing import plugin_host, records_of, run, texts

FIELDS = ("indicator", "value", "unit", "approx", "change_percent", "change_points", "change_approx")


def indicators(text: str, published: str | None = None) -> list[FiscalIndicator]:
    result = run(text, govmetrics_fiscal, published=published)
    found = records_of(result, "fiscal_indicator")
    for record in found:
        assert record.text == result.article.text[record.span.start : record.span.end]
        assert record.plugin == "govmetrics_fiscal"
    return found


def fields(record: FiscalIndicator) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in FIELDS)


# -- what the brief asks for ------------------------------------------------------------------------


def test_value_with_its_magnitude_and_a_change() -> None:
    (gdp,) = indicators("全年地区生产总值达到4.2万亿元，同比增长5.2%。")
    assert gdp.text == "地区生产总值达到4.2万亿元，同比增长5.2%"
    assert fields(gdp) == ("地区生产总值", 4200000000000, "元", None, Decimal("5.2"), None, None)
    assert isinstance(gdp.value, int) and isinstance(gdp.change_percent, Decimal)


def test_a_fall_is_a_negative_change() -> None:
    (revenue,) = indicators("一般公共预算收入完成1863.5亿元，下降3.1%。")
    assert fields(revenue) == ("一般公共预算收入", 186350000000, "元", None, Decimal("-3.1"), None, None)


def test_a_change_without_a_value_is_a_record_with_value_null() -> None:
    (investment,) = indicators("固定资产投资增长4.6%。")
    assert fields(investment) == ("固定资产投资", None, None, None, Decimal("4.6"), None, None)


def test_value_without_a_verb() -> None:
    (retail,) = indicators("社会消费品零售总额1.3万亿元，增长6.3%。")
    assert fields(retail) == ("社会消费品零售总额", 1300000000000, "元", None, Decimal("6.3"), None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("规模以上工业增加值增长6.5%，增速提高1.2个百分点。", (Decimal("6.5"), Decimal("1.2"))),
        ("规上工业增加值增长4%，增速回落0.8个百分点。", (4, Decimal("-0.8"))),
        ("固定资产投资增速为3.1%。", (Decimal("3.1"), None)),
        ("社会消费品零售总额增幅提高2个百分点。", (None, 2)),
        ("居民消费价格上涨0.1%。", (Decimal("0.1"), None)),
        ("城镇居民人均可支配收入比上年增长5%。", (5, None)),
        ("进出口总额比上年增长３７．１％，达到８５１２亿美元。", (Decimal("37.1"), None)),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_changes_in_percent_and_in_points(text: str, expected: tuple[Any, Any]) -> None:
    (record,) = indicators(text)
    assert (record.change_percent, record.change_points) == expected


@pytest.mark.parametrize(
    ("text", "indicator", "value", "unit", "approx"),
    [
        ("实际使用外资160.6亿美元。", "实际使用外资", 16060000000, "美元", None),
        ("实际利用外资33.8亿美元，增长10%。", "实际使用外资", 3380000000, "美元", None),
        ("居民人均可支配收入达到9.2万元。", "居民人均可支配收入", 92000, "元", None),
        ("农民人均纯收入4761元。", "农村居民人均纯收入", 4761, "元", None),
        ("全省生产总值达到5.67万亿元。", "地区生产总值", 5670000000000, "元", None),
        ("国内生产总值达到13．65万亿元。", "国内生产总值", 13650000000000, "元", None),
        ("人均地区生产总值突破1万美元、达1.12万美元。", "人均地区生产总值", 11200, "美元", None),
        ("地区生产总值突破3万亿元。", "地区生产总值", 3000000000000, "元", "more_than"),
        ("经济总量迈上万亿元台阶。", "地区生产总值", 1000000000000, "元", "at_least"),
        ("一般公共预算收入约4000多亿元。", "一般公共预算收入", 400000000000, "元", "about"),
        ("进出口总值9356.7亿元。", "进出口总额", 935670000000, "元", None),
        ("货物进出口总额9.5万亿元。", "进出口总额", 9500000000000, "元", None),
        ("实际使用外资达到160.6亿美元、折合1148亿元人民币。", "实际使用外资", 16060000000, "美元", None),
    ],
)
def test_names_values_and_units(text: str, indicator: str, value: int, unit: str, approx: str | None) -> None:
    (record,) = indicators(text)
    assert (record.indicator, record.value, record.unit, record.approx) == (indicator, value, unit, approx)


def test_several_indicators_in_one_sentence() -> None:
    found = indicators(
        "全市生产总值达到5.67万亿元、增长5.4%，好于预期。地方一般公共预算收入达到8500亿元、增长1.5%，"
        "外贸进出口总额达到4.51万亿元、增长5.6%，其中出口增长10.8%。"
    )
    assert [(r.indicator, r.value, r.change_percent) for r in found] == [
        ("地区生产总值", 5670000000000, Decimal("5.4")),
        ("一般公共预算收入", 850000000000, Decimal("1.5")),
        ("进出口总额", 4510000000000, Decimal("5.6")),
        ("出口总额", None, Decimal("10.8")),
    ]


# -- the period --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period", "start", "end"),
    [
        ("2023年，全市地区生产总值增长5.2%。", "2023年", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("上半年，全市规上工业增加值增长6%。", "上半年", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("1-9月，固定资产投资增长4.6%。", "1-9月", dt.date(2024, 1, 1), dt.date(2024, 9, 30)),
        ("去年全省地区生产总值增长5%。", "去年", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("2025年1-9月，全市实际使用外资33.8亿美元。", "2025年1-9月", dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
        ("全年地区生产总值增长5%。", "全年", None, None),
        ("地区生产总值增长5%。", None, None, None),
    ],
)
def test_the_period_written_before_an_indicator(
    text: str, period: str | None, start: dt.date | None, end: dt.date | None
) -> None:
    (record,) = indicators(text, published="2024-10-20")
    assert (record.period, record.period_start, record.period_end) == (period, start, end)


def test_without_a_publication_date_a_relative_period_cannot_be_placed() -> None:
    (record,) = indicators("上半年，全市规上工业增加值增长6%。")
    assert (record.period, record.period_start, record.period_end) == ("上半年", None, None)


def test_a_comparison_base_and_a_day_are_no_periods() -> None:
    text = "2004年，国内生产总值比上年增长9.5%；财政收入2.63万亿元，增长21.4%。"
    assert [r.period for r in indicators(text, published="2005-03-05")] == ["2004年", "2004年"]
    (record,) = indicators("全面实现年初确定的主要目标，国内生产总值增长7.8%。", published="2013-03-05")
    assert (record.period, record.target) == (None, False)


# -- targets -----------------------------------------------------------------------------------------


def test_goals_are_marked_as_targets() -> None:
    found = indicators(
        "今年经济社会发展主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长3%以上；居民消费价格涨幅2%左右。",
        published="2026-02-09",
    )
    assert [(r.indicator, r.change_percent, r.change_approx, r.target, r.period) for r in found] == [
        ("地区生产总值", 5, "about", True, "今年"),
        ("一般公共预算收入", 3, "at_least", True, "今年"),
        ("居民消费价格", 2, "about", True, "今年"),
    ]
    assert found[0].period_start == dt.date(2026, 1, 1)
    (striving,) = indicators("力争规上工业增加值增长6%以上。")
    assert striving.target


# -- what is not read ----------------------------------------------------------------------------------

NOT_INDICATORS = [
    # another quantity built on the indicator's name
    "单位地区生产总值能耗下降3%。",
    "研发经费支出占地区生产总值比重达到2.5%。",
    "全社会研发经费支出相当于全市生产总值的比例达到4.5%左右。",
    "海洋生产总值增长6%左右。",
    # the quantity of another place, or one that describes something else
    "武汉都市圈经济总量达到3.8万亿元。",
    "经济总量超500亿元的县域增至12个。",
    # two indicators, two numbers
    "城镇、农村居民人均可支配收入分别增长4.5%、5.5%。",
    "城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4%和11.4%。",
    # not a change on the year before
    "地区生产总值年均增长6.1%。",
    "国内生产总值比2002年增长65.5%。",
    "财政收入从11.7万亿元增加到17.3万亿元。",
    "这五年，人均地区生产总值增长25%左右。",
    # a range of change is not one number
    "地区生产总值增长4.5%—5%。",
    # a name with nothing stated
    "推动地区生产总值迈上新台阶。",
    "固定资产投资提质增效。",
    "加快建立进出口银行分支机构。",
]


@pytest.mark.parametrize("text", NOT_INDICATORS)
def test_what_is_not_an_indicator_statement(text: str) -> None:
    assert indicators(text) == []


def test_a_comparison_with_the_country_is_no_change_in_points() -> None:
    (record,) = indicators("规上工业增加值增长7.6%，高于全国1.7个百分点。")
    assert (record.change_percent, record.change_points) == (Decimal("7.6"), None)
    assert record.text == "规上工业增加值增长7.6%"


def test_a_list_of_changes_gives_no_change_to_the_last_indicator() -> None:
    # 8.4% is the towns' change and 8% the villages': neither is read.
    found = indicators("城镇居民人均可支配收入15781元，农村居民人均纯收入4761元，实际增长8.4%和8%。")
    assert [(r.indicator, r.value, r.change_percent) for r in found] == [
        ("城镇居民人均可支配收入", 15781, None),
        ("农村居民人均纯收入", 4761, None),
    ]


# -- with govmetrics ------------------------------------------------------------------------------------


def test_an_indicators_value_and_rate_are_counted_once_as_the_indicators() -> None:
    result = run("全年地区生产总值达到4.2万亿元，同比增长5.2%。", govmetrics_fiscal, builtins=True)
    assert [(r.kind, r.text) for r in result.records] == [
        ("fiscal_indicator", "地区生产总值达到4.2万亿元，同比增长5.2%"),
    ]


def test_a_rate_without_a_value_is_counted_once() -> None:
    result = run("上半年，全市固定资产投资同比增长6.7%。", govmetrics_fiscal, builtins=True, published="2024-07-20")
    assert [(r.kind, r.text) for r in result.records] == [
        ("date", "上半年"),
        ("fiscal_indicator", "固定资产投资同比增长6.7%"),
    ]


def test_metrics_outside_the_indicator_stay() -> None:
    result = run("一般公共预算收入完成812亿元，增长4.1%，新增城镇就业3.6万人。", govmetrics_fiscal, builtins=True)
    assert [(r.kind, r.text) for r in result.records] == [
        ("fiscal_indicator", "一般公共预算收入完成812亿元，增长4.1%"),
        ("metric", "3.6万人"),
    ]
    assert texts(result.of_kind("fiscal_indicator")) == ["一般公共预算收入完成812亿元，增长4.1%"]


def test_records_serialize_and_read_back() -> None:
    result = run("2023年，一般公共预算收入完成1863.5亿元，下降3.1%。", govmetrics_fiscal, published="2024-01-20")
    (row,) = result.to_dicts()
    assert row["kind"] == "fiscal_indicator"
    assert (row["value"], row["change_percent"], row["period_start"]) == (186350000000, Decimal("-3.1"), "2023-01-01")
    line = govmetrics.serialize.to_json(row)
    with using_host(plugin_host(govmetrics_fiscal)):
        back = govmetrics.from_dict(govmetrics.serialize.from_json(line))
    assert back == result.records[0]
    assert isinstance(back, FiscalIndicator) and back.period_start == dt.date(2023, 1, 1)


def test_the_record_type_is_registered_through_the_hook() -> None:
    assert govmetrics_fiscal.govmetrics_record_types() == [FiscalIndicator]
    with using_host(plugin_host(govmetrics_fiscal)) as host:
        assert host.record_types()["fiscal_indicator"] is FiscalIndicator


def test_the_lexicon_maps_every_name_to_a_canonical_name_of_its_own() -> None:
    names = indicator_names()
    assert names["规上工业增加值"] == "规模以上工业增加值"
    assert names["GDP"] == "地区生产总值"
    for canonical in set(names.values()):
        assert names[canonical] == canonical, canonical


def test_an_indicators_fields_are_columns_of_their_own_in_csv() -> None:
    """The indicator's period (上半年) is not a cadence's period (P3M): it has the column
    ``fiscal_indicator_period``, and its name and value columns of their own too."""
    import csv
    import io

    from govmetrics.export import write_records
    from govmetrics.rows import extraction_rows

    with using_host(plugin_host(govmetrics_fiscal, builtins=True)):
        result = govmetrics.extract("上半年，全市地区生产总值达到1.2万亿元，同比增长4.8%。", published="2023-07-20")
        buffer = io.StringIO()
        write_records(extraction_rows(result, "report"), "csv", buffer)
    [row] = [row for row in csv.DictReader(io.StringIO(buffer.getvalue())) if row["kind"] == "fiscal_indicator"]
    assert (row["period"], row["value"]) == ("", "")
    assert (row["fiscal_indicator_indicator"], row["fiscal_indicator_value"], row["fiscal_indicator_unit"]) == (
        "地区生产总值",
        "1200000000000",
        "元",
    )
    assert (row["fiscal_indicator_period"], row["fiscal_indicator_period_start"]) == ("上半年", "2023-01-01")
