"""The one compiled pattern that finds metric candidates, built from the lexicons, and the units records carry.

How a metric is written, left to right::

    [qualifier] [百分之] numeral [~ numeral] [余|多] [万|亿] [余|多] [个半] unit [多] [qualifier]
     约 / 近      百分之三十五  1~2  三四百      2万余   4000多万    1个半小时  100个多   以上 / 左右

A unit is required: a bare number (12345热线, 2019) measures nothing we can name. The units,
qualifiers, currencies, place words and duration cues come from the lexicons (and the plugins that
add to them), so the pattern is built once per plugin host and kept in its cache.
"""

from __future__ import annotations

import re

import attrs

from govmetrics import lexicon
from govmetrics.chinese import DIGITS_AT_A_GLANCE, NOT_A_QUALIFIER_AFTER, alternation
from govmetrics.lexicon import Lexicons
from govmetrics.numerals import CN_NUMERAL_CHARS

# \d matches full-width digits too; the separators are written either way (４，５６５, 52,000).
# A magnitude before 瓦, 克 or 米 is part of the unit: 5000千瓦, 3千克, 5千米.
_ARABIC = r"(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?(?:[十百千万亿](?![瓦克米]))*"
# 两 after a digit or 十 starts a numeral of its own (一、二两项 is two items, not 22), except in
# the rough ranges 一两 (one or two) and 三两 (two or three), which parse_amount reads.
# (两 first, the lookbehind after it: see _prefix_alternation)
_CN_CHAR = rf"(?:[{CN_NUMERAL_CHARS.replace('两', '').replace('兩', '')}]|[两兩](?<![二四五六七八九十拾][两兩]))"
_CHINESE = rf"[{CN_NUMERAL_CHARS}]{_CN_CHAR}*(?:点[{CN_NUMERAL_CHARS}]+)?"
_NUMERAL = rf"(?:{_ARABIC}|{_CHINESE})"
_RANGE_SEPARATOR = r"(?:[~～〜\-－—–至到]|——)"
# Qualifiers that may stand a few words before the number they bound: 至少配备1名, 最多可获得30积分.
_GAPPED = ("至少", "最多", "最少", "最高")
# Qualifiers of a share or a multiple, written before what it is of: 约占全县贫困户总数的30%,
# 约为去年的1.5倍; and a bound set on a share of something, as rules write it:
# 不得低于职工上一年度月平均工资的5%, 不超过项目总投资的30%.
_OF_WHAT = ("约占", "约为", "不低于", "不高于", "不超过", "不少于", "不得低于", "不得超过", "不得少于", "不得高于")
_NOT_IN_GAP = CN_NUMERAL_CHARS + "，。；、！？：（）“”《》\n"
# What a share is of may be a long 的-phrase (不低于劳动合同规定的劳动者本人小时工资标准的150%): the gap
# holds no numeral and no clause mark, so the bound and its number stay in one clause.
_OF_GAP = 24
# What it is of may hold 一 in a word (上一年度, 统一标准), never a count: a lone 一 is no number there.
_NOT_IN_OF_GAP = _NOT_IN_GAP.replace("一", "")
# 过 is a qualifier only before a bare magnitude (过亿元, 过万人): before any other numeral it is
# the verb of 通过, 经过 and the like written apart (过3年, 过两轮).
_LOOKAHEAD = {"过": rf"(?=[百千万亿][百千万亿]*[余多]?(?![\d{CN_NUMERAL_CHARS}]))"}
_UNIT_FLAGS = frozenset(("arabic", "cued"))
# Periods a rate is given per (43.5万立方米/日), besides the units of time in the units lexicon.
_PERIODS = "日|天|周|月|年|小时|时|秒"


@attrs.frozen
class MetricLexicon:
    """The compiled candidate pattern and the lexicon tables the rules read the candidates with."""

    pattern: re.Pattern[str]
    canonical: dict[str, str]
    arabic_only: frozenset[str]
    cued: frozenset[str]
    approx: dict[str, str]
    place_after: re.Pattern[str] | None
    duration_cue: re.Pattern[str]
    about_before: re.Pattern[str]


def _prefix_alternation(words: list[str]) -> str:
    return alternation(words, not_after=NOT_A_QUALIFIER_AFTER, then=_LOOKAHEAD)


def _build(lexicons: Lexicons) -> MetricLexicon:
    canonical: dict[str, str] = {}
    arabic_only: set[str] = set()
    cued: set[str] = set()
    for row in lexicons.rows("units"):
        surface = row[0]
        canonical[surface] = row[1] if len(row) > 1 and row[1] not in _UNIT_FLAGS else surface
        if "arabic" in row[1:]:
            arabic_only.add(surface)
        if "cued" in row[1:]:
            cued.add(surface)
    approx: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    for row in lexicons.rows("qualifiers"):
        word, where, meaning = row[:3]
        approx[word] = meaning
        if word in ("余", "多"):
            continue  # written inside the numeral; parse_amount reads them
        (before if where == "before" else after).append(word)
    # the class of the units' first characters, tested first: most numbers are followed by no unit,
    # and one test of a class turns them away where the alternation would test each first character
    unit_starts = re.escape("".join(sorted({unit[0] for unit in canonical})))
    units = f"(?=[{unit_starts}])(?:{lexicon.alternation(canonical)})"
    # a currency may stand between a qualifier and its amount: 约合人民币3000万元
    currencies = lexicon.alternation(lexicons.words("currencies")) or "(?!)"
    # every metric starts with a qualifier, 百分之 or a numeral: a cheap test for the scan
    first = "".join(
        sorted({w[0] for w in before + list(_GAPPED) + list(_OF_WHAT)} | set(CN_NUMERAL_CHARS) | {"百", "千"})
    )
    pattern = re.compile(
        rf"(?=[{DIGITS_AT_A_GLANCE}{re.escape(first)}])"
        # 最高为每年每平方米三元: the rate's denominators may stand between the bound and the amount
        rf"(?:(?P<pre>{_prefix_alternation(before)})(?:{currencies})?(?P<per>(?:每(?:{units}|{_PERIODS}))+)?"
        rf"|(?P<gapped>{lexicon.alternation(_GAPPED)})[^{_NOT_IN_GAP}\d\s]{{1,4}}?"
        rf"|(?P<of>{_prefix_alternation(list(_OF_WHAT))})[^{_NOT_IN_OF_GAP}\d\s]{{1,{_OF_GAP}}}?的)?"
        rf"(?P<percent>[百千]分之)?"
        rf"(?P<num>{_NUMERAL})"
        rf"(?:(?P<unit1>{units})?{_RANGE_SEPARATOR}(?P<num2>{_NUMERAL}))?"
        rf"(?P<more>[余多])?(?P<mag>[万亿]+)?(?P<more2>[余多])?"
        rf"(?P<half>个?半)?"
        # 两个多小时, 三个多月: 多 between the classifier and the unit, more than the count
        rf"(?P<gemore>个[多余](?=小时|钟头|月|星期))?"
        # a unit per another is one unit: 58微克/立方米, 3000元/吨, and a rate per period: 43.5万立方米/日;
        # the denominator may carry its magnitude (0.6人/百亿元, 3人/万人, 120元/百斤): it is part of the unit
        rf"(?P<unit>(?:{units})(?:[/／](?:[十百千万亿]*(?:{units})|{_PERIODS}))?|(?<=个[多余])(?:月|星期|钟头))?"
        # 半 after a unit of time adds a half: 3天半, 一年半 (两个半小时 writes it before the unit)
        rf"(?P<half2>(?<=[天年日月时])半)?"
        rf"(?P<more3>多(?=[\u4e00-\u9fff]))?"
        rf"(?P<post>{lexicon.alternation(after)})?"
    )
    places = lexicons.words("place_words")
    # a bound before a number of days or years makes it a length of time as a word of duration
    # does; 约 and 近 do not (近两年我国经济: the recent years, a time), and 过 bounds a bare
    # magnitude only, so before days or years it is a verb (度过三年)
    bounds = [word for word in before if approx[word] != "about" and word not in _LOOKAHEAD]
    cues = lexicon.alternation(lexicons.words("duration_cues") + bounds)
    abouts = lexicon.alternation(word for word in before if approx[word] == "about")
    return MetricLexicon(
        pattern=pattern,
        canonical=canonical,
        arabic_only=frozenset(arabic_only),
        cued=frozenset(cued),
        approx=approx,
        place_after=re.compile(rf"[\u4e00-\u9fff](?:{lexicon.alternation(places)})") if places else None,
        # the text before a number ends with a cue: searched from a few characters back
        duration_cue=re.compile(rf"(?:{cues})$"),
        about_before=re.compile(rf"(?:{abouts})$"),
    )


def metric_lexicon(lexicons: Lexicons) -> MetricLexicon:
    """What metrics read from the lexicons (plugins may add units and qualifiers), built once per
    :class:`~govmetrics.lexicon.Lexicons`."""
    return lexicons.built("metrics", _build)


#: The unit a share written in words carries: 百分之三十五 is 35 %, 千分之五 is 5 ‰.
SHARE_UNITS = {"百分之": "%", "千分之": "‰"}

#: Units written after 个多 (三个多月), in the form records carry.
_AFTER_GE_MORE = {"月": "月", "星期": "周", "钟头": "小时"}


def canonical_unit(lex: MetricLexicon, unit: str) -> str:
    """The unit records carry: 平米 is 平方米, and each side of 元/㎡ is read alike (元/平方米)."""
    if unit in lex.canonical:
        return lex.canonical[unit]
    if unit in _AFTER_GE_MORE:
        return _AFTER_GE_MORE[unit]
    return "/".join(lex.canonical.get(part, part) for part in re.split("[/／]", unit))  # 立方米/日
