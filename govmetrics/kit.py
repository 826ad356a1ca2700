"""The plugin author's kit: what a govmetrics extractor is built from, in one import.

The built-in extractors are built from these same pieces, so a plugin that uses them reads text as
they do: a numeral means the same (:func:`parse_amount`), a clause ends at the same marks
(:data:`CLAUSE_ENDS`), a qualifier is guarded against the same words (节约 holds no 约:
:data:`NOT_A_QUALIFIER_AFTER`), a date is found by the same pattern (:data:`DATE_PATTERN`, whose
matches :func:`date_matches` finds fast).
These names are kept stable between minor versions; a plugin should need nothing from the
modules behind them.

>>> from govmetrics.kit import alternation, clause_end
>>> alternation(["米", "平方米"])
'平方米|米'
>>> text = "每月开展一次，每次2小时"
>>> text[: clause_end(text, 0)]
'每月开展一次'
"""

from __future__ import annotations

from govmetrics.calendar import DATE_PATTERN, date_matches, parse_date, resolve_match
from govmetrics.chinese import (
    CLAUSE_END,
    CLAUSE_ENDS,
    DATELINE,
    MODALS,
    MONTH_OR_DAY_NUMERAL,
    NOT_A_QUALIFIER_AFTER,
    ORDINAL_NUMERAL,
    SENTENCE_END,
    SENTENCE_ENDS,
    SMALL_NUMERAL,
    alternation,
    clause_end,
    sentence_end,
)
from govmetrics.lexicon import Lexicons, read_rows
from govmetrics.models import APPROX_VALUES, Approx, Number, exact, exact_or_none
from govmetrics.numerals import parse_amount, parse_number, parse_percent

__all__ = [
    "APPROX_VALUES",
    "CLAUSE_END",
    "CLAUSE_ENDS",
    "DATELINE",
    "DATE_PATTERN",
    "MODALS",
    "MONTH_OR_DAY_NUMERAL",
    "NOT_A_QUALIFIER_AFTER",
    "ORDINAL_NUMERAL",
    "SENTENCE_END",
    "SENTENCE_ENDS",
    "SMALL_NUMERAL",
    "Approx",
    "Lexicons",
    "Number",
    "alternation",
    "clause_end",
    "date_matches",
    "exact",
    "exact_or_none",
    "parse_amount",
    "parse_date",
    "parse_number",
    "parse_percent",
    "read_rows",
    "resolve_match",
    "sentence_end",
]
