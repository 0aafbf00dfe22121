"""Each rule through a real workbook: our template, filled by a script, one cell broken by hand, then
``check_workbook``. The finding must name the rule and the cell a clerk sees in Excel — for both formats."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from factories import workbook_data

from govreport.api import check_workbook
from govreport.formats import CellKey, get_format
from govreport.workbook import names
from govreport.workbook.fill import fill_workbook
from govreport.workbook.template import build_template

FORMATS = ("gb2021", "gb2019")
YEAR = {"gb2021": 2024, "gb2019": 2020}


def _book(tmp_path: Path, format_id: str) -> Path:
    cells = {
        CellKey("t3", "一", "自然人"): 4,
        CellKey("t3", "（一）", "自然人"): 3,
        CellKey("t3", "四", "自然人"): 1,
    }
    data = workbook_data("测试镇人民政府", YEAR[format_id], cells)
    return fill_workbook(tmp_path / f"{format_id}.xlsx", data, fmt=get_format(format_id))


def _where(format_id: str, key: CellKey) -> tuple[str, str]:
    _, where = build_template(get_format(format_id))
    return where.values[key]


def _break(path: Path, sheet: str, cell: str, value: object) -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


# (rule, the cell changed, the value written there, the cell the finding must name)
CASES = [
    ("R1", ("t3", "四", "自然人"), 2, ("t3", "四", "自然人")),
    ("R2", ("t3", "一", "总计"), 9, ("t3", "一", "总计")),
    ("R3", ("t3", "（七）", "自然人"), 5, ("t3", "（七）", "自然人")),
    ("R4", ("t4", "案件数", "行政复议/总计"), 3, ("t4", "案件数", "行政复议/总计")),
    ("R5", ("t3", "（二）", "商业企业"), "无", ("t3", "（二）", "商业企业")),
    ("R5", ("t4", "案件数", "行政复议/结果纠正"), 1.5, ("t4", "案件数", "行政复议/结果纠正")),
    ("R5", ("t3", "二", "其他"), -1, ("t3", "二", "其他")),
]


@pytest.mark.parametrize("format_id", FORMATS)
def test_filled_template_passes(tmp_path: Path, format_id: str) -> None:
    result = check_workbook(_book(tmp_path, format_id)).result
    assert result.valid, [(f.rule, f.place, f.message) for f in result.errors]


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize(("rule", "changed", "value", "expected"), CASES)
def test_one_broken_cell_is_found_where_it_is(
    tmp_path: Path,
    format_id: str,
    rule: str,
    changed: tuple[str, str, str],
    value: object,
    expected: tuple[str, str, str],
) -> None:
    book = _book(tmp_path, format_id)
    _break(book, *_where(format_id, CellKey(*changed)), value)
    result = check_workbook(book).result
    sheet, cell = _where(format_id, CellKey(*expected))
    assert (rule, sheet, cell) in {(f.rule, f.sheet, f.cell) for f in result.errors}


@pytest.mark.parametrize("format_id", FORMATS)
def test_renamed_label_is_q6_at_its_cell(tmp_path: Path, format_id: str) -> None:
    book = _book(tmp_path, format_id)
    wb = openpyxl.load_workbook(book)
    sheet = names.TABLE_SHEETS["t3"]
    printed = get_format(format_id).table("t3").row("（五）2").label
    label = next(c for row in wb[sheet].iter_rows() for c in row if c.value == printed)
    label.value = printed + "（含多次）"
    wb.save(book)
    errors = check_workbook(book).result.errors
    assert ("Q6", sheet, label.coordinate) in {(f.rule, f.sheet, f.cell) for f in errors}
