"""How the report looks in Word: the GB/T 9704 numbers, the typeface roles, styles.xml and the font table.

Sizes: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt, 小四 = 12 pt, 五号 = 10.5 pt. The body uses exact line spacing
of 28.95 pt (579 twips): 22 lines fill the 225 mm text height (spec formatting §1.2), and a −0.25 pt
character spacing sets 28 characters of 16 pt in the 156 mm line.
"""

from __future__ import annotations

from ..palette import CAPTION_RGB, hex_rgb
from .xml import W_NS, Face

# Page geometry in twips (A4; margins 37/35/28/26 mm give the 156 × 225 mm text block).
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1588, 1474
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8844 twips = 156 mm
HEADER_DISTANCE = 851  # 15 mm: the draft mark sits in the top margin
FOOTER_DISTANCE = 1247  # 22 mm: puts "— N —" about 7 mm below the text block
LINE = 579  # 28.95 pt exact: 22 lines a page
TITLE_LINE = 720  # 36 pt exact, as the PDF title's leading
INDENT = 640  # two 16 pt characters

BODY = Face("仿宋_GB2312", 16, spacing=-5)
TITLE = Face("方正小标宋简体", 22)
HEADING1 = Face("黑体", 16, spacing=-5)
HEADING2 = Face("楷体_GB2312", 16, bold=True, spacing=-5)
TABLE = Face("宋体", 10.5)  # 五号; each table block carries its own sizes (document.tables)
PAGE_NUMBER = Face("宋体", 14, latin="宋体")  # 4号 半角宋体, the dashes too
PAGE_NUMBER_INDENT = 280  # one 4号 character between the page number and the text block's edge
DRAFT = Face("黑体", 14, bold=True, color="FF0000")
CAPTION_SHADE = hex_rgb(CAPTION_RGB)

# Word/WPS substitute a missing font by its font-table entry: the alternative name and the GB2312
# character set keep a machine without the _GB2312 fonts on 仿宋/楷体, never on a Japanese font.
FONTS: dict[str, tuple[str | None, str, str]] = {  # name: (altName, family, pitch)
    "Times New Roman": (None, "roman", "variable"),
    "宋体": ("SimSun", "auto", "variable"),
    "仿宋_GB2312": ("仿宋", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "modern", "fixed"),
    "黑体": ("SimHei", "modern", "fixed"),
    "方正小标宋简体": ("宋体", "auto", "variable"),
}

# Word's automatic space between Chinese and Latin letters (DE) or digits (DN) off: "2022年" is set tight,
# as in the PDF and in the official template, and lines break at the same characters.
NO_AUTO_SPACE = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'

STYLE_TITLE, STYLE_H1, STYLE_H2 = "Title", "Heading1", "Heading2"
STYLE_BODY, STYLE_TABLE, STYLE_HEADER, STYLE_FOOTER = "Normal", "TableText", "Header", "Footer"


def _ppr(
    *, line: int | None = LINE, indent: bool = True, jc: str = "both", outline: int | None = None
) -> str:
    """Paragraph properties of a style; headings (``outline`` set) keep with the next paragraph."""
    rule = f'w:line="{line}" w:lineRule="exact"' if line else 'w:line="240" w:lineRule="auto"'
    ind = (
        f'w:firstLineChars="200" w:firstLine="{INDENT}"' if indent else 'w:firstLineChars="0" w:firstLine="0"'
    )
    return (
        "<w:pPr>"
        + ("<w:keepNext/>" if outline is not None else "")
        + NO_AUTO_SPACE
        + f'<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" {rule}/><w:ind {ind}/>'
        + f'<w:jc w:val="{jc}"/>'
        + (f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "")
        + "</w:pPr>"
    )


def _style(style_id: str, name: str, ppr: str, face: Face, *, default: bool = False, extra: str = "") -> str:
    default_attr = ' w:default="1"' if default else ""
    based = "" if default else '<w:basedOn w:val="Normal"/>'
    return (
        f'<w:style w:type="paragraph"{default_attr} w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f"{based}{extra}<w:qFormat/>{ppr}{face.rpr()}</w:style>"
    )


def styles_xml() -> str:
    """The whole styles part: fixed fonts everywhere (no theme fonts), the body as Normal, headings as
    Word's built-in heading 1/2 (so the navigation pane and a table of contents work)."""
    styles = [
        _style(STYLE_BODY, "Normal", _ppr(), BODY, default=True),
        _style(STYLE_TITLE, "Title", _ppr(line=TITLE_LINE, indent=False, jc="center"), TITLE, extra=_next()),
        _style(STYLE_H1, "heading 1", _ppr(outline=0), HEADING1, extra=_next()),
        _style(STYLE_H2, "heading 2", _ppr(outline=1), HEADING2, extra=_next()),
        _style(STYLE_TABLE, "表格文字", _ppr(line=None, indent=False, jc="center"), TABLE),
        _style(STYLE_HEADER, "header", _ppr(line=None, indent=False, jc="center"), DRAFT),
        _style(STYLE_FOOTER, "footer", _ppr(line=None, indent=False, jc="center"), PAGE_NUMBER),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    ]
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{BODY.rpr()}</w:rPrDefault>"
        f'<w:pPrDefault><w:pPr>{NO_AUTO_SPACE}<w:spacing w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    return f'<w:styles xmlns:w="{W_NS}">{defaults}{"".join(styles)}</w:styles>'


def _next() -> str:
    return '<w:next w:val="Normal"/>'


def font_table_xml() -> str:
    entries = []
    for name, (alt, family, pitch) in FONTS.items():
        alt_xml = f'<w:altName w:val="{alt}"/>' if alt else ""
        charset = "00" if name == "Times New Roman" else "86"
        entries.append(
            f'<w:font w:name="{name}">{alt_xml}<w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
        )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W_NS}">{"".join(entries)}</w:fonts>'
