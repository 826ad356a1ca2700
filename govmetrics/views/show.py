"""The ``govmetrics show`` run: inputs read as ``extract`` reads them, extracted, written as one HTML file.

Inputs are named as for ``govmetrics extract`` (:func:`govmetrics.corpus.corpus_items`): text
files, ``-``, directories, globs and JSON Lines corpora, each document read by
:func:`govmetrics.pool.read_item` with the same fields and dates. The documents are extracted in
this process, one after another: a report is for reading, a few hundred documents at most.

A report over :data:`MOST_DOCUMENTS` documents is refused before anything is extracted, with an
error that says to give ``--limit``: a file of thousands of marked stories is too big for a
browser to open usefully, and a glob that matched a whole archive is better caught than rendered.
``--limit N`` shows the first ``N`` documents, however many there are.

A document that cannot be read (a missing file, a line that is not JSON) is one line on stderr,
as ``extract`` reports it, and the others are still shown; the run then ends with status 2. A run
that reads no document at all writes no file (a previous report stays as it was).
"""

from __future__ import annotations

import argparse
import itertools
import warnings
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import attrs

from govmetrics.corpus import corpus_items
from govmetrics.document_rows import extract_document
from govmetrics.documents import Document, parse_published
from govmetrics.errors import InputError, PluginError
from govmetrics.escapes import for_terminal
from govmetrics.output_file import AtomicOutput
from govmetrics.plugins import PluginWarning
from govmetrics.pool import ReadOptions, read_item
from govmetrics.views.report import DocumentView, report_html

#: The most documents a report takes unless ``--limit`` says how many to show.
MOST_DOCUMENTS = 200

EXIT_FAILED = 1
EXIT_INPUT = 2


@attrs.frozen(kw_only=True)
class ShowRun:
    """What to show and how: the inputs and how to read them, where to write the report."""

    inputs: tuple[str, ...] = attrs.field(converter=tuple)
    read: ReadOptions = attrs.field(factory=ReadOptions)
    #: Each document is a newspaper page: split into stories, each a section of its own.
    pages: bool = False
    strict: bool = False
    #: Show the first this many documents; ``None``: all, refused over :data:`MOST_DOCUMENTS`.
    limit: int | None = None
    #: The file to write, or ``None`` (or ``-``) for standard output.
    output: str | None = None


def document_count(value: str) -> int:
    """``--limit``: a whole number of documents, one or more."""
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"want a number of documents (1 or more), not {value!r}")
    return count


SHOW_HELP = "write texts, pages or a small corpus as HTML with every record marked"


def add_show_arguments(show: argparse.ArgumentParser) -> None:
    """The arguments of ``govmetrics show``: its inputs and how to read them, as for ``extract``."""
    show.add_argument(
        "files",
        nargs="+",
        metavar="INPUT",
        help="as for extract: a text file, - for stdin, a directory, a glob, or a JSON Lines corpus",
    )
    show.add_argument(
        "--published",
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date of documents that carry none (in a record's date field or the file name)",
    )
    show.add_argument("-o", "--output", default=None, metavar="FILE", help="write the HTML to FILE, not stdout")
    show.add_argument("--pages", action="store_true", help="each document is a newspaper page: a section a story")
    show.add_argument(
        "--limit",
        type=document_count,
        default=None,
        metavar="N",
        help=f"show the first N documents (without it, more than {MOST_DOCUMENTS} is an error)",
    )
    show.add_argument("--text-field", default="text", metavar="NAME", help="JSON Lines: the text field (default text)")
    show.add_argument(
        "--date-field", default="published", metavar="NAME", help="JSON Lines: the date field (default published)"
    )
    show.add_argument("--id-field", default="id", metavar="NAME", help="JSON Lines: the id field (default id)")
    show.add_argument("--encoding", default=None, metavar="NAME", help="the input's encoding (default: detect)")
    show.add_argument("--strict", action="store_true", help="a failing plugin is an error, not a warning")


def show_run(args: argparse.Namespace) -> ShowRun:
    """The run the parsed arguments ask for; a bad ``--published`` is an :class:`InputError` here."""
    read = ReadOptions(
        published=parse_published(args.published),
        id_field=args.id_field,
        text_field=args.text_field,
        date_field=args.date_field,
        encoding=args.encoding,
    )
    return ShowRun(
        inputs=args.files, read=read, pages=args.pages, strict=args.strict, limit=args.limit, output=args.output
    )


def _limited(items: Iterator[Any], limit: int | None) -> list[Any]:
    if limit is not None:
        return list(itertools.islice(items, limit))
    taken = list(itertools.islice(items, MOST_DOCUMENTS + 1))
    if len(taken) > MOST_DOCUMENTS:
        raise InputError(
            f"more than {MOST_DOCUMENTS} documents to show: one HTML file of them all is too big to read; "
            "give --limit N to show the first N"
        )
    return taken


def document_view(document: Document, *, pages: bool, strict: bool) -> DocumentView:
    """Extract one document for the report: its text, or each story of its page (a PDF's always)."""
    paged, extractions = extract_document(document, strict=strict, pages=pages)
    return DocumentView(id=document.id, extractions=extractions, published=document.published, page=paged)


def _title(inputs: Sequence[str], documents: Sequence[DocumentView]) -> str:
    if len(documents) == 1:
        return documents[0].id
    return f"govmetrics: {', '.join(inputs)}"


def run_show(run: ShowRun, out: TextIO, err: TextIO) -> int:
    """Show the inputs as one HTML file; the exit status (0, or 2 when a document could not be read,
    1 when one failed to extract: a plugin error under ``strict``)."""
    to_file = run.output is not None and run.output != "-"
    target = AtomicOutput(run.output) if to_file and run.output is not None else None
    try:
        status, documents = _documents(run, [run.output, target.partial] if target else [], err)
        if not documents and status:
            if target is not None:
                target.discard()
            return status
        report = report_html(documents, title=_title(run.inputs, documents))
        if target is None:
            out.write(report)
            return status
        with open(target.partial, "w", encoding="utf-8", newline="") as file:
            file.write(report)
    except BaseException:
        if target is not None:
            target.discard()
        raise
    target.commit()
    return status


def _documents(run: ShowRun, exclude: list[Any], err: TextIO) -> tuple[int, list[DocumentView]]:
    """The documents to show, extracted, and the run's status so far; each failure one line on ``err``."""
    items = _limited(corpus_items(run.inputs, exclude=exclude, encoding=run.read.encoding), run.limit)
    status = 0
    documents = []
    reported: set[tuple[str, str]] = set()
    for index, item in enumerate(items):
        try:
            document, _ = read_item(item, index, run.read)
        except InputError as exc:
            print(for_terminal(f"govmetrics: {exc}"), file=err)
            status = EXIT_INPUT
            continue
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PluginWarning)
            try:
                documents.append(document_view(document, pages=run.pages, strict=run.strict))
            except PluginError as exc:
                print(for_terminal(f"govmetrics: {document.id}: {exc}"), file=err)
                status = max(status, EXIT_FAILED)
        for warning in caught:
            message = warning.message
            if isinstance(message, PluginWarning) and message.plugin is not None:
                failure = (message.plugin, message.reason or str(message))
                if failure not in reported:  # a plugin failing on every document is one line
                    reported.add(failure)
                    print(
                        for_terminal(f"govmetrics: plugin {failure[0]}: document {document.id}: {failure[1]}"), file=err
                    )
            else:
                warnings.warn_explicit(message, warning.category, warning.filename, warning.lineno)
    return status, documents
