"""Newspaper pages into articles: stories found, headlines and bylines attached, continuations read.

A page of text from a newspaper PDF holds several stories, each opened by a dateline (本报讯,
本报讯（记者王哲李思婵）), their headlines as short lines that end no sentence, sometimes printed
after the story rather than before it, and markers such as （下转2版）. :func:`split_page` reads
such a page into :class:`~govmetrics.models.Article` records:

* **Blocks.** The page is cut at blank lines. A block that opens with a dateline starts a story;
  a block of short lines that ends no sentence and is followed by a story, another such block
  or the end of the page is a headline; （下转N版） and （上接N版） are continuation markers; every
  other block continues the story before it (a PDF column that ends mid-sentence leaves a blank
  line inside a sentence).
* **Pages.** A text of several pages (a PDF's, pages separated by form feeds) breaks blocks at
  each page break, and no story runs on over one unless its markers say so: a story that ends
  with （下转2版） and the one on page 2 that opens with （上接1版） become one article
  (:mod:`govmetrics.page_continuations`).
* **Headlines** go to the story they speak of: the neighbouring story, before or after, whose
  text shares most of the headline's character pairs. Layouts differ (headline first, or last,
  as on many district papers), and this reads both. A headline that shares little with either
  neighbour heads a story printed on another page: it becomes an article with no text.
* **Bylines**: the roles in the dateline's brackets (记者, 通讯员, 实习记者 …) give each name as a
  Person with that role as title; names run together (王哲李思婵) are cut into whole names by
  surname and length. The surnames are the ``surnames`` lexicon of the lexicons passed in, or
  of the plugin host's when none are (so a plugin's surnames count here too).

Each article's ``text`` is its cleaned body, and ``raw`` is the whole page, so ``raw_span`` of any
record points into the page.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array

import attrs

from govmetrics.documents import parse_published
from govmetrics.lexicon import Lexicons
from govmetrics.models import Article, Person, Span
from govmetrics.names import NameLexicon, name_lengths, name_lexicon
from govmetrics.offsets import OFFSET_TYPE, OffsetMap
from govmetrics.page_continuations import join_continued
from govmetrics.plugins import get_plugin_host
from govmetrics.reading import reading_text, restore_written

# a blank line, or a page break (a form feed, as between the pages of a PDF's text)
_BLOCK_BREAK = re.compile(r"(?:\n[ \t\u3000]*\n|\f)\s*")
_DATELINE = re.compile(r"\s*(?:本报讯|[\u4e00-\u9fff]{2,8}讯)\s*(?:[（(](?P<byline>[^）)]{0,60})[）)])?\s*")
_MARKER = re.compile(
    r"[（(]\s*(?P<kind>下转|上接|转|接)\s*(?:第\s*)?(?P<page>[\d一二三四五六七八九十A-Z]+)\s*版\s*[）)]"
)
_ROLES = ("特约通讯员", "实习记者", "见习记者", "特约记者", "摄影记者", "通讯员", "实习生", "记者", "摄影")
_SENTENCE_ENDS = "。！？!?；;…"
_HEADLINE_LINE = 26  # a headline line is short; body lines of a narrow column are short too, so
# a headline is also known by what surrounds it (see _is_headline)
_ORPHAN_BELOW = 0.35


@attrs.define
class _Block:
    start: int
    end: int
    text: str
    kind: str = "body"  # body, story, headline, marker
    sheet: int = 0  # which page of a text of several (pages separated by \f), from 0


def _blocks(page: str) -> list[_Block]:
    blocks = []
    pos = 0
    sheet = 0
    for match in _BLOCK_BREAK.finditer(page):
        if page[pos : match.start()].strip():
            blocks.append(_Block(pos, match.start(), page[pos : match.start()], sheet=sheet))
        sheet += match.group().count("\f")
        pos = match.end()
    if page[pos:].strip():
        blocks.append(_Block(pos, len(page), page[pos:], sheet=sheet))
    return blocks


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _headline_shape(block: _Block) -> bool:
    lines = [line.strip() for line in block.text.splitlines() if line.strip()]
    if not lines or len(lines) > 4:
        return False
    squashed = _squash(block.text).rstrip("”』」’")  # a closing quote ends a sentence only after 。
    if not squashed or squashed[-1] in _SENTENCE_ENDS or _MARKER.search(block.text):
        return False
    outside_quotes = re.sub(r"“[^”]*”", "", squashed)
    return all(len(_squash(line)) <= _HEADLINE_LINE for line in lines) and not re.search(r"[，。；]", outside_quotes)


def _classify(blocks: list[_Block]) -> None:
    for block in blocks:
        if _DATELINE.match(block.text) and re.match(r"\s*(?:本报讯|[\u4e00-\u9fff]{2,8}讯)", block.text):
            block.kind = "story"
        elif _MARKER.fullmatch(_squash(block.text)):
            block.kind = "marker"
    # a headline is followed by a story, another headline, or the end of the page
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if block.kind != "body" or not _headline_shape(block):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.sheet != block.sheet or following.kind in ("story", "headline"):
            block.kind = "headline"


def _pairs(text: str) -> set[str]:
    text = re.sub(r"[^\u4e00-\u9fff\d]", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _share(headline: str, body: str) -> float:
    pairs = _pairs(headline)
    if not pairs:
        return 0.0
    body_pairs = _pairs(body)
    return len(pairs & body_pairs) / len(pairs)


@attrs.define
class _Story:
    blocks: list[_Block]
    headlines: list[_Block] = attrs.Factory(list)
    continued_on: str | None = None
    continued_from: str | None = None

    @property
    def body(self) -> str:
        return "".join(b.text for b in self.blocks)


def _stories(blocks: list[_Block]) -> list[_Story]:
    """Stories in page order, each with the headline blocks that speak of it."""
    stories: list[_Story] = []
    runs: list[list[_Block]] = []
    run: list[_Block] = []
    runs_after: list[int] = []
    current: _Story | None = None
    sheet = 0
    came_from: str | None = None  # a （上接N版） standing alone, before the story it opens
    for block in blocks:
        if block.sheet != sheet:
            current, sheet = None, block.sheet  # no story runs on over a page break unmarked
        if block.kind == "headline":
            run.append(block)
            current = None
            continue
        if run:
            runs.append(run)
            runs_after.append(len(stories) - 1)
            run = []
        if block.kind == "marker":
            marker = _MARKER.search(block.text)
            target = current or (stories[-1] if stories else None)
            if marker and marker.group("kind") in ("上接", "接") and current is None:
                came_from = marker.group("page")
            elif marker and target is not None:
                if marker.group("kind") in ("下转", "转"):
                    target.continued_on = marker.group("page")
                else:
                    target.continued_from = marker.group("page")
            continue
        if block.kind == "story" or current is None:
            current = _Story(blocks=[block], continued_from=came_from)
            stories.append(current)
            came_from = None
        else:
            current.blocks.append(block)
    if run:
        runs.append(run)
        runs_after.append(len(stories) - 1)
    for run, before in zip(runs, runs_after, strict=True):
        _assign(run, stories, before)
    _assign_by_layout(runs, runs_after, stories)
    return stories


def _assign(run: list[_Block], stories: list[_Story], before: int) -> None:
    """Give each headline block of a run to the neighbouring story it speaks of, or to none."""
    after = before + 1
    for block in run:
        scores = []
        if before >= 0:
            scores.append((_share(block.text, stories[before].body), before))
        if after < len(stories):
            scores.append((_share(block.text, stories[after].body), after))
        best = max(scores, default=(0.0, -1))
        if best[0] >= _ORPHAN_BELOW:
            stories[best[1]].headlines.append(block)
        else:
            block.kind = "orphan"


def _assign_by_layout(runs: list[list[_Block]], runs_after: list[int], stories: list[_Story]) -> None:
    """A headline too short to share words with its story goes where the page puts headlines.

    The headlines matched by their words tell whether this page prints them after the story or
    before it; an unmatched one then heads the story on that side, if that story has none yet
    (a second unmatched headline stays a headline of a story on another page).
    """
    after = before = 0
    for run, index in zip(runs, runs_after, strict=True):
        for block in run:
            if block.kind != "headline":
                continue
            if index >= 0 and block in stories[index].headlines:
                after += 1
            elif index + 1 < len(stories) and block in stories[index + 1].headlines:
                before += 1
    if after == before:
        after = 1 if runs_after and runs_after[0] >= 0 else 0  # no evidence: the page's first block decides
        before = 1 - after
    for run, index in zip(runs, runs_after, strict=True):
        target = index if after > before else index + 1
        if not 0 <= target < len(stories) or stories[target].headlines:
            continue
        orphans = [b for b in run if b.kind == "orphan"]
        if orphans:
            block = orphans[0] if after > before else orphans[-1]
            block.kind = "headline"
            stories[target].headlines.append(block)


def split_byline(byline: str, *, lexicons: Lexicons | None = None) -> tuple[Person, ...]:
    """Reporters from a dateline's brackets: 记者 王哲 李思婵 / 记者王哲李思婵 通讯员孔存娣.

    Names run together are cut by the surnames of ``lexicons`` (by default, the plugin host's).
    """
    names = name_lexicon(lexicons if lexicons is not None else get_plugin_host().lexicons())
    squashed = _squash(byline)
    parts = re.split(f"({'|'.join(_ROLES)})", squashed)
    found: list[Person] = []
    role = ""
    for part in parts:
        if part in _ROLES:
            role = part
            continue
        for name in _split_names(names, part.strip("、，,")):
            found.append(Person(name=name, titles=(role,) if role else ()))
    return tuple(found)


def _split_names(names: NameLexicon, run: str) -> list[str]:
    """Cut names written together into whole names, each a surname and one or two characters more."""
    if not run:
        return []
    pieces = re.split(r"[、，,\s]+", run)
    if len(pieces) > 1:
        return [name for piece in pieces for name in _split_names(names, piece)]
    best: list[str] | None = None

    def walk(at: int, cut: list[str]) -> None:
        nonlocal best
        if at == len(run):
            if best is None or len(cut) < len(best):
                best = list(cut)
            return
        for length in name_lengths(names, run, at):
            if at + length <= len(run):
                walk(at + length, [*cut, run[at : at + length]])

    walk(0, [])
    return best if best is not None else [run]


def _title_and_headlines(blocks: list[_Block]) -> tuple[str | None, tuple[str, ...]]:
    headlines = tuple(re.sub(r"\s+", " ", " ".join(b.text.split("\n"))).strip() for b in blocks)
    headlines = tuple(h for h in headlines if h)
    if not headlines:
        return None, ()
    single = [re.sub(r"\s+", " ", b.text.strip()) for b in blocks if len(b.text.strip().splitlines()) == 1]
    title = max(single, key=len) if single else headlines[0]
    return title, headlines


def _onto(article: Article, page: str, mapping: array[int]) -> Article:
    """An article of an untangled page, its offsets taken back to the page as printed."""
    offsets = article.offsets if article.offsets is not None else range(len(article.text) + 1)
    return attrs.evolve(article, raw=page, offsets=OffsetMap.from_indices(mapping[at] for at in offsets))


def _as_given(blocks: list[_Block], page: str) -> list[_Block]:
    """Blocks found in the reading view, with their text as the page gives it."""
    return [_Block(block.start, block.end, page[block.start : block.end], block.kind) for block in blocks]


def _article(page: str, seen: str, story: _Story, published: dt.date | None, lexicons: Lexicons | None) -> Article:
    """The article of one story; ``seen`` is the page's reading view, where its patterns look."""
    start, end = story.blocks[0].start, story.blocks[-1].end
    byline: tuple[Person, ...] = ()
    dateline = _DATELINE.match(seen, start)
    if story.blocks[0].kind == "story" and dateline is not None:
        if dateline.group("byline"):
            near = Span(start=dateline.start("byline"), end=dateline.end("byline"))
            byline = tuple(
                restore_written(person, page, seen, near)
                for person in split_byline(dateline.group("byline"), lexicons=lexicons)
            )
        start = dateline.end()
    continued_on, continued_from = story.continued_on, story.continued_from
    # markers written inside the story's own lines: （上接1版）会议要求…, …监督实效。（下转2版）
    leading = re.compile(rf"\s*{_MARKER.pattern}\s*").match(seen, start, end)
    if leading:
        continued_from = leading.group("page") if leading.group("kind") in ("上接", "接") else continued_from
        start = leading.end()
    markers = list(_MARKER.finditer(seen, start, end))
    trailing = markers[-1] if markers else None
    if trailing and not seen[trailing.end() : end].strip():
        if trailing.group("kind") in ("下转", "转"):
            continued_on = trailing.group("page")
        end = trailing.start()
    title, headlines = _title_and_headlines(_as_given(story.headlines, page))
    return Article.from_page(
        page,
        start,
        end,
        published=published,
        title=title,
        headlines=headlines,
        byline=byline,
        continued_on=continued_on,
        continued_from=continued_from,
    )


_COLUMN_GAP = re.compile(r"(?<=\S)(?: {3,}|\t+| *\u3000{2,} *)(?=\S)")


def _untangle_columns(page: str) -> tuple[str, array[int]] | None:
    """A page laid out in two columns side by side, read column by column, with a map back.

    Text extracted with its layout kept (pdftotext -layout) prints the two columns of a page on
    the same lines, separated by a wide gap: line 1 of the left column, gap, line 1 of the right.
    When most lines have one such gap, the left parts are read first and the right parts after,
    and the returned map gives, for each character, its index in ``page``.
    """
    lines = page.split("\n")
    written = [line for line in lines if line.strip()]
    gapped = [line for line in written if len(_COLUMN_GAP.findall(line.strip())) == 1]
    if len(gapped) < 3 or len(gapped) < 0.5 * len(written):
        return None
    left: list[tuple[str, int]] = []
    right: list[tuple[str, int]] = []
    at = 0
    for line in lines:
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        gap = _COLUMN_GAP.search(line, indent)
        if gap is not None:
            left.append((line[: gap.start()], at))
            right.append((line[gap.end() :], at + gap.end()))
        elif indent >= 3:
            right.append((stripped, at + indent))
        else:
            left.append((line, at))
        at += len(line) + 1
    pieces: list[str] = []
    mapping: array[int] = array(OFFSET_TYPE)
    for column in (left, right):
        for text, start in column:
            pieces.append(text + "\n")
            mapping.extend(range(start, start + len(text)))
            mapping.append(min(start + len(text), len(page) - 1))
        pieces.append("\n")
        mapping.append(mapping[-1] if mapping else 0)
    mapping.append(len(page))
    return "".join(pieces), mapping


def split_page(page: str, published: dt.date | str | None = None, *, lexicons: Lexicons | None = None) -> list[Article]:
    """The stories of a newspaper page, in page order, as articles; headlines with no story on the
    page come last, as articles with no text.

    A text of several pages (separated by form feeds, as :func:`govmetrics.readers.pdf.read_pdf`
    gives a PDF's) is read page by page, no story running on over a page break unless its
    markers say so: a story that ends with （下转2版） and the one on page 2 that opens with
    （上接1版） make one article (the first page being 1版).

    Bylines are cut into names by the surnames of ``lexicons``; by default, the plugin host's
    (:meth:`~govmetrics.plugins.PluginHost.lexicons`).
    """
    untangled = _untangle_columns(page)
    if untangled is not None:
        text, mapping = untangled
        return [_onto(article, page, mapping) for article in split_page(text, published, lexicons=lexicons)]
    date = parse_published(published)
    # datelines, markers and headlines are found in the reading view (本報訊, 下轉2版, half-width
    # brackets), at the same offsets; articles, titles and bylines keep the page's own characters
    seen = reading_text(page)
    blocks = _blocks(seen)
    _classify(blocks)
    stories = _stories(blocks)
    articles = [_article(page, seen, story, date, lexicons) for story in stories]
    if "\f" in page:
        articles = join_continued([story.blocks[0].sheet for story in stories], articles)
    for block in blocks:
        if block.kind == "orphan":
            title, headlines = _title_and_headlines(_as_given([block], page))
            empty = OffsetMap.identity(1, block.start)
            articles.append(Article(text="", published=date, title=title, headlines=headlines, raw=page, offsets=empty))
    return articles
