"""The subtitle under a report's or a speech's title that names the meeting it was given at.

A work report, and many a speech printed in full, carries a subtitle under its title:

    政府工作报告
    ——2024年1月20日在某某省第十四届人民代表大会第二次会议上

also in brackets (（2024年1月20日在…会议上）), with no day (——在全县经济工作会议上的讲话), or with
the day alone opening its line (2024年1月20日在…会议上). The meeting named there was held, on the
day the subtitle gives, and the report was given at it: a meeting's record, with no chair.

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

_NUMERAL = "[\\d０-９〇零一二三四五六七八九十]"
_DAY = rf"{_NUMERAL}{{2,4}}年{_NUMERAL}{{1,2}}月{_NUMERAL}{{1,3}}日"
# the name runs from 在 to the 上 after the last character of a meeting word (会议, 大会, 仪式,
# 论坛, 座谈); the caller checks it against the meeting words lexicon
_AT_MEETING = re.compile(
    r"在(?P<name>[^，。；：！？、“”\n]{2,40}?[会议式礼坛谈])上"
    r"(?:的(?:讲话|报告|工作报告|发言|致辞|主旨演讲|总结讲话))?(?P<close>[）)])?"
)
# what opens a subtitle before its 在: a dash or a bracket, and the day
_OPENING = re.compile(rf"(?P<lead>[—―－]{{1,2}}|[（(])?[ \u3000]*(?P<day>{_DAY})?[ \u3000]*$")
#: How far before its 在 a subtitle's opening is looked for: a dash, a bracket and a day.
OPENING_REACH = 24
# the words a document's title ends with, which a subtitle's day may follow directly
_TITLE_END = ("报告", "讲话", "发言", "致辞")


@attrs.frozen
class Subtitle:
    """A subtitle naming the meeting a report or speech was given at: its span, and its name's."""

    start: int
    end: int
    name_start: int
    name_end: int


def subtitles(text: str) -> Iterator[Subtitle]:
    """Every subtitle in ``text`` that names the meeting a report or speech was given at."""
    for match in _AT_MEETING.finditer(text):
        opening = _OPENING.search(text, max(0, match.start() - OPENING_REACH), match.start())
        if opening is None:
            continue
        lead, day = opening.group("lead"), opening.group("day")
        if lead in ("（", "("):
            if not match.group("close"):
                continue  # a bracket is the subtitle's only when it holds the whole of it
        elif not lead:
            opens_line = opening.start() == 0 or text[opening.start() - 1] == "\n"
            if not day or not (opens_line or text.endswith(_TITLE_END, 0, opening.start())):
                continue  # 在…会议上 in a sentence: a meeting spoken of, not a report's subtitle
        yield Subtitle(
            start=opening.start() if lead or day else match.start(),
            end=match.end(),
            name_start=match.start("name"),
            name_end=match.end("name"),
        )
