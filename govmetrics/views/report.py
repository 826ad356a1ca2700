"""A text, a newspaper page or a small corpus as one self-contained HTML file (``govmetrics show``).

The file stands alone: its style sheet is inline, it loads nothing (a Content-Security-Policy
forbids every fetch and every script, so even a page whose text held markup could run none), and
it opens offline in any browser. Its parts:

* a summary table at the top when it shows more than one document: each document, its date, its
  stories and how many records of each kind it holds, linked to its section;
* a section per document (``<section class="gm-document">``): a text is one extraction (see
  :func:`govmetrics.views.highlight.extraction_html`); a page is one ``<article>`` per story,
  with its headlines and byline, its text marked, and its tables. A headline whose story is on
  another page has no text: it is shown with its headline alone.

Record ids run ``d0-…`` for the first document's text, ``d0-s0-…`` for the first story of a page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from govmetrics.extraction import Extraction
from govmetrics.html_text import escape_text
from govmetrics.views.highlight import CSS, extraction_html, kinds_in_order, legend_html

#: Nothing may be fetched or run; the inline style sheet and inline styles may apply.
CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'"

REPORT_CSS = """
body { margin: 1.5em auto; max-width: 62em; padding: 0 1em; background: #fff; }
.gm-report h1 { font-size: 22px; margin: 0 0 .3em; }
.gm-report h2 { font-size: 18px; margin: 1.6em 0 .3em; padding-top: .6em; border-top: 3px solid #ddd; }
.gm-report .gm-story { margin: 1em 0 1.4em; padding-left: .8em; border-left: 3px solid #eee; }
.gm-report .gm-story > .gm-view { max-width: none; }
.gm-report .gm-no-text { color: #777; font-size: 13px; }
"""


def _extractions(value: Iterable[Extraction]) -> tuple[Extraction, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class DocumentView:
    """One document of a report: its id, its date, and its extractions, one for a text and one a
    story for a newspaper page (``page`` set)."""

    id: str
    extractions: tuple[Extraction, ...] = attrs.field(converter=_extractions)
    published: dt.date | None = None
    page: bool = False

    @property
    def record_count(self) -> int:
        return sum(len(extraction) for extraction in self.extractions)


def document_section(document: DocumentView, number: int, *, heading: bool = True) -> str:
    """The section of one document: its id (unless ``heading`` is off: a report of one document
    has it as its title), date and counts, then its text or its stories."""
    facts = [document.published.isoformat() if document.published else "no publication date"]
    if document.page:
        facts.append(f"{len(document.extractions)} stories")
    facts.append(f"{document.record_count} records")
    parts = [
        f'<section class="gm-document" id="d{number}">',
        f"<h2>{escape_text(document.id)}</h2>" if heading else "",
        f'<p class="gm-facts">{escape_text(" · ".join(facts))}</p>',
    ]
    if not document.page:
        extraction = document.extractions[0] if document.extractions else None
        if extraction is not None:
            parts.append(extraction_html(extraction, prefix=f"d{number}", source=False))
    else:
        parts.append(legend_html([record for extraction in document.extractions for record in extraction]))
        for index, story in enumerate(document.extractions):
            parts.append(_story(story, f"d{number}-s{index}"))
    parts.append("</section>")
    return "".join(parts)


def _story(story: Extraction, prefix: str) -> str:
    if not story.article.text:
        headlines = story.article.headlines or ((story.article.title,) if story.article.title else ())
        shown = "".join(f'<h3 class="gm-headline">{escape_text(headline)}</h3>' for headline in headlines)
        note = '<p class="gm-no-text">a headline whose story is on another page</p>'
        return f'<article class="gm-story gm-view" id="{prefix}">{shown}{note}</article>'
    return f'<article class="gm-story" id="{prefix}">{extraction_html(story, prefix=prefix, source=False)}</article>'


def summary_table(documents: Sequence[DocumentView]) -> str:
    """A row per document, linked to its section: its date, stories (of a page) and records by kind."""
    every = [record for document in documents for extraction in document.extractions for record in extraction]
    kinds = kinds_in_order(every)
    head = "".join(f"<th>{escape_text(name)}</th>" for name in ["document", "published", "stories", "records", *kinds])
    rows = []
    for number, document in enumerate(documents):
        counts = dict.fromkeys(kinds, 0)
        for extraction in document.extractions:
            for record in extraction:
                counts[record.kind] += 1
        cells = [
            f'<td><a href="#d{number}">{escape_text(document.id)}</a></td>',
            f"<td>{document.published.isoformat() if document.published else ''}</td>",
            f"<td>{len(document.extractions) if document.page else ''}</td>",
            f"<td>{document.record_count}</td>",
            *(f"<td>{counts[kind]}</td>" for kind in kinds),
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="gm-summary"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def report_html(documents: Sequence[DocumentView], *, title: str = "govmetrics") -> str:
    """The whole HTML file: a summary when there is more than one document, then a section each."""
    records = sum(document.record_count for document in documents)
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape_text(title)}</title>",
        f"<style>{CSS}{REPORT_CSS}</style>",
        '</head>\n<body><div class="gm-view gm-report">',
        f"<h1>{escape_text(title)}</h1>",
        f'<p class="gm-facts">{len(documents)} document{"s" if len(documents) != 1 else ""}, {records} records.'
        " Hover over a marked word for what it means; the tables below each text list the records by kind.</p>",
    ]
    if len(documents) > 1:
        parts.append(summary_table(documents))
    heading = len(documents) > 1
    parts.extend(document_section(document, number, heading=heading) for number, document in enumerate(documents))
    parts.append("</div></body></html>\n")
    return "".join(parts)
