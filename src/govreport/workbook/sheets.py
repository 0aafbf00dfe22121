"""Every worksheet read once into a grid of raw values, with an index of its text cells by normalised
label. The reader's searches (tables, details, narrative) all work on this index, never cell by cell
through openpyxl."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Place, WorkbookError
from .coords import column_letter
from .labels import norm, norm_cell
from .opening import load_failure

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

MAX_ROWS = 5000  # statutory tables and narrative fit in a few hundred rows
MAX_COLS = 200

Pos = tuple[int, int]  # 0-based (row, column)


@dataclass
class Sheet:
    """A sheet's values by row (0-based). A formula cell holds Excel's cached result, or the formula
    text (``=…``) when it was never calculated; ``formulas`` keeps every formula when known."""

    name: str
    rows: list[tuple[object, ...]]
    index: dict[str, list[Pos]] = field(default_factory=dict)
    formulas: dict[Pos, str] = field(default_factory=dict)
    # text cells of several lines by their first line, normalised: a heading typed over its text
    first_lines: dict[str, list[Pos]] = field(default_factory=dict, kw_only=True)

    def value(self, r: int, c: int) -> object:
        if 0 <= r < len(self.rows):
            row = self.rows[r]
            if 0 <= c < len(row):
                return row[c]
        return None

    def label(self, r: int, c: int) -> str | None:
        return norm_cell(self.value(r, c))

    def find(self, label: str) -> list[Pos]:
        return self.index.get(label, [])

    def place(self, pos: Pos) -> Place:
        return Place(self.name, address(pos))


def address(pos: Pos) -> str:
    return f"{column_letter(pos[1] + 1)}{pos[0] + 1}"


def read_sheets(wb: Workbook, path: Path, only: set[str] | None = None) -> list[Sheet]:
    """All worksheets (chart sheets have no cells), or those named in ``only``, as grids; a part that
    fails to parse is a WorkbookError naming the file."""
    sheets = []
    try:
        for ws in wb.worksheets:
            if only is not None and ws.title not in only:
                continue
            ws.reset_dimensions()
            sheets.append(_read(ws.title, ws.iter_rows(values_only=True)))
    except WorkbookError:
        raise
    except Exception as exc:  # parsing is lazy in read-only mode
        raise WorkbookError(load_failure(path, exc)) from None
    return sheets


def index_rows(name: str, cells: dict[Pos, object], formulas: dict[Pos, str]) -> Sheet:
    """A Sheet from sparse cells (the fast reader)."""
    height = max((r for r, _ in cells), default=-1) + 1
    grid: list[list[object]] = [[] for _ in range(height)]
    for (r, c), value in sorted(cells.items()):
        row = grid[r]
        row.extend([None] * (c - len(row)))
        row.append(value)
    sheet = _read(name, grid)
    sheet.formulas = formulas
    return sheet


def _read(name: str, rows_iter) -> Sheet:
    rows: list[tuple[object, ...]] = []
    index: dict[str, list[Pos]] = {}
    first_lines: dict[str, list[Pos]] = {}
    for r, row in enumerate(rows_iter):
        if r >= MAX_ROWS:
            break
        row = tuple(row[:MAX_COLS])
        end = len(row)
        while end and row[end - 1] is None:
            end -= 1
        row = row[:end]
        rows.append(row)
        for c, value in enumerate(row):
            if isinstance(value, str) and not value.startswith("=") and (text := norm_cell(value)):
                index.setdefault(text, []).append((r, c))
                if "\n" in value and (first := norm(value.strip().split("\n", 1)[0])) != text:
                    first_lines.setdefault(first, []).append((r, c))
    while rows and not rows[-1]:
        rows.pop()
    return Sheet(name, rows, index, first_lines=first_lines)
