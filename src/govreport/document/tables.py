"""A statutory table as a document table: the official grid (``formats.layout``) with the report's numbers.

The grid already knows the labels, the merged cells and the 勾稽 note; here every value cell gets its
number as printed (zero as ``0``, amounts exactly as entered) and the columns get relative widths.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..blocks import Cell, TableBlock
from ..formats.layout import Grid, GridCell, layout
from ..formats.types import CellKey, Table
from ..model import Report
from ..text import clean_text

# Relative widths of the 156 mm text width. A count column of table 三 gets 11 mm: five digits, or two
# 五号 header characters a line (社会/公益/组织). The outer group label (三、本年度办理结果) gets two
# characters a line, the inner one (（三）不予公开) four; the leaf label takes the rest (about 13 a line).
# Table 二's one label column holds its longest label on one line; the value columns share the rest.
_NUMBER_COLUMN = 0.072
_GROUP_COLUMNS = (0.065, 0.11)

# Type sizes, decided here once for both renderers: 小四 for a table of at most six columns (table 二),
# 五号 for the wide tables 三 and 四. Every value cell of a table shares one size, the table's size or less:
# the largest (in half points, at least SMALLEST_NUMBER) at which its longest number fits its cell.
TABLE_LARGE, TABLE_SMALL, LARGE_UP_TO = 12.0, 10.5, 6
SMALLEST_NUMBER = 6.5
TEXT_WIDTH_PT = 156 / 25.4 * 72  # the 版心
CELL_PAD_PT = 2.2  # left and right padding of a cell, the larger of the two renderers' (Word: 0.75 mm)
LATIN_EM = 0.65  # a digit or Latin letter, in ems: enough for the substitutes of Times New Roman too

_ALIGN = {"caption": "left", "header": "center", "note": "left", "label": "left", "value": "center"}


@dataclass(frozen=True)
class _Shape:
    """What a table's printed grid decides for every report alike, worked out once per table."""

    grid: Grid
    cells: tuple[GridCell, ...]  # in reading order (row, then column)
    size: float
    widths: tuple[float, ...]
    room: dict[tuple[int, int], float]  # (row, col) of each value cell -> its width in points


_SHAPES: dict[int, tuple[Table, _Shape]] = {}


def _shape(table: Table) -> _Shape:
    cached = _SHAPES.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    grid = layout(table)
    size = table_size(grid.width)
    widths = column_widths(grid, max(b.label_width for b in table.blocks), size)
    room = {
        (c.row, c.col): sum(widths[c.col : c.col + c.colspan]) * TEXT_WIDTH_PT - 2 * CELL_PAD_PT
        for c in grid.values()
    }
    shape = _Shape(grid, tuple(sorted(grid.cells, key=lambda c: (c.row, c.col))), size, widths, room)
    _SHAPES[id(table)] = (table, shape)
    return shape


def table_block(table: Table, report: Report) -> TableBlock:
    shape = _shape(table)
    grid = shape.grid
    headers = _unit_headers(table, report)
    rows: list[list[Cell]] = [[] for _ in range(grid.height)]
    fitting = shape.size
    for cell in shape.cells:
        printed = _cell(cell, report, headers)
        rows[cell.row].append(printed)
        if printed.role == "number" and printed.text:
            fitting = min(fitting, shape.room[cell.row, cell.col] / text_ems(printed.text))
    return TableBlock(
        id=table.id,
        header_rows=tuple(tuple(r) for r in rows[: grid.header_rows]),
        body_rows=tuple(tuple(r) for r in rows[grid.header_rows :]),
        widths=shape.widths,
        text_size=shape.size,
        number_size=max(SMALLEST_NUMBER, int(fitting * 2) / 2),
    )


def table_size(columns: int) -> float:
    return TABLE_LARGE if columns <= LARGE_UP_TO else TABLE_SMALL


def text_ems(text: str) -> float:
    """Estimated width of one line of ``text`` in ems: a CJK character is one, Latin and digits less."""
    return sum(LATIN_EM if ch.isascii() else 1.0 for ch in text)


def _unit_headers(table: Table, report: Report) -> dict[str, str]:
    """Header text of each amount column whose unit the workbook gives: ``采购总金额（单位：万元）``."""
    out = {}
    for column in (c for b in table.blocks for c in b.columns if c.units and c.unit_label):
        detail = report.details.get(column.unit_label)
        out[column.label] = column.header(clean_text(detail.text).strip() if detail else None)
    return out


def _cell(cell: GridCell, report: Report, headers: dict[str, str]) -> Cell:
    if cell.role == "value":
        assert cell.key is not None
        return Cell(number_text(report, cell.key), cell.rowspan, cell.colspan, "number", "center")
    align = "center" if cell.role == "label" and cell.rowspan > 1 else _ALIGN[cell.role]
    text = headers.get(cell.text, cell.text) if cell.role == "header" else cell.text
    return Cell(text, cell.rowspan, cell.colspan, cell.role, align)  # type: ignore[arg-type]


def _label_column(grid: Grid, size: float) -> float:
    """The share of the text width that holds the longest label of the first column on one line, with
    half a character to spare."""
    longest = max(text_ems(c.text) for c in grid.cells if c.col == 0 and c.colspan == 1)
    return ((longest + 0.5) * size + 2 * CELL_PAD_PT) / TEXT_WIDTH_PT


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


def column_widths(grid: Grid, label_columns: int, size: float = TABLE_SMALL) -> tuple[float, ...]:
    """Relative widths summing to 1: equal columns without labels (table 四's 15 columns); one label
    column as wide as the format's longest label at ``size`` and equal value columns (table 二); narrow
    group and count columns with a wide leaf label (table 三)."""
    values = grid.width - label_columns
    if label_columns == 0:
        return (1 / values,) * values
    if label_columns == 1:
        label = _label_column(grid, size)
        return (label, *(((1 - label) / values,) * values))
    groups = [_GROUP_COLUMNS[min(i, len(_GROUP_COLUMNS) - 1)] for i in range(label_columns - 1)]
    leaf = 1 - sum(groups) - values * _NUMBER_COLUMN
    return (*groups, leaf, *((_NUMBER_COLUMN,) * values))
