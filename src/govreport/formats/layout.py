"""The printed grid of a statutory table, derived from its format data.

The template writer lays this grid onto a sheet and the outline turns it into a document table, so both
read as the official template: caption rows, the header with its merged cells, the 勾稽 note in the
corner, merged group labels on the left, one value cell per (row, column).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .types import Block, CellKey, Table

Role = Literal["caption", "header", "note", "label", "value"]


@dataclass(frozen=True)
class GridCell:
    """A cell of the grid, 0-based, with its spans. Value cells carry their CellKey."""

    row: int
    col: int
    text: str
    role: Role
    rowspan: int = 1
    colspan: int = 1
    key: CellKey | None = None


@dataclass(frozen=True)
class Grid:
    table: str
    width: int
    height: int
    header_rows: int  # rows of the first block's caption + header (repeated on a new page)
    cells: tuple[GridCell, ...]

    def values(self) -> list[GridCell]:
        return [c for c in self.cells if c.role == "value"]


def layout(table: Table) -> Grid:
    label_width = max(b.label_width for b in table.blocks)
    width = table.grid_width
    cells: list[GridCell] = []
    top = 0
    first_header = 0
    for i, block in enumerate(table.blocks):
        top = _block(table.id, block, top, label_width, width, cells)
        if i == 0:
            first_header = (1 if block.caption else 0) + block.header_depth
    return Grid(table.id, width, top, first_header, tuple(cells))


def _block(table_id: str, block: Block, top: int, label_width: int, width: int, out: list[GridCell]) -> int:
    if block.caption:
        out.append(GridCell(top, 0, block.caption, "caption", colspan=width))
        top += 1
    depth = block.header_depth
    if label_width:
        corner = block.corner_note or block.head_label or ""
        out.append(GridCell(top, 0, corner, "note" if block.corner_note else "header", depth, label_width))
    spans = _value_spans(len(block.columns), width - label_width)
    out.extend(_column_headers(block, top, label_width, spans))
    top += depth
    out.extend(_row_labels(block, top, label_width))
    for r, row in enumerate(block.rows):
        col = label_width
        for column, span in zip(block.columns, spans, strict=True):
            out.append(GridCell(top + r, col, "", "value", 1, span, CellKey(table_id, row.key, column.key)))
            col += span
    return top + len(block.rows)


def _value_spans(columns: int, room: int) -> list[int]:
    """Each value column takes one grid column; the last one spans what is left (table 二's blocks)."""
    return [1] * (columns - 1) + [room - columns + 1]


def _column_headers(block: Block, top: int, left: int, spans: list[int]) -> list[GridCell]:
    depth = block.header_depth
    starts = [left + sum(spans[:i]) for i in range(len(spans))]
    cells = []
    for level in range(depth):
        i = 0
        while i < len(block.columns):
            col = block.columns[i]
            if len(col.path) > level:
                j = i
                while j + 1 < len(block.columns) and _same(block.columns[j + 1].path, col.path, level):
                    j += 1
                span = sum(spans[i : j + 1])
                cells.append(GridCell(top + level, starts[i], col.path[level], "header", 1, span))
                i = j + 1
            else:
                if len(col.path) == level:
                    cells.append(
                        GridCell(top + level, starts[i], col.label, "header", depth - level, spans[i])
                    )
                i += 1
    return cells


def _row_labels(block: Block, top: int, label_width: int) -> list[GridCell]:
    if not label_width:
        return []
    cells = []
    rows = block.rows
    for level in range(label_width - 1):
        i = 0
        while i < len(rows):
            if len(rows[i].group) > level:
                j = i
                while j + 1 < len(rows) and _same(rows[j + 1].group, rows[i].group, level):
                    j += 1
                cells.append(GridCell(top + i, level, rows[i].group[level], "label", j - i + 1, 1))
                i = j + 1
            else:
                i += 1
    for r, row in enumerate(rows):
        col = len(row.group)
        cells.append(GridCell(top + r, col, row.label, "label", 1, label_width - col))
    return cells


def _same(a: tuple[str, ...], b: tuple[str, ...], level: int) -> bool:
    return a[: level + 1] == b[: level + 1]
