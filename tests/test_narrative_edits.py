"""What the office wrote always reaches the report, or a finding says why (issue 16).

Golden cases as data (tests/cases/narrative_edits.json): a filled template edited as a clerk edits it in
Excel or WPS, then ``govreport check`` and ``govreport build`` through click's CliRunner in both formats.
The PDF's and the .docx's text must show what the workbook holds, in order; the findings must be exactly
the case's, at the cells it names.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from factories import workbook_data
from pypdf import PdfReader

from govreport.cli import cli
from govreport.formats import CellKey, get_format
from govreport.workbook.fill import fill_workbook
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


def filled(path: Path, format_id: str) -> Path:
    return fill_workbook(path, workbook_data(NAME, YEAR[format_id], INPUTS), fmt=get_format(format_id))


def expand(text: str, format_id: str) -> str:
    """The case's placeholders for this format: years, and table cells by key (``{@…}``: the cell only)."""
    year = YEAR[format_id]
    text = text.replace("{year}", str(year)).replace("{last_year}", str(year - 1))
    text = text.replace("{next_year}", str(year + 1))
    where = build_template(get_format(format_id))[1].values

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
        else:
            raise ValueError(op)
    wb.save(path)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    """The PDF's text, one line per line of print (spaces inside a line kept)."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def absent_from(text: str, absent: str) -> bool:
    """``absent`` nowhere in ``text``: compared without line breaks, and without any white space
    unless ``absent`` itself holds some (a name split by a space)."""
    if re.search(r"\s", absent):
        return absent not in text.replace("\n", "")
    return squeeze(absent) not in squeeze(text)


def in_order(text: str, wanted: list[str]) -> list[str]:
    """The texts of ``wanted`` not found in ``text`` in this order (empty when all are)."""
    pos, missing = 0, []
    for item in wanted:
        found = text.find(squeeze(item), pos)
        if found < 0:
            missing.append(item)
        else:
            pos = found + len(squeeze(item))
    return missing


def run(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_what_the_clerk_wrote_reaches_the_report(
    tmp_path: Path, case: dict[str, Any], format_id: str
) -> None:
    book = filled(tmp_path / "年报.xlsx", format_id)
    edit(book, case["edits"], format_id)

    checked = run("check", str(book), "--format", "json")
    task = json.loads(checked.output)["tasks"][0]
    found = sorted(
        (f["rule"], f["type"], f"{f['sheet'] or ''}!{f['cell'] or ''}")
        for f in task["errors"] + task["warnings"]
    )
    assert found == sorted(tuple(f) for f in case["findings"]), checked.output
    assert checked.exit_code == (1 if task["errors"] else 0)

    out = tmp_path / "out"
    built = run("build", str(book), "-o", str(out))
    assert built.exit_code == 0, built.output
    files = sorted(p.name for p in out.iterdir())
    if "files" in case:
        assert files == sorted(expand(f, format_id) for f in case["files"])
    texts = {p.suffix: pdf_text(p) if p.suffix == ".pdf" else docx_text(p) for p in out.iterdir()}
    assert set(texts) == {".pdf", ".docx"}
    printed = [expand(t, format_id) for t in case["printed"]]
    for suffix, text in texts.items():
        assert not in_order(squeeze(text), printed), (suffix, in_order(squeeze(text), printed))
        for absent in case["absent"]:
            assert absent_from(text, expand(absent, format_id)), (suffix, absent)
