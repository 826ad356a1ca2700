"""Many documents at once: :func:`extract_many` streams results, in input order, over a process pool.

``extract_many(items, processes=4)`` reads each item (a text, an :class:`~govmetrics.models.Article`,
a file path, a JSON record, a :class:`~govmetrics.documents.Document`) with
:func:`~govmetrics.documents.as_document` and extracts it, yielding one :class:`DocumentResult` per
item in the order the items came. A document that fails (a file that cannot be read or decoded, a
record without text, a plugin error in strict mode) gives a result with its id and the reason; the
others go on. ``on_error="raise"`` stops at the first failure with a :class:`DocumentError`.

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

Workers start with ``fork`` where the platform has it and the calling process runs a single
thread (fast: nothing is imported twice), else with ``spawn``; ``mp_context`` chooses. With
``spawn`` (macOS, Windows) the calling script needs the usual ``if __name__ == "__main__":`` guard.

:func:`corpus_items` turns command-line style inputs (files, directories, globs, JSON Lines corpora,
``-`` for standard input) into items for :func:`map_documents`; the ``govmetrics extract`` command
is built on the two.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import multiprocessing
import os
import re
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from glob import glob
from os import PathLike
from pathlib import Path
from typing import Any, Literal, Protocol

import attrs

from govmetrics.api import extract, parse_published
from govmetrics.documents import Document, as_document, date_in_name, decode
from govmetrics.errors import BatchError, DocumentError, GovmetricsError, InputError
from govmetrics.models import Article, Extraction
from govmetrics.plugins import strict_from_env

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
#: File names a directory is searched for: a text file is a document, a JSON Lines file a corpus.
CORPUS_SUFFIXES = (".txt", ".jsonl")
_GLOB_MAGIC = re.compile(r"[*?[]")


@attrs.frozen(kw_only=True)
class DocumentResult:
    """What became of one document of :func:`extract_many`: its extraction, or why it failed.

    ``index`` is the item's position in the input; ``id`` names the document (as
    :func:`~govmetrics.documents.as_document` names it); ``source`` is the file it was read from,
    if any. Exactly one of ``extraction`` and ``error`` is set. ``error`` is one line;
    ``error_type`` is the exception's class name (``InputError`` for input that could not be read).
    ``chars`` counts the characters of the document's text.
    """

    index: int
    id: str
    extraction: Extraction | None = None
    error: str | None = None
    error_type: str | None = None
    source: str | None = None
    chars: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How items become documents (the arguments of :func:`~govmetrics.documents.as_document`)."""

    published: dt.date | None = None
    id_field: str = "id"
    text_field: str = "text"
    date_field: str = "published"
    #: The encoding of files and JSON Lines, or None to detect it (UTF-8, GB18030, Big5).
    encoding: str | None = None


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


# --------------------------------------------------------------------------- corpus items


@attrs.frozen
class JsonLine:
    """One line of a JSON Lines corpus, parsed in the worker: the file, the line number, the bytes."""

    source: str
    line: int
    data: bytes

    @property
    def name(self) -> str:
        return f"{self.source}:{self.line}"


@attrs.frozen
class Unreadable:
    """An input that could not be turned into documents (an empty directory, a glob matching nothing)."""

    id: str
    reason: str


def corpus_items(
    inputs: Iterable[str],
    *,
    exclude: Iterable[str | PathLike[str]] = (),
    read_stdin: Callable[[], bytes] | None = None,
    encoding: str | None = None,
) -> Iterator[Any]:
    """The documents named by command-line inputs, one item per document, read lazily.

    * ``-`` is standard input, one document.
    * A directory is searched recursively, in path order, for ``*.txt`` and ``*.jsonl`` files
      (names starting with a dot and symlinked directories are skipped).
    * A name with ``*``, ``?`` or ``[`` that is not a file is a glob (``**`` spans directories).
    * A ``.jsonl`` file is a corpus: one document per non-blank line (:class:`JsonLine`).
    * Any other file is one text document (a :class:`~pathlib.Path`, read by the worker).

    Files in ``exclude`` (the output file) are skipped when found in a directory or glob. An input
    that yields no document is an :class:`Unreadable` item, so it is reported in its place.
    """
    skip = {os.path.realpath(path) for path in exclude}
    for name in inputs:
        if name == "-":
            yield _stdin_document(read_stdin, encoding)
        elif os.path.isdir(name):
            empty = Unreadable(name, f"{name}: is a directory with no .txt or .jsonl files")
            yield from _items(_walk(name, skip), empty)
        elif not os.path.exists(name) and _GLOB_MAGIC.search(name):
            yield from _items(_glob(name, skip), Unreadable(name, f"{name}: no files match"))
        else:
            yield from _file_items(name)


def _stdin_document(read_stdin: Callable[[], bytes] | None, encoding: str | None = None) -> Document | Unreadable:
    data = read_stdin() if read_stdin is not None else sys.stdin.buffer.read()
    try:
        return Document(id="<stdin>", text=decode(data, "<stdin>", encoding))
    except InputError as exc:
        return Unreadable("<stdin>", str(exc))


def _items(files: Iterator[str], otherwise: Unreadable) -> Iterator[Any]:
    """The documents of the files found, or ``otherwise`` when no file was."""
    first = next(files, None)
    if first is None:
        yield otherwise
        return
    for path in itertools.chain([first], files):
        yield from _file_items(path)


def _walk(top: str, skip: set[str]) -> Iterator[str]:
    """The corpus files under ``top``, in path order (a directory's entries sorted by name, each
    subdirectory where its name falls); hidden names and symlinked directories are left out."""
    try:
        entries = sorted(os.scandir(top), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, skip)
        elif entry.name.lower().endswith(CORPUS_SUFFIXES) and not (skip and os.path.realpath(entry.path) in skip):
            yield entry.path


def _glob(pattern: str, skip: set[str]) -> Iterator[str]:
    for path in sorted(glob(pattern, recursive=True)):
        if os.path.isdir(path):
            yield from _walk(path, skip)
        elif not (skip and os.path.realpath(path) in skip):
            yield path


def _file_items(name: str) -> Iterator[Any]:
    if not name.lower().endswith(".jsonl"):
        yield Path(name)
        return
    try:
        lines = open(name, "rb")  # noqa: SIM115 - closed below, after the last line is handed out
    except FileNotFoundError:
        yield Unreadable(name, f"{name}: no such file")
        return
    except OSError as exc:
        yield Unreadable(name, f"{name}: cannot read: {exc.strerror}")
        return
    with lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield JsonLine(name, number, line)


# --------------------------------------------------------------------------- reading one item


def read_item(item: Any, index: int, options: ReadOptions) -> tuple[Document, str | None]:
    """The document an item holds and the file it came from (``None`` when not from a file)."""
    if isinstance(item, Unreadable):
        raise InputError(item.reason)
    fields = {"id_field": options.id_field, "text_field": options.text_field, "date_field": options.date_field}
    if isinstance(item, JsonLine):
        try:
            record = json.loads(decode(item.data, item.name, options.encoding))
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
    text = str(exc) if isinstance(exc, GovmetricsError) else f"{type(exc).__name__}: {exc}"
    text = " ".join(text.split())
    for prefix in (f"{id}: ", f"{id} "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text or type(exc).__name__


def _error_type(exc: BaseException) -> str:
    return "InputError" if isinstance(exc, InputError) else type(exc).__name__


def run_one(index: int, item: Any, options: ReadOptions, task: Task, *, keep_exception: bool = False) -> Outcome:
    """Read and process one item; any error becomes the outcome's ``error``."""
    doc_id = _first_id(item, index, options)
    source = item.source if isinstance(item, JsonLine) else str(item) if isinstance(item, (Path, PathLike)) else None
    chars = 0
    try:
        document, source = read_item(item, index, options)
        doc_id = document.id
        text = document.text
        chars = len(text.text if isinstance(text, Article) else text)
        value, count = task(document, source)
    except Exception as exc:
        return Outcome(
            index=index,
            id=doc_id,
            source=source,
            chars=chars,
            error=_reason(exc, doc_id),
            error_type=_error_type(exc),
            exception=exc if keep_exception else None,
        )
    return Outcome(index=index, id=doc_id, source=source, value=value, count=count, chars=chars)


def _run_chunk(chunk: list[tuple[int, Any]], options: ReadOptions, task: Task) -> list[Outcome]:
    """Runs in a worker: one chunk of items."""
    return [run_one(index, item, options, task) for index, item in chunk]


def _init_worker() -> None:
    """Runs first in each worker: Ctrl-C is the parent's to handle, and plugins load as in a new process.

    A forked worker inherits the parent's plugin host. It keeps it when the host is what loading
    gives any new process (then the patterns built from its lexicons come along, and the worker
    starts warm); a host with plugins registered or removed by hand is dropped and loaded afresh,
    so workers see the same plugins whether they were forked or spawned.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from govmetrics.plugins import get_plugin_host, loaded_as_configured, reset_plugins

    if not loaded_as_configured():
        reset_plugins()
    get_plugin_host()


# --------------------------------------------------------------------------- running many


def map_documents(
    items: Iterable[Any],
    task: Task,
    *,
    processes: int | None = None,
    options: ReadOptions | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    mp_context: str | Any | None = None,
) -> Generator[Outcome, None, None]:
    """Run ``task`` on every item's document, yielding an :class:`Outcome` per item in input order.

    This is the engine of :func:`extract_many` and of ``govmetrics extract``; see the module
    docstring for ``processes``, streaming and ``mp_context``.
    """
    _check_counts(processes, chunksize)
    options = options or ReadOptions()
    if processes is None or processes == 1:
        return (run_one(index, item, options, task, keep_exception=True) for index, item in enumerate(items))
    return _pooled(items, task, processes, options, chunksize, mp_context)


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
    items: Iterable[Any], task: Task, processes: int, options: ReadOptions, chunksize: int, mp_context: Any
) -> Generator[Outcome, None, None]:
    window = processes * CHUNKS_PER_WORKER
    executor = ProcessPoolExecutor(max_workers=processes, mp_context=_context(mp_context), initializer=_init_worker)
    pending: deque[tuple[int, Future[list[Outcome]]]] = deque()

    def done(first: int, future: Future[list[Outcome]]) -> list[Outcome]:
        try:
            return future.result()
        except BrokenProcessPool:
            raise BatchError(
                f"a worker process died (killed, or out of memory?) while extracting the documents from number "
                f"{first + 1} on"
            ) from None

    try:
        for chunk in _chunks(items, chunksize, options):
            pending.append((chunk[0][0], executor.submit(_run_chunk, chunk, options, task)))
            while len(pending) >= window or (pending and pending[0][1].done()):
                yield from done(*pending.popleft())
        while pending:
            yield from done(*pending.popleft())
    finally:
        # Stopped early (fail-fast, an error, the caller dropping the iterator): cancel what has not
        # started; the chunks already running (a handful) finish first.
        executor.shutdown(wait=True, cancel_futures=True)


@attrs.frozen
class ExtractTask:
    """The task of :func:`extract_many`: the document's :class:`~govmetrics.models.Extraction`."""

    strict: bool

    def __call__(self, document: Document, source: str | None) -> tuple[Extraction, int]:
        result = extract(document.text, published=document.published, strict=self.strict)
        return result, len(result.records)


def extract_many(
    items: Iterable[Any],
    *,
    processes: int | None = None,
    published: dt.date | str | None = None,
    strict: bool | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    chunksize: int = DEFAULT_CHUNKSIZE,
    on_error: Literal["report", "raise"] = "report",
    mp_context: str | Any | None = None,
    encoding: str | None = None,
) -> Iterator[DocumentResult]:
    """Extract every document of a corpus, yielding a :class:`DocumentResult` per item, in input order.

    :param items: texts, :class:`~govmetrics.models.Article` objects, file paths (``Path``, read as
        UTF-8 or GB18030), dicts (JSON records) or :class:`~govmetrics.documents.Document` objects;
        any iterable, read lazily.
    :param processes: ``None`` or ``1`` runs in this process; ``N`` runs ``N`` worker processes.
    :param published: the publication date of documents that carry none (a record's date field, a
        date in a file name and an article's own date come first).
    :param strict: a failing plugin fails the document instead of warning; by default,
        ``GOVMETRICS_STRICT_PLUGINS`` (read here, once) decides.
    :param id_field: the field of a dict item holding its id (without it, the item's position is its id).
    :param text_field: the field of a dict item holding its text.
    :param date_field: the field of a dict item holding its publication date (``YYYY-MM-DD``).
    :param chunksize: documents sent to a worker at a time.
    :param on_error: ``"report"`` yields a result with the error and goes on; ``"raise"`` raises a
        :class:`DocumentError` at the first failing document (the results before it are yielded).
    :param mp_context: the multiprocessing start method (``"fork"``, ``"spawn"``, ``"forkserver"``)
        or context; by default ``fork`` when the platform has it and this process runs one thread.
    :param encoding: the encoding of files read from paths, or ``None`` to detect it (UTF-8,
        GB18030 or Big5).
    :raises BatchError: a worker process died.
    """
    if isinstance(items, (str, bytes, dict, Article, Document, PathLike)):
        raise InputError(
            f"extract_many takes an iterable of documents, not one {type(items).__name__}; for one, use extract"
        )
    if on_error not in ("report", "raise"):
        raise InputError(f"on_error must be 'report' or 'raise', not {on_error!r}")
    options = ReadOptions(
        published=parse_published(published),
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        encoding=encoding,
    )
    task = ExtractTask(strict=strict_from_env() if strict is None else strict)
    outcomes = map_documents(
        items, task, processes=processes, options=options, chunksize=chunksize, mp_context=mp_context
    )
    return _results(outcomes, raise_first=on_error == "raise")


def _results(outcomes: Generator[Outcome, None, None], *, raise_first: bool) -> Iterator[DocumentResult]:
    with contextlib.closing(outcomes):
        for outcome in outcomes:
            if outcome.error is not None and raise_first:
                raise DocumentError(outcome.id, outcome.error, outcome.error_type) from outcome.exception
            yield DocumentResult(
                index=outcome.index,
                id=outcome.id,
                extraction=outcome.value,
                error=outcome.error,
                error_type=outcome.error_type,
                source=outcome.source,
                chars=outcome.chars,
            )
