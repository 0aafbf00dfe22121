"""A statutory table as a document table: the official grid (``formats.layout``) with the report's numbers.

The grid already knows the labels, the merged cells and the 勾稽 note; here every value cell gets its
number as printed (zero as ``0``, amounts exactly as entered) and the columns get relative widths.
"""

from __future__ import annotations

from decimal import Decimal

from ..blocks import Cell, TableBlock
from ..formats.layout import Grid, GridCell, layout
from ..formats.types import CellKey, Table
from ..model import Report
from ..text import clean_text

# Relative widths of the 156 mm text width. A count column of table 三 gets 11 mm: five digits, or two
# 五号 header characters a line (社会/公益/组织). The outer group label (三、本年度办理结果) gets two
# characters a line, the inner one (（三）不予公开) four; the leaf label takes the rest (about 13 a line).
_NUMBER_COLUMN = 0.072
_GROUP_COLUMNS = (0.065, 0.11)
_SINGLE_LABEL = 0.25  # table 二: 行政规范性文件 on one line, the value columns share the rest

_ALIGN = {"caption": "left", "header": "center", "note": "left", "label": "left", "value": "center"}


def table_block(table: Table, report: Report) -> TableBlock:
    grid = layout(table)
    rows: list[list[Cell]] = [[] for _ in range(grid.height)]
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        rows[cell.row].append(_cell(cell, report))
    label_columns = max(b.label_width for b in table.blocks)
    return TableBlock(
        id=table.id,
        header_rows=tuple(tuple(r) for r in rows[: grid.header_rows]),
        body_rows=tuple(tuple(r) for r in rows[grid.header_rows :]),
        widths=column_widths(grid, label_columns),
    )


def _cell(cell: GridCell, report: Report) -> Cell:
    if cell.role == "value":
        assert cell.key is not None
        return Cell(number_text(report, cell.key), cell.rowspan, cell.colspan, "number", "center")
    align = "center" if cell.role == "label" and cell.rowspan > 1 else _ALIGN[cell.role]
    return Cell(cell.text, cell.rowspan, cell.colspan, cell.role, align)  # type: ignore[arg-type]


def number_text(report: Report, key: CellKey) -> str:
    """The value as printed: every cell filled, zero as ``0``, a decimal exactly as entered (``1.50``
    stays ``1.50``, never ``1.5`` or ``1.5E+0``). A value the reader could not take as a number (a draft
    built despite errors) is printed as the clerk wrote it."""
    value = report.values.get(key)
    if value is not None and value.number is None and value.raw not in (None, ""):
        return clean_text(str(value.raw)).strip()
    number = report.number(key)
    if isinstance(number, Decimal):
        return format(number, "f")
    return str(number)


def column_widths(grid: Grid, label_columns: int) -> tuple[float, ...]:
    """Relative widths summing to 1: equal columns without labels (table 四's 15 columns); one label
    column and equal value columns (table 二); narrow group and count columns with a wide leaf label
    (table 三)."""
    values = grid.width - label_columns
    if label_columns == 0:
        return (1 / values,) * values
    if label_columns == 1:
        return (_SINGLE_LABEL, *(((1 - _SINGLE_LABEL) / values,) * values))
    groups = [_GROUP_COLUMNS[min(i, len(_GROUP_COLUMNS) - 1)] for i in range(label_columns - 1)]
    leaf = 1 - sum(groups) - values * _NUMBER_COLUMN
    return (*groups, leaf, *((_NUMBER_COLUMN,) * values))
