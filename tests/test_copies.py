"""The one rule for copies of a sheet (issues 11 and 16): the sheet named for the part wins; otherwise an
error naming every candidate (a table, a section), or for a single detail a warning and the first sheet."""

from __future__ import annotations

from govreport.model import Severity
from govreport.workbook.copies import choose_sheet
from govreport.workbook.sheets import Sheet


def sheets(*names: str) -> list[Sheet]:
    return [Sheet(name, []) for name in names]


def test_one_candidate_needs_no_finding() -> None:
    [only] = sheets("任意名称")
    assert choose_sheet([only], ("表三",), "表三") == (only, [])


def test_the_sheet_named_for_the_part_wins_and_the_copy_is_named() -> None:
    copy, original = sheets("表三 (2)", "表 三")
    chosen, [finding] = choose_sheet([copy, original], ("表三",), "表三")
    assert chosen is original
    assert (finding.rule, finding.type, finding.severity, finding.sheet) == (
        "M4",
        "sheet-copy",
        Severity.WARNING,
        "表 三",
    )
    assert "“表三 (2)”" in finding.message and "“表 三”" in finding.message


def test_no_sheet_named_for_the_part_is_an_error_naming_both() -> None:
    old, new = sheets("Sheet1", "Sheet2")
    chosen, [finding] = choose_sheet([old, new], ("表三",), "表三")
    assert chosen is old and finding.severity is Severity.ERROR and finding.type == "sheet-ambiguous"
    assert "“Sheet1”“Sheet2”" in finding.message and "“表三”" in finding.message


def test_a_detail_on_two_unnamed_sheets_is_a_warning_reading_the_first() -> None:
    cover, data = sheets("封面", "数据")
    chosen, [finding] = choose_sheet([cover, data], ("基本信息",), "“机关名称”", strict=False)
    assert (
        chosen is cover and finding.severity is Severity.WARNING and "已使用第一个“封面”" in finding.message
    )


def test_a_long_list_of_candidates_is_cut() -> None:
    many = sheets(*(f"副本{i}" for i in range(9)))
    _, [finding] = choose_sheet(many, ("表三",), "表三")
    assert "等9个" in finding.message and "副本8" not in finding.message
