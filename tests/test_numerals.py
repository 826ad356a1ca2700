"""Unit tests of the numeral parser: every form news text writes a number in.

Each table lists (text, expected, id); ids are ASCII because pytest escapes other characters in
test names, and the Chinese is right beside them here. Values must be exact: ``int`` when whole,
``Decimal`` otherwise, never ``float``. The peer suites (cn2an, Recognizers-Text) live in
``test_peer_numerals.py``.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from decimal import Decimal
from typing import Any

import cn2an
import pytest

from govmetrics.errors import NumeralError
from govmetrics.numerals import Amount, parse_amount, parse_number, parse_percent


def _cases(*rows: tuple[Any, ...]) -> list[Any]:
    return [pytest.param(*row[:-1], id=row[-1]) for row in rows]


def assert_exact(result: object, expected: int | Decimal) -> None:
    """Equal, and of the exact type: int for whole values, Decimal otherwise."""
    assert result == expected
    assert type(result) is (int if expected == int(expected) else Decimal), f"{result!r} is a {type(result)}"


ARABIC = _cases(
    ("2300", 2300, "plain"),
    ("2,300", 2300, "thousands-comma"),
    ("1,050,000,000", 1050000000, "several-commas"),
    ("１２３", 123, "full-width"),
    ("４，５６５", 4565, "full-width-comma"),
    ("97.6", Decimal("97.6"), "decimal"),
    ("４.８００", Decimal("4.8"), "full-width-decimal-trailing-zeros"),
    ("10,000.233", Decimal("10000.233"), "comma-and-decimal"),
    ("2.0", 2, "whole-decimal-is-int"),
    ("0", 0, "zero"),
    (" 42 ", 42, "surrounding-spaces"),
)

CHINESE = _cases(
    ("二十一", 21, "er-shi-yi"),
    ("十一", 11, "shi-yi-no-leading-one"),
    ("两千三百", 2300, "liang-qian-san-bai"),
    ("一万二千", 12000, "yi-wan-er-qian"),
    ("一万二", 12000, "short-form-after-wan"),
    ("十三万五", 135000, "short-form-after-shi-san-wan"),
    ("两千六", 2600, "short-form-after-qian"),
    ("一亿五", 150000000, "short-form-after-yi"),
    ("一万零二", 10002, "ling-blocks-short-form"),
    ("〇", 0, "ling-circle"),
    ("零", 0, "ling"),
    ("一百零一", 101, "yi-bai-ling-yi"),
    ("十万零一千", 101000, "shi-wan-ling-yi-qian"),
    ("一亿五千万零六千三百五十五", 150006355, "yi-and-wan-with-ling"),
    ("四万亿", 4 * 10**12, "stacked-wan-yi"),
    ("四万万", 400000000, "stacked-wan-wan"),
    ("零点零一", Decimal("0.01"), "ling-dian-ling-yi"),
    ("二十一点五", Decimal("21.5"), "er-shi-yi-dian-wu"),
    ("两千万点五五四四", Decimal("20000000.5544"), "decimal-after-magnitude"),
    ("两千点零", 2000, "dian-ling-is-int"),
    ("一百点123", Decimal("100.123"), "arabic-fraction-digits"),
    ("壹佰捌拾壹", 181, "financial-capitals"),
    ("兩千六", 2600, "traditional-liang"),
    ("四萬五千六百二十二", 45622, "traditional-wan"),
    ("壹百五十四點零", 154, "traditional-dian"),
    ("廿二", 22, "nian-twenty"),
    ("一二三", 123, "digit-by-digit"),
    ("二〇一九", 2019, "year-digits"),
    ("一一", 11, "two-equal-digits"),
    ("一百 五 十 二", 152, "spaced-out-pdf-text"),
)

MIXED = _cases(
    ("2万", 20000, "2-wan"),
    ("1.25亿", 125000000, "decimal-yi-is-int"),
    ("10.1万", 101000, "decimal-wan"),
    ("2.3千", 2300, "decimal-qian"),
    ("4.78万亿", 4780000000000, "decimal-stacked-magnitudes"),
    ("1.234万", Decimal("12340"), "decimal-wan-whole"),
    ("1.23456万", Decimal("12345.6"), "decimal-wan-not-whole"),
    ("二点五万", 25000, "chinese-decimal-wan"),
    ("100万三千", 1003000, "chinese-after-arabic-magnitude"),
    ("1万600", 10600, "arabic-after-magnitude"),
    ("3万4000", 34000, "arabic-thousands-after-wan"),
    ("10万万", 1000000000, "arabic-stacked"),
    ("1,100万", 11000000, "comma-then-magnitude"),
    ("5亿1万4千6百", 500014600, "arabic-digits-with-units"),
    ("四千230", 4230, "arabic-after-chinese-unit"),
    ("200亿零四千230", 20000004230, "cn2an-smart-mix"),
    ("2千零30万", 20300000, "magnitude-scales-the-whole-head"),
    ("1百01", 101, "leading-arabic-zero-keeps-place"),
    ("7 万5 千4 百", 75400, "spaced-mix"),
)

SIGNED = _cases(
    ("负三", -3, "fu-san"),
    ("負三十二", -32, "traditional-fu"),
    ("-10.1万", -101000, "minus-decimal-wan"),
    ("－１２２", -122, "full-width-minus"),
    ("负零点一零", Decimal("-0.1"), "fu-ling-dian-yi-ling"),
    ("负一七二零", -1720, "fu-digit-sequence"),
    ("+5", 5, "plus"),
)

BARE_MAGNITUDE = _cases(
    ("万", 10000, "wan"),
    ("亿", 100000000, "yi"),
    ("百", 100, "bai"),
    ("千三", 1300, "qian-san"),
    ("百三", 130, "bai-san"),
)


@pytest.mark.parametrize(("text", "expected"), ARABIC + CHINESE + MIXED + SIGNED + BARE_MAGNITUDE)
def test_parse_number(text: str, expected: int | Decimal) -> None:
    assert_exact(parse_number(text), expected)


def test_decimal_is_exact_not_float() -> None:
    assert parse_number("97.6") == Decimal("97.6")
    assert parse_number("零点零零零零零零零零零零零零零零一") == Decimal("1e-15")
    assert parse_number("0.1") + parse_number("0.2") == Decimal("0.3")


ROUND_TRIP = [
    *range(0, 1000),
    *range(1000, 200000, 97),
    *range(10**8 - 3, 10**8 + 3),
    123456789012,
    10**12 + 10**4 + 1,
    9999_9999_9999_9999,
]


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(cn2an.an2cn, id="chinese"),
        pytest.param(lambda n: cn2an.an2cn(n, "up"), id="financial-capitals"),
        pytest.param(lambda n: f"{n:,}", id="arabic-commas"),
    ],
)
def test_round_trip(write: Any) -> None:
    """Every number, as cn2an writes it in Chinese or Python with commas, reads back to itself."""
    misread = {n: parse_number(write(n)) for n in ROUND_TRIP if parse_number(write(n)) != n}
    assert misread == {}


def _cn2an_reading(text: str) -> int | None:
    try:
        return int(cn2an.cn2an(text, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


@pytest.mark.parametrize(
    ("alphabet", "length"),
    [
        pytest.param("一二两四九十百千零〇", 5, id="everyday"),
        pytest.param("一二两十百千零壹拾佰廿幺", 4, id="capitals-nian-yao"),
    ],
)
def test_chinese_numerals_are_read_as_cn2an_reads_them(alphabet: str, length: int) -> None:
    """Exhaustively, every string of these characters that the section reader accepts gets
    cn2an's value. cn2an refuses a few that are read here: 零 before 拾, 〇 before 十 (一千〇十),
    which it reads when 零 comes before 十 (一千零十 is 1010)."""
    from govmetrics.numerals import _EVERYDAY, _chinese_section

    strings = ("".join(chars) for n in range(1, length + 1) for chars in itertools.product(alphabet, repeat=n))
    read = {text: value for text in strings if (value := _chinese_section(text.translate(_EVERYDAY))) is not None}
    assert len(read) > 1000
    references = {text: _cn2an_reading(text) for text in read}
    assert {text: value for text, value in read.items() if references[text] not in (value, None)} == {}
    assert {text for text in read if references[text] is None and not re.search("零拾|〇十", text)} == set()


@pytest.mark.parametrize("write", [cn2an.an2cn, lambda n: cn2an.an2cn(n, "up")], ids=["chinese", "capitals"])
def test_every_number_below_wan_reads_back(write: Any) -> None:
    from govmetrics.numerals import _EVERYDAY, _chinese_section

    assert {n: _chinese_section(write(n).translate(_EVERYDAY)) for n in range(10_000)} == {n: n for n in range(10_000)}


def test_arabic_digits_inside_are_written_in_their_own_places() -> None:
    """Arabic digits inside a Chinese numeral are written out as cn2an writes them (with 一 before
    十, as they stand after a place): the reading of 4千230 is that of 四千二百三十."""
    from govmetrics.numerals import _written_in_chinese

    assert {n: _written_in_chinese(n) for n in range(1, 10_000) if _written_in_chinese(n) != cn2an.an2cn(n)} == {
        n: "一" + cn2an.an2cn(n) for n in range(10, 20)
    }


OTHER_FORMS = _cases(
    ("三百五", 350, "short-form-hundreds"),
    ("两千三", 2300, "short-form-thousands"),
    ("一千二百五", 1250, "short-form-after-full-places"),
    ("一千五十", 1050, "place-skipped-without-ling"),
    ("一百十一", 111, "shi-without-digit-inside"),
    ("一千零十", 1010, "shi-after-ling"),
    ("百十一", 111, "bare-hundred-then-shi"),
    ("壹佰零贰", 102, "financial-capitals"),
    ("廿五", 25, "nian"),
    ("幺幺零", 110, "yao-in-a-digit-sequence"),
    ("4千230", 4230, "arabic-inside"),
    ("1百01", 101, "arabic-with-leading-zero-inside"),
    ("2百10", 210, "arabic-ten-after-a-place"),
    ("一万两千", 12000, "liang-after-a-magnitude"),
)


@pytest.mark.parametrize(("text", "expected"), OTHER_FORMS)
def test_short_loose_capital_and_mixed_forms(text: str, expected: int) -> None:
    assert_exact(parse_number(text), expected)


@pytest.mark.parametrize("text", ["二两", "十两", "三十两", "两十", "二百两十", "十零一", "三百零", "十百一", "二廿"])
def test_forms_cn2an_reads_that_are_not_numerals(text: str) -> None:
    """两 after a digit or 十 is a weight (二两, 四两拨千斤) or counts what came before (一、二两项);
    零 marks a skipped place, so it neither ends a numeral nor stands where nothing was skipped."""
    with pytest.raises(NumeralError, match="not a numeral"):
        parse_number(text)


def test_cn2an_is_not_imported() -> None:
    """cn2an compiles its patterns on import (70 ms in every process of a corpus run); numerals of
    every form are read without it."""
    code = (
        "import sys, govmetrics\n"
        "text = '全区2万余户，三百五十人，一千零十个，壹佰所，一千二百五名，廿五家，一、二两项。'\n"
        "r = govmetrics.extract(text, published='2019-07-16')\n"
        "assert [m.value for m in r.metrics] == [20000, 350, 1010, 100, 1250, 25, 2], r.metrics\n"
        "assert 'cn2an' not in sys.modules\n"
        "assert govmetrics.parse_number('4千230') == 4230 and 'cn2an' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


RANGES = _cases(
    ("1~2", 1, 2, "tilde"),
    ("1～2", 1, 2, "full-width-tilde"),
    ("3至5", 3, 5, "zhi"),
    ("三到五", 3, 5, "dao"),
    ("20-30", 20, 30, "hyphen"),
    ("0.3至0.5", Decimal("0.3"), Decimal("0.5"), "decimals"),
    ("三四百", 300, 400, "neighbours-san-si-bai"),
    ("十四五", 14, 15, "neighbours-shi-si-wu"),
    ("两三", 2, 3, "neighbours-liang-san"),
    ("一两", 1, 2, "neighbours-yi-liang"),
    ("三两", 2, 3, "neighbours-san-liang-high-first"),
    ("一两千万", 10000000, 20000000, "neighbours-yi-liang-qian-wan"),
    ("三四十万", 300000, 400000, "neighbours-before-wan"),
    ("三到五万", 30000, 50000, "magnitude-for-both-ends"),
    ("1.5~2万", 15000, 20000, "decimal-low-end-takes-magnitude"),
    ("3~5千万", 30000000, 50000000, "stacked-magnitude-both-ends"),
    ("5千~1万", 5000, 10000, "low-end-has-its-own-unit"),
    ("500~1万", 500, 10000, "low-end-would-pass-high"),
    ("1万~2万", 10000, 20000, "magnitude-written-twice"),
    ("-5~-3", -5, -3, "negative-ends"),
)


@pytest.mark.parametrize(("text", "low", "high"), RANGES)
def test_parse_amount_range(text: str, low: int | Decimal, high: int | Decimal) -> None:
    amount = parse_amount(text)
    assert_exact(amount.value, low)
    assert amount.high is not None
    assert_exact(amount.high, high)
    assert not amount.more_than


MORE_THAN = _cases(
    ("2万余", 20000, "wan-yu"),
    ("4000多万", 40000000, "duo-before-wan"),
    ("十余", 10, "shi-yu"),
    ("万余", 10000, "bare-wan-yu"),
    ("两万三千余", 23000, "liang-wan-san-qian-yu"),
    ("500余万", 5000000, "arabic-yu-wan"),
    ("十 余 万", 100000, "spaced-yu"),
    ("二十几万", 200000, "ji-after-digits"),
    ("一百零几万", 1000000, "ling-ji"),
    ("1.2万余", 12000, "decimal-wan-yu"),
)


@pytest.mark.parametrize(("text", "value"), MORE_THAN)
def test_parse_amount_more_than(text: str, value: int) -> None:
    assert parse_amount(text) == Amount(value=value, more_than=True)


def test_parse_amount_range_with_more_than() -> None:
    assert parse_amount("三四百余") == Amount(value=300, high=400, more_than=True)


def test_parse_amount_plain_number() -> None:
    assert parse_amount("两千三百") == Amount(value=2300)
    assert parse_amount("二〇一九") == Amount(value=2019)  # digits one by one, not a range


PERCENTS = _cases(
    ("百分之三十五", 35, "bai-fen-zhi"),
    ("35%", 35, "percent-sign"),
    ("３５％", 35, "full-width"),
    ("97.6%", Decimal("97.6"), "decimal"),
    ("百分之百", 100, "bai-fen-zhi-bai"),
    ("百分之二十一点五", Decimal("21.5"), "chinese-decimal"),
    ("百分之１，１２３", 1123, "full-width-comma"),
    ("百 分 之 一 百二 十点 五", Decimal("120.5"), "spaced-out"),
    ("负3.9%", Decimal("-3.9"), "fu"),
    ("-22.2%", Decimal("-22.2"), "minus"),
    ("千分之三", Decimal("0.3"), "per-mille"),
    ("千分之２．４", Decimal("0.24"), "per-mille-decimal"),
    ("万分之五", Decimal("0.05"), "per-ten-thousand"),
    ("七成", 70, "tenths"),
    ("七成六", 76, "tenths-and-hundredths"),
    ("三成半", 35, "tenths-and-a-half"),
    ("半成", 5, "half-a-tenth"),
    ("9.5成", 95, "decimal-tenths"),
    ("十成", 100, "ten-tenths"),
)


@pytest.mark.parametrize(("text", "expected"), PERCENTS)
def test_parse_percent(text: str, expected: int | Decimal) -> None:
    assert_exact(parse_percent(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("2.4个百分点", id="percentage-points"),
        pytest.param("九折", id="discount"),
        pytest.param("五百分之二", id="fraction-not-rate"),
        pytest.param("三十五", id="no-percent-word"),
        pytest.param("十一成", id="more-than-ten-tenths"),
        pytest.param("9.5成六", id="digit-after-decimal-tenths"),
        pytest.param("%", id="bare-sign"),
    ],
)
def test_parse_percent_rejects(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_percent(text)


NOT_NUMERALS = _cases(
    ("abc", "not a numeral", "latin-letters"),
    ("", "not a numeral", "empty"),
    ("   ", "not a numeral", "blank"),
    ("负", "not a numeral", "sign-alone"),
    ("点五", "whole part", "dian-without-whole"),
    (".5", "whole part", "point-without-whole"),
    ("零点", "not a decimal", "dian-without-digits"),
    ("10..1万", "not a decimal", "double-point"),
    ("10.1万零100", "not a decimal", "more-after-decimal-magnitude"),
    ("1万2.5千", "not a numeral", "magnitude-on-both-sides-of-point"),
    ("一万一万", "must be smaller", "remainder-not-smaller"),
    ("十一十二", "not a numeral", "two-numbers"),
    ("2e5", "not a numeral", "scientific-notation"),
    ("40k", "not a numeral", "latin-multiplier"),
    ("五兆", "not a numeral", "zhao-ambiguous"),
    ("壹佰捌拾壹圆柒角", "not a numeral", "money-words"),
    ("壹拾壹元整", "not a numeral", "money-word-yuan-zheng"),
    ("1 234", "not a numeral", "space-between-arabic-digits"),
    ("三分之一", "not a numeral", "fraction"),
)


@pytest.mark.parametrize(("text", "message"), NOT_NUMERALS)
def test_parse_number_rejects(text: str, message: str) -> None:
    with pytest.raises(NumeralError, match=message):
        parse_number(text)


@pytest.mark.parametrize("text", ["三四百", "十四五", "两三", "三四十万", "一两", "三两"])
def test_parse_number_sends_ranges_to_parse_amount(text: str) -> None:
    with pytest.raises(NumeralError, match="parse_amount"):
        parse_number(text)


@pytest.mark.parametrize("text", ["2万余", "4000多万", "二十几"])
def test_parse_number_sends_qualifiers_to_parse_amount(text: str) -> None:
    with pytest.raises(NumeralError, match="parse_amount"):
        parse_number(text)


@pytest.mark.parametrize("text", ["余", "多万", "几十", "", "abc", "三到", "1~"])
def test_parse_amount_rejects(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_amount(text)


def test_numeral_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_number("abc")


@pytest.mark.parametrize("parse", [parse_number, parse_amount, parse_percent])
@pytest.mark.parametrize("value", [12, 1.5, None, b"12"], ids=["int", "float", "none", "bytes"])
def test_non_string_is_a_type_error(parse: Any, value: object) -> None:
    with pytest.raises(TypeError):
        parse(value)


def test_parsers_are_cached() -> None:
    """The hot path reads the same numerals over and over: each parser keeps what it read."""
    for parse, text in ((parse_number, "两千三百"), (parse_amount, "2万余"), (parse_percent, "35%")):
        parse(text)
        hits = parse.cache_info().hits
        parse(text)
        assert parse.cache_info().hits == hits + 1
