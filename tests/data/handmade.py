"""Hand-made workbooks as offices keep them, generated for the reader's tests (no binary blobs).

Everything on one sheet with another name: a title row, a small 基本信息 block (label beside or above its
value), then the three tables laid out like the official ones but typed by hand: half-width brackets,
``1、`` sub-item labels, straight quotes, a line break inside a label, and totals typed as numbers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from govreport.formats import CellKey, Format
from govreport.formats.layout import layout
from govreport.model import Number
from govreport.totals import derive_totals

SHEET = "2022年报数据"
SPLIT_SHEETS = {"t2": "主动公开", "t3": "依申请公开", "t4": "复议诉讼"}
LEFT = 2  # tables start in column B


def handwrite(label: str) -> str:
    """A label as a clerk types it: half-width brackets, 1、, straight quotes."""
    text = label.replace("（", "(").replace("）", ")").replace("“", '"').replace("”", '"')
    text = re.sub(r"^(\d)\.", r"\1、", text)
    if text.startswith("一、本年新收"):
        text = text.replace("信息公开", "信息\n公开 ")
    return text


@dataclass
class Options:
    details: Mapping[str, object] = field(default_factory=dict)
    blank_totals: tuple[CellKey, ...] = ()
    formulas: bool = False  # totals as =SUM formulas never calculated
    subtotals: bool = False  # a 不予公开小计 row and a 法人或其他组织小计 column in table 三
    overrides: Mapping[CellKey, object] = field(default_factory=dict)  # raw cell contents
    rename: Mapping[str, str] = field(default_factory=dict)  # label -> what the clerk wrote
    narrative: bool = True
    split: bool = False  # one table per sheet (sheets named 主动公开, 依申请公开, 复议诉讼), details on 封面


def write_handmade(
    path: Path, fmt: Format, inputs: Mapping[CellKey, Number], options: Options
) -> dict[CellKey, str]:
    """Write the workbook; returns the place (``sheet!A1``) of every value cell."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = "政府信息公开工作年度报告数据（手工表格）"
    row = _details(ws, options.details)
    numbers: dict[CellKey, Number | None] = dict(inputs)
    numbers.update(derive_totals(fmt, numbers))
    addresses: dict[CellKey, str] = {}
    for table in fmt.tables:
        if options.split:
            ws = wb.create_sheet(SPLIT_SHEETS[table.id])
            row = 1
        ws.cell(row, LEFT, fmt.section(table.section).heading)
        row = _table(ws, fmt, table.id, row + 1, numbers, options, addresses) + 2
    if options.formulas:
        for eq in fmt.equations:
            if eq.total and eq.target in addresses and eq.target not in options.blank_totals:
                sheet, cell = addresses[eq.target].split("!")
                wb[sheet][cell] = "=" + "+".join(_ref(addresses[k], sheet) for k in eq.plus)
    if options.narrative:
        if options.split:
            ws = wb[SHEET]
            row = 12
        _narrative(ws, fmt, row)
    wb.save(path)
    return addresses


def _details(ws, details: Mapping[str, object]) -> int:
    """机关名称 and 年度 with the value beside; four contact labels in a row with values underneath."""
    ws["A3"], ws["B3"] = "机关名称：", details.get("name")
    ws["A4"], ws["B4"] = "年度", details.get("year")
    beside = ("portal_name", "portal_url", "contact_dept", "address")
    labels = {
        "portal_name": "门户网站名称",
        "portal_url": "门户网站网址",
        "contact_dept": "联系部门",
        "address": "地址",
    }
    for i, key in enumerate(beside):
        ws.cell(5, 1 + i, labels[key])
        ws.cell(6, 1 + i, details.get(key))
    ws["A7"], ws["B7"] = "邮编", details.get("postcode")
    ws["A8"], ws["B8"] = "电话", details.get("phone")
    return 10


def _table(ws, fmt: Format, table_id: str, top: int, numbers, options: Options, addresses) -> int:
    grid = layout(fmt.table(table_id))
    extra_row = _subtotal_row(grid) if options.subtotals and table_id == "t3" else None
    extra_col = _subtotal_col(grid) if options.subtotals and table_id == "t3" else None

    def r_of(g: int) -> int:
        return top + g + (1 if extra_row is not None and g > extra_row else 0)

    def c_of(g: int) -> int:
        return LEFT + g + (1 if extra_col is not None and g > extra_col else 0)

    for cell in grid.cells:
        r, c = r_of(cell.row), c_of(cell.col)
        r2, c2 = r_of(cell.row + cell.rowspan - 1), c_of(cell.col + cell.colspan - 1)
        if (r2, c2) != (r, c):
            ws.merge_cells(start_row=r, start_column=c, end_row=r2, end_column=c2)
        if cell.key is None:
            text = options.rename.get(cell.text, handwrite(cell.text)) if cell.text else None
            ws.cell(r, c, text)
            continue
        addresses[cell.key] = f"{ws.title}!{get_column_letter(c)}{r}"
        ws.cell(r, c, _content(fmt, cell.key, numbers, options, addresses))
    if extra_row is not None:
        _write_subtotal_row(ws, fmt, r_of(extra_row) + 1, addresses, numbers)
    if extra_col is not None:
        _write_subtotal_col(ws, fmt, top, c_of(extra_col) + 1, addresses, numbers)
    return r_of(grid.height - 1)


def _content(fmt: Format, key: CellKey, numbers, options: Options, addresses) -> object:
    if key in options.overrides:
        return options.overrides[key]
    if key in fmt.total_keys() and key in options.blank_totals:
        return None
    value = numbers.get(key)
    if isinstance(value, Decimal):
        return float(value)  # as Excel stores it
    if key == CellKey("t3", "一", "自然人") and value:
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))  # full-width digits
    return value


def _cell(place: str) -> str:
    return place.split("!")[1]


def _ref(place: str, sheet: str) -> str:
    target_sheet, cell = place.split("!")
    return cell if target_sheet == sheet else f"'{target_sheet}'!{cell}"


def _subtotal_row(grid) -> int:
    return max(c.row for c in grid.cells if c.key is not None and c.key.row == "（三）8")


def _subtotal_col(grid) -> int:
    return max(c.col for c in grid.cells if c.key is not None and c.key.column == "其他")


def _write_subtotal_row(ws, fmt: Format, row: int, addresses, numbers) -> None:
    ws.cell(row, LEFT + 2, "不予公开小计")
    for column in fmt.table("t3").blocks[0].columns:
        col = ws[_cell(addresses[CellKey("t3", "（三）1", column.key)])].column
        ws.cell(row, col, sum(numbers.get(CellKey("t3", f"（三）{i}", column.key)) or 0 for i in range(1, 9)))


def _write_subtotal_col(ws, fmt: Format, top: int, col: int, addresses, numbers) -> None:
    ws.cell(top + 1, col, "法人或其他组织小计")
    ws.merge_cells(start_row=top + 1, start_column=col, end_row=top + 2, end_column=col)
    orgs = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    for row in fmt.table("t3").blocks[0].rows:
        r = ws[_cell(addresses[CellKey("t3", row.key, "自然人")])].row
        ws.cell(r, col, sum(numbers.get(CellKey("t3", row.key, o)) or 0 for o in orgs))


def _narrative(ws, fmt: Format, row: int) -> None:
    """Section headings with their text to the right; 六 as a small list."""
    ws.cell(row, LEFT, fmt.section("一").heading)
    ws.cell(row, LEFT + 1, "本年度政务公开工作有序推进。\n公开质量不断提高。")
    ws.cell(row + 1, LEFT, fmt.section("五").heading)
    ws.cell(row + 1, LEFT + 1, "一是公开内容不够深入。")
    ws.cell(row + 2, LEFT, fmt.section("六").heading)
    ws.cell(row + 3, LEFT, "序号")
    ws.cell(row + 3, LEFT + 1, "事项")
    ws.cell(row + 3, LEFT + 2, "内容")
    ws.cell(row + 4, LEFT, 1)
    ws.cell(row + 4, LEFT + 1, "政府信息公开信息处理费收取情况")
    ws.cell(row + 4, LEFT + 2, "本年度未收取信息处理费。")
