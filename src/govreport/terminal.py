"""Text for a terminal: widths in columns (a Chinese character takes two), wrapping and clipping."""

from __future__ import annotations

import re
import unicodedata


def display_width(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’"
_TOKEN = re.compile(rf"[{_WIDE}]|[^\s{_WIDE}]+|\s+")  # one Chinese character, a word, or spaces
_NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)"
_NO_LINE_END = "（《「『“‘("


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns: Chinese breaks between any two characters, other words stay
    whole, closing punctuation never starts a line, opening punctuation never ends one."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            if line:
                line += " "
            continue
        if display_width(line + token) <= width or not line.strip():
            line += token
            continue
        carried = ""
        if token[0] in _NO_LINE_START:  # take back the marks and the character before them
            while line and line[-1] in _NO_LINE_START:
                line, carried = line[:-1], line[-1] + carried
            if line and display_width(line[-1]) == 2:
                line, carried = line[:-1], line[-1] + carried
        while line and line[-1] in _NO_LINE_END:
            line, carried = line[:-1], line[-1] + carried
        if not line.strip():  # nowhere to break: let the line run long
            line += carried + token
            continue
        lines.append(line.rstrip())
        line = carried + token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, with "…" when something was cut."""
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"
