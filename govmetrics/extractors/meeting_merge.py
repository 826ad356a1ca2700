"""Meetings being assembled, and merging the ones a story names more than once.

A story names its meeting in its headline and again in its lede (牙克石市召开X会议 / 3月8日，牙克石市
X会议召开), and then speaks of it as 会议; each name starts a draft, and the drafts of one meeting
are merged into one record, never two held on different days or chaired by different people.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from govmetrics.calendar_years import days_after
from govmetrics.chinese import ORDINAL_NUMERAL
from govmetrics.extractors.meeting_words import Lexicon, kind
from govmetrics.models import DateMention, Person


@attrs.define
class Draft:
    """A meeting being assembled from the sentences that speak of it."""

    name: str
    start: int
    end: int
    date: DateMention | None = None
    organ: str | None = None
    location: str | None = None
    chair: Person | None = None
    attendees: list[Person] = attrs.Factory(list)
    agenda: list[str] = attrs.Factory(list)
    referred: bool = False
    #: 次日 before the meeting: it was held the day after ``date`` (a day named earlier)
    days_after: int = 0


#: How far back a role statement (出席会议) looks for its meeting: the length of a long story.
STORY_REACH = 3000


# a name that only points back at the meeting named before it: 会议, 本次会议, 第四次会议 (after
# 主席团召开第四次会议 in the headline); names such as 座谈会 may be a second meeting, so are not
BACK_REFERENCE = re.compile(rf"(?:本次|此次|这次|第{ORDINAL_NUMERAL}+次)?会议")


def day_of(draft: Draft) -> dt.date | None:
    """The day a draft was held on: its date, or the day after it (次日)."""
    start = draft.date.start if draft.date else None
    return days_after(start, draft.days_after) if start else None


def _stem(name: str) -> str:
    """A name as its short form: 推进会议 is 推进会, and 常委会会议 (a meeting of the 常委会) is 常委会."""
    return name[:-2] if name.endswith("会会议") else name.removesuffix("议")


def _same_meeting(meeting_words: Lexicon, earlier: Draft, later: Draft, story_start: int) -> bool:
    """Whether two names are one meeting: a headline and its story (牙克石市召开X会议 / 3月8日，牙克石市X
    会议召开), or a name said again; never two on different days or with different chairs.

    Names are one when equal or one ends the other, 推进会 being short for 推进会议 and 常委会 for
    常委会会议; a headline
    (an undated name before the story's first day) may word it otherwise (台胞台属座谈会 / 2017年
    第一季度工作座谈会): there the kind of meeting, the last meeting word, must agree.
    """
    first, second = _stem(earlier.name), _stem(later.name)
    headline = earlier.start < story_start <= later.start and day_of(earlier) is None
    if (
        not (first.endswith(second) or second.endswith(first))
        and not BACK_REFERENCE.fullmatch(later.name)
        and not (headline and kind(meeting_words, earlier.name) == kind(meeting_words, later.name))
    ):
        return False
    days = {day_of(earlier), day_of(later)} - {None}
    chairs = {d.chair.name for d in (earlier, later) if d.chair}
    return len(days) <= 1 and len(chairs) <= 1


def _merge(earlier: Draft, later: Draft) -> Draft:
    """One draft from two of the same meeting: the one with a date (then a chair) keeps its name
    and place in the text; each field the other names fills a gap."""
    rank = [(day_of(d) is not None, d.chair is not None) for d in (earlier, later)]
    keep, other = (later, earlier) if rank[1] > rank[0] else (earlier, later)
    if BACK_REFERENCE.fullmatch(keep.name) and not BACK_REFERENCE.fullmatch(other.name):
        keep.name, keep.start, keep.end = other.name, other.start, other.end  # 会议 is the meeting named
    if keep.date is None:
        keep.date, keep.days_after = other.date, other.days_after
    keep.organ = keep.organ or other.organ
    keep.location = keep.location or other.location
    keep.chair = keep.chair or other.chair
    keep.attendees = keep.attendees + other.attendees
    keep.agenda = keep.agenda or other.agenda
    keep.referred = keep.referred and other.referred
    return keep


def _earlier_name(meeting_words: Lexicon, kept: list[Draft], draft: Draft, story_start: int) -> int | None:
    """Where in ``kept`` the meeting ``draft`` names again was named first, if it was."""
    bare = bool(BACK_REFERENCE.fullmatch(draft.name))
    for index in range(len(kept) - 1, -1, -1):
        earlier = kept[index]
        if draft.start - earlier.start > STORY_REACH:
            return None  # another story's
        if earlier.referred and not draft.referred:
            continue  # 传达…会议精神 names another meeting
        if _same_meeting(meeting_words, earlier, draft, story_start):
            return index
        if bare:
            return None  # told apart from the meeting it follows: a meeting of its own
    return None


def merged(meeting_words: Lexicon, drafts: list[Draft], story_start: int) -> list[Draft]:
    """Each meeting once: a headline and its story, or a later bare 会议, name it more than once.

    A bare 会议 is the meeting last named before it (if nothing tells them apart); another name is
    the earlier meeting of the same name, or of a name that ends the same, within one story.
    """
    kept: list[Draft] = []
    for draft in drafts:
        index = _earlier_name(meeting_words, kept, draft, story_start)
        if index is None:
            kept.append(draft)
        else:
            kept[index] = _merge(kept[index], draft)
    return kept
