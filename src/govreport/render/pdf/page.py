"""The page: GB/T 9704 geometry, the page number and the draft mark (spec §1.1, §1.3, §3.4).

A4 with margins 37/35/28/26 mm leaves the 156 × 225 mm 版心 (``FRAME``), which text fills exactly, so 16 pt
text on a 28.95 pt line pitch gives 22 lines a page. The page number ``— N —`` is 14 pt with the top of
its line 7 mm below the 版心: on odd pages at the right, on even pages at the left, one 4号 character in
from the 版心's edge (§7.5), or centred on every page.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .flow import Frame, PageHook
from .fonts import PdfFonts
from .text import draw_string

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP, BOTTOM, LEFT, RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT  # 156 mm
TEXT_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM  # 225 mm
BODY_SIZE = 16.0  # 三号
LINE = 28.95  # 22 lines in 225 mm (spec §1.2)
# 28 characters a line: 28 × (16 − 0.25) = 441 pt of the 442.2 pt line, as the .docx's w:spacing −5.
BODY_TRACKING = -0.25
PAGE_NUMBER_SIZE = 14.0  # 四号
PAGE_NUMBER_GAP = 7 * mm
PAGE_NUMBER_ASCENT = 0.88  # share of the em above the baseline
DRAFT_RED = Color(0.8, 0, 0)
WATERMARK_GREY = Color(0.55, 0.55, 0.55, alpha=0.18)


def page_number_text(number: int) -> str:
    return f"— {number} —"


FRAME = Frame(LEFT, BOTTOM, TEXT_WIDTH, TEXT_HEIGHT)


def page_hooks(
    fonts: PdfFonts, draft_mark: str | None, page_numbers: str = "outer"
) -> tuple[PageHook, PageHook]:
    """What is drawn on every page before its text (the draft mark) and after it (the page number)."""

    def begin(canv: Canvas) -> None:
        if draft_mark:
            _draft(canv, fonts, draft_mark)

    def end(canv: Canvas) -> None:
        _page_number(canv, fonts, page_numbers)

    return begin, end


def page_number_anchor(number: int, place: str) -> tuple[float, str]:
    """Where the page number line is anchored (x, and which end of the line sits there)."""
    if place == "center":
        return LEFT + TEXT_WIDTH / 2, "center"
    if number % 2:
        return LEFT + TEXT_WIDTH - PAGE_NUMBER_SIZE, "right"
    return LEFT + PAGE_NUMBER_SIZE, "left"


def _page_number(canv: Canvas, fonts: PdfFonts, place: str) -> None:
    font = fonts.font("table")
    baseline = BOTTOM - PAGE_NUMBER_GAP - PAGE_NUMBER_ASCENT * PAGE_NUMBER_SIZE
    number = canv.getPageNumber()
    x, anchor = page_number_anchor(number, place)
    draw_string(canv, fonts, page_number_text(number), font, PAGE_NUMBER_SIZE, x, baseline, anchor)


def _draft(canv: Canvas, fonts: PdfFonts, mark: str) -> None:
    """Red mark in the header and a light diagonal watermark, drawn before the page's text."""
    font = fonts.font("heading")
    canv.saveState()
    canv.setFillColor(DRAFT_RED)
    draw_string(canv, fonts, mark, font, 12, LEFT + TEXT_WIDTH / 2, PAGE_HEIGHT - TOP + 12 * mm, "center")
    canv.setFillColor(WATERMARK_GREY)
    canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canv.rotate(45)
    size = min(64.0, 0.9 * (PAGE_HEIGHT * 0.9) / max(len(mark), 1))
    draw_string(canv, fonts, mark, font, size, 0, -size / 3, "center")
    canv.restoreState()
