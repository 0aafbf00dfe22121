"""The workbook package: the blank template, filling it from Python, and reading any filled workbook.

openpyxl is used only here (writing) and as the reader's fallback; reading goes through a fast pass over
the sheet XML (``xlsx.py``). The writers are imported on first use, so that reading a workbook (every
check and build) does not import openpyxl.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .reader import read_workbook

if TYPE_CHECKING:
    from .fill import ReportData, fill_workbook, filled_template
    from .template import WorkbookExistsError, build_template, write_template

_LAZY = {
    "ReportData": ".fill",
    "fill_workbook": ".fill",
    "filled_template": ".fill",
    "WorkbookExistsError": ".template",
    "build_template": ".template",
    "write_template": ".template",
}

__all__ = [
    "ReportData",
    "WorkbookExistsError",
    "build_template",
    "fill_workbook",
    "filled_template",
    "read_workbook",
    "write_template",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
