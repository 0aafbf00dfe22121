"""A statutory table as a document table: the official grid (``formats.layout``) with the report's numbers.

The grid already knows the labels, the merged cells and the 勾稽 note; here every value cell gets its
number as printed (zero as ``0``, amounts exactly as entered) and the columns get relative widths.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

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

# Type sizes, decided here once for both renderers and alike for the three tables: labels and headers in
# 五号, the 勾稽 note in 小五. Every value cell of a table shares one size: 五号 when its longest number
# fits; a column whose number is too wide is first widened, taking room from the row labels next to the
# numbers (only as far as no label takes another line: table 三 keeps its height and its page) and from
# number columns with room to spare (which keep MIN_VALUE_MM, two header characters a line), and only then
# the size goes down (in half points, at least SMALLEST_NUMBER) until every number fits.
TABLE_SIZE = 10.5
NOTE_SIZE = 9.0
SMALLEST_NUMBER = 6.5
MIN_VALUE_MM = 10.0
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
    label_columns: int
    kept_label: float  # the narrowest the labels next to the numbers may get (share of the text width)


_SHAPES: dict[int, tuple[Table, _Shape]] = {}


def _shape(table: Table) -> _Shape:
    cached = _SHAPES.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    grid = layout(table)
    labels = max(b.label_width for b in table.blocks)
    widths = column_widths(grid, labels, TABLE_SIZE)
    cells = tuple(sorted(grid.cells, key=lambda c: (c.row, c.col)))
    kept = _narrowest_label_column(grid, labels, widths) if labels else 0.0
    shape = _Shape(grid, cells, TABLE_SIZE, widths, labels, kept)
    _SHAPES[id(table)] = (table, shape)
    return shape


def table_block(table: Table, report: Report) -> TableBlock:
    shape = _shape(table)
    grid = shape.grid
    headers = _unit_headers(table, report)
    rows: list[list[Cell]] = [[] for _ in range(grid.height)]
    longest: dict[tuple[int, int], float] = {}  # (column, span) -> the widest number there, in ems
    centred = shape.label_columns == 1  # table 二's row labels, centred as in the official template
    for cell in shape.cells:
        printed = _cell(cell, report, headers, centred)
        rows[cell.row].append(printed)
        if printed.role == "number" and printed.text:
            ems, place = text_ems(printed.text), (cell.col, cell.colspan)
            if ems > longest.get(place, 0.0):
                longest[place] = ems
    needed = {col: ems * shape.size + 2 * CELL_PAD_PT for (col, span), ems in longest.items() if span == 1}
    widths = widened(shape.widths, shape.label_columns, needed, shape.kept_label)
    fitting = shape.size
    for (col, span), ems in longest.items():
        fitting = min(fitting, (sum(widths[col : col + span]) * TEXT_WIDTH_PT - 2 * CELL_PAD_PT) / ems)
    return TableBlock(
        id=table.id,
        header_rows=tuple(tuple(r) for r in rows[: grid.header_rows]),
        body_rows=tuple(tuple(r) for r in rows[grid.header_rows :]),
        widths=widths,
        text_size=shape.size,
        number_size=max(SMALLEST_NUMBER, int(fitting * 2) / 2),
        note_size=NOTE_SIZE,
    )


def _narrowest_label_column(grid: Grid, label_columns: int, widths: tuple[float, ...]) -> float:
    """The share of the text width below which a label of the column next to the numbers would take
    one more line than at its width (half a character to spare for 避头尾)."""
    col = label_columns - 1
    labels = [c.text for c in grid.cells if c.role == "label" and c.col == col and c.colspan == 1]
    chars = max(int((widths[col] * TEXT_WIDTH_PT - 2 * CELL_PAD_PT) / TABLE_SIZE), 1)
    needed = max(
        (math.ceil(text_ems(t) / math.ceil(text_ems(t) / chars)) for t in labels if t), default=chars
    )
    return ((needed + 0.5) * TABLE_SIZE + 2 * CELL_PAD_PT) / TEXT_WIDTH_PT


def widened(
    widths: tuple[float, ...], label_columns: int, needed_pt: dict[int, float], kept_label: float = 1.0
) -> tuple[float, ...]:
    """The widths with each number column given the points its numbers need (``needed_pt`` by column),
    as far as the row labels next to them (down to ``kept_label``) and the other number columns can give
    room; the table's total width stays the same."""
    shares = list(widths)
    need = {c: pt / TEXT_WIDTH_PT for c, pt in needed_pt.items()}
    deficit = sum(max(need.get(c, 0.0) - shares[c], 0.0) for c in range(label_columns, len(shares)))
    if deficit <= 0:
        return widths
    kept_value = MIN_VALUE_MM / 156
    spare = {c: shares[c] - max(need.get(c, 0.0), kept_value) for c in range(label_columns, len(shares))}
    if label_columns:
        spare[label_columns - 1] = shares[label_columns - 1] - kept_label
    spare = {c: s for c, s in spare.items() if s > 0}
    given = min(deficit, sum(spare.values()))
    if given <= 0:
        return widths
    for c, s in spare.items():
        shares[c] -= given * s / sum(spare.values())
    for c in range(label_columns, len(shares)):
        short = max(need.get(c, 0.0) - widths[c], 0.0)
        shares[c] += given * short / deficit
    return tuple(shares)


@lru_cache(maxsize=4096)
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


def _cell(cell: GridCell, report: Report, headers: dict[str, str], centred_labels: bool = False) -> Cell:
    if cell.role == "value":
        assert cell.key is not None
        return Cell(number_text(report, cell.key), cell.rowspan, cell.colspan, "number", "center")
    centred = cell.role == "label" and (cell.rowspan > 1 or centred_labels)
    align = "center" if centred else _ALIGN[cell.role]
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


def column_widths(grid: Grid, label_columns: int, size: float = TABLE_SIZE) -> tuple[float, ...]:
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
