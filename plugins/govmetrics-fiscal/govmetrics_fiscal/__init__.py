"""A govmetrics plugin: fiscal and economic indicators as work reports state them.

Government work reports and statistical news state the year's main indicators in one set form::

    [period，] [scope] indicator [verb] [qualifier] value unit [，、] [同比] 增长/下降 x% [，增速提高 y 个百分点]
     2023年，   全市    地区生产总值  达到           4.2万亿元       ，   同比增长5.2%

This plugin reads each as a :class:`FiscalIndicator`: the indicator's canonical name (from the
lexicon ``indicators.txt`` shipped in this package), the value with its magnitude applied (4.2万亿元
→ 4200000000000 元, as govmetrics' metrics do), the year-on-year change in percent and in
percentage points, and the period written before it, resolved with :func:`govmetrics.parse_date`.

The rules, each a fact about how the reports write these sentences, and each chosen so that the
plugin misses an indicator rather than misread one:

* The name begins a clause: only a scope (全市, 全省, 地方, 全社会 …), a period (2023年, 上半年,
  1-9月, 今年, 全年) and a few verbs (实现, 完成, 其中, 力争) may stand between it and the
  punctuation before it. 单位地区生产总值能耗, 占地区生产总值比重, 海洋生产总值 and
  武汉都市圈经济总量 are other quantities, or the quantity of another place.
* What follows the name is read item by item, separated by nothing, a comma or 、: a value
  (达到/完成/为/突破/超过 … 4.2万亿元), a change (同比增长5.2%, 下降3.1%, 增速为5%, 增速提高
  0.5个百分点). Anything else ends the record, so 分别增长 (two indicators, two numbers),
  年均增长 (a mean over several years, not a change on the year before), 比2020年增长 (against
  another base year), 从…增加到…, 占…比重 and 高于全国…个百分点 are not read.
* A record needs a value or a change. 固定资产投资增长4.6% is a record with ``value`` null.
* A range of change (增长4.5%—5%) is not read as one number: the change is left out.
* ``target`` is set when the sentence before the indicator states a goal (主要预期目标, 力争,
  争取): reports give last year's results and this year's targets in the same words.

Numerals are read by :func:`govmetrics.parse_amount` and :func:`govmetrics.parse_percent`, so
全角 digits (３７．１％), thousands separators and 4000多亿元 mean what they mean in govmetrics.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any, ClassVar

import attrs

import govmetrics
from govmetrics.kit import APPROX_VALUES, Approx, Number, alternation, date_matches, exact_or_none, read_rows

__version__ = "0.1.0"

__all__ = ["FiscalIndicator", "find_indicators", "indicator_names"]


def _date_or_none(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


@attrs.frozen(kw_only=True)
class FiscalIndicator(govmetrics.Record):
    """One indicator as a report states it: 全年地区生产总值达到4.2万亿元，同比增长5.2%.

    ``value`` has the magnitude applied and ``unit`` has it taken out (4.2万亿元 → 4200000000000,
    元; 160.6亿美元 → 16060000000, 美元); ``approx`` qualifies it (约 about, 突破/超过 more_than,
    迈上 at_least). ``change_percent`` is the change on the year before in percent, signed
    (下降3.1% → -3.1); ``change_points`` a change in percentage points (增速提高0.5个百分点 → 0.5);
    ``change_approx`` qualifies the change (增长5%左右 → about). ``period`` is the period written
    before the indicator in its sentence, as written (2023年, 上半年, 1-9月, 全年), and
    ``period_start``/``period_end`` its first and last day, resolved against the article's
    publication date (both null when it cannot be placed). ``target`` marks a goal (主要预期目标是：
    地区生产总值增长5%左右) rather than a result.
    """

    kind: ClassVar[str] = "fiscal_indicator"
    #: The indicator's value and change are metrics to govmetrics' metric extractor too (4.2万亿元,
    #: 5.2%); read here with what they are of, they are counted once, as the indicator's.
    owns: ClassVar[frozenset[str]] = frozenset({"metric"})

    indicator: str
    value: Number | None = attrs.field(default=None, converter=exact_or_none)
    unit: str | None = None
    approx: Approx | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(APPROX_VALUES))
    )
    change_percent: Number | None = attrs.field(default=None, converter=exact_or_none)
    change_points: Number | None = attrs.field(default=None, converter=exact_or_none)
    change_approx: Approx | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(APPROX_VALUES))
    )
    period: str | None = None
    period_start: dt.date | None = attrs.field(default=None, converter=_date_or_none)
    period_end: dt.date | None = attrs.field(default=None, converter=_date_or_none)
    target: bool = False


# -- the lexicon -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def indicator_names() -> dict[str, str]:
    """Each indicator name as written → its canonical name, from ``indicators.txt``."""
    lines = resources.files(__name__).joinpath("indicators.txt").read_text("utf-8").splitlines()
    return {row[0]: row[1] if len(row) > 1 else row[0] for row in read_rows(lines, "indicators")}


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    names = sorted(indicator_names(), key=len, reverse=True)
    # GDP, CPI: not inside a longer Latin word
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, names)) + r")(?![A-Za-z])")


# -- what may stand before a name ------------------------------------------------------------------

#: Punctuation that ends the clause before an indicator.
_BOUNDARY = frozenset("，,。；;：:、！!？?\n（(）)—…")
#: Where a sentence ends: the period of an indicator is looked for after it.
_SENTENCE_ENDS = "。！？!?\n"
#: Words that may stand between the clause start and the name: a scope, a period, a verb.
_LEADS = """
全年 全市 全省 全区 全县 全州 全盟 全旗 全国 全镇 本市 本省 本区 本县 我市 我省 我区 我县 我国 地方 全社会 全口径
外贸 当年 实现 完成 其中 力争 争取 预计 今年 去年 上年 同期
"""
LEAD_WORDS: tuple[str, ...] = tuple(sorted(_LEADS.split(), key=len, reverse=True))
#: A paragraph that announces goals (主要预期目标是：…), or a sentence that strives (力争): targets.
_TARGET_PARAGRAPH = re.compile(r"目标(?:是|为|定为|：)")
_TARGET_SENTENCE = re.compile(r"力争")
#: A sentence, or a paragraph, that speaks of several years: its 增长 x% is no change on the year
#: before but over the whole span (这五年，……人均地区生产总值增长25%左右). A heading the cleaner
#: joined to its paragraph (2025年和“十四五”时期工作回顾) names a span only for its own sentence.
_SEVERAL_YEARS_PARAGRAPH = re.compile(r"这五年|五年来|过去五年|今后五年|年均")
_SEVERAL_YEARS_SENTENCE = re.compile(r"这五年|五年来|过去五年|今后五年|十[一二三四五]五”?(?:时期|期间)|年均")
#: Words right before a date that make it the base of a comparison (比上年), not a period.
_COMPARISON_BEFORE = frozenset("比较与同于由从")
#: Periods are spans: a day (年初确定的目标, 截至6月底) is when something happened, not what a flow covers.
_PERIOD_GRANULARITIES = frozenset({"month", "quarter", "half_year", "year"})
#: Characters that glue a date to what stands before it (as govmetrics' date extractor has them).
_GLUED_BEFORE = frozenset("0123456789０１２３４５６７８９.．第每")

# -- what may follow a name ------------------------------------------------------------------------

_NUMBER = r"(?:\d+(?:[,，]\d{3})*(?:[.．]\d+)?|[零〇一二两三四五六七八九十百千])"
_AMOUNT = rf"(?P<num>{_NUMBER}*[余多]?[万亿]*[余多]?)"
#: Currency units: the unit as written → the unit records carry.
UNITS: dict[str, str] = {"元人民币": "元", "元": "元", "美元": "美元", "港元": "港元", "欧元": "欧元"}
#: Words before a value, and the approx they give it.
VALUE_QUALIFIERS: dict[str, Approx | None] = {
    "首次突破": "more_than", "突破": "more_than", "超过": "more_than", "超": "more_than", "逾": "more_than",
    "跨过": "more_than", "跨越": "more_than", "迈上": "at_least", "跃上": "at_least", "站上": "at_least",
    "约": "about", "近": "about", "接近": "about", "将近": "about", "达到": None, "达": None, "完成": None,
    "实现": None, "为": None, "是": None, "增至": None, "增加到": None, "增长到": None, "提高到": None,
    "提升到": None, "总额": None, "总量": None,
}  # fmt: skip
_AFTER_VALUE: dict[str, Approx] = {"以上": "at_least", "左右": "about", "多": "more_than"}
_AFTER_CHANGE: dict[str, Approx] = {"以上": "at_least", "左右": "about", "以下": "at_most", "以内": "at_most"}
#: 同比, 比上年: a change on the year before. Other bases (比2020年, 较“十三五”) are not read.
_COMPARED = r"(?:同比|同口径|(?:比|较|与)(?:上年|去年)(?:同期)?(?:相比)?)"
_UP = ("实际增长", "名义增长", "增长", "增加", "上涨", "上升", "提高", "提升", "加快")
_DOWN = ("下降", "减少", "降低", "回落", "下滑", "下跌", "放缓")
_RATE_WORDS = r"(?:增速|增幅|涨幅|增长率)"
_PERCENT = r"[-+－]?\d+(?:[.．]\d+)?[%％]"
_POINTS = r"\d+(?:[.．]\d+)?个百分点"


_SEPARATOR = re.compile(r"[，,、]?")
_VALUE = re.compile(
    rf"(?P<pre>{alternation(VALUE_QUALIFIERS)})*?(?P<q>{alternation(k for k, v in VALUE_QUALIFIERS.items() if v)})?"
    rf"{_AMOUNT}(?P<unit>{alternation(UNITS)})(?P<post>{alternation(_AFTER_VALUE)})?"
)
_CHANGE = re.compile(
    rf"(?:{_COMPARED})?(?P<verb>{alternation(_UP + _DOWN)})(?P<pct>{_PERCENT})(?P<post>{alternation(_AFTER_CHANGE)})?"
)
_RATE = re.compile(
    rf"{_RATE_WORDS}(?:{_COMPARED})?(?:为|达到|达|是)?(?P<pct>{_PERCENT})(?P<post>{alternation(_AFTER_CHANGE)})?"
)
_POINTS_CHANGE = re.compile(
    rf"(?:{_RATE_WORDS})?(?:{_COMPARED})?(?P<verb>{alternation(_UP + _DOWN)})(?P<pts>{_POINTS})"
    rf"(?P<post>{alternation(_AFTER_CHANGE)})?"
)


@attrs.define
class _Reading:
    """What has been read after one name so far."""

    end: int
    value: Number | None = None
    unit: str | None = None
    approx: Approx | None = None
    change_percent: Number | None = None
    change_points: Number | None = None
    change_approx: Approx | None = None


def _sign(verb: str | None) -> int:
    return -1 if verb in _DOWN else 1


def _read_value(match: re.Match[str], reading: _Reading) -> bool:
    """A value after the name; a second one may only replace a threshold (突破3万亿元、达3.6万亿元)."""
    if not match.group("num"):
        return False
    if reading.value is not None and reading.approx not in ("more_than", "at_least"):
        return False
    try:
        amount = govmetrics.parse_amount(match.group("num"))
    except govmetrics.NumeralError:
        return False
    if amount.high is not None:
        return False  # 三四千亿元: a range is no value of an indicator
    reading.value = amount.value
    reading.unit = UNITS[match.group("unit")]
    qualifier, post = match.group("q"), match.group("post")
    if qualifier:
        reading.approx = VALUE_QUALIFIERS[qualifier]
    elif post:
        reading.approx = _AFTER_VALUE[post]
    elif amount.more_than:
        reading.approx = "more_than"
    else:
        reading.approx = None
    return True


def _read_percent(match: re.Match[str], reading: _Reading) -> bool:
    if reading.change_percent is not None or not _one_change(match):
        return False
    try:
        percent = govmetrics.parse_percent(match.group("pct"))
    except govmetrics.NumeralError:
        return False
    reading.change_percent = _sign(match.groupdict().get("verb")) * percent
    post = match.group("post")
    reading.change_approx = _AFTER_CHANGE[post] if post else None
    return True


def _read_points(match: re.Match[str], reading: _Reading) -> bool:
    if reading.change_points is not None:
        return False
    points = govmetrics.parse_number(match.group("pts").removesuffix("个百分点"))
    reading.change_points = _sign(match.group("verb")) * points
    post = match.group("post")
    if post and reading.change_approx is None:
        reading.change_approx = _AFTER_CHANGE[post]
    return True


#: What may follow a name, in the order tried, and how each is read.
_ITEMS = ((_POINTS_CHANGE, _read_points), (_CHANGE, _read_percent), (_RATE, _read_percent), (_VALUE, _read_value))


def _read_tail(text: str, at: int) -> _Reading:
    """Read values and changes after a name, item by item, until something else stands there."""
    reading = _Reading(end=at)
    start = at
    while True:
        for pattern, read in _ITEMS:
            match = pattern.match(text, start)
            if match is not None:
                if not read(match, reading):
                    return reading
                reading.end = match.end()
                break
        else:
            return reading
        start = _SEPARATOR.match(text, reading.end).end()  # type: ignore[union-attr]


_RANGE_AFTER = re.compile(r"[-－—~～至到]+\d")
_LIST_AFTER = re.compile(r"[和与及、][-+－]?\d")


def _one_change(match: re.Match[str]) -> bool:
    """A change that is one number: not the first end of a range (增长4.5%—5%) nor the first of
    a list (实际增长8.4%和8%, which gives two indicators their changes in turn)."""
    text = match.string
    return not (_RANGE_AFTER.match(text, match.end("pct")) or _LIST_AFTER.match(text, match.end()))


# -- what stands before a name ---------------------------------------------------------------------


def _dates_in(text: str, start: int, end: int) -> list[re.Match[str]]:
    found = []
    for match in date_matches(text, start, end):
        if match.start() == match.end():
            continue
        if match.start() and text[match.start() - 1] in _GLUED_BEFORE:
            continue
        found.append(match)
    return found


def _begins_clause(text: str, start: int, sentence: int, dates: list[re.Match[str]]) -> bool:
    """Whether only lead words and dates stand between the clause start and ``start``."""
    date_ends = {match.end(): match.start() for match in dates}
    at = start
    while at > sentence:
        if text[at - 1] in _BOUNDARY:
            return True
        if at in date_ends:
            at = date_ends[at]
            continue
        for word in LEAD_WORDS:
            if at - len(word) >= sentence and text.startswith(word, at - len(word)):
                at -= len(word)
                break
        else:
            return False
    return True


def _period(
    text: str, sentence: int, start: int, dates: list[re.Match[str]], published: dt.date | None
) -> tuple[str | None, dt.date | None, dt.date | None]:
    """The period of an indicator: the last period written before it in its sentence.

    A date is a period when it is a span (a year, a half-year, a quarter, months) and not the base
    of a comparison (比上年). 全年 is one too, though it cannot be placed: it names the year the
    report speaks of, which the text around it does not say.
    """
    candidates: list[tuple[int, str, dt.date | None, dt.date | None]] = []
    for match in dates:
        if match.start() and text[match.start() - 1] in _COMPARISON_BEFORE:
            continue
        try:
            value = govmetrics.parse_date(match.group(), published)
        except govmetrics.DateError:
            continue
        if value.granularity in _PERIOD_GRANULARITIES:
            candidates.append((match.end(), match.group(), value.start, value.end))
    whole_year = text.rfind("全年", sentence, start)
    if whole_year != -1:
        candidates.append((whole_year + 2, "全年", None, None))
    if not candidates:
        return None, None, None
    _, period, first, last = max(candidates, key=lambda candidate: candidate[0])
    return period, first, last


def _start_of(text: str, start: int, ends: str) -> int:
    return max(text.rfind(end, 0, start) for end in ends) + 1


def find_indicators(text: str, published: dt.date | None = None) -> Iterator[FiscalIndicator]:
    """Every indicator stated with a value or a change in ``text`` (an ``Article.text``)."""
    names = indicator_names()
    for match in _name_pattern().finditer(text):
        start = match.start()
        sentence = _start_of(text, start, _SENTENCE_ENDS)
        dates = _dates_in(text, sentence, start)
        if not _begins_clause(text, start, sentence, dates):
            continue
        reading = _read_tail(text, match.end())
        paragraph = _start_of(text, start, "\n")
        if _SEVERAL_YEARS_PARAGRAPH.search(text, paragraph, start) or _SEVERAL_YEARS_SENTENCE.search(
            text, sentence, start
        ):
            reading.change_percent = reading.change_points = reading.change_approx = None
        if reading.value is None and reading.change_percent is None and reading.change_points is None:
            continue
        if text.startswith("的", reading.end):
            continue  # 经济总量超500亿元的县域: the figure describes something else
        period, period_start, period_end = _period(text, sentence, start, dates, published)
        target = _TARGET_PARAGRAPH.search(text, paragraph, start) or _TARGET_SENTENCE.search(text, sentence, start)
        yield FiscalIndicator(
            text=text[start : reading.end],
            span=govmetrics.Span(start=start, end=reading.end),
            indicator=names[match.group()],
            value=reading.value,
            unit=reading.unit,
            approx=reading.approx,
            change_percent=reading.change_percent,
            change_points=reading.change_points,
            change_approx=reading.change_approx,
            period=period,
            period_start=period_start,
            period_end=period_end,
            target=target is not None,
        )


@govmetrics.hookimpl
def govmetrics_extract(article: govmetrics.Article) -> Iterator[FiscalIndicator]:
    return find_indicators(article.text, article.published)


@govmetrics.hookimpl
def govmetrics_record_types() -> list[type[govmetrics.Record]]:
    return [FiscalIndicator]
