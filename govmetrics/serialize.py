"""Records to plain dicts and back, with one schema for the library, the CLI and the exporters.

A record's dict has a ``kind`` tag (``metric``, ``date``, ``cadence``, ``meeting``, or a plugin's
own kind), its span as ``{"start": …, "end": …}``, dates as ISO strings and values exact: ``int``
or ``Decimal``. :func:`to_json` writes a Decimal as a JSON number with the digits it has, and
:func:`from_json` reads numbers back as Decimal, so nothing is rounded on the way.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import cattrs

from govmetrics.errors import SerializationError
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
    """JSON with Chinese as characters and exact numbers."""
    return json.dumps(data, ensure_ascii=False, default=_json_default, indent=indent)


def from_json(line: str) -> Any:
    """Parse JSON, reading non-integer numbers as Decimal."""
    return json.loads(line, parse_float=Decimal)
