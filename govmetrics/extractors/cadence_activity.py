"""What a cadence does, when its own words did not say it: the rest of its clause.

A rule writes its period, then the deed (每年编制本单位国有资产管理情况报告, 每季度向县级人民政府报告,
每年3月31日前将上一年度的工作报告报送业务主管单位). The deed is the clause after the period: without
the modal before it (应当, 要), the object a 对…进行 names as its object (对工作人员进行培训 → 培训),
and without the count that closes it (…一次). A clause that goes on to name no deed (每年不得超过
两次, 每季度的第一个月份中旬召开例会 read from its 召开) leaves the activity empty.
"""

from __future__ import annotations

import re

from govmetrics.chinese import CLAUSE_ENDS, MODALS, alternation
from govmetrics.models import Cadence

__all__ = ["activity_after"]

#: The longest deed read: a clause that runs on further is cut here.
MOST = 24
_CLAUSE = re.compile(f"[^{CLAUSE_ENDS}]{{2,{MOST * 2}}}")
_MODAL = re.compile(f"^(?:都|均|须|{alternation(MODALS)})+")
# 对工作人员进行培训, 对各项工作任务开展检查: the deed is what 进行 or 开展 takes
_DONE_TO = re.compile(
    r"^(?:定期|按时|及时|统一|分别|集中)?[对向就][^，。；]{1,20}?(?:进行|开展|组织)(?P<deed>[\u4e00-\u9fff]{2,})"
)
# what no deed starts with: the rest of a date (…日前, 至6月30日) or a quantity
_NOT_A_DEED = re.compile(r"^(?:的|前|后|至|到|起|[年月季]?[底末初]|内|以|中|、|\d|[一二三四五六七八九十]+[次个])")
# a time the deed is due by, before it (结束后一百二十日内提交…, 终了后3个月内): no part of the deed
_DUE = re.compile(
    r"^(?:左右|以上)?(?:[^，。；]{0,14}?(?:结束|终了|届满|开始)(?:后|时|之日起)?)?(?:[^，。；]{0,10}?[日月年天](?:以)?[内前后])?"
)
# a count of times closing the deed (…培训一次, …检查指导工作一次以上)
_COUNT = re.compile(r"(?:至少|不少于|不超过)?[一二两三四五六七八九十\d]+(?:次|回|遍)(?:以上|以下)?$")


def activity_after(text: str, cadence: Cadence) -> str | None:
    """The deed written in the clause after ``cadence``, or None."""
    clause = _CLAUSE.match(text, cadence.span.end)
    if clause is None:
        return None
    words = _MODAL.sub("", clause.group())
    if _NOT_A_DEED.match(words):
        return None
    words = _MODAL.sub("", _DUE.sub("", words, count=1))
    done_to = _DONE_TO.match(words)
    if done_to:
        words = done_to.group("deed")
    words = _COUNT.sub("", words)
    if len(words) < 2:
        return None
    return words[:MOST]
