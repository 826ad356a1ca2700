"""Many documents at once: :func:`extract_many` streams results, in input order, over a process pool.

``extract_many(items, processes=4)`` reads each item (a text, an :class:`~govmetrics.models.Article`,
a file path, a JSON record, a :class:`~govmetrics.documents.Document`) with
:func:`~govmetrics.documents.as_document` and extracts it, yielding one :class:`DocumentResult` per
item in the order the items came. A document that fails (a file that cannot be read or decoded, a
record without text, a plugin error in strict mode) gives a result with its id and the reason; the
others go on. ``on_error="raise"`` stops at the first failure with a :class:`DocumentError`.

The documents are run by :func:`~govmetrics.pool.map_documents`: in this process, or on worker
processes that each load the plugins a new process loads, streaming, with ``fork`` or ``spawn``
(see :mod:`govmetrics.pool`). :func:`~govmetrics.corpus.corpus_items` turns command-line style
inputs (files, directories, globs, JSON Lines corpora, ``-``) into items (see :mod:`govmetrics.corpus`).
Both modules' public names are importable from here too, where they lived before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import warnings
from collections.abc import Generator, Iterable, Iterator
from os import PathLike
from typing import Any, Literal

import attrs

from govmetrics.api import extract
from govmetrics.columns import kept_names
from govmetrics.corpus import CORPUS_SUFFIXES, JsonLine, Unreadable, corpus_items, expand_corpus_files
from govmetrics.documents import Document, parse_published
from govmetrics.errors import BatchError, DocumentError, InputError, UndatedWarning, undated_message
from govmetrics.extraction import Extraction
from govmetrics.models import Article
from govmetrics.plugins import PluginWarning, strict_from_env
from govmetrics.pool import (
    CHUNK_BYTES,
    CHUNKS_PER_WORKER,
    DEFAULT_CHUNKSIZE,
    Outcome,
    ReadOptions,
    Task,
    map_documents,
    read_item,
    run_one,
)

__all__ = [
    "CHUNKS_PER_WORKER",
    "CHUNK_BYTES",
    "CORPUS_SUFFIXES",
    "DEFAULT_CHUNKSIZE",
    "BatchError",
    "DocumentError",
    "DocumentResult",
    "ExtractTask",
    "JsonLine",
    "Outcome",
    "ReadOptions",
    "Task",
    "Unreadable",
    "corpus_items",
    "extract_many",
    "map_documents",
    "read_item",
    "run_one",
]


@attrs.frozen(kw_only=True)
class DocumentResult:
    """What became of one document of :func:`extract_many`: its extraction, or why it failed.

    ``index`` is the item's position in the input; ``id`` names the document (as
    :func:`~govmetrics.documents.as_document` names it); ``source`` is the file it was read from,
    if any. Exactly one of ``extraction`` and ``error`` is set. ``error`` is one line;
    ``error_type`` is the exception's class name (``InputError`` for input that could not be read).
    ``chars`` counts the characters of the document's text; ``published`` is its publication
    date (``None`` when it has none).
    """

    index: int
    id: str
    extraction: Extraction | None = None
    error: str | None = None
    error_type: str | None = None
    source: str | None = None
    chars: int = 0
    published: dt.date | None = None
    #: The document's own fields asked for with ``keep_fields``, as text (``None`` where it has none).
    kept: tuple[tuple[str, str | None], ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


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
    keep_fields: Iterable[str] | str = (),
    timeout: float | None = None,
) -> Iterator[DocumentResult]:
    """Extract every document of a corpus, yielding a :class:`DocumentResult` per item, in input order.

    :param items: texts, :class:`~govmetrics.models.Article` objects, file paths (``Path``, read as
        UTF-8, GB18030 or Big5; a ``.jsonl`` file is a corpus, one document per line), dicts (JSON
        records) or :class:`~govmetrics.documents.Document` objects; any iterable, read lazily.
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
    :param keep_fields: fields of dict items (JSON records) to carry along as they are, as text:
        each result's ``kept`` (``("title", "url")``, or ``"title,url"``).
    :param timeout: the most seconds one document may take (``None``: no limit); a document that
        takes longer fails with the reason, and a worker stuck on it is replaced.
    :raises InputError: a kept field's name is already a column of the records, or ``timeout`` is
        not a number of seconds above 0.

    A worker process that dies (killed, out of memory) fails the documents it was running, each
    named in its result; the others go on, on a new worker.

    After the last document, when some extracted documents have no publication date (a corpus
    whose date field has another name, no ``published``), an :class:`~govmetrics.errors.UndatedWarning`
    says how many: once per call.
    """
    task = ExtractTask(strict=strict_from_env() if strict is None else strict)
    outcomes = run_documents(
        items,
        task,
        "extract_many",
        processes=processes,
        published=published,
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        chunksize=chunksize,
        on_error=on_error,
        mp_context=mp_context,
        encoding=encoding,
        keep_fields=keep_fields,
        timeout=timeout,
    )
    return _results(outcomes)


def _results(outcomes: Iterator[Outcome]) -> Iterator[DocumentResult]:
    for outcome in outcomes:
        yield DocumentResult(
            index=outcome.index,
            id=outcome.id,
            extraction=outcome.value,
            kept=outcome.kept,
            error=outcome.error,
            error_type=outcome.error_type,
            source=outcome.source,
            chars=outcome.chars,
            published=outcome.published,
        )


def run_documents(
    items: Iterable[Any],
    task: Task,
    caller: str,
    *,
    processes: int | None = None,
    published: dt.date | str | None = None,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    chunksize: int = DEFAULT_CHUNKSIZE,
    on_error: Literal["report", "raise"] = "report",
    mp_context: str | Any | None = None,
    encoding: str | None = None,
    keep_fields: Iterable[str] | str = (),
    timeout: float | None = None,
) -> Iterator[Outcome]:
    """Run ``task`` on every document of a corpus, as :func:`extract_many` runs its extraction (the
    arguments are its own), yielding each document's :class:`~govmetrics.pool.Outcome`: plugin
    warnings shown in this process, the first failure raised with ``on_error="raise"``, and one
    :class:`~govmetrics.errors.UndatedWarning` after the last document. ``caller`` names the
    function in the error for a single document given where a corpus is wanted. The arguments are
    checked when it is called, before any document is read."""
    if isinstance(items, (str, bytes, dict, Article, Document, PathLike)):
        one = type(items).__name__
        raise InputError(f"{caller} takes an iterable of documents, not one {one}; for one, use extract")
    if on_error not in ("report", "raise"):
        raise InputError(f"on_error must be 'report' or 'raise', not {on_error!r}")
    options = ReadOptions(
        published=parse_published(published),
        id_field=id_field,
        text_field=text_field,
        date_field=date_field,
        encoding=encoding,
        keep_fields=kept_names(keep_fields),
    )
    outcomes = map_documents(
        expand_corpus_files(items),
        task,
        processes=processes,
        options=options,
        chunksize=chunksize,
        mp_context=mp_context,
        timeout=timeout,
    )
    return _checked(outcomes, raise_first=on_error == "raise")


def _checked(outcomes: Generator[Outcome, None, None], *, raise_first: bool) -> Iterator[Outcome]:
    extracted = undated = 0
    with contextlib.closing(outcomes):
        for outcome in outcomes:
            for plugin, reason, message in outcome.warnings:  # shown here, in the caller's process
                warnings.warn(PluginWarning(message, plugin, reason), stacklevel=2)
            if outcome.error is not None and raise_first:
                raise DocumentError(outcome.id, outcome.error, outcome.error_type) from outcome.exception
            if outcome.error is None:
                extracted += 1
                undated += outcome.published is None
            yield outcome
    if undated:
        fix = "name the field with date_field=, or pass published="
        warnings.warn(undated_message(undated, extracted, fix), UndatedWarning, stacklevel=2)
