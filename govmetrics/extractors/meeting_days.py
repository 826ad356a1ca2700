"""Which day a meeting was held: the story's days, looked up by position.

A meeting is held on the day its own sentence names (在12月29日召开的街道工委会上), else on the
story's dateline (本报讯 3月8日，…) or on the day that opens the part of the story it is in (6日上午，…),
within a few paragraphs; a story with neither has its first day in its lede. 次日 counts from the
last day named before it.
"""

from __future__ import annotations

import bisect
import re

import attrs

from govmetrics.models import DateMention, Span


@attrs.frozen
class Calendar:
    """The story's days, and its datelines, in text order, for lookups by position."""

    days: list[Dated]
    day_starts: list[int]
    datelines: list[Dated]
    dateline_starts: list[int]
    #: days that open a sentence (6日上午，…): the day of the part of the story that follows
    openers: list[Dated]
    opener_starts: list[int]

    @classmethod
    def of(cls, dates: list[Dated]) -> Calendar:
        days = [d for d in dates if d.granularity == "day" and not d.relation]
        datelines = [d for d in days if d.opens_story]
        openers = [d for d in days if d.opens_sentence]
        return cls(
            days,
            [d.span.start for d in days],
            datelines,
            [d.span.start for d in datelines],
            openers,
            [d.span.start for d in openers],
        )


NEXT_DAY = re.compile(r"次日|翌日|第二天")


def last_day_before(calendar: Calendar, at: int) -> DateMention | None:
    """The last day the story named before ``at``: what 次日 counts from."""
    last = bisect.bisect_left(calendar.day_starts, at) - 1
    return calendar.days[last].mention if last >= 0 else None


def own_day(calendar: Calendar, sentence: tuple[int, int], at: int) -> DateMention | None:
    """The day the sentence itself names before ``at`` (在12月29日召开的街道工委会上), if any."""
    own = last_day_before(calendar, at)
    return own if own is not None and own.span.start >= sentence[0] else None


def date_for(calendar: Calendar, sentence: tuple[int, int], at: int) -> DateMention | None:
    """The sentence's own day before ``at``, else the story's dateline.

    The dateline is the day after the last 本报讯 before the meeting, or the day the text or one of
    its sentences opens with. A story with none, whose headline runs into its first sentence
    (…第二次学习2020年3月23日晚，下陆区组织学习…), has its first day in its lede instead.
    """
    own = own_day(calendar, sentence, at)
    if own is not None:
        return own
    line = bisect.bisect_left(calendar.dateline_starts, sentence[0]) - 1
    dateline = calendar.datelines[line] if line >= 0 else None
    part = bisect.bisect_left(calendar.opener_starts, sentence[0]) - 1
    opener = calendar.openers[part] if part >= 0 and at - calendar.opener_starts[part] <= PART_REACH else None
    if opener is not None and (dateline is None or opener.span.start > dateline.span.start):
        return opener.mention
    if dateline is not None:
        return dateline.mention
    lede = calendar.days[0] if calendar.days else None
    near = lede is not None and lede.span.start < min(at, LEDE_REACH) and at - lede.span.start <= PART_REACH
    return lede.mention if lede is not None and near else None


#: How far into a text its lede reaches: a headline and the first sentence's opening words.
LEDE_REACH = 80
#: How far the day that opens a sentence (or the lede) dates what follows it: a few paragraphs of a
#: story; a long report's review of its year names meetings held on other days.
PART_REACH = 600


@attrs.frozen(kw_only=True)
class Dated:
    """A date of the story, and whether it opens the story (the dateline) or a sentence."""

    mention: DateMention
    opens_story: bool
    opens_sentence: bool

    @property
    def span(self) -> Span:
        return self.mention.span

    @property
    def granularity(self) -> str:
        return self.mention.granularity

    @property
    def relation(self) -> str | None:
        return self.mention.relation


_SENTENCE_OPENS = re.compile(r"[。！？\n][ \t\u3000]*$")
_DATELINE = re.compile(r"讯(?:（[^）]{0,30}）|\([^)]{0,30}\))?\s*$")


def with_opening(text: str, mention: DateMention) -> Dated:
    """A date that opens a story or a part of it: at the very start of the text, right after
    本报讯（记者…）, or opening a sentence (6日上午，参访团到访…): the day of what follows."""
    before = text[max(0, mention.span.start - 40) : mention.span.start]
    story = mention.span.start == 0 or bool(_DATELINE.search(before))
    return Dated(mention=mention, opens_story=story, opens_sentence=bool(_SENTENCE_OPENS.search(before)))
