"""The reading view: traditional characters and half-width punctuation give the records simplified,
full-width text gives, with spans and ``text`` into the text as written."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs
import opencc
import pytest

import govmetrics
from govmetrics.models import AS_WRITTEN, Meeting, Person, Record, Span
from govmetrics.reading import (
    as_written,
    curly_quotes,
    full_width_punctuation,
    reading_article,
    reading_text,
    restore,
    simplified,
)
from govmetrics.testing import run
from tests.shared import SHARED, shared_cases

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "district-news-2019-07-12.txt"
S2T = opencc.OpenCC("s2t.json")
T2S = opencc.OpenCC("t2s.json")
HALF_WIDTH = str.maketrans("，；：（）", ",;:()")


# --- the view -------------------------------------------------------------------------------------


def test_plain_simplified_text_is_returned_as_the_same_object() -> None:
    text = "区政府召开常务会议，研究部署老旧小区改造工作，全年完成改造52,000平方米，10:30散会。"
    assert reading_text(text) is text
    article = govmetrics.Article.from_text(text)
    assert reading_article(article) is article


def test_traditional_characters_are_read_simplified_at_the_same_length() -> None:
    text = "縣政府召開常務會議，全年新增就業崗位3200個，惠及農戶1.5萬戶。"
    twin = reading_text(text)
    assert len(twin) == len(text)
    assert twin == "县政府召开常务会议，全年新增就业岗位3200个，惠及农户1.5万户。"


def test_hong_kong_variant_characters_are_read_simplified_too() -> None:
    assert simplified("衞生服務站設於街市枱旁") == "卫生服务站设于街市台旁"


def test_a_phrase_reads_as_the_converter_reads_it_and_keeps_its_length() -> None:
    # 乾 is 干 in 乾淨 but stays in a name such as 乾隆: OpenCC's phrase table decides, one for one
    text = "乾隆年間的古街打掃得乾乾淨淨"
    assert len(simplified(text)) == len(text)
    assert simplified(text).startswith("乾隆")


def test_half_width_commas_and_brackets_beside_chinese_are_read_full_width() -> None:
    text = "12月5日,区委常委会(扩大)会议召开,区长李平主持会议;会议听取汇报:"
    assert reading_text(text) == "12月5日，区委常委会（扩大）会议召开，区长李平主持会议；会议听取汇报："


def test_a_comma_between_digits_stays_a_thousands_separator() -> None:
    assert full_width_punctuation("全年完成12,500户,同比增长") == "全年完成12,500户，同比增长"


def test_a_colon_in_a_clock_time_stays() -> None:
    assert full_width_punctuation("会议时间:9:30,地点:区政府") == "会议时间：9:30，地点：区政府"


def test_brackets_around_latin_text_stay_half_width() -> None:
    text = "地区生产总值(GDP)增长6.5%,细颗粒物(PM2.5)浓度下降"
    assert full_width_punctuation(text) == "地区生产总值(GDP)增长6.5%，细颗粒物(PM2.5)浓度下降"


def test_brackets_around_a_number_beside_chinese_are_read_full_width() -> None:
    assert full_width_punctuation("第(3)批试点,共(12)个") == "第（3）批试点，共（12）个"


def test_a_lone_bracket_is_read_by_the_side_its_words_are_on() -> None:
    assert full_width_punctuation("(上接第1版 区委召开会议") == "（上接第1版 区委召开会议"
    assert full_width_punctuation("会议强调) GDP") == "会议强调） GDP"


def test_punctuation_between_latin_words_stays() -> None:
    text = "see http://example.org (note: x, y); 会议召开"
    assert full_width_punctuation(text) == text


def test_corner_brackets_read_as_curly_quotes_at_the_same_length() -> None:
    text = "落實「三保」要求，推行『一網通辦』服務"
    assert curly_quotes(text) == "落實“三保”要求，推行‘一網通辦’服務"
    assert reading_text(text) == "落实“三保”要求，推行‘一网通办’服务"


def test_text_without_corner_brackets_is_returned_as_the_same_object() -> None:
    text = "推行“一网通办”服务"
    assert curly_quotes(text) is text


# --- records read through the view ----------------------------------------------------------------


def test_a_traditional_metric_keeps_its_text_and_gives_a_simplified_unit() -> None:
    text = "全鎮累計走訪農戶3萬餘戶，建成便民服務站15個。"
    result = govmetrics.extract(text, published="2021-04-02")
    assert [(m.text, m.value, m.unit, m.approx) for m in result.metrics] == [
        ("3萬餘戶", 30000, "户", "more_than"),
        ("15個", 15, "个", None),
    ]
    for record in result.records:
        assert record.text == text[record.span.start : record.span.end]
    assert result.article.text == text  # the article as given, not its reading


def test_a_traditional_meeting_keeps_its_name_and_people_as_written() -> None:
    text = "3月12日上午，區委書記林建華主持召開區委常委會會議，區長陳國棟出席會議。"
    (meeting,) = govmetrics.extract(text, published="2021-03-15").meetings
    assert meeting.date is not None and meeting.date.isoformat() == "2021-03-12"
    assert "會議" in meeting.name and meeting.name in text
    assert meeting.chair is not None and meeting.chair.name == "林建華"
    assert all(title in text for title in meeting.chair.titles)
    assert [p.name for p in meeting.attendees] == ["陳國棟"]


def test_a_quoted_set_phrase_in_corner_brackets_is_no_metric() -> None:
    text = "會議研究了元旦春節「兩節」期間的物資保障，要求「兩節」前儲備蔬菜不少於300噸。"
    result = govmetrics.extract(text, published="2020-12-20")
    assert [(m.text, m.value, m.unit) for m in result.metrics] == [("不少於300噸", 300, "吨")]


def test_a_half_width_story_gives_the_records_of_its_full_width_form() -> None:
    full = "12月5日，区委常委会（扩大）会议召开，区委书记周建国主持会议。会议要求每季度至少开展一次督查。"
    half = full.translate(HALF_WIDTH)
    assert _signature(govmetrics.extract(half, published="2020-12-08")) == _signature(
        govmetrics.extract(full, published="2020-12-08")
    )


def test_a_field_marked_as_written_in_a_plugin_record_is_restored() -> None:
    original = "推進鄉村振興工程，省級"
    twin = reading_text(original)
    found = Programme(text=twin[2:8], span=Span(start=2, end=8), name=twin[2:6], level="省级")
    back = restore(found, original, twin)
    assert (back.text, back.name, back.level) == ("鄉村振興工程", "鄉村振興", "省级")


@attrs.frozen(kw_only=True)
class Programme(Record):
    """A plugin's record type with a field of words as written and a normalized one."""

    kind: ClassVar[str] = "programme"

    name: str = attrs.field(metadata=AS_WRITTEN)
    level: str = ""


class Programmes:
    """Finds 省级…工程 in the simplified text it is given, and notes every text it read."""

    def __init__(self) -> None:
        self.read: list[str] = []

    @govmetrics.hookimpl
    def govmetrics_record_types(self) -> list[type[Record]]:
        return [Programme]

    @govmetrics.hookimpl
    def govmetrics_extract(self, article: govmetrics.Article) -> Iterator[Programme]:
        self.read.append(article.text)
        for match in re.finditer(r"(省级)(\w{2,6}工程)", article.text):
            yield Programme(
                text=match.group(),
                span=Span(start=match.start(), end=match.end()),
                name=match.group(2),
                level=match.group(1),
            )


def test_a_plugin_reads_the_view_and_its_record_comes_back_as_written() -> None:
    plugin = Programmes()
    text = "推進省級鄉村振興工程,年內完成。"
    result = run(text, plugin, published="2022-06-01")
    assert plugin.read == ["推进省级乡村振兴工程，年内完成。"]
    (found,) = result.of_kind("programme")
    assert (found.text, found.name, found.level) == ("省級鄉村振興工程", "鄉村振興工程", "省级")
    assert result.article.text == text


def test_a_value_the_twin_does_not_hold_is_kept_as_the_extractor_wrote_it() -> None:
    assert as_written("区委常委会", "區政府會議", "区政府会议", Span(start=0, end=5)) == "区委常委会"


def test_the_occurrence_nearest_the_record_is_the_one_restored() -> None:
    original = "區長王明出席。區長王明主持"
    twin = reading_text(original)
    meeting = Meeting(
        text=twin[7:13], span=Span(start=7, end=13), name="会议", chair=Person(name="王明", titles=("区长",))
    )
    back = restore(meeting, original, twin)
    assert back.chair == Person(name="王明", titles=("區長",))
    assert back.text == original[7:13]


def test_a_traditional_page_is_split_at_its_datelines_with_bylines_as_written() -> None:
    page = (
        "本報訊（記者 林木 通訊員 趙平）3月8日，區委召開常委會會議，研究老舊小區整治工作。\n"
        "會議要求各街道加快推進。（下轉2版）\n\n"
        "區委常委會研究老舊小區整治\n\n"
        "本報訊 3月9日，八角街道組織志願者開展垃圾分類宣傳，發放折頁1200餘份。\n"
    )
    articles = [a for a in govmetrics.split_page(page, published="2021-03-10") if a.text]
    assert len(articles) == 2
    first = articles[0]
    assert [(p.name, p.titles) for p in first.byline] == [("林木", ("記者",)), ("趙平", ("通訊員",))]
    assert first.continued_on == "2"
    assert first.text.startswith("3月8日，區委召開")
    assert first.title == "區委常委會研究老舊小區整治"
    assert articles[1].text.startswith("3月9日")


# --- the project's example and the seed page, converted to traditional ----------------------------


def _signature(extraction: govmetrics.Extraction) -> list[str]:
    """Every record as JSON, its written strings read back simplified and full width."""
    out = []
    for record in extraction.records:
        assert record.text == extraction.article.text[record.span.start : record.span.end]
        out.append(
            T2S.convert(json.dumps(govmetrics.to_dict(record), ensure_ascii=False, default=str)).translate(HALF_WIDTH)
        )
    return out


def _same_records(text: str, published: str) -> None:
    traditional = S2T.convert(text)
    assert len(traditional) == len(text)
    want = _signature(govmetrics.extract(text, published=published))
    got = _signature(govmetrics.extract(traditional, published=published))
    assert got == want


def test_the_example_in_traditional_characters_gives_the_same_records() -> None:
    _same_records(EXAMPLE.read_text(encoding="utf-8"), "2019-07-12")


@pytest.mark.shared
def test_the_seed_page_in_traditional_characters_gives_the_same_records_and_articles() -> None:
    if not SHARED.is_dir():
        pytest.skip("needs ../shared")
    case = json.loads((SHARED / "gold" / "dev.jsonl").read_text("utf-8").splitlines()[0])
    _same_records(case["text"], case["published"])
    traditional = S2T.convert(case["text"])
    simple_articles = govmetrics.split_page(case["text"], published=case["published"])
    articles = govmetrics.split_page(traditional, published=case["published"])
    assert [(a.raw_span(Span(start=0, end=len(a.text))), len(a.text)) for a in articles] == [
        (a.raw_span(Span(start=0, end=len(a.text))), len(a.text)) for a in simple_articles
    ]
    for article, simple in zip(articles, simple_articles, strict=True):
        assert T2S.convert(article.text) == simple.text
        assert [p.name for p in article.byline] == [S2T.convert(p.name) for p in simple.byline]
        assert _signature(govmetrics.extract(article)) == _signature(govmetrics.extract(simple))


# --- every dev case with half-width punctuation ---------------------------------------------------


@pytest.mark.parametrize("case", shared_cases("gold/dev.jsonl", case_id=lambda case: str(case["id"])))
def test_a_dev_case_with_half_width_punctuation_gives_the_same_records(case: dict[str, Any]) -> None:
    want = _signature(govmetrics.extract(case["text"], published=case["published"]))
    got = _signature(govmetrics.extract(case["text"].translate(HALF_WIDTH), published=case["published"]))
    assert got == want
