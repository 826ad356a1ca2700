"""Helpers for testing plugins: run an article through just your plugin, and look at what came out.

A plugin's tests should not depend on which other plugins happen to be installed, nor let a
failure pass as a warning. :func:`run` builds a plugin host holding only the plugins you give
(and, if asked, the built-in extractors), in strict mode, and extracts one text with it::

    from govmetrics.testing import run

    import my_plugin

    def test_finds_shares():
        result = run("参与率超过六成。", my_plugin, published="2024-05-01")
        [metric] = result.metrics
        assert (metric.value, metric.unit, metric.approx) == (60, "%", "more_than")

Lexicon entries your plugin adds (``govmetrics_lexicon_entries``) reach the built-in extractors
inside :func:`run`, as they would in a real run.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from govmetrics.api import extract
from govmetrics.extraction import Extraction
from govmetrics.models import Article, Record
from govmetrics.plugins import DEFAULT_PLUGINS, PluginHost, using_host


def plugin_host(*plugins: object, builtins: bool | tuple[str, ...] = False) -> PluginHost:
    """A plugin host with only ``plugins`` (modules or objects with hook implementations).

    ``builtins`` adds the built-in extractors: ``True`` for all of them, or a tuple of their
    names (``("metrics",)``). Installed entry-point plugins are never loaded.
    """
    wanted = {name for name, _ in DEFAULT_PLUGINS} if builtins is True else set(builtins or ())
    host = PluginHost(allow=wanted)
    host.load_defaults()
    for index, plugin in enumerate(plugins):
        name = getattr(plugin, "__name__", None) or f"{type(plugin).__name__}-{index}"
        host.register(plugin, name=name)
    host.check(strict=True)
    return host


def run(
    text: str | Article,
    *plugins: object,
    published: dt.date | str | None = None,
    builtins: bool | tuple[str, ...] = False,
) -> Extraction:
    """Extract ``text`` with only ``plugins`` (and the chosen built-ins), raising on any plugin error."""
    host = plugin_host(*plugins, builtins=builtins)
    with using_host(host):
        return extract(text, published=published, strict=True)


def records_of(result: Extraction, kind: str) -> list[Any]:
    """The records of one ``kind`` (a plugin's own kinds too), in text order."""
    return [record for record in result.records if record.kind == kind]


def texts(records: list[Record] | tuple[Record, ...]) -> list[str]:
    """The text of each record: the quickest thing to assert on."""
    return [record.text for record in records]
