"""The cadence extractor: every statement that something is done at a regular frequency.

Chinese writes a cadence as 每 + a period and how many times (每季度至少进行一次), as a count per
period without 每 (一年两次, 一周一调度), both read in :mod:`~govmetrics.extractors.cadence_every`;
or as a period word naming a recurring activity (月调度, 按月通报, 逐季召开部署会, 周汇总、月交办), read in
:mod:`~govmetrics.extractors.cadence_named`. How a period and a count are read is
:mod:`~govmetrics.extractors.cadence_counts`; a period that divides an amount (每月收费150元) is a rate,
not a cadence (:mod:`~govmetrics.extractors.cadence_rates`).

The cadence's span runs from the period to its count, so the numbers inside (1~2次) belong to it
and never come out as metrics: the resolution step gives the span to the cadence.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import attrs

from govmetrics.extractors.cadence_activity import activity_after
from govmetrics.extractors.cadence_counts import TIMES_UNITS
from govmetrics.extractors.cadence_every import every_period
from govmetrics.extractors.cadence_named import named_by_period
from govmetrics.hookspecs import hookimpl
from govmetrics.lexicon import Lexicons
from govmetrics.models import Article, Cadence

__all__ = ["TIMES_UNITS", "find_cadences", "govmetrics_extract"]


def find_cadences(text: str, lexicons: Lexicons) -> Iterator[Cadence]:
    """Every cadence in ``text`` (an ``Article.text``)."""
    found = list(every_period(text, lexicons))
    spans = sorted((c.span.start, c.span.end) for c in found)
    for cadence in found:
        deed = None if cadence.activity else activity_after(text, cadence)
        yield cadence if deed is None else attrs.evolve(cadence, activity=deed)
    for cadence in named_by_period(text, lexicons):
        at = bisect.bisect_right(spans, (cadence.span.start, len(text) + 1))
        before = spans[at - 1] if at else None
        after = spans[at] if at < len(spans) else None
        if (before and before[1] > cadence.span.start) or (after and after[0] < cadence.span.end):
            continue  # 每月调度 was read from its 每
        yield cadence


@hookimpl
def govmetrics_extract(article: Article, lexicons: Lexicons) -> Iterator[Cadence]:
    return find_cadences(article.text, lexicons)
