"""Tiny synthetic fonts for the font and PDF tests: TrueType or CFF outlines, any fsType, a chosen set of
characters, collections. Tests that use them need no system font, so they run the same everywhere."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection

ASCII = "".join(chr(c) for c in range(0x20, 0x7F))


def _box(pen: TTGlyphPen | T2CharStringPen, width: int) -> None:
    pen.moveTo((60, -40))
    pen.lineTo((60, 800))
    pen.lineTo((width - 60, 800))
    pen.lineTo((width - 60, -40))
    pen.closePath()


def build_font(
    family: str,
    chars: Iterable[str],
    *,
    style: str = "Regular",
    chinese_family: str | None = None,
    cff: bool = False,
    fs_type: int = 0,
) -> TTFont:
    chars = sorted(set(chars) | set(ASCII))
    names = [".notdef", *(f"u{ord(c):04X}" for c in chars)]
    widths = {n: (500 if i and ord(chars[i - 1]) < 0x2E80 else 1000) for i, n in enumerate(names)}
    ps = (family + "-" + style).replace(" ", "")
    fb = FontBuilder(1000, isTTF=not cff)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): n for c, n in zip(chars, names[1:], strict=True)})
    if cff:
        strings = {}
        for n in names:
            pen = T2CharStringPen(widths[n], None)
            _box(pen, widths[n])
            strings[n] = pen.getCharString()
        fb.setupCFF(ps, {"FullName": ps}, strings, {})
    else:
        glyphs = {}
        for n in names:
            pen = TTGlyphPen(None)
            if n != "u0020":
                _box(pen, widths[n])
            glyphs[n] = pen.glyph()
        fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (w, 60) for n, w in widths.items()})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    family_names = {"en": family, "zh-CN": chinese_family} if chinese_family else family
    fb.setupNameTable({"familyName": family_names, "styleName": style, "psName": ps})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120, fsType=fs_type)
    fb.setupPost()
    return fb.font


def make_font(path: Path, family: str, chars: Iterable[str], **kwargs: object) -> Path:
    build_font(family, chars, **kwargs).save(str(path))  # type: ignore[arg-type]
    return path


def make_collection(path: Path, fonts: list[TTFont]) -> Path:
    coll = TTCollection()
    coll.fonts = fonts
    coll.save(str(path))
    return path
