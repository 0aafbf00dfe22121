"""Which font file each typeface role uses in the PDF, and why.

A role (title 小标宋, heading 黑体, subheading 楷体, body 仿宋, table 宋体) is resolved to a TrueType face
that reportlab can embed: an override ``ROLE=PATH[#member]`` first, then the role's preferred families in
order (Windows, macOS and Linux names), then any usable Chinese font. The result records the candidates
tried, so ``govreport fonts`` can say what was found and why (spec §3.1/§3.2).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue, catalogue
from .files import FontFace, covers_cjk, face_at, faces_in

ROLES = ("title", "heading", "subheading", "body", "table")
ROLE_NAMES = {
    "title": "标题（小标宋）",
    "heading": "一级标题（黑体）",
    "subheading": "二级标题（楷体）",
    "body": "正文（仿宋）",
    "table": "表格（宋体）",
}


class FontError(Exception):
    """No usable font (or a bad override); the message is Chinese and says what to do."""


@dataclass(frozen=True)
class Candidate:
    label: str
    files: tuple[str, ...]
    names: tuple[str, ...]


def _c(label: str, files: str, names: str) -> Candidate:
    return Candidate(label, tuple(files.split("|")), tuple(names.split("|")))


XBS = _c(
    "方正小标宋",
    "FZXBSJW.TTF|FZXBSK.TTF|方正小标宋简体.ttf",
    "方正小标宋简体|方正小标宋_gbk|fzxiaobiaosong-b05s",
)
SONG = _c("宋体", "simsun.ttc|simsun.ttf", "simsun|宋体")
STSONG = _c("华文宋体", "Songti.ttc|STSONG.TTF", "stsong|songti sc|华文宋体|宋体-简")
UMING = _c("AR PL UMing CN", "uming.ttc", "ar pl uming cn|umingcn")
FANGSONG_GB = _c(
    "仿宋_GB2312", "仿宋_GB2312.ttf|FS_GB2312.ttf|SIMFANG_GB2312.TTF", "仿宋_gb2312|fangsong_gb2312"
)
FANGSONG = _c("仿宋", "simfang.ttf", "fangsong|仿宋")
FZFS = _c("方正仿宋", "FZFSJW.TTF|FZFSK.TTF", "方正仿宋简体|方正仿宋_gbk|fzfangsong-z02s")
STFANGSONG = _c("华文仿宋", "STFANGSO.TTF|STFangsong.ttf", "stfangsong|华文仿宋")
KAI_GB = _c("楷体_GB2312", "楷体_GB2312.ttf|KT_GB2312.ttf|SIMKAI_GB2312.TTF", "楷体_gb2312|kaiti_gb2312")
KAI = _c("楷体", "simkai.ttf", "kaiti|楷体")
FZKAI = _c("方正楷体", "FZKTJW.TTF|FZKTK.TTF", "方正楷体简体|方正楷体_gbk|fzkai-z03s")
STKAITI = _c("华文楷体", "STKAITI.TTF|Kaiti.ttc", "stkaiti|kaiti sc|华文楷体|楷体-简")
UKAI = _c("AR PL UKai CN", "ukai.ttc", "ar pl ukai cn|ukaicn")
WENKAI = _c("霞鹜文楷", "LXGWWenKai-Regular.ttf", "lxgw wenkai|霞鹜文楷")
HEI = _c("黑体", "simhei.ttf", "simhei|黑体")
FZHEI = _c("方正黑体", "FZHTJW.TTF|FZHTK.TTF", "方正黑体简体|方正黑体_gbk|fzheiti-b01s")
STHEITI = _c(
    "华文黑体", "STHeiti Medium.ttc|STHeiti Light.ttc|STHEITI.TTF", "stheiti|heiti sc|华文黑体|黑体-简"
)
YAHEI = _c("微软雅黑", "msyh.ttc|msyh.ttf", "microsoft yahei|微软雅黑")
WQY_ZEN = _c("文泉驿正黑", "wqy-zenhei.ttc", "wenquanyi zen hei|文泉驿正黑")
WQY_MICRO = _c("文泉驿微米黑", "wqy-microhei.ttc", "wenquanyi micro hei|文泉驿微米黑")
DROID = _c("Droid Sans Fallback", "DroidSansFallbackFull.ttf|DroidSansFallback.ttf", "droid sans fallback")
# Non-Chinese faces that still help a missing symbol or letter (per-character fallback only).
SYMBOLS = (
    _c("DejaVu Sans", "DejaVuSans.ttf", "dejavu sans"),
    _c("DejaVu Serif", "DejaVuSerif.ttf", "dejavu serif"),
)

# Faces for the CJK extensions beyond the BMP (生僻字 of names: Extension B and later), per-character
# fallback only: Debian's fonts-hanazono, Windows' SimSun-ExtB and MingLiU-ExtB.
EXTENSIONS = (
    _c("花園明朝B", "HanaMinB.ttf", "hanaminb|花園明朝b"),
    _c("SimSun-ExtB", "simsunb.ttf", "simsun-extb"),
    _c("MingLiU-ExtB", "mingliub.ttc", "mingliu-extb"),
    _c("花園明朝A", "HanaMinA.ttf", "hanamina|花園明朝a"),
)

PREFERENCES: dict[str, tuple[Candidate, ...]] = {
    "title": (XBS, SONG, STSONG, UMING),
    "heading": (HEI, FZHEI, STHEITI, YAHEI, WQY_ZEN, WQY_MICRO, DROID),
    "subheading": (KAI_GB, KAI, FZKAI, STKAITI, UKAI, WENKAI),
    "body": (FANGSONG_GB, FANGSONG, FZFS, STFANGSONG, SONG, STSONG, UMING),
    "table": (SONG, STSONG, FANGSONG_GB, FANGSONG, UMING),
}


OVERRIDDEN = "由参数指定"


@dataclass(frozen=True)
class FontChoice:
    """The face chosen for a role, its real bold face if the family has one, and why."""

    role: str
    face: FontFace
    bold: FontFace | None
    reason: str
    tried: tuple[str, ...]


@dataclass(frozen=True)
class FontSet:
    choices: tuple[FontChoice, ...]
    fallbacks: tuple[FontFace, ...]  # tried in order for a character the role's face lacks

    def __getitem__(self, role: str) -> FontChoice:
        for choice in self.choices:
            if choice.role == role:
                return choice
        raise KeyError(role)

    def faces(self) -> tuple[FontFace, ...]:
        """Every distinct face the PDF may use: roles, bold faces, fallbacks."""
        out = [c.face for c in self.choices] + [c.bold for c in self.choices if c.bold] + list(self.fallbacks)
        return tuple(dict.fromkeys(out))


def resolve_fonts(
    overrides: Mapping[str, str | Path] | None = None,
    *,
    dirs: Iterable[str | Path] | None = None,
    system: bool | None = None,
) -> FontSet:
    """Resolve every role. ``dirs`` (else ``GOVREPORT_FONT_DIRS``) are searched first; ``system=False``
    (else ``GOVREPORT_SYSTEM_FONTS=0``) leaves out the platform's font folders and fontconfig."""
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(ROLES))
    if unknown:
        raise FontError(f"未知的字体角色：{'、'.join(unknown)}；可用的角色：{'、'.join(ROLES)}")
    cat = catalogue(dirs, system)
    found: dict[str, FontChoice | None] = {}
    for role in ROLES:
        if role in overrides:
            found[role] = _override(role, str(overrides[role]), cat)
        else:
            found[role] = _preferred(role, cat)
    choices = _fill_gaps(found, cat)
    return FontSet(choices, _fallbacks(choices, cat))


def parse_overrides(items: Iterable[str]) -> dict[str, str]:
    """``["body=/path/simfang.ttf", "title=/x/y.ttc#1"]`` -> {role: path}; a Chinese FontError if malformed."""
    out = {}
    for item in items:
        role, sep, path = item.partition("=")
        role = role.strip()
        if not sep or not path.strip() or role not in ROLES:
            raise FontError(f"字体参数“{item}”格式不对：应为 角色=字体文件路径（角色：{'、'.join(ROLES)}）")
        out[role] = path.strip()
    return out


def _override(role: str, spec: str, cat: Catalogue) -> FontChoice:
    path_text, _, member_text = spec.partition("#")
    path = Path(path_text).expanduser()
    member: int | str = int(member_text) if member_text.isdigit() else (member_text or 0)
    if not path.is_file():
        raise FontError(f"指定的{ROLE_NAMES[role]}字体文件不存在：{path}")
    face = face_at(path, member)
    if face is None:
        raise FontError(f"指定的{ROLE_NAMES[role]}字体无法读取或没有成员“{member}”：{path}")
    if not face.usable:
        raise FontError(f"指定的{ROLE_NAMES[role]}字体不能嵌入 PDF：{path}（{face.problem}）")
    return FontChoice(role, face, _bold_of(face), OVERRIDDEN, (f"{spec}：可用",))


def _preferred(role: str, cat: Catalogue) -> FontChoice | None:
    tried = []
    for cand in PREFERENCES[role]:
        face, note = _first_usable(cand, cat)
        tried.append(f"{cand.label}：{note}")
        if face is not None:
            return FontChoice(
                role, face, _bold_of(face), f"首选字体中第一个可用的：{cand.label}", tuple(tried)
            )
    return FontChoice(role, _NONE, None, "", tuple(tried))


def _first_usable(cand: Candidate, cat: Catalogue) -> tuple[FontFace | None, str]:
    faces = _matches(cand, cat)
    if not faces:
        return None, "未找到"
    for face in faces:
        if face.usable:
            return face, f"可用（{face.path}）"
    return None, f"找到但不可用（{faces[0].path}：{faces[0].problem}）"


def _matches(cand: Candidate, cat: Catalogue) -> list[FontFace]:
    wanted = {n.lower() for n in cand.names}
    by_file = set(cat.by_file(cand.files))
    paths = list(dict.fromkeys([*cat.by_file(cand.files), *cat.by_name(cand.names)]))
    faces = [f for p in paths for f in faces_in(p) if f.names & wanted or (p in by_file and f.index == 0)]
    return sorted(faces, key=_style_rank)


def _style_rank(face: FontFace) -> int:
    style = face.style.lower()
    if any(w in style for w in ("bold", "italic", "oblique", "heavy", "black")):
        return 2
    return 1 if any(w in style for w in ("light", "thin")) else 0


def _bold_of(face: FontFace) -> FontFace | None:
    """The real bold face of the same family, looked for beside the regular file (no faux bold)."""
    if "bold" in face.style.lower():
        return None
    family = face.family.lower()
    for path in sorted(face.path.parent.iterdir()) if face.path.parent.is_dir() else ():
        for other in faces_in(path) if path.suffix.lower() in (".ttf", ".ttc") else ():
            if other.family.lower() == family and other.style.lower() == "bold" and other.usable:
                return other
    return None


_NONE = FontFace(Path(), -1, "", "", "", frozenset(), "未找到")


def _fill_gaps(found: Mapping[str, FontChoice | None], cat: Catalogue) -> tuple[FontChoice, ...]:
    """A role whose preferred families are all missing borrows another role's face, else any usable
    Chinese font; with none at all, stop with what to install."""
    have = [c for c in found.values() if c and c.face is not _NONE]
    spare = have[0].face if have else _any_chinese(cat)
    if spare is None:
        raise FontError(no_font_message())
    out = []
    for role in ROLES:
        choice = found[role]
        assert choice is not None
        if choice.face is _NONE:
            body = found["body"]
            face = body.face if body and body.face is not _NONE else spare
            reason = f"首选字体均不可用，改用 {face.family}"
            choice = FontChoice(role, face, _bold_of(face), reason, choice.tried)
        out.append(choice)
    return tuple(out)


def _any_chinese(cat: Catalogue) -> FontFace | None:
    for path in cat.paths:
        for face in faces_in(path):
            if face.usable and covers_cjk(face):
                return face
    return None


def light_title(choice: FontChoice) -> bool:
    """Whether the title's face is a light 宋体/Ming stand-in for 小标宋 (AR PL UMing on Linux, 宋体 where
    no 小标宋 is installed), to be drawn heavier; a 小标宋, a face with a real bold and a face the user chose
    are set as they are."""
    xbs = {n.lower() for n in XBS.names}
    return not (choice.face.names & xbs) and choice.bold is None and choice.reason != OVERRIDDEN


def _fallbacks(choices: tuple[FontChoice, ...], cat: Catalogue) -> tuple[FontFace, ...]:
    out = [c.face for c in choices]
    for cand in [c for role in ROLES for c in PREFERENCES[role]] + list(EXTENSIONS) + list(SYMBOLS):
        face, _ = _first_usable(cand, cat)
        if face is not None:
            out.append(face)
    return tuple(dict.fromkeys(out))


def no_font_message() -> str:
    if sys.platform.startswith("win"):
        hint = "请确认 C:\\Windows\\Fonts 中有 仿宋（simfang.ttf）、黑体（simhei.ttf）、楷体（simkai.ttf）、宋体（simsun.ttc）"
    elif sys.platform == "darwin":
        hint = "请在“字体册”中启用 宋体-简/黑体-简/楷体-简，或安装 仿宋、黑体、楷体 等 TrueType 字体"
    else:
        hint = (
            "请安装中文字体，例如 Debian/Ubuntu：sudo apt-get install fonts-arphic-uming fonts-arphic-ukai "
            "fonts-wqy-zenhei fonts-lxgw-wenkai；或把 Windows 的 simfang.ttf、simhei.ttf、simkai.ttf、"
            "simsun.ttc 复制到 ~/.local/share/fonts"
        )
    return (
        "找不到可嵌入 PDF 的中文字体（需要 TrueType 轮廓的 .ttf/.ttc；Noto/思源等 CFF 字体无法嵌入）。"
        f"{hint}；也可以用 --font 角色=字体文件路径 指定字体。"
    )


def describe_fonts(fontset: FontSet) -> str:
    """What ``govreport fonts`` prints: for each role the file chosen, and the candidates tried."""
    lines = ["PDF 使用的字体："]
    for choice in fontset.choices:
        lines.append(f"  {ROLE_NAMES[choice.role]}：{choice.face.label}")
        if choice.bold:
            lines.append(f"    粗体：{choice.bold.label}")
        lines.append(f"    原因：{choice.reason}")
        lines += [f"    尝试：{t}" for t in choice.tried]
    extra = [f for f in fontset.fallbacks if f not in {c.face for c in fontset.choices}]
    if extra:
        lines.append("缺字时逐字替补的字体：")
        lines += [f"  {f.label}" for f in extra]
    return "\n".join(lines)
