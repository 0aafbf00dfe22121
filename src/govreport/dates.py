"""Dates as clerks write them in a workbook. The reader warns about a release date it cannot read;
the document prints the one it can."""

from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def parse_date(text: str) -> date | None:
    """A release date as a clerk writes it: ``2023-01-20``, ``2023/1/20``, ``2023年1月20日``, or Excel's
    ``2023-01-20 00:00:00``. None when it is no date."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
