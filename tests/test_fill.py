"""fill_workbook: our template filled from plain Python data reads back exactly (values, details,
narrative), in both formats."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from factories import DETAILS, sample_inputs
from openpyxl import Workbook

from govreport.formats import CellKey, get_format
from govreport.workbook import ReportData, WorkbookExistsError, fill_workbook, read_workbook
from govreport.workbook.narrative import read_narrative
from govreport.workbook.reader import load_sheets

FORMATS = ("gb2021", "gb2019")
YEARS = {"gb2021": 2023, "gb2019": 2019}


def data(format_id: str) -> dict:
    fmt = get_format(format_id)
    subheadings = fmt.section("一").subheadings
    return {
        "details": {**DETAILS, "year": YEARS[format_id]},
        "narrative": {
            "前言": "根据《中华人民共和国政府信息公开条例》编制本报告。\n本报告统计期限为1月1日至12月31日。",
            "一": {"intro": "本年度工作有序推进。", "parts": [f"{h[3:]}情况良好。" for h in subheadings]},
            "五": "（一）存在的主要问题。\n（二）改进情况。",
            "六": [("政府信息公开信息处理费收取情况", "本年度未收取信息处理费。"), ("其他事项", "")],
        },
        "values": {(k.table, k.row, k.column): v for k, v in sample_inputs(format_id).items()},
    }


@pytest.mark.parametrize("format_id", FORMATS)
def test_filled_workbook_reads_back_exactly(tmp_path: Path, format_id: str) -> None:
    given = data(format_id)
    report, findings = read_workbook(fill_workbook(tmp_path / "r.xlsx", given))
    assert report.format_id == format_id
    assert findings == []
    for (table, row, column), value in given["values"].items():
        assert report.values[CellKey(table, row, column)].number == value
    assert report.details["year"].text == str(YEARS[format_id])
    units = {c.unit_label: c.units[0] for c in get_format(format_id).unit_columns()}  # the template's default
    assert {k: d.text for k, d in report.details.items()} == {
        **DETAILS,
        "year": str(YEARS[format_id]),
        **units,
    }
    assert [p.paragraphs for p in report.narrative["前言"]] == [
        ("根据《中华人民共和国政府信息公开条例》编制本报告。", "本报告统计期限为1月1日至12月31日。")
    ]
    overview = report.narrative["一"]
    assert [p.title for p in overview] == [None, *get_format(format_id).section("一").subheadings]
    assert overview[0].paragraphs == ("本年度工作有序推进。",)
    assert overview[0].place is not None and overview[0].place.sheet == "一、总体情况"
    assert report.narrative["五"][0].paragraphs == ("（一）存在的主要问题。", "（二）改进情况。")
    others = report.narrative["六"]
    assert [(p.title, p.paragraphs) for p in others] == [
        ("政府信息公开信息处理费收取情况", ("本年度未收取信息处理费。",)),
        ("其他事项", ()),
    ]
    assert str(others[1].place) == "六、其他事项!C4"


def test_report_data_with_cell_keys_and_chinese_labels(tmp_path: Path) -> None:
    values = {CellKey("t2", "行政事业性收费", "本年收费金额"): "96171.6", CellKey("t3", "一", "自然人"): 3}
    given = ReportData(details={"机关名称": "某镇人民政府", "年度": 2022}, values=values)
    report, _ = read_workbook(fill_workbook(tmp_path / "r.xlsx", given))
    assert report.name == "某镇人民政府" and report.year == 2022
    assert report.values[CellKey("t2", "行政事业性收费", "本年收费金额")].number == Decimal("96171.6")
    assert report.number(CellKey("t3", "一", "总计")) == 3


def test_long_list_of_other_matters_gets_more_rows(tmp_path: Path) -> None:
    items = [(f"事项{i}", f"内容{i}") for i in range(12)]
    report, _ = read_workbook(
        fill_workbook(tmp_path / "r.xlsx", {"details": DETAILS, "narrative": {"六": items}})
    )
    assert [p.title for p in report.narrative["六"]] == [name for name, _ in items]


def test_the_format_follows_the_year_unless_given(tmp_path: Path) -> None:
    path = fill_workbook(tmp_path / "a.xlsx", {"details": {"year": 2020}})
    assert read_workbook(path)[0].format_id == "gb2019"
    path = fill_workbook(tmp_path / "b.xlsx", {"details": {"year": 2020}}, fmt=get_format("gb2021"))
    assert read_workbook(path, "gb2021")[0].format_id == "gb2021"


@pytest.mark.parametrize(
    ("key", "words"),
    [(("t3", "不存在的行", "自然人"), "没有单元格"), (("t3", "一", "总计"), "总计单元格")],
)
def test_unknown_or_total_cells_are_refused(tmp_path: Path, key: tuple[str, str, str], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        fill_workbook(tmp_path / "r.xlsx", {"values": {key: 1}})
    assert not list(tmp_path.iterdir())


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    path = fill_workbook(tmp_path / "r.xlsx", {"details": DETAILS})
    with pytest.raises(WorkbookExistsError):
        fill_workbook(path, {"details": DETAILS})
    fill_workbook(path, {"details": {**DETAILS, "name": "新名称"}}, force=True)
    assert read_workbook(path)[0].name == "新名称"


@pytest.mark.parametrize("format_id", FORMATS)
def test_an_item_titled_like_its_section_is_read(tmp_path: Path, format_id: str) -> None:
    """An item of section 六 named like the section (``其他需要报告的事项``) is an item, not the end of the list."""
    title = get_format(format_id).section("六").heading.split("、", 1)[1]
    items = [(title, "无。"), ("政务公开工作创新情况", "开设专栏。")]
    given = {"details": {**DETAILS, "year": YEARS[format_id]}, "narrative": {"六": items}}
    report, findings = read_workbook(fill_workbook(tmp_path / "r.xlsx", given))
    assert [(p.title, p.paragraphs) for p in report.narrative["六"]] == [
        (title, ("无。",)),
        ("政务公开工作创新情况", ("开设专栏。",)),
    ]
    assert not [f for f in findings if f.type == "narrative-missing" and "六" in f.message]


def test_the_list_of_section_six_ends_at_the_next_numbered_heading(tmp_path: Path) -> None:
    """A one-sheet workbook: the list stops at a numbered section heading under it, not at an item
    title that is a section's name."""
    fmt = get_format("gb2019")
    wb = Workbook()
    ws = wb.active
    rows = [
        (fmt.section("六").heading, None, None),
        ("序号", "事项", "内容"),
        (1, "其他需要报告的事项", "无。"),
        (2, "总体情况", "另有说明。"),
        (fmt.section("五").heading, None, None),
        ("本年度存在的问题。", None, None),
    ]
    for row in rows:
        ws.append(row)
    path = tmp_path / "h.xlsx"
    wb.save(path)
    narrative, _ = read_narrative(fmt, load_sheets(path))
    assert [(p.title, p.paragraphs) for p in narrative["六"]] == [
        ("其他需要报告的事项", ("无。",)),
        ("总体情况", ("另有说明。",)),
    ]


@pytest.mark.parametrize("format_id", FORMATS)
def test_an_unknown_sub_heading_is_refused_naming_the_section(tmp_path: Path, format_id: str) -> None:
    heading = get_format(format_id).section("一").heading
    with pytest.raises(ValueError, match=f"“{heading}”没有小标题“（九）其他”"):
        fill_workbook(
            tmp_path / "r.xlsx",
            {"narrative": {"一": {"（九）其他": "文字"}}},
            fmt=get_format(format_id),
        )
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("format_id", FORMATS)
def test_an_empty_list_of_section_six_is_a_warning_at_its_first_cell(tmp_path: Path, format_id: str) -> None:
    given = {"details": {**DETAILS, "year": YEARS[format_id]}}
    _, findings = read_workbook(fill_workbook(tmp_path / "r.xlsx", given))
    heading = get_format(format_id).section("六").heading
    [finding] = [f for f in findings if f.type == "narrative-missing" and heading in f.message]
    assert finding.place == "六、其他事项!C3"


@pytest.mark.parametrize(
    ("unit", "header"), [(None, "采购总金额（单位：万元）"), ("元", "采购总金额（单位：元）")]
)
def test_the_purchase_amount_carries_the_workbooks_unit_to_the_table_header(
    tmp_path: Path, unit: str | None, header: str
) -> None:
    """gb2019 leaves the unit of 采购总金额 open (Part B §3.3): the template asks for it (a list, 万元 by
    default), the reader takes it, both outputs print it in the header."""
    from openpyxl import load_workbook

    from govreport.blocks import TableBlock
    from govreport.document import outline

    path = fill_workbook(tmp_path / "r.xlsx", data("gb2019"))
    column = get_format("gb2019").unit_columns()[0]
    wb = load_workbook(path)
    label = next(c for ws in wb for row in ws.iter_rows() for c in row if c.value == column.unit_label)
    ws = label.parent
    cell = ws.cell(label.row, label.column + 1)
    assert cell.value == "万元" and not cell.protection.locked
    assert any(
        cell.coordinate in dv.sqref and dv.formula1 == '"万元,元"'
        for dv in ws.data_validations.dataValidation
    )
    if unit is not None:
        cell.value = unit
        wb.save(path)
    report, findings = read_workbook(path)
    assert findings == []
    assert report.details[column.unit_label].text == (unit or "万元")
    table = next(b for b in outline(report).blocks if isinstance(b, TableBlock))
    assert header in [c.text for row in table.header_rows + table.body_rows for c in row]


def test_a_unit_not_on_the_list_is_a_warning_and_the_header_has_none(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = fill_workbook(tmp_path / "r.xlsx", data("gb2019"))
    column = get_format("gb2019").unit_columns()[0]
    wb = load_workbook(path)
    label = next(c for ws in wb for row in ws.iter_rows() for c in row if c.value == column.unit_label)
    ws = label.parent
    ws.cell(label.row, label.column + 1).value = "千元"
    wb.save(path)
    report, findings = read_workbook(path)
    assert [(f.rule, f.type, f.actual) for f in findings] == [("M2", "detail-invalid", "千元")]
    assert findings[0].cell == ws.cell(label.row, label.column + 1).coordinate
    assert column.unit_label not in report.details
