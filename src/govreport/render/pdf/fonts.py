"""Fonts inside reportlab: registered once per process, glyph coverage, per-character fallback.

Every character of a document is checked against the face of its role before typesetting; a character
that face lacks is drawn from the first fallback face that has it, and one that no face has is reported
(:class:`MissingGlyphError`) instead of being drawn as an empty box.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics

from ...fonts import FontSet
from ...fonts.cache import load_ttfont
from ...fonts.files import FontFace

_LOCK = threading.Lock()
_REGISTERED: dict[tuple[str, int], str] = {}
FAUX_BOLD_SUFFIX = "+FauxBold"


def faux_bold_base(name: str) -> str | None:
    """The registered face a faux-bold name stands for (None for a plain name): drawn with that face's
    glyphs, filled and stroked (:class:`.text.TextWriter`)."""
    return name[: -len(FAUX_BOLD_SUFFIX)] if name.endswith(FAUX_BOLD_SUFFIX) else None


def register_face(face: FontFace) -> str:
    """Register a face with reportlab once per process; return its reportlab font name."""
    key = (str(face.path), face.index)
    with _LOCK:
        name = _REGISTERED.get(key)
        if name is None:
            base = re.sub(r"[^A-Za-z0-9-]", "", face.postscript or face.path.stem) or "Font"
            name = f"GR{len(_REGISTERED)}-{base}"
            font = load_ttfont(name, str(face.path), face.index)
            _fast_subsets(font.face)
            _fast_objects(font)
            pdfmetrics.registerFont(font)
            _REGISTERED[key] = name
    return name


class _GlyphTable:
    """The ``glyf`` table as reportlab's subsetter reads it (slices only), without copying the whole table:
    reportlab's ``get_table('glyf')`` copies it (megabytes for a CJK face) for every subset of every PDF."""

    def __init__(self, data: bytes, pos: int, length: int) -> None:
        self._view = memoryview(data)[pos : pos + length]

    def __getitem__(self, item: slice) -> bytes:
        return bytes(self._view[item])


def _fast_subsets(face: object) -> None:
    """Per-face speed-ups of reportlab's subsetting: no copy of ``glyf``, and each distinct subset built
    once per process (a subset is a pure function of its character codes, so the bytes are identical)."""
    get_table, make_subset = face.get_table, face.makeSubset  # type: ignore[attr-defined]
    data = face._ttf_data  # type: ignore[attr-defined]

    def table(tag: str) -> object:
        if tag == "glyf":
            return _GlyphTable(data, *face.get_table_pos(tag))  # type: ignore[attr-defined]
        return get_table(tag)

    @lru_cache(maxsize=64)
    def subset(codes: tuple[int, ...]) -> bytes:
        return make_subset(list(codes))

    face.get_table = table  # type: ignore[attr-defined]
    face.makeSubset = lambda codes: subset(tuple(codes))  # type: ignore[attr-defined]


class _Formatted(pdfdoc.PDFObject):
    """A PDF object whose serialisation is known already."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: object) -> bytes:
        return self.data


@lru_cache(maxsize=256)
def _formatted_widths(widths: tuple[int, ...]) -> _Formatted:
    return _Formatted(pdfdoc.PDFArray(list(widths)).format(None))


FLATE_LEVEL = 3  # zlib level of the embedded subsets: 4 % larger than reportlab's 6, a quarter less time
_FONT_STREAMS = ("fontFile:", "toUnicodeCMap:")


class _FontFlate(pdfdoc.PDFStreamFilterZCompress):
    """Flate for the font streams of our own documents: at FLATE_LEVEL, and a subset seen before (the
    headings' faces set the same statutory text in every report) or its ToUnicode map compressed once per
    process. Set as the ``filters`` of those streams only; reportlab's module-wide filter is untouched."""

    def __init__(self, kept: int = 64) -> None:
        self._kept = kept
        self._packed: dict[str | bytes, bytes] = {}

    def encode(self, text: str | bytes) -> bytes:
        packed = self._packed.get(text)
        if packed is None:
            packed = zlib.compress(text.encode("utf8") if isinstance(text, str) else text, FLATE_LEVEL)
            if len(self._packed) >= self._kept:
                self._packed.pop(next(iter(self._packed)))
            self._packed[text] = packed
        return packed


_FONT_FLATE = _FontFlate()


# A ToUnicode entry whose destination is a code point beyond the BMP, as reportlab writes it (its hex digits).
_WIDE_ENTRY = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)


def beyond_bmp(cmap: str) -> str:
    """A subset's ToUnicode map with each character beyond the BMP (生僻字 of CJK Extension B and later)
    as its UTF-16 surrogate pair: reportlab writes the code point's hex digits, which readers take for
    another character, so a name would copy and search wrong."""
    return _WIDE_ENTRY.sub(lambda m: f"{m[1]} <{utf16_hex(int(m[2], 16))}>", cmap)


def utf16_hex(code: int) -> str:
    """A code point as the hex digits of its UTF-16BE code units (a ToUnicode destination string)."""
    return chr(code).encode("utf-16-be").hex().upper()


def _fast_objects(font: object) -> None:
    """The PDF objects of a font's subsets made faster to write, in each document that uses it: each
    subset's ``Widths`` array serialised once per process (reportlab formats its 256 numbers one by one
    in every PDF, and the same subsets, the statutory headings and labels, recur in every report), and the
    subsets' streams deflated by :class:`_FontFlate`."""
    add_objects = font.addObjects  # type: ignore[attr-defined]

    def add(doc: pdfdoc.PDFDocument) -> None:
        add_objects(doc)
        for subset in doc.idToObject["BasicFonts"].dict.values():
            widths = getattr(subset, "Widths", None)
            if isinstance(widths, pdfdoc.PDFArray):
                subset.Widths = _formatted_widths(tuple(widths.sequence))
        for name, stream in doc.idToObject.items():
            if name.startswith("toUnicodeCMap:") and isinstance(stream, pdfdoc.PDFStream):
                stream.content = beyond_bmp(stream.content)
        if doc.compression:
            for name, stream in doc.idToObject.items():
                if name.startswith(_FONT_STREAMS) and isinstance(stream, pdfdoc.PDFStream):
                    stream.filters = [_FONT_FLATE]

    font.addObjects = add  # type: ignore[attr-defined]


@dataclass(frozen=True)
class MissingGlyph:
    """A character that no available font can draw, and where it occurs."""

    char: str
    where: str

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"


class MissingGlyphError(Exception):
    def __init__(self, missing: list[MissingGlyph]) -> None:
        self.missing = tuple(missing)
        shown = "；".join(f"“{m.char}”（{m.codepoint}，{m.where}）" for m in missing[:20])
        more = f"等 {len(missing)} 处" if len(missing) > 20 else ""
        super().__init__(
            f"以下字符在所有可用字体中都没有字形，PDF 无法正确显示：{shown}{more}。"
            "请安装包含这些字符的字体（可用 --font 指定），或修改文字。"
        )


def ignorable(ch: str) -> bool:
    """Format and control characters (zero-width space, BOM …): not drawn, never reported."""
    return unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\n\t"


class PdfFonts:
    """The registered faces of a FontSet: names by role, coverage and widths."""

    def __init__(self, fontset: FontSet) -> None:
        self.fontset = fontset
        self.role = {c.role: register_face(c.face) for c in fontset.choices}
        self.bold = {c.role: register_face(c.bold) for c in fontset.choices if c.bold}
        self._fallbacks: tuple[str, ...] | None = None
        self._cmap: dict[str, dict[int, int]] = {}
        self._widths: dict[str, Any] = {}
        for n in self.names():
            self._add(n)

    @property
    def fallbacks(self) -> tuple[str, ...]:
        """Fallback faces are registered when a character first needs one (most reports never do),
        which keeps a worker's start-up short."""
        if self._fallbacks is None:
            self._fallbacks = tuple(register_face(f) for f in self.fontset.fallbacks)
            for n in self._fallbacks:
                self._add(n)
        return self._fallbacks

    def _add(self, name: str) -> None:
        if name not in self._cmap:
            face = pdfmetrics.getFont(name).face
            self._cmap[name], self._widths[name] = face.charToGlyph, face

    def names(self) -> tuple[str, ...]:
        """The role faces (and the fallback faces once registered)."""
        return tuple(dict.fromkeys([*self.role.values(), *self.bold.values(), *(self._fallbacks or ())]))

    def font(self, role: str, bold: bool = False) -> str:
        return self.bold.get(role, self.role[role]) if bold else self.role[role]

    def heavy(self, role: str) -> str:
        """The role's bold face; a face without one is drawn in faux bold (same glyphs, stroked too)."""
        real = self.bold.get(role)
        if real is not None:
            return real
        name = self.role[role] + FAUX_BOLD_SUFFIX
        if name not in self._cmap:
            self._cmap[name], self._widths[name] = self._cmap[self.role[role]], self._widths[self.role[role]]
        return name

    def has(self, name: str, ch: str) -> bool:
        return ch.isspace() or ord(ch) in self._cmap[name]

    def font_for(self, ch: str, name: str) -> str | None:
        """The font that draws ``ch``: ``name`` when it has the glyph, else the first fallback that does."""
        if self.has(name, ch):
            return name
        return next((f for f in self.fallbacks if self.has(f, ch)), None)

    def width(self, ch: str, name: str, size: float) -> float:
        face = self._widths[name]
        return face.charWidths.get(ord(ch), face.defaultWidth) * size / 1000.0

    def missing(self, text: str, name: str, where: str) -> list[MissingGlyph]:
        return [MissingGlyph(ch, where) for ch in _missing_chars(self, text, name)]


@lru_cache(maxsize=4096)
def _missing_chars(fonts: PdfFonts, text: str, name: str) -> tuple[str, ...]:
    """The characters of ``text`` no font can draw; a table label is looked at once per process."""
    return tuple(ch for ch in dict.fromkeys(text) if not ignorable(ch) and fonts.font_for(ch, name) is None)


@lru_cache(maxsize=8)
def pdf_fonts(fontset: FontSet) -> PdfFonts:
    """The registered fonts of a FontSet, built once per process and reused by every report of a batch."""
    return PdfFonts(fontset)
