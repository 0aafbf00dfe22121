"""The PDF's statutory tables: reportlab's table geometry, page splits that repeat the header and never
part rows joined by a vertical label."""

from __future__ import annotations

import pytest
from factories import make_report
from reportlab.platypus import Flowable, Table, TableStyle

from govreport.blocks import TableBlock
from govreport.document import outline
from govreport.fonts import FontSet
from govreport.render.pdf.fonts import pdf_fonts
from govreport.render.pdf.page import TEXT_WIDTH
from govreport.render.pdf.table import (
    PAD_X,
    PAD_Y,
    TableFlowable,
    _grid,
    cell_flowable,
    cell_size,
    sizes,
    table_flowable,
)

FORMATS = ["gb2021", "gb2019"]


def tables(format_id: str) -> list[TableBlock]:
    document = outline(make_report(format_id))  # all zero: the labels decide the geometry
    return [b for b in document.blocks if isinstance(b, TableBlock)]


class _Cell(Flowable):
    """Our cell text as a cell of reportlab's own Table, which measures it through ``wrap``."""

    def __init__(self, text: object) -> None:
        super().__init__()
        self.text = text

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.text.wrap(availWidth, availHeight)  # type: ignore[attr-defined]


def reportlab_heights(block: TableBlock, fonts: FontSet) -> list[float]:
    """Row heights of the same grid laid out by reportlab's own Table (how the PDF was drawn before)."""
    pf = pdf_fonts(fonts)
    rows = [*block.header_rows, *block.body_rows]
    col_widths = [w * TEXT_WIDTH / sum(block.widths) for w in block.widths]
    data = [["" for _ in range(block.columns)] for _ in rows]
    taken = [[False] * block.columns for _ in rows]
    spans = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while taken[r][c]:
                c += 1
            r1, c1 = min(r + cell.rowspan, len(rows)) - 1, min(c + cell.colspan, block.columns) - 1
            for rr in range(r, r1 + 1):
                for cc in range(c, c1 + 1):
                    taken[rr][cc] = True
            data[r][c] = _Cell(cell_flowable(cell, pf, cell_size(cell, sizes(block))))
            if (r1, c1) != (r, c):
                spans.append(("SPAN", (c, r), (c1, r1)))
            c = c1 + 1
    style = [
        ("FONTNAME", (0, 0), (-1, -1), pf.font("table")),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        *spans,
    ]
    table = Table(data, colWidths=col_widths)
    table.setStyle(TableStyle(style))
    table.wrap(TEXT_WIDTH, 1e6)
    return list(table._rowHeights)


@pytest.mark.parametrize("format_id", FORMATS)
def test_row_heights_are_reportlabs(format_id: str, fonts: FontSet) -> None:
    pf = pdf_fonts(fonts)
    for block in tables(format_id):
        rows = [*block.header_rows, *block.body_rows]
        widths = [w * TEXT_WIDTH / sum(block.widths) for w in block.widths]
        ours = _grid(rows, block.columns, widths, pf, sizes(block)).heights
        assert ours == pytest.approx(reportlab_heights(block, fonts), abs=1e-6), block.id


@pytest.mark.parametrize("format_id", FORMATS)
def test_a_split_table_repeats_its_header_and_keeps_spanned_rows_together(
    format_id: str, fonts: FontSet
) -> None:
    pf = pdf_fonts(fonts)
    splits = 0
    for block in tables(format_id):
        table = table_flowable(block, pf, TEXT_WIDTH)
        assert isinstance(table, TableFlowable)
        header = len(block.header_rows)
        spans = [(p.r0, p.r1) for p in table.grid.cells if p.r1 > p.r0 and p.r0 >= header]
        _, height = table.wrap(TEXT_WIDTH, 1e6)
        for room in (height * 0.35, height * 0.6, height * 0.9):
            parts = table.split(TEXT_WIDTH, room)
            if not parts:
                continue
            first, rest = parts
            splits += 1
            assert isinstance(first, TableFlowable) and isinstance(rest, TableFlowable)
            assert first.wrap(TEXT_WIDTH, room)[1] <= room + 1e-6
            assert rest.rows[:header] == list(range(header)), "the header rows start the next page"
            cut = first.rows[-1]
            assert first.rows + rest.rows[header:] == list(range(len(table.rows)))
            for r0, r1 in spans:
                assert not (r0 <= cut < r1), f"{block.id}: rows {r0}–{r1} parted after row {cut}"
    assert splits >= 3


def test_nothing_fits_means_the_table_moves_to_the_next_page(fonts: FontSet) -> None:
    block = tables("gb2021")[0]
    table = table_flowable(block, pdf_fonts(fonts), TEXT_WIDTH)
    assert table.split(TEXT_WIDTH, 5.0) == []
