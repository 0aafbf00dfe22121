"""Statutory tables drawn like the official template, by a light table flowable of our own.

Cells keep their spans, label cells wrap inside their column, caption rows are shaded, the header rows
repeat on every page the table spans, and a row (or a block of rows joined by a vertical label) is never
split across pages. Tables fill the 156 mm 版心 at the sizes the block carries (labels, and one size for
every number, chosen by the outline so that no number wraps).

The geometry follows reportlab's Table rules exactly (row height = tallest cell plus padding, the extra
height of a row-spanning cell shared equally by its rows, cells centred vertically), but a page of table is
drawn as one shaded pass, one text object and one path of rules, and the wrapped lines of each distinct
cell text are computed once per process: the labels of a format are the same in every report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from reportlab.lib.colors import Color, black

from ...blocks import Cell, TableBlock
from ..palette import CAPTION_RGB
from .flow import FUZZ, Flowable
from .fonts import PdfFonts
from .text import Run, TextFlowable, TextStyle, TextWriter

LEADING = 13.5 / 10.5  # line pitch per point of type size: 13.5 pt for 五号
NOTE_LEADING = 12.0 / 9.0  # the 勾稽 note, set tighter: 12 pt for 小五
PAD_X, PAD_Y = 2.0, 1.5  # the .docx cells have the same padding (docx.CELL_MARGIN_X, CELL_MARGIN_Y)
CAPTION_SHADE = Color(*CAPTION_RGB)
RULE = 0.5
EMPTY_HEIGHT = 12.0  # an uncovered empty grid position: one line of reportlab's default 10 pt cell font

Lines = tuple[tuple[float, float, tuple[tuple[str, str, float], ...]], ...]


class _Placed(NamedTuple):
    """A cell at its grid position (first/last row and column), with its wrapped lines (a named tuple:
    some 300 are made for every report)."""

    r0: int
    c0: int
    r1: int
    c1: int
    shaded: bool
    size: float
    height: float  # of the text
    lines: Lines


@dataclass
class _Grid:
    cols: list[float]  # column positions, 0 … table width
    heights: list[float]
    cells: list[_Placed]
    owner: list[list[int]]  # grid position -> index of its cell (uncovered positions: unique negatives)
    glued: set[int]  # row r such that rows r and r + 1 may not be parted (a row span crosses)


def table_flowable(block: TableBlock, fonts: PdfFonts, width: float) -> Flowable:
    rows = [*block.header_rows, *block.body_rows]
    col_widths = [w * width / sum(block.widths) for w in block.widths]
    grid = _report_grid(rows, block.columns, col_widths, fonts, sizes(block))
    return TableFlowable(grid, list(range(len(rows))), len(block.header_rows))


def sizes(block: TableBlock) -> dict[str, float]:
    """Type size by kind of cell: ``number`` for value cells, ``text`` for the others."""
    return {"number": block.number_size, "text": block.text_size, "note": block.note_size}


def cell_size(cell: Cell, sizes: dict[str, float]) -> float:
    return sizes[cell.role if cell.role in ("number", "note") else "text"]


def _report_grid(
    rows: list[tuple[Cell, ...]],
    width: int,
    col_widths: list[float],
    fonts: PdfFonts,
    sizes: dict[str, float],
) -> _Grid:
    """``_grid`` of a report's table, from the grid of its shape: every report with the same labels has
    the same grid but for the numbers' lines (a number never wraps, so it cannot change a row's
    height)."""
    masked = tuple(
        tuple(
            Cell("0" if c.text else "", c.rowspan, c.colspan, c.role, c.align) if c.role == "number" else c
            for c in row
        )
        for row in rows
    )
    shape = _shape_grid(
        masked, width, tuple(col_widths), fonts, sizes["number"], sizes["text"], sizes["note"]
    )
    cells = list(shape.cells)
    numbers = (c for row in rows for c in row if c.role == "number")
    for i, cell in zip(shape.numbers, numbers, strict=True):
        p = cells[i]
        if cell.text:
            inner = shape.cols[p.c1 + 1] - shape.cols[p.c0] - 2 * PAD_X
            _, height, lines = _cell_lines(cell.text, "number", cell.align, inner, fonts, p.size)
            if height != p.height:  # cannot happen for a number; a safe way out if it ever does
                return _grid(rows, width, col_widths, fonts, sizes)
            cells[i] = _Placed(p.r0, p.c0, p.r1, p.c1, p.shaded, p.size, p.height, lines)
    return _Grid(shape.cols, shape.heights, cells, shape.owner, shape.glued)


@dataclass
class _ShapeGrid(_Grid):
    numbers: list[int]  # index in ``cells`` of each number cell, in reading order


@lru_cache(maxsize=64)
def _shape_grid(
    rows: tuple[tuple[Cell, ...], ...],
    width: int,
    col_widths: tuple[float, ...],
    fonts: PdfFonts,
    number_size: float,
    text_size: float,
    note_size: float,
) -> _ShapeGrid:
    grid = _grid(
        list(rows),
        width,
        list(col_widths),
        fonts,
        {"number": number_size, "text": text_size, "note": note_size},
    )
    order = [c.role == "number" for row in rows for c in row]
    numbers = [i for i, is_number in enumerate(order) if is_number]
    return _ShapeGrid(grid.cols, grid.heights, grid.cells, grid.owner, grid.glued, numbers)


def _grid(
    rows: list[tuple[Cell, ...]],
    width: int,
    col_widths: list[float],
    fonts: PdfFonts,
    sizes: dict[str, float],
) -> _Grid:
    """Place each cell at the first free grid position of its row (cells covered by a span are not
    listed in the block), wrap its text, and size the rows."""
    cols = [0.0]
    for w in col_widths:
        cols.append(cols[-1] + w)
    owner = [[-1] * width for _ in rows]
    taken = [[False] * width for _ in rows]
    cells: list[_Placed] = []
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
                    owner[rr][cc] = len(cells)
            inner = cols[last_c + 1] - cols[c] - 2 * PAD_X
            size, height, lines = _cell_lines(
                cell.text, cell.role, cell.align, inner, fonts, cell_size(cell, sizes)
            )
            cells.append(_Placed(r, c, last_r, last_c, cell.role == "caption", size, height, lines))
            c = last_c + 1
    heights, spans = _row_heights(rows, width, cells, owner)
    _share_spans(heights, spans)
    for r in range(len(rows)):  # uncovered positions get their own owner, so rules surround them
        for c in range(width):
            if owner[r][c] == -1:
                owner[r][c] = -1 - (r * width + c)
    glued = {r for p in cells for r in range(p.r0, p.r1)}
    return _Grid(cols, heights, cells, owner, glued)


def _share_spans(heights: list[float], spans: dict[tuple[int, int], float]) -> None:
    """Rows under a row-spanning cell that needs more height than they have grow equally, tallest span
    first (reportlab's ``spanFixDim``, whose result the tables have always had)."""
    extra: dict[int, float] = {}
    for need, (r0, r1) in sorted(((v, k) for k, v in spans.items()), reverse=True):
        have = sum([heights[r] + extra.get(r, 0) for r in range(r0, r1 + 1)])
        if have >= need - FUZZ:
            continue
        share = (need - have) / float(r1 + 1 - r0)
        for r in range(r0, r1 + 1):
            extra[r] = extra.get(r, 0) + share
    for r, v in extra.items():
        heights[r] += v


def _row_heights(
    rows: list[tuple[Cell, ...]], width: int, cells: list[_Placed], owner: list[list[int]]
) -> tuple[list[float], dict[tuple[int, int], float]]:
    heights = [0.0] * len(rows)
    spans: dict[tuple[int, int], float] = {}
    for p in cells:
        h = p.height + 2 * PAD_Y
        if p.r0 == p.r1:
            heights[p.r0] = max(heights[p.r0], h)
        else:
            spans[(p.r0, p.r1)] = max(spans.get((p.r0, p.r1), h), h)
    for r in range(len(rows)):
        if any(owner[r][c] == -1 for c in range(width)):
            heights[r] = max(heights[r], EMPTY_HEIGHT + 2 * PAD_Y)
    return heights, spans


@lru_cache(maxsize=4096)
def _cell_lines(
    text: str, role: str, align: str, width: float, fonts: PdfFonts, size: float
) -> tuple[float, float, Lines]:
    """(font size, text height, lines) of a cell's text wrapped at ``width``; the same label is wrapped
    once per process."""
    flowable = cell_flowable(Cell(text, role=role, align=align), fonts, size)
    _, height = flowable.wrap(width, 1e9)
    lines = tuple((x, y, tuple(runs)) for x, y, runs in flowable.line_layouts())
    return flowable.style.size, height, lines


def cell_flowable(cell: Cell, fonts: PdfFonts, size: float = 10.5) -> TextFlowable:
    """A cell's text at ``size`` (the 勾稽 note's own, smaller, for a note); a number never wraps."""
    if cell.role == "note":
        style = TextStyle(size, size * NOTE_LEADING, align="justify" if cell.align == "left" else cell.align)
    else:
        style = TextStyle(size, size * LEADING, align=_align(cell), unbroken=cell.role == "number")
    bold = cell.role == "caption"
    return TextFlowable([Run(cell.text, fonts.font("table", bold=bold))], style, fonts)


def _align(cell: Cell) -> str:
    # A left-aligned label that wraps is justified, so its lines end flush with the cell edge.
    return "justify" if cell.align == "left" else cell.align


class TableFlowable(Flowable):
    """Some rows of a table grid (all of them, or the header plus the rows of one page)."""

    def __init__(self, grid: _Grid, rows: list[int], header: int) -> None:
        self.grid, self.rows, self.header = grid, rows, header
        self.centred = True
        self.width = grid.cols[-1]
        self.height = sum(grid.heights[r] for r in rows)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Cut after the last whole row (or block of rows joined by a span) that fits; the rest
        starts with the header rows again."""
        used, cut = 0.0, 0
        for k, r in enumerate(self.rows):
            used += self.grid.heights[r]
            if used > availHeight + 1e-6:
                break
            if k >= self.header and r not in self.grid.glued and k + 1 < len(self.rows):
                cut = k + 1
        if cut == 0:
            return []
        head = self.rows[: self.header]
        return [
            TableFlowable(self.grid, self.rows[:cut], self.header),
            TableFlowable(self.grid, head + self.rows[cut:], self.header),
        ]

    def draw(self) -> None:
        tops = self._row_tops()
        cells = [p for p in self.grid.cells if p.r0 in tops]
        canv = self.canv
        canv.saveState()
        canv.setFillColor(CAPTION_SHADE)
        for p in cells:
            if p.shaded:
                x0, y0, x1, y1 = self._rect(p, tops)
                canv.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
        canv.setFillColor(black)
        self._draw_text(cells, tops)
        self._draw_rules(tops)
        canv.restoreState()

    def _row_tops(self) -> dict[int, float]:
        tops, y = {}, self.height
        for r in self.rows:
            tops[r] = y
            y -= self.grid.heights[r]
        return tops

    def _rect(self, p: _Placed, tops: dict[int, float]) -> tuple[float, float, float, float]:
        cols = self.grid.cols
        return cols[p.c0], tops[p.r1] - self.grid.heights[p.r1], cols[p.c1 + 1], tops[p.r0]

    def _draw_text(self, cells: list[_Placed], tops: dict[int, float]) -> None:
        writer = TextWriter(self.canv)
        for p in cells:
            x0, y0, _, y1 = self._rect(p, tops)
            bottom = y0 + (y1 - y0 - p.height) / 2  # vertically centred (VALIGN MIDDLE)
            for x, baseline, runs in p.lines:
                writer.line(x0 + PAD_X + x, bottom + baseline, runs, p.size)
        writer.close()

    def _draw_rules(self, tops: dict[int, float]) -> None:
        """Every cell edge once: between two grid positions of different cells, and round the table."""
        grid, rows = self.grid, self.rows
        ncols = len(grid.cols) - 1
        path = self.canv.beginPath()
        for k in range(len(rows) + 1):  # horizontal rules, above row k
            above = grid.owner[rows[k - 1]] if k > 0 else None
            below = grid.owner[rows[k]] if k < len(rows) else None
            y = tops[rows[k]] if k < len(rows) else 0.0
            edges = [above is None or below is None or above[c] != below[c] for c in range(ncols)]
            for c0, c1 in _runs(edges):
                path.moveTo(grid.cols[c0], y)
                path.lineTo(grid.cols[c1], y)
        for c in range(ncols + 1):  # vertical rules, left of column c
            edges = [c in (0, ncols) or grid.owner[r][c - 1] != grid.owner[r][c] for r in rows]
            for k0, k1 in _runs(edges):
                path.moveTo(grid.cols[c], tops[rows[k0]])
                path.lineTo(grid.cols[c], tops[rows[k1 - 1]] - grid.heights[rows[k1 - 1]])
        self.canv.setLineWidth(RULE)
        self.canv.setLineCap(1)  # round caps and joins, as reportlab's table rules: the corners close
        self.canv.setLineJoin(1)
        self.canv.setStrokeColor(black)
        self.canv.drawPath(path, stroke=1, fill=0)


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """[start, end) ranges of consecutive True values."""
    out: list[tuple[int, int]] = []
    start = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            out.append((start, i))
            start = None
    return out
