"""Throughput by input kind: the same documents as text files, JSON Lines, web pages and PDF pages.

    python benchmarks/inputs.py               # about a minute; prints a table
    python benchmarks/inputs.py --rounds 1    # a quick look

``benchmarks/bench.py`` runs the same measurement as one of its jobs and puts the table in
``docs/benchmarks.md``. The documents are a sample of the real corpus (whole documents spread
evenly over it), written once into each kind:

* ``.txt``: one file a document, its publication date in its name;
* ``.jsonl``: one corpus file, the date in a field;
* ``.html``: one page a document, in the five CMS shapes of ``tests/web_pages.py`` in turn (menus,
  information bar, related links, footer), the date printed on the page;
* ``.pdf``: each document typeset (``tests/typeset.py``, reportlab) in three columns on as many
  A3 newspaper pages as it needs (cut at paragraph ends, a headline atop each), one file a
  document; read with ``--pages``, as the command reads a PDF.

Each kind is then read and extracted into rows in this process, as ``govmetrics extract`` does
(``--pages`` for PDFs, as the command does for them), best of ``--rounds``; a second row per kind times the
reading alone (``as_document``), so what a reader costs shows beside what extraction costs.
Pages per second count a file's pages: a web page, a PDF page, and for text and JSON Lines a
document.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpora" / "real"
ROUNDS = 3
SAMPLE_CHARS = 300_000
KINDS = ("txt", "jsonl", "html", "pdf")
PDF_PAGE_CHARS = 3_500  # what a three-column A3 page of tests/typeset.py holds with room to spare

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tests/ holds the page makers


def sample(files: list[Path], chars: int) -> list[dict[str, Any]]:
    """Whole documents spread evenly over the corpus files, up to ``chars`` characters."""
    docs = []
    for file in files:
        with file.open(encoding="utf-8") as lines:
            docs.extend(json.loads(line) for line in lines if line.strip())
    total = sum(len(doc["text"]) for doc in docs)
    step = max(1, round(total / chars))
    chosen, size = [], 0
    for doc in docs[::step]:
        if size >= chars:
            break
        chosen.append({"id": str(doc.get("id", len(chosen))), "text": doc["text"], "published": doc.get("date")})
        size += len(doc["text"])
    return chosen


def write_kind(kind: str, docs: list[dict[str, Any]], folder: Path) -> tuple[list[Path], int]:
    """The documents written as files of ``kind`` under ``folder``: the paths and their pages."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "jsonl":
        path = folder / "corpus.jsonl"
        path.write_text("".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs), encoding="utf-8")
        return [path], len(docs)
    if kind == "txt":
        paths = []
        for n, doc in enumerate(docs):
            path = folder / f"doc{n:04d}-{doc['published'] or 'undated'}.txt"
            path.write_text(doc["text"], encoding="utf-8")
            paths.append(path)
        return paths, len(paths)
    if kind == "html":
        return _web_pages(docs, folder)
    return _pdf_pages(docs, folder)


def _web_pages(docs: list[dict[str, Any]], folder: Path) -> tuple[list[Path], int]:
    import datetime as dt

    from tests.web_pages import PAGES, Story

    shapes = sorted(PAGES)
    paths = []
    for n, doc in enumerate(docs):
        template, _, encoding = PAGES[shapes[n % len(shapes)]]
        day = dt.date.fromisoformat(doc["published"]) if doc["published"] else dt.date(2020, 1, 1)
        story = Story(doc["text"][:30], tuple(line for line in doc["text"].splitlines() if line.strip()), day)
        path = folder / f"page{n:04d}.html"
        path.write_bytes(template(story).encode("utf-8" if encoding == "big5" else encoding, errors="replace"))
        paths.append(path)
    return paths, len(paths)


def _pdf_pages(docs: list[dict[str, Any]], folder: Path) -> tuple[list[Path], int]:
    from tests.typeset import Layout, Story, typeset

    paths, pages = [], 0
    for n, doc in enumerate(docs):
        chunks = _page_chunks(doc["text"], PDF_PAGE_CHARS)
        stories = [[Story(body=chunk, headlines=(f"{doc['text'][:12]}（{k + 1}）",))] for k, chunk in enumerate(chunks)]
        data, _ = typeset(stories, Layout(columns=3))
        path = folder / f"paper{n:04d}-{doc['published'] or 'undated'}.pdf"
        path.write_bytes(data)
        paths.append(path)
        pages += len(chunks)
    return paths, pages


def _page_chunks(text: str, size: int) -> list[str]:
    """The text cut at paragraph ends into pieces of at most about ``size`` characters, one a page."""
    chunks: list[str] = []
    current: list[str] = []
    length = 0
    for paragraph in (line.strip() for line in text.splitlines()):
        if not paragraph:
            continue
        while len(paragraph) > size:  # a paragraph longer than a page: cut it
            chunks.append(paragraph[:size])
            paragraph = paragraph[size:]
        if length + len(paragraph) > size and current:
            chunks.append("\n".join(current))
            current, length = [], 0
        current.append(paragraph)
        length += len(paragraph)
    if current:
        chunks.append("\n".join(current))
    return chunks


def _documents(paths: list[Path]) -> Iterator[Any]:
    """The documents of the files, read as the command reads them (dates from names and fields)."""
    from govmetrics.corpus import expand_corpus_files
    from govmetrics.pool import ReadOptions, read_item

    options = ReadOptions(date_field="published")
    for index, item in enumerate(expand_corpus_files(paths)):
        yield read_item(item, index, options)[0]


def _extract(paths: list[Path], kind: str) -> tuple[int, int]:
    """Every document of the files read and extracted into rows as ``govmetrics extract`` does
    (``--pages`` for PDF pages): (records, characters of text)."""
    from govmetrics.document_rows import document_rows

    records = chars = 0
    for document in _documents(paths):
        records += len(document_rows(document, pages=kind == "pdf"))
        chars += len(document.text if isinstance(document.text, str) else document.text.raw)
    return records, chars


def _read(paths: list[Path], kind: str) -> tuple[int, int]:
    """Every document of the files read, not extracted: (documents, characters of text)."""
    documents = chars = 0
    for document in _documents(paths):
        documents += 1
        chars += len(document.text if isinstance(document.text, str) else document.text.raw)
    return documents, chars


def _best(run: Callable[[], tuple[int, int]], rounds: int) -> tuple[float, tuple[int, int]]:
    best, out = float("inf"), (0, 0)
    for _ in range(rounds):
        started = time.perf_counter()
        out = run()
        best = min(best, time.perf_counter() - started)
    return best, out


def measure(files: list[str], rounds: int = ROUNDS, chars: int = SAMPLE_CHARS, kinds: tuple[str, ...] = KINDS) -> Any:
    """The table's rows: per kind, files, pages, and the best times to read and to extract them."""
    docs = sample([Path(f) for f in files], chars)
    rows = []
    with tempfile.TemporaryDirectory(prefix="govmetrics-inputs-") as tmp:
        for kind in kinds:
            try:
                paths, pages = write_kind(kind, docs, Path(tmp) / kind)
            except ImportError as exc:  # reportlab or trafilatura missing: say so in the table
                rows.append({"kind": kind, "missing": str(exc)})
                continue
            _extract(paths[:3], kind)  # warm up: imports, lexicons, the readers' own set-up
            read_seconds, (documents, text_chars) = _best(lambda paths=paths, kind=kind: _read(paths, kind), rounds)
            seconds, (records, _) = _best(lambda paths=paths, kind=kind: _extract(paths, kind), rounds)
            size = sum(path.stat().st_size for path in paths)
            rows.append(
                {
                    "kind": kind,
                    "files": len(paths),
                    "pages": pages,
                    "documents": documents,
                    "bytes": size,
                    "chars": text_chars,
                    "records": records,
                    "read_seconds": read_seconds,
                    "seconds": seconds,
                }
            )
    return {"documents": len(docs), "chars": sum(len(d["text"]) for d in docs), "rounds": rounds, "rows": rows}


def report(result: Any) -> Iterator[str]:
    """The markdown table of :func:`measure`'s result."""
    yield (
        f"The same {result['documents']:,} documents of the real corpus ({result['chars']:,} characters), "
        f"written as each kind of input; one process, best of {result['rounds']}."
    )
    yield ""
    yield "| input | files | pages | MB | read: pages/s | read + extract: pages/s | chars/s | records |"
    yield "|---|---:|---:|---:|---:|---:|---:|---:|"
    for row in result["rows"]:
        if "missing" in row:
            yield f"| {row['kind']} | not run: {row['missing']} | | | | | | |"
            continue
        yield (
            f"| {row['kind']} | {row['files']:,} | {row['pages']:,} | {row['bytes'] / 1e6:.1f} "
            f"| {row['pages'] / row['read_seconds']:,.0f} | {row['pages'] / row['seconds']:,.1f} "
            f"| {row['chars'] / row['seconds']:,.0f} | {row['records']:,} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--chars", type=int, default=SAMPLE_CHARS, help="characters of the corpus to sample")
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    files = sorted(str(path) for path in CORPUS_DIR.glob("*.jsonl"))
    result = measure(files, args.rounds, args.chars, tuple(args.kinds.split(",")))
    print("\n".join(report(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
