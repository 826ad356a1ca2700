"""Metrics read together: a bound or qualifier shared along a list, a unit shared by numbers listed, a range.

A lower bound and an upper bound written one after the other on the same unit (2万元以上10万元以下,
不低于60%不高于80%) are one range. The number alone or with 以上 (2名或者2名以上) is one lower
bound. A bound written once before a list (不低于…的150%、200%、300%) bounds each listed number; after
分别, a qualifier written once after the list's last number (分别增长4.5%、5.5%左右) qualifies each,
and numbers listed before the last one share its unit and magnitude (分别为3.5、4.2和5.1万元).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from govmetrics.errors import NumeralError
from govmetrics.extractors.metric_patterns import SHARE_UNITS, MetricLexicon, canonical_unit
from govmetrics.models import Metric, Span
from govmetrics.numerals import CN_NUMERAL_CHARS, parse_amount

# 分别增长4.5%、5.5%左右: after 分别 (respectively), a qualifier written once after the last number
# of a list (左右, 以上) qualifies each number listed, as the unit written once there does.
_RESPECTIVELY_BEFORE = re.compile(r"分别[\u4e00-\u9fff]{0,12}$")


def share_trailing_qualifier(text: str, metrics: list[Metric]) -> None:
    """Give the numbers listed after 分别 the qualifier written after the list's last number."""
    for at in range(len(metrics) - 1, 0, -1):
        last = metrics[at]
        if last.approx is None or last.text[:1] not in _NUMERAL_STARTS:
            continue  # no qualifier, or one written before the number (至少5%), which is its own
        first = at
        while (
            first > 0
            and metrics[first - 1].approx is None
            and metrics[first - 1].unit == last.unit
            and metrics[first - 1].span.end + 1 == metrics[first].span.start
            and text[metrics[first - 1].span.end] in _LIST_JOINS
        ):
            first -= 1
        if first < at and _RESPECTIVELY_BEFORE.search(
            text, max(0, metrics[first].span.start - 14), metrics[first].span.start
        ):
            for listed in range(first, at):
                metrics[listed] = attrs.evolve(metrics[listed], approx=last.approx)


# 不低于本人工资标准的150%、200%、300%支付: a bound written once before a list bounds each number
# listed right after it on the same unit (a list of plain numbers, nothing else between them).
BOUNDS = frozenset(("at_least", "at_most", "more_than", "less_than"))
_LIST_JOINS = frozenset("、和及或")


def carries_to(text: str, bounded: Metric, metric: Metric) -> bool:
    """Whether ``metric`` is the next item of a list that starts with the bounded ``bounded``."""
    return (
        metric.span.start == bounded.span.end + 1
        and text[bounded.span.end] in _LIST_JOINS
        and metric.unit == bounded.unit
        and bounded.high is None
    )


# 分别提高0.6和1.2个百分点, 分别比上年同期提高0.6和1.2个百分点, 分别为3.5、4.2和5.1万元: after 分别
# (respectively), a comparison and its verb, numbers listed before the last one share its unit and
# magnitude, written once at the end of the list.
_LISTED_BEFORE = re.compile(r"分别[\u4e00-\u9fff]{0,12}?((?:\d+(?:\.\d+)?[和、与及])+)$")
_LISTED_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TRAILING_MAGNITUDE = re.compile(r"[十百千万亿]*$")


def listed_before(text: str, match: re.Match[str], start: int, lex: MetricLexicon) -> list[Metric]:
    """The numbers listed before a metric after 分别, each with the metric's unit and magnitude."""
    if text[start - 1 : start] not in ("和", "、", "与", "及") or not match.group("num")[0].isdigit():
        return []
    listed = _LISTED_BEFORE.search(text, max(0, start - 40), start)
    if listed is None or match.group("num2") or match.group("pre") or match.group("gapped"):
        return []
    percent = match.group("percent")
    unit = SHARE_UNITS[percent] if percent and not match.group("unit") else canonical_unit(lex, match.group("unit"))
    # the magnitude written after the last number: in its Arabic numeral (5.1万) or after it
    magnitude = _TRAILING_MAGNITUDE.search(match.group("num")).group() + (match.group("mag") or "")  # type: ignore[union-attr]
    metrics = []
    for number in _LISTED_NUMBER.finditer(text, listed.start(1), listed.end(1)):
        try:
            amount = parse_amount(number.group() + magnitude)
        except NumeralError:
            return []
        metrics.append(
            Metric(
                text=number.group(),
                span=Span(start=number.start(), end=number.end()),
                value=amount.value,
                high=None,
                unit=unit,
                approx=None,
            )
        )
    return metrics


# 满十年和十年以上, 满18周岁或18周岁以上: the same bound written twice, in two words, joined by 和 or 或;
# 2名或者2名以上 is the number itself or more, so one lower bound as well (以上 includes the number,
# and the plain number before it adds nothing to that)
# (不得低于甲的80%或者不得低于乙的80% bounds two quantities: each bound is written before its own)
_SAME_BOUND_JOINED = re.compile(r"和|或|或者|及")
_NUMERAL_STARTS = frozenset("0123456789０１２３４５６７８９" + CN_NUMERAL_CHARS)
_LOWER_BOUNDS = frozenset(("at_least", "more_than"))
_UPPER_BOUNDS = frozenset(("at_most", "less_than"))
# What may join the two bounds of one range: nothing (2万元以上10万元以下), a pause or 且.
_BETWEEN_BOUNDS = re.compile(r"[、，,]?(?:且|并且|但)?")


def pair_bounds(text: str, metrics: list[Metric]) -> Iterator[Metric]:
    """Join a lower bound and the upper bound right after it on the same unit into one range.

    Rules and fines bound one quantity from both sides: 2万元以上10万元以下, 5万元以上不满10万元,
    不低于60%不高于80%. That is one amount between the two numbers, as 1~2次 is, so it is one
    metric with ``high`` and no ``approx``; each half read alone would claim an open bound the
    sentence does not make.
    """
    at = 0
    while at < len(metrics):
        low = metrics[at]
        high = metrics[at + 1] if at + 1 < len(metrics) else None
        if (
            high is not None
            and low.approx in _LOWER_BOUNDS
            and high.approx in _UPPER_BOUNDS
            and low.high is None
            and high.high is None
            and low.unit == high.unit
            and high.value > low.value
            and _BETWEEN_BOUNDS.fullmatch(text, low.span.end, high.span.start)
        ):
            yield attrs.evolve(
                low,
                text=text[low.span.start : high.span.end],
                span=Span(start=low.span.start, end=high.span.end),
                high=high.value,
                approx=None,
            )
            at += 2
            continue
        if (
            high is not None
            and low.approx in (None, "at_least")
            and high.approx == "at_least"
            and (low.value, low.high, low.unit) == (high.value, high.high, high.unit)
            and _SAME_BOUND_JOINED.fullmatch(text, low.span.end, high.span.start)
            and high.text[:1] in _NUMERAL_STARTS  # the second bound written after its number: 十年以上
        ):
            yield attrs.evolve(
                low,
                text=text[low.span.start : high.span.end],
                span=Span(start=low.span.start, end=high.span.end),
                approx="at_least",
            )
            at += 2
            continue
        yield low
        at += 1
