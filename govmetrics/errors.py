"""The exceptions govmetrics raises: one base class, so callers can catch them all.

Every one lives here, whichever module raises it, so a caller imports its errors from one place;
so do the warnings that are about the input rather than a plugin (:class:`UndatedWarning`).
"""

from __future__ import annotations

from typing import Any


class GovmetricsError(Exception):
    """Base class of every error govmetrics raises on purpose."""


class NumeralError(GovmetricsError, ValueError):
    """A string is not a numeral govmetrics can read (e.g. ``parse_number("三四百")`` is a range)."""


class InputError(GovmetricsError, ValueError):
    """Input the library cannot take: undecodable bytes, a bad publication date, a wrong type."""


class PluginError(GovmetricsError):
    """A plugin failed to import or raised while extracting, and strict mode turned that into an error."""


class SerializationError(GovmetricsError, ValueError):
    """A dict could not be read back into a record (unknown ``kind``, missing or extra fields)."""


class DateError(GovmetricsError, ValueError):
    """A string is not a date expression govmetrics can resolve."""


class DocumentError(GovmetricsError):
    """A document failed and ``on_error="raise"`` asked to stop: its ``id`` and the ``reason``."""

    def __init__(self, id: str, reason: str, error_type: str | None = None) -> None:
        super().__init__(f"{id}: {reason}")
        self.id = id
        self.reason = reason
        self.error_type = error_type

    def __reduce__(self) -> Any:
        return (type(self), (self.id, self.reason, self.error_type))


class BatchError(GovmetricsError):
    """The run itself broke (a worker process died), not one document."""


class MissingExtraError(GovmetricsError, ImportError):
    """A feature needs an optional dependency that is not installed; the message names the extra.

    It is an :class:`ImportError` too, so code written against the missing module's own error
    still catches it. ``module`` is what could not be imported, ``extra`` what installs it.
    """

    def __init__(self, needed_for: str, module: str, extra: str) -> None:
        super().__init__(f"{needed_for} needs {module}: pip install 'govmetrics[{extra}]'")
        self.module = module
        self.extra = extra


class UndatedWarning(UserWarning):
    """Some documents of a corpus have no publication date, so their dates written without a year
    (7月11日, 上半年, 今年) come out unresolved.

    Usually the corpus names its date field otherwise than ``date_field`` says (``date`` where
    ``published`` is looked for), or the documents carry none and ``published`` was not given.
    :func:`govmetrics.extract_many` and :func:`govmetrics.frames.corpus_rows` give it once per
    run, after the last document, counting the documents left without a date.
    """


def undated_message(undated: int, documents: int, fix: str) -> str:
    """The one line that says how many documents have no publication date, and how to give them one."""
    return (
        f"{undated} of {documents} documents have no publication date; dates without a year are left unresolved ({fix})"
    )
