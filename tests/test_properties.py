"""Property tests: whatever the text, extraction never raises, spans hold, results repeat.

Hypothesis runs with a fixed seed under CI (profile ``ci``: derandomized, a few hundred examples
per property) and with many more random examples locally: ``HYPOTHESIS_PROFILE=deep pytest
tests/test_properties.py``.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

import cn2an
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govmetrics

settings.register_profile(
    "ci", derandomize=True, max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("deep", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Text that looks like the input: Chinese, digits both widths, the punctuation and numeral
# characters the extractors key on, layout whitespace — and, mixed in, anything at all.
_PIECES = list("的了是在和与及共计约近超过余多万亿千百十一二两三四五六七八九〇零点")
_PIECES += list("第每年月日号周季度上下半旬初底前后起以来截至自")
_PIECES += list("0123456789０１２３４５６７８９.,，。、；：！？%％~～-—（）“”《》 \n\u3000\t")
_PIECES += ["本报讯", "记者", "主持召开", "常委会会议", "出席", "区委书记", "平方米", "个百分点", "（下转2版）"]
chinese_text = st.lists(st.sampled_from(_PIECES) | st.characters(), max_size=120).map("".join)
published = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))


@given(chinese_text, published)
def test_extraction_never_raises_and_every_span_gives_back_its_text(text: str, day: dt.date | None) -> None:
    result = govmetrics.extract(text, published=day, strict=True)
    article = result.article
    for record in result.records:
        assert article.text[record.span.start : record.span.end] == record.text
        raw = article.raw_span(record.span)
        assert "".join(text[raw.start : raw.end].split()) == "".join(record.text.split())
    assert [r.span.start for r in result.records] == sorted(r.span.start for r in result.records)


@given(chinese_text, published)
def test_extraction_is_deterministic(text: str, day: dt.date | None) -> None:
    first = govmetrics.extract(text, published=day)
    second = govmetrics.extract(text, published=day)
    assert first.records == second.records


@given(chinese_text, published)
def test_extracting_cleaned_text_again_gives_the_same_records(text: str, day: dt.date | None) -> None:
    once = govmetrics.extract(text, published=day)
    again = govmetrics.extract(once.article.text, published=day)
    assert again.article.text == once.article.text
    assert again.records == once.records


@given(chinese_text, published)
def test_page_splitting_never_raises_and_maps_into_the_page(text: str, day: dt.date | None) -> None:
    for article in govmetrics.split_page(text, published=day):
        for record in govmetrics.extract(article, strict=True).records:
            raw = article.raw_span(record.span)
            assert "".join(text[raw.start : raw.end].split()) == "".join(record.text.split())


@given(chinese_text)
def test_records_survive_the_dict_round_trip(text: str) -> None:
    for record in govmetrics.extract(text, published=dt.date(2020, 6, 1)).records:
        assert govmetrics.from_dict(govmetrics.to_dict(record)) == record


UNITS = ["户", "人", "个", "件", "栋", "平方米", "元", "名", "处", "吨"]
LEADS = ["全区共有", "累计走访", "完成整治", "新增", "涉及居民", "发放"]


@given(st.integers(min_value=2, max_value=99_999_999), st.sampled_from(UNITS), st.sampled_from(LEADS))
def test_a_quantity_in_chinese_numerals_comes_back_as_its_value(number: int, unit: str, lead: str) -> None:
    # a count of two alone is written 两 (二户 reads as "second-class households")
    written = "两" if number == 2 else cn2an.an2cn(str(number))
    [metric] = govmetrics.extract(f"{lead}{written}{unit}。").metrics
    assert (metric.value, metric.unit) == (number, unit)


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99999.99"), places=2),
    st.sampled_from(["万", "亿", ""]),
    st.sampled_from(UNITS),
)
def test_a_quantity_in_arabic_numerals_with_a_magnitude_comes_back_exact(
    number: Decimal, magnitude: str, unit: str
) -> None:
    factor = {"万": 10_000, "亿": 100_000_000, "": 1}[magnitude]
    [metric] = govmetrics.extract(f"累计完成{number}{magnitude}{unit}。").metrics
    assert metric.value == number * factor
    assert type(metric.value) in (int, Decimal)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)), st.integers(-200, 200))
def test_a_written_date_resolves_to_itself(day: dt.date, shift: int) -> None:
    published_on = day + dt.timedelta(days=shift)
    sentence = f"{day.year}年{day.month}月{day.day}日，区委召开会议。"
    [mention] = govmetrics.extract(sentence, published=published_on).dates
    assert (mention.start, mention.end, mention.year_inferred) == (day, day, False)
    if abs(shift) <= 150:
        [yearless] = govmetrics.extract(f"{day.month}月{day.day}日，区委召开会议。", published=published_on).dates
        assert yearless.start == day
