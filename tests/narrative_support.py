"""Shared by the narrative tests (issue 16): the golden cases of clerks' edits, our template filled with a
short report, the edits applied with openpyxl, and the accounting of every narrative cell."""

from __future__ import annotations

import json
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
from factories import workbook_data

from govreport.formats import CellKey, get_format
from govreport.model import Finding
from govreport.text import split_paragraphs
from govreport.workbook.fill import fill_workbook
from govreport.workbook.ledger import CellReader, Ledger
from govreport.workbook.narrative import read_narrative
from govreport.workbook.reader import load_sheets
from govreport.workbook.sheets import Sheet
from govreport.workbook.template import build_template

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases" / "narrative_edits.json").read_text(encoding="utf-8")
)["cases"]
FORMATS = ("gb2021", "gb2019")
YEAR = {"gb2021": 2024, "gb2019": 2020}
NAME = "测试镇人民政府"
INPUTS = {
    CellKey("t3", "一", "自然人"): 4,
    CellKey("t3", "（一）", "自然人"): 3,
    CellKey("t3", "四", "自然人"): 1,
}
_PLACEHOLDER = re.compile(r"\{(@?)([^{}|]+\|[^{}|]+\|[^{}|]+)\}")


@cache
def _filled_bytes(format_id: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = fill_workbook(
            Path(folder) / "a.xlsx", workbook_data(NAME, YEAR[format_id], INPUTS), fmt=get_format(format_id)
        )
        return path.read_bytes()


def filled(path: Path, format_id: str) -> Path:
    """Our template filled with a short complete report (made once per format, copied per test)."""
    path.write_bytes(_filled_bytes(format_id))
    return path


@cache
def _where(format_id: str) -> dict[CellKey, tuple[str, str]]:
    return build_template(get_format(format_id))[1].values


def expand(text: str, format_id: str) -> str:
    """The case's placeholders for this format: years, and table cells by key (``{@…}``: the cell only)."""
    year = YEAR[format_id]
    text = text.replace("{year}", str(year)).replace("{last_year}", str(year - 1))
    text = text.replace("{next_year}", str(year + 1))
    where = _where(format_id)

    def cell(m: re.Match[str]) -> str:
        sheet, address = where[CellKey(*m.group(2).split("|"))]
        return address if m.group(1) else f"{sheet}!{address}"

    return _PLACEHOLDER.sub(cell, text)


def edit(path: Path, edits: list[dict[str, Any]], format_id: str) -> None:
    wb = openpyxl.load_workbook(path)
    for step in edits:
        (op, arg), *_ = step.items()
        if op == "set":
            for target, value in arg.items():
                sheet, cell = expand(target, format_id).rsplit("!", 1)
                wb[sheet][cell] = expand(value, format_id) if isinstance(value, str) else value
        elif op == "insert_row":
            wb[arg[0]].insert_rows(arg[1])
        elif op == "delete_row":
            wb[arg[0]].delete_rows(arg[1])
        elif op == "merge":
            sheet, cells = arg.rsplit("!", 1)
            wb[sheet].merge_cells(cells)
        elif op == "copy_sheet":
            copy = wb.copy_worksheet(wb[arg["sheet"]])
            copy.title = arg["name"]
            wb.move_sheet(copy, wb.sheetnames.index(arg["sheet"]) - wb.sheetnames.index(copy.title))
        elif op == "add_sheet":
            added = wb.create_sheet(arg["name"], arg["index"])
            for row in arg["rows"]:
                added.append(row)
        elif op == "rename_sheet":
            wb[arg["sheet"]].title = arg["name"]
        else:
            raise ValueError(op)
    wb.save(path)


def account(path: Path, format_id: str) -> tuple[list[Sheet], Ledger, dict, list[Finding]]:
    fmt = get_format(format_id)
    sheets = load_sheets(path)
    ledger = Ledger()
    narrative, findings = read_narrative(fmt, sheets, ledger=ledger)
    return sheets, ledger, narrative, findings


def unaccounted(sheets: list[Sheet], ledger: Ledger) -> list[str]:
    """Non-empty cells of a narrative region or a narrative-only sheet that the reader did nothing with."""
    reader = CellReader(sheets, Ledger(), [])
    missing = []
    for sheet in sheets:
        for r, row in enumerate(sheet.rows):
            covered = sheet.name in ledger.whole_sheets or any(
                name == sheet.name and first <= r < end for name, first, end in ledger.regions
            )
            if not covered:
                continue
            for c in range(len(row)):
                if reader.text(sheet, (r, c)) is not None and not ledger.accounted((sheet.name, (r, c))):
                    missing.append(str(sheet.place((r, c))))
    return missing


def used_text_is_in_the_report(sheets: list[Sheet], ledger: Ledger, narrative: dict) -> list[str]:
    """Cells marked used whose lines are nowhere in the Report's narrative (titles or paragraphs)."""
    printed = "".join(
        (p.title or "") + "".join(p.paragraphs) for passages in narrative.values() for p in passages
    )
    printed = printed.replace(" ", "")
    by_name = {s.name: s for s in sheets}
    reader = CellReader(sheets, Ledger(), [])
    lost = []
    for (name, pos), _ in ledger.used.items():
        text = reader.text(by_name[name], pos) or ""
        for line in split_paragraphs(text):
            words = line.replace(" ", "")
            if (
                words not in printed
                and words.lstrip("0123456789.、（）()一二三四五六七八九十") not in printed
            ):
                lost.append(f"{by_name[name].place(pos)}: {line}")
    return lost


def assert_accounted(path: Path, format_id: str) -> None:
    sheets, ledger, narrative, _ = account(path, format_id)
    assert ledger.regions, "no narrative region found"
    assert not unaccounted(sheets, ledger)
    assert not used_text_is_in_the_report(sheets, ledger, narrative)
