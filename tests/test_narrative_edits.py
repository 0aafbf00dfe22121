"""What the office wrote always reaches the report, or a finding says why (issue 16).

Golden cases as data (tests/cases/narrative_edits.json): a filled template edited as a clerk edits it in
Excel or WPS, then ``govreport check`` and ``govreport build`` through click's CliRunner in both formats.
The PDF's, the .docx's and the HTML page's text must show what the workbook holds, in order; the findings must be exactly
the case's, at the cells it names.
"""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from narrative_support import CASES, FORMATS, assert_accounted, edit, expand, filled
from pypdf import PdfReader

from govreport.cli import cli


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    """The PDF's text, one line per line of print (spaces inside a line kept)."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def docx_text(path: Path) -> str:
    """The .docx's paragraphs, then its tables' cells, then its charts' titles and categories."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    with zipfile.ZipFile(path) as package:
        for name in sorted(n for n in package.namelist() if n.startswith("word/charts/chart")):
            parts += re.findall(r"<(?:a:t|c:v)>([^<]*)</", package.read(name).decode("utf-8"))
    return "\n".join(parts)


class _Visible(HTMLParser):
    """The text a browser shows: everything outside <head>, <script> and <style>, a line per block."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.hidden += tag in ("head", "script", "style")
        self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("head", "script", "style")
        self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


READERS = {".pdf": pdf_text, ".docx": docx_text, ".html": html_text}


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
    assert_accounted(book, format_id)

    checked = run("check", str(book), "--format", "json")
    task = json.loads(checked.output)["tasks"][0]
    found = sorted(
        (f["rule"], f["findingType"], f"{f['sheet'] or ''}!{f['address'] or ''}")
        for f in task["errors"] + task["warningDetails"]
    )
    assert found == sorted(tuple(f) for f in case["findings"]), checked.output
    assert checked.exit_code == case.get("exit", 0) == (1 if task["errors"] else 0)

    out = tmp_path / "out"
    built = run("build", str(book), "-o", str(out))
    assert built.exit_code == case.get("exit", 0), built.output
    if built.exit_code:
        assert not out.exists() or not any(out.iterdir())
        return
    files = sorted(p.name for p in out.iterdir())
    if "files" in case:
        assert files == sorted(expand(f, format_id) for f in case["files"])
    texts = {p.suffix: READERS[p.suffix](p) for p in out.iterdir()}
    assert set(texts) == set(READERS)
    printed = [expand(t, format_id) for t in case["printed"]]
    for suffix, text in texts.items():
        assert not in_order(squeeze(text), printed), (suffix, in_order(squeeze(text), printed))
        for absent in case["absent"]:
            assert absent_from(text, expand(absent, format_id)), (suffix, absent)
