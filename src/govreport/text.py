"""Cleaning text that comes out of a workbook before it goes into a document.

openpyxl hands back Excel's ``_xHHHH_`` escapes verbatim (``_x000D_`` from in-cell line breaks), and
WordprocessingML cannot hold most control characters (python-docx raises at ``add_run``). Clean once,
where workbook text enters the Report.
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# Characters XML 1.0 cannot hold (tab, LF and CR are allowed and handled as line breaks / spaces).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def unescape_excel(text: str) -> str:
    """Undo Excel's ``_xHHHH_`` escapes (``_x005F_`` stands for a literal underscore)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def clean_text(text: str) -> str:
    """Excel escapes undone, CR/LF normalised to LF, characters XML cannot hold removed."""
    text = unescape_excel(text).replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub("", text)


def split_paragraphs(text: str) -> tuple[str, ...]:
    """A narrative cell becomes one paragraph per non-empty line, stripped of surrounding spaces
    (including the full-width indent clerks type by hand)."""
    lines = (line.strip(" \t\u3000") for line in clean_text(text).split("\n"))
    return tuple(line for line in lines if line)


def drop_invisible(text: str) -> str:
    """``text`` without format characters (Unicode category Cf: bidi controls, zero-width spaces and
    joiners, the byte-order mark): invisible, yet they make two equal-looking names differ and can
    disguise a file name's extension."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def body_key(name: str) -> str:
    """A body's name as compared across workbooks: full-width forms, spaces and invisible characters
    do not make another body."""
    return "".join(ch for ch in drop_invisible(unicodedata.normalize("NFKC", name)) if not ch.isspace())


def natural_key(text: str) -> tuple[tuple[str | int, ...], str]:
    """Sort key that compares the numbers in names as numbers: t2 before t10, 第9镇 before 第10镇."""
    parts = re.split(r"(\d+)", text)
    return tuple(int(p) if n % 2 else p.casefold() for n, p in enumerate(parts)), text


def shorten_list(items: list[str], shown: int = 5) -> str:
    """``a、b、c…及另外 N 个``: a long list of names cut to its first few."""
    if len(items) <= shown:
        return "、".join(items)
    return "、".join(items[:shown]) + f"…及另外 {len(items) - shown} 个"


def visible(text: str) -> str:
    """``text`` with invisible characters (zero-width spaces, bidi controls, control characters)
    written as ``<U+200B>``, so that a message shows why two labels that look alike differ."""
    if text.isprintable() and text.isascii():
        return text
    return "".join(
        f"<U+{ord(ch):04X}>"
        if unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp") and ch not in "\n"
        else ch
        for ch in text
    )


def join_lines(text: str) -> str:
    """A one-line value typed over several lines (Alt+Enter in a long 机关名称): the lines joined with
    nothing between them — a space only between two Latin letters or digits — and spaces around each
    line dropped."""
    lines = [line.strip(" \t\u3000") for line in clean_text(text).split("\n")]
    joined = ""
    for line in (x for x in lines if x):
        if (
            joined
            and joined[-1].isascii()
            and joined[-1].isalnum()
            and line[0].isascii()
            and line[0].isalnum()
        ):
            joined += " "
        joined += line
    return joined
