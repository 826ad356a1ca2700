"""A date's relation to a period: ``since`` where one begins, ``until`` where one ends.

The words around a date say it: 自…起, …以来, 从…开始, …后 before or after it mark where a period
begins; 截至, 到…为止, …前 where it ends. :data:`~govmetrics.calendar_pattern.DATE_PATTERN` matches the
words next to the date (its ``pre`` and ``suf`` groups, read by :func:`relation_of`); a few words may
come between the date and 以来 or 前 (11月15日供暖前), read by :func:`gapped_relation`.
"""

from __future__ import annotations

import re

from govmetrics.chinese import CLAUSE_ENDS

__all__ = ["gapped_relation", "relation_of"]

# A date followed, within the clause, by 以来 (去年11月15日正式供暖以来) is where a period began. The
# words between hold no other date: in 7月21日至23日将出现今年以来最强降雨, 以来 is 今年's.
_GAPPED_SINCE = re.compile(rf"[^{CLAUSE_ENDS}\d年月日]{{1,24}}?以来")
_GAPPED_UNTIL = re.compile(rf"[^{CLAUSE_ENDS}\d“”]{{1,3}}?前(?![往后来夕景途列沿端期行])")


_SINCE_SUFFIXES = frozenset(("以来", "起", "开始", "至今", "后", "以后", "之后"))


def relation_of(pre: str | None, suf: str | None) -> str | None:
    """自…起, …以来, 从…开始, …后 mark where a period begins; 截至, 到…为止, …前 where it ends.

    从 alone is not a relation: 从2020年底的126处增加到213处 compares two values.
    """
    if suf in _SINCE_SUFFIXES and pre not in ("截至", "截止", "截止到", "直到", "到", "至"):
        return "since"
    if pre in ("自", "自从"):
        return "since"
    if pre in ("截至", "截止", "截止到", "直到", "到", "至") or suf in ("为止", "之前", "以前", "前"):
        return "until"
    return None


def gapped_relation(text: str, end: int) -> tuple[str, int] | None:
    """A relation written after words that follow the date: 11月15日供暖前, 5月条例实施以来."""
    since = _GAPPED_SINCE.match(text, end)
    if since:
        return "since", since.end()
    until = _GAPPED_UNTIL.match(text, end)
    if until:
        return "until", until.end()
    return None
