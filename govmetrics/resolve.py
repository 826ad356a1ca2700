"""One place decides what a span of text is.

Extractors work independently, so two can claim the same characters: a date extractor reads
7月10日 while a plugin reads a number in it, a cadence holds 每月至少开展1~2次 and 1~2次 looks like a
metric. The rules, applied to every run whatever the plugins:

* a number inside a date is not a metric (a date wholly inside a metric's words, as in the bound
  不得低于职工上一年度月平均工资的5%, names what the share is of and leaves the metric be), nor is
  one inside a cadence that counts its times or its period (the 1~2次 of 每月至少开展1~2次, the
  两个月 of 每两个月): dates and cadences own their spans. What the cadence's activity counts
  stays a metric (每月初对全区326家食堂开展一次: 326家);
* a date inside a cadence (每月15日, 每年3月) is the cadence's anchor, not a date of its own;
* the same record found twice (two plugins, same kind, span and fields) is kept once;
* records come out in text order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from govmetrics.extractors.cadences import TIMES_UNITS
from govmetrics.models import Cadence, DateMention, Metric, Record, Span

#: Units of a metric that is a cadence's own count of times or its period, not what it counts.
CADENCE_UNITS = frozenset(TIMES_UNITS) | {"天", "日", "周", "个月", "月", "季度", "年", "小时", "分钟"}


class _Cover:
    """The union of some spans, as sorted disjoint intervals, for overlap tests in log time."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for span in sorted(spans):
            if merged and span.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], span.end)
            else:
                merged.append([span.start, span.end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlaps(self, span: Span) -> bool:
        at = bisect.bisect_left(self.starts, span.end) - 1  # the last interval starting before span ends
        return at >= 0 and self.ends[at] > span.start

    def contains(self, span: Span) -> bool:
        at = bisect.bisect_right(self.starts, span.start) - 1
        return at >= 0 and self.ends[at] >= span.end


def resolve(records: Iterable[Record]) -> list[Record]:
    """Drop what another record owns and exact repeats; return the rest in text order."""
    records = list(records)
    dates = _Cover(r.span for r in records if isinstance(r, DateMention))
    cadences = _Cover(r.span for r in records if isinstance(r, Cadence))
    in_order = sorted((r for r in records if isinstance(r, Cadence)), key=lambda c: c.span.start)
    starts = [c.span.start for c in in_order]
    kept: list[Record] = []
    seen: set[Record] = set()
    for record in sorted(records, key=lambda r: (r.span.start, r.span.end, r.kind)):
        if isinstance(record, Metric) and (
            _date_in_number(dates, record.span)
            or (cadences.overlaps(record.span) and not _counted_by_activity(record, in_order, starts))
        ):
            continue
        if isinstance(record, DateMention) and cadences.contains(record.span):
            continue
        try:
            if record in seen:
                continue
            seen.add(record)
        except TypeError:  # a plugin's record type that is not hashable is kept as it is
            pass
        kept.append(record)
    return kept


def _date_in_number(dates: _Cover, span: Span) -> bool:
    """Whether a date holds part of a metric's number or unit: it overlaps the metric and reaches one
    of its ends. A date strictly inside lies in the words between a bound and its number
    (不超过上年度…的30%), which name what the number is of."""
    return dates.overlaps(span) and not _strictly_inside(dates, span)


def _strictly_inside(dates: _Cover, span: Span) -> bool:
    """Every date overlapping ``span`` lies within it, clear of both ends."""
    at = bisect.bisect_left(dates.starts, span.end) - 1
    while at >= 0 and dates.ends[at] > span.start:
        if dates.starts[at] <= span.start or dates.ends[at] >= span.end:
            return False
        at -= 1
    return True


#: A count of times, which a cadence's span ends with.
_TIMES = re.compile(rf"[\d一两二三四五六七八九十]+(?:{'|'.join(TIMES_UNITS)})")


def _counted_by_activity(metric: Metric, cadences: list[Cadence], starts: list[int]) -> bool:
    """A metric inside a cadence, of what is done rather than how often: the cadence's own count of
    times still follows it (每周为200名老人送餐一次), and it is neither a count of times nor a
    period (每天早中晚三个时段 counts the times itself)."""
    at = bisect.bisect_right(starts, metric.span.start) - 1
    if at < 0 or metric.unit in CADENCE_UNITS:
        return False
    cadence = cadences[at]
    if cadence.span.end < metric.span.end:
        return False
    return bool(_TIMES.search(cadence.text, metric.span.end - cadence.span.start))
