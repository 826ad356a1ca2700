"""Lexicons: the word lists extractors match against, shipped as data files and open to plugins.

Each lexicon is a text file in ``govmetrics/lexicons/`` with one entry per line, whitespace-separated
columns and ``#`` comments. A plugin adds entries without writing an extractor by implementing the
``govmetrics_lexicon_entries`` hook (see :mod:`govmetrics.hookspecs`); its rows are read as if they
were lines of the file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from importlib import resources

from govmetrics.errors import GovmetricsError

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


def load(name: str) -> list[tuple[str, ...]]:
    """The rows of lexicon ``name``: the shipped file, then what loaded plugins add."""
    from govmetrics.plugins import get_plugin_manager

    lines = shipped_lines(name)
    for added in get_plugin_manager().hook.govmetrics_lexicon_entries(name=name):
        lines.extend(added or ())
    return read_rows(lines, name)


def alternation(words: Iterable[str]) -> str:
    """The words as one regular-expression alternation, longest first, each escaped, each once.

    re takes the first alternative that matches, not the longest: 平方米 must stand before 米 and
    常务会议 before 会议, or the shorter word wins where the longer one is written. An empty list
    gives an empty string; a caller whose pattern must then match nothing writes ``or "(?!)"``.
    """
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def set_phrase_spans(text: str) -> list[tuple[int, int]]:
    """Where the set phrases (四套班子, 每月一题, 千家万户) stand in ``text``, in order, not overlapping.

    Extractors skip what lies inside one: a set phrase names something and counts nothing.

    The metric and cadence extractors both ask, for the same article text: the spans of the last
    text asked about are kept (with the pattern that found them, which a plugin's lexicon entries
    replace), so one scan serves every extractor. Callers read the list and never change it.
    """
    global _last_set_phrases
    from govmetrics.plugins import get_plugin_host

    cache = get_plugin_host().cache
    pattern = cache.get("lexicon.set_phrases")
    if pattern is None:
        phrases = alternation(row[0] for row in load("set_phrases"))
        pattern = cache["lexicon.set_phrases"] = re.compile(phrases or "(?!)")
    last = _last_set_phrases
    # the same str object: it is held here, so no other text can take its identity meanwhile
    if last is not None and last[0] is text and last[1] is pattern:
        return last[2]
    spans = [m.span() for m in pattern.finditer(text)]
    _last_set_phrases = (text, pattern, spans)
    return spans


_last_set_phrases: tuple[str, re.Pattern[str], list[tuple[int, int]]] | None = None


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``spans`` (sorted, not overlapping) holds ``start``..``end``."""
    nearest = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return nearest >= 0 and end <= spans[nearest][1]
