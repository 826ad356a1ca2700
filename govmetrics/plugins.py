"""Finding, loading and calling plugins.

The built-in extractors are plugins like any other: they are listed in :data:`DEFAULT_PLUGINS` and
registered through the same manager as the plugins installed under the ``govmetrics`` entry point
group. Plugins load once, lazily, on first use.

A plugin that fails to import, implements a hook that does not exist, or raises while extracting
is named in a :class:`PluginWarning` and the run goes on without it. Strict mode, for plugin
authors, makes each of those a :class:`~govmetrics.errors.PluginError`: pass ``strict=True`` or set
``GOVMETRICS_STRICT_PLUGINS=1``.

``GOVMETRICS_LOAD_PLUGINS`` is an allow-list: a comma-separated list of plugin names (built-in ones
included) to load; everything else is left alone. Set it empty to load no plugins at all.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import metadata
from typing import Any, cast

import attrs
import pluggy

from govmetrics import hookspecs, interrupts
from govmetrics.errors import PluginError
from govmetrics.lexicon import LEXICONS, Lexicons, read_rows
from govmetrics.models import RECORD_TYPES, Article, Record, with_plugin
from govmetrics.reading import reading_article, restore

ENTRY_POINT_GROUP = "govmetrics"
#: The built-in plugins: (name, module).
DEFAULT_PLUGINS: tuple[tuple[str, str], ...] = (
    ("metrics", "govmetrics.extractors.metrics"),
    ("dates", "govmetrics.extractors.dates"),
    ("cadences", "govmetrics.extractors.cadences"),
    ("meetings", "govmetrics.extractors.meetings"),
)
_TRUE = {"1", "true", "yes", "on"}
_log = logging.getLogger(__name__)
#: The hooks of :mod:`govmetrics.hookspecs`.
HOOK_NAMES: tuple[str, ...] = tuple(name for name in vars(hookspecs) if name.startswith("govmetrics_"))


class PluginWarning(UserWarning):
    """A plugin failed and was left out of the run.

    ``plugin`` names it and ``reason`` says why in one line (the exception's type and message),
    so a caller can report each failure once however many documents it touched.
    """

    def __init__(self, message: str, plugin: str | None = None, reason: str | None = None) -> None:
        super().__init__(message)
        self.plugin = plugin
        self.reason = reason


def failure_reason(exc: BaseException) -> str:
    """One line naming an exception: its type, and its message when it has one."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What ``govmetrics plugins`` shows of one plugin."""

    name: str
    version: str
    package: str
    hooks: tuple[str, ...]
    builtin: bool


class PluginHost:
    """A pluggy manager with govmetrics' loading rules and the errors met while loading."""

    def __init__(self, allow: set[str] | None = None) -> None:
        self.manager = pluggy.PluginManager("govmetrics")
        self.manager.add_hookspecs(hookspecs)
        self.allow = allow
        self.load_errors: list[PluginError] = []
        self._packages: dict[str, tuple[str, str]] = {}
        #: The built-in plugin modules: listed as built in, and their records are new objects on
        #: every call (the dates an article's extractors share are cached, and stamped the same each time).
        self._builtin: set[object] = set()
        #: What is built from these plugins (their lexicons, the record kinds they register), kept
        #: until a plugin is registered.
        self.cache: dict[str, Any] = {}
        self._as_loaded: frozenset[str] | None = None

    def allowed(self, name: str) -> bool:
        return self.allow is None or name in self.allow

    def load_defaults(self) -> None:
        version = _version_of("govmetrics")
        for name, module in DEFAULT_PLUGINS:
            if self.allowed(name) and self._register(name, lambda module=module: importlib.import_module(module)):
                self._packages[name] = ("govmetrics", version)
                self._builtin.add(self.manager.get_plugin(name))

    def load_entry_points(self) -> None:
        for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if not self.allowed(entry_point.name):
                continue
            # Only a plugin that registered gets a package: one whose name is taken (an entry point
            # called "metrics") must not relabel the plugin that holds the name.
            if not self._register(entry_point.name, entry_point.load):
                continue
            dist = entry_point.dist
            if dist is not None:
                self._packages[entry_point.name] = (dist.metadata["Name"], dist.version)

    def names(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.manager.list_name_plugin())

    def is_as_loaded(self) -> bool:
        """Whether this host holds exactly what loading gave it, under the environment's allow list
        now: the host a new process would build, so a forked worker may keep it."""
        return self._as_loaded is not None and self._as_loaded == self.names() and self.allow == _allow_list()

    def register(self, plugin: object, name: str) -> None:
        """Register a plugin object directly (a module, a class instance) under ``name``."""
        self._register(name, lambda: plugin)

    def _register(self, name: str, load: Any) -> bool:
        """Load and register one plugin; on failure name it in a warning and return False."""
        before = interrupts.received()
        try:
            with _plugin_output():
                plugin = load()
        except BaseException as exc:
            _reraise_if_not_its_own(exc, before)
            self._failed(PluginError(f'Error importing plugin "{name}": {exc!r}'), exc, name)
            return False
        try:
            self.manager.register(plugin, name=name)
            self.manager.check_pending()
            self._check_marked(plugin)
        except Exception as exc:
            if self.manager.is_registered(plugin):
                self.manager.unregister(plugin)
            self._failed(PluginError(f'Error registering plugin "{name}": {exc}'), exc, name)
            return False
        # The lexicons and record kinds read so far predate this plugin's entries and kinds.
        self.cache.clear()
        return True

    def _check_marked(self, plugin: object) -> None:
        """Refuse a function named like a hook but not marked ``@govmetrics.hookimpl``.

        pluggy registers only marked functions, so a forgotten marker would leave the plugin
        loaded, listed, and never called.
        """
        for name in HOOK_NAMES:
            if callable(getattr(plugin, name, None)) and self.manager.parse_hookimpl_opts(plugin, name) is None:
                raise pluggy.PluginValidationError(
                    plugin, f"{name} is not marked with @govmetrics.hookimpl, so it would never be called"
                )

    def _failed(self, error: PluginError, cause: BaseException, plugin: str) -> None:
        error.__cause__ = cause
        self.load_errors.append(error)
        warnings.warn(PluginWarning(str(error), plugin, failure_reason(cause)), stacklevel=4)

    def check(self, strict: bool | None) -> None:
        """Raise the first load error in strict mode (``None``: as ``GOVMETRICS_STRICT_PLUGINS`` says)."""
        if self.load_errors and _is_strict(strict):
            raise self.load_errors[0]

    def lexicons(self) -> Lexicons:
        """The lexicons of these plugins: the shipped files and every plugin's entries, read once.

        Each plugin's ``govmetrics_lexicon_entries`` is called for every lexicon on its own. A
        plugin that raises, or returns something other than lines of text, loses all of its
        entries (and only its own) with a :class:`PluginWarning` naming it; in strict mode the
        next extraction raises it as a :class:`~govmetrics.errors.PluginError`.
        """
        built = self.cache.get("lexicons")
        if built is None:
            added: dict[str, list[str]] = {name: [] for name in LEXICONS}
            for impl in reversed(self.manager.hook.govmetrics_lexicon_entries.get_hookimpls()):
                mine: dict[str, list[str]] = {}
                before = interrupts.received()
                try:
                    with _plugin_output():
                        for name in LEXICONS:
                            lines = _lexicon_lines(impl.function(*[{"name": name}[arg] for arg in impl.argnames]))
                            read_rows(lines, name)  # a malformed line is this plugin's fault, not the lexicon's
                            mine[name] = lines
                except BaseException as exc:
                    _reraise_if_not_its_own(exc, before)
                    self._failed(
                        PluginError(f'plugin "{impl.plugin_name}" failed to give lexicon entries: {exc!r}'),
                        exc,
                        impl.plugin_name,
                    )
                    continue
                for name, lines in mine.items():
                    added[name].extend(lines)
            built = self.cache["lexicons"] = Lexicons(added)
        return cast(Lexicons, built)

    def extract(self, article: Article, *, strict: bool | None = False) -> list[Record]:
        """Call every ``govmetrics_extract`` implementation; stamp each record with its plugin.

        Every plugin reads the article's reading view (:mod:`govmetrics.reading`: traditional
        characters and half-width punctuation read as simplified and full width, at the same
        offsets); the records it returns are given back the text as written. Each is called on
        its own, so that one failing loses only its own records; the calls are logged (at DEBUG,
        to the ``govmetrics.plugins`` logger) with the plugin, the article, the number of records
        and the time taken. ``strict`` turns a failure into a :class:`PluginError`; ``None`` leaves
        it to ``GOVMETRICS_STRICT_PLUGINS``.
        """
        lexicons = self.lexicons()
        self.check(strict)
        original = article
        article = reading_article(article)
        kinds = self.cache.get("record_kinds")
        if kinds is None:
            kinds = self.cache["record_kinds"] = frozenset(self.record_types())
        arguments = {"article": article, "lexicons": lexicons}
        trace = _log.isEnabledFor(logging.DEBUG)
        with interrupts.watching(), _plugin_output():
            records = self._extract_each(article, arguments, kinds, strict, trace)
        if article is not original:
            records = [restore(record, original.text, article.text) for record in records]
        return records

    def _extract_each(
        self, article: Article, arguments: dict[str, Any], kinds: frozenset[str], strict: bool | None, trace: bool
    ) -> list[Record]:
        records: list[Record] = []
        for impl in reversed(self.manager.hook.govmetrics_extract.get_hookimpls()):
            name = impl.plugin_name
            builtin = impl.plugin in self._builtin
            started = time.perf_counter() if trace else 0.0
            # All or nothing: a plugin that fails halfway (a generator that raises after two
            # records) contributes none, so a warning always means "this plugin's records are missing".
            mine: list[Record] = []
            before = interrupts.received()
            try:
                found: Any = impl.function(*[arguments[arg] for arg in impl.argnames])
                for record in found or ():
                    if not isinstance(record, Record):
                        raise TypeError(f"returned {type(record).__name__}, not a govmetrics record")
                    if record.span.end > len(article.text):
                        raise ValueError(f"returned a record outside the text: {record.span}")
                    if record.text != article.text[record.span.start : record.span.end]:
                        raise ValueError(
                            f"returned a record whose text {record.text!r} is not the text at {record.span}"
                        )
                    if record.kind not in kinds:
                        raise TypeError(
                            f"returned a {record.kind!r} record, a kind no plugin registered "
                            "with govmetrics_record_types"
                        )
                    if record.plugin:
                        mine.append(record)
                    elif builtin:
                        # nothing but this call holds a built-in extractor's new record: it is
                        # stamped where it stands, not copied (2 µs a record, 40 ms a corpus)
                        object.__setattr__(record, "plugin", name)
                        mine.append(record)
                    else:
                        mine.append(with_plugin(record, name))
            except BaseException as exc:
                # SystemExit and KeyboardInterrupt raised by the hook itself are its failure too;
                # only a signal the process received ends the run from here.
                _reraise_if_not_its_own(exc, before)
                error = PluginError(f'plugin "{name}" failed: {exc!r} (on {_label(article)})')
                if trace:
                    _log.debug("govmetrics_extract: %s failed on %s: %r", name, _label(article), exc)
                if _is_strict(strict):
                    raise error from exc
                warnings.warn(PluginWarning(str(error), name, failure_reason(exc)), stacklevel=4)
                continue
            if trace:
                elapsed = (time.perf_counter() - started) * 1000
                _log.debug(
                    "govmetrics_extract: %s gave %d records on %s in %.1f ms", name, len(mine), _label(article), elapsed
                )
            records.extend(mine)
        return records

    def record_types(self) -> dict[str, type[Record]]:
        types = dict(RECORD_TYPES)
        for added in self.manager.hook.govmetrics_record_types():
            for cls in added or ():
                types.setdefault(cls.kind, cls)
        return types

    def info(self) -> list[PluginInfo]:
        out = []
        for name, plugin in self.manager.list_name_plugin():
            if plugin is None:
                continue
            package, version = self._packages.get(name, (name, "unknown"))
            hooks = tuple(sorted(caller.name for caller in self.manager.get_hookcallers(plugin) or ()))
            out.append(
                PluginInfo(name=name, version=version, package=package, hooks=hooks, builtin=plugin in self._builtin)
            )
        return sorted(out, key=lambda p: (not p.builtin, p.name))


def _reraise_if_not_its_own(exc: BaseException, before: int) -> None:
    """Raise ``exc`` again unless it is the plugin's own failure: a real interruption (a signal
    received since ``before``) and the document's time limit end more than the plugin's call."""
    if interrupts.is_interruption(exc, before) or isinstance(exc, interrupts.TimeLimit):
        raise exc


def _plugin_output() -> contextlib.AbstractContextManager[Any]:
    """While plugins run, what they print goes to stderr: stdout may be carrying the records."""
    return contextlib.redirect_stdout(sys.stderr)


def _lexicon_lines(added: object) -> list[str]:
    """A plugin's lexicon entries as a list of lines, or a TypeError saying what came instead."""
    if added is None:
        return []
    if isinstance(added, str) or not isinstance(added, Iterable):
        raise TypeError(f"returned {type(added).__name__}, not an iterable of lexicon lines")
    lines = list(added)
    for line in lines:
        if not isinstance(line, str):
            raise TypeError(f"returned a {type(line).__name__} among its lexicon lines")
    return lines


def _label(article: Article) -> str:
    """How a warning names an article: its source, else its title, else its first words."""
    if article.source:
        return f"article {article.source}"
    if article.title:
        return f"article “{article.title}”"
    head = article.text[:20].replace("\n", " ")
    return f"article starting “{head}”" if head else "an empty article"


def _version_of(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


def _allow_list() -> set[str] | None:
    value = os.environ.get("GOVMETRICS_LOAD_PLUGINS")
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


def strict_from_env() -> bool:
    return os.environ.get("GOVMETRICS_STRICT_PLUGINS", "").strip().lower() in _TRUE


def _is_strict(strict: bool | None) -> bool:
    """``strict``, or with ``None`` what the environment says: read only when a plugin has failed,
    since reading the environment costs a microsecond, a fiftieth of extracting a short text."""
    return strict_from_env() if strict is None else strict


_host: PluginHost | None = None


def get_plugin_host() -> PluginHost:
    """The process-wide plugin host, loaded on first use."""
    global _host
    if _host is None:
        host = PluginHost(allow=_allow_list())
        _host = host  # set before loading: lexicon loading inside a plugin import finds the host
        host.load_defaults()
        host.load_entry_points()
        host._as_loaded = host.names()
    return _host


def get_plugin_manager() -> pluggy.PluginManager:
    """The pluggy manager behind :func:`get_plugin_host`, for listing plugins and their hooks.

    The pipeline calls each plugin's ``govmetrics_extract`` on its own (see
    :meth:`PluginHost.extract`), so pluggy's own hook tracing does not see those calls; turn on
    DEBUG logging for ``govmetrics.plugins`` to trace them.
    """
    return get_plugin_host().manager


@contextmanager
def using_host(host: PluginHost) -> Iterator[PluginHost]:
    """Make ``host`` the process's plugin host for the length of a ``with`` block.

    Everything that consults the plugins (the extract pipeline, the lexicons the built-in
    extractors read) sees ``host`` inside the block; the previous host comes back after it.
    """
    global _host
    previous = _host
    _host = host
    try:
        yield host
    finally:
        _host = previous


def loaded_as_configured() -> bool:
    """Whether this process's plugin host is the one loading builds, nothing registered or removed
    by hand since: a forked worker may then keep it, with the patterns built from its lexicons."""
    return _host is not None and _host.is_as_loaded()


def reset_plugins() -> None:
    """Forget loaded plugins (and what was built from them), so the next use loads afresh."""
    global _host
    _host = None


def iter_plugin_info() -> Iterable[PluginInfo]:
    return get_plugin_host().info()
