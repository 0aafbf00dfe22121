"""The blank template: sheets, labels as the format prints them, protected labels and totals, input
cells with validation, formulas for totals, print set-up; it never overwrites; LibreOffice opens it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import convert
from openpyxl import load_workbook

from govreport.formats import CellKey, Kind, get_format
from govreport.formats.layout import layout
from govreport.model import DETAIL_LABELS
from govreport.workbook import WorkbookExistsError, build_template, read_workbook, write_template
from govreport.workbook.labels import norm

FORMATS = ("gb2021", "gb2019")
SHEETS = [
    "说明",
    "基本信息",
    "一、总体情况",
    "表二",
    "表三",
    "表四",
    "五、问题与改进",
    "六、其他事项",
    "栏目信息发布",
]


@pytest.fixture(params=FORMATS)
def template(request, tmp_path: Path):
    fmt = get_format(request.param)
    path = write_template(tmp_path / "模板.xlsx", fmt, 2022 if fmt.id == "gb2021" else 2020)
    return fmt, path, load_workbook(path)


def test_sheets_are_named_in_chinese(template) -> None:
    _, _, wb = template
    assert wb.sheetnames == SHEETS
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in wb.sheetnames)


def test_details_sheet_has_every_label_and_the_year(template) -> None:
    fmt, _, wb = template
    ws = wb["基本信息"]
    labels = [ws.cell(r, 1).value for r in range(2, 2 + len(DETAIL_LABELS) + 1)]
    assert labels == [*DETAIL_LABELS.values(), "前言"]
    assert ws["B3"].value == (2022 if fmt.id == "gb2021" else 2020)


def test_table_labels_are_exactly_the_formats(template) -> None:
    fmt, _, wb = template
    for table in fmt.tables:
        ws = wb[f"表{table.section}"]
        assert ws["A1"].value == fmt.section(table.section).heading
        for cell in layout(table).cells:
            if cell.role != "value":
                assert ws.cell(cell.row + 2, cell.col + 1).value == (cell.text or None)


def test_totals_are_locked_formulas_and_inputs_unlocked_with_validation(template) -> None:
    fmt, _, wb = template
    _, where = build_template(fmt)
    totals = fmt.total_keys()
    kinds_by_cell: dict[str, dict[str, str]] = {}
    for name in ("表二", "表三", "表四"):
        ws = wb[name]
        assert ws.protection.sheet and not ws.protection.password
        kinds_by_cell[name] = {}
        for dv in ws.data_validations.dataValidation:
            for rng in dv.sqref.ranges:
                for row in rng.cells:
                    kinds_by_cell[name][ws.cell(*row).coordinate] = dv.type
                    assert dv.showInputMessage and dv.prompt
    for key, (sheet, cell) in where.values.items():
        target = wb[sheet][cell]
        if key in totals:
            assert str(target.value).startswith("=SUM(") or "+" in str(target.value), key
            assert target.protection.locked
            assert cell not in kinds_by_cell[sheet]
        else:
            assert not target.protection.locked, key
            kind = fmt.kind_of(key)
            assert kinds_by_cell[sheet][cell] == ("decimal" if kind is Kind.AMOUNT else "whole"), key


def test_total_formulas_follow_the_equations(template) -> None:
    fmt, _, wb = template
    _, where = build_template(fmt)
    sheet, cell = where.values[CellKey("t3", "一", "总计")]
    assert wb[sheet][cell].value == "=SUM(D5:I5)"
    sheet, cell = where.values[CellKey("t4", "案件数", "行政复议/总计")]
    assert wb[sheet][cell].value == "=SUM(A5:D5)"


def test_other_matters_list_starts_with_the_fee_item(template) -> None:
    fmt, _, wb = template
    ws = wb["六、其他事项"]
    assert [ws.cell(2, c).value for c in (1, 2, 3)] == ["序号", "事项", "内容"]
    assert ws["B3"].value == fmt.fee_item  # None for gb2019, which has no fee requirement


def test_print_setup_is_a4_fit_to_width(template) -> None:
    _, _, wb = template
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1


def test_blank_template_reads_without_label_findings(template) -> None:
    fmt, path, _ = template
    report, findings = read_workbook(path)
    assert report.format_id == fmt.id
    assert not [f for f in findings if f.type == "label-missing"]
    assert {f.type for f in findings} >= {"blank-cells", "detail-missing", "narrative-missing"}
    titles = [p.title for p in report.narrative["六"]]
    assert titles == ([fmt.fee_item] if fmt.fee_item else [])
    assert all(not p.paragraphs for p in report.narrative["六"])


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"keep")
    with pytest.raises(WorkbookExistsError) as err:
        write_template(path, get_format("gb2021"))
    assert isinstance(err.value, FileExistsError) and str(path) in str(err.value)
    assert path.read_bytes() == b"keep"
    write_template(path, get_format("gb2021"), force=True)
    assert path.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]  # no temporary file left


def test_labels_normalise_as_clerks_type_them() -> None:
    assert norm("（三）不予公开") == norm("(三) 不予\n公开")
    assert norm("1.属于国家秘密") == norm("1、属于国家秘密") == norm("１．属于国家秘密")
    assert norm("3.危及“三安全一稳定”") == norm('3、危及"三安全一稳定"') == norm("3.危及「三安全一稳定」")
    assert norm("机关名称：") == "机关名称"


def test_libreoffice_opens_the_filled_template_and_agrees_on_totals(tmp_path: Path, soffice: str) -> None:
    """LibreOffice recalculates the formulas and saves cached values: the reader then uses those."""
    from factories import DETAILS, sample_inputs

    from govreport.workbook import fill_workbook

    src = fill_workbook(tmp_path / "filled.xlsx", {"details": DETAILS, "values": sample_inputs("gb2021")})
    before, _ = read_workbook(src)
    outdir = tmp_path / "lo"
    outdir.mkdir()
    shutil.copy(src, outdir / "src.xlsx")
    out = convert(soffice, outdir / "src.xlsx", tmp_path / "out", "xlsx")
    wb = load_workbook(out, data_only=True)
    assert wb["表三"]["J5"].value == 7  # computed by LibreOffice
    after, findings = read_workbook(out)
    assert {k: v.number for k, v in after.values.items()} == {k: v.number for k, v in before.values.items()}
    assert not [f for f in findings if f.is_error]
    pdf = convert(soffice, src, tmp_path / "pdf")
    assert pdf.read_bytes()[:4] == b"%PDF"


def test_text_sheets_lock_labels_and_leave_inputs_editable(template) -> None:
    fmt, _, wb = template
    _, where = build_template(fmt)
    cells = [*where.details.values(), *where.overview.values(), where.problems]
    cells += [c for pair in where.others for c in pair]
    for sheet, cell in cells:
        assert wb[sheet].protection.sheet and not wb[sheet].protection.password
        assert not wb[sheet][cell].protection.locked, (sheet, cell)
    assert wb["基本信息"]["A2"].protection.locked and wb["一、总体情况"]["A3"].protection.locked
