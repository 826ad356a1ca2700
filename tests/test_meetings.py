"""Meetings: held or referred to, with date, chair, attendees and agenda, in sentences like reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

import govmetrics


def meetings(text: str, published: str = "2021-03-10") -> list[govmetrics.Meeting]:
    result = govmetrics.extract(text, published=published)
    for m in result.meetings:
        assert result.article.text[m.span.start : m.span.end] == m.text
    return list(result.meetings)


def test_chair_convenes_a_meeting_and_others_attend() -> None:
    [m] = meetings(
        "本报讯（记者 林木）3月8日，区委副书记、区长王明主持召开区政府第十二次常务会议，研究老旧小区"
        "综合整治工作。副区长李建国、赵平出席会议。"
    )
    assert m.name == "区政府第十二次常务会议"
    assert m.date == dt.date(2021, 3, 8)
    assert m.chair == govmetrics.Person(name="王明", titles=("区委副书记", "区长"))
    assert [p.name for p in m.attendees] == ["李建国", "赵平"]
    assert m.agenda == ("研究老旧小区综合整治工作",)
    assert not m.referred


def test_organ_and_place_of_a_meeting_held_by_a_body() -> None:
    [m] = meetings(
        "3月9日下午，区住房城乡建设委在八宝山街道召开老旧小区改造现场推进会。区住房城乡建设委主任龚明主持会议。"
    )
    assert (m.organ, m.location, m.chair.name if m.chair else None) == ("区住房城乡建设委", "八宝山街道", "龚明")


def test_organ_written_in_the_name() -> None:
    [m] = meetings("3月1日，区委书记王明主持召开中共北京市某某区委员会常委会会议。")
    assert m.organ == "中共北京市某某区委员会"


def test_a_ceremony_introduced_by_its_attendees() -> None:
    [m] = meetings(
        "3月5日，区政府与城发集团签署战略合作协议，市国资委主任张林，区委书记王明出席签约仪式。"
        "区委副书记、区长陈之恒主持签约仪式。区领导柯林、齐明参加签约仪式。"
    )
    assert m.name == "签约仪式"
    assert m.date == dt.date(2021, 3, 5)
    assert m.chair is not None and m.chair.name == "陈之恒"
    assert [p.name for p in m.attendees] == ["张林", "王明", "柯林", "齐明"]


def test_the_chair_is_not_an_attendee() -> None:
    [m] = meetings(
        "3月2日，街道召开工作推进会。街道工委书记边明、街道办事处主任庞丽出席会议。会议由街道工委书记边明主持。"
    )
    assert m.chair == govmetrics.Person(name="边明", titles=("街道工委书记",))
    assert [p.name for p in m.attendees] == ["庞丽"]


def test_date_only_in_the_dateline() -> None:
    [m] = meetings(
        "本报讯（记者 路遥）3月6日上午，区领导带队检查环境整治工作。截至2月底，全区完成整治12处。"
        "检查结束后，区委书记严明主持召开现场会，听取各街道汇报。"
    )
    assert m.date == dt.date(2021, 3, 6)
    assert m.chair is not None and m.chair.name == "严明"


def test_two_meetings_in_one_story() -> None:
    found = meetings(
        "本报讯 3月4日上午，新街口街道召开2021年工作部署大会。街道工委书记闫立主持会议，区委常委孔令山出席会议。"
        "据悉，在2月26日召开的街道工委会上，街道已研究通过了工作要点。"
    )
    assert [(m.name, m.date) for m in found] == [
        ("2021年工作部署大会", dt.date(2021, 3, 4)),
        ("街道工委会", dt.date(2021, 2, 26)),
    ]
    assert found[0].chair is not None and found[0].chair.name == "闫立"
    assert found[1].chair is None


def test_meeting_named_before_it_is_held() -> None:
    [m] = meetings("3月7日上午，某社区志愿服务队成立五周年总结会在社区党群服务中心举行。")
    assert m.name == "某社区志愿服务队成立五周年总结会"
    assert m.date == dt.date(2021, 3, 7)


def test_attending_something_else_is_not_attending_the_meeting() -> None:
    [m] = meetings("3月3日，区委书记严明、区长龙飞等区领导参加检查。检查结束后，严明主持召开现场会。")
    assert m.attendees == ()


def test_referred_meetings_are_marked_and_recurring_ones_are_no_record() -> None:
    found = meetings(
        "3月1日，区委书记王明主持召开区委常委会会议，传达市委全会精神，听取关于召开区人大常委会第二十一次会议的请示。"
        "各社区要每月召开一次接诉即办分析会。"
    )
    assert [(m.name, m.referred) for m in found] == [("区委常委会会议", False), ("区人大常委会第二十一次会议", True)]


def test_meetings_held_on_a_cadence_are_cadences_not_meetings() -> None:
    for text in (
        "楼门长实行“五有”标准，每月至少召开一次楼院议事会，收集居民意见。",
        "业委会每两个月至少召开一次例会。",
        "建立“周调度、月总结”机制：每周二召开调度会，每月末召开一次总结会。",
        "4、主任碰头会，原则上每个星期召开一次，必要时可以临时召开。",
        "（二）办公会议一般每月召开一次，如有需要可随时召开。",
        "区委统战部定期召开党外人士座谈会。",
    ):
        assert meetings(text) == [], text


def test_meetings_a_rule_requires_are_no_record() -> None:
    for text in (
        "经三分之一以上的会员提议，理事会应当组织召开会员代表大会临时会议。",
        "举办单位可以召开听证会，听取利害关系人的意见。",
        "区政府将于下月召开全区消防安全工作会议。",
        "第九条 评估机构实施专项评估，应当听取公众意见，并采取召开座谈会或者其他形式了解情况。",
        "第二十条 召开会员大会会议，应当于会议召开10日以前通知全体会员。",
    ):
        assert meetings(text) == [], text


def test_a_regulation_yields_no_meetings() -> None:
    text = (
        "第一条 为规范协会的活动，制定本章程。\n第二条 协会是会员的自治组织。\n"
        "第三条 理事会每年至少召开2次会议。理事会会议须有过半数理事出席方能召开。\n"
        "第四条 监事列席理事会会议。"
    )
    assert meetings(text) == []


def test_same_meeting_named_again_in_a_headline_is_one_meeting() -> None:
    found = meetings("3月9日，区住房城乡建设委召开老旧小区改造推进会。\n我区召开老旧小区改造推进会")
    assert len(found) == 1


def test_people_carry_titles_given_anywhere_in_the_story() -> None:
    [m] = meetings("3月3日，区委书记严明带队检查。检查结束后，严明主持召开现场会。")
    assert m.chair == govmetrics.Person(name="严明", titles=("区委书记",))


def test_a_chair_named_with_a_verb_after_the_name_earlier_in_the_story() -> None:
    [m] = meetings(
        "3月5日，区人大常委会主任杨帆带领部分人大代表视察城市更新项目。区人大常委会副主任赵敏参加视察。"
        "视察结束后召开座谈会，杨帆主持座谈会并讲话。"
    )
    assert m.chair == govmetrics.Person(name="杨帆", titles=("区人大常委会主任",))
    assert m.attendees == ()


def test_a_numbered_session_is_held_not_recurring_and_its_opening_has_its_own_chair() -> None:
    found = meetings(
        "3月1日至2日，区政协十四届五次会议在区行政中心召开。区政协主席刘红主持开幕会。"
        "区委书记王强，区长李刚等区领导出席开幕会。"
    )
    assert [(m.name, m.referred, m.location) for m in found] == [
        ("区政协十四届五次会议", False, "区行政中心"),
        ("开幕会", False, None),
    ]
    assert found[1].chair is not None and found[1].chair.name == "刘红"
    assert [p.name for p in found[1].attendees] == ["王强", "李刚"]


def test_adverbs_are_not_part_of_the_organ() -> None:
    [m] = meetings("社区议事厅已召开议事协商会11次。")
    assert (m.organ, m.referred) == ("社区议事厅", True)


def test_a_role_statement_looks_back_one_story_not_through_the_whole_text() -> None:
    """A role statement looks for its meeting among those named within STORY_REACH before it; in a
    long text it must not walk past every meeting named elsewhere (that made 10 MB take minutes)."""
    from govmetrics.extractors.meeting_merge import STORY_REACH, Draft
    from govmetrics.extractors.meeting_roles import _target
    from govmetrics.extractors.meeting_words import words_lexicon
    from govmetrics.lexicon import Lexicons

    words = words_lexicon(Lexicons())

    class Counting(list[Draft]):
        visits = 0

        def __getitem__(self, index: Any) -> Any:
            Counting.visits += 1
            return super().__getitem__(index)

    drafts = Counting(Draft(name="常务会议", start=at, end=at + 4, referred=True) for at in range(0, 100_000, 10))
    starts = [draft.start for draft in drafts]
    assert _target(words, drafts, starts, 50_000, None) is None  # every meeting before it is only referred to
    assert Counting.visits <= STORY_REACH // 10 + 2
    drafts[4000].referred = False  # named at 40,000: farther back than a story reaches
    assert _target(words, drafts, starts, 50_000, None) is None
    drafts[4800].referred = False  # at 48,000: within reach
    assert _target(words, drafts, starts, 50_000, "会议") is drafts[4800]


def test_a_ceremony_held_with_ju_ban() -> None:
    [m] = meetings("本报讯 12月15日，区残联举办2023年度助残暖冬行动启动仪式。", published="2023-12-18")
    assert (m.name, m.organ, m.date) == ("2023年度助残暖冬行动启动仪式", "区残联", dt.date(2023, 12, 15))


def test_a_meeting_word_in_the_place_name_does_not_end_the_meeting_name() -> None:
    [m] = meetings("本报讯 1月10日至11日，区十七届人大一次会议在区会议中心召开。", published="2022-01-12")
    assert (m.name, m.location, m.date) == ("区十七届人大一次会议", "区会议中心", dt.date(2022, 1, 10))


def test_a_numbered_session_named_after_the_verb_carries_its_body() -> None:
    [m] = meetings("7月15日上午，区委常委会召开第二十一次会议，区委书记陈立新主持会议。", published="2019-07-16")
    assert (m.name, m.organ, m.chair.name if m.chair else None) == ("区委常委会第二十一次会议", "区委常委会", "陈立新")
    assert m.text == "第二十一次会议"


def test_words_that_merely_begin_like_a_modal_or_study_verb_do_not_make_a_meeting_referred() -> None:
    [study] = meetings("6月14日下午，区委理论学习中心组举行集体学习会议，区委书记严正平主持会议。")
    assert not study.referred and study.chair is not None and study.chair.name == "严正平"
    for text in ("应急管理局召开安全生产会议。", "区主要领导召开专题会议。", "计划生育协会召开理事会议。"):
        assert [m.referred for m in meetings(text)] == [False], text
    assert meetings("区政府将召开常务会议。") == []  # a plan, no event
    assert [m.referred for m in meetings("区政府应邀召开座谈会。")] == [False]  # 应邀 is no modal


def test_the_organ_leaves_out_dates_adverbs_and_how_often_it_meets() -> None:
    assert [m.organ for m in meetings("区政府近日召开常务会议。")] == ["区政府"]
    assert [m.organ for m in meetings("7月10日上午区政府召开常务会议。")] == ["区政府"]
    assert [m.organ for m in meetings("统战部再次召开座谈会。")] == ["统战部"]
    assert [m.organ for m in meetings("省政府成功举办首届民营经济创新发展大会。")] == ["省政府"]


def test_members_and_commissioners_are_titles() -> None:
    [m] = meetings(
        "12月30日下午，县政府召开全县冬季安全生产工作会议。副县长汪涛主持会议，县政府党组成员曹丽华、"
        "区政府督查专员王强参加会议。",
        published="2019-12-31",
    )
    assert [(p.name, p.titles) for p in m.attendees] == [("曹丽华", ("县政府党组成员",)), ("王强", ("区政府督查专员",))]


def test_more_meeting_words_and_people_listed_before_a_group() -> None:
    [m] = meetings(
        "上周三，区委常委、副区长夏志明带队赴南岭街道调研，并主持召开老旧小区综合整治工作现场会。"
        "街道工委书记骆晓东，街道办事处主任康宁，区住建委、区城管执法局负责同志参加会议。",
        published="2015-08-31",
    )
    assert (m.chair.name if m.chair else None, [p.name for p in m.attendees]) == ("夏志明", ["骆晓东", "康宁"])
    [m] = meetings("2月27日，区委统战部召开座谈会，部长严芳主持，区政协副主席鲁建华、党外人士代表二十余人参加。")
    assert [p.name for p in m.attendees] == ["鲁建华"]
    [m] = meetings("前天，副区长曹文军主持召开冬季供暖保障专题会。", published="2025-12-31")
    assert (m.name, m.date) == ("冬季供暖保障专题会", dt.date(2025, 12, 29))
    assert [m.name for m in meetings("区长王明主持召开区长办公会。")] == ["区长办公会"]


def test_a_meeting_held_the_next_day_takes_the_day_after_the_one_named_before() -> None:
    first, second = meetings(
        "本报讯 6月26日，区委书记闫志刚主持召开区委常委会会议。\n次日，区长柏林主持召开营商环境改革专题会。",
        published="2018-06-29",
    )
    assert (first.date, second.date) == (dt.date(2018, 6, 26), dt.date(2018, 6, 27))


def test_a_body_holding_a_bare_meeting_names_it_and_people_joined_by_ji() -> None:
    [m] = meetings("9月10日，西城区委常委会召开会议，区委书记孟庆华主持会议。", published="2025-09-12")
    assert m.name == "西城区委常委会会议"
    [m] = meetings("10月15日，区政府召开动员会，副区长马宏伟主持，区政府秘书长朱琳及18个乡镇主要负责人参加。")
    assert [p.name for p in m.attendees] == ["朱琳"]


def test_community_meetings_with_everyday_titles_and_groups_joined_by_he() -> None:
    [m] = meetings(
        "6月10日晚，小区召开居民议事会，会议由居委会主任陈静主持，物业经理孙浩、业委会主任马国强和二十来个居民代表参加。"
    )
    assert (m.chair.name if m.chair else None, [p.name for p in m.attendees]) == ("陈静", ["孙浩", "马国强"])
    [m] = meetings("3月9日上午，村党支部召开支部委员会议，村党支部书记高志明主持，支委王海燕、李建军参加。")
    assert [p.name for p in m.attendees] == ["王海燕", "李建军"]
    [m] = meetings("8月21日，新街社区召开楼门长座谈会，居委会主任杨红、社区民警刘志强以及26名楼门长参加。")
    assert [p.name for p in m.attendees] == ["杨红", "刘志强"]


def test_names_followed_by_tongzhi_or_an_adverb_and_rarer_surnames() -> None:
    [m] = meetings("9月26日，我县召开乡村振兴推进会。县委副书记、县长邝玉兰同志主持会议。", published="2022-09-27")
    assert m.chair is not None and m.chair.name == "邝玉兰"
    _, second = meetings(
        "10月30日，县委书记谭国庆主持召开县委常委会会议。10月31日上午，谭国庆又主持召开脱贫攻坚专题会。",
        published="2015-11-03",
    )
    assert second.chair is not None and second.chair.name == "谭国庆"
    [m] = meetings("1月2日，区政府召开常务会议。会议由区委副书记、区长濮建华主持。", published="2025-01-03")
    assert m.chair is not None and m.chair.name == "濮建华"


def test_a_headline_and_its_story_are_one_meeting() -> None:
    [m] = meetings(
        "宁安县召开乡镇领导班子换届工作会议\n4月6日，宁安县乡镇领导班子换届工作会议召开。县委书记方志远主持会议。",
        published="2021-04-07",
    )
    assert (m.name, m.date, m.organ) == ("宁安县乡镇领导班子换届工作会议", dt.date(2021, 4, 6), "宁安县")
    assert m.chair is not None and m.chair.name == "方志远"
    [m] = meetings(
        "区人大常委会召开第五次会议\n本报讯 9月3日，区人大常委会召开第五次会议。会议由区人大常委会主任邱明主持。",
        published="2021-09-04",
    )
    assert (m.date, m.chair.name if m.chair else None) == (dt.date(2021, 9, 3), "邱明")


def test_a_photo_caption_and_the_story_are_one_ceremony() -> None:
    [m] = meetings(
        "9日上午，第三届两岸青年创业项目签约仪式在会展中心举行。（记者 林青 摄）\n"
        "本报讯 9日上午，第三届两岸青年创业项目签约仪式在会展中心举行。",
        published="2021-06-10",
    )
    assert (m.name, m.date) == ("第三届两岸青年创业项目签约仪式", dt.date(2021, 6, 9))


def test_a_bare_meeting_word_points_back_at_the_meeting_named_before() -> None:
    [m] = meetings(
        "1月8日上午，镇长吴海主持召开全镇安全生产工作会议。会议分析了当前安全形势。\n（图为镇政府召开会议现场）",
        published="2022-01-09",
    )
    assert (m.name, m.chair.name if m.chair else None) == ("全镇安全生产工作会议", "吴海")


def test_meetings_of_one_name_on_different_days_or_with_different_chairs_stay_apart() -> None:
    found = meetings(
        "3月2日，区长王明主持召开区政府常务会议。3月16日，区长王明主持召开区政府常务会议。",
        published="2021-03-20",
    )
    assert [m.date for m in found] == [dt.date(2021, 3, 2), dt.date(2021, 3, 16)]
    found = meetings("3月2日上午，区长王明主持召开专题会议。下午，副区长赵平主持召开专题会议。")
    assert [m.chair.name if m.chair else None for m in found] == ["王明", "赵平"]


def test_people_who_come_to_guide_or_attend_the_event_named_just_before() -> None:
    [m] = meetings(
        "5月12日，东湖镇召开人居环境整治工作推进会，副县长邵明、县农委主任葛新到会指导，会议由镇长尤立主持。",
        published="2021-05-13",
    )
    assert (m.chair.name if m.chair else None, [p.name for p in m.attendees]) == ("尤立", ["邵明", "葛新"])
    [m] = meetings(
        "9月8日，河西区召开乡村振兴观摩推进会议。区委书记唐伟、区长包明等区领导出席活动。",
        published="2021-09-09",
    )
    assert [p.name for p in m.attendees] == ["唐伟", "包明"]


def test_a_rarer_surname_after_a_title_with_the_role_verb_alone() -> None:
    [m] = meetings(
        "4月1日，全县举行重点项目集中签约仪式，县政协主席义明出席，县委常委吴江主持仪式。", published="2021-04-02"
    )
    assert [p.name for p in m.attendees] == ["义明"]


def test_member_units_and_invited_office_holders_are_no_names() -> None:
    [m] = meetings(
        "4月13日，市委召开全市统战工作会议，市委常委何平主持会议。历届市政协主席应邀参加会议。"
        "市委统战工作领导小组成员单位和有关部门负责人参加会议。",
        published="2021-04-14",
    )
    assert m.attendees == ()


def test_a_session_that_opens_is_held_and_its_chair_named_later() -> None:
    [m] = meetings(
        "本报讯 昨日上午，平川县第九届人民代表大会第三次会议在县会堂隆重开幕。"
        "会议由主席团常务主席、大会执行主席孙德明主持。市人大常委会副主任蒋华到会指导。",
        published="2022-03-11",
    )
    assert (m.name, m.date, m.location) == ("平川县第九届人民代表大会第三次会议", dt.date(2022, 3, 10), "县会堂")
    assert (m.chair.name if m.chair else None, [p.name for p in m.attendees]) == ("孙德明", ["蒋华"])


def test_a_dateline_is_no_part_of_the_name_and_the_day_may_follow_it() -> None:
    [m] = meetings(
        "新华社北京3月5日电 政协第九届全国委员会常务委员会第八次会议5日在京开幕。全国政协副主席钱学明主持会议。",
        published="2021-03-05",
    )
    assert (m.name, m.date) == ("政协第九届全国委员会常务委员会第八次会议", dt.date(2021, 3, 5))
    assert m.chair is not None and m.chair.name == "钱学明"
    assert meetings("区政协三届四次会议将于3月8日开幕。") == []  # announced, not yet held


def test_a_meeting_named_as_where_something_was_said() -> None:
    [m] = meetings(
        "3月9日，从区政协二届五次会议新闻发布会上获悉，会议将于3月15日召开。区政协副主席罗明出席并讲话。"
        "区政协秘书长温华主持会议。",
        published="2021-03-10",
    )
    assert (m.name, m.date) == ("区政协二届五次会议新闻发布会", dt.date(2021, 3, 9))
    assert (m.chair.name if m.chair else None, [p.name for p in m.attendees]) == ("温华", ["罗明"])
    assert meetings("区委书记在全区工作会议上的讲话。") == []


def test_a_chair_with_the_day_between_name_and_verb() -> None:
    [m] = meetings("据新华社报道，国务院总理林海6月3日主持召开国务院常务会议，部署稳就业工作。", published="2020-06-04")
    assert (m.date, m.chair) == (dt.date(2020, 6, 3), govmetrics.Person(name="林海", titles=("国务院总理",)))


def test_names_in_transliteration_in_a_titled_list() -> None:
    [m] = meetings(
        "3月2日，区政协召开常委会议，区政协主席钱明主持会议。区政协副主席艾力·买买提、贾平、阿依古丽·吐尔逊出席会议。",
        published="2021-03-03",
    )
    assert [p.name for p in m.attendees] == ["艾力·买买提", "贾平", "阿依古丽·吐尔逊"]


def test_the_organ_is_a_body_not_a_word_of_the_sentence() -> None:
    cases = {
        "高标准召开全省乡村振兴现场会。": None,
        "创新举办首届文旅发展大会。": None,
        "今年3月，市委、市政府两次召开全市稳就业工作会议。": "市委、市政府",
        "（图为东坝镇召开会议现场）": "东坝镇",
        "6月5日，青山区台办组织区台商协会举行第二季度工作座谈会。": "青山区台办",
        "本报讯（记者 冯雪）6月5日上午，县政府召开防汛工作会议。": "县政府",
        "6月5日，区残联举办助残日启动仪式。": "区残联",
    }
    for text, organ in cases.items():
        assert [m.organ for m in meetings(text, published="2021-06-20")] == [organ], text


def test_a_meeting_held_quarter_by_quarter_is_a_cadence() -> None:
    assert meetings("逐季召开经济运行调度会，推动各项政策落地。") == []


def test_an_enumerator_is_no_part_of_the_name() -> None:
    found = meetings("6月5日，区政府召开常务会议。\n三、区长办公会议在区政府第一会议室举行。", published="2021-06-20")
    assert [m.name for m in found] == ["常务会议", "区长办公会议"]
    found = meetings("6月5日上午，（二）区长办公会议在区政府第一会议室举行。", published="2021-06-20")
    assert [m.name for m in found] == ["区长办公会议"]


def test_a_headline_that_words_the_meeting_otherwise_is_the_same_meeting() -> None:
    [m] = meetings(
        "东城区侨办召开侨界人士座谈会\n本网讯 4月2日下午，东城区侨办在侨之家举行2021年第二季度工作座谈会。"
        "区侨办主任卢明主持座谈会。",
        published="2021-04-06",
    )
    assert (m.name, m.date) == ("2021年第二季度工作座谈会", dt.date(2021, 4, 2))
    assert m.chair is not None and m.chair.name == "卢明"


def test_a_short_form_of_the_name_said_later_is_the_same_meeting() -> None:
    [m] = meetings(
        "2021年9月10日，河东区召开乡村振兴观摩工作推进会议。与会人员观摩了8个村。"
        "在随后召开的推进会上，与会人员观看了专题片。区长申明主持了整个会议。",
        published="2021-09-11",
    )
    assert m.chair is not None and m.chair.name == "申明"


def test_a_session_opens_with_its_name_before_the_verb_only() -> None:
    found = meetings(
        "区政协五届常委会第九次会议开幕为区政协五届三次会议作准备\n"
        "本报讯 1月6日，区政协第五届委员会常务委员会第九次会议在区会议中心开幕。",
        published="2021-01-07",
    )
    assert [(m.name, m.date) for m in found] == [("区政协第五届委员会常务委员会第九次会议", dt.date(2021, 1, 6))]


def test_an_undated_meeting_takes_the_day_that_opens_its_part_of_the_story() -> None:
    found = meetings(
        "本报讯 11月4日，河口区侨联考察团一行12人到访开发区。\n5日上午，考察团到访临江社区。"
        "在座谈会上，社区书记介绍了社区治理的做法。",
        published="2021-11-10",
    )
    assert [(m.name, m.date) for m in found] == [("座谈会", dt.date(2021, 11, 5))]


def test_an_undated_meeting_in_a_story_whose_headline_runs_into_its_lede() -> None:
    [m] = meetings(
        "区委理论学习中心组第三次专题学习2021年4月12日下午，区委理论学习中心组集中学习了有关文件精神。"
        "会议指出，要抓好各项工作落实。区委书记谭林主持会议。",
        published="2021-04-13",
    )
    assert (m.date, m.chair.name if m.chair else None) == (dt.date(2021, 4, 12), "谭林")


def test_a_hearing_for_opinions_and_an_assistant_as_its_chair() -> None:
    [m] = meetings(
        "（记者 马丽）15日，我县召开2022年度民生实事项目征求意见会。县长助理鲍文主持会议，县发改局局长崔明出席会议。",
        published="2021-12-16",
    )
    assert (m.name, m.date) == ("2022年度民生实事项目征求意见会", dt.date(2021, 12, 15))
    assert (m.chair.name if m.chair else None, [p.name for p in m.attendees]) == ("鲍文", ["崔明"])


def test_a_long_report_does_not_date_the_meetings_of_its_year_by_its_opening_day() -> None:
    review = "过去一年，全市经济运行稳中有进，产业结构持续优化，民生保障不断加强。" * 20
    text = "政府工作报告——2月3日在市第九届人民代表大会第四次会议上\n各位代表：\n" + review + "成功举办首届数字大会。"
    # a meeting of the year under review with no day of its own is no record at all
    assert meetings(text, published="2026-02-09") == []


def test_a_spokesperson_chairs_a_press_conference() -> None:
    [m] = meetings("3月6日上午，区政府新闻办召开新闻发布会。区政府新闻发言人葛伟主持发布会，副区长毛林出席并介绍情况。")
    assert (m.chair.name if m.chair else None, [p.name for p in m.attendees]) == ("葛伟", ["毛林"])


def test_the_same_name_in_stories_far_apart_is_not_merged_across_them() -> None:
    from govmetrics.extractors.meeting_merge import STORY_REACH

    story = "本报讯 3月5日，区委召开常委会会议。区委书记吕明主持会议。\n"
    filler = "区内各街道持续推进背街小巷环境整治提升工作。\n" * (STORY_REACH // 20)
    found = meetings(story + filler + story)
    assert len(found) == 2


def test_words_that_hold_a_modal_character_do_not_make_a_meeting_required() -> None:
    for text in (
        "3月6日，区委响应市委号召召开动员大会。",
        "要闻：3月6日区委召开常委会会议。",
        "3月6日，区委按照市委部署召开专题会议。",
        "3月6日，区应急局召开防汛会商会议。",
    ):
        assert len(meetings(text)) == 1, text


def test_a_meeting_only_referred_to_takes_no_day_but_its_own() -> None:
    held, referred = meetings(
        "本报讯 3月5日，区委书记王明主持召开区委常委会会议，传达学习市委召开的全面深化改革委员会会议精神。",
        published="2021-03-06",
    )
    assert (held.date, referred.referred, referred.date) == (dt.date(2021, 3, 5), True, None)
    _, referred = meetings(
        "本报讯 3月5日，区委书记王明主持召开区委常委会会议，传达3月1日召开的市委全会精神。", published="2021-03-06"
    )
    assert (referred.name, referred.date) == ("市委全会", dt.date(2021, 3, 1))


def test_a_study_session_is_a_meeting() -> None:
    [m] = meetings("4月15日，区委理论学习中心组召开专题学习会。区委书记严华主持并讲话。", published="2021-04-16")
    assert (m.name, m.organ, m.chair.name if m.chair else None) == ("专题学习会", "区委理论学习中心组", "严华")


def test_meeting_rules_that_name_themselves_yield_no_meetings() -> None:
    text = (
        "区文旅局会议制度\n一、局务会议\n局务会议由局长召集并主持，局领导班子成员参加。\n"
        "二、专题会议\n专题会议在局三楼会议室召开，由分管局领导主持。\n三、本制度自印发之日起施行。"
    )
    assert meetings(text) == []
    story = "本报讯（记者 万里）3月5日，区文旅局召开局务会议，审议通过本制度。局长范明主持会议。"
    assert [m.name for m in meetings(story)] == ["局务会议"]


def test_a_meeting_held_year_after_year_is_counted_not_reported() -> None:
    [m] = meetings("连续4年召开全市营商环境优化提升大会。")
    assert m.referred


def test_a_study_session_named_only_in_the_headline_takes_its_name() -> None:
    [m] = meetings(
        "区委理论学习中心组第三次集中学习\n4月12日下午，区委理论学习中心组集中学习了有关文件精神。区委书记谭林主持会议。",
        published="2021-04-13",
    )
    assert "集中学习" in m.name


def test_each_meeting_of_a_list_after_one_verb_is_its_own_record() -> None:
    found = meetings("成功举办首届数字经济峰会、第三届智能制造论坛。")
    assert [m.name for m in found] == ["首届数字经济峰会", "第三届智能制造论坛"]
    [one] = meetings("3月5日，在某某村召开农村寄递物流、人居环境整治现场会。", published="2021-03-06")
    assert one.name == "农村寄递物流、人居环境整治现场会"


def test_a_half_width_comma_ends_the_clause_a_study_verb_or_modal_is_read_in() -> None:
    [m] = meetings("为贯彻落实市委会议精神,3月5日,区长王明主持召开区政府常务会议。", published="2021-03-06")
    assert (m.referred, m.date) == (False, dt.date(2021, 3, 5))
    [m] = meetings("各街道要抓好落实,3月5日,区政府召开防汛工作会议。", published="2021-03-06")
    assert m.name == "防汛工作会议"


def test_a_body_that_meets_names_a_session_given_only_by_year_number_or_bracket() -> None:
    [m] = meetings("本报讯 6日上午，县委常委会召开2020年第5次会议，县委书记罗建平主持会议。", published="2020-05-07")
    assert (m.name, m.organ, m.chair.name if m.chair else None) == ("县委常委会2020年第5次会议", "县委常委会", "罗建平")
    [m] = meetings("4月2日，镇党委召开(扩大)会议，镇党委书记韩立主持会议。", published="2020-04-03")
    assert m.name == "镇党委(扩大)会议"  # as written, half-width brackets and all
    [m] = meetings("9月1日，市政府常务会召开第23次会议，市长邱明远主持会议。", published="2020-09-02")
    assert m.name == "市政府常务会第23次会议"


def test_a_session_name_put_together_from_a_traditional_text_reads_as_written() -> None:
    [m] = meetings("8月3日，鎮黨委召開（擴大）會議，鎮黨委書記葉志強主持會議。", published="2020-08-04")
    assert (m.name, m.chair.name if m.chair else None) == ("鎮黨委（擴大）會議", "葉志強")


def test_a_place_between_the_chair_and_the_verb_is_passed_over() -> None:
    [m] = meetings(
        "6月18日晚，市防汛抗旱指挥部召开全市防汛视频会商会。市委常委、市防指指挥长蔡文华在主会场主持会议，"
        "各县区设分会场。",
        published="2020-06-19",
    )
    assert m.chair is not None and m.chair.name == "蔡文华"
    [m] = meetings("3月2日，县委副书记吴海涛在分会场主持召开全县春耕生产调度会。", published="2020-03-03")
    assert m.chair is not None and m.chair.name == "吴海涛"


def test_a_person_inside_a_zai_phrase_before_the_verb_still_chairs() -> None:
    [m] = meetings("5月6日，全区安全生产工作会议召开。会议在区长孟庆华主持下进行。", published="2020-05-07")
    assert m.chair is not None and m.chair.name == "孟庆华"


def test_a_convener_and_a_commander_are_titles_even_when_they_name_a_meeting() -> None:
    [m] = meetings(
        "4月9日，县安全生产联席会议全体会议召开。副县长、联席会议召集人邹丽娟主持会议。", published="2020-04-10"
    )
    assert m.chair is not None and m.chair.name == "邹丽娟"
    assert m.chair.titles == ("副县长", "联席会议召集人")


def test_a_work_report_subtitle_names_the_session_it_was_given_at() -> None:
    text = (
        "2023年某某市政府工作报告\n——2023年1月9日在某某市第十七届人民代表大会第二次会议上\n市长 孔德明\n"
        "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
    )
    [m] = meetings(text, published="2023-01-16")
    assert (m.name, m.date) == ("某某市第十七届人民代表大会第二次会议", dt.date(2023, 1, 9))
    assert m.chair is None and not m.referred


def test_a_subtitle_in_brackets_with_the_day_in_chinese_numerals() -> None:
    text = "政府工作报告\n（二〇二三年一月十日在某某县第十八届人民代表大会第三次会议上）\n县长 霍建新\n各位代表：\n"
    [m] = meetings(text, published="2023-01-20")
    assert (m.name, m.date) == ("某某县第十八届人民代表大会第三次会议", dt.date(2023, 1, 10))


def test_a_subtitle_opened_by_a_double_hyphen() -> None:
    text = "政府工作报告\n--2023年1月11日在某某区第三届人民代表大会第二次会议上\n区长 祝安\n各位代表：\n"
    [m] = meetings(text, published="2023-01-20")
    assert (m.name, m.date) == ("某某区第三届人民代表大会第二次会议", dt.date(2023, 1, 11))


def test_a_subtitle_whose_day_follows_the_title_directly() -> None:
    text = "2023年某某省政府工作报告\n2023年1月12日在某某省第十四届人民代表大会第一次会议上\n省长 蓝天明\n各位代表：\n"
    [m] = meetings(text, published="2023-01-20")
    assert m.date == dt.date(2023, 1, 12)


def test_a_speech_subtitle_with_no_day_is_dated_by_the_story() -> None:
    text = "本报讯 1月5日，全县经济工作会议召开。\n坚定信心 真抓实干\n——在全县经济工作会议上的讲话\n县委书记 鲍文清\n"
    [m] = meetings(text, published="2023-01-06")
    assert (m.name, m.date, m.referred) == ("全县经济工作会议", dt.date(2023, 1, 5), False)


def test_a_speech_at_a_meeting_spoken_of_in_a_sentence_is_no_subtitle() -> None:
    spoken_of = meetings("会议传达学习了市委书记2023年1月9日在全市经济工作会议上的讲话精神。", published="2023-01-16")
    assert all(m.referred for m in spoken_of)
    assert meetings("他在新的起点上再出发。2023年1月9日在基层一线上，干部们忙碌着。", published="2023-01-16") == []


def test_a_meeting_named_only_in_its_headline_takes_the_headline_name() -> None:
    text = "全镇秋冬季防火工作会议\n本报讯（通讯员 任可）10月9日，镇党委书记韦东主持会议，部署秋冬季防火工作。"
    [m] = meetings(text, published="2021-10-10")
    assert (m.name, m.date, m.chair.name if m.chair else None) == (
        "全镇秋冬季防火工作会议",
        dt.date(2021, 10, 9),
        "韦东",
    )


def test_a_headline_that_is_a_sentence_names_no_meeting() -> None:
    text = "防火工作要抓早抓实\n10月9日，镇党委书记韦东主持会议，部署秋冬季防火工作。"
    [m] = meetings(text, published="2021-10-10")
    assert m.name == "会议"


def test_a_printed_speech_title_names_the_meeting_and_its_day_follows_in_brackets() -> None:
    text = (
        "县委书记毛振东在全县农村工作会议上的讲话\n（2022年2月10日）\n同志们：\n下面，我就做好今年农村工作讲几点意见。"
    )
    [m] = meetings(text, published="2022-02-14")
    assert (m.name, m.date, m.chair, m.referred) == ("全县农村工作会议", dt.date(2022, 2, 10), None, False)


def test_a_speech_title_run_on_in_a_sentence_is_no_title() -> None:
    text = "2月10日，县委书记毛振东在全县农村工作会议上的讲话，为全年工作指明了方向。"
    assert all(m.name != "全县农村工作会议" or m.referred for m in meetings(text, published="2022-02-14"))


def test_a_joint_session_and_a_term_numbered_session_carry_their_body() -> None:
    [m] = meetings(
        "6月2日，市委常委会召开2022年第9次会议暨市委财经委员会第二次会议，市委书记欧健主持会议。",
        published="2022-06-03",
    )
    assert m.name == "市委常委会2022年第9次会议暨市委财经委员会第二次会议"
    [m] = meetings("6月2日，县政协召开九届十五次常委会议，县政协主席温玲主持会议。", published="2022-06-03")
    assert (m.name, m.organ) == ("县政协九届十五次常委会议", "县政协")


def test_a_study_groups_numbered_session_is_held_and_carries_the_group() -> None:
    [m] = meetings(
        "9月6日，区委理论学习中心组举行2022年第7次集中学习，区委书记谷雨主持学习并讲话。", published="2022-09-07"
    )
    assert (m.name, m.chair.name if m.chair else None) == ("区委理论学习中心组2022年第7次集中学习", "谷雨")


def test_a_first_deed_between_a_person_and_the_role_verb_is_passed_over() -> None:
    [m] = meetings("9月6日，市委常委、副市长聂斌一行来我区调研，区长谷雨陪同调研并参加座谈会。", published="2022-09-07")
    assert (m.name, [p.name for p in m.attendees]) == ("座谈会", ["谷雨"])


def test_attendees_named_after_the_verb() -> None:
    [m] = meetings(
        "5月9日，区委召开全区宣传工作会议。区委副书记聂平主持会议。出席会议的还有区委常委冯刚、区政协副主席苏林，"
        "各街道党工委书记。",
        published="2022-05-10",
    )
    assert (m.chair.name if m.chair else None, [p.name for p in m.attendees]) == ("聂平", ["冯刚", "苏林"])
    [m] = meetings(
        "5月9日，全市招商推介会举行。参加会议的领导有：市委常委、秘书长凌云，副市长解放。", published="2022-05-10"
    )
    assert [p.name for p in m.attendees] == ["凌云", "解放"]


def test_a_paragraph_opening_with_the_day_at_a_meeting_held_by_a_body_names_the_meeting_alone() -> None:
    text = "本报讯 全区上下掀起学习热潮。\n2022年12月20日在市委召开的全市经济工作会议上，市委书记作了讲话。"
    [m] = meetings(text, published="2022-12-22")
    assert (m.name, m.date) == ("全市经济工作会议", dt.date(2022, 12, 20))


def test_attending_the_activity_a_meeting_is_named_for() -> None:
    [m] = meetings(
        "5月9日下午，县委理论学习中心组举行第二次集体学习会。县委副书记、县长赖文涛，县人大常委会主任庞志坚，"
        "以及县委常委古丽、石振华等参加学习。县委书记邵明远主持学习会。"
    )
    assert m.chair is not None and m.chair.name == "邵明远"
    assert [p.name for p in m.attendees] == ["赖文涛", "庞志坚", "古丽", "石振华"]
    [m] = meetings(
        "10月12日，全县农村人居环境整治现场观摩会召开。县委书记范立新，县政协主席龚海燕等县领导参加观摩。观摩会由县长汤建军主持。"
    )
    assert [p.name for p in m.attendees] == ["范立新", "龚海燕"]


def test_attending_an_activity_no_meeting_is_named_for_attends_none() -> None:
    [m] = meetings("4月2日，镇政府召开安全生产工作会议。副镇长白志强参加检查。")
    assert m.attendees == ()


def test_coming_to_the_meeting_whatever_was_done_there() -> None:
    [m] = meetings("6月3日，市政协召开民生提案办理协商会。市政协副主席严丽主持会议，副市长乔立新到会听取意见并讲话。")
    assert [p.name for p in m.attendees] == ["乔立新"]
    [m] = meetings("1月9日，县财政局党组召开民主生活会。县委督导组组长沈卫平到会督导。")
    assert [p.name for p in m.attendees] == ["沈卫平"]


def test_a_hearing_names_its_chair_by_the_office_of_its_host() -> None:
    [m] = meetings(
        "9月5日上午，全市出租车运价调整听证会在市民中心举行。市发改委副主任汪立平担任听证会主持人，"
        "市人大代表赵红梅、市政协委员孔向东以及乘客、驾驶员等18名听证参加人出席听证会。"
    )
    assert m.chair is not None and m.chair.name == "汪立平"
    assert [p.name for p in m.attendees] == ["赵红梅", "孔向东"]


def test_leaders_joined_by_he_and_a_group_of_units_attend() -> None:
    [m] = meetings(
        "8月16日，市人民政府与某某大学合作签约仪式在市民中心举行。市领导夏建国、邹玉兰和市科技局、教育局等部门负责人"
        "参加签约仪式。仪式由副市长顾明主持。"
    )
    assert [p.name for p in m.attendees] == ["夏建国", "邹玉兰"]


def test_a_regulations_headnote_names_the_session_that_passed_it() -> None:
    text = (
        "某某港口设施保护条例\n\n2006年4月19日 国务院第131次常务会议通过\n\n2006年5月8日 国务院令第471号发布\n\n"
        "第一条 为了保护港口设施，制定本条例。\n\n第二条 港务局应当召开听证会。\n"
    )
    [m] = meetings(text, published="2006-05-08")
    assert (m.name, m.date, m.chair, m.organ, m.referred) == (
        "国务院第131次常务会议",
        dt.date(2006, 4, 19),
        None,
        "国务院",
        False,
    )


def test_a_revision_passed_in_a_sentence_with_its_day_is_a_session_held() -> None:
    [m] = meetings("本办法已经2013年9月4日某某省人民政府第12次常务会议修订通过，现予公布。", published="2013-09-20")
    assert (m.name, m.date) == ("某某省人民政府第12次常务会议", dt.date(2013, 9, 4))


def test_a_session_that_passed_a_rule_spoken_of_as_an_attribute_is_no_headnote() -> None:
    text = (
        "第一条 根据2010年3月2日某某市人民代表大会常务委员会第十次会议通过的《决定》，制定本细则。\n"
        "第二条 本细则自公布之日起施行。\n"
    )
    assert meetings(text, published="2010-06-01") == []


def test_a_day_named_alone_after_a_statistics_month_end_keeps_the_storys_month() -> None:
    [m] = meetings(
        "4月15日至16日，市人大常委会副主任董立华带领部分代表视察全县河道治理情况。据介绍，全县河道达标率由2018年底的"
        "61%提高到今年3月底的88.5%。16日下午，视察组召开座谈会。座谈会由县人大常委会主任严秀梅主持。",
        published="2021-04-18",
    )
    assert m.date == dt.date(2021, 4, 16)


def test_an_invited_guest_comes_to_the_meeting() -> None:
    [m] = meetings("3月2日，县政协召开专题协商会。县政协主席龙建平主持会议。副县长邵春燕应邀到会通报情况。")
    assert [p.name for p in m.attendees] == ["邵春燕"]


def test_a_hearings_host_named_by_the_office_alone_chairs_it() -> None:
    [m] = meetings(
        "6月8日上午，全县管道燃气价格调整听证会在县政务中心举行。县发改局副局长龚立华担任听证主持人，"
        "县人大代表覃玉兰、县政协委员严志刚等参加听证会。"
    )
    assert (m.chair.name if m.chair else None, [p.name for p in m.attendees]) == ("龚立华", ["覃玉兰", "严志刚"])


def test_the_leaders_listed_after_the_verb_under_a_collective_title() -> None:
    [m] = meetings("7月2日，县政府召开防汛工作会议。县长骆文斌主持会议。出席会议的县领导还有邝志红、韦国强和付丽萍。")
    assert [p.name for p in m.attendees] == ["邝志红", "韦国强", "付丽萍"]


def test_a_headnote_in_brackets_after_the_title() -> None:
    text = (
        "某某档案条例（1995年8月11日某某省人民代表大会常务委员会第十六次会议通过）第一条 为了规范档案管理，制定本条例。"
    )
    [m] = meetings(text, published="1995-09-01")
    assert (m.name, m.date) == ("某某省人民代表大会常务委员会第十六次会议", dt.date(1995, 8, 11))


def test_a_session_held_by_a_verb_that_passed_a_plan_is_named_without_the_verb() -> None:
    [m] = meetings("2020年6月3日召开的县政府第9次常务会议审议通过了《实施方案》。", published="2020-06-10")
    assert (m.name, m.date) == ("县政府第9次常务会议", dt.date(2020, 6, 3))


def test_a_headline_naming_a_meeting_then_its_deed_ends_the_name_before_the_deed() -> None:
    [m] = meetings(
        "县民政局召开党组会议传达学习省级会议精神\n5月9日上午，县民政局党组书记、局长冯志远主持召开党组会议，"
        "传达学习全省养老服务工作推进会议精神。局党组成员吕红梅、贺新参加会议。",
        published="2022-05-10",
    )
    assert (m.name, m.date, m.chair.name if m.chair else None) == ("党组会议", dt.date(2022, 5, 9), "冯志远")
    assert [p.name for p in m.attendees] == ["吕红梅", "贺新"]


def test_a_party_group_meeting_written_short_is_a_meeting() -> None:
    [m] = meetings("4月6日，区水务局党组书记孔令海主持召开党组会研究部署汛前检查工作。", published="2022-04-08")
    assert (m.name, m.chair.name if m.chair else None) == ("党组会", "孔令海")
    assert m.agenda == ("研究部署汛前检查工作",)


def test_a_deed_that_begins_a_meeting_word_stays_in_the_name() -> None:
    [m] = meetings("6月3日，街道召开党工委会议学习会，街道党工委书记邓伟主持。", published="2022-06-05")
    assert m.name == "党工委会议学习会"


def test_editions_counted_are_meetings_referred_to_not_one_held() -> None:
    for text in (
        "近年来，县文旅局举办5届山地旅游发展大会，成功举办两届茶产业论坛。",
        "县政府新闻办全年召开政策解读新闻发布会86场。",
        "该县连续成功举办乡村振兴高峰论坛，带动游客增长。",
    ):
        found = meetings(text, published="2022-09-01")
        assert found and all(m.referred for m in found), text


def test_a_numbered_edition_or_term_is_one_meeting_held() -> None:
    [m] = meetings("9月3日，县总工会举办第二届职工技能大会。", published="2022-09-05")
    assert (m.name, m.date, m.referred) == ("县总工会第二届职工技能大会", dt.date(2022, 9, 3), False)
    [m] = meetings("4月2日，县委召开十四届五次全会。", published="2022-04-05")
    assert m.date == dt.date(2022, 4, 2)


def test_a_reports_review_of_the_year_holds_no_meeting_without_a_day() -> None:
    text = (
        "政府工作报告\n——2023年1月10日在某某县第十八届人民代表大会第二次会议上\n各位代表：\n"
        "现在，我代表县人民政府，向大会报告工作。\n一、2022年工作回顾\n召开全县民营经济发展大会，"
        "成功举办第五届山地运动论坛。"
    )
    [m] = meetings(text, published="2023-01-15")
    assert (m.name, m.date) == ("某某县第十八届人民代表大会第二次会议", dt.date(2023, 1, 10))


def test_a_report_known_by_its_address_to_the_delegates_holds_no_meeting_without_a_day() -> None:
    text = (
        "各位代表：\n现在，我代表市人民政府，向大会报告工作。\n"
        "过去一年，召开全市招商引资推进大会，举办首届数字经济论坛。"
    )
    assert meetings(text, published="2023-01-15") == []


def test_a_report_keeps_a_meeting_given_its_day() -> None:
    text = "各位代表：\n过去一年，市委于6月8日召开全市人才工作会议，市委书记邱志刚主持会议。"
    [m] = meetings(text, published="2022-10-20")
    assert (m.date, m.chair.name if m.chair else None) == (dt.date(2022, 6, 8), "邱志刚")


def test_a_report_whose_title_runs_into_its_address_is_a_report() -> None:
    text = "2022年县政府工作报告\n\n各位代表：\n过去一年，召开全县科技创新大会，举办首届数字经济论坛。"
    assert meetings(text, published="2023-01-15") == []


def test_a_story_quoting_a_speech_to_delegates_still_dates_its_meeting_by_the_dateline() -> None:
    text = "本报讯 1月5日，县政协召开座谈会。县政协主席龚立新说：“各位代表：今年要再接再厉。”"
    [m] = meetings(text, published="2023-01-06")
    assert m.date == dt.date(2023, 1, 5)


def test_an_untitled_name_after_the_day_chairs_the_meeting_it_convenes() -> None:
    [m] = meetings("5月6日，邓光辉在区委会议室主持召开区委常委会会议，研究有关工作。", published="2022-05-08")
    assert m.chair is not None and m.chair.name == "邓光辉"
    [m] = meetings("5月6日，欧阳明主持召开县政府党组会议。", published="2022-05-08")
    assert m.chair is not None and m.chair.name == "欧阳明"


def test_a_name_titled_earlier_and_followed_by_a_vague_day_is_still_a_name() -> None:
    [m] = meetings(
        "县委书记邓光辉近日到园区调研。5月6日，邓光辉在县委会议室主持召开县委常委会会议。", published="2022-05-08"
    )
    assert m.chair is not None and (m.chair.name, m.chair.titles) == ("邓光辉", ("县委书记",))


def test_an_adverb_after_the_day_is_no_chair() -> None:
    [m] = meetings("5月6日，随后在县委会议室主持召开县委常委会会议。", published="2022-05-08")
    assert m.chair is None


def test_a_headlines_standing_committee_is_the_storys_standing_committee_meeting() -> None:
    for text in (
        "县委召开常委会\n6月3日，县委书记严正华主持召开县委常委会会议，研究防汛工作。",
        "县委召开常委会会议\n6月3日，县委书记严正华主持召开县委常委会，研究防汛工作。",
    ):
        [m] = meetings(text, published="2022-06-05")
        assert (m.date, m.chair.name if m.chair else None) == (dt.date(2022, 6, 3), "严正华")


def test_a_headnote_after_the_order_that_first_issued_the_rule_takes_its_own_day() -> None:
    text = (
        "某某资源保护条例\n\n1992年5月8日 中华人民共和国国务院令第88号发布\u3000\n\n2016年7月13日 国务院第141次"
        "常务会议修订通过\n\n第一条 为了保护某某资源，制定本条例。\n\n第二条 本条例自公布之日起施行。"
    )
    [m] = meetings(text, published="2016-08-01")
    assert (m.name, m.date) == ("国务院第141次常务会议", dt.date(2016, 7, 13))


def test_a_session_of_a_bodys_term_is_no_count_of_editions() -> None:
    [m] = meetings("3月2日，县里召开十七届人大三次会议。", published="2022-03-05")
    assert not m.referred
    [m] = meetings("3月2日，市委召开十二届五中全会。", published="2022-03-05")
    assert not m.referred


def test_meetings_are_read_with_the_meeting_words_and_names_of_the_lexicons_given() -> None:
    """复盘会 is no meeting word of the shipped lexicon and 笪 no surname: lexicons that hold them
    find the meeting and its attendee, and the shipped ones do not."""
    from govmetrics.extractors.meetings import find_meetings
    from govmetrics.lexicon import Lexicons

    article = govmetrics.Article(
        text="3月6日，区应急局召开汛期复盘会，副区长笪明远出席。", published=dt.date(2021, 3, 10)
    )
    assert list(find_meetings(article, Lexicons())) == []
    [m] = find_meetings(article, Lexicons({"meeting_words": ["复盘会"], "surnames": ["笪"]}))
    assert (m.name, m.date, [p.name for p in m.attendees]) == ("汛期复盘会", dt.date(2021, 3, 6), ["笪明远"])


def test_meeting_words_a_plugin_registers_after_a_first_extract_count() -> None:
    from govmetrics.plugins import get_plugin_host

    class AddsMeetingWord:
        @govmetrics.hookimpl
        def govmetrics_lexicon_entries(self, name: str) -> list[str] | None:
            return ["复盘会"] if name == "meeting_words" else None

    text = "3月6日，区应急局召开汛期复盘会，副区长毛林出席。"
    assert meetings(text) == []
    get_plugin_host().register(AddsMeetingWord(), "adds-meeting-word")
    [m] = meetings(text)
    assert (m.name, [p.name for p in m.attendees]) == ("汛期复盘会", ["毛林"])
