"""The template's text sheets: 说明 (instructions), 基本信息 (details), and the narrative sections
一, 五 and 六. Each input is a label cell with its value cell to the right (or, for 五, below)."""

from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..formats import Format
from ..model import DETAIL_LABELS
from ..numbers import chinese_number
from . import names, style

_DETAIL_HINTS = {
    "name": "填写机关全称，如“××市××区××镇人民政府”（必填，用于报告标题）。",
    "year": "填写报告年度，如2024（必填，决定报告格式）。",
    "portal_name": "政府信息公开工作年度报告发布的门户网站名称。",
    "portal_url": "门户网站网址，如 http://www.example.gov.cn",
    "contact_dept": "负责解答年度报告疑问的部门。",
    "address": "联系部门的地址。",
    "postcode": "6位邮政编码。",
    "phone": "联系电话，如 0631-1234567。",
    "release_date": "报告发布日期，如 2025-01-20。",
}


def guide_lines(fmt: Format) -> tuple[str, ...]:
    """The instructions for clerks, naming the template's sheets; the statutory wording (headings,
    sub-headings, the 勾稽 note, the fee item) comes from the format."""
    fee = f"；{fmt.fee_item}必须报告（第一行已列出）" if fmt.fee_item else ""
    subheadings = chinese_number(len(fmt.section("一").subheadings))
    tables = "".join(f"“{names.TABLE_SHEETS[t.id]}”" for t in fmt.tables)
    notes = [
        f"{names.TABLE_SHEETS[t.id]}必须满足表头注明的勾稽关系{b.corner_note}。"
        for t in fmt.tables
        for b in t.blocks
        if b.corner_note
    ]
    lines = [
        f"“{names.DETAILS}”：填写机关名称、年度、门户网站、联系部门、地址、邮编、电话和发布日期。"
        f"机关名称和年度必填。“{names.PREAMBLE}”留空则按基本信息自动生成。",
        f"“{names.OVERVIEW}”：“{names.INTRO}”填写开头段落，其后按{subheadings}个小标题分别填写；"
        "一个单元格内换行即分段。",
        f"{tables}：按官方模板排列，只在浅黄色单元格内填写数字。没有发生的填0，不要留空，"
        "不要填“—”“/”“无”等文字。件数填整数；金额按表头注明的单位填写，可填小数。",
        "绿色单元格为“总计”，由公式自动计算，不需要也不能填写。",
        *notes,
        f"“{names.PROBLEMS}”：在标题下方的单元格内填写，换行即分段。",
        f"“{names.OTHERS}”：每行一个事项，“{names.ITEM_NAME}”填写小标题，“{names.ITEM_TEXT}”填写正文{fee}。",
        "填好后可运行 govreport check 本文件.xlsx 检查，再运行 govreport build 本文件.xlsx 生成报告。",
        "表格标签（行名、列名）不要改动，工作表保护未设密码，仅为防止误改。",
    ]
    return ("政府信息公开工作年度报告 填报说明", "", *(f"{i}. {line}" for i, line in enumerate(lines, 1)))


def write_guide(ws: Worksheet, fmt: Format) -> None:
    ws.column_dimensions["A"].width = 85
    for i, line in enumerate(guide_lines(fmt), 1):
        cell = ws.cell(i, 1, line or None)
        cell.font = style.TITLE_FONT if i == 1 else style.TEXT_FONT
        cell.alignment = style.LEFT
        if line and i > 1:
            ws.row_dimensions[i].height = style.text_height(line, 85)
    style.a4(ws, center=False)


def write_details(ws: Worksheet, year: int | None) -> dict[str, str]:
    """Label/value pairs; returns the value cell of each detail key (and of the preamble)."""
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 70
    _heading(ws, names.DETAILS, 2)
    cells: dict[str, str] = {}
    for row, (key, label) in enumerate(DETAIL_LABELS.items(), 2):
        value = _pair(ws, row, label, _DETAIL_HINTS.get(key, ""), 20)
        if key == "year":
            value.value = year
        else:
            value.number_format = "@"
        cells[key] = value.coordinate
    row = len(DETAIL_LABELS) + 2
    preamble = _pair(ws, row, names.PREAMBLE, "留空则自动生成前言；如需自拟，在此填写全文，换行即分段。", 150)
    cells[names.PREAMBLE] = preamble.coordinate
    style.a4(ws)
    style.protect(ws)
    return cells


def write_overview(ws: Worksheet, fmt: Format) -> dict[str, str]:
    """总述 plus one row per sub-heading of section 一; returns the text cell of each label."""
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 90
    _heading(ws, fmt.section("一").heading, 2)
    hint = fmt.placeholders.get("一", "")
    cells = {}
    labels = (names.INTRO, *fmt.section("一").subheadings)
    for row, label in enumerate(labels, 2):
        cells[label] = _pair(ws, row, label, f"{label}：{hint}换行即分段。", 160).coordinate
    style.a4(ws, landscape=True, center=False)
    style.protect(ws)
    return cells


def write_problems(ws: Worksheet, fmt: Format) -> str:
    """The heading of section 五 with one large text cell below it; returns that cell."""
    ws.column_dimensions["A"].width = 85
    _heading(ws, fmt.section("五").heading, 1)
    cell = ws.cell(2, 1)
    _text_cell(cell, f"{fmt.placeholders.get('五', '')}在此填写，换行即分段。", ws)
    ws.row_dimensions[2].height = 400
    style.a4(ws, center=False)
    style.protect(ws)
    return cell.coordinate


def write_others(ws: Worksheet, fmt: Format, count: int = names.OTHER_ROWS) -> list[tuple[str, str]]:
    """Section 六 as a numbered list (序号 | 事项 | 内容); the fee item comes first where the format
    requires it. Returns the (事项, 内容) cells of each row."""
    for col, width in zip("ABC", (6, 30, 90), strict=True):
        ws.column_dimensions[col].width = width
    _heading(ws, fmt.section("六").heading, 3)
    for col, label in enumerate((names.ITEM_NUMBER, names.ITEM_NAME, names.ITEM_TEXT), 1):
        cell = ws.cell(2, col, label)
        style.header(cell)
    rows = []
    hint = fmt.placeholders.get("六", "")
    for i in range(count):
        row = 3 + i
        number = ws.cell(row, 1, i + 1)
        number.alignment, number.border = style.CENTER, style.BORDER
        name, text = ws.cell(row, 2), ws.cell(row, 3)
        for cell in (number, name, text):
            cell.border, cell.font, cell.protection = style.BORDER, style.TEXT_FONT, style.UNLOCKED
        name.alignment = text.alignment = style.TOP_LEFT
        if i < len(fmt.other_items):
            name.value = fmt.other_items[i]
        ws.row_dimensions[row].height = 60
        rows.append((name.coordinate, text.coordinate))
    _prompt(ws, f"C3:C{2 + count}", f"{hint}换行即分段。没有的事项可留空。")
    style.a4(ws, landscape=True, center=False)
    style.protect(ws)
    ws.protection.insertRows = ws.protection.deleteRows = False  # more items may be added
    return rows


def _heading(ws: Worksheet, text: str, width: int) -> None:
    cell = ws.cell(1, 1, text)
    cell.font, cell.alignment = style.TITLE_FONT, style.LEFT
    if width > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 28


def _pair(ws: Worksheet, row: int, label: str, hint: str, height: float):
    head = ws.cell(row, 1, label)
    style.header(head, align=style.LEFT)
    value = ws.cell(row, 2)
    _text_cell(value, hint, ws)
    ws.row_dimensions[row].height = height
    return value


def _text_cell(cell, hint: str, ws: Worksheet) -> None:
    cell.font, cell.alignment, cell.border = style.TEXT_FONT, style.TOP_LEFT, style.BORDER
    cell.protection = style.UNLOCKED
    if hint:
        _prompt(ws, cell.coordinate, hint)


def _prompt(ws: Worksheet, coordinate: str, text: str) -> None:
    """An input message shown when a cell of ``coordinate`` (a cell or range) is selected (Excel caps it at 255 characters)."""
    dv = DataValidation(showInputMessage=True, prompt=text[:250], promptTitle="填写提示")
    dv.add(coordinate)
    ws.add_data_validation(dv)
