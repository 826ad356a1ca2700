"""Text made safe for HTML, and an article's header and text as HTML, with the standard library alone.

The bottom piece of the HTML views (:mod:`govmetrics.views`), kept below them so that
``Article._repr_html_`` can show an article without the models importing the layer above them:
it imports nothing of govmetrics at run time.

Every character of a text comes out as the same character in the browser's DOM, so that a
record's span still points at its characters there: ``&``, ``<``, ``>`` and quotes are escaped
(a page holding ``<script>`` stays text), and a carriage return is written as ``&#13;``, since an
HTML parser turns a bare ``\\r`` (and ``\\r\\n``) into ``\\n`` before it builds the DOM, while a
character reference keeps it. The text is shown with its line breaks (``white-space: pre-wrap``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govmetrics.models import Article, Person

#: The style of a text block shown on its own (a notebook cell): its line breaks kept, wrapped.
TEXT_STYLE = "white-space: pre-wrap; line-height: 1.9; font-size: 15px"


def escape_text(text: str) -> str:
    """``text`` as HTML that the browser reads back as exactly ``text`` (quotes escaped too, so
    the result may stand in an attribute)."""
    escaped = html.escape(text, quote=True)
    return escaped.replace("\r", "&#13;") if "\r" in escaped else escaped


def person_text(person: Person) -> str:
    """A person as a story names them: titles, then the name (区委书记 常卫)."""
    return " ".join([*person.titles, person.name]) if person.titles else person.name


def article_header(article: Article, *, source: bool = True) -> str:
    """The headlines, byline, publication date and source of an article, as HTML (empty when it has none).

    A page's story has its headlines (the first is its title); a text read on its own has at most
    a title. What is known is shown, each in its own element with a ``gm-`` class to style it;
    the source only when ``source`` is set (a report names it once, above a page's stories).
    """
    parts: list[str] = []
    headlines = article.headlines or ((article.title,) if article.title else ())
    for index, headline in enumerate(headlines):
        tag = "h3" if index == 0 else "h4"
        parts.append(f'<{tag} class="gm-headline">{escape_text(headline)}</{tag}>')
    facts: list[str] = []
    if article.byline:
        facts.append(f'<span class="gm-byline">{escape_text("，".join(person_text(p) for p in article.byline))}</span>')
    if article.published is not None:
        facts.append(f'<span class="gm-published">{article.published.isoformat()}</span>')
    if source and article.source:
        facts.append(f'<span class="gm-source">{escape_text(article.source)}</span>')
    if article.continued_from:
        facts.append(f'<span class="gm-continued">continued from page {escape_text(article.continued_from)}</span>')
    if article.continued_on:
        facts.append(f'<span class="gm-continued">continued on page {escape_text(article.continued_on)}</span>')
    if facts:
        parts.append(f'<p class="gm-facts">{" · ".join(facts)}</p>')
    return "".join(parts)


def article_html(article: Article) -> str:
    """An article on its own (what a notebook shows for an :class:`~govmetrics.models.Article`):
    its header and its cleaned text, escaped, with no records. Showing an article never runs the
    plugins; ``govmetrics.extract(article)`` gives the result that shows them."""
    text = f'<div class="gm-text" style="{TEXT_STYLE}">{escape_text(article.text)}</div>'
    return f'<div class="gm-article">{article_header(article)}{text}</div>'
