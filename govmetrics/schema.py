"""A JSON Schema (draft 2020-12) for records as dicts and JSON, generated from the models.

:func:`record_schema` describes what :func:`govmetrics.to_dict` gives and
:func:`govmetrics.serialize.to_json` writes: a tagged union on ``kind``, one subschema per record
type. It is read from the attrs classes themselves (their fields, type annotations and
validators), so it cannot drift from the models: a field added to :class:`~govmetrics.models.Metric`
is in the schema the next time it is generated.

Every field is required, since ``to_dict`` writes every field, ``None`` included, and no other key is
allowed. Dates are ISO strings; numbers are JSON numbers, or, for a ``Decimal`` with more
significant digits than a double holds, a string of its digits (see :mod:`govmetrics.serialize`).

Run ``python -m govmetrics.schema`` to print the schema of the built-in records.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import types
import typing
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from govmetrics.models import RECORD_TYPES, Number, Record

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: A number as ``to_json`` writes it: a JSON number, or a string of digits when a double cannot hold it.
EXACT_NUMBER: dict[str, Any] = {
    "description": "An exact number: a JSON number, or a string of its digits when a double cannot hold it.",
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"},
    ],
}
_NUMBER_TYPES = typing.get_args(Number)  # int, Decimal
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    dt.date: {"type": "string", "format": "date"},
}


def record_schema(record_types: Iterable[type[Record]] | None = None) -> dict[str, Any]:
    """The JSON Schema of a record dict: a tagged union on ``kind``.

    :param record_types: the record classes to describe; by default the built-in ones (``metric``,
        ``date``, ``cadence``, ``meeting``). Pass a plugin's classes too to describe its records.
    :return: a draft 2020-12 schema, as plain data ready for ``json.dumps``. Each kind is a
        subschema under ``$defs``, named by its kind.
    """
    classes = list(RECORD_TYPES.values() if record_types is None else record_types)
    defs: dict[str, Any] = {}
    for cls in classes:
        if cls.kind in defs:
            raise ValueError(f"two record types have the kind {cls.kind!r}")
        defs[cls.kind] = None  # reserve the name before nested types take theirs
    for cls in classes:
        defs[cls.kind] = _object_schema(cls, defs, kind=cls.kind)
    return {
        "$schema": DRAFT,
        "title": "govmetrics record",
        "description": "One record as govmetrics.to_dict gives it and to_json writes it; `kind` says which.",
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": [cls.kind for cls in classes]}},
        "oneOf": [{"$ref": f"#/$defs/{cls.kind}"} for cls in classes],
        "$defs": defs,
    }


def _object_schema(cls: type, defs: dict[str, Any], kind: str | None = None) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    if kind is not None:
        properties["kind"] = {"const": kind}
    for field in attrs.fields(cls):
        field_schema = _type_schema(hints[field.name], defs, where=f"{cls.__name__}.{field.name}")
        properties[field.name] = _with_validator(field_schema, field.validator)
    head: dict[str, Any] = {"title": cls.__name__}
    if cls.__doc__:
        summary = cls.__doc__.strip().split("\n\n", 1)[0]
        head["description"] = " ".join(summary.split()).replace("``", "`")
    return {
        **head,
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _type_schema(hint: Any, defs: dict[str, Any], where: str) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    members = set(args) if origin in (typing.Union, types.UnionType) else {hint}
    return _members_schema(members, defs, where)


def _members_schema(members: set[Any], defs: dict[str, Any], where: str) -> dict[str, Any]:
    """The schema of a value of any one of the types ``members`` (one type, or a union's members)."""
    if type(None) in members and len(members) > 1:
        return _nullable(_members_schema(members - {type(None)}, defs, where))
    if members in ({Decimal}, set(_NUMBER_TYPES)):
        defs.setdefault("ExactNumber", EXACT_NUMBER)
        return {"$ref": "#/$defs/ExactNumber"}
    if len(members) != 1:
        raise TypeError(f"{where}: no JSON Schema for a union of {sorted(map(repr, members))}")
    (hint,) = members
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0], defs, where)}
    if isinstance(hint, type) and attrs.has(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = None
            defs[name] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"{where}: no JSON Schema for the type {hint!r}")


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if isinstance(schema.get("type"), str) and set(schema) <= {"type", "format"}:
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _with_validator(schema: dict[str, Any], validator: Any) -> dict[str, Any]:
    """Add what an attrs validator checks, where JSON Schema can say it (patterns, bounds)."""
    if validator is None:
        return schema
    if hasattr(validator, "validator"):  # attrs.validators.optional
        return _with_validator(schema, validator.validator)
    for inner in getattr(validator, "_validators", ()):  # attrs.validators.and_
        schema = _with_validator(schema, inner)
    pattern = getattr(validator, "pattern", None)
    if isinstance(pattern, re.Pattern):
        match_func = getattr(validator, "match_func", None)
        if match_func == pattern.fullmatch:
            regex = f"^(?:{pattern.pattern})$"
        elif match_func == pattern.match:
            regex = f"^(?:{pattern.pattern})"
        else:
            regex = pattern.pattern
        return {**schema, "pattern": regex}
    bound, op = getattr(validator, "bound", None), getattr(validator, "compare_op", None)
    keyword = {">=": "minimum", ">": "exclusiveMinimum", "<=": "maximum", "<": "exclusiveMaximum"}.get(op or "")
    if keyword is not None and isinstance(bound, (int, float)):
        return {**schema, keyword: bound}
    return schema


def schema_json(record_types: Iterable[type[Record]] | None = None) -> str:
    """:func:`record_schema` as indented JSON, Chinese as characters, ending in a newline."""
    return json.dumps(record_schema(record_types), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_json())
