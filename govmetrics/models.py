"""The typed records govmetrics produces, as ANNOTATION.md defines them.

Every record is a frozen attrs class with keyword-only fields: it carries its exact value (``int`` or
``Decimal``, never a float), the text it was read from and a :class:`Span` into ``Article.text``, and
the name of the plugin that made it. Models know nothing about JSON; see :mod:`govmetrics.serialize`.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Iterable
from decimal import MAX_PREC, Context, Decimal
from typing import Any, ClassVar, Literal, TypeVar, cast

import attrs

from govmetrics.offsets import OffsetMap, as_offset_map
from govmetrics.times_units import CADENCE_UNITS, TIMES_COUNT

Number = int | Decimal
Approx = Literal["more_than", "less_than", "about", "at_least", "at_most"]
Granularity = Literal["day", "week", "ten_days", "month", "quarter", "half_year", "year"]
Relation = Literal["since", "until"]
Change = Literal["up", "down"]

APPROX_VALUES: frozenset[str] = frozenset({"more_than", "less_than", "about", "at_least", "at_most"})
GRANULARITIES: frozenset[str] = frozenset({"day", "week", "ten_days", "month", "quarter", "half_year", "year"})
RELATIONS: frozenset[str] = frozenset({"since", "until"})
CHANGES: frozenset[str] = frozenset({"up", "down"})

#: The field metadata key of a field that holds words *as written* in the text: a string (a
#: meeting's name), a tuple of strings (its agenda), or attrs values whose own fields are marked (its
#: chair, a Person). Text in traditional characters is read through a simplified twin
#: (:mod:`govmetrics.reading`); such a field then gets back the characters as the text gives them,
#: while unmarked, normalized fields (units, periods) keep their simplified form. Plugin record
#: types mark their own fields the same way: ``attrs.field(metadata=AS_WRITTEN)``.
AS_WRITTEN_KEY = "as_written"
AS_WRITTEN: dict[str, bool] = {AS_WRITTEN_KEY: True}


def exact(value: Any) -> Number:
    """Turn a number into its exact form: whole values become ``int``, others ``Decimal``.

    Floats go through their shortest repr (``97.6`` → ``Decimal("97.6")``), so a plugin author who
    writes ``value=97.6`` gets the number they wrote, not ``97.599999999999994315658113919198513031005859375``.
    """
    if isinstance(value, bool):
        raise TypeError("a metric value cannot be a bool")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif isinstance(value, str):
        value = Decimal(value.replace(",", ""))
    if not isinstance(value, Decimal):
        raise TypeError(f"not a number: {value!r}")
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    if value == value.to_integral_value():
        return int(value)
    normal = value.normalize()
    # normalize() rounds to the context's 28 digits: a value written with more keeps them all
    return normal if normal == value else value.normalize(_EVERY_DIGIT)


_EVERY_DIGIT = Context(prec=MAX_PREC)


def exact_or_none(value: Any) -> Number | None:
    return None if value is None else exact(value)


def _one_of(allowed: frozenset[str]) -> Any:
    return attrs.validators.optional(attrs.validators.in_(allowed))


def as_day(value: Any) -> dt.date:
    """The day ``value`` names: a ``date``, the day of a ``datetime`` (a pandas ``Timestamp`` is
    one), or a string starting with ``YYYY-MM-DD``. The one reading of a day that records, frames
    and Parquet share; a publication date as users write it is :func:`govmetrics.documents.parse_published`'s."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    raise TypeError(f"not a date: {value!r}")


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _persons(value: Iterable[Person]) -> tuple[Person, ...]:
    return tuple(value)


def _iso_date_or_none(value: Any) -> dt.date | None:
    return None if value is None else as_day(value)


class PickledAsFields:
    """Pickles an instance as its class and a tuple of its field values, for the many small records.

    The worker processes of :func:`~govmetrics.batch.extract_many` send every record of a corpus
    back to the calling process. attrs pickles a frozen slotted instance as a dict of its fields,
    read and written back by a Python loop with a lookup a field; reading the fields with one
    ``attrgetter`` into a tuple is cheaper on both sides (the 20,000 records of the real corpus:
    52 → 32 ms to pickle, 54 → 47 ms to unpickle, 1.7 → 1.4 MB). Unpickling sets the fields as
    attrs' own unpickling does, without converters or validators: they ran when the instance was
    made. The field names travel with the values (once a pickle), so a record pickled by one version
    of a class is read back by name. Subclasses, a plugin's records included, are
    pickled the same way with their own fields.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:
        cls = type(self)
        reader = _FIELD_READERS.get(cls) or _field_reader(cls)
        return (_unpickle, (cls, reader[0], reader[1](self)))


#: Per class: its field names, and a function reading their values into a tuple.
_FIELD_READERS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _field_reader(cls: type) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]:
    names = tuple(field.name for field in attrs.fields(cls))
    read = operator.attrgetter(*names)
    reader = (names, read) if len(names) > 1 else (names, lambda instance: (read(instance),))
    _FIELD_READERS[cls] = reader
    return reader


def _unpickle(cls: type, names: tuple[str, ...], values: tuple[Any, ...]) -> Any:
    """The instance of ``cls`` with these field values (the names travel with them, once a pickle)."""
    instance: Any = object.__new__(cls)
    set_field = object.__setattr__  # looked up once: this runs for every record of a corpus
    for name, value in zip(names, values):  # noqa: B905 - as many of each: made together by __reduce__
        set_field(instance, name, value)
    return instance


@attrs.frozen(order=True)
class Span(PickledAsFields):
    """Half-open character offsets ``[start, end)`` into ``Article.text``."""

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()

    @end.validator
    def _end_not_before_start(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Every record holds one: the two offsets alone, without the field names, pickle in half the time.
        return (_span, (self.start, self.end))

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The piece of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


def _span(start: int, end: int) -> Span:
    """A pickled :class:`Span`, made without its validators: they ran when it was made."""
    span = object.__new__(Span)
    object.__setattr__(span, "start", start)
    object.__setattr__(span, "end", end)
    return span


@attrs.frozen(kw_only=True)
class Person(PickledAsFields):
    """A person named in a story: ``name`` (常卫) and the titles given with it (区委书记)."""

    name: str = attrs.field(metadata=AS_WRITTEN)
    titles: tuple[str, ...] = attrs.field(default=(), converter=_strings, metadata=AS_WRITTEN)


@attrs.frozen(kw_only=True)
class Record(PickledAsFields):
    """What every record has: the text it came from, where, and which plugin made it.

    ``plugin`` is stamped by the extraction pipeline; plugin authors leave it out.
    """

    kind: ClassVar[str] = "record"
    #: Kinds of record this type owns in its span: resolution drops one that overlaps it (the 10 of
    #: 7月10日 is no metric) unless :meth:`keeps` lets it stand. By default a record claims nothing.
    owns: ClassVar[frozenset[str]] = frozenset()

    text: str
    span: Span
    plugin: str | None = attrs.field(default=None, eq=False)

    def keeps(self, other: Record) -> bool:
        """Whether ``other``, of a kind this record owns and overlapping it, stands all the same."""
        return False


@attrs.frozen(kw_only=True)
class Metric(Record):
    """A quantity that counts or measures governance work: 2万余户 → 20000 户, more_than.

    ``value`` has the magnitude applied (697万平方米 → 6970000) and ``unit`` has it taken out.
    ``high`` is the upper end of a range (1~2次 → 1, 2). ``approx`` says how the text qualifies the
    number: 余/多/超过/突破 mean *more than* (the true count is above the written round number),
    不足/不到/不满 *less than*, 约/近/左右 *about*, 以上/及以上/至少/不少于/不得少于 *at least*,
    以下/以内/最多/不超过/不得超过 *at most*. 以上, 以下 and 以内 include the number itself, as
    Chinese law defines them (Civil Code art. 1259) and statistics use them (规模以上); 超过 and 不满
    do not. A pair of bounds on one quantity (2万元以上10万元以下) is one range with no ``approx``.

    ``subject`` is what the number counts or measures, as the sentence names it (一般公共预算收入);
    ``change`` says the number is a change of it, ``up`` (增长15.8%) or ``down`` (下降3.2个百分点),
    not its level; ``target`` says it is what is to be reached or must hold (a goal, plan, forecast
    or rule: 预期增长10%左右, 不得超过3个任期), not what was done.
    """

    kind: ClassVar[str] = "metric"

    value: Number = attrs.field(converter=exact)
    unit: str = ""
    high: Number | None = attrs.field(default=None, converter=exact_or_none)
    approx: Approx | None = attrs.field(default=None, validator=_one_of(APPROX_VALUES))
    subject: str | None = attrs.field(default=None, metadata=AS_WRITTEN)
    change: Change | None = attrs.field(default=None, validator=_one_of(CHANGES))
    target: bool = False


@attrs.frozen(kw_only=True)
class DateMention(Record):
    """A place on the calendar, resolved against the publication date: ``start``..``end`` inclusive.

    ``year_inferred`` says the text gave no year and it was taken from the publication date. With
    no publication date such a date cannot be placed: ``start`` and ``end`` are then ``None``.
    """

    kind: ClassVar[str] = "date"
    owns: ClassVar[frozenset[str]] = frozenset({"metric"})

    start: dt.date | None = attrs.field(converter=_iso_date_or_none)
    end: dt.date | None = attrs.field(converter=_iso_date_or_none)
    granularity: Granularity = attrs.field(validator=attrs.validators.in_(GRANULARITIES))
    relation: Relation | None = attrs.field(default=None, validator=_one_of(RELATIONS))
    year_inferred: bool = False

    def keeps(self, other: Record) -> bool:
        """A date clear of both ends of a metric lies between a bound and its number and names what
        the number is of (不得低于职工上一年度月平均工资的5%); one reaching an end holds its digits."""
        return other.span.start < self.span.start and self.span.end < other.span.end


@attrs.frozen(kw_only=True)
class Cadence(Record):
    """Something done at a regular frequency: 每季度至少进行一次 → period P3M, at least once.

    ``period`` is an ISO 8601 duration; ``min_times``/``max_times`` count the times in each period.
    """

    kind: ClassVar[str] = "cadence"
    owns: ClassVar[frozenset[str]] = frozenset({"metric", "date"})

    period: str = attrs.field(validator=attrs.validators.matches_re(r"P(?:\d+[YMWD])+"))
    min_times: int | None = None
    max_times: int | None = None
    activity: str | None = attrs.field(default=None, metadata=AS_WRITTEN)

    def keeps(self, other: Record) -> bool:
        """A date inside is the cadence's anchor (每月15日), a metric its count or period (1~2次 of
        每月至少开展1~2次). What its activity counts stays (每周为200名老人送餐一次: 200名): no unit
        of times or periods, and the cadence's own count of times still follows it."""
        if not isinstance(other, Metric):
            return not self.span.contains(other.span)
        if other.unit in CADENCE_UNITS or not self.span.contains(other.span):
            return False
        return TIMES_COUNT.search(self.text, other.span.end - self.span.start) is not None

    @property
    def periods_per_year(self) -> Number:
        """How many periods fit in a year: P1D 365, P1W 52, P15D 24, P1M 12, P3M 4, P2Y 0.5."""
        return periods_per_year(self.period)

    @property
    def times_per_year(self) -> tuple[Number, Number | None]:
        """The frequency as (low, high) times a year, for sorting and comparing cadences.

        A cadence with no count happens once a period (每周上门巡诊: 52 a year); a floor
        (至少一次) has no upper end; a ceiling alone (最多两次) counts from one.
        """
        per_year = self.periods_per_year
        low = self.min_times if self.min_times is not None else 1
        if self.max_times is not None:
            high: Number | None = per_year * self.max_times
        elif self.min_times is None:
            high = per_year
        else:
            high = None
        return per_year * low, high


_PER_YEAR = {"D": 365, "W": 52, "M": 12, "Y": 1}
_SINGLE_PERIOD = re.compile(r"P(\d+)([DWMY])")
_MONTH_PARTS = {"P15D": 24, "P10D": 36}


def periods_per_year(period: str) -> Number:
    """How many times an ISO 8601 period of one unit fits in a year: P2W 26, P3M 4, P2Y 0.5.

    Half a month (P15D, 每半月) is 24 a year: it means twice a month, not every fifteenth day; a
    ten-day period (P10D, 每旬) is 36, three a month (上旬, 中旬, 下旬).
    """
    if period in _MONTH_PARTS:
        return _MONTH_PARTS[period]
    match = _SINGLE_PERIOD.fullmatch(period)
    if match is None or int(match.group(1)) == 0:
        raise ValueError(f"not a period of one unit: {period!r}")
    count, unit = int(match.group(1)), match.group(2)
    return exact((Decimal(_PER_YEAR[unit]) / count).quantize(Decimal("0.0001")))


@attrs.frozen(kw_only=True)
class Meeting(Record):
    """A meeting or ceremony in the story, with who chaired it, who attended and what it took up.

    ``referred`` marks a meeting the story only speaks of (传达市委全会精神) or that recurs
    (每月召开一次分析会) rather than one it reports as held.
    """

    kind: ClassVar[str] = "meeting"

    name: str = attrs.field(metadata=AS_WRITTEN)
    organ: str | None = attrs.field(default=None, metadata=AS_WRITTEN)
    date: dt.date | None = attrs.field(default=None, converter=_iso_date_or_none)
    chair: Person | None = attrs.field(default=None, metadata=AS_WRITTEN)
    attendees: tuple[Person, ...] = attrs.field(default=(), converter=_persons, metadata=AS_WRITTEN)
    agenda: tuple[str, ...] = attrs.field(default=(), converter=_strings, metadata=AS_WRITTEN)
    location: str | None = attrs.field(default=None, metadata=AS_WRITTEN)
    #: Only referred to (传达…会议精神, 关于召开…会议的请示, 每月召开一次分析会), not held in the story.
    referred: bool = False


RECORD_TYPES: dict[str, type[Record]] = {cls.kind: cls for cls in (Metric, DateMention, Cadence, Meeting)}
_BUILT_IN_TYPES = frozenset(RECORD_TYPES.values())
_R = TypeVar("_R", bound=Record)


def with_plugin(record: _R, plugin: str) -> _R:
    """``record`` stamped with the name of the plugin that made it, as the pipeline stamps every record.

    A record of a built-in type is copied field by field, as unpickling copies it: attrs.evolve would
    run every converter and validator again (they ran when the record was made, and a plugin's name
    has none), for each record of a corpus (2 -> 1.2 µs a record). A plugin's own record type, which
    may keep more than its fields, goes through attrs.evolve.
    """
    cls = type(record)
    if cls not in _BUILT_IN_TYPES:
        evolve: Any = attrs.evolve  # mypy's attrs plugin cannot check evolve on a type variable
        return cast(_R, evolve(record, plugin=plugin))
    names, read = _FIELD_READERS.get(cls) or _field_reader(cls)
    stamped: _R = _unpickle(cls, names, read(record))
    object.__setattr__(stamped, "plugin", plugin)
    return stamped


@attrs.frozen(kw_only=True)
class Article:
    """One story: its cleaned ``text`` and what is known about it.

    ``raw`` is the input the text was cleaned from; :meth:`raw_span` maps any span of ``text`` back to
    it, so a record can always be shown where it came from. Build articles with
    :meth:`from_text` (which cleans) rather than by hand.
    """

    text: str
    published: dt.date | None = attrs.field(default=None, converter=_iso_date_or_none)
    title: str | None = None
    headlines: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    byline: tuple[Person, ...] = attrs.field(default=(), converter=_persons)
    source: str | None = None
    #: The page a story goes on to (（下转2版） → "2") or came from (（上接1版） → "1").
    continued_on: str | None = None
    continued_from: str | None = None
    raw: str = attrs.field(default=attrs.Factory(lambda self: self.text, takes_self=True), repr=False)
    #: offsets[i] is the index in ``raw`` of text[i]; one more entry marks the end of the text.
    #: ``None`` when the text is ``raw`` as it was. A sequence of indices becomes an OffsetMap.
    offsets: OffsetMap | None = attrs.field(default=None, converter=as_offset_map, repr=False, eq=False)

    @classmethod
    def from_text(
        cls,
        raw: str,
        *,
        published: dt.date | str | None = None,
        title: str | None = None,
        source: str | None = None,
        paragraphs: bool = False,
    ) -> Article:
        """Clean ``raw`` (PDF line breaks, justified spaces) into an article; see :mod:`govmetrics.clean`.

        ``paragraphs``: each line of ``raw`` is a paragraph (a web page's story), so its line breaks
        stay; by default a line break inside a sentence is a PDF's and goes.
        """
        return cls.from_page(raw, 0, len(raw), paragraphs=paragraphs, published=published, title=title, source=source)

    @classmethod
    def from_page(cls, page: str, start: int, end: int, *, paragraphs: bool = False, **fields: Any) -> Article:
        """The article whose text is ``page[start:end]`` cleaned, with ``raw`` the whole page.

        Spans of the article then map (:meth:`raw_span`) into the page, not into the slice.
        ``fields`` are the other fields (published, title, headlines, byline …).
        """
        from govmetrics.clean import clean_text

        cleaned = clean_text(page[start:end], paragraphs=paragraphs)
        if start == 0 and cleaned.text == page:
            return cls(text=page, raw=page, **fields)  # nothing to clean: one string, no map to keep
        offsets = cleaned.offsets if start == 0 else cleaned.offsets.shifted(start)
        return cls(text=cleaned.text, raw=page, offsets=offsets, **fields)

    def _repr_html_(self) -> str:
        """Its headlines, byline and text, escaped: what Jupyter shows for an article. No record is
        marked, since showing an article runs no plugin; ``govmetrics.extract(article)`` shows them."""
        from govmetrics.html_text import article_html

        return article_html(self)

    def raw_span(self, span: Span) -> Span:
        """The span of ``raw`` that ``span`` (a span of ``text``) was cleaned from."""
        if span.end > len(self.text):
            raise ValueError(f"{span} is outside a text of {len(self.text)} characters")
        if self.offsets is None:
            return span
        if span.start == span.end:
            at = self.offsets[span.start]
            return Span(start=at, end=at)
        return Span(start=self.offsets[span.start], end=self.offsets[span.end - 1] + 1)
