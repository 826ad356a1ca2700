"""The date pattern: one compiled regex, :data:`DATE_PATTERN`, for every date expression an extractor reads.

A date is a calendar point (a year, a period within it, a day; a relative word such as 今年, 本月,
昨天, 本周五) or a span of two (7月10日至12日, 1至9月, 2020至2025年), with a part of day or a clock
time after it, a word before it that opens or closes a period (自, 截至) and one after it (以来, 前).
The words for relative years, months, days and weeks are here, with the offsets the resolver
(:mod:`govmetrics.calendar`) counts from the publication date.

Numeric dates (2019-07-10, 2019/7/10, 2019.07.10) are matched year first, as Chinese writes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govmetrics.chinese import DIGITS_AT_A_GLANCE, MONTH_OR_DAY_NUMERAL, alternation

__all__ = [
    "DATE_PATTERN",
    "RELATIVE_DAYS",
    "RELATIVE_MONTHS",
    "RELATIVE_WEEKS",
    "RELATIVE_YEARS",
    "SECOND_POINT",
    "date_matches",
]

_N = MONTH_OR_DAY_NUMERAL
_YEAR = r"(?:\d{4}|[一二][〇零一二三四五六七八九]{3})年"
RELATIVE_YEARS = {
    "今年": 0,
    "本年": 0,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "前年": -2,
    "明年": 1,
    "下一年": 1,
    "后年": 2,
}
RELATIVE_MONTHS = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
RELATIVE_DAYS = {
    "今天": 0, "今日": 0, "本日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "大前天": -3,
    "明天": 1, "明日": 1, "后天": 2, "大后天": 3,
}  # fmt: skip
RELATIVE_WEEKS = {"本周": 0, "这周": 0, "上周": -1, "下周": 1}


_PART_OF_DAY = r"(?:上午|下午|中午|晚上|早上|清晨|凌晨|傍晚|夜间|晚|早)"
_CLOCK = r"(?:\d{1,2}(?:时|点|:\d{2})(?:\d{1,2}分|半)?)"


# 元月 and 元至九月 name January; after an amount (5亿元至9月底, 3000元月均) 元 is the currency.
# Here and below, a character guarded by a lookbehind is written first and the lookbehind looks
# back past it: re skips an alternative that opens with a character at a glance, but tries one
# that opens with an assertion in full at every position.
_YUAN = r"元(?<![\d０-９零〇一二两三四五六七八九十百千万亿美欧港日]元)"


def _point(p: str) -> str:
    """One calendar point; ``p`` prefixes the group names so a span can hold two."""
    month_part = (
        rf"(?P<{p}m>{_N}|{_YUAN})月份?"  # 元月 is January
        rf"(?:(?P<{p}d>{_N})[日号]|(?P<{p}ten>(?:上中|中下|[上中下])旬)|(?P<{p}medge>[初底末])(?!期|尾))?"
    )
    periods = (
        rf"{month_part}"
        rf"|(?P<{p}half>[上下]半年)"
        # 二季度末 is the quarter's last day, as 6月底 is the month's
        # 三、四季度, 一至三季度, 1-3季度: one span of quarters, the quarter word written once
        rf"|(?P<{p}q>第?[一二三四1-4](?:[、至到~～\-－—][一二三四1-4])?季度(?P<{p}qedge>[初末](?!期))?"
        rf"|前[二三两]个?季度)"
        # 2024年第28周: an ISO week of the year, Monday to Sunday; only with its year
        rf"|第(?({p}y)(?P<{p}wk>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})周|(?!))"
        rf"|(?P<{p}firstn>前(?:{_N}|两)个月)"
        rf"|(?P<{p}yedge2>年[初底末])"
        rf"|(?P<{p}medge2>月[初底末])"  # 月初, 月底 alone: of the publication month
    )
    # A year, then a period within it; the period may be missing only when the year is there.
    return (
        rf"(?:(?:(?P<{p}y>{_YEAR}|{alternation(RELATIVE_YEARS)})(?:(?P<{p}ydu>度)|(?P<{p}yedge>年?[初底末]))?)?"
        rf"(?:{periods}|(?({p}y)|(?!)))"
        rf"|(?P<{p}rm>{alternation(RELATIVE_MONTHS)})(?:(?P<{p}rmd>{_N})[日号]|(?P<{p}rmedge>[初底末]))?"
        # 29日上午: a day of the month alone, in Arabic digits (一日之计 is no date); not 7日内
        rf"|(?P<{p}bd>\d{{1,2}})(?:日(?![内以之])|号(?=[上下中早晚凌，。、；]))"
        rf"|(?P<{p}rd>{alternation(RELATIVE_DAYS)})"
        # 上周, 本周五 (the Friday of this week), 本周五起: a weekday narrows the week to its day; not
        # 本周一次, nor 本周一起 (together)
        rf"|(?P<{p}rw>{alternation(RELATIVE_WEEKS)})(?:(?P<{p}wd>[一二三四五六日天])(?![一二三四五六七八九十个次些]|(?<=一)起))?"
        rf")(?P<{p}part>{_PART_OF_DAY}{_CLOCK}?|{_CLOCK})?"
    )


_SEP = r"(?:至|到|——|-|—|－|~|～|〜)"
# 到 and 至 before a date end a period (持续至9月30日, 延长到10月底); after a verb of change they
# lead to a value (增加到213处, 恢复至去年同期的97.6%), and inside a span (7月1日至9月30日) the
# span reads them.
_PREFIX = (
    r"(?P<pre>自从|自|从|截至|截止到|截止|直到|[到至](?<![增加提高达升降减少扩大复低小缩涨跌][到至])(?<!增长[到至]))?"
)
# 前 ends a period (6月底前) unless it begins a word (前往, 前后) or a count (2021年前两个季度)
# (after 年 or 月: after 底, 日 or 旬, 6月底前80岁以上老人, 前 still ends the period)
# 后, 以后 and 之后 after a date start a period as 前 ends one (2007年8月15日后孳生的利息: from that
# day on). A bare 后 is read only after a day (日, 号, 底, 末): after a month or a year it is as often
# a count (3月后, 两年后), and it never begins a word (后来, 后续, 后期 …).
_SUFFIX = (
    r"(?P<suf>以来|起|开始|为止|之前|以前|之后|以后|至今|前(?![往后来夕景途列沿端期行]|(?<=[年月]前)[\d一二两三四五六七八九十])"
    r"|后(?<=[日号底末]后)(?![来续期勤方面台盾备果人代者半劲顾排边]))?"
)
_NUMERIC = r"(?P<numeric>(?:19|20)\d{2}[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9]))(?![\d.])"
_BODY = (
    rf"(?:{_NUMERIC}"
    # 2020至2025年: a span of years with 年 written once
    rf"|(?P<yy1>(?:19|20)\d{{2}})年?{_SEP}(?P<yy2>(?:19|20)\d{{2}})年"
    # 1至9月, 今年1-8月: a span of months with the month word written once
    # (元至九月: 元 is the first month, as in 元月)
    rf"|(?P<sy>{_YEAR}|{alternation(RELATIVE_YEARS)})?(?P<sm1>{_N}|{_YUAN})月?{_SEP}(?P<sm2>{_N})月份?"
    # 7月10日至12日: a span of days within one month
    rf"|(?P<dy>{_YEAR}|{alternation(RELATIVE_YEARS)})?(?P<dm>{_N})月(?P<dd1>{_N})[日号]?{_SEP}(?P<dd2>{_N})[日号]"
    rf"(?P<dpart>{_PART_OF_DAY})?"
    # any two points: 1月10日至2月28日, 2019年至2021年
    rf"|{_point('a')}(?:{_SEP}{_point('b')})?"
    rf")"
)
# Every date starts with one of these characters: a cheap first test that lets the scan pass over
# all other positions.
_FIRST_WORD_CHARACTER = "〇零一二三四五六七八九十第今本去上前明下后年月昨这大自从截直到至元"
_FIRST_CHARACTER = r"\d" + _FIRST_WORD_CHARACTER
# Where one stands, a date opens with one of these: the first two characters of a relative word
# (今年, 上个月, 大后天) or of a period (上半年, 年底, 前两个月, 前三季度, 元月, 元至九月), a numeral
# followed as in a date, or 第 before a quarter's number (第一季度, 第一、二季度). A numeral in a
# date has, right after its digits, a date word (年, 月, 日, 号), the 季 of a quarter, a span's
# separator (1至9月), a list mark before a quarter (三、四季度), or a numeric date's mark after its
# four-digit year (2019-07-10, 2019.07.10). A word before a date (自, 从, 截至, 直到, 至) opens one
# only with such an opening right after it. Most of those characters in a text open none of these
# (5万元, 1.5倍, 一、, 十分, 第十条, 第二十条, 本次, 上级, 大力, 自治区, 直接, 到位), and the full
# pattern, costly to fail, is not tried there.
# A date's numeral is at most four characters (2019, 二〇一九, 三十一), so the run is read no further:
# an unbounded run would be read to its end from each of its characters, and a text of one long run
# of digits would take time growing with the square of its length.
_NUMERAL_THEN = r"[\d〇零一二三四五六七八九十]{1,4}[年月日号季至到—\-－~～〜]|\d{4}[/.]|[一二三四1-4]、[一二三四1-4]季"
_RELATIVE_OPENINGS = {word[:2] for word in (*RELATIVE_YEARS, *RELATIVE_MONTHS, *RELATIVE_DAYS, *RELATIVE_WEEKS)}
_PERIOD_OPENINGS = {"上半", "下半", "年初", "年底", "年末", "月初", "月底", "月末"}
_BODY_OPENING = (
    rf"{alternation(_RELATIVE_OPENINGS | _PERIOD_OPENINGS)}"
    rf"|前[\d一二三四五六七八九十两]|元[月至到—\-－~～〜]|{_NUMERAL_THEN}|第[一二三四1-4](?:[、至到~～\-－—][一二三四1-4])?季"
)
_OPENING = rf"(?:自从|自|从|截至|截止到|截止|直到|[到至])?(?:{_BODY_OPENING})"
_FIRST = rf"(?=[{_FIRST_CHARACTER}])(?={_OPENING})"
DATE_PATTERN = re.compile(rf"{_FIRST}{_PREFIX}{_BODY}{_SUFFIX}")
# Where a date may open: the character class consumed first, so the scan skips every other character
# at a glance (re does that for a pattern opening with a class, not for one opening with an
# assertion, as DATE_PATTERN must), its digits tested as a bitmap; the lookbehind then steps back
# over that character to test the opening from it.
_OPENINGS = re.compile(rf"[{DIGITS_AT_A_GLANCE}{_FIRST_WORD_CHARACTER}](?<=(?=(?:{_OPENING})).)")


def date_matches(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches ``DATE_PATTERN.finditer(text, pos, endpos)`` gives, found faster.

    The pattern is tried only where :data:`_OPENINGS` finds a date may open (in a work report, one
    in twelve of the characters a date may start with), and the scan goes on after each date as
    ``finditer`` does. A date is never empty; were one ever matched, the scan would step past its
    opening rather than find the same opening again without end.
    """
    end = len(text) if endpos is None else endpos
    opening = _OPENINGS.search(text, pos, end)
    while opening is not None:
        match = DATE_PATTERN.match(text, opening.start(), end)
        if match is not None and match.end() > match.start():
            yield match
            opening = _OPENINGS.search(text, match.end(), end)
        else:
            opening = _OPENINGS.search(text, opening.end(), end)


# The groups of a span's second point (7月10日至(12日)): a date is a span when one of them matched.
SECOND_POINT = tuple(name for name in DATE_PATTERN.groupindex if name.startswith("b") and name != "b")
