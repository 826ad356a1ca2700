"""Where a meeting's name stands in a sentence, and where it ends.

A report names a meeting after the verb that holds it (``X主持召开NAME``, ``ORG召开NAME``,
``ORG在PLACE召开/举行NAME``), before it (``NAME在PLACE举行``, 会议27日在京开幕) or as the place
something was said (``在DATE召开的NAME上``, 从新闻发布会上获悉); the name runs to the last meeting word
(``meeting_words`` lexicon) in the clause. A name may list several meetings (``each_listed``), and a
story may name its meeting only in its headline (``name_from_headline``).
"""

from __future__ import annotations

import re

import attrs

from govmetrics.chinese import CLAUSE_END, CLAUSE_ENDS, DATELINE, SMALL_NUMERAL
from govmetrics.extractors.meeting_merge import BACK_REFERENCE, Draft
from govmetrics.extractors.meeting_words import Lexicon, last_word_end, name_end, word_ends

_SENTENCE_ENDS = "。！？!?\n"
SENTENCE_END = re.compile(f"[{_SENTENCE_ENDS}]")
HOLD = re.compile(r"主持召开|召开|隆重举行|举行|举办|开幕(?![式会词])")
# held, or spoken of as the place something was said: 在座谈会上，… / 从新闻发布会上获悉 (the name
# runs from 在 or 从 to the meeting word before 上)
# (every alternative opens with one character, no group and no class: the search then passes over
# at a glance the characters none of them opens with; one alternative opening otherwise makes it
# enter the whole pattern at every position, four times as long on a long text)
HOLD_OR_AT = re.compile(
    r"主持召开|召开|隆重举行|举行|举办|开幕(?![式会词])|会上[，,获]|议上[，,获]|式上[，,获]|礼上[，,获]|坛上[，,获]"
)


def place_of(hold: re.Match[str]) -> int | None:
    """Where 上 stands in a :data:`HOLD_OR_AT` match that speaks of a place (会上，); None for a
    verb (none of them has 上 second)."""
    return hold.start() + 1 if hold.group()[1:2] == "上" else None


_AT_OPENING = re.compile(r"[在从](?:随后|当天|当日)?")


#: How far a sentence reaches either side of a word in it: text with no full stops (a page that
#: lost its punctuation) is read in windows, so the work per meeting word stays bounded.
SENTENCE_REACH = 300


def sentence_bounds(text: str, at: int) -> tuple[int, int]:
    """The sentence around ``at``, read no further than ``SENTENCE_REACH`` either side."""
    floor = max(0, at - SENTENCE_REACH)
    # searched back from ``at`` for each mark, where a regex would read the window from its start
    last = max(text.rfind(mark, floor, at) for mark in _SENTENCE_ENDS)
    start = last + 1 if last >= 0 else floor
    end_match = SENTENCE_END.search(text, at, at + SENTENCE_REACH)
    return start, end_match.start() if end_match else min(len(text), at + SENTENCE_REACH)


def clause_end(text: str, at: int) -> int:
    """The end of the clause from ``at``; a comma inside “quotes” does not end it."""
    depth = 0
    for mark in _CLAUSE_END_OR_QUOTE.finditer(text, at, at + 80):
        ch = mark.group()
        if ch in "“《":
            depth += 1
        elif ch in "”》":
            depth = max(0, depth - 1)
        elif depth == 0:
            return mark.start()
    return min(len(text), at + 80)


# a clause end, or a quotation mark or title bracket that opens or closes where commas do not count
_CLAUSE_END_OR_QUOTE = re.compile(f"[“《”》{CLAUSE_ENDS}]")


_COUNT_BEFORE_NAME = re.compile(r"(?:[\d一两二三四五六七八九十]+[次场期])")


def name_after(meeting_words: Lexicon, text: str, at: int) -> tuple[int, int] | None:
    """The span of the meeting name starting at ``at``: up to the last meeting word in the clause, or to
    the one a deed follows (``meeting_words.name_end``)."""
    end = name_end(meeting_words, text, at, clause_end(text, at))
    if end is None or HOLD.search(text, at, end):
        return None  # 举办单位可以召开听证会: the name follows the later verb, if any
    count = _COUNT_BEFORE_NAME.match(text, at)
    start = count.end() if count and count.end() < end else at  # 召开一次联席会议, 举办两场招聘会
    while start < end and text[start] in "的了过":
        start += 1  # 召开的会议, 召开了会议: the name starts after the particle
    return start, end


def name_before(meeting_words: Lexicon, text: str, at: int, floor: int) -> tuple[int, int] | None:
    """The span of a meeting name ending right before ``at`` (…总结会在社区举行), or before the
    place it was held in (区人大一次会议在区会议中心召开: 会议 in the place's name ends no name)."""
    start = floor
    for match in CLAUSE_END.finditer(text, floor, at):
        start = match.end()
    for end in word_ends(meeting_words, text, start, at):
        if end == at or _BETWEEN_NAME_AND_VERB.match(text, end, at):
            head = NAME_HEAD.match(text, start, end) or ENUMERATOR.match(text[start:end])
            return (start + (head.end() - head.pos) if head else start), end
    return None


# what opens a clause before a name but is none of it: the story's dateline (新华社北京2月27日电,
# 本报讯（记者 林木）) and the day (3月8日上午牙克石市…会议召开); a year alone may begin a name
# (2021年全市对台工作会议)
NAME_HEAD = re.compile(
    rf"(?:[^，。\n]{{0,16}}?{DATELINE})?"
    r"[ \u3000]*(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{1,2}日)(?:[上下]午|晚上?|凌晨)?"
    rf"|[^，。\n]{{0,16}}?{DATELINE}"
)


# what may stand between a name and its verb: the day (会议27日在京开幕), the place (在区会议中心),
# a plan (将于24日) and adverbs (隆重开幕)
_BETWEEN_NAME_AND_VERB = re.compile(
    rf"(?:{SMALL_NUMERAL}{{1,3}}日(?:[上下]午|晚上?)?)?(?:将?[在于]|(?:隆重|正式|胜利|顺利|如期)*$)"
)


def name_at(meeting_words: Lexicon, text: str, at: int, floor: int) -> tuple[int, int] | None:
    """The span of the meeting name in 在…会上 / 从…会议上 ending at ``at``; a name with its own verb
    (在随后召开的推进会上) is the verb's."""
    start = floor
    for match in CLAUSE_END.finditer(text, floor, at):
        start = match.end()
    opening = _AT_OPENING.match(text, start, at)
    if opening is None or HOLD.search(text, start, at):
        return None
    ends = word_ends(meeting_words, text, opening.end(), at)
    return (opening.end(), at) if ends and ends[0] == at else None


# an enumerator opening a clause: 九、… 3.… （二）…
ENUMERATOR = re.compile(rf"^(?:[（(]{SMALL_NUMERAL}{{1,3}}[)）]|{SMALL_NUMERAL}{{1,3}}[、.．])")

_LIST_COMMA = re.compile("、")


def each_listed(meeting_words: Lexicon, text: str, draft: Draft) -> list[Draft]:
    """The meetings a name lists with 、 (举办首届数字经济峰会、第三届智能制造论坛), each its own
    record, when every item ends with a meeting word; a list of topics of one meeting
    (寄递物流、绿色矿山现场会) is one name."""
    if "、" not in draft.name:
        return [draft]
    items, start = [], draft.start
    for comma in (*(m.start() for m in _LIST_COMMA.finditer(text, draft.start, draft.end)), draft.end):
        items.append((start, comma))
        start = comma + 1
    if len(items) < 2 or any(last_word_end(meeting_words, text, a, b) != b for a, b in items):
        return [draft]
    return [
        attrs.evolve(draft, name=text[a:b], start=a, end=b, attendees=list(draft.attendees), agenda=list(draft.agenda))
        for a, b in items
    ]


# a headline that is a meeting's name and no sentence: it ends with a meeting word, or with 学习 for
# a study group's session (区委理论学习中心组第二次（扩大）学习); the story's dateline after it is
# no part of it
_HEADLINE_NAME = re.compile(rf"(?P<name>[^，。；！？：\n]{{2,40}}?)(?:\s*[^，。\n]{{0,16}}?{DATELINE})?\s*")


def name_from_headline(meeting_words: Lexicon, text: str, story_start: int, kept: list[Draft]) -> bool:
    """A story whose meeting is named only in its headline (全区安全生产工作会议 / 3月5日……主持会议):
    the first record the story calls only 会议 is that meeting, and takes the headline's name.
    Whether a record was renamed (and so moved in the text)."""
    headline = _HEADLINE_NAME.fullmatch(text, 0, story_start) if story_start else None
    if headline is None or HOLD.search(headline.group("name")):
        return False  # no headline, or one that holds a verb (its meeting is a record of its own)
    start, end = headline.span("name")
    if not (text.endswith("学习", start, end) or last_word_end(meeting_words, text, start, end) == end):
        return False
    for draft in kept:
        if draft.start >= story_start and not draft.referred and BACK_REFERENCE.fullmatch(draft.name):
            draft.name, draft.start, draft.end = text[start:end], start, end
            return True
    return False
