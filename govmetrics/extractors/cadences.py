"""The cadence extractor: every statement that something is done at a regular frequency.

Two ways Chinese writes a cadence:

* 每 + period, then (within the clause) how many times: 每季度至少进行一次, 每月至少开展1~2次,
  每天早晚两次, 每周三上午…接待 (no count), 每日一问候 (一 + a verb is once);
* count per period, without 每: 一年两次, 两年一次, 一周一调度, 半月一通报;
* a period word naming a recurring activity, with no count: 月调度, 双周例会, 季度通报, 年终考核, and
  按月通报, 逐月调度, 分季度进行民主评议 (the activities are the ``cadence_activities`` lexicon).
* 按 or 逐 + a period of a quarter or shorter + any action verb: 逐季召开部署会, 按季度调整项目清单
  (but not a verb that reckons, pays, stages or moves a figure, the ``period_reckonings`` lexicon:
  按月计算, 按月发放, 逐月回落);
* a list of short forms, a period character and a two-character verb each (“周汇总、月交办”,
  日梳理、周研判、月分析), quoted or holding one known activity: every item is a cadence.

A period that divides an amount is a rate, not a cadence: 每月收费150元, 每年可减轻负担48亿元,
每年每平方米三元 state what a period holds, not how often something is done; so does a charge
reckoned per period (每日加收滞纳金，数额为欠缴部分的百分之一). A time limit is no amount: a duty due
each period (每年9月30日前下达, 每年3月1日至3月31日提交, 自每月结束之日起10个工作日内报送) is a
cadence with no count, and so is a yearly action anchored on a festival (每年教师节前表彰).
至少 or 最多 before 每 bounds the count after the period (至少每半年进行一次: 1, null), with a modal
between them too (至少应当每月召开一次).

The period becomes an ISO 8601 duration (每两周 P2W, 每旬 P10D, 每半月 P15D, 每季度 P3M, 每半年 P6M). The count
gives ``min_times``/``max_times``: 至少/不少于 make a floor, 最多/不超过 a ceiling, 1~2次 a range, a
plain 两次 both; 早晚 is two times and 早中晚 three when no number is written, and so are the
weekdays listed (每周一、三、五 is three times a week; 每周一、周四各一次, two). A rate is not a
cadence: in 每人每月100元 and 平均每天300人次, the period divides an amount; but 每人每季度调研1次
and 平均每天巡查2次 count times, so they are cadences, per person and on average.

The cadence's span runs from the period to its count, so the numbers inside (1~2次) belong to it
and never come out as metrics: the resolution step gives the span to the cadence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from govmetrics import lexicon
from govmetrics.errors import NumeralError
from govmetrics.hookspecs import hookimpl
from govmetrics.models import Article, Cadence, Span
from govmetrics.numerals import parse_amount, parse_number
from govmetrics.plugins import get_plugin_host

_COUNT_NUMERAL = r"(?:\d+|[一两二三四五六七八九十]+)"
_MONTH_NUMERAL = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_UNITS = {"天": "D", "日": "D", "晚": "D", "夜": "D", "周": "W", "星期": "W", "礼拜": "W",
          "旬": "T", "月": "M", "个月": "M", "季度": "Q", "季": "Q", "年": "Y", "年度": "Y",
          "学期": "S", "学年": "Y", "会计年度": "Y"}  # fmt: skip
_UNIT_ALT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
# 每年8月1日至8月31日, 每月一日至十日: a window in the period, its end written after 至
_DAY_SPAN = rf"(?:[至到](?:{_MONTH_NUMERAL}月)?{_COUNT_NUMERAL}[日号])?"


def _every_pattern() -> re.Pattern[str]:
    """每 + period and its anchor; built from the festivals lexicon once, kept in the plugin cache."""
    cache = get_plugin_host().cache
    built = cache.get("cadences.every")
    if built is None:
        festivals = "|".join(sorted({re.escape(row[0]) for row in lexicon.load("festivals")}, key=len, reverse=True))
        festivals = festivals or "(?!)"
        built = cache["cadences.every"] = re.compile(
            # 每逢周三 is 每周三; 隔周 (every other week) is every two weeks. Both branches start with their
            # character, so the search skips ahead to a 每 or a 隔.
            rf"(?:每(?:隔|逢)?|(?P<other>隔)(?<![每间]隔)(?=[周天月年]))(?P<n>[一两二三四五六七八九十半双]|\d+)?个?(?P<unit>{_UNIT_ALT})"
            # 每周六在…, 每周三上午, 每周一、三、五 (but 每周一次 is once a week)
            # 每年3月31日前, 每年的10月底前: a yearly period's day or month is its anchor, not a date of its
            # own (a rule's every year, not the publication's)
            rf"(?P<anchor>(?P<month>的?{_MONTH_NUMERAL}月份?"
            rf"(?:{_MONTH_NUMERAL}[日号]{_DAY_SPAN}|[初底末]|[上中下]旬)?(?P<due>之?前|以前|后)?)"
            rf"|{_COUNT_NUMERAL}[日号]{_DAY_SPAN}(?:前|后)?"
            # 每年教师节前, 每年春节期间: a festival or season of the year (the festivals lexicon)
            rf"|(?P<festival>(?:{festivals})(?:前后|前夕|之际|期间|前|后)?)"
            r"|[一二三四五六日天](?![次回遍])(?=[上下中早晚]|[\u4e00-\u9fff]{3}|[、和及](?:周|星期)?[一二三四五六日天])"
            rf"|最后一[个天]?(?:周[一二三四五六日天]|工作日|天)?|[初末底]|[上中下]旬)?"
        )
    return built


_PER = re.compile(
    # The numeral's first character opens the pattern, so the search skips ahead to one (a leading
    # assertion would be tried at every position); the lookbehind then looks past it: not the end
    # of a span of months (1至9月一般公共预算收入). A digit may go on (12月); a Chinese numeral is one.
    r"(?P<n>[一两二三四五六半\d](?<![\d一二三四五六七八九十第每至到~～\-－].)(?:(?<=\d)\d*)?)"
    rf"(?P<unit>{_UNIT_ALT})"
    rf"(?P<count>{_COUNT_NUMERAL})(?P<cu>次|回|遍)?"
)
#: The words a count of times ends in (两次, 一轮, 两期); resolution reads them too.
TIMES_UNITS = ("次", "回", "遍", "趟", "轮", "期", "场")
_COUNT = re.compile(
    rf"(?P<c1>{_COUNT_NUMERAL})(?:[~～\-－至到](?P<c2>{_COUNT_NUMERAL}))?(?P<cu>{'|'.join(TIMES_UNITS)}|个时段)"
)
_AT_LEAST = ("至少", "最少", "不少于", "不低于", "不得少于", "不得低于")
_AT_MOST = ("最多", "不超过", "不多于", "不高于", "不得超过", "不得多于", "不得高于")
# 一次以上 is at least once and 两次以下 at most twice: 以上 and 以下 include the number (ANNOTATION.md)
_AT_LEAST_AFTER = ("以上", "及以上")
_AT_MOST_AFTER = ("以下", "及以下", "以内")
_CLAUSE_END = re.compile(r"[，。；！？：,;!?\n]|每")
_WEEKDAYS = frozenset("一二三四五六日天")
_WEEK_UNITS = ("周", "星期", "礼拜")
_SLOTS = {"早中晚": 3, "早午晚": 3, "早晚": 2, "上下午": 2}
# what follows 一 in words that are no verb: 一个, 一次 …, 一般, 一些, 一样, 一直 …, and the calendar
# (每年一月: in January, not once) and amounts (每天一小时)
_NOT_A_VERB = frozenset("个次项批步件名人户家夜度般些样起直定切致律并同道流线系日月周季年小分刻秒元块份张")
_RATE_BEFORE = re.compile(r"(?:每[\u4e00-\u9fff\d]{1,4}|平均|人均|户均)$")
# more weekdays after the first: 每周一、三、五, 每周一、周四
_MORE_WEEKDAYS = re.compile(r"(?:[、和及](?:周|星期)?[一二三四五六日天])+")


def _period(n: str | None, unit: str) -> str | None:
    kind = _UNITS[unit]
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


def _times(text: str) -> int | None:
    try:
        value = parse_number(text)
    except NumeralError:
        return None
    return value if isinstance(value, int) and value > 0 else None


def _count_after(text: str, start: int) -> tuple[int | None, int | None, int, str] | None:
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
    for word in (*_AT_LEAST, *_AT_MOST, "进行", "开展"):
        activity = activity.replace(word, "")
    if high is not None:
        return low, high, start + found.end(), activity
    after = clause[found.end() :]
    if after.startswith(_AT_LEAST_AFTER):
        return low, None, start + found.end() + (2 if after.startswith("以上") else 3), activity
    if after.startswith(_AT_MOST_AFTER):
        return None, low, start + found.end() + (3 if after.startswith("及以下") else 2), activity
    if any(word in before for word in _AT_LEAST):
        return low, None, start + found.end(), activity
    if any(word in before for word in _AT_MOST):
        return None, low, start + found.end(), activity
    return low, low, start + found.end(), activity


def _once_by_verb(text: str, at: int) -> bool:
    """每日一问候, 一周一调度: 一 followed by a verb is once per period."""
    return (
        text[at : at + 1] == "一"
        and at + 1 < len(text)
        and "\u4e00" <= text[at + 1] <= "\u9fff"
        and (text[at + 1] not in _NOT_A_VERB or text.startswith(_VERBS_DESPITE, at + 1))
    )


# verbs that start with a character _NOT_A_VERB holds for amounts (一小时): 一月一小结 is once a month
_VERBS_DESPITE = ("小结",)
_CLAUSE = re.compile(r"[，。；！？：,;!?\n]")
#: Units of a count of times or of a period (每周一次 and 每年3月 state no amount), and those of a
#: time of day (每天晚上8点, 每周一9时30分: when it is done, not an amount the period holds).
_NOT_AMOUNT_UNITS = frozenset((*TIMES_UNITS, "场次", "年", "天", "月", "个月", "点", "时", "分", "秒"))


def _amount_pattern() -> re.Pattern[str]:
    """A number with a measure unit from the units lexicon (80份, 1.5万人次, 三元, 48亿元)."""
    cache = get_plugin_host().cache
    pattern = cache.get("cadences.amount")
    if pattern is None:
        units = sorted({row[0] for row in lexicon.load("units")} - _NOT_AMOUNT_UNITS, key=len, reverse=True)
        pattern = cache["cadences.amount"] = re.compile(
            # not an ordinal: 每季度的第一个月份 names a month, it divides nothing
            r"(?=[\d零〇一二两三四五六七八九十百千])(?<!第)"
            r"(?:\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千]+)[余多]?[万亿]*[余多]?"
            rf"(?:{'|'.join(map(re.escape, units))})"
        )
    return pattern


def _states_a_rate(text: str, end: int) -> bool:
    """A period that divides an amount, not one that repeats an action: 每月收费150元,
    每日上岗值守志愿者1.5万人次, 每年可减轻负担48亿元, and the chain of 每月每平方米0.5元.

    Only called when no count of times follows in the clause (每周为200名老人送餐一次 counts
    times and stays a cadence). The clause here runs to its punctuation, across a second 每.
    An amount that the action is done for or to, and that a verb then follows (每周为120名老人上门
    送餐, 每月对全区326家食堂开展检查), is what the action reaches, not what the period holds.
    """
    if text.startswith("每", end):
        return True  # 每年每平方米三元: a unit-rate chain
    stop = _CLAUSE.search(text, end, end + 40)
    clause_end = stop.start() if stop else min(len(text), end + 40)
    for amount in _amounts(text, end, clause_end):
        reached = _OBJECT_BEFORE.search(text[end : amount.start()]) and _VERB_AFTER.match(
            text, amount.end(), clause_end
        )
        if not reached:
            return True
    return False


# A number of days or hours and 内 after it is a time limit counted from an event of the period (自每月
# 结束之日起7个工作日内, 于每月发放工资之日起5日内): when the action is due, not what the period holds.
_TIME_LIMIT = re.compile(r"个?(?:日|天|工作日|小时|月|周)[以之]?内")
_NUMERAL_HEAD = re.compile(r"[\d.,零〇一二两三四五六七八九十百千]*")


# After a period (and a 每-person before it: 每名干部每天), a modal or 开展 / 进行 says an action is
# done each period, not an amount held: 每天要开展走访, 每月须进行检查.
_ACTION_AFTER = re.compile(r"(?:都|均|要|须|必须|应|应当|需|需要|将)?(?:开展|进行|组织|召开)")


_SENTENCE_END = re.compile(r"[。；！？\n]")
_SHARE = re.compile(r"[百千万]分之[零〇一二两三四五六七八九十百]")


def _amounts(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The amounts in ``text[start:end]``, but for time limits: 自每月结束之日起7个工作日内报送 and
    于每月发放工资之日起5日内 say when the action is due, no amount the period holds."""
    for amount in _amount_pattern().finditer(text, start, end):
        if not _TIME_LIMIT.match(text, amount.start() + _NUMERAL_HEAD.match(amount.group()).end()):  # type: ignore[union-attr]
            yield amount


def _reckons_for_period(text: str, end: int) -> bool:
    """每日加收滞纳金，数额为欠缴部分百分之一: a verb that reckons or charges (the period_reckonings
    lexicon) right after the period, and an amount or a share later in the sentence, make the period
    what the amount is per, even when the amount stands in the next clause."""
    if _reckoning_words().match(text, end) is None:
        return False
    stop = _SENTENCE_END.search(text, end, end + 60)
    sentence_end = stop.start() if stop else min(len(text), end + 60)
    return bool(_SHARE.search(text, end, sentence_end) or next(_amounts(text, end, sentence_end), None))


def _activity_follows(text: str, end: int) -> bool:
    """每季度评选“最美庭院”20户: a recurring activity of the cadence_activities lexicon right after the
    period makes it a cadence; the amount after it is what the activity yields, not what the period
    holds."""
    return _named_pattern()[2].match(text, end) is not None


# 对/为/给 and a few words right before an amount make it what the action reaches when words go on
# after it (为辖区120名老人上门送餐); an amount that ends the clause, or that 的 or a qualifier follows,
# is what the period holds (为企业节约成本12亿元, 12亿元以上), and so is one after a verb
# (为女职工安排1小时哺乳时间). 向 leads to where an amount goes (每年向下游输送800亿立方米).
_OBJECT_BEFORE = re.compile(r"[对为给][\u4e00-\u9fff]{0,4}$")
_VERB_AFTER = re.compile(r"(?!的|以|左右|上下|[余多])[\u4e00-\u9fff]{2}")


def find_cadences(text: str) -> Iterator[Cadence]:
    """Every cadence in ``text`` (an ``Article.text``)."""
    found = list(_every_period(text))
    spans = sorted((c.span.start, c.span.end) for c in found)
    yield from found
    for cadence in _named_by_period(text):
        at = bisect.bisect_right(spans, (cadence.span.start, len(text) + 1))
        before = spans[at - 1] if at else None
        after = spans[at] if at < len(spans) else None
        if (before and before[1] > cadence.span.start) or (after and after[0] < cadence.span.end):
            continue  # 每月调度 was read from its 每
        yield cadence


# 至少每一个月…进行一次: a floor or a ceiling written before 每 bounds the count after the period; a
# modal may stand between them (至少应当每月召开一次: the rule's floor, with its 应当 moved forward)
_BOUND_BEFORE_EVERY = re.compile("(?P<bound>" + "|".join(_AT_LEAST + _AT_MOST) + ")(?:应当|应该|必须|应|须|需|要|得)?$")
# 于每月一日至十日限期内，一次缴纳: after an anchor, a window that closes its clause (…内，); the count
# and the action are in the next clause
_WINDOW_THEN_CLAUSE = re.compile(r"[\u4e00-\u9fff]{0,4}(?:内|期间)，")


def _every_period(text: str) -> Iterator[Cadence]:
    """每 + period, and a count per period (一年两次)."""
    taken = 0
    names = lexicon.set_phrase_spans(text)
    for match in _every_pattern().finditer(text):
        start = match.start()
        if start < taken:
            continue
        rate = _RATE_BEFORE.search(text, max(0, start - 6), start)
        period = _period("两" if match.group("other") else match.group("n"), match.group("unit"))
        if period is None:
            continue
        end = match.end()
        low = high = None
        activity: str | None = None
        anchor = match.group("anchor") or ""
        weekly = match.group("unit") in _WEEK_UNITS
        if (anchor in _WEEKDAYS and not weekly) or (match.group("month") and _UNITS[match.group("unit")] != "Y"):
            end, anchor = match.start("anchor"), ""  # 每月一通报: a weekday names no day of a month
        weekday_one = weekly and anchor == "一"
        weekdays = _MORE_WEEKDAYS.match(text, end) if weekly and anchor else None
        if weekdays:
            # 每周一、三、五 is three days a week; 每周一、周四各开展一次, once on each of two
            days = 1 + len(re.findall("[一二三四五六日天]", weekdays.group()))
            end = weekdays.end()
            low = high = days
            counted = _count_after(text, end)
            if counted is not None and "各" in text[end : counted[2]]:
                times = counted[0]
                if times is not None and times == counted[1]:
                    low = high = days * times
                end = counted[2]
        elif weekday_one and re.match(r"[\u4e00-\u9fff]{1,2}(?:[，。；、！？”\n]|$)", text[end:]):
            # 每周一探访、每日一问候: 一 and a short verb is once a week, not Monday
            low = high = 1
            end = re.match(r"[\u4e00-\u9fff]{1,2}", text[end:]).end() + end  # type: ignore[union-attr]
            activity = text[match.end() : end]
        elif not anchor and _once_by_verb(text, end):
            low = high = 1
            verb = re.match(r"[\u4e00-\u9fff]{1,2}", text[end + 1 :])
            activity = verb.group() if verb else None
            end += 1 + (verb.end() if verb else 0)
        else:
            counted = _count_after(text, end)
            window = _WINDOW_THEN_CLAUSE.match(text, end) if counted is None and anchor else None
            if window is not None:
                counted = _count_after(text, window.end())  # 每月一日至十日限期内，一次缴纳
            if counted is not None:
                low, high, end, found_activity = counted
                activity = found_activity or None
        bound = _BOUND_BEFORE_EVERY.search(text, max(0, start - 6), start)
        if bound is not None and low is not None and low == high:
            # 至少每半年进行一次: 至少 before the period bounds the count, once or more each half year
            low, high = (low, None) if bound.group("bound") in _AT_LEAST else (None, high)
            start = bound.start()
        # 每人每月100元: 每月 divides an amount; 每人每季度调研1次 still counts times, and
        # 每名干部每天要开展走访 names no amount for the period to divide
        if low is None and high is None and not anchor and _reckons_for_period(text, match.end()):
            continue  # 每日增交滞纳金，其数额为未缴部分百分之一: a charge reckoned per day, a rate
        if (
            low is None
            and high is None
            and not (match.group("festival") and _UNITS[match.group("unit")] == "Y")
            and not (match.group("due") and _UNITS[match.group("unit")] == "Y")
            and not _activity_follows(text, match.end())
            and (_states_a_rate(text, match.end()) or (rate and not _ACTION_AFTER.match(text, match.end())))
        ):
            continue
        taken = end
        if lexicon.covered(names, start, end) or lexicon.covered(names, start, start + 2):
            continue  # 每月一题(专栏): the name of a programme
        yield Cadence(text=text[start:end], span=Span(start=start, end=end), period=period,
                      min_times=low, max_times=high, activity=activity)  # fmt: skip
    yield from _per_period(text, names)


# 月调度, 周小结, 季度通报, 年终考核: a period word right before a recurring activity names how
# often it is done, with no count (the list of such activities is the cadence_activities lexicon).
# 年度 is not one of them: 年度考核结果, 年度检查 in a rule and 年度调度计划 name a year's one review or
# plan as often as a yearly habit, and 按年度考核 says the habit when it is one.
# 按月通报, 逐月调度, 分季度进行民主评议: 按/逐/分 + period, then the activity within the clause.
_PERIOD_WORDS = {
    "半月": ("半", "月"), "双周": ("双", "周"), "半年": ("半", "年"), "月度": (None, "月"),
    "月份": (None, "月"), "季度": (None, "季度"), "年终": (None, "年"), "年度": (None, "年度"),
    "月": (None, "月"), "周": (None, "周"), "旬": (None, "旬"), "日": (None, "日"), "季": (None, "季度"),
    "天": (None, "天"), "年": (None, "年"),
}  # fmt: skip
# What may not stand right before a bare period word: a numeral or a time word makes it a date or
# a length (1月调度会, 本月通报, 三个月考核, 每月调度, 节假日走访, 周年总结), and so does a word that
# ends in the period's character (工作日, 纪念日, 生日, 平日, 岁月). 季 alone is left out: 旺季检查 and
# 雨季巡查 name a season.
_NOT_BEFORE_PERIOD = frozenset(
    "0123456789０１２３４５６７８９一二两三四五六七八九十百千零〇"
    "每本上下当该次同去今明前后第个整全近节假昨周月年日季旬度初底末中半双单隔逐按分各这那某头首元"
    "作念生平终岁满"
)
_MODIFIERS = "现场|专题|集中"


# 逐季召开部署会, 按季度调整项目清单: 按 or 逐 + a period of a month or shorter, or a quarter, then a verb
# is an action done each period, whatever the verb, unless the verb reckons, pays or stages an amount
# or moves a figure (the ``period_reckonings`` lexicon: 按月计算, 按月发放, 逐月回落). Not 分 (分季度下达
# stages a plan), not 年 or 日 (逐年提高 is a trend; 按年计征, 按日加收 reckon), not 按月份 or 按月度 (a
# table's columns, a contract's term); and the verb is no preposition or conjunction (按季度向…报送,
# 按季或者按次: the action, if any, comes later and needs a word of the cadence_activities lexicon),
# nor more of the calendar (按周年计算, 按旬间日历: a period's name goes on), nor a numeral, nor what
# makes the period character part of another word (按季节, 按周期, 按周边, 按月底).
_PERIOD_WORD_ENDS = "节候期边围到全密底末初亮饼薪票一二两三四五六七八九十"
_BY_ANY_VERB = re.compile(
    r"[按逐](?P<period>半月|季度|月|周|旬|季)(?![份度])"
    rf"(?P<verb>(?![对向将把为给与和及或在从由于按以经并年月日周天旬季间{_PERIOD_WORD_ENDS}])[\u4e00-\u9fff]{{2}})"
)
_ACTIVITY_TAIL = re.compile(r"[^，。；！？：,;!?\n、“”]{0,10}")
# 周巡查、月评比、季考核 and “日梳理、周研判和月分析”: a list of short forms, each a period character and a
# two-character verb, names a set of cadences, every item one even if its verb is not in the
# cadence_activities lexicon; the list shows itself as one by its quotation marks or by one item
# that the lexicon holds. A lone 月分析 needs the lexicon.
_SHORT_PERIODS = {"日": "日", "天": "天", "周": "周", "旬": "旬", "月": "月", "季": "季度", "年": "年"}
_SHORT_ITEM = r"[日天周旬月季年][\u4e00-\u9fff]{2}"
# The period character comes first in the pattern and the lookbehind after it (two characters back),
# so the search skips ahead to a period character: a pattern that opens with an assertion makes re
# try it at every position.
_SHORT_LIST = re.compile(
    rf"([日天周旬月季年](?<![日天周旬月季年][日天周旬月季年])[\u4e00-\u9fff]{{2}})((?:[、和及]{_SHORT_ITEM})+)"
)


def _reckoning_words() -> re.Pattern[str]:
    cache = get_plugin_host().cache
    built = cache.get("cadences.reckonings")
    if built is None:
        words = sorted({re.escape(row[0]) for row in lexicon.load("period_reckonings")}, key=len, reverse=True)
        built = cache["cadences.reckonings"] = re.compile("|".join(words) or "(?!)")
    return built


def _named_pattern() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cache = get_plugin_host().cache
    built = cache.get("cadences.named")
    if built is None:
        activities = "|".join(
            sorted({re.escape(row[0]) for row in lexicon.load("cadence_activities")}, key=len, reverse=True)
        )
        bare = "|".join(w for w in sorted(_PERIOD_WORDS, key=len, reverse=True) if w not in ("天", "年", "年度", "季"))
        by = "半月|季度|年度|月|周|旬|年|日|天|季"
        # Each pattern opens with its words or a class of their first characters, never with an
        # assertion, so the search skips ahead to a period character (or 按, 逐, 分).
        built = cache["cadences.named"] = (
            re.compile(rf"(?P<period>{bare})(?:{_MODIFIERS})?(?P<act>{activities or '(?!)'})"),
            re.compile(
                rf"(?P<by>[按逐分])(?P<period>{by})(?!份)"  # not 部分月份
                rf"[^，。；！？：,;!?\n]{{0,12}}?(?P<act>{activities or '(?!)'})"
            ),
            re.compile(activities or "(?!)"),
        )
    return built


def _named_by_period(text: str) -> Iterator[Cadence]:
    bare, by, _ = _named_pattern()
    names = lexicon.set_phrase_spans(text)
    taken: list[tuple[int, int]] = []
    for cadence in _named_by_lexicon(text, bare, by, names):
        taken.append((cadence.span.start, cadence.span.end))
        yield cadence
    for cadence in (*_by_any_verb(text, names), *_short_form_lists(text, bare, names)):
        if not any(start < cadence.span.end and cadence.span.start < end for start, end in taken):
            taken.append((cadence.span.start, cadence.span.end))
            yield cadence


def _by_any_verb(text: str, names: list[tuple[int, int]]) -> Iterator[Cadence]:
    """逐季召开部署会, 按季度调整项目清单: see :data:`_BY_ANY_VERB`."""
    reckonings = _reckoning_words()
    for match in _BY_ANY_VERB.finditer(text):
        start, end = match.start(), match.end()
        # an adverb may stand before the verb that reckons or pays: 按月足额发放, 按季如实缴纳
        verb = match.start("verb")
        if reckonings.search(text, verb, verb + 4) or lexicon.covered(names, start, end):
            continue
        period = _period(*_PERIOD_WORDS[match.group("period")])
        if period is None:
            continue
        tail = _ACTIVITY_TAIL.match(text, match.start("verb"))
        activity = tail.group() if tail else match.group("verb")
        low = high = None
        counted = _count_after(text, match.end("period"))
        if counted is not None:  # 按月组织一次: the count in the clause, as after 每月
            low, high, end = counted[0], counted[1], max(end, counted[2])
        yield Cadence(text=text[start:end], span=Span(start=start, end=end), period=period,
                      min_times=low, max_times=high, activity=activity)  # fmt: skip


def _short_form_lists(text: str, bare: re.Pattern[str], names: list[tuple[int, int]]) -> Iterator[Cadence]:
    """周巡查、月评比、季考核: see :data:`_SHORT_LIST`."""
    for match in _SHORT_LIST.finditer(text):
        start, end = match.span()
        items = [(start, start + 3)] + [(at, at + 3) for at in range(match.start(2) + 1, end, 4)]
        quoted = text[start - 1 : start] == "“" and text[end : end + 1] == "”"
        if not quoted and not any(bare.fullmatch(text, a, b) for a, b in items):
            continue
        for a, b in items:
            period = _period(*_PERIOD_WORDS[_SHORT_PERIODS[text[a]]])
            if period is None or lexicon.covered(names, a, b):
                continue
            yield Cadence(text=text[a:b], span=Span(start=a, end=b), period=period, activity=text[a + 1 : b])


def _named_by_lexicon(
    text: str, bare: re.Pattern[str], by: re.Pattern[str], names: list[tuple[int, int]]
) -> Iterator[Cadence]:
    """月调度, 季度通报 and 按月通报: a period word and an activity of the cadence_activities lexicon."""
    for pattern in (bare, by):
        for match in pattern.finditer(text):
            start = match.start()
            before = text[start - 1] if start else ""
            if pattern is bare and before in _NOT_BEFORE_PERIOD:
                continue
            n, unit = _PERIOD_WORDS[match.group("period")]
            period = _period(n, unit)
            if period is None or lexicon.covered(names, start, match.end()):
                continue
            low = high = None
            end = match.end()
            counted = _count_after(text, match.end("period"))
            if pattern is by and counted is not None:
                low, high = counted[0], counted[1]
                end = max(end, counted[2])
            yield Cadence(text=text[start:end], span=Span(start=start, end=end), period=period,
                          min_times=low, max_times=high, activity=match.group("act"))  # fmt: skip


def _per_period(text: str, names: list[tuple[int, int]]) -> Iterator[Cadence]:
    """一年两次, 两年一次, 一周一调度, 半月一通报."""
    for match in _PER.finditer(text):
        n = match.group("n")
        period = _period(None if n == "一" else n, match.group("unit"))
        if period is None:
            continue
        end = match.end()
        if match.group("cu") is None:
            if match.group("count") != "一" or not _once_by_verb(text, end - 1):
                continue
            verb = re.match(r"[\u4e00-\u9fff]{1,2}", text[end:])
            end += verb.end() if verb else 0
        times = _times(match.group("count"))
        if times is None or lexicon.covered(names, match.start(), end):
            continue
        yield Cadence(text=text[match.start() : end], span=Span(start=match.start(), end=end), period=period,
                      min_times=times, max_times=times)  # fmt: skip


@hookimpl
def govmetrics_extract(article: Article) -> Iterator[Cadence]:
    return find_cadences(article.text)
