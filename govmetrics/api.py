"""``extract``: text in, typed records out. The whole data flow of DESIGN.md in one call."""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from govmetrics.errors import InputError
from govmetrics.models import Article, Extraction
from govmetrics.plugins import get_plugin_host, strict_from_env
from govmetrics.resolve import resolve

# 2019-07-16, and the same day with a time after it (2019-07-16 10:30:00, 2019-07-16T10:30:00+08:00)
_ISO_STAMP = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?\s*(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
# 07/08/2019: day and month in an order only the writer knew
_DAY_MONTH_FIRST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.][0-9]{4}\b")
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,  # a day, a month and a year, or not a publication date
    "DATE_ORDER": "YMD",
    "PREFER_LOCALE_DATE_ORDER": False,
    "PARSERS": ["custom-formats", "absolute-time"],  # never 昨天 or "yesterday", which mean nothing here
}


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """A publication date from a ``date``, a ``datetime`` or a string holding one full date.

    Strings: ``YYYY-MM-DD``, with or without a time after it, is read directly; other forms of a
    full date, as web pages and corpus dumps write them (``2019/07/16``, ``2019年7月16日 10:30``,
    ``2019-7-16``, ``Jul 16, 2019``), are read by dateparser. The date is the one written: a time
    zone after it does not move it. Refused, with :class:`~govmetrics.errors.InputError`: a date
    without its day or year, a relative one (昨天), an impossible one (2019-02-30), and a numeric
    date that puts day and month first (``07/08/2019``), whose order only its writer knew.
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, str):
        raise InputError(f"published must be a date or a YYYY-MM-DD string, not {type(value).__name__}")
    text = value.strip()
    stamp = _ISO_STAMP.fullmatch(text)
    if stamp:
        try:
            return dt.date.fromisoformat(stamp.group(1))
        except ValueError:
            raise InputError(f"not a date: {value!r} (no such day)") from None
    first = _DAY_MONTH_FIRST.match(text)
    if first and int(first.group(1)) <= 12 and int(first.group(2)) <= 12 and first.group(1) != first.group(2):
        raise InputError(f"not a date: {value!r} (day and month could be either way round; want YYYY-MM-DD)")
    day = _parsed_day(text) if text else None
    if day is None:
        raise InputError(f"not a date (want YYYY-MM-DD, or a full date such as 2019年7月16日): {value!r}")
    return day


@functools.lru_cache(maxsize=4096)
def _parsed_day(text: str) -> dt.date | None:
    """A full date in any form dateparser knows; imported only for the first date that needs it."""
    import dateparser

    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    return None if parsed is None else parsed.date()


def extract(
    text: str | Article,
    *,
    published: dt.date | str | None = None,
    strict: bool | None = None,
) -> Extraction:
    """Find every record in one article.

    :param text: the raw text of one story (it is cleaned first), or an :class:`Article`.
    :param published: the publication date, which resolves dates written without a year. For an
        ``Article`` it replaces the article's own date when given.
    :param strict: turn a failing plugin into a :class:`~govmetrics.errors.PluginError` instead
        of a warning; by default, ``GOVMETRICS_STRICT_PLUGINS`` decides.
    :return: the article and its records in text order.
    """
    date = parse_published(published)
    if isinstance(text, Article):
        article = text if date is None else attrs.evolve(text, published=date)
    elif isinstance(text, str):
        article = Article.from_text(text, published=date)
    else:
        raise InputError(f"extract takes a str or an Article, not {type(text).__name__}")
    host = get_plugin_host()
    records = host.extract(article, strict=strict_from_env() if strict is None else strict)
    return Extraction(article=article, records=resolve(records))
