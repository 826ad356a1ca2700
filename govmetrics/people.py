"""People named in a story: whole names, with the titles written beside them.

Chinese news names officials as title + name: 区委书记常卫, 北京市国资委党委书记、主任张贵林,
副区长陈立群、孙卫东、杨晓梅 (the title carries over the list). What makes a whole name and where a
title ends is :mod:`govmetrics.names`; this module finds the people a story names and reads lists.

A list before a verb (张三、李四出席) is read item by item: a title alone (区委副书记、区长侯明哲)
passes to the next name, a bare name takes the title of the name before it, and group words
(相关部门负责人, 各社区党委书记) are skipped without ending the list. Two names may be joined by 和
(黄某和罗某), 和 opening an item is a surname (、和某某、), a group joined at the list's end
(…和区科技局等部门负责人) names no one, and a list a title vouches for may hold names with no
surname of the lexicon (旗领导孟和、其其格).

Every function takes the :class:`~govmetrics.names.NameLexicon` built from the lexicons the extractor
was given (:func:`govmetrics.names.name_lexicon`) as its first argument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs

from govmetrics.chinese import SMALL_NUMERAL
from govmetrics.models import Person
from govmetrics.names import (
    NOT_NAMES,
    ORGAN_ENDINGS,
    NameLexicon,
    is_cjk,
    is_name,
    lexicon_title_end,
    name_at,
    name_lengths,
    split_title,
)

_GROUP_WORDS = (
    "负责人", "负责同志", "代表", "成员", "干部", "群众", "居民", "党员", "人员", "领导", "同志们", "委员们"
)  # fmt: skip
# Items of a list of people are separated by 、 and ，, and joined by 及 (秘书长朱琳及18个乡镇负责人)
# or by 和 before a group (马国强和二十来个居民代表); 和 is also a surname, so not before a name.
_LIST_SEPARATOR = re.compile(
    r"[、，,]|以及|及|和(?=[\d一二两三四五六七八九十几数百]|[^、，]{0,8}(?:代表|群众|居民|党员|干部|负责人))"
)
# words between a name and its verb: 邝玉兰同志主持, 谭国庆又主持召开, 葛长青亲自部署
_AFTER_A_NAME = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:同志)?(?:又|还|也|亲自|再次|专门|随后|先后)*$")
# a count of people standing for a group: 党外人士代表二十余人, 80余名
_HEADCOUNT = re.compile(r"\d|[个各全共]|[一二两三四五六七八九十百千]+[余多]?[人名位]$")


# Compiled once: each is read for every list of people a story gives, where re's own cache of
# patterns costs a lookup a call.
_CLOSED_BY_GROUP = re.compile(r"等[\u4e00-\u9fff]{0,6}(?:领导|同志|负责人|委员)$")  # 常卫、李文起等区领导
_ITEM_OR_GROUP_END = re.compile(r"[、等]")
_JOINING_TWO = re.compile(r"[和与]")  # 黄丽君和罗国平
_AFTER_CLAUSE_MARK = re.compile(r"(?<=[，；])")
_CLAUSE_MARK = re.compile(r"[，；]")


# a name written in transliteration, its parts joined by a middle dot (帕巴拉·格列朗杰, 买买提·吐尔逊):
# no surname lexicon covers it, so it is taken only as an item of a list that a title vouches for
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·・•][\u4e00-\u9fff]{1,8}){1,3}")


@attrs.frozen(kw_only=True)
class PersonMention:
    """A person where the text names them: the name's own span, and the titles written with it."""

    name: str
    titles: tuple[str, ...]
    start: int
    end: int


#: Titles that may follow a name (常卫书记, 蔡奇同志): the short personal ones.
_TITLES_AFTER = ("书记", "区长", "市长", "县长", "主任", "部长", "局长", "主席", "同志")
_BEFORE_NAME = frozenset("，、。；：“（(\n的和与及")


def find_people(names: NameLexicon, text: str, known: frozenset[str] = frozenset()) -> Iterator[PersonMention]:
    """Every title + name in ``text``: 区委书记常卫, 区城市管理委主任庄严, 区领导柯永果, 常卫书记.

    A name before its title (常卫书记) is taken after a break (，常卫书记) or when it is ``known``
    (落实蔡奇书记的部署, once 市委书记蔡奇 was met).
    """
    return _people_at(names, text, _named_heads(names, text), known)


def _named_heads(names: NameLexicon, text: str) -> Iterator[tuple[re.Match[str], str | None]]:
    """Every title head in ``text``, with the name right after it (None where there is none)."""
    for match in names.title_heads.finditer(text):
        yield match, name_at(names, text, match.end())


def _people_at(
    names: NameLexicon, text: str, heads: Iterable[tuple[re.Match[str], str | None]], known: frozenset[str]
) -> Iterator[PersonMention]:
    """The people :func:`find_people` reads at ``heads``, the title heads of ``text`` and their names."""
    for match, name in heads:
        if name is not None:
            start = match.end()
            title_start = _title_start(text, match.end())
            yield PersonMention(
                name=name, titles=(text[title_start : match.end()],), start=start, end=start + len(name)
            )
        elif match.group() in _TITLES_AFTER:
            yield from _name_before_title(names, text, match.start(), match.group(), known)


def _name_before_title(
    names: NameLexicon, text: str, at: int, title: str, known: frozenset[str]
) -> Iterator[PersonMention]:
    """常卫书记: a name right before a short title, with a break before the name or already known."""
    for length in (3, 2, 4):
        start = at - length
        name = text[max(0, start) : at]
        if start < 0 or (start > 0 and text[start - 1] not in _BEFORE_NAME and name not in known):
            continue
        if length in name_lengths(names, text, start) and is_cjk(name) and name[-1] not in ORGAN_ENDINGS:
            titles = () if title == "同志" else (title,)
            yield PersonMention(name=name, titles=titles, start=start, end=at)
            return


_TITLE_BREAK = re.compile(r"[，。；：、,;:\n（）()“”]|主持|出席|参加|召开|举行|以及|和|与|及|由")


def _title_start(text: str, end: int) -> int:
    """Where the title that ends at ``end`` begins: after the last break before it, at most 16 back."""
    window_start = max(0, end - 16)
    start = window_start
    for match in _TITLE_BREAK.finditer(text, window_start, end):
        start = match.end()
    return start


def parse_list(names: NameLexicon, segment: str, known: Iterable[str] = ()) -> list[Person] | None:
    """The people in a list such as 区委副书记、区长侯明哲，区委常委甄妮、鲍强 (None if it is not one).

    Items are separated by 、 and ，; a trailing 等… (常卫、李文起等区领导) closes the list, and so
    does a group joined at its end (…和区科技局、教育局等部门负责人). ``known`` names (met earlier in
    the story with a title) are accepted without one.
    """
    known = set(known)
    people: list[Person] = []
    pending: list[str] = []
    previous_titles: tuple[str, ...] = ()
    segment = _without_joined_group(names, segment)
    items = [
        part
        for index, item in enumerate(i for i in _LIST_SEPARATOR.split(segment) if i)
        for part in _split_joined(names, item.strip(), known, listed=index > 0)
    ]
    if not items:
        return None
    # 常卫、李文起、吴克瑞等区领导: names closed by 等 and a group title need no title of their own
    closes_with_group = bool(_CLOSED_BY_GROUP.search(segment))
    for raw in items:
        raw = raw.strip()
        # 会议由…主持: the chair follows 由; 和 opening an item is the surname of a name (、和志勇、)
        # when the whole item is one and what follows 和 is none (、和张伟 is 张伟), else a joining word
        item = raw if _surname_he(names, raw) else _ITEM_OPENING.sub("", raw)
        item = _AFTER_A_NAME.sub("", item)  # 邝玉兰同志主持, 谭国庆又主持: the name ends before these
        if "等" in item:
            item = item.split("等", 1)[0]
        if not item:
            continue
        title, rest = split_title(names, item)
        invited = _INVITED.sub("", rest)
        if invited != rest and (invited in known or is_name(names, invited)):
            rest = invited  # 副市长某某应邀到会: a guest's name, then that they were invited
        joined = _joined_person(names, title)
        if joined is not None:  # 区水务局局长陈红和区应急局局长刘强: two titled people joined by 和
            people.append(joined)
            previous_titles, pending = joined.titles, []
            title = title[title.index(joined.name) + len(joined.name) + 1 :]
        if not rest:
            if item.endswith(_GROUP_WORDS) and not pending:
                continue  # 相关部门负责人: a group, not a person
            pending.append(title)
            continue
        name = rest if (rest in known or is_name(names, rest) or _TRANSLITERATED.fullmatch(rest)) else None
        if name is None and len(items) > 1 and (title or (people and not pending)) and _unsurnamed(names, rest):
            name = rest  # 旗领导孟和、张建伟、其其格: a name with no common surname, vouched for by the list
        if name is not None and not (title or pending or previous_titles or rest in known or closes_with_group):
            name = None  # a bare word that only looks like a name (应当, 项由): no title vouches for it
        if name is None:
            if _names_a_group(item) or _names_a_group(raw.strip()):  # 负责同志 loses 同志 above
                pending.clear()
                continue  # 各社区党委书记及网格员代表共80余人
            return None
        titles = tuple(pending) + ((title,) if title else ())
        if not titles:
            titles = previous_titles
        people.append(Person(name=name, titles=titles))
        previous_titles = titles
        pending = []
    return people


# invited (历届区政协主席应邀参加 names no one, 副市长某某应邀到会 names a guest)
_INVITED = re.compile(r"(?:应邀|受邀)$")
_ITEM_OPENING = re.compile(r"^(?:以及|及|和|与|并)|^[^，、]*?由")
# a name with no surname of the lexicon (Mongolian, Tibetan names: 巴特尔, 其其格, 乌云其木格, 次仁多吉),
# taken only as an item of a titled list: two to five characters, none of them one that ends the
# name of an organ or a place, or a particle no name holds
_NOT_IN_UNSURNAMED = (
    "〇一二两三四五六七八九十百千万"
    + "".join(sorted(ORGAN_ENDINGS))
    + "的了和与及在是为对将把被等各全有无不也都就还又并从向于以之"
)
_UNSURNAMED = re.compile(rf"[^\W\da-zA-Z{_NOT_IN_UNSURNAMED}]{{2,5}}")
# a group joined at the end of a list of people (…和区科技局、教育局等部门负责人, …和委员共21人,
# …以及消费者、经营者等25名听证参加人): people, but no one named
_JOINING = re.compile(r"以及|和|及|与")
_COUNTED_PEOPLE = re.compile(r"[\d一二两三四五六七八九十百千]+[余多]?[名人位]")


def _surname_he(names: NameLexicon, item: str) -> bool:
    """Whether 和 opening ``item`` is its name's surname: 和志勇 is a name and 志勇 none."""
    return item.startswith("和") and is_name(names, item) and not is_name(names, item[1:])


def _unsurnamed(names: NameLexicon, rest: str) -> bool:
    """Whether ``rest`` is a whole name with no surname of the lexicon: no surname starts a name in
    it (陈静主持 is 陈静 and a verb), and no word that ends a name, no group word and no word that
    follows a title (单位, 主持) is in it."""
    return bool(
        _UNSURNAMED.fullmatch(rest)
        and name_at(names, rest, 0) is None
        and not any(ender in rest[1:] for ender in names.enders)
        and not rest.startswith(NOT_NAMES)
        and not rest.endswith(_GROUP_WORDS)
        and not _HEADCOUNT.search(rest)
    )


def _without_joined_group(names: NameLexicon, segment: str) -> str:
    """The list before a group joined at its end; a group that opens with a name or holds a titled
    one (和区长某某等区领导) is people named, and stays."""
    for joint in _JOINING.finditer(segment):
        rest = segment[joint.end() :]
        if "，" in rest or not (rest.endswith(_GROUP_WORDS) or _COUNTED_PEOPLE.search(rest)):
            continue
        first = _ITEM_OR_GROUP_END.split(rest, maxsplit=1)[0]  # 居民、商户等: a group word is no name
        opens_with_name = is_name(names, first) and not first.endswith(_GROUP_WORDS)
        if not opens_with_name and not any(find_people(names, rest)):
            return segment[: joint.start()]
    return segment


def _split_joined(names: NameLexicon, item: str, known: set[str], listed: bool) -> list[str]:
    """An item holding two people joined by 和 or 与 (黄丽君和罗国平, 赵立群和秘书长孙建民), as two.

    The one before the joining word is a titled name, or, in a list that already carries a title, a
    bare one; the one after is a bare name or one under a bare title head (秘书长). So 区住房和城乡建设
    委主任 (区住房 is no name there: 城乡建设委主任 is no bare title) stays one title."""
    for joint in _JOINING_TWO.finditer(item):
        left, right = item[: joint.start()], item[joint.end() :]
        title, name = split_title(names, left)
        if not name or not (name in known or is_name(names, name)) or not (title or listed):
            continue
        right_title, right_name = split_title(names, right)
        if right_title and right_title not in names.titles:
            continue
        if right_name in known or is_name(names, right_name):
            return [left, *_split_joined(names, right, known, listed=True)]
    return [item]


def _joined_person(names: NameLexicon, title: str) -> Person | None:
    """The titled person before 和 or 与 in what reads as one long title (区水务局局长陈红和区应急局
    局长): the part before the joining word must be a title and a name by itself, so 区住房和城乡
    建设委主任 (区住房 is no titled name) stays one title."""
    for joint in _JOINING_TWO.finditer(title):
        head_title, name = split_title(names, title[: joint.start()])
        if head_title and name and is_name(names, name) and title[joint.end() :]:
            return Person(name=name, titles=(head_title,))
    return None


#: How far back a list of people before a verb may reach, and how long a titled name at the end
#: of a clause may be: both bound the work on text that has lost its punctuation.
LIST_REACH = 200
TAIL_REACH = 30


def people_before(names: NameLexicon, text: str, end: int, start: int = 0, known: Iterable[str] = ()) -> list[Person]:
    """The people listed right before ``end`` (a verb such as 出席), reading back clause by clause.

    Reading stops at the first clause that is not a list of people, so 7月11日，区政府与首开集团签署
    协议，A，B出席 gives A and B. A list may set its people apart with ；(镇长A；镇党委副书记B出席).
    """
    known = tuple(known)
    start = max(start, end - LIST_REACH)
    clauses = _AFTER_CLAUSE_MARK.split(text[start:end])
    people: list[Person] = []
    for index in range(len(clauses) - 1, -1, -1):
        clause = clauses[index].rstrip("，；")
        parsed = parse_list(names, clause, known)
        if parsed is None and _names_a_body_of_people(names, clause):
            continue  # A，B，各村主任（支部书记），各单位负责人出席: the people come before the groups
        if parsed is None:
            if index == len(clauses) - 1:
                if _names_a_group(clause):
                    continue  # A，B，区住建委、区城管局负责同志出席: the people come before the group
                parsed = _tail_people(names, clause, known)
                people = parsed + people
            break
        people = parsed + people
    return people


# a sentence that opens with its day (5月6日，… / 6日上午，…): what follows is the day's deed
_DAY_CLAUSE = re.compile(rf"{SMALL_NUMERAL}{{1,4}}日(?:[上下]午|晚上?|凌晨)?[，,]")


def name_after_day(names: NameLexicon, text: str, start: int, end: int) -> Person | None:
    """The untitled name that alone makes the clause after a sentence's day (5月6日，某某在区委会议室
    主持召开…; his title, if any, was given in another sentence). A surname of the lexicon and one or
    two characters, ending where the clause does; a word that ends names (随后, 亲自) is none, and a
    clause that opens with no day (随后，…) may hold an adverb that looks like one."""
    day = _DAY_CLAUSE.search(text, max(start, end - 16), end)
    if day is None:
        return None
    name = text[day.end() : end]
    if name_at(names, text, day.end()) != name or name in names.enders:
        return None
    return Person(name=name, titles=())


def people_after(
    names: NameLexicon, text: str, start: int, end: int, known: Iterable[str] = (), title: str = ""
) -> list[Person]:
    """The people listed from ``start`` on (出席会议的还有A，B、C), reading forward clause by clause
    up to ``end``: groups are passed over, and the first clause that is not a list ends it. A
    ``title`` written before the list (出席会议的县领导还有A、B) is theirs."""
    known = tuple(known)
    people: list[Person] = []
    for index, clause in enumerate(_CLAUSE_MARK.split(text[start : min(end, start + LIST_REACH)])):
        parsed = parse_list(names, title + clause if index == 0 else clause, known)
        if parsed is None:
            if _names_a_group(clause) or _names_a_body_of_people(names, clause):
                continue
            break
        people.extend(parsed)
    return people


def _names_a_group(clause: str) -> bool:
    """相关部门负责同志, 区住建委、区城管局负责人, 群众代表30余人: people, but no one named."""
    return clause.endswith(_GROUP_WORDS) or bool(_HEADCOUNT.search(clause))


# a group named by its members' office (各居、村主任, 全体机关干部, 相关科室负责人); a note in brackets after
# it (（常务副书记）, （部门）) is no part of what it ends with
_GROUP_OPENING = re.compile(r"^(?:各|全体|相关|有关|其他|部分)")
_BRACKETED_NOTE = re.compile(r"[（(][^）)]{1,12}[）)]$")


def _names_a_body_of_people(names: NameLexicon, clause: str) -> bool:
    """各居、村主任（常务副书记）, 机关相关科室（部门）负责人: people by their office or group, no one named."""
    clause = _BRACKETED_NOTE.sub("", clause)
    return clause.endswith(_GROUP_WORDS) or bool(_GROUP_OPENING.match(clause) and lexicon_title_end(names, clause))


def _tail_people(names: NameLexicon, clause: str, known: tuple[str, ...]) -> list[Person]:
    """The people at the end of a clause that starts with other words: 检查结束后严正."""
    for cut in range(max(0, len(clause) - TAIL_REACH), len(clause)):
        parsed = parse_list(names, clause[cut:], known)
        if parsed:
            return parsed
    return []


def merge_titles(people: Iterable[Person], registry: dict[str, tuple[str, ...]]) -> tuple[Person, ...]:
    """People carrying every title the story gives them, whichever sentence gave it."""
    out = []
    for person in people:
        titles = tuple(dict.fromkeys(person.titles + registry.get(person.name, ())))
        out.append(Person(name=person.name, titles=titles))
    return tuple(out)


def registry_of(names: NameLexicon, text: str) -> dict[str, tuple[str, ...]]:
    """Every titled name in a story and its titles, so a later bare 常卫 is the same person."""
    registry: dict[str, tuple[str, ...]] = {}
    # the title heads and the names after them are read once: both readings go over the same ones
    heads = list(_named_heads(names, text))
    for _ in range(2):  # the second reading knows the names, so it finds 蔡奇书记 after 市委书记蔡奇
        for mention in _people_at(names, text, heads, frozenset(registry)):
            titles = registry.get(mention.name, ())
            registry[mention.name] = tuple(dict.fromkeys(titles + mention.titles))
    return registry
