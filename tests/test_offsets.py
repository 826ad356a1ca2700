"""Offset maps: the runs they keep, and that they read like the index-by-index map they replace."""

from __future__ import annotations

import pickle

import pytest

from govmetrics.clean import clean_text
from govmetrics.models import Article, Span
from govmetrics.offsets import OffsetMap


def test_runs_of_consecutive_indices_are_kept_as_one() -> None:
    offsets = OffsetMap.from_indices([0, 1, 2, 5, 6, 9, 10])
    assert offsets.runs == 3
    assert list(offsets) == [0, 1, 2, 5, 6, 9, 10]
    assert len(offsets) == 7
    assert [offsets[i] for i in range(7)] == [0, 1, 2, 5, 6, 9, 10]
    assert (offsets[-1], offsets[-7]) == (10, 0)
    assert offsets[1:4] == [1, 2, 5]
    assert offsets[::3] == [0, 5, 10]


@pytest.mark.parametrize("index", [7, -8, 100])
def test_an_index_outside_the_map_is_an_index_error(index: int) -> None:
    with pytest.raises(IndexError):
        OffsetMap.from_indices([0, 1, 2, 5, 6, 9, 10])[index]


def test_equal_indices_make_equal_maps_however_they_were_built() -> None:
    listed = OffsetMap.from_indices(range(4, 10))
    assert listed == OffsetMap.identity(6, start=4) == OffsetMap([0], [4], 6)
    assert listed == list(range(4, 10))
    assert listed != OffsetMap.identity(6, start=5)
    assert listed.shifted(1) == OffsetMap.identity(6, start=5)
    assert OffsetMap.from_indices([]) == OffsetMap.identity(0) and len(OffsetMap.identity(0)) == 0


def test_a_map_needs_a_run_at_the_start() -> None:
    with pytest.raises(ValueError, match="run starting at 0"):
        OffsetMap([1], [0], 3)


def test_cleaning_a_long_pdf_text_keeps_a_few_runs_not_an_entry_a_character() -> None:
    line = "全区共有2万余户参加，完成投资 3 亿元。\n" * 2000  # a line break and spaces cleaned away on every line
    cleaned = clean_text(line)
    assert cleaned.offsets.runs <= 4 * 2000 + 1
    assert len(cleaned.offsets) == len(cleaned.text) + 1
    assert "".join(line[at] for at in cleaned.offsets[:-1]) == cleaned.text
    assert len(pickle.dumps(cleaned.offsets)) < len(cleaned.text)  # bytes against characters


def test_an_article_crosses_processes_with_its_map_intact_and_small() -> None:
    raw = "本报讯 7 月 10 日，全区共有\n2万余户参加。\n" * 500
    article = Article.from_text(raw, published="2019-07-16")
    copy = pickle.loads(pickle.dumps(article))
    assert copy == article and copy.offsets == article.offsets
    span = Span(start=article.text.index("2万余户"), end=article.text.index("2万余户") + 4)
    assert raw[copy.raw_span(span).start : copy.raw_span(span).end] == "2万余户"
    index_by_index = 4 * len(article.offsets)  # bytes of an array of 4-byte integers
    assert len(pickle.dumps(article.offsets)) < index_by_index // 2


def test_a_text_with_nothing_to_clean_is_its_raw_input() -> None:
    article = Article.from_text("全区共有2万余户。")
    assert article.text is article.raw and article.offsets is None
    assert article.raw_span(Span(start=4, end=8)) == Span(start=4, end=8)


def test_an_article_takes_a_list_of_indices_as_its_map() -> None:
    article = Article(text="万余户", raw="2 万余户", offsets=[2, 3, 4, 5])
    assert isinstance(article.offsets, OffsetMap)
    assert article.raw_span(Span(start=0, end=3)) == Span(start=2, end=5)
