"""``extract``: text in, typed records out. The whole data flow of DESIGN.md in one call."""

from __future__ import annotations

import datetime as dt

import attrs

from govmetrics.documents import parse_published
from govmetrics.errors import InputError
from govmetrics.extraction import Extraction
from govmetrics.models import Article
from govmetrics.plugins import get_plugin_host
from govmetrics.resolve import resolve


def extract(
    text: str | Article,
    *,
    published: dt.date | str | None = None,
    strict: bool | None = None,
) -> Extraction:
    """Find every record in one article.

    :param text: the raw text of one story (it is cleaned first), or an :class:`Article`.
    :param published: the publication date, which resolves dates written without a year. For an
        ``Article`` it replaces the article's own date when given.
    :param strict: turn a failing plugin into a :class:`~govmetrics.errors.PluginError` instead
        of a warning; by default, ``GOVMETRICS_STRICT_PLUGINS`` decides.
    :return: the article and its records in text order.
    """
    date = parse_published(published)
    if isinstance(text, Article):
        article = text if date is None else attrs.evolve(text, published=date)
    elif isinstance(text, str):
        article = Article.from_text(text, published=date)
    else:
        raise InputError(f"extract takes a str or an Article, not {type(text).__name__}")
    host = get_plugin_host()
    records = host.extract(article, strict=strict)
    return Extraction(article=article, records=resolve(records))
