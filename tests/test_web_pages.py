"""Web pages as input: the story of a government page (not its menus, information bar or footer),
its headline and the date the page prints, read from files, JSON Lines fields and strings."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from govmetrics import extract
from govmetrics.cli import main
from govmetrics.documents import as_document
from govmetrics.errors import InputError, MissingExtraError
from govmetrics.lexicon import Lexicons
from govmetrics.models import Article
from govmetrics.readers.html import looks_like_html, read_html
from govmetrics.serialize import from_json, to_dict
from tests.web_pages import MEETING, PAGES, TRADITIONAL, Story, page_bytes, portal

FURNITURE = (
    "ICP",
    "公网安备",
    "浏览",
    "瀏覽",
    "打印",
    "关闭",
    "關閉",
    "首页",
    "首頁",
    "分享",
    "版权",
    "版權",
    "相关链接",
)


def records(article: Article | str, published: dt.date | None = None) -> list[dict[str, Any]]:
    return [to_dict(record) for record in extract(article, published=published).records]


@pytest.mark.parametrize("name", sorted(PAGES))
class TestGeneratedPages:
    """Five CMS shapes: each page gives its story's records and nothing of its furniture."""

    def test_the_page_gives_its_storys_records_only(self, name: str, tmp_path: Path) -> None:
        _, story, _ = PAGES[name]
        path = tmp_path / f"{name}.html"
        path.write_bytes(page_bytes(name))
        document = as_document(path)
        assert isinstance(document.text, Article)
        alone = Article.from_text(story.text, paragraphs=True, published=story.published)
        assert document.text.text == alone.text
        assert records(document.text) == records(alone) != []

    def test_the_page_gives_its_headline_and_its_date(self, name: str) -> None:
        _, story, _ = PAGES[name]
        page = read_html(page_bytes(name), name)
        assert (page.title, page.published) == (story.title, story.published)

    def test_no_furniture_is_left_in_the_text(self, name: str) -> None:
        page = read_html(page_bytes(name), name)
        assert [word for word in FURNITURE if word in page.text] == []


class TestDates:
    def test_a_labelled_date_comes_before_the_pages_metadata(self) -> None:
        html = portal(MEETING).replace("<head>", '<head><meta name="PubDate" content="2020-01-01">')
        assert read_html(html, "p").published == MEETING.published

    def test_a_date_in_the_story_is_not_the_publication_date(self) -> None:
        story = Story("区长调研", ("2019年7月10日，区长调研了3个社区。",), dt.date(2019, 7, 11))
        html = portal(story).replace("发布时间：2019-07-11", "")
        assert read_html(html, "p").published is None

    def test_a_url_with_the_date_gives_it(self) -> None:
        fragment = "<p>区长调研了3个社区。</p>"
        assert read_html(fragment, "p", url="http://www.example.gov.cn/art/2021/3/5/art_12_345.html").published == (
            dt.date(2021, 3, 5)
        )

    def test_an_information_bar_that_opens_with_its_date(self) -> None:
        html = portal(MEETING).replace("发布时间：2021-03-05　来源", "2021-03-05 09:30:12　来源")
        page = read_html(html, "p")
        assert (page.published, page.text) == (MEETING.published, MEETING.text)

    def test_a_storys_source_line_without_a_date_stays(self) -> None:
        story = Story("区长调研", ("5月11日，区长调研了3个社区。", "数据来源：区统计局"), dt.date(2022, 5, 12))
        assert read_html(portal(story), "p").text == story.text

    def test_a_slip_in_a_labelled_date_is_no_date(self) -> None:
        html = portal(MEETING).replace("发布时间：2021-03-05", "发布时间：2021-02-30")
        assert read_html(html, "p").published is None


class TestWhatStays:
    def test_the_lines_of_a_notice_are_the_storys_own(self) -> None:
        story = Story(
            "关于召开防汛工作会议的通知",
            ("各街道：", "定于6月3日召开防汛工作会议。", "时间：6月3日上午9时", "地点：区政府第一会议室"),
            dt.date(2022, 5, 30),
        )
        assert read_html(portal(story), "p").text == story.text

    def test_a_link_inside_a_paragraph_stays(self) -> None:
        story = Story("区长调研", ("区长调研了3个社区。",), dt.date(2022, 5, 30))
        html = portal(story).replace("区长调研了3个社区。", '区长调研了<a href="/s">3个社区</a>。')
        assert read_html(html, "p").text == "区长调研了3个社区。"

    def test_a_two_column_layout_table_is_no_data_table(self) -> None:
        story = Story("区长调研", ("5月11日，区长调研了3个社区。", "全区已组建抢险队伍28支。"), dt.date(2022, 5, 12))
        body = "".join(f"<p>{p}</p>" for p in story.paragraphs)
        html = (
            "<html><head><title>区长调研_临河区人民政府网站</title></head><body><table>"
            '<tr><td><img src="logo.png"></td><td>站内搜索</td></tr>'
            f'<tr><td><a href="/">首页</a><br><a href="/x">新闻</a></td><td><h1>区长调研</h1>{body}</td></tr>'
            "</table></body></html>"
        )
        assert read_html(html, "p").text == story.text

    def test_the_site_name_is_cut_from_a_title_without_a_heading(self) -> None:
        html = "<html><head><title>区长调研3个社区 - 临河区人民政府门户网站</title></head><body>"
        html += "<div><p>5月11日，区长调研了3个社区，走访居民40户。</p></div></body></html>"
        assert read_html(html, "p").title == "区长调研3个社区"

    def test_a_plugin_adds_furniture(self) -> None:
        html = portal(MEETING).replace('</div></div>\n<div class="share">', "<p>返回顶部</p></div></div>\n<div>")
        assert "返回顶部" in read_html(html, "p").text
        lexicons = Lexicons({"page_furniture": ["返回顶部 line"]})
        assert "返回顶部" not in read_html(html, "p", lexicons=lexicons).text


class TestEncodings:
    def test_a_page_declaring_utf8_but_written_in_gbk(self) -> None:
        data = portal(MEETING).replace("charset=gbk", "charset=utf-8").encode("gbk")
        assert read_html(data, "p").text == MEETING.text

    def test_the_encoding_given_wins(self) -> None:
        data = portal(MEETING).replace("charset=gbk", "charset=big5").encode("gb18030")
        assert read_html(data, "p", encoding="gb18030").text == MEETING.text


class TestWhatIsAPage:
    @pytest.mark.parametrize(
        "text",
        ["<!DOCTYPE html><html><body><p>一</p></body></html>", "  <p style='x'>区长调研。</p>", "<div>一<br>二"],
    )
    def test_pages_and_fragments(self, text: str) -> None:
        assert looks_like_html(text)

    @pytest.mark.parametrize(
        "text", ["《条例》规定，每季度至少检查一次。", "<2万户的社区 </p>", "<p>没有结束的段落", "a < b and c > d"]
    )
    def test_prose(self, text: str) -> None:
        assert not looks_like_html(text)

    def test_a_text_file_holding_a_page_is_read_as_one(self, tmp_path: Path) -> None:
        path = tmp_path / "saved.txt"
        path.write_text(portal(MEETING), encoding="utf-8")
        document = as_document(path)
        assert isinstance(document.text, Article)
        assert (document.text.title, document.published) == (MEETING.title, MEETING.published)

    def test_a_page_without_a_story_is_an_error_naming_it(self) -> None:
        html = '<html><body><div class="nav"><a href="/">首页</a> | <a href="/x">新闻</a></div></body></html>'
        with pytest.raises(InputError, match=r"^empty\.html: no story text found in the web page$"):
            read_html(html, "empty.html")

    def test_without_the_html_extra_the_error_names_it(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        with pytest.raises(MissingExtraError, match=r"pip install 'govmetrics\[html\]'"):
            read_html(portal(MEETING), "p")


class TestJsonLinesFields:
    def test_a_field_holding_a_page(self) -> None:
        document = as_document({"id": "a", "text": portal(MEETING)})
        assert isinstance(document.text, Article)
        assert (document.text.text, document.published) == (MEETING.text, MEETING.published)

    def test_the_records_date_field_comes_before_the_pages(self) -> None:
        document = as_document({"id": "a", "text": portal(MEETING), "published": "2021-03-06"})
        assert document.published == dt.date(2021, 3, 6)

    def test_a_fragment_and_the_records_url(self) -> None:
        record = {"id": "a", "text": "<p>区长调研了3个社区。</p>", "url": "http://x.gov.cn/2020-12/08/content_1.htm"}
        document = as_document(record)
        assert (document.published, document.text.text if isinstance(document.text, Article) else None) == (
            dt.date(2020, 12, 8),
            "区长调研了3个社区。",
        )


class TestCommand:
    def test_a_page_needs_no_published(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "page.html"
        path.write_bytes(page_bytes("portal"))
        assert main(["extract", str(path)]) == 0
        rows = [from_json(line) for line in capsys.readouterr().out.splitlines()]
        assert next(row["start"] for row in rows if row["kind"] == "date") == "2021-03-04"
        assert {(row["id"], row["article_title"]) for row in rows} == {(str(path), MEETING.title)}

    def test_a_page_on_standard_input(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import io

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page_bytes("portal"))))
        assert main(["extract", "-"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert {(row["id"], row["article_title"]) for row in rows} == {("<stdin>", MEETING.title)}

    def test_a_page_given_as_a_string(self) -> None:
        document = as_document(portal(MEETING))
        assert isinstance(document.text, Article)
        assert (document.text.title, document.published) == (MEETING.title, MEETING.published)

    def test_a_traditional_page_resolves_against_its_url_date(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "page.htm"
        path.write_bytes(page_bytes("traditional_portal"))
        assert main(["extract", str(path)]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        meetings = [row for row in rows if row["kind"] == "meeting"]
        assert [(row["chair"]["name"], row["date"]) for row in meetings] == [("何家明", "2020-12-07")]
        assert TRADITIONAL.published == dt.date(2020, 12, 8)

    def test_a_page_without_a_story_is_reported_and_the_rest_is_read(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "a.html").write_text('<html><body><div><a href="/">首页</a></div></body></html>', "utf-8")
        (tmp_path / "b.html").write_bytes(page_bytes("portal"))
        status = main(["extract", str(tmp_path)])
        out, err = capsys.readouterr()
        assert status == 2  # an input that cannot be read
        assert "a.html: no story text found in the web page" in err
        assert {json.loads(line)["id"] for line in out.splitlines()} == {str(tmp_path / "b.html")}
