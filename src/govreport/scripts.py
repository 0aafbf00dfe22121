"""Writing systems the PDF renderer cannot set: scripts whose letters join and change shape (Arabic
script as used for Uyghur and Kazakh, Mongolian, Syriac), stack (Tibetan, the Indic scripts) or run
right to left (Arabic, Hebrew). Drawn glyph by glyph they would print unjoined or reversed, so the PDF
is refused for them; Word, WPS and browsers shape such text in the .docx and the web page themselves."""

from __future__ import annotations

import bisect
import re

# (first, last, name): code point ranges of the scripts that need shaping or bidi layout.
_RANGES = (
    (0x0590, 0x05FF, "希伯来文"),
    (0x0600, 0x06FF, "阿拉伯字母文字（如维吾尔文、哈萨克文）"),
    (0x0700, 0x074F, "叙利亚文"),
    (0x0750, 0x077F, "阿拉伯字母文字（如维吾尔文、哈萨克文）"),
    (0x0780, 0x07BF, "塔纳文"),
    (0x07C0, 0x07FF, "西非书面文字"),
    (0x0860, 0x08FF, "阿拉伯字母文字（如维吾尔文、哈萨克文）"),
    (0x0900, 0x0DFF, "印度系文字"),
    (0x0F00, 0x0FFF, "藏文"),
    (0x1000, 0x109F, "缅甸文"),
    (0x1780, 0x17FF, "高棉文"),
    (0x1800, 0x18AF, "蒙古文"),
    (0xFB1D, 0xFB4F, "希伯来文"),
    (0xFB50, 0xFDFF, "阿拉伯字母文字（如维吾尔文、哈萨克文）"),
    (0xFE70, 0xFEFF, "阿拉伯字母文字（如维吾尔文、哈萨克文）"),
    (0x11660, 0x1167F, "蒙古文"),
)
_STARTS = [first for first, _, _ in _RANGES]


def unshaped_script(ch: str) -> str | None:
    """The Chinese name of the script ``ch`` belongs to when it needs shaping or right-to-left layout."""
    code = ord(ch)
    if code < 0x0590:
        return None
    i = bisect.bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= _RANGES[i][1]:
        return _RANGES[i][2]
    return None


_ANY = re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last, _ in _RANGES) + "]")


def first_unshaped(text: str) -> tuple[str, str] | None:
    """(script name, a short sample of it) for the first such character in ``text``, else None."""
    found = _ANY.search(text)
    if found is None:
        return None
    script = unshaped_script(found.group())
    assert script is not None
    return script, text[found.start() : found.start() + 12]


class UnshapedScriptError(Exception):
    """Text in a script the PDF cannot set; ``places`` are (script, sample, where) for each paragraph."""

    def __init__(self, places: list[tuple[str, str, str]]) -> None:
        self.places = tuple(places)
        shown = "；".join(f"{where}有{script}（“{sample}”）" for script, sample, where in places[:5])
        more = f"等 {len(places)} 处" if len(places) > 5 else ""
        super().__init__(
            f"{shown}{more}：这种文字需要连写或从右向左排版，PDF 无法正确显示；"
            "可在 Word 或 WPS 中打开 .docx 后另存为 PDF"
        )
