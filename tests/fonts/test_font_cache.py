"""reportlab's parsed font metrics cached on disk: the same font either way, and no cache is no problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fontmaker import build_font, make_collection, make_font
from reportlab.pdfbase.ttfonts import TTFont

from govreport import cache
from govreport.fonts import cache as font_cache
from govreport.fonts import files as font_files
from govreport.fonts.cache import load_ttfont

CHARS = "政府信息公开工作年度报告（一）"


def _same_font(cached: TTFont, fresh: TTFont) -> None:
    plain = {k: v for k, v in vars(fresh).items() if k not in ("face", "encoding", "state")}
    assert {k: v for k, v in vars(cached).items() if k in plain} == plain
    assert set(vars(cached)) == set(vars(fresh))
    assert cached.face.glyphToChar == fresh.face.glyphToChar  # read from its own entry when asked for
    skip = ("_pdfScale", "_ttf_data", "_glyphs_from")
    fresh_face = {k: v for k, v in vars(fresh.face).items() if k not in skip}
    cached_face = {k: v for k, v in vars(cached.face).items() if k not in skip}
    assert cached_face == fresh_face
    assert cached.face._ttf_data[:] == fresh.face._ttf_data  # mapped, not read: the same bytes
    for k in ("name", "familyName", "styleName", "fullName"):
        assert getattr(cached.face, k).ustr == getattr(fresh.face, k).ustr
    assert cached.face._pdfScale(517) == fresh.face._pdfScale(517)
    codes = [ord(c) for c in CHARS + "AB"]
    assert cached.face.makeSubset(codes) == fresh.face.makeSubset(codes)
    assert cached.stringWidth(CHARS, 12) == fresh.stringWidth(CHARS, 12)


@pytest.mark.parametrize("units", [1000, 2048])
def test_a_cached_font_is_the_font_reportlab_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, units: int
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    font = build_font("Cache Test", CHARS)
    if units != 1000:
        font["head"].unitsPerEm = units
    path = tmp_path / "a.ttf"
    font.save(str(path))
    first = load_ttfont("CacheA", str(path), 0)  # parsed by reportlab, then stored
    assert len(list((tmp_path / "cache" / "govreport" / "fonts").iterdir())) == 2  # state, glyphToChar
    second = load_ttfont("CacheA", str(path), 0)  # read back from the cache
    assert second.face is not first.face
    _same_font(second, TTFont("CacheA", str(path)))


def test_collection_members_and_changed_files_have_their_own_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = make_collection(tmp_path / "c.ttc", [build_font("One", CHARS), build_font("Two", "中文")])
    for index in (0, 1, 0, 1):
        _same_font(load_ttfont("C", str(path), index), TTFont("C", str(path), subfontIndex=index))
    make_font(path, "Three", "报告")  # same name, new content (and size)
    os.utime(path, ns=(1, 1))
    _same_font(load_ttfont("C", str(path), 0), TTFont("C", str(path)))
    assert len(list((tmp_path / "cache" / "govreport" / "fonts").iterdir())) == 3 * 2


def test_an_unusable_cache_falls_back_to_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_font(tmp_path / "a.ttf", "Cache Test", CHARS)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # cannot create a folder below a file
    _same_font(load_ttfont("X", str(path), 0), TTFont("X", str(path)))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    load_ttfont("X", str(path), 0)
    entry = font_cache._entry(str(path), 0)
    assert entry is not None and entry.is_file()
    entry.write_bytes(b"damaged")
    _same_font(load_ttfont("X", str(path), 0), TTFont("X", str(path)))
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME")
    monkeypatch.delenv("USERPROFILE", raising=False)
    assert cache.cache_dir("fonts") is None
    _same_font(load_ttfont("X", str(path), 0), TTFont("X", str(path)))


def test_without_its_glyph_entry_a_cached_face_rebuilds_glyph_to_char(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = make_font(tmp_path / "a.ttf", "Cache Test", CHARS)
    load_ttfont("G", str(path), 0)
    for entry in (tmp_path / "cache" / "govreport" / "fonts").glob("*-glyphs.marshal"):
        entry.unlink()
    cached, fresh = load_ttfont("G", str(path), 0), TTFont("G", str(path))
    # The same mapping, but for the no-break space that reportlab aliases to the space only afterwards.
    rebuilt = {g: sorted(c for c in chars if c != 0xA0) for g, chars in cached.face.glyphToChar.items()}
    assert rebuilt == {g: sorted(c) for g, c in fresh.face.glyphToChar.items()}


def test_face_names_are_cached_per_file_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = make_collection(
        tmp_path / "c.ttc", [build_font("One", CHARS), build_font("Two", "中文", cff=True)]
    )
    read = font_files._faces_cached.__wrapped__(path, (1, 2))  # parsed with fontTools, then stored
    assert [f.family for f in read] == ["One", "Two"] and not read[0].problem and read[1].problem
    with monkeypatch.context() as m:
        m.setattr(font_files, "_read_face", lambda *_: pytest.fail("read again"))
        assert font_files._faces_cached.__wrapped__(path, (1, 2)) == read
    assert font_files._faces_cached.__wrapped__(path, (1, 3)) == read  # another version: read afresh
