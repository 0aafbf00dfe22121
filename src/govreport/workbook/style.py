"""Cell styles and page set-up shared by the template's sheets."""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.worksheet import Worksheet

FONT = "宋体"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

TITLE_FONT = Font(name=FONT, size=14, bold=True)
LABEL_FONT = Font(name=FONT, size=10.5)
HEADER_FONT = Font(name=FONT, size=10.5, bold=True)
TOTAL_FONT = Font(name=FONT, size=10.5, bold=True)
TEXT_FONT = Font(name=FONT, size=11)

CAPTION_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")
TOTAL_FILL = PatternFill("solid", fgColor="E2EFDA")

CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)

UNLOCKED = Protection(locked=False)


def a4(ws: Worksheet, *, landscape: bool = False, title_rows: str | None = None, center: bool = True) -> None:
    """A4 paper, fit to one page wide, optional rows repeated on every page. Text sheets are kept
    within the printable width and not centred: LibreOffice cuts a centred sheet wider than the page
    instead of shrinking it."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = center
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows


def protect(ws: Worksheet) -> None:
    """Sheet protection without a password: labels and totals locked, input cells (unlocked) editable."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def text_height(text: str, width_chars: float, *, line: float = 14.0, minimum: float = 18.0) -> float:
    """A row height (points) that shows ``text`` wrapped in a column ``width_chars`` wide (CJK = 2)."""
    units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
    lines = max(1, -(-units // max(1, int(width_chars - 1))))
    return max(minimum, lines * line + 4)


def header(cell: Cell, *, align: Alignment = CENTER) -> None:
    """A shaded, bordered label cell (column headers of the text sheets, setting labels)."""
    cell.font, cell.fill, cell.alignment, cell.border = HEADER_FONT, HEADER_FILL, align, BORDER
