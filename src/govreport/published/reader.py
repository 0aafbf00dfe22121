"""A published report (.docx, PDF, portal page) read into a Report, through the workbook reader's own
label-driven table location, value parsing and findings.

Every grid of the document is stacked into one sheet (right-aligned: value columns sit on the right of
every statutory table); each sheet row remembers its table, row and page, so every value and finding
points into the document. The narrative comes from the numbered
headings, the body and year from the title, the contact details from the 前言.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..blocks import PLACEHOLDER
from ..formats import FORMATS, Format, UnknownFormatError, get_format
from ..model import Detail, Finding, Passage, Place, PublishedItems, Report, Severity, Value, WorkbookError
from ..workbook import names
from ..workbook.cells import read_values
from ..workbook.coords import address_to_tuple
from ..workbook.locate import locate
from ..workbook.reader import _choose_format
from ..workbook.sheets import Pos, Sheet, index_rows
from ..workbook.values import to_decimal
from .align import join_broken_numbers, join_split_labels, realign, statutory_labels
from .details import read_details
from .load import load_source
from .source import Chart, Grid, Para, Picture, Source, placeholder
from .structure import Parts, split_parts, subheading, unnumbered

SHEET = "表格"
_TABLE_SECTIONS = ("二", "三", "四")


@dataclass
class DocSheet(Sheet):
    """All of a document's tables as one sheet; ``origins[r]`` is (table, row in it, page, left pad)
    for sheet row ``r`` (None for the empty row between two tables)."""

    origins: list[tuple[int, int, int | None, int] | None] = field(default_factory=list)

    def place(self, pos: Pos) -> Place:
        r, c = pos
        origin = self.origins[r] if 0 <= r < len(self.origins) else None
        if origin is None:
            return Place(self.name, "")
        table, row, page, pad = origin
        where = f"第{page}页" if page else ""
        return Place(f"{where}表格{table}第{row}行第{max(c - pad, 0) + 1}列", "")


def read_published(path: str | Path, format_id: str | None = None) -> tuple[Report, list[Finding]]:
    """The report in a published .docx, PDF or HTML file and the findings made while reading it.
    Raises WorkbookError (one Chinese line naming the file) when it cannot be read or holds no report."""
    path = Path(path)
    source = load_source(path)
    try:
        return _read(path, source, format_id)
    except (WorkbookError, UnknownFormatError):
        raise
    except Exception as exc:  # a document shaped as nobody foresaw: one line, not a traceback
        raise WorkbookError(f"{path}：读取时出错（{type(exc).__name__}），无法读取这份报告") from exc


def _read(path: Path, source: Source, format_id: str | None) -> tuple[Report, list[Finding]]:
    parts = split_parts(source.blocks)
    if not parts.headings and not source.grids:
        if source.kind == "pdf" and source.blank_pages and not source.pages:
            raise WorkbookError(
                f"{path}：PDF没有文字层（扫描件），无法读取；govreport 不做文字识别（OCR），请提供带文字的PDF或Word文件"
            )
        first = FORMATS["gb2021"].section("一").heading
        attached = (
            f"；网页只提供了附件（{'、'.join(source.attachments[:3])}），请下载附件后检查"
            if source.attachments
            else ""
        )
        raise WorkbookError(
            f"{path}：没有找到年度报告的章节标题（{first}……）和统计表，这不是政府信息公开工作年度报告{attached}"
        )
    known = statutory_labels(FORMATS.values())
    sheet = tables_sheet([join_split_labels(g, known) for g in source.grids])
    details, findings = read_details(source, parts)
    fixed = get_format(format_id) if format_id else None
    if fixed is None:
        fmt, chosen = _choose_format(details.get("year"), [sheet])
        findings += chosen
    else:
        fmt = fixed
    spots = {t.id: locate(t, [sheet], fmt.section(t.section).heading, fmt.tables) for t in fmt.tables}
    for spot in spots.values():
        realign(spot, sheet)
        join_broken_numbers(spot, sheet)
    details.update(_units(fmt, spots, sheet))
    cells = read_values(fmt, spots, [sheet], lambda wanted: {})
    table_findings = [_tolerated(f) for spot in spots.values() for f in spot.findings] + cells.findings
    findings += _tables_as_pictures(fmt, source, parts, spots, table_findings)
    narrative, narrative_findings = read_narrative(fmt, parts, source.kind == "pdf")
    findings += narrative_findings
    findings += unread_charts(parts, source.kind == "pdf")
    report = Report(
        format_id=fmt.id,
        source=str(path),
        details=details,
        narrative=narrative,
        values=cells.values,
        figures=read_charts(parts),
    )
    return report, [_relocate(f, sheet, spots) for f in findings]


def tables_sheet(grids: list[Grid]) -> DocSheet:
    """The grids stacked into one sheet, an empty row between two, each row right-aligned to the
    widest (value columns sit on the right of every statutory table)."""
    width = max((g.width for g in grids), default=0)
    cells: dict[Pos, object] = {}
    origins: list[tuple[int, int, int | None, int] | None] = []
    r = 0
    for grid in grids:
        for i, row in enumerate(grid.rows):
            pad = width - len(row)
            for c, value in enumerate(row):
                if value is not None:
                    cells[(r, c + pad)] = value
            page = grid.pages[i] if i < len(grid.pages) else None
            origins.append((grid.number, i + 1, page, pad))
            r += 1
        origins.append(None)
        r += 1
    base = index_rows(SHEET, cells, {})
    return DocSheet(SHEET, base.rows, base.index, {}, origins)


_WITH_UNIT = re.compile(r"^\s*(-?[\d,.]+)\s*(万元|元)\s*$")


def _units(fmt: Format, spots: dict, sheet: DocSheet) -> dict[str, Detail]:
    """A unit printed after an amount whose unit the format leaves open (``75394432.52元``): the
    unit becomes the detail the workbook would carry, and the cell keeps the number."""
    out: dict[str, Detail] = {}
    for column in fmt.unit_columns():
        for spot in spots.values():
            for key, pos in spot.cells.items():
                if key.column != column.key:
                    continue
                m = _WITH_UNIT.match(str(sheet.value(*pos) or ""))
                if m and m.group(2) in column.units and column.unit_label:
                    out[column.unit_label] = Detail(m.group(2), sheet.place(pos))
                    row = list(sheet.rows[pos[0]])
                    row[pos[1]] = m.group(1)
                    sheet.rows[pos[0]] = tuple(row)
    return out


_A1 = re.compile(r"^[A-Z]{1,3}\d+$")


def _pos(address: str) -> Pos:
    row, column = address_to_tuple(address)
    return row - 1, column - 1


def _relocate(finding: Finding, sheet: DocSheet, spots: dict) -> Finding:
    """A finding the workbook reader placed at a cell of the tables' sheet, placed in the document:
    at its cell, else at the table it concerns."""
    if finding.sheet == SHEET:
        where = sheet.place(_pos(finding.cell)) if finding.cell and _A1.match(finding.cell) else None
        finding = replace(
            finding, sheet=where.sheet if where else _table_place(sheet, spots.get(finding.table)), cell=None
        )
    if finding.cells:
        moved = tuple(
            str(sheet.place(_pos(c.split("!", 1)[1]))) if c.startswith(f"{SHEET}!") else c
            for c in finding.cells
        )
        finding = replace(finding, cells=moved)
    return finding


def _table_place(sheet: DocSheet, spot) -> str:
    """``第3页表格2``: where the statutory table of ``spot`` starts in the document."""
    rows = [r for r in (spot.label_rows.values() if spot is not None else ()) if 0 <= r < len(sheet.origins)]
    origin = sheet.origins[min(rows)] if rows else None
    if origin is None:
        return "统计表"
    table, _, page, _ = origin
    return f"第{page}页表格{table}" if page else f"表格{table}"


def _tolerated(finding: Finding) -> Finding:
    """A table label printed differently from the format (a typo, a dropped word, an extra merged
    column) whose cell was still placed and read is a warning: the published numbers were read."""
    if finding.rule == "Q6" and finding.type == "label-missing" and finding.cell:
        return replace(finding, severity=Severity.WARNING)
    return finding


def _tables_as_pictures(
    fmt: Format, source: Source, parts: Parts, spots: dict, table_findings: list[Finding]
) -> list[Finding]:
    """The tables' findings; when no statutory table was found but pictures stand where they belong
    (or the PDF has pages without text), one finding that the tables were published as pictures."""
    if any(spot.sheet is not None and spot.cells for spot in spots.values()):
        return table_findings
    pictures = any(isinstance(b, Picture) for n in _TABLE_SECTIONS for b in parts.sections.get(n, ()))
    if not pictures and not source.blank_pages:
        return table_findings
    names = "、".join(f"表{t.section}" for t in fmt.tables)
    message = (
        f"统计表（{names}）以图片形式发布，没有可读取的表格文字；无法核对勾稽关系，"
        "请以表格（文字）形式发布统计表"
    )
    return [Finding("Q6", "tables-as-images", Severity.WARNING, message, sheet="统计表", expected="表格文字")]


# ---- charts -------------------------------------------------------------------------------------


def read_charts(parts: Parts) -> tuple[PublishedItems, ...]:
    """The charts whose data the file carries, each placed under the sub-heading it follows
    (``一（一）``), with its caption; a count that is no whole number stays unread."""
    figures = []
    for number, blocks in parts.sections.items():
        sub = ""
        for block in blocks:
            if isinstance(block, Para) and (head := subheading(block.text)) is not None:
                sub = head[0][: head[0].index("）") + 1] if "）" in head[0] else ""
            elif isinstance(block, Chart) and block.items:
                where = Place(f"“{parts.headings[number].text}”中的统计图", "")
                items = tuple((label, Value(_count(value), where, value)) for label, value in block.items)
                figures.append(
                    PublishedItems(items, caption=block.caption, place=f"{number}{sub}", where=where)
                )
    return tuple(figures)


def unread_charts(parts: Parts, paged: bool) -> list[Finding]:
    """One finding for each chart whose data the file does not carry (a picture, a figure drawn in a
    PDF): its counts per 栏目 were neither checked (F1 stays silent) nor imported."""
    findings = []
    for number, blocks in parts.sections.items():
        for block in blocks:
            if isinstance(block, Chart) and not block.items:
                page = f"第{block.page}页" if paged and block.page else ""
                caption = f"“{block.caption}”" if block.caption else ""
                message = (
                    f"统计图{caption}是图片或绘制的图形，读不出各栏目的发布条数，未核对各栏目条数之和（F1）；"
                    f"导入的工作簿中“{names.FIGURES}”需手工填写"
                )
                findings.append(
                    Finding(
                        "F1",
                        "figure-unread",
                        Severity.WARNING,
                        message,
                        sheet=f"{page}“{parts.headings[number].text}”中的统计图",
                    )
                )
    return findings


def _count(text: str) -> int | None:
    number = to_decimal(text)
    return int(number) if number is not None and number == int(number) and number >= 0 else None


# ---- narrative ----------------------------------------------------------------------------------


def read_narrative(
    fmt: Format, parts: Parts, paged: bool
) -> tuple[dict[str, tuple[Passage, ...]], list[Finding]]:
    narrative: dict[str, tuple[Passage, ...]] = {}
    findings: list[Finding] = []
    if parts.preamble:
        narrative["前言"] = (
            Passage(None, tuple(p.text for p in parts.preamble), _place(parts, "前言", 0, paged)),
        )
    for number in ("一", "五", "六"):
        paras = [b for b in parts.sections.get(number, ()) if isinstance(b, Para)]
        heading = fmt.section(number).heading
        held = [p for p in paras if not placeholder(p.text)]
        if not held:
            where = "没有这一节" if number not in parts.headings else "没有内容" if not paras else _LEFT
            findings.append(_missing(f"“{heading}”{where}", heading))
            narrative[number] = ()
            continue
        split = _overview if number == "一" else _items if number == "六" else _whole
        narrative[number] = split(parts, number, paras, paged)
        for passage in narrative[number]:
            if passage.title and not passage.paragraphs and _left_to_fill(passage, paras):
                findings.append(_missing(f"“{heading}”的“{passage.title}”{_LEFT}", heading, passage.place))
    return narrative, findings


_LEFT = f"没有内容（印的是{PLACEHOLDER}）"


def _missing(message: str, heading: str, place: Place | None = None) -> Finding:
    """An M3 finding at ``place``, else at the section."""
    where = place.sheet if place is not None else f"“{heading}”"
    return Finding("M3", "narrative-missing", Severity.WARNING, message, sheet=where, expected=heading)


def _left_to_fill(passage: Passage, paras: list[Para]) -> bool:
    """Whether the sub-heading ``passage`` stood over a 【待填写】 (printed on its own or run in after
    it): a sub-heading that is followed by a chart or a table and no words is not a gap."""
    for i, para in enumerate(paras):
        sub = subheading(para.text)
        if sub is not None and _titled(sub[0], passage):
            if placeholder(sub[1]):
                return True
            return i + 1 < len(paras) and placeholder(paras[i + 1].text)
    return False


def _titled(title: str, passage: Passage) -> bool:
    return passage.title in (title, unnumbered(title))


def _place(parts: Parts, number: str, index: int, paged: bool, para: Para | None = None) -> Place:
    page = f"第{para.page}页" if paged and para is not None and para.page else ""
    if number == "前言":
        return Place(f"{page}前言第{index + 1}段", "")
    heading = parts.headings[number].text if number in parts.headings else number
    return Place(f"{page}“{heading}”第{index + 1}段", "")


def _whole(parts: Parts, number: str, paras: list[Para], paged: bool) -> tuple[Passage, ...]:
    texts = tuple(p.text for p in paras if not placeholder(p.text))
    return (Passage(None, texts, _place(parts, number, 0, paged, paras[0])),)


def _overview(parts: Parts, number: str, paras: list[Para], paged: bool) -> tuple[Passage, ...]:
    """The intro paragraphs, then one passage per numbered sub-heading."""
    passages: list[Passage] = []
    title: str | None = None
    body: list[str] = []
    start = 0

    def close() -> None:
        if title is not None or body:
            passages.append(Passage(title, tuple(body), _place(parts, number, start, paged, paras[start])))

    for i, para in enumerate(paras):
        sub = subheading(para.text)
        if sub is None:
            if not placeholder(para.text):
                body.append(para.text)
            continue
        close()
        title, rest = sub
        body = [rest] if rest and not placeholder(rest) else []
        start = i
    close()
    return tuple(passages)


def _items(parts: Parts, number: str, paras: list[Para], paged: bool) -> tuple[Passage, ...]:
    """Section 六: one passage per numbered item (titles without their numbers); text before the
    first item is an untitled passage."""
    return tuple(
        Passage(unnumbered(p.title) if p.title else None, p.paragraphs, p.place)
        for p in _overview(parts, number, paras, paged)
    )
