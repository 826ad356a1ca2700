"""The process pool: a task run over many documents, streaming, with the outcomes in input order.

:func:`map_documents` reads each item (a text, an :class:`~govmetrics.models.Article`, a file path,
a JSON record, a :class:`~govmetrics.documents.Document`, or an item of
:func:`~govmetrics.corpus.corpus_items`) with :func:`~govmetrics.documents.as_document`, runs a
:class:`Task` on it and yields one :class:`Outcome` per item in the order the items came. A
document that fails (a file that cannot be read or decoded, a record without text, an error in the
task) gives an outcome with its id and the reason; the others go on.
:func:`~govmetrics.batch.extract_many` and the ``govmetrics extract`` command are built on it.

How it runs:

* ``processes=None`` or ``1``: in this process, one document after another, with this process's
  plugins (including any registered by hand on :func:`~govmetrics.plugins.get_plugin_host`).
* ``processes=N``: ``N`` worker processes. Each worker has the plugins any new process loads (the
  built-in ones, the installed entry points, ``GOVMETRICS_LOAD_PLUGINS``); the plugin manager is
  never sent between processes, so a plugin registered by hand in the calling process is not seen
  by the workers. (A forked worker keeps the host it inherits when that host is the one loading
  gives, and so starts with the lexicon patterns already compiled.) Items go to the workers as
  they are (a path, not the file's text), so files are read in the workers, in parallel.
* Streaming: items are taken from ``items`` a chunk at a time and at most a few chunks per worker
  are in flight, so memory stays flat however long the corpus is, and results come back as soon
  as the documents before them are done. Chunks are submitted one by one, not through ``Pool.imap``,
  whose feeder thread reads ahead without bound while results pile up unread.

A time limit (``timeout``, seconds a document, none by default): a document that takes longer
fails with the reason, and the run goes on. A worker that dies (killed, out of memory) or stays
stuck past the limit where its signal cannot reach it is replaced (see
:mod:`govmetrics.workers`): the documents of the chunk it was running are reported failed, one
outcome each, and the other chunks run again. Workers end with the calling process, however it
ends.

Workers start with ``fork`` where the platform has it and the calling process runs a single
thread (fast: nothing is imported twice), else with ``spawn``; ``mp_context`` chooses. With
``spawn`` (macOS, Windows) the calling script needs the usual ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import sys
import threading
import warnings
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from os import PathLike
from pathlib import Path
from typing import Any, Protocol

import attrs

from govmetrics.corpus import JsonLine, Unreadable
from govmetrics.documents import Document, as_document, date_in_name, decode, json_record, kept_fields
from govmetrics.errors import GovmetricsError, InputError
from govmetrics.interrupts import TimeLimit, time_limit
from govmetrics.models import Article
from govmetrics.plugins import PluginWarning, get_plugin_host
from govmetrics.workers import Workers

#: Documents sent to a worker at a time, at most.
DEFAULT_CHUNKSIZE = 16
#: A chunk closes early once its documents reach this many bytes (of UTF-8, or of the files
#: named), so a few long documents are shared out as evenly as many short ones. Every chunk costs
#: a worker about half a millisecond of sending and receiving; at this size (some 30 ms of work)
#: that is under 2%, and the last chunk leaves the other workers idle for no longer. (On the real
#: corpus, two workers: 1.06 s with 64 KB and 8 documents, 1.01 s with this.)
CHUNK_BYTES = 256 * 1024
#: Chunks in flight per worker: enough to keep every worker busy while results are read in order.
#: With four, a worker on a long report held back the chunks after it until the others, done with
#: the window, sat idle (10-50 ms a run on the real corpus); chunks are bounded (CHUNK_BYTES), so
#: eight cost little memory.
CHUNKS_PER_WORKER = 8


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How items become documents (the arguments of :func:`~govmetrics.documents.as_document`)."""

    published: dt.date | None = None
    id_field: str = "id"
    text_field: str = "text"
    date_field: str = "published"
    #: The encoding of files and JSON Lines, or None to detect it (UTF-8, GB18030, Big5).
    encoding: str | None = None
    #: Fields of a record carried to its rows as they are (``--keep-fields``).
    keep_fields: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Outcome:
    """One document done by :func:`map_documents`: the task's ``value`` and ``count``, or the error."""

    index: int
    id: str
    source: str | None = None
    value: Any = None
    count: int = 0
    chars: int = 0
    error: str | None = None
    error_type: str | None = None
    #: The document's publication date, once read (its own, else from its file name, else the
    #: run's ``published``); ``None`` when it has none, or failed before it was read.
    published: dt.date | None = None
    #: The document's own fields kept as they are (``ReadOptions.keep_fields``), once read.
    kept: tuple[tuple[str, str | None], ...] = ()
    #: The plugins that failed on this document: (plugin, reason, message) of each
    #: :class:`~govmetrics.plugins.PluginWarning`, sent back from the worker rather than printed there.
    warnings: tuple[tuple[str, str, str], ...] = ()
    #: The exception itself, in-process only (it does not cross process boundaries).
    exception: BaseException | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None


class Task(Protocol):
    """What a worker does with each document: a value to send back and how many records it holds.

    A task is pickled to the workers, so it is an instance of a module-level class (or a
    module-level function) holding plain data.
    """

    def __call__(self, document: Document, source: str | None) -> tuple[Any, int]: ...


# --------------------------------------------------------------------------- reading one item


def read_item(item: Any, index: int, options: ReadOptions) -> tuple[Document, str | None]:
    """The document an item holds and the file it came from (``None`` when not from a file)."""
    if isinstance(item, Unreadable):
        raise InputError(item.reason)
    fields: dict[str, Any] = {
        "id_field": options.id_field,
        "text_field": options.text_field,
        "date_field": options.date_field,
        "keep_fields": options.keep_fields,
    }
    if isinstance(item, JsonLine):
        try:
            record = json_record(decode(item.data, item.name, options.encoding))
        except json.JSONDecodeError as exc:
            raise InputError(f"{item.name}: not JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(record, dict):
            raise InputError(f"{item.name}: not a JSON object")
        document = as_document(record, index=index, published=date_in_name(item.source) or options.published, **fields)
        if record.get(options.id_field) is None:
            document = attrs.evolve(document, id=item.name)  # a record without an id: its file and line
        return document, item.source
    document = as_document(item, index=index, published=options.published, encoding=options.encoding, **fields)
    if document.published is None and options.published is not None:
        document = attrs.evolve(document, published=options.published)
    if options.keep_fields and not document.kept:  # no record: every kept field is empty
        document = attrs.evolve(document, kept=kept_fields(None, options.keep_fields))
    if isinstance(item, (Path, PathLike)):
        return document, str(item)
    if isinstance(item, Article):
        return document, item.source
    return document, None


def _first_id(item: Any, index: int, options: ReadOptions) -> str:
    """The id to report for an item that failed before it was read."""
    if isinstance(item, Unreadable):
        return item.id
    if isinstance(item, JsonLine):
        return item.name
    if isinstance(item, Document):
        return item.id
    if isinstance(item, dict) and item.get(options.id_field) is not None:
        return str(item[options.id_field])
    if isinstance(item, Article) and item.source:
        return item.source
    if isinstance(item, (Path, PathLike)):
        return str(item)
    return str(index)


def _reason(exc: BaseException, id: str) -> str:
    """One line saying why a document failed, without the id the line already starts with."""
    text = str(exc) if isinstance(exc, (GovmetricsError, TimeLimit)) else f"{type(exc).__name__}: {exc}"
    text = " ".join(text.split())
    for prefix in (f"{id}: ", f"{id} "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text or type(exc).__name__


def _error_type(exc: BaseException) -> str:
    return "InputError" if isinstance(exc, InputError) else type(exc).__name__


def _first_source(item: Any) -> str | None:
    return item.source if isinstance(item, JsonLine) else str(item) if isinstance(item, (Path, PathLike)) else None


def run_one(
    index: int,
    item: Any,
    options: ReadOptions,
    task: Task,
    *,
    keep_exception: bool = False,
    timeout: float | None = None,
) -> Outcome:
    """Read and process one item; any error becomes the outcome's ``error``, and each plugin that
    failed on it (a :class:`~govmetrics.plugins.PluginWarning`) one of its ``warnings``.

    ``timeout`` limits the seconds spent on the item (reading it too): past it the item fails
    with a :class:`~govmetrics.interrupts.TimeLimit` (in the main thread, where SIGALRM exists).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        outcome = _run_one(index, item, options, task, keep_exception, timeout)
    failed_plugins: list[tuple[str, str, str]] = []
    for caught_warning in caught:
        message = caught_warning.message
        if isinstance(message, PluginWarning) and message.plugin is not None:
            failed_plugins.append((message.plugin, message.reason or "", str(message)))
        else:  # not ours to hold back: shown as it would have been
            warnings.warn_explicit(message, caught_warning.category, caught_warning.filename, caught_warning.lineno)
    return attrs.evolve(outcome, warnings=tuple(failed_plugins)) if failed_plugins else outcome


def _run_one(
    index: int, item: Any, options: ReadOptions, task: Task, keep_exception: bool, timeout: float | None
) -> Outcome:
    doc_id = _first_id(item, index, options)
    source = _first_source(item)
    chars = 0
    published = None
    kept: tuple[tuple[str, str | None], ...] = ()
    try:
        with time_limit(timeout):
            document, source = read_item(item, index, options)
            doc_id = document.id
            text = document.text
            chars = len(text.text if isinstance(text, Article) else text)
            published, kept = document.published, document.kept
            value, count = task(document, source)
    except (Exception, TimeLimit) as exc:
        return Outcome(
            index=index,
            id=doc_id,
            source=source,
            chars=chars,
            published=published,
            error=_reason(exc, doc_id),
            error_type=_error_type(exc),
            exception=exc if keep_exception else None,
        )
    return Outcome(
        index=index, id=doc_id, source=source, value=value, count=count, chars=chars, published=published, kept=kept
    )


def _run_chunk(
    chunk: list[tuple[int, Any]], options: ReadOptions, task: Task, timeout: float | None = None
) -> list[Outcome]:
    """Runs in a worker: one chunk of items."""
    return [run_one(index, item, options, task, timeout=timeout) for index, item in chunk]


# --------------------------------------------------------------------------- running many


def map_documents(
    items: Iterable[Any],
    task: Task,
    *,
    processes: int | None = None,
    options: ReadOptions | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    mp_context: str | Any | None = None,
    timeout: float | None = None,
) -> Generator[Outcome, None, None]:
    """Run ``task`` on every item's document, yielding an :class:`Outcome` per item in input order.

    This is the engine of :func:`~govmetrics.batch.extract_many` and of ``govmetrics extract``; see the module
    docstring for ``processes``, streaming, ``mp_context`` and ``timeout``.
    """
    _check_counts(processes, chunksize)
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0):
        raise InputError(f"timeout must be None or a number of seconds above 0, not {timeout!r}")
    options = options or ReadOptions()
    if processes is None or processes == 1:
        return (
            run_one(index, item, options, task, keep_exception=True, timeout=timeout)
            for index, item in enumerate(items)
        )
    return _pooled(items, task, processes, options, chunksize, mp_context, timeout)


def _check_counts(processes: int | None, chunksize: int) -> None:
    if processes is not None and (not isinstance(processes, int) or processes < 1):
        raise InputError(f"processes must be None or a whole number of at least 1, not {processes!r}")
    if not isinstance(chunksize, int) or chunksize < 1:
        raise InputError(f"chunksize must be a whole number of at least 1, not {chunksize!r}")


def _context(mp_context: str | Any | None) -> Any:
    if mp_context is None:
        fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
        return multiprocessing.get_context("fork" if fork and threading.active_count() == 1 else "spawn")
    if isinstance(mp_context, str):
        return multiprocessing.get_context(mp_context)
    return mp_context


def _chunks(items: Iterable[Any], size: int, options: ReadOptions) -> Iterator[list[tuple[int, Any]]]:
    """Items in chunks of at most ``size`` documents and, past the first document, about
    :data:`CHUNK_BYTES`: a worker handed sixteen 60-page reports would keep the others waiting."""
    chunk: list[tuple[int, Any]] = []
    weight = 0
    for numbered in enumerate(items):
        chunk.append(numbered)
        weight += _weight(numbered[1], options)
        if len(chunk) >= size or weight >= CHUNK_BYTES:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def _weight(item: Any, options: ReadOptions) -> int:
    """About how many bytes of text an item holds, found without reading it (a file's size)."""
    if isinstance(item, JsonLine):
        return len(item.data)
    if isinstance(item, (Path, PathLike)):
        try:
            return os.stat(item).st_size
        except OSError:
            return 0
    if isinstance(item, dict):
        item = item.get(options.text_field)
    elif isinstance(item, Document):
        item = item.text
    if isinstance(item, Article):
        item = item.raw
    return 3 * len(item) if isinstance(item, str) else 0  # most Chinese characters are 3 bytes of UTF-8


def _pooled(
    items: Iterable[Any],
    task: Task,
    processes: int,
    options: ReadOptions,
    chunksize: int,
    mp_context: Any,
    timeout: float | None,
) -> Generator[Outcome, None, None]:
    """The chunks on worker processes, their outcomes in input order.

    When the pool breaks (a worker died) or the first chunk waited for overruns its time (a
    worker stuck where the time limit's signal cannot reach it), the workers are replaced and the
    chunks that were in flight run again, one at a time: a chunk that breaks the pool while alone
    is the one at fault, and its documents run again one by one, so that only the document at
    fault is reported failed. Every other document is extracted.
    """
    window = processes * CHUNKS_PER_WORKER
    # Loaded here first, so a plugin that fails to load is reported once, by this process, not
    # by every worker (and forked workers start with the plugins loaded).
    get_plugin_host()
    workers = Workers(processes, _context(mp_context))
    chunks = _chunks(items, chunksize, options)
    pending: deque[tuple[list[tuple[int, Any]], Future[list[Outcome]], bool]] = deque()
    again: deque[list[tuple[int, Any]]] = deque()  # chunks to run again, one at a time
    finished = False
    try:
        while True:
            while again and not pending:
                pending.append((again[0], workers.submit(_run_chunk, again.popleft(), options, task, timeout), True))
            while not again and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, workers.submit(_run_chunk, chunk, options, task, timeout), False))
            if not pending:
                break
            chunk, future, alone = pending[0]
            try:
                outcomes = future.result(timeout=_overrun(timeout, len(chunk), alone))
            except (BrokenProcessPool, FutureTimeout) as exc:
                stuck = isinstance(exc, FutureTimeout)
                again.extendleft(reversed([chunk for chunk, _, _ in pending]))
                pending.clear()
                workers.restart()
                if alone:  # this chunk broke the pool on its own: find its document, one at a time
                    culprit = again.popleft()
                    if len(culprit) > 1:
                        again.extendleft([one] for one in reversed(culprit))
                    else:
                        yield from _lost(culprit, options, timeout if stuck else None)
                continue
            pending.popleft()
            yield from outcomes
        finished = True
    finally:
        workers.close(finished=finished)


#: Seconds a chunk run alone may take beyond its documents' time limits (starting a worker,
#: loading plugins) before its worker is taken for stuck.
OVERRUN_GRACE = 10.0


def _overrun(timeout: float | None, documents: int, alone: bool) -> float | None:
    """How long to wait for the first chunk in flight before replacing the workers: each of its
    documents is held to ``timeout`` in the worker; one that is not (stuck in code that never
    lets the signal in) is caught here. A chunk among others may have waited its turn, so it is
    given twice as long, and then only run again alone, not reported."""
    if timeout is None:
        return None
    limit = timeout * documents + OVERRUN_GRACE
    return limit if alone else 2 * limit


def _lost(chunk: list[tuple[int, Any]], options: ReadOptions, timeout: float | None) -> Iterator[Outcome]:
    """A failed outcome for the document whose worker died or was stuck on it, run on its own."""
    if timeout is None:
        reason, kind = "the worker process died on it (killed, or out of memory?) and was replaced", "WorkerDied"
    else:
        reason = f"the worker was stuck on it past the time limit ({timeout:g} s a document) and was replaced"
        kind = "TimeLimit"
    for index, item in chunk:
        yield Outcome(
            index=index, id=_first_id(item, index, options), source=_first_source(item), error=reason, error_type=kind
        )
