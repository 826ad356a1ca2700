"""What a metric's number measures, and how: its ``subject``, its ``change`` and whether it is a ``target``.

Found after the metrics of an article, from the words around each (ANNOTATION.md):

* ``subject``: what the number counts, as the sentence names it. A noun written after the number
  and 的 (20%以上的业主, 15%的税率), or after a counting word (建成28个老旧小区) names it; else the
  words before the number in its clause do, read with the ``subject_words`` lexicon: a linking verb
  after the subject (国内生产总值达到63.6万亿元) or a verb before it (受理群众诉求3.2万件) is left
  out, and so are adverbs, tallies and times (累计, 其中, 2009年). A clause that names nothing but
  the action (累计走访2万余户) has the action as its subject; a clause that names nothing
  (，增长15.8%) speaks of the subject of the number before it in the sentence.
* ``change``: ``up`` or ``down`` when a verb of the ``change_words`` lexicon leads to the number
  (增长15.8%, 比上年提高2.1个百分点), ``None`` for a level (达到, 占, 提高到48.2%). The numbers of one
  list share it (分别增长5.6%和13.1%).
* ``target``: the number is a goal, a plan, a forecast or a rule: a word of the ``target_cues``
  lexicon, or a modal of a rule (应当, 必须, 要, 将), earlier in its sentence; in a regulation,
  every number but what it says was done (已经按15%的税率).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from govmetrics import lexicon
from govmetrics.chinese import CLAUSE_ENDS, DISPOSAL, FUTURE, OBLIGATION
from govmetrics.lexicon import Lexicons
from govmetrics.models import Change, Metric

__all__ = ["MeaningLexicon", "describe", "meaning_lexicon"]

#: Units that count things one by one: the noun after them is what is counted (28个老旧小区).
_COUNTING_WORDS = frozenset(
    ("个", "名", "位", "项", "家", "所", "座", "处", "条", "种", "批", "支", "台", "辆", "艘", "份", "件", "户", "人",
     "间", "栋", "套", "棵", "株", "只", "头", "匹", "篇", "部", "册", "场", "点", "类", "岁", "周岁")
)  # fmt: skip
# A sentence ends at these; a list of goals runs on across its commas and semicolons.
_SENTENCE_MARKS = "。！？!?\n"
_SENTENCE_MARK = re.compile(f"[{_SENTENCE_MARKS}]")
_CLAUSE_MARK = re.compile(f"[{CLAUSE_ENDS}]")
# how far a sentence is looked for around a number: longer ones are read from this far
_REACH = 400
_LAST_CLAUSE_MARK = re.compile(f"[{CLAUSE_ENDS}](?=[^{CLAUSE_ENDS}]*$)")
# what may stand between a verb of change and its number: an adverb, a qualifier, a currency
_CHANGE_GAP = re.compile(r"(?:了|分别|均|各|实际|名义|同比|约|近|超过|达|为)*")
# a base of comparison (比上年, 较上周, 与去年同期相比): no part of the subject
_BASE = (
    r"(?:比|较|与)(?:上年|去年|上一年|上周|上月|上季度?|[一二三四]季度|[上下]半年|年初|常年|同期|全国|全省|全市)"
    r"(?:[一二三四]季度)?(?:同期)?(?:相比)?|同比|环比"
)
# a time closing the words before the number (比重从2009年的2.8%)
_TRAILING = r"(?:从|由|到|至|在)?(?:\d{4}年|去年|上年|今年)(?:底|末|初)?|从|由|自"
_DIGITS = re.compile(r"[\d%％.]+")
# words applying a rate or a fine to what follows the number (按15%的税率, 并处1万元以下的罚款)
_APPLIED = ("按", "处", "处以", "并处")
_PARENTHESES = re.compile(r"（[^（）]*）|\([^()]*\)")
# 的比重, 的比例: the share of the whole the subject is
_SHARE_OF = ("比重", "比例")
# a metric holding what it is a share of (不低于工资的150%): the words before the last 的
_SHARE_OF_WHAT = re.compile(r"(.+)的(?=[^的]*[\d〇零一二两三四五六七八九十百千])")
_TOPIC_ENDS = frozenset("，,：:")
_NO_TOPIC = ("从", "据", "按", "在", "经", "为", "对", "截至", "其中")
_ENUMERATOR = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff“”]+")
_NUMERAL = re.compile(r"[\d０-９〇零一二两三四五六七八九十百千万]")
# a run that starts a new item or clause (3名或者5名): no noun of the number
_NOT_A_NOUN = ("或", "和", "及", "与", "的", "了", "并", "以上", "以下", "（", "(", "“")
# a noun run: what names a subject, up to a mark, a particle or a number
_NOUN_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z“”\"（）()]+")
_LIST_JOIN = re.compile(r"[、和及与]|以及")
# a time or a place written before the subject: 2009年, 截至8月底, 今年以来, 我市, 全县
_LEADING = (
    r"(?:截至|截止|从|由|到|至|在)?(?:\d{4}年|[〇零一二三四五六七八九]{4}年|[\d一二三四五六七八九十]{1,2}月|去年|上年|今年"
    r"|前?[一二三四]季度|[上下]半年)+"
    r"(?:底|末|初|份|以来)?|第[\d一二三四五六七八九十百零〇]+条|(?:或者|或|以及|并且|并|且|但|和|及)(?=[\u4e00-\u9fff]{2}|$)"
    r"|截至(?:目前|[\u4e00-\u9fff]{1,4}(?:底|末))|今年以来|年初以来|[全我本该](?:国|省|市|县|区|乡|镇|村|州)"
)
# marks and particles at either end of the words
_LOOSE = r"[，,、：:\s的（）()]"
# how far from their end the words are searched for what cannot end a subject
_TAIL = 16
_DONE = re.compile(r"已经?|曾")
# what reports a deed done, ending the reach of a goal's cue before it: 截至10月底已完成投资
_REPORTED = re.compile(r"已经?|截[至止]|累计完成")
# the rest of a rule's condition after its number, up to the 的， that closes it
_CONDITION_AFTER = re.compile(r"[^，。；！？：,;!?\n]{0,12}?(?<![是说看讲])的[，,]")
# Cues of a goal, a plan or a rule that the target_cues lexicon cannot list as words:
# - the year a goal is to be reached by, opening its clause (，到2025年; not 减少到2016年底的);
# - 计划 as a verb, not the plan a share is of (占年度计划的58%);
# - a deadline (7月15日前, 年底前; 日前 alone is "recently");
# - a rule's condition (…不满十年的，发给), not 值得一提的是，;
# - 确保, but not a purpose (为确保…).
_CUES = (
    # each alternative opens with its own character, so the search skips ahead to one
    r"到(?<![\u4e00-\u9fff\d]到)(?:\d{4}年|“[^”]{2,6}”末)|计划(?<!占计划)(?<!占年度计划)(?!的|生育)"
    r"|(?:\d{1,2}日|[底末])前(?![夕期])|的(?<![是说看讲]的)[，,]|确保(?<!为确保)"
)
# a period a rule repeats (每季度评选20户, 每人每月发放100元); not a change made per period, which
# is reported (最低工资标准每月提高183元)
_PER_PERIOD = r"每(?:年|季度|季|月|周|天|日|半年)(?![^，。；]*(?:提高|增加|减少|降低|增长|下降))"


@attrs.frozen
class MeaningLexicon:
    """The words a metric's meaning is read with, compiled once per :class:`~govmetrics.lexicon.Lexicons`."""

    changes: dict[str, tuple[Change, bool]]  # word → (direction, names a rate)
    change_before: re.Pattern[str]  # the last verb of change in a clause
    verbs: re.Pattern[str]  # links and verbs
    links: frozenset[str]
    bounds: tuple[str, ...]  # the qualifiers written before a number (不低于, 不得超过)
    rates: re.Pattern[str]  # a word naming a rate of change, anywhere in the clause
    skips: re.Pattern[str]  # an adverb, a modal, a tally word anywhere
    leading: re.Pattern[str]  # what a subject does not start with: times, places, adverbs
    trailing: re.Pattern[str]  # what it does not end with: adverbs, times, 每年每平方米 (a rate's denominators)
    targets_before: re.Pattern[str]
    targets_after: re.Pattern[str]
    goal_lists: re.Pattern[str]  # the words opening a paragraph's list of goals


def meaning_lexicon(lexicons: Lexicons) -> MeaningLexicon:
    """The change, target and subject words (plugins may add some), built once per lexicons."""
    return lexicons.built("metrics.meaning", _build)


# 增加值, 增长点, 开工率, 完成率, 城乡建设类 are nouns, not a verb and a word after it
_NOT_A_VERB_AFTER = "(?![值点极率额量类])"


def _build(lexicons: Lexicons) -> MeaningLexicon:
    changes: dict[str, tuple[Change, bool]] = {}
    for row in lexicons.rows("change_words"):
        direction = row[1] if len(row) > 1 else "up"
        changes[row[0]] = ("down" if direction == "down" else "up", "rate" in row[2:])
    kinds = {row[0]: row[1] if len(row) > 1 else "verb" for row in lexicons.rows("subject_words")}
    verbs = [word for word, kind in kinds.items() if kind != "skip"] + list(changes)
    skips = lexicon.alternation(word for word, kind in kinds.items() if kind == "skip") or "(?!)"
    where = {row[0]: row[1] if len(row) > 1 else "before" for row in lexicons.rows("target_cues")}
    before = [word for word, place in where.items() if place == "before"]
    after = [word for word, place in where.items() if place == "after"]
    lists = [word for word, place in where.items() if place == "paragraph"]
    guarded = {word: _NOT_A_VERB_AFTER for word in verbs}
    units = lexicon.alternation(lexicons.words("units"))
    rates = [word for word, (_, rate) in changes.items() if rate]
    return MeaningLexicon(
        changes=changes,
        # the last one in the clause: a greedy run up to it
        change_before=re.compile(f".*({lexicon.alternation(changes, then=guarded) or '(?!)'})", re.DOTALL),
        verbs=re.compile(lexicon.alternation(verbs, then=guarded) or "(?!)"),
        links=frozenset(word for word, kind in kinds.items() if kind == "link") | frozenset(changes),
        bounds=tuple(row[0] for row in lexicons.rows("qualifiers") if row[1:2] == ("before",)),
        rates=re.compile(lexicon.alternation(rates) or "(?!)"),
        skips=re.compile(f"{skips}|{_BASE}"),
        leading=re.compile(f"^(?:{skips}|{_BASE}|{_LEADING}|{_LOOSE})+"),
        trailing=re.compile(
            f"(?:{skips}|{_BASE}|每(?:{units or '(?!)'}|年|月|日|天|周|季度|季)|{_TRAILING}|{_LOOSE})+$"
        ),
        targets_before=re.compile(
            f"{lexicon.alternation(before + lists) or '(?!)'}|{OBLIGATION}|{FUTURE}|{_CUES}|{_PER_PERIOD}"
        ),
        goal_lists=re.compile(lexicon.alternation(lists) or "(?!)"),
        targets_after=re.compile(lexicon.alternation(after) or "(?!)"),
    )


#: What :func:`describe` reads for one metric: its subject, its change and whether it is a target.
Meaning = tuple[str | None, Change | None, bool]


def describe(text: str, metrics: Sequence[Metric], lexicons: Lexicons, *, rules: bool = False) -> list[Meaning]:
    """The ``subject``, ``change`` and ``target`` of each of the metrics of ``text``, read from their words.

    :param rules: ``text`` is a regulation (a text of articles): its numbers are what must hold.
    """
    if not metrics:
        return []
    lex = meaning_lexicon(lexicons)
    cues = None if rules else _Cues(text, lex)
    out: list[Meaning] = []
    previous: Metric | None = None
    previous_subject: str | None = None
    previous_change: Change | None = None
    sentence_start = sentence_end = -1
    marks: list[int] = []
    for metric in metrics:
        start = metric.span.start
        # the sentence and the clause around the number, read within a sentence's reach of it: the
        # metrics are few and their sentences short, where a scan of the text for marks is long
        if start >= sentence_end:
            sentence_start = _last_mark_end(text, max(0, start - _REACH), start)
            ending = _SENTENCE_MARK.search(text, start, start + _REACH)
            sentence_end = ending.start() if ending else min(len(text), start + _REACH)
            marks = [m.end() for m in _CLAUSE_MARK.finditer(text, sentence_start, sentence_end)]
        at = bisect.bisect_right(marks, start)
        clause_start = marks[at - 1] if at else sentence_start
        in_clause = previous is not None and previous.span.end > clause_start
        listed = in_clause and _joined(text, previous, metric)  # type: ignore[arg-type]
        # the words before the number: from the clause's start, or the number before it in the clause
        region = max(clause_start, previous.span.end) if in_clause else clause_start  # type: ignore[union-attr]
        change = _change(text, region, start, lex)
        if change is None and listed:
            change = previous_change
        subject = None if listed else _subject(text, metric, region, sentence_end, lex)
        if subject is None and previous is not None and previous.span.start >= sentence_start:
            subject = previous_subject
        if cues is None:
            target = not _DONE.search(text, clause_start, start)  # a regulation's rule, unless done
        else:
            target = cues.target(metric, sentence_start, sentence_end)
        out.append((subject, change, target))
        previous, previous_subject, previous_change = metric, subject, change
    return out


def _last_mark_end(text: str, floor: int, at: int) -> int:
    """Just after the last sentence mark in ``text[floor:at]``, else ``floor``.

    Searched backwards from ``at`` for each mark (str.rfind), where a regex would read the window
    from its start and stop at every mark on the way (2.5 -> 1 µs a sentence).
    """
    last = max(text.rfind(mark, floor, at) for mark in _SENTENCE_MARKS)
    return last + 1 if last >= 0 else floor


def _joined(text: str, previous: Metric, metric: Metric) -> bool:
    """The two metrics are items of one list: only a list mark between them (5.6%和13.1%)."""
    return bool(_LIST_JOIN.fullmatch(text, previous.span.end, metric.span.start))


def _change(text: str, region: int, start: int, lex: MeaningLexicon) -> Change | None:
    """``up`` or ``down`` when the last verb of change before the number leads to it."""
    before = text[region:start]
    rate = lex.rates.search(before)
    if rate is not None:
        return lex.changes[rate.group()][0]  # 涨幅回落到2.6%: a rate of change, whatever verb follows
    found = lex.change_before.match(before)
    if found is None:
        return None
    direction = lex.changes[found.group(1)][0]
    gap = before[found.end() :]
    if gap.startswith(("到", "至", "为")) or "的" in gap or len(gap) > 12:
        return None  # 由46.9%提高到48.2%: a level reached
    if _CHANGE_GAP.fullmatch(gap) or not lex.verbs.search(gap):
        return direction  # 增长15.8%; 增加污水处理能力43.5万立方米/日 (its object between)
    return None


def _subject(text: str, metric: Metric, region: int, sentence_end: int, lex: MeaningLexicon) -> str | None:
    """The noun a counting word counts (28个老旧小区), else what the words before the number name,
    else the noun after 的 (15%的税率), else the action counted (累计走访2万余户)."""
    end = metric.span.end
    of_follows = text.startswith("的", end)
    if metric.unit in _COUNTING_WORDS and not of_follows:
        counted = _noun_at(text, end, sentence_end, lex)
        if counted:
            return counted
    share = _SHARE_OF_WHAT.match(metric.text) if "的" in metric.text else None
    # what the metric holds it is a share of: 罚款数额的3%, 月平均工资的5%
    share_of = _noun_before(share.group(1), lex)[0] if share else None
    if share_of and not share.group(1).startswith(lex.bounds):  # type: ignore[union-attr]
        return share_of
    before = text[region : metric.span.start]
    if "（" in before or "(" in before:
        before = _PARENTHESES.sub("", before)
    if before.endswith("的"):
        before = before[:-1]  # 罚款数额的3%: what the share is of
    noun, action, applied = _noun_before(before, lex) if before else (None, None, False)
    if not noun:
        # 缴存比例均不得低于月平均工资的5%: a bound on a share says what is bounded before it; with
        # nothing there, what the share is of
        noun = share_of
    of = _noun_at(text, end + 1, sentence_end, lex) if of_follows and (applied or not noun) else None
    if applied and of:
        return of  # 按15%的税率, 并处1万元以下的罚款: the rate or the fine applied
    # 或者1亿元以上直接经济损失: nothing before the number names it, the noun right after its unit does
    bare = None if noun or of else _noun_at(text, end, sentence_end, lex)
    return noun or of or bare or _topic(text, region, lex) or action


def _topic(text: str, region: int, lex: MeaningLexicon) -> str | None:
    """A short clause naming only a thing, right before the number's clause (元旦，放假1天): what the
    clause that names nothing but its action speaks of."""
    if region < 2 or text[region - 1] not in _TOPIC_ENDS:
        return None
    start = _LAST_CLAUSE_MARK.search(text, max(0, region - 12), region - 1)
    words = _ENUMERATOR.sub("", _PARENTHESES.sub("", text[start.end() if start else max(0, region - 12) : region - 1]))
    if not 2 <= len(words) <= 8 or not _HAN_RUN.fullmatch(words) or lex.verbs.search(words):
        return None
    if words.startswith(_NO_TOPIC):
        return None  # 从诉求类型看, 据了解: how the text goes on, not what it counts
    return words


def _noun_at(text: str, at: int, limit: int, lex: MeaningLexicon) -> str | None:
    """The noun written at ``at``, right after a number: after a counting word (28个老旧小区,
    3名以上督学), after 的 (15%的税率), or after any unit (1亿元以上直接经济损失). It ends at a verb
    or an adverb; a run that opens another item (或者5名) or with a verb (五至七人组成) names none."""
    run = _NOUN_RUN.match(text, at, limit)
    if run is None or run.group().startswith(_NOT_A_NOUN):
        return None
    words = run.group()
    for stop in (lex.verbs.search(words), lex.skips.search(words)):
        if stop is not None:
            words = words[: stop.start()]
    words = _strip(words, lex).rstrip("的")
    return words or None


def _noun_before(before: str, lex: MeaningLexicon) -> tuple[str | None, str | None, bool]:
    """What the words before the number name, the action verb they end with if they name nothing
    else, and whether they end with a word applying a rate or a fine (按, 处).

    Links at the end are peeled off (国内生产总值达到, 居民消费价格涨幅回落到); the object of the last
    verb within is the subject (受理群众诉求, 完成投资); what 占 takes is the whole the subject is a
    share of (财政赤字占国内生产总值的比重), so the subject is what stands before it.
    """
    words = _strip(before, lex)
    digit = None
    for digit in _DIGITS.finditer(words):  # noqa: B007 - the last one is wanted
        pass
    if digit:
        words = _strip(words[digit.end() :], lex)  # 12345热线受理群众诉求: from the last number on
    applied = words.endswith(_APPLIED) or words.startswith(_APPLIED)
    peeled = False
    last = _last_verb(words, lex)
    while words and last is not None and last.end() == len(words) and last.group() in lex.links:
        words = _strip(words[: last.start()], lex)
        last = _last_verb(words, lex)
        peeled = True
    if not words:
        return None, None, applied
    share = words.rfind("占")
    if share >= 0:
        head = _strip(words[:share], lex)
        return (head if len(head) >= 2 else None), None, applied
    if last is not None and last.end() == len(words) and not peeled:
        head = words[: last.start()]
        if len(_strip(head, lex)) < 2 or _strip(head, lex) != head.rstrip("，,、：: "):
            # 累计走访2万余户, 社区干部累计走访3千余户: the action counted, an adverb before it
            return None, last.group(), applied
        return words, None, applied  # 全社会研发经费投入: a verb closing a noun
    if last is not None and last.end() < len(words):
        words = _strip(words[last.end() :], lex)
    return (words if len(words) >= 2 else None), None, applied


def _last_verb(words: str, lex: MeaningLexicon) -> re.Match[str] | None:
    found = None
    for found in lex.verbs.finditer(words):  # noqa: B007 - the last one is wanted
        pass
    return found


def _strip(words: str, lex: MeaningLexicon) -> str:
    """The words without the times, places, adverbs and per-unit words at either end."""
    words = lex.leading.sub("", words, count=1)
    # what ends the words is short: looked for in their tail only, not tried from every character
    tail = lex.trailing.search(words, max(0, len(words) - _TAIL))
    return words[: tail.start()] if tail else words


class _Cues:
    """The cues of a goal, a plan or a rule in one text, read once for each sentence asked about."""

    def __init__(self, text: str, lex: MeaningLexicon) -> None:
        self.text = text
        self.lex = lex
        self.sentences: dict[int, list[tuple[int, int]]] = {}
        self.lists = [m.start() for m in lex.goal_lists.finditer(text)]

    def _in_sentence(self, start: int, end: int) -> list[tuple[int, int]]:
        found = self.sentences.get(start)
        if found is None:
            text = self.text
            found = self.sentences[start] = []
            for cue in self.lex.targets_before.finditer(text, start, end):
                if cue.group().startswith("将") and DISPOSAL.match(text, cue.end()):
                    continue  # 将城区划分为83个网格: no future
                if text.count("“", start, cue.start()) > text.count("”", start, cue.start()):
                    continue  # 着力强化“五个必须坚持”: a slogan's words, quoted
                found.append((cue.start(), cue.end()))
        return found

    def target(self, metric: Metric, sentence_start: int, sentence_end: int) -> bool:
        """Whether a cue earlier in the metric's sentence (or a list of goals earlier in its
        paragraph) reaches it, or one closes its sentence after it (…的目标)."""
        text, start, end = self.text, metric.span.start, metric.span.end
        number = _NUMERAL.search(text, start, end)
        # the metric's own bound is read too: 不得少于3人
        upto = number.start() if number else start
        cue_end = -1
        for cue_start, end_of_cue in self._in_sentence(sentence_start, sentence_end):
            if cue_start >= upto:
                break
            cue_end = end_of_cue
        if cue_end < 0:
            at = bisect.bisect_left(self.lists, sentence_start) - 1
            if at >= 0 and self.lists[at] >= text.rfind("\n", 0, start) + 1:
                cue_end = self.lists[at]  # 主要预期目标是：…。规模以上工业增加值增长7.5%左右
        if cue_end >= 0:
            return not _REPORTED.search(text, cue_end, start)
        if _CONDITION_AFTER.match(text, end):
            return True  # 工作人员病假在两个月以内的，发给原工资: a rule's condition
        return bool(self.lex.targets_after.search(text, end, sentence_end))
