"""A text with ``<mark>`` elements around spans of it, nested properly however the spans overlap.

Records overlap: a date inside a meeting's name, a metric inside a cadence (每月至少开展1~2次), a
plugin's record across a built-in one. HTML elements cannot cross, so:

* a span inside another is a mark inside the other's mark (the longer one is the outer);
* two spans that cross (each holding a part of the other) cannot both be whole elements: the one
  opened later is cut where the earlier one closes, and goes on as a second mark with the same
  attributes and ``data-part="more"``. Its characters are then the text of its pieces, in order.

So every span's characters are exactly the characters inside the marks that carry its attributes,
whatever else is marked. The work goes from one span boundary to the next, never character by
character: the text between two boundaries is escaped in one piece.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from govmetrics.html_text import escape_text


@attrs.frozen
class Mark:
    """A span of the text to mark, and the attributes of its ``<mark>`` (already escaped HTML,
    starting with a space: `` data-kind="metric" title="…"``)."""

    start: int
    end: int
    attributes: str
    #: The ``id`` of the mark (a table's link to it), on its first piece only: ids are unique.
    anchor: str = ""


#: The attribute of a mark that goes on a span after a crossing one cut it.
MORE = ' data-part="more"'


def marked_html(text: str, marks: Sequence[Mark]) -> str:
    """``text`` escaped for HTML, with each mark's span wrapped in ``<mark>`` elements.

    :raises ValueError: a mark reaches outside the text.
    """
    for mark in marks:
        if not 0 <= mark.start <= mark.end <= len(text):
            raise ValueError(f"a mark at {mark.start}..{mark.end} is outside a text of {len(text)} characters")
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, i))
    starting: dict[int, list[int]] = {}
    for index in order:
        starting.setdefault(marks[index].start, []).append(index)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    open_marks: list[int] = []  # the marks open at this point, outermost first
    for at, following in zip(cuts, [*cuts[1:], None], strict=True):  # the last cut has no text after it
        reopen = _close(at, open_marks, marks, out)
        new = starting.get(at, [])
        for index in (i for i in new if marks[i].start == marks[i].end):
            out.append(
                f"<mark{_anchor(marks[index])}{marks[index].attributes}></mark>"
            )  # an empty span: a mark with no text
        # the marks to open here, the longest outermost: those going on after a crossing one
        # closed, and those starting here
        opening = [*((i, True) for i in reopen), *((i, False) for i in new if marks[i].start < marks[i].end)]
        opening.sort(key=lambda item: (-marks[item[0]].end, marks[item[0]].start, item[0]))
        for index, more in opening:
            mark = marks[index]
            out.append(f"<mark{mark.attributes}{MORE}>" if more else f"<mark{_anchor(mark)}{mark.attributes}>")
            open_marks.append(index)
        if following is not None:
            out.append(escape_text(text[at:following]))
    return "".join(out)


def _close(at: int, open_marks: list[int], marks: Sequence[Mark], out: list[str]) -> list[int]:
    """Close the marks ending at ``at``, and those opened inside them that go on past it (they
    cannot stay open across a closing tag of an element around them); return the latter, to open
    again, outermost first."""
    first = next((depth for depth, index in enumerate(open_marks) if marks[index].end == at), None)
    if first is None:
        return []
    closed = open_marks[first:]
    del open_marks[first:]
    out.append("</mark>" * len(closed))
    return [index for index in closed if marks[index].end > at]


def _anchor(mark: Mark) -> str:
    return f' id="{escape_text(mark.anchor)}"' if mark.anchor else ""
