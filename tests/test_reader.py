"""Reading workbooks: ours filled by a script and hand-made ones in other layouts read to the same
values; every cell-level problem is a finding at its sheet and cell; unreadable files are one
WorkbookError naming the file."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from data.handmade import SHEET, Options, write_handmade
from factories import DETAILS, sample_inputs
from openpyxl import load_workbook

from govreport.formats import CellKey, get_format
from govreport.model import WorkbookError
from govreport.workbook import build_template, fill_workbook, names, read_workbook

FORMATS = ("gb2021", "gb2019")
YEARS = {"gb2021": "2022", "gb2019": "2020"}


def inputs(format_id: str) -> dict[CellKey, object]:
    values: dict[CellKey, object] = dict(sample_inputs(format_id))
    if format_id == "gb2021":
        values[CellKey("t2", "行政事业性收费", "本年收费金额")] = Decimal("18651.06")
        values[CellKey("t2", "行政规范性文件", "现行有效件数")] = 698
    else:
        values[CellKey("t2", "政府集中采购", "采购总金额")] = Decimal("24252.311082")
        values[CellKey("t2", "行政处罚", "本年增/减")] = -18
    return values


def details(format_id: str) -> dict[str, str]:
    return {**DETAILS, "year": YEARS[format_id]}


def numbers(report) -> dict[CellKey, object]:
    return {k: v.number for k, v in report.values.items()}


def findings_at(findings) -> set[tuple[str, str | None, str | None]]:
    return {(f.type, f.sheet, f.cell) for f in findings}


def ours(tmp_path: Path, format_id: str, values: dict | None = None) -> Path:
    data = {"details": details(format_id), "values": values if values is not None else inputs(format_id)}
    return fill_workbook(tmp_path / f"{format_id}.xlsx", data)


# ---- round trip and hand-made layouts ----------------------------------------------------------------


@pytest.mark.parametrize("format_id", FORMATS)
def test_round_trip_of_our_template(tmp_path: Path, format_id: str) -> None:
    report, findings = read_workbook(ours(tmp_path, format_id))
    fmt = get_format(format_id)
    assert report.format_id == format_id
    expected = {**inputs(format_id)}
    for key, value in expected.items():
        assert report.values[key].number == value, key
    # totals are uncalculated formulas in the file: computed, not read as blank
    assert report.number(CellKey("t3", "一", "总计")) == 7
    assert report.number(CellKey("t3", "（七）", "总计")) == 7
    assert report.number(CellKey("t4", "案件数", "行政复议/总计")) == 1
    assert all(v.place is not None for v in report.values.values())
    assert not [f for f in findings if f.type != "narrative-missing"]
    assert report.details["name"].text == DETAILS["name"]
    assert len(report.values) == len(fmt.cell_keys())


@pytest.mark.parametrize("format_id", FORMATS)
def test_amounts_are_exact_decimals(tmp_path: Path, format_id: str) -> None:
    report, _ = read_workbook(ours(tmp_path, format_id))
    key, text = (
        (CellKey("t2", "行政事业性收费", "本年收费金额"), "18651.06")
        if format_id == "gb2021"
        else (CellKey("t2", "政府集中采购", "采购总金额"), "24252.311082")
    )
    value = report.values[key].number
    assert isinstance(value, Decimal) and str(value) == text


@pytest.mark.parametrize("format_id", FORMATS)
def test_hand_made_layout_reads_to_the_same_values(tmp_path: Path, format_id: str) -> None:
    fmt = get_format(format_id)
    path = tmp_path / "hand.xlsx"
    write_handmade(path, fmt, inputs(format_id), Options(details=details(format_id)))
    mine, _ = read_workbook(ours(tmp_path, format_id))
    hand, findings = read_workbook(path)
    assert hand.format_id == format_id
    assert numbers(hand) == numbers(mine)
    assert not [f for f in findings if f.is_error], [f.message for f in findings]
    assert hand.values[CellKey("t3", "一", "自然人")].place.sheet == SHEET
    assert hand.details["year"].text == YEARS[format_id]
    assert hand.details["contact_dept"].text == DETAILS["contact_dept"]  # value under its label
    assert [p.title for p in hand.narrative["六"]] == ["政府信息公开信息处理费收取情况"]
    assert hand.narrative["一"][0].paragraphs == ("本年度政务公开工作有序推进。", "公开质量不断提高。")


@pytest.mark.parametrize("format_id", FORMATS)
def test_one_table_per_sheet_with_other_sheet_names(tmp_path: Path, format_id: str) -> None:
    path = tmp_path / "split.xlsx"
    addresses = write_handmade(
        path,
        get_format(format_id),
        inputs(format_id),
        Options(details=details(format_id), split=True, formulas=True),
    )
    mine, _ = read_workbook(ours(tmp_path, format_id))
    report, findings = read_workbook(path)
    assert numbers(report) == numbers(mine)
    assert not [f for f in findings if f.is_error]
    for key in (
        get_format(format_id).table("t2").cell_keys()[-1],
        CellKey("t3", "四", "总计"),
        CellKey("t4", "案件数", "行政诉讼/复议后起诉/总计"),
    ):
        assert str(report.values[key].place) == addresses[key]
    assert report.values[CellKey("t4", "案件数", "行政诉讼/复议后起诉/总计")].place.sheet == "复议诉讼"


@pytest.mark.parametrize("format_id", FORMATS)
def test_format_detected_from_labels_without_a_year(tmp_path: Path, format_id: str) -> None:
    path = tmp_path / "hand.xlsx"
    write_handmade(path, get_format(format_id), inputs(format_id), Options(details={"name": "某镇"}))
    report, findings = read_workbook(path)
    assert report.format_id == format_id
    assert ("detail-missing", SHEET, "B4") in findings_at(findings)


@pytest.mark.parametrize("format_id", FORMATS)
def test_uncalculated_formulas_in_a_hand_made_workbook_are_computed(tmp_path: Path, format_id: str) -> None:
    path = tmp_path / "hand.xlsx"
    write_handmade(
        path, get_format(format_id), inputs(format_id), Options(details=details(format_id), formulas=True)
    )
    report, findings = read_workbook(path)
    assert report.number(CellKey("t3", "（七）", "总计")) == 7
    assert not [f for f in findings if f.type == "total-derived"]


@pytest.mark.parametrize("format_id", FORMATS)
def test_subtotals_are_read_beside_the_values(tmp_path: Path, format_id: str) -> None:
    path = tmp_path / "hand.xlsx"
    fmt = get_format(format_id)
    write_handmade(path, fmt, inputs(format_id), Options(details=details(format_id), subtotals=True))
    mine, _ = read_workbook(ours(tmp_path, format_id))
    report, findings = read_workbook(path)
    assert numbers(report) == numbers(mine)
    labels = {s.label for s in report.subtotals}
    assert labels == {"不予公开小计", "法人或其他组织小计"}
    row = [s for s in report.subtotals if s.label == "不予公开小计"]
    assert len(row) == 7 and all(len(s.parts) == 8 for s in row)
    column = [s for s in report.subtotals if s.label == "法人或其他组织小计"]
    assert len(column) == len(fmt.table("t3").blocks[0].rows)
    first = next(s for s in column if s.parts[0].row == "一")
    assert first.value.number == 2 and first.value.place.sheet == SHEET
    assert not [f for f in findings if f.is_error]


# ---- cell-level findings -----------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize(
    ("key", "raw", "type_", "cell"),
    [
        (CellKey("t3", "一", "自然人"), "—", "not-a-number", "D5"),
        (CellKey("t3", "一", "商业企业"), "无", "not-a-number", "E5"),
        (CellKey("t3", "二", "自然人"), "/", "not-a-number", "D6"),
        (CellKey("t3", "（一）", "自然人"), 1.5, "not-a-whole-number", "D7"),
        (CellKey("t3", "（二）", "商业企业"), -2, "negative-value", "E8"),
        (CellKey("t4", "案件数", "行政复议/结果维持"), "三", "not-a-number", "A5"),
    ],
)
def test_a_bad_cell_is_a_finding_at_that_cell(
    tmp_path: Path, format_id: str, key: CellKey, raw: object, type_: str, cell: str
) -> None:
    values = {**inputs(format_id), key: raw}
    report, findings = read_workbook(ours(tmp_path, format_id, values))
    sheet = {"t3": "表三", "t4": "表四"}[key.table]
    assert (type_, sheet, cell) in findings_at(findings)
    finding = next(f for f in findings if f.type == type_)
    assert finding.rule == "R5" and finding.is_error
    assert report.values[key].place.cell == cell


def test_full_width_digits_and_signed_counts(tmp_path: Path) -> None:
    values = {**inputs("gb2019"), CellKey("t3", "二", "自然人"): "１２"}
    report, findings = read_workbook(ours(tmp_path, "gb2019", values))
    assert report.number(CellKey("t3", "二", "自然人")) == 12
    assert report.number(CellKey("t2", "行政处罚", "本年增/减")) == -18
    assert not [f for f in findings if f.type == "negative-value"]


@pytest.mark.parametrize("format_id", FORMATS)
def test_blank_inputs_count_as_zero_with_one_warning_per_table(tmp_path: Path, format_id: str) -> None:
    blanks = {CellKey("t3", "一", "科研机构"): None, CellKey("t3", "二", "其他"): None}
    report, findings = read_workbook(ours(tmp_path, format_id, {**inputs(format_id), **blanks}))
    warnings = [f for f in findings if f.type == "blank-cells"]
    assert [(f.sheet, f.cell, f.rule) for f in warnings] == [("表三", "F5", "R5")]
    assert "2个" in warnings[0].message and not warnings[0].is_error
    assert report.values[CellKey("t3", "一", "科研机构")].number == 0


@pytest.mark.parametrize("format_id", FORMATS)
def test_blank_total_is_derived_with_a_warning(tmp_path: Path, format_id: str) -> None:
    path = tmp_path / "hand.xlsx"
    fmt = get_format(format_id)
    key = CellKey("t3", "一", "总计")
    addresses = write_handmade(
        path, fmt, inputs(format_id), Options(details=details(format_id), blank_totals=(key,))
    )
    report, findings = read_workbook(path)
    assert ("total-derived", *addresses[key].split("!")) in findings_at(findings)
    assert report.values[key].number == 7 and report.values[key].derived
    assert "7" in next(f for f in findings if f.type == "total-derived").message


@pytest.mark.parametrize("format_id", FORMATS)
def test_renamed_label_is_reported_and_its_value_still_read(tmp_path: Path, format_id: str) -> None:
    path = tmp_path / "hand.xlsx"
    fmt = get_format(format_id)
    addresses = write_handmade(
        path,
        fmt,
        inputs(format_id),
        Options(details=details(format_id), rename={"（一）予以公开": "（一）公开"}),
    )
    report, findings = read_workbook(path)
    missing = [f for f in findings if f.type == "label-missing"]
    assert len(missing) == 1 and missing[0].rule == "Q6" and missing[0].is_error
    assert missing[0].expected == "（一）予以公开" and missing[0].actual == "（一）公开"
    assert report.number(CellKey("t3", "（一）", "自然人")) == 3
    assert (
        str(report.values[CellKey("t3", "（一）", "自然人")].place)
        == addresses[CellKey("t3", "（一）", "自然人")]
    )


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize("table", ["t2", "t3", "t4"])
def test_a_missing_table_is_one_finding_at_no_cell(tmp_path: Path, format_id: str, table: str) -> None:
    path = ours(tmp_path, format_id)
    wb = load_workbook(path)
    del wb[names.TABLE_SHEETS[table]]
    wb.save(path)
    report, findings = read_workbook(path)
    fmt = get_format(format_id)
    section = fmt.table(table).section
    [finding] = [f for f in findings if f.rule == "Q6"]
    assert (finding.type, finding.table, finding.sheet, finding.cell) == ("label-missing", table, None, None)
    assert f"没有找到表{section}（{fmt.section(section).heading}）" in finding.message
    assert all(report.values[k].number is None for k in fmt.table(table).cell_keys())


# ---- unreadable files --------------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _bomb(tmp_path: Path, part: str = "xl/worksheets/sheet1.xml", padding: int = 0) -> Path:
    """A DTD with nested entities, optionally behind a long comment (past any quick look at the head)."""
    src = ours(tmp_path, "gb2021")
    out = tmp_path / "bomb.xlsx"
    comment = b"<!--" + b"x" * padding + b"-->" if padding else b""
    dtd = (
        b'<?xml version="1.0"?>' + comment + b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
    )
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                data = dtd + (data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data)
            zout.writestr(item, data)
    return out


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD = {
    "missing": (lambda p: p / "nope.xlsx", "不存在"),
    "empty": (lambda p: _write(p / "empty.xlsx", b""), "为空"),
    "docx": (
        lambda p: _zip(p / "doc.xlsx", {"word/document.xml": b"<w/>", "[Content_Types].xml": b"<T/>"}),
        "Word",
    ),
    "csv": (lambda p: _write(p / "t.xlsx", "机关,件数\n某镇,3\n".encode()), "CSV"),
    "xls": (lambda p: _write(p / "old.xlsx", OLE + b"\0" * 600 + "Workbook".encode("utf-16-le")), ".xls"),
    "encrypted": (
        lambda p: _write(p / "enc.xlsx", OLE + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")),
        "密码",
    ),
    "corrupt": (lambda p: _write(p / "bad.xlsx", ours(p, "gb2021").read_bytes()[:3000]), "损坏"),
    "no-tables": (lambda p: _plain_workbook(p / "plain.xlsx"), "没有找到统计表"),
    "bomb": (_bomb, "XML"),
    "bomb-in-shared-part": (lambda p: _bomb(p, "xl/workbook.xml", 5000), "XML"),
    "bomb-deep-in-sheet": (lambda p: _bomb(p, "xl/worksheets/sheet5.xml", 5000), "XML"),
    "directory": (lambda p: p, "文件夹"),
}


def _plain_workbook(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "工资表"
    wb.active["B2"] = 3
    wb.save(path)
    return path


@pytest.mark.parametrize("case", sorted(BAD))
def test_unreadable_input_is_one_chinese_line_naming_the_file(tmp_path: Path, case: str) -> None:
    make, words = BAD[case]
    path = make(tmp_path)
    with pytest.raises(WorkbookError) as err:
        read_workbook(path)
    message = str(err.value)
    assert str(path) in message and words in message and "\n" not in message


def test_template_map_addresses_match_what_the_reader_reports(tmp_path: Path) -> None:
    _, where = build_template(get_format("gb2021"))
    report, _ = read_workbook(ours(tmp_path, "gb2021"))
    for key, (sheet, cell) in where.values.items():
        assert (report.values[key].place.sheet, report.values[key].place.cell) == (sheet, cell)


@pytest.mark.parametrize("format_id", FORMATS)
def test_openpyxl_fallback_reads_the_same(
    tmp_path: Path, format_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the fast XML pass meets something it does not know, openpyxl reads the workbook instead."""
    path = ours(tmp_path, format_id)
    fast, _ = read_workbook(path)

    def refuse(*_: object, **__: object) -> None:
        raise KeyError("unexpected part")

    monkeypatch.setattr("govreport.workbook.reader.read_xlsx", refuse)
    slow, findings = read_workbook(path)
    assert numbers(slow) == numbers(fast)
    assert slow.details == fast.details and slow.narrative == fast.narrative
    assert not [f for f in findings if f.type != "narrative-missing"]


# ---- formulas and numbers as cells hold them ---------------------------------------------------------

CELLS = {(None, 1, 1): 3, (None, 1, 2): Decimal("4.5"), (None, 2, 1): "—", ("表 三", 1, 1): 10}


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ("=SUM(A1:B2)", Decimal("7.5")),  # text inside SUM is ignored, as Excel does
        ("=A1+B1-C9", Decimal("7.5")),  # a blank reference is 0
        ("='表 三'!A1+$A$1*2", Decimal("16")),
        ("=SUM(A1,B1,1)", Decimal("8.5")),
    ],
)
def test_simple_formulas_are_computed(formula: str, expected: Decimal) -> None:
    from govreport.workbook.formulas import evaluate

    assert evaluate(formula, lambda sheet, r, c: CELLS.get((sheet, r, c))) == expected


@pytest.mark.parametrize("formula", ["=A2+1", "=SUMIF(A1:A3,1)", "=A1:B1", "=A1/0", "=VLOOKUP(1,A1:B2,2)"])
def test_other_formulas_are_refused(formula: str) -> None:
    from govreport.workbook.formulas import FormulaError, evaluate

    with pytest.raises(FormulaError):
        evaluate(formula, lambda sheet, r, c: CELLS.get((sheet, r, c)))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (18651.06, "18651.06"),
        (0.1 + 0.2, "0.3"),
        ("１２", "12"),
        ("1,234", "1234"),
        (" 7 ", "7"),
        ("—", None),
        ("无", None),
    ],
)
def test_cell_numbers_are_exact(raw: object, expected: str | None) -> None:
    from govreport.workbook.values import to_decimal

    value = to_decimal(raw)
    assert (str(value) if value is not None else None) == expected


# ---- the year and the tables' format --------------------------------------------------------------


OTHER = {"gb2021": "gb2019", "gb2019": "gb2021"}


@pytest.mark.parametrize("format_id", FORMATS)
def test_a_year_of_the_other_format_is_one_finding(tmp_path: Path, format_id: str) -> None:
    """Tables of one format under a year of the other: one Q6 finding at the 年度 cell, the tables read
    with the format their labels carry (so no label is reported)."""
    year = YEARS[OTHER[format_id]]
    given = {"details": {**DETAILS, "year": year}, "values": inputs(format_id)}
    path = fill_workbook(tmp_path / "r.xlsx", given, fmt=get_format(format_id))
    report, findings = read_workbook(path)
    assert report.format_id == format_id
    assert all(report.values[k].number == v for k, v in inputs(format_id).items())
    [finding] = [f for f in findings if f.rule == "Q6"]
    assert (finding.type, finding.severity.value, finding.place) == (
        "format-mismatch",
        "error",
        "基本信息!B3",
    )
    wanted, found = get_format(OTHER[format_id]), get_format(format_id)
    assert f"年度为{year}年，应使用{wanted.notice}格式" in finding.message
    assert f"统计表是{found.notice}格式" in finding.message
    assert f"govreport template --year {year}" in finding.message
    assert f"--standard {format_id}" in finding.message


@pytest.mark.parametrize("format_id", FORMATS)
def test_a_year_before_2019_is_an_m1_error_and_the_labels_pick_the_format(
    tmp_path: Path, format_id: str
) -> None:
    given = {"details": {**DETAILS, "year": 2018}, "values": inputs(format_id)}
    path = fill_workbook(tmp_path / "r.xlsx", given, fmt=get_format(format_id))
    report, findings = read_workbook(path)
    assert report.format_id == format_id
    assert not [f for f in findings if f.rule == "Q6"]
    [finding] = [f for f in findings if f.rule == "M1"]
    assert (finding.type, finding.severity.value, finding.place) == ("year-invalid", "error", "基本信息!B3")
    assert "统一格式自2019年度起施行" in finding.message and "2018" in finding.message


def test_a_given_format_is_not_second_guessed(tmp_path: Path) -> None:
    given = {"details": {**DETAILS, "year": 2020}, "values": inputs("gb2021")}
    path = fill_workbook(tmp_path / "r.xlsx", given, fmt=get_format("gb2021"))
    report, findings = read_workbook(path, "gb2021")
    assert report.format_id == "gb2021"
    assert [f for f in findings if f.is_error] == []


@pytest.mark.parametrize("written", ["明年", "2024年13月5日", "待定"])
def test_a_release_date_that_is_no_date_is_a_warning_at_its_cell(tmp_path: Path, written: str) -> None:
    given = {"details": {**details("gb2021"), "release_date": written}, "values": inputs("gb2021")}
    report, findings = read_workbook(fill_workbook(tmp_path / "r.xlsx", given))
    [finding] = [f for f in findings if f.type == "detail-invalid"]
    assert (finding.rule, finding.severity.value) == ("M2", "warning")
    assert finding.place == str(report.details["release_date"].place) == "基本信息!B10"
    assert f"发布日期“{written}”" in finding.message and finding.actual == written


@pytest.mark.parametrize("written", ["2025-01-20", "2025/1/20", "2025年1月20日", "2025-01-20 00:00:00"])
def test_a_release_date_as_clerks_write_it_is_no_finding(tmp_path: Path, written: str) -> None:
    given = {"details": {**details("gb2021"), "release_date": written}, "values": inputs("gb2021")}
    _, findings = read_workbook(fill_workbook(tmp_path / "r.xlsx", given))
    assert not [f for f in findings if f.rule == "M2"]


def test_a_year_that_is_no_year_is_an_m1_error_at_its_cell(tmp_path: Path) -> None:
    given = {"details": {**details("gb2021"), "year": "明年"}, "values": inputs("gb2021")}
    report, findings = read_workbook(fill_workbook(tmp_path / "r.xlsx", given, fmt=get_format("gb2021")))
    assert report.format_id == "gb2021"
    [finding] = [f for f in findings if f.rule == "M1"]
    assert (finding.type, finding.place, finding.actual) == ("year-invalid", "基本信息!B3", "明年")
