"""The headnote under a regulation's title that names the session which passed it.

A regulation, a decision or a body's rules prints under its title the day and the session that
passed it:

    某某管理条例
    2004年10月13日 国务院第66次常务会议通过
    2004年11月1日 中华人民共和国国务院令第400号发布

also as 修订通过 or 审议通过, and in a sentence as 本条例已经2004年10月13日国务院第66次常务会议通过 or
经1984年1月20日国务院第二十一次常务会议讨论，通过…. That session was held on that day: a meeting's
record with no chair, though the text around it is a rule (whose other meetings are only required).
Cleaning runs the headnote on with the title and the next line (a line with no full stop runs on),
so it is known by how it is written: a full day, then the session, then 通过. Passed as an
attribute (…会议通过的《决定》) or with no day (根据…第五次会议审议通过的), the same words only refer to
a session, and are no headnote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from govmetrics.chinese import ORDINAL_NUMERAL, first_at_a_glance

_NUMERAL_CHARACTERS = "\\d０-９〇零一二三四五六七八九十"
_NUMERAL = f"[{_NUMERAL_CHARACTERS}]"
# (the year's first numeral written on its own: a pattern that opens with a character class lets the
# search skip ahead to one, where one that opens with a repeat is tried at every position; its digits
# are tested as a bitmap, and read as \d after it)
_DAY = (
    rf"{first_at_a_glance(_NUMERAL_CHARACTERS)}"
    rf"{_NUMERAL}{{1,3}}年{_NUMERAL}{{1,2}}月{_NUMERAL}{{1,3}}日"
)
# a full day, then the session's name up to the last 会议 before 通过 (the name holds no break, and
# no other day: 1991年3月4日 国务院令第76号发布 2018年9月6日 国务院第23次常务会议修订通过, run on by
# cleaning, is the order's day and then the session's)
_HEADNOTE = re.compile(
    rf"(?P<day>{_DAY})[ \t\u3000]*(?:经)?"
    rf"(?P<name>(?:(?!{_DAY})[^，。；：、\n]){{2,40}}?会议)[ \t\u3000]*(?:讨论|审议|修订|表决)?[，,]?通过(?!的)"
)
# 国务院第31次常务会议: the body is what comes before the session's number
_BODY_BEFORE_NUMBER = re.compile(rf"(?P<body>[^\d第]{{2,20}}?)(?:\d{{4}}年)?第{ORDINAL_NUMERAL}+次")


@attrs.frozen
class Headnote:
    """A headnote: where its day starts, and its session's name and body (if the name gives one)."""

    day_start: int
    name_start: int
    name_end: int
    body: str | None


def headnotes(text: str) -> Iterator[Headnote]:
    """Every headnote in ``text`` that names the session which passed the text, with its day."""
    if "会议" not in text or "通过" not in text:
        # every headnote names a 会议 and says 通过: a text without both has none, and the pattern,
        # entered at every numeral, need not go over it (most of a corpus's text, for two searches)
        return
    for match in _HEADNOTE.finditer(text):
        body = _BODY_BEFORE_NUMBER.match(match.group("name"))
        yield Headnote(
            day_start=match.start("day"),
            name_start=match.start("name"),
            name_end=match.end("name"),
            body=body.group("body") if body else None,
        )
