"""Web pages into text: the story a government page holds, its title and its publication date.

A government site's page wraps its story in navigation, breadcrumbs, an information bar
(发布时间：… 来源：… 浏览次数：… 【打印此页】), related links and a footer of ICP numbers and contact
lines. :func:`read_html` keeps the story:

* **Main text** is found by trafilatura (the ``html`` extra), tables included, one paragraph,
  heading or table row per line. What trafilatura keeps of the page's furniture is then dropped
  line by line with the ``page_furniture`` lexicon: a line that opens with one of the page's own
  labels (发布时间：, 来源：, 上一篇：), a short line with a full date and such a field (the
  information bar ``2021-03-05 09:30　来源：区政府办``), or a short line holding a footer word
  (ICP备, 打印此页).
  Labels a story itself uses (时间：, 地点：, the lines of a notice) are not the page's and stay.
* **Title**: the page's headline as trafilatura reads it, with the site's name cut off when the
  headline came from ``<title>`` (东城区召开…推进会_东城区人民政府网站): of the parts between
  separators (_ | - —), those ending in a ``site`` word of the lexicon name the site. The
  headline is the article's ``title``, not a line of its text.
* **Publication date**, in order: a labelled full date the page prints (发布时间：2021-03-05,
  发布日期：2021年03月05日 10:30; the first one, as the information bar comes before any list of
  related stories), else a full date the information bar prints before one of its fields
  (2021-03-05 09:30　来源：区政府办), else what htmldate reads from the page's metadata, structured markup and
  URL (``<meta name="PubDate">``, ``/art/2021/3/5/``). htmldate's extensive search, which guesses
  from any date in the text (and reads 2021年03月05日 as 2021-01-01), is not used: a date in the
  story is what the story speaks of, not when it came out.

Traditional pages (發布時間：, 網站) are matched through the reading view
(:func:`govmetrics.reading.reading_text`), as the extractors read them.

A page comes as bytes (a file) or a string (a JSON Lines field). Bytes are decoded by the
page's declared charset (GBK, GB2312 and GB18030 pages are read as GB18030, which holds them
all), and when that declaration is missing or wrong, as any text file is
(:func:`govmetrics.decoding.decode`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

import attrs

from govmetrics.decoding import decode
from govmetrics.errors import InputError
from govmetrics.extras import require
from govmetrics.published import PUBLISHED_RANGE, WRITTEN_DAY, first_written_day, parse_published
from govmetrics.reading import reading_text

if TYPE_CHECKING:
    from govmetrics.lexicon import Lexicons

#: What a web page's text starts with: a doctype, ``<html>``, or a tag of the body (a CMS's
#: content field holds ``<p style=…>…</p>`` fragments). Government prose never opens with ``<``
#: and a Latin letter: its brackets are full width (《》〈〉).
_PAGE_START = re.compile(
    r"\s*<(?:!doctype\s+html|html|head|body|p|div|span|table|tbody|tr|td|br|section|article|h[1-6]|font|strong|b|"
    r"center|ul|ol|li|img|a|meta|style|script)\b",
    re.IGNORECASE,
)
_WHOLE_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_CLOSING_TAG = re.compile(r"</[a-z][a-z0-9]*\s*>|<br\s*/?>", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_GB_CHARSETS = frozenset({"gb2312", "gbk", "x-gbk", "gb18030", "cp936", "ms936", "euc-cn"})
# A labelled publication date as the information bar prints it, tags and spaces allowed between
# the label and the date: 发布时间：2021-03-05, <span>发布日期：</span><span>2021年03月05日</span>.
_LABELLED_DATE = re.compile(
    r"(?:发布|发稿|发表|成文|印发)(?:时间|日期)\s*[:：]?(?:\s|&nbsp;|<[^>]{0,200}>){0,12}"
    rf"(?P<date>{WRITTEN_DAY})"
)
_FULL_DATE = re.compile(WRITTEN_DAY)
# what may stand between a bar's date and its next field: a clock time, spaces, tags
_BAR_GAP = r"日?(?:\s|&nbsp;|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|<[^>]{0,200}>){0,12}"
_TITLE_PARTS = re.compile(r"\s*(?:_+|\|+|[-—–－]{1,2}|\s+-\s+)\s*")
_SHORT_LINE = 200  # a footer line; a paragraph of the story holding 版权所有 is longer
_HEADLINE = 40  # a headline line: short, and it ends no sentence
_LONG_CELL = 200  # a table cell of more is a paragraph, and its table lays the page out
_BAR = 100  # an information bar that opens with its date: short, with a field of the page's
_SENTENCE_END = re.compile(r"[。！？!?；;：:]")
_DIGITS = re.compile(r"\d+")
# a character that says something (a letter, a digit, an ideograph), not a separator or a mark
_WORD = re.compile(r"[^\W_]")


@attrs.frozen
class WebPage:
    """The story of one web page: its main text (one paragraph, heading or table row per line),
    its headline, and the day it was published, when the page says."""

    text: str
    title: str | None = None
    published: dt.date | None = None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is a web page or an HTML fragment rather than prose: it opens with a
    doctype or a tag and holds a closing tag (or ``<br>``)."""
    return _PAGE_START.match(text) is not None and _CLOSING_TAG.search(text) is not None


def page_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """The page's bytes as text: by ``encoding``, else by the charset it declares, else detected."""
    if encoding is not None:
        return decode(data, name, encoding)
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared is not None:
        charset = declared.group(1).decode("ascii").lower()
        charset = "gb18030" if charset in _GB_CHARSETS else charset
        try:
            return data.decode("utf-8-sig" if charset in ("utf-8", "utf8") else charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a declaration that is wrong (a GBK page saying utf-8) or unknown
    return decode(data, name)


def read_html(
    page: str | bytes,
    name: str,
    *,
    encoding: str | None = None,
    url: str | None = None,
    lexicons: Lexicons | None = None,
) -> WebPage:
    """The story of a web page (see the module docstring for the rules).

    :param page: the page, as bytes (decoded by :func:`page_text`) or as text.
    :param name: what to call it in errors (its path, a record's id).
    :param url: where the page was fetched from, if known: its path may carry the date.
    :param lexicons: the lexicons whose ``page_furniture`` is dropped; the plugin host's when None.
    :raises InputError: the page holds no text to read.
    :raises MissingExtraError: trafilatura is not installed (the ``html`` extra).
    """
    html = page_text(page, name, encoding) if isinstance(page, bytes) else page
    trafilatura = require("trafilatura", "html", "reading web pages")
    # a fragment (a CMS's content field) is given the page around it that lxml expects
    tree = trafilatura.load_html(html if _WHOLE_PAGE.search(html[:4096]) else f"<html><body>{html}</body></html>")
    if tree is None:
        raise InputError(f"{name}: not a web page that can be parsed")
    _layout_tables_as_blocks(tree)
    _drop_link_lists(tree)
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=True,  # no fallback extractors: jusText's stop words are English, readability's scores Latin text
        config=_config(trafilatura),
        with_metadata=True,
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None or not (found.text or "").strip():
        raise InputError(f"{name}: no story text found in the web page")
    if lexicons is None:
        from govmetrics.plugins import get_plugin_host

        lexicons = get_plugin_host().lexicons()
    furniture = lexicons.built("page_furniture", _Furniture)
    title, text, bar = furniture.story(found.text, found.title)
    if not text:
        raise InputError(f"{name}: no story text found in the web page")
    read = reading_text(html)  # the page as the labels are written: 發布時間 read as 发布时间
    published = _labelled_date(read) or furniture.bar_date(read) or bar or _metadata_date(html, url)
    return WebPage(text=text, title=title, published=published)


@functools.cache
def _config(trafilatura: Any) -> Any:
    """trafilatura's settings for Chinese pages: a story of a few sentences is a whole story (a
    news item of 60 characters says all it has to), so trafilatura is not to go looking for more
    of the page, menus and lists included, when its main text is under 250 characters."""
    config = trafilatura.settings.use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "10")
    return config


def _layout_tables_as_blocks(tree: Any) -> None:
    """Make the tables that lay a page out into blocks, as a browser shows them: a table holding
    tables or paragraphs (a cell with ``<p>``, ``<div>``, ``<br>`` or a long text), or one without
    two rows of two cells (a column of blocks). Old sites put every part of the page in table
    cells, and read as a data table the story would be one row of cells with its paragraphs run
    together. A data table (rows of short cells) stays."""
    for table in list(tree.iter("table")):
        rows = table.xpath("./tr|./tbody/tr|./thead/tr|./tfoot/tr")
        wide = sum(1 for row in rows if len(row.xpath("./td|./th")) >= 2)
        if wide >= 2 and not table.xpath(".//table|.//td//p|.//td//div|.//td//br") and not _long_cell(table):
            continue
        for part in [table, *table.xpath("./tbody|./thead|./tfoot"), *rows]:
            part.tag = "div"
        for row in rows:
            for cell in row.xpath("./td|./th"):
                cell.tag = "div"


def _labelled_date(read: str) -> dt.date | None:
    """The first full date the page (in its reading view) prints after a publication label
    (发布时间：, 發佈日期：)."""
    return first_written_day(match.group("date") for match in _LABELLED_DATE.finditer(read))


def _metadata_date(html: str, url: str | None) -> dt.date | None:
    """The date htmldate reads from the page's ``<head>`` (meta tags, JSON-LD) and its URL.

    Only the head is given: on the whole page, even without its extensive search, htmldate takes
    the first ISO date anywhere (a list of related stories, a calendar widget's today)."""
    end = html.lower().find("</head>")
    head = html[: end + len("</head>")] + "</html>" if end >= 0 else "<html></html>"
    htmldate = require("htmldate", "html", "reading web pages")
    found = htmldate.find_date(
        head, extensive_search=False, original_date=True, url=url, max_date=PUBLISHED_RANGE[1].isoformat()
    )
    if not found:
        return None
    try:
        return parse_published(found)
    except InputError:
        return None


#: Blocks that may hold a page's menus and link lists (not headings, which may be a link to the
#: story itself, nor table cells, whose data tables keep every cell).
_BLOCKS = (
    "div",
    "ul",
    "ol",
    "li",
    "nav",
    "p",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "aside",
    "section",
    "center",
    "menu",
)


def _long_cell(table: Any) -> bool:
    """Whether a cell of ``table`` holds a paragraph's worth of text rather than a datum."""
    return any(len(cell.text_content()) > _LONG_CELL for cell in table.iter("td", "th"))


def _drop_link_lists(tree: Any) -> None:
    """Drop the blocks that hold nothing but links and the marks between them: menus, a
    breadcrumb's links, lists of related stories. trafilatura keeps such blocks when a page is
    small, and writes each link as a line of the story. A block with any word outside its links
    (当前位置：, 附件：) stays for the furniture rules; the text after a dropped block stays."""
    for block in list(tree.iter(*_BLOCKS)):
        parent = block.getparent()
        if parent is None or not block.xpath(".//a") or block.xpath(".//table|.//h1|.//h2|.//h3"):
            continue
        outside = "".join(block.xpath(".//text()[not(ancestor::a)]"))
        if (
            _WORD.search(_DIGITS.sub("", outside)) is None
            and block.getroottree().getroot() is tree.getroottree().getroot()
        ):
            block.drop_tree()


class _Furniture:
    """The ``page_furniture`` lexicon made into the tests that drop a page's lines."""

    def __init__(self, lexicons: Lexicons) -> None:
        from govmetrics.chinese import alternation

        rows = lexicons.rows("page_furniture")
        labels = [row[0] for row in rows if row[1:] == ("label",)]
        lines = [row[0] for row in rows if row[1:] == ("line",)]
        sites = [row[0] for row in rows if row[1:] == ("site",)]
        self._label = re.compile(rf"[\s|【\[（(]*(?:{alternation(labels) or '(?!)'})\s*[:：]")
        # the same label anywhere a field of a bar starts: 2021-03-05 09:30　来源：区政府办
        self._field = re.compile(rf"(?:^|[\s|【\[（(])(?:{alternation(labels) or '(?!)'})\s*[:：]")
        self._date_then_field = re.compile(
            rf"(?P<date>{WRITTEN_DAY}){_BAR_GAP}[|【\[（(]?(?:{alternation(labels) or '(?!)'})\s*[:：]"
        )
        self._line = re.compile(alternation(lines) or "(?!)", re.IGNORECASE)
        self._site = re.compile(rf"(?:{alternation(sites) or '(?!)'})$")

    def bar_date(self, read: str) -> dt.date | None:
        """The first full date the page (in its reading view) prints just before a field of its
        information bar (``<span>2021-03-05 09:30</span><span>来源：区政府办</span>``)."""
        return first_written_day(match.group("date") for match in self._date_then_field.finditer(read))

    def story(self, text: str, title: str | None) -> tuple[str | None, str, dt.date | None]:
        """The headline, the story's lines without the page's furniture, and the first full date
        printed on the page's information bar (a line of the page's labels: 来源：…　2021-03-05).

        The headline is ``title`` (trafilatura's: the page's heading, else its ``<title>``) without
        the site's name; where only the site's name is left, it is the story's first line when
        that is short and ends no sentence (an old page's bold heading). The first line of the
        text that repeats the headline goes.
        """
        headline = self._headline(title)
        kept: list[str] = []
        bar: dt.date | None = None
        for line in text.splitlines():
            bare = _unescaped(line.strip())
            read = reading_text(bare)
            if not _WORD.search(bare):
                continue
            dates = _FULL_DATE.findall(read)
            if self._label.match(read) or (dates and len(bare) <= _BAR and self._field.search(read)):
                bar = bar or first_written_day(dates)
                continue
            if len(bare) <= _SHORT_LINE and self._line.search(read):
                continue
            if not kept and headline and _squashed(bare) == _squashed(headline):
                continue
            if not kept and headline is None and len(bare) <= _HEADLINE and not _SENTENCE_END.search(bare):
                headline = bare
                continue
            kept.append(bare)
        return headline, "\n".join(kept), bar

    def _headline(self, title: str | None) -> str | None:
        """``title`` without the parts that name the site; None when nothing else is left."""
        if not title or not title.strip():
            return None
        parts = [part for part in _TITLE_PARTS.split(title.strip()) if part]
        story = [part for part in parts if not self._site.search(reading_text(part))]
        return max(story, key=len) if story else None


def _unescaped(line: str) -> str:
    return line.replace("\\|", "|")


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)
