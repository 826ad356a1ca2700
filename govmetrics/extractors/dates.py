"""The date extractor: every reference to a place on the calendar, resolved by the calendar module.

Vague times (日前, 近日, 目前) and durations (三年来, 一个月以来) are not dates: none of them names a
place on the calendar, and the pattern has no form for them. A relation written after a few
words (去年11月15日正式供暖以来, 11月15日供暖前) still belongs to the date it follows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

import attrs

from govmetrics.calendar import CalendarValue, date_matches, gapped_relation, resolve_match
from govmetrics.chinese import SMALL_NUMERAL
from govmetrics.errors import DateError
from govmetrics.extractors.metric_exclusions import is_day_count
from govmetrics.extractors.metric_patterns import MetricLexicon, metric_lexicon
from govmetrics.hookspecs import hookimpl
from govmetrics.lexicon import Lexicons
from govmetrics.models import Article, DateMention, Span

# Characters that, right before a candidate, show it is part of something else: a code (A7月?),
# a longer number, or a weekday (周一至周五 is no month).
_GLUED_BEFORE = frozenset("0123456789０１２３４５６７８９.．第每")


def _before_something(text: str, match: re.Match[str]) -> bool:
    """前两个月 with no year, right after a word, is a time before it (计划年度前两个月, 期满前两个月),
    not the first two months of the year (今年前两个月, or 前两个月 opening a clause)."""
    for group in ("afirstn", "bfirstn"):
        if match.start(group) == match.start() >= 1 and "\u4e00" <= text[match.start() - 1] <= "\u9fff":
            return True
    return False


# 后年, 前年 and 上年 split across two words are no year: 达产后 + 年产值, 3000元以上 + 年收入. They
# are when a preposition stands before them (比上年增长, 到后年), or no word of yearly amounts (年产,
# 年均, 年收入 …) follows (北京上年末).
_SPLIT_YEAR_WORDS = ("后年", "前年", "上年")
_BEFORE_A_YEAR_WORD = frozenset("比较于在至到从自和与及同的为即是对截")
_YEARLY_AMOUNT = frozenset("产均收增营销利")


def _year_word_split(text: str, match: re.Match[str]) -> bool:
    start = match.start()
    return (
        start >= 1
        and text.startswith(_SPLIT_YEAR_WORDS, start)
        and text[start + 2 : start + 3] in _YEARLY_AMOUNT
        and "\u4e00" <= text[start - 1] <= "\u9fff"
        and text[start - 1] not in _BEFORE_A_YEAR_WORD
    )


# 今年78岁的李大爷: 今年 tells an age, not a time
_AGE_AFTER = re.compile(rf"{SMALL_NUMERAL}+多?岁")
# a bare relative year (今年春节前, 今年汛期以来): the words after it name a time within the year,
# and the relation is that time's, not the year's
_BARE_RELATIVE_YEARS = frozenset(("今年", "去年", "明年", "本年", "上年", "前年", "后年"))


def _counts_days(text: str, match: re.Match[str], lex: MetricLexicon) -> bool:
    """A day of the month named alone (30日) that is a count of days instead: 延长30日, 届满15日,
    开始30日前, 不得超过30日. ANNOTATION.md makes those durations, which the metric extractor
    counts; the one rule that tells them apart is :func:`govmetrics.extractors.metric_exclusions.is_day_count`,
    asked here so the two extractors never both claim the same 30日."""
    day = match.start("abd")
    if day < 0 or match.group("bbd") is not None or text[match.end("abd") : match.end("abd") + 1] != "日":
        return False
    return is_day_count(text, day, match.end("abd") + 1, lex)


# 次年3月, 翌年1月: a month of the year after some event or rule, which the text does not place on
# the calendar; read alone, the month would be placed by the publication date, wrongly
_AFTER_AN_EVENT_YEAR = ("次年", "翌年")


def value_needs_no_prefix(match: re.Match[str]) -> bool:
    """从 starts a date only in 从…起 / 从…开始; elsewhere (从去年的不足六成提高到…) it compares."""
    return match.group("pre") == "从" and match.group("suf") not in ("起", "开始")


#: Dates that place a month: a day of the month named alone after one of them is in its month.
_NAMES_A_MONTH = frozenset(("day", "ten_days", "month"))
#: What follows a year that opens a statement about that year (2025年，… / 2022年,…).
_TOPIC_MARKS = ("，", ",")
#: Suffixes that make a date a deadline: the time by which something is to be done.
_DEADLINE_SUFFIXES = frozenset(("前", "之前", "以前"))
#: How far before publication a yearless deadline may lie and still be read in its nearest year.
_DEADLINE_PAST = dt.timedelta(days=31)


def _in_year(value: CalendarValue, year: int) -> CalendarValue:
    """``value`` (read with an inferred year) moved to ``year``; unchanged if that names no day (2月29日)."""
    if value.start is None or value.end is None or value.start.year == year:
        return value
    shift = year - value.start.year
    try:
        start = value.start.replace(year=value.start.year + shift)
        end = value.end.replace(year=value.end.year + shift)
    except ValueError:
        return value
    return attrs.evolve(value, start=start, end=end)


def _story_year(text: str, match: re.Match[str], value: CalendarValue, end: int) -> int | None:
    """The year a statement opens with (2025年，是…一年 / 2022年,全县…): written in full as a
    whole year and followed by a comma, it is the year the paragraph then speaks of."""
    if (
        value.year_inferred
        or value.granularity != "year"
        or value.start is None
        or not match.group()[:1].isdigit()
        or not text.startswith(_TOPIC_MARKS, end)
    ):
        return None
    return value.start.year


def find_dates(article: Article, lexicons: Lexicons) -> Iterator[DateMention]:
    """Every date in ``article.text``, resolved against ``article.published``.

    A day of the month named alone (6日上午, 30日，区委召开…) takes the month of the last date named
    before it that lies within one month (11月5日 … 6日上午 is 11月6日, whenever the story was
    published); with none, the month that puts it nearest the publication date.

    A date with no year, in a paragraph that opened a statement with a year written in full
    (刚刚过去的2025年，是…一年。3月19日至20日… / 2022年，全县…), is in that year: the paragraph
    speaks of it, which the publication date (2026-02 for a review of 2025) does not say. A date
    written with another year ends that. A deadline with no year (11月底前完成) that would lie
    more than a month before publication is the next one: a time limit is still to come.

    A date that qualifies a figure or a noun with 的 (由2010年底的58%提高到今年4月底的87.5%) tells
    when a figure stood, not when the story's events happen: it sets no month for a day named
    alone after it (28日下午 in a story of May 27–28 is May 28).
    """
    text = article.text
    lex = metric_lexicon(lexicons)
    month_of = None
    story_year: int | None = None  # the year the current paragraph opened a statement with
    story_at = 0  # where that year was named
    for match in date_matches(text):
        start, end = match.span()
        if start == end or (start and text[start - 1] in _GLUED_BEFORE) or _before_something(text, match):
            continue
        if _year_word_split(text, match) or text.endswith(_AFTER_AN_EVENT_YEAR, 0, start):
            continue
        if _counts_days(text, match, lex):
            continue
        if match.group() in _BARE_RELATIVE_YEARS and _AGE_AFTER.match(text, end):
            continue
        if match.group("pre") and value_needs_no_prefix(match):
            start = match.end("pre")  # 从去年的…: 从 gives no relation, so it is not the date's text
        try:
            value = resolve_match(match, article.published, month_of)
        except DateError:
            continue  # 2月30日, 13月: looks like a date, names none
        if story_year is not None and text.find("\n", story_at, start) >= 0:
            story_year = None  # a new paragraph, perhaps a new story
        if value.year_inferred and story_year is not None:
            value = _in_year(value, story_year)
        elif value.year_inferred and match.group("suf") in _DEADLINE_SUFFIXES and article.published is not None:
            if value.end is not None and article.published - value.end > _DEADLINE_PAST:
                value = _in_year(value, value.end.year + 1)
        elif (opened := _story_year(text, match, value, end)) is not None:
            story_year, story_at = opened, end
        elif (
            story_year is not None
            and not value.year_inferred
            and match.group()[:1].isdigit()
            and value.start is not None
            and value.start.year != story_year
        ):
            story_year = None  # a date written with another year: the paragraph moved on
        if value.relation is None and not match.group("suf") and match.group() not in _BARE_RELATIVE_YEARS:
            gapped = gapped_relation(text, end)
            if gapped is not None:
                relation, end = gapped
                value = attrs.evolve(value, relation=relation)
        if (
            value.granularity in _NAMES_A_MONTH
            and not text.startswith("的", end)
            and value.start is not None
            and value.end is not None
            and (value.start.year, value.start.month) == (value.end.year, value.end.month)
        ):
            month_of = value.end
        yield DateMention(
            text=text[start:end],
            span=Span(start=start, end=end),
            start=value.start,
            end=value.end,
            granularity=value.granularity,  # type: ignore[arg-type]
            relation=value.relation,  # type: ignore[arg-type]
            year_inferred=value.year_inferred,
        )


@lru_cache(maxsize=16)
def dates_in(article: Article, lexicons: Lexicons) -> tuple[DateMention, ...]:
    """The dates of an article, computed once for every extractor that needs them (meetings do)."""
    return tuple(find_dates(article, lexicons))


@hookimpl
def govmetrics_extract(article: Article, lexicons: Lexicons) -> tuple[DateMention, ...]:
    return dates_in(article, lexicons)
