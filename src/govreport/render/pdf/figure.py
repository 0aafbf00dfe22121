"""A Figure block as a vector horizontal bar chart drawn with the embedded fonts.

One row per column in the given order (zero counts keep their row): the label right-aligned before the
axis (wrapped onto two lines, a longer one shortened with …), the bar, its value at the end, a value axis
with round ticks and light grid lines below, and the caption centred under the chart. The caption is
part of the flowable, so a page never falls between chart and caption; a chart taller than a whole page
is split between rows, the caption going with the last part.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.lib.colors import Color, black

from ...blocks import Bar, Figure
from ..chart_scale import axis_scale
from ..palette import BAR_RGB
from .flow import Flowable
from .fonts import PdfFonts
from .page import TEXT_HEIGHT
from .text import draw_string
from .wrap import break_lines, units

SIZE = 10.5  # 五号: labels and values
TICK_SIZE = 9.0
CAPTION_SIZE = 12.0  # 小四
LEADING = 13.0
ROW_PAD = 7.0
LABEL_SHARE = 0.34  # the most of the width labels may take
LABEL_LINES = 2
GAP = 6.0
AXIS_ROOM = TICK_SIZE + 8.0
CAPTION_GAP = 8.0
CAPTION_LEADING = 17.0
ELLIPSIS = "…"
BAR_FILL = Color(*BAR_RGB)
GRID = Color(0.82, 0.82, 0.82)


def figure_texts(figure: Figure) -> Iterator[str]:
    """Every string the chart may draw (for the glyph check)."""
    yield figure.caption
    yield ELLIPSIS + "0123456789"
    for bar in figure.bars:
        yield bar.label
        yield value_text(bar.value, figure.unit)


def value_text(value: int, unit: str) -> str:
    return f"{value}{unit}"


@dataclass(frozen=True)
class _Row:
    lines: tuple[str, ...]
    value: int
    height: float


class FigureFlowable(Flowable):
    """The chart with its caption; ``scale`` (axis maximum, step) is given to split parts so they
    share one scale."""

    def __init__(
        self,
        figure: Figure,
        fonts: PdfFonts,
        width: float,
        *,
        caption: bool = True,
        scale: tuple[int, int] | None = None,
    ) -> None:
        self.figure, self.fonts, self.with_caption = figure, fonts, caption
        self.font = fonts.font("table")
        self.caption_font = fonts.font("table", bold=True)
        largest = max((b.value for b in figure.bars), default=0)
        self.top, self.step = scale or axis_scale(largest)
        self._layout(width)

    def space_before(self) -> float:
        return LEADING / 2

    def space_after(self) -> float:
        return LEADING

    def _layout(self, width: float) -> None:
        self.width = width
        measured = max((self._measure(b.label, self.font, SIZE) for b in self.figure.bars), default=0.0)
        self.label_width = min(measured, width * LABEL_SHARE)
        values = [value_text(b.value, self.figure.unit) for b in self.figure.bars]
        self.value_room = max((self._measure(v, self.font, SIZE) for v in values), default=0.0) + GAP
        self.rows = [self._row(bar) for bar in self.figure.bars]
        self.caption_lines = self._wrap(self.figure.caption, self.caption_font, CAPTION_SIZE, width)
        caption = CAPTION_GAP + len(self.caption_lines) * CAPTION_LEADING if self.with_caption else 0.0
        self.height = sum(r.height for r in self.rows) + AXIS_ROOM + caption

    def _row(self, bar: Bar) -> _Row:
        lines = self._wrap(bar.label, self.font, SIZE, self.label_width)
        if len(lines) > LABEL_LINES:
            lines = [*lines[: LABEL_LINES - 1], self._shorten("".join(lines[LABEL_LINES - 1 :]))]
        lines = [
            self._shorten(line) if self._measure(line, self.font, SIZE) > self.label_width else line
            for line in lines
        ]
        return _Row(tuple(lines), bar.value, len(lines) * LEADING + ROW_PAD)

    def _measure(self, text: str, font: str, size: float) -> float:
        fonts = self.fonts
        return sum(fonts.width(ch, fonts.font_for(ch, font) or font, size) for ch in text)

    def _wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        pieces = units(text)
        if not pieces:
            return [""]
        widths = [self._measure(p, font, size) for p in pieces]
        return ["".join(pieces[a:b]).strip() for a, b in break_lines(pieces, widths, width, width)]

    def _shorten(self, text: str) -> str:
        while text and self._measure(text + ELLIPSIS, self.font, SIZE) > self.label_width:
            text = text[:-1]
        return text + ELLIPSIS

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if abs(availWidth - self.width) > 0.01:
            self._layout(availWidth)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Nothing (move to the next page) unless the chart is taller than a page: then the rows that
        fit here, and the rest with the caption."""
        self.wrap(availWidth, availHeight)
        if self.height <= TEXT_HEIGHT:
            return []
        room, k = availHeight - AXIS_ROOM, 0
        while k < len(self.rows) and room >= self.rows[k].height:
            room -= self.rows[k].height
            k += 1
        if k == 0 or k == len(self.rows):
            return []
        bars = self.figure.bars
        first = Figure(self.figure.caption, bars[:k], self.figure.unit)
        rest = Figure(self.figure.caption, bars[k:], self.figure.unit)
        return [
            FigureFlowable(first, self.fonts, availWidth, caption=False, scale=(self.top, self.step)),
            FigureFlowable(
                rest, self.fonts, availWidth, caption=self.with_caption, scale=(self.top, self.step)
            ),
        ]

    def draw(self) -> None:
        canv = self.canv
        left = self.label_width + GAP
        span = max(self.width - left - self.value_room, 1.0)
        axis_y = self.height - sum(r.height for r in self.rows)
        self._grid(left, span, axis_y)
        y = self.height
        for row in self.rows:
            y -= row.height
            self._bar(row, left, span, y)
        canv.setStrokeColor(black)
        canv.setLineWidth(0.75)
        canv.line(left, axis_y, left, self.height)
        if self.with_caption:
            base = axis_y - AXIS_ROOM - CAPTION_GAP - CAPTION_SIZE * 0.88
            for line in self.caption_lines:
                draw_string(
                    canv, self.fonts, line, self.caption_font, CAPTION_SIZE, self.width / 2, base, "center"
                )
                base -= CAPTION_LEADING

    def _grid(self, left: float, span: float, axis_y: float) -> None:
        canv = self.canv
        canv.setLineWidth(0.4)
        for tick in range(0, self.top + 1, self.step):
            x = left + span * tick / self.top
            canv.setStrokeColor(GRID)
            if tick:
                canv.line(x, axis_y, x, self.height)
            canv.setStrokeColor(black)
            canv.line(x, axis_y, x, axis_y - 3)
            canv.setFillColor(black)
            draw_string(
                canv, self.fonts, str(tick), self.font, TICK_SIZE, x, axis_y - 3 - TICK_SIZE, "center"
            )
        canv.setLineWidth(0.75)
        canv.line(left, axis_y, left + span, axis_y)

    def _bar(self, row: _Row, left: float, span: float, y: float) -> None:
        canv, fonts = self.canv, self.fonts
        middle = y + row.height / 2
        text_top = middle + len(row.lines) * LEADING / 2
        canv.setFillColor(black)
        for i, line in enumerate(row.lines):
            base = text_top - (i + 1) * LEADING + (LEADING - SIZE) / 2 + SIZE * 0.12
            draw_string(canv, fonts, line, self.font, SIZE, self.label_width, base, "right")
        thickness = min(12.0, row.height - ROW_PAD + 1)
        length = span * max(row.value, 0) / self.top
        if length > 0:
            canv.setFillColor(BAR_FILL)
            canv.rect(left, middle - thickness / 2, length, thickness, stroke=0, fill=1)
        canv.setFillColor(black)
        value = value_text(row.value, self.figure.unit)
        draw_string(canv, fonts, value, self.font, SIZE, left + length + 3, middle - SIZE * 0.35, "left")


def figure_flowable(figure: Figure, fonts: PdfFonts, width: float) -> FigureFlowable:
    return FigureFlowable(figure, fonts, width)
