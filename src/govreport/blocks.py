"""The neutral document model: what the report says, as a list of blocks.

``document.outline(report)`` builds a :class:`Document`; the .docx and PDF renderers each turn its blocks
into their medium. Renderers never look at the Report or the format, only at these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Align = Literal["left", "center", "right", "justify"]
# Where the page number goes: ``outer`` as GB/T 9704 §7.5 (odd pages right, even pages left, one
# character in), ``center`` as many offices print it.
PageNumbers = Literal["outer", "center"]
PAGE_NUMBER_PLACES: tuple[PageNumbers, ...] = ("outer", "center")
# What a report prints where content is missing; the published-report reader takes it for nothing.
PLACEHOLDER = "【待填写】"


@dataclass(frozen=True)
class Title:
    """The report title, one entry per printed line (机关名称 / YYYY年政府信息公开工作年度报告); ``words``
    cuts each line into the pieces a narrow screen may set on lines of their own (empty: not cut)."""

    lines: tuple[str, ...]
    words: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Heading:
    """A heading: level 1 is ``一、…`` (黑体), level 2 is ``（一）…`` (楷体)."""

    text: str
    level: int
    bookmark: bool = False  # level-1 section headings go into the PDF outline


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph with first-line indent. ``lead`` is a run-in sub-heading printed in 楷体 at the
    start (``（一）存在的主要问题。``); ``placeholder`` marks text that stands for missing content (【待填写】);
    ``align`` right is used for the closing signature. ``space_before`` is blank space above the paragraph
    in body lines, ``right_indent`` the space kept free at the right edge in body characters;
    ``keep_with_next`` keeps it on the page of the next block (the signature's name with its date)."""

    text: str
    lead: str | None = None
    placeholder: bool = False
    align: Align = "justify"
    indent: bool = True
    space_before: float = 0.0
    right_indent: float = 0.0
    keep_with_next: bool = False


class Cell(NamedTuple):
    """One cell of a table grid. Cells covered by another cell's span are not listed at all.

    ``role``: ``caption`` (shaded caption row of table 二), ``header`` (column labels), ``note`` (the 勾稽
    note), ``label`` (row labels), ``number`` (a value). A named tuple: a report has some 400, and the
    renderers look each up in caches (hashed in C)."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    role: Literal["caption", "header", "note", "label", "number"] = "number"
    align: Align = "center"


@dataclass(frozen=True)
class TableBlock:
    """A statutory table. ``header_rows`` repeat on every page the table spans; ``widths`` are relative
    column widths of the grid (they sum to 1). ``text_size`` is the point size of labels and headers,
    ``number_size`` the one size of every value cell (small enough that no number wraps), ``note_size``
    the size of a ``note`` cell."""

    id: str
    header_rows: tuple[tuple[Cell, ...], ...]
    body_rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    notes: tuple[str, ...] = ()
    text_size: float = 10.5
    number_size: float = 10.5
    note_size: float = 9.0  # the 勾稽 note in the table's corner

    @property
    def columns(self) -> int:
        return len(self.widths)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


@dataclass(frozen=True)
class Figure:
    """A bar chart of published items (issue 6): caption printed below, bars in the given order."""

    caption: str
    bars: tuple[Bar, ...]
    unit: str = "条"


Block = Title | Heading | Paragraph | TableBlock | Figure


@dataclass(frozen=True)
class Document:
    """Everything a renderer needs. ``draft_mark`` is printed on every page when set; ``page_numbers``
    says where the page number goes."""

    blocks: tuple[Block, ...]
    title: str
    author: str
    subject: str = "政府信息公开工作年度报告"
    keywords: tuple[str, ...] = ()
    language: str = "zh-CN"
    date: str = ""  # ISO date used for document metadata (fixed, so output is reproducible)
    draft_mark: str | None = None
    page_numbers: PageNumbers = "outer"
    extra: dict[str, str] = field(default_factory=dict)
