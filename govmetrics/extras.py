"""Optional dependencies, imported when a feature first needs them.

DataFrames need pandas (the ``pandas`` extra), Parquet needs pyarrow (``parquet``), corpora on a
Dask cluster need dask (``dask``). A feature asks :func:`require` for its module; where the extra
is not installed, every feature raises the same :class:`~govmetrics.errors.MissingExtraError`,
which names what to install, and the rest of govmetrics works without it.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from govmetrics.errors import MissingExtraError


def require(module: str, extra: str, needed_for: str) -> ModuleType:
    """``module`` imported, or :class:`MissingExtraError`: "``needed_for`` needs ``module``: pip
    install 'govmetrics[``extra``]'"."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(needed_for, module.partition(".")[0], extra) from None


def check(module: str, extra: str, needed_for: str) -> None:
    """The error :func:`require` would raise, found without importing ``module`` (pyarrow takes
    80 ms to import): so a command can refuse before it has written anything."""
    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package missing, or set to None in sys.modules
        found = False
    if not found:
        raise MissingExtraError(needed_for, module.partition(".")[0], extra)
