"""The one numeral parser: Arabic, Chinese and mixed numerals into exact numbers.

Every extractor that reads a number calls this module, so 两千三百, 2,300 and 2.3千 mean the same
everywhere. Values are exact: ``int`` when whole, ``Decimal`` otherwise, never floats.

* :func:`parse_number` reads one numeral: ``2300``, ``2,300``, ``１２３``, ``1.25亿``, ``两千三百``,
  ``一万二`` (12000, the spoken short form), ``二十一点五``, ``〇``, ``负三``.
* :func:`parse_amount` reads a numeral expression as news text writes it: ranges (``1~2``, ``3至5``,
  ``三四百``, ``十四五``), and 余 / 多 written inside it (``2万余``, ``4000多万``, ``十余``), which make
  the amount *more than* the written value.

cn2an reads the Chinese integer core; decimals after 点 are read digit by digit here, so that
二十一点五 is ``Decimal("21.5")`` and not cn2an's float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import attrs
import cn2an

from govmetrics.errors import NumeralError
from govmetrics.models import Number, exact

CN_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "洞": 0, "幺": 1, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
CN_UNITS: dict[str, int] = {"十": 10, "拾": 10, "廿": 20, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
MAGNITUDES: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
#: Every character that can stand in a Chinese numeral (点 only between digits).
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(MAGNITUDES)

_FULLWIDTH_DIGITS = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_FULLWIDTH_DIGITS.update({ord("．"): ord("."), ord("，"): ord(","), ord("－"): ord("-"), ord("＋"): ord("+")})
_ARABIC = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_ARABIC_WITH_MAGNITUDE = re.compile(
    rf"([+-]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)([{''.join(CN_UNITS)}{''.join(MAGNITUDES)}]*)"
)
_RANGE_SEPARATORS = "~～〜-－—–至到"
_RANGE = re.compile(rf"(.+?)\s*(?:[{re.escape(_RANGE_SEPARATORS)}]|——)\s*(.+)")
# Two neighbouring digits written side by side (三四百, 十四五, 两三个) give a range, not a number.
_NEIGHBOURS = re.compile(r"([一二两三四五六七八九])([二三四五六七八九])")
_MORE_THAN = re.compile(r"[余多]")


def _magnitude(chars: str) -> int:
    factor = 1
    for ch in chars:
        factor *= MAGNITUDES.get(ch) or CN_UNITS[ch]
    return factor


def _chinese_integer(text: str) -> int:
    if not text:
        raise NumeralError("empty numeral")
    if text[0] in "百佰千仟万萬亿億":
        text = "一" + text  # 万余人 counts ten thousand: a bare magnitude means one of it
    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError) as exc:
        raise NumeralError(f"not a Chinese numeral: {text!r}") from exc
    if not isinstance(value, int):  # cn2an returns floats only for decimals, which we split off
        raise NumeralError(f"not a Chinese integer: {text!r}")
    return value


def _chinese_fraction(digits: str, original: str) -> Decimal:
    if not digits or any(ch not in CN_DIGITS and not ch.isdigit() for ch in digits):
        raise NumeralError(f"not a Chinese decimal: {original!r}")
    return Decimal("0." + "".join(str(CN_DIGITS.get(ch, ch)) for ch in digits))


@lru_cache(maxsize=8192)
def _parse_number(text: str) -> Number:
    original = text
    text = text.strip().translate(_FULLWIDTH_DIGITS)
    if not text:
        raise NumeralError("empty numeral")
    sign = 1
    if text[0] in "负負-−":
        sign, text = -1, text[1:]
    elif text[0] == "+":
        text = text[1:]
    if text[:1].isdigit():
        return _mixed(text, original) * sign
    if "点" in text:
        whole, _, fraction = text.partition("点")
        if not whole:
            raise NumeralError(f"a decimal needs a whole part: {original!r}")
        value = Decimal(_chinese_integer(whole)) + _chinese_fraction(fraction, original)
        return exact(value * sign)
    return _chinese_integer(text) * sign


def _mixed(text: str, original: str) -> Number:
    """Arabic digits, optionally followed by magnitudes and a Chinese remainder: 1.25亿, 100万三千."""
    match = _ARABIC_WITH_MAGNITUDE.match(text)
    if match is None:
        raise NumeralError(f"not a numeral: {original!r}")
    number, magnitude = match.groups()
    try:
        value = Decimal(number.replace(",", "")) * _magnitude(magnitude)
    except InvalidOperation as exc:
        raise NumeralError(f"not a numeral: {original!r}") from exc
    rest = text[match.end() :]
    if rest:
        if not magnitude:
            raise NumeralError(f"not a numeral: {original!r}")
        if rest[0] in "零〇":
            rest = rest[1:]
        # 100万三千, 1万600: what follows a magnitude counts in the next smaller place
        value += Decimal(_parse_number(rest))
    return exact(value)


def parse_number(text: str) -> Number:
    """Read one numeral into an exact number, or raise :class:`NumeralError`.

    >>> parse_number("两千三百"), parse_number("1.25亿"), parse_number("二十一点五")
    (2300, 125000000, Decimal('21.5'))

    A bare magnitude counts one of it (万 → 10000), as 万余人 does in news text. Ranges and
    qualifiers (三四百, 2万余) are not one number: :func:`parse_amount` reads those.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number takes a string, not {type(text).__name__}")
    if _NEIGHBOURS.search(text) and "点" not in text and not _is_digit_sequence(text):
        raise NumeralError(f"{text!r} is a range; parse_amount reads ranges")
    return _parse_number(text)


def _is_digit_sequence(text: str) -> bool:
    """一二三, 二〇一九: digits read one by one, as years and codes are written."""
    return len(text) > 1 and all(ch in CN_DIGITS for ch in text)


@attrs.frozen(kw_only=True)
class Amount:
    """A numeral expression: its value, the upper end of a range, and whether 余/多 made it a floor."""

    value: Number
    high: Number | None = None
    more_than: bool = False


@lru_cache(maxsize=8192)
def parse_amount(text: str) -> Amount:
    """Read a numeral expression with ranges and 余/多 into an :class:`Amount`.

    >>> parse_amount("2万余")
    Amount(value=20000, high=None, more_than=True)
    >>> parse_amount("三四百")
    Amount(value=300, high=400, more_than=False)

    Ranges: ``1~2``, ``3至5``, ``20-30``, and neighbouring digits, which Chinese writes for a rough
    range: 三四百 is 300 to 400, 十四五 is 14 to 15, 两三 is 2 to 3. The magnitude at the end applies
    to both ends (三到五万 is 30000 to 50000).
    """
    text = text.strip().translate(_FULLWIDTH_DIGITS)
    more_than = bool(_MORE_THAN.search(text))
    bare = _MORE_THAN.sub("", text)
    if not bare:
        raise NumeralError(f"not a numeral: {text!r}")
    neighbours = _NEIGHBOURS.search(bare)
    # 两三 and 三四百 are rough ranges; 一二三 and 二〇一九 are digits read one by one
    if neighbours and not (_is_digit_sequence(bare) and (len(bare) > 2 or "〇" in bare or "零" in bare)):
        low_digit, high_digit = neighbours.groups()
        if CN_DIGITS[high_digit] == CN_DIGITS[low_digit] + 1:
            head, tail = bare[: neighbours.start()], bare[neighbours.end() :]
            low = parse_number(head + low_digit + tail)
            high = parse_number(head + high_digit + tail)
            return Amount(value=low, high=high, more_than=more_than)
    ranged = _RANGE.fullmatch(bare)
    if ranged:
        low_text, high_text = ranged.groups()
        high = _parse_number(high_text)
        low_magnitude = low_text[-1:] in MAGNITUDES or low_text[-1:] in CN_UNITS
        tail = high_text.lstrip("0123456789.,一二两三四五六七八九十")
        # 三到五万: the magnitude written once at the end belongs to both ends
        low = _parse_number(low_text if low_magnitude or not tail else low_text + tail)
        return Amount(value=low, high=high, more_than=more_than)
    if not more_than:
        return Amount(value=_parse_number(bare))
    # 4000多万: 多 stands between the number and its magnitude; it does not change the digits
    return Amount(value=_parse_number(bare), more_than=True)
