"""Calendar points in a known year: the first and last day a written period covers, and its granularity.

Granularity: a day (月底 and 年底 are the last day, 年初 the first), a ten-day period (上旬 1–10,
中旬 11–20, 下旬 21–end), a month, a quarter, a half-year or a year. The year comes from the
resolver (:mod:`govmetrics.calendar`): written, counted from the publication date, or given by the
year rule (:mod:`govmetrics.calendar_years`). Numbers are read by the one numeral parser; a day the
month does not have (2019-02-30, 2月30日) is not a date.

Numeric dates (2019-07-10, 2019/7/10, 2019.07.10) are read directly. (dateparser, which reads them
too, costs a third of a second the first time in every process, for its time-zone patterns: a
corpus run would pay it once a worker. It reads the publication dates of corpora, whose forms
vary: see :func:`govmetrics.documents.parse_published`.)
"""

from __future__ import annotations

import datetime as dt
import re

from govmetrics.calendar_pattern import RELATIVE_YEARS
from govmetrics.calendar_years import month_end
from govmetrics.errors import DateError, NumeralError
from govmetrics.numerals import parse_number

__all__ = [
    "checked_day",
    "named_month",
    "named_year",
    "numeric_date",
    "point_span",
    "takes_nearest_year",
    "whole_number",
]

_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def whole_number(text: str) -> int:
    """A year, month, day or week number, in digits or Chinese numerals; a fraction is no date."""
    try:
        value = parse_number(text)
    except NumeralError as exc:
        raise DateError(f"not a calendar number: {text!r}") from exc
    if not isinstance(value, int):
        raise DateError(f"not a whole calendar number: {text!r}")
    return value


def named_year(text: str, published: dt.date | None) -> tuple[int | None, bool]:
    """The year a year expression names, and whether it was taken from the publication date."""
    if text in RELATIVE_YEARS:
        return (None, True) if published is None else (published.year + RELATIVE_YEARS[text], False)
    digits = text.rstrip("年")
    year = int(digits) if digits.isdigit() else whole_number(digits)
    if not 1800 <= year <= 2199:
        raise DateError(f"not a plausible year: {text!r}")
    return year, False


def checked_day(year: int, month: int, day: int) -> dt.date:
    """The day, or :class:`DateError` when the month has no such day (2月30日).

    A year the calendar cannot hold (year 0, counted back from 0001-01-01) is no :class:`DateError`
    but an ``OverflowError``: the expression is a date, only not one a ``date`` can hold.
    """
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"year {year} is outside the calendar")
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(f"no such day: {year}-{month}-{day}") from exc


def named_month(text: str) -> int:
    """A month number; 元 (元月) is January."""
    month = 1 if text == "元" else whole_number(text)
    if not 1 <= month <= 12:
        raise DateError(f"no such month: {text!r}")
    return month


def point_span(g: dict[str, str | None], p: str, year: int) -> tuple[dt.date, dt.date, str]:
    """(start, end, granularity) of point ``p`` in ``year``."""
    if g[f"{p}m"]:
        month = named_month(g[f"{p}m"] or "")
        if g[f"{p}d"]:
            day = checked_day(year, month, whole_number(g[f"{p}d"] or ""))
            return day, day, "day"
        if g[f"{p}ten"]:
            ten = g[f"{p}ten"] or ""
            first = {"上": 1, "中": 11, "下": 21}[ten[0]]  # 中下旬 runs from the 11th to the end
            last = {"上": 10, "中": 20, "下": 0}[ten[-2]]
            end = dt.date(year, month, last) if last else month_end(year, month)
            return dt.date(year, month, first), end, "ten_days"
        edge = g[f"{p}medge"]
        if edge:
            day = dt.date(year, month, 1) if edge == "初" else month_end(year, month)
            return day, day, "day"
        return dt.date(year, month, 1), month_end(year, month), "month"
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
            day = dt.date(year, 3 * last - 2, 1) if edge == "初" else month_end(year, 3 * last)
            return day, day, "day"
        return dt.date(year, 3 * first - 2, 1), month_end(year, 3 * last), "quarter"
    if g[f"{p}wk"]:
        week = whole_number(g[f"{p}wk"] or "")
        try:
            monday = dt.date.fromisocalendar(year, week, 1)
        except ValueError as exc:
            raise DateError(f"no week {week} in {year}") from exc
        return monday, monday + dt.timedelta(days=6), "week"
    if g[f"{p}firstn"]:
        months = whole_number((g[f"{p}firstn"] or "")[1:-2])
        if not 1 <= months <= 12:
            raise DateError(f"not a span of months: {g[f'{p}firstn']!r}")
        return dt.date(year, 1, 1), month_end(year, months), "month"
    edge = g[f"{p}yedge"] or g[f"{p}yedge2"]
    if edge:
        day = dt.date(year, 1, 1) if edge.endswith("初") else dt.date(year, 12, 31)
        return day, day, "day"
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def takes_nearest_year(g: dict[str, str | None], p: str) -> bool:
    """Months and days without a year take the nearest year; quarters, halves and edges the current."""
    return bool(g[f"{p}m"])


_NUMERIC_PARTS = re.compile(r"[-/.]")


def numeric_date(text: str) -> dt.date:
    """2019-07-10, 2019/7/10, 2019.07.10: year, month and day, in the order the date pattern matched them."""
    year, month, day = map(int, _NUMERIC_PARTS.split(text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"not a date: {text!r} (the month has no day {day})") from None
