"""The meeting words lexicon, and where its words stand in a text.

A meeting's name runs to the last meeting word in its clause (区政府第三十七次常务会议 ends with
常务会议); its kind is the longest meeting word it ends with. The words are data, in the
``meeting_words`` lexicon, read from the lexicons the plugin host passes to the extractor
(:func:`words_lexicon`); every function here takes what it builds as its first argument.
"""

from __future__ import annotations

import re

import attrs

from govmetrics.lexicon import Lexicons, alternation


@attrs.frozen
class Lexicon:
    """The meeting words, found by one compiled search."""

    words: re.Pattern[str]
    #: Whether a text holds any meeting word at all: the words alone, which re scans for by their
    #: first characters, where ``words`` opens with lookaheads tried at every position (2x faster).
    any_word: re.Pattern[str]


def words_lexicon(lexicons: Lexicons) -> Lexicon:
    """The meeting words of ``lexicons`` (a plugin may add rows), built once and kept on it."""
    return lexicons.built("meeting_words", _build)


def _build(lexicons: Lexicons) -> Lexicon:
    words = lexicons.words("meeting_words")
    # a lookahead finds every word, overlapping ones too: 常务会议 holds 常务会 and 会议; the class of
    # first characters before it lets the search skip ahead to the next one
    first = re.escape("".join(sorted({word[0] for word in words})))
    return Lexicon(
        words=re.compile(f"(?=[{first}])(?=({alternation(words)}))"), any_word=re.compile(alternation(words) or "(?!)")
    )


def word_ends(meeting_words: Lexicon, text: str, start: int, end: int) -> list[int]:
    """Where the meeting words between ``start`` and ``end`` end, last first (常务会议 ends after 议)."""
    ends = {m.start() + len(m.group(1)) for m in meeting_words.words.finditer(text, start, end)}
    return sorted((e for e in ends if e <= end), reverse=True)


def last_word_end(meeting_words: Lexicon, text: str, start: int, end: int) -> int | None:
    """Where the last meeting word between ``start`` and ``end`` ends."""
    ends = word_ends(meeting_words, text, start, end)
    return ends[0] if ends else None


# what a meeting did, written right after its name with no comma, in a headline above all (区住建局召开
# 党组会议传达学习上级会议精神): the name ends at the meeting word before the deed, not at a meeting
# the deed speaks of; a deed that itself begins a meeting word (学习会, 部署会) is part of the name
_DEED = re.compile(r"传达|学习(?!中心组|小组|班)|研究|部署|听取|审议|讨论|通报")


def name_end(meeting_words: Lexicon, text: str, start: int, end: int) -> int | None:
    """Where a meeting name starting at ``start`` ends within ``end``: at the first meeting word a
    deed follows (召开党组会议传达…会议精神 names 党组会议), else at the last meeting word."""
    ends = word_ends(meeting_words, text, start, end)
    for at in reversed(ends):
        if at < end and _DEED.match(text, at) and not meeting_words.words.match(text, at):
            return at
    return ends[0] if ends else None


def kind(meeting_words: Lexicon, name: str) -> str:
    """The longest meeting word ending ``name``: 座谈会 for 台胞台属座谈会, 常务会议 for 区政府常务会议."""
    ending = [m.group(1) for m in meeting_words.words.finditer(name) if name.endswith(m.group(1))]
    return max(ending, key=len, default="")
