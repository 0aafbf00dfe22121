"""The template's optional sheet of items published by column (issue 6): for each chart a block of
settings (图表标题, 位置, 渠道) above a 栏目 | 条数 list closed by a 合计 row (a formula)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..formats import Format
from ..model import FIGURE_PLACE
from . import names, style

_SUBHEAD_NUMBER = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
NOTE = (
    "选填：填写各栏目的发布条数后，报告将在“位置”所指的小标题正文之后附“各类栏目信息发布数量统计图”；"
    "不需要统计图的请留空。条数为0的栏目也会显示。"
)


@dataclass
class FigureCells:
    """The input cells of one block: caption, place, channel, and (栏目, 条数) per row."""

    caption: str
    place: str
    channel: str
    rows: list[tuple[str, str]]


def place_choices(fmt: Format) -> tuple[str, ...]:
    """``一（一）`` … for each numbered sub-heading of section 一, then ``一`` (after the whole section)."""
    section = fmt.section("一")
    numbers = [m.group(0) for h in section.subheadings if (m := _SUBHEAD_NUMBER.match(h))]
    return (*(f"{section.number}{n}" for n in numbers), section.number)


def write_figures(ws: Worksheet, fmt: Format, counts: Sequence[int] = (0,)) -> list[FigureCells]:
    """One block per entry of ``counts`` (the number of item rows it needs, at least FIGURE_ROWS)."""
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 40
    title = ws.cell(1, 1, names.FIGURES)
    title.font, title.alignment = style.TITLE_FONT, style.LEFT
    ws.merge_cells("A1:B1")
    note = ws.cell(2, 1, NOTE)
    note.font, note.alignment = style.TEXT_FONT, style.LEFT
    ws.merge_cells("A2:B2")
    ws.row_dimensions[2].height = 48
    first = fmt.section("一").subheadings[0]
    places = _list_validation(
        ws, place_choices(fmt), "位置", f"报告中统计图所在的小标题，如“一（一）”表示“{first}”之后。"
    )
    channels = _list_validation(ws, names.CHANNELS, "渠道", "信息发布的渠道，如门户网站、政务新媒体。")
    blocks, row = [], 4
    for count in counts:
        block, row = _block(ws, row, max(count, names.FIGURE_ROWS), places, channels)
        blocks.append(block)
        row += 2
    style.a4(ws, center=False)
    style.protect(ws)
    return blocks


def _block(
    ws: Worksheet, top: int, rows: int, places: DataValidation, channels: DataValidation
) -> tuple[FigureCells, int]:
    caption = _setting(ws, top, names.FIGURE_CAPTION, None)
    _prompt(ws, caption, "留空则为“<机关名称><年度>年各类栏目信息发布数量统计图”；可改写。")
    place = _setting(ws, top + 1, names.FIGURE_PLACE, FIGURE_PLACE)
    places.add(place)
    channel = _setting(ws, top + 2, names.FIGURE_CHANNEL, names.CHANNELS[0])
    channels.add(channel)
    head = top + 3
    for col, label in enumerate((names.ITEM_COLUMN, names.ITEM_COUNT), 1):
        cell = ws.cell(head, col, label)
        style.header(cell)
    items = []
    for r in range(head + 1, head + 1 + rows):
        name, count = ws.cell(r, 1), ws.cell(r, 2)
        for cell in (name, count):
            cell.border, cell.font, cell.protection = style.BORDER, style.TEXT_FONT, style.UNLOCKED
        name.alignment, count.alignment = style.LEFT, style.CENTER
        count.fill = style.INPUT_FILL
        items.append((name.coordinate, count.coordinate))
    end = head + rows + 1
    total = ws.cell(end, 1, names.ITEM_TOTAL)
    total.font, total.alignment, total.border, total.fill = (
        style.TOTAL_FONT,
        style.CENTER,
        style.BORDER,
        style.TOTAL_FILL,
    )
    formula = ws.cell(end, 2, f"=SUM(B{head + 1}:B{end - 1})")
    formula.font, formula.alignment, formula.border, formula.fill = (
        style.TOTAL_FONT,
        style.CENTER,
        style.BORDER,
        style.TOTAL_FILL,
    )
    _prompt(ws, f"B{head + 1}:B{end - 1}", "填写该栏目本年发布的信息条数（整数，没有填0）。")
    return FigureCells(caption, place, channel, items), end


def _setting(ws: Worksheet, row: int, label: str, value: str | None) -> str:
    head = ws.cell(row, 1, label)
    style.header(head, align=style.LEFT)
    cell = ws.cell(row, 2, value)
    cell.font, cell.alignment, cell.border = style.TEXT_FONT, style.LEFT, style.BORDER
    cell.protection = style.UNLOCKED
    return cell.coordinate


def _list_validation(ws: Worksheet, choices: Sequence[str], title: str, prompt: str) -> DataValidation:
    """A drop-down of ``choices`` that still accepts other text (no error alert)."""
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        showErrorMessage=False,
        showInputMessage=True,
        promptTitle=title,
        prompt=prompt,
    )
    ws.add_data_validation(dv)
    return dv


def _prompt(ws: Worksheet, coordinate: str, text: str) -> None:
    dv = DataValidation(showInputMessage=True, prompt=text[:250], promptTitle="填写提示")
    dv.add(coordinate)
    ws.add_data_validation(dv)
