"""Whether a text is a rule: a regulation, a by-law or a body's meeting rules.

What a rule says of meetings is required, never reported (the meeting extractor), and its numbers
are what must hold (a metric's ``target``).
"""

from __future__ import annotations

import re

from govmetrics.chinese import ORDINAL_NUMERAL

__all__ = ["ARTICLE", "REGULATION_REACH", "is_rule_text"]

# a sentence opening with a regulation's article heading (第十四条 召开业主大会会议，应当…) is a rule:
# what it says of meetings is required, never reported; a text of such headings is a regulation
ARTICLE = re.compile(rf"[ \t\u3000]*第{ORDINAL_NUMERAL}{{1,6}}条")
_ARTICLE_LINE = re.compile(rf"\n[ \t\u3000]*第{ORDINAL_NUMERAL}{{1,6}}条")
# a rule names itself (本条例自发布之日起施行, 本制度由办公室负责解释); a news story names a rule by
# its title (《条例》) and carries a dateline or a reporter
_RULE_SELF = re.compile(r"本(?:条例|规定|办法|细则|章程|制度|规则)")
_NEWS_MARKS = re.compile(r"讯|记者|通讯员|日电")
_RULE_WORDS = re.compile(r"应当|不得|可以|必须")
#: How far into a text its article headings, news marks and subtitle are looked for.
REGULATION_REACH = 5000


def is_rule_text(text: str) -> bool:
    """A regulation, a by-law or a body's meeting rules: what it says of meetings is required, never
    reported. It is a text of articles (第一条 …, 第二条 …), or, when it is no news story, one that
    names itself as a rule or an excerpt of one article that speaks as a rule (应当, 不得)."""
    head = text[:REGULATION_REACH]
    articles = len(_ARTICLE_LINE.findall("\n" + head))
    if articles >= 2:
        return True
    if _NEWS_MARKS.search(head):
        return False
    # an excerpt holding one article: a rule when it speaks as one (应当, 不得, 可以)
    return bool(_RULE_SELF.search(text)) or (articles == 1 and len(_RULE_WORDS.findall(head)) >= 2)
