"""Dates: the calendar module's rules and the date extractor, on sentences written like district news."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govmetrics
from govmetrics.calendar import parse_date

D = dt.date


def dates(text: str, published: str | None = "2019-07-16") -> list[tuple[str, object, object, str, object]]:
    result = govmetrics.extract(text, published=published)
    for d in result.dates:
        assert result.article.text[d.span.start : d.span.end] == d.text
    return [(d.text, d.start, d.end, d.granularity, d.relation) for d in result.dates]


RESOLVED = [
    # (expression, published, start, end, granularity)
    ("7月11日", "2019-07-16", D(2019, 7, 11), D(2019, 7, 11), "day"),
    ("今年前两个月", "2020-07-16", D(2020, 1, 1), D(2020, 2, 29), "month"),
    ("二季度末", "2020-07-16", D(2020, 6, 30), D(2020, 6, 30), "day"),
    ("第三季度初", "2020-07-16", D(2020, 7, 1), D(2020, 7, 1), "day"),
    ("7 月 13 日上午", "2019-07-16", D(2019, 7, 13), D(2019, 7, 13), "day"),
    ("上午9时30分", "2019-07-16", None, None, None),
    ("二〇一九年七月十日", "2019-07-16", D(2019, 7, 10), D(2019, 7, 10), "day"),
    ("2025年9月19日", "2025-09-23", D(2025, 9, 19), D(2025, 9, 19), "day"),
    ("今年5月", "2019-07-16", D(2019, 5, 1), D(2019, 5, 31), "month"),
    ("4月份", "2025-05-20", D(2025, 4, 1), D(2025, 4, 30), "month"),
    ("2019年上半年", "2019-07-16", D(2019, 1, 1), D(2019, 6, 30), "half_year"),
    ("下半年", "2019-07-16", D(2019, 7, 1), D(2019, 12, 31), "half_year"),
    ("一季度", "2024-04-23", D(2024, 1, 1), D(2024, 3, 31), "quarter"),
    ("去年第四季度", "2023-01-05", D(2022, 10, 1), D(2022, 12, 31), "quarter"),
    ("前三季度", "2025-11-25", D(2025, 1, 1), D(2025, 9, 30), "quarter"),
    ("1月上旬", "2017-12-27", D(2018, 1, 1), D(2018, 1, 10), "ten_days"),
    ("12月下旬", "2023-01-05", D(2022, 12, 21), D(2022, 12, 31), "ten_days"),
    ("2019年度", "2019-07-16", D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("2020年底", "2024-09-10", D(2020, 12, 31), D(2020, 12, 31), "day"),
    ("年初", "2021-12-29", D(2021, 1, 1), D(2021, 1, 1), "day"),
    ("1-9月", "2019-10-15", D(2019, 1, 1), D(2019, 9, 30), "month"),
    ("1至7月", "2016-08-23", D(2016, 1, 1), D(2016, 7, 31), "month"),
    ("前8个月", "2024-09-10", D(2024, 1, 1), D(2024, 8, 31), "month"),
    ("7月10日至12日", "2019-07-16", D(2019, 7, 10), D(2019, 7, 12), "day"),
    ("1月10日至2月28日", "2021-12-29", D(2022, 1, 10), D(2022, 2, 28), "day"),
    ("今年1月至2月", "2024-03-19", D(2024, 1, 1), D(2024, 2, 29), "month"),
    ("2019年至2021年", "2022-01-01", D(2019, 1, 1), D(2021, 12, 31), "year"),
    ("昨日", "2019-01-03", D(2019, 1, 2), D(2019, 1, 2), "day"),
    ("上月", "2025-07-15", D(2025, 6, 1), D(2025, 6, 30), "month"),
    ("2019-07-10", "2019-07-16", D(2019, 7, 10), D(2019, 7, 10), "day"),
    ("2019/7/10", None, D(2019, 7, 10), D(2019, 7, 10), "day"),
    ("2019.07.10", None, D(2019, 7, 10), D(2019, 7, 10), "day"),
    ("2020-02-29", None, D(2020, 2, 29), D(2020, 2, 29), "day"),
    ("2019-02-29", "2019-07-16", None, None, None),
    ("29日上午", "2019-07-03", D(2019, 6, 29), D(2019, 6, 29), "day"),
    ("本月十日", "2019-07-16", D(2019, 7, 10), D(2019, 7, 10), "day"),
    ("上个月15号", "2019-07-16", D(2019, 6, 15), D(2019, 6, 15), "day"),
    ("大前天", "2019-07-16", D(2019, 7, 13), D(2019, 7, 13), "day"),
    ("上周五", "2024-11-28", D(2024, 11, 22), D(2024, 11, 22), "day"),
    ("本周三上午", "2024-11-28", D(2024, 11, 27), D(2024, 11, 27), "day"),
    ("下周日", "2024-11-28", D(2024, 12, 8), D(2024, 12, 8), "day"),
    ("月初", "2019-07-16", D(2019, 7, 1), D(2019, 7, 1), "day"),
    ("月底前", "2019-07-16", D(2019, 7, 31), D(2019, 7, 31), "day"),
    ("7月中下旬", "2019-07-16", D(2019, 7, 11), D(2019, 7, 31), "ten_days"),
    ("2020至2025年", "2021-07-16", D(2020, 1, 1), D(2025, 12, 31), "year"),
    ("2008年——2018年", "2019-07-16", D(2008, 1, 1), D(2018, 12, 31), "year"),
    # two quarters with the quarter word written once are one span
    ("三、四季度", "2021-05-10", D(2021, 7, 1), D(2021, 12, 31), "quarter"),
    ("一、二季度", "2021-05-10", D(2021, 1, 1), D(2021, 6, 30), "quarter"),
    ("今年二、三季度", "2021-05-10", D(2021, 4, 1), D(2021, 9, 30), "quarter"),
    ("一至三季度", "2021-11-10", D(2021, 1, 1), D(2021, 9, 30), "quarter"),
    ("2020年1-3季度", "2021-05-10", D(2020, 1, 1), D(2020, 9, 30), "quarter"),
    ("前三个季度", "2021-11-10", D(2021, 1, 1), D(2021, 9, 30), "quarter"),
    # 元 is the first month: 元月, 元至九月 (1-9月)
    ("元月", "2021-02-10", D(2021, 1, 1), D(2021, 1, 31), "month"),
    ("元至十月", "2021-11-20", D(2021, 1, 1), D(2021, 10, 31), "month"),
    ("今年元至5月", "2021-06-20", D(2021, 1, 1), D(2021, 5, 31), "month"),
    # an ISO week of a named year: Monday to Sunday
    ("2023年第15周", "2023-04-20", D(2023, 4, 10), D(2023, 4, 16), "week"),
    ("2021年第1周", "2021-01-20", D(2021, 1, 4), D(2021, 1, 10), "week"),
]


@pytest.mark.parametrize(("text", "published", "start", "end", "granularity"), RESOLVED, ids=[r[0] for r in RESOLVED])
def test_date_expressions_resolve_against_publication(
    text: str, published: str, start: dt.date | None, end: dt.date | None, granularity: str | None
) -> None:
    if start is None:
        with pytest.raises(govmetrics.DateError):
            parse_date(text, published)
        return
    value = parse_date(text, published)
    assert (value.start, value.end, value.granularity) == (start, end, granularity)


YEAR_RULE = [
    # across the turn of the year, both ways (ANNOTATION.md's own examples first)
    ("12月28日", "2019-01-05", D(2018, 12, 28)),
    ("1月3日", "2019-12-30", D(2020, 1, 3)),
    ("12月份", "2021-01-06", D(2020, 12, 1)),
    ("自1月1日起", "2017-12-27", D(2018, 1, 1)),
    ("12月30日上午", "2017-01-04", D(2016, 12, 30)),
    ("11月上旬", "2022-10-11", D(2022, 11, 1)),
    # within the year the publication year holds, even where next year is a little nearer
    ("1月份", "2019-07-24", D(2019, 1, 1)),
    ("7月", "2019-01-20", D(2019, 7, 1)),
    # leap days exist in some years only
    ("2月29日", "2021-01-10", D(2020, 2, 29)),
]


@pytest.mark.parametrize(("text", "published", "start"), YEAR_RULE, ids=[f"{t}@{p}" for t, p, _ in YEAR_RULE])
def test_year_rule_picks_the_year_nearest_publication(text: str, published: str, start: dt.date) -> None:
    value = parse_date(text, published)
    assert value.start == start
    assert value.year_inferred


def test_quarters_and_halves_without_year_take_the_publication_year() -> None:
    assert parse_date("下半年", "2019-01-03").start == D(2019, 7, 1)
    assert parse_date("四季度", "2019-01-03").start == D(2019, 10, 1)


RELATIONS = [
    ("自7月起实施停车收费。", "since"),
    ("今年以来，全区累计受理。", "since"),
    ("去年11月15日正式供暖以来，热线共受理。", "since"),
    ("从今年3月开始，社区推行。", "since"),
    ("4月中旬起开展考核。", "since"),
    ("截至6月底，共发放。", "until"),
    ("力争到明年年底全覆盖。", "until"),
    ("年底前全部开工。", "until"),
    ("要在11月15日供暖前全部完工。", "until"),
    ("7月11日，区政府召开会议。", None),
    ("从2020年底的126处增加到213处。", None),
    ("活动将持续至9月30日。", "until"),
    ("本周五起，各中心延长服务时间。", "since"),
    ("6月底前80岁以上老人接种率再提高5个百分点。", "until"),
    ("今年春节前，送去慰问品。", None),
    ("工期延长至10月底。", "until"),
    ("至2020年底，全区建成驿站50个。", "until"),
    ("7月1日至9月30日开展专项整治。", None),
    ("产值增长至2018年的两倍。", None),
    ("消费恢复至2018年的97.6%。", None),
    # 后 after a day starts a period as 前 ends one; 以后 and 之后 after any date
    ("2016年3月1日后新开办的企业按新标准执行。", "since"),
    ("6月底后申报的项目顺延办理。", "since"),
    ("2012年以后建成的小区不纳入改造。", "since"),
    ("5月10日之后提交的材料不予受理。", "since"),
    ("2015年以前建成的老旧小区纳入改造。", "until"),
    ("3日后来到社区。", None),
]


@pytest.mark.parametrize(("text", "relation"), RELATIONS, ids=[t for t, _ in RELATIONS])
def test_relation_since_and_until(text: str, relation: str | None) -> None:
    found = dates(text, "2019-07-16")
    assert len(found) == 1, found
    assert found[0][4] == relation


def test_a_count_of_days_before_hou_stays_a_metric() -> None:
    result = govmetrics.extract("名单公示15日后无异议的，予以认定。", published="2019-07-16")
    assert result.dates == ()
    assert [(m.text, m.value, m.unit) for m in result.metrics] == [("15日", 15, "日")]


def test_words_of_relative_days_and_month_edges_are_found_in_running_text() -> None:
    found = dates("大前天，街道组织排查；月初制定方案，月底前完成。", "2019-07-16")
    assert [(text, start) for text, start, *_ in found] == [
        ("大前天", D(2019, 7, 13)),
        ("月初", D(2019, 7, 1)),
        ("月底前", D(2019, 7, 31)),
    ]


def test_a_comparing_from_is_not_part_of_the_date_text() -> None:
    assert dates("物业费收缴率从去年的不足六成提高到82%。")[0][0] == "去年"


NOT_DATES = [
    "今年78岁的李大爷说。",
    "预计达产后年产值超过500亿元。",
    "人均3000元以上年收入。",
    "于计划年度前两个月报国务院。",
    "合同期满前两个月提出申请。",
    "日前，八角街道探索社区管理新模式。",
    "近日，街道召开会议。",
    "目前，全区已建成驿站。",
    "三年来，累计服务居民。",
    "一个月以来，累计走访。",
    "区第十六届人大常委会第二十一次会议。",
    "每周一至周五开放。",
    "一日之计在于晨。",
    "一般诉求7日内办结。",
    "3号楼已完成改造。",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_vague_times_durations_and_ordinals_are_not_dates(text: str) -> None:
    assert dates(text) == []


def test_without_publication_date_year_less_dates_stay_unplaced() -> None:
    [(text, start, end, granularity, _)] = dates("7月10日，区委召开会议。", published=None)
    assert (text, start, end, granularity) == ("7月10日", None, None, "day")
    mention = govmetrics.extract("7月10日，区委召开会议。").dates[0]
    assert mention.year_inferred
    full = govmetrics.extract("2019年7月10日，区委召开会议。").dates[0]
    assert (full.start, full.year_inferred) == (D(2019, 7, 10), False)


def test_numbers_inside_dates_are_never_metrics() -> None:
    result = govmetrics.extract("今年1-8月，全区完成整治12个小区。", published="2024-09-10")
    assert [m.text for m in result.metrics] == ["12个"]
    assert [d.text for d in result.dates] == ["今年1-8月"]


def test_a_week_of_the_year_and_its_span_of_days_are_two_dates() -> None:
    assert dates("2023年第15周(4月10日—4月16日),热线共受理诉求5万件。", published="2023-04-20") == [
        ("2023年第15周", D(2023, 4, 10), D(2023, 4, 16), "week", None),
        ("4月10日—4月16日", D(2023, 4, 10), D(2023, 4, 16), "day", None),
    ]


def test_a_week_needs_its_year_and_a_span_of_quarters_its_order() -> None:
    assert dates("孕期第12周需复查。") == []
    assert dates("四、三季度") == []


def test_yuan_after_an_amount_is_the_currency_not_january() -> None:
    assert dates("项目完成投资3亿元至9月底仍在建设。", published="2021-10-08") == [
        ("至9月底", D(2021, 9, 30), D(2021, 9, 30), "day", "until")
    ]
    assert dates("人均800元月均支出。") == []


def test_a_month_before_one_and_a_verb_is_a_cadence_not_a_date() -> None:
    result = govmetrics.extract("坚持一月一小结。", published="2021-10-08")
    assert result.dates == ()
    assert [c.period for c in result.cadences] == ["P1M"]


def test_a_day_named_alone_takes_the_month_of_the_last_date_before_it() -> None:
    # published in March, the story's visit was in December: 8日 is December the 8th
    text = "本网3月2日讯 12月7日，访问团一行抵达。8日上午，访问团到访街道。"
    assert [(d.text, d.start) for d in govmetrics.extract(text, published="2020-03-02").dates] == [
        ("3月2日", D(2020, 3, 2)),
        ("12月7日", D(2019, 12, 7)),
        ("8日上午", D(2019, 12, 8)),
    ]


def test_a_list_of_days_after_a_date_stays_in_its_month() -> None:
    assert [d.start for d in govmetrics.extract("劳动节放假2天（5月1日、2日）。", published="2024-04-20").dates] == [
        D(2024, 5, 1),
        D(2024, 5, 2),
    ]


def test_a_day_alone_with_no_month_before_it_is_the_nearest() -> None:
    assert [d.start for d in govmetrics.extract("29日上午，区委召开会议。", published="2019-07-03").dates] == [
        D(2019, 6, 29)
    ]
    # a span of months or a year places no month: the nearest rule decides
    result = govmetrics.extract("1-5月，全区完成投资。29日，区委召开会议。", published="2019-07-03")
    assert [d.start for d in result.dates] == [D(2019, 1, 1), D(2019, 6, 29)]


def test_a_day_its_months_lacks_falls_back_to_the_nearest() -> None:
    result = govmetrics.extract("2月10日，街道启动排查。30日，区里召开推进会。", published="2019-04-02")
    assert [d.start for d in result.dates] == [D(2019, 2, 10), D(2019, 3, 30)]


def test_a_month_of_the_year_after_an_event_is_not_placed() -> None:
    assert dates("退役后次年3月起享受补助。") == []
    assert dates("申报截止后翌年1月公布。") == []


def test_a_yearly_rules_day_is_the_cadences_anchor_not_a_date() -> None:
    result = govmetrics.extract("协会应当于每年3月31日前报送上一年度工作报告。", published="2021-05-01")
    assert [d.text for d in result.dates] == ["上一年度"]
    assert [(c.text, c.period) for c in result.cadences] == [("每年3月31日前", "P1Y")]


def test_impossible_dates_are_skipped_not_raised() -> None:
    assert dates("2月30日和13月5日都不存在。") == []
    assert dates("2019-02-30和2019/4/31都不存在。") == []


def test_a_weekday_narrows_a_relative_week_but_a_count_after_it_does_not() -> None:
    """上周五 is a day; in 本周一次例会 and 下周一起 the 一 counts or joins, and the week stays a week."""
    published = "2024-11-28"  # a Thursday
    assert [d[0] for d in dates("上周五召开推进会。", published)] == ["上周五"]
    for text in ("本周一次例会。", "下周一起实施。", "上周一些社区。"):
        (found,) = dates(text, published)
        assert found[0] in ("本周", "下周", "上周") and found[3] == "week", text


def test_a_date_qualifying_a_figure_sets_no_month_for_a_day_alone() -> None:
    # 今年3月底的 dates a figure; the story's own events are in April, so 16日 is April 16
    found = dates(
        "4月15日至16日，调研组到我区调研。覆盖率由去年底的61%提高到今年3月底的80.2%。16日上午，调研组召开座谈会。",
        published="2021-04-17",
    )
    assert found[-1] == ("16日上午", D(2021, 4, 16), D(2021, 4, 16), "day", None)


def test_a_gapped_since_belongs_to_the_date_right_before_it() -> None:
    # 以来 after 今年 is 今年's: the span of days before it begins no period
    found = dates("预计8月3日至5日全县将出现今年以来最强降雨。", published="2020-08-01")
    assert found[0] == ("8月3日至5日", D(2020, 8, 3), D(2020, 8, 5), "day", None)
    assert found[1][0] == "今年以来" and found[1][4] == "since"


def test_a_yearless_date_after_a_year_opening_its_paragraph_is_in_that_year() -> None:
    # a review published early in the next year: the paragraph speaks of the year it opened with
    text = "过去的2024年，是全市发展极不平凡的一年。4月8日至9日，省委主要领导来我市调研。"
    assert dates(text, "2025-01-20")[1] == ("4月8日至9日", D(2024, 4, 8), D(2024, 4, 9), "day", None)
    # 年初 reads the same way
    text = "2023年，全县经济稳中有进，全面完成年初确定的目标任务。"
    assert dates(text, "2024-02-01")[1] == ("年初", D(2023, 1, 1), D(2023, 1, 1), "day", None)


def test_the_year_of_a_paragraph_ends_with_it_or_with_another_year() -> None:
    # a new paragraph may be another story: the nearest year again
    text = "2018年，全区改造老旧小区12个。\n本报讯 7月9日，区委召开会议。"
    assert dates(text, "2019-07-16")[-1] == ("7月9日", D(2019, 7, 9), D(2019, 7, 9), "day", None)
    # a year written after it moves the paragraph on
    text = "2018年，全区改造小区12个，2019年计划改造20个，7月9日已全部开工。"
    assert dates(text, "2019-07-16")[-1] == ("7月9日", D(2019, 7, 9), D(2019, 7, 9), "day", None)
    # a year that qualifies a figure (2018年的) opens no statement
    text = "比2018年的水平提高一成，7月9日通过验收。"
    assert dates(text, "2019-07-16")[-1] == ("7月9日", D(2019, 7, 9), D(2019, 7, 9), "day", None)


def test_a_yearless_deadline_long_past_is_the_next_one() -> None:
    # a plan published in spring: a deadline in late autumn is this year's, not last year's
    text = "各乡镇要在4月底前完成摸底，10月底前完成全部改造任务。"
    assert dates(text, "2023-03-10") == [
        ("4月底前", D(2023, 4, 30), D(2023, 4, 30), "day", "until"),
        ("10月底前", D(2023, 10, 31), D(2023, 10, 31), "day", "until"),
    ]
    # a deadline just passed (within a month) is the one the story reports on
    assert dates("全区已于7月5日前完成排查。", "2019-07-16") == [
        ("7月5日前", D(2019, 7, 5), D(2019, 7, 5), "day", "until")
    ]
    # 截至 reports a state up to a date: it stays the nearest
    assert dates("截至11月底，全县完成投资8亿元。", "2023-03-10")[0][1] == D(2022, 11, 30)


# Every way a date opens, with words around it that open none: the guard in front of the date
# pattern (a cheap test of what follows a numeral) may only skip places where no date starts.
_OPENINGS = (
    "2019年7月10日，3月5日至8日，１２月３日，2019-07-10、2019/7/10和2019.07.10，2020至2025年，1-9月，"
    "1至3月份，7月1日—9月30日，1~2季度，1、2季度，三、四季度，一至三季度，第一季度，第4季度，二〇一九年，"
    "十二月份，元月，元至九月，今年，本月，上个月，下周三，昨天，前两个月，前三季度，年底，月初，上半年，"
    "自5月起，截至6月底，直到8月，从去年开始，29日上午，5号下午，8时30分，第三条，第五次，5万元，十分重要，"
    "三十六项，2025年第28周，前年，后天，大后天，这周五，本次，上级，大力，自治区，前往，年度，月份"
)


def test_the_guard_before_the_date_pattern_skips_no_place_a_date_starts() -> None:
    from govmetrics import calendar_pattern as dates

    relative = (*dates.RELATIVE_YEARS, *dates.RELATIVE_MONTHS, *dates.RELATIVE_DAYS, *dates.RELATIVE_WEEKS)
    text = _OPENINGS + "，" + "，".join(f"{word}上午，{word}起，自{word}" for word in relative)
    unguarded = re.compile(dates.DATE_PATTERN.pattern.removeprefix(dates._FIRST))
    found = [m.span() for m in dates.DATE_PATTERN.finditer(text)]
    assert found == [m.span() for m in unguarded.finditer(text)]
    assert len(found) > 40 + 2 * len(relative)
    # the fast scan finds the same matches, from any start and to any end
    assert [m.span() for m in dates.date_matches(text)] == found
    for pos, endpos in ((3, len(text)), (17, 240), (0, 61)):
        expected = [m.span() for m in unguarded.finditer(text, pos, endpos)]
        assert [m.span() for m in dates.date_matches(text, pos, endpos)] == expected


def test_a_date_is_read_from_each_place_within_a_few_characters() -> None:
    # The pattern and its guard are tried at many places of a text; each reads a bounded number of
    # characters from there, so a text of one long run of digits or numerals is scanned in time
    # that grows with its length, not with its square (an unbounded run in the guard once made a
    # run of 100,000 digits take a minute).
    import importlib.util

    from govmetrics import calendar_pattern as dates

    # re's own parser gives a pattern's least and most width (re._parser from Python 3.11 on)
    parser = importlib.import_module("re._parser" if importlib.util.find_spec("re._parser") else "sre_parse")
    assert parser.parse(dates._OPENING).getwidth()[1] <= 8
    assert parser.parse(dates.DATE_PATTERN.pattern).getwidth()[1] < 100


# Texts made of the characters dates are written with: wherever a date may start, the fast scan
# must try the pattern there.
_DATE_CHARACTERS = (
    "0123456789２〇零一二三四五六七八九十两年月日号季度第"
    "今本去上前明下后初底末旬半周个自从截至止直到元、—-~./起以来，于"
    "٣𝟐😀"  # digits of other scripts, in and beyond the BMP, and a character among the latter
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_DATE_CHARACTERS, max_size=40))
def test_the_fast_date_scan_finds_what_the_pattern_finds(text: str) -> None:
    from govmetrics import calendar_pattern as dates

    unguarded = re.compile(dates.DATE_PATTERN.pattern.removeprefix(dates._FIRST))
    assert [m.span() for m in dates.date_matches(text)] == [m.span() for m in unguarded.finditer(text)]
