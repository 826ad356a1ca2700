"""The HTML views in a real browser: headless Chromium opens the file, and what it built (its DOM)
must hold every record's mark on exactly the record's characters. See tests/browser.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import attrs
import pytest

import govmetrics
from govmetrics import Article, Cadence, DateMention, Metric, Record, Span, hookimpl
from govmetrics.cli import main
from govmetrics.extraction import Extraction
from govmetrics.plugins import get_plugin_host
from govmetrics.views.report import DocumentView, report_html
from tests.browser import browser_marks, mark_problems, screenshot
from tests.shared import SHARED

pytestmark = pytest.mark.browser

SEED_PAGE = SHARED / "seeds" / "shijingshan-2019-07-page1.txt"


@attrs.frozen(kw_only=True)
class Stretch(Record):
    """A plugin's record that crosses the built-in ones: from a word into the middle of a number."""

    kind: ClassVar[str] = "stretch"

    reach: int


class Stretches:
    @hookimpl
    def govmetrics_record_types(self) -> list[type[Record]]:
        return [Stretch]

    @hookimpl
    def govmetrics_extract(self, article: Article) -> Iterator[Stretch]:
        at = article.text.find("走访2万")
        if at >= 0:
            yield Stretch(text="走访2万", span=Span(start=at, end=at + 4), reach=4)


def test_marks_sit_on_their_characters_however_records_overlap_and_whatever_the_text_holds(tmp_path: Path) -> None:
    # a character beyond the BMP (two UTF-16 units in the browser), a carriage return, markup
    text = "𠀀本报讯\r\n3月8日，每月至少开展1~2次入户走访，<script>document.title='pwned'</script>累计走访2万余户。"
    at = text.index
    records = [
        DateMention(text="3月8日", span=Span(start=at("3月"), end=at("3月") + 4), start="2021-03-08",
                    end="2021-03-08", granularity="day"),
        Cadence(text="每月至少开展1~2次", span=Span(start=at("每月"), end=at("每月") + 10), period="P1M",
                min_times=1, max_times=2),
        Metric(text="1~2次", span=Span(start=at("1~2"), end=at("1~2") + 4), value=1, high=2, unit="次"),
        Metric(text="2万余户", span=Span(start=at("2万"), end=at("2万") + 4), value=20000, unit="户",
               approx="more_than"),
        Stretch(text="走访2万", span=Span(start=at("走访2万"), end=at("走访2万") + 4), reach=4),
        Metric(text="", span=Span(start=at("。"), end=at("。")), value=0),
    ]  # fmt: skip
    for record in records:
        assert record.span.of(text) == record.text
    extraction = Extraction(article=Article(text=text), records=records)
    report = tmp_path / "report.html"
    report.write_text(report_html([DocumentView(id="<b>甲</b>", extractions=[extraction])], title="<i>t</i>"), "utf-8")
    found = browser_marks(report)
    assert mark_problems(found, [("d0", text, list(extraction.records))]) == []
    assert found["scripts"] == 1  # the check's own: the text's <script> stayed text
    assert found["title"] == "<i>t</i>"
    marks = found["articles"]["d0"]["marks"]
    assert [mark["part"] for mark in marks if mark["kind"] == "metric" and mark["text"]] == ["", "", "more"]
    backgrounds = {mark["kind"]: mark["background"] for mark in marks}
    assert len(set(backgrounds.values())) == len(backgrounds) == 4  # a colour a kind


def test_show_marks_a_plugins_records_with_their_fields(tmp_path: Path) -> None:
    get_plugin_host().register(Stretches(), "stretches")
    text = "本报讯 3月8日，八角街道每月至少开展1~2次入户走访，累计走访2万余户。"
    source = tmp_path / "news-2021-03-10.txt"
    source.write_text(text, "utf-8")
    report = tmp_path / "report.html"
    assert main(["show", str(source), "-o", str(report)]) == 0
    result = govmetrics.extract(text, published="2021-03-10")
    assert "stretch" in {record.kind for record in result}
    found = browser_marks(report)
    assert mark_problems(found, [("d0", result.article.text, list(result.records))]) == []
    [stretch] = [mark for mark in found["articles"]["d0"]["marks"] if mark["kind"] == "stretch"]
    assert stretch["title"] == "reach: 4"


@pytest.mark.shared
def test_the_seed_page_marks_every_record_of_its_extraction_on_its_exact_characters(tmp_path: Path) -> None:
    report = tmp_path / "seed-page.html"
    assert main(["show", "--pages", str(SEED_PAGE), "--published", "2019-07-16", "-o", str(report)]) == 0
    stories = govmetrics.split_page(SEED_PAGE.read_text("utf-8"), published="2019-07-16")
    expected = [
        (f"d0-s{index}", story.text, list(govmetrics.extract(story).records))
        for index, story in enumerate(stories)
        if story.text
    ]
    found = browser_marks(report)
    assert mark_problems(found, expected) == []
    records = sum(len(records) for _, _, records in expected)
    assert records >= 20 and sum(len(article["marks"]) for article in found["articles"].values()) >= records
    assert {mark["kind"] for article in found["articles"].values() for mark in article["marks"]} == {
        "metric", "date", "cadence", "meeting"
    }  # fmt: skip
    png = screenshot(report, tmp_path / "seed-page.png", 1000, 1200)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
