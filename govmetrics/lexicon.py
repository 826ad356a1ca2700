"""Lexicons: the word lists extractors match against, shipped as data files and open to plugins.

Each lexicon is a text file in ``govmetrics/lexicons/`` with one entry per line, whitespace-separated
columns and ``#`` comments. A plugin adds entries without writing an extractor by implementing the
``govmetrics_lexicon_entries`` hook (see :mod:`govmetrics.hookspecs`); its rows are read as if they
were lines of the file. The plugin host reads all of them once into a :class:`Lexicons`, which
extractors receive as an argument.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any, TypeVar, cast

from govmetrics.chinese import alternation
from govmetrics.errors import GovmetricsError

__all__ = ["LEXICONS", "Lexicons", "alternation", "covered", "read_rows", "shipped_lines"]

T = TypeVar("T")

#: The lexicons shipped with the package, by name (``govmetrics/lexicons/<name>.txt``).
LEXICONS = (
    "units",
    "qualifiers",
    "currencies",
    "set_phrases",
    "duration_cues",
    "place_words",
    "surnames",
    "titles",
    "meeting_words",
    "name_enders",
    "cadence_activities",
    "period_reckonings",
    "festivals",
    "change_words",
    "target_cues",
    "subject_words",
    "page_furniture",
)


def read_rows(lines: list[str] | tuple[str, ...], name: str) -> list[tuple[str, ...]]:
    """Split lexicon lines into rows of columns, dropping comments and blank lines."""
    rows = []
    for number, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not line:
            continue
        rows.append(tuple(line.split()))
        if not rows[-1][0]:
            raise GovmetricsError(f"lexicon {name!r}, line {number}: empty entry")
    return rows


def shipped_lines(name: str) -> list[str]:
    """The lines of the lexicon file shipped in the package."""
    if name not in LEXICONS:
        raise GovmetricsError(f"no lexicon named {name!r}; there are {', '.join(LEXICONS)}")
    return resources.files("govmetrics.lexicons").joinpath(f"{name}.txt").read_text("utf-8").splitlines()


class Lexicons:
    """Every lexicon of one plugin host, read once: each shipped file, then what plugins added.

    The plugin host builds one and hands it to every extractor as the ``lexicons`` argument of
    ``govmetrics_extract``; an extractor reads its words from it and never from a global. What an
    extractor builds from the words (a compiled pattern) is kept on the object with :meth:`built`,
    so it lasts exactly as long as the entries it was built from: registering a plugin gives the
    host a new ``Lexicons``, and the old patterns go with the old object.

    :param added: per lexicon name, the lines plugins added, read as if they followed the shipped
        file's lines.
    """

    def __init__(self, added: Mapping[str, Iterable[str]] | None = None) -> None:
        added = added or {}
        unknown = sorted(set(added) - set(LEXICONS))
        if unknown:
            raise GovmetricsError(f"no lexicon named {unknown[0]!r}; there are {', '.join(LEXICONS)}")
        self._rows = {name: tuple(read_rows([*shipped_lines(name), *added.get(name, ())], name)) for name in LEXICONS}
        self._built: dict[str, Any] = {}
        self._last_set_phrases: tuple[str, list[tuple[int, int]]] | None = None

    def rows(self, name: str) -> tuple[tuple[str, ...], ...]:
        """The rows of lexicon ``name``, each a tuple of its columns."""
        try:
            return self._rows[name]
        except KeyError:
            raise GovmetricsError(f"no lexicon named {name!r}; there are {', '.join(LEXICONS)}") from None

    def words(self, name: str) -> list[str]:
        """The first column of lexicon ``name``: its entries, in file order."""
        return [row[0] for row in self.rows(name)]

    def built(self, key: str, build: Callable[[Lexicons], T]) -> T:
        """What ``build`` makes of these lexicons, made once and kept under ``key``.

        Two threads may both build on a first call; each gets an equal result, and one is kept.
        """
        try:
            return cast(T, self._built[key])
        except KeyError:
            made = self._built[key] = build(self)
            return made

    def set_phrase_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the set phrases (四套班子, 每月一题, 千家万户) stand in ``text``, in order, not overlapping.

        Extractors skip what lies inside one: a set phrase names something and counts nothing.

        The metric and cadence extractors both ask, for the same article text: the spans of the last
        text asked about are kept, so one scan serves every extractor. Callers read the list and
        never change it.
        """
        last = self._last_set_phrases
        # the same str object: it is held here, so no other text can take its identity meanwhile
        if last is not None and last[0] is text:
            return last[1]
        pattern = self.built("set_phrases", _set_phrase_pattern)
        spans = [m.span() for m in pattern.finditer(text)]
        self._last_set_phrases = (text, spans)
        return spans


def _set_phrase_pattern(lexicons: Lexicons) -> re.Pattern[str]:
    return re.compile(alternation(lexicons.words("set_phrases")) or "(?!)")


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``spans`` (sorted, not overlapping) holds ``start``..``end``."""
    nearest = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return nearest >= 0 and end <= spans[nearest][1]
