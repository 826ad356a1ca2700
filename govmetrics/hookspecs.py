"""The hooks a govmetrics plugin can implement.

A plugin is a module (or any object) with functions marked ``@govmetrics.hookimpl`` whose names are
the hook names below. Implementations may take fewer arguments than the spec names. Third-party
plugins are found through the ``govmetrics`` entry point group; the built-in extractors are
registered through the same path (see :mod:`govmetrics.plugins`).
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from govmetrics.lexicon import Lexicons
from govmetrics.models import Article, Record

hookspec = pluggy.HookspecMarker("govmetrics")
"""The marker of govmetrics' hook specifications, the functions below."""
hookimpl = pluggy.HookimplMarker("govmetrics")
"""The marker of a plugin's hook implementations: ``@govmetrics.hookimpl`` on a function named after a hook."""


@hookspec
def govmetrics_extract(article: Article, lexicons: Lexicons) -> Iterable[Record] | None:
    """Find records in one article.

    :param article: the cleaned article; spans of the records returned index ``article.text``.
    :param lexicons: every lexicon, the shipped files and all plugins' entries, read once per
        plugin host (:class:`govmetrics.lexicon.Lexicons`). An extractor reads its words here;
        what it compiles from them it keeps with :meth:`~govmetrics.lexicon.Lexicons.built`. An
        implementation that needs no lexicon may leave the argument out.
    :return: an iterable of records (``Metric``, ``DateMention``, ``Cadence``, ``Meeting``, or a
        record type of the plugin's own, registered with :func:`govmetrics_record_types`), in any
        order, or ``None`` for nothing. The pipeline stamps each record with the plugin's name,
        resolves overlaps between records and sorts them into text order. If the implementation
        raises, returns something that is not a record, or a span past the end of the text, none
        of its records are kept and a :class:`~govmetrics.PluginWarning` names the plugin.
    """


@hookspec
def govmetrics_lexicon_entries(name: str) -> Iterable[str] | None:
    """Add entries to a lexicon without writing an extractor.

    :param name: the lexicon being loaded: ``units``, ``qualifiers``, ``currencies``,
        ``set_phrases``, ``duration_cues``, ``place_words``, ``surnames``, ``titles``, ``meeting_words``,
        ``name_enders``, ``cadence_activities``, ``period_reckonings``, ``festivals``,
        ``change_words``, ``target_cues``, ``subject_words`` or ``page_furniture``
        (:data:`govmetrics.lexicon.LEXICONS`).
    :return: lines in the lexicon file's format (``"公顷"``, ``"平米 平方米"``, ``"千家万户"``), or
        ``None`` for a lexicon the plugin does not extend. They are read as if they followed the
        shipped file's lines. The hook is called once per lexicon when the plugin host first
        needs its lexicons; if it raises for any of them, the plugin's entries are left out of
        every lexicon and a :class:`~govmetrics.PluginWarning` names it.
    """


@hookspec
def govmetrics_record_types() -> Iterable[type[Record]] | None:
    """Register record classes of the plugin's own, so they serialize and read back.

    :return: attrs classes deriving from :class:`govmetrics.Record`, each with a ``kind`` class
        attribute that no other record type uses.
    """
