"""People: whole names with the titles written beside them."""

from __future__ import annotations

import pytest

from govmetrics import Person
from govmetrics.lexicon import Lexicons
from govmetrics.names import name_lexicon
from govmetrics.people import find_people, parse_list, people_after, people_before, registry_of

#: The names of the shipped lexicons, which every test here reads.
NAMES = name_lexicon(Lexicons())


def names(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.name, m.titles) for m in find_people(NAMES, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("，区委书记王明主持召开会议", [("王明", ("区委书记",))]),
        ("，副区长李建国出席", [("李建国", ("副区长",))]),
        ("，区政协主席欧阳明华主持会议", [("欧阳明华", ("区政协主席",))]),
        ("，区城市管理委主任庄严主持仪式", [("庄严", ("区城市管理委主任",))]),
        ("，副区长冷静出席", [("冷静", ("副区长",))]),
        ("，区领导柯林、齐明参加", [("柯林", ("区领导",))]),
        ("，总经理李岩分别代表双方签约", [("李岩", ("总经理",))]),
        ("，区委书记强调", []),
        ("，街道工委书记韩立新，", [("韩立新", ("街道工委书记",))]),
    ],
    ids=[
        "two-char",
        "three-char",
        "compound surname",
        "a word as a name",
        "name before a verb",
        "区领导",
        "before 分别",
        "a verb after the title is no name",
        "before a comma",
    ],
)
def test_title_then_whole_name(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert names(text) == expected


def test_title_after_name() -> None:
    assert names("。王明书记指出") == [("王明", ("书记",))]
    assert registry_of(NAMES, "市委书记赵刚作出部署。落实赵刚书记的要求。")["赵刚"] == ("市委书记", "书记")


def test_several_titles_carry_to_the_name() -> None:
    text = "市国资委党委书记、主任张贵林，区委书记王明出席"
    assert people_before(NAMES, text, text.index("出席")) == [
        Person(name="张贵林", titles=("市国资委党委书记", "主任")),
        Person(name="王明", titles=("区委书记",)),
    ]


def test_a_title_carries_over_a_list() -> None:
    assert parse_list(NAMES, "副区长陈立新、孙卫、杨晓梅") == [
        Person(name="陈立新", titles=("副区长",)),
        Person(name="孙卫", titles=("副区长",)),
        Person(name="杨晓梅", titles=("副区长",)),
    ]


def test_names_closed_by_deng_need_no_title() -> None:
    assert [p.name for p in parse_list(NAMES, "王明、李文起、吴克瑞等区领导") or []] == ["王明", "李文起", "吴克瑞"]


def test_groups_are_skipped_without_ending_the_list() -> None:
    text = "街道办事处主任马骁，街道工委副书记杜鹃，各社区党委书记参加会议"
    assert [p.name for p in people_before(NAMES, text, text.index("参加"))] == ["马骁", "杜鹃"]


def test_reading_back_stops_at_a_clause_that_is_not_people() -> None:
    text = "7月11日，区政府与首开集团签署协议，副区长冷静出席"
    assert people_before(NAMES, text, text.index("出席")) == [Person(name="冷静", titles=("副区长",))]


def test_a_bare_word_is_not_a_name_without_a_title_or_an_earlier_mention() -> None:
    assert parse_list(NAMES, "应当") is None
    assert parse_list(NAMES, "严正", known=["严正"]) == [Person(name="严正", titles=())]


def test_two_titled_people_joined_by_he_or_yu() -> None:
    assert parse_list(NAMES, "区水务局局长陈红和区应急局局长刘强") == [
        Person(name="陈红", titles=("区水务局局长",)),
        Person(name="刘强", titles=("区应急局局长",)),
    ]
    assert parse_list(NAMES, "市发改委主任孙涛与市财政局局长钱丽") == [
        Person(name="孙涛", titles=("市发改委主任",)),
        Person(name="钱丽", titles=("市财政局局长",)),
    ]


def test_he_inside_an_organ_name_joins_no_people() -> None:
    assert parse_list(NAMES, "区住房和城乡建设委主任庞伟") == [Person(name="庞伟", titles=("区住房和城乡建设委主任",))]


def test_transliterated_names_need_a_title() -> None:
    assert parse_list(NAMES, "区政协副主席艾力·买买提") == [Person(name="艾力·买买提", titles=("区政协副主席",))]
    assert parse_list(NAMES, "艾力·买买提") is None


def test_member_units_and_the_invited_are_no_names() -> None:
    assert parse_list(NAMES, "市委统战工作领导小组成员单位") is None
    assert parse_list(NAMES, "历届区政协主席应邀") is None


def test_groups_named_by_office_with_a_note_in_brackets_are_skipped_between_people_and_verb() -> None:
    text = (
        "镇党委副书记、镇长严立军，副镇长温雅、符建，机关相关科室(部门)负责人，各居、村主任（党支部书记），"
        "各驻镇单位负责人出席"
    )
    assert [p.name for p in people_before(NAMES, text, len(text))] == ["严立军", "温雅", "符建"]


def test_a_clause_of_other_words_before_a_group_still_ends_the_list() -> None:
    text = "7月1日，镇政府与恒达公司签订协议，各村主任出席"
    assert people_before(NAMES, text, len(text)) == []


def test_a_group_of_responsible_comrades_joined_by_ji_ends_the_list_not_the_person() -> None:
    assert parse_list(NAMES, "县委常委、常务副县长卫岚及县直有关部门主要负责同志") == [
        Person(name="卫岚", titles=("县委常委", "常务副县长"))
    ]


def test_people_set_apart_with_semicolons_are_one_list() -> None:
    text = "镇长伍军；镇党委副书记程丽；镇人大主席欧阳明出席"
    assert [p.name for p in people_before(NAMES, text, text.index("出席"))] == ["伍军", "程丽", "欧阳明"]


def test_xi_is_a_surname() -> None:
    assert names("，街道党工委书记习文华主持") == [("习文华", ("街道党工委书记",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("，县防汛抗旱指挥部总指挥蒲建华主持", ("蒲建华", ("县防汛抗旱指挥部总指挥",))),
        ("，区级总河长丛林出席", ("丛林", ("区级总河长",))),
        ("，民盟区委主委雍春出席", ("雍春", ("民盟区委主委",))),
        ("，市政府副秘书长、总工程师邢亮出席", ("邢亮", ("总工程师",))),
        ("，三里村村长宿海出席", ("宿海", ("三里村村长",))),
    ],
    ids=["commander-in-chief", "river-chief", "party-chair", "chief-engineer", "village-head"],
)
def test_office_titles_of_commands_rivers_parties_and_villages(
    text: str, expected: tuple[str, tuple[str, ...]]
) -> None:
    assert names(text) == [expected]


def test_people_listed_after_a_verb_read_forward_past_groups_to_the_first_other_clause() -> None:
    text = "区委常委吕新、邵华，各镇街主要负责人，区人大常委会副主任盛强，会议强调"
    assert [p.name for p in people_after(NAMES, text, 0, len(text))] == ["吕新", "邵华", "盛强"]


def test_names_after_a_collective_title_joined_by_he_at_the_end() -> None:
    assert [p.name for p in parse_list(NAMES, "市领导孔德明、韦志超、邱海燕和邹立新") or []] == [
        "孔德明",
        "韦志超",
        "邱海燕",
        "邹立新",
    ]


def test_a_name_joined_by_he_to_a_name_under_a_bare_title_head() -> None:
    found = parse_list(NAMES, "县政协副主席龙建业、石美娟和秘书长雷振东") or []
    assert [(p.name, p.titles) for p in found] == [
        ("龙建业", ("县政协副主席",)),
        ("石美娟", ("县政协副主席",)),
        ("雷振东", ("秘书长",)),
    ]


def test_he_opening_a_list_item_is_the_surname_of_the_name() -> None:
    assert [p.name for p in parse_list(NAMES, "副市长孔立军、和春燕、唐志明") or []] == ["孔立军", "和春燕", "唐志明"]


def test_a_group_of_units_joined_at_the_end_of_a_list_names_no_one() -> None:
    assert [p.name for p in parse_list(NAMES, "区领导蒋文斌、邓晓梅和区发改委、财政局等部门负责人") or []] == [
        "蒋文斌",
        "邓晓梅",
    ]


def test_a_headcount_joined_at_the_end_of_a_list_names_no_one() -> None:
    assert [p.name for p in parse_list(NAMES, "副主任钟卫东、龚爱华和委员共17人") or []] == ["钟卫东", "龚爱华"]
    assert [p.name for p in parse_list(NAMES, "县人大代表石红英以及居民、商户等30名代表") or []] == ["石红英"]


def test_a_titled_name_after_the_joining_word_is_no_group() -> None:
    found = parse_list(NAMES, "副县长王一平和县长助理刘成等县领导") or []
    assert [p.name for p in found] == ["王一平", "刘成"]


def test_a_joining_word_inside_a_bureau_name_joins_no_people() -> None:
    found = parse_list(NAMES, "区委书记王明，区住房和城乡建设委主任李强") or []
    assert [(p.name, p.titles) for p in found] == [("王明", ("区委书记",)), ("李强", ("区住房和城乡建设委主任",))]


def test_names_with_no_common_surname_in_a_titled_list() -> None:
    found = parse_list(NAMES, "盟领导朝鲁、杨志军、图雅") or []
    assert [p.name for p in found] == ["朝鲁", "杨志军", "图雅"]
    assert [p.name for p in parse_list(NAMES, "旗委副书记、旗长额尔敦") or []] == ["额尔敦"]


def test_an_untitled_word_is_no_name_without_a_list_to_vouch_for_it() -> None:
    assert parse_list(NAMES, "图雅") is None
    assert parse_list(NAMES, "会议室") is None


def test_a_deed_after_a_title_outside_a_list_is_no_unsurnamed_name() -> None:
    assert parse_list(NAMES, "总书记亲临海南") is None


def test_he_before_a_whole_name_at_the_end_of_a_list_joins_it() -> None:
    assert [p.name for p in parse_list(NAMES, "副市长孔立军、唐志明、和郑伟") or []] == ["孔立军", "唐志明", "郑伟"]
