"""The meeting extractor: meetings and ceremonies held in the story, with chair, attendees and agenda.

How reports write a meeting:

* held: ``X主持召开NAME`` (区长周建明主持召开区政府第三十七次常务会议), ``ORG召开NAME``,
  ``ORG在PLACE召开/举行NAME``, ``NAME在PLACE举行``, ``在DATE召开的NAME上``; the name runs to the
  last meeting word (``meeting_words`` lexicon) in the clause (``meeting_names``), and the words
  before the verb give the body and the place (``meeting_organs``);
* its people, often in the next sentences: ``X主持会议/仪式``, ``A、B出席会议``, ``C参加座谈``,
  ``D列席会议``, ``出席会议的还有E、F`` (``meeting_roles``);
* given a speech or a report at: a report's subtitle (——2024年1月20日在…人民代表大会第二次会议上)
  or a printed speech's title (县委书记某某在全县经济工作会议上的讲话) names a meeting held that day
  (``speech_headers``);
* passed a rule: a regulation's headnote (2004年10月13日 国务院第66次常务会议通过) names the session
  held that day, with no chair, though the rest of a rule's text only requires meetings
  (``headnotes``);
* referred to only (``传达…会议精神``, meetings counted), or only required, planned or held on a
  cadence (``应当召开会议``, ``每月至少召开一次议事会``): ``meeting_held``; counted editions
  (举办4届南博会) and any sentence of a regulation's article: ``meeting_texts``;
* held in a year a work report reviews (召开全省教育大会) with no day of its own: a deed of the year,
  no event the report tells of, so no record (``meeting_texts``).

The date is the sentence's own (在12月29日召开的街道工委会上) or, failing that, the story's
dateline (检查结束后，严正主持召开现场会 on the day the story began with), looked up among the
story's days (``meeting_days``) that the shared calendar module resolved. People carry every title
the story gives them anywhere.

Each name starts a draft (``meeting_merge``), and the drafts of one meeting are merged; where a
name ends is read with the meeting words (``meeting_words``).

The meeting words and the names (surnames, titles, name enders) are read from the lexicons the
plugin host passes to ``govmetrics_extract``, and handed to each step that needs them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from govmetrics import people
from govmetrics.calendar_years import days_after
from govmetrics.chinese import CLAUSE_END
from govmetrics.extractors import headnotes, speech_headers
from govmetrics.extractors.dates import dates_in
from govmetrics.extractors.meeting_days import NEXT_DAY, Calendar, date_for, last_day_before, own_day, with_opening
from govmetrics.extractors.meeting_held import is_counted, is_referred, is_required
from govmetrics.extractors.meeting_merge import Draft, merged
from govmetrics.extractors.meeting_names import (
    HOLD,
    HOLD_OR_AT,
    SENTENCE_END,
    SENTENCE_REACH,
    clause_end,
    each_listed,
    name_after,
    name_at,
    name_before,
    name_from_headline,
    place_of,
    sentence_bounds,
)
from govmetrics.extractors.meeting_organs import (
    ADVERBS_AFTER,
    BODY,
    CAPTION,
    LEADING_DAY,
    ORGAN_IN_NAME,
    SESSION_ONLY,
    organ_of,
)
from govmetrics.extractors.meeting_roles import BETWEEN_PERSON_AND_VERB, add_roles, people_before_role, subject, unique
from govmetrics.extractors.meeting_texts import counted_editions, is_review
from govmetrics.extractors.meeting_words import Lexicon, last_word_end, words_lexicon
from govmetrics.extractors.rule_texts import ARTICLE, is_rule_text
from govmetrics.hookspecs import hookimpl
from govmetrics.lexicon import Lexicons
from govmetrics.models import Article, Meeting, Span
from govmetrics.names import NameLexicon, name_lexicon

__all__ = ["SENTENCE_REACH", "find_meetings", "govmetrics_extract"]

_AGENDA_VERBS = ("传达", "听取", "审议", "研究", "部署", "通报", "学习", "讨论", "总结", "分析", "审定", "通过")


def find_meetings(article: Article, lexicons: Lexicons) -> Iterator[Meeting]:
    """Every meeting in ``article``, held or referred to, in text order, read with ``lexicons``."""
    text = article.text
    names, meeting_words = name_lexicon(lexicons), words_lexicon(lexicons)
    if meeting_words.any_word.search(text) is None:
        # Every meeting's name ends with a meeting word (a held one, a subtitle's, a headnote's, one
        # a role statement introduces): a text with none holds no meeting, and most short texts
        # (a paragraph, a sentence) are spared the people, days and verbs read for one.
        return
    calendar = Calendar.of([with_opening(text, d) for d in dates_in(article, lexicons)])
    registry = people.registry_of(names, text)
    known = tuple(registry)
    drafts: list[Draft] = []
    regulation, review = is_rule_text(text), is_review(names, text)

    for hold in HOLD_OR_AT.finditer(text):
        at = place_of(hold)
        verb_start, verb_end = (at, at + 1) if at is not None else hold.span()
        sentence = sentence_bounds(text, verb_start)
        if at is not None:
            named = name_at(meeting_words, text, verb_start, sentence[0])
        else:
            # a meeting opens (开幕) with its name before the verb, never after
            named_after = None if hold.group() == "开幕" else name_after(meeting_words, text, verb_end)
            named = named_after or name_before(meeting_words, text, verb_start, sentence[0])
        if named is None:
            continue
        draft = Draft(name=text[named[0] : named[1]], start=named[0], end=named[1])
        clause_start = sentence[0]
        for match in CLAUSE_END.finditer(text, sentence[0], verb_start):
            clause_start = match.end()
        before = text[clause_start:verb_start]
        after = text[named[1] : named[1] + 8]
        clause = text[clause_start : clause_end(text, named[1])]
        if (
            regulation
            or ARTICLE.match(text, sentence[0])
            or is_required(text, named, clause_start, verb_start, verb_end, clause)
        ):
            continue  # required by a rule or a plan, or done on a cadence: no meeting was held
        counted = is_counted(clause) or counted_editions(text, clause_start, verb_start, verb_end, named[1])
        draft.referred = counted or is_referred(text, sentence[0], named[0], verb_start, after)
        if review and (counted or not draft.referred) and own_day(calendar, sentence, named[0]) is None:
            continue  # 召开全省服务业发展大会 in a report's review of the year: no event it reports
        if hold.group() == "主持召开":
            chairs = people_before_role(names, text, verb_start, sentence[0], known)
            if not chairs:
                between = BETWEEN_PERSON_AND_VERB.search(text, max(sentence[0], verb_start - 24), verb_start)
                end = between.start() if between else verb_start
                chairs = subject(names, text, sentence[0], end)
                untitled = None if chairs else people.name_after_day(names, text, sentence[0], end)
                chairs = [untitled] if untitled else chairs  # 5月6日，某某在会议室主持召开…
            draft.chair = chairs[-1] if chairs else None
        elif named[0] > verb_start and before and not people.parse_list(names, before.rstrip("在"), known):
            organ, _, place = LEADING_DAY.sub("", before).partition("在")
            draft.organ = organ_of(organ)
            draft.location = ADVERBS_AFTER.sub("", place) or None
        if named[1] < verb_start and text.startswith(("在", "于"), named[1]):
            draft.location = ADVERBS_AFTER.sub("", text[named[1] + 1 : verb_start]) or None  # …会议在X召开
        if draft.organ is None:
            in_name = ORGAN_IN_NAME.match(draft.name)
            draft.organ = in_name.group(1) if in_name else None
        elif (
            SESSION_ONLY.match(draft.name)
            and BODY.fullmatch(draft.organ)
            and not CAPTION.match(text, clause_start)  # （图为镇政府召开会议现场）: the meeting reported
        ):
            # 区委常委会召开第二十一次会议, 区委常委会召开会议: the session of that body
            draft.name = draft.organ + draft.name
        draft.date = date_for(calendar, sentence, named[0])
        if draft.referred:
            # 传达市委全会精神 speaks of a meeting held on another day than the story's: only a day
            # written with it (传达7月10日召开的市委全会精神) is its own
            own = last_day_before(calendar, named[0])
            draft.date = own if own is not None and own.span.start >= clause_start else None
        elif NEXT_DAY.search(text, sentence[0], verb_start):
            earlier = last_day_before(calendar, sentence[0])
            if earlier is not None:
                draft.date, draft.days_after = earlier, 1
        draft.agenda = _agenda(text, named[1])
        drafts.extend(each_listed(meeting_words, text, draft))

    drafts.extend(_subtitle_drafts(names, meeting_words, text, calendar))
    drafts.extend(_headnote_drafts(meeting_words, text, calendar))
    drafts.sort(key=lambda d: d.start)
    add_roles(names, meeting_words, text, drafts, calendar, known)

    # a story starts at its first day (本报讯 3月8日，…); what comes before is its headline
    story_start = calendar.days[0].span.start if calendar.days else 0
    kept = merged(meeting_words, drafts, story_start)
    if name_from_headline(meeting_words, text, story_start, kept):
        kept.sort(key=lambda d: d.start)
    for draft in kept:
        chair = people.merge_titles([draft.chair], registry)[0] if draft.chair else None
        attendees = [
            p for p in people.merge_titles(unique(draft.attendees), registry) if chair is None or p.name != chair.name
        ]
        yield Meeting(
            text=text[draft.start : draft.end],
            span=Span(start=draft.start, end=draft.end),
            name=draft.name,
            organ=draft.organ,
            location=draft.location,
            date=days_after(draft.date.start, draft.days_after) if draft.date and draft.date.start else None,
            chair=chair,
            attendees=tuple(attendees),
            agenda=tuple(draft.agenda),
            referred=draft.referred,
        )


def _headnote_drafts(meeting_words: Lexicon, text: str, calendar: Calendar) -> Iterator[Draft]:
    """The sessions that passed a regulation, as its headnote names them (2004年10月13日 国务院第66次
    常务会议通过): held on the headnote's day, with no chair, in a rule's text too."""
    for note in headnotes.headnotes(text):
        start, end = note.name_start, note.name_end
        if last_word_end(meeting_words, text, start, end) != end or HOLD.search(text, start, end):
            continue  # 7月10日召开的常务会议通过…: the verb's meeting, named where it is held
        first = bisect.bisect_left(calendar.day_starts, note.day_start)
        own = calendar.days[first] if first < len(calendar.days) else None
        if own is None or own.span.start != note.day_start:
            continue  # a day the calendar does not read (二〇〇四年十三月): no day, no record
        yield Draft(name=text[start:end], start=start, end=end, date=own.mention, organ=note.body)


def _subtitle_drafts(names: NameLexicon, meeting_words: Lexicon, text: str, calendar: Calendar) -> Iterator[Draft]:
    """The meetings that reports and speeches were given at, as their subtitles name them
    (——2024年1月20日在…人民代表大会第二次会议上): held on the day the subtitle gives, with no chair;
    with no day in it, the story's dateline dates it."""
    for subtitle in speech_headers.subtitles(names, text):
        start, end = subtitle.name_start, subtitle.name_end
        if last_word_end(meeting_words, text, start, end) != end:
            continue  # 在…上 names no meeting
        draft = Draft(name=text[start:end], start=start, end=end)
        first = bisect.bisect_left(calendar.day_starts, subtitle.start)
        own = calendar.days[first] if first < len(calendar.days) else None
        if own is not None and own.span.start < subtitle.end:
            draft.date = own.mention  # the day before the name or, for a speech, after its title
        else:
            draft.date = date_for(calendar, (subtitle.start, subtitle.end), start)
        yield draft


def _agenda(text: str, at: int) -> list[str]:
    """传达…, 听取…, 审议…: the items after a meeting's name, in its sentence and the next."""
    sentence_end = SENTENCE_END.search(text, at, at + SENTENCE_REACH)
    end = sentence_end.start() if sentence_end else min(len(text), at + SENTENCE_REACH)
    span = text[at:end]
    following = text[end + 1 : end + 300]
    if re.match(rf"(?:会议)?(?:还)?(?:{'|'.join(_AGENDA_VERBS)})", following):
        nxt = SENTENCE_END.search(following)
        span += "；" + following[: nxt.start() if nxt else len(following)]
    items = []
    for clause in re.split(r"[，；。]", span):
        clause = re.sub(r"^(?:会议|并|还|同时)+", "", clause.strip())
        if clause.startswith(_AGENDA_VERBS):
            items.append(clause)
    return items


@hookimpl
def govmetrics_extract(article: Article, lexicons: Lexicons) -> Iterator[Meeting]:
    return find_meetings(article, lexicons)
