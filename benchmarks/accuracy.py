"""The accuracy tables of docs/accuracy.md, from the shared scorer run on each gold file.

    python benchmarks/accuracy.py              # both gold files beside the repository, as Markdown
    python benchmarks/accuracy.py GOLD ...     # other gold files scored the same way

The scorer (``../shared/tools/score.py``) uses only the public API, as a user would; this script
runs it once per file and lays its JSON summary out as one table per file: precision, recall and
F1 for each kind of record, then the accuracy of each attribute over the matched pairs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KINDS = ("metric", "date", "cadence", "meeting", "attendee", "article", "overall")


def summary(gold: Path) -> dict[str, dict[str, Any]]:
    """The scorer's summary of one gold file."""
    run = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(gold), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout[: run.stdout.rindex("}") + 1])  # type: ignore[no-any-return]


def table(scores: dict[str, dict[str, Any]]) -> str:
    """One Markdown table: a row per kind, its counts, P/R/F1 and its attributes' accuracies."""
    lines = ["| kind | tp | fp | fn | P | R | F1 | attributes |", "|---|---:|---:|---:|---:|---:|---:|---|"]
    for kind in KINDS:
        row = scores.get(kind)
        if row is None:
            continue
        if kind == "overall":
            counts = f"{row['cases']} cases, {row['crashed']} crashed | | "
            lines.append(f"| overall | {counts}| {row['precision']} | {row['recall']} | **{row['f1']}** | |")
            continue
        attributes = ", ".join(
            f"{name.removesuffix('_accuracy')} {value}" for name, value in row.items() if name.endswith("_accuracy")
        )
        lines.append(
            f"| {kind} | {row['tp']} | {row['fp']} | {row['fn']} | {row['precision']} | {row['recall']} "
            f"| **{row['f1']}** | {attributes} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", type=Path, help="gold .jsonl files (default: real-dev and dev)")
    args = parser.parse_args(argv)
    files = args.gold or [SHARED / "gold" / "real-dev.jsonl", SHARED / "gold" / "dev.jsonl"]
    for gold in files:
        print(f"`{gold.name}`\n\n{table(summary(gold))}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
