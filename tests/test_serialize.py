"""Records to dicts and JSON and back: one schema, nothing lost, nothing rounded."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest

import govmetrics
from govmetrics import (
    Cadence,
    DateMention,
    Meeting,
    Metric,
    Person,
    Record,
    SerializationError,
    Span,
    from_dict,
    to_dict,
)
from govmetrics.serialize import from_json, to_json

RECORDS: list[Record] = [
    Metric(text="2万余户", span=Span(start=4, end=8), value=20000, unit="户", approx="more_than", plugin="metrics"),
    Metric(
        text="约1.5~2.5万元",
        span=Span(start=0, end=10),
        value=Decimal("15000"),
        high=Decimal("25000.5"),
        unit="元",
        approx="about",
        subject="补贴",
    ),
    Metric(text="97.6%", span=Span(start=0, end=5), value=Decimal("97.6"), high=Decimal("99.25"), unit="%"),
    DateMention(
        text="截至6月底",
        span=Span(start=0, end=5),
        start=dt.date(2019, 6, 30),
        end=dt.date(2019, 6, 30),
        granularity="day",
        relation="until",
        year_inferred=True,
    ),
    DateMention(
        text="2019年上半年", span=Span(start=2, end=10), start="2019-01-01", end="2019-06-30", granularity="half_year"
    ),
    Cadence(
        text="每月至少开展1~2次", span=Span(start=3, end=13), period="P1M", min_times=1, max_times=2, activity="走访"
    ),
    Cadence(text="定期", span=Span(start=0, end=2), period="P1W"),
    Meeting(
        text="区委常委会会议",
        span=Span(start=10, end=17),
        name="区委常委会会议",
        organ="中共北京市石景山区委员会",
        date="2019-07-10",
        chair=Person(name="常卫", titles=("区委书记",)),
        attendees=(Person(name="李华", titles=("副区长",)), Person(name="赵平")),
        agenda=("传达市委会议精神", "审议《工作方案》"),
        plugin="meetings",
    ),
    Meeting(text="座谈会", span=Span(start=0, end=3), name="座谈会"),
]


def _all_fields(record: Record) -> dict[str, object]:
    """Every field, ``plugin`` included (it does not take part in ``==``)."""
    return attrs.asdict(record, recurse=False)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: f"{r.kind}-{r.text}")
class TestRoundTrip:
    def test_dict_round_trip_loses_nothing(self, record: Record) -> None:
        back = from_dict(to_dict(record))
        assert back == record
        assert type(back) is type(record)
        assert _all_fields(back) == _all_fields(record)
        for name, value in _all_fields(record).items():
            assert type(getattr(back, name)) is type(value), name

    def test_json_round_trip_loses_nothing(self, record: Record) -> None:
        back = from_dict(from_json(to_json(to_dict(record))))
        assert _all_fields(back) == _all_fields(record)
        for name, value in _all_fields(record).items():
            assert type(getattr(back, name)) is type(value), name

    def test_kind_comes_first(self, record: Record) -> None:
        data = to_dict(record)
        assert next(iter(data)) == "kind"
        assert data["kind"] == record.kind

    def test_the_dict_is_plain_data(self, record: Record) -> None:
        def plain(value: object) -> bool:
            if isinstance(value, dict):
                return all(isinstance(k, str) and plain(v) for k, v in value.items())
            if isinstance(value, list):
                return all(plain(v) for v in value)
            return value is None or isinstance(value, (str, int, bool, Decimal))

        assert plain(to_dict(record))


def test_the_dict_schema() -> None:
    meeting = to_dict(RECORDS[7])
    assert meeting == {
        "kind": "meeting",
        "text": "区委常委会会议",
        "span": {"start": 10, "end": 17},
        "plugin": "meetings",
        "name": "区委常委会会议",
        "organ": "中共北京市石景山区委员会",
        "date": "2019-07-10",
        "chair": {"name": "常卫", "titles": ["区委书记"]},
        "attendees": [{"name": "李华", "titles": ["副区长"]}, {"name": "赵平", "titles": []}],
        "agenda": ["传达市委会议精神", "审议《工作方案》"],
        "location": None,
        "referred": False,
    }
    date = to_dict(RECORDS[3])
    assert (date["start"], date["end"], date["granularity"], date["relation"], date["year_inferred"]) == (
        "2019-06-30",
        "2019-06-30",
        "day",
        "until",
        True,
    )
    assert to_dict(RECORDS[2])["value"] == Decimal("97.6")


class TestReadingErrors:
    @pytest.mark.parametrize("kind", ["nope", "Metric", "record", "", None, 3])
    def test_an_unknown_kind_raises(self, kind: object) -> None:
        data = {**to_dict(RECORDS[0]), "kind": kind}
        with pytest.raises(SerializationError, match="unknown record kind"):
            from_dict(data)

    def test_a_missing_kind_raises(self) -> None:
        data = to_dict(RECORDS[0])
        del data["kind"]
        with pytest.raises(SerializationError, match="unknown record kind"):
            from_dict(data)

    def test_an_extra_key_raises_and_is_named(self) -> None:
        with pytest.raises(SerializationError, match="colour"):
            from_dict({**to_dict(RECORDS[0]), "colour": "red"})

    @pytest.mark.parametrize(
        "change",
        [
            lambda d: d["span"].update(width=4),
            lambda d: d["chair"].update(age=60),
            lambda d: d["attendees"][0].update(age=60),
        ],
        ids=["span", "chair", "attendee"],
    )
    def test_an_extra_nested_key_raises(self, change: object) -> None:
        data = to_dict(RECORDS[7])
        change(data)  # type: ignore[operator]
        with pytest.raises(SerializationError):
            from_dict(data)

    def test_a_missing_field_raises_and_is_named(self) -> None:
        data = to_dict(RECORDS[0])
        del data["value"]
        with pytest.raises(SerializationError, match="value"):
            from_dict(data)

    @pytest.mark.parametrize(
        ("field", "bad"),
        [("value", True), ("value", "lots"), ("approx", "many"), ("span", {"start": 5, "end": 1})],
    )
    def test_a_bad_metric_value_raises(self, field: str, bad: object) -> None:
        with pytest.raises(SerializationError):
            from_dict({**to_dict(RECORDS[0]), field: bad})

    def test_a_bad_date_raises(self) -> None:
        with pytest.raises(SerializationError):
            from_dict({**to_dict(RECORDS[3]), "start": "2019-13-01"})

    @pytest.mark.parametrize("bad", ["metric", ["kind", "metric"], None, 3])
    def test_a_non_dict_raises(self, bad: object) -> None:
        with pytest.raises(SerializationError):
            from_dict(bad)  # type: ignore[arg-type]

    def test_the_error_is_a_govmetrics_error_and_a_value_error(self) -> None:
        with pytest.raises(govmetrics.GovmetricsError):
            from_dict({"kind": "nope"})
        with pytest.raises(ValueError):
            from_dict({"kind": "nope"})

    def test_from_dict_does_not_change_its_argument(self) -> None:
        data = to_dict(RECORDS[0])
        copy = json.loads(json.dumps(data))
        from_dict(data)
        assert data == copy


class TestJson:
    def test_chinese_is_written_as_characters(self) -> None:
        line = to_json(to_dict(RECORDS[7]))
        assert "区委常委会会议" in line and "常卫" in line
        assert "\\u" not in line

    def test_a_decimal_is_written_as_the_number_exactly(self) -> None:
        line = to_json(to_dict(RECORDS[2]))
        assert '"value": 97.6,' in line
        assert '"high": 99.25,' in line
        assert to_json(Decimal("0.1")) == "0.1"
        assert to_json([Decimal("97.6"), 20000, Decimal("1.25")]) == "[97.6, 20000, 1.25]"

    def test_any_json_reader_reads_it(self) -> None:
        line = to_json(to_dict(RECORDS[2]))
        assert json.loads(line)["value"] == 97.6
        assert from_json(line)["value"] == Decimal("97.6")

    def test_from_json_reads_non_integers_as_decimal(self) -> None:
        assert from_json('{"value": 97.6, "count": 3}') == {"value": Decimal("97.6"), "count": 3}
        assert type(from_json("3")) is int

    def test_dates_are_written_iso(self) -> None:
        assert to_json({"d": dt.date(2019, 7, 12)}) == '{"d": "2019-07-12"}'

    def test_other_objects_are_refused(self) -> None:
        with pytest.raises(TypeError):
            to_json({"x": object()})

    def test_indent(self) -> None:
        assert to_json({"a": 1}, indent=1) == '{\n "a": 1\n}'


def test_extraction_to_dicts() -> None:
    result = govmetrics.extract("累计走访2万余户，完成投资1.2亿元，合格率97.6%。", published="2019-07-16")
    dicts = result.to_dicts()
    assert [d["kind"] for d in dicts] == ["metric"] * len(result.metrics)
    assert dicts == [to_dict(r) for r in result.records]
    assert [d["text"] for d in dicts] == ["2万余户", "1.2亿元", "97.6%"]
    assert [d["plugin"] for d in dicts] == ["metrics"] * 3
    assert dicts[0]["span"] == {"start": 4, "end": 8}
    assert dicts[2]["value"] == Decimal("97.6")
    assert [from_dict(d) for d in dicts] == list(result.records)
    assert [from_dict(from_json(to_json(d))) for d in dicts] == list(result.records)
