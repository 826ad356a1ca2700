"""Names: where a person's name starts and ends in Chinese text, and the title written before it.

A name is taken only where it starts with a surname (the ``surnames`` lexicon; compound ones such
as 欧阳 first), it is two or three characters long (four with a compound surname), and what follows
it ends a name: punctuation or a word such as 主持, 出席, 等 (the ``name_enders`` lexicon). That is
how 冷静出席 yields 冷静 and 陈之常主持 yields 陈之常, not 陈之. A title is everything up to the
last title head (书记, 区长, 主任 …, the ``titles`` lexicon). :mod:`govmetrics.people` reads lists
of people with these.

The words come from the lexicons the plugin host passes to an extractor: :func:`name_lexicon` reads
them into a :class:`NameLexicon`, kept on that ``Lexicons`` object, and every function here takes it
as its first argument.
"""

from __future__ import annotations

import re

import attrs

from govmetrics.lexicon import Lexicons, alternation

#: Punctuation that ends a name; the words that do are the ``name_enders`` lexicon.
_PUNCTUATION_ENDERS = ("，", "、", "。", "；", "：", "（", "(", ",", "”", "\n", "！", "？")


@attrs.frozen
class NameLexicon:
    """The surnames, title heads and name enders of one set of lexicons, as the name rules read them."""

    surnames: frozenset[str]
    compound: frozenset[str]
    title_heads: re.Pattern[str]
    titles: tuple[str, ...]
    enders: tuple[str, ...]


def name_lexicon(lexicons: Lexicons) -> NameLexicon:
    """What the name rules read from ``lexicons``, built once and kept on it."""
    return lexicons.built("names", _build)


def _build(lexicons: Lexicons) -> NameLexicon:
    surnames = {word for row in lexicons.rows("surnames") for word in row}
    titles = tuple(sorted({row[0] for row in lexicons.rows("titles")}, key=len, reverse=True))
    return NameLexicon(
        surnames=frozenset(n for n in surnames if len(n) == 1),
        compound=frozenset(n for n in surnames if len(n) == 2),
        title_heads=re.compile(alternation(titles)),
        titles=titles,
        enders=tuple({w for row in lexicons.rows("name_enders") for w in row}) + _PUNCTUATION_ENDERS,
    )


_CJK = re.compile("[\u4e00-\u9fff]+")


def is_cjk(text: str) -> bool:
    """Whether ``text`` is all CJK ideographs (and not empty)."""
    return _CJK.fullmatch(text) is not None


def name_lengths(names: NameLexicon, text: str, at: int) -> list[int]:
    """The lengths a name starting at ``at`` may have, longest first, by its surname."""
    if text[at : at + 2] in names.compound:
        return [4, 3]
    if text[at : at + 1] in names.surnames:
        return [3, 2]
    return []


def _ends_name(names: NameLexicon, text: str, at: int) -> bool:
    return at >= len(text) or text.startswith(names.enders, at)


# A name does not end in a character that ends the name of an organ or a place: 区委, 街道办.
ORGAN_ENDINGS = frozenset("委局办部会府院厅处室组队所站街镇乡村区市县省党团司企社总")
# Verbs that follow a title when the person was named before it (区委书记强调): never a name.
NOT_NAMES = (
    "强调", "指出", "表示", "要求", "介绍", "认为", "希望", "提出", "说", "讲话", "致辞", "主持", "出席",
    "参加", "带队", "一行", "们", "同志", "分别", "称", "宣布", "作", "对", "就", "在", "到", "是",
    "应当", "由", "均", "须", "也", "都", "还", "共", "可以", "不得", "负责",
    "双方", "各方", "全体", "全区", "全市", "全县", "相关", "有关", "部分", "一起",
    "单位", "应邀",  # 领导小组成员单位负责人, 历届县政协主席应邀参加: a word after a title, not a name
)  # fmt: skip


def name_at(names: NameLexicon, text: str, at: int) -> str | None:
    """The whole name starting at ``at``, if one does: surname, length, and a word that ends it."""
    for length in name_lengths(names, text, at):
        name = text[at : at + length]
        if (
            is_cjk(name)
            and name[-1] not in ORGAN_ENDINGS
            and not name.startswith(NOT_NAMES)
            and _ends_name(names, text, at + length)
            and not lexicon_title_end(names, name)
        ):
            return name
    return None


def is_name(names: NameLexicon, word: str) -> bool:
    """Whether ``word`` alone is one whole name, as :func:`name_at` reads one that a clause break
    ends (陈红 is; 陈红和, 区住房 and 志勇 are not)."""
    return name_at(names, word + "，", 0) == word


def lexicon_title_end(names: NameLexicon, text: str) -> bool:
    """Whether ``text`` ends with a title head (区委书记), so it is a title, not a name."""
    return text.endswith(names.titles)


def split_title(names: NameLexicon, item: str) -> tuple[str, str]:
    """(title, rest) where the title is everything up to the last title head in ``item``."""
    last = None
    for match in names.title_heads.finditer(item):
        last = match
    if last is None:
        return "", item
    return item[: last.end()], item[last.end() :]
