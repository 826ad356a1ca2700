"""The one date parser: date expressions resolved against the publication date.

Every extractor that reads a date (the date extractor, the meeting extractor) goes through
:data:`DATE_PATTERN` and :func:`resolve_match`, or :func:`parse_date` for a single expression.

The year rule (ANNOTATION.md): a date written without a year takes the year that puts it nearest
the publication date. Published 2019-01-05, 12月28日 is 2018-12-28; published 2019-12-30, 1月3日 is
2020-01-03. The publication year is kept while it puts the date within half a year, as a reader
would: a July story's 1月份 is this January, not the next one a fortnight nearer. A month, a
ten-day period or a span of months follows the same rule (published 2021-01-06, 12月份 is December
2020); a quarter, a half-year, 年初/年底 or 前N个月 with no year take the
publication year, since news speaks of those for the current year. 今年/去年/明年, 本月/上月 and
昨天/今天 count from the publication date. When the publication date is unknown, such dates keep
``start`` and ``end`` empty and say ``year_inferred``: a guess would be worse than a gap.

Granularity: a day (月底 and 年底 are the last day, 年初 the first), a ten-day period (上旬 1–10,
中旬 11–20, 下旬 21–end), a month, a quarter, a half-year or a year; a span takes its finer end.
A part of day or a clock time (7月13日上午9时30分) belongs to the date's text and leaves it a day.

Numeric dates (2019-07-10, 2019/7/10, 2019.07.10) are matched year first, as Chinese writes them,
and read directly; a day the month does not have (2019-02-30) is not a date. (dateparser, which
reads them too, costs a third of a second the first time in every process, for its time-zone
patterns: a corpus run would pay it once a worker. It reads the publication dates of corpora,
whose forms vary: see :func:`govmetrics.api.parse_published`.)
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
import re

import attrs

from govmetrics.errors import DateError, NumeralError
from govmetrics.numerals import parse_number


@attrs.frozen(kw_only=True)
class CalendarValue:
    """A resolved date expression: first and last day (inclusive), or ``None`` when unresolvable."""

    start: dt.date | None
    end: dt.date | None
    granularity: str
    year_inferred: bool = False
    relation: str | None = None


_N = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(?:\d{4}|[一二][〇零一二三四五六七八九]{3})年"
_RELATIVE_YEARS = {
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
_RELATIVE_MONTHS = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
_RELATIVE_DAYS = {
    "今天": 0, "今日": 0, "本日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "大前天": -3,
    "明天": 1, "明日": 1, "后天": 2, "大后天": 3,
}  # fmt: skip
_RELATIVE_WEEKS = {"本周": 0, "这周": 0, "上周": -1, "下周": 1}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}  # days after Monday
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _alt(words: object) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[call-overload]


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
        rf"(?:(?:(?P<{p}y>{_YEAR}|{_alt(_RELATIVE_YEARS)})(?:(?P<{p}ydu>度)|(?P<{p}yedge>年?[初底末]))?)?"
        rf"(?:{periods}|(?({p}y)|(?!)))"
        rf"|(?P<{p}rm>{_alt(_RELATIVE_MONTHS)})(?:(?P<{p}rmd>{_N})[日号]|(?P<{p}rmedge>[初底末]))?"
        # 29日上午: a day of the month alone, in Arabic digits (一日之计 is no date); not 7日内
        rf"|(?P<{p}bd>\d{{1,2}})(?:日(?![内以之])|号(?=[上下中早晚凌，。、；]))"
        rf"|(?P<{p}rd>{_alt(_RELATIVE_DAYS)})"
        # 上周, 本周五 (the Friday of this week), 本周五起: a weekday narrows the week to its day; not
        # 本周一次, nor 本周一起 (together)
        rf"|(?P<{p}rw>{_alt(_RELATIVE_WEEKS)})(?:(?P<{p}wd>[一二三四五六日天])(?![一二三四五六七八九十个次些]|(?<=一)起))?"
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
    rf"|(?P<sy>{_YEAR}|{_alt(_RELATIVE_YEARS)})?(?P<sm1>{_N}|{_YUAN})月?{_SEP}(?P<sm2>{_N})月份?"
    # 7月10日至12日: a span of days within one month
    rf"|(?P<dy>{_YEAR}|{_alt(_RELATIVE_YEARS)})?(?P<dm>{_N})月(?P<dd1>{_N})[日号]?{_SEP}(?P<dd2>{_N})[日号]"
    rf"(?P<dpart>{_PART_OF_DAY})?"
    # any two points: 1月10日至2月28日, 2019年至2021年
    rf"|{_point('a')}(?:{_SEP}{_point('b')})?"
    rf")"
)
# Every date starts with one of these: a cheap test that lets the scan skip all other positions.
_FIRST = r"(?=[\d一二三四五六七八九十〇零今本去上前明下后第年月昨这大自从截直到至元])"
DATE_PATTERN = re.compile(rf"{_FIRST}{_PREFIX}{_BODY}{_SUFFIX}")
# The groups of a span's second point (7月10日至(12日)): a date is a span when one of them matched.
_SECOND_POINT = tuple(name for name in DATE_PATTERN.groupindex if name.startswith("b") and name != "b")
# A date followed, within the clause, by 以来 (去年11月15日正式供暖以来) is where a period began. The
# words between hold no other date: in 7月21日至23日将出现今年以来最强降雨, 以来 is 今年's.
_GAPPED_SINCE = re.compile(r"[^，。；！？：,;!?\n\d年月日]{1,24}?以来")
_GAPPED_UNTIL = re.compile(r"[^，。；！？：,;!?\n\d“”]{1,3}?前(?![往后来夕景途列沿端期行])")


def _number(text: str) -> int:
    try:
        value = parse_number(text)
    except NumeralError as exc:
        raise DateError(f"not a calendar number: {text!r}") from exc
    if not isinstance(value, int):
        raise DateError(f"not a whole calendar number: {text!r}")
    return value


def _year(text: str, published: dt.date | None) -> tuple[int | None, bool]:
    """The year a year expression names, and whether it was taken from the publication date."""
    if text in _RELATIVE_YEARS:
        return (None, True) if published is None else (published.year + _RELATIVE_YEARS[text], False)
    digits = text.rstrip("年")
    year = int(digits) if digits.isdigit() else _number(digits)
    if not 1800 <= year <= 2199:
        raise DateError(f"not a plausible year: {text!r}")
    return year, False


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _stdlib_calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _distance(published: dt.date, start: dt.date, end: dt.date) -> int:
    if start <= published <= end:
        return 0
    return min(abs((start - published).days), abs((end - published).days))


def _checked_day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(f"no such day: {year}-{month}-{day}") from exc


def _month(text: str) -> int:
    month = 1 if text == "元" else _number(text)
    if not 1 <= month <= 12:
        raise DateError(f"no such month: {text!r}")
    return month


def _point_span(g: dict[str, str | None], p: str, year: int) -> tuple[dt.date, dt.date, str]:
    """(start, end, granularity) of point ``p`` in ``year``."""
    if g[f"{p}m"]:
        month = _month(g[f"{p}m"] or "")
        if g[f"{p}d"]:
            day = _checked_day(year, month, _number(g[f"{p}d"] or ""))
            return day, day, "day"
        if g[f"{p}ten"]:
            ten = g[f"{p}ten"] or ""
            first = {"上": 1, "中": 11, "下": 21}[ten[0]]  # 中下旬 runs from the 11th to the end
            last = {"上": 10, "中": 20, "下": 0}[ten[-2]]
            end = dt.date(year, month, last) if last else _month_end(year, month)
            return dt.date(year, month, first), end, "ten_days"
        edge = g[f"{p}medge"]
        if edge:
            day = dt.date(year, month, 1) if edge == "初" else _month_end(year, month)
            return day, day, "day"
        return dt.date(year, month, 1), _month_end(year, month), "month"
    if g[f"{p}half"]:
        if g[f"{p}half"] == "上半年":
            return dt.date(year, 1, 1), dt.date(year, 6, 30), "half_year"
        return dt.date(year, 7, 1), dt.date(year, 12, 31), "half_year"
    if g[f"{p}q"]:
        q = g[f"{p}q"] or ""
        numbers = [_QUARTERS[c] for c in q if c in _QUARTERS] or [{"两": 2}.get(q[1:2], 0)]
        last = numbers[-1]
        if not last:
            raise DateError(f"not a quarter: {q!r}")
        first = 1 if q.startswith("前") else numbers[0]
        if first > last:
            raise DateError(f"a span of quarters that ends before it starts: {q!r}")
        edge = g[f"{p}qedge"]
        if edge:
            day = dt.date(year, 3 * last - 2, 1) if edge == "初" else _month_end(year, 3 * last)
            return day, day, "day"
        return dt.date(year, 3 * first - 2, 1), _month_end(year, 3 * last), "quarter"
    if g[f"{p}wk"]:
        week = _number(g[f"{p}wk"] or "")
        try:
            monday = dt.date.fromisocalendar(year, week, 1)
        except ValueError as exc:
            raise DateError(f"no week {week} in {year}") from exc
        return monday, monday + dt.timedelta(days=6), "week"
    if g[f"{p}firstn"]:
        months = _number((g[f"{p}firstn"] or "")[1:-2])
        if not 1 <= months <= 12:
            raise DateError(f"not a span of months: {g[f'{p}firstn']!r}")
        return dt.date(year, 1, 1), _month_end(year, months), "month"
    edge = g[f"{p}yedge"] or g[f"{p}yedge2"]
    if edge:
        day = dt.date(year, 1, 1) if edge.endswith("初") else dt.date(year, 12, 31)
        return day, day, "day"
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _takes_nearest_year(g: dict[str, str | None], p: str) -> bool:
    """Months and days without a year take the nearest year; quarters, halves and edges the current."""
    return bool(g[f"{p}m"])


def _resolve_point(
    g: dict[str, str | None],
    p: str,
    published: dt.date | None,
    year: int | None = None,
    month_of: dt.date | None = None,
) -> CalendarValue:
    if g[f"{p}rd"]:
        if published is None:
            return CalendarValue(start=None, end=None, granularity="day", year_inferred=True)
        day = published + dt.timedelta(days=_RELATIVE_DAYS[g[f"{p}rd"] or ""])
        return CalendarValue(start=day, end=day, granularity="day")
    if g[f"{p}rw"]:
        if published is None:
            return CalendarValue(start=None, end=None, granularity="week", year_inferred=True)
        monday = published - dt.timedelta(days=published.weekday())
        monday += dt.timedelta(weeks=_RELATIVE_WEEKS[g[f"{p}rw"] or ""])
        if g[f"{p}wd"]:
            day = monday + dt.timedelta(days=_WEEKDAYS[g[f"{p}wd"] or ""])
            return CalendarValue(start=day, end=day, granularity="day")
        return CalendarValue(start=monday, end=monday + dt.timedelta(days=6), granularity="week")
    if g[f"{p}bd"]:
        number = _number(g[f"{p}bd"] or "")
        if month_of is not None:
            try:
                day = dt.date(month_of.year, month_of.month, number)
            except ValueError:
                pass  # 31日 after a date in November: not that month's day; the nearest rule decides
            else:
                return CalendarValue(start=day, end=day, granularity="day", year_inferred=True)
        if published is None:
            return CalendarValue(start=None, end=None, granularity="day", year_inferred=True)
        day = _nearest_day(number, published)
        return CalendarValue(start=day, end=day, granularity="day", year_inferred=True)
    if g[f"{p}medge2"]:
        if published is None:
            return CalendarValue(start=None, end=None, granularity="day", year_inferred=True)
        y, m = published.year, published.month
        day = dt.date(y, m, 1) if g[f"{p}medge2"] == "月初" else _month_end(y, m)
        return CalendarValue(start=day, end=day, granularity="day", year_inferred=True)
    if g[f"{p}rm"]:
        if published is None:
            return CalendarValue(start=None, end=None, granularity="month", year_inferred=True)
        y, m = _shift_month(published.year, published.month, _RELATIVE_MONTHS[g[f"{p}rm"] or ""])
        if g[f"{p}rmd"]:
            day = _checked_day(y, m, _number(g[f"{p}rmd"] or ""))
            return CalendarValue(start=day, end=day, granularity="day")
        edge = g[f"{p}rmedge"]
        if edge:
            day = dt.date(y, m, 1) if edge == "初" else _month_end(y, m)
            return CalendarValue(start=day, end=day, granularity="day")
        return CalendarValue(start=dt.date(y, m, 1), end=_month_end(y, m), granularity="month")
    inferred = False
    if g[f"{p}y"]:
        year, inferred = _year(g[f"{p}y"] or "", published)
    elif year is None:
        inferred = True
        if published is not None:
            year = (
                _nearest_year(lambda y: _point_span(g, p, y)[:2], published)
                if _takes_nearest_year(g, p)
                else published.year
            )
    if year is None:
        granularity = _point_span(g, p, 2000)[2]  # the shape is known even when the year is not
        return CalendarValue(start=None, end=None, granularity=granularity, year_inferred=True)
    start, end, granularity = _point_span(g, p, year)
    return CalendarValue(start=start, end=end, granularity=granularity, year_inferred=inferred)


#: How far from the publication date a date may lie and still keep the publication year.
HALF_A_YEAR = 183


def _nearest_year(span_of: object, published: dt.date) -> int:
    """The year rule: the year (publication year ±1) that puts the span nearest the publication date.

    The publication year wins whenever it puts the date within half a year: a July story's 1月份
    is this January, though next January is a few days nearer. Across the turn of the year the
    rule does its work (a story of 2019-01-05 says 12月28日 for 2018-12-28).
    """
    best, best_distance = published.year, None
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            start, end = span_of(year)  # type: ignore[operator]
        except DateError:
            continue  # 2月29日 exists in some years only
        distance = _distance(published, start, end)
        if year == published.year and distance <= HALF_A_YEAR:
            return year
        if best_distance is None or distance < best_distance:
            best, best_distance = year, distance
    return best


_FINER = ["day", "week", "ten_days", "month", "quarter", "half_year", "year"]


def _span(first: CalendarValue, last: CalendarValue) -> CalendarValue:
    if first.start is None or last.end is None:
        return CalendarValue(start=None, end=None, granularity=first.granularity, year_inferred=True)
    if last.end < first.start:
        raise DateError("a span that ends before it starts")
    granularity = min(first.granularity, last.granularity, key=_FINER.index)
    return CalendarValue(start=first.start, end=last.end, granularity=granularity, year_inferred=first.year_inferred)


def _nearest_day(day: int, published: dt.date) -> dt.date:
    """A day of the month alone (29日) is the year rule one level down: the nearest such day."""
    best: dt.date | None = None
    for shift in (0, -1, 1):
        year, month = _shift_month(published.year, published.month, shift)
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    if best is None:
        raise DateError(f"no month has a day {day}")
    return best


def _resolve_body(
    g: dict[str, str | None], published: dt.date | None, month_of: dt.date | None = None
) -> CalendarValue:
    if g["numeric"]:
        day = _numeric_date(g["numeric"] or "")
        return CalendarValue(start=day, end=day, granularity="day")
    if g["yy1"]:
        first_year, last_year = int(g["yy1"] or ""), int(g["yy2"] or "")
        if last_year < first_year:
            raise DateError("a span of years that ends before it starts")
        return CalendarValue(start=dt.date(first_year, 1, 1), end=dt.date(last_year, 12, 31), granularity="year")
    if g["sm1"]:
        return _resolve_range(
            g,
            published,
            g["sy"],
            lambda y: (dt.date(y, _month(g["sm1"] or ""), 1), _month_end(y, _month(g["sm2"] or ""))),
            "month",
        )
    if g["dm"]:

        def days(y: int) -> tuple[dt.date, dt.date]:
            month = _month(g["dm"] or "")
            return _checked_day(y, month, _number(g["dd1"] or "")), _checked_day(y, month, _number(g["dd2"] or ""))

        return _resolve_range(g, published, g["dy"], days, "day")
    first = _resolve_point(g, "a", published, month_of=month_of)
    if not any(g[k] for k in _SECOND_POINT):
        return first
    if g["by"] or g["ay"] is None or first.start is None:
        last = _resolve_point(g, "b", published, month_of=month_of)
    else:
        last = _resolve_point(g, "b", published, year=first.start.year, month_of=month_of)
    if not g["ay"] and not g["by"] and published is not None and _takes_nearest_year(g, "a"):
        # a year-less span (1月10日至2月28日) takes the year nearest as a whole
        def whole(y: int) -> tuple[dt.date, dt.date]:
            return _point_span(g, "a", y)[0], _point_span(g, "b", y)[1]

        year = _nearest_year(whole, published)
        first = _resolve_point(g, "a", published, year=year)
        last = _resolve_point(g, "b", published, year=year)
    return _span(first, last)


def _resolve_range(
    g: dict[str, str | None],
    published: dt.date | None,
    year_text: str | None,
    span_of: object,
    granularity: str,
) -> CalendarValue:
    inferred = False
    if year_text:
        year, inferred = _year(year_text, published)
    elif published is not None:
        year, inferred = _nearest_year(span_of, published), True
    else:
        year, inferred = None, True
    if year is None:
        return CalendarValue(start=None, end=None, granularity=granularity, year_inferred=True)
    start, end = span_of(year)  # type: ignore[operator]
    if end < start:
        raise DateError("a span that ends before it starts")
    return CalendarValue(start=start, end=end, granularity=granularity, year_inferred=inferred)


_NUMERIC_PARTS = re.compile(r"[-/.]")


def _numeric_date(text: str) -> dt.date:
    """2019-07-10, 2019/7/10, 2019.07.10: year, month and day, as :data:`DATE_PATTERN` matched them."""
    year, month, day = map(int, _NUMERIC_PARTS.split(text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"not a date: {text!r} (the month has no day {day})") from None


_SINCE_SUFFIXES = frozenset(("以来", "起", "开始", "至今", "后", "以后", "之后"))


def _relation(pre: str | None, suf: str | None) -> str | None:
    """自…起, …以来, 从…开始, …后 mark where a period begins; 截至, 到…为止, …前 where it ends.

    从 alone is not a relation: 从2020年底的126处增加到213处 compares two values.
    """
    if suf in _SINCE_SUFFIXES and pre not in ("截至", "截止", "截止到", "直到", "到", "至"):
        return "since"
    if pre in ("自", "自从"):
        return "since"
    if pre in ("截至", "截止", "截止到", "直到", "到", "至") or suf in ("为止", "之前", "以前", "前"):
        return "until"
    return None


def resolve_match(match: re.Match[str], published: dt.date | None, month_of: dt.date | None = None) -> CalendarValue:
    """Resolve a match of :data:`DATE_PATTERN` (raises :class:`DateError` for impossible dates).

    ``month_of`` is a day in the month of the last date the story named before this one: a day of
    the month named alone (6日上午) is in that month (ANNOTATION.md). Without it, the nearest rule.
    """
    groups = match.groupdict()
    value = _resolve_body(groups, published, month_of)
    return attrs.evolve(value, relation=_relation(groups["pre"], groups["suf"]))


def gapped_relation(text: str, end: int) -> tuple[str, int] | None:
    """A relation written after words that follow the date: 11月15日供暖前, 5月条例实施以来."""
    since = _GAPPED_SINCE.match(text, end)
    if since:
        return "since", since.end()
    until = _GAPPED_UNTIL.match(text, end)
    if until:
        return "until", until.end()
    return None


def parse_date(text: str, published: dt.date | str | None = None) -> CalendarValue:
    """Resolve one date expression (7月10日, 今年上半年, 截至6月底, 1至9月) against ``published``.

    >>> parse_date("12月28日", published=dt.date(2019, 1, 5)).start
    datetime.date(2018, 12, 28)
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    cleaned = re.sub(r"\s+", "", text)
    match = DATE_PATTERN.fullmatch(cleaned)
    if match is None or not match.group(0):
        raise DateError(f"not a date expression: {text!r}")
    return resolve_match(match, published)
