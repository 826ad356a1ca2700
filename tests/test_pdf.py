"""PDF pages read in reading order: pages the tests typeset themselves (tests/typeset.py), read
back with :func:`govmetrics.readers.pdf.read_pdf`, must give the articles and records that the
same stories give as text."""

from __future__ import annotations

import pickle
import random
import re
import sys
from typing import Any

import pytest

import govmetrics
from govmetrics.errors import InputError, MissingExtraError
from govmetrics.models import Article, Span
from govmetrics.serialize import to_dict
from tests.shared import SHARED

pytest.importorskip("pypdfium2", reason="the PDF reader needs the pdf extra")
pytest.importorskip("reportlab", reason="the PDF tests typeset their pages with reportlab")

from govmetrics.readers.pdf import PdfText, read_pdf
from tests.typeset import Layout, Printed, Story, typeset

PUBLISHED = "2021-04-06"

STANDING_COMMITTEE = Story(
    headlines=("区委常委会专题研究背街小巷整治", "街巷长每周至少巡查两次"),
    body=(
        "本报讯（记者林木 通讯员赵平）3月8日，区委书记王明主持召开区委常委会会议，听取关于背街"
        "小巷环境整治工作情况的汇报，研究部署下一步重点任务。\n"
        "会议指出，今年以来，全区累计整治背街小巷46条，拆除违法建设1.2万平方米，惠及居民2万余户。\n"
        "会议要求，各街道要建立“街巷长”制度，街巷长每周至少巡查两次，社区每季度至少开展一次居民"
        "满意度测评；区城管委要会同相关部门，于6月底前完成第二批32条街巷的整治任务。区委副书记、"
        "区长李华，区委常委张强、刘洋参加会议。"
    ),
)
KNOCKING = Story(
    headlines=("金顶街道开展\n“敲门行动”",),
    body=(
        "本报讯（记者孙悦）近日，金顶街道启动“敲门行动”，组织社区工作者、志愿者走进辖区独居老人"
        "家中，了解生活需求，登记服务事项。\n"
        "据介绍，街道共组建服务小分队28支，目前已走访独居老人1300余户，发放应急呼叫器860台。今后，"
        "小分队将每月至少上门探访一次，对高龄失能老人每周电话问候两次，确保老人有事有人管、有难有人帮。"
    ),
)
ELSEWHERE = Story(headlines=("区领导检查汛期安全工作",), body="")

CONSULTATION_START = (
    "本报讯 4月2日，区政协召开十一届常委会第五次会议，区政协主席陈光主持会议。会议传达学习全国两会"
    "精神，审议通过《区政协2021年度协商计划》。\n"
    "会议要求，各专门委员会要围绕全区中心工作深入开展调研，全年计划组织专题协商活动12次，每季度至少召开一次"
)
CONSULTATION_REST = (
    "界别协商座谈会，确保协商成果转化落地。会议还通报了2020年度委员履职情况，全区政协委员共提交提案326件，"
    "立案289件，办复率达到100%。"
)
CONSULTATION = Story(headlines=("区政协召开常委会会议",), body=CONSULTATION_START, continued_on="2")
CONSULTATION_PAGE_2 = Story(body="（上接1版）" + CONSULTATION_REST)
GREENING = Story(
    headlines=("苹果园街道新建口袋公园5处",),
    body=(
        "本报讯（通讯员周宁）4月1日，苹果园街道新建的5处口袋公园全部向居民开放，新增绿化面积"
        "3800平方米，安装健身器材40余件。街道每月组织一次养护检查。"
    ),
)


def as_text(stories: list[Story], headlines_after: bool = False) -> str:
    """The stories as a page of text: headline blocks, then the body (or the other way round),
    blocks apart by blank lines."""
    blocks = []
    for story in stories:
        body = [story.body] if story.body else []
        body += [f"（下转{story.continued_on}版）"] if story.continued_on else []
        blocks.extend([*body, *story.headlines] if headlines_after else [*story.headlines, *body])
    return "\n\n".join(blocks)


def read(stories: list[Story], columns: int, **layout: Any) -> tuple[PdfText, list[Printed]]:
    data, printed = typeset([stories], Layout(columns=columns, **layout))
    return read_pdf(data, "page.pdf"), printed


def article_key(article: Article) -> tuple[Any, ...]:
    """What an article must keep through typesetting: headlines, title, bylines, the start of its text."""
    start = "".join(article.text.split())[:24]
    return (article.title, article.headlines, [(p.name, p.titles) for p in article.byline], start, article.continued_on)


def records(article: Article) -> list[dict[str, Any]]:
    """Each record's kind, values and text, its span left out (the texts differ in their line breaks).

    A record's text is compared with its whitespace taken out: cleaning keeps a line break after
    a sentence's end, and where lines end depends on the column width the page was set in.
    """
    found = []
    for record in govmetrics.extract(article).records:
        data = to_dict(record)
        data.pop("span")
        data["text"] = "".join(data["text"].split())
        found.append(data)
    return found


def assert_same_articles(got: list[Article], expected: list[Article]) -> None:
    assert [article_key(a) for a in got] == [article_key(a) for a in expected]
    for mine, theirs in zip(got, expected, strict=True):
        assert records(mine) == records(theirs), theirs.title


@pytest.mark.parametrize("headlines_after", [False, True], ids=["headlines-first", "headlines-after"])
@pytest.mark.parametrize("columns", [1, 2, 3])
def test_own_page_in_columns_reads_as_its_text(columns: int, headlines_after: bool) -> None:
    stories = [STANDING_COMMITTEE, KNOCKING, GREENING, ELSEWHERE]
    pdf, _ = read(stories, columns, width=595, height=842, headlines_after=headlines_after)
    expected = govmetrics.split_page(as_text(stories, headlines_after), PUBLISHED)
    got = govmetrics.split_page(pdf.text, PUBLISHED)
    assert_same_articles(got, expected)
    titles = [story.headlines[0].replace("\n", " ") for story in stories]
    assert [a.title for a in got] == titles and sum(len(records(a)) for a in got) >= 12


@pytest.mark.parametrize("spacing", [0.9, 1.5])
def test_headlines_spaced_out_are_read_as_lines(spacing: float) -> None:
    """Headline characters set an em or two apart, further apart than the characters of a line
    piece may be, are still one line: they are evenly spaced."""
    stories = [KNOCKING, ELSEWHERE]
    pdf, _ = read(stories, 2, width=842, height=842, headline_spacing=spacing)
    assert_same_articles(govmetrics.split_page(pdf.text, PUBLISHED), govmetrics.split_page(as_text(stories), PUBLISHED))
    assert "区领导检查汛期安全工作" in pdf.text.split("\n")


def test_a_headline_spanning_the_columns_is_read_before_them() -> None:
    pdf, _ = read([STANDING_COMMITTEE], 3, width=595, height=842)
    blocks = pdf.text.split("\n\n")
    assert blocks[:2] == ["区委常委会专题研究背街小巷整治", "街巷长每周至少巡查两次"]
    assert "".join(blocks[2].split()).startswith("本报讯（记者林木通讯员赵平）")
    assert "".join("".join(blocks[2:]).split()) == "".join(STANDING_COMMITTEE.body.split())


def test_each_column_is_a_block_and_justified_lines_get_no_spaces() -> None:
    pdf, printed = read([KNOCKING], 3, width=595, height=842)
    body = pdf.text.split("\n\n")[1:]
    assert len(body) == 3  # one block per column: the columns of one story, read left to right
    lines = [line for block in body for line in block.split("\n")]
    assert " " not in pdf.text and len(lines) > 6
    # every full line was printed with letter spacing, and reads as the characters printed on it
    assert "".join(lines) == "".join(p.char for p in printed if p.size == Layout().body_size)


def test_a_narrow_headline_under_a_short_third_column() -> None:
    """Three columns whose third is short, then a headline no wider than the first: the third
    column still belongs to the story above, read before the headline (a gutter runs down the
    whole page, and a cut along it alone would read the story below before that column)."""
    pdf, _ = read([STANDING_COMMITTEE, KNOCKING], 3, width=595, height=842)
    text = "".join(pdf.text.split())
    assert text.index("刘洋参加会议") < text.index("金顶街道开展")


def _drawn(lines: list[tuple[float, float, float, str]], scaled: bool = False, turned: int = 0) -> bytes:
    """A page with each ``(x, baseline, size, text)`` printed as given; ``scaled`` sets the type at
    size 1 and scales it up with the page's matrix, as many typesetting systems write it;
    ``turned`` (90, 180, 270) makes a page that the viewer turns that far clockwise (``/Rotate``),
    its text drawn turned the other way, so that it shows as the lines say."""
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    width, height = (842, 595) if turned in (90, 270) else (595, 842)
    page = canvas.Canvas(out, pagesize=(width, height))
    if turned:
        page.setPageRotation(turned)
        # from where a point shows to where it is drawn: the inverse of the viewer's turn
        page.transform(
            *{90: (0, 1, -1, 0, width, 0), 180: (-1, 0, 0, -1, width, height), 270: (0, -1, 1, 0, 0, height)}[turned]
        )
    for x, baseline, size, text in lines:
        page.saveState()
        if scaled:
            page.transform(size, 0, 0, size, x, baseline)
            x, baseline, size = 0.0, 0.0, 1.0
        page.setFont("STSong-Light", size)
        page.drawString(x, baseline, text)
        page.restoreState()
    page.save()
    return out.getvalue()


SIDE_BY_SIDE = (
    [(40.0, 780.0, 20.0, "左上标题横跨左边两栏文字"), (390.0, 780.0, 20.0, "右栏标题")]
    + [(40.0, 750.0 - 13 * i, 10.0, f"左上第一栏第{i}行文字内容") for i in range(4)]
    + [(215.0, 750.0 - 13 * i, 10.0, f"左上第二栏第{i}行文字内容") for i in range(3)]
    + [(390.0, 750.0 - 13 * i, 10.0, f"右栏第{i}行文字内容") for i in range(16)]
    + [(40.0, 670.0, 20.0, "左下标题也横跨左边两栏")]
    + [(40.0, 640.0 - 13 * i, 10.0, f"左下第一栏第{i}行文字内容") for i in range(3)]
    + [(215.0, 640.0 - 13 * i, 10.0, f"左下第二栏第{i}行文字内容") for i in range(2)]
)


@pytest.mark.parametrize(
    ("scaled", "turned"),
    [(False, 0), (True, 0), (False, 90), (False, 180), (False, 270)],
    ids=["set-in-size", "scaled-by-matrix", "turned-90", "turned-180", "turned-270"],
)
@pytest.mark.parametrize("order", ["as-read", "reversed", "shuffled"])
def test_stories_set_side_by_side_are_read_one_after_the_other(scaled: bool, turned: int, order: str) -> None:
    """A story over the first two columns, another under it, and beside both a third story down the
    last column: the left stories first, each headline before its columns, then the right one,
    whatever order the file draws its lines in, and on a page the viewer turns."""
    lines = list(SIDE_BY_SIDE)
    if order == "reversed":
        lines.reverse()
    elif order == "shuffled":
        random.Random(7).shuffle(lines)
    blocks = read_pdf(_drawn(lines, scaled, turned), "side.pdf").text.split("\n\n")
    assert [block.split("\n")[0] for block in blocks] == [
        "左上标题横跨左边两栏文字",
        "左上第一栏第0行文字内容",
        "左上第二栏第0行文字内容",
        "左下标题也横跨左边两栏",
        "左下第一栏第0行文字内容",
        "左下第二栏第0行文字内容",
        "右栏标题",
        "右栏第0行文字内容",
    ]
    assert blocks[1].count("\n") == 3 and blocks[7].count("\n") == 15


def test_a_story_over_three_columns_keeps_its_short_third_column_above_two_stories_under_it() -> None:
    """A story over three columns, its third column short; under it a story over the first two
    columns, and one starting higher in the third: a gutter runs down the whole page between
    the second and third columns, but the story above is read whole before the two below."""
    left, middle, right = 40.0, 215.0, 390.0
    lines = [(left, 790.0, 20.0, "上方稿件标题横跨两栏多")]
    lines += [(left, 760.0 - 13 * i, 10.0, f"上稿第一栏第{i}行文字内容") for i in range(6)]
    lines += [(middle, 760.0 - 13 * i, 10.0, f"上稿第二栏第{i}行文字内容") for i in range(6)]
    lines += [(right, 760.0 - 13 * i, 10.0, f"上稿第三栏第{i}行文字内容") for i in range(3)]
    lines += [(right, 700.0, 20.0, "右下标题")]
    lines += [(right, 675.0 - 13 * i, 10.0, f"右下第{i}行文字内容") for i in range(8)]
    lines += [(left, 660.0, 20.0, "左下标题横跨两栏文字")]
    lines += [(left, 635.0 - 13 * i, 10.0, f"左下第一栏第{i}行文字内容") for i in range(3)]
    lines += [(middle, 635.0 - 13 * i, 10.0, f"左下第二栏第{i}行文字内容") for i in range(3)]
    blocks = read_pdf(_drawn(lines), "modules.pdf").text.split("\n\n")
    assert [block.split("\n")[0] for block in blocks] == [
        "上方稿件标题横跨两栏多",
        "上稿第一栏第0行文字内容",
        "上稿第二栏第0行文字内容",
        "上稿第三栏第0行文字内容",
        "左下标题横跨两栏文字",
        "左下第一栏第0行文字内容",
        "左下第二栏第0行文字内容",
        "右下标题",
        "右下第0行文字内容",
    ]
    assert [block.count("\n") + 1 for block in blocks] == [1, 6, 6, 3, 1, 3, 3, 1, 8]


def test_a_headline_set_vertically_is_read_as_one_line() -> None:
    """A story in one column with its headline set vertically beside it, one character under another."""
    body = ["本报讯（记者孙悦）近日，金顶街道启动", "“敲门行动”，走访独居老人1300余", "户，每月至少上门探访一次。"]
    lines = [(40.0, 780.0 - 13 * i, 10.0, text) for i, text in enumerate(body)]
    lines += [(300.0, 780.0 - 22 * i, 20.0, char) for i, char in enumerate("金顶街道开展敲门行动")]
    pdf = read_pdf(_drawn(lines), "vertical.pdf")
    assert pdf.text.split("\n\n")[-1] == "金顶街道开展敲门行动"
    (article,) = govmetrics.split_page(pdf.text, PUBLISHED)
    assert article.title == "金顶街道开展敲门行动" and article.text.startswith("近日，金顶街道")
    start = pdf.text.index("金顶街道开展")
    boxes = pdf.boxes(start, start + 3)  # one a character, each on its own baseline
    assert len(boxes) == 3 and all(box.y0 < 780 - 22 * i < box.y1 for i, box in enumerate(boxes))


def test_a_headline_whose_story_is_on_another_page_is_an_article_with_no_text() -> None:
    pdf, _ = read([KNOCKING, ELSEWHERE], 2, width=595, height=842)
    *_, elsewhere = govmetrics.split_page(pdf.text, PUBLISHED)
    assert elsewhere.text == "" and elsewhere.title == "区领导检查汛期安全工作"


def test_a_story_continued_on_another_page_is_one_article() -> None:
    layout = Layout(columns=2, width=595, height=842)
    data, _ = typeset([[CONSULTATION, KNOCKING], [CONSULTATION_PAGE_2, GREENING]], layout)
    pdf = read_pdf(data, "paper.pdf")
    assert len(pdf.page_starts) == 2 and pdf.text[pdf.page_starts[1] - 1] == "\f"
    articles = govmetrics.split_page(pdf.text, PUBLISHED)
    assert [a.title for a in articles] == [
        "区政协召开常委会会议",
        "金顶街道开展 “敲门行动”",
        "苹果园街道新建口袋公园5处",
    ]
    consultation = articles[0]
    assert consultation.continued_on is None and consultation.continued_from is None
    whole = Story(headlines=CONSULTATION.headlines, body=CONSULTATION_START + CONSULTATION_REST)
    (expected,) = govmetrics.split_page(as_text([whole]), PUBLISHED)
    assert "".join(consultation.text.split()) == "".join(expected.text.split())
    assert records(consultation) == records(expected)
    # each part's records map back to the page it was printed on
    for record in govmetrics.extract(consultation).records:
        raw = consultation.raw_span(record.span)
        page = 2 if record.text in CONSULTATION_REST else 1
        assert {box.page for box in pdf.boxes(raw.start, raw.end)} == {page}, record.text


def test_a_page_break_ends_a_story_that_no_marker_continues() -> None:
    page = (
        "本报讯 3月8日，八角街道组织志愿者开展垃圾分类宣传，发放宣传\f"
        "折页1200余份，覆盖居民3200余户。\n\n"
        "本报讯 3月9日，古城街道召开议事协商会，研究停车难问题。"
    )
    first, second, third = govmetrics.split_page(page, PUBLISHED)
    assert first.text.endswith("发放宣传") and second.text.startswith("折页1200余份")
    assert third.text.startswith("3月9日")


def test_a_continuation_marker_standing_alone_opens_the_story_after_it() -> None:
    page = as_text([CONSULTATION]) + "\f（上接1版）\n\n" + CONSULTATION_REST
    (article,) = govmetrics.split_page(page, PUBLISHED)
    whole = Story(headlines=CONSULTATION.headlines, body=CONSULTATION_START + CONSULTATION_REST)
    (expected,) = govmetrics.split_page(as_text([whole]), PUBLISHED)
    assert article.text == expected.text and article.continued_on is None
    assert records(article) == records(expected)


def test_markers_that_do_not_answer_each_other_join_nothing() -> None:
    # page 2 says the story came from 3版; the story on page 1 goes on to 2版
    page = as_text([CONSULTATION]) + "\f（上接3版）" + CONSULTATION_REST
    first, second = govmetrics.split_page(page, PUBLISHED)
    assert (first.continued_on, second.continued_from) == ("2", "3")
    assert second.text.startswith("界别协商座谈会")


def test_a_records_boxes_are_where_typeset_printed_it() -> None:
    pdf, printed = read([STANDING_COMMITTEE, KNOCKING], 3, width=595, height=842)
    articles = govmetrics.split_page(pdf.text, PUBLISHED)
    checked = 0
    for article in articles:
        for record in govmetrics.extract(article).records:
            raw = article.raw_span(record.span)
            lines = _printed_lines(printed, pdf.text[raw.start : raw.end])
            if lines is None:
                continue  # the record's characters are printed more than once on the page
            boxes = pdf.boxes(raw.start, raw.end)
            assert len(boxes) == len(lines), record.text
            for box, line in zip(boxes, lines, strict=True):
                assert box.page == 1
                assert box.x0 == pytest.approx(line[0].x0, abs=0.05)
                # where a character ends is its glyph's width in the font the PDF library puts in
                # for STSong-Light (never embedded), within a tenth of an em of reportlab's advance
                assert box.x1 == pytest.approx(line[-1].x1 + line[-1].spacing, abs=0.1 * line[-1].size)
                assert box.y0 < line[0].baseline < box.y1
                assert 0.8 * line[0].size < box.y1 - box.y0 < 1.4 * line[0].size
            checked += 1
    assert checked >= 8


def _printed_lines(printed: list[Printed], text: str) -> list[list[Printed]] | None:
    """The characters typeset printed for ``text`` (its only occurrence), grouped by line."""
    wanted = "".join(text.split())
    chars = "".join(p.char for p in printed)
    at = chars.find(wanted)
    if at < 0 or chars.find(wanted, at + 1) >= 0:
        return None
    lines: list[list[Printed]] = []
    for char in printed[at : at + len(wanted)]:
        if lines and lines[-1][-1].baseline == char.baseline and lines[-1][-1].x1 <= char.x0 + 0.01:
            lines[-1].append(char)
        else:
            lines.append([char])
    return lines


def test_boxes_of_inserted_breaks_only_are_empty_and_pages_are_counted() -> None:
    layout = Layout(columns=2, width=595, height=842)
    data, _ = typeset([[KNOCKING], [GREENING]], layout)
    pdf = read_pdf(data, "two.pdf")
    blank = pdf.text.index("\n\n")
    assert pdf.boxes(blank, blank + 2) == ()
    assert pdf.page_at(0) == 1 and pdf.page_at(pdf.page_starts[1]) == 2 and pdf.page_at(len(pdf.text)) == 2
    with pytest.raises(ValueError, match="outside"):
        pdf.boxes(0, len(pdf.text) + 1)


def test_a_pdf_text_pickles_with_its_boxes() -> None:
    pdf, _ = read([KNOCKING], 2, width=595, height=842)
    back = pickle.loads(pickle.dumps(pdf))
    assert back == pdf and back.boxes(0, len(back.text)) == pdf.boxes(0, len(pdf.text))


def test_the_title_metadata_is_kept_unless_it_names_nothing() -> None:
    layout = Layout(columns=2, width=595, height=842)
    named, _ = typeset([[KNOCKING]], layout, title="石景山报 2021年4月6日 第1版")
    assert read_pdf(named, "a.pdf").title == "石景山报 2021年4月6日 第1版"
    untitled, _ = typeset([[KNOCKING]], layout)  # reportlab writes "untitled"
    assert read_pdf(untitled, "b.pdf").title is None


def _drawing_only() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(595, 842))
    page.rect(50, 50, 400, 600, fill=1)  # where a scan's picture of text would be
    page.showPage()
    page.save()
    return out.getvalue()


def test_a_page_with_no_text_layer_asks_for_ocr() -> None:
    with pytest.raises(InputError, match=r"^scan\.pdf: no text layer \(a scanned PDF\); run OCR .*ocrmypdf"):
        read_pdf(_drawing_only(), "scan.pdf")


def test_an_encrypted_pdf_is_refused_by_name() -> None:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt="secret")
    page.drawString(50, 700, "locked")
    page.save()
    with pytest.raises(InputError, match=r"^locked\.pdf: the PDF is encrypted with a password"):
        read_pdf(out.getvalue(), "locked.pdf")


@pytest.mark.parametrize("cut", [0.5, 0.95])
def test_truncated_bytes_are_refused_by_name(cut: float) -> None:
    data, _ = typeset([[KNOCKING]], Layout(columns=2, width=595, height=842))
    with pytest.raises(InputError, match=r"^cut\.pdf: not a readable PDF"):
        read_pdf(data[: int(len(data) * cut)], "cut.pdf")
    with pytest.raises(InputError, match=r"^notes\.pdf: not a readable PDF"):
        read_pdf("本报讯 这不是PDF文件".encode(), "notes.pdf")


def test_a_pdf_is_read_from_bytes_never_from_a_path() -> None:
    data, _ = typeset([[KNOCKING]], Layout(columns=2, width=595, height=842))
    assert read_pdf(bytearray(data), "a.pdf").text == read_pdf(data, "a.pdf").text
    with pytest.raises(InputError, match=r"^a\.pdf: a PDF is read from its bytes, not from a str"):
        read_pdf("a.pdf", "a.pdf")  # type: ignore[arg-type]


def test_without_pypdfium2_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(MissingExtraError, match=r"reading PDF files needs pypdfium2: pip install 'govmetrics\[pdf\]'"):
        read_pdf(b"%PDF-1.4", "a.pdf")


def _seed_stories(page: str) -> list[Story]:
    """The seed page's stories as typeset prints them: each story's headline blocks (line by line,
    as the page prints them), its dateline and body (paragraphs: the page's blank lines that fall
    inside a sentence are its columns ending), its （下转N版）; headlines of stories elsewhere last."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", page) if block.strip()]
    printed = {" ".join(line.strip() for line in block.split("\n")): block for block in blocks}
    stories = []
    articles = govmetrics.split_page(page, published="2019-07-16")
    for article in articles:
        headlines = tuple("\n".join(line.strip() for line in printed[h].split("\n")) for h in article.headlines)
        if not article.text:
            stories.append(Story(headlines=headlines, body=""))
            continue
        raw = article.raw_span(Span(start=0, end=len(article.text)))
        dateline = page.rfind("本报讯", 0, raw.start)
        paragraphs: list[str] = []
        for chunk in re.split(r"\n\s*\n", page[dateline : raw.end]):
            joined = re.sub(r"\s*\n\s*", "", chunk.strip())
            if paragraphs and not paragraphs[-1].endswith(("。", "！", "？", "”")):
                paragraphs[-1] += joined
            else:
                paragraphs.append(joined)
        stories.append(Story(headlines=headlines, body="\n".join(paragraphs), continued_on=article.continued_on))
    return sorted(stories, key=lambda story: not story.body)


@pytest.mark.shared
@pytest.mark.parametrize("headlines_after", [False, True], ids=["headlines-first", "headlines-after"])
@pytest.mark.parametrize("columns", [2, 3])
def test_seed_page_typeset_in_columns_gives_the_articles_and_records_of_its_text(
    columns: int, headlines_after: bool
) -> None:
    if not SHARED.is_dir():
        pytest.skip("needs ../shared")
    page = (SHARED / "seeds" / "shijingshan-2019-07-page1.txt").read_text("utf-8")
    expected = govmetrics.split_page(page, published="2019-07-16")
    layout = Layout(columns=columns, height=1400, body_size=9, leading=12, headlines_after=headlines_after)
    data, _ = typeset([_seed_stories(page)], layout)
    got = govmetrics.split_page(read_pdf(data, "seed.pdf").text, published="2019-07-16")
    assert_same_articles(got, expected)
    assert sum(len(records(a)) for a in got) > 25
