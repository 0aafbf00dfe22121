"""Word files: body paragraphs and tables in order, with merged cells (gridSpan, vMerge) expanded.

Headings are found later by their numbering, so styles are ignored here. Text boxes and pictures in
the flow count as pictures (a table pasted as an image is one).
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree

from .source import Chart, Grid, Para, Picture, Source, tidy, tidy_cell

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TBL, _TR, _TC, _SDT = (f"{{{W}}}{n}" for n in ("p", "tbl", "tr", "tc", "sdt"))
_T, _TAB, _BR, _CR = (f"{{{W}}}{n}" for n in ("t", "tab", "br", "cr"))
_DRAWING = {f"{{{W}}}drawing", f"{{{W}}}pict", f"{{{W}}}object"}
_VAL = f"{{{W}}}val"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_CHART = f"{{{C}}}chart"
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAX_CHART_ITEMS = 200


def read_docx(path: Path, data: bytes) -> Source:
    """Raises ValueError (any parse failure) when the file is no Word document."""
    import docx

    document = docx.Document(io.BytesIO(data))
    source = Source(str(path), "docx")
    core = document.core_properties
    if core.title:
        source.titles.append(tidy(core.title))
    tables = 0
    for element in _body_items(document.element.body):
        if element.tag == _P:
            charts = [_chart(document, ref) for ref in element.iter(_CHART)]
            source.blocks.extend(chart for chart in charts if chart is not None)
            if not charts and any(True for _ in element.iter(*_DRAWING)):
                source.blocks.append(Picture())
            for line in _paragraph_text(element).split("\n"):
                text = tidy(line)
                if text:
                    source.blocks.append(Para(text))
        elif element.tag == _TBL:
            rows = _grid(element)
            if any(any(r) for r in rows):
                tables += 1
                source.blocks.append(Grid(rows, tables))
    return source


def _chart(document, ref: etree._Element) -> Chart | None:
    """The categories and values of a chart's first series, from its part; None when unreadable."""
    try:
        part = document.part.rels[ref.get(_RID)].target_part
        space = etree.fromstring(part.blob, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except Exception:  # a broken or foreign relationship: the chart stays a picture
        return None
    series = space.find(f".//{{{C}}}ser")
    if series is None:
        return None

    def points(tag: str) -> list[str]:
        found = series.find(f"{{{C}}}{tag}")
        if found is None:
            return []
        by_index = {
            int(pt.get("idx", "0")): (pt.findtext(f"{{{C}}}v") or "") for pt in found.iter(f"{{{C}}}pt")
        }
        return [tidy(by_index[i]) for i in sorted(by_index)][:_MAX_CHART_ITEMS]

    labels, values = points("cat"), points("val")
    if not labels or len(labels) != len(values):
        return None
    return Chart(tuple(zip(labels, values, strict=True)))


def _body_items(body: etree._Element):
    """Paragraphs and tables of the body in order; content controls are looked into."""
    for child in body:
        if child.tag == _SDT:
            content = child.find(f"{{{W}}}sdtContent")
            if content is not None:
                yield from _body_items(content)
        elif child.tag in (_P, _TBL):
            yield child


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _paragraph_text(p: etree._Element) -> str:
    """The paragraph's text; a text box's old-style copy (``mc:Fallback``) is not read twice."""
    parts = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        if _in_fallback(node, p):
            continue
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _in_fallback(node: etree._Element, top: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag == _MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _cell_text(tc: etree._Element) -> str | None:
    lines = [_paragraph_text(p) for p in tc.iter(_P)]
    return tidy_cell("\n".join(lines))


def _grid(tbl: etree._Element) -> tuple[tuple[str | None, ...], ...]:
    """Rows with spans expanded; a vertically merged cell keeps its text in the top cell only."""
    rows: list[list[str | None]] = []
    for tr in tbl.iter(_TR):
        if tr.getparent() is not tbl and _owner_table(tr) is not tbl:
            continue  # a nested table's row
        row: list[str | None] = [None] * _grid_skip(tr, "gridBefore")  # a row starting further right
        for tc in tr.findall(_TC):
            props = tc.find(f"{{{W}}}tcPr")
            span, merge = 1, None
            if props is not None:
                grid_span = props.find(f"{{{W}}}gridSpan")
                if grid_span is not None:
                    span = max(1, min(50, int(grid_span.get(_VAL, "1") or 1)))
                v_merge = props.find(f"{{{W}}}vMerge")
                if v_merge is not None:
                    merge = v_merge.get(_VAL, "continue")
            text = None if merge == "continue" else _cell_text(tc)
            row.extend([text] + [None] * (span - 1))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    out = [tuple(r + [None] * (width - len(r))) for r in rows]
    return tuple(r for r in out if any(r))


def _grid_skip(tr: etree._Element, name: str) -> int:
    """Grid columns a row leaves out before its first cell (``w:gridBefore``)."""
    found = tr.find(f"{{{W}}}trPr/{{{W}}}{name}")
    try:
        return max(0, min(50, int(found.get(_VAL, "0")))) if found is not None else 0
    except ValueError:
        return 0


def _owner_table(tr: etree._Element) -> etree._Element | None:
    node = tr.getparent()
    while node is not None and node.tag != _TBL:
        node = node.getparent()
    return node
