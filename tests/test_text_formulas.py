"""Formulas in narrative cells that Excel never calculated: computed when they join text and refer to
cells (table totals included), refused — never printed, never hanging — otherwise."""

from __future__ import annotations

import time

import pytest

from govreport.workbook.formulas import FormulaError
from govreport.workbook.text_formulas import evaluate_text

# Two sheets: the narrative's own (None) and 表三 with an input, a total written as =SUM and a text cell.
CELLS = {
    (None, 1, 1): "本年度",
    (None, 2, 1): '=A1&"共收到申请"',
    (None, 3, 1): "=A3",  # refers to itself
    ("表三", 5, 3): 4,
    ("表三", 5, 4): 2.0,
    ("表三", 5, 10): "=SUM(C5:D5)",
    ("表三", 6, 10): "='表三'!J5+1",
}


def lookup(sheet: str | None, row: int, col: int) -> object:
    return CELLS.get((sheet, row, col))


@pytest.mark.parametrize(
    ("formula", "text"),
    [
        ('="共收到申请"&表三!J5&"件。"', "共收到申请6件。"),
        ('=A2&表三!C5&"件"', "本年度共收到申请4件"),
        ('=CONCATENATE(A1,"收到",表三!J6,"件")', "本年度收到7件"),
        ('=concat("a","b")', "ab"),
        ('=("甲"&"乙")&"丙"', "甲乙丙"),
        ('="他说""好"""', '他说"好"'),
        ('=表三!D5/2&"件"', "1件"),
        ('="比例"&表三!C5/8', "比例0.5"),
        ('=A9&"空白单元格"', "空白单元格"),
    ],
)
def test_text_formulas_are_computed(formula: str, text: str) -> None:
    assert evaluate_text(formula, lookup) == text


@pytest.mark.parametrize(
    "formula",
    [
        '=IF(1>0,"是","否")',
        "=A3",
        '="a"&&"b"',
        '="unclosed',
        '=1E+99999999&"条"',
        '=表三!A1:B9&"x"',
        "=" + "(" * 200 + '"a"' + ")" * 199,
        '=TEXT(表三!C5,"0")',
    ],
)
def test_other_formulas_are_refused_quickly(formula: str) -> None:
    started = time.perf_counter()
    with pytest.raises(FormulaError):
        evaluate_text(formula, lookup)
    assert time.perf_counter() - started < 1


def test_a_long_join_is_linear() -> None:
    formula = "=" + "&".join(['"字"'] * 20000)
    started = time.perf_counter()
    assert evaluate_text(formula, lookup) == "字" * 20000
    assert time.perf_counter() - started < 2
