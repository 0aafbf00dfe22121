"""The three statutory tables as open data, for the 数据开放 column of a portal.

Each table becomes a CSV file (UTF-8 with BOM, so Excel opens it in Chinese; one line per statutory row;
the official row and column labels) and all three together one JSON file keyed by the format's cell keys
(table id, row key, column key, as in ``formats``), with the labels beside them. The numbers are the ones
the report prints. Every label comes from the Format.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from .document.tables import number_text
from .formats import CellKey, Column, Format, Table, get_format
from .model import Report
from .text import clean_text

PATH_SEPARATOR = "/"


def open_data_files(report: Report) -> list[tuple[str, bytes]]:
    """(file name suffix, content): ``-表二.csv``, ``-表三.csv``, ``-表四.csv`` and ``-数据.json``."""
    fmt = get_format(report.format_id)
    files = [(f"-{_table_name(t)}.csv", table_csv(fmt, report, t)) for t in fmt.tables]
    return [*files, ("-数据.json", tables_json(fmt, report))]


def table_csv(fmt: Format, report: Report, table: Table) -> bytes:
    """One line per statutory row: its labels (outer groups first, as in the printed table) and one
    column per value column of the table, the value as printed (empty where a row's block lacks the
    column, as in the printed table 二)."""
    columns = _columns(table, report)
    captions = any(b.caption for b in table.blocks)
    depth = max((len(r.group) + 1 for b in table.blocks for r in b.rows if r.label), default=0)
    head = ["条款"] if captions else []
    head += _label_heads(table, depth)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*head, *columns.values()])
    for block in table.blocks:
        keys = {c.key for c in block.columns}
        for row in block.rows:
            labels = [*row.group, row.label] if row.label else []
            line = [block.caption or ""] if captions else []
            line += labels + [""] * (depth - len(labels))
            line += [
                number_text(report, CellKey(table.id, row.key, key)) if key in keys else "" for key in columns
            ]
            writer.writerow(line)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def tables_json(fmt: Format, report: Report) -> bytes:
    """``{"tables": [{"id": "t3", "rows": {key: label}, "columns": {key: label}, "values": {row key:
    {column key: number}}}, …]}`` with the body, year and format at the top."""
    tables = []
    for table in fmt.tables:
        values: dict[str, dict[str, int | float | str]] = {}
        for block in table.blocks:
            for row in block.rows:
                values[row.key] = {
                    c.key: _number(report, CellKey(table.id, row.key, c.key)) for c in block.columns
                }
        tables.append(
            {
                "id": table.id,
                "name": _table_name(table),
                "title": fmt.section(table.section).heading,
                "rows": {
                    r.key: PATH_SEPARATOR.join((*r.group, r.label)) for b in table.blocks for r in b.rows
                },
                "columns": _columns(table, report),
                "values": values,
            }
        )
    data = {
        "name": report.name,
        "year": report.year,
        "format": fmt.id,
        "notice": fmt.notice,
        "tables": tables,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _table_name(table: Table) -> str:
    return f"表{table.section}"


def _label_heads(table: Table, depth: int) -> list[str]:
    """Headers of the label columns: the table's own (``信息内容``) where it has one, else 项目 with
    the level below the first."""
    own = next((b.head_label for b in table.blocks if b.head_label), None)
    if depth == 1 and own:
        return [own]
    return ["项目" if i == 0 else f"项目（第{i + 1}级）" for i in range(depth)]


def _columns(table: Table, report: Report) -> dict[str, str]:
    """Column key -> the label a reader sees: the printed label (with its unit where the workbook gives
    one), prefixed by its group labels where the label alone is not unique in the table."""
    columns: dict[str, Column] = {}
    for block in table.blocks:
        for column in block.columns:
            columns.setdefault(column.key, column)
    labels = [c.label for c in columns.values()]
    return {
        key: PATH_SEPARATOR.join(
            (*column.path, _header(column, report))
            if labels.count(column.label) > 1
            else (_header(column, report),)
        )
        for key, column in columns.items()
    }


def _header(column: Column, report: Report) -> str:
    if not (column.units and column.unit_label):
        return column.label
    detail = report.details.get(column.unit_label)
    return column.header(clean_text(detail.text).strip() if detail else None)


def _number(report: Report, key: CellKey) -> int | float | str:
    """A whole number as a JSON integer, an amount as a JSON number (exact up to 15 digits, more than an
    amount in 万元 has), anything else as its printed text."""
    number = report.number(key)
    if isinstance(number, Decimal):
        as_float = float(number)
        return as_float if Decimal(repr(as_float)) == number else format(number, "f")
    return number if isinstance(number, int) else number_text(report, key)


__all__ = ["open_data_files", "table_csv", "tables_json"]
