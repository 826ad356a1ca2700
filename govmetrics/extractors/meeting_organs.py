"""The body that holds a meeting and the place it meets, read from the words before the verb.

``ORG召开NAME`` and ``ORG在PLACE召开NAME`` give the body (区委, 市政府, 各社区党组织) and the place;
the dateline, the day, adverbs, modals, counts and numbering around them are no part of either. A
name that only numbers a session (召开第二十一次会议) is the body's session (区委常委会第二十一次会议),
and a name that opens with its body (中共某某区委员会全体会议) gives the body.
"""

from __future__ import annotations

import re

from govmetrics.chinese import MODALS, ORDINAL_NUMERAL, SMALL_NUMERAL, alternation
from govmetrics.extractors.meeting_names import ENUMERATOR, NAME_HEAD

# words between a subject and its verb that belong to neither: 社区议事厅已召开, 街道近日召开
ADVERBS_AFTER = re.compile(
    r"(?:已经|已|还|将|再次|再|又|正式|专门|先后|分别|集中|共|近日|日前|今天|隆重|成功|圆满|首次|相继|陆续|联合|共同)+$"
)
# an article or item number before the body is no part of it: 第十二条…, （四）…
_NUMBERING_BEFORE = re.compile(rf"^(?:第{ORDINAL_NUMERAL}+条|[（(]{SMALL_NUMERAL}+[)）])")
# a day written before the body that meets: 7月10日上午区政府召开 (but 近日 is an adverb)
LEADING_DAY = re.compile(rf"^.*?{SMALL_NUMERAL}日(?:[上下]午|晚上?|凌晨)?")
# a body whose sessions are named after it: short, and ending as bodies do (区委常委会, 区政府, 党工委,
# 区政协, 县人大)
BODY = re.compile(r"[\u4e00-\u9fff]{1,11}(?:[会委府局部办组院厅处]|政协|人大)")
# a name that only numbers or marks a session of the body holding it: 2019年第8次会议, （扩大）会议,
# 全体会议, 会议, a study group's 第8次集中学习, and any name opening with 第 or a term (第十二次常务
# 会议, 十四届二十次常委会议); a joint meeting (…第12次会议暨…委员会第三次会议) is the body's by its
# first part. The body's own name (区委常委会) is what says which meeting it is
SESSION_ONLY = re.compile(
    rf"(?:第|{SMALL_NUMERAL}+届)"
    rf"|(?:\d{{4}}年度?)?(?:第{ORDINAL_NUMERAL}+次|[（(]扩大[)）]|全体|扩大)*(?:会议|集中学习|专题学习)(?:$|暨)"
)
# how often or whether a body meets is no part of it: 统战部将每半年召开, 每月至少召开
_CADENCE_OR_MODAL = re.compile(r"(?:每|定期).*$")
_MODALS_AFTER = re.compile(f"(?:{alternation((*MODALS, '将', '计划', '拟', '坚持', '至少'))})+$")
ORGAN_IN_NAME = re.compile(
    r"^((?:中共)?[\u4e00-\u9fff]{2,20}?(?:委员会|人民政府|区政府|市政府|政协))(?=\S*(?:会议|会))"
)


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

# a picture's caption: （图为寮步镇召开会议现场）
CAPTION = re.compile(r"[（(]?图为")


def organ_of(words: str) -> str | None:
    """The body named before the verb, if those words name one: the dateline, the day, adverbs,
    modals, counts and numbering around it are no part of it."""
    head = NAME_HEAD.match(words) or CAPTION.match(words)
    organ = words[head.end() :] if head else words
    organ = _MODALS_AFTER.sub("", _CADENCE_OR_MODAL.sub("", organ.strip("与")))
    organ = _NUMBERING_BEFORE.sub("", ADVERBS_AFTER.sub("", organ))
    organ = ENUMERATOR.sub("", _TIMES_AFTER.sub("", _ACTING_WITH.split(organ)[0]))
    return organ if _ORGAN_SHAPE.fullmatch(organ) else None
