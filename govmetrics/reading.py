"""The reading view: traditional characters and half-width punctuation read as the extractors expect.

Pages from big5 sites and from Guangdong, Fujian and Hong Kong portals are written in traditional
characters (萬元, 會議, 召開), and many scraped pages write ASCII punctuation between Chinese words
(12月5日,区委常委会(扩大)会议召开). The extractors' patterns and lexicons are written in
simplified characters with full-width punctuation, so such text would lose most of its records,
silently. Rather than doubling every pattern, the extractors read a *twin* of the text:

* **Same length, character by character.** ``twin[i]`` is the reading of ``text[i]``, so every
  span an extractor finds in the twin is the same span of the text as given: no offset map is
  needed, and a record's ``text`` is taken back from the original at its span.
* **Traditional → simplified** by OpenCC's ``hk2s`` conversion (the OpenCC project's own
  dictionaries, phrase-aware: 乾隆 stays, 乾淨 → 干净): ``t2s`` with the Hong Kong variants
  (衞, 敍, 枱) read first, which changes nothing ``t2s`` reads otherwise. (``tw2s`` is not used: it
  reads 著 as 着 and 么 as 幺, which simplified text writes as they are.) Its phrase tables map
  phrases to phrases of the same length, so its output lines up with its input; the output is used
  when its length is the input's, and otherwise (a dictionary with a phrase that changes length)
  the text is converted character by character with a table made from the same converter: every
  ideograph converted alone, kept when it gives one character. Both are exact, and both run in C.
* **Half-width , ; : ( ) next to Chinese** become ，；：（）. A comma between digits (52,000) and
  a colon in a clock time (10:30) have no Chinese character beside them and stay; brackets stay
  half-width around Latin text (GDP) and around a number with no Chinese beside it.
* **Corner brackets「」『』** are the quotation marks of traditional text (Hong Kong and Taiwan
  portals write 「兩節」期間 where simplified text writes “两节”期间), and 『』 the quotation inside a
  quotation, as ‘’ is. They read as “” and ‘’, so a quoted set phrase or name is read as the
  extractors read one in simplified text (a short quoted name holds no count).

Most articles are simplified text with full-width punctuation: one search for a character the
converter changes and one for a half-width mark beside a Chinese character find that, and the text
itself is then returned (the same object: nothing is copied or converted). On the real corpus's
simplified pages the two searches cost about 2% of extraction.

Records come back from the twin with what they read in simplified form; :func:`restore` gives
each its ``text`` from the original at its span, and every field marked *as written*
(:data:`~govmetrics.models.AS_WRITTEN`: a meeting's name, its chair and attendees, a person's name
and titles …) the original characters where its value stands in the twin, nearest the record.
Normalized fields (units, periods, approx) stay as the extractors wrote them: 個 is read, and
reported, as 个.
"""

from __future__ import annotations

import functools
import re
from typing import Any, TypeVar, cast

import attrs
from attrs import AttrsInstance

from govmetrics.models import AS_WRITTEN_KEY, Article, Record, Span

_R = TypeVar("_R", bound=Record)
_A = TypeVar("_A", bound=AttrsInstance)

# Where OpenCC's character tables have entries: the CJK unified ideographs and their extensions,
# and the compatibility ideographs (which the conversion normalizes to the unified ones).
_IDEOGRAPH_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EBEF),
    (0x2F800, 0x2FA1F),
)
# A Chinese neighbour: ideographs, CJK punctuation (、。「」) and full-width forms (，（）％), curly quotes.
_CHINESE = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"
_IS_CHINESE = re.compile(f"[{_CHINESE}]")
# a half-width mark first, so the search skips ahead to one (most texts have none) before looking around it
_HALF_BESIDE_CHINESE = re.compile(f"[,;:()](?:(?=[{_CHINESE}])|(?<=[{_CHINESE}][,;:()]))")
_BRACKETED = re.compile(r"\(([^()\n]{0,80})\)")
_LONE_BRACKET = re.compile(r"[()]")
_SEPARATOR = re.compile(r"[,;:]")
_LATIN = re.compile(r"[A-Za-z]")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
_CORNER_AS_CURLY = str.maketrans("「」『』", "“”‘’")


@attrs.frozen
class _Converter:
    """OpenCC's hk2s, the same as a per-character table, and a search for the characters it changes."""

    convert: Any
    characters: dict[int, str]
    traditional: re.Pattern[str]


@functools.cache
def _converter() -> _Converter:
    """Built on first use (about 20 ms): every ideograph through hk2s once, one per line."""
    import opencc

    hk2s = opencc.OpenCC("hk2s.json")
    characters: dict[int, str] = {}
    for low, high in _IDEOGRAPH_RANGES:
        for first in range(low, high + 1, 4096):  # a block at a time: the whole range at once costs 15 MB
            block = [chr(code) for code in range(first, min(first + 4096, high + 1))]
            read = hk2s.convert("\n".join(block)).split("\n")
            if len(read) == len(block):
                characters.update((ord(c), s) for c, s in zip(block, read, strict=True) if s != c and len(s) == 1)
    return _Converter(convert=hk2s.convert, characters=characters, traditional=_search_for(characters))


def _search_for(characters: dict[int, str]) -> re.Pattern[str]:
    """One character class of the characters the converter changes, for a search at C speed.

    re keeps a class of BMP characters as a bitmap, a test a character; a few hundred characters
    beyond the BMP (extension B on) would make it a list, compared one by one at each position
    (a hundred times slower on a simplified text). Those are taken as one range from the first to
    the last of them: a rare extension character in a simplified text then costs a conversion that
    changes nothing, which :func:`reading_text` sees and drops.
    """
    basic = "".join(chr(code) for code in sorted(characters) if code <= 0xFFFF)
    beyond = [code for code in characters if code > 0xFFFF]
    span = f"{chr(min(beyond))}-{chr(max(beyond))}" if beyond else ""
    # a class of no characters would match nothing, as it should; "[]" alone is not a pattern
    return re.compile(f"[{re.escape(basic)}{span}]" if basic or span else r"(?!)")


def simplified(text: str) -> str:
    """``text`` with traditional characters read as simplified, one character for one; ``text``
    itself when it has none."""
    converter = _converter()
    if converter.traditional.search(text) is None:
        return text
    converted: str = converter.convert(text)
    if len(converted) == len(text):
        return converted
    return text.translate(converter.characters)


def full_width_punctuation(text: str) -> str:
    """``text`` with half-width , ; : ( ) beside Chinese written full width; ``text`` itself when
    there are none.

    Brackets go in pairs first: a pair is folded when its contents hold Chinese (（扩大）), or hold
    no Latin letter and have Chinese outside (第(3)批); (GDP) and (PM2.5) stay. A lone bracket is
    folded when Chinese is on its inner side. Then , ; : are folded when a Chinese character (or
    full-width mark, 5日,（ ) is on either side: 52,000 and 10:30 have digits on both and stay.
    """
    if _HALF_BESIDE_CHINESE.search(text) is None:
        return text

    def beside_chinese(at: int) -> bool:
        return _IS_CHINESE.match(text, at) is not None if 0 <= at < len(text) else False

    def pair(match: re.Match[str]) -> str:
        inner = match.group(1)
        fold = _IS_CHINESE.search(inner) is not None or (
            _LATIN.search(inner) is None and (beside_chinese(match.start() - 1) or beside_chinese(match.end()))
        )
        return f"（{inner}）" if fold else match.group(0)

    text = _BRACKETED.sub(pair, text)

    def lone(match: re.Match[str]) -> str:
        mark = match.group(0)
        inside = match.end() if mark == "(" else match.start() - 1
        return _FULL_WIDTH[mark] if beside_chinese(inside) else mark

    # A search by re for a class of a few characters visits every character in the matcher; str's
    # own search for one character is many times faster, and most texts have none of these left.
    if "(" in text or ")" in text:
        text = _LONE_BRACKET.sub(lone, text)

    def separator(match: re.Match[str]) -> str:
        mark = match.group(0)
        return _FULL_WIDTH[mark] if beside_chinese(match.start() - 1) or beside_chinese(match.end()) else mark

    if "," in text or ";" in text or ":" in text:
        text = _SEPARATOR.sub(separator, text)
    return text


def curly_quotes(text: str) -> str:
    """``text`` with the corner brackets of traditional text read as curly quotes: 「」 as “” and
    『』 as ‘’; ``text`` itself when it has none."""
    if "「" not in text and "」" not in text and "『" not in text and "』" not in text:
        return text  # four searches by str, each faster than one by re for the class of four
    return text.translate(_CORNER_AS_CURLY)


def reading_text(text: str) -> str:
    """The twin the extractors read: simplified characters, full-width punctuation, curly quotes,
    same length.

    Returns ``text`` itself (no copy) when it is already written so.
    """
    twin = curly_quotes(full_width_punctuation(simplified(text)))
    return text if twin == text else twin


def reading_article(article: Article) -> Article:
    """``article`` with its text read as :func:`reading_text` reads it; the article itself when the
    text needs no reading. Everything else (published, title, offsets, raw) is the article's."""
    twin = reading_text(article.text)
    return article if twin is article.text else attrs.evolve(article, text=twin)


def as_written(value: str, original: str, twin: str, near: Span) -> str:
    """The original characters of ``value``, a string read in ``twin``: its occurrence nearest
    ``near`` (one inside it first), taken from ``original`` at the same place. A value not in the
    twin (one an extractor put together) is returned as it is, or as :func:`_put_together`
    finds its parts."""
    if not value:
        return value
    # looked for within PIECES_REACH of the record first, where a record's words stand: the nearest
    # occurrence found there is the nearest in the text (one outside is farther than any inside),
    # and a long text is not searched to its end for each record
    after = twin.find(value, near.start, near.end + PIECES_REACH)
    before = twin.rfind(value, max(0, near.start - PIECES_REACH), near.start + len(value) - 1)
    if after < 0 and before < 0:
        after = twin.find(value, near.start)
        before = twin.rfind(value, 0, near.start + len(value) - 1)
    if after < 0 and before < 0:
        return _put_together(value, original, twin, near)
    gap_after = max(0, after - near.end) if after >= 0 else len(twin)
    gap_before = max(0, near.start - (before + len(value))) if before >= 0 else len(twin)
    at = after if gap_after <= gap_before else before
    return original[at : at + len(value)]


def _put_together(value: str, original: str, twin: str, near: Span) -> str:
    """A value an extractor put together from two places in the text (a body's name and the session
    after its verb: 縣委常委會召開（擴大）會議 gives 县委常委会（扩大）会议): each part's original
    characters, when the value splits into two parts that both stand in the twin (the longest first
    part wins); else the value as it is. The parts are looked for near the record (both stand in
    its sentence), so a long text is not searched end to end once per cut."""
    window = twin[max(0, near.start - PIECES_REACH) : near.end + PIECES_REACH]
    for cut in range(len(value) - 1, 0, -1):
        head, tail = value[:cut], value[cut:]
        if head in window and tail in window:
            return as_written(head, original, twin, near) + as_written(tail, original, twin, near)
    return value


#: How far either side of a record the parts of a value put together are looked for.
PIECES_REACH = 300


def restore(record: _R, original: str, twin: str) -> _R:
    """A record found in ``twin`` as it reads in ``original``: its ``text`` taken at its span, and
    every field marked as written taken from the original characters (a string, a tuple of them,
    or attrs values such as a meeting's chair and attendees, whose own marked fields are)."""
    span = record.span
    restored: _R = restore_written(record, original, twin, span)
    text = original[span.start : span.end]
    if text != record.text:
        restored = attrs.evolve(restored, text=text)
    return restored


def restore_written(instance: _A, original: str, twin: str, near: Span) -> _A:
    """An attrs instance read in ``twin`` (a record, a :class:`~govmetrics.models.Person`) with its
    fields marked as written taken from ``original`` where they stand nearest ``near``."""
    changes: dict[str, Any] = {}
    for name, argument in _marked_fields(type(instance)):
        value = getattr(instance, name)
        new = _restored_value(value, original, twin, near)
        if new is not value:
            changes[argument] = new
    if not changes:
        return instance
    evolve: Any = attrs.evolve  # mypy's attrs plugin cannot check evolve on a type variable
    return cast(_A, evolve(instance, **changes))


@functools.cache
def _marked_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """A class's fields marked as written: (name, its argument name). Only these are read, so a
    record with none (a date) costs one slice of its text."""
    return tuple(
        (field.name, field.alias or field.name)
        for field in attrs.fields(cls)
        if field.init and field.metadata.get(AS_WRITTEN_KEY)
    )


def _restored_value(value: Any, original: str, twin: str, near: Span) -> Any:
    if isinstance(value, str):
        found = as_written(value, original, twin, near)
        return value if found == value else found
    if isinstance(value, tuple):
        items = tuple(_restored_value(item, original, twin, near) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if attrs.has(type(value)):
        return restore_written(value, original, twin, near)
    return value
