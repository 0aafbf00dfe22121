"""The statutory formats of the annual report, as data. The report year picks one; ``--standard`` overrides.

``gb2021`` and ``gb2019`` declare the sections, tables and rules; ``claims`` the narrative's words about the
tables (rule Q4 and the generated sentences).
"""

from __future__ import annotations

from . import gb2019, gb2021
from .types import (
    Block,
    CellKey,
    Column,
    Equation,
    Format,
    Inequality,
    KeyFigure,
    Kind,
    Row,
    Section,
    SubtotalRule,
    Table,
)

FORMATS: dict[str, Format] = {f.id: f for f in (gb2021.FORMAT, gb2019.FORMAT)}


class UnknownFormatError(ValueError):
    """The format id is not one we know, or no format covers the year."""


def get_format(format_id: str) -> Format:
    try:
        return FORMATS[format_id]
    except KeyError:
        known = "、".join(FORMATS)
        raise UnknownFormatError(f"未知的报告格式“{format_id}”，可选：{known}") from None


def format_for_year(year: int) -> Format:
    """The format that applies to a report on ``year`` (2019–2020: gb2019; 2021 on: gb2021)."""
    for fmt in FORMATS.values():
        if fmt.covers(year):
            return fmt
    raise UnknownFormatError(f"{year}年的年度报告没有适用的统一格式（统一格式自2019年度起施行）")


__all__ = [
    "FORMATS",
    "Block",
    "CellKey",
    "Column",
    "Equation",
    "Format",
    "Inequality",
    "KeyFigure",
    "Kind",
    "Row",
    "Section",
    "SubtotalRule",
    "Table",
    "UnknownFormatError",
    "format_for_year",
    "get_format",
]
