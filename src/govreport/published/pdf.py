"""PDFs with a text layer (pdfplumber): ruled tables as grids, the rest as paragraphs.

A table continued over a page break is joined into one grid when nothing but a page number or a
running header stands between its parts. Lines are joined into paragraphs by their indent and by where
the previous line ended; page numbers (``-1-``, ``— 2 —``, ``第1页``) and running headers or footers
(the same line first or last on most pages) are dropped. Pictures of a fair
size become Picture blocks; a page with no text at all is counted as scanned. Characters printed over
the page, not in its text (a watermark or stamp: slanted, or far larger than the body), are not read.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from math import atan2, degrees
from pathlib import Path
from statistics import median

from ..model import WorkbookError
from .source import Block, Grid, Para, Picture, Source, tidy, tidy_cell

_PAGE_NUMBER = re.compile(r"^[-—–－_\s]*(第\s*)?\d{1,3}(\s*页)?([\s/共]*\d*\s*页?)?[-—–－_\s]*$")
MAX_PAGES = 200  # a report has a handful of pages; a huge file is refused, not read for minutes
_MIN_PICTURE = 120  # points: a logo or a seal is smaller than a table
_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


def read_pdf(path: Path, data: bytes) -> Source:
    """Raises any pdfplumber/pdfminer error for a damaged file; the caller turns it into a message."""
    import pdfplumber

    source = Source(str(path), "pdf")
    pending: list[tuple[list, list[int]]] = []  # a table that may continue: (left edge, text) rows, pages
    tables = 0
    open_end = False  # the page before ended inside a paragraph
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise WorkbookError(f"{path}：PDF有{len(pdf.pages)}页，超过{MAX_PAGES}页，不像一份年度报告")
        title = (pdf.metadata or {}).get("Title")
        if isinstance(title, str) and title.strip():
            source.titles.append(tidy(title))
        body = _body_size(pdf.pages)
        read: list[tuple[int, _Page]] = []
        for number, whole in enumerate(pdf.pages, 1):
            over = any(_overlay(ch, body) for ch in whole.chars)
            page = whole.filter(lambda obj, body=body: not _overlay(obj, body)) if over else whole
            if not page.chars:
                source.blank_pages += 1
                source.blocks.extend(Picture(number) for _ in page.images[:1])
                continue
            source.pages += 1
            read.append((number, _read_page(page, number)))
        running = _running_lines([content for _, content in read])
        for number, content in read:
            items, joins, ends_open = _arrange(content, running, number)
            if joins and open_end and items and source.blocks and isinstance(source.blocks[-1], Para):
                last, first = source.blocks[-1], items[0][1]
                assert isinstance(first, Para)
                source.blocks[-1] = Para(last.text + first.text, last.page)
                items = items[1:]
            open_end = ends_open
            for kind, payload in items:
                if kind == "grid":
                    rows = payload
                    if pending and _continues(pending[-1][0], rows):
                        pending[-1][0].extend(rows)
                        pending[-1][1].extend([number] * len(rows))
                    else:
                        tables += 1
                        _close(source, pending)
                        pending.append((list(rows), [number] * len(rows)))
                        source.blocks.append(Grid((), tables))  # placeholder, filled on close
                else:
                    _close(source, pending)
                    source.blocks.append(payload)
        _close(source, pending)
    return source


_OVERLAY_SIZE = 3.0  # times the body's type size: a watermark or stamp, not a title (~1.4, ~2 over tables)
_LIGHT_SIZE = 1.8  # a pale character this much larger than the body is a watermark too
_ANGLE = 2.0  # degrees off the horizontal or vertical that text set in lines never has


def _body_size(pages) -> float:
    """The body's type size: the size a quarter of the characters exceed (the tables' smaller type
    is often the most common, and a big title or a 红头 must not count as a watermark)."""
    sizes = sorted(round(ch["size"], 1) for page in pages for ch in page.chars)
    return sizes[len(sizes) * 3 // 4] if sizes else 0.0


def _overlay(obj: dict, body: float) -> bool:
    """A character printed over the page rather than in its text: a watermark or a stamp's words
    (草稿, 数据未通过校验, 样本) set at a slant, far larger than the body, or pale and large. Text set along or across
    the lines (a vertical table label) is kept, and so is slanted type (a synthetic italic leans, it
    does not turn)."""
    if obj.get("object_type") != "char":
        return False
    a, b = obj["matrix"][:2]
    angle = degrees(atan2(b, a)) % 90
    slanted = _ANGLE < angle < 90 - _ANGLE
    size = obj["size"] / body if body > 0 else 1.0
    return slanted or size > _OVERLAY_SIZE or (size > _LIGHT_SIZE and _light(obj.get("non_stroking_color")))


def _light(color: object) -> bool:
    """A pale fill (grey, RGB or CMYK), as watermarks are printed; black and red are not pale."""
    values = color if isinstance(color, tuple | list) else (color,)
    if not values or not all(isinstance(v, int | float) for v in values):
        return False
    if len(values) == 4:  # CMYK: little ink in every channel
        return all(v <= 0.4 for v in values) and sum(values) > 0
    return len(values) in (1, 3) and all(0.5 <= v < 1 for v in values)


def _close(source: Source, pending: list) -> None:
    """Put the pending table in its placeholder."""
    if not pending:
        return
    rows, pages = pending.pop()
    for i in range(len(source.blocks) - 1, -1, -1):
        block = source.blocks[i]
        if isinstance(block, Grid) and not block.rows:
            source.blocks[i] = Grid(_by_position(rows), block.number, tuple(pages))
            return


_SNAP = 3.0  # points: the same ruling line drawn on two pages


def _by_position(rows: list[tuple[tuple[float, str | None], ...]]) -> tuple[tuple[str | None, ...], ...]:
    """Rows of (left edge, text) cells as a grid whose columns are every left edge any part of the
    table has: the parts of a table broken over pages line up by where their cells stand, even when
    a part shows fewer columns (a header cut from its body, a merged label column cut off)."""
    edges: list[float] = []
    for x in sorted(x for row in rows for x, _ in row):
        if not edges or x - edges[-1] > _SNAP:
            edges.append(x)

    def column(x: float) -> int:
        return min(range(len(edges)), key=lambda i: abs(edges[i] - x))

    grid = []
    for row in rows:
        cells: list[str | None] = [None] * len(edges)
        for x, text in row:
            c = column(x)
            cells[c] = text if cells[c] is None else f"{cells[c]}\n{text}" if text else cells[c]
        grid.append(tuple(cells))
    return tuple(grid)


def _continues(previous: list[tuple[str | None, ...]], rows: list[tuple[str | None, ...]]) -> bool:
    """A grid at the top of a page continues the table that ended the page before when nothing but
    a page number or running header stood between them (the caller sees to that). Its column count
    may differ: a merged label column the break cut off, a header ruled apart from the body."""
    return bool(previous) and bool(rows)


@dataclass
class _Page:
    """What one page holds before paragraphs are made: grids and pictures by their top, and the
    text lines outside the tables (page numbers dropped)."""

    placed: list[tuple[float, str, object]]
    lines: list[dict]


def _read_page(page, number: int) -> _Page:
    ruled = page.filter(_ruling)
    found = ruled.find_tables(_settings(ruled))
    boxes = [t.bbox for t in found]
    placed: list[tuple[float, str, object]] = []
    for table in found:
        rows = [
            tuple(
                (box[0], tidy_cell(text) if text else None)
                for box, text in zip(row.cells, texts, strict=True)
                if box
            )
            for row, texts in zip(table.rows, table.extract(), strict=True)
        ]
        rows = [r for r in rows if any(text for _, text in r)]
        if rows:
            placed.append((table.bbox[1], "grid", rows))

    def outside(obj: dict) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or outside(obj))
    lines = [ln for ln in text_page.extract_text_lines(return_chars=False) if ln["text"].strip()]
    lines = [ln for ln in lines if not _PAGE_NUMBER.match(ln["text"])]
    for image in page.images:
        if image["x1"] - image["x0"] >= _MIN_PICTURE and image["bottom"] - image["top"] >= _MIN_PICTURE / 2:
            placed.append((image["top"], "picture", Picture(number)))
    return _Page(placed, lines)


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace(" ", ""))


def _running_lines(pages: list[_Page]) -> frozenset[str]:
    """Lines printed first or last on most pages alike (a running header or footer, digits aside)."""
    if len(pages) < 3:
        return frozenset()
    counts: dict[str, int] = {}
    for page in pages:
        ends = {_running_key(ln["text"]) for ln in (page.lines[:1] + page.lines[-1:])}
        for key in ends:
            counts[key] = counts.get(key, 0) + 1
    return frozenset(key for key, n in counts.items() if n * 2 > len(pages))


def _arrange(
    page: _Page, running: frozenset[str], number: int
) -> tuple[list[tuple[str, object]], bool, bool]:
    """The page's tables and paragraphs in reading order; whether its first line may continue the
    paragraph of the page before (neither indented nor a heading); whether it ends inside one."""
    lines = page.lines
    if running:
        last = len(lines) - 1
        lines = [
            ln for i, ln in enumerate(lines) if not (i in (0, last) and _running_key(ln["text"]) in running)
        ]
    placed = list(page.placed)
    paragraphs, joins, open_end = _paragraphs(lines, number)
    last_text = paragraphs[-1][0] if paragraphs else None
    placed.extend(paragraphs)
    placed.sort(key=lambda item: item[0])
    joins = joins and bool(placed) and placed[0][1] == "para"
    open_end = open_end and bool(placed) and placed[-1][1] == "para" and placed[-1][0] == last_text
    return [(kind, payload) for _, kind, payload in placed], joins, open_end


def _settings(page) -> dict:
    """Table settings closing a table the page break left open: a horizontal rule where the
    vertical rules start and end."""
    verticals = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 4]
    if not verticals:
        return {}
    return {
        "explicit_horizontal_lines": [min(e["top"] for e in verticals), max(e["bottom"] for e in verticals)]
    }


def _ruling(obj: dict) -> bool:
    """False for a white, unstroked box: WPS paints one behind every line of text, and as table edges
    they would make the whole page one table."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    color = obj.get("non_stroking_color")
    values = color if isinstance(color, tuple | list) else (color,)
    white = bool(values) and all(isinstance(v, int | float) and v >= 0.95 for v in values)
    return not (white and len(values) in (1, 3))


def _paragraphs(lines: list[dict], number: int) -> tuple[list[tuple[float, str, Block]], bool, bool]:
    """Lines joined into paragraphs: a new one where a line is indented or a heading, or where the
    line before ended short of the right margin. Also whether the first line may continue the page
    before's paragraph, and whether the last line runs to the right margin."""
    if not lines:
        return [], False, False
    size = median(ln["bottom"] - ln["top"] for ln in lines) or 12
    left = min(ln["x0"] for ln in lines)
    right = max(ln["x1"] for ln in lines)
    out: list[tuple[float, str, Block]] = []
    current: list[str] = []
    top = 0.0
    previous_end = right
    for ln in lines:
        text = ln["text"]
        starts = (
            ln["x0"] > left + 0.8 * size
            or previous_end < right - 1.5 * size
            or bool(_HEADING.match(text))
            or not current
        )
        if starts and current:
            out.append((top, "para", Para(tidy("".join(current)), number)))
            current = []
        if not current:
            top = ln["top"]
        current.append(text)
        previous_end = ln["x1"]
    if current:
        out.append((top, "para", Para(tidy("".join(current)), number)))
    first = lines[0]
    joins = first["x0"] <= left + 0.8 * size and not _HEADING.match(first["text"])
    return out, joins, previous_end >= right - 1.5 * size
