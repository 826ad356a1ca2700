"""Newspaper pages typeset into PDF bytes, for the tests of the PDF reader.

The tests need PDFs whose layout they know: where every character was printed, in how many
columns, with which headlines. This module lays out :class:`Story` items the way a district
paper does, with reportlab and its built-in CID font ``STSong-Light`` (no font file needed):

* a story's headline blocks come first (or last, under its columns, with ``headlines_after``),
  spanning all the columns of the page, the first in the biggest type and each further block in
  smaller type, a gap between blocks;
* its body (the dateline, 本报讯（记者…）, opens the first paragraph) is wrapped at the column
  width, each paragraph indented by two characters, its full lines justified by letter spacing
  as papers do, and flows through the columns left to right, the columns' heights balanced;
* （下转N版） follows the body as a line of its own, set right in the last column;
* the next story starts below the tallest column. A page that cannot hold its stories is an
  error, never a silent overflow: each page is given as its own list of stories.

:func:`typeset` returns the PDF and, for each printed character, a :class:`Printed` record of
where it went, so a test can check the boxes the reader gives back.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

# a run of Latin letters and digits is never broken across lines; any other character may be
_TOKENS = re.compile(r"[0-9A-Za-z.,%:/+\-~]+|.", re.DOTALL)
# characters a line may not start with: they are carried up with the character before them
_NO_LINE_START = frozenset("，。、；：？！”’）》」』%")


@dataclass(frozen=True)
class Story:
    """One item of a page: a story, or (with an empty ``body``) a headline whose story is elsewhere.

    ``headlines`` are blocks, each of one or more lines joined by ``\\n``; ``body`` is paragraphs
    joined by ``\\n``; ``continued_on`` prints （下转N版） after the body.
    """

    body: str
    headlines: tuple[str, ...] = ()
    continued_on: str | None = None


@dataclass(frozen=True)
class Layout:
    """Page size and type, in PDF points. A broadsheet-like page by default."""

    columns: int = 2
    width: float = 842.0
    height: float = 1191.0
    margin: float = 40.0
    gutter: float = 16.0
    body_size: float = 10.0
    leading: float = 13.0
    headline_sizes: tuple[float, ...] = (20.0, 15.0)
    story_gap: float = 26.0
    justify: bool = True
    #: print each story's headlines under its body, as many district papers do
    headlines_after: bool = False
    #: letter spacing of headlines, in ems (papers space short headlines out)
    headline_spacing: float = 0.0

    @property
    def column_width(self) -> float:
        return (self.width - 2 * self.margin - (self.columns - 1) * self.gutter) / self.columns


@dataclass(frozen=True)
class Printed:
    """One character as printed: page (1-based), its left edge, baseline and right edge (its
    advance, without the letter ``spacing`` of its line after it), its size."""

    char: str
    page: int
    x0: float
    baseline: float
    x1: float
    size: float
    spacing: float


@dataclass
class _Page:
    canvas: canvas.Canvas
    number: int
    layout: Layout
    printed: list[Printed] = field(default_factory=list)

    def line(self, text: str, x: float, baseline: float, size: float, spacing: float = 0.0) -> None:
        """Print ``text`` from ``x``, with ``spacing`` points added after each character but the last."""
        if not text:
            return
        words = self.canvas.beginText(x, baseline)
        words.setFont(FONT, size)
        words.setCharSpace(spacing)
        words.textOut(text)
        self.canvas.drawText(words)
        at = x
        for char in text:
            advance = pdfmetrics.stringWidth(char, FONT, size)
            self.printed.append(Printed(char, self.number, at, baseline, at + advance, size, spacing))
            at += advance + spacing


def _wrap(paragraph: str, width: float, size: float) -> list[tuple[str, bool]]:
    """The lines of a paragraph set ``width`` wide, the first indented two characters; each with
    whether it is full (and so justified)."""
    lines: list[tuple[str, bool]] = []
    line: list[str] = []
    room = width - 2 * size
    for token in _TOKENS.findall(paragraph):
        needed = pdfmetrics.stringWidth(token, FONT, size)
        if line and needed > room:
            carried = [line.pop()] if token[0] in _NO_LINE_START and len(line) > 1 else []
            lines.append(("".join(line), True))
            line = carried
            room = width - sum(pdfmetrics.stringWidth(t, FONT, size) for t in line)
        line.append(token)
        room -= needed
    if line:
        lines.append(("".join(line), False))
    return lines


def _print_headlines(page: _Page, story: Story, top: float) -> float:
    """Print the story's headline blocks from ``top`` down; the y they end at."""
    layout = page.layout
    y = top
    for index, block in enumerate(story.headlines):
        size = layout.headline_sizes[min(index, len(layout.headline_sizes) - 1)]
        spacing = layout.headline_spacing * size
        for text in block.split("\n"):
            y -= size * 1.25
            if pdfmetrics.stringWidth(text, FONT, size) + spacing * len(text) > layout.width - 2 * layout.margin:
                raise ValueError(f"headline too wide for the page: {text}")
            page.line(text, layout.margin, y, size, spacing)
        y -= size * 0.8
    return y


def _print_body(page: _Page, story: Story, top: float) -> float:
    """Print the story's body (and its （下转N版）) through the columns from ``top``; the y its
    lowest line ends at."""
    layout = page.layout
    size = layout.body_size
    lines = [line for paragraph in story.body.split("\n") if paragraph for line in _wrap_indented(paragraph, layout)]
    if story.continued_on is not None:
        marker = f"（下转{story.continued_on}版）"
        lines.append((layout.column_width - pdfmetrics.stringWidth(marker, FONT, size), marker, False))
    per_column = math.ceil(len(lines) / layout.columns) if lines else 0
    lowest = top
    for number in range(layout.columns):
        left = layout.margin + number * (layout.column_width + layout.gutter)
        baseline = top - size
        for indent, text, full in lines[number * per_column : (number + 1) * per_column]:
            natural = pdfmetrics.stringWidth(text, FONT, size)
            gaps = len(text) - 1
            spacing = (layout.column_width - indent - natural) / gaps if full and layout.justify and gaps else 0.0
            page.line(text, left + indent, baseline, size, spacing)
            lowest = min(lowest, baseline - size * 0.3)
            baseline -= layout.leading
    return lowest


def _print_story(page: _Page, story: Story, top: float) -> float:
    """Print ``story`` with its top at ``top``; the y its lowest line ends at."""
    layout = page.layout
    if layout.headlines_after:
        lowest = _print_headlines(page, story, _print_body(page, story, top) - (layout.story_gap if story.body else 0))
    else:
        lowest = _print_body(page, story, _print_headlines(page, story, top))
    if lowest < layout.margin:
        raise ValueError(f"page {page.number} cannot hold its stories: make it taller or give it fewer")
    return lowest


def _wrap_indented(paragraph: str, layout: Layout) -> list[tuple[float, str, bool]]:
    wrapped = _wrap(paragraph, layout.column_width, layout.body_size)
    return [(2 * layout.body_size if at == 0 else 0.0, text, full) for at, (text, full) in enumerate(wrapped)]


def typeset(
    pages: Sequence[Sequence[Story]], layout: Layout = Layout(), title: str | None = None
) -> tuple[bytes, list[Printed]]:
    """The PDF of ``pages`` (each a list of stories, printed top to bottom) and where each character went."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(layout.width, layout.height))
    if title is not None:
        pdf.setTitle(title)
    printed: list[Printed] = []
    for number, stories in enumerate(pages, start=1):
        page = _Page(pdf, number, layout)
        top = layout.height - layout.margin
        for story in stories:
            top = _print_story(page, story, top) - layout.story_gap
        printed.extend(page.printed)
        pdf.showPage()
    pdf.save()
    return out.getvalue(), printed
