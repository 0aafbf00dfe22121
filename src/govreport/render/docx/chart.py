"""A Figure block as a native Word chart (DrawingML ``c:barChart``, horizontal bars), vector and editable.

The chart part carries the labels and counts in its caches, so Word, WPS and LibreOffice draw it
without any other data; a small embedded workbook (:mod:`.chart_data`) lets Word and WPS edit the
data. The same axis scale as the PDF (``chart_scale``); the first column on top; the value at the end
of each bar; the caption as a centred paragraph below, kept on the chart's page (keep-with-next).
"""

from __future__ import annotations

from ...blocks import Figure
from ..chart_scale import axis_scale
from ..palette import BAR_RGB, hex_rgb
from . import styles as S
from . import xml as X
from .chart_data import SHEET, workbook_bytes
from .xml import escape, quoteattr

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
REL_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

EMU_PER_MM = 36000
WIDTH_MM = 150  # within the 156 mm text width
# As tall as the PDF's chart (pdf_figure: 20 pt a one-line bar, 17 pt for the axis), so both outputs
# break pages alike; never below MIN_MM, where Word's own chart margins would leave no room for bars.
PT_MM = 25.4 / 72
ROW_MM, FRAME_MM, MIN_MM, MAX_MM = 20 * PT_MM, 17 * PT_MM, 30.0, 200.0
CAPTION = X.Face("宋体", 12)  # 小四, as the PDF caption
LABEL_SIZE = 1050  # 五号, in hundredths of a point
TICK_SIZE = 900
BAR_COLOUR = hex_rgb(BAR_RGB)
GRID_COLOUR = "D9D9D9"
_CAT_AXIS, _VAL_AXIS = 50010001, 50010002


def chart_name(index: int) -> str:
    return f"word/charts/chart{index}.xml"


def rel_id(index: int) -> str:
    return f"rIdGovChart{index}"


def extent(figure: Figure) -> tuple[int, int]:
    """(width, height) in EMU: the text width less a margin; a row per column plus room for the axis."""
    height = min(MAX_MM, max(MIN_MM, FRAME_MM + ROW_MM * len(figure.bars)))
    return WIDTH_MM * EMU_PER_MM, round(height * EMU_PER_MM)


def figure_xml(figure: Figure, index: int) -> str:
    """The chart paragraph (kept with the next) and the caption paragraph."""
    cx, cy = extent(figure)
    drawing = (
        f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + index}" name="图表 {index}" descr={quoteattr(figure.caption)}/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}">'
        f'<c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{rel_id(index)}"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    chart = X.paragraph(drawing, S.STYLE_TABLE, keep_next=True, before=S.LINE // 3, align="center")
    caption = X.paragraph(X.run(figure.caption, CAPTION), S.STYLE_TABLE, after=S.LINE // 3, align="center")
    return chart + caption


def package_parts(figures: list[Figure]) -> list[tuple[str, bytes]]:
    """The chart parts, their relationships and embedded workbooks, one set per figure (1-based)."""
    parts = []
    for i, figure in enumerate(figures, 1):
        embedded = f"word/embeddings/Microsoft_Excel_Worksheet{i}.xlsx"
        rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL_PACKAGE}" Target="../embeddings/{embedded.rsplit("/", 1)[1]}"/>'
            "</Relationships>"
        )
        parts.append((chart_name(i), chart_xml(figure).encode()))
        parts.append((f"word/charts/_rels/chart{i}.xml.rels", rels.encode()))
        parts.append((embedded, workbook_bytes(figure)))
    return parts


def patch_part(name: str, data: bytes, count: int) -> bytes:
    """``[Content_Types].xml`` and the document's relationships with the charts added."""
    if not count:
        return data
    if name == "[Content_Types].xml":
        extra = f'<Default Extension="xlsx" ContentType="{CT_XLSX}"/>' + "".join(
            f'<Override PartName="/{chart_name(i)}" ContentType="{CT_CHART}"/>' for i in range(1, count + 1)
        )
        return data.replace(b"</Types>", extra.encode() + b"</Types>")
    if name == "word/_rels/document.xml.rels":
        extra = "".join(
            f'<Relationship Id="{rel_id(i)}" Type="{REL_CHART}" Target="charts/chart{i}.xml"/>'
            for i in range(1, count + 1)
        )
        return data.replace(b"</Relationships>", extra.encode() + b"</Relationships>")
    return data


def chart_xml(figure: Figure) -> str:
    n = len(figure.bars)
    top, step = axis_scale(max((b.value for b in figure.bars), default=0))
    series = (
        '<c:ser><c:idx val="0"/><c:order val="0"/>'
        f"<c:tx><c:strRef><c:f>{SHEET}!$B$1</c:f>{_str_cache(['条数'])}</c:strRef></c:tx>"
        f'<c:spPr><a:solidFill><a:srgbClr val="{BAR_COLOUR}"/></a:solidFill></c:spPr>'
        '<c:invertIfNegative val="0"/>'
        f'<c:dLbls><c:numFmt formatCode={quoteattr(_unit_format(figure.unit))} sourceLinked="0"/>'
        f"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{_text_props(LABEL_SIZE)}"
        '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
        f"<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${n + 1}</c:f>"
        f"{_str_cache([b.label for b in figure.bars])}</c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>{SHEET}!$B$2:$B${n + 1}</c:f>"
        f"{_num_cache([b.value for b in figure.bars])}</c:numRef></c:val>"
        "</c:ser>"
    )
    bar_chart = (
        '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{series}<c:gapWidth val="60"/>'
        f'<c:axId val="{_CAT_AXIS}"/><c:axId val="{_VAL_AXIS}"/></c:barChart>'
    )
    line = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr>'
    cat_axis = (
        f'<c:catAx><c:axId val="{_CAT_AXIS}"/><c:scaling><c:orientation val="maxMin"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f"{line}{_text_props(LABEL_SIZE)}"
        f'<c:crossAx val="{_VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    )
    val_axis = (
        f'<c:valAx><c:axId val="{_VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/>'
        f'<c:max val="{top}"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>'
        '<c:majorGridlines><c:spPr><a:ln w="6350">'
        f'<a:solidFill><a:srgbClr val="{GRID_COLOUR}"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{line}{_text_props(TICK_SIZE)}'
        f'<c:crossAx val="{_CAT_AXIS}"/><c:crosses val="max"/><c:crossBetween val="between"/>'
        f'<c:majorUnit val="{step}"/></c:valAx>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
        '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>'
        '<c:chart><c:autoTitleDeleted val="1"/>'
        f"<c:plotArea><c:layout/>{bar_chart}{cat_axis}{val_axis}"
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f"{_text_props(LABEL_SIZE)}"
        '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )


def _unit_format(unit: str) -> str:
    return f'0"{unit}"' if unit else "0"


def _str_cache(values: list[str]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{escape(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return f'<c:strCache><c:ptCount val="{len(values)}"/>{points}</c:strCache>'


def _num_cache(values: list[int]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
    return f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{len(values)}"/>{points}</c:numCache>'


def _text_props(size: int) -> str:
    """宋体 (East Asian) and Times New Roman (Latin) at ``size``, black, never a theme font."""
    return (
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{size}" b="0"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
        f'<a:latin typeface="{X.LATIN}"/><a:ea typeface="宋体"/><a:cs typeface="{X.LATIN}"/></a:defRPr>'
        '</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
    )
