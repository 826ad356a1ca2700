"""Records to plain dicts and back, with one schema for the library, the CLI and the exporters.

A record's dict has a ``kind`` tag (``metric``, ``date``, ``cadence``, ``meeting``, or a plugin's
own kind), its span as ``{"start": …, "end": …}``, dates as ISO strings and values exact: ``int``
or ``Decimal``. :func:`to_json` writes a Decimal as a JSON number with the digits it has, and
:func:`from_json` reads numbers back as Decimal, so nothing is rounded on the way. A number a
float cannot hold digit for digit, and a whole number too long for Python's ``str(int)`` (4,300
digits), is written as a JSON string of its exact digits (:func:`exact_text`), which
:func:`from_dict` reads back as the number.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import cattrs

from govmetrics.errors import SerializationError
from govmetrics.escapes import without_surrogates
from govmetrics.models import Number, Record, exact

_converter = cattrs.Converter(forbid_extra_keys=True)
_converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
_converter.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
_converter.register_unstructure_hook(Decimal, lambda d: d)
_converter.register_structure_hook(Number, lambda v, _: exact(v))
_converter.register_structure_hook(Number | None, lambda v, _: None if v is None else exact(v))


def to_dict(record: Record) -> dict[str, Any]:
    """A record as a plain dict, ``kind`` first."""
    data = _converter.unstructure(record)
    return {"kind": record.kind, **data}


def from_dict(data: dict[str, Any]) -> Record:
    """Read a dict made by :func:`to_dict` back into its record; unknown keys are an error."""
    from govmetrics.plugins import get_plugin_host

    if not isinstance(data, Mapping):
        raise SerializationError(f"a record is a dict with a 'kind' key, not {type(data).__name__}")
    data = dict(data)
    kind = data.pop("kind", None)
    cls = get_plugin_host().record_types().get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise SerializationError(f"unknown record kind: {kind!r}")
    try:
        return _converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        # cattrs' own message is only "While structuring Metric (1 sub-exception)"; name the fields.
        raise SerializationError(f"cannot read a {kind} record: {'; '.join(cattrs.transform_error(exc))}") from exc
    except (ValueError, TypeError, KeyError) as exc:
        raise SerializationError(f"cannot read a {kind} record: {exc}") from exc


def exact_text(value: int | Decimal) -> str:
    """An exact number's digits as text (``"6.5"``, ``"120000000"``), however many there are:
    ``str`` of an ``int`` stops at 4,300 digits, a ``Decimal``'s has no limit."""
    try:
        return str(value)
    except ValueError:
        return str(Decimal(value))


def as_double(value: int | Decimal) -> float | None:
    """An exact number as the nearest float, or ``None`` when a double cannot hold it (beyond
    ±1.8e308): a float column then holds null and the exact digits stay beside it."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _huge_ints_as_text(data: Any) -> Any:
    """``data`` with each whole number too long for ``str(int)`` replaced by its digits as text."""
    if isinstance(data, int) and not isinstance(data, bool):
        return data if data.bit_length() < 14_000 else exact_text(data)  # 2**14000 has 4,215 digits
    if isinstance(data, dict):
        return {key: _huge_ints_as_text(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_huge_ints_as_text(value) for value in data]
    return data


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        as_float = float(value)
        # A float prints its shortest round-tripping form, so any Decimal it holds exactly
        # (every value news text writes) comes out digit for digit.
        return as_float if Decimal(repr(as_float)) == value else str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(data: Any, *, indent: int | None = None) -> str:
    """JSON with Chinese as characters and exact numbers; a lone surrogate (a GBK byte of a file name
    read as UTF-8) as its JSON escape ``\\udcd6``, so the text is valid UTF-8 and reads back the same."""
    try:
        text = json.dumps(data, ensure_ascii=False, default=_json_default, indent=indent)
    except ValueError:  # a whole number past str(int)'s 4,300 digits: written as its digits
        text = json.dumps(_huge_ints_as_text(data), ensure_ascii=False, default=_json_default, indent=indent)
    return without_surrogates(text)  # only inside strings, where \udcd6 is JSON's own escape


def from_json(line: str) -> Any:
    """Parse JSON, reading non-integer numbers as Decimal."""
    return json.loads(line, parse_float=Decimal)
