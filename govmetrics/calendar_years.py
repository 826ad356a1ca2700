"""The year rule: which year a date written without one is in, and the month arithmetic it needs.

The year rule (ANNOTATION.md): a date written without a year takes the year that puts it nearest
the publication date. Published 2019-01-05, 12月28日 is 2018-12-28; published 2019-12-30, 1月3日 is
2020-01-03. The publication year is kept while it puts the date within half a year, as a reader
would: a July story's 1月份 is this January, not the next one a fortnight nearer. A month, a
ten-day period or a span of months follows the same rule (published 2021-01-06, 12月份 is December
2020); a day of the month named alone (29日) follows it one level down, taking the nearest month.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt

from govmetrics.errors import DateError

__all__ = ["HALF_A_YEAR", "days_after", "month_end", "nearest_day", "nearest_year", "shift_month"]


def month_end(year: int, month: int) -> dt.date:
    """The last day of the month (月底, a span that ends in the month)."""
    return dt.date(year, month, _stdlib_calendar.monthrange(year, month)[1])


def days_after(day: dt.date, days: int) -> dt.date | None:
    """The day ``days`` after ``day`` (before, when negative), or ``None`` past the calendar's ends."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """The month ``by`` months away, across the turn of the year (上月 in January is last December)."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _distance(published: dt.date, start: dt.date, end: dt.date) -> int:
    if start <= published <= end:
        return 0
    return min(abs((start - published).days), abs((end - published).days))


#: How far from the publication date a date may lie and still keep the publication year.
HALF_A_YEAR = 183


def nearest_year(span_of: object, published: dt.date) -> int:
    """The year rule: the year (publication year ±1) that puts the span nearest the publication date.

    The publication year wins whenever it puts the date within half a year: a July story's 1月份
    is this January, though next January is a few days nearer. Across the turn of the year the
    rule does its work (a story of 2019-01-05 says 12月28日 for 2018-12-28).
    """
    best, best_distance = published.year, None
    for year in (published.year, published.year - 1, published.year + 1):
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            continue  # no year before 1 or after 9999 to be nearest in
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


def nearest_day(day: int, published: dt.date) -> dt.date:
    """A day of the month alone (29日) is the year rule one level down: the nearest such day."""
    best: dt.date | None = None
    for shift in (0, -1, 1):
        year, month = shift_month(published.year, published.month, shift)
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    if best is None:
        raise DateError(f"no month has a day {day}")
    return best
