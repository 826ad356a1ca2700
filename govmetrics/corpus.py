"""Corpus discovery: command-line style inputs turned into items, one per document, read lazily.

:func:`corpus_items` takes what a command line names (files, directories, globs, JSON Lines corpora,
``-`` for standard input) and yields one item per document, without reading the documents: a text
file stays a :class:`~pathlib.Path` and a JSON Lines line stays its bytes (a :class:`JsonLine`), so
a pool's workers read and decode them in parallel. An input that yields no document becomes an
:class:`Unreadable` item, so it is reported in its place in the output. The items go to
:func:`~govmetrics.pool.map_documents`; the ``govmetrics extract`` command is built on the two.
"""

from __future__ import annotations

import contextlib
import fnmatch
import itertools
import os
import re
import stat
import sys
from collections.abc import Callable, Container, Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from govmetrics.documents import PDF_SUFFIXES, WEB_PAGE_SUFFIXES, Document, decode, text_document
from govmetrics.errors import GovmetricsError

#: File names a directory is searched for: a text file, a web page or a PDF is a document, a JSON
#: Lines file a corpus.
CORPUS_SUFFIXES = (".txt", ".jsonl", *WEB_PAGE_SUFFIXES, *PDF_SUFFIXES)
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
    """An input that is not turned into documents, and why: an empty directory, a glob matching
    nothing, a directory that cannot be listed or is a symlink met in a walk, a FIFO or other
    special file, an empty file, the output file."""

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
    * A directory is searched recursively, in path order, for ``*.txt``, ``*.jsonl``, ``*.pdf`` and
      web page (``*.html``, ``*.htm``, ``*.shtml``, ``*.xhtml``) files
      (names starting with a dot are left out).
    * A name with ``*``, ``?`` or ``[`` that is not a file is a glob (``**`` spans directories;
      names starting with a dot match only a pattern that starts with one).
    * A ``.jsonl`` file is a corpus: one document per non-blank line (:class:`JsonLine`).
    * Any other file is one text document (a :class:`~pathlib.Path`, read by the worker).

    A directory walk and a glob follow no symlinked directory: each one they meet is reported (a
    symlinked directory named as an input is read). Every input that is not read is an
    :class:`Unreadable` item in its place, so it is reported: the file in ``exclude`` (the output)
    however it was found, a directory that cannot be listed, a FIFO or any file that is not a
    regular one (never opened: a FIFO would block), an empty file, an input that yields no document.
    """
    outputs = _identities(exclude)
    for name in inputs:
        if name == "-":
            yield _stdin_document(read_stdin, encoding)
        elif os.path.isdir(name):
            empty = Unreadable(name, f"{name}: is a directory with no .txt, .jsonl, .html or .pdf files")
            yield from _items(_walk(name), empty, outputs)
        elif not os.path.lexists(name) and _GLOB_MAGIC.search(name):
            yield from _items(_glob(name), Unreadable(name, f"{name}: no files match"), outputs)
        else:
            yield from _file_items(name, outputs)


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
        return text_document("<stdin>", decode(data, "<stdin>", encoding))
    except GovmetricsError as exc:  # bytes in no encoding, a page with no story, no html extra
        return Unreadable("<stdin>", str(exc))


def _items(
    found: Iterator[str | Unreadable], otherwise: Unreadable, outputs: Container[tuple[int, int]]
) -> Iterator[Any]:
    """The documents of the files found (and what was found but cannot be read, in its place), or
    ``otherwise`` when nothing was."""
    first = next(found, None)
    if first is None:
        yield otherwise
        return
    for path in itertools.chain([first], found):
        if isinstance(path, Unreadable):
            yield path
        else:
            yield from _file_items(path, outputs)


def _walk(top: str) -> Iterator[str | Unreadable]:
    """The corpus files under ``top``, in path order (a directory's entries sorted by name, each
    subdirectory where its name falls); hidden names are left out, and a symlinked directory or
    one that cannot be listed is reported where it falls."""
    entries = _entries(top)
    if isinstance(entries, Unreadable):
        yield entries
        return
    for entry in sorted(entries, key=lambda entry: entry.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_symlink() and entry.is_dir():
            yield _symlinked(entry.path)
        elif entry.name.lower().endswith(CORPUS_SUFFIXES):
            yield entry.path


def _entries(folder: str) -> list[os.DirEntry[str]] | Unreadable:
    try:
        with os.scandir(folder or ".") as entries:
            return list(entries)
    except (FileNotFoundError, NotADirectoryError):
        return []  # a glob's fixed part that names nothing: no match, said by the caller
    except OSError as exc:
        return Unreadable(folder, f"{folder}: cannot read the directory: {exc.strerror or exc}")


def _symlinked(path: str) -> Unreadable:
    return Unreadable(path, f"{path}: a symlinked directory, not followed (name it to read it)")


def _glob(pattern: str) -> Iterator[str | Unreadable]:
    """What ``glob.glob(pattern, recursive=True)`` finds, in path order, with a matched directory
    walked, but following no symlinked directory (as :func:`_walk` does): the walk is done here,
    one path component at a time, so that a symlinked or unreadable directory can be reported."""
    parts = pattern.split(os.sep)
    fixed = next((index for index, part in enumerate(parts) if _GLOB_MAGIC.search(part)), len(parts))
    base = os.sep.join(parts[:fixed]) or (os.sep if pattern.startswith(os.sep) else "")
    found: dict[str, Unreadable | None] = {}
    _match(base, parts[fixed:], found)
    for path in sorted(found):
        report = found[path]
        if report is not None:
            yield report
        elif os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _match(folder: str, parts: list[str], found: dict[str, Unreadable | None]) -> None:
    """Put in ``found`` the paths under ``folder`` that match the pattern's remaining ``parts``."""
    if not parts:
        if folder:
            found.setdefault(folder, None)
        return
    part, rest = parts[0], parts[1:]
    if not _GLOB_MAGIC.search(part):
        path = os.path.join(folder, part)
        if os.path.isdir(path) if rest else os.path.lexists(path):
            _match(path, rest, found)
        return
    entries = _entries(folder)
    if isinstance(entries, Unreadable):
        found[folder] = entries
        return
    if part == "**" and rest:
        _match(folder, rest, found)  # no directory at all
    for entry in entries:
        path = os.path.join(folder, entry.name)
        if entry.name.startswith(".") and not part.startswith("."):
            continue
        if part == "**" and not rest:  # everything under the folder: its entries, each walked
            found[path] = _symlinked(path) if entry.is_symlink() and entry.is_dir() else None
        elif part == "**":
            if entry.is_dir(follow_symlinks=False):
                _match(path, parts, found)
            elif entry.is_symlink() and entry.is_dir():
                found[path] = _symlinked(path)
        elif fnmatch.fnmatch(entry.name, part):
            if entry.is_symlink() and entry.is_dir():
                found[path] = _symlinked(path)
            elif not rest:
                found.setdefault(path, None)
            elif entry.is_dir():
                _match(path, rest, found)


def _identities(paths: Iterable[str | PathLike[str]]) -> set[tuple[int, int]]:
    """The files as the system knows them (device, inode): a path through a link or a hard link
    to the same file has the same."""
    found = set()
    for path in paths:
        with contextlib.suppress(OSError):
            info = os.stat(path)
            found.add((info.st_dev, info.st_ino))
    return found


def _not_readable(name: str, outputs: Container[tuple[int, int]]) -> Unreadable | None:
    """Why the file ``name`` is not read, found without opening it; ``None`` to read it (a file
    that cannot even be looked at is left to the reader, which says why)."""
    try:
        info = os.stat(name)
    except OSError:
        return None
    if (info.st_dev, info.st_ino) in outputs:
        return Unreadable(name, f"{name}: the output file is also an input; not read")
    if not stat.S_ISREG(info.st_mode):
        return Unreadable(name, f"{name}: not a regular file ({_file_kind(info.st_mode)}); not read")
    if info.st_size == 0:
        return Unreadable(name, f"{name}: is empty")
    return None


def _file_kind(mode: int) -> str:
    kinds = [
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    ]
    return next((kind for test, kind in kinds if test(mode)), "a special file")


def _file_items(name: str, outputs: Container[tuple[int, int]] = ()) -> Iterator[Any]:
    refused = _not_readable(name, outputs)
    if refused is not None:
        yield refused
        return
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
    documents = 0
    with lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                documents += 1
                yield JsonLine(name, number, line)
    if not documents:
        yield Unreadable(name, f"{name}: no document in it (only blank lines)")
