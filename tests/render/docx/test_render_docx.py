"""The Word renderer: open what it writes with python-docx (and LibreOffice) and check what a clerk sees."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from conftest import convert, need
from docx.oxml.ns import qn
from docx.shared import Mm
from factories import make_report
from test_document import distinct_inputs

from govreport.document import outline
from govreport.formats import get_format
from govreport.formats.layout import layout
from govreport.model import Passage
from govreport.render.docx import render_docx

FORMATS = ["gb2021", "gb2019"]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2014\u201c\u201d]")

LONG = (
    "本年度，我镇坚持以公开为常态、不公开为例外，围绕群众关切，持续加大政府信息主动公开力度，"
    "通过门户网站、政务新媒体和村务公开栏等渠道及时发布政策文件、工作动态和重点领域信息，"
    "公开内容的及时性、准确性和完整性进一步提升。"
)


def full_narrative(format_id: str) -> dict[str, tuple[Passage, ...]]:
    """A narrative about as long as a real township report (the seed report runs to some 3,000 characters)."""
    fmt = get_format(format_id)
    subs = tuple(Passage(h, (LONG * 2, LONG)) for h in fmt.section("一").subheadings)
    return {
        "一": (Passage(None, (LONG,)), *subs),
        "五": (Passage(None, (f"（一）存在的主要问题。{LONG}", f"（二）改进情况。{LONG * 2}")),),
        "六": tuple(Passage(t, (LONG,)) for t in ("政府信息公开信息处理费收取情况", "政务公开工作创新情况")),
    }


@pytest.fixture(scope="module", params=FORMATS)
def built(request, tmp_path_factory):
    """(format id, report, path of its .docx) for a full report with distinct non-zero values."""
    format_id = request.param
    report = make_report(format_id, distinct_inputs(format_id), narrative=full_narrative(format_id))
    path = tmp_path_factory.mktemp(format_id) / "报告.docx"
    assert render_docx(outline(report), path) == path
    return format_id, report, path


def expected_number(report, key) -> str:
    number = report.values[key].number
    return format(number, "f") if isinstance(number, Decimal) else str(number)


def word_grid(tbl) -> dict[tuple[int, int], str]:
    """(row, grid column) -> text of each cell that starts there (vMerge continuations skipped)."""
    out = {}
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span = pr.find(qn("w:gridSpan"))
            merge = pr.find(qn("w:vMerge"))
            if merge is None or merge.get(qn("w:val")) == "restart":
                out[(r, col)] = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            col += int(span.get(qn("w:val"))) if span is not None else 1
    return out


def test_headings_in_order_and_title(built):
    format_id, report, path = built
    document = docx.Document(str(path))
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == [s.heading for s in get_format(format_id).sections]
    title = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert title == [report.name, "2022年政府信息公开工作年度报告"]
    level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert level2[:5] == list(get_format(format_id).section("一").subheadings)


def test_every_table_cell_equals_the_report(built):
    format_id, report, path = built
    document = docx.Document(str(path))
    fmt = get_format(format_id)
    assert len(document.tables) == len(fmt.tables)
    for word_table, table in zip(document.tables, fmt.tables, strict=True):
        cells = word_grid(word_table._tbl)
        grid = layout(table)
        for c in grid.cells:
            expected = expected_number(report, c.key) if c.role == "value" else c.text
            assert cells[(c.row, c.col)] == expected, (table.id, c.row, c.col)


def runs_of(path: Path):
    """Every w:r of the main document, the headers and the footers."""
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)]
        parts = {n: z.read(n) for n in names}
    from lxml import etree

    for name, xml in parts.items():
        for run in etree.fromstring(xml).iter(qn("w:r")):
            yield name, run


def test_every_chinese_run_names_an_east_asian_font(built):
    _, _, path = built
    checked = []
    for name, run in runs_of(path):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if CJK.search(text):
            checked.append(name)
            assert fonts is not None and fonts.get(qn("w:eastAsia")), (name, text)
            assert fonts.get(qn("w:hint")) == "eastAsia", (name, text)
        if fonts is not None:
            assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a], (name, text)
    assert len(checked) > 100 and {"word/document.xml", "word/footer1.xml"} <= set(checked)


def test_no_theme_fonts_and_chinese_language_settings(built):
    _, _, path = built
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
        settings = z.read("word/settings.xml").decode()
        theme = z.read("word/theme/theme1.xml").decode()
        names = z.namelist()
    assert "Theme=" not in styles and "theme=" not in styles
    assert 'w:eastAsia="仿宋_GB2312"' in styles.split("</w:docDefaults>")[0]
    assert 'w:eastAsia="zh-CN"' in styles
    assert re.search(r'<w:themeFontLang [^>]*w:eastAsia="zh-CN"', settings)
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings)
    assert '<a:ea typeface=""/>' not in theme
    assert "word/stylesWithEffects.xml" not in names  # its theme fonts would come back in Word 2010


def test_a4_with_gb9704_margins(built):
    _, _, path = built
    section = docx.Document(str(path)).sections[0]
    assert (section.page_width, section.page_height) == (Mm(210), Mm(297)) or (
        abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    )
    for actual, mm in (
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ):
        assert abs(actual - Mm(mm)) < Mm(0.1)


def test_body_line_spacing_and_indent(built):
    _, _, path = built
    normal = docx.Document(str(path)).styles["Normal"].paragraph_format
    assert normal.line_spacing.pt == pytest.approx(28.95)
    assert normal.first_line_indent.pt == pytest.approx(32)


def test_tables_repeat_headers_never_split_rows_and_keep_grid_widths(built):
    format_id, _, path = built
    document = docx.Document(str(path))
    for word_table, table in zip(document.tables, get_format(format_id).tables, strict=True):
        tbl = word_table._tbl
        rows = tbl.findall(qn("w:tr"))
        heads = [r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for r in rows]
        assert heads == [i < layout(table).header_rows for i in range(len(rows))]
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
        grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid"))]
        assert sum(grid) == 8844  # the 156 mm text width
        for r in rows:
            col = 0
            for tc in r.findall(qn("w:tc")):
                span_el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
                width = int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
                assert width == sum(grid[col : col + span])
                col += span
    narrowest = min(int(c.get(qn("w:w"))) for c in document.tables[2]._tbl.find(qn("w:tblGrid")))
    assert narrowest >= Mm(10).twips  # table 四: two 五号 characters a line


# Schema order of the property elements we write (ECMA-376 Part 1, as in python-docx's oxml classes).
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore widowControl autoSpaceDE autoSpaceDN snapToGrid spacing ind jc outlineLvl rPr",
    "rPr": "rStyle rFonts b bCs i iCs color spacing w kern sz szCs highlight u shd lang",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection vAlign",
    "trPr": "cnfStyle cantSplit trHeight tblHeader jc",
    "tblPr": "tblStyle tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "sectPr": "headerReference footerReference pgSz pgMar cols docGrid",
}


def test_property_elements_are_in_schema_order(built):
    """Word rejects a part with children out of order (LibreOffice does not, so only this catches it)."""
    from lxml import etree

    _, _, path = built
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n) for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
    for xml in parts:
        for parent, names in ORDER.items():
            order = names.split()
            for element in etree.fromstring(xml).iter(qn(f"w:{parent}")):
                tags = [etree.QName(child).localname for child in element]
                if parent == "sectPr":  # header/footer references may come in any order
                    tags = ["headerReference" if t == "footerReference" else t for t in tags]
                assert all(t in order for t in tags), (parent, tags)
                assert [order.index(t) for t in tags] == sorted(order.index(t) for t in tags), (parent, tags)


def test_document_properties(built):
    _, report, path = built
    props = docx.Document(str(path)).core_properties
    assert props.title == f"{report.name}2022年政府信息公开工作年度报告"
    assert props.author == report.name
    assert props.language == "zh-CN"
    assert props.created.date().isoformat() == "2023-01-20"
    assert props.comments == "" and "python-docx" not in (props.author, props.last_modified_by)


def test_draft_mark_on_every_page_header(tmp_path):
    path = render_docx(outline(make_report(), draft_mark="数据未通过校验"), tmp_path / "draft.docx")
    section = docx.Document(str(path)).sections[0]
    assert section.header.paragraphs[0].text == "数据未通过校验"
    assert not section.different_first_page_header_footer
    clean = render_docx(outline(make_report()), tmp_path / "clean.docx")
    assert docx.Document(str(clean)).sections[0].header.is_linked_to_previous  # no header at all


def test_page_number_field_in_the_footer(tmp_path):
    path = render_docx(outline(make_report()), tmp_path / "r.docx")
    footer = docx.Document(str(path)).sections[0].footer._element
    assert [i.text.strip() for i in footer.iter(qn("w:instrText"))] == ["PAGE"]
    text = "".join(t.text for t in footer.iter(qn("w:t")))
    assert text == "— 1 —"


def test_same_report_gives_the_same_bytes(tmp_path):
    document = outline(make_report())
    a = render_docx(document, tmp_path / "a.docx").read_bytes()
    b = render_docx(document, tmp_path / "b.docx").read_bytes()
    assert a == b


def test_atomic_write_replaces_and_never_leaves_a_half_file(tmp_path):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    render_docx(outline(make_report()), target)
    assert zipfile.is_zipfile(target)
    document = outline(make_report())
    broken = type(document)(blocks=(*document.blocks, object()), title="t", author="a")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        render_docx(broken, tmp_path / "broken.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.docx"]


# -- LibreOffice -------------------------------------------------------------------------------------


def test_libreoffice_prints_every_heading_and_number(built, soffice, tmp_path):
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler)")
    format_id, report, path = built
    pdf = convert(soffice, path, tmp_path)
    from pypdf import PdfReader

    assert 5 <= len(PdfReader(pdf).pages) <= 9
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    squeezed = re.sub(r"\s+", "", text)
    for section in get_format(format_id).sections:
        assert section.heading in squeezed
    tokens = set(re.findall(r"\d+(?:\.\d+)?", text))
    missing = {expected_number(report, k) for k in get_format(format_id).cell_keys()} - tokens
    assert not missing
    assert "—1—" in squeezed  # the page number field was evaluated


def test_closing_signature_is_right_aligned_below_a_blank_line(built):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    _, report, path = built
    last = docx.Document(str(path)).paragraphs[-2:]
    assert [p.text for p in last] == [report.name, "2023年1月20日"]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in last)
    assert last[0].paragraph_format.space_before.pt == pytest.approx(28.95)


def test_libreoffice_shows_the_draft_mark_on_every_page(soffice, tmp_path):
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler)")
    report = make_report("gb2021", narrative=full_narrative("gb2021"))
    path = render_docx(outline(report, draft_mark="数据未通过校验"), tmp_path / "draft.docx")
    pdf = convert(soffice, path, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 5
    assert all("数据未通过校验" in page for page in pages)


@pytest.mark.parametrize("text", ["a&b<c>d", 'x"y', "x'y", "a\"b'c", "l1\nl2\tt\r", "", "中文“引号”"])
def test_xml_escaping_is_the_standard_librarys(text: str) -> None:
    from xml.sax import saxutils

    from govreport.render.docx.xml import escape, quoteattr

    assert (escape(text), quoteattr(text)) == (saxutils.escape(text), saxutils.quoteattr(text))
