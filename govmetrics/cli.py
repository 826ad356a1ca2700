"""The ``govmetrics`` command.

    govmetrics extract [FILE ...|-] [--published YYYY-MM-DD] [--format jsonl|json|csv|table]
    govmetrics plugins

``extract`` writes one record per line (JSON Lines by default), each with a ``kind`` field and the
file it came from. Input files may be UTF-8 or GB18030. Bad input (a missing file, bytes that are
neither encoding, a bad date) is one line on stderr and exit status 2; with several files the
others are still read, and the exit status says that one failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from govmetrics.api import extract, parse_published
from govmetrics.documents import decode, read_text
from govmetrics.errors import GovmetricsError
from govmetrics.export import FORMATS, write_records
from govmetrics.models import Article, Span
from govmetrics.pages import split_page
from govmetrics.plugins import iter_plugin_info

EXIT_INPUT = 2


def read_input(path: str) -> str:
    """The text of a file, or of standard input for ``-``."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    return read_text(path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govmetrics", description="Typed records from Chinese government news.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser("extract", help="extract records from text files")
    run.add_argument("files", nargs="*", default=["-"], metavar="FILE", help="UTF-8 or GB18030 text; - for stdin")
    run.add_argument(
        "--published", default=None, metavar="YYYY-MM-DD", help="publication date, for dates written without a year"
    )
    run.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    run.add_argument("--strict", action="store_true", help="a failing plugin is an error, not a warning")
    run.add_argument(
        "--pages",
        action="store_true",
        help="each file is a newspaper page: split it into stories first and tag records with their article",
    )
    commands.add_parser("plugins", help="list the loaded plugins, their versions and hooks")
    return parser


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    published = parse_published(args.published)  # a bad date stops the run before any file is read
    status = 0
    rows: list[dict[str, Any]] = []
    for path in args.files or ["-"]:
        source = "<stdin>" if path == "-" else path
        try:
            text = read_input(path)
            if args.pages:
                for index, article in enumerate(split_page(text, published=published)):
                    if not article.text:
                        continue  # a headline whose story is on another page
                    result = extract(article, strict=args.strict)
                    tag = {"source": source, "article": index, "article_title": article.title}
                    rows.extend({**tag, **_on_page(row, article)} for row in result.to_dicts())
            else:
                result = extract(text, published=published, strict=args.strict)
                rows.extend({"source": source, **row} for row in result.to_dicts())
        except GovmetricsError as exc:
            print(f"govmetrics: {exc}", file=err)
            status = EXIT_INPUT
            continue
    write_records(rows, args.format, out)
    return status


def _on_page(row: dict[str, Any], article: Article) -> dict[str, Any]:
    """A record of a story, with its span also given on the page the story came from."""
    span = row["span"]
    raw = article.raw_span(Span(start=span["start"], end=span["end"]))
    return {**row, "page_span": {"start": raw.start, "end": raw.end}}


def cmd_plugins(out: TextIO) -> int:
    for info in iter_plugin_info():
        origin = "built-in" if info.builtin else info.package
        print(f"{info.name}\t{info.version}\t{origin}\t{', '.join(info.hooks)}", file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    try:
        if args.command == "plugins":
            return cmd_plugins(out)
        return cmd_extract(args, out, sys.stderr)
    except GovmetricsError as exc:
        print(f"govmetrics: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
