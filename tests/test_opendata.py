"""Open data: each statutory table as a CSV a portal's 数据开放 column takes (UTF-8 with BOM, one line per
statutory row, the official labels) and all of them as JSON keyed by the format's cell keys; the numbers
are the report's, amounts exactly as entered."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from factories import make_report

from govreport.formats import CellKey, Kind, get_format
from govreport.opendata import open_data_files, table_csv, tables_json

FORMATS = ["gb2021", "gb2019"]


def numbered(format_id: str):  # type: ignore[no-untyped-def]
    """Every cell a different number (amounts with two decimals), so a misplaced value shows."""
    fmt = get_format(format_id)
    over = {}
    for i, key in enumerate(fmt.cell_keys()):
        over[key] = Decimal(f"{i}.50") if fmt.kind_of(key) is Kind.AMOUNT else 100 + i
    return make_report(format_id, overrides=over)


def printed(number: object) -> str:
    return format(number, "f") if isinstance(number, Decimal) else str(number)


@pytest.mark.parametrize("format_id", FORMATS)
def test_csv_has_one_line_per_statutory_row_with_labels_and_numbers(format_id: str) -> None:
    fmt, report = get_format(format_id), numbered(format_id)
    for table in fmt.tables:
        data = table_csv(fmt, report, table)
        assert data.startswith(b"\xef\xbb\xbf")
        head, *lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        rows = [(block, row) for block in table.blocks for row in block.rows]
        assert len(lines) == len(rows) and len({len(line) for line in [head, *lines]}) == 1
        columns = {c.key: c for block in table.blocks for c in block.columns}
        values_at = len(head) - len(columns)
        for line, (block, row) in zip(lines, rows, strict=True):
            labels = [text for text in line[:values_at] if text]
            assert labels == [t for t in (block.caption, *row.group, row.label) if t]
            for key, text in zip(columns, line[values_at:], strict=True):
                cell = CellKey(table.id, row.key, key)
                assert text == (printed(report.number(cell)) if cell in report.values else ""), cell
        for column, label in zip(columns.values(), head[values_at:], strict=True):
            assert label.endswith(column.label)


@pytest.mark.parametrize("format_id", FORMATS)
def test_json_holds_every_cell_under_its_format_keys(format_id: str) -> None:
    fmt, report = get_format(format_id), numbered(format_id)
    data = json.loads(tables_json(fmt, report))
    assert (data["name"], data["year"], data["format"]) == (report.name, report.year, format_id)
    assert [t["id"] for t in data["tables"]] == [t.id for t in fmt.tables]
    found = {}
    for table in data["tables"]:
        for row, cells in table["values"].items():
            assert row in table["rows"]
            for column, value in cells.items():
                assert column in table["columns"]
                found[CellKey(table["id"], row, column)] = value
    assert set(found) == set(fmt.cell_keys())
    for key, value in found.items():
        number = report.number(key)
        assert value == (float(number) if isinstance(number, Decimal) else number), key
        assert isinstance(value, int) is (fmt.kind_of(key) is not Kind.AMOUNT)


def test_files_are_named_after_the_tables() -> None:
    names = [suffix for suffix, _ in open_data_files(make_report("gb2021"))]
    assert names == ["-表二.csv", "-表三.csv", "-表四.csv", "-数据.json"]
