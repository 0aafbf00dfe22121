"""The types that describe a statutory format of the annual report.

A format module (``gb2021``, ``gb2019``) builds one :class:`Format` out of these types. Everything that
knows a statutory label, a table layout or a rule reads it from there: the template writer, the reader,
the checks and the document outline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Kind(Enum):
    """What a value cell may hold."""

    COUNT = "count"  # whole number >= 0
    SIGNED = "signed"  # whole number, may be negative (gb2019 本年增/减)
    AMOUNT = "amount"  # decimal >= 0, kept exact (万元 / 元)


class CellKey(NamedTuple):
    """One value of a statutory table: table id, row key and column key.

    ``previous`` marks the value of the previous year's report (cross-year rules). A named tuple, not a
    dataclass: keys are hashed and compared hundreds of thousands of times in a batch, and a tuple does
    both in C.
    """

    table: str
    row: str
    column: str
    previous: bool = False

    def of_previous_year(self) -> CellKey:
        return CellKey(self.table, self.row, self.column, previous=True)


@dataclass(frozen=True)
class Column:
    """A value column. ``path`` holds the group labels printed above the leaf label, outermost first.

    ``units``: an amount whose unit the format leaves open (gb2019 采购总金额) is given in the workbook,
    in a cell labelled ``unit_label`` holding one of ``units`` (the first is the template's default);
    the header then prints :meth:`header`."""

    key: str
    label: str
    path: tuple[str, ...] = ()
    kind: Kind = Kind.COUNT
    units: tuple[str, ...] = ()
    unit_label: str | None = None

    def header(self, unit: str | None) -> str:
        """``采购总金额（单位：万元）``; the bare label without a unit."""
        return f"{self.label}（单位：{unit}）" if unit else self.label


@dataclass(frozen=True)
class Row:
    """A value row. ``group`` holds the merged group labels left of the leaf label, outermost first."""

    key: str
    label: str
    group: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """A rectangular part of a table: optional caption row, a header, value rows.

    Table 二 has one block per article item (caption ``第二十条第（一）项`` …, header starting with
    ``信息内容``); tables 三 and 四 are one block each.
    """

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    caption: str | None = None
    head_label: str | None = None  # label over the row labels (``信息内容``), if the header has one
    corner_note: str | None = None  # text of the merged top-left header cell (table 三's 勾稽 note)

    @property
    def header_depth(self) -> int:
        return 1 + max((len(c.path) for c in self.columns), default=0)

    @property
    def label_width(self) -> int:
        """Number of grid columns taken by row labels (0 when rows have no labels)."""
        if all(not r.label and not r.group for r in self.rows):
            return 0
        return 1 + max(len(r.group) for r in self.rows)


@dataclass(frozen=True)
class Table:
    id: str  # "t2", "t3", "t4": follows the section numbering 二/三/四
    section: str  # "二"
    blocks: tuple[Block, ...]

    @property
    def grid_width(self) -> int:
        """Columns of the printed grid: row labels plus the widest block's value columns."""
        return max(b.label_width for b in self.blocks) + max(len(b.columns) for b in self.blocks)

    def cell_keys(self) -> list[CellKey]:
        return [
            CellKey(self.id, row.key, col.key) for b in self.blocks for row in b.rows for col in b.columns
        ]

    def block_of(self, row_key: str) -> Block:
        for b in self.blocks:
            if any(r.key == row_key for r in b.rows):
                return b
        raise KeyError(row_key)

    def row(self, row_key: str) -> Row:
        return next(r for r in self.block_of(row_key).rows if r.key == row_key)

    def column(self, row_key: str, column_key: str) -> Column:
        return next(c for c in self.block_of(row_key).columns if c.key == column_key)


@dataclass(frozen=True)
class Equation:
    """A rule of the form ``target = sum(plus) - sum(minus)``.

    ``total`` marks a 总计 cell that the template computes with a formula and that a hand-made workbook
    may leave blank (it is then derived from its parts, with a warning).
    """

    rule: str  # R1 … R6, X1 … X3
    type: str  # kebab-case finding type, e.g. "sum-mismatch"
    target: CellKey
    plus: tuple[CellKey, ...]
    minus: tuple[CellKey, ...] = ()
    total: bool = False
    severity: str = "error"
    source: str = ""  # the notice and clause it comes from

    @property
    def cross_year(self) -> bool:
        return any(k.previous for k in (self.target, *self.plus, *self.minus))


@dataclass(frozen=True)
class Inequality:
    """A quality rule ``lesser <= greater`` (warning)."""

    rule: str
    type: str
    lesser: CellKey
    greater: CellKey
    severity: str = "warning"
    source: str = ""


@dataclass(frozen=True)
class SubtotalRule:
    """A subtotal some third-party templates add and the official one lacks (R6): a row summing
    ``rows`` in every column, or a column summing ``columns`` in every row. ``labels`` are the
    spellings a workbook may use (compared after label normalisation)."""

    table: str
    labels: tuple[str, ...]
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyFigure:
    """A figure of the roll-up overview (汇总来源): a short title and the cells it adds up, e.g.
    ``行政诉讼`` = the totals of both litigation groups of table 四."""

    title: str
    cells: tuple[CellKey, ...]


@dataclass(frozen=True)
class Section:
    """One of the six sections. ``table`` names the statutory table printed in it, if any."""

    number: str  # "一" … "六"
    heading: str  # exactly as printed, e.g. "一、总体情况"
    table: str | None = None
    subheadings: tuple[str, ...] = ()  # customary sub-headings (section 一)
    aliases: tuple[str, ...] = ()  # longer names tolerated in a workbook
    # what each sub-heading is about: words any office's own wording of it contains (主动公开 …), so a
    # sub-heading is recognised by its meaning whatever else it says
    meanings: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Format:
    id: str  # "gb2021"
    notice: str  # the notice that issued it
    first_year: int
    last_year: int | None
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    equations: tuple[Equation, ...]
    inequalities: tuple[Inequality, ...] = ()
    # section 六's default sub-items; the first is the 信息处理费 item where the format requires it
    other_items: tuple[str, ...] = ()
    fee_item: str | None = None
    overview_char_limit: int | None = None
    # Q1: the 其他处理 cell(s) whose share of the result total is watched, and the share that warns
    other_handling: tuple[CellKey, ...] = ()
    result_total: CellKey | None = None
    other_handling_share: float = 0.1
    # words that show section 六 reports the 信息处理费 (Q3)
    fee_words: tuple[str, ...] = ()
    placeholders: dict[str, str] = field(default_factory=dict)
    subtotals: tuple[SubtotalRule, ...] = ()  # extra subtotals a workbook may carry (R6)
    key_figures: tuple[KeyFigure, ...] = ()  # a body's figures in the roll-up overview (汇总来源)

    def table(self, table_id: str) -> Table:
        return next(t for t in self.tables if t.id == table_id)

    def section(self, number: str) -> Section:
        return next(s for s in self.sections if s.number == number)

    def cell_keys(self) -> list[CellKey]:
        return [k for t in self.tables for k in t.cell_keys()]

    def kind_of(self, key: CellKey) -> Kind:
        return self.table(key.table).column(key.row, key.column).kind

    def total_keys(self) -> set[CellKey]:
        return {e.target for e in self.equations if e.total}

    def unit_columns(self) -> list[Column]:
        """The amount columns whose unit the workbook gives (:attr:`Column.units`)."""
        return [c for t in self.tables for b in t.blocks for c in b.columns if c.units]

    def covers(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)
