"""Writing records out: JSON Lines, one JSON array, CSV, or a table for people.

All formats share one schema, the dicts of :func:`govmetrics.serialize.to_dict`. CSV flattens it
into fixed columns (:data:`CSV_COLUMNS`), the span into ``span_start``/``span_end``, and writes
nested values (a chair, attendees) as JSON.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from govmetrics.serialize import to_json

FORMATS = ("jsonl", "json", "csv", "table")
CSV_COLUMNS = (
    "source", "article", "article_title", "kind", "text", "span_start", "span_end", "page_span_start",
    "page_span_end", "plugin",
    "value", "high", "unit", "approx", "subject",
    "start", "end", "granularity", "relation", "year_inferred",
    "period", "min_times", "max_times", "activity",
    "name", "organ", "date", "chair", "attendees", "agenda", "location", "referred",
)  # fmt: skip


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A record dict as one CSV row: the span split, nested values as JSON."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if key in ("span", "page_span"):
            flat[f"{key}_start"], flat[f"{key}_end"] = value["start"], value["end"]
        elif isinstance(value, (dict, list, tuple)):
            flat[key] = to_json(value)
        else:
            flat[key] = value
    return flat


def _summary(row: dict[str, Any]) -> str:
    if row["kind"] == "metric":
        value = f"{row['value']}" + (f"~{row['high']}" if row.get("high") is not None else "")
        return f"{value} {row.get('unit', '')}" + (f" ({row['approx']})" if row.get("approx") else "")
    if row["kind"] == "date":
        return f"{row['start']}..{row['end']} {row['granularity']}" + (
            f" ({row['relation']})" if row.get("relation") else ""
        )
    if row["kind"] == "cadence":
        return f"{row['period']} times={row.get('min_times')}..{row.get('max_times')}"
    if row["kind"] == "meeting":
        chair = (row.get("chair") or {}).get("name")
        return f"{row['name']} {row.get('date') or ''} chair={chair}"
    return ""


def write_records(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Write record dicts to ``out`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "jsonl":
        for row in rows:
            out.write(to_json(row) + "\n")
    elif fmt == "json":
        out.write(to_json(list(rows), indent=1) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(flat_row(row))
    elif fmt == "table":
        for row in rows:
            span = row["span"]
            out.write(f"{row['kind']:<8} {span['start']:>6}-{span['end']:<6} {row['text']:<16} {_summary(row)}\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
