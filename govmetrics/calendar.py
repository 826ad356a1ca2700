"""The one date parser: date expressions resolved against the publication date.

Every extractor that reads a date (the date extractor, the meeting extractor) goes through
:data:`DATE_PATTERN` and :func:`resolve_match`, or :func:`parse_date` for a single expression.
This module resolves a match; the parts it uses each have a module of their own, and their public
names are importable from here too:

- :mod:`govmetrics.calendar_pattern`: :data:`DATE_PATTERN`, the one regex for every date form;
- :mod:`govmetrics.calendar_years`: the year rule, :data:`HALF_A_YEAR`;
- :mod:`govmetrics.calendar_points`: the days a period covers in a given year, numeric dates;
- :mod:`govmetrics.calendar_relations`: ``since`` and ``until``, :func:`gapped_relation`.

The year rule (ANNOTATION.md): a date written without a year takes the year that puts it nearest
the publication date (published 2019-01-05, 12月28日 is 2018-12-28), the publication year kept
while it puts the date within half a year. A month, a ten-day period or a span of months follows
that rule; a quarter, a half-year, 年初/年底 or 前N个月 with no year take the publication year,
since news speaks of those for the current year. 今年/去年/明年, 本月/上月 and
昨天/今天 count from the publication date. When the publication date is unknown, such dates keep
``start`` and ``end`` empty and say ``year_inferred``: a guess would be worse than a gap. So do
dates counted past the calendar's ends (去年 of a story dated 0001-01-01).

A span takes its finer end's granularity. A part of day or a clock time (7月13日上午9时30分)
belongs to the date's text and leaves it a day.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from govmetrics.calendar_pattern import (
    DATE_PATTERN,
    RELATIVE_DAYS,
    RELATIVE_MONTHS,
    RELATIVE_WEEKS,
    SECOND_POINT,
    date_matches,
)
from govmetrics.calendar_points import (
    checked_day,
    named_month,
    named_year,
    numeric_date,
    point_span,
    takes_nearest_year,
    whole_number,
)
from govmetrics.calendar_relations import gapped_relation, relation_of
from govmetrics.calendar_years import HALF_A_YEAR, month_end, nearest_day, nearest_year, shift_month
from govmetrics.documents import parse_published
from govmetrics.errors import DateError

__all__ = [
    "DATE_PATTERN",
    "HALF_A_YEAR",
    "CalendarValue",
    "DateError",
    "date_matches",
    "gapped_relation",
    "parse_date",
    "resolve_match",
]


@attrs.frozen(kw_only=True)
class CalendarValue:
    """A resolved date expression: first and last day (inclusive), or ``None`` when unresolvable."""

    start: dt.date | None
    end: dt.date | None
    granularity: str
    year_inferred: bool = False
    relation: str | None = None


_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}  # days after Monday


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
        day = published + dt.timedelta(days=RELATIVE_DAYS[g[f"{p}rd"] or ""])
        return CalendarValue(start=day, end=day, granularity="day")
    if g[f"{p}rw"]:
        if published is None:
            return CalendarValue(start=None, end=None, granularity="week", year_inferred=True)
        monday = published - dt.timedelta(days=published.weekday())
        monday += dt.timedelta(weeks=RELATIVE_WEEKS[g[f"{p}rw"] or ""])
        if g[f"{p}wd"]:
            day = monday + dt.timedelta(days=_WEEKDAYS[g[f"{p}wd"] or ""])
            return CalendarValue(start=day, end=day, granularity="day")
        return CalendarValue(start=monday, end=monday + dt.timedelta(days=6), granularity="week")
    if g[f"{p}bd"]:
        number = whole_number(g[f"{p}bd"] or "")
        if month_of is not None:
            try:
                day = dt.date(month_of.year, month_of.month, number)
            except ValueError:
                pass  # 31日 after a date in November: not that month's day; the nearest rule decides
            else:
                return CalendarValue(start=day, end=day, granularity="day", year_inferred=True)
        if published is None:
            return CalendarValue(start=None, end=None, granularity="day", year_inferred=True)
        day = nearest_day(number, published)
        return CalendarValue(start=day, end=day, granularity="day", year_inferred=True)
    if g[f"{p}medge2"]:
        if published is None:
            return CalendarValue(start=None, end=None, granularity="day", year_inferred=True)
        y, m = published.year, published.month
        day = dt.date(y, m, 1) if g[f"{p}medge2"] == "月初" else month_end(y, m)
        return CalendarValue(start=day, end=day, granularity="day", year_inferred=True)
    if g[f"{p}rm"]:
        if published is None:
            return CalendarValue(start=None, end=None, granularity="month", year_inferred=True)
        y, m = shift_month(published.year, published.month, RELATIVE_MONTHS[g[f"{p}rm"] or ""])
        if g[f"{p}rmd"]:
            day = checked_day(y, m, whole_number(g[f"{p}rmd"] or ""))
            return CalendarValue(start=day, end=day, granularity="day")
        edge = g[f"{p}rmedge"]
        if edge:
            day = dt.date(y, m, 1) if edge == "初" else month_end(y, m)
            return CalendarValue(start=day, end=day, granularity="day")
        return CalendarValue(start=dt.date(y, m, 1), end=month_end(y, m), granularity="month")
    inferred = False
    if g[f"{p}y"]:
        year, inferred = named_year(g[f"{p}y"] or "", published)
    elif year is None:
        inferred = True
        if published is not None:
            year = (
                nearest_year(lambda y: point_span(g, p, y)[:2], published)
                if takes_nearest_year(g, p)
                else published.year
            )
    if year is None:
        granularity = point_span(g, p, 2000)[2]  # the shape is known even when the year is not
        return CalendarValue(start=None, end=None, granularity=granularity, year_inferred=True)
    start, end, granularity = point_span(g, p, year)
    return CalendarValue(start=start, end=end, granularity=granularity, year_inferred=inferred)


_FINER = ["day", "week", "ten_days", "month", "quarter", "half_year", "year"]


def _span(first: CalendarValue, last: CalendarValue) -> CalendarValue:
    if first.start is None or last.end is None:
        return CalendarValue(start=None, end=None, granularity=first.granularity, year_inferred=True)
    if last.end < first.start:
        raise DateError("a span that ends before it starts")
    granularity = min(first.granularity, last.granularity, key=_FINER.index)
    return CalendarValue(start=first.start, end=last.end, granularity=granularity, year_inferred=first.year_inferred)


def _resolve_body(
    g: dict[str, str | None], published: dt.date | None, month_of: dt.date | None = None
) -> CalendarValue:
    if g["numeric"]:
        day = numeric_date(g["numeric"] or "")
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
            lambda y: (dt.date(y, named_month(g["sm1"] or ""), 1), month_end(y, named_month(g["sm2"] or ""))),
            "month",
        )
    if g["dm"]:

        def days(y: int) -> tuple[dt.date, dt.date]:
            month = named_month(g["dm"] or "")
            return checked_day(y, month, whole_number(g["dd1"] or "")), checked_day(
                y, month, whole_number(g["dd2"] or "")
            )

        return _resolve_range(g, published, g["dy"], days, "day")
    first = _resolve_point(g, "a", published, month_of=month_of)
    if not any(g[k] for k in SECOND_POINT):
        return first
    if g["by"] or g["ay"] is None or first.start is None:
        last = _resolve_point(g, "b", published, month_of=month_of)
    else:
        last = _resolve_point(g, "b", published, year=first.start.year, month_of=month_of)
    if not g["ay"] and not g["by"] and published is not None and takes_nearest_year(g, "a"):
        # a year-less span (1月10日至2月28日) takes the year nearest as a whole
        def whole(y: int) -> tuple[dt.date, dt.date]:
            return point_span(g, "a", y)[0], point_span(g, "b", y)[1]

        year = nearest_year(whole, published)
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
        year, inferred = named_year(year_text, published)
    elif published is not None:
        year, inferred = nearest_year(span_of, published), True
    else:
        year, inferred = None, True
    if year is None:
        return CalendarValue(start=None, end=None, granularity=granularity, year_inferred=True)
    start, end = span_of(year)  # type: ignore[operator]
    if end < start:
        raise DateError("a span that ends before it starts")
    return CalendarValue(start=start, end=end, granularity=granularity, year_inferred=inferred)


def resolve_match(match: re.Match[str], published: dt.date | None, month_of: dt.date | None = None) -> CalendarValue:
    """Resolve a match of :data:`DATE_PATTERN` (raises :class:`DateError` for impossible dates).

    ``month_of`` is a day in the month of the last date the story named before this one: a day of
    the month named alone (6日上午) is in that month (ANNOTATION.md). Without it, the nearest rule.
    """
    groups = match.groupdict()
    try:
        value = _resolve_body(groups, published, month_of)
    except DateError:
        raise
    except (OverflowError, ValueError):
        # Counted from a publication date at the calendar's ends (去年 of 0001-01-01, 明天 of
        # 9999-12-31), the date falls outside what a date can hold: unresolved, as when the
        # publication date is unknown, rather than a failure.
        value = _resolve_body(groups, None)
    return attrs.evolve(value, relation=relation_of(groups["pre"], groups["suf"]))


def parse_date(text: str, published: dt.date | str | None = None) -> CalendarValue:
    """Resolve one date expression (7月10日, 今年上半年, 截至6月底, 1至9月) against ``published``.

    >>> parse_date("12月28日", published=dt.date(2019, 1, 5)).start
    datetime.date(2018, 12, 28)
    """
    published = parse_published(published)
    cleaned = re.sub(r"\s+", "", text)
    match = DATE_PATTERN.fullmatch(cleaned)
    if match is None or not match.group(0):
        raise DateError(f"not a date expression: {text!r}")
    return resolve_match(match, published)
