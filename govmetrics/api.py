"""``extract``: text in, typed records out. The whole data flow of DESIGN.md in one call."""

from __future__ import annotations

import datetime as dt
import re

import attrs

from govmetrics.errors import InputError
from govmetrics.models import Article, Extraction
from govmetrics.plugins import get_plugin_host, strict_from_env
from govmetrics.resolve import resolve

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """A publication date from a ``date``, a ``datetime`` or an ISO ``YYYY-MM-DD`` string."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        # Checked by pattern first: from Python 3.11 on, fromisoformat also takes 20190712 and
        # 2019-W28-5, which 3.10 rejects; the accepted form should not depend on the interpreter.
        if _ISO_DAY.fullmatch(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise InputError(f"not a date (want YYYY-MM-DD): {value!r}")
    raise InputError(f"published must be a date or a YYYY-MM-DD string, not {type(value).__name__}")


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
    records = host.extract(article, strict=strict_from_env() if strict is None else strict)
    return Extraction(article=article, records=resolve(records))
