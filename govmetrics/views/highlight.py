"""An extraction as HTML: its text with every record marked by kind, a legend, and a table per kind.

What a notebook shows for an :class:`~govmetrics.extraction.Extraction` and what each story of a
``govmetrics show`` report is made of. Each record's characters are wrapped in ``<mark>`` (nested,
or cut in two where records cross: :mod:`govmetrics.views.marks`) carrying what a program or a
test needs to find it in the DOM::

    <mark data-kind="metric" data-record="gm-3" data-start="26" data-end="30"
          title="20000 户, more than" …>2万余户</mark>

``data-start``/``data-end`` are the record's span in ``Article.text`` (in characters, as Python
counts them), and the ``title`` is its meaning (:func:`govmetrics.views.values.value_text`),
shown on hover. A meeting's span is the words naming it (区委常委会会议): those are marked like
any record, and its date, chair and attendees are in its title and in the meeting table below the
text. Colours say the kind: fixed ones for the built-in kinds, and for a plugin's kind one of a
palette picked by its name, so it keeps its colour from one run to the next.

Everything here is escaped with :func:`html.escape`; the CSS is inline and scoped to
``.gm-view``, so a fragment changes nothing else in the notebook or page it is put in.
"""

from __future__ import annotations

import secrets
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from govmetrics.html_text import article_header, escape_text, person_text
from govmetrics.models import Cadence, DateMention, Meeting, Metric, Record
from govmetrics.views.marks import Mark, marked_html
from govmetrics.views.values import own_fields, value_text

if TYPE_CHECKING:
    from govmetrics.extraction import Extraction

#: The built-in kinds, in the order their legend entries and tables come; then plugin kinds by name.
BUILT_IN_KINDS = ("metric", "date", "cadence", "meeting")
#: Background and underline of each built-in kind.
KIND_COLOURS = {
    "metric": ("#ffe08a", "#c99700"),
    "date": ("#bfe3ff", "#2f80c9"),
    "cadence": ("#c9f2c2", "#3a9a47"),
    "meeting": ("#ecd4ff", "#8e44c4"),
}
#: The colours a plugin's kind gets one of, by its name.
PLUGIN_COLOURS = (
    ("#ffc9d6", "#c93a62"),
    ("#c8efe9", "#23897c"),
    ("#f9d9bf", "#b85f1f"),
    ("#d8e0ff", "#4058bf"),
    ("#f2f0a8", "#8f8a00"),
    ("#e4e4e4", "#6b6b6b"),
)

#: The style sheet of the views, every rule under ``.gm-view``.
CSS = """
.gm-view { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  color: #1d1d1f; max-width: 60em; }
.gm-view .gm-text { white-space: pre-wrap; line-height: 2.1; font-size: 15px; margin: .6em 0; }
.gm-view mark { color: inherit; padding: 2px 1px; border-radius: 3px; border-bottom: 2px solid; }
.gm-view mark mark { padding: 0; }
.gm-view mark[data-kind="meeting"] { outline: 1px solid #8e44c4; }
.gm-view .gm-legend { font-size: 13px; margin: .3em 0; }
.gm-view .gm-key { display: inline-block; padding: 0 .5em; margin-right: .2em; border-radius: 3px;
  border-bottom: 2px solid; }
.gm-view .gm-facts { color: #555; font-size: 13px; margin: .2em 0; }
.gm-view h3.gm-headline { margin: .8em 0 .2em; } .gm-view h4.gm-headline { margin: .1em 0; color: #444; }
.gm-view details { margin: .4em 0; font-size: 13px; }
.gm-view summary { cursor: pointer; font-weight: 600; }
.gm-view table { border-collapse: collapse; margin: .3em 0 .8em; }
.gm-view th, .gm-view td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
.gm-view td { min-width: 5.5em; }
.gm-view th { background: #f3f3f3; }
.gm-view td a { color: inherit; }
"""


def kind_colours(kind: str) -> tuple[str, str]:
    """The background and underline colour of a kind: its own for a built-in kind, else one of
    :data:`PLUGIN_COLOURS` picked by a checksum of its name (the same in every run)."""
    if kind in KIND_COLOURS:
        return KIND_COLOURS[kind]
    return PLUGIN_COLOURS[zlib.crc32(kind.encode("utf-8")) % len(PLUGIN_COLOURS)]


def _style(kind: str) -> str:
    background, line = kind_colours(kind)
    return f"background: {background}; border-bottom-color: {line}"


def kinds_in_order(records: Sequence[Record]) -> list[str]:
    """The kinds among ``records``: the built-in ones in their order, then the others by name."""
    present = {record.kind for record in records}
    return [k for k in BUILT_IN_KINDS if k in present] + sorted(present.difference(BUILT_IN_KINDS))


def record_marks(records: Sequence[Record], prefix: str) -> list[Mark]:
    """A mark for each record, ``data-record`` numbered after ``prefix`` in the records' order."""
    marks = []
    for number, record in enumerate(records):
        key = f"{prefix}-{number}"
        attributes = (
            f' class="gm-mark" data-kind="{escape_text(record.kind)}" data-record="{escape_text(key)}"'
            f' data-start="{record.span.start}" data-end="{record.span.end}"'
            f' title="{escape_text(value_text(record))}" style="{_style(record.kind)}"'
        )
        marks.append(Mark(record.span.start, record.span.end, attributes, anchor=key))
    return marks


def legend_html(records: Sequence[Record]) -> str:
    """One key a kind present: its colour, its name and how many records it has."""
    if not records:
        return '<p class="gm-legend">no records</p>'
    counts: dict[str, int] = {}
    for record in records:
        counts[record.kind] = counts.get(record.kind, 0) + 1
    keys = [
        f'<span class="gm-key" data-kind="{escape_text(kind)}" style="{_style(kind)}">{escape_text(kind)}</span>'
        f"{counts[kind]}"
        for kind in kinds_in_order(records)
    ]
    return f'<p class="gm-legend">{" ".join(keys)}</p>'


def table_row(record: Record) -> dict[str, str]:
    """A record's cells in its kind's table, by column: for the built-in kinds the text, what it
    means and what it is of (a meeting: its name, date, chair, attendees, organ, agenda and
    place); for a plugin's kind the text and each of its own fields."""
    if isinstance(record, Meeting):
        return {
            "name": record.name + (" (referred to)" if record.referred else ""),
            "date": record.date.isoformat() if record.date else "",
            "chair": person_text(record.chair) if record.chair else "",
            "attendees": "、".join(person_text(person) for person in record.attendees),
            "organ": record.organ or "",
            "agenda": "；".join(record.agenda),
            "location": record.location or "",
        }
    if isinstance(record, Metric):
        return {"text": record.text, "value": value_text(record), "subject": record.subject or ""}
    if isinstance(record, Cadence):
        return {"text": record.text, "value": value_text(record), "activity": record.activity or ""}
    if isinstance(record, DateMention):
        return {"text": record.text, "value": value_text(record)}
    return {"text": record.text, **own_fields(record)}


def kind_table(kind: str, records: Sequence[Record], keys: Sequence[str]) -> str:
    """The table of one kind's records: a row each (:func:`table_row`), its first cell a link to
    its mark; a column empty in every row is left out."""
    rows = [table_row(record) for record in records]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    names = [name for index, name in enumerate(columns) if index == 0 or any(row.get(name) for row in rows)]
    head = "".join(f"<th>{escape_text(name)}</th>" for name in names)
    body = []
    for key, row in zip(keys, rows, strict=True):
        first = f'<a href="#{escape_text(key)}">{escape_text(row.get(names[0], ""))}</a>'
        rest = "".join(f"<td>{escape_text(row.get(name, ''))}</td>" for name in names[1:])
        body.append(f"<tr><td>{first}</td>{rest}</tr>")
    return (
        f'<details open data-kind="{escape_text(kind)}"><summary>{escape_text(kind)} ({len(records)})</summary>'
        f'<table class="gm-table"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></details>'
    )


def tables_html(records: Sequence[Record], prefix: str) -> str:
    """A table a kind, in the legend's order."""
    keyed = [(f"{prefix}-{number}", record) for number, record in enumerate(records)]
    tables = []
    for kind in kinds_in_order(records):
        mine = [(key, record) for key, record in keyed if record.kind == kind]
        tables.append(kind_table(kind, [record for _, record in mine], [key for key, _ in mine]))
    return "".join(tables)


def extraction_html(
    extraction: Extraction, *, prefix: str = "gm", header: bool = True, legend: bool = True, source: bool = True
) -> str:
    """An extraction as an HTML fragment (``<div class="gm-view">``, no style sheet: see :data:`CSS`).

    :param prefix: starts every record's ``data-record`` and ``id`` (``gm-0``, ``gm-1`` …) and
        names the text (``data-article``); give each extraction of one document its own.
    :param header: show the article's headlines, byline and date above its text.
    :param legend: show the legend above the text.
    :param source: name the article's source (its file) in its header.
    """
    article, records = extraction.article, extraction.records
    parts = ['<div class="gm-view">']
    if header:
        parts.append(article_header(article, source=source))
    if legend:
        parts.append(legend_html(records))
    text = marked_html(article.text, record_marks(records, prefix))
    parts.append(f'<div class="gm-text" data-article="{escape_text(prefix)}">{text}</div>')
    parts.append(tables_html(records, prefix))
    parts.append("</div>")
    return "".join(parts)


def notebook_html(extraction: Extraction) -> str:
    """What a notebook shows for an extraction: the style sheet and :func:`extraction_html`, its
    ids under a fresh prefix so that two results shown in one notebook never share one."""
    return f"<style>{CSS}</style>{extraction_html(extraction, prefix=f'gm{secrets.token_hex(3)}')}"
