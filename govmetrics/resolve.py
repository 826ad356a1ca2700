"""One place decides what a span of text is.

Extractors work independently, so two can claim the same characters: a date extractor reads
7月10日 while a plugin reads a number in it, a cadence holds 每月至少开展1~2次 and 1~2次 looks like a
metric. The rules, applied to every run whatever the plugins:

* a number inside a date or a cadence is not a metric: dates and cadences own their spans;
* a date inside a cadence (每月15日, 每年3月) is the cadence's anchor, not a date of its own;
* the same record found twice (two plugins, same kind, span and fields) is kept once;
* records come out in text order.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from govmetrics.models import Cadence, DateMention, Metric, Record, Span

#: Record types whose spans no metric may overlap.
SPAN_OWNERS: tuple[type[Record], ...] = (DateMention, Cadence)


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
    owned = _Cover(r.span for r in records if isinstance(r, SPAN_OWNERS))
    cadences = _Cover(r.span for r in records if isinstance(r, Cadence))
    kept: list[Record] = []
    seen: set[Record] = set()
    for record in sorted(records, key=lambda r: (r.span.start, r.span.end, r.kind)):
        if isinstance(record, Metric) and owned.overlaps(record.span):
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
