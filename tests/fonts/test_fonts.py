"""Font resolution: which file each role gets, what is skipped and why, and the no-font message."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import system_fonts
from fontmaker import build_font, make_collection, make_font

from govreport.fonts import FontError, describe_fonts, parse_overrides, resolve_fonts

HANZI = "中国政府信息公开工作年度报告"


@pytest.fixture
def windows_like(tmp_path: Path) -> Path:
    """A folder shaped like C:\\Windows\\Fonts with the stock Chinese fonts."""
    make_font(tmp_path / "simfang.ttf", "FangSong", HANZI, chinese_family="仿宋")
    make_font(tmp_path / "simhei.ttf", "SimHei", HANZI, chinese_family="黑体")
    make_font(tmp_path / "simkai.ttf", "KaiTi", HANZI, chinese_family="楷体")
    make_collection(tmp_path / "simsun.ttc", [build_font("SimSun", HANZI), build_font("NSimSun", HANZI)])
    return tmp_path


def test_each_role_gets_its_preferred_face(windows_like: Path) -> None:
    fonts = resolve_fonts(dirs=[windows_like], system=False)
    files = {c.role: (c.face.path.name, c.face.index) for c in fonts.choices}
    assert files == {
        "title": ("simsun.ttc", 0),
        "heading": ("simhei.ttf", 0),
        "subheading": ("simkai.ttf", 0),
        "body": ("simfang.ttf", 0),
        "table": ("simsun.ttc", 0),
    }
    assert fonts["body"].tried[0].startswith("仿宋_GB2312：未找到")
    assert "仿宋" in fonts["body"].reason


def test_office_gb2312_font_is_preferred_to_stock_fangsong(windows_like: Path) -> None:
    make_font(windows_like / "仿宋_GB2312.ttf", "FangSong_GB2312", HANZI, chinese_family="仿宋_GB2312")
    assert resolve_fonts(dirs=[windows_like], system=False)["body"].face.path.name == "仿宋_GB2312.ttf"


def test_cff_and_no_embedding_fonts_are_skipped_with_the_reason(tmp_path: Path) -> None:
    make_font(tmp_path / "a-cff.otf", "SimHei", HANZI, cff=True)
    make_font(tmp_path / "b-locked.ttf", "FangSong", HANZI, fs_type=0x0002)
    make_font(tmp_path / "c-ok.ttf", "WenQuanYi Zen Hei", HANZI)
    fonts = resolve_fonts(dirs=[tmp_path], system=False)
    assert fonts["heading"].face.path.name == "c-ok.ttf"
    assert any("黑体：找到但不可用" in t and "CFF" in t for t in fonts["heading"].tried)
    assert any("仿宋：找到但不可用" in t and "fsType" in t for t in fonts["body"].tried)
    assert all(c.face.path.name == "c-ok.ttf" for c in fonts.choices)


def test_unknown_font_with_chinese_glyphs_is_used_when_nothing_preferred_exists(tmp_path: Path) -> None:
    make_font(tmp_path / "latin.ttf", "Latin Only", "")
    make_font(tmp_path / "something.ttf", "Some Hanzi Font", HANZI + "国")
    fonts = resolve_fonts(dirs=[tmp_path], system=False)
    assert {c.face.path.name for c in fonts.choices} == {"something.ttf"}
    assert "首选字体均不可用" in fonts["body"].reason


def test_no_chinese_font_stops_with_what_to_install(tmp_path: Path) -> None:
    make_font(tmp_path / "latin.ttf", "Latin Only", "")
    with pytest.raises(FontError) as err:
        resolve_fonts(dirs=[tmp_path], system=False)
    message = str(err.value)
    assert "找不到可嵌入 PDF 的中文字体" in message
    if sys.platform.startswith("linux"):
        assert (
            "apt-get install fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-lxgw-wenkai"
            in message
        )


def test_search_folders_and_system_switch_come_from_the_environment(
    windows_like: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVREPORT_SYSTEM_FONTS", "0")
    monkeypatch.setenv("GOVREPORT_FONT_DIRS", str(tmp_path / "empty"))
    with pytest.raises(FontError):
        resolve_fonts()
    monkeypatch.setenv("GOVREPORT_FONT_DIRS", str(windows_like))
    assert resolve_fonts()["heading"].face.path.name == "simhei.ttf"


def test_override_picks_a_collection_member_by_index_or_postscript_name(windows_like: Path) -> None:
    ttc = windows_like / "simsun.ttc"
    by_index = resolve_fonts({"body": f"{ttc}#1"}, dirs=[windows_like], system=False)["body"]
    by_name = resolve_fonts({"body": f"{ttc}#NSimSun-Regular"}, dirs=[windows_like], system=False)["body"]
    assert (by_index.face.index, by_index.face.family, by_index.reason) == (1, "NSimSun", "由参数指定")
    assert by_name.face == by_index.face


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"body": "/nonexistent/simfang.ttf"}, "字体文件不存在"),
        ({"body": "{dir}/simsun.ttc#7"}, "没有成员“7”"),
        ({"heading": "{dir}/cff.otf"}, "不能嵌入 PDF"),
        ({"caption": "{dir}/simhei.ttf"}, "未知的字体角色"),
    ],
)
def test_bad_overrides_are_explained(windows_like: Path, overrides: dict[str, str], words: str) -> None:
    make_font(windows_like / "cff.otf", "Some CFF", HANZI, cff=True)
    spec = {k: v.format(dir=windows_like) for k, v in overrides.items()}
    with pytest.raises(FontError, match=words):
        resolve_fonts(spec, dirs=[windows_like], system=False)


def test_parse_overrides() -> None:
    assert parse_overrides(["body=/f/simfang.ttf", "title = /f/a.ttc#1"]) == {
        "body": "/f/simfang.ttf",
        "title": "/f/a.ttc#1",
    }
    with pytest.raises(FontError, match="格式不对"):
        parse_overrides(["/f/simfang.ttf"])


def test_a_real_bold_face_is_found_beside_the_regular_one(windows_like: Path) -> None:
    make_font(windows_like / "LXGWWenKai-Regular.ttf", "LXGW WenKai", HANZI)
    make_font(windows_like / "LXGWWenKai-Bold.ttf", "LXGW WenKai", HANZI, style="Bold")
    fonts = resolve_fonts({"subheading": str(windows_like / "LXGWWenKai-Regular.ttf")}, dirs=[windows_like])
    assert fonts["subheading"].bold is not None
    assert fonts["subheading"].bold.path.name == "LXGWWenKai-Bold.ttf"
    assert resolve_fonts(dirs=[windows_like], system=False)["subheading"].bold is None  # 楷体 has no bold


def test_describe_names_every_role_its_file_and_the_candidates(windows_like: Path) -> None:
    text = describe_fonts(resolve_fonts(dirs=[windows_like], system=False))
    for words in (
        "正文（仿宋）",
        "simfang.ttf",
        "一级标题（黑体）",
        "simhei.ttf",
        "尝试：仿宋_GB2312：未找到",
    ):
        assert words in text


def test_system_fonts_on_this_machine_are_embeddable() -> None:
    fonts = system_fonts()
    assert all(c.face.usable and c.face.path.is_file() for c in fonts.choices)
    assert len({c.face for c in fonts.choices}) >= 2  # 黑体/楷体-like faces, not one font for everything
