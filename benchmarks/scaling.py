"""Time against size: one article grown from 1 KB to 10 MB, for text that could trip a parser up.

    python benchmarks/scaling.py            # 1 KB .. 10 MB, writes docs/scaling.md
    python benchmarks/scaling.py --quick    # 1 KB .. 1 MB, prints only

A regular expression that backtracks badly, or a loop over what was already found, shows as time
growing faster than the text. Each row grows the article tenfold; the last column is the time
ratio to the row before, which stays near 10 when time is linear. The kinds of text:

* real text: the example article the project ships, repeated;
* digits: one unbroken run of digits (a number with no end);
* 的: one character repeated, no numerals and no punctuation;
* numerals: Chinese numeral characters with no unit (一二三四五六七八九十百千万);
* no punctuation: the example article with its punctuation and line breaks taken out.

Sizes are in UTF-8 bytes of the text. Figures go in the closing notes of reliability work; speed
targets live here, never in timed tests.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import govmetrics  # noqa: E402

EXAMPLE = (ROOT / "docs" / "examples" / "district-news-2019-07-12.txt").read_text("utf-8")
KINDS: dict[str, Callable[[int], str]] = {
    "real text": lambda n: (EXAMPLE * (n // len(EXAMPLE.encode()) + 1))[: n // 3],
    "digits": lambda n: "7" * n,
    "的": lambda n: "的" * (n // 3),
    "numerals": lambda n: ("一二三四五六七八九十百千万" * (n // 39 + 1))[: n // 3],
    "no punctuation": lambda n: (re.sub(r"[\s，。、；：（）“”]", "", EXAMPLE) * (n // 600 + 1))[: n // 3],
}


def measure(text: str) -> float:
    start = time.perf_counter()
    govmetrics.extract(text, published="2019-07-12")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="stop at 1 MB and only print")
    args = parser.parse_args()
    sizes = [10**3, 10**4, 10**5, 10**6] + ([] if args.quick else [10**7])
    govmetrics.extract(EXAMPLE)  # load plugins and lexicons before timing
    lines = [
        f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}.",
        "",
        "| text | size | seconds | chars/s | records | × previous |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    for kind, make in KINDS.items():
        previous = None
        for size in sizes:
            text = make(size)
            seconds = measure(text)
            records = len(govmetrics.extract(text, published="2019-07-12").records) if size <= 10**5 else "-"
            ratio = f"{seconds / previous:.1f}" if previous else ""
            label = f"{size // 1000} KB" if size < 10**6 else f"{size // 10**6} MB"
            line = f"| {kind} | {label} | {seconds:.4f} | {len(text) / seconds:,.0f} | {records} | {ratio} |"
            print(line, flush=True)
            lines.append(line)
            previous = seconds
    if not args.quick:
        page = ["# Time against size", "", __doc__.split("\n\n", 2)[2].strip(), "", *lines, ""]
        (ROOT / "docs" / "scaling.md").write_text("\n".join(page), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
