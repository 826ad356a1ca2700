"""govmetrics.schema: the JSON Schema of records, generated from the models, and its committed copy.

Records are validated with a small validator for the keywords the schema uses, so the tests need
nothing beyond govmetrics' own dependencies; where the ``jsonschema`` package is installed, it
checks the schema against the draft 2020-12 meta-schema and validates the same records.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest

import govmetrics
from govmetrics import Cadence, DateMention, Meeting, Metric, Person, Record, Span
from govmetrics.models import RECORD_TYPES
from govmetrics.schema import DRAFT, record_schema, schema_json
from govmetrics.serialize import to_json

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "record.schema.json"
EXAMPLE = ROOT / "docs" / "examples" / "district-news-2019-07-12.txt"


# -- a validator for the keywords the schema uses ------------------------------------------------

_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}


def _is(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in {"integer", "number"}:
        return False
    return isinstance(value, _TYPES[name])


def errors(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "$") -> list[str]:
    """Why ``value`` does not match ``schema`` (empty when it does)."""
    found: list[str] = []
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        found += errors(value, root["$defs"][name], root, at)
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, name) for name in names):
            return [*found, f"{at}: {value!r} is not of type {names}"]
    if "const" in schema and value != schema["const"]:
        found.append(f"{at}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} is not one of {schema['enum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        found.append(f"{at}: {value!r} does not match {schema['pattern']}")
    if "minimum" in schema and _is(value, "number") and value < schema["minimum"]:
        found.append(f"{at}: {value!r} is below {schema['minimum']}")
    if schema.get("format") == "date" and isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            found.append(f"{at}: {value!r} is not a date")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [f"{at}: no {key!r}" for key in schema.get("required", []) if key not in value]
        if schema.get("additionalProperties") is False:
            found += [f"{at}: {key!r} is not allowed" for key in value if key not in properties]
        for key, item in value.items():
            if key in properties:
                found += errors(item, properties[key], root, f"{at}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += errors(item, schema["items"], root, f"{at}[{index}]")
    if "anyOf" in schema and all(errors(value, option, root, at) for option in schema["anyOf"]):
        found.append(f"{at}: {value!r} matches none of anyOf")
    if "oneOf" in schema:
        why_not = [errors(value, option, root, at) for option in schema["oneOf"]]
        matching = sum(not why for why in why_not)
        if matching != 1:
            found.append(f"{at}: matches {matching} of oneOf, not one")
            found += [error for why in why_not for error in why]
    return found


def as_json(record: Record) -> Any:
    return json.loads(to_json(govmetrics.to_dict(record)))


def records() -> list[Record]:
    """Records of every kind, with every field set somewhere, and the example article's."""
    span = Span(start=0, end=4)
    made = [
        Metric(text="97.6%", span=span, value=Decimal("97.6"), unit="%", approx="about", subject="整改率"),
        Metric(text="三四百个", span=span, value=300, high=400, unit="个"),
        Metric(text="x", span=span, value=Decimal("1234567890.123456789"), unit="元"),  # a string in JSON
        DateMention(text="7月11日", span=span, start=None, end=None, granularity="day", year_inferred=True),
        DateMention(
            text="截至6月底", span=span, start="2019-06-30", end="2019-06-30", granularity="day", relation="until"
        ),
        Cadence(text="每月至少开展1~2次", span=span, period="P1M", min_times=1, max_times=2, activity="开展"),
        Meeting(
            text="区委常委会会议",
            span=span,
            name="区委常委会会议",
            organ="区委",
            date="2019-07-11",
            chair=Person(name="常卫", titles=("区委书记",)),
            attendees=(Person(name="李华"),),
            agenda=("传达市委全会精神",),
            location="区政府",
            referred=True,
        ),
    ]
    example = govmetrics.extract(EXAMPLE.read_text("utf-8"), published="2019-07-12")
    return made + list(example.records)


# -- the tests ----------------------------------------------------------------------------------


def test_committed_schema_is_what_the_models_generate() -> None:
    assert COMMITTED.read_text("utf-8") == schema_json(), (
        "docs/record.schema.json is stale: run `python -m govmetrics.schema > docs/record.schema.json`"
    )


def test_schema_is_a_tagged_union_on_kind() -> None:
    schema = record_schema()
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["kind"]["enum"] == list(RECORD_TYPES)
    assert schema["oneOf"] == [{"$ref": f"#/$defs/{kind}"} for kind in RECORD_TYPES]
    for kind, cls in RECORD_TYPES.items():
        sub = schema["$defs"][kind]
        assert sub["properties"]["kind"] == {"const": kind}
        assert list(sub["properties"]) == ["kind", *(field.name for field in attrs.fields(cls))]
        assert sub["required"] == list(sub["properties"])
        assert sub["additionalProperties"] is False


def test_fields_are_typed_as_the_models_say() -> None:
    defs = record_schema()["$defs"]
    assert defs["metric"]["properties"]["value"] == {"$ref": "#/$defs/ExactNumber"}
    assert defs["metric"]["properties"]["approx"]["enum"][-1] is None
    assert defs["date"]["properties"]["start"] == {"type": ["string", "null"], "format": "date"}
    assert defs["date"]["properties"]["granularity"]["enum"] == [
        "day", "week", "ten_days", "month", "quarter", "half_year", "year",
    ]  # fmt: skip
    assert defs["cadence"]["properties"]["period"]["pattern"] == r"^(?:P(?:\d+[YMWD])+)$"
    assert defs["meeting"]["properties"]["attendees"] == {"type": "array", "items": {"$ref": "#/$defs/Person"}}
    assert defs["meeting"]["properties"]["chair"] == {"anyOf": [{"$ref": "#/$defs/Person"}, {"type": "null"}]}
    assert defs["Span"]["properties"]["start"] == {"type": "integer", "minimum": 0}


@pytest.mark.parametrize("record", records(), ids=lambda record: f"{record.kind}:{record.text}")
def test_every_record_validates(record: Record) -> None:
    schema = record_schema()
    assert errors(as_json(record), schema, schema) == []


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"kind": "share"}, "not one of"),
        ({"approx": "roughly"}, "not one of"),
        ({"value": True}, "matches none of anyOf"),
        ({"value": "12个"}, "matches none of anyOf"),
        ({"span": {"start": -1, "end": 2}}, "below 0"),
        ({"extra": 1}, "'extra' is not allowed"),
        ({"unit": None}, "is not of type"),
    ],
)
def test_a_wrong_metric_does_not_validate(change: dict[str, Any], why: str) -> None:
    schema = record_schema()
    data = {**as_json(Metric(text="12个", span=Span(start=0, end=3), value=12, unit="个")), **change}
    assert any(why in error for error in errors(data, schema, schema)), errors(data, schema, schema)


def test_a_missing_field_or_a_bad_date_or_period_does_not_validate() -> None:
    schema = record_schema()
    date = as_json(DateMention(text="7月", span=Span(start=0, end=2), start=None, end=None, granularity="month"))
    del date["relation"]
    assert any("no 'relation'" in error for error in errors(date, schema, schema))
    date = {**date, "relation": None, "start": "2019-13-01"}
    assert any("not a date" in error for error in errors(date, schema, schema))
    cadence = as_json(Cadence(text="每月", span=Span(start=0, end=2), period="P1M"))
    assert any("does not match" in error for error in errors({**cadence, "period": "monthly"}, schema, schema))


@attrs.frozen(kw_only=True)
class Rank(Record):
    kind: ClassVar[str] = "rank"

    position: int
    scope: str | None = None


@attrs.frozen(kw_only=True)
class Odd(Record):
    kind: ClassVar[str] = "odd"

    extra: dict[str, int]


def test_a_plugin_record_type_is_described_next_to_the_builtins() -> None:
    schema = record_schema([*RECORD_TYPES.values(), Rank])
    assert schema["properties"]["kind"]["enum"][-1] == "rank"
    rank = as_json(Rank(text="位列全市第三", span=Span(start=0, end=6), position=3, scope="全市"))
    assert errors(rank, schema, schema) == []
    assert errors(rank, record_schema(), record_schema()) != []


def test_a_field_type_without_a_schema_is_an_error_not_a_guess() -> None:
    with pytest.raises(TypeError, match=r"Odd\.extra"):
        record_schema([Odd])
    with pytest.raises(ValueError, match="kind 'metric'"):
        record_schema([Metric, Metric])


def test_with_jsonschema_the_schema_is_valid_and_records_validate() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for record in records():
        validator.validate(as_json(record))
