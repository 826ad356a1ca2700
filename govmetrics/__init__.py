"""govmetrics: typed, exact records from Chinese government news text.

>>> import govmetrics
>>> result = govmetrics.extract("累计走访2万余户。", published="2019-07-16")
>>> result.metrics[0].value, result.metrics[0].unit, result.metrics[0].approx
(20000, '户', 'more_than')
"""

import importlib.metadata

from govmetrics.api import extract
from govmetrics.batch import extract_many
from govmetrics.calendar import CalendarValue, parse_date
from govmetrics.errors import (
    BatchError,
    DateError,
    DocumentError,
    GovmetricsError,
    InputError,
    MissingExtraError,
    NumeralError,
    PluginError,
    SerializationError,
    UndatedWarning,
)
from govmetrics.extraction import Extraction
from govmetrics.hookspecs import hookimpl, hookspec
from govmetrics.models import (
    Article,
    Cadence,
    DateMention,
    Meeting,
    Metric,
    Person,
    Record,
    Span,
)
from govmetrics.numerals import Amount, parse_amount, parse_number, parse_percent
from govmetrics.pages import split_page
from govmetrics.plugins import PluginWarning, get_plugin_manager
from govmetrics.serialize import from_dict, to_dict

__all__ = [
    "Amount",
    "Article",
    "BatchError",
    "Cadence",
    "CalendarValue",
    "DateError",
    "DateMention",
    "DocumentError",
    "Extraction",
    "GovmetricsError",
    "InputError",
    "Meeting",
    "Metric",
    "MissingExtraError",
    "NumeralError",
    "Person",
    "PluginError",
    "PluginWarning",
    "Record",
    "SerializationError",
    "Span",
    "UndatedWarning",
    "extract",
    "extract_many",
    "from_dict",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "parse_amount",
    "parse_date",
    "parse_number",
    "parse_percent",
    "split_page",
    "to_dict",
]
try:
    __version__: str = importlib.metadata.version("govmetrics")
except importlib.metadata.PackageNotFoundError:  # a source tree run without installing it
    __version__ = "0+unknown"
