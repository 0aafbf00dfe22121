"""The 汇总来源 sheet of a roll-up: a title, a header row, one line per child workbook (or missing
body) with its status and key figures, and a total line. The roll-up hands over plain rows."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from . import names, style

TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3  # sheet rows (1-based)
_WIDTHS = (5, 22, 24, 7, 8, 13, 30)  # the columns of names.SOURCE_COLUMNS; figures are 9 wide


def source_row(index: int) -> int:
    """The sheet row of the ``index``-th line (0-based)."""
    return FIRST_ROW + index


def write_sources(
    wb: Workbook,
    title: str,
    figure_titles: Sequence[str],
    lines: Sequence[Sequence[object]],
    total: Sequence[object],
) -> None:
    """Append the sheet: ``lines`` hold the values of names.SOURCE_COLUMNS (序号 is numbered here)
    followed by the figures; ``total`` the figures of the total line."""
    ws = wb.create_sheet(names.SOURCES)
    header = (*names.SOURCE_COLUMNS, *figure_titles)
    ws.cell(TITLE_ROW, 1, title).font = style.TITLE_FONT
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=len(header))
    for col, text in enumerate(header, 1):
        style.header(ws.cell(HEADER_ROW, col, text))
        ws.column_dimensions[get_column_letter(col)].width = _WIDTHS[col - 1] if col <= len(_WIDTHS) else 9
    ws.row_dimensions[HEADER_ROW].height = 42  # figure titles wrap onto three lines
    width = len(names.SOURCE_COLUMNS)
    for i, line in enumerate(lines):
        _line(ws, source_row(i), (i + 1, *line), width)
    last = source_row(len(lines))
    _line(ws, last, ("", names.SOURCE_TOTAL, *[""] * (width - 2), *total), width)
    for col in range(1, len(header) + 1):
        ws.cell(last, col).font = style.TOTAL_FONT
        ws.cell(last, col).fill = style.TOTAL_FILL
    ws.freeze_panes = ws.cell(FIRST_ROW, 4).coordinate
    style.a4(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def _line(ws, row: int, values: Sequence[object], width: int) -> None:
    for col, value in enumerate(values, 1):
        cell = ws.cell(row, col, None if value == "" else value)
        cell.border, cell.font = style.BORDER, style.LABEL_FONT
        cell.alignment = style.LEFT if 1 < col <= width else style.CENTER
