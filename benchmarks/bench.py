"""Throughput and peak memory of govmetrics beside the alternatives, in one run.

    python benchmarks/bench.py                 # the seed page and the work-report corpus, if ../shared is there
    python benchmarks/bench.py FILE [FILE ...]  # any UTF-8 text files
    python benchmarks/bench.py --repeat 5

Each tool runs in a fresh subprocess on the same text: the time is the best of ``--repeat`` runs
(after one warm-up run, so caches and lazy loading are not counted), ``peak_alloc`` is the most
memory Python allocated while processing (tracemalloc), ``max_rss`` the process's peak resident
size including its imports. The alternatives do related, not identical, jobs; they show what a
general-purpose parser costs on the same text:

* ``govmetrics``          ``govmetrics.extract`` on the text: cleaning, every plugin, resolution.
* ``cn2an.transform``     cn2an rewriting every Chinese numeral in the text as Arabic.
* ``jionlp.money``        JioNLP's money extractor (``pip install jionlp``).
* ``recognizers.number``  Microsoft Recognizers-Text Chinese number model
                          (``pip install recognizers-text-number``).

A tool that is not installed is listed as such. Speed targets live here, never in timed tests.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _govmetrics() -> Callable[[str], int]:
    import govmetrics

    return lambda text: len(govmetrics.extract(text).records)


def _cn2an() -> Callable[[str], int]:
    import re

    import cn2an

    numbers = re.compile(r"\d+(?:\.\d+)?")
    return lambda text: len(numbers.findall(cn2an.transform(text, "cn2an")))


def _jionlp() -> Callable[[str], int]:
    import jionlp

    return lambda text: len(jionlp.ner.extract_money(text))


def _recognizers() -> Callable[[str], int]:
    from recognizers_number import Culture, recognize_number

    return lambda text: len(recognize_number(text, Culture.Chinese))


TOOLS: dict[str, Callable[[], Callable[[str], int]]] = {
    "govmetrics": _govmetrics,
    "cn2an.transform": _cn2an,
    "jionlp.money": _jionlp,
    "recognizers.number": _recognizers,
}


def worker(tool: str, path: Path, repeat: int) -> dict[str, object]:
    try:
        run = TOOLS[tool]()
    except ImportError as exc:
        return {"tool": tool, "error": f"not installed ({exc.name})"}
    texts = _texts(path)
    for text in texts[:3]:
        run(text)  # warm-up: imports, lazy loading, caches
    best = float("inf")
    found = 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = sum(run(text) for text in texts)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()  # a run of its own: tracing allocations slows them, so it is not timed
    sum(run(text) for text in texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    chars = sum(map(len, texts))
    return {
        "tool": tool,
        "chars": chars,
        "seconds": round(best, 4),
        "chars_per_s": round(chars / best),
        "found": found,
        "peak_alloc_mib": round(peak / 2**20, 1),
        "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _texts(path: Path) -> list[str]:
    """A .jsonl corpus gives one text per line (its ``text`` field); any other file is one text."""
    if path.suffix == ".jsonl":
        return [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [path.read_text("utf-8")]


def default_inputs() -> list[Path]:
    inputs = [
        SHARED / "seeds" / "shijingshan-2019-07-page1.txt",
        SHARED / "corpora" / "real" / "gov_work_reports.jsonl",
    ]
    found = [p for p in inputs if p.exists()]
    return found or [ROOT / "docs" / "examples" / "district-news-2019-07-12.txt"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ", ".join(TOOLS))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.files[0], args.repeat)))
        return 0
    for path in args.files or default_inputs():
        print(f"\n{path.name}")
        print(f"{'tool':<20}{'chars':>10}{'seconds':>10}{'chars/s':>12}{'found':>8}{'peak MiB':>10}{'RSS MiB':>9}")
        for tool in args.tools.split(","):
            cmd = [sys.executable, __file__, "--worker", tool, "--repeat", str(args.repeat), str(path)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            try:
                row = json.loads(done.stdout.strip().splitlines()[-1])
            except (IndexError, json.JSONDecodeError):
                row = {"tool": tool, "error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
            if "error" in row:
                print(f"{tool:<20}{row['error']}")
                continue
            print(
                f"{tool:<20}{row['chars']:>10}{row['seconds']:>10}{row['chars_per_s']:>12}"
                f"{row['found']:>8}{row['peak_alloc_mib']:>10}{row['max_rss_mib']:>9}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
