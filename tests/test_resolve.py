"""Resolution of the records every extractor found: repeats kept once, in text order."""

from __future__ import annotations

from typing import ClassVar

import attrs

from govmetrics.models import Metric, Record, Span
from govmetrics.resolve import resolve


def _metric(start: int, end: int, value: int, plugin: str = "metrics") -> Metric:
    return Metric(text="x" * (end - start), span=Span(start=start, end=end), value=value, unit="户", plugin=plugin)


@attrs.define(kw_only=True, eq=True, hash=False)
class _Unhashable(Record):
    """A plugin's record type that compares by its fields but cannot be hashed."""

    kind: ClassVar[str] = "unhashable"


def test_the_same_record_found_twice_is_kept_once() -> None:
    one = _metric(0, 3, 5)
    assert resolve([one, _metric(0, 3, 5)]) == [one]
    kept = resolve([one, _metric(0, 3, 5, plugin="other")])  # by two plugins: the first one's
    assert len(kept) == 1 and kept[0] is one


def test_records_at_one_place_that_differ_are_all_kept() -> None:
    five, six = _metric(0, 3, 5), _metric(0, 3, 6)
    assert resolve([five, six]) == [five, six]


def test_a_repeat_after_another_record_at_its_place_is_dropped() -> None:
    five, six = _metric(0, 3, 5), _metric(0, 3, 6)
    assert resolve([five, six, _metric(0, 3, 5), _metric(0, 3, 6)]) == [five, six]


def test_equal_records_at_two_places_are_both_kept() -> None:
    assert resolve([_metric(4, 7, 5), _metric(0, 3, 5)]) == [_metric(0, 3, 5), _metric(4, 7, 5)]


def test_records_that_cannot_be_hashed_are_kept_as_they_are() -> None:
    first = _Unhashable(text="abc", span=Span(start=0, end=3))
    again = _Unhashable(text="abc", span=Span(start=0, end=3))
    kept = resolve([first, again])
    assert len(kept) == 2 and kept[0] is first and kept[1] is again


@attrs.frozen(kw_only=True)
class _HashableOfTheSameKind(Record):
    """A plugin's second record type, of the same kind as :class:`_Unhashable`, and hashable."""

    kind: ClassVar[str] = "unhashable"


def test_a_repeat_after_a_record_that_cannot_be_hashed_is_still_dropped() -> None:
    odd = _Unhashable(text="abc", span=Span(start=0, end=3))
    one = _HashableOfTheSameKind(text="abc", span=Span(start=0, end=3))
    two = _HashableOfTheSameKind(text="abc", span=Span(start=0, end=3))
    kept = resolve([odd, one, two])
    assert len(kept) == 2 and kept[0] is odd and kept[1] is one
