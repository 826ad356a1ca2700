"""govmetrics-campaigns: campaigns and slogans named with numerals, run through the plugin alone."""

from __future__ import annotations

from typing import Any

import govmetrics_campaigns
import pytest
from govmetrics_campaigns import Campaign, is_slogan, known_campaigns, numbers_in

import govmetrics
from govmetrics.plugins import using_host
from govmetrics.testing import plugin_host, records_of, run, texts


def campaigns(text: str) -> list[tuple[str, str, tuple[Any, ...], bool]]:
    result = run(text, govmetrics_campaigns)
    found = records_of(result, "campaign")
    for record in found:
        assert record.text == result.article.text[record.span.start : record.span.end]
        assert record.plugin == "govmetrics_campaigns"
    return [(r.text, r.name, r.numbers, r.known) for r in found]


# -- known campaigns --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进三清零一创建工作", [("三清零一创建", "三清零一创建", (3, 1), True)]),
        ("2025年是“十四五”收官之年", [("“十四五”", "十四五", (14, 5), True)]),
        ("编制十四五规划", [("十四五规划", "十四五", (14, 5), True)]),
        ("“十四五”时期", [("“十四五”时期", "十四五", (14, 5), True)]),
        ("开展“两学一做”学习教育", [("“两学一做”学习教育", "两学一做", (2, 1), True)]),
        ("开展“两学一做学习教育”", [("“两学一做学习教育”", "两学一做", (2, 1), True)]),
        ("推行双随机一公开监管", [("双随机一公开", "双随机一公开", (2, 1), True)]),
        ("深化接诉即办改革", [("接诉即办改革", "接诉即办", (), True)]),
        (
            "推进最多跑一次改革和一网通办",
            [("最多跑一次改革", "最多跑一次", (1,), True), ("一网通办", "一网通办", (1,), True)],
        ),
        ("共建一带一路", [("一带一路", "一带一路", (1, 1), True)]),
        ("增强四个意识", [("四个意识", "四个意识", (4,), True)]),
        ("深入实施千村示范万村整治工程", [("千村示范万村整治工程", "千万工程", (1000, 10000), True)]),
        ("落实中央八项规定精神", [("中央八项规定", "八项规定", (8,), True)]),
        ("实施“百千万工程”", [("“百千万工程”", "百千万工程", (100, 1000, 10000), True)]),
        ("建设双一流高校", [("双一流", "双一流", (2, 1), True)]),
        ("“十五”计划顺利完成", [("“十五”", "十五", (10, 5), True)]),
    ],
)
def test_known_campaigns(text: str, expected: list[Any]) -> None:
    assert campaigns(text) == expected


def test_some_known_names_are_read_only_in_quotation_marks() -> None:
    assert campaigns("做好“三保”工作") == [("“三保”", "三保", (3,), True)]
    assert campaigns("兜牢三保底线") == []  # written bare, 三保 could be anything
    assert campaigns("十五个村完成改造") == []


def test_a_bare_name_inside_a_number_or_a_count_is_no_campaign() -> None:
    assert campaigns("历时十四五年") == []
    assert campaigns("第十三五个项目") == []
    assert campaigns("二十一五") == []


# -- quoted slogans the lexicon does not know --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("落实“四有”标准", [("“四有”", "四有", (4,), False)]),
        ("开展“三抓三促”行动", [("“三抓三促”行动", "三抓三促", (3, 3), False)]),
        ("坚持“八八战略”", [("“八八战略”", "八八战略", (8, 8), False)]),
        ("打造“一县一品”", [("“一县一品”", "一县一品", (1, 1), False)]),
        ("筑牢“一江一湖三山四水”生态屏障", [("“一江一湖三山四水”", "一江一湖三山四水", (1, 1, 3, 4), False)]),
        ("实现“二十二连丰”", [("“二十二连丰”", "二十二连丰", (22,), False)]),
        ("落实“五篇大文章”", [("“五篇大文章”", "五篇大文章", (5,), True)]),
        ("提升“双高协同”水平", [("“双高协同”", "双高协同", (2,), False)]),
        ("「六稳六保」", [("「六稳六保」", "六稳六保", (6, 6), True)]),
    ],
)
def test_quoted_slogans(text: str, expected: list[Any]) -> None:
    assert campaigns(text) == expected


NOT_SLOGANS = [
    "他说“五年”很快",  # a quantity
    "走了“三公里”",
    "落实“第一议题”制度",  # an ordinal
    "“华龙一号”并网",  # a model
    "防止“一刀切”",  # an idiom
    "推动“一体化”发展",  # a word whose 一 counts nothing
    "让“百姓富”起来",
    "推广“四川云教”",  # a place
    "打造“一流营商环境”",
    "实施“放管服”改革",  # no numeral
    "推广“1+N”模式",  # not Chinese characters
    "提出“推动高质量发展的十个方面重点任务”",  # longer than 8 characters
    "关心“一”字",  # one character
    "实现“新突破一”",  # one numeral, not first
    "发动机、车架等（以下统称“五大总成”）",  # a term the text defines
    "依据“万国邮政联盟”的规定",  # a name whose 万 counts nothing
]


@pytest.mark.parametrize("text", NOT_SLOGANS)
def test_quotations_that_are_not_slogans(text: str) -> None:
    assert campaigns(text) == []


def test_is_slogan() -> None:
    assert is_slogan("三会一课") and is_slogan("四有") and is_slogan("一网通办")
    assert not is_slogan("五年") and not is_slogan("第一站") and not is_slogan("一刀切")


def test_a_quoted_slogan_holding_a_known_name_is_read_whole() -> None:
    assert campaigns("建设“一老一小幸福院”") == [("“一老一小幸福院”", "一老一小幸福院", (1, 1), False)]


def test_a_known_name_inside_a_quotation_that_is_no_slogan() -> None:
    assert campaigns("实施“双一流196”工程") == [("双一流", "双一流", (2, 1), True)]


# -- numbers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "numbers"),
    [
        ("三会一课", (3, 1)),
        ("双随机一公开", (2, 1)),
        ("三清零一创建", (3, 1)),  # 零 is the word 清零
        ("两个一百年", (2, 100)),
        ("百千万工程", (100, 1000, 10000)),
        ("二十二连丰", (22,)),
        ("八八战略", (8, 8)),
        ("接诉即办", ()),
        ("百姓富", ()),
    ],
)
def test_numbers_are_read_with_the_numeral_parser(name: str, numbers: tuple[int, ...]) -> None:
    assert numbers_in(name) == numbers


def test_the_lexicon_gives_numbers_where_reading_the_name_misleads() -> None:
    known = {campaign.name: campaign for campaign in known_campaigns()}
    assert known["十四五"].numbers == (14, 5)
    assert known["十一五"].numbers == (11, 5)
    assert known["千万工程"].aliases == ("千村示范万村整治",)
    assert known["三保"].quoted and not known["三农"].quoted


# -- with govmetrics ----------------------------------------------------------------------------------


def test_known_names_join_the_set_phrases_so_the_metric_extractor_refuses_them() -> None:
    text = "坚持两个毫不动摇，做好五篇大文章。"
    assert texts(run(text, builtins=("metrics",)).metrics) == ["两个", "五篇"]
    result = run(text, govmetrics_campaigns, builtins=("metrics",))
    assert result.metrics == ()
    assert texts(records_of(result, "campaign")) == ["两个毫不动摇", "五篇大文章"]


def test_lexicon_entries_are_set_phrases_only_and_bare_names_only() -> None:
    phrases = govmetrics_campaigns.govmetrics_lexicon_entries("set_phrases")
    assert phrases is not None and "三清零一创建" in phrases and "千村示范万村整治" in phrases
    assert "十五" not in phrases and "三保" not in phrases  # quoted-only names would refuse 十五个, 三保障
    assert govmetrics_campaigns.govmetrics_lexicon_entries("units") is None


def test_campaigns_sit_beside_the_builtin_records() -> None:
    result = run("2019年7月，街道推进“三清零一创建”，清理楼道120处。", govmetrics_campaigns, builtins=True)
    assert [(r.kind, r.text) for r in result.records] == [
        ("date", "2019年7月"),
        ("campaign", "“三清零一创建”"),
        ("metric", "120处"),
    ]


def test_records_serialize_and_read_back() -> None:
    result = run("编制“十四五”规划", govmetrics_campaigns)
    (row,) = result.to_dicts()
    assert row == {
        "kind": "campaign",
        "text": "“十四五”规划",
        "span": {"start": 2, "end": 9},
        "plugin": "govmetrics_campaigns",
        "name": "十四五",
        "numbers": [14, 5],
        "known": True,
    }
    line = govmetrics.serialize.to_json(row)
    with using_host(plugin_host(govmetrics_campaigns)):
        back = govmetrics.from_dict(govmetrics.serialize.from_json(line))
    assert back == result.records[0]
    assert isinstance(back, Campaign) and back.numbers == (14, 5)
