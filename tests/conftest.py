"""Test configuration: the ``shared`` marker for tests that read ../shared, ``browser`` for Chromium.

Tests marked ``shared`` read the gold files and peer corpora beside the repository. Where
``../shared`` is missing (a user's clone) they skip, saying why; where the ``CI`` environment
variable is set, a missing ``../shared`` fails them instead, so CI never passes by skipping.
Tests marked ``browser`` open HTML in headless Chromium (``.ci/run`` installs it) and are
skipped or failed the same way when it is missing.
"""

from __future__ import annotations

import os

import pytest

from tests.browser import chromium, chromium_missing_reason
from tests.shared import SHARED, shared_missing_reason


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("browser") is not None and chromium() is None:
        _skip_unless_ci(chromium_missing_reason())
    if item.get_closest_marker("shared") is not None and not SHARED.is_dir():
        _skip_unless_ci(shared_missing_reason())


def _skip_unless_ci(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fresh_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test loads plugins as its own environment says (allow-list, strict mode)."""
    import govmetrics.plugins

    monkeypatch.delenv("GOVMETRICS_LOAD_PLUGINS", raising=False)
    monkeypatch.delenv("GOVMETRICS_STRICT_PLUGINS", raising=False)
    govmetrics.plugins.reset_plugins()
