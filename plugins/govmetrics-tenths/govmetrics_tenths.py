"""A govmetrics plugin: shares written in tenths, as percentage metrics.

Chinese news writes a share as a count of tenths (成): 三成 is 30%, 约四成 about 40%, 八成以上 at
least 80%, 三四成 30% to 40%. The built-in metric extractor does not read these, because 成 is not a
unit: it is the first character of many words (成为, 成立, 成功). This plugin reads them as
:class:`govmetrics.Metric` records with unit ``%`` and the value in percent.

The rules, each a fact about how the text is written:

* The numeral stands right before 成 and counts tenths, so it is at most 十: 三五成群 (35) is an
  idiom, not a share. 三成半 adds half a tenth (35%). Numerals are read by
  :func:`govmetrics.parse_amount`, so 两成, 2.5成, 三四成 and 三至四成 mean what they mean everywhere
  else in govmetrics.
* 成 that begins another word (成为, 成立, 成功, 成果, 成本 …) is not a share; where the next word
  merely starts with that character (三成员工, 两成年轻人, 八成本地企业) it is. When in doubt the
  plugin misses a share rather than invent one: 其中三成为老年人 (30% are elderly) is not read.
* A numeral that is the tail of a word or a longer number is not a count of tenths: 统一成立,
  第一成, 二十三成, AR-E3000成功.
* Qualifiers carry the meanings ANNOTATION.md gives them: 约/近/左右 about, 超过 more than,
  不足/不到 less than; 以上 and 及以上 at least, 以下 and 及以下 at most, since 以上 and 以下 include
  the number itself (Civil Code art. 1259; 规模以上 in statistics). 节约三成 saves 30%: the 约 of
  节约 qualifies nothing.
* 七成六 (76%) is not read: a digit right after 成 makes the plugin skip the share rather than
  report 70%.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import govmetrics
from govmetrics.kit import NOT_A_QUALIFIER_AFTER, alternation

if TYPE_CHECKING:
    from govmetrics.kit import Approx

__version__ = "0.1.0"

#: Qualifiers before the numeral and their ``approx`` (ANNOTATION.md, and govmetrics' qualifiers lexicon).
BEFORE: dict[str, Approx] = {
    "约": "about",
    "大约": "about",
    "近": "about",
    "将近": "about",
    "接近": "about",
    "超过": "more_than",
    "超": "more_than",
    "逾": "more_than",
    "不足": "less_than",
    "不到": "less_than",
    "不满": "less_than",
    "至少": "at_least",
    "不少于": "at_least",
    "不低于": "at_least",
    "最多": "at_most",
    "不超过": "at_most",
    "不高于": "at_most",
}
#: Qualifiers after 成.
AFTER: dict[str, Approx] = {
    "以上": "at_least",
    "及以上": "at_least",
    "以下": "at_most",
    "及以下": "at_most",
    "左右": "about",
    "上下": "about",
    "多": "more_than",
}
#: Words that begin with 成 and can follow a numeral character (often the 一 of 统一, 唯一).
NOT_SHARES: tuple[str, ...] = (
    "成为", "成立", "成功", "成果", "成绩", "成本", "成员", "成效", "成熟", "成群", "成新", "成年",
    "成品", "成才", "成材", "成败", "成真", "成事", "成全", "成语", "成不变", "成规模", "成体系",
    "成套", "成批", "成片", "成型", "成交",
)  # fmt: skip
#: What may follow a share and only looks like one of those words: 三成员工 is 30% of the staff.
SHARE_BEFORE: tuple[str, ...] = ("员工", "年轻", "品牌", "本地", "本市", "本区", "本县", "本省", "本科")
# 一 ends many words: 统一, 唯一, 之一, 同一, 这一. After one of these, 一成 is not 10%.
_ONE_ENDS = "统唯之同单专划逐纯均归合其某每任另这那"
_NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千万亿"
# 多 after 成 is "more than" unless it starts 多为 / 多是 / 多数 (mostly, the majority).
_NOT_MORE_THAN = {"多": "(?![为是数])"}

_CN_DIGIT = "一二两兩三四五六七八九"
_ONE_NUMERAL = rf"(?:\d{{1,2}}(?:[.．]\d+)?|十|[{_CN_DIGIT}](?:点[{_CN_DIGIT}])?|[{_CN_DIGIT}]{{2}})"


PATTERN = re.compile(
    # 约 and 近 are qualifiers only as words of their own: 节约, 制约, 附近, 最近 are other words.
    rf"(?P<pre>{alternation(BEFORE, not_after=NOT_A_QUALIFIER_AFTER)})?"
    rf"(?P<num>{_ONE_NUMERAL}(?:[~～\-－—至到]{_ONE_NUMERAL})?)"
    rf"成(?P<half>半)?"
    rf"(?P<post>{alternation(AFTER, then=_NOT_MORE_THAN)})?"
)


def _tail_of_a_word(text: str, start: int, num: str) -> bool:
    before = text[start - 1] if start else ""
    if not before:
        return False
    if before.isdigit() or before in _NUMERAL_CHARS or before in ".．点第" or (before.isascii() and before.isalpha()):
        return True
    return num == "一" and before in _ONE_ENDS


def _begins_a_word(text: str, cheng: int) -> bool:
    return text.startswith(NOT_SHARES, cheng) and not text.startswith(SHARE_BEFORE, cheng + 1)


def _hundredths_follow(text: str, cheng: int) -> bool:
    """七成六 is 76%. 一 is let through: 八成一线职工 is 80% of the front-line staff."""
    after = text[cheng + 1 : cheng + 2]
    return bool(after) and (after.isdigit() or (after != "一" and after in _NUMERAL_CHARS))


def find_tenths(text: str) -> Iterator[govmetrics.Metric]:
    """Every share written in tenths in ``text``, as a percentage metric."""
    for match in PATTERN.finditer(text):
        num = match.group("num")
        cheng = match.end("num")
        if not match.group("pre") and _tail_of_a_word(text, match.start("num"), num):
            continue
        bare = not (match.group("half") or match.group("post"))  # 成半, 成以上: 成 ends the share
        if bare and (_begins_a_word(text, cheng) or _hundredths_follow(text, cheng)):
            continue
        try:
            amount = govmetrics.parse_amount(num)
        except govmetrics.NumeralError:
            continue
        low, high = amount.value, amount.high
        if not 0 < low <= 10 or (high is not None and not low < high <= 10):
            continue  # 三五成群 reads 35 tenths: an idiom, not a share
        if match.group("half"):
            if high is not None:
                continue
            low += Decimal("0.5")
        pre, post = match.group("pre"), match.group("post")
        approx = BEFORE[pre] if pre else AFTER[post] if post else None
        yield govmetrics.Metric(
            text=match.group(),
            span=govmetrics.Span(start=match.start(), end=match.end()),
            value=low * 10,
            high=None if high is None else high * 10,
            unit="%",
            approx=approx,
        )


@govmetrics.hookimpl
def govmetrics_extract(article: govmetrics.Article) -> Iterator[govmetrics.Metric]:
    return find_tenths(article.text)
