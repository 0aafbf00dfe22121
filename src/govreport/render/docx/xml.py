"""The low layer of the Word renderer: WordprocessingML fragments as text, in schema order.

Every run gets its fonts spelled out (``w:eastAsia`` + ``w:hint="eastAsia"``, never a ``*Theme``
attribute), its size and ``w:lang w:eastAsia="zh-CN"``, so Chinese text never resolves to the theme's
(Japanese, in python-docx's template) East Asian font, whatever the styles say. Child order follows
ECMA-376 (``rPr``: rFonts b bCs color spacing sz szCs lang; ``pPr``: pStyle keepNext … spacing ind jc;
``tcPr``: tcW gridSpan vMerge shd vAlign; ``trPr``: cantSplit trHeight tblHeader): Word rejects parts
with children out of order, LibreOffice does not, so a test checks it.
"""

from __future__ import annotations

from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_MM = 1440 / 25.4
LATIN = "Times New Roman"


def escape(text: str) -> str:
    """Text as XML character data (what ``xml.sax.saxutils.escape`` does, without importing the
    ``urllib`` machinery that module drags in)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """Text as a quoted XML attribute value, as ``xml.sax.saxutils.quoteattr`` quotes it."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


@dataclass(frozen=True)
class Face:
    """A typeface role as Word names it: East Asian font, Latin font, size in points."""

    east_asia: str
    size: float
    latin: str = LATIN
    bold: bool = False
    color: str | None = None
    spacing: int = 0  # character spacing in twentieths of a point (−5 = −0.25 pt)

    def rpr(self, *, bold: bool | None = None) -> str:
        b = self.bold if bold is None else bold
        half_points = round(self.size * 2)
        parts = [
            f'<w:rFonts w:ascii="{self.latin}" w:hAnsi="{self.latin}" w:eastAsia="{self.east_asia}"'
            f' w:cs="{self.latin}" w:hint="eastAsia"/>',
            "<w:b/><w:bCs/>" if b else "",
            f'<w:color w:val="{self.color}"/>' if self.color else "",
            f'<w:spacing w:val="{self.spacing}"/>' if self.spacing else "",
            f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>',
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>',
        ]
        return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def run(text: str, face: Face, *, bold: bool | None = None) -> str:
    return f'<w:r>{face.rpr(bold=bold)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def field_runs(instruction: str, cached: str, face: Face) -> str:
    """A complex field (``PAGE``) with a cached result, as Word writes it."""
    rpr = face.rpr()
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>{escape(cached)}</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def paragraph(
    runs: str,
    style: str,
    *,
    keep_next: bool = False,
    before: int = 0,
    after: int = 0,
    no_indent: bool = False,
    right: int = 0,
    left: int = 0,
    align: str | None = None,
    line: int = 0,
) -> str:
    """A paragraph in ``style``; the arguments are direct overrides of that style (``line``: an exact
    line pitch in twips)."""
    exact = f' w:line="{line}" w:lineRule="exact"' if line else ""
    ppr = [
        f'<w:pStyle w:val="{style}"/>',
        "<w:keepNext/>" if keep_next else "",
        f'<w:spacing w:before="{before}" w:after="{after}"{exact}/>' if before or after or line else "",
        _ind(no_indent, right, left),
        f'<w:jc w:val="{_JC[align]}"/>' if align else "",
    ]
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{runs}</w:p>"


def _ind(no_indent: bool, right: int, left: int = 0) -> str:
    attrs = (
        (f' w:left="{left}"' if left else "")
        + (f' w:right="{right}"' if right else "")
        + (' w:firstLineChars="0" w:firstLine="0"' if no_indent else "")
    )
    return f"<w:ind{attrs}/>" if attrs else ""


@dataclass(frozen=True)
class TableCell:
    """A cell as Word stores it: ``merge`` is None, ``"restart"`` (top of a vertical span) or
    ``"continue"`` (covered by the cell above, printed empty)."""

    width: int  # twips, including the columns it spans
    span: int
    content: str  # paragraph XML
    merge: str | None = None
    shade: str | None = None


def table_cell(cell: TableCell) -> str:
    tcpr = [
        f'<w:tcW w:w="{cell.width}" w:type="dxa"/>',
        f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else "",
        f'<w:vMerge w:val="{cell.merge}"/>' if cell.merge == "restart" else "",
        "<w:vMerge/>" if cell.merge == "continue" else "",
        f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.shade}"/>' if cell.shade else "",
        '<w:vAlign w:val="center"/>',
    ]
    return f"<w:tc><w:tcPr>{''.join(tcpr)}</w:tcPr>{cell.content}</w:tc>"


def table_row(cells: str, *, header: bool, min_height: int) -> str:
    """A row around its cells' XML (:func:`table_cell`)."""
    trpr = f'<w:cantSplit/><w:trHeight w:val="{min_height}" w:hRule="atLeast"/>' + (
        "<w:tblHeader/>" if header else ""
    )
    return f"<w:tr><w:trPr>{trpr}</w:trPr>{cells}</w:tr>"


def table(grid: list[int], rows: str, *, cell_margin: int, cell_margin_y: int = 0) -> str:
    """A fixed-layout table of total width ``sum(grid)``, centred, with full single 0.5 pt borders and
    cell margins (twips) ``cell_margin`` left and right, ``cell_margin_y`` above and below; ``gridCol``
    widths equal the cells' ``tcW`` (WPS lays out from the grid)."""
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    tblpr = (
        f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/>'
        '<w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{cell_margin_y}" w:type="dxa"/>'
        f'<w:left w:w="{cell_margin}" w:type="dxa"/>'
        f'<w:bottom w:w="{cell_margin_y}" w:type="dxa"/>'
        f'<w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="1" w:noVBand="1"/>'
    )
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{cols}</w:tblGrid>{rows}</w:tbl>"


def fragment(body: str) -> str:
    """Wrap block XML so it parses on its own (the ``w`` namespace declared once)."""
    return f'<w:body xmlns:w="{W_NS}">{body}</w:body>'
