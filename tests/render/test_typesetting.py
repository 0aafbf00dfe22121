"""GB/T 9704 typesetting in both outputs: 28 characters a line, the same page breaks, page numbers at the
outer edges (or centred), titles broken between words, and every .docx valid against the OOXML schemas."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import convert, need
from docx.oxml.ns import qn
from factories import DETAILS, make_report
from openxml_audit import OpenXmlValidator
from test_cli import filled
from test_document import city_report
from test_figures_render import SEED, document_with

from govreport.blocks import Document, Paragraph, Title
from govreport.cli import cli
from govreport.document import outline
from govreport.document.placement import name_lines
from govreport.fonts import FontSet
from govreport.formats import get_format
from govreport.model import Passage, Place, PublishedItems, Value
from govreport.render.docx import docx_bytes, render_docx
from govreport.render.pdf import pdf_bytes
from govreport.render.pdf.page import LEFT, TEXT_WIDTH

FORMATS = ["gb2021", "gb2019"]
EXAMPLE = Path(__file__).parents[2] / "examples" / "大水泊镇-2022.xlsx"
PREVIEW_FONTS = Path(__file__).parents[2] / "examples" / "preview" / "fonts.conf"
HAN = "政府信息公开工作年度报告依申请办理情况"  # any Chinese characters, all one em wide


def pdf_lines(data: bytes) -> list[list[str]]:
    """The text lines of each page, spaces dropped."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [[ln.replace(" ", "") for ln in (p.extract_text() or "").splitlines()] for p in pdf.pages]


def test_a_full_body_line_holds_28_characters(fonts: FontSet) -> None:
    text = (HAN * 20)[:300]
    pages = pdf_lines(pdf_bytes(Document((Paragraph(text),), "测试", "测试机关"), fonts))
    lines = [ln for ln in pages[0] if ln and not ln.startswith("—")]
    assert "".join(lines) == text
    assert len(lines[0]) == 26  # two characters of indent
    assert {len(ln) for ln in lines[1:-1]} == {28}


def test_a_mark_hangs_at_a_full_line_end_rather_than_pushing_a_character_down(fonts: FontSet) -> None:
    """As Word (允许标点溢出边界) and LibreOffice: the 29th place may hold a ，or 。."""
    text = HAN[:1] * 54 + "。" + HAN * 2
    pages = pdf_lines(pdf_bytes(Document((Paragraph(text),), "测试", "测试机关"), fonts))
    assert pages[0][1] == HAN[:1] * 28 + "。"


def test_a_split_paragraph_leaves_two_lines_for_the_next_page(fonts: FontSet) -> None:
    """Widow control holds: the rest of a split paragraph starts the next page, and is never split again
    into the room left below the first part (which put one lone line at the top of a page)."""
    long = HAN * 5  # 100 characters: 26 + 28 + 28 + 18, four lines
    blocks = (*(Paragraph(f"第{i}行。") for i in range(1, 20)), Paragraph(long), Paragraph("末行。"))
    pages = pdf_lines(pdf_bytes(Document(blocks, "测试", "测试机关"), fonts))
    body = [[ln for ln in page if not ln.startswith("—")] for page in pages]
    # 19 lines used, 3 free: widow control keeps two of the four lines for page 2, so two go on page 1.
    assert len(body[0]) == 21 and "".join(body[0][19:]) == long[:54]
    assert "".join(body[1][:2]) == long[54:] and body[1][2] == "末行。"


@pytest.mark.parametrize("place", ["outer", "center"])
def test_docx_page_numbers_follow_gb_t_9704_or_are_centred(place: str, tmp_path: Path) -> None:
    document = dataclasses.replace(outline(make_report()), page_numbers=place)
    word = docx.Document(str(render_docx(document, tmp_path / "r.docx")))
    section = word.sections[0]
    assert word.settings.odd_and_even_pages_header_footer is (place == "outer")
    odd = section.footer.paragraphs[0]
    assert odd.text == "— 1 —"
    if place == "center":
        assert (odd.paragraph_format.alignment or odd.style.paragraph_format.alignment) == 1  # centre
        return
    even = section.even_page_footer.paragraphs[0]
    assert even.text == "— 1 —"  # the PAGE field's cached value
    # Odd pages at the right, even pages at the left, one 4号 character (14 pt) in from the 版心's edge.
    assert (odd.paragraph_format.alignment, odd.paragraph_format.right_indent.pt) == (2, 14.0)
    assert (even.paragraph_format.alignment, even.paragraph_format.left_indent.pt) == (0, 14.0)


def test_build_page_numbers_center_end_to_end(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path), "--page-numbers", "center"])
    assert result.exit_code == 0, result.output
    with pdfplumber.open(next(tmp_path.glob("*.pdf"))) as pdf:
        dashes = [c for c in pdf.pages[1].chars if c["text"] == "—"]
    middle = (min(c["x0"] for c in dashes) + max(c["x1"] for c in dashes)) / 2
    assert abs(middle - (LEFT + TEXT_WIDTH / 2)) < 1
    bad = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path), "--page-numbers", "left"])
    assert bad.exit_code == 2


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("威海市文登区大水泊镇人民政府", ("威海市文登区大水泊镇人民政府",)),
        (
            "中国（山东）自由贸易试验区济南片区管理委员会经济发展部",
            ("中国（山东）自由贸易试验区", "济南片区管理委员会经济发展部"),
        ),
        (
            "内蒙古自治区锡林郭勒盟苏尼特右旗朱日和镇人民政府",
            ("内蒙古自治区锡林郭勒盟", "苏尼特右旗朱日和镇人民政府"),
        ),
        (
            "新疆维吾尔自治区巴音郭楞蒙古自治州和静县巴音布鲁克镇人民政府",
            ("新疆维吾尔自治区巴音郭楞蒙古自治州", "和静县巴音布鲁克镇人民政府"),
        ),
    ],
)
def test_a_long_name_breaks_at_a_natural_boundary(name: str, lines: tuple[str, ...], fonts: FontSet) -> None:
    assert name_lines(name) == lines
    report = make_report("gb2021", details={**DETAILS, "name": name})
    document = outline(report)
    title = document.blocks[0]
    assert isinstance(title, Title) and title.lines == (*lines, "2022年政府信息公开工作年度报告")
    first = pdf_lines(pdf_bytes(document, fonts))[0]
    assert first[: len(lines) + 1] == [*lines, "2022年政府信息公开工作年度报告"]  # as given, never re-wrapped


def test_a_name_with_no_boundary_inside_a_line_stays_whole() -> None:
    assert name_lines("某某某某某某某某某某某某某某某某某某某某某某") == (
        "某某某某某某某某某某某某某某某某某某某某某某",
    )
    assert name_lines("区" * 200) == ("区" * 200,)  # hostile: no search through 200 boundaries


LONG = (
    "本年度，我镇坚持以公开为常态、不公开为例外，围绕群众关切，持续加大政府信息主动公开力度，"
    "通过门户网站、政务新媒体和村务公开栏等渠道及时发布政策文件、工作动态和重点领域信息，"
    "公开内容的及时性、准确性和完整性进一步提升。"
)


def heavy_report(format_id: str):  # type: ignore[no-untyped-def]
    """Some 8 pages: long narratives, a chart, six-digit counts in table 三."""
    fmt = get_format(format_id)
    narrative = {
        "一": (
            Passage(None, (LONG,)),
            *(Passage(h, (LONG * 2, LONG)) for h in fmt.section("一").subheadings),
        ),
        "五": (Passage(None, (f"（一）存在的主要问题。{LONG}", f"（二）改进情况。{LONG * 2}")),),
        "六": tuple(Passage(t, (LONG,)) for t in ("政府信息公开信息处理费收取情况", "政务公开工作创新情况")),
    }
    items = tuple((label, Value(n, Place("栏目信息发布", f"B{i}"))) for i, (label, n) in enumerate(SEED, 8))
    return dataclasses.replace(city_report(format_id), narrative=narrative, figures=(PublishedItems(items),))


def page_ends(pages: list[list[str]]) -> list[tuple[str, str]]:
    """The first and last words of each page, its page number left out."""
    out = []
    for page in pages:
        text = re.sub(r"—\d+—$", "", "".join(page))
        out.append((text[:8], text[-8:]))
    return out


@pytest.mark.parametrize("case", ["example", "heavy-gb2021", "heavy-gb2019"])
def test_pdf_and_libreoffice_docx_break_pages_alike(
    case: str, soffice: str, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The example and a heavy report, both outputs: every page begins and ends with the same words
    (LibreOffice with the preview's font mapping, as Word would use the real faces)."""
    monkeypatch.setenv("FONTCONFIG_FILE", str(PREVIEW_FONTS))
    if case == "example":
        result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path), "--only", "docx,pdf"])
        assert result.exit_code == 0, result.output
    else:
        document = outline(heavy_report(case.split("-")[1]))
        render_docx(document, tmp_path / "heavy.docx")
        (tmp_path / "heavy.pdf").write_bytes(pdf_bytes(document))
    ours = pdf_lines(next(tmp_path.glob("*.pdf")).read_bytes())
    (tmp_path / "lo").mkdir()
    theirs = pdf_lines(convert(soffice, next(tmp_path.glob("*.docx")), tmp_path / "lo").read_bytes())
    assert len(ours) >= (7 if case == "example" else 8)
    assert page_ends(ours) == page_ends(theirs)


def schema_errors(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "check.docx"
    path.write_bytes(data)
    result = OpenXmlValidator().validate(str(path))
    return [str(e) for e in result.errors]


@pytest.mark.parametrize("format_id", FORMATS)
def test_every_docx_validates_against_the_ooxml_schemas(format_id: str, tmp_path: Path) -> None:
    documents = [
        outline(make_report(format_id)),
        outline(make_report(format_id), draft_mark="数据未通过校验"),
        dataclasses.replace(outline(city_report(format_id)), page_numbers="center"),
        document_with(SEED, format_id),
    ]
    for document in documents:
        assert schema_errors(docx_bytes(document), tmp_path) == []


def test_the_built_example_validates_against_the_ooxml_schemas(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "-o", str(tmp_path), "--only", "docx"])
    assert result.exit_code == 0, result.output
    data = next(tmp_path.glob("*.docx")).read_bytes()
    assert schema_errors(data, tmp_path) == []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        settings = z.read("word/settings.xml").decode()
    assert "evenAndOddHeaders" in settings
    assert '<w:characterSpacingControl w:val="doNotCompress"/>' in settings  # 28 full-width a line


def test_docx_turns_off_word_spacing_between_chinese_and_digits(tmp_path: Path) -> None:
    word = docx.Document(str(render_docx(outline(make_report()), tmp_path / "r.docx")))
    normal = word.styles["Normal"].element.pPr
    assert normal.find(qn("w:autoSpaceDE")).get(qn("w:val")) == "0"
    assert normal.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"


def test_a_rare_character_beyond_the_bmp_copies_and_searches_as_itself(fonts: FontSet) -> None:
    """𠀾 (U+2003E, CJK Extension B) in a name: drawn from an extension face, extracted as itself."""
    need(any(f.path.name == "HanaMinB.ttf" for f in fonts.faces()), "fonts-hanazono (HanaMinB.ttf)")
    name = "𠀾𪚥镇人民政府"
    data = pdf_bytes(outline(make_report("gb2021", details={**DETAILS, "name": name})), fonts)
    pages = pdf_lines(data)
    assert pages[0][0] == name
    assert any("𠀾𪚥镇人民政府" in line for page in pages for line in page[1:])  # the preamble and signature


def test_a_character_no_font_has_still_gives_the_docx_and_says_so(tmp_path: Path) -> None:
    workbook = filled(tmp_path / "in.xlsx", name="测试\u0378镇人民政府")
    result = CliRunner().invoke(cli, ["build", str(workbook), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    written = {p.suffix for p in (tmp_path / "out").iterdir()}
    assert ".docx" in written and ".pdf" not in written
    assert "未生成 PDF（.docx 等其他文件已生成）" in result.output and "U+0378" in result.output
    assert "Traceback" not in result.output


def test_a_light_title_face_is_set_heavier_a_chosen_one_as_it_is(fonts: FontSet, tmp_path: Path) -> None:
    """Without 小标宋 (Linux: AR PL UMing) the title is stroked as well as filled, 0.04 em, so it reads as
    heavy as 小标宋; a face the user names with --font is used as it is."""
    from pypdf import PdfReader

    from govreport.fonts import resolve_fonts
    from govreport.fonts.resolve import light_title

    def first_page(fontset: FontSet) -> bytes:
        data = pdf_bytes(outline(make_report()), fontset)
        return PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data()  # type: ignore[union-attr]

    if light_title(fonts["title"]):
        assert re.search(rb"RG 0?\.88 w 2 Tr", first_page(fonts))
    chosen = resolve_fonts({"title": f"{fonts['title'].face.path}#{fonts['title'].face.index}"})
    assert not light_title(chosen["title"])
    assert b" 0.88 w" not in first_page(chosen) and b"RG .88 w" not in first_page(chosen)


@pytest.mark.parametrize("length", [24, 27, 40])
def test_a_signature_longer_than_the_room_stays_inside_the_text_block(length: int, fonts: FontSet) -> None:
    name = "甲" * (length - 4) + "人民政府"
    document = outline(make_report("gb2021", details={**DETAILS, "name": name}))
    name_block, date_block = document.blocks[-2:]
    assert name_block.right_indent >= 0  # type: ignore[union-attr]
    assert 0 <= date_block.right_indent <= 28 - 6.5  # type: ignore[union-attr]
    text = "".join(line for page in pdf_lines(pdf_bytes(document, fonts)) for line in page)
    assert text.endswith(name + "2023年1月20日—" + str(len(pdf_lines(pdf_bytes(document, fonts)))) + "—")


def test_an_unknown_page_number_place_is_refused_not_guessed() -> None:
    with pytest.raises(ValueError, match="page_numbers"):
        outline(make_report(), page_numbers="left")  # type: ignore[arg-type]
