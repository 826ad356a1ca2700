"""Stories continued on another page of the same text made one article.

A newspaper story that does not fit its page ends with （下转2版） and goes on, on page 2, in a
block that opens with （上接1版）. When a text holds the paper's pages (a PDF's, its pages
separated by form feeds), :func:`govmetrics.split_page` reads each part as an article with
``continued_on`` and ``continued_from`` set; :func:`join_continued` then makes the two one
article, whose offsets map each part's characters to where they stand in the text.
"""

from __future__ import annotations

import attrs

from govmetrics.models import Article
from govmetrics.offsets import OffsetMap

#: A first part ending in one of these ends a sentence; the second part then starts a new line.
_SENTENCE_ENDS = "。！？!?；;…”"


def join_parts(first: Article, second: Article) -> Article:
    """One article of a story and its continuation, the second part's text after the first's (on
    a new line when the first part ends a sentence, else running on), mapped into the same page."""
    breaks = bool(first.text) and first.text[-1] in _SENTENCE_ENDS
    head = list(first.offsets if first.offsets is not None else range(len(first.text) + 1))
    tail = list(second.offsets if second.offsets is not None else range(len(second.text) + 1))
    indices = head[: len(first.text)] + head[-1:] * breaks + tail
    return attrs.evolve(
        first,
        text=first.text + "\n" * breaks + second.text,
        offsets=OffsetMap.from_indices(indices),
        title=first.title or second.title,
        headlines=first.headlines or second.headlines,
        byline=first.byline or second.byline,
        continued_on=second.continued_on,
    )


def join_continued(sheets: list[int], articles: list[Article]) -> list[Article]:
    """``articles`` of a text of several pages (on the pages ``sheets``, counted from 0), a story
    that goes on to another page (（下转2版）) made one with the story there that says where it
    came from (（上接1版）).

    The pages of the text are taken as the paper's pages, numbered from 1: the first page of a PDF
    is 1版. Chains (1版 to 2版 to 3版) become one article.
    """
    holder = list(range(len(articles)))  # which article holds each story's text
    parts = list(articles)
    for index, (sheet, article) in enumerate(zip(sheets, articles, strict=True)):
        goes_on = article.continued_on
        if goes_on is None or not goes_on.isdigit():
            continue
        here = str(sheet + 1)
        for other, (next_sheet, rest) in enumerate(zip(sheets, articles, strict=True)):
            if holder[other] == other != index and next_sheet == int(goes_on) - 1 and rest.continued_from == here:
                parts[holder[index]] = join_parts(parts[holder[index]], rest)
                holder[other] = holder[index]
                break
    return [article for index, article in enumerate(parts) if holder[index] == index]
