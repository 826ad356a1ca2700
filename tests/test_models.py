"""The records: how plugin authors build them, what they accept and what they refuse."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest

from govmetrics import Article, Cadence, DateMention, Extraction, Meeting, Metric, Person, Span
from govmetrics.models import Record, with_plugin


def metric(**fields: object) -> Metric:
    return Metric(**{"text": "2万余户", "span": Span(start=0, end=4), "value": 20000, "unit": "户", **fields})


class TestMetric:
    def test_built_as_a_plugin_author_writes_it(self) -> None:
        m = Metric(text="2万余户", span=Span(start=4, end=8), value=20000, unit="户")
        assert m.value == 20000
        assert m.unit == "户"
        assert (m.high, m.approx, m.subject, m.plugin) == (None, None, None, None)
        assert m.kind == "metric"

    def test_unit_defaults_to_empty(self) -> None:
        assert Metric(text="12", span=Span(start=0, end=2), value=12).unit == ""

    def test_fields_are_keyword_only(self) -> None:
        with pytest.raises(TypeError):
            Metric("2万余户", Span(start=0, end=4), 20000)  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("given", "stored"),
        [
            (97.6, Decimal("97.6")),
            (0.1, Decimal("0.1")),
            ("1,200", 1200),
            ("52,000.5", Decimal("52000.5")),
            (Decimal("2.50"), Decimal("2.5")),
            (Decimal("20000"), 20000),
            (Decimal("1.2E+8"), 120000000),
            (12.0, 12),
            (7, 7),
        ],
    )
    def test_value_is_made_exact(self, given: object, stored: object) -> None:
        value = metric(value=given).value
        assert value == stored
        assert type(value) is type(stored)

    def test_a_float_keeps_the_digits_written_not_its_binary_expansion(self) -> None:
        assert str(metric(value=97.6).value) == "97.6"

    def test_high_is_made_exact_too(self) -> None:
        m = metric(value=1, high=2.5)
        assert m.high == Decimal("2.5")
        assert metric(value=1, high=Decimal("2.0")).high == 2
        assert type(metric(value=1, high=Decimal("2.0")).high) is int

    @pytest.mark.parametrize("bad", [True, False])
    def test_a_bool_is_not_a_value(self, bad: bool) -> None:
        with pytest.raises(TypeError, match="bool"):
            metric(value=bad)
        with pytest.raises(TypeError, match="bool"):
            metric(high=bad)

    @pytest.mark.parametrize("bad", [None, [1], object()])
    def test_a_non_number_is_not_a_value(self, bad: object) -> None:
        with pytest.raises(TypeError):
            metric(value=bad)

    @pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN"), Decimal("-Infinity")])
    def test_a_non_finite_value_is_refused(self, bad: object) -> None:
        with pytest.raises(ValueError, match="finite"):
            metric(value=bad)

    @pytest.mark.parametrize("approx", ["more_than", "less_than", "about", "at_least", "at_most", None])
    def test_the_approx_values(self, approx: str | None) -> None:
        assert metric(approx=approx).approx == approx

    @pytest.mark.parametrize("bad", ["more", "MORE_THAN", "余", ""])
    def test_a_bad_approx_is_refused(self, bad: str) -> None:
        with pytest.raises(ValueError):
            metric(approx=bad)

    def test_plugin_does_not_take_part_in_equality(self) -> None:
        assert metric(plugin="metrics") == metric(plugin="other")


class TestFrozen:
    @pytest.mark.parametrize(
        ("record", "field"),
        [
            (Span(start=0, end=1), "end"),
            (Person(name="常卫"), "name"),
            (metric(), "value"),
            (
                DateMention(
                    text="7月", span=Span(start=0, end=2), start="2019-07-01", end="2019-07-31", granularity="month"
                ),
                "start",
            ),
            (Cadence(text="每月", span=Span(start=0, end=2), period="P1M"), "period"),
            (Meeting(text="常委会", span=Span(start=0, end=3), name="常委会"), "chair"),
            (Article(text="走访"), "text"),
        ],
        ids=lambda value: type(value).__name__ if not isinstance(value, str) else value,
    )
    def test_assignment_raises(self, record: object, field: str) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field, None)

    def test_records_hash(self) -> None:
        assert len({metric(), metric(), metric(value=3)}) == 2


class TestSpan:
    def test_length_and_slice(self) -> None:
        span = Span(start=2, end=6)
        assert len(span) == 4
        assert span.of("累计走访2万余户。") == "走访2万"

    def test_an_empty_span_is_allowed(self) -> None:
        assert len(Span(start=3, end=3)) == 0

    def test_end_before_start_raises(self) -> None:
        with pytest.raises(ValueError, match="before its start"):
            Span(start=5, end=4)

    def test_a_negative_start_raises(self) -> None:
        with pytest.raises(ValueError):
            Span(start=-1, end=2)

    def test_overlaps_and_contains(self) -> None:
        outer, inner, after = Span(start=0, end=10), Span(start=2, end=4), Span(start=10, end=12)
        assert outer.overlaps(inner) and outer.contains(inner)
        assert not inner.contains(outer)
        assert not outer.overlaps(after)  # half-open: touching is not overlapping

    def test_spans_order_by_start_then_end(self) -> None:
        assert sorted([Span(start=3, end=4), Span(start=0, end=5), Span(start=0, end=2)]) == [
            Span(start=0, end=2),
            Span(start=0, end=5),
            Span(start=3, end=4),
        ]


class TestDateMention:
    def test_dates_from_iso_strings_dates_and_datetimes(self) -> None:
        d = DateMention(
            text="7月11日",
            span=Span(start=0, end=5),
            start="2019-07-11",
            end=dt.datetime(2019, 7, 11, 9, 30),
            granularity="day",
        )
        assert d.start == d.end == dt.date(2019, 7, 11)
        assert (d.relation, d.year_inferred) == (None, False)

    @pytest.mark.parametrize("bad", ["daily", "days", "decade", None])
    def test_a_bad_granularity_is_refused(self, bad: object) -> None:
        with pytest.raises((ValueError, TypeError)):
            DateMention(text="7月", span=Span(start=0, end=2), start="2019-07-01", end="2019-07-31", granularity=bad)

    def test_a_bad_relation_is_refused(self) -> None:
        with pytest.raises(ValueError):
            DateMention(
                text="7月",
                span=Span(start=0, end=2),
                start="2019-07-01",
                end="2019-07-31",
                granularity="month",
                relation="before",
            )

    def test_a_bad_date_is_refused(self) -> None:
        with pytest.raises(ValueError):
            DateMention(text="x", span=Span(start=0, end=1), start="2019-13-01", end="2019-13-01", granularity="day")


class TestMeetingAndPerson:
    def test_sequences_become_tuples(self) -> None:
        meeting = Meeting(
            text="区委常委会",
            span=Span(start=0, end=5),
            name="区委常委会会议",
            date="2019-07-10",
            chair=Person(name="常卫", titles=["区委书记"]),
            attendees=[Person(name="李华")],
            agenda=["传达市委会议精神"],
        )
        assert meeting.date == dt.date(2019, 7, 10)
        assert meeting.chair == Person(name="常卫", titles=("区委书记",))
        assert meeting.attendees == (Person(name="李华"),)
        assert meeting.agenda == ("传达市委会议精神",)

    def test_a_meeting_needs_only_a_name(self) -> None:
        meeting = Meeting(text="座谈会", span=Span(start=0, end=3), name="座谈会")
        assert (meeting.organ, meeting.date, meeting.chair, meeting.attendees, meeting.agenda) == (
            None,
            None,
            None,
            (),
            (),
        )


class TestExtraction:
    def make(self) -> Extraction:
        text = "7月11日，每月至少开展1~2次，走访2万余户。"
        return Extraction(
            article=Article(text=text),
            records=[
                metric(text="2万余户", span=Span(start=19, end=23)),
                Cadence(text="每月至少开展1~2次", span=Span(start=6, end=16), period="P1M", min_times=1, max_times=2),
                Meeting(text="会", span=Span(start=0, end=0), name="会"),
                DateMention(
                    text="7月11日", span=Span(start=0, end=5), start="2019-07-11", end="2019-07-11", granularity="day"
                ),
            ],
        )

    def test_records_come_in_text_order(self) -> None:
        result = self.make()
        assert [r.span.start for r in result.records] == [0, 0, 6, 19]
        assert [r.kind for r in result] == ["meeting", "date", "cadence", "metric"]
        assert isinstance(result.records, tuple)
        assert len(result) == 4

    def test_records_by_kind(self) -> None:
        result = self.make()
        assert [m.text for m in result.metrics] == ["2万余户"]
        assert [d.text for d in result.dates] == ["7月11日"]
        assert [c.period for c in result.cadences] == ["P1M"]
        assert [m.name for m in result.meetings] == ["会"]
        assert result.of_kind("metric") == result.metrics

    def test_an_empty_extraction(self) -> None:
        result = Extraction(article=Article(text=""))
        assert (result.records, result.metrics, result.dates, result.to_dicts()) == ((), (), (), [])


@attrs.frozen(kw_only=True)
class _Rate(Record):
    """A plugin's own record, as a plugin module would define it."""

    kind = "test-rate"
    value: Decimal
    of: str = ""


@pytest.mark.parametrize("protocol", [2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_records_cross_processes_whole_plugin_records_included(protocol: int) -> None:
    """extract_many sends every record back from its workers pickled: each must come back equal,
    of its own class, with the fields that do not take part in equality (plugin) kept too."""
    span = Span(start=0, end=4)
    records = [
        Metric(text="2万余户", span=span, value=20000, unit="户", approx="more_than", plugin="metrics"),
        DateMention(
            text="7月10日", span=span, start="2019-07-10", end="2019-07-10", granularity="day", year_inferred=True
        ),
        Cadence(text="每季度", span=span, period="P3M", min_times=1),
        Meeting(text="常务会", span=span, name="区政府常务会", chair=Person(name="常卫", titles=("区长",))),
        _Rate(text="95%", span=span, value=Decimal("95.5"), of="满意率", plugin="rates"),
    ]
    for record in records:
        copy = pickle.loads(pickle.dumps(record, protocol=protocol))
        assert type(copy) is type(record)
        assert attrs.asdict(copy, recurse=False) == attrs.asdict(record, recurse=False)
    assert pickle.loads(pickle.dumps(records, protocol=protocol)) == records
    copied_span = pickle.loads(pickle.dumps(span, protocol=protocol))
    assert (type(copied_span), copied_span, hash(copied_span)) == (Span, span, hash(span))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        copied_span.start = 1  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        pickle.loads(pickle.dumps(records[0])).value = 1  # type: ignore[misc]


def test_a_record_stamped_with_its_plugin_keeps_every_field_and_its_class() -> None:
    span = Span(start=0, end=4)
    records = [
        Metric(text="2万余户", span=span, value=20000, unit="户", approx="more_than", subject="走访"),
        DateMention(text="7月10日", span=span, start="2019-07-10", end="2019-07-10", granularity="day"),
        Cadence(text="每季度", span=span, period="P3M", min_times=1, activity="走访"),
        Meeting(text="常务会", span=span, name="区政府常务会", chair=Person(name="常卫", titles=("区长",))),
        _Rate(text="95%", span=span, value=Decimal("95.5"), of="满意率"),
    ]
    for record in records:
        stamped = with_plugin(record, "tally")
        assert type(stamped) is type(record)
        assert (stamped.plugin, record.plugin) == ("tally", None)
        assert attrs.asdict(stamped, recurse=False) == attrs.asdict(attrs.evolve(record, plugin="tally"), recurse=False)
