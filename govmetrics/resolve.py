"""One place decides what a span of text is.

Extractors work independently, so two can claim the same characters: a date extractor reads
7月10日 while a plugin reads a number in it, a cadence holds 每月至少开展1~2次 and 1~2次 looks like a
metric. Each record type says what it owns (:attr:`~govmetrics.models.Record.owns`, with
:meth:`~govmetrics.models.Record.keeps` for what it lets stand), and the rules, applied to every run
whatever the plugins, are:

* a record of a kind that another record owns, and that overlaps it, is dropped unless that owner
  keeps it. Dates own the metrics whose digits they hold; cadences own their count of times, their
  period and the dates that anchor them, but keep what their activity counts; a plugin's record
  type may own the built-in metrics inside its span, so one number is counted once;
* the same record found twice (two plugins, same kind, span and fields) is kept once;
* records come out in text order.

Every record found owns, even one that is itself dropped (a date inside a cadence still holds its
digits), so the order in which owners are looked at never matters.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
from collections.abc import Iterable

from govmetrics.models import Record


class _Owners:
    """The records that own each kind, by start, with the furthest end reached so far, so the owners
    overlapping a span are found by a bisect and a short walk back."""

    def __init__(self, records: Iterable[Record]) -> None:
        by_kind: dict[str, list[Record]] = {}
        for record in records:
            for kind in record.owns:
                by_kind.setdefault(kind, []).append(record)
        self.kinds: dict[str, tuple[list[Record], list[int], list[int]]] = {}
        for kind, owners in by_kind.items():
            owners.sort(key=lambda owner: owner.span.start)
            starts = [owner.span.start for owner in owners]
            reach = list(itertools.accumulate((owner.span.end for owner in owners), max))
            self.kinds[kind] = (owners, starts, reach)

    def claim(self, record: Record) -> bool:
        """Whether a record overlapping ``record`` owns its kind and does not keep it."""
        entry = self.kinds.get(record.kind)
        if entry is None:
            return False
        owners, starts, reach = entry
        span = record.span
        at = bisect.bisect_left(starts, span.end) - 1  # the last owner starting before span ends
        while at >= 0 and reach[at] > span.start:
            owner = owners[at]
            if owner is not record and owner.span.end > span.start and not owner.keeps(record):
                return True
            at -= 1
        return False


def resolve(records: Iterable[Record]) -> list[Record]:
    """Drop what another record owns and exact repeats; return the rest in text order."""
    records = list(records)
    owners = _Owners(records)
    kept: list[Record] = []
    # A repeat has the same place and kind, so it comes right after the records kept there: only
    # those are looked at, and a record alone in its place (most are) is never hashed.
    place: tuple[int, int, str] | None = None
    first: Record | None = None  # the first record kept at this place, hashed when another comes
    seen: set[Record] = set()
    for record in sorted(records, key=lambda r: (r.span.start, r.span.end, r.kind)):
        if owners.claim(record):
            continue
        here = (record.span.start, record.span.end, record.kind)
        if here != place:
            place, first = here, record
            kept.append(record)
            continue
        if first is not None:
            seen = set()
            with contextlib.suppress(TypeError):  # one not hashable is kept as it is, and never matches
                seen.add(first)
            first = None
        try:
            if record in seen:
                continue
            seen.add(record)
        except TypeError:  # a plugin's record type that is not hashable is kept as it is
            pass
        kept.append(record)
    return kept
