"""The bound or rounding a metric candidate's qualifiers give it (its ``approx``).

How a metric is bounded (the qualifiers lexicon): 以上, 以下 and 以内 include the number itself,
as Chinese law defines them (Civil Code art. 1259: 以上、以下、以内 包括本数) and statistics use them
(规模以上), so 78%以上 is at_least 78 and 3岁以下 at_most 3; 超过 and 不满 stay strict. A negated
bound reads as its meaning (不得超过 at_most, 不得少于 at_least). 满 before a length of time or an
age is a threshold reached, at_least (工作年限满十年的, 已满六十周岁; 未满 and 不满 are less_than),
and a bound may stand before what a share is of (不得低于职工上一年度月平均工资的5%; what it is of
may be a long 的-phrase, within its clause). A rounding after the number (左右) wins over a
comparison before it. How bounds are shared along a list and paired into a range is
:mod:`govmetrics.extractors.metric_lists`.
"""

from __future__ import annotations

import re

from govmetrics.extractors.metric_patterns import MetricLexicon, canonical_unit

# 满 bounds a length of time or an age only (满20年, 已满六十周岁): 积分满100分 is a score held.
_FULL_UNITS = frozenset(("年", "月", "日", "天", "周", "小时", "工作日", "岁", "周岁"))


def approx_of(
    match: re.Match[str], lex: MetricLexicon, more_than: bool, peak: bool = False, bare: bool = False
) -> str | None:
    """The bound or rounding the match's qualifiers give; a superlative that reports a peak
    reached (``peak``, see :func:`observed_peak`) gives none, nor does a qualifier before the
    number that bounds no such unit (``bare``, see :func:`full_of_other`).

    A rounding written after the number (左右, 上下) qualifies the number itself and wins over a
    comparison before it: in 低于13%左右的预期目标, 低于 compares something else with a target of
    about 13%, it does not bound the 13."""
    post = match.group("post")
    if post and lex.approx[post] == "about":
        return "about"
    if match.group("pre") and not bare:
        return lex.approx[match.group("pre")]
    if match.group("gapped") and not peak:
        return lex.approx[match.group("gapped")]
    if match.group("of"):
        return lex.approx[match.group("of")]
    if match.group("post"):
        return lex.approx[match.group("post")]
    if more_than or match.group("more3") or match.group("gemore"):
        return "more_than"
    return None


# 最高 / 最低 (and 最多 / 最少) before a number bound it only when what follows says a cap or a floor
# (最高为, 最高可达, 最高不超过, 最多可获得): a rule's or a plan's limit. Before 达 or 达到 with no
# modal between, the sentence reports a value that was reached, the peak of a series
# (最高单日达到587件, 单日受理量最高达548件): a level, no bound.
_SUPERLATIVES = frozenset(("最高", "最低", "最多", "最少"))
_REACHED = re.compile(r"[^可能将应须要不得]*达到?")


def observed_peak(text: str, match: re.Match[str]) -> bool:
    """Whether a superlative before the number reports a peak reached rather than a limit."""
    word = match.group("gapped")
    if word not in _SUPERLATIVES:
        return False
    return _REACHED.fullmatch(text, match.end("gapped"), match.start("num")) is not None


# After 满 and its number, what makes the threshold a moment reached, not a bound: 年满70岁后可兑换,
# 满一年时, 满三年之日 (the time from which something holds; the number is a plain age or length).
_MOMENT_AFTER = re.compile(r"[后时起]|以后|之后|之日|当日")


def full_of_other(text: str, match: re.Match[str], lex: MetricLexicon) -> bool:
    """满 that bounds nothing: before a unit that is neither a length of time nor an age (积分满100分
    holds a score), or naming the moment a threshold is reached (年满70岁后)."""
    if match.group("pre") != "满":
        return False
    return (
        canonical_unit(lex, match.group("unit") or "") not in _FULL_UNITS
        or _MOMENT_AFTER.match(text, match.end()) is not None
    )


def bound_before(match: re.Match[str], bare: bool, peak: bool) -> bool:
    """Whether the match's bound is written before its number (至少3人, 不低于…的150%), not after."""
    pre, gapped, of, post = match.group("pre", "gapped", "of", "post")
    return bool((pre and not bare) or (gapped and not peak) or of) and not post
