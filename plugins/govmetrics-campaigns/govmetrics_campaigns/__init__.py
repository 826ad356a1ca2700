"""A govmetrics plugin: campaigns and slogans named with numerals, as records of their own.

Chinese government text names its campaigns, programmes and doctrines with numerals: 十四五,
两学一做, 三清零一创建, 一网通办, 双随机一公开, “四有”, “一老一小”. govmetrics' metric extractor
refuses these as metrics (they count nothing); this plugin reads them as :class:`Campaign` records,
with a canonical ``name`` and the ``numbers`` inside, so that their spread across places and years
can be counted.

Two sources, each a rule about how the text writes these names:

* **Known campaigns**, the lexicon ``campaigns.txt`` shipped in this package: found written bare
  or in quotation marks, with their aliases (千村示范万村整治 is 千万工程). Names whose characters
  often mean something else (三保 in 三保障, 十五 in 十五个) are read only inside quotation marks.
* **Unknown slogans**, which the text marks by quoting them: a quotation of 2 to 8 Chinese
  characters that holds a numeral is read as a slogan when it starts with a numeral (“四有”,
  “三农”, “五篇大文章”) or holds two (“一老一小”, “三会一课”). Words whose numerals count nothing
  are masked first (the lexicon ``not_slogans.txt``: 百姓, 统一, 一刀切, 四川), and a quotation
  that is a quantity (“五年”), an ordinal (“第一议题”), a model (“华龙一号”) or a term the text
  defines for itself (以下统称“五大总成”) is not a slogan.

A word that names the campaign's kind may follow it and belongs to the record's text, not to its
name: 十四五规划, “十四五”时期 and 两学一做学习教育 are 十四五 and 两学一做.

``numbers`` reads each numeral with :func:`govmetrics.parse_number`: 三会一课 → (3, 1), 百千万工程
→ (100, 1000, 10000). 双 (a pair: 双随机一公开, 双一流) counts 2. 零 is a word in slogans (清零,
零距离), not a numeral, so 三清零一创建 → (3, 1). The lexicon gives the numbers where reading the
name would mislead: 十四五 → (14, 5), the fourteenth five-year plan, not the range 14–15.

The plugin also gives every known name that may stand bare to govmetrics' ``set_phrases``
lexicon, so the metric extractor keeps refusing a number inside one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any, ClassVar

import attrs

import govmetrics
from govmetrics.kit import Number, alternation, exact, read_rows

__version__ = "0.1.0"

__all__ = ["Campaign", "KnownCampaign", "find_campaigns", "known_campaigns", "numbers_in"]


def _numbers(value: Iterable[Any]) -> tuple[Number, ...]:
    return tuple(exact(number) for number in value)


@attrs.frozen(kw_only=True)
class Campaign(govmetrics.Record):
    """A campaign, slogan or programme named with numerals: “十四五”规划 → 十四五, (14, 5).

    ``name`` is the canonical form (the lexicon's, or the quoted words for a slogan it does not
    know); ``numbers`` the numerals inside it, in order; ``known`` says the name is in the
    lexicon rather than read as a quoted slogan. ``text`` is what the article wrote: quotation
    marks and a word naming the campaign's kind (规划, 时期, 学习教育) included.
    """

    kind: ClassVar[str] = "campaign"

    name: str
    numbers: tuple[Number, ...] = attrs.field(default=(), converter=_numbers)
    known: bool = True


# -- the lexicons ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class KnownCampaign:
    """One row of ``campaigns.txt``."""

    name: str
    aliases: tuple[str, ...] = ()
    numbers: tuple[Number, ...] = ()
    quoted: bool = False


def _data_lines(name: str) -> list[str]:
    return resources.files(__name__).joinpath(name).read_text("utf-8").splitlines()


@lru_cache(maxsize=1)
def not_slogan_words() -> tuple[str, ...]:
    """Words whose numerals count nothing (``not_slogans.txt``), longest first."""
    words = {row[0] for row in read_rows(_data_lines("not_slogans.txt"), "not_slogans")}
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def known_campaigns() -> tuple[KnownCampaign, ...]:
    """The campaigns of ``campaigns.txt``."""
    campaigns = []
    for row in read_rows(_data_lines("campaigns.txt"), "campaigns"):
        name, aliases, numbers, quoted = row[0], [], None, False
        for column in row[1:]:
            if column == "quoted":
                quoted = True
            elif column.startswith("numbers="):
                numbers = tuple(govmetrics.parse_number(n) for n in column.removeprefix("numbers=").split(","))
            else:
                aliases.append(column)
        campaigns.append(
            KnownCampaign(
                name=name,
                aliases=tuple(aliases),
                numbers=numbers if numbers is not None else numbers_in(name, masked=False),
                quoted=quoted,
            )
        )
    return tuple(campaigns)


@lru_cache(maxsize=1)
def _by_surface() -> dict[str, KnownCampaign]:
    return {surface: c for c in known_campaigns() for surface in (c.name, *c.aliases)}


@lru_cache(maxsize=1)
def _bare_pattern() -> re.Pattern[str]:
    surfaces = [s for s, campaign in _by_surface().items() if not campaign.quoted]
    return re.compile(alternation(surfaces) or "(?!)")


# -- numerals inside a name ------------------------------------------------------------------------

#: Numeral characters as slogans use them: 零 is a word there (清零, 零距离), and 双 a pair.
_NUMERAL_CHARS = "一二两三四五六七八九十百千万亿"
_TOKEN = re.compile(f"双|[{_NUMERAL_CHARS}]+")
_MASK = "\u3000"


def _masked(text: str) -> str:
    """``text`` with the words of ``not_slogans.txt`` blanked out, each character kept in place."""
    for word in not_slogan_words():
        text = text.replace(word, _MASK * len(word))
    return text


def _tokens(text: str, masked: bool = True) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(_masked(text) if masked else text))


_DIGITS = set("一二两三四五六七八九")


def _read(token: str) -> list[Number]:
    """One run of numerals: one number if it reads as one (二十二, 两), else each character.

    Digits side by side without a place word (八八战略, 四水四定's 四) are read one by one:
    slogans put numbers next to each other (八八 is 8 and 8), they do not write 88 digit by
    digit. So is a run that is no numeral (百千万工程: 100, 1000, 10000).
    """
    if len(token) > 1 and set(token) <= _DIGITS:
        return [govmetrics.parse_number(ch) for ch in token]
    try:
        return [govmetrics.parse_number("两" if token == "双" else token)]
    except govmetrics.NumeralError:
        numbers: list[Number] = []
        for ch in token:
            try:
                numbers.append(govmetrics.parse_number(ch))
            except govmetrics.NumeralError:
                continue
        return numbers


def numbers_in(name: str, masked: bool = True) -> tuple[Number, ...]:
    """The numerals in a slogan, in order: 三会一课 → (3, 1), 双随机一公开 → (2, 1).

    ``masked`` leaves out the words of ``not_slogans.txt`` (百姓富 has no numeral); a known
    campaign's name is read whole (双一流 → (2, 1)).
    """
    return tuple(number for token in _tokens(name, masked) for number in _read(token.group()))


# -- finding them ----------------------------------------------------------------------------------

_QUOTE = re.compile(r"“([^“”\n]{1,20})”|「([^「」\n]{1,20})」")
#: Words after a campaign that name its kind: part of the record's text, not of its name.
_KINDS = "规划纲要 规划 时期 期间 末期 初期 学习教育 主题教育 专题教育 重要思想 倡议 行动 工程 改革 制度 目标"
SUFFIXES: tuple[str, ...] = tuple(sorted(_KINDS.split(), key=len, reverse=True))
_HAN = re.compile(r"[\u4e00-\u9fff]{2,8}")
_QUANTITY = re.compile(f"[{_NUMERAL_CHARS}]+(?:个月|年|月|天|日|岁|次|人|元|公里|里|斤|亩|小时|分钟|秒)")
_NUMERAL_OR_DIGIT = set(_NUMERAL_CHARS + "零〇0123456789０１２３４５６７８９第")
#: 以下简称“五大总成”, 亦称“两相”: a term the text defines for itself, not a slogan.
_DEFINED_BEFORE = re.compile(r"称为?$")
#: After a bare name that ends in a numeral, a unit or classifier makes it a count: 十四五年 (14 or 15 years).
_COUNTED_AFTER = set("年岁个天次人元家名位户项件%％")


def is_slogan(words: str) -> bool:
    """Whether quoted ``words`` look like a slogan: 2–8 Chinese characters with numerals, one first or two."""
    if not _HAN.fullmatch(words) or words.startswith("第") or words.endswith("号"):
        return False
    if _QUANTITY.fullmatch(words):
        return False  # “五年”, “三公里”: a quantity quoted, not a name
    tokens = _tokens(words)
    if not tokens or not numbers_in(words):
        return False
    return len(tokens) >= 2 or tokens[0].start() == 0


def _suffix_end(text: str, end: int) -> int:
    for suffix in SUFFIXES:
        if text.startswith(suffix, end):
            return end + len(suffix)
    return end


def _split_suffix(words: str) -> tuple[str, str]:
    """A quoted known name followed, inside the quotes, by a word naming its kind: “两学一做学习教育”."""
    for suffix in SUFFIXES:
        if words.endswith(suffix) and words[: -len(suffix)] in _by_surface():
            return words[: -len(suffix)], suffix
    return words, ""


def _campaign(text: str, start: int, end: int, name: str, numbers: tuple[Number, ...], known: bool) -> Campaign:
    end = _suffix_end(text, end)
    return Campaign(
        text=text[start:end], span=govmetrics.Span(start=start, end=end), name=name, numbers=numbers, known=known
    )


def find_campaigns(text: str) -> Iterator[Campaign]:
    """Every campaign in ``text`` (an ``Article.text``), known or quoted, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[Campaign] = []
    known = _by_surface()
    for quote in _QUOTE.finditer(text):
        words = quote.group(1) or quote.group(2)
        surface, _ = _split_suffix(words)
        if surface in known:
            campaign = known[surface]
            found.append(_campaign(text, quote.start(), quote.end(), campaign.name, campaign.numbers, True))
        elif is_slogan(words) and not _DEFINED_BEFORE.search(text, max(0, quote.start() - 2), quote.start()):
            found.append(_campaign(text, quote.start(), quote.end(), words, numbers_in(words), False))
        else:
            continue
        taken.append(quote.span())
    for match in _bare_pattern().finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if start and text[start - 1] in _NUMERAL_OR_DIGIT:
            continue  # 二十一五, 第三农: the name is the tail of something else
        if match.group()[-1] in _NUMERAL_CHARS and end < len(text) and text[end] in _NUMERAL_OR_DIGIT | _COUNTED_AFTER:
            continue  # 十四五年, 十三五个: a count, not a plan
        campaign = known[match.group()]
        found.append(_campaign(text, start, end, campaign.name, campaign.numbers, True))
    yield from sorted(found, key=lambda c: c.span)


@govmetrics.hookimpl
def govmetrics_extract(article: govmetrics.Article) -> Iterator[Campaign]:
    return find_campaigns(article.text)


@govmetrics.hookimpl
def govmetrics_record_types() -> list[type[govmetrics.Record]]:
    return [Campaign]


@govmetrics.hookimpl
def govmetrics_lexicon_entries(name: str) -> list[str] | None:
    """Known names that may stand bare, as set phrases: a number inside one is never a metric."""
    if name != "set_phrases":
        return None
    return [surface for surface, campaign in _by_surface().items() if not campaign.quoted]
