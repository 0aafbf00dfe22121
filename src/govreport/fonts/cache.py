"""reportlab's parsed TrueType metrics, kept on disk between runs.

reportlab parses a face's cmap, hmtx and loca tables in Python every time a font is registered: about
60–80 ms for each of the large Chinese faces, paid by every ``govreport`` command that writes a PDF. The
parsed state (everything but the file's bytes) is stored with :mod:`marshal` under the user's cache
folder (``$XDG_CACHE_HOME/govreport`` or ``~/.cache/govreport``), keyed by the file's path, member,
size and modification time and by the reportlab and Python versions; the file itself is mapped into memory,
so embedding and subsetting work on the real font. Any problem with the cache (no home folder, read-only,
a damaged entry) falls back silently to reportlab's own parsing.
"""

from __future__ import annotations

import gc
import mmap
import os
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from ..cache import cache_entry, load_cached, store_cached

_SKIP = ("_ttf_data", "_pdfScale")  # the file's bytes (mapped afresh) and a lambda (rebuilt)
# Kept in an entry of its own and loaded only if asked for: reportlab needs glyph -> characters only to
# shape text (which the report never does), and it is the largest part of a face's state.
_LAZY = "glyphToChar"


def load_ttfont(name: str, path: str, index: int) -> TTFont:
    """``reportlab.pdfbase.ttfonts.TTFont(name, path, subfontIndex=index)``, from the cache when possible."""
    entry = _entry(path, index)
    face = _read(entry, path) if entry else None
    if face is None:
        font = TTFont(name, path, subfontIndex=index)
        if entry:
            _write(entry, font.face)
        return font
    return _font(name, face)


def _entry(path: str, index: int) -> Path | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = (os.path.abspath(path), index, st.st_size, st.st_mtime_ns, reportlab.Version)
    return cache_entry("fonts", "face", key)


def _write(entry: Path, face: TTFontFace) -> None:
    state = {k: v for k, v in vars(face).items() if k not in _SKIP and k != _LAZY}
    names = {k: (bytes(v), v.ustr) for k, v in state.items() if isinstance(v, TTFNameBytes)}
    store_cached(_lazy_entry(entry), getattr(face, _LAZY, None))
    store_cached(entry, ({k: v for k, v in state.items() if k not in names}, names))


def _lazy_entry(entry: Path) -> Path:
    return entry.with_name(entry.stem + "-glyphs" + entry.suffix)


class _CachedFace(TTFontFace):
    """A face restored from the cache; ``glyphToChar`` is read from its own entry on first use."""

    _glyphs_from: Path | None = None

    def __getattr__(self, name: str) -> object:
        if name != _LAZY:
            raise AttributeError(name)
        value = load_cached(self._glyphs_from)
        if not isinstance(value, dict):  # entry gone or damaged: the same mapping, from the cmap
            value = {}
            for char, glyph in self.charToGlyph.items():
                value.setdefault(glyph, []).append(char)
        setattr(self, _LAZY, value)
        return value


def _read(entry: Path, path: str) -> TTFontFace | None:
    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of small objects: no collection while they are made
    try:
        stored = load_cached(entry)
        if stored is None:
            return None
        plain, names = stored  # type: ignore[misc]
        state = dict(plain)
        for key, (raw, text) in names.items():
            value = TTFNameBytes(raw)
            value.ustr = text
            state[key] = value
        face = _CachedFace.__new__(_CachedFace)
        vars(face).update(state)
        face._glyphs_from = _lazy_entry(entry)
        face._ttf_data = _mapped(path)
        face._pdfScale = _scale(face.unitsPerEm)
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        return None
    finally:
        if enabled:
            gc.enable()
    return face


def _mapped(path: str) -> mmap.mmap:
    """The font file's bytes, mapped rather than read: subsetting touches a few hundred of the glyphs of
    a 15–20 MB Chinese face, and reading all of it cost more than the parsed metrics did to load. The
    mapping slices like ``bytes``, which is all reportlab does with it."""
    with open(path, "rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def _scale(units_per_em: int):  # type: ignore[no-untyped-def]
    """reportlab's ``_pdfScale`` (font units to 1/1000 em), made the same way as in ``extractInfo``."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _font(name: str, face: TTFontFace) -> TTFont:
    """A TTFont around an already parsed face: what ``TTFont.__init__`` does besides parsing."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)
    return font
