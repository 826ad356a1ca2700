"""The meeting extractor: meetings and ceremonies held in the story, with chair, attendees and agenda.

How reports write a meeting:

* held: ``X主持召开NAME`` (区长周建明主持召开区政府第三十七次常务会议), ``ORG召开NAME``,
  ``ORG在PLACE召开/举行NAME``, ``NAME在PLACE举行``, ``在DATE召开的NAME上``; the name runs to the
  last meeting word (``meeting_words`` lexicon) in the clause;
* its people, often in the next sentences: ``X主持会议/仪式``, ``A、B出席会议``, ``C参加座谈``,
  ``D列席会议``, ``出席会议的还有E、F``; these belong to the meeting last named before them, or
  introduce one (…潘利群出席签约仪式 names the ceremony). The chair is never an attendee. Attending something
  else (参加检查, 参加拉练活动) is not attending the meeting;
* given a speech or a report at: a report's subtitle (——2024年1月20日在…人民代表大会第二次会议上)
  or a printed speech's title (县委书记某某在全县经济工作会议上的讲话) names a meeting held that day
  (``speech_headers``);
* passed a rule: a regulation's headnote (2004年10月13日 国务院第66次常务会议通过) names the session
  held that day, with no chair, though the rest of a rule's text only requires meetings
  (``headnotes``);
* referred to only: ``传达…会议精神``, ``关于召开…会议的请示``, or meetings counted (已召开11次,
  举办4届南博会, 连续举办…论坛): these were held, but the story does not report one; they come out
  with ``referred=True``;
* held in a year a work report reviews (召开全省教育大会) with no day of its own: a deed of the year,
  no event the report tells of, so no record (``meeting_texts``);
* only required, planned or held on a cadence: ``应当召开会议``, ``可以召开听证会``, ``将于下月召开``,
  ``每月至少召开一次议事会``, any sentence of a regulation's article: no meeting took place, so
  these give no record at all (the cadence is the cadence extractor's).

The date is the sentence's own (在12月29日召开的街道工委会上) or, failing that, the story's
dateline (检查结束后，严正主持召开现场会 on the day the story began with), looked up among the
story's days (``meeting_days``) that the shared calendar module resolved. People carry every title
the story gives them anywhere.

Each name starts a draft (``meeting_merge``), and the drafts of one meeting are merged; where a
name ends is read with the meeting words (``meeting_words``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

import attrs

from govmetrics import people
from govmetrics.extractors import headnotes, speech_headers
from govmetrics.extractors.dates import dates_in
from govmetrics.extractors.meeting_days import NEXT_DAY, Calendar, date_for, last_day_before, own_day, with_opening
from govmetrics.extractors.meeting_merge import BACK_REFERENCE, STORY_REACH, Draft, merged
from govmetrics.extractors.meeting_texts import ARTICLE, counted_editions, is_review, is_rule_text
from govmetrics.extractors.meeting_words import last_word_end, name_end, word_ends, words_lexicon
from govmetrics.hookspecs import hookimpl
from govmetrics.models import Article, Meeting, Person, Span

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[，。；！？：,;!?\n]")
_HOLD = re.compile(r"主持召开|召开|隆重举行|举行|举办|开幕(?![式会词])")
# held, or spoken of as the place something was said: 在座谈会上，… / 从新闻发布会上获悉 (the name
# runs from 在 or 从 to the meeting word before 上)
_HOLD_OR_AT = re.compile(r"(?P<hold>主持召开|召开|隆重举行|举行|举办|开幕(?![式会词]))|[会议式礼坛](?P<at>上)[，,获]")
_AT_OPENING = re.compile(r"[在从](?:随后|当天|当日)?")
# a day, a place or a first deed written between a person and the verb of their role: 国务院总理李克强
# 5月29日主持召开, 高某在主会场主持会议, 某某在京出席, 县委书记某某陪同调研并参加座谈会
_BETWEEN_PERSON_AND_VERB = re.compile(
    r"(?:[\d一二三四五六七八九十]{1,2}月)?[\d一二三四五六七八九十]{1,3}日(?:[上下]午|晚上?)?(?:在[\u4e00-\u9fff]{1,10})?$"
    r"|在[\u4e00-\u9fff]{1,10}$"
    r"|(?:陪同|一同|随同|调研|考察|视察|检查|察看|观摩|参观|走访|听取)[\u4e00-\u9fff]{0,4}并$"
)


def _people_before_role(text: str, at: int, floor: int, known: tuple[str, ...]) -> list[Person]:
    """The people a role verb at ``at`` speaks of: those listed before it, or before the day, the
    place or the first deed written between them and the verb. 会议在区长某某主持下 has its person
    inside the 在 phrase, so what stands between is passed over only when people stand before it."""
    between = _BETWEEN_PERSON_AND_VERB.search(text, max(floor, at - 24), at)
    if between is not None:
        found = people.people_before(text, between.start(), floor, known)
        if found:
            return found
    return people.people_before(text, at, floor, known)


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
_AGENDA_VERBS = ("传达", "听取", "审议", "研究", "部署", "通报", "学习", "讨论", "总结", "分析", "审定", "通过")
# spoken of rather than held: 传达…会议精神, 关于召开…的请示; such a meeting was held (or is to be),
# the story only names it, so it comes out with ``referred=True``
_REFERRED_BEFORE = re.compile(
    # 学习 in a study group's name (理论学习中心组) is no verb
    r"(?:传达|学习(?!中心组|小组)|贯彻|落实|关于|筹备|参照)[^，。；,;]*$"
)
_REFERRED_AFTER = re.compile(r"^(?:精神|上的讲话|部署|要求|的请示|的通知|决定)")
# a meeting that a rule or plan only requires is no event at all, and no record: the clause before its
# verb says it must, may or will be held (应当召开, 可以召开听证会, 将于下月召开, 原则上每月召开) — the
# modal words, not the words they begin or end (应急管理局, 主要领导, 计划生育协会, 应邀)
_REQUIRED_BEFORE = re.compile(
    r"(?:应当|(?<![响相供适反效对答回感])应(?![急用对聘邀])|须|必须|可以|将|(?<![模])拟|计划(?!生育)"
    r"|(?<![主重需纪摘概只])要(?![求闻素点])|原则上|一般|必要时|需要时|如有需要|随时)[^，。；,;]*$"
)
# …召开前 / 召开时 / 召开15日以前: the time around a meeting, written in a rule, not a meeting held
_REQUIRED_AFTER_VERB = re.compile(r"(?:前|时|之日|[\d一二三四五六七八九十]+日(?:以)?前)")
# a meeting held on a cadence is a cadence, not a meeting (每月至少召开一次街巷议事会, 定期召开)
_CADENCE = re.compile(r"每[\u4e00-\u9fff\d]{0,4}(?:天|日|周|星期|月|季度|年|学期)|逐[日周月季年]|定期|例会制度")
# 已召开11次: meetings counted, not one held; 第三十七次常务会议 and 十四届五次会议 name a session
# 连续3年召开: one held each year, not one held
_COUNTED = re.compile(
    r"(?<![第届\d一两二三四五六七八九十])[\d一两二三四五六七八九十]+次(?![\u4e00-\u9fff]{0,8}(?:会议|全会|大会))"
    r"|连续[\d一两二三四五六七八九十]+年"
)
# words between a subject and its verb that belong to neither: 社区议事厅已召开, 街道近日召开
_ADVERBS_AFTER = re.compile(
    r"(?:已经|已|还|将|再次|再|又|正式|专门|先后|分别|集中|共|近日|日前|今天|隆重|成功|圆满|首次|相继|陆续|联合|共同)+$"
)
# an article or item number before the body is no part of it: 第十二条…, （四）…
_NUMBERING_BEFORE = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+条|[（(][一二三四五六七八九十\d]+[)）])")
# a day written before the body that meets: 7月10日上午区政府召开 (but 近日 is an adverb)
_LEADING_DAY = re.compile(r"^.*?[\d一二三四五六七八九十]日(?:[上下]午|晚上?|凌晨)?")
# a body whose sessions are named after it: short, and ending as bodies do (区委常委会, 区政府, 党工委,
# 区政协, 县人大)
_BODY = re.compile(r"[\u4e00-\u9fff]{1,11}(?:[会委府局部办组院厅处]|政协|人大)")
# a name that only numbers or marks a session of the body holding it: 2019年第8次会议, （扩大）会议,
# 全体会议, 会议, a study group's 第8次集中学习, and any name opening with 第 or a term (第十二次常务
# 会议, 十四届二十次常委会议); a joint meeting (…第12次会议暨…委员会第三次会议) is the body's by its
# first part. The body's own name (区委常委会) is what says which meeting it is
_SESSION_ONLY = re.compile(
    r"(?:第|[\d一二三四五六七八九十]+届)"
    r"|(?:\d{4}年度?)?(?:第[\d一二三四五六七八九十百零〇]+次|[（(]扩大[)）]|全体|扩大)*(?:会议|集中学习|专题学习)(?:$|暨)"
)
# how often or whether a body meets is no part of it: 统战部将每半年召开, 每月至少召开
_CADENCE_OR_MODAL = re.compile(r"(?:每|定期).*$")
_MODALS_AFTER = re.compile(r"(?:将|要|应当|应|须|必须|计划|拟|坚持|至少)+$")
_ORGAN_IN_NAME = re.compile(
    r"^((?:中共)?[\u4e00-\u9fff]{2,20}?(?:委员会|人民政府|区政府|市政府|政协))(?=\S*(?:会议|会))"
)


#: How far a sentence reaches either side of a word in it: text with no full stops (a page that
#: lost its punctuation) is read in windows, so the work per meeting word stays bounded.
SENTENCE_REACH = 300


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    start = floor = max(0, at - SENTENCE_REACH)
    for match in _SENTENCE_END.finditer(text, floor, at):
        start = match.end()
    end_match = _SENTENCE_END.search(text, at, at + SENTENCE_REACH)
    return start, end_match.start() if end_match else min(len(text), at + SENTENCE_REACH)


def _clause_end(text: str, at: int) -> int:
    """The end of the clause from ``at``; a comma inside “quotes” does not end it."""
    depth = 0
    for index in range(at, min(len(text), at + 80)):
        ch = text[index]
        if ch in "“《":
            depth += 1
        elif ch in "”》":
            depth = max(0, depth - 1)
        elif depth == 0 and _CLAUSE_END.match(ch):
            return index
    return min(len(text), at + 80)


_COUNT_BEFORE_NAME = re.compile(r"(?:[\d一两二三四五六七八九十]+[次场期])")


def _name_after(text: str, at: int) -> tuple[int, int] | None:
    """The span of the meeting name starting at ``at``: up to the last meeting word in the clause, or to
    the one a deed follows (``meeting_words.name_end``)."""
    end = name_end(text, at, _clause_end(text, at))
    if end is None or _HOLD.search(text, at, end):
        return None  # 举办单位可以召开听证会: the name follows the later verb, if any
    count = _COUNT_BEFORE_NAME.match(text, at)
    start = count.end() if count and count.end() < end else at  # 召开一次联席会议, 举办两场招聘会
    while start < end and text[start] in "的了过":
        start += 1  # 召开的会议, 召开了会议: the name starts after the particle
    return start, end


def _name_before(text: str, at: int, floor: int) -> tuple[int, int] | None:
    """The span of a meeting name ending right before ``at`` (…总结会在社区举行), or before the
    place it was held in (区人大一次会议在区会议中心召开: 会议 in the place's name ends no name)."""
    start = floor
    for match in _CLAUSE_END.finditer(text, floor, at):
        start = match.end()
    for end in word_ends(text, start, at):
        if end == at or _BETWEEN_NAME_AND_VERB.match(text, end, at):
            head = _NAME_HEAD.match(text, start, end) or _ENUMERATOR.match(text[start:end])
            return (start + (head.end() - head.pos) if head else start), end
    return None


# what opens a clause before a name but is none of it: the story's dateline (新华社北京2月27日电,
# 本报讯（记者 林木）) and the day (3月8日上午牙克石市…会议召开); a year alone may begin a name
# (2021年全市对台工作会议)
_NAME_HEAD = re.compile(
    r"(?:[^，。\n]{0,16}?(?:(?<![通资喜快简])讯|[\d一二三四五六七八九十]日电)(?:（[^）]{0,30}）|\([^)]{0,30}\))?)?"
    r"[ \u3000]*(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{1,2}日)(?:[上下]午|晚上?|凌晨)?"
    r"|[^，。\n]{0,16}?(?:(?<![通资喜快简])讯|[\d一二三四五六七八九十]日电)(?:（[^）]{0,30}）|\([^)]{0,30}\))?"
)


# what may stand between a name and its verb: the day (会议27日在京开幕), the place (在区会议中心),
# a plan (将于24日) and adverbs (隆重开幕)
_BETWEEN_NAME_AND_VERB = re.compile(
    r"(?:[\d一二三四五六七八九十]{1,3}日(?:[上下]午|晚上?)?)?(?:将?[在于]|(?:隆重|正式|胜利|顺利|如期)*$)"
)


def _name_at(text: str, at: int, floor: int) -> tuple[int, int] | None:
    """The span of the meeting name in 在…会上 / 从…会议上 ending at ``at``; a name with its own verb
    (在随后召开的推进会上) is the verb's."""
    start = floor
    for match in _CLAUSE_END.finditer(text, floor, at):
        start = match.end()
    opening = _AT_OPENING.match(text, start, at)
    if opening is None or _HOLD.search(text, start, at):
        return None
    ends = word_ends(text, opening.end(), at)
    return (opening.end(), at) if ends and ends[0] == at else None


def _outside(named: tuple[int, int], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``start``..``end`` outside the name: a name of its own words (学习秘书培训会,
    应急工作会议) says nothing of whether the meeting was held."""
    if named[1] <= start or named[0] >= end:
        return [(start, end)]
    return [(start, named[0]), (named[1], end)]


# a body that holds a meeting ends as bodies are named: 区委, 市政府, 县人大常委会, 区残联, 街道, 党支部,
# 各社区党组织, 全市, 我县; what ends otherwise (高质量, 创新, 可以, 并采取) is a word of the sentence
_ORGAN_SHAPE = re.compile(
    r"[\u4e00-\u9fff、（）“”]{0,28}(?:[委府局办部会院厅处组队所站镇乡村区市县省州旗盟社团校馆司厂行联协]"
    r"|中心|街道|政协|人大|中央|组织|企业|单位|机关|部门)"
)
# 台办组织台协分会举行…, 区委会同区政府召开…: the first body is the one that holds it
_ACTING_WITH = re.compile(r"组织(?=[\u4e00-\u9fff]{2})|会同|联合|邀请|牵头")
# 两次召开, 多次召开: how often, not who
_TIMES_AFTER = re.compile(r"[\d一两二三四五六七八九十多数]+次$")
# an enumerator opening a clause: 九、… 3.… （二）…
_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])")


# a picture's caption: （图为寮步镇召开会议现场）
_CAPTION = re.compile(r"[（(]?图为")


def _organ(words: str) -> str | None:
    """The body named before the verb, if those words name one: the dateline, the day, adverbs,
    modals, counts and numbering around it are no part of it."""
    head = _NAME_HEAD.match(words) or _CAPTION.match(words)
    organ = words[head.end() :] if head else words
    organ = _MODALS_AFTER.sub("", _CADENCE_OR_MODAL.sub("", organ.strip("与")))
    organ = _NUMBERING_BEFORE.sub("", _ADVERBS_AFTER.sub("", organ))
    organ = _ENUMERATOR.sub("", _TIMES_AFTER.sub("", _ACTING_WITH.split(organ)[0]))
    return organ if _ORGAN_SHAPE.fullmatch(organ) else None


def find_meetings(article: Article) -> Iterator[Meeting]:
    """Every meeting in ``article``, held or referred to, in text order."""
    text = article.text
    calendar = Calendar.of([with_opening(text, d) for d in dates_in(article)])
    registry = people.registry_of(text)
    known = tuple(registry)
    drafts: list[Draft] = []
    regulation, review = is_rule_text(text), is_review(text)

    for hold in _HOLD_OR_AT.finditer(text):
        verb_start, verb_end = hold.span("at") if hold.group("at") else hold.span()
        sentence = _sentence_bounds(text, verb_start)
        if hold.group("at"):
            named = _name_at(text, verb_start, sentence[0])
        else:
            # a meeting opens (开幕) with its name before the verb, never after
            named_after = None if hold.group() == "开幕" else _name_after(text, verb_end)
            named = named_after or _name_before(text, verb_start, sentence[0])
        if named is None:
            continue
        draft = Draft(name=text[named[0] : named[1]], start=named[0], end=named[1])
        clause_start = sentence[0]
        for match in _CLAUSE_END.finditer(text, sentence[0], verb_start):
            clause_start = match.end()
        before = text[clause_start:verb_start]
        after = text[named[1] : named[1] + 8]
        clause = text[clause_start : _clause_end(text, named[1])]
        if (
            regulation
            or ARTICLE.match(text, sentence[0])
            or any(_REQUIRED_BEFORE.search(text, *part) for part in _outside(named, clause_start, verb_start))
            or _REQUIRED_AFTER_VERB.match(text, verb_end)
            or _CADENCE.search(clause)
        ):
            continue  # required by a rule or a plan, or done on a cadence: no meeting was held
        counted = bool(_COUNTED.search(clause)) or counted_editions(text, clause_start, verb_start, verb_end, named[1])
        draft.referred = counted or bool(
            _REFERRED_BEFORE.search(text, sentence[0], min(named[0], verb_start)) or _REFERRED_AFTER.match(after)
        )
        if review and (counted or not draft.referred) and own_day(calendar, sentence, named[0]) is None:
            continue  # 召开全省服务业发展大会 in a report's review of the year: no event it reports
        if hold.group() == "主持召开":
            chairs = _people_before_role(text, verb_start, sentence[0], known)
            if not chairs:
                between = _BETWEEN_PERSON_AND_VERB.search(text, max(sentence[0], verb_start - 24), verb_start)
                end = between.start() if between else verb_start
                chairs = _subject(text, sentence[0], end)
                untitled = None if chairs else people.name_after_day(text, sentence[0], end)
                chairs = [untitled] if untitled else chairs  # 5月6日，某某在会议室主持召开…
            draft.chair = chairs[-1] if chairs else None
        elif named[0] > verb_start and before and not people.parse_list(before.rstrip("在"), known):
            organ, _, place = _LEADING_DAY.sub("", before).partition("在")
            draft.organ = _organ(organ)
            draft.location = _ADVERBS_AFTER.sub("", place) or None
        if named[1] < verb_start and text.startswith(("在", "于"), named[1]):
            draft.location = _ADVERBS_AFTER.sub("", text[named[1] + 1 : verb_start]) or None  # …会议在X召开
        if draft.organ is None:
            in_name = _ORGAN_IN_NAME.match(draft.name)
            draft.organ = in_name.group(1) if in_name else None
        elif (
            _SESSION_ONLY.match(draft.name)
            and _BODY.fullmatch(draft.organ)
            and not _CAPTION.match(text, clause_start)  # （图为镇政府召开会议现场）: the meeting reported
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
        drafts.extend(_each_listed(text, draft))

    drafts.extend(_subtitle_drafts(text, calendar))
    drafts.extend(_headnote_drafts(text, calendar))
    drafts.sort(key=lambda d: d.start)
    starts = [d.start for d in drafts]  # kept beside drafts, in step, for the searches by position

    for role in _ROLE.finditer(text):
        if text.startswith("主持召开", role.start()):
            continue
        sentence = _sentence_bounds(text, role.start())
        named = _name_after(text, role.end())
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
        target = _target(drafts, starts, role.start(), obj)
        if target is None and activity is not None:
            continue
        found = _people_before_role(text, role.start(), sentence[0], known)
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
                target.attendees.extend(people.people_after(text, listed.end(), sentence[1], known, title))

    # a story starts at its first day (本报讯 3月8日，…); what comes before is its headline
    story_start = calendar.days[0].span.start if calendar.days else 0
    kept = merged(drafts, story_start)
    if _name_from_headline(text, story_start, kept):
        kept.sort(key=lambda d: d.start)
    for draft in kept:
        chair = people.merge_titles([draft.chair], registry)[0] if draft.chair else None
        attendees = [
            p for p in people.merge_titles(_unique(draft.attendees), registry) if chair is None or p.name != chair.name
        ]
        yield Meeting(
            text=text[draft.start : draft.end],
            span=Span(start=draft.start, end=draft.end),
            name=draft.name,
            organ=draft.organ,
            location=draft.location,
            date=draft.date.start + dt.timedelta(days=draft.days_after) if draft.date and draft.date.start else None,
            chair=chair,
            attendees=tuple(attendees),
            agenda=tuple(draft.agenda),
            referred=draft.referred,
        )


_LIST_COMMA = re.compile("、")


def _each_listed(text: str, draft: Draft) -> list[Draft]:
    """The meetings a name lists with 、 (举办首届数字经济峰会、第三届智能制造论坛), each its own
    record, when every item ends with a meeting word; a list of topics of one meeting
    (寄递物流、绿色矿山现场会) is one name."""
    if "、" not in draft.name:
        return [draft]
    items, start = [], draft.start
    for comma in (*(m.start() for m in _LIST_COMMA.finditer(text, draft.start, draft.end)), draft.end):
        items.append((start, comma))
        start = comma + 1
    if len(items) < 2 or any(last_word_end(text, a, b) != b for a, b in items):
        return [draft]
    return [
        attrs.evolve(draft, name=text[a:b], start=a, end=b, attendees=list(draft.attendees), agenda=list(draft.agenda))
        for a, b in items
    ]


def _headnote_drafts(text: str, calendar: Calendar) -> Iterator[Draft]:
    """The sessions that passed a regulation, as its headnote names them (2004年10月13日 国务院第66次
    常务会议通过): held on the headnote's day, with no chair, in a rule's text too."""
    for note in headnotes.headnotes(text):
        start, end = note.name_start, note.name_end
        if last_word_end(text, start, end) != end or _HOLD.search(text, start, end):
            continue  # 7月10日召开的常务会议通过…: the verb's meeting, named where it is held
        first = bisect.bisect_left(calendar.day_starts, note.day_start)
        own = calendar.days[first] if first < len(calendar.days) else None
        if own is None or own.span.start != note.day_start:
            continue  # a day the calendar does not read (二〇〇四年十三月): no day, no record
        yield Draft(name=text[start:end], start=start, end=end, date=own.mention, organ=note.body)


def _subtitle_drafts(text: str, calendar: Calendar) -> Iterator[Draft]:
    """The meetings that reports and speeches were given at, as their subtitles name them
    (——2024年1月20日在…人民代表大会第二次会议上): held on the day the subtitle gives, with no chair;
    with no day in it, the story's dateline dates it."""
    for subtitle in speech_headers.subtitles(text):
        start, end = subtitle.name_start, subtitle.name_end
        if last_word_end(text, start, end) != end:
            continue  # 在…上 names no meeting
        draft = Draft(name=text[start:end], start=start, end=end)
        first = bisect.bisect_left(calendar.day_starts, subtitle.start)
        own = calendar.days[first] if first < len(calendar.days) else None
        if own is not None and own.span.start < subtitle.end:
            draft.date = own.mention  # the day before the name or, for a speech, after its title
        else:
            draft.date = date_for(calendar, (subtitle.start, subtitle.end), start)
        yield draft


def _subject(text: str, start: int, end: int) -> list[Person]:
    """The person a sentence opens with: 区委常委、组织部部长郭振华到…调研，并主持召开座谈会."""
    for mention in people.find_people(text[start:end]):
        return [Person(name=mention.name, titles=mention.titles)]
    return []


def _target(drafts: list[Draft], starts: list[int], at: int, obj: str | None) -> Draft | None:
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
        if obj is None or obj in ("会议", "仪式", "座谈") or _same_kind(draft.name, obj):
            return draft
    return None


def _same_kind(name: str, obj: str) -> bool:
    """签约仪式 speaks of 老旧小区物业服务合作签约仪式: the object ends the name, or shares its last word."""
    if name.endswith(obj) or obj in name:
        return True
    word_end = last_word_end(obj, 0, len(obj))
    words = [m.group(1) for m in words_lexicon().words.finditer(obj)]
    return bool(word_end) and any(name.endswith(w) for w in words if len(w) >= 2)


# a headline that is a meeting's name and no sentence: it ends with a meeting word, or with 学习 for
# a study group's session (区委理论学习中心组第二次（扩大）学习); the story's dateline after it is
# no part of it
_HEADLINE_NAME = re.compile(
    r"(?P<name>[^，。；！？：\n]{2,40}?)(?:\s*[^，。\n]{0,16}?(?:(?<![通资喜快简])讯|[\d一二三四五六七八九十]日电)"
    r"(?:（[^）]{0,30}）|\([^)]{0,30}\))?)?\s*"
)


def _name_from_headline(text: str, story_start: int, kept: list[Draft]) -> bool:
    """A story whose meeting is named only in its headline (全区安全生产工作会议 / 3月5日……主持会议):
    the first record the story calls only 会议 is that meeting, and takes the headline's name.
    Whether a record was renamed (and so moved in the text)."""
    headline = _HEADLINE_NAME.fullmatch(text, 0, story_start) if story_start else None
    if headline is None or _HOLD.search(headline.group("name")):
        return False  # no headline, or one that holds a verb (its meeting is a record of its own)
    start, end = headline.span("name")
    if not (text.endswith("学习", start, end) or last_word_end(text, start, end) == end):
        return False
    for draft in kept:
        if draft.start >= story_start and not draft.referred and BACK_REFERENCE.fullmatch(draft.name):
            draft.name, draft.start, draft.end = text[start:end], start, end
            return True
    return False


def _agenda(text: str, at: int) -> list[str]:
    """传达…, 听取…, 审议…: the items after a meeting's name, in its sentence and the next."""
    sentence_end = _SENTENCE_END.search(text, at, at + SENTENCE_REACH)
    end = sentence_end.start() if sentence_end else min(len(text), at + SENTENCE_REACH)
    span = text[at:end]
    following = text[end + 1 : end + 300]
    if re.match(rf"(?:会议)?(?:还)?(?:{'|'.join(_AGENDA_VERBS)})", following):
        nxt = _SENTENCE_END.search(following)
        span += "；" + following[: nxt.start() if nxt else len(following)]
    items = []
    for clause in re.split(r"[，；。]", span):
        clause = re.sub(r"^(?:会议|并|还|同时)+", "", clause.strip())
        if clause.startswith(_AGENDA_VERBS):
            items.append(clause)
    return items


def _unique(found: list[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for person in found:
        seen.setdefault(person.name, person)
    return list(seen.values())


@hookimpl
def govmetrics_extract(article: Article) -> Iterator[Meeting]:
    return find_meetings(article)
