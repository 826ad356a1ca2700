"""Whether a named meeting was held, and whether the story reports it or only refers to it.

* referred to only: ``传达…会议精神``, ``关于召开…会议的请示``, or meetings counted (已召开11次,
  连续3年召开): these were held, but the story does not report one; they come out with
  ``referred=True`` (``is_referred``, ``is_counted``);
* only required, planned or held on a cadence: ``应当召开会议``, ``可以召开听证会``, ``将于下月召开``,
  ``每月至少召开一次议事会``: no meeting took place, so these give no record at all (``is_required``;
  the cadence is the cadence extractor's).
"""

from __future__ import annotations

import re

from govmetrics.chinese import SMALL_NUMERAL

# spoken of rather than held: 传达…会议精神, 关于召开…的请示; such a meeting was held (or is to be),
# the story only names it, so it comes out with ``referred=True``
_REFERRED_BEFORE = re.compile(
    # 学习 in a study group's name (理论学习中心组) is no verb
    r"(?:传达|学习(?!中心组|小组)|贯彻|落实|关于|筹备|参照)[^，。；,;]*$"
)
_REFERRED_AFTER = re.compile(r"^(?:精神|上的讲话|部署|要求|的请示|的通知|决定)")
# a meeting that a rule or plan only requires is no event at all, and no record: the clause before its
# verb says it must, may or will be held (应当召开, 可以召开听证会, 将于下月召开, 原则上每月召开) — the
# modal words, not the words they begin or end (应急管理局, 主要领导, 计划生育协会, 应邀)
_REQUIRED_BEFORE = re.compile(
    r"(?:应当|(?<![响相供适反效对答回感])应(?![急用对聘邀])|须|必须|可以|将|(?<![模])拟|计划(?!生育)"
    r"|(?<![主重需纪摘概只])要(?![求闻素点])|原则上|一般|必要时|需要时|如有需要|随时)[^，。；,;]*$"
)
# …召开前 / 召开时 / 召开15日以前: the time around a meeting, written in a rule, not a meeting held
_REQUIRED_AFTER_VERB = re.compile(rf"(?:前|时|之日|{SMALL_NUMERAL}+日(?:以)?前)")
# a meeting held on a cadence is a cadence, not a meeting (每月至少召开一次街巷议事会, 定期召开)
_CADENCE = re.compile(r"每[\u4e00-\u9fff\d]{0,4}(?:天|日|周|星期|月|季度|年|学期)|逐[日周月季年]|定期|例会制度")
# 已召开11次: meetings counted, not one held; 第三十七次常务会议 and 十四届五次会议 name a session
# 连续3年召开: one held each year, not one held
_COUNTED = re.compile(
    r"(?<![第届\d一两二三四五六七八九十])[\d一两二三四五六七八九十]+次(?![\u4e00-\u9fff]{0,8}(?:会议|全会|大会))"
    r"|连续[\d一两二三四五六七八九十]+年"
)


def _outside(named: tuple[int, int], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``start``..``end`` outside the name: a name of its own words (学习秘书培训会,
    应急工作会议) says nothing of whether the meeting was held."""
    if named[1] <= start or named[0] >= end:
        return [(start, end)]
    return [(start, named[0]), (named[1], end)]


def is_required(
    text: str, named: tuple[int, int], clause_start: int, verb_start: int, verb_end: int, clause: str
) -> bool:
    """Whether the clause holding the verb at ``verb_start``..``verb_end`` only requires, plans or
    schedules the meeting named at ``named``: a modal before the verb outside the name, the time
    around a meeting after it (召开前), or a cadence anywhere in ``clause``."""
    return (
        any(_REQUIRED_BEFORE.search(text, *part) for part in _outside(named, clause_start, verb_start))
        or bool(_REQUIRED_AFTER_VERB.match(text, verb_end))
        or bool(_CADENCE.search(clause))
    )


def is_counted(clause: str) -> bool:
    """Whether ``clause`` counts meetings (已召开11次, 连续3年召开) rather than reporting one."""
    return bool(_COUNTED.search(clause))


def is_referred(text: str, sentence_start: int, name_start: int, verb_start: int, after: str) -> bool:
    """Whether the meeting is spoken of rather than held: 传达, 关于… before its name or verb in the
    sentence, or 精神, 的请示… right ``after`` its name."""
    return bool(
        _REFERRED_BEFORE.search(text, sentence_start, min(name_start, verb_start)) or _REFERRED_AFTER.match(after)
    )
