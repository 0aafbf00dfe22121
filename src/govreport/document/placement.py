"""Where the title breaks and where the closing signature stands (GB/T 9704 §7.3.1, §7.3.5.2).

Both are decided here once, in characters of the text block, so the .docx and the PDF agree: the renderers
only centre the title's lines and right-align the signature's with the indents given.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from .phrases import PLACEHOLDER, REPORT_NAME_WORDS

# A 2号 (22 pt) title line holds 20 characters of the 156 mm text block; a name is set on at most three.
TITLE_CHARS = 20
NAME_LINES = 3
# Places a body's name may break: after an administrative level or an organ's generic ending, never inside
# a parenthesised part (中国（山东）自由贸易试验区). Longest endings first, so 自治区 wins over 区.
_BOUNDARY = re.compile(
    r"(?:自治区|自治州|自治县|特别行政区|省|市|地区|盟|州|县|旗|新区|区|镇|乡|街道办事处|街道|"
    r"管理委员会|委员会|人民政府|办公室|办事处|管委会|局|厅|委|办|院|中心|片区)"
)
# Where a title line may break besides a name's boundaries: after the year, between the report name's words
_TITLE_WORDS = re.compile(rf"\d+年|{re.escape(REPORT_NAME_WORDS[0])}|{re.escape(PLACEHOLDER)}年")
LINE_CHARS = 28  # body characters in a line of the text block
# 2 characters: the signature's right indent, and how far right of its first character the date starts.
SIGNATURE_SHIFT = 2.0


def ems(text: str) -> float:
    """Width of ``text`` in body characters: a Chinese (wide) character is one, a digit or Latin letter
    half of one."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def name_lines(name: str, width: float = TITLE_CHARS) -> tuple[str, ...]:
    """The body's name as title lines of at most ``width`` characters, broken only where a level of the
    administration or an organ's name ends; the lines as even as the boundaries allow (a trapezoid, not
    a full line over a short one). A name without usable boundaries stays one line (the renderer wraps
    it)."""
    if ems(name) <= width or ems(name) > NAME_LINES * width:
        return (name,)
    cuts = _boundaries(name)
    for count in range(2, min(len(cuts) + 1, NAME_LINES) + 1):
        best = _best_split(name, cuts, count, width)
        if best is not None:
            return best
    return (name,)


def title_words(line: str) -> tuple[str, ...]:
    """A title line in the pieces a narrow screen may set on lines of their own: a body's name cut where
    :func:`name_lines` may break it, the year line after the year and between the report name's words
    (never 报 / 告 with one character alone)."""
    cuts = {*_boundaries(line), *(m.end() for m in _TITLE_WORDS.finditer(line) if 0 < m.end() < len(line))}
    bounds = [0, *sorted(cuts), len(line)]
    return tuple(line[a:b] for a, b in itertools.pairwise(bounds))


def _boundaries(name: str) -> list[int]:
    """Indexes after which a line may end, outside parentheses, never at the very end."""
    depth, open_at = 0, []
    for ch in name:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        open_at.append(depth)
    cuts = []
    for m in _BOUNDARY.finditer(name):
        end = m.end()
        if 0 < end < len(name) and open_at[end - 1] == 0 and (not cuts or cuts[-1] != end):
            cuts.append(end)
    return cuts


def _best_split(name: str, cuts: list[int], count: int, width: float) -> tuple[str, ...] | None:
    """The split into ``count`` lines, each within ``width``, whose longest line is shortest."""
    best: tuple[str, ...] | None = None
    best_key: tuple[float, float] | None = None

    def walk(start: int, chosen: list[int]) -> None:
        nonlocal best, best_key
        if len(chosen) == count - 1:
            bounds = [0, *chosen, len(name)]
            lines = tuple(name[a:b] for a, b in itertools.pairwise(bounds))
            widths = [ems(line) for line in lines]
            if max(widths) <= width:
                key = (max(widths), -widths[-1])  # evenest; then the longer line last (a trapezoid)
                if best_key is None or key < best_key:
                    best, best_key = lines, key
            return
        for k, cut in enumerate(cuts[start:], start):
            walk(k + 1, [*chosen, cut])

    walk(0, [])
    return best


def signature_indents(name: str, date: str) -> tuple[float, float]:
    """Right indents (in body characters) of the signature and the date under it, GB/T 9704 §7.3.5.2:
    the signature two characters from the right edge and the date's first character two characters right
    of the signature's first; when the date is the longer, the date keeps two characters from the right
    edge and the signature moves left to match."""
    signature, dated = ems(name), ems(date)
    name_right = SIGNATURE_SHIFT
    date_right = name_right + signature - SIGNATURE_SHIFT - dated
    if date_right < SIGNATURE_SHIFT:
        date_right = SIGNATURE_SHIFT
        name_right = date_right + dated + SIGNATURE_SHIFT - signature
    if name_right + signature > LINE_CHARS:  # a name too long for its indent: as far right as it fits
        name_right = max(LINE_CHARS - signature, 0.0)
        date_right = min(max(name_right + signature - SIGNATURE_SHIFT - dated, 0.0), LINE_CHARS - dated)
    return name_right, date_right
