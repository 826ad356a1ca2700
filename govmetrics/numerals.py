"""The one numeral parser: Arabic, Chinese and mixed numerals into exact numbers.

Every extractor that reads a number calls this module, so 两千三百, 2,300 and 2.3千 mean the same
everywhere. Values are exact: ``int`` when whole, ``Decimal`` otherwise, never floats.

* :func:`parse_number` reads one numeral: ``2300``, ``2,300``, ``１２３``, ``1.25亿``, ``两千三百``,
  ``一万二`` (12000, the spoken short form), ``二十一点五``, ``〇``, ``负三``, ``4千230``.
* :func:`parse_amount` reads a numeral expression as news text writes it: ranges (``1~2``, ``3至5``,
  ``三四百``, ``十四五``), and 余 / 多 / 几 written inside it (``2万余``, ``4000多万``, ``十余``,
  ``二十几``), which make the amount *more than* the written value.
* :func:`parse_percent` reads a percentage into its number of percent: ``百分之三十五``, ``35%``,
  ``千分之三``, ``七成``.

How a numeral is read:

1. Full-width forms become ASCII (``１２３``, ``４，５６５``), traditional 點 / 負 / 幾 their simplified
   forms, and spaces next to a Chinese character go: text pulled from PDFs spaces out justified
   characters (``一百 五 十 二``). Spaces between Arabic digits stay, so ``1 234`` is rejected.
2. Only numeral characters may remain: a unit (元, 打), a letter (``2e5``, ``40k``) or 兆, which is
   10⁶ in mainland text (兆瓦) but 10¹² elsewhere, makes the text not a numeral.
3. A decimal point (点 or ``.``) splits the whole part from digits read one by one; magnitudes may
   follow those digits and then scale the whole number (``1.25亿``, ``二点五万``), but nothing else may.
4. The whole part is split at its largest magnitude (万, 亿, or a stack such as 万亿 or 万万): what
   stands before it counts how many, what follows is the remainder, which must be smaller. A single
   Chinese digit as the remainder counts in the next place down (一万二 is 12000), unless 零 stands
   before it (一万零二 is 10002); Arabic digits always keep their own value (1万600 is 10600).
5. Below 万, Arabic digits followed by units alone multiply (``2千``, ``5000千``). Chinese numerals
   are read by :func:`_chinese_section`: the standard written form (三百二十一, 一千零五, 十五), the
   spoken short form (三百五 is 350, 两千三 is 2300), places skipped without 零 (一千五十 is 1050),
   financial capitals (壹佰零贰) and 廿 (廿五 is 25). Arabic digits inside (``4千230``, ``1百01``) are
   first written out in Chinese, each in its own places. 两 counts hundreds and up or stands alone:
   after a digit or 十 it is not part of the numeral (一、二两项 is items one and two; 二两 is a weight).

Every reading agrees with cn2an's wherever cn2an gives one; the tests check that exhaustively. The
module does not import cn2an, which compiles its patterns on import (70 ms, paid by every process
of a corpus run), and reads less than cn2an does: 十百一, 二两 and 三百零 are not numerals here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Context, Decimal, localcontext
from functools import lru_cache, wraps
from typing import TypeVar

import attrs

from govmetrics.errors import NumeralError
from govmetrics.models import Number, exact

CN_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "幺": 1, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
CN_UNITS: dict[str, int] = {"十": 10, "拾": 10, "廿": 20, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
MAGNITUDES: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
#: Every character that can stand in a Chinese numeral (点 only between digits).
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(MAGNITUDES)
_UNIT_CHARS = "".join(CN_UNITS) + "".join(MAGNITUDES)

_NORMALISE = str.maketrans("０１２３４５６７８９．，－＋％～−點負幾", "0123456789.,-+%~-点负几")
_SPACE_BY_HAN = re.compile(r"\s+(?=[\u3007\u4e00-\u9fff])|(?<=[\u3007\u4e00-\u9fff])\s+")
_NUMERAL_TEXT = re.compile(rf"[0-9,.点{CN_NUMERAL_CHARS}]+")
_PLAIN = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_ARABIC_INTEGER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
_FRACTION = re.compile(rf"([0-9{''.join(CN_DIGITS)}]+)([{_UNIT_CHARS}]*)")
_MAGNITUDE_RUN = re.compile(f"[{''.join(MAGNITUDES)}]+")
_BARE_UNIT = tuple("百佰千仟")
_ZEROS = "零〇"

_RANGE_SEPARATORS = "~～〜-－—–至到"
_RANGE = re.compile(rf"(.+?)\s*(?:[{re.escape(_RANGE_SEPARATORS)}]|——)\s*(.+)")
_RANGE_TAIL = re.compile("[百佰千仟万萬亿億]+$")
# Two neighbouring digits written side by side (三四百, 十四五, 两三个) give a range, not a number.
_NEIGHBOURS = re.compile(r"([一二两三四五六七八九])([二两三四五六七八九])")
# 余 / 多 / 几 after the digits; a 零 left before them goes too (一百零几万 is more than 一百万).
_MORE_THAN = re.compile(r"零?[余多几]")
_PER = re.compile(r"([百佰千仟万萬亿億]+)分之(.+)")
_TENTHS = re.compile(r"(.+?)成(半|[1-9一二两三四五六七八九])?")


def _normalise(text: str) -> str:
    return _SPACE_BY_HAN.sub("", text.strip().translate(_NORMALISE))


def _split_sign(text: str) -> tuple[int, str]:
    if text[:1] in ("负", "-"):
        return -1, text[1:]
    return 1, text[1:] if text[:1] == "+" else text


def _is_digit_sequence(text: str) -> bool:
    """一二三, 二〇一九: digits read one by one, as years and codes are written."""
    return len(text) > 1 and all(ch in CN_DIGITS for ch in text)


def _rough_range(text: str) -> tuple[str, str] | None:
    """The two ends of a rough range written as neighbouring digits, or None.

    Chinese writes a rough range by putting two neighbouring digits side by side: 三四百 is 300 to
    400, 十四五 is 14 to 15, 两三 and 二三 are 2 to 3, 一两 is 1 to 2, and 三两, the one pair written
    high first, 2 to 3 again. A longer run of digits, or one holding a zero, is read digit by digit
    instead (一二三 is 123, 二〇 is 20), as years and codes are written.
    """
    matches = list(_NEIGHBOURS.finditer(text))
    if not matches or (_is_digit_sequence(text) and (len(text) > 2 or any(ch in _ZEROS for ch in text))):
        return None
    for match in matches:
        low, high = match.groups()
        if (low, high) == ("三", "两"):
            low, high = high, low
        if CN_DIGITS[high] == CN_DIGITS[low] + 1:
            head, tail = text[: match.start()], text[match.end() :]
            return head + low + tail, head + high + tail
    return None


_PLAIN_DIGITS = {ch: CN_DIGITS[ch] for ch in "一二两三四五六七八九"}
_PLACES = {"千": 1000, "百": 100, "十": 10}
_SEQUENCE_DIGITS = {ch: CN_DIGITS[ch] for ch in "〇零一二三四五六七八九"}
#: Financial capitals, 幺 and 廿 in their everyday forms, which the section reader knows.
_EVERYDAY = str.maketrans(
    {"壹": "一", "幺": "一", "贰": "二", "貳": "二", "兩": "两", "叁": "三", "參": "三", "肆": "四",
     "伍": "五", "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百",
     "仟": "千", "廿": "二十"}
)  # fmt: skip
_WRITTEN_DIGITS = "零一二三四五六七八九"


def _chinese_section(text: str) -> int | None:
    """A Chinese numeral below 万 in everyday characters, or None when it is not one.

    Digits stand before their places, and places go down (千, 百, 十). The ones digit stands bare
    at the end, and so may a digit after 百 or 千, which then counts in the place below: that is
    the spoken short form (三百五 is 350, 一千二 is 1200). 零 stands once where places are skipped
    (一千零五 is 1005, 一千零五十 is 1050); a place skipped without it is read the same way
    (一千五十 is 1050), but 零 where nothing was skipped is an error (十零一). 十 stands for one
    ten alone (十五, 一百十一, 一千零十) or with 一 (一十五, 一百一十一). 两 counts hundreds and
    thousands (两千) or stands alone. Digits without places are read one by one, as years are
    written (一九九三, 二〇三五).
    """
    if text == "两":
        return 2
    if text and all(ch in _SEQUENCE_DIGITS for ch in text):
        return int("".join(str(_SEQUENCE_DIGITS[ch]) for ch in text))
    value, last, zero = 0, 10_000, False
    at, end = 0, len(text)
    while at < end:
        ch = text[at]
        if ch in _ZEROS:
            if zero or not value:
                return None
            zero, at = True, at + 1
            continue
        if ch == "十":  # 十五, 一百十一, 一千零十: 十 without a digit is one ten
            digit, place, at = 1, 10, at + 1
        else:
            digit = _PLAIN_DIGITS.get(ch, 0)
            place = _PLACES.get(text[at + 1], 0) if at + 1 < end else 0
            if not digit or (not place and at + 1 < end):
                return None
            if place:
                at += 2
            else:  # the last digit, bare: the ones, or after 百 and 千 the short form's place below
                place, at = (last // 10 if value and not zero and last >= 100 else 1), at + 1
            if ch == "两" and place < 100:
                return None  # 二两, 十两: a weight, or 两 counting what came before (一、二两项)
        if place >= last or (zero and place * 10 >= last):
            return None  # places out of order, or 零 where no place was skipped
        value, last, zero = value + digit * place, place, False
    return None if zero else value


def _written_in_chinese(value: int) -> str:
    """A number below 万 in standard Chinese with 一 before 十 (一十五), to stand inside a numeral."""
    parts: list[str] = []
    skipped = False
    for place, digit in zip("千百十 ", f"{value:04d}", strict=True):
        if digit == "0":
            skipped = bool(parts)
            continue
        if skipped:
            parts.append("零")
            skipped = False
        parts.append(_WRITTEN_DIGITS[int(digit)] + place.strip())
    return "".join(parts)


def _arabic_as_chinese(match: re.Match[str]) -> str:
    """Arabic digits inside a Chinese numeral, written out in their own places: 230 → 二百三十, 01 → 零一."""
    digits = match.group().replace(",", "")
    value = _whole(digits)
    if not value or value >= 10_000:
        return "零" if not value else digits  # a value of 万 or more inside a section is no numeral
    return ("零" if digits[0] == "0" else "") + _written_in_chinese(value)


def _whole(digits: str) -> int:
    """Arabic digits as an ``int``. Past Python's limit on ``int(str)`` (4,300 digits), through a
    ``Decimal``, which has none: a numeral of any length is read, never an error."""
    return int(digits) if len(digits) < 4000 else int(Decimal(digits))


_Read = TypeVar("_Read", bound=Callable[..., object])
#: Digits a Decimal keeps while a numeral is read: every digit of any numeral a text holds (the
#: default, 28, would round 400 written digits). The reading only adds, multiplies and divides by
#: powers of ten, so results are exact and never that long.
_EVERY_DIGIT = Context(prec=100_000)


def _every_digit(read: _Read) -> _Read:
    """``read`` with Decimal arithmetic that rounds nothing."""

    @wraps(read)
    def reading(*args: object) -> object:
        with localcontext(_EVERY_DIGIT):
            return read(*args)

    return reading  # type: ignore[return-value]


def _section(text: str, original: str) -> int:
    """A numeral below 万: Arabic digits, or a Chinese one (:func:`_chinese_section`)."""
    arabic = _ARABIC_INTEGER.match(text)
    if arabic and all(ch in CN_UNITS for ch in text[arabic.end() :]):
        # 2300, 2千, 5000千 (瓦): Arabic digits times the units after them, as 2万 is 2 × 万
        return _whole(arabic.group().replace(",", "")) * _magnitude(text[arabic.end() :])
    text = _ARABIC_INTEGER.sub(_arabic_as_chinese, text.translate(_EVERYDAY))
    if text.startswith(_BARE_UNIT):
        text = "一" + text  # 百余人, 千三: a bare unit means one of it
    value = _chinese_section(text)
    if value is None:
        raise NumeralError(f"not a numeral: {original!r}")
    return value


def _magnitude(chars: str) -> int:
    factor = 1
    for ch in chars:
        factor *= MAGNITUDES.get(ch) or CN_UNITS[ch]
    return factor


def _integer(text: str, original: str) -> int:
    """A whole number, split at its largest magnitude: 三千万零六百 is 三千 × 万 + 六百."""
    if not text:
        raise NumeralError(f"not a numeral: {original!r}")
    runs = list(_MAGNITUDE_RUN.finditer(text))
    if not runs:
        return _section(text, original)
    run = max(runs, key=lambda m: _magnitude(m.group()))  # the first, when two are equal
    factor = _magnitude(run.group())
    head, rest = text[: run.start()], text[run.end() :]
    count = _integer(head, original) if head else 1  # 万余人 counts ten thousand: one of it
    if not rest:
        remainder = 0
    elif rest[0] in _ZEROS:
        remainder = _integer(rest[1:], original)  # 一万零二: 零 marks the places skipped
    elif len(rest) == 1 and CN_DIGITS.get(rest, 0):
        remainder = CN_DIGITS[rest] * factor // 10  # 一万二, 十三万五: the spoken short form
    else:
        remainder = _integer(rest, original)
    if remainder >= factor:
        raise NumeralError(f"not a numeral: {original!r} (what follows a magnitude must be smaller)")
    return count * factor + remainder


@lru_cache(maxsize=8192)
@_every_digit
def parse_number(text: str) -> Number:
    """Read one numeral into an exact number, or raise :class:`NumeralError`.

    >>> parse_number("两千三百"), parse_number("1.25亿"), parse_number("二十一点五")
    (2300, 125000000, Decimal('21.5'))

    A bare magnitude counts one of it (万 → 10000), as 万余人 does in news text. Ranges and
    qualifiers (三四百, 2万余) are not one number: :func:`parse_amount` reads those. Units, money
    words (元, 圆, 角) included, are not part of a numeral: the metric extractor reads them.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number takes a string, not {type(text).__name__}")
    if _PLAIN.fullmatch(text):  # the common case, 2300 or 97.6, needs none of the rules below
        return exact(Decimal(text.replace(",", "")))
    original = text
    text = _normalise(text)
    sign, text = _split_sign(text)
    if not text:
        raise NumeralError(f"not a numeral: {original!r}")
    if not _NUMERAL_TEXT.fullmatch(text):
        if _MORE_THAN.search(text):
            raise NumeralError(f"{original!r} is not one number; parse_amount reads 余, 多 and 几")
        raise NumeralError(f"not a numeral: {original!r}")
    point = min((i for i in (text.find("点"), text.find(".")) if i >= 0), default=-1)
    if point < 0:
        if _rough_range(text):
            raise NumeralError(f"{original!r} is a range; parse_amount reads ranges")
        return sign * _integer(text, original)
    whole, fraction = text[:point], _FRACTION.fullmatch(text[point + 1 :])
    if not whole:
        raise NumeralError(f"a decimal needs a whole part: {original!r}")
    if fraction is None:
        raise NumeralError(f"not a decimal: {original!r}")
    digits, scale = fraction.groups()
    if scale and _MAGNITUDE_RUN.search(whole):
        raise NumeralError(f"not a numeral: {original!r}")  # 1万2.5千: a magnitude on both sides
    value = _integer(whole, original) + Decimal("0." + "".join(str(CN_DIGITS.get(ch, ch)) for ch in digits))
    return exact(sign * value * _magnitude(scale))


@attrs.frozen(kw_only=True)
class Amount:
    """A numeral expression: its value, the upper end of a range, and whether 余/多/几 made it a floor."""

    value: Number
    high: Number | None = None
    more_than: bool = False


@lru_cache(maxsize=8192)
def parse_amount(text: str) -> Amount:
    """Read a numeral expression with ranges and 余/多/几 into an :class:`Amount`.

    >>> parse_amount("2万余")
    Amount(value=20000, high=None, more_than=True)
    >>> parse_amount("三四百")
    Amount(value=300, high=400, more_than=False)

    Ranges: ``1~2``, ``3至5``, ``20-30``, and neighbouring digits, which Chinese writes for a rough
    range: 三四百 is 300 to 400, 十四五 is 14 to 15, 两三 is 2 to 3. The magnitude at the end applies
    to both ends (三到五万 is 30000 to 50000).

    余, 多 and 几 after some digits say the true count passed the written one and was rounded
    down to it: 2万余 and 4000多万 are more than 20000 and 40000000, 二十几 more than 20. They may
    stand before the magnitude (4000多万) or after it (2万余); they never change the digits.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_amount takes a string, not {type(text).__name__}")
    if _PLAIN.fullmatch(text):
        return Amount(value=parse_number(text))
    text = _normalise(text)
    qualifier = _MORE_THAN.search(text)
    if qualifier and qualifier.start() == 0:
        raise NumeralError(f"not a numeral: {text!r} (余, 多 and 几 follow the digits they qualify)")
    bare = _MORE_THAN.sub("", text)
    more_than = qualifier is not None
    rough = _rough_range(bare)
    if rough:
        return Amount(value=parse_number(rough[0]), high=parse_number(rough[1]), more_than=more_than)
    ranged = _RANGE.fullmatch(bare)
    if ranged:
        low_text, high_text = ranged.groups()
        high = parse_number(high_text)
        low = parse_number(low_text)
        tail = _RANGE_TAIL.search(high_text)
        # 三到五万, 1.5~2万: the magnitude written once at the end belongs to both ends, unless the
        # low end has its own (5千~1万) or would then pass the high one (500~1万)
        if tail and low_text[-1] not in _UNIT_CHARS and parse_number(low_text + tail.group()) <= high:
            low = parse_number(low_text + tail.group())
        return Amount(value=low, high=high, more_than=more_than)
    return Amount(value=parse_number(bare), more_than=more_than)


@lru_cache(maxsize=8192)
@_every_digit
def parse_percent(text: str) -> Number:
    """Read a percentage into its number of percent, or raise :class:`NumeralError`.

    >>> parse_percent("百分之三十五"), parse_percent("97.6%"), parse_percent("千分之三"), parse_percent("七成")
    (35, Decimal('97.6'), Decimal('0.3'), 70)

    * ``百分之X`` and ``X%`` (``35%``, ``３５％``, ``百分之百``, ``百分之二十一点五``, ``负3.9%``);
    * rates per thousand and beyond, given in percent: 千分之三 → 0.3, 万分之五 → 0.05 (the
      denominator is a bare power of ten; 五百分之二 is a fraction, not a rate);
    * 成, tenths: 七成 → 70, 七成六 → 76, 三成半 → 35, 半成 → 5.

    Not percentages: 个百分点 (percentage points, a difference between two percentages, which the
    metric extractor keeps as the unit 百分点) and 折 (a shop's discount). Ranges are not read.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_percent takes a string, not {type(text).__name__}")
    original, text = text, _normalise(text)
    if text.endswith("%"):
        return parse_number(text[:-1])
    sign, text = _split_sign(text)
    per = _PER.fullmatch(text)
    if per:
        return exact(sign * Decimal(parse_number(per.group(2))) * 100 / _magnitude(per.group(1)))
    if text == "半成":
        return sign * 5
    tenths = _TENTHS.fullmatch(text)
    if tenths:
        count, extra = parse_number(tenths.group(1)), tenths.group(2)
        # 七成六 and 三成半 add hundredths to whole tenths; nothing passes ten tenths
        if count > 10 or (extra and (count >= 10 or not isinstance(count, int))):
            raise NumeralError(f"not a percentage: {original!r}")
        ones = 5 if extra == "半" else int(CN_DIGITS.get(extra, extra or 0))
        return exact(sign * (count * 10 + ones))
    raise NumeralError(f"not a percentage: {original!r}")
