"""One place for errors: every exception govmetrics raises on purpose, and one for a missing extra."""

from __future__ import annotations

import inspect
import sys

import pytest

import govmetrics
from govmetrics import errors
from govmetrics.errors import GovmetricsError, MissingExtraError


def test_every_exported_error_is_defined_in_the_errors_module() -> None:
    exported = [getattr(govmetrics, name) for name in govmetrics.__all__ if name.endswith("Error")]
    assert exported
    for error in exported:
        assert error.__module__ == "govmetrics.errors", error
        assert issubclass(error, GovmetricsError)


def test_no_other_module_defines_an_error_class() -> None:
    import govmetrics.batch
    import govmetrics.calendar
    import govmetrics.corpus
    import govmetrics.export
    import govmetrics.pool

    for module in (govmetrics.batch, govmetrics.pool, govmetrics.corpus, govmetrics.calendar, govmetrics.export):
        own = [
            name
            for name, value in vars(module).items()
            if inspect.isclass(value) and issubclass(value, Exception) and value.__module__ == module.__name__
        ]
        assert own == [], module.__name__


def test_old_import_places_still_work() -> None:
    from govmetrics.batch import BatchError, DocumentError
    from govmetrics.calendar import DateError

    assert (BatchError, DocumentError, DateError) == (errors.BatchError, errors.DocumentError, errors.DateError)


def test_a_missing_extra_is_one_error_for_every_feature(monkeypatch: pytest.MonkeyPatch) -> None:
    """pandas for frames, pyarrow for Parquet: the same error type, naming what to install."""
    from govmetrics.export import check_pyarrow, import_pyarrow
    from govmetrics.frames import dtypes

    for name in ("pandas", "pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, name, None)
    raised = []
    for call in (dtypes, import_pyarrow, check_pyarrow):
        with pytest.raises(MissingExtraError) as error:
            call()
        raised.append(error.value)
    assert [(e.module, e.extra) for e in raised] == [
        ("pandas", "pandas"),
        ("pyarrow", "parquet"),
        ("pyarrow", "parquet"),
    ]
    assert str(raised[1]) == "writing Parquet needs pyarrow: pip install 'govmetrics[parquet]'"
    assert all(isinstance(e, ImportError) and isinstance(e, GovmetricsError) for e in raised)


def test_the_version_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    assert govmetrics.__version__ == version("govmetrics")
