"""The reading order of a PDF page, found from where its characters are printed.

A PDF gives characters with boxes, in the order the file draws them, which is seldom the order
a reader reads a newspaper page in. This module rebuilds the page's text from the boxes alone:

1. **Line pieces.** Characters that follow each other in the file, on the same line (each one's
   middle inside the other's height), in the same type size, with no more than
   :data:`_PIECE_GAP` ems between them (or more, when they are spaced as evenly as their
   neighbours: a spaced-out headline), are one piece. Justified Chinese lines are printed with
   wide letter spacing; the characters of a piece are joined as the file gives them, with no
   space put between them (the PDF library's own word spaces inside a piece are kept).
2. **Columns and bands** (a recursive XY cut). A region is first cut above each headline (a
   row in bigger type than the region's body, under no row in that type, with no line of text
   beside it) that a clear strip across the whole region parts from what is above it. A region
   that a vertical gutter (an x range no piece crosses, at least :data:`_GUTTER` ems wide)
   divides is read gutter by gutter, left to right, except that the top of a column that no
   headline opens goes on the story of the columns before it and is read before what comes
   under that story (:func:`_columns_in_order`). One that none divides is cut into horizontal
   bands wherever the rows above and below differ in kind: rows that a gutter divides
   (columns) and rows that none does (a headline spanning the columns under it). A headline
   thus comes where it sits, before the columns under it; a region no cut divides is a run of
   lines, read top to bottom.
3. **Blocks.** Inside such a run, a line in another type size, or one further below the line
   before it than the page's usual line spacing for that size, starts a new block. Every run
   starts one too, so a change of column is a block break. A block of one character a line,
   each under the one before, is a headline set vertically (竖排标题): it is read as one line.

The page's text is its blocks joined by blank lines, each printed line one line of text. The
pipeline then reads the blocks as a page of text (:func:`govmetrics.split_page`).
"""

from __future__ import annotations

import itertools
import statistics
from array import array
from collections.abc import Iterable, Sequence

import attrs

#: Most space between two characters of one line piece, in ems of their type.
_PIECE_GAP = 0.8
#: Most space between evenly spaced characters of one piece, and how evenly, in ems.
_SPACED_GAP = 3.0
_EVEN = 0.1
#: Least width of a gutter between columns, in ems of the page's body type.
_GUTTER = 0.6
#: A line further below the one before it than this many times the usual spacing starts a block.
_BLOCK_GAP = 1.3
#: Two type sizes differing by more than this share are different type (a headline over a body).
_SIZE_STEP = 0.15
#: How much of a piece's height, at top and bottom, is left out when rows are found: boxes of
#: tightly set lines touch, and their rows must not run into one another.
_ROW_INSET = 0.15


@attrs.frozen
class PageChars:
    """A page's characters as the PDF library gives them, in file order.

    ``text[i]`` is character ``i``; ``x0 … y1`` its box in PDF points (origin bottom left),
    ``size`` its type size; ``generated`` says which characters the library put in itself (the
    line breaks and word spaces it guesses), which have no box of their own.
    """

    text: str
    x0: Sequence[float]
    y0: Sequence[float]
    x1: Sequence[float]
    y1: Sequence[float]
    size: Sequence[float]
    generated: Sequence[bool]


def _turn(x: float, y: float, rotation: int, width: float, height: float) -> tuple[float, float]:
    """Where the point (x, y) of a page ``width`` x ``height`` shows once the page is turned."""
    turn = rotation % 360
    if turn == 90:
        return y, width - x
    if turn == 180:
        return width - x, height - y
    return height - y, x  # 270


def upright(chars: PageChars, rotation: int, width: float, height: float) -> PageChars:
    """``chars`` with their boxes as a reader sees the page: a page whose ``/Rotate`` turns it by
    ``rotation`` degrees clockwise (its unturned size ``width`` x ``height``) shows text that runs
    up or down its own coordinates as lines across, and it is those lines the layout reads."""
    if rotation % 360 == 0:
        return chars
    x0, y0, x1, y1 = (array("d", values) for values in (chars.x0, chars.y0, chars.x1, chars.y1))
    for i in range(len(chars.text)):
        (ax, ay), (bx, by) = (_turn(x, y, rotation, width, height) for x, y in ((x0[i], y0[i]), (x1[i], y1[i])))
        x0[i], y0[i], x1[i], y1[i] = min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
    return attrs.evolve(chars, x0=x0, y0=y0, x1=x1, y1=y1)


@attrs.frozen
class PageText:
    """A page's text in reading order: ``sources[i]`` is the index in :class:`PageChars` of
    ``text[i]`` and ``pieces[i]`` the line piece it belongs to, both -1 for the line and block
    breaks put in."""

    text: str
    sources: array[int]
    pieces: array[int]


@attrs.define
class _Piece:
    chars: list[int]
    x0: float
    y0: float
    x1: float
    y1: float
    size: float

    @classmethod
    def of(cls, chars: PageChars, indices: list[int]) -> _Piece:
        """The piece of these characters: the box around the printed ones, their median size
        (sizes read off boxes differ a little from glyph to glyph)."""
        drawn = [i for i in indices if not chars.generated[i]]
        return cls(
            indices,
            min([chars.x0[i] for i in drawn]),
            min([chars.y0[i] for i in drawn]),
            max([chars.x1[i] for i in drawn]),
            max([chars.y1[i] for i in drawn]),
            statistics.median([chars.size[i] for i in drawn]),
        )


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= _SIZE_STEP * max(a, b)


def _gap(chars: PageChars, a: int, b: int) -> float | None:
    """The space from character ``a`` to ``b`` when ``b`` is on ``a``'s line (each one's middle
    inside the other's height) in the same type; ``None`` when it is not."""
    if not _same_size(chars.size[a], chars.size[b]):
        return None
    middle_a = (chars.y0[a] + chars.y1[a]) / 2
    middle_b = (chars.y0[b] + chars.y1[b]) / 2
    if not (chars.y0[a] <= middle_b <= chars.y1[a] and chars.y0[b] <= middle_a <= chars.y1[b]):
        return None
    return chars.x0[b] - chars.x1[a]


def _pieces(chars: PageChars) -> list[_Piece]:
    """The page's line pieces, in file order; the library's line breaks are left out, and its word
    spaces kept only between two characters of one piece.

    A gap wider than :data:`_PIECE_GAP` (up to :data:`_SPACED_GAP`) still joins when the gap
    before or after it is as wide: a line set with wide letter spacing (a spaced-out headline, a
    short justified line) spaces its characters evenly, where a gutter follows tight text.
    """
    drawn = [i for i, char in enumerate(chars.text) if char >= " " and not chars.generated[i]]
    gaps = [_gap(chars, a, b) for a, b in itertools.pairwise(drawn)]
    groups: list[list[int]] = []
    for k, index in enumerate(drawn):
        gap = gaps[k - 1] if k else None
        em = chars.size[index]
        joins = gap is not None and -0.3 * em <= gap <= _PIECE_GAP * em
        if not joins and gap is not None and 0 < gap <= _SPACED_GAP * em:
            beside = (gaps[k - 2] if k > 1 else None, gaps[k] if k < len(gaps) else None)
            joins = any(other is not None and abs(other - gap) <= _EVEN * em for other in beside)
        if joins:
            # the library's word spaces between the two, kept inside the piece
            groups[-1].extend(i for i in range(drawn[k - 1] + 1, index) if chars.text[i] == " ")
            groups[-1].append(index)
        else:
            groups.append([index])
    return [_Piece.of(chars, group) for group in groups]


def _rows(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces grouped by the height they are printed at, top row first; pieces whose heights
    overlap (less their insets) share a row, and so do the lines of columns set a little out of step."""
    rows: list[list[_Piece]] = []
    bottom = 0.0
    for piece in sorted(pieces, key=lambda p: -p.y1):
        inset = (piece.y1 - piece.y0) * _ROW_INSET
        top, low = piece.y1 - inset, piece.y0 + inset
        if rows and top > bottom:
            rows[-1].append(piece)
            bottom = min(bottom, low)
        else:
            rows.append([piece])
            bottom = low
    return rows


def _covered(ranges: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """The x ranges given, merged where they touch, left to right."""
    merged: list[tuple[float, float]] = []
    for x0, x1 in sorted(ranges):
        if merged and x0 <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


def _spans(pieces: Iterable[_Piece]) -> list[tuple[float, float]]:
    return [(piece.x0, piece.x1) for piece in pieces]


def _gutters(covered: list[tuple[float, float]], gutter: float) -> list[float]:
    """The middles of the gaps between covered ranges that are gutters."""
    return [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(covered) if b[0] - a[1] >= gutter]


def _bands(rows: list[list[_Piece]], gutter: float) -> list[list[_Piece]]:
    """Consecutive rows grouped where the page changes between columns and spanning lines."""
    bands: list[list[_Piece]] = []
    covered: list[tuple[float, float]] = []  # by the band so far, kept merged: a few ranges
    columned = False
    for row in rows:
        row_covered = _covered(_spans(row))
        row_columned = bool(_gutters(row_covered, gutter))
        together = _covered([*covered, *row_covered])
        if bands and ((columned and _gutters(together, gutter)) or not (columned or row_columned)):
            bands[-1].extend(row)
            covered = together
        else:
            bands.append(list(row))
            covered, columned = row_covered, row_columned
    return bands


def _headline_cuts(rows: list[list[_Piece]]) -> list[int]:
    """The rows above which a clear strip runs across the whole region and a headline starts.

    Such a strip parts one story from the next even where a gutter runs down both: a story set in
    three columns whose last column is short, and under it a headline over two of them.
    """
    body = _body_size(rows)
    cuts = []
    for index in range(1, len(rows)):
        above, below = rows[index - 1], rows[index]
        clear = max(p.y1 for p in below) <= min(p.y0 for p in above) + 0.1 * body
        heads = [p for p in below if p.size > body and not _same_size(p.size, body)]
        if not (clear and heads):
            continue
        # the second line of a headline goes with the first; a headline beside lines of text
        # (a story starting low in one column, the columns beside it going on) parts nothing
        foot = min(p.y0 for p in heads)
        beside = any(p.y1 > foot + 0.1 * body for p in below if p not in heads)
        if not beside and not any(_same_size(p.size, head.size) for p in above for head in heads):
            cuts.append(index)
    return cuts


def _columns_in_order(groups: list[list[_Piece]]) -> list[list[_Piece]]:
    """Columns (left to right) in the order they are read: the first column's text down to its
    next headline, then the top of each column after it that no headline opens (the same
    story, going on), then the rest of each column, left to right.

    A story set over three columns whose last column is short, and under it a story over the
    first two and another in the third, has a gutter down the whole region; read column group
    by column group, the story above would lose its third column to the one below it. A column
    that opens with its own headline is a story of its own and keeps its place.
    """
    tops: list[list[_Piece]] = []
    rests: list[list[_Piece]] = []
    for index, group in enumerate(groups):
        rows = _rows(group)
        if index and _opens_with_headline(rows):
            rests.append(group)
            continue
        cuts = _headline_cuts(rows)
        split = cuts[0] if cuts else len(rows)
        tops.append([piece for row in rows[:split] for piece in row])
        rests.append([piece for row in rows[split:] for piece in row])
    return [part for part in tops + rests if part]


def _opens_with_headline(rows: list[list[_Piece]]) -> bool:
    body = _body_size(rows)
    return any(piece.size > body and not _same_size(piece.size, body) for piece in rows[0])


def _body_size(rows: list[list[_Piece]]) -> float:
    """The type size most characters of the rows are set in."""
    return statistics.median([piece.size for row in rows for piece in row for _ in piece.chars])


def _reading_order(pieces: list[_Piece], gutter: float) -> list[list[list[_Piece]]]:
    """Runs of lines (each a list of pieces, left to right) in reading order."""
    rows = _rows(pieces)
    if len(rows) > 1:
        cuts = _headline_cuts(rows)
        if cuts:
            parts = [rows[a:b] for a, b in zip([0, *cuts], [*cuts, len(rows)], strict=True)]
            return [run for part in parts for run in _reading_order([p for row in part for p in row], gutter)]
        gutters = _gutters(_covered(_spans(pieces)), gutter)
        if gutters:
            groups: list[list[_Piece]] = [[] for _ in range(len(gutters) + 1)]
            for piece in pieces:
                groups[sum(1 for at in gutters if piece.x0 > at)].append(piece)
            return [run for part in _columns_in_order(groups) for run in _reading_order(part, gutter)]
        bands = _bands(rows, gutter)
        if len(bands) > 1:
            return [run for band in bands for run in _reading_order(band, gutter)]
    return [[sorted(row, key=lambda p: p.x0) for row in rows]]


def _line_size(line: list[_Piece]) -> float:
    return max(line, key=lambda p: len(p.chars)).size


def _usual_spacing(runs: list[list[list[_Piece]]]) -> dict[float, float]:
    """For each type size (to the half point), the median distance between one line and the next."""
    found: dict[float, list[float]] = {}
    for run in runs:
        for above, below in itertools.pairwise(run):
            size = _line_size(above)
            pitch = min(p.y0 for p in above) - min(p.y0 for p in below)
            if _same_size(size, _line_size(below)) and 0 < pitch < 3 * size:
                found.setdefault(round(size * 2) / 2, []).append(pitch)
    return {size: statistics.median(pitches) for size, pitches in found.items()}


def _blocks(runs: list[list[list[_Piece]]]) -> list[list[list[_Piece]]]:
    """The runs cut into blocks at changes of type size and at gaps wider than the usual spacing."""
    usual = _usual_spacing(runs)
    blocks: list[list[list[_Piece]]] = []
    for run in runs:
        blocks.append([run[0]])
        for above, below in itertools.pairwise(run):
            size = _line_size(above)
            pitch = min(p.y0 for p in above) - min(p.y0 for p in below)
            spacing = usual.get(round(size * 2) / 2, 1.3 * size)
            if not _same_size(size, _line_size(below)) or pitch > _BLOCK_GAP * max(spacing, size):
                blocks.append([below])
            else:
                blocks[-1].append(below)
    return blocks


def _stacked(block: list[list[_Piece]]) -> bool:
    """Whether the block is a headline set vertically: one character a line, each under the last."""
    if len(block) < 2 or any(len(line) != 1 or len(line[0].chars) != 1 for line in block):
        return False
    left = [line[0].x0 for line in block]
    return max(left) - min(left) <= 0.2 * block[0][0].size


def read_page(chars: PageChars) -> PageText:
    """The page's text in reading order, as the module docstring describes."""
    pieces = _pieces(chars)
    text: list[str] = []
    sources: array[int] = array("i")
    piece_ids: array[int] = array("i")
    if not pieces:
        return PageText("", sources, piece_ids)
    body = statistics.median(piece.size for piece in pieces for _ in piece.chars)  # the size most text is set in
    number = 0
    for block_index, lines in enumerate(_blocks(_reading_order(pieces, _GUTTER * body))):
        block = [[piece for line in lines for piece in line]] if _stacked(lines) else lines
        if block_index:
            text.append("\n\n")
            sources.extend((-1, -1))
            piece_ids.extend((-1, -1))
        for line_index, line in enumerate(block):
            if line_index:
                text.append("\n")
                sources.append(-1)
                piece_ids.append(-1)
            for piece in line:
                text.append("".join(chars.text[i] for i in piece.chars))
                sources.extend(piece.chars)
                piece_ids.extend([-1 if chars.generated[i] else number for i in piece.chars])
                number += 1
    return PageText("".join(text), sources, piece_ids)
