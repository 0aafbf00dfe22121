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


FIRST_REPORT_YEAR = 2008  # the 政府信息公开条例 took effect on 1 May 2008: no annual report is older


def last_report_year() -> int:
    """The latest 年度 a report can have: next year's (a report is written early in the year after)."""
    return date.today().year + 1
