"""Cadences read from 每 + a period, and from a count per period written without 每.

* 每 + period, then (within the clause) how many times: 每季度至少进行一次, 每月至少开展1~2次,
  每天早晚两次, 每周三上午…接待 (no count), 每日一问候 (一 + a verb is once);
* count per period, without 每: 一年两次, 两年一次, 一周一调度, 半月一通报.

A yearly period's day, month or festival is its anchor, not a date of its own (每年3月31日前,
每年教师节前). The weekdays listed are counted (每周一、三、五 is three times a week; 每周一、周四各一次,
two). 至少 or 最多 before 每 bounds the count after the period (至少每半年进行一次: 1, null), with a
modal between them too (至少应当每月召开一次).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govmetrics import lexicon
from govmetrics.chinese import MODALS, alternation, first_at_a_glance
from govmetrics.extractors.cadence_counts import (
    AT_LEAST,
    AT_MOST,
    COUNT_NUMERAL,
    MONTH_NUMERAL,
    UNIT_ALT,
    UNITS,
    count_after,
    iso_period,
    once_by_verb,
    positive_count,
)
from govmetrics.extractors.cadence_named import named_pattern
from govmetrics.extractors.cadence_rates import (
    ACTION_AFTER,
    RATE_BEFORE,
    reckons_for_period,
    states_a_rate,
)
from govmetrics.lexicon import Lexicons
from govmetrics.models import Cadence, Span

__all__ = ["every_period"]

# 每年8月1日至8月31日, 每月一日至十日: a window in the period, its end written after 至
_DAY_SPAN = rf"(?:[至到](?:{MONTH_NUMERAL}月)?{COUNT_NUMERAL}[日号])?"


def _every_pattern(lexicons: Lexicons) -> re.Pattern[str]:
    """每 + period and its anchor, built from the festivals lexicon."""
    festivals = lexicon.alternation(lexicons.words("festivals")) or "(?!)"
    return re.compile(
        # 每逢周三 is 每周三; 隔周 (every other week) is every two weeks. Both branches start with their
        # character, so the search skips ahead to a 每 or a 隔 (re does so only when each branch opens
        # with a plain character, not a group: ``other`` is the empty group after 隔, set or None).
        rf"(?:每(?:隔|逢)?|隔(?<![每间]隔)(?=[周天月年])(?P<other>))(?P<n>[一两二三四五六七八九十半双]|\d+)?个?(?P<unit>{UNIT_ALT})"
        # 每周六在…, 每周三上午, 每周一、三、五 (but 每周一次 is once a week)
        # 每年3月31日前, 每年的10月底前: a yearly period's day or month is its anchor, not a date of its
        # own (a rule's every year, not the publication's)
        rf"(?P<anchor>(?P<month>的?{MONTH_NUMERAL}月份?"
        rf"(?:{MONTH_NUMERAL}[日号]{_DAY_SPAN}|[初底末]|[上中下]旬)?(?P<due>之?前|以前|后)?)"
        rf"|{COUNT_NUMERAL}[日号]{_DAY_SPAN}(?:前|后)?"
        # 每年教师节前, 每年春节期间: a festival or season of the year (the festivals lexicon)
        rf"|(?P<festival>(?:{festivals})(?:前后|前夕|之际|期间|前|后)?)"
        r"|[一二三四五六日天](?![次回遍])(?=[上下中早晚]|[\u4e00-\u9fff]{3}|[、和及](?:周|星期)?[一二三四五六日天])"
        rf"|最后一[个天]?(?:周[一二三四五六日天]|工作日|天)?|[初末底]|[上中下]旬)?"
    )


# the first character of a count per period's numeral
_PER_FIRST = first_at_a_glance(r"一两二三四五六半\d")
_PER = re.compile(
    # The numeral's first character opens the pattern, so the search skips ahead to one (a leading
    # assertion would be tried at every position), its digits tested as a bitmap and then read as
    # \d; the lookbehind then looks past it: not the end of a span of months (1至9月一般公共预算收入).
    # A digit may go on (12月); a Chinese numeral is one.
    rf"(?P<n>{_PER_FIRST}(?<![\d一二三四五六七八九十第每至到~～\-－].)"
    r"(?:(?<=\d)\d*)?)"
    rf"(?P<unit>{UNIT_ALT})"
    rf"(?P<count>{COUNT_NUMERAL})(?P<cu>次|回|遍)?"
)
# a verb of one or two characters after 一 (一调度, 一问候), alone in its clause after a weekday's 一
_SHORT_VERB = re.compile(r"[\u4e00-\u9fff]{1,2}")
_SHORT_VERB_ALONE = re.compile(r"(?P<verb>[\u4e00-\u9fff]{1,2})(?:[，。；、！？”\n]|$)")
_WEEKDAYS = frozenset("一二三四五六日天")
_WEEK_UNITS = ("周", "星期", "礼拜")
# more weekdays after the first: 每周一、三、五, 每周一、周四
_MORE_WEEKDAYS = re.compile(r"(?:[、和及](?:周|星期)?[一二三四五六日天])+")


def _activity_follows(text: str, end: int, lexicons: Lexicons) -> bool:
    """每季度评选“最美庭院”20户: a recurring activity of the cadence_activities lexicon right after the
    period makes it a cadence; the amount after it is what the activity yields, not what the period
    holds."""
    return named_pattern(lexicons)[2].match(text, end) is not None


# 至少每一个月…进行一次: a floor or a ceiling written before 每 bounds the count after the period; a
# modal may stand between them (至少应当每月召开一次: the rule's floor, with its 应当 moved forward)
_BOUND_BEFORE_EVERY = re.compile(f"(?P<bound>{alternation(AT_LEAST + AT_MOST)})(?:{alternation(MODALS)})?$")
# 于每月一日至十日限期内，一次缴纳: after an anchor, a window that closes its clause (…内，); the count
# and the action are in the next clause
_WINDOW_THEN_CLAUSE = re.compile(r"[\u4e00-\u9fff]{0,4}(?:内|期间)，")


def every_period(text: str, lexicons: Lexicons) -> Iterator[Cadence]:
    """每 + period, and a count per period (一年两次)."""
    taken = 0
    names = lexicons.set_phrase_spans(text)
    # every match opens with 每 or 隔: str finds either, or neither, faster than re scans for both
    every = lexicons.built("cadences.every", _every_pattern).finditer(text) if "每" in text or "隔" in text else ()
    for match in every:
        start = match.start()
        if start < taken:
            continue
        rate = RATE_BEFORE.search(text, max(0, start - 6), start)
        period = iso_period("两" if match.group("other") is not None else match.group("n"), match.group("unit"))
        if period is None:
            continue
        end = match.end()
        low = high = None
        activity: str | None = None
        anchor = match.group("anchor") or ""
        weekly = match.group("unit") in _WEEK_UNITS
        if (anchor in _WEEKDAYS and not weekly) or (match.group("month") and UNITS[match.group("unit")] != "Y"):
            end, anchor = match.start("anchor"), ""  # 每月一通报: a weekday names no day of a month
        weekday_one = weekly and anchor == "一"
        weekdays = _MORE_WEEKDAYS.match(text, end) if weekly and anchor else None
        if weekdays:
            # 每周一、三、五 is three days a week; 每周一、周四各开展一次, once on each of two
            days = 1 + len(re.findall("[一二三四五六日天]", weekdays.group()))
            end = weekdays.end()
            low = high = days
            counted = count_after(text, end)
            if counted is not None and "各" in text[end : counted[2]]:
                times = counted[0]
                if times is not None and times == counted[1]:
                    low = high = days * times
                end = counted[2]
        elif weekday_one and (short := _SHORT_VERB_ALONE.match(text, end)):
            # 每周一探访、每日一问候: 一 and a short verb is once a week, not Monday
            low = high = 1
            end = short.end("verb")
            activity = text[match.end() : end]
        elif not anchor and once_by_verb(text, end):
            low = high = 1
            verb = _SHORT_VERB.match(text, end + 1)
            activity = verb.group() if verb else None
            end = verb.end() if verb else end + 1
        else:
            counted = count_after(text, end)
            window = _WINDOW_THEN_CLAUSE.match(text, end) if counted is None and anchor else None
            if window is not None:
                counted = count_after(text, window.end())  # 每月一日至十日限期内，一次缴纳
            if counted is not None:
                low, high, end, found_activity = counted
                activity = found_activity or None
        bound = _BOUND_BEFORE_EVERY.search(text, max(0, start - 6), start)
        if bound is not None and low is not None and low == high:
            # 至少每半年进行一次: 至少 before the period bounds the count, once or more each half year
            low, high = (low, None) if bound.group("bound") in AT_LEAST else (None, high)
            start = bound.start()
        # 每人每月100元: 每月 divides an amount; 每人每季度调研1次 still counts times, and
        # 每名干部每天要开展走访 names no amount for the period to divide
        if low is None and high is None and not anchor and reckons_for_period(text, match.end(), lexicons):
            continue  # 每日增交滞纳金，其数额为未缴部分百分之一: a charge reckoned per day, a rate
        if (
            low is None
            and high is None
            and not (match.group("festival") and UNITS[match.group("unit")] == "Y")
            and not (match.group("due") and UNITS[match.group("unit")] == "Y")
            and not _activity_follows(text, match.end(), lexicons)
            and (states_a_rate(text, match.end(), lexicons) or (rate and not ACTION_AFTER.match(text, match.end())))
        ):
            continue
        taken = end
        if lexicon.covered(names, start, end) or lexicon.covered(names, start, start + 2):
            continue  # 每月一题(专栏): the name of a programme
        yield Cadence(text=text[start:end], span=Span(start=start, end=end), period=period,
                      min_times=low, max_times=high, activity=activity)  # fmt: skip
    yield from _per_period(text, names)


def _per_period(text: str, names: list[tuple[int, int]]) -> Iterator[Cadence]:
    """一年两次, 两年一次, 一周一调度, 半月一通报."""
    for match in _PER.finditer(text):
        n = match.group("n")
        period = iso_period(None if n == "一" else n, match.group("unit"))
        if period is None:
            continue
        end = match.end()
        if match.group("cu") is None:
            if match.group("count") != "一" or not once_by_verb(text, end - 1):
                continue
            verb = _SHORT_VERB.match(text, end)
            end = verb.end() if verb else end
        times = positive_count(match.group("count"))
        if times is None or lexicon.covered(names, match.start(), end):
            continue
        yield Cadence(text=text[match.start() : end], span=Span(start=match.start(), end=end), period=period,
                      min_times=times, max_times=times)  # fmt: skip
