"""The workbook package: the blank template, filling it from Python, and reading any filled workbook.

openpyxl is used only here (writing) and as the reader's fallback; reading goes through a fast pass over
the sheet XML (``xlsx.py``).
"""

from __future__ import annotations

from .fill import ReportData, fill_workbook
from .reader import read_workbook
from .template import WorkbookExistsError, build_template, write_template

__all__ = [
    "ReportData",
    "WorkbookExistsError",
    "build_template",
    "fill_workbook",
    "read_workbook",
    "write_template",
]
