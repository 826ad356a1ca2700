"""The Chinese-text kit every extractor builds its patterns from (govmetrics.chinese, govmetrics.kit)."""

from __future__ import annotations

import re

import pytest

from govmetrics import kit
from govmetrics.chinese import (
    DATELINE,
    NOT_A_QUALIFIER_AFTER,
    SMALL_NUMERAL,
    alternation,
    clause_end,
    sentence_end,
)


def test_an_alternation_puts_a_word_before_the_words_it_starts_with() -> None:
    pattern = re.compile(alternation(["会议", "常务会议", "会", "会议"]))
    assert pattern.pattern == "常务会议|会(?:议|)"  # words that share a beginning share its test
    assert pattern.match("常务会议").group() == "常务会议"  # type: ignore[union-attr]
    assert pattern.match("会议室").group() == "会议"  # type: ignore[union-attr]


def test_an_alternation_gives_way_to_a_shorter_word_when_the_longer_one_leaves_the_rest_unmatched() -> None:
    # 会议 then 议 cannot follow: the match backs off to 会, as a flat list of the words would
    pattern = re.compile(f"(?:{alternation(['会', '会议', '平方米', '平方'])})(?:议|米)")
    assert pattern.fullmatch("会议").group() == "会议"  # type: ignore[union-attr]
    assert pattern.fullmatch("平方米").group() == "平方米"  # type: ignore[union-attr]


def test_a_guard_after_a_word_is_read_where_the_word_ends_among_longer_words() -> None:
    more = re.compile(alternation(["多", "多达", "以上"], then={"多": "(?![为是数])"}))
    assert [m.group() for m in more.finditer("多达三成，多数，多为老人，两成多")] == ["多达", "多"]


def test_a_guarded_qualifier_is_no_qualifier_at_the_end_of_another_word() -> None:
    qualifiers = re.compile(alternation(["约", "约为", "近"], not_after=NOT_A_QUALIFIER_AFTER))
    assert [m.group() for m in qualifiers.finditer("节约为先，约为三成，附近约百户，近两年")] == ["约为", "约", "近"]


def test_a_word_may_be_kept_from_the_words_that_start_with_it() -> None:
    more = re.compile(alternation(["多", "以上"], then={"多": "(?![为是数])"}))
    assert [m.group() for m in more.finditer("三成多，多为老人，多数，五成以上")] == ["多", "以上"]


@pytest.mark.parametrize(
    ("text", "at", "end"),
    [
        ("每月开展一次，每次2小时", 0, 6),
        ("每月开展一次,每次2小时", 0, 6),  # a half-width comma, as scraped pages write it
        ("每月开展一次：每次2小时", 7, 12),
        ("每月开展一次", 0, 6),
    ],
)
def test_a_clause_ends_at_the_next_clause_mark(text: str, at: int, end: int) -> None:
    assert clause_end(text, at) == end


def test_a_clause_end_stops_at_the_limit_given() -> None:
    assert clause_end("每月开展一次，每次2小时", 0, 4) == 4


def test_a_sentence_runs_on_past_a_comma_to_its_stop() -> None:
    assert sentence_end("每日加收滞纳金，数额为百分之一。另", 0) == 15


@pytest.mark.parametrize("dateline", ["本报讯（记者 王田）", "新华社北京7月10日电", "本报讯(通讯员 李禾)"])
def test_a_dateline_is_read_with_its_reporters(dateline: str) -> None:
    assert re.search(DATELINE, dateline).end() == len(dateline)  # type: ignore[union-attr]


@pytest.mark.parametrize("word", ["通讯", "资讯", "快讯"])
def test_a_word_ending_in_xun_is_no_dateline(word: str) -> None:
    assert re.search(DATELINE, word) is None


def test_a_small_numeral_is_written_in_digits_or_chinese_up_to_ten() -> None:
    assert [m.group() for m in re.finditer(SMALL_NUMERAL + "日", "5日、十日、百日")] == ["5日", "十日"]


def test_the_kit_gives_plugin_authors_every_name_it_lists() -> None:
    for name in kit.__all__:
        assert getattr(kit, name) is not None
    assert kit.alternation is alternation


def test_the_digits_read_at_a_glance_hold_every_digit_and_no_other_character_of_the_bmp() -> None:
    from govmetrics.chinese import DIGITS_AT_A_GLANCE

    at_a_glance = re.compile(f"[{DIGITS_AT_A_GLANCE}]")
    digit = re.compile(r"\d")
    for code in range(0x110000):
        character = chr(code)
        if digit.match(character):
            assert at_a_glance.match(character), f"U+{code:04X} is a digit the class leaves out"
        elif code <= 0xFFFF:
            assert not at_a_glance.match(character), f"U+{code:04X} is in the class but no digit"


def test_a_first_character_read_at_a_glance_is_the_class_as_written() -> None:
    from govmetrics.chinese import first_at_a_glance

    first = re.compile(first_at_a_glance(r"一半\d"))
    written = re.compile(r"[一半\d]")
    # every digit, the class's own characters, and characters beyond the BMP inside the range the
    # glance takes whole (U+1F600 is no digit, U+1D7CE is one)
    for character in ("7", "７", "٣", "一", "半", "二", "x", "\U0001f600", "\U0001d7ce", "\U000104a0"):
        assert bool(first.fullmatch(character)) == bool(written.fullmatch(character)), repr(character)
