"""The metric extractor: every cardinal number that counts or measures something, with its unit.

One compiled pattern, built from the lexicons, finds candidates in a single pass
(:mod:`~govmetrics.extractors.metric_patterns`); each candidate is then read by the shared numeral
parser, checked against the exclusions of ANNOTATION.md (:mod:`~govmetrics.extractors.metric_exclusions`)
and given the bound its qualifiers write (:mod:`~govmetrics.extractors.metric_bounds`); last, the
metrics of one list share their bound, qualifier or unit, and two bounds of one quantity become a
range (:mod:`~govmetrics.extractors.metric_lists`).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from govmetrics.errors import NumeralError
from govmetrics.extractors.metric_bounds import approx_of, bound_before, full_of_other, observed_peak
from govmetrics.extractors.metric_exclusions import is_excluded
from govmetrics.extractors.metric_lists import BOUNDS, carries_to, listed_before, pair_bounds, share_trailing_qualifier
from govmetrics.extractors.metric_meaning import describe
from govmetrics.extractors.metric_patterns import SHARE_UNITS, canonical_unit, metric_lexicon
from govmetrics.extractors.rule_texts import is_rule_text
from govmetrics.hookspecs import hookimpl
from govmetrics.lexicon import Lexicons
from govmetrics.models import Article, Metric, Span
from govmetrics.numerals import parse_amount

__all__ = ["find_metrics", "govmetrics_extract"]


def find_metrics(text: str, lexicons: Lexicons) -> Iterator[Metric]:
    """Every metric in ``text`` (an already cleaned ``Article.text``), in text order."""
    lex = metric_lexicon(lexicons)
    spans = lexicons.set_phrase_spans(text)
    found: list[Metric] = []
    carried: Metric | None = None  # the bounded metric whose bound a list after it shares
    for match in lex.pattern.finditer(text):
        unit, percent = match.group("unit", "percent")
        if not unit and not percent:
            continue
        if is_excluded(text, match, lex, spans):
            continue
        num, num2, more, mag, more2, unit1, half, half2, per, gapped = match.group(
            "num", "num2", "more", "mag", "more2", "unit1", "half", "half2", "per", "gapped"
        )
        if unit1 and (not unit or lex.canonical[unit1] != canonical_unit(lex, unit)):
            continue  # 3个至5名: two units, not one range
        expression = f"{num}~{num2}" if num2 else num
        expression += (more or "") + (mag or "") + (more2 or "")
        try:
            amount = parse_amount(expression)
        except NumeralError:
            continue
        value, high = amount.value, amount.high
        if half or half2:
            value = value + Decimal("0.5")
        end = match.end()
        # 最高为每年每平方米三元: the record starts at the amount; 每年 belongs to the rate, and the
        # cadence extractor may read it as a period, which would then own the whole span
        # 最高单日达到587件: a peak reached is a level, and the record starts at the amount too
        peak = bool(gapped) and observed_peak(text, match)
        bare = full_of_other(text, match, lex)
        start = match.start("num") - (3 if percent else 0) if per or peak or bare else match.start()
        found.extend(listed_before(text, match, start, lex))
        metric = Metric(
            text=text[start:end],
            span=Span(start=start, end=end),
            value=value,
            high=high,
            unit=SHARE_UNITS[percent] if percent and not unit else canonical_unit(lex, unit),
            approx=approx_of(match, lex, amount.more_than, peak, bare),  # type: ignore[arg-type]
        )
        inherited = carried is not None and metric.approx is None and carries_to(text, carried, metric)
        if inherited:
            metric = attrs.evolve(metric, approx=carried.approx)  # type: ignore[union-attr]
        found.append(metric)
        # a bound written before its number carries on to the numbers listed right after it
        carried = metric if metric.approx in BOUNDS and (inherited or bound_before(match, bare, peak)) else None
    share_trailing_qualifier(text, found)
    metrics = list(pair_bounds(text, found))
    if not metrics:
        return  # a short text with no metric: whether it is a regulation is not asked
    meanings = describe(text, metrics, lexicons, rules=is_rule_text(text))
    # The metrics were made by this call, each once, and nothing else holds them yet: their meaning
    # is written into them where a copy of each would cost 2.4 µs (40 ms on the real corpus).
    set_field = object.__setattr__
    for metric, (subject, change, target) in zip(metrics, meanings, strict=True):
        set_field(metric, "subject", subject)
        set_field(metric, "change", change)
        set_field(metric, "target", target)
    yield from metrics


@hookimpl
def govmetrics_extract(article: Article, lexicons: Lexicons) -> Iterator[Metric]:
    return find_metrics(article.text, lexicons)
