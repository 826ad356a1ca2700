"""Offset maps: where each character of a cleaned text stood in the raw input, kept as runs.

Cleaning (:mod:`govmetrics.clean`) deletes whitespace and keeps every other character in order, so
the map from cleaned to raw indices is a few long runs of consecutive raw indices, one per stretch
of text between two deleted gaps. :class:`OffsetMap` stores only where each run starts: a few
hundred kilobytes for a text of millions of characters whose index-by-index map would take four
bytes a character, and as little again when an :class:`~govmetrics.models.Article` travels between
processes. It reads like the index-by-index map (``offsets[i]``, ``len``, iteration), one lookup
costing a binary search over the runs.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

#: The array type of the runs: 4-byte integers, enough for texts of two thousand million characters.
OFFSET_TYPE = "i"


class OffsetMap(Sequence[int]):
    """``offsets[i]`` is the raw index of the cleaned text's ``i``-th character.

    Run ``k`` starts at cleaned index ``starts[k]`` and raw index ``origins[k]``; inside a run,
    both indices go up together. Runs are kept maximal (two runs that continue each other are one),
    so two maps of the same indices are equal. An :class:`~govmetrics.models.Article`'s map has one
    entry more than its text has characters: the end of the text, mapped to the end of what it
    was cleaned from.
    """

    __slots__ = ("_length", "_origins", "_starts")

    def __init__(self, starts: Iterable[int], origins: Iterable[int], length: int) -> None:
        self._starts = starts if isinstance(starts, array) else array(OFFSET_TYPE, starts)
        self._origins = origins if isinstance(origins, array) else array(OFFSET_TYPE, origins)
        self._length = length
        if len(self._starts) != len(self._origins) or (length and (not self._starts or self._starts[0] != 0)):
            raise ValueError("an offset map needs one origin per run and a run starting at 0")

    @classmethod
    def from_indices(cls, indices: Iterable[int]) -> OffsetMap:
        """The map of the raw indices listed one by one."""
        builder = OffsetMapBuilder()
        length = 0
        for length, at in enumerate(indices, start=1):
            builder.add(length - 1, at)
        return builder.build(length)

    @classmethod
    def identity(cls, length: int, start: int = 0) -> OffsetMap:
        """``length`` indices counting up from ``start``: a text taken as it was."""
        return cls([0], [start], length) if length else cls([], [], 0)

    def shifted(self, by: int) -> OffsetMap:
        """The same map into a text that has ``by`` more characters before it."""
        return OffsetMap(self._starts, array(OFFSET_TYPE, (at + by for at in self._origins)), self._length)

    @property
    def runs(self) -> int:
        """How many runs the map holds."""
        return len(self._starts)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(f"offset {index} is outside a map of {self._length}")
        run = bisect_right(self._starts, index) - 1
        return self._origins[run] + index - self._starts[run]

    def __iter__(self) -> Iterator[int]:
        ends = [*self._starts[1:], self._length]
        for start, origin, end in zip(self._starts, self._origins, ends, strict=True):
            yield from range(origin, origin + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return (self._length, self._starts, self._origins) == (other._length, other._starts, other._origins)
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(other) == self._length and all(a == b for a, b in zip(self, other, strict=False))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (OffsetMap, (self._starts, self._origins, self._length))

    def __repr__(self) -> str:
        return f"OffsetMap(<{self._length} offsets in {len(self._starts)} runs>)"


class OffsetMapBuilder:
    """Builds an :class:`OffsetMap` as cleaning goes: ``add(i, at)`` says cleaned index ``i`` is raw
    index ``at``; indices not added continue the run before them."""

    __slots__ = ("_origins", "_shift", "_starts")

    def __init__(self) -> None:
        self._starts: array[int] = array(OFFSET_TYPE)
        self._origins: array[int] = array(OFFSET_TYPE)
        # raw index minus cleaned index along the last run: constant while the run goes on
        self._shift: int | None = None

    def add(self, index: int, at: int) -> None:
        shift = at - index
        if shift == self._shift:
            return  # the run before goes on
        self._starts.append(index)
        self._origins.append(at)
        self._shift = shift

    def build(self, length: int) -> OffsetMap:
        return OffsetMap(self._starts, self._origins, length)


def as_offset_map(value: OffsetMap | Sequence[int] | None) -> OffsetMap | None:
    """An :class:`OffsetMap` from a map or a sequence of raw indices (``None`` stays ``None``)."""
    if value is None or isinstance(value, OffsetMap):
        return value
    return OffsetMap.from_indices(value)
