"""The subtitle under a report's or a speech's title that names the meeting it was given at.

A work report, and many a speech printed in full, carries a subtitle under its title:

    政府工作报告
    ——2024年1月20日在某某省第十四届人民代表大会第二次会议上

also in brackets (（2024年1月20日在…会议上）), with no day (——在全县经济工作会议上的讲话), or with
the day alone opening its line (2024年1月20日在…会议上). The meeting named there was held, on the
day the subtitle gives, and the report was given at it: a meeting's record, with no chair. So is
the meeting a printed speech's title names (县委书记某某在全县经济工作会议上的讲话（2024年1月5日）),
when the title opens its line with the speaker and ends it, or is followed by its day.

Cleaning joins the subtitle to the title and to the speaker's line after it (a line that ends with
no full stop runs on), so it is known by how it is written, not by its line: the dash or the
bracket that opens it, or a day that opens its line or follows the title's last word (…政府工作
报告2024年1月20日在…). Written inside a sentence (张某某1月20日在…会议上的讲话指出, 传达…在…会议上的
讲话精神) the same words open with neither, and only refer to a meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from govmetrics import people
from govmetrics.names import NameLexicon

_NUMERAL = "[\\d０-９〇零一二三四五六七八九十]"
_DAY = rf"{_NUMERAL}{{2,4}}年{_NUMERAL}{{1,2}}月{_NUMERAL}{{1,3}}日"
# the name runs from 在 to the 上 after the last character of a meeting word (会议, 大会, 仪式,
# 论坛, 座谈); the caller checks it against the meeting words lexicon
# (the day of a speech may follow its title, in brackets: …上的讲话（2024年1月5日）)
_AT_MEETING = re.compile(
    r"在(?P<name>[^，。；：！？、“”\n]{2,40}?[会议式礼坛谈])上"
    r"(?P<speech>的(?:讲话|报告|工作报告|发言|致辞|主旨演讲|总结讲话))?(?P<close>[）)])?"
    rf"(?P<day_after>[ \u3000]*[（(]{_DAY}[）)])?"
)
# what opens a subtitle before its 在: a dash (—— or, on pages that lost it, --) or a bracket, and the day
_OPENING = re.compile(rf"(?P<lead>[—―－]{{1,2}}|-{{2}}|[（(])?[ \u3000]*(?P<day>{_DAY})?[ \u3000]*$")
#: How far before its 在 a subtitle's opening is looked for: a dash, a bracket and a day.
OPENING_REACH = 24
#: How long a speech title's speaker may be (区委副书记、区长某某在…上的讲话).
SPEAKER_REACH = 30
# 在省委召开的全省经济工作会议上: the body and its verb before the name are no part of it
_HELD_BY = re.compile(r"[^，。]*(?:召开|举行|举办)的")
# the words a document's title ends with, which a subtitle's day may follow directly
_TITLE_END = ("报告", "讲话", "发言", "致辞")


@attrs.frozen
class Subtitle:
    """A subtitle naming the meeting a report or speech was given at: its span, and its name's."""

    start: int
    end: int
    name_start: int
    name_end: int


def subtitles(names: NameLexicon, text: str) -> Iterator[Subtitle]:
    """Every subtitle in ``text`` that names the meeting a report or speech was given at, and every
    speech title that does (县委书记某某在全县经济工作会议上的讲话, opening its line and ending it or
    followed by its day in brackets)."""
    for match in _AT_MEETING.finditer(text):
        opening = _OPENING.search(text, max(0, match.start() - OPENING_REACH), match.start())
        lead, day = (opening.group("lead"), opening.group("day")) if opening else (None, None)
        start = opening.start() if opening and (lead or day) else match.start()
        if lead in ("（", "("):
            if not match.group("close"):
                continue  # a bracket is the subtitle's only when it holds the whole of it
        elif not lead and not day:
            speaker = _speaker_start(names, text, match)
            if speaker is None:
                continue  # 在…会议上 in a sentence: a meeting spoken of, not a subtitle
            start = speaker
        elif not lead:
            opens_line = start == 0 or text[start - 1] == "\n"
            if not (opens_line or text.endswith(_TITLE_END, 0, start)):
                continue  # 张某某2024年1月5日在…会议上指出: a sentence
        held_by = _HELD_BY.search(text, match.start("name"), match.end("name"))
        name_start = held_by.end() if held_by else match.start("name")
        yield Subtitle(start=start, end=match.end(), name_start=name_start, name_end=match.end("name"))


def _speaker_start(names: NameLexicon, text: str, match: re.Match[str]) -> int | None:
    """Where a speech title opens, when ``match`` ends one: its line opens with the speaker
    (titled: 县委书记某某) and ends after 的讲话, or the speech's day follows in brackets."""
    if not match.group("speech"):
        return None
    ends_line = match.end() == len(text) or text[match.end()] == "\n" or match.group("day_after")
    line_start = text.rfind("\n", max(0, match.start() - SPEAKER_REACH), match.start()) + 1
    if not ends_line or (line_start == 0 and match.start() > SPEAKER_REACH):
        return None
    speaker = text[line_start : match.start()]
    return line_start if not speaker or people.parse_list(names, speaker) else None
