"""The HTML views without a browser: what each record's mark says, how overlapping marks nest,
that every text stays text, and what a notebook shows. (tests/test_show_browser.py reads the
same HTML in Chromium.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govmetrics
from govmetrics import Article, DateMention, Meeting, Metric, Person, Record, Span, hookimpl
from govmetrics.extraction import Extraction
from govmetrics.plugins import get_plugin_host
from govmetrics.views.highlight import PLUGIN_COLOURS, extraction_html, kind_colours, notebook_html
from govmetrics.views.marks import Mark, marked_html
from govmetrics.views.values import value_text
from tests.html_marks import read_marks, whole_spans

# -- marks ---------------------------------------------------------------------------------------


def test_a_span_inside_another_is_a_mark_inside_its_mark() -> None:
    markup = marked_html("每月至少开展1~2次", [Mark(0, 10, ' data-record="c"'), Mark(6, 10, ' data-record="m"')])
    assert markup == '<mark data-record="c">每月至少开展<mark data-record="m">1~2次</mark></mark>'


def test_crossing_spans_cut_the_later_one_in_two() -> None:
    markup = marked_html("走访2万余户", [Mark(2, 6, ' data-record="m"'), Mark(0, 4, ' data-record="p"')])
    assert markup == (
        '<mark data-record="p">走访<mark data-record="m">2万</mark></mark>'
        '<mark data-record="m" data-part="more">余户</mark>'
    )


def test_a_mark_outside_the_text_is_refused() -> None:
    with pytest.raises(ValueError, match="outside a text of 3 characters"):
        marked_html("三月份", [Mark(1, 4, "")])


TEXTS = st.text(alphabet=st.sampled_from("区委2万余户<>&\"'\r\n 𠀀"), max_size=30)


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(TEXTS)
    ends = st.integers(min_value=0, max_value=len(text))
    spans = draw(st.lists(st.tuples(ends, ends).map(sorted), max_size=8))
    return text, [(start, end) for start, end in spans]


@given(text_and_spans())
def test_every_mark_holds_exactly_its_characters_however_spans_overlap(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    marks = [Mark(start, end, f' data-record="{index}"') for index, (start, end) in enumerate(spans)]
    reader = read_marks(marked_html(text, marks))
    assert reader.text == text
    assert whole_spans(reader) == {str(index): span for index, span in enumerate(spans)}


# -- what a mark says ----------------------------------------------------------------------------


def test_hover_texts_say_what_each_record_means() -> None:
    result = govmetrics.extract("7月10日，社区累计走访2万余户，要求每季度至少进行一次。", published="2019-07-16")
    assert [value_text(record) for record in result] == [
        "2019-07-10",
        "20000 户, more than",
        "every P3M, at least once",
    ]


def test_a_period_a_range_and_an_unplaced_date_read_plainly() -> None:
    half = DateMention(text="上半年", span=Span(start=0, end=3), start="2019-01-01", end="2019-06-30",
                       granularity="half_year", relation="since")  # fmt: skip
    loose = DateMention(text="3月", span=Span(start=0, end=2), start=None, end=None, granularity="month")
    rise = Metric(text="增长1~2倍", span=Span(start=0, end=6), value=1, high=2, unit="倍", change="up", target=True)
    assert value_text(half) == "since 2019-01-01 – 2019-06-30 (half_year)"
    assert value_text(loose) == "not placed (month, no publication date)"
    assert value_text(rise) == "1–2 倍, up, target"


def test_a_meeting_says_its_date_chair_and_attendees() -> None:
    meeting = Meeting(
        text="区委常委会会议",
        span=Span(start=0, end=7),
        name="区委常委会会议",
        date=dt.date(2021, 3, 9),
        chair=Person(name="王明", titles=("区委书记",)),
        attendees=(Person(name="李强", titles=("区长",)), Person(name="赵平")),
    )
    assert value_text(meeting) == "区委常委会会议\ndate: 2021-03-09\nchair: 区委书记 王明\nattendees: 区长 李强、赵平"
    markup = extraction_html(Extraction(article=Article(text="区委常委会会议召开"), records=[meeting]), prefix="x")
    assert "<th>chair</th><th>attendees</th>" in markup
    assert "<td>区委书记 王明</td><td>区长 李强、赵平</td>" in markup
    assert 'title="区委常委会会议\ndate: 2021-03-09' in markup


# -- plugin kinds --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Share(Record):
    """A record type of a plugin's own: a share in tenths (三成 → 3)."""

    kind: ClassVar[str] = "share"

    tenths: int
    of: str | None = None


class Shares:
    @hookimpl
    def govmetrics_record_types(self) -> list[type[Record]]:
        return [Share]

    @hookimpl
    def govmetrics_extract(self, article: Article) -> Iterator[Share]:
        at = article.text.find("三成")
        if at >= 0:
            yield Share(text="三成", span=Span(start=at, end=at + 2), tenths=3, of="居民")


def test_a_plugin_kind_is_marked_with_its_fields_and_gets_a_table() -> None:
    get_plugin_host().register(Shares(), "shares")
    result = govmetrics.extract("社区里三成居民参与了志愿服务。", published="2021-03-10")
    markup = extraction_html(result, prefix="p")
    assert 'data-kind="share" data-record="p-0" data-start="3" data-end="5" title="tenths: 3; of: 居民"' in markup
    assert (
        '<summary>share (1)</summary><table class="gm-table"><thead><tr><th>text</th><th>tenths</th><th>of</th>'
        in markup
    )
    assert kind_colours("share") in PLUGIN_COLOURS
    assert kind_colours("share") == kind_colours("share")  # by its name, not by the order kinds come


# -- text stays text -----------------------------------------------------------------------------


def test_markup_in_the_text_stays_text() -> None:
    text = "<script>alert('走访')</script>2万余户 & <b>\"加粗\"</b>\r\n完"
    metric = Metric(text="2万余户", span=Span(start=28, end=32), value=20000, unit="户", approx="more_than")
    assert metric.span.of(text) == "2万余户"
    markup = extraction_html(Extraction(article=Article(text=text, title="<i>标题</i>"), records=[metric]))
    reader = read_marks(markup)
    assert "script" not in reader.tags and "b" not in reader.tags and "i" not in reader.tags
    assert text in reader.text and "<i>标题</i>" in reader.text
    assert "&#13;" in markup  # a carriage return a browser would otherwise read as a line feed


# -- notebooks -----------------------------------------------------------------------------------


def test_a_result_in_a_notebook_shows_its_marked_text_and_style() -> None:
    result = govmetrics.extract("累计走访2万余户。", published="2019-07-16")
    shown = result._repr_html_()
    assert shown.startswith("<style>") and ".gm-view" in shown
    reader = read_marks(shown)
    [(key, (start, end))] = whole_spans(reader).items()
    assert key.startswith("gm") and reader.text[start:end] == "2万余户"
    assert result._repr_html_() != shown  # each showing its own ids: two cells never share an anchor
    assert notebook_html(result).count('title="20000 户, more than"') == 1


def test_an_article_in_a_notebook_shows_its_headlines_and_text_without_extracting() -> None:
    article = Article(
        text="累计走访2万余户。", headlines=("社区走访", "副题"), byline=(Person(name="林木", titles=("记者",)),)
    )
    shown = article._repr_html_()
    assert '<h3 class="gm-headline">社区走访</h3><h4 class="gm-headline">副题</h4>' in shown
    assert '<span class="gm-byline">记者 林木</span>' in shown
    assert "<mark" not in shown


def test_a_table_leaves_out_a_column_empty_in_every_row() -> None:
    bare = Metric(text="12个", span=Span(start=0, end=3), value=12, unit="个")
    named = attrs.evolve(bare, subject="小区")
    article = Article(text="12个小区")
    shown = [extraction_html(Extraction(article=article, records=[metric])) for metric in (bare, named)]
    assert "<th>subject</th>" not in shown[0]
    assert "<th>text</th><th>value</th><th>subject</th>" in shown[1]
