"""Which metric candidates are not quantities, and when a number of days or years is a length of time.

A length of time is a metric when it reads as one: a number of years in Chinese numerals after a
word of duration or a bound (延长三年, 不少于五年; 三年行动 alone names a programme), and a number
of days in the same places or before a limit (延长30日, 届满15日, 开始30日前, 60日内). A day of the
month named alone (30日，区委召开…) is a date; :func:`is_day_count` tells the two apart for both
the metric extractor and the date extractor.

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

from govmetrics import lexicon
from govmetrics.chinese import SMALL_NUMERAL
from govmetrics.extractors.metric_bounds import approx_of
from govmetrics.extractors.metric_patterns import MetricLexicon
from govmetrics.numerals import CN_NUMERAL_CHARS, MAGNITUDES

# A numeral of one character that is not a count before a classifier: 一 is an article (一个个),
# 零 a word part (零部件), 二 a category or order (二类疫苗, 二轮), since a count of two is written
# 两; and the formal digits (陆, 伍) stand alone only in words (大陆, 队伍).
_NOT_COUNTS = frozenset("一壹幺零〇二贰貳陆陸伍肆叁參柒捌玖")
_DATE_ENDS = frozenset("底末初日号旬")
_YEAR_NUMBER = re.compile(r"(?:1[89]|2[01])\d\d|[〇零一二三四五六七八九]{4}")
_CLOCK = re.compile(rf"{SMALL_NUMERAL}[时点:：]$")
_CLOCK_ENDS = frozenset("时点:：")
_ORDINAL_BEFORE = frozenset(("第", "每", "/", "／"))
#: A numeral of these alone (万, 百, 千万) is a bare magnitude.
_BARE_MAGNITUDE = "".join(MAGNITUDES) + "百千"


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


def is_day_count(text: str, start: int, end: int, lex: MetricLexicon) -> bool:
    """Whether ``text[start:end]``, a number and 日 (30日, 三十日), counts days rather than names one.

    A count of days is a length of time (延长30日, 届满15日, 开始30日前, 60日内): written after a
    word of duration or a bound (the ``duration_cues`` and ``qualifiers`` lexicons), or before a
    limit (内, 以上, 前 and 后 after an event: 开始30日前). A day of the month stands after a month,
    at the start of a clause (30日，区委召开…), after a word placing an event on it (于30日), or
    in a list (1日、2日); the date extractor reads those. Both extractors ask this one function.
    """
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


def _cued_before(text: str, start: int, lex: MetricLexicon) -> bool:
    """A word of duration (延长, 届满) or a bound (不少于, 不得超过) right before ``start``."""
    return bool(lex.duration_cue.search(text, max(0, start - 6), start))


def _length_of_time(text: str, start: int, match: re.Match[str], lex: MetricLexicon, qualified: bool) -> bool:
    """Whether a number of a ``cued`` unit of time (日, 年) is a length of time here.

    Days follow :func:`is_day_count`. Years need a word before them (延长三年, 不少于五年) or a bound
    right after (三年以下, 两年内: a time limit); 五年前 and 三年行动 are left alone, since a number of
    years before a word so often names a programme (五年规划) instead.
    """
    # a bound makes a length of time; 约 and 近 do not (近两年我国经济: the recent years, a time)
    bounded = bool(match.group("post")) or (qualified and approx_of(match, lex, False) != "about")
    if match.group("unit") == "日":
        if text[start - 1 : start] == "月":
            return False  # 7月30日内: a date, whatever follows
        return bounded or is_day_count(text, start, match.end("unit"), lex)
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
_AFTER_TERM = re.compile(rf"{SMALL_NUMERAL}届(?:全国|省|市|县|区)?(?:人大|政协|党代会)?(?:{SMALL_NUMERAL}+次、)*$")


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
    # 类 and the noun are found by str's search, which passes over a long text many times faster
    # than re's for a pattern opening with a class; the number before them is read after
    named = "类" + thing.group()
    at = text.find(named, 1)
    while at >= 0:
        if text[at - 1] in others and not text[at - 2 : at - 1].isdigit():
            return True  # another class of the same thing (the digit before: 12类 is no 2类)
        at = text.find(named, at + 1)
    return False


def is_excluded(text: str, match: re.Match[str], lex: MetricLexicon, spans: list[tuple[int, int]]) -> bool:
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
