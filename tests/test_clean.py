"""Cleaning PDF text: what goes, what stays, and the map back to the raw input."""

from __future__ import annotations

import random

import pytest

import govmetrics
from govmetrics.clean import clean_text
from govmetrics.models import Article, Span

# A page as pdftotext gives it: hard line breaks inside sentences and numbers, justified spaces,
# a blank line between paragraphs.
PDF_PAGE = (
    "本报讯（记者 林 木）7 月 11 日上午，区委常委会召开会议。\n"
    "会议指出，全区完成老旧小区综合整治1\n"
    "2个，涉及楼房86栋、居民3,200余户，改造面积约18.6万平\n"
    "方米，完成投资1.2亿元。\n"
    "\n"
    "石 景 山 区 共 有 238 栋楼 纳入整治，每季度\n"
    "至少进行一次走访，PM2.5 and air quality\n"
    "monitoring 覆盖１２３户。\n"
)


def cleaned(raw: str) -> str:
    return clean_text(raw).text


class TestLineBreaks:
    @pytest.mark.parametrize(
        ("raw", "text"),
        [
            ("完成老旧小区\n综合整治", "完成老旧小区综合整治"),
            ("涉及5\n6 个小区", "涉及56个小区"),  # a break inside a number joins it
            ("改造面积约18.\n6万平方米", "改造面积约18.6万平方米"),
            ("a\r\nb", "a b"),
        ],
        ids=["inside-sentence", "inside-number", "inside-decimal", "crlf-between-latin"],
    )
    def test_a_break_inside_a_paragraph_is_joined(self, raw: str, text: str) -> None:
        assert cleaned(raw) == text

    @pytest.mark.parametrize("closer", ["。", "！", "？", "；", "：", "…", "”", "）"])
    def test_a_break_after_sentence_closing_punctuation_stays(self, closer: str) -> None:
        assert cleaned(f"会议召开{closer}\n下一句") == f"会议召开{closer}\n下一句"

    @pytest.mark.parametrize("gap", ["\n\n", "\n\n\n\n", "\n  \n", "\r\n\r\n", "\n\u3000\u3000\n"])
    def test_a_blank_line_after_a_sentence_becomes_one_break(self, gap: str) -> None:
        assert cleaned(f"第一段。{gap}第二段") == "第一段。\n第二段"

    def test_a_blank_line_inside_a_sentence_is_a_column_break_and_goes(self) -> None:
        assert cleaned("82岁的宫大爷二级残疾\n\n常年饱受疾病的折磨") == "82岁的宫大爷二级残疾常年饱受疾病的折磨"

    def test_a_dateline_after_a_headline_starts_a_paragraph(self) -> None:
        assert cleaned("解决居民难题\n\n本报讯（记者王哲）7月11日") == "解决居民难题\n本报讯（记者王哲）7月11日"

    def test_a_traditional_dateline_after_a_headline_starts_a_paragraph(self) -> None:
        assert cleaned("推進舊城改造\n\n本報訊（記者陳安）5月3日") == "推進舊城改造\n本報訊（記者陳安）5月3日"
        assert cleaned("推進舊城改造\n\n新華社廣州5月3日電") == "推進舊城改造\n新華社廣州5月3日電"

    def test_a_closer_then_blank_line_is_still_one_break(self) -> None:
        assert cleaned("第一段。\n\n\n第二段。") == "第一段。\n第二段。"

    def test_a_break_between_latin_words_is_a_space(self) -> None:
        assert cleaned("air quality\nmonitoring") == "air quality monitoring"

    def test_whitespace_at_either_end_goes(self) -> None:
        assert cleaned("\n\n  全区完成12个。 \n\n") == "全区完成12个。"


class TestSpaces:
    @pytest.mark.parametrize(
        ("raw", "text"),
        [
            ("石 景 山 区", "石景山区"),
            ("7 月 10 日", "7月10日"),
            ("238 栋楼", "238栋楼"),
            ("2 3 8 栋", "238栋"),
            ("提高 6.5 个百分点", "提高6.5个百分点"),
            ("增长 12 %", "增长12%"),
            ("全\u3000\u3000区", "全区"),  # ideographic spaces justify too
            ("（记者 林 木）", "（记者林木）"),
            ("１２３ 户", "１２３户"),
            ("PM2.5 浓度", "PM2.5浓度"),  # a digit then a CJK character, whatever comes before
        ],
    )
    def test_spaces_between_cjk_and_digits_go(self, raw: str, text: str) -> None:
        assert cleaned(raw) == text

    @pytest.mark.parametrize(
        ("raw", "text"),
        [
            ("air quality", "air quality"),
            ("air   quality", "air quality"),
            ("air\t \u00a0quality", "air quality"),
            ("APP 下载", "APP 下载"),
            ("下载 APP", "下载 APP"),
        ],
    )
    def test_spaces_next_to_latin_words_stay_as_one(self, raw: str, text: str) -> None:
        assert cleaned(raw) == text

    @pytest.mark.parametrize(
        ("raw", "text"),
        [
            ("图3 2011-2015年财政收入", "图3 2011-2015年财政收入"),
            ("表12 2020年主要指标", "表12 2020年主要指标"),
            ("图2 1998至2002年", "图2 1998至2002年"),
        ],
    )
    def test_a_label_number_stays_apart_from_the_year_after_it(self, raw: str, text: str) -> None:
        assert cleaned(raw) == text

    @pytest.mark.parametrize(
        ("raw", "text"),
        [
            ("2 0 1 9 年", "2019年"),  # a year spaced digit by digit
            ("20 19年", "2019年"),
            ("5 6 个", "56个"),
            ("1234 2019年", "12342019年"),  # no short label number before the year
            ("图1 20个", "图120个"),  # no year after the space
        ],
    )
    def test_split_numbers_still_join(self, raw: str, text: str) -> None:
        assert cleaned(raw) == text

    @pytest.mark.parametrize(
        ("raw", "text"),
        [
            ("更新日期:2021-03-15 1-2月,全县", "更新日期:2021-03-15 1-2月,全县"),
            ("2021/03/15 5个乡镇", "2021/03/15 5个乡镇"),
            ("2021.3.15 12名", "2021.3.15 12名"),
            ("09:30 3名委员", "09:30 3名委员"),
            ("发布日期:2021-03-15\n1-2月,全县", "发布日期:2021-03-15\n1-2月,全县"),  # a date line, then the story
        ],
    )
    def test_a_finished_date_or_clock_time_stays_apart_from_the_number_after_it(self, raw: str, text: str) -> None:
        assert cleaned(raw) == text

    @pytest.mark.parametrize(
        ("raw", "text"),
        [
            ("2021-03-1 5日", "2021-03-15日"),  # the day is still being written
            ("共13.1 5万元", "共13.15万元"),  # a decimal is no date
        ],
    )
    def test_an_unfinished_date_still_joins(self, raw: str, text: str) -> None:
        assert cleaned(raw) == text

    def test_a_page_date_and_a_month_span_after_it_are_both_dates(self) -> None:
        result = govmetrics.extract("发稿时间:2021-03-15 1-2月,全县完成投资4亿元。", published="2021-03-15")
        assert [(d.text, str(d.start), str(d.end)) for d in result.dates] == [
            ("2021-03-15", "2021-03-15", "2021-03-15"),
            ("1-2月", "2021-01-01", "2021-02-28"),
        ]

    def test_a_figure_caption_gives_a_span_of_years_and_no_metric(self) -> None:
        result = govmetrics.extract("图4 2012-2016年全市生产总值及其增长速度", published="2017-03-01")
        assert [(d.text, d.start.year, d.end.year) for d in result.dates if d.start and d.end] == [
            ("2012-2016年", 2012, 2016)
        ]
        assert result.metrics == ()


def test_full_width_digits_are_kept_as_written() -> None:
    # Intended (see the clean.py docstring): records quote the source as a reader sees it, and
    # the numeral parsers read full-width digits themselves.
    assert cleaned("覆盖１２３户，５\n６个小区") == "覆盖１２３户，５６个小区"


def test_the_pdf_page_reads_as_prose() -> None:
    assert cleaned(PDF_PAGE) == (
        "本报讯（记者林木）7月11日上午，区委常委会召开会议。\n"
        "会议指出，全区完成老旧小区综合整治12个，涉及楼房86栋、居民3,200余户，改造面积约18.6万平方米，"
        "完成投资1.2亿元。\n"
        "石景山区共有238栋楼纳入整治，每季度至少进行一次走访，PM2.5 and air quality monitoring 覆盖１２３户。"
    )


# --- the offset map ---------------------------------------------------------------------------

_ALPHABET = (
    list("石景山区完成户个栋万余。，；：”）") + list("0123456789１２") + list("abcXY.%") + [" "] * 6 + ["\n"] * 4
)
_ODD_WHITESPACE = ["\t", "\r\n", "\u3000", "\u00a0", "\r"]


def _random_texts(count: int, *, odd_whitespace: bool) -> list[object]:
    """Seeded random mixes of CJK, digits, Latin, punctuation, spaces and line breaks."""
    rng = random.Random(20190712 + odd_whitespace)
    alphabet = _ALPHABET + (_ODD_WHITESPACE if odd_whitespace else [])
    texts = ("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(count))
    return [pytest.param(text, id=f"random-{i}") for i, text in enumerate(texts)]


REAL_LOOKING = [
    pytest.param(text, id=f"real-{i}")
    for i, text in enumerate(
        [
            PDF_PAGE,
            "",
            "   ",
            "\n\n",
            "走访2万余户",
            "居民3,200余户，\n\n  改造 面 积 约 1 8 . 6 万平方米。  ",
            "　　本报讯　区委常委会召开。\r\n\r\n　　会议要求，每月至少开展1~2次。\r\n",
        ]
    )
]


def _check_offsets(raw: str) -> None:
    result = clean_text(raw)
    text, offsets = result.text, result.offsets
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(raw)
    assert list(offsets) == sorted(set(offsets)), "offsets must strictly increase"
    for i, ch in enumerate(text):
        source = raw[offsets[i]]
        where = f"text[{i}]={ch!r} maps to raw[{offsets[i]}]={source!r} in {raw!r}"
        if not ch.isspace():
            assert ch == source, where
        elif ch == "\n":
            assert source in "\r\n", where  # a kept break maps to a break, not a space beside it
        else:
            # A kept space maps to a space in the raw gap when there is one; a gap of tabs,
            # ideographic spaces or a line break between Latin words has none.
            gap_end = offsets[i + 1]
            assert source == " " or (source.isspace() and " " not in raw[offsets[i] : gap_end]), where


@pytest.mark.parametrize("raw", REAL_LOOKING + _random_texts(200, odd_whitespace=False))
def test_every_cleaned_character_is_the_raw_character_it_maps_to(raw: str) -> None:
    _check_offsets(raw)


@pytest.mark.parametrize("raw", _random_texts(200, odd_whitespace=True))
def test_tabs_crlf_and_wide_spaces_map_to_whitespace(raw: str) -> None:
    _check_offsets(raw)


def test_offsets_of_a_justified_line() -> None:
    raw = "石 景 山 区 7 月 10 日"
    result = clean_text(raw)
    assert result.text == "石景山区7月10日"
    assert list(result.offsets) == [0, 2, 4, 6, 8, 10, 12, 13, 15, len(raw)]
    assert "".join(raw[at] for at in result.offsets[:-1]) == result.text


def test_a_kept_break_maps_to_the_line_break_not_the_space_before_it() -> None:
    raw = "完成。 \n下一句"
    result = clean_text(raw)
    assert result.text == "完成。\n下一句"
    assert raw[result.offsets[3]] == "\n"


def _without_whitespace(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("raw", REAL_LOOKING + _random_texts(60, odd_whitespace=True))
def test_raw_span_maps_every_span_back(raw: str) -> None:
    article = Article.from_text(raw)
    n = len(article.text)
    for start in range(n + 1):
        for end in range(start, min(n, start + 12) + 1):
            span = Span(start=start, end=end)
            back = article.raw_span(span)
            assert 0 <= back.start <= back.end <= len(raw)
            assert _without_whitespace(back.of(raw)) == _without_whitespace(span.of(article.text))
            if end > start:  # a non-empty span starts and ends on the characters it maps from
                assert raw[back.start] == article.text[start] or raw[back.start].isspace()
                assert raw[back.end - 1] == article.text[end - 1] or raw[back.end - 1].isspace()


def test_raw_span_of_a_number_split_over_lines() -> None:
    raw = "全区完成老旧小区综合整治1\n2个，涉及楼房86栋"
    article = Article.from_text(raw)
    start = article.text.index("12个")
    back = article.raw_span(Span(start=start, end=start + 3))
    assert back.of(raw) == "1\n2个"


def test_raw_span_outside_the_text_is_an_error() -> None:
    article = Article.from_text("走访2万余户")
    with pytest.raises(ValueError, match="outside"):
        article.raw_span(Span(start=0, end=7))


def test_an_article_built_by_hand_maps_spans_to_themselves() -> None:
    article = Article(text="走访2万余户")
    assert article.raw == article.text
    assert article.raw_span(Span(start=2, end=6)) == Span(start=2, end=6)


def test_extracted_metric_spans_index_the_cleaned_text() -> None:
    result = govmetrics.extract(PDF_PAGE, published="2019-07-12")
    article = result.article
    assert result.metrics, "the page has metrics"
    texts = {m.text for m in result.metrics}
    assert {"12个", "86栋", "3,200余户", "约18.6万平方米", "1.2亿元"} <= texts
    for metric in result.metrics:
        assert article.text[metric.span.start : metric.span.end] == metric.text
        raw_slice = article.raw_span(metric.span).of(PDF_PAGE)
        assert _without_whitespace(raw_slice) == _without_whitespace(metric.text)
