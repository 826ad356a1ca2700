"""Periods and counts of times: what a cadence's period and its count are read as.

The period becomes an ISO 8601 duration (每两周 P2W, 每旬 P10D, 每半月 P15D, 每季度 P3M, 每半年 P6M). The count
gives ``min_times``/``max_times``: 至少/不少于 make a floor, 最多/不超过 a ceiling, 1~2次 a range, a
plain 两次 both; 早晚 is two times and 早中晚 three when no number is written. 一 followed by a verb
is once (每日一问候, 一周一调度).
"""

from __future__ import annotations

import re

from govmetrics.chinese import CLAUSE_ENDS, MONTH_OR_DAY_NUMERAL, alternation
from govmetrics.errors import NumeralError
from govmetrics.numerals import parse_amount, parse_number
from govmetrics.times_units import TIMES_UNITS

__all__ = [
    "AT_LEAST",
    "AT_MOST",
    "COUNT_NUMERAL",
    "MONTH_NUMERAL",
    "TIMES_UNITS",
    "UNITS",
    "UNIT_ALT",
    "count_after",
    "iso_period",
    "once_by_verb",
    "positive_count",
]

COUNT_NUMERAL = r"(?:\d+|[一两二三四五六七八九十]+)"
MONTH_NUMERAL = MONTH_OR_DAY_NUMERAL
UNITS = {"天": "D", "日": "D", "晚": "D", "夜": "D", "周": "W", "星期": "W", "礼拜": "W",
         "旬": "T", "月": "M", "个月": "M", "季度": "Q", "季": "Q", "年": "Y", "年度": "Y",
         "学期": "S", "学年": "Y", "会计年度": "Y"}  # fmt: skip
UNIT_ALT = alternation(UNITS)
_COUNT = re.compile(
    rf"(?P<c1>{COUNT_NUMERAL})(?:[~～\-－至到](?P<c2>{COUNT_NUMERAL}))?(?P<cu>{'|'.join(TIMES_UNITS)}|个时段)"
)
AT_LEAST = ("至少", "最少", "不少于", "不低于", "不得少于", "不得低于")
AT_MOST = ("最多", "不超过", "不多于", "不高于", "不得超过", "不得多于", "不得高于")
# 一次以上 is at least once and 两次以下 at most twice: 以上 and 以下 include the number (ANNOTATION.md)
_AT_LEAST_AFTER = ("以上", "及以上")
_AT_MOST_AFTER = ("以下", "及以下", "以内")
_CLAUSE_END = re.compile(f"[{CLAUSE_ENDS}]|每")
_SLOTS = {"早中晚": 3, "早午晚": 3, "早晚": 2, "上下午": 2}
# what follows 一 in words that are no verb: 一个, 一次 …, 一般, 一些, 一样, 一直 …, and the calendar
# (每年一月: in January, not once) and amounts (每天一小时); 五十年一遇 names how rare a flood is
# (its return period), nothing done once in fifty years
_NOT_A_VERB = frozenset("个次项批步件名人户家夜度般些样起直定切致律并同道流线系日月周季年小分刻秒元块份张遇")


def iso_period(n: str | None, unit: str) -> str | None:
    """The ISO 8601 duration of ``n`` (a numeral, 半 or 双; None for one) periods of ``unit``, or None
    for a period that has none (半周, 零月)."""
    kind = UNITS[unit]
    if n == "半":
        return {"D": None, "W": None, "T": None, "M": "P15D", "Q": None, "S": None, "Y": "P6M"}[kind]
    if n == "双":
        count = 2
    elif n:
        try:
            value = parse_number(n)
        except NumeralError:
            return None
        if not isinstance(value, int) or value < 1:
            return None
        count = value
    else:
        count = 1
    if kind == "Q":
        return f"P{3 * count}M"
    if kind == "S":
        return f"P{6 * count}M"  # 每学期: a school term is half a year
    if kind == "T":
        return f"P{10 * count}D"  # 每旬: a ten-day period (上旬 1-10, 中旬 11-20, 下旬 the rest)
    return f"P{count}{kind}"


def positive_count(text: str) -> int | None:
    """A count of times as written (两, 3); None for no whole number above zero."""
    try:
        value = parse_number(text)
    except NumeralError:
        return None
    return value if isinstance(value, int) and value > 0 else None


def count_after(text: str, start: int) -> tuple[int | None, int | None, int, str] | None:
    """The count of times in the clause after ``start``: (min, max, end of the count, activity)."""
    stop = _CLAUSE_END.search(text, start, start + 40)
    clause_end = stop.start() if stop else min(len(text), start + 40)  # a count stands near its period
    clause = text[start:clause_end]
    for slots, times in _SLOTS.items():
        if clause.startswith(slots):
            explicit = _COUNT.match(clause, len(slots))
            if explicit is None:
                return times, times, start + len(slots), clause[len(slots) :]
    found = _COUNT.search(clause)
    if found is None:
        return None
    try:
        amount = parse_amount(found.group("c1") + ("~" + found.group("c2") if found.group("c2") else ""))
    except NumeralError:
        return None
    low, high = amount.value, amount.high
    if not isinstance(low, int) or (high is not None and not isinstance(high, int)):
        return None
    before = clause[: found.start()]
    activity = (before + clause[found.end() :]).strip()
    for word in (*AT_LEAST, *AT_MOST, "进行", "开展"):
        activity = activity.replace(word, "")
    if high is not None:
        return low, high, start + found.end(), activity
    after = clause[found.end() :]
    if after.startswith(_AT_LEAST_AFTER):
        return low, None, start + found.end() + (2 if after.startswith("以上") else 3), activity
    if after.startswith(_AT_MOST_AFTER):
        return None, low, start + found.end() + (3 if after.startswith("及以下") else 2), activity
    if any(word in before for word in AT_LEAST):
        return low, None, start + found.end(), activity
    if any(word in before for word in AT_MOST):
        return None, low, start + found.end(), activity
    return low, low, start + found.end(), activity


def once_by_verb(text: str, at: int) -> bool:
    """每日一问候, 一周一调度: 一 followed by a verb is once per period."""
    return (
        text[at : at + 1] == "一"
        and at + 1 < len(text)
        and "\u4e00" <= text[at + 1] <= "\u9fff"
        and (text[at + 1] not in _NOT_A_VERB or text.startswith(_VERBS_DESPITE, at + 1))
    )


# verbs that start with a character _NOT_A_VERB holds for amounts (一小时): 一月一小结 is once a month
_VERBS_DESPITE = ("小结",)
