"""The Chinese-text kit: the pieces every extractor builds its patterns from.

A rule about how Chinese is written (where a clause ends, which characters make a small numeral,
which words make a sentence a rule rather than a report) is written once, here, and read by every
extractor and plugin that needs it, so that two extractors never disagree about where a clause
ends. Plugin authors reach these through :mod:`govmetrics.kit`.

Nothing here imports the rest of govmetrics: the kit stands below every module that uses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

#: What ends a clause: the full-width comma, full stop, semicolon, question and exclamation marks
#: and colon, their half-width forms as scraped pages write them, and a line break. A rule that
#: reads "in the same clause" reads up to one of these.
CLAUSE_ENDS = "，。；！？：,;!?\n"
#: What ends a sentence: a clause may run on after a comma, a sentence does not after these. The
#: semicolon is among them: the rules of a regulation are sentences joined by semicolons.
SENTENCE_ENDS = "。；！？\n"


#: The body of a character class holding every character ``\d`` matches, which re tests as one
#: bitmap and a range: for the first test of a scan, whose pattern then reads the digit with ``\d``.
#: ``\d`` itself is a lookup of the character's Unicode category, and a scan opening with a class
#: that holds it takes twice as long. Here are the decimal digits of the BMP, run by run, and one
#: range over those beyond it (with the characters between them); tests check it against ``\d``.
DIGITS_AT_A_GLANCE = (
    "0-9\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f"
    "\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f"
    "\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\u1090-\u1099"
    "\u17e0-\u17e9\u1810-\u1819\u1946-\u194f\u19d0-\u19d9\u1a80-\u1a89\u1a90-\u1a99"
    "\u1b50-\u1b59\u1bb0-\u1bb9\u1c40-\u1c49\u1c50-\u1c59\ua620-\ua629\ua8d0-\ua8d9"
    "\ua900-\ua909\ua9d0-\ua9d9\ua9f0-\ua9f9\uaa50-\uaa59\uabf0-\uabf9\uff10-\uff19"
    "\U000104a0-\U0001fbf9"
)


def first_at_a_glance(characters: str) -> str:
    """One character of the class ``[characters]`` (which holds ``\\d``), written to open a scan.

    The class is tested with :data:`DIGITS_AT_A_GLANCE` in place of ``\\d``, so the search skips
    ahead at a glance; a lookbehind then tests the character against the class as written, since
    the range beyond the BMP holds characters that are no digits.
    """
    at_a_glance = characters.replace(r"\d", DIGITS_AT_A_GLANCE)
    return f"[{at_a_glance}](?<=[{characters}])"


#: A character class of one small numeral, in Arabic digits or Chinese up to ten: a day of the
#: month (5日, 十日), a count of sessions (三届) or of hours (8时) is written with these.
SMALL_NUMERAL = r"[\d一二三四五六七八九十]"
#: A character class of one digit of an ordinal's number, in Arabic digits or Chinese up to the
#: hundreds: 第三十七次, 第105条, 第一百零二条.
ORDINAL_NUMERAL = r"[\d零〇一二三四五六七八九十百]"
#: The number of a month or a day (7, 12, 十二, 三十一), in Arabic digits or Chinese.
MONTH_OR_DAY_NUMERAL = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
#: The end of a news dateline (本报讯, 新华社北京7月10日电) and the reporters bracketed after it:
#: what stands between a story's first words and its first sentence. 通讯, 资讯, 喜讯, 快讯 and 简讯
#: are words of their own, no dateline.
DATELINE = rf"(?:(?<![通资喜快简])讯|{SMALL_NUMERAL}日电)(?:（[^）]{{0,30}}）|\([^)]{{0,30}}\))?"
#: The modal words that make a clause say what must (or is to) be done, not what was done: 应当,
#: 必须, 须, 要. A rule's 每月应当召开一次 is a cadence, and its 应当召开 no meeting held.
MODALS: tuple[str, ...] = ("应当", "应该", "必须", "需要", "应", "须", "需", "要", "得")
#: The modal words of a rule as a pattern, each guarded against the words it begins or ends: 应
#: but not 应急, 响应 or 供应, nor the roll call's 应到 (the members expected); 要 but not 要求,
#: 主要 or 重要. A clause with one says what must be, not what was.
OBLIGATION = r"应当|应(?<![响相供适反效对答回感]应)(?![急用对聘邀到])|必须|须|要(?<![主重需纪摘概只]要)(?![求闻素点])"
#: 将 of the future (将于2月24日召开, 将有300多名委员参加, 将接续办好), not 将近 (nearly) nor 将来.
#: The 将 that moves its object before the verb (将城区划分为83个网格) reads alike; :data:`DISPOSAL`
#: tells it apart by what follows it in the clause.
FUTURE = r"将(?![近来])"
#: What follows the 将 that moves its object before the verb: the object, then a verb ending in
#: 为, 到, 入 or 给 (将城区14个社区划分为83个网格, 将108个重点项目落实到45位县级领导).
DISPOSAL = re.compile(r"[^，。；！？：,;!?\n]{2,40}?[\u4e00-\u9fff](?:为|到|入|给)")


#: The next clause end (:data:`CLAUSE_ENDS`), compiled.
CLAUSE_END = re.compile(f"[{CLAUSE_ENDS}]")
#: The next sentence end (:data:`SENTENCE_ENDS`), compiled.
SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")


def clause_end(text: str, at: int, limit: int | None = None) -> int:
    """Where the clause running through ``at`` ends: the next of :data:`CLAUSE_ENDS` at or after
    ``at``, or ``limit`` (the end of the text when not given) if none comes before it."""
    stop = len(text) if limit is None else min(limit, len(text))
    match = CLAUSE_END.search(text, at, stop)
    return match.start() if match else stop


def sentence_end(text: str, at: int, limit: int | None = None) -> int:
    """Where the sentence running through ``at`` ends (see :data:`SENTENCE_ENDS`), or ``limit``."""
    stop = len(text) if limit is None else min(limit, len(text))
    match = SENTENCE_END.search(text, at, stop)
    return match.start() if match else stop


def alternation(
    words: Iterable[str], *, not_after: Mapping[str, str] | None = None, then: Mapping[str, str] | None = None
) -> str:
    """The words as one regular-expression alternation, longest first, each escaped, each once,
    the words that share a beginning under one test of it (:func:`_branches`).

    re takes the first alternative that matches, not the longest: 平方米 must stand before 米 and
    常务会议 before 会议, or the shorter word wins where the longer one is written. An empty list
    gives an empty string; a caller whose pattern must then match nothing writes ``or "(?!)"``.

    ``not_after`` maps a word's first character to the characters that may not stand before it:
    with ``{"约": "节制"}``, 约 and 约为 are words of their own but not the ends of 节约 or 制约. The
    first character is written before the lookbehind, so re can pass over the alternative at a
    glance where that character is not (an alternative that opens with an assertion is tried in
    full at every position). ``then`` maps a whole word to an assertion written right after it:
    ``{"多": "(?![为是数])"}`` keeps 多 but not 多为 or 多数.
    """
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(_branches(words, 0, not_after or {}, then or {}))


def _branches(words: list[str], depth: int, not_after: Mapping[str, str], then: Mapping[str, str]) -> list[str]:
    """The alternatives for ``words`` (longest first, all sharing their first ``depth`` characters)
    after those characters: one per next character, the words that end here last.

    Written as a tree of shared beginnings (常务会议|会(?:议|)), not one alternative a word: re tries
    the alternatives one by one, so a lexicon of 180 units cost 180 tests at every candidate; the
    tree costs one a distinct first character, then one a character below. It matches what the
    flat list of longest-first words matches: all the words that match at one place begin one
    another, and the tree tries them longest first, a longer one before the one it starts with.
    """
    by_next: dict[str, list[str]] = {}
    for word in words:
        by_next.setdefault(word[depth : depth + 1], []).append(word)
    parts = []
    for char, group in by_next.items():
        if not char:
            continue
        head = re.escape(char)
        behind = not_after.get(char) if depth == 0 else None
        if behind:
            # the character first, so re passes over the alternative at a glance where it is not
            head += f"(?<![{re.escape(behind)}]{head})"
        below = _branches(group, depth + 1, not_after, then)
        parts.append(head + (below[0] if len(below) == 1 else f"(?:{'|'.join(below)})"))
    if "" in by_next:
        parts.append(then.get(by_next[""][0], ""))  # a word ending here, after every longer one
    return parts


#: The characters after which a qualifier's first character ends another word instead: 约 and 近
#: (and qualifiers starting with them: 约为) stand only as words of their own, and 节约, 制约, 附近,
#: 最近, 节约为 hold no qualifier; nor does 通过 or 经过. 满 is a bound on its own (已满六十周岁), not in
#: 不满 or 未满 (qualifiers of their own), 圆满, 充满, nor in a period running out (届满, 期满, 起满),
#: which the duration cues read as a plain length. Every reader of qualifiers shares this guard.
NOT_A_QUALIFIER_AFTER: Mapping[str, str] = {
    "约": "节制签预邀公条契特",
    "近": "附最接将就临贴",
    "过": "通经超不度越跨错难",
    "满": "不未届期起圆充布美饱丰占爆",
}
