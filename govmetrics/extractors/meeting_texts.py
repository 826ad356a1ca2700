"""What kind of text speaks of a meeting, and when what it says is no meeting held.

* A regulation, a by-law or a body's meeting rules only requires meetings: nothing it says of them
  was held (:func:`govmetrics.extractors.rule_texts.is_rule_text`).
* A work report (or a speech printed in full) reviews a year: 召开全省服务业发展大会, 成功举办
  第八届…峰会 in it were held some day of that year that it does not give. Such a meeting is a deed
  of the year, not an event the text reports; only one given its day (2月3日…会议在…开幕) or the
  session the report was given at (its subtitle) is a meeting's record (``is_review``).
* Editions counted (举办4届南博会, 成功举办两届…大会, 连续举办…博览会, 召开新闻发布会120场) are many
  meetings, none of them named: no record (``counted_editions``).
"""

from __future__ import annotations

import re

from govmetrics.extractors import speech_headers
from govmetrics.extractors.rule_texts import REGULATION_REACH
from govmetrics.names import NameLexicon

# a report opens by addressing the delegates it is given to (各位代表：现在，我代表…向大会报告工作),
# on a line of its own or run on from its title (cleaning joins a line with no full stop to the next);
# a story quoting a speech has the address after its quotation mark or colon (说：“各位代表：…)
_ADDRESS = re.compile(r"各位代表[：:]")
_QUOTING = frozenset("“\"‘'：:，,")


def is_review(names: NameLexicon, text: str) -> bool:
    """A report or a speech given at a meeting, as its subtitle (——2024年1月20日在…会议上) or its
    address to the delegates says: it reviews the year, and a meeting it names with no day is no
    event it reports."""
    head = text[:REGULATION_REACH]
    address = _ADDRESS.search(head)
    quoted = address is not None and head[: address.start()].rstrip()[-1:] in _QUOTING
    return (address is not None and not quoted) or next(speech_headers.subtitles(names, head), None) is not None


_NUMBER = "[\\d一两二三四五六七八九十百千多数几]"
# the count of editions right after the verb (举办4届南博会, 成功举办两届…大会; but 第三届 and 首届 name
# one edition, and 十四届人大五次会议 or 十九届五中全会 a session of a body's term); the verb held again
# and again (连续成功举办, 连续三年举办); or the number of events after the name (召开新闻发布会120场,
# 举办讲座十余期; a count in 次 is the count of meetings held, read as such by the caller)
_EDITIONS_AFTER_VERB = re.compile(
    rf"[\d一两二三四五六七八九十多数几]{_NUMBER}*届(?![^，。；、]{{0,12}}?(?:次|全会)|人民代表|委员会)"
)
_AGAIN_BEFORE_VERB = re.compile(rf"连续(?:{_NUMBER}+[年届次])?(?:成功|高质量|高水平|圆满)?$")
_COUNT_AFTER_NAME = re.compile(rf"(?!一[场期])(?:{_NUMBER}+|[十百千]余)[场期]")


def counted_editions(text: str, clause_start: int, verb_start: int, verb_end: int, name_end: int) -> bool:
    """Whether the meeting held at ``verb_start``..``verb_end`` and named up to ``name_end`` is a count
    of its editions (举办4届南博会), not one meeting."""
    if _EDITIONS_AFTER_VERB.match(text, verb_end) or _COUNT_AFTER_NAME.match(text, name_end):
        return True
    return _AGAIN_BEFORE_VERB.search(text, max(clause_start, verb_start - 12), verb_start) is not None
