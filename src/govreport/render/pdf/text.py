"""A paragraph flowable that sets Chinese text line by line with our own 避头尾 breaking.

Each character carries its font (the role's face, or a fallback face for a glyph it lacks). Lines are
justified by spreading the slack over the character gaps (the last line stays ragged), the first line
may be indented, and the paragraph splits across pages between lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color, black
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from .flow import Flowable
from .fonts import PdfFonts, faux_bold_base, ignorable
from .wrap import break_lines, glued, line_width, split_long, units

DESCENT = 0.12  # share of the em below the baseline, for CJK faces
MAX_GAP = 0.25  # most extra space between two characters of a justified line, in ems
FAUX_BOLD_STROKE = 0.4  # points: the outline stroked round each glyph of a face that has no bold
# A title (above 16 pt) stroked in proportion to its size, heavier: a light 宋体 stand-in for 小标宋 in 2号.
TITLE_STROKE_EM = 0.04


@dataclass(frozen=True)
class TextStyle:
    size: float
    leading: float
    align: str = "justify"  # left | center | right | justify
    indent: float = 0.0  # first-line indent in points
    space_before: float = 0.0
    space_after: float = 0.0
    color: Color = black
    widow_control: bool = True
    right_indent: float = 0.0  # points kept free at the right edge of every line
    unbroken: bool = False  # one line whatever the width (a number in a table cell)
    no_lone_last: bool = False  # never a single character alone on the last line (headings)
    tracking: float = 0.0  # points added after every character (−0.25: 28 characters of 16 pt a line)
    hang: bool = False  # a ，。、；：？！ may hang past the end of a full line (body text, as Word does)


@dataclass(frozen=True)
class Run:
    text: str
    font: str  # reportlab font name of the role's face


class TextWriter:
    """Lines of text straight into a page's content stream: one BT … ET block, each line placed with
    Tm, a font operator only when the font, subset or size changes (reportlab's text object re-states
    the font for every run and measures every string to move a cursor we never use). A run in a faux
    bold name (:meth:`PdfFonts.heavy`) is drawn with text render mode 2: filled and stroked in ``color``."""

    def __init__(self, canv: Canvas, color: Color = black) -> None:
        self.canv, self.doc = canv, canv._doc  # type: ignore[attr-defined]
        self.code = ["BT"]
        self.spacing: float | None = None
        self.current: tuple[str, int, float] | None = None
        self.color = color
        self.stroking: bool | None = None  # None: render mode never set

    def line(self, x: float, y: float, runs: Sequence[tuple[str, str, float]], size: float) -> None:
        code, doc = self.code, self.doc
        code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        for font, segment, space in runs:
            if space != self.spacing:
                code.append(f"{fp_str(space)} Tc")
                self.spacing = space
            base = faux_bold_base(font)
            if (base is not None) != bool(self.stroking):
                self._stroke(base is not None, size)
            ttf = getFont(base or font)
            for subset, chunk in ttf.splitString(segment, doc):
                if (font, subset, size) != self.current:
                    code.append(f"{ttf.getSubsetInternalName(subset, doc)} {fp_str(size)} Tf")
                    self.current = (font, subset, size)
                code.append(f"({self.canv._escape(chunk)}) Tj")  # type: ignore[attr-defined]

    def _stroke(self, on: bool, size: float) -> None:
        if on and self.stroking is None:
            c = self.color
            width = FAUX_BOLD_STROKE if size <= 16 else TITLE_STROKE_EM * size
            self.code.append(f"{fp_str(c.red, c.green, c.blue)} RG {fp_str(width)} w")
        self.code.append("2 Tr" if on else "0 Tr")
        self.stroking = on

    def close(self) -> None:
        if self.spacing:  # character spacing outlives the text block: leave it at zero
            self.code.append("0 Tc")
        self.code.append("ET")
        if self.stroking is not None:  # stroke colour, width and render mode stay inside q … Q
            self.code = ["q", *self.code[:-1], "0 Tr", "ET", "Q"]
        self.canv._code.append(" ".join(self.code))  # type: ignore[attr-defined]


# Placed lines of a paragraph (or part of one), by everything they depend on: the pieces follow from the
# runs, fonts, style and width; the lines from those and where the part starts and ends.
LINE_LAYOUTS_KEPT = 2048
_LINE_LAYOUTS: dict[tuple[object, ...], list[tuple[float, float, list[tuple[str, str, float]]]]] = {}


@dataclass
class _Setting:
    """Characters with their fonts, cut into unbreakable pieces with widths."""

    chars: list[tuple[str, str]]
    pieces: list[str]
    starts: list[int]  # index into chars of each piece
    widths: list[float]
    room: float = 0.0  # the width the pieces were cut for (a Latin run longer than that is cut)
    tracking: float = 0.0  # points after every character, included in ``widths``


class TextFlowable(Flowable):
    def __init__(
        self,
        runs: Sequence[Run],
        style: TextStyle,
        fonts: PdfFonts,
        *,
        outline: tuple[str, str] | None = None,
        keep_with_next: bool = False,
    ) -> None:
        self.style = style
        self.fonts = fonts
        self.outline = outline
        self.keep_with_next = keep_with_next
        self._runs = tuple(runs)
        self._setting = _set(self._runs, style.size, fonts)
        self._lines: list[tuple[int, int]] | None = None
        self._for_width: float | None = None
        self._first, self._last = True, True

    # -- the pager's protocol -------------------------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._layout(availWidth)
        assert self._lines is not None
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def space_before(self) -> float:
        return self.style.space_before if self._first else 0.0

    def space_after(self) -> float:
        return self.style.space_after if self._last else 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._layout(availWidth)
        lines = self._lines or []
        fit = int((availHeight + 1e-6) // self.style.leading)
        if self.style.widow_control and len(lines) >= 4:
            fit = min(fit, len(lines) - 2) if fit >= 2 else 0
        if fit < 1 or fit >= len(lines):
            return []
        return [self._part(lines[:fit], self._first, False), self._part(lines[fit:], False, self._last)]

    def draw(self) -> None:
        canv = self.canv
        if self.outline and self._first:
            key, title = self.outline
            canv.bookmarkPage(key)
            canv.addOutlineEntry(title, key, level=0)
        canv.setFillColor(self.style.color)
        writer = TextWriter(canv, self.style.color)
        for x, baseline, runs in self.line_layouts():
            writer.line(x, baseline, runs, self.style.size)
        writer.close()

    # -- internals -------------------------------------------------------------------------------
    def _layout(self, width: float) -> None:
        if self._lines is not None and (self._for_width == width or self._for_width is None):
            return
        st = self.style
        indent = st.indent if self._first else 0.0
        self._setting, lines = _laid(self._runs, self.fonts, st.size, width - st.right_indent, indent, st)
        self._lines = list(lines)
        self._for_width = width

    def _part(self, lines: list[tuple[int, int]], first: bool, last: bool) -> TextFlowable:
        part = TextFlowable.__new__(TextFlowable)
        part.style, part.fonts, part.outline, part._runs = self.style, self.fonts, self.outline, self._runs
        part.keep_with_next = False
        part._setting, part._lines, part._for_width = self._setting, lines, None
        part._first, part._last = first, last
        return part

    def line_layouts(self) -> list[tuple[float, float, list[tuple[str, str, float]]]]:
        """Each line as (x, baseline, runs), relative to the flowable's lower left corner, as ``draw``
        sets them (call after ``wrap``); lets a table draw many cells into one text object."""
        lines = tuple(self._lines or ())
        key = (
            self._runs,
            self.fonts,
            self.style,
            self._setting.room,
            self.width,
            self.height,
            lines,
            self._first,
            self._last,
        )
        laid = _LINE_LAYOUTS.get(key)
        if laid is None:
            laid = [self._line_layout(j, s, e) for j, (s, e) in enumerate(lines)]
            if len(_LINE_LAYOUTS) >= LINE_LAYOUTS_KEPT:
                _LINE_LAYOUTS.pop(next(iter(_LINE_LAYOUTS)))
            _LINE_LAYOUTS[key] = laid
        return laid

    def _line_layout(self, j: int, start: int, end: int) -> tuple[float, float, list[tuple[str, str, float]]]:
        st, s = self.style, self._setting
        first_line = self._first and j == 0
        last_line = self._last and j == len(self._lines or []) - 1
        while end > start and s.pieces[end - 1].isspace():
            end -= 1
        x = st.indent if first_line else 0.0
        room = self.width - x - st.right_indent
        natural = line_width(s.pieces, s.widths, start, end)
        gap = 0.0
        if st.align == "justify" and not last_line and end - start > 1:
            # Spread the slack between pieces (characters, Latin runs), never inside ``2022`` or a URL.
            joints = sum(1 for k in range(start, end - 1) if not glued(s.pieces[k], s.pieces[k + 1]))
            gap = max(room - natural, 0.0) / max(joints, 1)
            if gap > MAX_GAP * st.size:  # a line cut short by a long URL: ragged, not letter-spaced
                gap = 0.0
        elif st.align == "center":
            x += (room - natural) / 2
        elif st.align == "right":
            x += room - natural
        top = self.height - j * st.leading
        baseline = top - st.leading + (st.leading - st.size) / 2 + DESCENT * st.size
        return x, baseline, _spaced(s, start, end, gap)


def _spaced(s: _Setting, start: int, end: int, gap: float) -> list[tuple[str, str, float]]:
    """(font, text, character spacing) runs of a line: the justification gap goes after each piece, so a
    Latin run (or the parts of a URL) keeps its letters together; runs with the same font and spacing
    are merged."""
    out: list[tuple[str, str, float]] = []
    for k in range(start, end):
        first = s.starts[k]
        chars = s.chars[first : first + len(s.pieces[k])]
        after = gap if k + 1 < end and not glued(s.pieces[k], s.pieces[k + 1]) else 0.0
        for i, (ch, font) in enumerate(chars):
            space = s.tracking + (after if i == len(chars) - 1 else 0.0)
            if out and out[-1][0] == font and out[-1][2] == space:
                out[-1] = (font, out[-1][1] + ch, space)
            else:
                out.append((font, ch, space))
    return out


@lru_cache(maxsize=2048)
def _laid(
    runs: tuple[Run, ...], fonts: PdfFonts, size: float, room: float, indent: float, style: TextStyle
) -> tuple[_Setting, tuple[tuple[int, int], ...]]:
    """The measured pieces and the lines of a paragraph at a width, once per process for each distinct
    text (headings, notes, table labels and many sentences recur in every report); never mutated."""
    chars = _set(runs, size, fonts).chars
    room_for_pieces = 1e9 if style.unbroken else room
    pieces, widths, starts = _measure(chars, fonts, size, room_for_pieces, style.tracking)
    s = _Setting(chars, pieces, starts, widths, room, style.tracking)
    if style.unbroken:
        return s, ((0, len(s.pieces)),) if s.pieces else ()
    lines = break_lines(
        s.pieces, s.widths, room - indent, room, no_lone_last=style.no_lone_last, hang=style.hang
    )
    return s, tuple(lines)


@lru_cache(maxsize=2048)
def _set(runs: tuple[Run, ...], size: float, fonts: PdfFonts) -> _Setting:
    chars: list[tuple[str, str]] = []
    for run in runs:
        for ch in run.text.replace("\n", " ").replace("\t", " "):
            if not ignorable(ch):
                chars.append((ch, fonts.font_for(ch, run.font) or run.font))
    return _Setting(chars, [], [], [])


def _measure(
    chars: list[tuple[str, str]], fonts: PdfFonts, size: float, width: float, tracking: float = 0.0
) -> tuple[list[str], list[float], list[int]]:
    text = "".join(c for c, _ in chars)
    font_at = [f for _, f in chars]

    def measure_at(start: int, piece: str) -> float:
        glyphs = sum(fonts.width(ch, font_at[start + i], size) for i, ch in enumerate(piece))
        return glyphs + tracking * len(piece)

    pieces = units(text)
    first_font = font_at[0] if font_at else ""
    pieces = split_long(pieces, lambda p: sum(fonts.width(c, first_font, size) + tracking for c in p), width)
    starts, widths, pos = [], [], 0
    for piece in pieces:
        starts.append(pos)
        widths.append(measure_at(pos, piece))
        pos += len(piece)
    return pieces, widths, starts


def _segments(chars: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ch, font in chars:
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def draw_string(
    canv: Canvas, fonts: PdfFonts, text: str, font: str, size: float, x: float, y: float, anchor: str = "left"
) -> float:
    """Draw one line at baseline ``y`` anchored left/center/right on ``x``, each character in ``font``
    or the fallback face that has it; returns its width."""
    chars = [(ch, fonts.font_for(ch, font) or font) for ch in text if not ignorable(ch)]
    width = sum(fonts.width(ch, f, size) for ch, f in chars)
    shift = {"left": 0.0, "center": width / 2, "right": width}[anchor]
    obj = canv.beginText(x - shift, y)
    for f, segment in _segments(chars):
        obj.setFont(f, size)
        obj.textOut(segment)
    canv.drawText(obj)
    return width
