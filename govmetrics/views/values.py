"""What a record means, as one short line of plain text: the hover text of its mark and a table cell.

* a metric: its value (and the top of a range), its unit and what the text says of it,
  2万余户 → ``20000 户, more than``; 增长15.8% → ``15.8 %, up``; a goal → ``…, target``;
* a date: the day in ISO form (7月10日 → ``2019-07-10``), or the first and last day of a period
  and its granularity (上半年 → ``2019-01-01 – 2019-06-30 (half_year)``), ``since``/``until``
  before it; ``not placed`` for a date without a year when the publication date is unknown;
* a cadence: its ISO period and how many times in each (每季度至少进行一次 → ``every P3M, at
  least once``);
* a meeting: its name, date, chair and attendees, one to a line;
* a plugin's record: each of its own fields (those of :func:`govmetrics.serialize.to_dict`
  past the kind, text, span and plugin every record has), ``name: value``, joined by ``; ``.

Kinds are told apart by their ``kind`` tag, not their class, so a plugin's record that reuses
a built-in kind's name is read by the same fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from govmetrics.html_text import person_text
from govmetrics.models import Cadence, DateMention, Meeting, Metric, Record
from govmetrics.serialize import exact_text, to_dict

#: What a metric's ``approx`` says, in words.
APPROX_WORDS = {
    "more_than": "more than",
    "less_than": "less than",
    "about": "about",
    "at_least": "at least",
    "at_most": "at most",
}
#: The fields every record has: what a record's own fields are shown without.
COMMON_FIELDS = ("kind", "text", "span", "plugin")


def value_text(record: Record) -> str:
    """The record's meaning in one line of plain text (see the module's docstring)."""
    if isinstance(record, Metric):
        return metric_text(record)
    if isinstance(record, DateMention):
        return date_text(record)
    if isinstance(record, Cadence):
        return cadence_text(record)
    if isinstance(record, Meeting):
        return "\n".join(meeting_lines(record))
    return "; ".join(f"{name}: {cell}" for name, cell in own_fields(record).items() if cell)


def metric_text(metric: Metric) -> str:
    number = exact_text(metric.value)
    if metric.high is not None:
        number += f"–{exact_text(metric.high)}"
    words = [f"{number} {metric.unit}".strip()]
    if metric.approx is not None:
        words.append(APPROX_WORDS.get(metric.approx, metric.approx))
    if metric.change is not None:
        words.append(metric.change)
    if metric.target:
        words.append("target")
    return ", ".join(words)


def date_text(date: DateMention) -> str:
    if date.start is None or date.end is None:
        return f"not placed ({date.granularity}, no publication date)"
    if date.start == date.end:
        placed = date.start.isoformat()
    else:
        placed = f"{date.start.isoformat()} – {date.end.isoformat()} ({date.granularity})"
    return f"{date.relation} {placed}" if date.relation else placed


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def cadence_text(cadence: Cadence) -> str:
    low, high = cadence.min_times, cadence.max_times
    if low is not None and high is not None:
        times = _times(low) if low == high else f"{low}–{high} times"
    elif low is not None:
        times = f"at least {_times(low)}"
    elif high is not None:
        times = f"at most {_times(high)}"
    else:
        times = ""
    return f"every {cadence.period}, {times}" if times else f"every {cadence.period}"


def meeting_lines(meeting: Meeting) -> list[str]:
    """A meeting's name, then what is known of it: its date, its chair, its attendees."""
    lines = [meeting.name + (" (referred to)" if meeting.referred else "")]
    if meeting.date is not None:
        lines.append(f"date: {meeting.date.isoformat()}")
    if meeting.chair is not None:
        lines.append(f"chair: {person_text(meeting.chair)}")
    if meeting.attendees:
        lines.append(f"attendees: {'、'.join(person_text(person) for person in meeting.attendees)}")
    return lines


def own_fields(record: Record) -> dict[str, str]:
    """The record's own fields (those past the ones every record has), each as a table cell."""
    data = to_dict(record)
    return {name: cell_text(value) for name, value in data.items() if name not in COMMON_FIELDS}


def cell_text(value: Any) -> str:
    """A plain value of :func:`~govmetrics.serialize.to_dict` as text: ``""`` for none, a number by
    its exact digits, a person as titles and name, a list joined by 、, a mapping as ``k: v``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, Decimal)):
        return exact_text(value)
    if isinstance(value, (dt.date, str)):
        return value.isoformat() if isinstance(value, dt.date) else value
    if isinstance(value, Mapping):
        if set(value) == {"name", "titles"}:
            return " ".join([*value["titles"], value["name"]]) if value["titles"] else str(value["name"])
        return ", ".join(f"{key}: {cell_text(item)}" for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return "、".join(cell_text(item) for item in value)
    return str(value)
