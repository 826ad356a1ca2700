"""Reading ../shared (gold files, peer corpora) from tests.

``shared_cases`` turns a JSON Lines file into parameters. When ../shared is missing it returns one
placeholder parameter marked ``shared``, so the test is reported as skipped (or failed under CI)
instead of vanishing from the run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def shared_missing_reason() -> str:
    return f"needs ../shared (gold files and peer corpora), not found at {SHARED}"


def read_jsonl(relative: str) -> list[dict[str, Any]]:
    path = SHARED / relative
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def shared_cases(
    relative: str,
    select: Callable[[dict[str, Any]], bool] = lambda case: True,
    case_id: Callable[[dict[str, Any]], str] = lambda case: str(case.get("input", case.get("id"))),
    xfail: dict[str, str] | None = None,
) -> Iterable[Any]:
    """Parameters for each selected case of ``relative``; ids in ``xfail`` become strict xfails."""
    if not SHARED.is_dir():
        return [pytest.param(None, id="shared-missing", marks=pytest.mark.shared)]
    xfail = xfail or {}
    params = []
    for case in read_jsonl(relative):
        if not select(case):
            continue
        ident = case_id(case)
        marks = [pytest.mark.shared]
        if ident in xfail:
            marks.append(pytest.mark.xfail(reason=xfail[ident], strict=True))
        params.append(pytest.param(case, id=ident, marks=marks))
    return params
