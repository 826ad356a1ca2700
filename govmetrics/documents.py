"""What a corpus hands govmetrics, made into one shape: an id, a text and a publication date.

Corpora come as plain strings, :class:`~govmetrics.models.Article` objects, file paths, or
records of a JSON Lines dump (``{"id": …, "published": …, "text": …}``, with other field names
given by the caller). :func:`as_document` reads any of them into a :class:`Document`; batch runs,
the CLI and the Dask integration all go through it, so a corpus reads the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from govmetrics.errors import InputError
from govmetrics.models import Article
from govmetrics.serialize import exact_text, to_json

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


@attrs.frozen(kw_only=True)
class Document:
    """One document of a corpus: ``id`` names it in every output row.

    ``kept`` are the fields of its record kept as they are (``keep_fields``): each name and its
    value as text, ``None`` where the record has no such field.
    """

    id: str
    text: str | Article
    published: dt.date | None = None
    kept: tuple[tuple[str, str | None], ...] = ()


def json_record(text: str) -> Any:
    """A line of JSON Lines read: a whole number of any length too (``int`` refuses a string of over
    4,300 digits; a ``Decimal`` reads it whole)."""
    return json.loads(text, parse_int=_whole_number)


def _whole_number(digits: str) -> int:
    return int(digits) if len(digits) < 4000 else int(Decimal(digits))


def _as_text(value: Any) -> str:
    """A kept field's value as text: a string as it is, JSON's values (a number, a list) as JSON, any
    other object (a timestamp of a frame) as it prints; a whole number by all its digits."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return exact_text(value)
    if isinstance(value, (dict, list, tuple, bool, float)):
        try:
            return json.dumps(value, ensure_ascii=False, default=str)
        except ValueError:  # a whole number inside, past str(int)'s 4,300 digits
            return to_json(value)
    return str(value)


def kept_fields(item: Any, names: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """The fields ``names`` of a record as text (a number or a list as its JSON); ``None`` for one the
    record lacks or holds empty (``null``, a missing value of a frame), and for every name of an
    item that is no record (a text, a path)."""
    if not names:
        return ()
    if not isinstance(item, dict):
        return tuple((name, None) for name in names)
    kept: list[tuple[str, str | None]] = []
    for name in names:
        value = item.get(name)
        if value is None or (isinstance(value, float) and value != value):  # NaN: a frame's missing value
            kept.append((name, None))
        else:
            kept.append((name, _as_text(value)))
    return tuple(kept)


def date_in_name(name: str) -> dt.date | None:
    """The date a file name carries (shijingshan-2019-07-16.txt, 20190716_p1.txt), if any."""
    match = _DATE_IN_NAME.search(Path(name).name)
    if match is None:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


# Characters common in Chinese prose, in both scripts: the decoding that yields more of them is
# the right one (GB18030 decodes most Big5 bytes too, into nonsense).
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "這為個國們時來會對發動產種過說現實於經與關開體機當從業應內數區點長門問間進員報"
)


def _common_share(text: str) -> float:
    chinese = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    return sum(ch in _COMMON for ch in chinese) / len(chinese) if chinese else 0.0


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without a BOM), GB18030/GBK or Big5, or the ``encoding`` given.

    Without an encoding, UTF-8 is tried first; failing that, GB18030 and Big5 are both tried and
    the one whose text is more like Chinese prose wins. Undecodable input is an :class:`InputError`
    that names the file and the offset of the first bad byte.

    A file that is no text at all (a PDF, an image, an archive) is refused before any decoding, by
    its signature or by the NUL bytes no text in these encodings holds: GB18030 decodes nearly any
    bytes, and a PDF read as text gave records (1.3%) made of its binary streams.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(f"{name}: {kind}, not text; govmetrics reads text files and JSON Lines")
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not {encoding}: {_bad_byte(exc)}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not UTF-16 despite its byte-order mark: {_bad_byte(exc)}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_error = exc
    readings = []
    for candidate in ("gb18030", "big5"):
        try:
            readings.append((_common_share(text := data.decode(candidate)), candidate == "gb18030", text))
        except UnicodeDecodeError:
            continue
    if not readings:
        raise InputError(f"{name}: cannot decode: not UTF-8 ({_bad_byte(first_error)}), GB18030 or Big5")
    return max(readings)[2]


#: File signatures of formats users keep beside their text, which no text file starts with.
_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip file"),
)


def binary_kind(data: bytes) -> str | None:
    """What a file that is no text is (``"a PDF file"``), or None for text. UTF-16, with its
    byte-order mark, is text; otherwise a NUL byte in the first 8 KB says binary."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return "a binary file" if b"\x00" in data[:8192] else None


def _bad_byte(error: UnicodeDecodeError) -> str:
    return f"byte 0x{error.object[error.start]:02x} at offset {error.start}"


def read_text(path: str | PathLike[str], encoding: str | None = None) -> str:
    """A text file's contents (see :func:`decode`), or :class:`InputError` naming the file."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return decode(data, str(path), encoding)


def as_document(
    item: Any,
    *,
    index: int = 0,
    published: dt.date | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    encoding: str | None = None,
    keep_fields: tuple[str, ...] = (),
) -> Document:
    """Read one corpus item into a :class:`Document`.

    The publication date is the item's own (an article's ``published``, a record's date field),
    else a date in the file name, else ``published``. An item without an id is numbered by
    ``index``. ``keep_fields`` are fields of a record to carry along (:func:`kept_fields`).
    """
    if isinstance(item, Document):
        return item
    if isinstance(item, Article):
        return Document(id=item.source or str(index), text=item, published=item.published or published)
    if isinstance(item, str):
        return Document(id=str(index), text=item, published=published)
    if isinstance(item, (Path, PathLike)):
        name = str(item)
        return Document(id=name, text=read_text(item, encoding), published=date_in_name(name) or published)
    if isinstance(item, dict):
        if text_field not in item or not isinstance(item[text_field], str):
            raise InputError(f"record {item.get(id_field, index)!r} has no text field {text_field!r}")
        own = item.get(date_field)
        return Document(
            id=str(item.get(id_field, index)),
            text=item[text_field],
            published=parse_published(own) if own else published,
            kept=kept_fields(item, keep_fields),
        )
    raise InputError(f"cannot read a document from {type(item).__name__}")
