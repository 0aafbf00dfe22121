"""How a clerk reads a cell: table name, row and column labels, numbers as written.

Every label comes from the Format; nothing here spells a statutory label.
"""

from __future__ import annotations

from decimal import Decimal

from ..formats import CellKey, Column, Format
from ..model import Number


def table_name(fmt: Format, table_id: str) -> str:
    """``表三`` for table ``t3``: the tables are numbered after the section they are printed in."""
    return f"表{fmt.table(table_id).section}"


def row_label(fmt: Format, key: CellKey) -> str | None:
    """The row's label with its inner group labels, e.g. ``（三）不予公开 1.属于国家秘密``.

    The outermost group of a sub-row (``三、本年度办理结果``) is left out: it names the whole item, not the row.
    """
    row = fmt.table(key.table).row(key.row)
    return " ".join((*row.group[1:], row.label)) or None


def column_label(fmt: Format, key: CellKey) -> str:
    """The column's label with the group labels that tell it apart, e.g. ``法人或其他组织 商业企业`` or
    ``行政诉讼 复议后起诉 总计``. A header spanning every column of the block (``申请人情况``) is left out."""
    block = fmt.table(key.table).block_of(key.row)
    column = _column(block.columns, key.column)
    shared = _shared_prefix(tuple(c.path for c in block.columns))
    return " ".join((*column.path[shared:], column.label))


def cell_name(fmt: Format, key: CellKey) -> str:
    """``表三“四、结转下年度继续办理”×“自然人”``; a table without row labels names the column only."""
    row = row_label(fmt, key)
    column = f"“{column_label(fmt, key)}”"
    prefix = "上年报告" if key.previous else ""
    if row is None:
        return f"{prefix}{table_name(fmt, key.table)}{column}"
    return f"{prefix}{table_name(fmt, key.table)}“{row}”×{column}"


def term_name(fmt: Format, key: CellKey, target: CellKey) -> str:
    """A cell named relative to the cell being checked: the column alone when it shares the row (also
    last year's value of the same cell), the row alone when it shares the column, in full otherwise;
    ``上年报告`` marks last year's cells."""
    prefix = "上年报告" if key.previous else ""
    if key.table != target.table:
        return cell_name(fmt, key)
    if key.row == target.row:
        return f"{prefix}“{_short_column(fmt, key, target)}”"
    row = row_label(fmt, key)
    if key.column == target.column and row is not None:
        return f"{prefix}“{row}”"
    return cell_name(fmt, key)


def _short_column(fmt: Format, key: CellKey, target: CellKey) -> str:
    """The leaf label when it is clear: no other column of the block has it, or the column sits under
    the same group as the target's (``结果维持`` beside ``行政复议 总计``); else the full column label."""
    block = fmt.table(key.table).block_of(key.row)
    column = _column(block.columns, key.column)
    target_path = next((c.path for c in block.columns if c.key == target.column), None)
    if column.path == target_path or sum(c.label == column.label for c in block.columns) == 1:
        return column.label
    return column_label(fmt, key)


def number_text(value: Number) -> str:
    """A number as a clerk writes it: ``3``, ``-18``, ``18651.06`` (never ``1E+3``)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _column(columns: tuple[Column, ...], key: str) -> Column:
    return next(c for c in columns if c.key == key)


def _shared_prefix(paths: tuple[tuple[str, ...], ...]) -> int:
    """How many leading group labels every column of a block has in common."""
    n = 0
    while paths and all(len(p) > n and p[n] == paths[0][n] for p in paths):
        n += 1
    return n


__all__ = ["cell_name", "column_label", "number_text", "row_label", "table_name", "term_name"]
