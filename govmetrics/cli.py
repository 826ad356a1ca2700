"""The ``govmetrics`` command.

    govmetrics extract [INPUT ...|-] [--published YYYY-MM-DD] [--format jsonl|json|csv|table|parquet]
                       [-o FILE] [--jobs N] [--text-field F] [--date-field F] [--id-field F]
                       [--keep-fields NAMES] [--strict] [--pages] [--fail-fast] [--timeout SECONDS]
                       [--progress|--no-progress]
    govmetrics plugins
    govmetrics show INPUT ... [--published YYYY-MM-DD] [-o FILE] [--pages] [--limit N]

``extract`` writes one record per line (JSON Lines by default), each with a ``kind`` field, the
file it came from (``source``) and the document's ``id``. An input is a text file (UTF-8 or
GB18030), a web page (``*.html``; its story, headline and date are read, see
:mod:`govmetrics.readers.html`), a PDF (always read as newspaper pages, see
:mod:`govmetrics.readers.pdf`), ``-`` for standard input, a directory (searched recursively for
``*.txt``, ``*.html``, ``*.pdf`` and ``*.jsonl``), a glob, or a JSON Lines corpus (``*.jsonl``: one document
per line, its fields named by ``--text-field``, ``--date-field`` and ``--id-field``, the text field
holding text or a web page; ``--keep-fields title,url`` carries other fields of its into every row,
as columns of their names). A document's publication date is its record's date field, else the
date its web page prints, else a date in its file name, else ``--published``.

``-o FILE`` writes to a file, in the format its suffix names (``.jsonl``, ``.json``, ``.csv``,
``.parquet``) unless ``--format`` says otherwise: to a hidden file beside it, renamed over it when
the run ends, so that an interrupted run leaves the previous file as it was. ``--jobs N`` extracts
on ``N`` processes (``0``: one per CPU), never more than the CPUs or the documents; records still
come out in input order, written as their documents finish. An input that is not read (the output
file itself, a FIFO, an empty file, a symlinked directory met in a walk) is reported as one that
cannot be read.

A document that fails is one line on stderr, ``govmetrics: <id>: <reason>``, and the run goes on
(``--fail-fast`` stops it there). So is a document that takes longer than ``--timeout`` seconds
(default 300), or whose worker process dies; the worker is replaced.

With progress on (stderr a terminal and the records not going to that same terminal, or
``--progress``) a progress line is kept on stderr and a summary line ends the run: documents,
records, failures.

``show`` writes inputs read as by ``extract`` as one HTML file, records marked (:mod:`govmetrics.views.show`).

Exit status: 0 when every document was extracted; 2 for bad arguments (a bad date, an unknown
output suffix, an unwritable output, Parquet without pyarrow) or when some input could not be
read (a missing file, bytes that are neither encoding, a line that is not JSON, a record without
text); 1 when every input was read but some document failed to extract (a plugin error under
``--strict``, a worker process that died); 2 as well when the disk is full (or a file size limit
is met) while writing, with one line naming the file; 130, 143 or 129 when interrupted by SIGINT
(Ctrl-C), SIGTERM or SIGHUP, after one line on stderr and with the workers ended. 2 wins over 1.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import itertools
import os
import signal
import sys
import threading
import warnings
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import attrs

from govmetrics import interrupts
from govmetrics.columns import Columns, kept_names, table_columns
from govmetrics.corpus import corpus_items
from govmetrics.database import database_payload, write_datasette_metadata
from govmetrics.document_rows import document_rows
from govmetrics.documents import Document, parse_published
from govmetrics.errors import BatchError, GovmetricsError, InputError, undated_message
from govmetrics.escapes import for_terminal
from govmetrics.export import FORMATS, RecordWriter, encode_rows, format_for, open_writer
from govmetrics.output_file import AtomicOutput
from govmetrics.plugins import PluginWarning, get_plugin_host, iter_plugin_info
from govmetrics.pool import ReadOptions, map_documents
from govmetrics.progress import Progress
from govmetrics.views.show import SHOW_HELP, add_show_arguments, run_show, show_run

EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + the signal's number: 143 for SIGTERM, 129 for SIGHUP


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"want a whole number of processes (0: one per CPU), not {value!r}")
    return jobs


#: Seconds one document may take by default: far beyond any real document (the longest work
#: report takes well under a second), short enough that a plugin stuck in a loop ends.
DEFAULT_TIMEOUT = 300.0


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"want a number of seconds (0: no limit), not {value!r}")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govmetrics", description="Typed records from Chinese government news.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser("extract", help="extract records from text files and corpora")
    run.add_argument(
        "files",
        nargs="*",
        default=["-"],
        metavar="INPUT",
        help="a text file (UTF-8 or GB18030), a web page (*.html), a PDF, - for stdin, a directory (its *.txt, "
        "*.html, *.pdf and *.jsonl, recursively), a glob, or a JSON Lines corpus (*.jsonl, one document per line)",
    )
    run.add_argument(
        "--published",
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date of documents that carry none (in a record's date field, the web page or the file name)",
    )
    run.add_argument(
        "--format", choices=FORMATS, default=None, help="output format (default: by the suffix of -o, else jsonl)"
    )
    run.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FILE",
        help="write to FILE (.jsonl, .json, .csv, .parquet or .db), not stdout",
    )
    run.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0: one per CPU); never more than the CPUs or the documents",
    )
    run.add_argument("--text-field", default="text", metavar="NAME", help="JSON Lines: the text field (default text)")
    run.add_argument(
        "--date-field", default="published", metavar="NAME", help="JSON Lines: the date field (default published)"
    )
    run.add_argument("--id-field", default="id", metavar="NAME", help="JSON Lines: the id field (default id)")
    run.add_argument(
        "--keep-fields",
        default="",
        metavar="NAMES",
        help="JSON Lines: fields to carry into every record's row as they are, by name, separated by commas "
        "(title,url)",
    )
    run.add_argument(
        "--encoding", default=None, metavar="NAME", help="the input's encoding (default: detect UTF-8, GB18030, Big5)"
    )
    run.add_argument("--strict", action="store_true", help="a failing plugin is an error, not a warning")
    run.add_argument(
        "--pages",
        action="store_true",
        help="each document is a newspaper page (as a PDF always is): split it into stories first and tag records "
        "with their article",
    )
    run.add_argument("--fail-fast", action="store_true", help="stop at the first document that fails")
    run.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"a document taking longer fails, and its worker is replaced (default {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    run.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress line and a summary on stderr (default: when stderr is a terminal and records go elsewhere)",
    )
    commands.add_parser("plugins", help="list the loaded plugins, their versions and hooks")
    add_show_arguments(commands.add_parser("show", help=SHOW_HELP))
    return parser


@attrs.frozen
class RowsTask:
    """What a worker makes of one document for ``extract``: its rows, encoded for the output format."""

    fmt: str
    strict: bool
    pages: bool
    #: The columns of CSV and Parquet, worked out in the writing process: a worker encodes its
    #: rows into the same columns as the header or schema the writer wrote.
    columns: Columns = attrs.field(factory=table_columns)

    def __call__(self, document: Document, source: str | None) -> tuple[Any, int]:
        rows = document_rows(document, source, strict=self.strict, pages=self.pages)
        if self.fmt == "sqlite":  # a database keeps the document too
            return database_payload(document, source, rows, self.columns), len(rows)
        return encode_rows(rows, self.fmt, self.columns), len(rows)


def _output_format(args: argparse.Namespace) -> str:
    if args.format is not None:
        return str(args.format)
    if args.output is None or args.output == "-":
        return "jsonl"
    fmt = format_for(args.output)
    if fmt is None:
        raise InputError(f"{args.output}: cannot tell the output format from the name; give --format")
    return fmt


#: Thread counts of the linear-algebra libraries numpy loads, for a run that writes Parquet.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _one_blas_thread() -> None:
    """Writing Parquet imports pyarrow, and pyarrow numpy, whose linear-algebra library starts a
    thread a core that spins on start-up: some 0.1 s of CPU taken from the worker processes, for
    algebra this command never does. One thread, unless the environment already says how many."""
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    published = parse_published(args.published)  # a bad date stops the run before any file is read
    fmt = _output_format(args)
    if fmt == "parquet":
        _one_blas_thread()
    inputs = args.files or ["-"]
    to_file = args.output is not None and args.output != "-"
    progress_on = args.progress
    if progress_on is None:
        progress_on = _isatty(err) and (to_file or not _isatty(out))
    progress = Progress(err, enabled=progress_on)
    _load_plugins(progress)
    keep = kept_names(args.keep_fields)  # a name that clashes with a column stops the run here
    columns = table_columns().with_fields(keep)
    # a database is added to: its run starts from a copy of it
    target = AtomicOutput(args.output, start_from_target=fmt == "sqlite") if to_file else None
    try:
        writer = open_writer(fmt, target.partial if target else out, columns, name=args.output)
    except BaseException:
        if target is not None:
            target.discard()  # Parquet without pyarrow: no file left behind
        raise
    options = ReadOptions(
        published=published,
        id_field=args.id_field,
        text_field=args.text_field,
        date_field=args.date_field,
        encoding=args.encoding,
        keep_fields=keep,
    )
    exclude = [args.output, target.partial] if target else []
    items = corpus_items(inputs, exclude=exclude, encoding=args.encoding)
    task = RowsTask(fmt=fmt, strict=args.strict, pages=args.pages, columns=columns)
    jobs, items = _workers(args.jobs, items)
    status = 0
    stopped = False
    extracted = undated = failed = 0
    try:
        try:
            timeout = args.timeout or None
            run = map_documents(items, task, processes=jobs, options=options, timeout=timeout)
            with contextlib.closing(run) as outcomes:
                for outcome in outcomes:
                    for plugin, reason, _ in outcome.warnings:
                        progress.plugin_failed(plugin, reason, outcome.id)
                    if outcome.error is not None:
                        progress.message(f"govmetrics: {outcome.id}: {outcome.error}")
                        status = max(status, EXIT_INPUT if outcome.error_type == "InputError" else EXIT_FAILED)
                        failed += 1
                    else:
                        writer.write(outcome.value)
                        extracted += 1
                        undated += outcome.published is None
                    progress.done(records=outcome.count, chars=outcome.chars, failed=outcome.error is not None)
                    if outcome.error is not None and args.fail_fast:
                        stopped = True
                        break
        except BatchError as exc:
            progress.message(f"govmetrics: {exc}")
            status = max(status, EXIT_FAILED)
            failed += 1  # the documents the dead worker held, at least one
        writer.close()
    except BaseException as exc:
        _abandon(writer, target, exc, progress)
        raise
    if target is not None:
        # a run that read nothing (every input missing or unreadable) leaves the previous output
        if extracted or not failed:
            target.commit()
            if fmt == "sqlite":
                write_datasette_metadata(args.output)
        else:
            target.discard()
    if undated:
        # one line for the run: a corpus whose date field has another name would otherwise resolve
        # every date without a year against nothing, silently
        fix = "name the field with --date-field, or give --published"
        progress.message(f"warning: {undated_message(undated, extracted, fix)}")
    progress.finish(stopped=stopped)
    return status


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _workers(asked: int, items: Iterator[Any]) -> tuple[int, Iterator[Any]]:
    """How many worker processes to start: never more than the CPUs (more only share them) nor
    than the documents, counted by reading up to that many items ahead (``0``: one per CPU)."""
    cpus = available_cpus()
    jobs = min(asked or cpus, cpus)
    if jobs > 1:
        ahead = list(itertools.islice(items, jobs))
        jobs = max(min(jobs, len(ahead)), 1)
        items = itertools.chain(ahead, items)
    return jobs, items


def _abandon(writer: RecordWriter, target: AtomicOutput | None, exc: BaseException, progress: Progress) -> None:
    """End a run that did not finish without touching the previous output. An interrupted run
    keeps what it wrote, finished as far as it can be, and says where; a run that broke (a full
    disk, a bug) removes it."""
    if target is None:
        with contextlib.suppress(Exception):
            writer.close()
        return
    if isinstance(exc, Exception):
        with contextlib.suppress(Exception):
            writer.close()
        target.discard()
        return
    with contextlib.suppress(Exception):
        writer.close()
    if target.direct:
        return
    progress.message(
        f"govmetrics: {target.name} left as it was; what was written before the interruption is in {target.partial}"
    )


def _load_plugins(progress: Progress) -> None:
    """Load the plugins here, before any worker starts, each that fails to load one line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginWarning)
        get_plugin_host()
    for caught_warning in caught:
        message = caught_warning.message
        if isinstance(message, PluginWarning) and message.plugin is not None:
            progress.plugin_failed(message.plugin, message.reason or str(message))
        else:
            warnings.warn_explicit(message, caught_warning.category, caught_warning.filename, caught_warning.lineno)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def cmd_plugins(out: TextIO) -> int:
    for info in iter_plugin_info():
        origin = "built-in" if info.builtin else info.package
        print(f"{info.name}\t{info.version}\t{origin}\t{', '.join(info.hooks)}", file=out)
    return 0


#: The signals that end a run like Ctrl-C (a scheduler's SIGTERM, a closed terminal's SIGHUP).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
#: Errors of a write that found no room: a full disk, a quota, a file size limit.
NO_ROOM = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


@contextlib.contextmanager
def _stop_signals() -> Any:
    """SIGTERM and SIGHUP end the run as Ctrl-C does (the same unwinding: workers ended, the
    output closed), and a file size limit is an error on the write rather than a silent kill
    (SIGXFSZ). The previous handlers come back afterwards: ``main`` may be called in a program."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handled = [*STOP_SIGNALS, *([signal.SIGXFSZ] if hasattr(signal, "SIGXFSZ") else [])]
    previous = {signum: signal.getsignal(signum) for signum in handled}
    for signum in STOP_SIGNALS:
        signal.signal(signum, interrupts.handler)
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        yield
    finally:
        for signum, action in previous.items():
            signal.signal(signum, action if action is not None else signal.SIG_DFL)


def _no_room(exc: OSError) -> bool:
    return exc.errno in NO_ROOM or any(words in str(exc) for words in ("No space left", "File too large"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    try:
        with _stop_signals():
            if args.command == "plugins":
                return cmd_plugins(out)
            if args.command == "show":
                return run_show(show_run(args), out, sys.stderr)
            status = cmd_extract(args, out, sys.stderr)
            out.flush()  # a full disk behind stdout shows here, not as a traceback at exit
            return status
    except GovmetricsError as exc:
        print(for_terminal(f"govmetrics: {exc}"), file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt as exc:
        signum = exc.signum if isinstance(exc, interrupts.Interrupted) else signal.SIGINT
        print(f"govmetrics: interrupted ({signal.Signals(signum).name})", file=sys.stderr)
        return 128 + signum
    except OSError as exc:
        if not _no_room(exc):
            raise
        to_file = getattr(args, "output", None) not in (None, "-")
        name = args.output if to_file else "<stdout>"
        print(f"govmetrics: {name}: no space left to write the records ({exc.strerror or exc})", file=sys.stderr)
        if not to_file:  # what is left in stdout's buffer goes nowhere, not into a traceback at exit
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
