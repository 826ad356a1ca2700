"""What :func:`govmetrics.extract` gives back: an article and its records, with the ways users read them.

It stands above the records (:mod:`govmetrics.models`) and their serialisation
(:mod:`govmetrics.serialize`), so that ``to_dicts`` and ``to_frame`` need no import circle.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from govmetrics.models import Article, Cadence, DateMention, Meeting, Metric, Record
from govmetrics.serialize import to_dict


def _in_text_order(records: Iterable[Record]) -> tuple[Record, ...]:
    return tuple(sorted(records, key=lambda r: (r.span.start, r.span.end, r.kind)))


@attrs.frozen(kw_only=True)
class Extraction:
    """An article and the records found in it, in text order."""

    article: Article
    records: tuple[Record, ...] = attrs.field(default=(), converter=_in_text_order)

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def of_kind(self, kind: str) -> tuple[Any, ...]:
        return tuple(r for r in self.records if r.kind == kind)

    @property
    def metrics(self) -> tuple[Metric, ...]:
        return tuple(r for r in self.records if isinstance(r, Metric))

    @property
    def dates(self) -> tuple[DateMention, ...]:
        return tuple(r for r in self.records if isinstance(r, DateMention))

    @property
    def cadences(self) -> tuple[Cadence, ...]:
        return tuple(r for r in self.records if isinstance(r, Cadence))

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        return tuple(r for r in self.records if isinstance(r, Meeting))

    def to_frame(self) -> Any:
        """The records as a pandas DataFrame, one row per record (needs the ``pandas`` extra)."""
        from govmetrics.typed_frames import records_frame  # pandas is imported only when a frame is asked for

        return records_frame([self])

    def _repr_html_(self) -> str:
        """The text with every record marked by kind, its meaning on hover, and a table per kind
        below: what Jupyter shows for a result (see :mod:`govmetrics.views.highlight`)."""
        from govmetrics.views.highlight import notebook_html  # the views sit above; loaded when first shown

        return notebook_html(self)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The records as plain dicts with a ``kind`` tag (see :func:`govmetrics.serialize.to_dict`)."""
        return [to_dict(r) for r in self.records]
