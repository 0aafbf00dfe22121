"""Hostile workbooks made by editing a filled workbook's XML: cells openpyxl would never write
(``1E+99999999``, a formula without a cached value), renamed sheets, Strict OOXML namespaces."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_SHEET_PART = re.compile(r'<sheet [^>]*name="([^"]*)"[^>]*r:id="(rId\d+)"')


def sheet_part(path: Path, sheet: str) -> str:
    """The part name (xl/worksheets/sheetN.xml) of the sheet called ``sheet``."""
    with zipfile.ZipFile(path) as zf:
        book = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    for m in re.finditer(r"<sheet [^>]*/>", book):
        tag = m.group(0)
        name = re.search(r'name="([^"]*)"', tag)
        rid = re.search(r'r:id="([^"]*)"', tag)
        if name and rid and _unescape(name.group(1)) == sheet:
            target = re.search(
                rf'Id="{rid.group(1)}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="{rid.group(1)}"', rels
            )
            assert target
            found = target.group(1) or target.group(2)
            return found.lstrip("/") if found.startswith("/xl/") else f"xl/{found}"
    raise KeyError(sheet)


def _unescape(text: str) -> str:
    return re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), text).replace("&amp;", "&")


def rewrite(path: Path, parts: dict[str, bytes]) -> Path:
    """``path`` with the given parts replaced (or added)."""
    with zipfile.ZipFile(path) as zf:
        items = [(info, zf.read(info)) for info in zf.infolist()]
    names = {info.filename for info, _ in items}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            zf.writestr(info.filename, parts.get(info.filename, data))
        for name, data in parts.items():
            if name not in names:
                zf.writestr(name, data)
    return path


def number_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}"><v>{escape(text)}</v></c>'


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def formula_cell(ref: str, formula: str, cached: str | None = None) -> str:
    value = "" if cached is None else f"<v>{escape(cached)}</v>"
    return f'<c r="{ref}"><f>{escape(formula.lstrip("="))}</f>{value}</c>'


def set_cells(path: Path, sheet: str, cells: dict[str, str]) -> Path:
    """Replace (or add) cells of ``sheet``: A1 reference -> the whole ``<c>`` element."""
    part = sheet_part(path, sheet)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(part).decode()
    for ref, element in cells.items():
        xml = _put(xml, ref, element)
    return rewrite(path, {part: xml.encode()})


def _put(xml: str, ref: str, element: str) -> str:
    row = re.match(r"[A-Z]+(\d+)", ref)
    assert row
    n = row.group(1)
    pattern = re.compile(rf'<c r="{ref}"(?:[^>]*/>|[^>]*>.*?</c>)', re.S)
    if pattern.search(xml):
        return pattern.sub(lambda _: element, xml, count=1)
    if re.search(rf'<row r="{n}"[^>]*/>', xml):
        return re.sub(rf'(<row r="{n}"[^>]*)/>', lambda m: f"{m.group(1)}>{element}</row>", xml)
    if re.search(rf'<row r="{n}"', xml):
        return re.sub(rf'(<row r="{n}"[^>]*>)', lambda m: m.group(1) + element, xml, count=1)
    if "<sheetData/>" in xml:
        return xml.replace("<sheetData/>", f'<sheetData><row r="{n}">{element}</row></sheetData>')
    return xml.replace("</sheetData>", f'<row r="{n}">{element}</row></sheetData>')
