"""Repairs of printed grids before and after the tables are located.

- A row label wrapped onto a row of its own (a PDF row break inside a cell: ``5.要求行政机关`` then
  ``确认或重新出具已获取信息``) is joined back to the row above, but only when the two halves together
  make a statutory label and neither half alone does.
- A number broken over two lines of its cell is one number.
- A row whose values sit offset from its header (markup with an extra colspan in some rows, a PDF
  whose rows are ruled differently from the header) is read in order: when the cells right of the row's
  label are exactly as many as the block's columns, they are put under the columns in that order.
"""

from __future__ import annotations

from collections.abc import Collection

from ..formats import CellKey, Format
from ..workbook.labels import norm
from ..workbook.locate import Spot, labels_of
from ..workbook.sheets import Sheet
from ..workbook.values import to_decimal
from .source import Cell, Grid

_KNOWN: dict[tuple[int, ...], frozenset[str]] = {}


def statutory_labels(formats: Collection[Format]) -> frozenset[str]:
    """Every normalised label of the formats' tables (computed once per set of formats)."""
    key = tuple(id(f) for f in formats)
    if key not in _KNOWN:
        _KNOWN[key] = frozenset(
            label for fmt in formats for table in fmt.tables for label in labels_of(table)
        )
    return _KNOWN[key]


def join_split_labels(grid: Grid, known: frozenset[str]) -> Grid:
    rows = [list(r) for r in grid.rows]
    pages = list(grid.pages)
    out: list[list[Cell]] = []
    out_pages: list[int | None] = []
    for i, row in enumerate(rows):
        above = out[-1] if out else None
        if above is not None and not _has_number(row):
            joined = _join(above, row, known)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(row)
        out_pages.append(pages[i] if i < len(pages) else None)
    if len(out) == len(rows):
        return grid
    return Grid(tuple(tuple(r) for r in out), grid.number, tuple(out_pages) if grid.pages else ())


def _join(above: list[Cell], row: list[Cell], known: frozenset[str]) -> list[Cell] | None:
    """``above`` with the text of ``row`` appended cell by cell, when that makes a statutory label
    that neither part is, and no part of ``row`` is a label of its own."""
    texts = [(c, v) for c, v in enumerate(row) if v]
    if not texts or any(c >= len(above) or not above[c] or norm(v) in known for c, v in texts):
        return None
    joined = list(above)
    completes = False
    for c, tail in texts:
        head = above[c] or ""
        joined[c] = f"{head}\n{tail}"
        completes = completes or (norm(head + tail) in known and norm(head) not in known)
    return joined if completes else None


def _has_number(row: list[Cell]) -> bool:
    return any(v is not None and to_decimal(v.replace(" ", "")) is not None for v in row)


def realign(spot: Spot, sheet: Sheet) -> None:
    """Values of each located row put under the block's columns in order, where the count fits and
    the row's own positions would miss some. The header may sit over the row's label column (a
    sub-row's label is printed further right than the header expects): the value then takes that
    cell, as the label has already done its work of locating the row."""
    for block in spot.table.blocks:
        first = block.rows[0].key
        found = [spot.cells.get(CellKey(spot.table.id, first, column.key)) for column in block.columns]
        if any(p is None for p in found):
            continue
        positions = [p[1] for p in found if p is not None]
        for row in block.rows:
            r = spot.label_rows.get(row.key)
            if r is None or r >= len(sheet.rows):
                continue
            line = list(sheet.rows[r])
            label = max(
                (c for c, v in enumerate(line) if v not in (None, "") and not _is_value(v)), default=-1
            )
            right = [(c, v) for c, v in enumerate(line) if c > label and v not in (None, "")]
            if len(right) != len(positions) or [c for c, _ in right] == positions:
                continue
            fixed: list[object] = line[: label + 1] + [None] * max(0, max(positions) - label)
            for position, (_, value) in zip(positions, right, strict=True):
                fixed[position] = value
            sheet.rows[r] = tuple(fixed)


_NONE_MARKS = frozenset({"—", "——", "-", "－", "/", "／", "无", "\\"})


def _is_value(value: object) -> bool:
    """A number, or a mark published for none (``—``, ``/``, ``无``)."""
    text = str(value).replace(" ", "")
    return to_decimal(text) is not None or text in _NONE_MARKS


def join_broken_numbers(spot: Spot, sheet: Sheet) -> None:
    """A value cell whose number was broken over lines or elements (``1`` and ``36`` in two ``<p>``,
    ``24252.`` and ``311082`` on two lines of a narrow PDF column) read as the one number it is."""
    for r, c in spot.cells.values():
        value = sheet.value(r, c)
        if not isinstance(value, str) or not any(ch.isspace() for ch in value):
            continue
        joined = "".join(value.split())
        if to_decimal(joined) is not None and to_decimal(value.replace(" ", "")) is None:
            line = list(sheet.rows[r])
            line[c] = joined
            sheet.rows[r] = tuple(line)
