"""The words a count of times is written in (两次, 一轮, 两期).

The cadence extractor reads a cadence's count with them, and a :class:`~govmetrics.models.Cadence`
record tells with them which metrics inside its span are its own count or period, so both take the
same words from here.
"""

from __future__ import annotations

import re

__all__ = ["CADENCE_UNITS", "TIMES_COUNT", "TIMES_UNITS"]

TIMES_UNITS = ("次", "回", "遍", "趟", "轮", "期", "场")
#: A count of times, which a cadence's span ends with.
TIMES_COUNT = re.compile(rf"[\d一两二三四五六七八九十]+(?:{'|'.join(TIMES_UNITS)})")
#: Units of a metric that is a cadence's own count of times or its period, not what it counts.
CADENCE_UNITS = frozenset(TIMES_UNITS) | {"天", "日", "周", "个月", "月", "季度", "年", "小时", "分钟"}
