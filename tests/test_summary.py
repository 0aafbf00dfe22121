"""The batch summary files an office keeps: the same rows as JSON, CSV (Excel-friendly) and XLSX."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from govreport.batch import Row, with_error
from govreport.findings_format import FileResult
from govreport.summary import COLUMNS, CONSOLE_COLUMNS, to_table, write_summary

ROWS = [
    Row(
        FileResult("a/甲镇.xlsx", "甲镇人民政府", 2024, ()),
        "已生成",
        outputs=("out/甲镇人民政府-2024年报.pdf",),
    ),
    Row(FileResult("a/坏.xlsx", None, None, (), error="坏.xlsx：文件是空的"), "无法读取"),
    with_error(
        Row(FileResult("a/乙镇.xlsx", "乙镇人民政府", 2024, ()), ""),
        "build-failed",
        "无法写入输出目录",
        "无法生成",
    ),
]


def _read(path: Path) -> list[list[str]]:
    if path.suffix == ".json":
        return [[str(r[c]) for c in COLUMNS] for r in json.loads(path.read_text(encoding="utf-8"))]
    if path.suffix == ".csv":
        return [list(r.values()) for r in csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines())]
    ws = openpyxl.load_workbook(path).active
    return [["" if v is None else str(v) for v in row] for row in ws.iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize("suffix", [".json", ".csv", ".xlsx"])
def test_every_format_holds_the_same_rows(tmp_path: Path, suffix: str) -> None:
    rows = _read(write_summary(ROWS, tmp_path / f"汇总{suffix}"))
    assert [(r[0], r[3], r[4]) for r in rows] == [
        ("a/甲镇.xlsx", "已生成", "0"),
        ("a/坏.xlsx", "无法读取", "1"),
        ("a/乙镇.xlsx", "无法生成", "1"),
    ]
    assert rows[1][7] == "坏.xlsx：文件是空的"
    assert rows[2][7] == "无法写入输出目录"


def test_console_table_lines_up_and_counts() -> None:
    lines = to_table(ROWS).splitlines()
    assert lines[0].split() == list(CONSOLE_COLUMNS)
    assert lines[2].split()[:3] == ["甲镇.xlsx", "已生成", "0/0"]
    assert lines[-2] == "共 3 个工作簿：1 个无错误，2 个有错误或无法处理。"
    assert "坏.xlsx：文件是空的" in lines[3] and "无法写入输出目录" in lines[4]
