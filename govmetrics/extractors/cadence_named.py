"""Cadences named by a period word, with no 每: 月调度, 双周例会, 按月通报, 逐季召开部署会, 周汇总、月交办.

* a period word naming a recurring activity, with no count: 月调度, 双周例会, 季度通报, 年终考核, and
  按月通报, 逐月调度, 分季度进行民主评议 (the activities are the ``cadence_activities`` lexicon).
* 按 or 逐 + a period of a quarter or shorter + any action verb: 逐季召开部署会, 按季度调整项目清单
  (but not a verb that reckons, pays, stages or moves a figure, the ``period_reckonings`` lexicon:
  按月计算, 按月发放, 逐月回落);
* a list of short forms, a period character and a two-character verb each (“周汇总、月交办”,
  日梳理、周研判、月分析), quoted or holding one known activity: every item is a cadence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govmetrics import lexicon
from govmetrics.chinese import CLAUSE_ENDS, alternation
from govmetrics.extractors.cadence_counts import count_after, iso_period
from govmetrics.extractors.cadence_rates import reckoning_words
from govmetrics.lexicon import Lexicons
from govmetrics.models import Cadence, Span

__all__ = ["named_by_period", "named_pattern"]

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
_ACTIVITY_TAIL = re.compile(f"[^{CLAUSE_ENDS}、“”]{{0,10}}")
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


def named_pattern(lexicons: Lexicons) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A bare period word and an activity (月调度), 按/逐/分 + a period and an activity in the clause
    (按月通报), and an activity alone; built from the cadence_activities lexicon once."""
    return lexicons.built("cadences.named", _named_patterns)


def _named_patterns(lexicons: Lexicons) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    activities = lexicon.alternation(lexicons.words("cadence_activities"))
    bare = alternation(w for w in _PERIOD_WORDS if w not in ("天", "年", "年度", "季"))
    by = "半月|季度|年度|月|周|旬|年|日|天|季"
    # Each pattern opens with its words or a class of their first characters, never with an
    # assertion, so the search skips ahead to a period character (or 按, 逐, 分).
    return (
        re.compile(rf"(?P<period>{bare})(?:{_MODIFIERS})?(?P<act>{activities or '(?!)'})"),
        re.compile(
            rf"(?P<by>[按逐分])(?P<period>{by})(?!份)"  # not 部分月份
            rf"[^{CLAUSE_ENDS}]{{0,12}}?(?P<act>{activities or '(?!)'})"
        ),
        re.compile(activities or "(?!)"),
    )


def named_by_period(text: str, lexicons: Lexicons) -> Iterator[Cadence]:
    """Every cadence a period word names; one the activities lexicon reads takes its span first."""
    bare, by, _ = named_pattern(lexicons)
    names = lexicons.set_phrase_spans(text)
    taken: list[tuple[int, int]] = []
    for cadence in _named_by_lexicon(text, bare, by, names):
        taken.append((cadence.span.start, cadence.span.end))
        yield cadence
    for cadence in (*_by_any_verb(text, names, lexicons), *_short_form_lists(text, bare, names)):
        if not any(start < cadence.span.end and cadence.span.start < end for start, end in taken):
            taken.append((cadence.span.start, cadence.span.end))
            yield cadence


def _by_any_verb(text: str, names: list[tuple[int, int]], lexicons: Lexicons) -> Iterator[Cadence]:
    """逐季召开部署会, 按季度调整项目清单: see :data:`_BY_ANY_VERB`."""
    if "按" not in text and "逐" not in text:
        return  # every match opens with one: str finds either, or neither, faster than re scans for both
    reckonings = reckoning_words(lexicons)
    for match in _BY_ANY_VERB.finditer(text):
        start, end = match.start(), match.end()
        # an adverb may stand before the verb that reckons or pays: 按月足额发放, 按季如实缴纳
        verb = match.start("verb")
        if reckonings.search(text, verb, verb + 4) or lexicon.covered(names, start, end):
            continue
        period = iso_period(*_PERIOD_WORDS[match.group("period")])
        if period is None:
            continue
        tail = _ACTIVITY_TAIL.match(text, match.start("verb"))
        activity = tail.group() if tail else match.group("verb")
        low = high = None
        counted = count_after(text, match.end("period"))
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
            period = iso_period(*_PERIOD_WORDS[_SHORT_PERIODS[text[a]]])
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
            period = iso_period(n, unit)
            if period is None or lexicon.covered(names, start, match.end()):
                continue
            low = high = None
            end = match.end()
            counted = count_after(text, match.end("period"))
            if pattern is by and counted is not None:
                low, high = counted[0], counted[1]
                end = max(end, counted[2])
            yield Cadence(text=text[start:end], span=Span(start=start, end=end), period=period,
                          min_times=low, max_times=high, activity=match.group("act"))  # fmt: skip
