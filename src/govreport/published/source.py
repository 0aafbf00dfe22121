"""What every published format becomes before it is read as a report: paragraphs, grids of cells and
pictures, in document order, each remembering where it came from.

A grid keeps a merged cell's text in its top-left cell and leaves the other cells of the merge empty,
exactly as a worksheet does, so the label-driven table reader reads it like a sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..blocks import PLACEHOLDER

Cell = str | None


@dataclass(frozen=True)
class Para:
    """One paragraph of running text; ``page`` is 1-based in a PDF, None elsewhere."""

    text: str
    page: int | None = None


@dataclass(frozen=True)
class Grid:
    """One table as printed: rows of cells (merges expanded), the page of each row (PDF) and the
    table's number in the document (1-based)."""

    rows: tuple[tuple[Cell, ...], ...]
    number: int
    pages: tuple[int | None, ...] = ()

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class Picture:
    """An image in the text flow (a table published as a picture is one)."""

    page: int | None = None


@dataclass(frozen=True)
class Chart:
    """A chart whose data the file carries (a Word chart): its categories and values in order, and
    the caption printed under it once the structure has found it."""

    items: tuple[tuple[str, str], ...]
    caption: str = ""
    page: int | None = None


Block = Para | Grid | Picture | Chart


@dataclass
class Source:
    """A published report as read: its blocks in order, plus what the file says about itself outside
    the text (a page title, a publication time on a portal page, the PDF's metadata)."""

    path: str
    kind: str  # "pdf", "docx", "html"
    blocks: list[Block] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # candidate report titles outside the body
    dates: list[str] = field(default_factory=list)  # candidate publication dates outside the body
    pages: int = 0  # pages with a text layer (PDF); 0 elsewhere
    blank_pages: int = 0  # PDF pages without any text (scanned)
    attachments: list[str] = field(default_factory=list)  # documents a portal page links to

    @property
    def paragraphs(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]

    @property
    def grids(self) -> list[Grid]:
        return [b for b in self.blocks if isinstance(b, Grid)]


_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_SPACE_RUN = re.compile(r"[ \t\r\n\xa0\u2002\u2003\u2009\u200b\u3000\ufeff]+")
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}]) (?=\S)|(?<=\S) (?=[{_CJK}])|(?<=\d) (?=[.．、])")


def tidy(text: str) -> str:
    """A line of extracted text: whitespace runs (``&nbsp;``, full-width spaces, line breaks) become
    one space, and a space next to a Chinese character or full-width punctuation, or between a number
    and its ``.``/``、``, is dropped (text extraction and Word-pasted markup put them there)."""
    text = _SPACE_RUN.sub(" ", text).strip()
    return _CJK_SPACE.sub("", text)


def tidy_cell(text: str) -> str | None:
    """A table cell's text: each line tidied, empty lines dropped; None when nothing is left or the
    cell says only that its content is still to be filled in (a draft's 【待填写】)."""
    lines = [t for t in (tidy(line) for line in text.split("\n")) if t]
    joined = "\n".join(lines)
    return None if not joined or placeholder(joined) else joined


def placeholder(text: str) -> bool:
    """Whether ``text`` is no content but the mark of missing content a draft prints (【待填写】,
    also with half-width brackets or spaces inside)."""
    return _SPACES.sub("", text).translate(_BRACKETS) == PLACEHOLDER


_SPACES = re.compile(r"\s+")
_BRACKETS = str.maketrans("[]", "【】")
