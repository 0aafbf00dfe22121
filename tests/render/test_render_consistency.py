"""The .docx and the PDF print the same decisions of the outline: one number size per table that never
wraps a number, the table type sizes, the closing signature, bold sub-headings, red placeholders, and
headings that do not drag a whole paragraph to the next page."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from factories import DETAILS, make_report
from pypdf import PdfReader
from test_document import five_digit_report

from govreport.blocks import Document, Heading, Paragraph, TableBlock
from govreport.document import outline
from govreport.fonts import FontSet
from govreport.formats import get_format
from govreport.render.docx import render_docx
from govreport.render.palette import CAPTION_RGB, PLACEHOLDER_RGB, hex_rgb
from govreport.render.pdf import pdf_bytes
from govreport.render.pdf.fonts import pdf_fonts
from govreport.render.pdf.page import BODY_SIZE, LEFT, LINE, TEXT_WIDTH

FORMATS = ["gb2021", "gb2019"]


def pdf_of(document: Document, fonts: FontSet) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(pdf_bytes(document, fonts)))


def table_numbers(format_id: str, report) -> list[str]:  # type: ignore[no-untyped-def]
    fmt = get_format(format_id)
    return [str(report.number(k)) for k in fmt.cell_keys() if k.table in ("t3", "t4")]


@pytest.mark.parametrize("short", [False, True])
@pytest.mark.parametrize("format_id", FORMATS)
def test_five_digit_numbers_are_extracted_whole_from_the_pdf(
    format_id: str, short: bool, fonts: FontSet
) -> None:
    report = five_digit_report(format_id, short)
    with pdf_of(outline(report), fonts) as pdf:
        words = {w["text"] for page in pdf.pages for w in page.extract_words()}
        sizes = {round(c["size"], 1) for page in pdf.pages for c in page.chars if c["text"].isdigit()}
    missing = [n for n in table_numbers(format_id, report) if n not in words]
    assert not missing, missing[:10]
    assert not any(re.fullmatch(r"\d{1,4}", w) and int(w) >= 1000 for w in words)  # no 1304 | 3
    blocks = [b for b in outline(report).blocks if isinstance(b, TableBlock)]
    assert {b.number_size for b in blocks} <= sizes


@pytest.mark.parametrize("format_id", FORMATS)
def test_every_number_of_a_docx_table_has_one_size_the_outlines(format_id: str, tmp_path: Path) -> None:
    document = outline(five_digit_report(format_id, short=True))
    blocks = [b for b in document.blocks if isinstance(b, TableBlock)]
    word = docx.Document(str(render_docx(document, tmp_path / "r.docx")))
    assert len(word.tables) == len(blocks)
    for block, table in zip(blocks, word.tables, strict=True):
        notes = {c.text for row in block.header_rows for c in row if c.role == "note"}
        numbers, labels, note = set(), set(), set()
        for row in table.rows:
            for cell in row.cells:
                for run in (r for p in cell.paragraphs for r in p.runs):
                    kind = numbers if run.text.isdigit() else note if run.text in notes else labels
                    kind.add(run.font.size.pt)
        assert numbers == {block.number_size}, block.id
        assert labels == {block.text_size}, block.id
        assert note == ({block.note_size} if notes else set()), block.id
    assert {b.text_size for b in blocks} == {10.5}  # one policy: 五号 in all three tables


def test_pdf_table_two_is_set_at_the_size_of_the_other_tables(fonts: FontSet) -> None:
    document = outline(make_report("gb2021"))
    block = next(b for b in document.blocks if isinstance(b, TableBlock))
    label = next(c.text for row in block.body_rows for c in row if c.role == "label")
    with pdf_of(document, fonts) as pdf:
        for page in pdf.pages:
            text = page.extract_text()
            if label in text.replace(" ", ""):
                start = "".join(c["text"] for c in page.chars).index(label)
                assert round(page.chars[start]["size"], 1) == block.text_size == 10.5
                return
    raise AssertionError("table 二's first label not found")


def filler(lines: int) -> list[Paragraph]:
    return [Paragraph(f"第{i}行。") for i in range(1, lines + 1)]


@pytest.mark.parametrize(("before", "same_page"), [(17, True), (20, False)])
def test_a_heading_keeps_two_lines_of_its_paragraph_not_the_whole(
    before: int, same_page: bool, fonts: FontSet
) -> None:
    """17 lines used: the heading and the first lines of a long paragraph finish page 1; 20 used: two
    lines would not fit below the heading, so it starts page 2."""
    blocks = (*filler(before), Heading("（一）标题", 2), Paragraph("甲" * 300))
    with pdf_of(Document(blocks, "测试", "测试机关"), fonts) as pdf:
        pages = [page.extract_text().replace(" ", "") for page in pdf.pages]
    assert ("（一）标题" in pages[0]) is same_page
    assert ("甲" in pages[0]) is same_page
    if same_page:
        assert pages[0].count("\n") >= 22  # the page is full: 22 body lines and the page number


@pytest.mark.parametrize(
    ("body", "date_longer"), [("威海市文登区大水泊镇人民政府", False), ("某某镇人民政府", True)]
)
def test_signature_and_date_stand_as_gb_t_9704_says_in_both(
    body: str, date_longer: bool, fonts: FontSet, tmp_path: Path
) -> None:
    """§7.3.5.2: the name two characters from the right edge, the date's first character two characters
    right of the name's; a date longer than that keeps two characters from the edge, the name moves left."""
    details = {**DETAILS, "name": body, "release_date": "2023-12-20"}
    document = outline(make_report("gb2021", details=details))
    name, date = (b.text for b in document.blocks[-2:])  # type: ignore[union-attr]
    assert name == body
    with pdf_of(document, fonts) as pdf:
        page = pdf.pages[-1]
        lines = page.extract_text_lines()
    texts = [line["text"].replace(" ", "") for line in lines]
    i = texts.index(name)
    assert texts[i + 1] == date
    edge = LEFT + TEXT_WIDTH
    signed, dated = lines[i], lines[i + 1]
    assert dated["x0"] - signed["x0"] == pytest.approx(2 * BODY_SIZE, abs=1.5)
    assert edge - (dated if date_longer else signed)["x1"] == pytest.approx(2 * BODY_SIZE, abs=1.5)
    assert lines[i]["top"] - lines[i - 1]["top"] == pytest.approx(2 * LINE, abs=0.5)  # one blank line
    word = docx.Document(str(render_docx(document, tmp_path / "r.docx"))).paragraphs[-2:]
    assert [p.text for p in word] == [name, date]
    for paragraph, line in zip(word, (signed, dated), strict=True):  # the same indents as the PDF's
        assert paragraph.paragraph_format.right_indent.pt == pytest.approx(edge - line["x1"], abs=1.5)
    assert word[0].paragraph_format.space_before.pt == pytest.approx(LINE)
    assert word[0].paragraph_format.keep_with_next  # the name never ends a page without its date


def test_sub_headings_are_bold_in_the_pdf_and_read_unchanged(fonts: FontSet) -> None:
    document = outline(make_report("gb2021", narrative=_with_subheadings()))
    heads = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 2]
    data = pdf_bytes(document, fonts)
    reader = PdfReader(io.BytesIO(data))
    content = b"".join(page.get_contents().get_data() for page in reader.pages)  # type: ignore[union-attr]
    text = "".join(page.extract_text() for page in reader.pages).replace(" ", "").replace("\n", "")
    assert all(h in text for h in heads)
    if "subheading" in pdf_fonts(fonts).bold:  # a real bold face
        assert pdf_fonts(fonts).heavy("subheading") == pdf_fonts(fonts).bold["subheading"]
    else:  # faux bold: filled and stroked with a thin outline, then back to plain fill
        assert content.count(b"2 Tr") >= len(heads)
        assert re.search(rb"RG 0?\.4 w 2 Tr", content) and b"0 Tr ET" in content


def _with_subheadings():  # type: ignore[no-untyped-def]
    from govreport.model import Passage

    return {"一": (Passage("（一）主动公开情况", ("正文。",)), Passage("（二）依申请公开情况", ("正文。",)))}


def test_placeholders_are_dark_red_in_both(fonts: FontSet, tmp_path: Path) -> None:
    document = outline(make_report("gb2021", narrative={"前言": ()}))
    placeholder = next(b for b in document.blocks if isinstance(b, Paragraph) and b.placeholder)
    with pdf_of(document, fonts) as pdf:
        colours = {
            tuple(round(v, 2) for v in c["non_stroking_color"])
            for page in pdf.pages
            for c in page.chars
            if c["text"] in placeholder.text
        }
    assert PLACEHOLDER_RGB in colours
    word = docx.Document(str(render_docx(document, tmp_path / "r.docx")))
    runs = [r for p in word.paragraphs if p.text == placeholder.text for r in p.runs]
    assert runs and all(str(r.font.color.rgb) == hex_rgb(PLACEHOLDER_RGB) for r in runs)


def test_caption_rows_are_shaded_alike_in_both(fonts: FontSet, tmp_path: Path) -> None:
    document = outline(make_report("gb2021"))
    with pdf_of(document, fonts) as pdf:
        fills = {
            tuple(round(v, 2) for v in rect["non_stroking_color"])
            for page in pdf.pages
            for rect in page.rects
            if rect.get("fill") and rect.get("non_stroking_color")
        }
    assert CAPTION_RGB in fills
    word = docx.Document(str(render_docx(document, tmp_path / "c.docx")))
    shades = {el.get(qn("w:fill")) for el in word.element.body.iter(qn("w:shd"))}
    assert shades == {hex_rgb(CAPTION_RGB)}
