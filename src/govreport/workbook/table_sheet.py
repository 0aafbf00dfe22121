"""One statutory table on a template sheet, laid out by ``formats.layout``: the section heading as a
title row, the merged header with the 勾稽 note, labels as printed, input cells with data validation,
totals as locked formulas."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..formats import CellKey, Equation, Format, Kind, Table
from ..formats.layout import GridCell, layout
from . import style

TOP = 2  # sheet row of the grid's first row; row 1 holds the section heading

_PROMPTS = {
    Kind.COUNT: ("填写件数", "请填写0或正整数。没有发生的也请填0，不要留空或填“—”“无”。"),
    Kind.SIGNED: ("填写增减数", "请填写整数，减少填负数（如 -3），没有变化填0。"),
    Kind.AMOUNT: ("填写金额", "请填写金额（数字，可带小数），没有请填0。"),
}
_ERRORS = {
    Kind.COUNT: "这里只能填写0或正整数。",
    Kind.SIGNED: "这里只能填写整数（可为负数）。",
    Kind.AMOUNT: "这里只能填写不小于0的数字。",
}


def write_table(ws: Worksheet, fmt: Format, table: Table) -> dict[CellKey, str]:
    """Lay ``table`` onto ``ws``; returns the A1 address of every value cell."""
    grid = layout(table)
    widths = _column_widths(table, grid.width)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    _title(ws, fmt.section(table.section).heading, grid.width)
    addresses = {c.key: _address(c) for c in grid.values() if c.key is not None}
    totals = _formulas(fmt, addresses)
    validations = {kind: _validation(kind) for kind in Kind}
    inputs: dict[Kind, list[tuple[int, int]]] = {kind: [] for kind in Kind}
    for cell in grid.cells:
        _write_cell(ws, fmt, cell, totals, inputs)
    for kind, dv in validations.items():
        if cells := inputs[kind]:
            dv.sqref = MultiCellRange(rectangles(cells))
            ws.add_data_validation(dv)
    _row_heights(ws, grid.cells, widths)
    _units(ws, table)
    ws.freeze_panes = None
    style.a4(ws, landscape=grid.width > 8, title_rows=f"{TOP}:{TOP + grid.header_rows - 1}")
    style.protect(ws)
    return addresses


def unit_cells(table: Table) -> dict[str, tuple[int, int]]:
    """Where :func:`write_table` puts the unit of each amount whose unit the format leaves open (below
    the table, one row each): unit label -> (row, column) of its input cell."""
    below = TOP + layout(table).height + 1
    columns = [c for b in table.blocks for c in b.columns if c.units and c.unit_label]
    return {c.unit_label: (below + i, 2) for i, c in enumerate(columns)}  # type: ignore[misc]


def _units(ws: Worksheet, table: Table) -> None:
    """Below the table, one row per amount whose unit the format leaves open: its label, then an input
    cell with the units to choose from, the first filled in."""
    where = unit_cells(table)
    for column in (c for b in table.blocks for c in b.columns if c.units and c.unit_label):
        row, col = where[column.unit_label]  # type: ignore[index]
        ws.cell(row, col - 1, column.unit_label).font = style.LABEL_FONT
        cell = ws.cell(row, col, column.units[0])
        cell.font, cell.fill, cell.alignment = style.LABEL_FONT, style.INPUT_FILL, style.CENTER
        cell.protection, cell.border = style.UNLOCKED, style.BORDER
        dv = DataValidation(type="list", formula1='"' + ",".join(column.units) + '"', allow_blank=False)
        dv.promptTitle, dv.prompt, dv.showInputMessage = "选择单位", f"请选择{column.label}的单位。", True
        dv.errorTitle, dv.error, dv.showErrorMessage = "填写有误", "请从列表中选择单位。", True
        dv.sqref = MultiCellRange(cell.coordinate)
        ws.add_data_validation(dv)


def _address(cell: GridCell) -> str:
    return f"{get_column_letter(cell.col + 1)}{cell.row + TOP}"


def _column_widths(table: Table, width: int) -> list[float]:
    label_width = max(b.label_width for b in table.blocks)
    labels = {0: [], 1: [24.0], 2: [10.0, 36.0], 3: [5.0, 9.0, 36.0]}.get(label_width, [12.0] * label_width)
    values = width - label_width
    return labels + [16.0 if values <= 5 else 8.0] * values


def _title(ws: Worksheet, heading: str, width: int) -> None:
    ws.cell(1, 1, heading).font = style.TITLE_FONT
    ws.cell(1, 1).alignment = style.LEFT
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 28


def _formulas(fmt: Format, addresses: dict[CellKey, str]) -> dict[CellKey, str]:
    """The formula of every total cell, from the first total equation that targets it."""
    formulas: dict[CellKey, str] = {}
    for eq in fmt.equations:
        if eq.total and eq.target in addresses and eq.target not in formulas:
            formulas[eq.target] = _formula(eq, addresses)
    return formulas


def _formula(eq: Equation, addresses: dict[CellKey, str]) -> str:
    plus = [addresses[k] for k in eq.plus]
    text = f"SUM({plus[0]}:{plus[-1]})" if _contiguous(plus) else "+".join(plus)
    text += "".join(f"-{addresses[k]}" for k in eq.minus)
    return "=" + text


def _contiguous(cells: list[str]) -> bool:
    from openpyxl.utils.cell import coordinate_to_tuple

    points = [coordinate_to_tuple(c) for c in cells]
    rows = {r for r, _ in points}
    cols = {c for _, c in points}
    if len(rows) == 1:
        seq = sorted(c for _, c in points)
    elif len(cols) == 1:
        seq = sorted(r for r, _ in points)
    else:
        return False
    return seq == list(range(seq[0], seq[0] + len(seq))) and len(seq) == len(points)


def _validation(kind: Kind) -> DataValidation:
    title, prompt = _PROMPTS[kind]
    if kind is Kind.AMOUNT:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    elif kind is Kind.SIGNED:
        dv = DataValidation(type="whole", operator="between", formula1="-999999999", formula2="999999999")
    else:
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    dv.promptTitle, dv.prompt, dv.showInputMessage = title, prompt, True
    dv.errorTitle, dv.error, dv.showErrorMessage = "填写有误", _ERRORS[kind], True
    dv.allow_blank = True
    return dv


def _write_cell(
    ws: Worksheet,
    fmt: Format,
    cell: GridCell,
    totals: dict[CellKey, str],
    inputs: dict[Kind, list[tuple[int, int]]],
) -> None:
    row, col = cell.row + TOP, cell.col + 1
    target = ws.cell(row, col)
    if cell.rowspan > 1 or cell.colspan > 1:
        ws.merge_cells(
            start_row=row, start_column=col, end_row=row + cell.rowspan - 1, end_column=col + cell.colspan - 1
        )
    for r in range(row, row + cell.rowspan):
        for c in range(col, col + cell.colspan):
            ws.cell(r, c).border = style.BORDER
    if cell.role == "value" and cell.key is not None:
        _value_cell(target, fmt, cell.key, totals, inputs)
        return
    target.value = cell.text
    target.font = style.HEADER_FONT if cell.role in ("caption", "header") else style.LABEL_FONT
    target.alignment = style.LEFT if cell.role in ("caption", "label", "note") else style.CENTER
    if cell.role == "label" and cell.rowspan > 2:
        target.alignment = style.CENTER
    if cell.role == "caption":
        target.fill = style.CAPTION_FILL
    elif cell.role in ("header", "note"):
        target.fill = style.HEADER_FILL


def _value_cell(target, fmt: Format, key: CellKey, totals, inputs) -> None:
    target.alignment = style.CENTER
    if key in totals:
        target.value = totals[key]
        target.font = style.TOTAL_FONT
        target.fill = style.TOTAL_FILL
        return
    target.font = style.LABEL_FONT
    target.fill = style.INPUT_FILL
    target.protection = style.UNLOCKED
    inputs[fmt.kind_of(key)].append((target.row, target.column))


def _row_heights(ws: Worksheet, cells: tuple[GridCell, ...], widths: list[float]) -> None:
    heights: dict[int, float] = {}
    for cell in cells:
        if cell.rowspan != 1 or not cell.text or cell.role == "caption":
            continue
        width = sum(widths[cell.col : cell.col + cell.colspan])
        row = cell.row + TOP
        heights[row] = max(heights.get(row, 0.0), style.text_height(cell.text, width))
    for row, height in heights.items():
        ws.row_dimensions[row].height = height


def rectangles(cells: list[tuple[int, int]]) -> str:
    """The cells as few A1 ranges as a simple scan finds (runs per row, stacked when equal): a short
    sqref keeps the workbook small and quick to read."""
    runs: dict[int, list[tuple[int, int]]] = {}
    for row, col in sorted(set(cells)):
        row_runs = runs.setdefault(row, [])
        if row_runs and row_runs[-1][1] == col - 1:
            row_runs[-1] = (row_runs[-1][0], col)
        else:
            row_runs.append((col, col))
    open_: dict[tuple[int, int], int] = {}  # run -> first row of the rectangle
    done: list[tuple[int, int, int, int]] = []
    last_row = None
    for row in sorted(runs):
        current = set(runs[row])
        for run, first in list(open_.items()):
            if run not in current or last_row != row - 1:
                done.append((first, run[0], last_row or first, run[1]))
                del open_[run]
        for run in runs[row]:
            open_.setdefault(run, row)
        last_row = row
    done.extend((first, run[0], last_row or first, run[1]) for run, first in open_.items())
    return " ".join(_range(*r) for r in sorted(done))


def _range(r1: int, c1: int, r2: int, c2: int) -> str:
    a, b = f"{get_column_letter(c1)}{r1}", f"{get_column_letter(c2)}{r2}"
    return a if a == b else f"{a}:{b}"
