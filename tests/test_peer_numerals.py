"""Peer suites for the numeral parser: cn2an's and Recognizers-Text's own test cases.

The cases are read at run time from ../shared/corpora (see the README beside each file for source,
commit and licence); no corpus text is copied here except the case ids of the xfail lists. Every
test carries the ``shared`` marker through :func:`tests.shared.shared_cases`.

cn2an (``cn2an/cases.jsonl``)
=============================

In scope:

* every ``cn2an`` value case of modes strict, normal and smart: :func:`parse_number` must return
  exactly the expected value (compared as ``Decimal(str(expected))``, so 1e-15 compares exactly);
* every error case of the normal and smart lists, and of the strict list where normal reading
  rejects the input too: :func:`parse_number` must raise :class:`NumeralError`.

Out of scope:

* ``direct`` mode: it turns digit strings into digit strings (零零三 → "003"), not into numbers;
* ``an2cn`` and ``transform``: they write numbers as Chinese text, or rewrite sentences; nothing
  here is parsing;
* strict-mode-only errors (:data:`STRICT_ONLY_ERRORS`): parse_number reads as cn2an's normal mode
  does, so 一一 is 11, as the normal-mode value cases have it.

Money words (元, 圆, 角, 分, 整, 正) are in cn2an's numeral cases (壹佰捌拾壹圆柒角 → 181.7) but
parse_number does not read them: they are units, and 角 and 分 change the scale of what precedes
them, which is a unit conversion. The metric extractor reads 元 as the unit of a metric; a numeral
parser that swallowed it would drop the unit silently. Those cases are strict xfails
(:data:`CN2AN_XFAIL`), so the day parse_number starts reading money, they fail and are looked at.

Recognizers-Text (``Number_Chinese_NumberModel.jsonl``, ``Number_Chinese_PercentModel.jsonl``)
=================================================================================================

Each case is a sentence with the entities Recognizers finds in it. For every entity in scope, the
public parser must give ``resolution.value``: :func:`parse_number` for a number,
:func:`parse_amount` (its ``value``, with ``more_than`` set) for one written with 余 / 多 / 几,
:func:`parse_percent` for a percentage. The parser reads the entity's span of the input as written
(full-width digits and all), not Recognizers' normalised ``text``. A case is one input line; it is
tested when at least one of its entities is in scope, and passes when all of those do.

Out of scope for NumberModel (:data:`NUMBER_OUT_OF_SCOPE`, matched on the NFKC-normalised entity):

* fractions (三分之一, 3/5, 一又二分之一): a ratio, not a numeral, and most (1/3) have no exact
  decimal, while the parser returns exact values only;
* scientific and power notation (2e5, 2^5, 1.1^+23): not how Chinese news writes numbers;
* Latin multipliers (40k, 2.5 M): English abbreviations;
* 打 (a dozen): a counting word, that is a unit, which the metric extractor reads;
* 兆: 10¹² for Recognizers (Taiwan and Japanese usage), but 10⁶ in mainland text (兆瓦 is a
  megawatt); the parser rejects it rather than guess;
* 半百: an idiom of age (年过半百), not a numeral;
* a decimal point with no whole part (.5, -.5): rejected on purpose, as 点五 is.

Out of scope for PercentModel (:data:`PERCENT_OUT_OF_SCOPE`):

* 个百分点: percentage points, a difference between two percentages; ANNOTATION.md keeps 百分点
  as a unit of its own (下降3.2个百分点 is 3.2 百分点), so parse_percent does not read it as %;
* 折: a shop's discount (七五折), not written in government news, with rules of its own (九折 is
  90 but 九九折 99);
* Latin multipliers (百分之15K), as above.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

import pytest

from govmetrics.errors import NumeralError
from govmetrics.numerals import parse_amount, parse_number, parse_percent
from tests.shared import read_jsonl, shared_cases

CN2AN = "corpora/cn2an/cases.jsonl"
NUMBER_MODEL = "corpora/recognizers-text/Number_Chinese_NumberModel.jsonl"
PERCENT_MODEL = "corpora/recognizers-text/Number_Chinese_PercentModel.jsonl"

# --- cn2an -------------------------------------------------------------------------------------

_MONEY = "money words are units, not part of a numeral: the metric extractor reads 元 as a unit"
CN2AN_XFAIL: dict[str, str] = {
    "壹拾壹元整": _MONEY,
    "壹佰壹拾壹圆整": _MONEY,
    "壹拾壹元正": _MONEY,
    "壹拾壹圆正": _MONEY,
    "壹拾壹元": _MONEY,
    "壹佰壹拾壹圆": _MONEY,
    "壹拾壹圆": _MONEY,
    "壹拾壹元壹角": _MONEY + "; 角 is a tenth of a 元",
    "壹拾壹元壹角壹分": _MONEY + "; 角 and 分 are tenths and hundredths of a 元",
    "玖仟陆佰陆拾伍圆壹角捌分": _MONEY + "; 角 and 分 are tenths and hundredths of a 元",
    "壹佰捌拾壹圆柒角": _MONEY + "; 角 is a tenth of a 元",
}

#: Errors only in cn2an's strict mode; parse_number reads as its normal mode does.
STRICT_ONLY_ERRORS: dict[str, str] = {
    "一一": "normal reading takes digits one by one: 11, a normal-mode value case",
    "壹壹": "normal reading takes digits one by one: 11, a normal-mode value case",
    "百十一": "a bare leading 百 counts one of it (百余人, 百三 = 130), so 百十一 is 111",
}


def _is_cn2an_value(case: dict[str, Any]) -> bool:
    return case["function"] == "cn2an" and case["mode"] != "direct" and case["expected"] != "ValueError"


def _is_cn2an_error(case: dict[str, Any]) -> bool:
    if case["function"] != "cn2an" or case["expected"] != "ValueError":
        return False
    return not (case["mode"] == "strict" and case["input"] in STRICT_ONLY_ERRORS)


def _cn2an_error_id(case: dict[str, Any]) -> str:
    return f"{case['mode']}:{case['input'] or '<empty>'}"


@pytest.mark.parametrize("case", shared_cases(CN2AN, _is_cn2an_value, xfail=CN2AN_XFAIL))
def test_cn2an_value(case: dict[str, Any]) -> None:
    result = parse_number(case["input"])
    assert type(result) in (int, Decimal)
    assert Decimal(result) == Decimal(str(case["expected"]))


@pytest.mark.parametrize("case", shared_cases(CN2AN, _is_cn2an_error, case_id=_cn2an_error_id))
def test_cn2an_error(case: dict[str, Any]) -> None:
    with pytest.raises(NumeralError):
        parse_number(case["input"])


# --- Recognizers-Text --------------------------------------------------------------------------

NUMBER_OUT_OF_SCOPE: dict[str, re.Pattern[str]] = {
    "fraction": re.compile(r"分之|/|又"),
    "scientific or power notation": re.compile(r"[0-9.][eE^]"),
    "Latin multiplier": re.compile(r"[0-9]\s*[kKmM]"),
    "dozen (打)": re.compile("打"),
    "兆 (10^6 or 10^12)": re.compile("兆"),
    "idiom (半百)": re.compile("半百"),
    "no whole part before the point": re.compile(r"^[-+]?\."),
}
PERCENT_OUT_OF_SCOPE: dict[str, re.Pattern[str]] = {
    "percentage points (个百分点)": re.compile("百分点|百分點"),
    "discount (折)": re.compile("折"),
    "Latin multiplier": re.compile(r"[0-9]\s*[kKmM]"),
}

NUMBER_XFAIL: dict[str, str] = {
    "倆千两百贰拾二": "倆 (two of: 他们俩) is not a digit in written numerals; cn2an does not read it either",
    "一百零十万": "零 marks a skipped place and 一百零十 skips none; cn2an rejects it too",
    "一百零十万三千斤": "零 marks a skipped place and 一百零十 skips none; cn2an rejects it too",
    "零十": "a numeral does not start with 零; cn2an rejects it too",
    "第零十刃": "a numeral does not start with 零; cn2an rejects it too",
}
PERCENT_XFAIL: dict[str, str] = {}


def _span(case: dict[str, Any], entity: dict[str, Any]) -> str:
    """The entity as written in the input; Recognizers' ``text`` is NFKC-folded."""
    if "start" in entity and "end" in entity:
        return str(case["input"][entity["start"] : entity["end"] + 1])
    return str(entity["text"])


def out_of_scope(text: str, rules: dict[str, re.Pattern[str]]) -> str | None:
    """The reason an entity is out of scope, or None."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return next((reason for reason, rule in rules.items() if rule.search(folded)), None)


def in_scope(case: dict[str, Any], rules: dict[str, re.Pattern[str]]) -> list[tuple[str, str]]:
    """(span, expected value) of each entity of ``case`` in scope."""
    spans = [(_span(case, entity), entity["resolution"]["value"]) for entity in case["expected"]]
    return [(text, value) for text, value in spans if out_of_scope(text, rules) is None]


def _read_number(text: str) -> Any:
    if re.search("[余多几幾]", text):
        amount = parse_amount(text)
        return amount.value if amount.more_than and amount.high is None else amount
    return parse_number(text)


def _same(result: Any, expected: str) -> bool:
    """Exactly the expected value, as an int or a Decimal (never a float, an Amount or an error)."""
    exact = isinstance(result, (int, Decimal)) and not isinstance(result, bool)
    return exact and Decimal(result) == Decimal(expected)


def _attempt(read: Any, text: str) -> Any:
    try:
        return read(text)
    except NumeralError as exc:
        return exc


@pytest.mark.parametrize(
    "case", shared_cases(NUMBER_MODEL, lambda case: bool(in_scope(case, NUMBER_OUT_OF_SCOPE)), xfail=NUMBER_XFAIL)
)
def test_recognizers_number(case: dict[str, Any]) -> None:
    entities = in_scope(case, NUMBER_OUT_OF_SCOPE)
    wrong = {}
    for text, expected in entities:
        result = _attempt(_read_number, text)
        if isinstance(result, Exception) or not _same(result, expected):
            wrong[text] = (expected, result)
    assert wrong == {}


@pytest.mark.parametrize(
    "case", shared_cases(PERCENT_MODEL, lambda case: bool(in_scope(case, PERCENT_OUT_OF_SCOPE)), xfail=PERCENT_XFAIL)
)
def test_recognizers_percent(case: dict[str, Any]) -> None:
    entities = in_scope(case, PERCENT_OUT_OF_SCOPE)
    wrong = {}
    for text, expected in entities:
        result = _attempt(parse_percent, text)
        if isinstance(result, Exception) or not _same(result, expected.removesuffix("%")):
            wrong[text] = (expected, result)
    assert wrong == {}


@pytest.mark.shared
@pytest.mark.parametrize(
    ("relative", "rules", "xfail"),
    [
        pytest.param(NUMBER_MODEL, NUMBER_OUT_OF_SCOPE, NUMBER_XFAIL, id="NumberModel"),
        pytest.param(PERCENT_MODEL, PERCENT_OUT_OF_SCOPE, PERCENT_XFAIL, id="PercentModel"),
    ],
)
def test_recognizers_scope_stays_honest(
    relative: str, rules: dict[str, re.Pattern[str]], xfail: dict[str, str]
) -> None:
    """At least 95% of the in-scope cases pass, and every xfail names a case that exists and is in scope."""
    tested = {case["input"] for case in read_jsonl(relative) if in_scope(case, rules)}
    assert set(xfail) <= tested
    assert len(xfail) <= 0.05 * len(tested)


@pytest.mark.shared
def test_cn2an_lists_name_real_cases() -> None:
    """Every xfail and every strict-only error names a case of the corpus, so none goes stale unseen."""
    cases = read_jsonl(CN2AN)
    assert set(CN2AN_XFAIL) <= {case["input"] for case in cases if _is_cn2an_value(case)}
    strict_errors = {
        case["input"] for case in cases if case.get("mode") == "strict" and case["expected"] == "ValueError"
    }
    assert set(STRICT_ONLY_ERRORS) <= strict_errors
