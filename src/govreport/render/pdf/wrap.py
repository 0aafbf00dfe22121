"""Chinese line breaking with 避头尾 (kinsoku), independent of reportlab.

reportlab's ``wordWrap='CJK'`` lets ，；：！？”》 start a line and lets （《“ end one (spec §3.4), so the PDF
renderer breaks lines here. Text is cut into units that may not be split (a Chinese character, a run of
Latin letters and digits such as ``2022`` or ``0631-8641088``, a space); lines are filled greedily, and when
the break would put a closing mark at a line start or an opening mark at a line end, the break moves back
(the last units go to the next line: 推出). Lines come out a little short rather than hang past the margin,
so a table cell never overflows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Marks that never start a line: closing brackets and quotes, pause and stop marks, dashes, ellipses.
CANNOT_START = frozenset("，。、；：？！）》」』”’…—〕】〉］｝〗〙〞・·～％‰℃°" + ",.;:?!)]}%")
# Marks that never end a line: opening brackets and quotes.
CANNOT_END = frozenset("（《「『“‘〔【〈［｛〖〘〝" + "([{")

# Marks that may hang past the end of a full line rather than push its last character down (Word's
# 允许标点溢出边界, on by default in Chinese Word, and LibreOffice do so): body text breaks where they do.
HANGING = frozenset("，。、；：？！")

EPSILON = 1e-6
# Where a Latin run wider than a line (a URL in a narrow cell) may break: after each run of ``/`` or ``.``
# (``http://`` | ``www.`` | ``example.`` | ``gov.`` | ``cn``).
_PARTS = re.compile(r"[^/.]*[/.]+|[^/.]+")


def is_word_char(ch: str) -> bool:
    """Characters that bind into one unbreakable Latin/number run."""
    return ch.isascii() and not ch.isspace() and ch not in "([{"


def units(text: str) -> list[str]:
    """Cut text into the pieces a line may break between."""
    out: list[str] = []
    for ch in text:
        if out and is_word_char(ch) and is_word_char(out[-1][-1]):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def glued(before: str, after: str) -> bool:
    """True when two pieces are parts of one Latin run (cut by ``split_long``): no justification space
    between them."""
    return is_word_char(before[-1]) and is_word_char(after[0])


def may_break(before: str, after: str) -> bool:
    """True when a line may end with ``before`` and the next begin with ``after``."""
    if after.isspace() or before.isspace():
        return True
    return after[0] not in CANNOT_START and before[-1] not in CANNOT_END


def break_lines(
    pieces: Sequence[str],
    widths: Sequence[float],
    first_width: float,
    width: float,
    *,
    no_lone_last: bool = False,
    hang: bool = False,
) -> list[tuple[int, int]]:
    """Lines as (start, end) ranges of ``pieces``. Spaces at a line start are left out; the line widths
    are ``first_width`` for the first line (after the indent) and ``width`` for the others.
    ``no_lone_last``: a last line of one character takes the last legal piece of the line before along.
    ``hang``: one mark of ``HANGING`` that would start the next line hangs past the end of this one."""
    lines: list[tuple[int, int]] = []
    i, n = 0, len(pieces)
    while i < n:
        if lines:
            while i < n and pieces[i].isspace():
                i += 1
            if i == n:
                break
        room = first_width if not lines else width
        k, used = i, 0.0
        while k < n and (used + widths[k] <= room + EPSILON or pieces[k].isspace()):
            used += widths[k]
            k += 1
        if (
            hang
            and i < k < n
            and pieces[k] in HANGING
            and (k + 1 == n or may_break(pieces[k], pieces[k + 1]))
        ):
            k += 1
        elif k < n:
            k = _legal_break(pieces, i, max(k, i + 1))
        lines.append((i, k))
        i = k
    if no_lone_last and len(lines) > 1:
        _no_lone_last(pieces, lines)
    return lines


def _no_lone_last(pieces: Sequence[str], lines: list[tuple[int, int]]) -> None:
    (s0, e0), (s1, e1) = lines[-2], lines[-1]
    if e1 - s1 != 1 or len(pieces[s1]) != 1 or e0 - s0 < 3:
        return
    k = _legal_break(pieces, s0, e0 - 1)
    if s0 < k < e0:
        lines[-2:] = [(s0, k), (k, e1)]


def _legal_break(pieces: Sequence[str], start: int, end: int) -> int:
    """The last break at or before ``end`` that keeps 避头尾. A line with no such break (one long unit
    followed by a mark, or a very narrow cell) lets the marks hang past the line end instead."""
    for k in range(end, start, -1):
        if may_break(pieces[k - 1], pieces[k]):
            return k
    k = end
    while k < len(pieces) and not may_break(pieces[k - 1], pieces[k]):
        k += 1
    return k


def line_width(pieces: Sequence[str], widths: Sequence[float], start: int, end: int) -> float:
    """Width of a line without trailing spaces."""
    while end > start and pieces[end - 1].isspace():
        end -= 1
    return sum(widths[start:end])


def split_long(pieces: list[str], measure: Callable[[str], float], width: float) -> list[str]:
    """Split a Latin/number run wider than a line (a long URL in a narrow cell) after its slashes and
    dots, and a part still wider than the line into characters."""
    out: list[str] = []
    for piece in pieces:
        if len(piece) > 1 and measure(piece) > width:
            for part in _PARTS.findall(piece):
                out.extend(part if len(part) > 1 and measure(part) > width else (part,))
        else:
            out.append(piece)
    return out


def violations(lines: Sequence[str]) -> list[tuple[int, str]]:
    """(line number, line) of each line that starts with a closing or ends with an opening mark."""
    bad = []
    for i, line in enumerate(lines):
        text = line.strip()
        if text and (text[0] in CANNOT_START or text[-1] in CANNOT_END):
            bad.append((i, line))
    return bad
