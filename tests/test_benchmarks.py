"""The benchmark scripts still call govmetrics as it is: each govmetrics row of benchmarks/bench.py
runs on a short text. Speed is measured by the script itself, never asserted here."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"
TEXT = "本报讯 7月11日上午，区委常委会召开会议，区委书记王田主持。全区每月开展2次巡查，走访2万余户。"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("govmetrics_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    sys.path.insert(0, str(BENCH.parent))  # the script imports its sibling modules
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH.parent))
    return module


BENCHMARK = _bench()


@pytest.mark.parametrize("name", [name for name in BENCHMARK.TOOLS if name.startswith("govmetrics")])
def test_each_govmetrics_row_of_the_benchmark_runs(name: str) -> None:
    prepare, run = BENCHMARK.TOOLS[name].load()
    inputs = prepare([(TEXT, dt.date(2019, 7, 16))])
    found = [run(item) for item in inputs]
    if BENCHMARK.TOOLS[name].found != "-":
        assert found[0] > 0, f"{name} found nothing in a text that has one of each record"


def test_the_input_kinds_benchmark_reads_each_kind(tmp_path: Path) -> None:
    """benchmarks/inputs.py writes the same documents as each kind and reads them back: each
    kind finds records, and the table names every kind."""
    import json

    inputs = _sibling("inputs")
    corpus = tmp_path / "corpus.jsonl"
    docs = [{"id": str(n), "text": TEXT * 3, "date": "2019-07-16"} for n in range(3)]
    corpus.write_text("".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs), encoding="utf-8")
    result = inputs.measure([str(corpus)], rounds=1, chars=10_000)
    assert [row["kind"] for row in result["rows"]] == list(inputs.KINDS)
    assert all(row.get("records", 0) > 0 for row in result["rows"]), result["rows"]
    table = "\n".join(inputs.report(result))
    assert all(f"| {kind} |" in table for kind in inputs.KINDS)


def _sibling(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH.parent))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCH.parent))


def test_the_targets_table_explains_the_per_document_cost_and_the_start_up_bound() -> None:
    """The notes under the targets table do their sums on the run's own figures: 1,000 documents
    of 200 characters in 0.08 s against 0.05 s for the same characters in long documents leave
    30 µs to the call; 0.8 of the long rate would leave it 12.5 µs. A start-up of 0.3 s before
    1.5 s of work bounds two processes at 1.8 / 1.05."""
    bench = BENCHMARK
    results = {
        "govmetrics.extract": [
            {"input": bench.SHORT, "size": "whole", "docs": 1000, "chars": 200_000, "seconds": 0.08},
            {"input": bench.LONG, "size": "whole", "docs": 2, "chars": 200_000, "seconds": 0.05},
        ]
    }
    note = "\n".join(bench._per_document_cost(results))
    assert "took 80.0 µs, of which 50.0 µs" in note and "30.0 µs the call itself" in note
    assert "leaves the call 12.5 µs" in note
    bound = "\n".join(bench._start_up_bound({"1": 0.3, "2": 0.3}, {"1": 1.8, "2": 1.2}))
    assert "1.50 s of work" in bound and "give 1.71×" in bound
    assert bench._per_document_cost({}) == [] and bench._start_up_bound(None, None) == []


def test_the_per_document_note_shows_what_the_two_share_targets_leave_a_call_together() -> None:
    """Cleaning at 50 M chars/s puts the first target at 10 M chars/s: 200 characters then cost
    20 µs, and 0.8 of that rate leaves a call 5 µs, beside cleaning's own call (10 µs a short
    document against 4 µs for its characters in long ones: 6 µs)."""
    bench = BENCHMARK
    results = {
        "govmetrics.extract": [
            {"input": bench.SHORT, "size": "whole", "docs": 1000, "chars": 200_000, "seconds": 0.08},
            {"input": bench.LONG, "size": "whole", "docs": 2, "chars": 200_000, "seconds": 0.05},
        ],
        "govmetrics clean": [
            {"input": "real corpus", "size": "whole", "docs": 10, "chars": 4_000_000, "seconds": 0.08},
            {"input": bench.SHORT, "size": "whole", "docs": 1000, "chars": 200_000, "seconds": 0.01},
            {"input": bench.LONG, "size": "whole", "docs": 2, "chars": 200_000, "seconds": 0.004},
        ],
    }
    note = "\n".join(bench._per_document_cost(results))
    assert "the characters would cost 20.0 µs and 0.8 would leave the call 5.0 µs" in note
    assert "cleaning's own call" in note and "took 6.0 µs" in note


def test_the_parallel_benchmark_splits_the_work_into_halves_of_equal_characters() -> None:
    """The row of extraction alone gives each process half the characters, not half the documents:
    one long document against three short ones."""
    parallel = _sibling("parallel")
    documents = [("甲" * 30, None), ("乙" * 10, None), ("丙" * 10, None), ("丁" * 10, None)]
    halves = parallel._halves(documents)
    assert sorted(sum(len(text) for text, _ in half) for half in halves) == [30, 30]
    assert sorted(documents) == sorted(halves[0] + halves[1])


def test_the_parallel_report_sets_no_target_on_extraction_alone() -> None:
    parallel = _sibling("parallel")
    result = {
        "rounds": 1,
        "docs": 3,
        "cores": 2,
        "best": {
            "extract_many": {"1": 1.0, "2": 0.6},
            "extraction alone": {"1": 0.9, "2": 0.5},
            "machine": {"1": 0.5, "2": 0.26},
        },
        "found": {"extract_many": 7, "extraction alone": 7, "machine": 0},
        "same": {"extract_many": True, "extraction alone": True, "machine": True},
    }
    rows = {line.split(" | ")[0]: line for line in parallel.report(result, ["corpus.jsonl"]) if line.startswith("| ")}
    alone = rows["| " + parallel.LABELS["extraction alone"]]
    assert "1.80×" in alone and alone.rstrip(" |").endswith("%")
    assert "**not met**" in rows["| " + parallel.LABELS["extract_many"]]


def test_the_benchmark_names_its_commit_dirty_only_when_more_than_its_own_output_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run after a run rewrites docs/benchmarks.md, and the code is still at its commit."""
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    bench = BENCHMARK

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "benchmarks.md").write_text("first run\n")
    (tmp_path / "code.py").write_text("x = 1\n")
    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start")
    monkeypatch.setattr(bench, "ROOT", tmp_path)
    monkeypatch.setattr(bench, "OUTPUT", tmp_path / "docs" / "benchmarks.md")
    (tmp_path / "docs" / "benchmarks.md").write_text("second run\n")
    commit = bench._commit()
    assert commit and not commit.endswith("-dirty")
    (tmp_path / "code.py").write_text("x = 2\n")
    assert bench._commit() == f"{commit}-dirty"
