"""A fast read of a workbook's cells straight from its XML parts.

openpyxl builds an object per cell and parses every style, which costs tens of milliseconds per small
workbook; batches check hundreds. The reader only needs each cell's value, its formula, and Excel's
cached result, all of which one pass over a sheet's XML gives (openpyxl hands back either the formula or
the cached value, never both). Every part read here is parsed with a DTD refused (defusedxml, or expat
with a handler that raises); parts it does not read are never parsed. On anything unexpected this raises
and the reader falls back to openpyxl, after opening.py has checked every part for a DTD.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import xml.parsers.expat
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _fromstring
from defusedxml.ElementTree import iterparse as _iterparse

from .coords import address_to_tuple
from .sheets import MAX_COLS, MAX_ROWS, Pos, Sheet, index_rows

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DATE_IDS = {14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58}
# Built-in number formats that show a date or time: _DATE_IDS and the built-in codes such as
# "h:mm AM/PM" (18–21) and "mm:ss" (45–47) (openpyxl's BUILTIN_FORMATS through is_date_format).
_BUILTIN_DATE_IDS = _DATE_IDS | {18, 19, 20, 21, 45, 46, 47}
WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
_LIMIT = Decimal(10) ** 15  # Excel's own precision: beyond it a number is kept as written
MAC_EPOCH = dt.datetime(1904, 1, 1)


def read_xlsx(path: Path, only: set[str] | None = None) -> list[Sheet]:
    with zipfile.ZipFile(path) as zf:
        names, date1904 = _sheet_targets(zf)
        strings = _shared_strings(zf)
        dates = _date_styles(zf)
        epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        sheets = []
        for name, target in names:
            if only is not None and name not in only:
                continue
            with zf.open(target) as fh:
                sheets.append(_sheet(name, fh, strings, dates, epoch))
    return sheets


# The workbook part, its relationships and the styles are the same in every workbook made from one
# template (a batch of towns), so what is read from them is kept per distinct content.
_PER_CONTENT: dict[tuple[str, bytes, bytes], object] = {}


def _per_content(kind: str, first: bytes, second: bytes, make):
    key = (kind, first, second)
    found = _PER_CONTENT.get(key)
    if found is None:
        if len(_PER_CONTENT) >= 64:
            _PER_CONTENT.clear()
        found = _PER_CONTENT[key] = make()
    return found


# Strict Open XML (Excel's "Strict Open XML Spreadsheet") names the same elements in other namespaces.
_STRICT = (
    (b"http://purl.oclc.org/ooxml/spreadsheetml/main", NS[1:-1].encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", REL[1:-1].encode()),
)


def transitional(data: bytes) -> bytes:
    """A part's XML with Strict namespaces renamed to the transitional ones the reader looks for."""
    if b"purl.oclc.org/ooxml" not in data[:4096]:
        return data
    for strict, usual in _STRICT:
        data = data.replace(strict, usual)
    return data


def _sheet_targets(zf: zipfile.ZipFile) -> tuple[list[tuple[str, str]], bool]:
    book = transitional(zf.read("xl/workbook.xml"))
    rels = zf.read("xl/_rels/workbook.xml.rels")
    targets, date1904 = _per_content("targets", book, rels, lambda: _parse_targets(book, rels))
    return list(targets), date1904


def _parse_targets(book_xml: bytes, rels_xml: bytes) -> tuple[tuple[tuple[str, str], ...], bool]:
    book = fromstring(book_xml)
    rels = fromstring(rels_xml)
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{PKG}Relationship")}
    pr = book.find(f"{NS}workbookPr")
    date1904 = pr is not None and pr.get("date1904") in ("1", "true")
    out = []
    for sheet in book.iter(f"{NS}sheet"):
        target = targets.get(sheet.get(f"{REL}id"), "")
        if "worksheets/" not in target:
            continue  # chart sheets and dialog sheets hold no cells
        part = (
            target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        )
        out.append((sheet.get("name", ""), part))
    return tuple(out), date1904


def _shared_strings(zf: zipfile.ZipFile) -> list[str]:
    try:
        data = zf.open("xl/sharedStrings.xml")
    except KeyError:
        return []
    with zf.open("xl/sharedStrings.xml") as head:
        strict = b"purl.oclc.org/ooxml" in head.read(4096)
    if strict:
        data.close()
        data = io.BytesIO(transitional(zf.read("xl/sharedStrings.xml")))
    strings = []
    with data:
        for _, el in iterparse(data):
            if el.tag == f"{NS}si":
                strings.append(_text_of(el))
                el.clear()
    return strings


def _text_of(el) -> str:
    """The text of a string item: its <t>, or its rich-text runs' <t>, never phonetic guides."""
    direct = el.find(f"{NS}t")
    if direct is not None:
        return direct.text or ""
    return "".join(t.text or "" for r in el.iter(f"{NS}r") for t in r.iter(f"{NS}t"))


def _date_styles(zf: zipfile.ZipFile) -> frozenset[int]:
    """Indexes of the cell formats that show a number as a date."""
    try:
        styles = transitional(zf.read("xl/styles.xml"))
    except KeyError:
        return frozenset()
    return _per_content("dates", styles, b"", lambda: frozenset(_parse_date_styles(styles)))


def _parse_date_styles(styles: bytes) -> set[int]:
    root = fromstring(styles)
    custom = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in root.iter(f"{NS}numFmt")}
    xfs = root.find(f"{NS}cellXfs")
    dates = set()
    for i, xf in enumerate(xfs if xfs is not None else ()):
        fmt_id = int(xf.get("numFmtId", "0"))
        code = custom.get(fmt_id)
        shows_date = is_date_format(code) if code else fmt_id in _BUILTIN_DATE_IDS
        if fmt_id in _DATE_IDS or shows_date:
            dates.add(i)
    return dates


# A number format shows a date when its first section, without literal text ("…") and bracketed
# colours or locales (but keeping [h] [m] [s]), has a date or time letter (as openpyxl decides).
_FORMAT_NOISE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")


def is_date_format(code: str) -> bool:
    first = _FORMAT_NOISE.sub("", code.split(";")[0])
    return _DATE_LETTER.search(first) is not None


def from_excel(value: float, epoch: dt.datetime) -> dt.datetime | dt.time:
    """An Excel serial date as a datetime (a time for a fraction of a day alone), with Excel's
    fictitious 29 February 1900 on the Windows calendar (as openpyxl converts it)."""
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return dt.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + dt.timedelta(days=day) + diff


class DTDForbidden(ValueError):
    """A part declares a DTD (possible entity-expansion bomb)."""


UNSAFE = (DTDForbidden, DefusedXmlException)


def fromstring(data: bytes):
    return _fromstring(data, forbid_dtd=True)


def iterparse(source):
    return _iterparse(source, forbid_dtd=True)


def _refuse_dtd(*_: object) -> None:
    raise DTDForbidden("DTD in workbook part")


class _SheetParser:
    """Expat callbacks over one worksheet part: every <c> with its value, formula and type.

    This runs for every element of every sheet, so it is written for speed: local names are looked
    up in a table instead of split per element, and a cell's text is kept as one string."""

    __slots__ = (
        "cell",
        "cells",
        "col",
        "dates",
        "done",
        "epoch",
        "f",
        "f_attrs",
        "formulas",
        "in_phonetic",
        "inline",
        "more",
        "row",
        "shared",
        "strings",
        "text",
        "v",
    )

    def __init__(self, strings: list[str], dates: frozenset[int], epoch: dt.datetime) -> None:
        self.strings, self.dates, self.epoch = strings, dates, epoch
        self.cells: dict[Pos, object] = {}
        self.formulas: dict[Pos, str] = {}
        self.shared: dict[str, tuple[str, str]] = {}
        self.row, self.col = 0, 0
        self.cell: dict[str, str] | None = None
        self.f_attrs: dict[str, str] | None = None
        self.text: str | None = None
        self.more: list[str] = []  # further pieces of a text longer than expat's buffer
        self.v: str | None = None
        self.f: str | None = None
        self.inline: list[str] | None = None
        self.in_phonetic = False
        self.done = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _LOCAL.get(name) or _local(name)
        if tag == "c":
            self.cell, self.v, self.f, self.f_attrs, self.inline = attrs, None, None, None, None
        elif tag == "v" or tag == "f" or tag == "t":
            if self.cell is not None:
                self.text = ""
                if tag == "f":
                    self.f_attrs = attrs
        elif tag == "row":
            if "r" in attrs:
                self.row, self.col = int(attrs["r"]), 0
                if self.row > MAX_ROWS:  # rows come in order: nothing further is kept, stop reading
                    self.done = True
        elif tag == "rPh":
            self.in_phonetic = True

    def end(self, name: str) -> None:
        tag = _LOCAL.get(name) or _local(name)
        if tag == "c":
            if self.cell is not None:
                self._finish(self.cell)
                self.cell = None
        elif tag == "v":
            if self.text is not None:
                self.v = self._text()
        elif tag == "f":
            if self.text is not None:
                self.f = self._text()
        elif tag == "t":
            if self.text is not None:
                text = self._text()
                if not self.in_phonetic:
                    if self.inline is None:
                        self.inline = [text]
                    else:
                        self.inline.append(text)
        elif tag == "rPh":
            self.in_phonetic = False
        elif tag == "sheetData":
            self.done = True

    def chars(self, data: str) -> None:
        if self.text is not None:
            if self.text:
                self.more.append(data)  # joined once at the end: linear for a text of any length
            else:
                self.text = data

    def _text(self) -> str:
        text = self.text or ""
        if self.more:
            text += "".join(self.more)
            self.more = []
        self.text = None
        return text

    def _finish(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if ref:
            self.row, self.col = address_to_tuple(ref)
        else:
            self.col += 1
        pos = (self.row - 1, self.col - 1)
        if not (0 <= pos[0] < MAX_ROWS and 0 <= pos[1] < MAX_COLS):  # beyond any table, or r="A0"
            return
        formula = _formula(self.f, self.f_attrs, ref, self.shared) if self.f_attrs is not None else None
        value = self._value(attrs)
        if formula is not None:
            self.formulas[pos] = formula
        if value is not None:
            self.cells[pos] = value
        elif formula is not None:
            self.cells[pos] = formula  # never calculated: the reader computes it

    def _value(self, attrs: dict[str, str]) -> object:
        kind = attrs.get("t", "n")
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline else None
        text = self.v
        if text is None:
            return None
        if kind == "s":
            index = int(text)
            if not 0 <= index < len(self.strings):
                raise ValueError(f"shared string {index} missing")  # damaged: openpyxl then says so
            return self.strings[index]
        if kind in ("str", "e"):
            return text
        if kind == "b":
            return text in ("1", "true")
        if kind == "d":
            return dt.datetime.fromisoformat(text.rstrip("Z"))
        number = int(text) if text.isdigit() and text.isascii() and len(text) < 16 else _number(text)
        if isinstance(number, str):
            return number  # not a number a table can hold: the value check says so at the cell
        if number is not None and self.dates and int(attrs.get("s", "0") or 0) in self.dates:
            return from_excel(float(number), self.epoch)
        return number


_LOCAL: dict[str, str] = {}  # expat's "namespace local" -> local name, for every name seen


def _local(name: str) -> str:
    if len(_LOCAL) > 4096:  # a hostile file with endless distinct names
        _LOCAL.clear()
    tag = _LOCAL[name] = name.rpartition(" ")[2]
    return tag


def _sheet(name: str, fh, strings: list[str], dates: frozenset[int], epoch: dt.datetime) -> Sheet:
    handler = _SheetParser(strings, dates, epoch)
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.chars
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    while not handler.done and (chunk := fh.read(1 << 16)):
        parser.Parse(chunk, False)
    if not handler.done:
        parser.Parse(b"", True)
    return index_rows(name, handler.cells, handler.formulas)


def _formula(
    text: str | None, attrs: dict[str, str], ref: str | None, shared: dict[str, tuple[str, str]]
) -> str | None:
    """The cell's formula as ``=…``; a shared formula's dependants are translated from its master."""
    si = attrs.get("si")
    if attrs.get("t") == "shared" and si is not None:
        if text:
            shared[si] = (f"={text}", ref or "A1")
            return f"={text}"
        if si in shared and ref:
            from openpyxl.formula.translate import Translator  # only for shared formulas

            master, origin = shared[si]
            return Translator(master, origin).translate_formula(ref)
        return None
    return f"={text}" if text else None


def _number(text: str) -> int | Decimal | str | None:
    """The number as Excel wrote it, exactly; more than 15 significant digits (a binary artefact such
    as 0.30000000000000004) are rounded to Excel's 15. Beyond what a table can hold (NaN, INF,
    ``1E+99999999``, thousands of digits) the text itself, for the value check to report."""
    if len(text) > 64:
        return text
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or not -_LIMIT < number < _LIMIT:
        return text
    if number == number.to_integral_value() and "." not in text and "E" not in text.upper():
        return int(text)
    digits = number.as_tuple().digits
    if len(digits) > 15:
        number = Decimal(format(number, ".15g"))
    return number
