"""Statutory tables as reportlab Tables, drawn like the official template.

Cells keep their spans (SPAN), label cells wrap inside their column, caption rows are shaded, the header
rows repeat on every page the table spans, and a row (or a block of rows joined by a vertical label) is
never split across pages. Tables fill the 156 mm 版心 at 10.5 pt (五号).
"""

from __future__ import annotations

from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable, Table, TableStyle

from ..blocks import Cell, TableBlock
from .pdf_fonts import PdfFonts
from .pdf_text import Run, TextFlowable, TextStyle

TABLE_SIZE = 10.5  # 五号
TABLE_LEADING = 13.5
NOTE_SIZE = 9.0
NOTE_LEADING = 12.0
PAD_X, PAD_Y = 2.0, 1.5
CAPTION_SHADE = Color(0.88, 0.88, 0.88)
RULE = 0.5


def table_flowable(block: TableBlock, fonts: PdfFonts, width: float) -> Table:
    rows = [*block.header_rows, *block.body_rows]
    data, commands = _grid(rows, block.columns, fonts)
    col_widths = [w * width / sum(block.widths) for w in block.widths]
    table = Table(
        data,
        colWidths=col_widths,
        repeatRows=len(block.header_rows),
        splitByRow=1,
        splitInRow=0,
        hAlign="CENTER",
    )
    table.setStyle(TableStyle(_base_style(fonts.font("table")) + commands))
    return table


def _base_style(font: str) -> list[tuple]:
    # FONTNAME matters even though every cell holds a flowable: reportlab still selects the cell font
    # (Helvetica by default) for empty covered cells, which would reference a non-embedded font.
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), RULE, black),
        ("BOX", (0, 0), (-1, -1), RULE, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
    ]


def _grid(
    rows: list[tuple[Cell, ...]], width: int, fonts: PdfFonts
) -> tuple[list[list[Flowable | str]], list[tuple]]:
    """Place each cell at the first free grid position of its row (cells covered by a span are not
    listed in the block), and emit SPAN / BACKGROUND commands."""
    data: list[list[Flowable | str]] = [["" for _ in range(width)] for _ in rows]
    taken = [[False] * width for _ in rows]
    commands: list[tuple] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while c < width and taken[r][c]:
                c += 1
            if c >= width:
                raise ValueError(f"table row {r} has more cells than its {width} columns")
            last_r, last_c = min(r + cell.rowspan, len(rows)) - 1, min(c + cell.colspan, width) - 1
            for rr in range(r, last_r + 1):
                for cc in range(c, last_c + 1):
                    taken[rr][cc] = True
            data[r][c] = cell_flowable(cell, fonts)
            if (last_r, last_c) != (r, c):
                commands.append(("SPAN", (c, r), (last_c, last_r)))
            if cell.role == "caption":
                commands.append(("BACKGROUND", (c, r), (last_c, last_r), CAPTION_SHADE))
            c = last_c + 1
    return data, commands


def cell_flowable(cell: Cell, fonts: PdfFonts) -> TextFlowable:
    if cell.role == "note":
        style = TextStyle(NOTE_SIZE, NOTE_LEADING, align="justify" if cell.align == "left" else cell.align)
    else:
        style = TextStyle(TABLE_SIZE, TABLE_LEADING, align=_align(cell))
    bold = cell.role == "caption"
    return TextFlowable([Run(cell.text, fonts.font("table", bold=bold))], style, fonts)


def _align(cell: Cell) -> str:
    # A left-aligned label that wraps is justified, so its lines end flush with the cell edge.
    return "justify" if cell.align == "left" else cell.align
