"""Publication dates as corpora write them: read, checked, and found in file names.

A corpus names a document's day in many forms (a field ``2019-07-16 10:30:00``, ``2019年7月16日``, a
file name ``shijingshan-20190716.txt``); :func:`parse_published` reads one full date and refuses the
rest, :func:`date_in_name` finds one in a file name. Every reader of documents (text, JSON Lines,
web pages, PDFs) and the pipeline itself read dates through these two.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from pathlib import Path

from govmetrics.errors import InputError

# A date written into a file name: 2019-07-16, 20190716, 2019_07_16.
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


# 2019-07-16, and the same day with a time after it (2019-07-16 10:30:00, 2019-07-16T10:30:00+08:00)
_ISO_STAMP = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?\s*(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
# 07/08/2019: day and month in an order only the writer knew
_DAY_MONTH_FIRST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.][0-9]{4}\b")
#: The publication dates a text may name, first and last day inclusive. A date outside them is a
#: corpus's placeholder (0001-01-01, 9999-12-31 for "unknown"), not the day a story came out, and
#: would resolve 去年 or 下月 to nonsense. A ``date`` a program hands over is taken as it is.
PUBLISHED_RANGE = (dt.date(1800, 1, 1), dt.date(2200, 12, 31))
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
    without its day or year, a relative one (昨天), an impossible one (2019-02-30), a numeric date
    that puts day and month first (``07/08/2019``), whose order only its writer knew, and a date
    outside :data:`PUBLISHED_RANGE` (a placeholder such as 9999-12-31).
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, str):
        raise InputError(f"published must be a date or a YYYY-MM-DD string, not {type(value).__name__}")
    return _in_range(_written_day(value), value)


def _in_range(day: dt.date, value: str) -> dt.date:
    first, last = PUBLISHED_RANGE
    if not first <= day <= last:
        raise InputError(f"publication date {value!r} is outside {first} to {last}: a placeholder, not a date")
    return day


def _written_day(value: str) -> dt.date:
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


def date_in_name(name: str) -> dt.date | None:
    """The date a file name carries (shijingshan-2019-07-16.txt, 20190716_p1.txt), if any."""
    match = _DATE_IN_NAME.search(Path(name).name)
    if match is None:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


#: A full date as pages print it: year, month and day in that order, with any of their marks
#: between (2021-03-05, 2021年3月5日, 2021/03/05, 2021.3.5). Web pages and PDF pages read their own
#: publication dates with it and :func:`written_day`.
WRITTEN_DAY = r"(?<!\d)(?:19|20)\d{2}\s*[-年/.]\s*[01]?\d\s*[-月/.]\s*[0-3]?\d(?!\d)"


def written_day(written: str) -> dt.date | None:
    """The day a full date as written names (its first three numbers: year, month, day), or None
    for a slip that names no day (2021-02-30) and for a day outside :data:`PUBLISHED_RANGE`."""
    numbers = re.findall(r"\d+", written)
    if len(numbers) < 3:
        return None
    try:
        day = dt.date(*(int(number) for number in numbers[:3]))
    except ValueError:
        return None
    first, last = PUBLISHED_RANGE
    return day if first <= day <= last else None


def first_written_day(written: Iterable[str]) -> dt.date | None:
    """The day of the first of ``written`` that names one (:func:`written_day`): a slip before it
    is passed over, as a page's later date may hold the right one."""
    return next(filter(None, map(written_day, written)), None)
