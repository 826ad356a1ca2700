"""Throughput and peak memory of govmetrics, its extractors one by one, and the alternatives, in one run.

    python benchmarks/bench.py            # the seed page and the real corpus (~7 minutes); writes docs/benchmarks.md
    python benchmarks/bench.py --quick    # ~30 s: one timed pass each, on samples of the corpus; prints only
    python benchmarks/bench.py FILE ...   # your own inputs: .txt (one document) or .jsonl (`text`, `date` a line)
    python benchmarks/bench.py --tools govmetrics.extract,jionlp.extract_time

Each tool runs in a fresh subprocess (so one tool's imports never count in another's memory), on the
same documents, with the same publication dates, and with a copy of ``govmetrics/`` taken when the
run starts (edits made while it runs do not mix in):

* time: the best of at least ``--repeat`` timed passes over all the documents (more, up to 1000,
  until half a second went into them, so a short text is timed many times), after a warm-up on the
  first few (imports, lazy loading and caches are not counted); repeating stops early once
  ``--budget`` seconds went into timed passes, so slow tools get fewer runs.
* peak alloc: the most memory Python allocated while processing (tracemalloc), in a pass of its own
  because tracing slows allocation; the documents (and, for an extractor alone, the cleaned articles)
  are made before tracing starts and are not counted.
* max RSS: the process's peak resident size, imports and the documents held in memory included.

Slow alternatives (dateparser, Recognizers-Text date-time) and JioNLP without parsing run on a sample, whole
documents spread evenly over it up to ``--sample-chars``; govmetrics runs on the same sample too, so
the ratios compare the same text. A subprocess streams the real corpus through
``govmetrics.extract`` one line at a time and reads the resident size as it goes, to check that memory
stays flat. A last one times two processes against one on the real corpus, beside what the machine
gives any two processes (``benchmarks/parallel.py``, which says how). Only the built-in plugins
are loaded (GOVMETRICS_LOAD_PLUGINS), whatever else is installed.

Besides the seed page and the real corpus as they are, the same text runs in documents of other
sizes, cut at sentence ends: the seed page in 2,000-character documents (govmetrics and JioNLP's
``extract_time``), and the real corpus in 200-character and in 100,000-character documents
(govmetrics and cleaning alone), so that the cost of a call shows beside the cost of a character.
The section *Speed targets* sets each target beside what the run measured: full extraction
against cleaning, govmetrics against JioNLP, short documents against long ones, two processes
against one, and streaming memory. A last job reads the same documents as text files, JSON Lines,
web pages and PDF pages (``benchmarks/inputs.py``).

The alternatives (``pip install -e '.[bench]' recognizers-text-date-time``) do related, not
identical, jobs; they show what a general-purpose parser costs on the same text. A tool that is not
installed or crashes is listed as such. Speed targets live here, never in timed tests.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, cast

import inputs as input_kinds
import parallel

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "shijingshan-2019-07-page1.txt"
SEED_PUBLISHED = "2019-07-16"
CORPUS_DIR = SHARED / "corpora" / "real"
FALLBACK = ROOT / "docs" / "examples" / "district-news-2019-07-12.txt"
OUTPUT = ROOT / "docs" / "benchmarks.md"
BUILTIN_PLUGINS = "metrics,dates,cadences,meetings"
RESULT = "BENCH-RESULT "  # marks the worker's answer on stdout (JioNLP prints a banner on import)
MIB = 2**20
MEMORY_TARGET = 150 * 10**6  # bytes: "< 150 MB" while streaming the corpus
SEED_CUT = "seed page in 2,000-character documents"
SHORT = "real corpus in 200-character documents"
LONG = "real corpus in 100,000-character documents"
#: How many times faster than an alternative govmetrics is to be, by alternative and input (None: any input).
RATIO_TARGETS = {
    ("jionlp.extract_time", SEED_CUT): 5,
    ("jionlp.extract_time", "real corpus"): 12,
    ("jionlp.extract_time", None): 3,
    ("recognizers.datetime", None): 100,
}
#: Full extraction against cleaning alone, on the real corpus: at least this share of its rate.
CLEAN_SHARE_TARGET = 1 / 5
#: 200-character documents against 100,000-character ones: at least this share of the rate.
SHORT_SHARE_TARGET = 0.8
VERSIONS = (
    "govmetrics",
    "attrs",
    "pluggy",
    "cn2an",
    "dateparser",
    "jionlp",
    "recognizers-text",
    "recognizers-text-number",
    "recognizers-text-date-time",
    "regex",
    "emoji",
    # the readers of the input-kinds job
    "trafilatura",
    "htmldate",
    "pypdfium2",
    "reportlab",
)

Doc = tuple[str, dt.date | None]  # a document's text and publication date
Run = Callable[[Any], int]  # processes one prepared item, returns how many things it found
Prepare = Callable[[list[Doc]], list[Any]]


# --------------------------------------------------------------------------- the tools


@dataclass(frozen=True)
class Tool:
    name: str
    what: str  # how it is called, for the table
    found: str  # what the "found" column counts
    load: Callable[[], tuple[Prepare, Run]]
    sample_only: bool = False  # too slow for the whole corpus: runs on the sample
    also_sample: bool = False  # runs on the whole text and on the sample (the ratios need both)


def _midnight(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime(day.year, day.month, day.day)


def _as_is(docs: list[Doc]) -> list[Any]:
    return list(docs)


def _with_datetime(docs: list[Doc]) -> list[Any]:
    return [(text, _midnight(day)) for text, day in docs]


def _articles(docs: list[Doc]) -> list[Any]:
    """Cleaning once, untimed: an extractor alone is then timed on the cleaned articles."""
    from govmetrics.models import Article

    return [Article.from_text(text, published=day) for text, day in docs]


def _load_extract() -> tuple[Prepare, Run]:
    import govmetrics

    return _as_is, lambda doc: len(govmetrics.extract(doc[0], published=doc[1]).records)


def _load_clean() -> tuple[Prepare, Run]:
    from govmetrics.models import Article

    def run(doc: Doc) -> int:
        Article.from_text(doc[0], published=doc[1])
        return 0

    return _as_is, run


def _lexicons() -> Any:
    """The shipped lexicons, read once, as the plugin host hands them to every extractor."""
    from govmetrics.lexicon import Lexicons

    return Lexicons()


def _load_metrics() -> tuple[Prepare, Run]:
    from govmetrics.extractors.metrics import find_metrics

    lexicons = _lexicons()
    return _articles, lambda article: sum(1 for _ in find_metrics(article.text, lexicons))


def _load_dates() -> tuple[Prepare, Run]:
    from govmetrics.extractors.dates import find_dates

    lexicons = _lexicons()
    return _articles, lambda article: sum(1 for _ in find_dates(article, lexicons))


def _load_cadences() -> tuple[Prepare, Run]:
    from govmetrics.extractors.cadences import find_cadences

    lexicons = _lexicons()
    return _articles, lambda article: sum(1 for _ in find_cadences(article.text, lexicons))


def _load_meetings() -> tuple[Prepare, Run]:
    from govmetrics.extractors.dates import dates_in
    from govmetrics.extractors.meetings import find_meetings

    lexicons = _lexicons()

    def run(article: Any) -> int:
        dates_in.cache_clear()  # meetings read the article's dates; alone, it has to find them itself
        return sum(1 for _ in find_meetings(article, lexicons))

    return _articles, run


def _jionlp_time(parsing: bool) -> Callable[[], tuple[Prepare, Run]]:
    def load() -> tuple[Prepare, Run]:
        import jionlp

        def run(item: tuple[str, dt.datetime | None]) -> int:
            return len(jionlp.ner.extract_time(item[0], time_base=item[1], with_parsing=parsing))

        return _with_datetime, run

    return load


def _load_jionlp_money() -> tuple[Prepare, Run]:
    import jionlp

    return _as_is, lambda doc: len(jionlp.ner.extract_money(doc[0]))


def _load_dateparser() -> tuple[Prepare, Run]:
    from dateparser.search import search_dates

    def run(item: tuple[str, dt.datetime | None]) -> int:
        settings = {} if item[1] is None else {"RELATIVE_BASE": item[1]}
        return len(search_dates(item[0], languages=["zh"], settings=settings) or ())

    return _with_datetime, run


def _load_cn2an() -> tuple[Prepare, Run]:
    import cn2an

    warnings.simplefilter("ignore")  # cn2an warns about every numeral it cannot read (不符合格式的数据：千)
    numbers = re.compile(r"\d+(?:\.\d+)?")
    return _as_is, lambda doc: len(numbers.findall(cn2an.transform(doc[0], "cn2an")))


def _load_recognizers_number() -> tuple[Prepare, Run]:
    from recognizers_number import Culture, NumberRecognizer

    model = NumberRecognizer(Culture.Chinese).get_number_model()  # built once, as a user with many texts would
    return _as_is, lambda doc: len(model.parse(doc[0]))


def _load_recognizers_datetime() -> tuple[Prepare, Run]:
    from recognizers_date_time import DateTimeRecognizer
    from recognizers_text import Culture

    model = DateTimeRecognizer(Culture.Chinese).get_datetime_model()
    return _with_datetime, lambda item: len(model.parse(item[0], item[1]))


TOOLS: dict[str, Tool] = {
    tool.name: tool
    for tool in (
        Tool(
            "govmetrics.extract",
            "`govmetrics.extract(text, published=date)`: cleaning, every built-in plugin, resolution",
            "records",
            _load_extract,
            also_sample=True,
        ),
        Tool("govmetrics clean", "`Article.from_text(text, published=date)` alone (cleaning)", "-", _load_clean),
        Tool(
            "govmetrics metrics", "`find_metrics(article.text, lexicons)` on cleaned articles", "metrics", _load_metrics
        ),
        Tool("govmetrics dates", "`find_dates(article, lexicons)` on cleaned articles", "dates", _load_dates),
        Tool(
            "govmetrics cadences",
            "`find_cadences(article.text, lexicons)` on cleaned articles",
            "cadences",
            _load_cadences,
        ),
        Tool(
            "govmetrics meetings",
            "`find_meetings(article, lexicons)` on cleaned articles, finding the dates it reads",
            "meetings",
            _load_meetings,
        ),
        Tool(
            "jionlp.extract_time",
            "`jionlp.ner.extract_time(text, time_base=<published datetime>, with_parsing=True)`",
            "times",
            _jionlp_time(True),
        ),
        Tool(
            "jionlp.extract_time unparsed",
            "`jionlp.ner.extract_time(text, time_base=<published datetime>, with_parsing=False)`: spans only",
            "times",
            _jionlp_time(False),
            sample_only=True,
        ),
        Tool("jionlp.extract_money", "`jionlp.ner.extract_money(text)`", "amounts", _load_jionlp_money),
        Tool(
            "dateparser.search_dates",
            "`dateparser.search.search_dates(text, languages=['zh'], settings={'RELATIVE_BASE': published})`",
            "dates",
            _load_dateparser,
            sample_only=True,
        ),
        Tool("cn2an.transform", "`cn2an.transform(text, 'cn2an')`, then counting the numbers", "numbers", _load_cn2an),
        Tool(
            "recognizers.number",
            "Recognizers-Text `NumberRecognizer(Culture.Chinese).get_number_model().parse(text)`, model built once",
            "numbers",
            _load_recognizers_number,
        ),
        Tool(
            "recognizers.datetime",
            "Recognizers-Text `DateTimeRecognizer(Culture.Chinese).get_datetime_model().parse(text, published)`, "
            "model built once",
            "date-times",
            _load_recognizers_datetime,
            sample_only=True,
        ),
    )
}


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Input:
    name: str
    files: str
    sources: tuple[tuple[str, str | None], ...]  # (path, published for a .txt file)
    docs: int
    chars: int
    #: The documents cut into pieces (``cut:2000``) or run together and cut (``join:100000``), at
    #: sentence ends: the same text in documents of another size (see :func:`reshaped`).
    reshape: str | None = None
    #: The tools that run on this input; None for all.
    tools: tuple[str, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "sources": self.sources, "reshape": self.reshape, "tools": self.tools}


def _day(value: object) -> dt.date | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    return None


def iter_docs(sources: Any, reshape: str | None = None) -> Iterator[Doc]:
    """The documents of an input, one at a time: a .jsonl file gives one a line, any other file one;
    with ``reshape``, the same text in documents of another size (:func:`reshaped`)."""
    if reshape is not None:
        yield from reshaped(iter_docs(sources), reshape)
        return
    for path, published in sources:
        if path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        item = json.loads(line)
                        yield item["text"], _day(item.get("date"))
        else:
            yield Path(path).read_text("utf-8"), _day(published)


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _pieces(text: str, size: int) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most ``size`` characters, each ending at its last sentence end
    (a hard cut where a piece has none), with where each starts."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            ends = [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
            end = ends[-1] if ends and ends[-1] > start else end
        piece = text[start:end]
        if piece.strip():
            yield start, piece
        start = end


def reshaped(docs: Iterator[Doc], how: str) -> Iterator[Doc]:
    """``cut:N``: each document in pieces of at most N characters, cut at sentence ends; ``join:N``:
    the documents run together (a line break between two) and cut so. A piece keeps the date of
    the document it starts in."""
    mode, _, size = how.partition(":")
    if mode == "cut":
        for text, day in docs:
            for _, piece in _pieces(text, int(size)):
                yield piece, day
        return
    texts, starts, days = [], [], []
    length = 0
    for text, day in docs:
        texts.append(text)
        starts.append(length)
        days.append(day)
        length += len(text) + 1
    whole = "\n".join(texts)
    for start, piece in _pieces(whole, int(size)):
        yield piece, days[max(0, bisect.bisect_right(starts, start) - 1)]


def make_input(
    name: str, sources: list[tuple[Path, str | None]], reshape: str | None = None, tools: tuple[str, ...] | None = None
) -> Input:
    pairs = tuple((str(path), published) for path, published in sources)
    docs = chars = 0
    for text, _ in iter_docs(pairs, reshape):
        docs += 1
        chars += len(text)
    files = ", ".join(f"`{_shown(path)}`" for path, _ in sources)
    if reshape is not None:
        files += f" ({reshape.replace(':', ' to ')} characters, at sentence ends)"
    return Input(name, files, pairs, docs, chars, reshape, tools)


def _shown(path: Path) -> str:
    """A path as the README's commands would write it, from the repository root."""
    try:
        return os.path.relpath(path.resolve(), ROOT)
    except ValueError:
        return str(path)


def default_inputs() -> list[Input]:
    corpus = sorted(CORPUS_DIR.glob("*.jsonl"))
    if not SEED.exists() and not corpus:
        return [make_input("example article", [(FALLBACK, "2019-07-12")])]
    inputs = []
    if SEED.exists():
        inputs.append(make_input("seed page", [(SEED, SEED_PUBLISHED)]))
        inputs.append(
            make_input(SEED_CUT, [(SEED, SEED_PUBLISHED)], "cut:2000", ("govmetrics.extract", "jionlp.extract_time"))
        )
    if corpus:
        inputs.append(make_input("real corpus", [(path, None) for path in corpus]))
        lengths = ("govmetrics.extract", "govmetrics clean")
        inputs.append(make_input(SHORT, [(path, None) for path in corpus], "cut:200", lengths))
        inputs.append(make_input(LONG, [(path, None) for path in corpus], "join:100000", lengths))
    return inputs


def file_inputs(paths: list[Path], published: str | None) -> list[Input]:
    from govmetrics.documents import date_in_name

    inputs = []
    for path in paths:
        day = published or (str(date_in_name(path.name) or "") or None)
        inputs.append(make_input(path.name, [(path, day)]))
    return inputs


def sample(docs: list[Doc], cap: int | None) -> list[Doc]:
    """Whole documents spread evenly over ``docs``, up to ``cap`` characters (the first few cut if need be)."""
    total = sum(len(text) for text, _ in docs)
    if cap is None or total <= cap:
        return docs
    step = max(1, total // cap)
    chosen: dict[int, Doc] = {}
    size = 0
    for offset in range(step):  # every step-th document; then, if there is room left, the ones after them
        for at in range(offset, len(docs), step):
            length = len(docs[at][0])
            if size + length <= cap:
                chosen[at] = docs[at]
                size += length
        if size >= 0.95 * cap:
            break
    if not chosen:  # every document is longer than the cap: the start of the first one
        return [(docs[0][0][:cap], docs[0][1])]
    return [chosen[at] for at in sorted(chosen)]


# --------------------------------------------------------------------------- the workers


def _max_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _rss_now() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return _max_rss()


def measure(prepare: Prepare, run: Run, docs: list[Doc], repeat: int, budget: float) -> dict[str, Any]:
    items = prepare(docs)
    warm = prepare([(text[:5000], day) for text, day in docs[:3]])
    for item in warm:
        run(item)  # warm-up: imports, lazy loading, compiled patterns
    best = float("inf")
    spent = 0.0
    runs = found = 0
    while True:
        start = time.perf_counter()
        found = sum(run(item) for item in items)
        took = time.perf_counter() - start
        best = min(best, took)
        spent += took
        runs += 1
        # at least ``repeat`` passes and half a second (a short text gets many), at most ``budget`` seconds
        if spent >= budget or (runs >= repeat and spent >= min(0.5, budget)) or runs >= 1000:
            break
    tracemalloc.start()  # a pass of its own: tracing slows allocation, so it is not timed
    for item in items:
        run(item)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "docs": len(docs),
        "chars": sum(len(text) for text, _ in docs),
        "runs": runs,
        "seconds": best,
        "found": found,
        "peak_alloc": peak,
        "max_rss": _max_rss(),
    }


def worker(tool_name: str, plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every measurement of one tool, input by input; a failure is a row that says what failed."""
    tool = TOOLS[tool_name]
    try:
        prepare, run = tool.load()
    except ImportError as exc:
        return [{"input": i["name"], "error": f"not installed ({exc.name or exc})"} for i in plan["inputs"]]
    rows = []
    for spec in plan["inputs"]:
        if spec.get("tools") is not None and tool_name not in spec["tools"]:
            continue
        docs = list(iter_docs(spec["sources"], spec.get("reshape")))
        whole = sample(docs, plan["cap"])
        part = sample(docs, plan["sample_cap"])
        sizes = []
        if not tool.sample_only:
            sizes.append(("whole", whole))
        if (tool.sample_only or tool.also_sample) and (not sizes or len(part) != len(whole)):
            sizes.append(("sample", part))
        for size, chosen in sizes:
            row: dict[str, Any] = {"input": spec["name"], "size": size}
            try:
                row.update(measure(prepare, run, chosen, plan["repeat"], plan["budget"]))
            except Exception as exc:
                row["error"] = f"crashed: {type(exc).__name__}: {str(exc)[:200]}"
            rows.append(row)
    return rows


def stream_worker(plan: dict[str, Any]) -> dict[str, Any]:
    """Stream the corpus through ``govmetrics.extract`` a line at a time; resident size at checkpoints."""
    import govmetrics

    sources = plan["stream"]["sources"]
    total = sum(1 for _ in iter_docs(sources))
    govmetrics.extract("2019年7月16日，会议要求每季度至少召开一次，完成投资2万余元。", published="2019-07-16")
    points = [{"label": "after import and one short text", "docs": 0, "chars": 0, "records": 0, "rss": _rss_now()}]
    marks = {max(1, round(total * f)): f"{f:.0%} of the documents" for f in (0.25, 0.5, 0.75, 1.0)}
    docs = chars = records = 0
    start = time.perf_counter()
    for rerun in range(plan["stream"]["passes"]):
        for text, day in iter_docs(sources):
            records += len(govmetrics.extract(text, published=day).records)
            docs += 1
            chars += len(text)
            label = marks.get(docs - rerun * total)
            if label:
                if rerun:
                    label = f"{label}, pass {rerun + 1} (everything read {docs / total:g} times)"
                points.append({"label": label, "docs": docs, "chars": chars, "records": records, "rss": _rss_now()})
    seconds = time.perf_counter() - start
    return {
        "module": govmetrics.__file__,
        "docs": docs,
        "chars": chars,
        "seconds": seconds,
        "points": points,
        "max_rss": _max_rss(),
    }


def run_worker(args: list[str], plan: dict[str, Any], timeout: float, snapshot: Path) -> Any:
    path = os.pathsep.join(p for p in (str(snapshot), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "GOVMETRICS_LOAD_PLUGINS": BUILTIN_PLUGINS, "PYTHONPATH": path}
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    try:
        done = subprocess.run(
            cmd, input=json.dumps(plan), capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT):
            return json.loads(line[len(RESULT) :])
    last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
    return {"error": f"crashed: {last[:200]}"}


# --------------------------------------------------------------------------- the report


def _int(n: float) -> str:
    return f"{round(n):,}"


def _rate(n: float) -> str:
    return _int(n) if n >= 100 else f"{n:.1f}" if n >= 1 else f"{n:.3g}"


def _mib(n: float) -> str:
    return f"{n / MIB:.1f}"


def _secs(n: float) -> str:
    return f"{n:.3g}" if n < 100 else f"{n:.0f}"


def _ratio(n: float) -> str:
    return f"{n:.0f}×" if n >= 10 else f"{n:.1f}×"


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 2**20:.1f} GiB RAM"
    except OSError:
        pass
    versions = []
    for name in (*VERSIONS, "pyarrow"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    commit = _commit()
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores ({usable} usable){memory}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), {platform.platform()}",
        f"- govmetrics at commit {commit or 'unknown'}",
        "- packages: " + ", ".join(versions),
    ]


def _commit() -> str:
    """The commit the measured code is at, ``-dirty`` when a tracked file other than this script's
    own output differs from it (a run after a run is still at its commit)."""

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False).stdout

    commit = git("rev-parse", "--short", "HEAD").strip()
    changed = git(
        "status", "--porcelain", "--untracked-files=no", "--", ".", f":(exclude){OUTPUT.relative_to(ROOT).as_posix()}"
    )
    return f"{commit}-dirty" if commit and changed.strip() else commit


def _text_label(row: dict[str, Any], spec: Input) -> str:
    if row["docs"] == spec.docs and row["chars"] == spec.chars:
        return "all"
    return f"sample: {row['docs']} docs"


def report(
    inputs: list[Input],
    results: dict[str, Any],
    stream: Any,
    two_processes: Any,
    by_input: Any,
    plan: dict[str, Any],
    command: str,
    elapsed: float,
    about: list[str],
) -> str:
    out = [
        "# Benchmarks",
        "",
        f"Made by `{command}` on {dt.date.today().isoformat()} in {elapsed / 60:.1f} minutes"
        + (" (a quick run: one timed pass each, on samples; not for comparing)." if plan["quick"] else "."),
        "The script's docstring says how each figure is taken; each tool ran in a subprocess of its own, "
        "with a copy of `govmetrics/` taken when the run started (so edits made meanwhile do not mix in).",
        "",
        *about,
    ]
    out += [
        "",
        "## Inputs",
        "",
        "| input | files | documents | characters | publication dates |",
        "|---|---|---:|---:|---|",
    ]
    for spec in inputs:
        dates = "from each line's `date`" if any(p.endswith(".jsonl") for p, _ in spec.sources) else ""
        dates = dates or ", ".join(sorted({d for _, d in spec.sources if d})) or "none"
        out.append(f"| {spec.name} | {spec.files} | {spec.docs:,} | {spec.chars:,} | {dates} |")
    cap = plan["cap"]
    out += [
        "",
        "**Samples.** "
        + (f"In this quick run no tool reads more than {cap:,} characters of an input. " if cap else "")
        + "On an input longer than "
        + f"{plan['sample_cap']:,} characters, "
        + ", ".join(t.name for t in TOOLS.values() if t.sample_only)
        + " ran on a sample (the slow alternatives, and JioNLP without parsing, which is only set beside its "
        "parsed row): whole documents spread evenly over the input (every k-th) up to that size. "
        "`govmetrics.extract` ran on the same sample too, so that ratio compares the same text. The column *text* "
        "says which rows ran on a sample. Everything else ran on "
        + ("the capped input." if cap else "the whole input."),
    ]
    ratios: list[str] = []
    for spec in inputs:
        out += [
            "",
            f"## {spec.name}",
            "",
            "| tool | text | docs | characters | runs | best s | chars/s | docs/s | found | "
            "peak alloc MiB | max RSS MiB |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        speeds: dict[tuple[str, str], float] = {}
        seconds: dict[str, float] = {}
        for name, rows in results.items():
            if spec.tools is not None and name not in spec.tools:
                continue
            tool = TOOLS[name]
            label = name
            mine = [r for r in rows if r.get("input") == spec.name] if isinstance(rows, list) else []
            if not mine:
                error = rows.get("error", "no result") if isinstance(rows, dict) else "no result"
                out.append(f"| {label} | {error} |" + " |" * 9)
                continue
            for row in mine:
                if "error" in row:
                    out.append(f"| {label} | {row['error']} |" + " |" * 9)
                    continue
                text = _text_label(row, spec)
                speed = row["chars"] / row["seconds"]
                speeds[name, text] = speed
                if text == "all" or (cap and row.get("size") == "whole"):
                    seconds[name] = row["seconds"]
                found = "–" if tool.found == "-" else f"{row['found']:,} {tool.found}"
                out.append(
                    f"| {label} | {text} | {row['docs']:,} | {row['chars']:,} | {row['runs']} | "
                    f"{_secs(row['seconds'])} | {_int(speed)} | {_rate(row['docs'] / row['seconds'])} | {found} | "
                    f"{_mib(row['peak_alloc'])} | {_mib(row['max_rss'])} |"
                )
        out += [
            "",
            "*runs*: timed passes, the best kept. *peak alloc*: what Python allocated at most while processing. "
            "*max RSS*: the process's peak, imports and inputs included; an extractor alone holds every cleaned "
            "article at once (with its map back to the raw text), so its RSS is higher than "
            "`govmetrics.extract`'s, which cleans one document at a time.",
        ]
        out += _time_split(seconds)
        for (name, text), speed in speeds.items():
            if name.startswith("govmetrics") or ("govmetrics.extract", text) not in speeds:
                continue
            ours = speeds["govmetrics.extract", text]
            target = RATIO_TARGETS.get((name, spec.name), RATIO_TARGETS.get((name, None)))
            verdict = ""
            if target:
                verdict = f"≥{target}×: " + ("met" if ours / speed >= target else "**not met**")
            ratios.append(
                f"| {name} | {spec.name}, {text} | {_int(ours)} | {_int(speed)} | {_ratio(ours / speed)} | {verdict} |"
            )
    out += [
        "",
        "## Ratios: `govmetrics.extract` against each alternative, on the same text",
        "",
        "| alternative | text | govmetrics chars/s | alternative chars/s | govmetrics is faster by | target |",
        "|---|---|---:|---:|---:|---|",
        *ratios,
    ]
    out += _targets(results, stream, two_processes)
    out += _stream_report(stream)
    if "parallel" in plan:
        out += parallel.report(two_processes or {"error": "no result"}, plan["parallel"]["files"])
    if "input_kinds" in plan:
        measured = by_input or {"error": "no result"}
        out += ["", "## Throughput by input kind", ""]
        out += [f"Failed: {measured['error']}"] if "error" in measured else list(input_kinds.report(measured))
    out += [
        "",
        "## How the alternatives were called",
        "",
        *(f"- **{tool.name}**: {tool.what}." for tool in TOOLS.values() if tool.name in results),
        "",
        "JioNLP's `extract_time` is compared with `with_parsing=True` (its default), which is what a user who wants "
        "dates, as govmetrics gives them, would pick; `time_base` is the publication date at midnight. "
        "The unparsed row (on the sample) shows what leaving the parsing out saves. JioNLP logs a traceback "
        "(root logger, level ERROR) for every candidate it cannot parse (`120元`, `工作8小时`); they went to a pipe "
        "here and are part of its time. "
        "The Recognizers-Text models are built once and reused, not rebuilt by `recognize_number` / "
        "`recognize_datetime` for every text (which would add about 0.1 s a document for the date-time model).",
    ]
    return "\n".join(out) + "\n"


def _time_split(seconds: dict[str, float]) -> list[str]:
    """Where ``govmetrics.extract`` spends its time, from the rows of its parts."""
    parts = ["govmetrics clean", "govmetrics metrics", "govmetrics dates", "govmetrics cadences", "govmetrics meetings"]
    whole = seconds.get("govmetrics.extract")
    if not whole or any(p not in seconds for p in parts):
        return []
    rest = whole - sum(seconds[p] for p in parts) + seconds["govmetrics dates"]
    lines = [
        "",
        "Where `govmetrics.extract` spends its time (best times of the rows above; meetings alone finds the "
        "dates it reads, which a full extraction finds once for both):",
        "",
        "| part | seconds | share of `govmetrics.extract` |",
        "|---|---:|---:|",
    ]
    for part in parts:
        lines.append(f"| {part.split()[1]} | {_secs(seconds[part])} | {seconds[part] / whole:.0%} |")
    alone = seconds[parts[4]] - seconds[parts[2]]
    lines.append(f"| meetings without its dates | {_secs(alone)} | {alone / whole:.0%} |")
    # besides the host's own work, the reading view, the records given back their text as written, and
    # what the extractors cost only when they take turns on each document (their patterns and tables
    # leave the CPU's caches between turns), which no row of one extractor alone pays
    lines.append(
        "| the rest (plugin calls, the reading view, record checks, restoring the text as written, resolution, "
        f"and the extractors taking turns in the CPU's caches) | {_secs(rest)} | {rest / whole:.0%} |"
    )
    lines.append(f"| **`govmetrics.extract`** | {_secs(whole)} | 100% |")
    return lines


def _rate_of(results: dict[str, Any], tool: str, input_name: str) -> float | None:
    """chars/s of a tool on a whole input, as measured; None when it did not run."""
    row = _whole_row(results, tool, input_name)
    return None if row is None else float(row["chars"] / row["seconds"])


def _targets(results: dict[str, Any], stream: Any, two_processes: Any) -> list[str]:
    """Each speed target, what this run measured, and whether it is met."""
    rows: list[tuple[str, str, bool | None]] = []

    def share(label: str, ours: float | None, theirs: float | None, target: float, form: str) -> None:
        if ours is None or theirs is None:
            rows.append((label, "not measured", None))
            return
        value = ours / theirs
        shown = f"1/{1 / value:.1f}" if form == "fraction" else (f"{value:.2f}" if form == "share" else _ratio(value))
        rows.append((label, f"{shown} ({_int(ours)} against {_int(theirs)} chars/s)", value >= target))

    extract = "govmetrics.extract"
    share(
        f"full extraction at ≥ 1/{1 / CLEAN_SHARE_TARGET:.0f} of cleaning's rate, real corpus",
        _rate_of(results, extract, "real corpus"),
        _rate_of(results, "govmetrics clean", "real corpus"),
        CLEAN_SHARE_TARGET,
        "fraction",
    )
    for (tool, input_name), target in RATIO_TARGETS.items():
        if input_name is not None and tool == "jionlp.extract_time":
            share(
                f"≥ {target}× `{tool}`, {input_name}",
                _rate_of(results, extract, input_name),
                _rate_of(results, tool, input_name),
                target,
                "times",
            )
    share(
        f"200-character documents at ≥ {SHORT_SHARE_TARGET} of 100,000-character documents' rate",
        _rate_of(results, extract, SHORT),
        _rate_of(results, extract, LONG),
        SHORT_SHARE_TARGET,
        "share",
    )
    best = two_processes.get("best", {}) if isinstance(two_processes, dict) else {}
    start = best.get("start-up")
    for name, label in (("cli jsonl", "the command, end to end"), ("extract_many", "`extract_many`, warm process")):
        times = best.get(name)
        if times:
            ratio = times["1"] / times["2"]
            shown = _ratio(ratio)
            if start and name.startswith("cli"):
                shown += f" ({(times['1'] - start['1']) / (times['2'] - start['2']):.2f}× after start-up)"
            rows.append((f"two processes ≥ {parallel.TARGET}× one: {label}", shown, ratio >= parallel.TARGET))
    if stream and "max_rss" in stream:
        peak = stream["max_rss"]
        rows.append(("streaming peak memory < 150 MB", f"{_mib(peak)} MiB", peak < MEMORY_TARGET))
    lines = ["", "## Speed targets", "", "| target | this run | |", "|---|---|---|"]
    for label, value, met in rows:
        lines.append(f"| {label} | {value} | {'' if met is None else 'met' if met else '**not met**'} |")
    return lines + _per_document_cost(results) + _start_up_bound(start, best.get("cli jsonl"))


def _whole_row(results: dict[str, Any], tool: str, input_name: str) -> dict[str, Any] | None:
    """A tool's row on a whole input (not a sample), as measured; None when it did not run."""
    rows = results.get(tool)
    for row in rows if isinstance(rows, list) else []:
        if row.get("input") == input_name and row.get("size") == "whole" and "error" not in row:
            return cast(dict[str, Any], row)
    return None


def _call_cost(results: dict[str, Any], tool: str) -> tuple[float, float, float] | None:
    """A tool's cost on one 200-character document, split: the document's characters, its
    seconds, and the seconds those characters take in 100,000-character documents."""
    short = _whole_row(results, tool, SHORT)
    long_rate = _rate_of(results, tool, LONG)
    if short is None or long_rate is None:
        return None
    size = short["chars"] / short["docs"]
    return size, short["seconds"] / short["docs"], size / long_rate


def _per_document_cost(results: dict[str, Any]) -> list[str]:
    """What a short document costs beyond its characters: the gap the 200-character target measures."""
    cost = _call_cost(results, "govmetrics.extract")
    if cost is None:
        return []
    size, per_doc, characters = cost  # characters: the same characters in long documents
    allowed = characters / SHORT_SHARE_TARGET - characters
    lines = [
        "",
        f"*Per-document cost.* A {size:.0f}-character document took "
        f"{per_doc * 1e6:.1f} µs, of which {characters * 1e6:.1f} µs is what its characters cost in "
        f"100,000-character documents and {(per_doc - characters) * 1e6:.1f} µs the call itself (cleaning's "
        "set-up, the reading view, each extractor's set-up and first scans, resolution). "
        f"{SHORT_SHARE_TARGET} of the long documents' rate leaves the call {allowed * 1e6:.1f} µs.",
    ]
    clean_rate = _rate_of(results, "govmetrics clean", "real corpus")
    cleaning = _call_cost(results, "govmetrics clean")
    if clean_rate is not None and cleaning is not None:
        # the two share targets pull against each other: the faster a character, the less a call may cost
        at_target = size / (clean_rate * CLEAN_SHARE_TARGET)
        _, clean_per_doc, clean_characters = cleaning
        lines[-1] += (
            f" Were extraction at {CLEAN_SHARE_TARGET:.2g} of cleaning's rate (the first target), the characters "
            f"would cost {at_target * 1e6:.1f} µs and {SHORT_SHARE_TARGET} would leave the call "
            f"{(at_target / SHORT_SHARE_TARGET - at_target) * 1e6:.1f} µs, where cleaning's own call "
            f"(`Article.from_text` on a {size:.0f}-character document beyond its characters) took "
            f"{(clean_per_doc - clean_characters) * 1e6:.1f} µs in this run."
        )
    return lines


def _start_up_bound(start: dict[str, float] | None, cli: dict[str, float] | None) -> list[str]:
    """The most two processes can give the command end to end, its start-up being the same in both."""
    if not start or not cli:
        return []
    work = cli["1"] - start["1"]
    bound = cli["1"] / (start["1"] + work / 2)
    return [
        "",
        f"*Start-up.* The command starts in {start['1']:.2f} s (the interpreter, imports, the lexicons' "
        f"patterns) with one process or two; on this corpus, {work:.2f} s of work after it, so even the "
        f"work split exactly in two would give {bound:.2f}× end to end.",
    ]


def _stream_report(stream: Any) -> list[str]:
    lines = ["", "## Memory while streaming the real corpus through `govmetrics.extract`", ""]
    if not stream:
        return [*lines, "Not run (no .jsonl corpus among the inputs)."]
    if "error" in stream:
        return [*lines, f"Failed: {stream['error']}"]
    points = stream["points"]
    lines += [
        f"One document at a time, read line by line from the files: {stream['docs']:,} documents, "
        f"{stream['chars']:,} characters in {stream['seconds']:.1f} s "
        f"({_int(stream['chars'] / stream['seconds'])} chars/s, {_rate(stream['docs'] / stream['seconds'])} docs/s, "
        "JSON parsing included).",
        "",
        "| after | documents | characters | records | RSS MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for p in points:
        lines.append(f"| {p['label']} | {p['docs']:,} | {p['chars']:,} | {p['records']:,} | {_mib(p['rss'])} |")
    peak = stream["max_rss"]
    verdict = "met" if peak < MEMORY_TARGET else "**not met**"
    first = next((p for p in points if p["label"].startswith("25%")), points[0])
    growth = max(p["rss"] for p in points[1:]) - first["rss"] if len(points) > 1 else 0
    lines += [
        "",
        f"Peak RSS of the streaming process: **{_mib(peak)} MiB** ({peak / 1e6:.0f} MB; target < 150 MB: {verdict}). "
        f"From 25% of the documents on, the resident size grew by {growth / MIB:+.1f} MiB at most: "
        + ("flat." if growth < 5 * MIB else "**not flat**."),
    ]
    return lines


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="inputs instead of the seed page and the real corpus")
    parser.add_argument("--published", help="publication date (YYYY-MM-DD) for .txt FILEs; default: from the name")
    parser.add_argument("--quick", action="store_true", help="about a minute: one timed pass, capped inputs")
    parser.add_argument("--repeat", type=int, help="timed passes per measurement, best kept (default 3; quick 1)")
    parser.add_argument("--budget", type=float, help="stop repeating after this many timed seconds (default 20)")
    parser.add_argument("--sample-chars", type=int, help="size of the slow tools' sample (default 200000; quick 20000)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of: " + ", ".join(TOOLS))
    parser.add_argument(
        "--output", type=Path, help="markdown file to write (default: docs/benchmarks.md for a full run)"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        plan = json.loads(sys.stdin.read())
        if args.worker == "parallel":
            result = parallel.measure(plan["parallel"]["files"], plan["parallel"]["rounds"])
        elif args.worker == "inputs":
            result = input_kinds.measure(plan["input_kinds"]["files"], plan["input_kinds"]["rounds"])
        else:
            result = stream_worker(plan) if args.worker == "stream" else worker(args.worker, plan)
        print(RESULT + json.dumps(result))
        return 0

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        parser.error(f"unknown tools: {', '.join(unknown)}")
    inputs = file_inputs(args.files, args.published) if args.files else default_inputs()
    plan = {
        "inputs": [spec.to_json() for spec in inputs],
        "quick": args.quick,
        "repeat": args.repeat or (1 if args.quick else 3),
        "budget": args.budget if args.budget is not None else (2.0 if args.quick else 20.0),
        "cap": 150_000 if args.quick else None,
        "sample_cap": args.sample_chars or (20_000 if args.quick else 200_000),
    }
    corpus = [spec for spec in inputs if any(path.endswith(".jsonl") for path, _ in spec.sources)]
    if corpus:
        plan["stream"] = {"sources": corpus[-1].sources, "passes": 1 if args.quick else 2}
        files = [path for path, _ in corpus[-1].sources if path.endswith(".jsonl")]
        plan["parallel"] = {"files": files, "rounds": 1 if args.quick else parallel.ROUNDS}
        plan["input_kinds"] = {"files": files, "rounds": 1 if args.quick else input_kinds.ROUNDS}

    started = time.perf_counter()
    about = machine()  # the commit now, when the copy of the source is taken
    results: dict[str, Any] = {}
    jobs = [*tools, "stream", "parallel", "inputs"] if corpus else tools
    with tempfile.TemporaryDirectory(prefix="govmetrics-bench-") as snapshot:
        # Every worker imports this copy: the source is the same for all of them, whatever is edited meanwhile.
        shutil.copytree(
            ROOT / "govmetrics", Path(snapshot) / "govmetrics", ignore=shutil.ignore_patterns("__pycache__")
        )
        for n, job in enumerate(jobs, 1):
            print(f"[{n}/{len(jobs)}] {job} …", end=" ", file=sys.stderr, flush=True)
            t0 = time.perf_counter()
            results[job] = run_worker(["--worker", job], plan, timeout=900, snapshot=Path(snapshot))
            print(f"{time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    stream = results.pop("stream", None)
    two_processes = results.pop("parallel", None)
    by_input = results.pop("inputs", None)

    command = "python benchmarks/bench.py" + "".join(f" {a}" for a in sys.argv[1:])
    markdown = report(
        inputs, results, stream, two_processes, by_input, plan, command, time.perf_counter() - started, about
    )
    print(markdown)
    output = args.output
    if output is None and not args.quick and not args.files and len(tools) == len(TOOLS):
        output = OUTPUT
    if output is not None:
        output.write_text(markdown, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
