"""Lint and types run with the tests, so CI (which runs the README's test command) checks them too.

ruff (lint and format, configured in pyproject.toml) covers the package, the tests, the plugin
packages, the benchmarks and the Python examples in the docs; mypy runs strict on the package
(``[tool.mypy]``). Both come with the ``dev`` extra; without it these tests skip, naming the tool
that is missing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["govmetrics", "tests", "plugins", "benchmarks", "docs", "README.md"]


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip(module, reason=f"{module} comes with the dev extra: pip install -e '.[dev]'")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing_to_lint() -> None:
    run = _run("ruff", "check", *CHECKED)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_finds_nothing_to_format() -> None:
    run = _run("ruff", "format", "--check", *CHECKED)
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_strict_finds_no_type_errors() -> None:
    run = _run("mypy")
    assert run.returncode == 0, run.stdout + run.stderr
