"""Cleaning text pulled out of PDFs and web pages, with a map back to the raw input.

PDF text breaks lines inside words and numbers (``5\\n6 个`` is 56个), justifies lines with spaces
between characters (``石 景 山 区``, ``7 月 10 日``) and writes digits full width (``１２３``). The
cleaned text joins what layout split, and keeps for every character the index it had in the raw
input, so any span can be shown in the original.

The rules:

* A line break inside a paragraph goes; it stays (as one ``\\n``) after a sentence-closing mark.
  In text whose lines are paragraphs (``paragraphs=True``: a web page's story, where each line is
  a paragraph, a heading or a table row), every line break stays.
  A blank line goes too when the sentence runs on across it: a PDF column that ends mid-sentence
  (二级残疾 / 常年饱受) leaves one. Before a story's dateline (本报讯) it stays as one ``\\n``.
* Spaces between two CJK characters, two digits, or a CJK character and a digit go (so
  ``PM2.5 浓度`` becomes ``PM2.5浓度``), except between a short number and a year
  (``图1 2005-2009年`` stays, or it would read 12005) and after a finished numeric date or a clock
  time (``2019-09-20 1-8月``, ``10:30 5名``); elsewhere a run of spaces becomes one space (``APP 下载``,
  ``air quality``). A line break between two Latin letters becomes a space too.
* Characters stay as written. Full-width digits (``１２３``) are not folded to ASCII here: a
  record's ``text`` is then the source as a reader (and ANNOTATION.md) sees it, and the parsers,
  which read every numeral, treat ``１２３`` and ``123`` alike.
"""

from __future__ import annotations

import re
from array import array

import attrs

from govmetrics.offsets import OFFSET_TYPE, OffsetMap

# A run of whitespace, written as one character then any more: a pattern that opens with a class
# lets the search pass over the other characters at a glance, where "[…]+" enters it at each one.
_SPACE = r"[ \t\r\n\f\v\u00a0\u3000\u2002\u2003\u2009\u200b]"
_WS = re.compile(f"{_SPACE}{_SPACE}*")
# Characters after which a line break ends a sentence (and so is kept as a paragraph break).
# A story's dateline (本报讯, 新华社北京7月1日电) starts a new paragraph whatever came before it.
# Cleaning comes before the reading view (govmetrics.reading), so traditional pages' 本報訊 and
# 新華社 are written out here.
_STORY_START = re.compile(r"本[报報][讯訊]|[\u4e00-\u9fff]{0,8}[讯訊][（(]|新[华華]社")
_CLOCK_AHEAD = re.compile(r"\d{1,2}[:：]\d{2}")
# 图1 2005-2009年, 表3 2019年: a label's number, a space, then a year. The space is no OCR noise here:
# joined, the two would read as 12005. Split numbers (5 6 个, 2 0 1 9 年) never have four digits after
# the space, so they still join.
_YEAR_AHEAD = re.compile(r"(?:19|20)\d{2}(?:年|[-—–~～至到])")
_SHORT_NUMBER_BEHIND = re.compile(r"(?<!\d)\d{1,3}$")
# 发布时间:2019-09-20 1-8月: a finished numeric date (year, month and day with one separator) or a
# clock time (10:30) is a whole; the number after the space starts something new. Split numbers
# (5 6 个) never end in such a date, so they still join.
_DATE_OR_CLOCK_BEHIND = re.compile(r"\d(?:\d{3}([-/.])\d{1,2}\1\d{2}|\d?[:：]\d{2})$")
_CLOSERS = frozenset("。！？!?；;：:…”’」』）)】")


def _joins_tightly(ch: str) -> bool:
    """CJK characters, CJK punctuation and digits sit next to each other with no space."""
    if ch.isdigit():
        return True
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, unified ideographs
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF  # extension ideographs
        or ch in "“”‘’—…·%~"
    )


def _first_of(raw: str, start: int, end: int, wanted: str) -> int:
    """Where in ``raw[start:end]`` (a run of whitespace) the kept character sits: the first of
    ``wanted`` (so a kept ``\\n`` maps to a line break, not to the space before it), else ``start``."""
    if raw[start] in wanted:
        return start  # the common run of one character, or one that starts with the kept one
    found = [at for ch in wanted if (at := raw.find(ch, start, end)) >= 0]
    return min(found, default=start)


@attrs.frozen
class CleanText:
    """Cleaned text and ``offsets``: ``offsets[i]`` is the raw index of ``text[i]``, plus an end entry."""

    text: str
    offsets: OffsetMap = attrs.field(eq=False, repr=False)


def clean_text(raw: str, *, paragraphs: bool = False) -> CleanText:
    """Clean ``raw`` as the module docstring describes, keeping the offset map; with
    ``paragraphs``, every line break of ``raw`` ends a paragraph and stays."""
    pieces: list[str] = []
    # The offset map's runs, as OffsetMapBuilder.add makes them, written out here: a text of a PDF
    # starts a run at nearly every gap, and a call for each costs a twentieth of cleaning it.
    starts: array[int] = array(OFFSET_TYPE)
    origins: array[int] = array(OFFSET_TYPE)
    shift = -1  # raw index minus cleaned index along the last run (never negative: cleaning only deletes)
    length = 0  # of the cleaned text so far
    pos = 0
    size = len(raw)

    for match in _WS.finditer(raw):
        start, end = match.span()
        if start > pos:
            pieces.append(raw[pos:start])
            if pos - length != shift:
                starts.append(length)
                origins.append(pos)
                shift = pos - length
            length += start - pos
        pos = end
        if not start or end == size:
            continue  # whitespace at either end of the text goes
        before = raw[start - 1]
        gap = match.group()
        if "\u4e00" <= before <= "\u9fff":
            # The commonest gaps of a PDF's text by far (five in six on a newspaper page) follow an
            # ideograph, which is no sentence mark, digit or Latin letter, what the rules below look
            # at; so they go without reading them: a line break inside a sentence (unless a dateline
            # follows) and the space of a justified line before another CJK character or a digit.
            if gap == "\n" and not paragraphs and not _STORY_START.match(raw, end):
                continue
            if gap == " " and _joins_tightly(raw[end]):
                continue
        if gap[0] == "\n" and before in _CLOSERS:
            # A paragraph break after a sentence mark, the commonest gap of a web page's text: one
            # \n stays, where its first break stood (the first rule below, read without counting
            # breaks). Kept where it stood, it goes on with the run before it: no offset to add.
            pieces.append("\n")
            length += 1
            continue
        after = raw[end]
        # \r\n is one break; most pages have no \r, and one count does then
        breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n") if "\r" in gap else gap.count("\n")
        # what the run becomes (a line break, a space or nothing) and the raw index it maps to
        if breaks and (paragraphs or before in _CLOSERS or _STORY_START.match(raw, end)):
            kept, at = "\n", _first_of(raw, start, end, "\n\r")
        elif breaks == 0 and before.isdigit() and _CLOCK_AHEAD.match(raw, end):
            # 2019-07-16 10:30: a date and a clock time stay apart
            kept, at = " ", start + gap.index(" ") if " " in gap else start
        elif (
            breaks == 0
            and before.isdigit()
            and _YEAR_AHEAD.match(raw, end)
            and _SHORT_NUMBER_BEHIND.search(raw[max(0, start - 4) : start])
        ):
            kept, at = " ", start + gap.index(" ") if " " in gap else start  # 图1 2005-2009年
        elif before.isdigit() and after.isdigit() and _DATE_OR_CLOCK_BEHIND.search(raw[max(0, start - 10) : start]):
            # 2019-09-20 1-8月; a page's date line then the story's first line keeps its break
            kept, at = ("\n", _first_of(raw, start, end, "\n\r")) if breaks else (" ", _first_of(raw, start, end, " "))
        elif breaks == 0 and not (_joins_tightly(before) and _joins_tightly(after)):
            kept, at = " ", _first_of(raw, start, end, " ")
        elif breaks == 1 and before.isascii() and after.isascii() and before.isalpha() and after.isalpha():
            kept, at = " ", _first_of(raw, start, end, " ")  # a line break between two Latin words is a space
        else:
            continue
        pieces.append(kept)
        if at - length != shift:
            starts.append(length)
            origins.append(at)
            shift = at - length
        length += 1
    if pos < len(raw):
        pieces.append(raw[pos:])
        if pos - length != shift:
            starts.append(length)
            origins.append(pos)
            shift = pos - length
        length += len(raw) - pos
    if size - length != shift:  # the end of the text
        starts.append(length)
        origins.append(size)
    return CleanText("".join(pieces), OffsetMap(starts, origins, length + 1))
