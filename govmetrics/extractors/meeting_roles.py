"""The people of a meeting and their roles: who chairs it and who attends.

Its people are often written in the next sentences: ``X主持会议/仪式``, ``A、B出席会议``,
``C参加座谈``, ``D列席会议``, ``出席会议的还有E、F``; these belong to the meeting last named before
them, or introduce one (…潘利群出席签约仪式 names the ceremony). The chair is never an attendee.
Attending something else (参加检查, 参加拉练活动) is not attending the meeting.
"""

from __future__ import annotations

import bisect
import re

from govmetrics import people
from govmetrics.chinese import SMALL_NUMERAL
from govmetrics.extractors.meeting_days import Calendar, date_for
from govmetrics.extractors.meeting_merge import STORY_REACH, Draft
from govmetrics.extractors.meeting_names import name_after, sentence_bounds
from govmetrics.extractors.meeting_words import Lexicon, last_word_end
from govmetrics.models import Person
from govmetrics.names import NameLexicon

# a day, a place or a first deed written between a person and the verb of their role: 国务院总理李克强
# 5月29日主持召开, 高某在主会场主持会议, 某某在京出席, 县委书记某某陪同调研并参加座谈会
BETWEEN_PERSON_AND_VERB = re.compile(
    rf"(?:{SMALL_NUMERAL}{{1,2}}月)?{SMALL_NUMERAL}{{1,3}}日(?:[上下]午|晚上?)?(?:在[\u4e00-\u9fff]{{1,10}})?$"
    r"|在[\u4e00-\u9fff]{1,10}$"
    r"|(?:陪同|一同|随同|调研|考察|视察|检查|察看|观摩|参观|走访|听取)[\u4e00-\u9fff]{0,4}并$"
)


def people_before_role(names: NameLexicon, text: str, at: int, floor: int, known: tuple[str, ...]) -> list[Person]:
    """The people a role verb at ``at`` speaks of: those listed before it, or before the day, the
    place or the first deed written between them and the verb. 会议在区长某某主持下 has its person
    inside the 在 phrase, so what stands between is passed over only when people stand before it."""
    between = BETWEEN_PERSON_AND_VERB.search(text, max(floor, at - 24), at)
    if between is not None:
        found = people.people_before(names, text, between.start(), floor, known)
        if found:
            return found
    return people.people_before(names, text, at, floor, known)


# 担任听证会主持人: a hearing names its chair by the office (听证主持人), not by the verb
_ROLE = re.compile(r"主持|出席|参加|列席|参会|到会|担任(?=[^，。；]{0,12}主持人)")
# a role with no object: 出席，/ 出席并讲话 / 到会指导 / 出席活动 (出席 is said of the event a story
# reports, 参加 of anything: 参加检查); these speak of the meeting last named, and so do 主持下
# (会议在区长某某主持下进行) and 主持学习 (a study group's session); 到会 is coming to the meeting
# whatever the person did there (到会听取意见, 到会督导), but not 到会场 or 到会议室 (a place)
_BARE_ROLE = re.compile(
    r"(?:指导|讲话|致辞|(?<=出席)活动)?(?:[，。；、并\n]|$)|(?<=主持)(?:下|学习)|(?<=到会)(?![场议所室])"
)
# the kind of session a role names by its activity: 参加学习 (a 学习会), 参加观摩 (a 观摩会), 参加座谈
# (a 座谈会), the activity ending its clause or followed by the person's next deed (并讲话)
_ACTIVITY = re.compile(r"([\u4e00-\u9fff]{2})(?=[，。；、并\n]|$)")
# the people who attend, named after the verb: 出席会议的还有A、B, 参加会议的(县)领导有：A，B
_LISTED_AFTER = re.compile(
    r"(?:活动)?的(?:(?P<title>[省市区县旗镇乡]?领导)|同志|人员|嘉宾)?(?:还|也)?(?:有|包括)[：:]?"
)


def add_roles(
    names: NameLexicon,
    meeting_words: Lexicon,
    text: str,
    drafts: list[Draft],
    calendar: Calendar,
    known: tuple[str, ...],
) -> None:
    """Give the meetings in ``drafts`` (sorted by start) the people each role statement names, adding
    the meetings a role statement introduces, in place and in order."""
    starts = [d.start for d in drafts]  # kept beside drafts, in step, for the searches by position

    for role in _ROLE.finditer(text):
        if text.startswith("主持召开", role.start()):
            continue
        sentence = sentence_bounds(text, role.start())
        named = name_after(meeting_words, text, role.end())
        if named is not None and named[1] - named[0] > 16:
            named = None  # 参加…活动 and the like: the meeting word is too far to be the object
        obj = text[named[0] : named[1]] if named else None
        # 担任听证主持人: the office is the hearing's, whether or not its name is written again
        bare = role.group() == "担任" or _BARE_ROLE.match(text, role.end()) is not None
        activity = _ACTIVITY.match(text, role.end()) if obj is None and not bare else None
        if obj is None and not bare:
            if text.startswith("座谈", role.end()):
                obj, activity = "座谈", None  # 参加座谈(交流) speaks of the meeting last named
            elif activity is None:
                continue  # 参加拉练活动: something other than the meeting
            else:
                obj = activity.group(1) + "会"  # 参加学习 speaks of a 学习会, 参加检查 of no meeting
        target = _target(meeting_words, drafts, starts, role.start(), obj)
        if target is None and activity is not None:
            continue
        found = people_before_role(names, text, role.start(), sentence[0], known)
        if target is None:
            if obj is None or named is None or not found:
                continue  # a meeting is introduced by who attends it, not by the word alone
            start, end = named
            target = Draft(name=text[start:end], start=start, end=end)
            target.date = date_for(calendar, sentence, role.start())
            slot = bisect.bisect_right(starts, start)
            drafts.insert(slot, target)
            starts.insert(slot, start)
        if role.group() in ("主持", "担任"):
            if found and target.chair is None:
                target.chair = found[-1]
        else:
            target.attendees.extend(found)
            listed = _LISTED_AFTER.match(text, named[1] if named else role.end())
            if listed is not None:  # 出席会议的还有A、B
                title = listed.group("title") or ""
                target.attendees.extend(people.people_after(names, text, listed.end(), sentence[1], known, title))


def subject(names: NameLexicon, text: str, start: int, end: int) -> list[Person]:
    """The person a sentence opens with: 区委常委、组织部部长郭振华到…调研，并主持召开座谈会."""
    for mention in people.find_people(names, text[start:end]):
        return [Person(name=mention.name, titles=mention.titles)]
    return []


def _target(meeting_words: Lexicon, drafts: list[Draft], starts: list[int], at: int, obj: str | None) -> Draft | None:
    """The meeting a role statement speaks of: the last one named before it, matching its object.

    A generic object (会议, 仪式, 座谈) or none (出席并讲话) means the meeting last named. The
    search starts at the last name before ``at`` (``starts`` are the drafts' starts, in order),
    not at the end of the text: a long text names many meetings after any role statement, and
    walking past them all made the whole search quadratic (10 MB of one story: 14 s of 23).
    """
    for index in range(bisect.bisect_left(starts, at) - 1, -1, -1):
        draft = drafts[index]
        if draft.start < at - STORY_REACH:
            break  # and so is every draft before it
        if draft.referred:
            continue
        if obj is None or obj in ("会议", "仪式", "座谈") or _same_kind(meeting_words, draft.name, obj):
            return draft
    return None


def _same_kind(meeting_words: Lexicon, name: str, obj: str) -> bool:
    """签约仪式 speaks of 老旧小区物业服务合作签约仪式: the object ends the name, or shares its last word."""
    if name.endswith(obj) or obj in name:
        return True
    word_end = last_word_end(meeting_words, obj, 0, len(obj))
    words = [m.group(1) for m in meeting_words.words.finditer(obj)]
    return bool(word_end) and any(name.endswith(w) for w in words if len(w) >= 2)


def unique(found: list[Person]) -> list[Person]:
    """Each person once, as first named: a person listed at several role statements attends once."""
    seen: dict[str, Person] = {}
    for person in found:
        seen.setdefault(person.name, person)
    return list(seen.values())
