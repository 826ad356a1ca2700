"""Rates, not cadences: a period that divides an amount, or that a charge is reckoned per.

A period that divides an amount is a rate, not a cadence: 每月收费150元, 每年可减轻负担48亿元,
每年每平方米三元 state what a period holds, not how often something is done; so does a charge
reckoned per period (每日加收滞纳金，数额为欠缴部分的百分之一). A time limit is no amount: a duty due
each period (每年9月30日前下达, 每年3月1日至3月31日提交, 自每月结束之日起10个工作日内报送) is a
cadence with no count, and so is a yearly action anchored on a festival (每年教师节前表彰).
In 每人每月100元 and 平均每天300人次 the period divides an amount; but 每人每季度调研1次
and 平均每天巡查2次 count times, so they are cadences, per person and on average.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govmetrics import lexicon
from govmetrics.chinese import MODALS, alternation, clause_end, sentence_end
from govmetrics.extractors.cadence_counts import TIMES_UNITS
from govmetrics.lexicon import Lexicons

__all__ = ["ACTION_AFTER", "RATE_BEFORE", "reckoning_words", "reckons_for_period", "states_a_rate"]

# 每人每月, 平均每天: a per-person or an average before the period makes what follows a rate unless
# it counts times or names an action
RATE_BEFORE = re.compile(r"(?:每[\u4e00-\u9fff\d]{1,4}|平均|人均|户均)$")
#: Units of a count of times or of a period (每周一次 and 每年3月 state no amount), and those of a
#: time of day (每天晚上8点, 每周一9时30分: when it is done, not an amount the period holds).
_NOT_AMOUNT_UNITS = frozenset((*TIMES_UNITS, "场次", "年", "天", "月", "个月", "点", "时", "分", "秒"))


def _amount_pattern(lexicons: Lexicons) -> re.Pattern[str]:
    """A number with a measure unit from the units lexicon (80份, 1.5万人次, 三元, 48亿元)."""
    units = lexicon.alternation(set(lexicons.words("units")) - _NOT_AMOUNT_UNITS)
    return re.compile(
        # not an ordinal: 每季度的第一个月份 names a month, it divides nothing
        r"(?=[\d零〇一二两三四五六七八九十百千])(?<!第)"
        r"(?:\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千]+)[余多]?[万亿]*[余多]?"
        rf"(?:{units})"
    )


def states_a_rate(text: str, end: int, lexicons: Lexicons) -> bool:
    """A period that divides an amount, not one that repeats an action: 每月收费150元,
    每日上岗值守志愿者1.5万人次, 每年可减轻负担48亿元, and the chain of 每月每平方米0.5元.

    Only called when no count of times follows in the clause (每周为200名老人送餐一次 counts
    times and stays a cadence). The clause here runs to its punctuation, across a second 每.
    An amount that the action is done for or to, and that a verb then follows (每周为120名老人上门
    送餐, 每月对全区326家食堂开展检查), is what the action reaches, not what the period holds.
    """
    if text.startswith("每", end):
        return True  # 每年每平方米三元: a unit-rate chain
    clause = clause_end(text, end, end + 40)
    for amount in _amounts(text, end, clause, lexicons):
        reached = _OBJECT_BEFORE.search(text[end : amount.start()]) and _VERB_AFTER.match(text, amount.end(), clause)
        if not reached:
            return True
    return False


# A number of days or hours and 内 after it is a time limit counted from an event of the period (自每月
# 结束之日起7个工作日内, 于每月发放工资之日起5日内): when the action is due, not what the period holds.
_TIME_LIMIT = re.compile(r"个?(?:日|天|工作日|小时|月|周)[以之]?内")
_NUMERAL_HEAD = re.compile(r"[\d.,零〇一二两三四五六七八九十百千]*")


# After a period (and a 每-person before it: 每名干部每天), a modal or 开展 / 进行 says an action is
# done each period, not an amount held: 每天要开展走访, 每月须进行检查.
ACTION_AFTER = re.compile(f"(?:都|均|将|{alternation(MODALS)})?(?:开展|进行|组织|召开)")


_SHARE = re.compile(r"[百千万]分之[零〇一二两三四五六七八九十百]")


def _amounts(text: str, start: int, end: int, lexicons: Lexicons) -> Iterator[re.Match[str]]:
    """The amounts in ``text[start:end]``, but for time limits: 自每月结束之日起7个工作日内报送 and
    于每月发放工资之日起5日内 say when the action is due, no amount the period holds."""
    for amount in lexicons.built("cadences.amount", _amount_pattern).finditer(text, start, end):
        if not _TIME_LIMIT.match(text, amount.start() + _NUMERAL_HEAD.match(amount.group()).end()):  # type: ignore[union-attr]
            yield amount


def reckons_for_period(text: str, end: int, lexicons: Lexicons) -> bool:
    """每日加收滞纳金，数额为欠缴部分百分之一: a verb that reckons or charges (the period_reckonings
    lexicon) right after the period, and an amount or a share later in the sentence, make the period
    what the amount is per, even when the amount stands in the next clause."""
    if reckoning_words(lexicons).match(text, end) is None:
        return False
    sentence = sentence_end(text, end, end + 60)
    return bool(_SHARE.search(text, end, sentence) or next(_amounts(text, end, sentence, lexicons), None))


# 对/为/给 and a few words right before an amount make it what the action reaches when words go on
# after it (为辖区120名老人上门送餐); an amount that ends the clause, or that 的 or a qualifier follows,
# is what the period holds (为企业节约成本12亿元, 12亿元以上), and so is one after a verb
# (为女职工安排1小时哺乳时间). 向 leads to where an amount goes (每年向下游输送800亿立方米).
_OBJECT_BEFORE = re.compile(r"[对为给][\u4e00-\u9fff]{0,4}$")
_VERB_AFTER = re.compile(r"(?!的|以|左右|上下|[余多])[\u4e00-\u9fff]{2}")


def reckoning_words(lexicons: Lexicons) -> re.Pattern[str]:
    """The verbs that reckon, pay, stage or move a figure (the period_reckonings lexicon), built once."""
    return lexicons.built("cadences.reckonings", _reckoning_pattern)


def _reckoning_pattern(lexicons: Lexicons) -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicons.words("period_reckonings")) or "(?!)")
