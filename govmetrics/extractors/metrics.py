"""The metric extractor: every cardinal number that counts or measures something, with its unit.

One compiled pattern, built from the lexicons, finds candidates in a single pass; each candidate
is then read by the shared numeral parser and checked against the exclusions of ANNOTATION.md.

How a metric is written, left to right::

    [qualifier] [百分之] numeral [~ numeral] [余|多] [万|亿] [余|多] [个半] unit [多] [qualifier]
     约 / 近      百分之三十五  1~2  三四百      2万余   4000多万    1个半小时  100个多   以上 / 左右

A unit is required: a bare number (12345热线, 2019) measures nothing we can name.

How a metric is bounded (the qualifiers lexicon): 以上, 以下 and 以内 include the number itself,
as Chinese law defines them (Civil Code art. 1259: 以上、以下、以内 包括本数) and statistics use them
(规模以上), so 78%以上 is at_least 78 and 3岁以下 at_most 3; 超过 and 不满 stay strict. A negated
bound reads as its meaning (不得超过 at_most, 不得少于 at_least). A lower bound and an upper bound
written one after the other on the same unit (2万元以上10万元以下, 不低于60%不高于80%) are one range.
满 before a length of time or an age is a threshold reached, at_least (工作年限满十年的, 已满六十周岁;
未满 and 不满 are less_than), and a bound may stand before what a share is of (不得低于职工上一年度月
平均工资的5%; what it is of may be a long 的-phrase, within its clause). A rounding after the number
(左右) wins over a comparison before it. The number alone or with 以上 (2名或者2名以上) is one lower
bound. A bound written once before a list (不低于…的150%、200%、300%) bounds each listed number; after
分别, a qualifier written once after the list's last number (分别增长4.5%、5.5%左右) qualifies each.

A length of time is a metric when it reads as one: a number of years in Chinese numerals after a
word of duration or a bound (延长三年, 不少于五年; 三年行动 alone names a programme), and a number
of days in the same places or before a limit (延长30日, 届满15日, 开始30日前, 60日内). A day of the
month named alone (30日，区委召开…) is a date; :func:`is_day_count` tells the two apart for both
this extractor and the date extractor.

The exclusions, each a rule about how Chinese news writes numbers that are not quantities:

* 第 before a numeral makes an ordinal (第十六届, 第3名); 前 / 后 a rank or a period (前五名, 前8个月).
  A session is numbered without 第 after its term: 十四届五次会议 and 十二届三次全会 are the fifth
  and third sessions of the fourteenth and twelfth terms, so 次 right after 届 is an ordinal too,
  and so are the sessions listed after it (十二届七次、八次全会). A plenary session (全会) is always
  named by its number, whether a term stands before it or not (省委十次全会).
* 每 before a numeral makes it a rate's denominator (每千名老年人), not a count.
* A count of times under a 每-period (每月至少开展1~2次, 一年两次) belongs to the cadence, which owns
  its span when the resolution step runs (see :mod:`govmetrics.resolve`).
* A numeral right after a clock hour (9时30分) is a time; after a Latin letter (PM2.5, G20), a code.
* A lone 一 before a classifier is an article (一个个, 一对空巢老人), not a count of one; a lone
  二 is a category (二类), since Chinese counts two with 两. N类 before a noun the text also names
  another class of (一类、二类…三类放射性物品) is a class's rank, not a count of kinds.
* A bare magnitude (万人, 百家) is idiom unless qualified: 万余人 and 近千人 do count.
* A Chinese numeral, a unit, one character and a place word (三间房社区) name a place.
* A numeral inside a set phrase (四套班子, 千家万户, 二次供水) or a short quoted name (“四有”标准)
  names something. Dates, grades (二级残疾) and addresses (3号楼) never match: 年, 月, 日, 级 and
  号 are not units.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from govmetrics import lexicon
from govmetrics.errors import NumeralError
from govmetrics.hookspecs import hookimpl
from govmetrics.models import Article, Metric, Span
from govmetrics.numerals import CN_NUMERAL_CHARS, MAGNITUDES, parse_amount

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
# 约 and 近 (and qualifiers starting with them: 约为) stand only as words of their own: 节约, 制约,
# 附近, 最近 are not qualifiers, nor is 节约为.
_LOOKBEHIND = {
    "约": "节制签预邀公条契特",
    "近": "附最接将就临贴",
    "过": "通经超不度越跨错难",
    # 满 is a bound on its own (已满六十周岁), not in 不满 or 未满 (qualifiers of their own), 圆满, 充满, nor
    # in a period running out (届满, 期满, 起满), which the duration cues read as a plain length
    "满": "不未届期起圆充布美饱丰占爆",
}
# 满 bounds a length of time or an age only (满20年, 已满六十周岁): 积分满100分 is a score held.
_FULL_UNITS = frozenset(("年", "月", "日", "天", "周", "小时", "工作日", "岁", "周岁"))
# 过 is a qualifier only before a bare magnitude (过亿元, 过万人): before any other numeral it is
# the verb of 通过, 经过 and the like written apart (过3年, 过两轮).
_LOOKAHEAD = {"过": "百千万亿"}
# A numeral of one character that is not a count before a classifier: 一 is an article (一个个),
# 零 a word part (零部件), 二 a category or order (二类疫苗, 二轮), since a count of two is written
# 两; and the formal digits (陆, 伍) stand alone only in words (大陆, 队伍).
_NOT_COUNTS = frozenset("一壹幺零〇二贰貳陆陸伍肆叁參柒捌玖")
_DATE_ENDS = frozenset("底末初日号旬")
_UNIT_FLAGS = frozenset(("arabic", "cued"))
# Periods a rate is given per (43.5万立方米/日), besides the units of time in the units lexicon.
_PERIODS = "日|天|周|月|年|小时|时|秒"
_YEAR_NUMBER = re.compile(r"(?:1[89]|2[01])\d\d|[〇零一二三四五六七八九]{4}")
_CLOCK = re.compile(r"[\d一二三四五六七八九十][时点:：]$")
_CLOCK_ENDS = frozenset("时点:：")
_ORDINAL_BEFORE = frozenset(("第", "每", "/", "／"))
#: A numeral of these alone (万, 百, 千万) is a bare magnitude.
_BARE_MAGNITUDE = "".join(MAGNITUDES) + "百千"


@attrs.frozen
class _Lexicon:
    pattern: re.Pattern[str]
    canonical: dict[str, str]
    arabic_only: frozenset[str]
    cued: frozenset[str]
    approx: dict[str, str]
    place_after: re.Pattern[str] | None
    duration_cue: re.Pattern[str]
    about_before: re.Pattern[str]


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _prefix_alternation(words: list[str]) -> str:
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        behind = _LOOKBEHIND.get(word[:1])  # 约 and 约为 alike
        ahead = _LOOKAHEAD.get(word)
        # the word's first character before the lookbehind (which then looks two characters back),
        # so re can skip this alternative at a glance where that character is not: an alternative
        # that opens with an assertion is tried in full at every candidate position
        first = re.escape(word[:1])
        part = f"{first}(?<![{behind}]{first}){re.escape(word[1:])}" if behind else re.escape(word)
        parts.append(rf"{part}(?=[{ahead}][百千万亿]*[余多]?(?![\d{CN_NUMERAL_CHARS}]))" if ahead else part)
    return "|".join(parts)


def _build() -> _Lexicon:
    canonical: dict[str, str] = {}
    arabic_only: set[str] = set()
    cued: set[str] = set()
    for row in lexicon.load("units"):
        surface = row[0]
        canonical[surface] = row[1] if len(row) > 1 and row[1] not in _UNIT_FLAGS else surface
        if "arabic" in row[1:]:
            arabic_only.add(surface)
        if "cued" in row[1:]:
            cued.add(surface)
    approx: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    for row in lexicon.load("qualifiers"):
        word, where, meaning = row[:3]
        approx[word] = meaning
        if word in ("余", "多"):
            continue  # written inside the numeral; parse_amount reads them
        (before if where == "before" else after).append(word)
    units = _alternation(canonical)
    # a currency may stand between a qualifier and its amount: 约合人民币3000万元
    currencies = _alternation(row[0] for row in lexicon.load("currencies")) or "(?!)"
    # every metric starts with a qualifier, 百分之 or a numeral: a cheap test for the scan
    first = "".join(
        sorted({w[0] for w in before + list(_GAPPED) + list(_OF_WHAT)} | set(CN_NUMERAL_CHARS) | {"百", "千"})
    )
    pattern = re.compile(
        rf"(?=[\d{re.escape(first)}])"
        # 最高为每年每平方米三元: the rate's denominators may stand between the bound and the amount
        rf"(?:(?P<pre>{_prefix_alternation(before)})(?:{currencies})?(?P<per>(?:每(?:{units}|{_PERIODS}))+)?"
        rf"|(?P<gapped>{_alternation(_GAPPED)})[^{_NOT_IN_GAP}\d\s]{{1,4}}?"
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
        rf"(?P<post>{_alternation(after)})?"
    )
    places = [row[0] for row in lexicon.load("place_words")]
    # a bound before a number of days or years makes it a length of time as a word of duration
    # does; 约 and 近 do not (近两年我国经济: the recent years, a time), and 过 bounds a bare
    # magnitude only, so before days or years it is a verb (度过三年)
    bounds = [word for word in before if approx[word] != "about" and word not in _LOOKAHEAD]
    cues = _alternation([row[0] for row in lexicon.load("duration_cues")] + bounds)
    abouts = _alternation(word for word in before if approx[word] == "about")
    return _Lexicon(
        pattern=pattern,
        canonical=canonical,
        arabic_only=frozenset(arabic_only),
        cued=frozenset(cued),
        approx=approx,
        place_after=re.compile(rf"[\u4e00-\u9fff](?:{_alternation(places)})") if places else None,
        # the text before a number ends with a cue: searched from a few characters back
        duration_cue=re.compile(rf"(?:{cues})$"),
        about_before=re.compile(rf"(?:{abouts})$"),
    )


def _lexicon() -> _Lexicon:
    from govmetrics.plugins import get_plugin_host

    cache = get_plugin_host().cache
    built = cache.get("metrics.lexicon")
    if built is None:
        built = cache["metrics.lexicon"] = _build()
    return built


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """Inside a short quotation: “四有”标准, “三清零一创建” are names, not counts."""
    left = text.rfind("“", max(0, start - 8), start + 1)
    if left == -1 or "”" in text[left:start]:
        return False
    right = text.find("”", end - 1, left + 11)
    return right != -1


# Before a number of days, what shows it is a day of the month: a month or a digit (7月30日), a
# word that places an event on a day (于30日, 在30日前, 至30日), or a list of days (1日、2日).
_DATE_BEFORE = frozenset("月于在至到从自、和及与或截即")
# After a number of days or years, a bound that makes it a length of time: 10日以上, 三年以下
_BOUND_AFTER = re.compile(r"以内|之内|以上|以下|内")
# After a number of days, 前 or 后 make it a time limit counted from an event: 开始30日前, 公示30日后
# (but not 前往, 前后, 后来: words that begin there).
_LIMIT_AFTER = re.compile(r"前(?![往后来夕景途列沿端期行])|后(?![来续期])")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def is_day_count(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a number and 日 (30日, 三十日), counts days rather than names one.

    A count of days is a length of time (延长30日, 届满15日, 开始30日前, 60日内): written after a
    word of duration or a bound (the ``duration_cues`` and ``qualifiers`` lexicons), or before a
    limit (内, 以上, 前 and 后 after an event: 开始30日前). A day of the month stands after a month,
    at the start of a clause (30日，区委召开…), after a word placing an event on it (于30日), or
    in a list (1日、2日); the date extractor reads those. Both extractors ask this one function.
    """
    lex = _lexicon()
    left = text[start - 1 : start]
    if left == "月" or left.isdigit():
        return False  # 7月30日: a date
    if _cued_before(text, start, lex) or lex.about_before.search(text, max(0, start - 3), start):
        return True  # 延长30日, 不得超过30日, 近30日: no day of the month is bounded or rounded
    if left == "前" and start >= 2 and _HAN.match(text, start - 2) and text[start - 2] not in _DATE_ENDS:
        return True  # 届满前30日, 进境前7日: days before an event (but 6月底前5日: a date's end)
    if _BOUND_AFTER.match(text, end):
        return True
    return bool(_LIMIT_AFTER.match(text, end)) and bool(_HAN.match(left)) and left not in _DATE_BEFORE


def _cued_before(text: str, start: int, lex: _Lexicon) -> bool:
    """A word of duration (延长, 届满) or a bound (不少于, 不得超过) right before ``start``."""
    return bool(lex.duration_cue.search(text, max(0, start - 6), start))


def _length_of_time(text: str, start: int, match: re.Match[str], lex: _Lexicon, qualified: bool) -> bool:
    """Whether a number of a ``cued`` unit of time (日, 年) is a length of time here.

    Days follow :func:`is_day_count`. Years need a word before them (延长三年, 不少于五年) or a bound
    right after (三年以下, 两年内: a time limit); 五年前 and 三年行动 are left alone, since a number of
    years before a word so often names a programme (五年规划) instead.
    """
    # a bound makes a length of time; 约 and 近 do not (近两年我国经济: the recent years, a time)
    bounded = bool(match.group("post")) or (qualified and _approx(match, lex, False) != "about")
    if match.group("unit") == "日":
        if text[start - 1 : start] == "月":
            return False  # 7月30日内: a date, whatever follows
        return bounded or is_day_count(text, start, match.end("unit"))
    return bounded or _cued_before(text, start, lex)


# After 点, what makes the numeral a clock time (三点半, 十点钟, 四点前) or places on a map (两点之间)
# rather than a count of points; before it, a part of the day (下午三点) or a word placing an event
# in time (于三点).
_CLOCK_AFTER = frozenset("半钟整多过前后左到至许间之")
_CLOCK_BEFORE = re.compile(r"(?:上午|下午|中午|晚上|早上|凌晨|傍晚|晚|早|于|在|至|到|从)$")
# After 车, the words that make it part of a road or a vehicle's name: 八车道, 车位, 车型
_ROAD_AFTER = frozenset("道位型厢库牌")


def _clock_point(text: str, match: re.Match[str], chinese: bool) -> bool:
    """Whether the 点 after a numeral tells the time: points of a speech (四点建议, 三点要求) are
    counted in Chinese numerals and followed by what they are; a clock time is written in digits,
    after a part of the day, or with 半, 钟 or a minute after it."""
    after = text[match.end() : match.end() + 1]
    if not chinese or not _HAN.match(after) or after in _CLOCK_AFTER or after in CN_NUMERAL_CHARS:
        return True
    return bool(_CLOCK_BEFORE.search(text, max(0, match.start() - 2), match.start()))


# What stands before a session numbered after its term: 十四届(五次), 十二届七次、(八次全会), 十六届人大(七次会议),
# 十三届全国人大(三次会议)
_AFTER_TERM = re.compile(
    r"[\d一二三四五六七八九十]届(?:全国|省|市|县|区)?(?:人大|政协|党代会)?(?:[\d一二三四五六七八九十]+次、)*$"
)


# 理事会由理事长一人、副理事长一至二人组成, 设总裁一人: a count written after its noun, closing the phrase,
# is a count even of one; an article stands before its noun (一个小团组) and 其中一人 picks one out.
_PHRASE_END = frozenset("、，。；：）")


def _one_after_its_noun(text: str, match: re.Match[str], unit: str | None) -> bool:
    """Whether a lone 一 and its classifier follow a noun and end the phrase: a count of one."""
    start = match.start()
    return (
        match.group("num") in ("一", "壹")
        and unit in ("人", "名")
        and text[match.end() : match.end() + 1] in _PHRASE_END
        and _HAN.match(text, start - 1) is not None
        and not text.endswith(("其中", "之", "中", "其", "有", "的", "这", "那", "每", "第", "唯", "同"), 0, start)
    )


# A class named in a scheme of classes (一类、二类放射性物品 … 三类放射性物品): the text names another
# class of the same thing, so the number is the class's rank, a grade, not a count of kinds.
_CLASS_NUMBERS = "一二三四五六七八九123456789"
_THING_AFTER_CLASS = re.compile(r"[\u4e00-\u9fff]{2}")


def _class_of_a_scheme(text: str, match: re.Match[str]) -> bool:
    """Whether N类 + a noun (N one digit) is one class of a scheme the text also names another
    class of (not 12类 read as 2类, nor 两类, which only counts)."""
    num = match.group("num")
    thing = _THING_AFTER_CLASS.match(text, match.end())
    if thing is None or len(num) != 1 or num not in _CLASS_NUMBERS:
        return False
    rank = _CLASS_NUMBERS.index(num) % 9
    others = "".join(other for at, other in enumerate(_CLASS_NUMBERS) if at % 9 != rank)
    # the scan starts with a plain character class; the digit before (12类 is no 2类) is read after
    return any(
        not text[found.start() - 1 : found.start()].isdigit()
        for found in re.finditer(f"[{others}]类{thing.group()}", text)
    )


def _is_excluded(text: str, match: re.Match[str], lex: _Lexicon, spans: list[tuple[int, int]]) -> bool:
    # Every test returns True, so their order changes nothing: the commonest and cheapest come
    # first (第十条 in a regulation, 2019年 in a report), before the groups are read.
    start = match.start()
    left = text[start - 1 : start] if start else ""
    if left in _ORDINAL_BEFORE:
        return True  # 第三, 每千人, 0.6人/百亿元: an ordinal, a rate's denominator
    if left.isdigit() or (left.isascii() and left.isalpha()):
        return True  # inside a longer number or a code: PM2.5, G20
    pre, gapped, of, percent, num, unit = match.group("pre", "gapped", "of", "percent", "num", "unit")
    if unit == "年" and (text.startswith("代", match.end()) or _YEAR_NUMBER.fullmatch(num)):
        return True  # 80年代: a decade; 2019年: a year, which the date extractor reads
    num_start = match.start("num") - (3 if percent else 0)
    before = text[max(0, start - 3) : start]
    qualified = bool(pre or gapped or of)
    chinese = not num[0].isdigit()
    if left in ".,．，·" and before[-2:-1].isdigit():
        return True  # after a decimal point or a thousands separator
    # 前三位, 后两名: a rank (but 6月底前80岁以上: the 前 ends a date); days before an event
    # (届满前30日) and a time moved (提前一年) are lengths of time
    if (
        left in ("前", "后")
        and not qualified
        and before[-2:-1] not in _DATE_ENDS
        and not (unit == "日" or (unit in lex.cued and _cued_before(text, num_start, lex)))
    ):
        return True
    if unit == "次" and (text.startswith("全会", match.end()) or _AFTER_TERM.search(text, max(0, start - 30), start)):
        return True  # 十四届五次会议, 十二届七次、八次全会, 省委十次全会: sessions (本届3次 still counts)
    if chinese and (before.endswith(("周", "星期", "礼拜"))):
        return True  # 周六在社区: a weekday
    if left in _CLOCK_ENDS and _CLOCK.search(before):
        return True  # 9时30分
    cued = unit in lex.cued and (bool(match.group("half2")) or _length_of_time(text, num_start, match, lex, qualified))
    if unit in lex.arabic_only and chinese and not cued:
        return True  # 十分认可, 万分感谢; 三年行动 (but 延长三年 is a length of time)
    if unit in lex.cued and unit not in lex.arabic_only and not cued:
        return True  # 30日，区委召开…: a day of the month, which the date extractor reads
    if unit == "点" and _clock_point(text, match, chinese):
        return True  # 下午三点, 3点: a time of day, not points of a speech
    if unit == "车" and text[match.end() : match.end() + 1] in _ROAD_AFTER:
        return True  # 双向8车道: lanes of a road, not truckloads
    num2, mag, more, more2, half, half2 = match.group("num2", "mag", "more", "more2", "half", "half2")
    plain = not (num2 or mag or more or more2 or half or half2)
    if unit == "类" and plain and not qualified and _class_of_a_scheme(text, match):
        return True  # 一类、二类…三类放射性物品: the third class of a scheme, not three kinds
    if num in _NOT_COUNTS and plain and not cued and not percent and not _one_after_its_noun(text, match, unit):
        return True  # 一个个, 二类 (but 延长一年 counts one year, and 百分之一 is a share: no article)
    if not num.strip(_BARE_MAGNITUDE) and not (qualified or more or more2 or percent or match.group("post")):
        return True  # 万人, 百家: idiom, not a count (but 亿元以上, 万元以下 bound an amount)
    if chinese and not qualified and plain and lex.place_after and lex.place_after.match(text, match.end()):
        return True  # 三间房社区, 五棵松街道: a place named with a numeral (never with 余 or 多)
    core_end = match.end("unit") if unit else match.end("num")
    if lexicon.covered(spans, num_start, core_end):
        return True
    return _in_quoted_name(text, num_start, core_end)


#: The unit a share written in words carries: 百分之三十五 is 35 %, 千分之五 is 5 ‰.
_SHARE_UNITS = {"百分之": "%", "千分之": "‰"}

#: Units written after 个多 (三个多月), in the form records carry.
_AFTER_GE_MORE = {"月": "月", "星期": "周", "钟头": "小时"}


def _canonical(lex: _Lexicon, unit: str) -> str:
    """The unit records carry: 平米 is 平方米, and each side of 元/㎡ is read alike (元/平方米)."""
    if unit in lex.canonical:
        return lex.canonical[unit]
    if unit in _AFTER_GE_MORE:
        return _AFTER_GE_MORE[unit]
    return "/".join(lex.canonical.get(part, part) for part in re.split("[/／]", unit))  # 立方米/日


def _approx(match: re.Match[str], lex: _Lexicon, more_than: bool, peak: bool = False, bare: bool = False) -> str | None:
    """The bound or rounding the match's qualifiers give; a superlative that reports a peak
    reached (``peak``, see :func:`_observed_peak`) gives none, nor does a qualifier before the
    number that bounds no such unit (``bare``, see :func:`_full_of_other`).

    A rounding written after the number (左右, 上下) qualifies the number itself and wins over a
    comparison before it: in 低于13%左右的预期目标, 低于 compares something else with a target of
    about 13%, it does not bound the 13."""
    post = match.group("post")
    if post and lex.approx[post] == "about":
        return "about"
    if match.group("pre") and not bare:
        return lex.approx[match.group("pre")]
    if match.group("gapped") and not peak:
        return lex.approx[match.group("gapped")]
    if match.group("of"):
        return lex.approx[match.group("of")]
    if match.group("post"):
        return lex.approx[match.group("post")]
    if more_than or match.group("more3") or match.group("gemore"):
        return "more_than"
    return None


# 最高 / 最低 (and 最多 / 最少) before a number bound it only when what follows says a cap or a floor
# (最高为, 最高可达, 最高不超过, 最多可获得): a rule's or a plan's limit. Before 达 or 达到 with no
# modal between, the sentence reports a value that was reached, the peak of a series
# (最高单日达到587件, 单日受理量最高达548件): a level, no bound.
_SUPERLATIVES = frozenset(("最高", "最低", "最多", "最少"))
_REACHED = re.compile(r"[^可能将应须要不得]*达到?")


def _observed_peak(text: str, match: re.Match[str]) -> bool:
    """Whether a superlative before the number reports a peak reached rather than a limit."""
    word = match.group("gapped")
    if word not in _SUPERLATIVES:
        return False
    return _REACHED.fullmatch(text, match.end("gapped"), match.start("num")) is not None


# After 满 and its number, what makes the threshold a moment reached, not a bound: 年满70岁后可兑换,
# 满一年时, 满三年之日 (the time from which something holds; the number is a plain age or length).
_MOMENT_AFTER = re.compile(r"[后时起]|以后|之后|之日|当日")


def _full_of_other(text: str, match: re.Match[str], lex: _Lexicon) -> bool:
    """满 that bounds nothing: before a unit that is neither a length of time nor an age (积分满100分
    holds a score), or naming the moment a threshold is reached (年满70岁后)."""
    if match.group("pre") != "满":
        return False
    return (
        _canonical(lex, match.group("unit") or "") not in _FULL_UNITS
        or _MOMENT_AFTER.match(text, match.end()) is not None
    )


def find_metrics(text: str) -> Iterator[Metric]:
    """Every metric in ``text`` (an already cleaned ``Article.text``), in text order."""
    lex = _lexicon()
    spans = lexicon.set_phrase_spans(text)
    found: list[Metric] = []
    carried: Metric | None = None  # the bounded metric whose bound a list after it shares
    for match in lex.pattern.finditer(text):
        unit, percent = match.group("unit", "percent")
        if not unit and not percent:
            continue
        if _is_excluded(text, match, lex, spans):
            continue
        num, num2, more, mag, more2, unit1, half, half2, per, gapped = match.group(
            "num", "num2", "more", "mag", "more2", "unit1", "half", "half2", "per", "gapped"
        )
        if unit1 and (not unit or lex.canonical[unit1] != _canonical(lex, unit)):
            continue  # 3个至5名: two units, not one range
        expression = f"{num}~{num2}" if num2 else num
        expression += (more or "") + (mag or "") + (more2 or "")
        try:
            amount = parse_amount(expression)
        except NumeralError:
            continue
        value, high = amount.value, amount.high
        if half or half2:
            value = value + Decimal("0.5")
        end = match.end()
        # 最高为每年每平方米三元: the record starts at the amount; 每年 belongs to the rate, and the
        # cadence extractor may read it as a period, which would then own the whole span
        # 最高单日达到587件: a peak reached is a level, and the record starts at the amount too
        peak = bool(gapped) and _observed_peak(text, match)
        bare = _full_of_other(text, match, lex)
        start = match.start("num") - (3 if percent else 0) if per or peak or bare else match.start()
        found.extend(_listed_before(text, match, start, lex))
        metric = Metric(
            text=text[start:end],
            span=Span(start=start, end=end),
            value=value,
            high=high,
            unit=_SHARE_UNITS[percent] if percent and not unit else _canonical(lex, unit),
            approx=_approx(match, lex, amount.more_than, peak, bare),  # type: ignore[arg-type]
        )
        inherited = carried is not None and metric.approx is None and _carries_to(text, carried, metric)
        if inherited:
            metric = attrs.evolve(metric, approx=carried.approx)  # type: ignore[union-attr]
        found.append(metric)
        # a bound written before its number carries on to the numbers listed right after it
        carried = metric if metric.approx in _BOUNDS and (inherited or _bound_before(match, bare, peak)) else None
    _share_trailing_qualifier(text, found)
    yield from _pair_bounds(text, found)


# 分别增长4.5%、5.5%左右: after 分别 (respectively), a qualifier written once after the last number
# of a list (左右, 以上) qualifies each number listed, as the unit written once there does.
_RESPECTIVELY_BEFORE = re.compile(r"分别[\u4e00-\u9fff]{0,12}$")


def _share_trailing_qualifier(text: str, metrics: list[Metric]) -> None:
    """Give the numbers listed after 分别 the qualifier written after the list's last number."""
    for at in range(len(metrics) - 1, 0, -1):
        last = metrics[at]
        if last.approx is None or last.text[:1] not in _NUMERAL_STARTS:
            continue  # no qualifier, or one written before the number (至少5%), which is its own
        first = at
        while (
            first > 0
            and metrics[first - 1].approx is None
            and metrics[first - 1].unit == last.unit
            and metrics[first - 1].span.end + 1 == metrics[first].span.start
            and text[metrics[first - 1].span.end] in _LIST_JOINS
        ):
            first -= 1
        if first < at and _RESPECTIVELY_BEFORE.search(
            text, max(0, metrics[first].span.start - 14), metrics[first].span.start
        ):
            for listed in range(first, at):
                metrics[listed] = attrs.evolve(metrics[listed], approx=last.approx)


# 不低于本人工资标准的150%、200%、300%支付: a bound written once before a list bounds each number
# listed right after it on the same unit (a list of plain numbers, nothing else between them).
_BOUNDS = frozenset(("at_least", "at_most", "more_than", "less_than"))
_LIST_JOINS = frozenset("、和及或")


def _bound_before(match: re.Match[str], bare: bool, peak: bool) -> bool:
    """Whether the match's bound is written before its number (至少3人, 不低于…的150%), not after."""
    pre, gapped, of, post = match.group("pre", "gapped", "of", "post")
    return bool((pre and not bare) or (gapped and not peak) or of) and not post


def _carries_to(text: str, bounded: Metric, metric: Metric) -> bool:
    """Whether ``metric`` is the next item of a list that starts with the bounded ``bounded``."""
    return (
        metric.span.start == bounded.span.end + 1
        and text[bounded.span.end] in _LIST_JOINS
        and metric.unit == bounded.unit
        and bounded.high is None
    )


# 分别提高0.6和1.2个百分点, 分别比上年同期提高0.6和1.2个百分点, 分别为3.5、4.2和5.1万元: after 分别
# (respectively), a comparison and its verb, numbers listed before the last one share its unit and
# magnitude, written once at the end of the list.
_LISTED_BEFORE = re.compile(r"分别[\u4e00-\u9fff]{0,12}?((?:\d+(?:\.\d+)?[和、与及])+)$")
_LISTED_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TRAILING_MAGNITUDE = re.compile(r"[十百千万亿]*$")


def _listed_before(text: str, match: re.Match[str], start: int, lex: _Lexicon) -> list[Metric]:
    """The numbers listed before a metric after 分别, each with the metric's unit and magnitude."""
    if text[start - 1 : start] not in ("和", "、", "与", "及") or not match.group("num")[0].isdigit():
        return []
    listed = _LISTED_BEFORE.search(text, max(0, start - 40), start)
    if listed is None or match.group("num2") or match.group("pre") or match.group("gapped"):
        return []
    percent = match.group("percent")
    unit = _SHARE_UNITS[percent] if percent and not match.group("unit") else _canonical(lex, match.group("unit"))
    # the magnitude written after the last number: in its Arabic numeral (5.1万) or after it
    magnitude = _TRAILING_MAGNITUDE.search(match.group("num")).group() + (match.group("mag") or "")  # type: ignore[union-attr]
    metrics = []
    for number in _LISTED_NUMBER.finditer(text, listed.start(1), listed.end(1)):
        try:
            amount = parse_amount(number.group() + magnitude)
        except NumeralError:
            return []
        metrics.append(
            Metric(
                text=number.group(),
                span=Span(start=number.start(), end=number.end()),
                value=amount.value,
                high=None,
                unit=unit,
                approx=None,
            )
        )
    return metrics


# 满十年和十年以上, 满18周岁或18周岁以上: the same bound written twice, in two words, joined by 和 or 或;
# 2名或者2名以上 is the number itself or more, so one lower bound as well (以上 includes the number,
# and the plain number before it adds nothing to that)
# (不得低于甲的80%或者不得低于乙的80% bounds two quantities: each bound is written before its own)
_SAME_BOUND_JOINED = re.compile(r"和|或|或者|及")
_NUMERAL_STARTS = frozenset("0123456789０１２３４５６７８９" + CN_NUMERAL_CHARS)
_LOWER_BOUNDS = frozenset(("at_least", "more_than"))
_UPPER_BOUNDS = frozenset(("at_most", "less_than"))
# What may join the two bounds of one range: nothing (2万元以上10万元以下), a pause or 且.
_BETWEEN_BOUNDS = re.compile(r"[、，,]?(?:且|并且|但)?")


def _pair_bounds(text: str, metrics: list[Metric]) -> Iterator[Metric]:
    """Join a lower bound and the upper bound right after it on the same unit into one range.

    Rules and fines bound one quantity from both sides: 2万元以上10万元以下, 5万元以上不满10万元,
    不低于60%不高于80%. That is one amount between the two numbers, as 1~2次 is, so it is one
    metric with ``high`` and no ``approx``; each half read alone would claim an open bound the
    sentence does not make.
    """
    at = 0
    while at < len(metrics):
        low = metrics[at]
        high = metrics[at + 1] if at + 1 < len(metrics) else None
        if (
            high is not None
            and low.approx in _LOWER_BOUNDS
            and high.approx in _UPPER_BOUNDS
            and low.high is None
            and high.high is None
            and low.unit == high.unit
            and high.value > low.value
            and _BETWEEN_BOUNDS.fullmatch(text, low.span.end, high.span.start)
        ):
            yield attrs.evolve(
                low,
                text=text[low.span.start : high.span.end],
                span=Span(start=low.span.start, end=high.span.end),
                high=high.value,
                approx=None,
            )
            at += 2
            continue
        if (
            high is not None
            and low.approx in (None, "at_least")
            and high.approx == "at_least"
            and (low.value, low.high, low.unit) == (high.value, high.high, high.unit)
            and _SAME_BOUND_JOINED.fullmatch(text, low.span.end, high.span.start)
            and high.text[:1] in _NUMERAL_STARTS  # the second bound written after its number: 十年以上
        ):
            yield attrs.evolve(
                low,
                text=text[low.span.start : high.span.end],
                span=Span(start=low.span.start, end=high.span.end),
                approx="at_least",
            )
            at += 2
            continue
        yield low
        at += 1


@hookimpl
def govmetrics_extract(article: Article) -> Iterator[Metric]:
    return find_metrics(article.text)
