"""What a metric measures: its subject, whether it is a change, and whether it is a target (ANNOTATION.md)."""

from __future__ import annotations

import pytest

import govmetrics
from govmetrics.models import Metric


def metric(text: str, number: str) -> Metric:
    """The metric of ``text`` whose text holds ``number``."""
    found = [m for m in govmetrics.extract(text, published="2024-03-01").metrics if number in m.text]
    assert found, f"no metric holding {number!r} in {[m.text for m in govmetrics.extract(text).metrics]}"
    return found[0]


# -- subject -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # the words before the number, without the linking verb after them
        ("全县粮食总产量达到48.2万吨。", "48.2万吨", "粮食总产量"),
        ("全镇财政总收入完成3.6亿元。", "3.6亿元", "财政总收入"),
        # the object of the verb before the number
        ("今年以来共受理企业投诉1260件。", "1260件", "企业投诉"),
        ("累计完成投资15.4亿元。", "15.4亿元", "投资"),
        # the noun after a counting word
        ("全区新建7个便民服务站。", "7个", "便民服务站"),
        ("全乡有13个行政村。", "13个", "行政村"),
        # the noun after 的
        ("按12%的税率征收。", "12%", "税率"),
        ("可以并处5万元以下的罚款。", "5万元以下", "罚款"),
        # what a share is of
        ("每日按滞纳税款的5‰加收滞纳金。", "5‰", "滞纳税款"),
        # times, places and adverbs are no part of it
        ("2023年，我县地区生产总值186.4亿元。", "186.4亿元", "地区生产总值"),
        ("截至9月底，全市累计发放创业担保贷款9.2亿元。", "9.2亿元", "创业担保贷款"),
        # the action counted, when only the unit names the thing
        ("社区干部累计走访3千余户。", "3千余户", "走访"),
        # a short clause naming only the thing, then the action and the number
        ("（一）劳动节，放假2天。", "2天", "劳动节"),
    ],
)
def test_a_metric_names_what_it_counts(text: str, number: str, subject: str) -> None:
    assert metric(text, number).subject == subject


def test_a_change_in_the_next_clause_speaks_of_the_subject_before_it() -> None:
    text = "全区一般公共预算收入8.36亿元，增长6.2%。"
    assert metric(text, "6.2%").subject == "一般公共预算收入"


def test_a_share_in_the_next_clause_speaks_of_the_subject_before_it() -> None:
    text = "本周受理的诉求中，直接办理4120件，占61.5%。"
    assert metric(text, "61.5%").subject == "直接办理"


def test_a_level_reached_after_a_change_keeps_the_subject() -> None:
    text = "全县贫困发生率由12.3%下降到2.1%。"
    assert [metric(text, n).subject for n in ("12.3%", "2.1%")] == ["贫困发生率", "贫困发生率"]


def test_a_share_of_a_whole_is_the_share_of_what_stands_before_zhan() -> None:
    text = "民营经济增加值占全区生产总值的比重为58.2%。"
    assert metric(text, "58.2%").subject == "民营经济增加值"


def test_a_subject_is_given_as_written_in_traditional_text() -> None:
    assert metric("全縣糧食總產量達到48.2萬噸。", "48.2").subject == "糧食總產量"


# -- change ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "change"),
    [
        ("规上工业增加值增长7.3%。", "7.3%", "up"),
        ("城镇登记失业率比上年下降0.4个百分点。", "0.4个百分点", "down"),
        ("全年压减一般性支出12%。", "12%", "down"),
        ("农村居民人均可支配收入实际增长8.1%。", "8.1%", "up"),
        ("新增污水处理能力2万吨/日，增加日供水能力5万立方米。", "5万立方米", "up"),
        # a rate of change, whatever verb follows it
        ("居民消费价格涨幅回落到1.8%。", "1.8%", "up"),
        # levels
        ("粮食产量达到52万吨。", "52万吨", None),
        ("服务业增加值比重由45.1%提高到47.6%。", "47.6%", None),
        ("服务业增加值比重由45.1%提高到47.6%。", "45.1%", None),
        ("城镇新增就业1.2万人。", "1.2万人", None),
        ("工业增加值占全县生产总值的39%。", "39%", None),
    ],
)
def test_a_change_is_told_from_a_level(text: str, number: str, change: str | None) -> None:
    assert metric(text, number).change == change


def test_the_numbers_of_one_list_share_their_change() -> None:
    text = "教育、卫生支出分别增长9.2%和11.4%。"
    assert [metric(text, n).change for n in ("9.2%", "11.4%")] == ["up", "up"]


def test_added_value_is_a_noun_not_a_verb_of_change() -> None:
    assert metric("民营经济创造增加值86亿元。", "86亿元").change is None


# -- target ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "target"),
    [
        ("今年主要预期目标是：地区生产总值增长6%左右，城镇新增就业1万人以上。", "1万人以上", True),
        ("力争全年接待游客突破800万人次。", "800万人次", True),
        ("全年计划改造老旧小区36个。", "36个", True),
        ("会议要求，6月底前完成剩余9个项目的验收。", "9个", True),
        ("到2027年，全市森林覆盖率达到45%以上。", "45%以上", True),
        ("每个村的网格员不得少于3人。", "3人", True),
        ("会议将于下周召开，会期2天。", "2天", True),
        # reported
        ("全年地区生产总值增长6.1%。", "6.1%", False),
        ("截至6月底已完成投资3.1亿元，占年度计划的52%。", "52%", False),
        ("会议将辖区划分为12个网格。", "12个", False),
        ("大会应到代表180人，实到176人。", "180人", False),
        ("着力强化“两个必须”，全年新增市场主体5200户。", "5200户", False),
        ("最低工资标准每月提高150元。", "150元", False),
    ],
)
def test_a_target_is_told_from_a_result(text: str, number: str, target: bool) -> None:
    assert metric(text, number).target is target


def test_a_list_of_goals_runs_on_across_its_full_stops() -> None:
    text = "今年经济社会发展主要预期目标是：地区生产总值增长6%左右，力争更好。一般公共预算收入增长4%。\n"
    assert metric(text, "4%").target is True


def test_a_goal_cue_does_not_reach_past_a_deed_reported_done() -> None:
    text = "今年安排重点项目40个，年度计划投资60亿元，截至9月底已完成投资48亿元。"
    assert [metric(text, n).target for n in ("40个", "60亿元", "48亿元")] == [True, True, False]


def test_every_number_of_a_regulation_is_a_rule_but_what_it_says_was_done() -> None:
    text = (
        "第三条 委员会由委员七至九人组成，任期不得超过5年。\n第四条 已经按8%的费率缴纳的单位，可以减按5%的费率缴纳。\n"
    )
    assert [metric(text, n).target for n in ("七至九人", "5年", "8%", "5%")] == [True, True, False, True]


def test_a_rules_condition_makes_its_amounts_rules() -> None:
    text = "（一）工作年限满十年的，发给本人工资的百分之九十。"
    assert metric(text, "九十").target is True


# -- lexicons ----------------------------------------------------------------------------------


def test_a_plugin_can_add_a_verb_of_change() -> None:
    class Swells:
        @govmetrics.hookimpl
        def govmetrics_lexicon_entries(self, name: str) -> list[str] | None:
            return ["攀升 up"] if name == "change_words" else None

    assert metric("全县存款余额攀升12%。", "12%").change is None
    govmetrics.plugins.get_plugin_host().register(Swells(), "swells")
    assert metric("全县存款余额攀升12%。", "12%").change == "up"


def test_a_bound_on_a_share_speaks_of_what_is_bounded_before_it() -> None:
    text = "单位缴费比例不得低于职工上年度工资总额的6%。"
    assert metric(text, "6%").subject == "单位缴费比例"


def test_a_fine_reckoned_on_an_amount_is_the_fine() -> None:
    text = "有违法所得的，没收违法所得，处违法所得2倍以上5倍以下的罚款。"
    assert metric(text, "2倍").subject == "罚款"


def test_a_number_after_or_names_the_noun_after_it() -> None:
    text = "造成10人以上死亡，或者5000万元以上直接经济损失的。"
    assert metric(text, "5000万元").subject == "直接经济损失"


def test_a_heading_of_goals_makes_its_paragraph_goals() -> None:
    text = "二、目标任务。全年新建高标准农田2.1万亩，粮食总产量不低于9万吨。\n三、保障措施。\n"
    assert [metric(text, n).target for n in ("2.1万亩", "9万吨")] == [True, True]


def test_what_a_meeting_settles_is_a_target() -> None:
    text = "会议明确，今年全镇承担农村危房改造任务160户。"
    assert metric(text, "160户").target is True


def test_the_number_in_a_rules_condition_is_a_rule() -> None:
    text = "一、职工病假在三个月以内的，发给原工资。"
    assert metric(text, "三个月").target is True


def test_expectations_are_no_goal() -> None:
    text = "发展态势持续向好，市场的预期不断改善，全市生产总值增长5.1%。"
    assert metric(text, "5.1%").target is False


@pytest.mark.parametrize(
    ("name", "column", "allowed"),
    [
        ("change_words", 1, {"up", "down"}),
        ("target_cues", 1, {"before", "after", "paragraph"}),
        ("subject_words", 1, {"link", "verb", "skip"}),
    ],
)
def test_every_row_of_the_meaning_lexicons_says_what_it_is(name: str, column: int, allowed: set[str]) -> None:
    rows = govmetrics.lexicon.Lexicons().rows(name)
    assert rows
    assert [row for row in rows if len(row) <= column or row[column] not in allowed] == []
