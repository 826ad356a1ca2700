"""A progress line and a summary on stderr for long runs, without dependencies.

On a terminal the line is rewritten in place (``\\r``), at most a few times a second::

    govmetrics: 1,204 documents, 18,311 records, 2 failed, 1.9M chars/s

Elsewhere (progress forced on with ``--progress`` into a file or a pipe) each update is a line of
its own, at most once a second. Messages (a failing document) clear the line before they are
written, so they are never glued to it, and :meth:`Progress.finish` replaces it with the summary.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from govmetrics.escapes import for_terminal


def rate(count: float) -> str:
    """A count per second, short: 950, 12.3k, 1.9M."""
    if count >= 1e6:
        return f"{count / 1e6:.1f}M"
    if count >= 1e3:
        return f"{count / 1e3:.1f}k"
    return f"{count:.0f}"


class Progress:
    """Counts documents, records, failures and characters, and shows them on ``stream``."""

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool,
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = _isatty(stream)
        self.interval = interval if interval is not None else (0.25 if self.tty else 1.0)
        self.clock = clock
        self.started = clock()
        self.last = self.started
        self.documents = self.records = self.failed = self.chars = 0
        self._shown = False  # a progress line is on the terminal, not ended by a newline
        self._plugin_failures: set[tuple[str, str]] = set()

    def done(self, *, records: int = 0, chars: int = 0, failed: bool = False) -> None:
        """Count one finished document and redraw the line if it is time."""
        self.documents += 1
        self.records += records
        self.chars += chars
        self.failed += failed
        if not self.enabled:
            return
        now = self.clock()
        if now - self.last >= self.interval:
            self.last = now
            self._draw(self.line(now))

    def line(self, now: float | None = None) -> str:
        elapsed = max((now if now is not None else self.clock()) - self.started, 1e-9)
        return (
            f"govmetrics: {self.documents:,} documents, {self.records:,} records, {self.failed:,} failed, "
            f"{rate(self.chars / elapsed)} chars/s"
        )

    def message(self, text: str) -> None:
        """Write one line (always, progress or not), clearing the progress line first; a control
        character or lone surrogate in it (an id's ``\\x1b``) is escaped, so it stays one line that
        does nothing to the terminal."""
        self._clear()
        self.stream.write(for_terminal(text) + "\n")
        self.stream.flush()

    def plugin_failed(self, plugin: str, reason: str, document: str | None = None) -> None:
        """One line for a plugin's failure, ``govmetrics: plugin NAME: document ID: reason``, the
        first time this plugin fails for this reason: a plugin that fails on every document of a
        corpus is one line, not one per document (or one per worker)."""
        if (plugin, reason) in self._plugin_failures:
            return
        self._plugin_failures.add((plugin, reason))
        where = f"document {document}: " if document is not None else ""
        self.message(f"govmetrics: plugin {plugin}: {where}{reason}")

    def finish(self, *, stopped: bool = False) -> None:
        """Replace the progress line with the summary (only when progress is on)."""
        if not self.enabled:
            return
        elapsed = max(self.clock() - self.started, 1e-9)
        summary = (
            f"govmetrics: {self.documents:,} documents, {self.records:,} records, {self.failed:,} failed "
            f"in {elapsed:.1f}s ({rate(self.chars / elapsed)} chars/s)"
        )
        if stopped:
            summary += "; stopped at the first failure (--fail-fast)"
        self.message(summary)

    def _draw(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r" + text + "\x1b[K")
            self._shown = True
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self._shown = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
