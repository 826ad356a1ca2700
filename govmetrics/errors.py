"""The exceptions govmetrics raises: one base class, so callers can catch them all."""

from __future__ import annotations


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
