"""Newspaper pages into articles, on pages the project writes and on the real seed page."""

from __future__ import annotations

import json

import pytest

import govmetrics
from govmetrics.lexicon import Lexicons
from govmetrics.pages import split_byline
from govmetrics.plugins import get_plugin_host
from tests.shared import SHARED

#: The shipped lexicons, whose surnames cut the bylines here.
LEXICONS = Lexicons()

HEADLINES_AFTER = """本报讯（记者 林木）3月8日，区委书记王明主持召开区委常委会会
议，研究老旧小区综合整治工作。会议指出，全区今年计划完成
整治12个小区。

区委常委会研究老旧小区整治

本报讯（通讯员赵平）3月9日，八角街道组织志愿者开展垃圾分类
宣传，发放宣传折页1200余份。

八角街道开展垃圾分类宣传
"""

HEADLINES_BEFORE = """区委常委会研究
老旧小区整治工作

本报讯（记者 林木）3月8日，区委书记王明主持召开区委常委会会
议，研究老旧小区综合整治工作。

八角街道开展
垃圾分类宣传

本报讯 3月9日，八角街道组织志愿者开展垃圾分类宣传，发放宣传
折页1200余份。
"""

CONTINUED = """（上接1版）会议要求，各街道要加快推进老旧小区综合整治，确保年底
前完成主体工程。

本报讯 3月9日，八角街道组织志愿者开展垃圾分类宣传，发放宣传
折页1200余份，覆盖居民3,200余户。会议还要求，各社区要每月
至少开展一次入户宣传。

（下转3版）

八角街道开展垃圾分类宣传

区领导到公安分局调研
"""


def split(page: str) -> list[govmetrics.Article]:
    return govmetrics.split_page(page, published="2021-03-10")


def test_headlines_after_their_stories() -> None:
    first, second = split(HEADLINES_AFTER)
    assert first.title == "区委常委会研究老旧小区整治"
    assert [p.name for p in first.byline] == ["林木"] and first.byline[0].titles == ("记者",)
    assert first.text.startswith("3月8日，区委书记王明")
    assert second.title == "八角街道开展垃圾分类宣传"
    assert [p.name for p in second.byline] == ["赵平"]


def test_headlines_before_their_stories_and_stories_without_byline() -> None:
    first, second = split(HEADLINES_BEFORE)
    assert "老旧小区整治工作" in " ".join(first.headlines)
    assert "垃圾分类宣传" in " ".join(second.headlines)
    assert second.byline == ()
    assert second.text.startswith("3月9日，八角街道")


def test_continuations_and_a_headline_with_no_story_on_the_page() -> None:
    articles = split(CONTINUED)
    from_before, story, orphan = articles
    assert from_before.continued_from == "1"
    assert from_before.text.startswith("会议要求")
    assert story.continued_on == "3"
    assert story.title == "八角街道开展垃圾分类宣传"
    assert orphan.text == "" and orphan.title == "区领导到公安分局调研"


def test_records_map_back_into_the_page() -> None:
    for article in split(HEADLINES_AFTER):
        for record in govmetrics.extract(article).records:
            raw = article.raw_span(record.span)
            assert "".join(HEADLINES_AFTER[raw.start : raw.end].split()) == record.text


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("记者王哲李思婵", [("王哲", "记者"), ("李思婵", "记者")]),
        ("记者 李静 通讯员 韩冬", [("李静", "记者"), ("韩冬", "通讯员")]),
        ("通讯员孔存娣", [("孔存娣", "通讯员")]),
        ("记者欧阳明华", [("欧阳明华", "记者")]),
    ],
)
def test_bylines_split_into_whole_names(byline: str, names: list[tuple[str, str]]) -> None:
    assert [(p.name, p.titles[0]) for p in split_byline(byline, lexicons=LEXICONS)] == names


def test_a_byline_is_cut_by_the_surnames_of_the_lexicons_given() -> None:
    """笪 is no surname of the shipped lexicon: a byline cut by it alone is one run; lexicons that
    hold it cut the run into two names."""
    assert [p.name for p in split_byline("记者笪明远李静", lexicons=LEXICONS)] == ["笪明远李静"]
    with_surname = Lexicons({"surnames": ["笪"]})
    assert [p.name for p in split_byline("记者笪明远李静", lexicons=with_surname)] == ["笪明远", "李静"]


def test_with_no_lexicons_given_a_page_is_cut_by_the_plugin_hosts() -> None:
    class AddsSurname:
        @govmetrics.hookimpl
        def govmetrics_lexicon_entries(self, name: str) -> list[str] | None:
            return ["笪"] if name == "surnames" else None

    page = "本报讯（记者笪明远李静）3月8日，八角街道组织志愿者开展垃圾分类宣传。"
    assert [p.name for p in split_byline("记者笪明远李静")] == ["笪明远李静"]
    get_plugin_host().register(AddsSurname(), "adds-surname")
    assert [p.name for p in split_byline("记者笪明远李静")] == ["笪明远", "李静"]
    (article,) = govmetrics.split_page(page, published="2021-03-10")
    assert [p.name for p in article.byline] == ["笪明远", "李静"]
    (article,) = govmetrics.split_page(page, published="2021-03-10", lexicons=LEXICONS)
    assert [p.name for p in article.byline] == ["笪明远李静"]


def test_two_columns_whose_lines_interleave() -> None:
    page = (
        "本报讯 3月8日，区委书记王明主持    本报讯 3月9日，八角街道组织志愿\n"
        "召开区委常委会会议，研究老旧小    者开展垃圾分类宣传，发放宣传折\n"
        "区综合整治工作。                  页1200余份。\n"
    )
    first, second = split(page)
    assert first.text == "3月8日，区委书记王明主持召开区委常委会会议，研究老旧小区综合整治工作。"
    assert second.text == "3月9日，八角街道组织志愿者开展垃圾分类宣传，发放宣传折页1200余份。"
    [metric] = govmetrics.extract(second).metrics
    raw = second.raw_span(metric.span)
    assert "".join(page[raw.start : raw.end].split()) == "1200余份"


@pytest.mark.shared
def test_seed_page_records_map_back_into_the_page() -> None:
    if not SHARED.is_dir():
        pytest.skip("needs ../shared")
    page = (SHARED / "seeds" / "shijingshan-2019-07-page1.txt").read_text("utf-8")
    articles = govmetrics.split_page(page, published="2019-07-16")
    assert [a.continued_on for a in articles if a.text] == [None, None, "2", None]
    count = 0
    for article in articles:
        for record in govmetrics.extract(article).records:
            raw = article.raw_span(record.span)
            assert "".join(page[raw.start : raw.end].split()) == "".join(record.text.split())
            count += 1
    assert count > 25


@pytest.mark.shared
def test_seed_page_articles_match_the_gold() -> None:
    if not SHARED.is_dir():
        pytest.skip("needs ../shared")
    case = json.loads((SHARED / "gold" / "dev.jsonl").read_text("utf-8").splitlines()[0])
    articles = [a for a in govmetrics.split_page(case["text"], published=case["published"]) if a.text]
    for gold, article in zip(case["articles"], articles, strict=True):
        assert gold["title_contains"] in "".join(" ".join([article.title or "", *article.headlines]).split())
        assert [p.name for p in article.byline] == gold["reporters"]
        assert "".join(article.text.split()).startswith(gold["starts_with"])


def test_a_short_block_with_half_width_commas_is_a_column_break_not_a_headline() -> None:
    # a column that ends mid-sentence leaves a short block before the next story; its commas say
    # it is prose, half-width or not
    page = (
        "本报讯(记者 林木)3月8日,区委召开常委会会议,研究老旧小区\n\n"
        "整治工作,部署下一步任务\n\n"
        "本报讯 3月9日,八角街道组织志愿者开展垃圾分类宣传,发放折页1200余份。\n"
    )
    first, second = (a for a in govmetrics.split_page(page, published="2021-03-10") if a.text)
    assert first.headlines == () and first.title is None
    assert first.text.endswith("整治工作,部署下一步任务")  # the page's own characters
    assert [(p.name, p.titles) for p in first.byline] == [("林木", ("记者",))]
    assert second.text.startswith("3月9日,八角街道")
