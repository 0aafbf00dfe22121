"""A Figure block as a plain horizontal bar chart: one bar per item, the value at its end, caption below."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable

from ..blocks import Figure
from .pdf_fonts import PdfFonts
from .pdf_text import draw_string

SIZE = 10.5
ROW = 18.0
BAR = 10.0
CAPTION_SPACE = 24.0
BAR_FILL = Color(0.35, 0.45, 0.6)


def figure_texts(figure: Figure) -> Iterator[str]:
    yield figure.caption
    for bar in figure.bars:
        yield bar.label
        yield _value_text(bar.value, figure.unit)


def _value_text(value: int, unit: str) -> str:
    return f"{value}{unit}"


class FigureFlowable(Flowable):
    def __init__(self, figure: Figure, fonts: PdfFonts, width: float) -> None:
        super().__init__()
        self.figure, self.fonts = figure, fonts
        self.width = width
        self.height = len(figure.bars) * ROW + CAPTION_SPACE
        font = fonts.font("table")
        self.label_width = max(
            (sum(fonts.width(c, font, SIZE) for c in b.label) for b in figure.bars), default=0
        )
        self.spaceBefore = self.spaceAfter = ROW / 2

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return self.width, self.height

    def draw(self) -> None:
        canv, fonts, font = self.canv, self.fonts, self.fonts.font("table")
        unit = self.figure.unit
        left = self.label_width + 6
        value_room = max((len(_value_text(b.value, unit)) for b in self.figure.bars), default=0) * SIZE
        span = max(self.width - left - value_room, 1.0)
        top = max((b.value for b in self.figure.bars), default=0) or 1
        for i, bar in enumerate(self.figure.bars):
            y = self.height - (i + 1) * ROW
            draw_string(canv, fonts, bar.label, font, SIZE, self.label_width, y + 4, "right")
            length = span * max(bar.value, 0) / top
            canv.setFillColor(BAR_FILL)
            canv.rect(left, y + (ROW - BAR) / 2, length, BAR, stroke=0, fill=1)
            canv.setFillColor(black)
            draw_string(canv, fonts, _value_text(bar.value, unit), font, SIZE, left + length + 4, y + 4)
        canv.setStrokeColor(black)
        canv.setLineWidth(0.5)
        canv.line(left, CAPTION_SPACE, left, self.height)
        draw_string(canv, fonts, self.figure.caption, font, SIZE, self.width / 2, 6, "center")


def figure_flowable(figure: Figure, fonts: PdfFonts, width: float) -> FigureFlowable:
    return FigureFlowable(figure, fonts, width)
