"""The metric extractor: every cardinal number that counts or measures something, with its unit.

One compiled pattern, built from the lexicons, finds candidates in a single pass; each candidate
is then read by the shared numeral parser and checked against the exclusions of ANNOTATION.md.

How a metric is written, left to right::

    [qualifier] [百分之] numeral [~ numeral] [余|多] [万|亿] [余|多] [个半] unit [多] [qualifier]
     约 / 近      百分之三十五  1~2  三四百      2万余   4000多万    1个半小时  100个多   以上 / 左右

A unit is required: a bare number (12345热线, 2019) measures nothing we can name. The exclusions,
each a rule about how Chinese news writes numbers that are not quantities:

* 第 before a numeral makes an ordinal (第十六届, 第3名); 前 / 后 a rank or a period (前五名, 前8个月).
  A session is numbered without 第 after its term: 十四届五次会议 and 十二届三次全会 are the fifth
  and third sessions of the fourteenth and twelfth terms, so 次 right after 届 is an ordinal too,
  and so are the sessions listed after it (十二届七次、八次全会).
* 每 before a numeral makes it a rate's denominator (每千名老年人), not a count.
* A count of times under a 每-period (每月至少开展1~2次, 一年两次) belongs to the cadence, which owns
  its span when the resolution step runs (see :mod:`govmetrics.resolve`).
* A numeral right after a clock hour (9时30分) is a time; after a Latin letter (PM2.5, G20), a code.
* A lone 一 before a classifier is an article (一个个, 一对空巢老人), not a count of one; a lone
  二 is a category (二类), since Chinese counts two with 两.
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
_CN_CHAR = rf"(?:[{CN_NUMERAL_CHARS.replace('两', '').replace('兩', '')}]|(?<![二四五六七八九十拾])[两兩])"
_CHINESE = rf"[{CN_NUMERAL_CHARS}]{_CN_CHAR}*(?:点[{CN_NUMERAL_CHARS}]+)?"
_NUMERAL = rf"(?:{_ARABIC}|{_CHINESE})"
_RANGE_SEPARATOR = r"(?:[~～〜\-－—–至到]|——)"
# Qualifiers that may stand a few words before the number they bound: 至少配备1名, 最多可获得30积分.
_GAPPED = ("至少", "最多", "最少", "最高")
# Qualifiers of a share or a multiple, written before what it is of: 约占全县贫困户总数的30%,
# 约为去年的1.5倍.
_OF_WHAT = ("约占", "约为")
_NOT_IN_GAP = CN_NUMERAL_CHARS + "，。；、！？：（）“”《》\n"
# 约 and 近 (and qualifiers starting with them: 约为) stand only as words of their own: 节约, 制约,
# 附近, 最近 are not qualifiers, nor is 节约为.
_LOOKBEHIND = {"约": "节制签预邀公条契特", "近": "附最接将就临贴"}
# A numeral of one character that is not a count before a classifier: 一 is an article (一个个),
# 零 a word part (零部件), 二 a category or order (二类疫苗, 二轮), since a count of two is written
# 两; and the formal digits (陆, 伍) stand alone only in words (大陆, 队伍).
_NOT_COUNTS = frozenset("一壹幺零〇二贰貳陆陸伍肆叁參柒捌玖")
_DATE_ENDS = frozenset("底末初日号旬")
_YEAR_NUMBER = re.compile(r"(?:1[89]|2[01])\d\d|[〇零一二三四五六七八九]{4}")
_CLOCK = re.compile(r"[\d一二三四五六七八九十][时点:：]$")


@attrs.frozen
class _Lexicon:
    pattern: re.Pattern[str]
    canonical: dict[str, str]
    arabic_only: frozenset[str]
    approx: dict[str, str]
    place_after: re.Pattern[str] | None


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _prefix_alternation(words: list[str]) -> str:
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        behind = _LOOKBEHIND.get(word[:1])  # 约 and 约为 alike
        parts.append(f"(?<![{behind}]){re.escape(word)}" if behind else re.escape(word))
    return "|".join(parts)


def _build() -> _Lexicon:
    canonical: dict[str, str] = {}
    arabic_only: set[str] = set()
    for row in lexicon.load("units"):
        surface = row[0]
        canonical[surface] = row[1] if len(row) > 1 and row[1] != "arabic" else surface
        if "arabic" in row[1:]:
            arabic_only.add(surface)
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
    first = "".join(sorted({w[0] for w in before + list(_GAPPED) + list(_OF_WHAT)} | set(CN_NUMERAL_CHARS) | {"百"}))
    pattern = re.compile(
        rf"(?=[\d{re.escape(first)}])"
        rf"(?:(?P<pre>{_prefix_alternation(before)})(?:{currencies})?"
        rf"|(?P<gapped>{_alternation(_GAPPED)})[^{_NOT_IN_GAP}\d\s]{{1,4}}?"
        rf"|(?P<of>{_prefix_alternation(list(_OF_WHAT))})[^{_NOT_IN_GAP}\d\s]{{1,15}}?的)?"
        rf"(?P<percent>百分之)?"
        rf"(?P<num>{_NUMERAL})"
        rf"(?:(?P<unit1>{units})?{_RANGE_SEPARATOR}(?P<num2>{_NUMERAL}))?"
        rf"(?P<more>[余多])?(?P<mag>[万亿]+)?(?P<more2>[余多])?"
        rf"(?P<half>个?半)?"
        # 两个多小时, 三个多月: 多 between the classifier and the unit, more than the count
        rf"(?P<gemore>个[多余](?=小时|钟头|月|星期))?"
        # a unit per another is one unit: 58微克/立方米, 3000元/吨
        rf"(?P<unit>(?:{units})(?:[/／](?:{units}))?|(?<=个[多余])(?:月|星期|钟头))?"
        rf"(?P<more3>多(?=[\u4e00-\u9fff]))?"
        rf"(?P<post>{_alternation(after)})?"
    )
    places = [row[0] for row in lexicon.load("place_words")]
    return _Lexicon(
        pattern=pattern,
        canonical=canonical,
        arabic_only=frozenset(arabic_only),
        approx=approx,
        place_after=re.compile(rf"[\u4e00-\u9fff](?:{_alternation(places)})") if places else None,
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


# What stands before a session numbered after its term: 十四届(五次), 十二届七次、(八次全会), 十六届人大(七次会议)
_AFTER_TERM = re.compile(r"[\d一二三四五六七八九十]届(?:人大|政协|党代会)?(?:[\d一二三四五六七八九十]+次、)*$")


def _is_excluded(text: str, match: re.Match[str], lex: _Lexicon, spans: list[tuple[int, int]]) -> bool:
    start = match.start()
    num_start = match.start("num") - (3 if match.group("percent") else 0)
    num = match.group("num")
    before = text[max(0, start - 3) : start]
    left = before[-1:]
    qualified = bool(match.group("pre") or match.group("gapped") or match.group("of"))
    chinese = not num[0].isdigit()
    unit = match.group("unit")
    if left.isdigit() or (left.isascii() and left.isalpha()):
        return True  # inside a longer number or a code: PM2.5, G20
    if left in ".,．，·" and before[-2:-1].isdigit():
        return True  # after a decimal point or a thousands separator
    if left in ("第", "每") or (left in ("前", "后") and not qualified and before[-2:-1] not in _DATE_ENDS):
        return True  # 前三位, 后两名: a rank (but 6月底前80岁以上: the 前 ends a date)
    if unit == "次" and _AFTER_TERM.search(text, max(0, start - 30), start):
        return True  # 十四届五次会议, 十二届七次、八次全会: sessions of a term (本届3次 still counts)
    if chinese and (before.endswith(("周", "星期", "礼拜"))):
        return True  # 周六在社区: a weekday
    if _CLOCK.search(before):
        return True  # 9时30分
    if unit in lex.arabic_only and chinese:
        return True  # 十分认可, 万分感谢
    if unit == "年" and (text.startswith("代", match.end()) or _YEAR_NUMBER.fullmatch(num)):
        return True  # 80年代: a decade; 2019年: a year, which the date extractor reads
    plain = not (match.group("num2") or match.group("mag") or match.group("more") or match.group("more2"))
    if num in _NOT_COUNTS and plain:
        return True
    if all(ch in MAGNITUDES or ch in "百千" for ch in num) and not (
        qualified or match.group("more") or match.group("more2") or match.group("percent")
    ):
        return True  # 万人, 百家: idiom, not a count
    if chinese and not qualified and plain and lex.place_after and lex.place_after.match(text, match.end()):
        return True  # 三间房社区, 五棵松街道: a place named with a numeral (never with 余 or 多)
    core_end = match.end("unit") if unit else match.end("num")
    if lexicon.covered(spans, num_start, core_end):
        return True
    return _in_quoted_name(text, num_start, core_end)


#: Units written after 个多 (三个多月), in the form records carry.
_AFTER_GE_MORE = {"月": "月", "星期": "周", "钟头": "小时"}


def _canonical(lex: _Lexicon, unit: str) -> str:
    """The unit records carry: 平米 is 平方米, and each side of 元/㎡ is read alike (元/平方米)."""
    if unit in lex.canonical:
        return lex.canonical[unit]
    if unit in _AFTER_GE_MORE:
        return _AFTER_GE_MORE[unit]
    return "/".join(lex.canonical[part] for part in re.split("[/／]", unit))


def _approx(match: re.Match[str], lex: _Lexicon, more_than: bool) -> str | None:
    if match.group("pre"):
        return lex.approx[match.group("pre")]
    if match.group("gapped"):
        return lex.approx[match.group("gapped")]
    if match.group("of"):
        return lex.approx[match.group("of")]
    if match.group("post"):
        return lex.approx[match.group("post")]
    if more_than or match.group("more3") or match.group("gemore"):
        return "more_than"
    return None


def find_metrics(text: str) -> Iterator[Metric]:
    """Every metric in ``text`` (an already cleaned ``Article.text``), in text order."""
    lex = _lexicon()
    spans = lexicon.set_phrase_spans(text)
    for match in lex.pattern.finditer(text):
        unit = match.group("unit")
        percent = match.group("percent")
        if not unit and not percent:
            continue
        if _is_excluded(text, match, lex, spans):
            continue
        unit1 = match.group("unit1")
        if unit1 and (not unit or lex.canonical[unit1] != _canonical(lex, unit)):
            continue  # 3个至5名: two units, not one range
        expression = match.group("num")
        if match.group("num2"):
            expression += "~" + match.group("num2")
        expression += (match.group("more") or "") + (match.group("mag") or "") + (match.group("more2") or "")
        try:
            amount = parse_amount(expression)
        except NumeralError:
            continue
        value, high = amount.value, amount.high
        if match.group("half"):
            value = value + Decimal("0.5")
        end = match.end()
        yield Metric(
            text=text[match.start() : end],
            span=Span(start=match.start(), end=end),
            value=value,
            high=high,
            unit="%" if percent and not unit else _canonical(lex, unit),
            approx=_approx(match, lex, amount.more_than),  # type: ignore[arg-type]
        )


@hookimpl
def govmetrics_extract(article: Article) -> Iterator[Metric]:
    return find_metrics(article.text)
