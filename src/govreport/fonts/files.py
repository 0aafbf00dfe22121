"""Reading font files: the faces inside a .ttf/.ttc, their names, and whether reportlab can embed them.

reportlab embeds only TrueType outlines (``glyf``); CFF-outline fonts (sfnt tag ``OTTO``: Noto/Source Han
CJK, most .otf/.otc) and fonts whose OS/2 ``fsType`` forbids embedding are refused, so they are recognised
here and skipped instead of failing later inside reportlab (spec §3.1/§3.2).
"""

from __future__ import annotations

import contextlib
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import cache_entry, load_cached, store_cached

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
CJK_PROBE = "中国政府信息公开"


@dataclass(frozen=True)
class FontFace:
    """One face of a font file: the file, the member index inside a collection, and its names."""

    path: Path
    index: int
    postscript: str
    family: str
    style: str
    names: frozenset[str]  # every family / full / PostScript name, lower-cased, in every language
    problem: str | None = None  # why reportlab cannot embed it (Chinese), None when usable

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def label(self) -> str:
        member = f"#{self.index}" if self.path.suffix.lower() in (".ttc", ".otc") else ""
        return f"{self.family}（{self.path}{member}）"


def member_count(path: Path) -> int:
    """Number of faces in a font file (1 for a plain .ttf/.otf, 0 when it is not a font)."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
    except OSError:
        return 0
    if head[:4] == b"ttcf" and len(head) == 12:
        return struct.unpack(">I", head[8:12])[0]
    if head[:4] in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
        return 1
    return 0


@lru_cache(maxsize=512)
def _faces_cached(path: Path, stamp: tuple[int, int]) -> tuple[FontFace, ...]:
    entry = cache_entry("fonts", "faces", (str(path.absolute()), *stamp))
    stored = load_cached(entry)
    with contextlib.suppress(TypeError, ValueError):
        if stored is not None:
            return tuple(
                FontFace(path, i, ps, family, style, frozenset(names), problem)
                for i, ps, family, style, names, problem in stored
            )
    faces = tuple(f for i in range(member_count(path)) if (f := _read_face(path, i)) is not None)
    store_cached(
        entry, [(f.index, f.postscript, f.family, f.style, tuple(sorted(f.names)), f.problem) for f in faces]
    )
    return faces


def faces_in(path: Path) -> tuple[FontFace, ...]:
    """Every face of a font file, usable or not (an unreadable file has none). The faces' names are
    kept in the cache folder (:func:`govreport.cache.cache_dir`), so a run reads them only from fonts new or changed."""
    try:
        st = path.stat()
    except OSError:
        return ()
    return _faces_cached(path, (st.st_size, st.st_mtime_ns))


def face_at(path: Path, member: int | str = 0) -> FontFace | None:
    """The face of ``path`` chosen by index or by PostScript name (TTC members)."""
    for face in faces_in(path):
        if member == face.index or (isinstance(member, str) and member.lower() == face.postscript.lower()):
            return face
    return None


def _read_face(path: Path, index: int) -> FontFace | None:
    from fontTools.ttLib import TTFont, TTLibError  # only for fonts not in the cache

    try:
        font = TTFont(str(path), fontNumber=index, lazy=True)
    except (TTLibError, OSError, struct.error, AssertionError, ValueError):
        return None
    try:
        return _describe(path, index, font)
    except (TTLibError, KeyError, struct.error, AssertionError, ValueError):
        return None
    finally:
        font.close()


def _describe(path: Path, index: int, font: TTFont) -> FontFace:
    name = font["name"]
    names = set()
    for record in name.names:
        if record.nameID in (1, 4, 6, 16):
            try:
                names.add(record.toUnicode().strip().lower())
            except UnicodeDecodeError:
                continue
    family = name.getDebugName(16) or name.getDebugName(1) or path.stem
    style = name.getDebugName(17) or name.getDebugName(2) or ""
    postscript = name.getDebugName(6) or ""
    return FontFace(path, index, postscript, family, style, frozenset(names), _problem(font))


def _problem(font: TTFont) -> str | None:
    if font.sfntVersion == "OTTO" or "CFF " in font or "CFF2" in font:
        return "PostScript（CFF）轮廓，reportlab 无法嵌入"
    if "glyf" not in font:
        return "没有 TrueType 轮廓（glyf 表）"
    if "OS/2" in font:
        fs_type = font["OS/2"].fsType
        # The same test reportlab applies (ttfonts.py): restricted licence, or no subsetting / bitmap only.
        if fs_type == 0x0002 or fs_type & 0x0300:
            return f"字体许可禁止嵌入或子集化（fsType={fs_type:#06x}）"
    return None


@lru_cache(maxsize=256)
def covers_cjk(face: FontFace) -> bool:
    """True when the face has glyphs for common Chinese characters."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(str(face.path), fontNumber=face.index, lazy=True)
    except (TTLibError, OSError):
        return False
    try:
        cmap = font.getBestCmap() or {}
    except (TTLibError, KeyError, struct.error, AssertionError):
        return False
    finally:
        font.close()
    return all(ord(ch) in cmap for ch in CJK_PROBE)
