"""The package's shape: small modules with one job each.

A module that grows past the limit is a module doing two jobs; split it along its seams (as the
extractors' pattern, exclusion and list modules are split) rather than raise the limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "govmetrics"
MOST_LINES = 450
MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_is_over_the_line_limit(module: Path) -> None:
    lines = len(module.read_text("utf-8").splitlines())
    assert lines <= MOST_LINES, f"{module.name} has {lines} lines"
