"""Text every output can hold and no reader runs: the escapes applied where govmetrics writes text.

Three rules, each applied at the one place a kind of output is written:

- A lone surrogate (``\\udcd6``: a byte of a GBK file name that ``os.fsdecode`` could not read as
  UTF-8, or an escape in a JSON record) cannot be encoded as UTF-8. JSON writes it as the JSON
  escape ``\\udcd6``, which reads back as the same string; CSV, Parquet, the table and standard
  error write the six characters ``\\udcd6`` (:func:`without_surrogates`).
- On the terminal, a control character in an id, a file name or a reason (``\\x1b`` starting an
  escape sequence, a newline that would split the line) is written as Python writes it in a
  string's repr: ``\\x1b``, ``\\n`` (:func:`for_terminal`).
- A CSV cell a spreadsheet would run as a formula (:func:`csv_text`, see its rule).
"""

from __future__ import annotations

import re

__all__ = ["csv_text", "for_terminal", "without_surrogates"]

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Control characters (Unicode's Cc: C0, DEL, C1) and lone surrogates.
_NOT_FOR_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]  # '\x1b' -> \x1b, '\n' -> \n, '\udcd6' -> \udcd6


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate written as its escape (``\\udcd6``), so UTF-8 can hold it."""
    return _SURROGATE.sub(_escaped, text) if _SURROGATE.search(text) else text


def for_terminal(text: str) -> str:
    """``text`` as one line for the terminal: control characters and lone surrogates escaped."""
    return _NOT_FOR_TERMINAL.sub(_escaped, text)


#: What a spreadsheet takes for the start of a formula (OWASP's list): =, +, -, @, a tab, a return.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def csv_text(text: str) -> str:
    """A text cell of CSV: a lone surrogate escaped, and a cell a spreadsheet would run as a formula
    (one starting with ``=``, ``+``, ``-``, ``@``, a tab or a return) prefixed with a single quote
    ``'``, as OWASP recommends. A number written as text (``-3.2``, ``+5``) is left as it is: a
    spreadsheet reads it as the number it is, and runs nothing."""
    text = without_surrogates(text)
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
