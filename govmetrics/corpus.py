"""Corpus discovery: command-line style inputs turned into items, one per document, read lazily.

:func:`corpus_items` takes what a command line names (files, directories, globs, JSON Lines corpora,
``-`` for standard input) and yields one item per document, without reading the documents: a text
file stays a :class:`~pathlib.Path` and a JSON Lines line stays its bytes (a :class:`JsonLine`), so
a pool's workers read and decode them in parallel. An input that yields no document becomes an
:class:`Unreadable` item, so it is reported in its place in the output. The items go to
:func:`~govmetrics.pool.map_documents`; the ``govmetrics extract`` command is built on the two.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from glob import glob
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from govmetrics.documents import Document, decode
from govmetrics.errors import InputError

#: File names a directory is searched for: a text file is a document, a JSON Lines file a corpus.
CORPUS_SUFFIXES = (".txt", ".jsonl")
_GLOB_MAGIC = re.compile(r"[*?[]")


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


def expand_corpus_files(items: Iterable[Any]) -> Iterator[Any]:
    """The items, with each path to a ``.jsonl`` file (a :class:`~pathlib.Path`, not a str, which is
    a text) in place of its documents: one per non-blank line, as the command line reads it."""
    for item in items:
        if isinstance(item, PathLike) and os.fspath(item).lower().endswith(".jsonl"):
            yield from _file_items(os.fspath(item))
        else:
            yield item


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
