"""The PDF as a reader gets it: embedded fonts, text in order, 避头尾, outline, metadata, reproducibility."""

from __future__ import annotations

import io
import itertools
import re
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest
from factories import make_report
from fontmaker import make_font
from pypdf import PdfReader
from reportlab.lib.units import mm
from test_pdf_wrap import narrative

from govreport.blocks import Document, Heading, Paragraph, TableBlock
from govreport.document import outline
from govreport.fonts import FontError, FontSet, resolve_fonts
from govreport.formats import get_format
from govreport.render.pdf import MissingGlyphError, pdf_bytes, render_pdf
from govreport.render.pdf.page import BOTTOM, LEFT, LINE, PAGE_HEIGHT, TEXT_WIDTH, TOP
from govreport.render.pdf.wrap import violations

FORMATS = ["gb2021", "gb2019"]


def distinctive_report(format_id: str):  # type: ignore[no-untyped-def]
    """Every input a different number, so the order of the numbers in the PDF means something."""
    fmt = get_format(format_id)
    inputs = {k: 10 + i for i, k in enumerate(k for k in fmt.cell_keys() if k not in fmt.total_keys())}
    return make_report(format_id, inputs)


@pytest.fixture(scope="module", params=FORMATS)
def example(request: pytest.FixtureRequest, fonts: FontSet, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    document = outline(distinctive_report(request.param))
    path = render_pdf(document, tmp_path_factory.mktemp(request.param) / "report.pdf", fonts)
    return document, path


def body_lines(path: Path) -> list[str]:
    """Visual lines inside the 版心, by baseline. A gap wider than justification ever makes (a quarter em)
    but narrower than the padding between two table cells starts a new line."""
    lines = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            rows: dict[float, list[dict]] = defaultdict(list)
            for ch in page.chars:
                baseline = page.height - ch["matrix"][5]
                if TOP - 2 < baseline < PAGE_HEIGHT - BOTTOM + 2 and ch["non_stroking_color"] != (0.8, 0, 0):
                    rows[round(baseline, 1)].append(ch)
            for _, chars in sorted(rows.items()):
                chars.sort(key=lambda c: c["x0"])
                current = chars[0]["text"]
                for prev, ch in itertools.pairwise(chars):
                    if ch["x0"] - prev["x1"] > 0.35 * ch["size"]:
                        lines.append(current)
                        current = ""
                    current += ch["text"]
                lines.append(current)
    return lines


def test_every_font_is_embedded_as_truetype_with_tounicode(example) -> None:  # type: ignore[no-untyped-def]
    _, path = example
    reader = PdfReader(path)
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
            assert "/ToUnicode" in font
            assert re.match(r"/[A-Z]{6}\+", font["/BaseFont"])  # a subset
            seen += 1
    assert seen >= len(reader.pages)
    assert b"/Helvetica" not in path.read_bytes()


def test_text_holds_every_heading_in_order(example) -> None:  # type: ignore[no-untyped-def]
    document, path = example
    text = re.sub(r"\s", "", "".join(page.extract_text() for page in PdfReader(path).pages))
    pos = 0
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            found = text.find(re.sub(r"\s", "", (getattr(block, "lead", None) or "") + block.text), pos)
            assert found >= 0, block.text
            pos = found


def test_every_table_number_is_printed_in_order(example) -> None:  # type: ignore[no-untyped-def]
    document, path = example
    expected = [
        c.text
        for b in document.blocks
        if isinstance(b, TableBlock)
        for r in b.body_rows
        for c in r
        if c.role == "number"
    ]
    printed = [w for w in body_lines(path) if re.fullmatch(r"-?\d+(\.\d+)?", w)]
    assert printed == expected


def test_no_line_starts_or_ends_with_forbidden_punctuation(example) -> None:  # type: ignore[no-untyped-def]
    lines = body_lines(example[1])
    assert len(lines) > 100
    assert violations(lines) == []


def test_long_narrative_full_of_punctuation_breaks_cleanly(fonts: FontSet, tmp_path: Path) -> None:
    paragraphs = tuple(Paragraph(narrative(seed, 12)) for seed in range(40))
    document = Document(
        (Heading("一、总体情况", 1, bookmark=True), *paragraphs), "测试", "测试机关", date="2023-01-31"
    )
    lines = body_lines(render_pdf(document, tmp_path / "long.pdf", fonts))
    assert len(lines) > 300
    assert violations(lines) == []
    assert "".join(lines).replace(" ", "") == ("一、总体情况" + "".join(p.text for p in paragraphs)).replace(
        " ", ""
    )


def test_outline_has_the_six_sections_and_metadata_is_set(example) -> None:  # type: ignore[no-untyped-def]
    document, path = example
    reader = PdfReader(path)
    headings = [b.text for b in document.blocks if isinstance(b, Heading) and b.bookmark]
    assert [o.title for o in reader.outline] == headings
    assert len(headings) == 6
    info = reader.metadata
    assert (info.title, info.author, info.subject) == (document.title, document.author, document.subject)
    assert "政府信息公开" in info["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    assert info["/CreationDate"].startswith("D:" + document.date.replace("-", ""))


def test_output_is_byte_identical_for_identical_input(fonts: FontSet) -> None:
    document = outline(make_report("gb2021"))
    assert pdf_bytes(document, fonts) == pdf_bytes(document, fonts)


@pytest.mark.parametrize("place", ["outer", "center"])
def test_a_page_holds_22_body_lines_and_numbers_its_pages(fonts: FontSet, place: str) -> None:
    blocks = tuple(Paragraph(f"第{i}行。") for i in range(1, 46))
    document = Document(blocks, "测试", "测试机关", page_numbers=place)  # type: ignore[arg-type]
    with pdfplumber.open(io.BytesIO(pdf_bytes(document, fonts))) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
        dashes = [[c for c in page.chars if c["text"] == "—"] for page in pdf.pages]
    assert len(texts) == 3
    assert "第22行" in texts[0] and "第23行" in texts[1] and "第45行" in texts[2]
    for n, text in enumerate(texts, start=1):
        assert text.splitlines()[-1].replace(" ", "") == f"—{n}—"
    # The number's line starts about 7 mm below the 版心 (GB/T 9704 §7.5); 22 lines of 28.95 pt fill it.
    assert all(6 * mm < c["top"] - (PAGE_HEIGHT - BOTTOM) < 8 * mm for page in dashes for c in page)
    assert 22 * LINE <= PAGE_HEIGHT - TOP - BOTTOM < 23 * LINE
    for n, page in enumerate(dashes, start=1):
        left, right = min(c["x0"] for c in page), max(c["x1"] for c in page)
        if place == "center":
            assert abs((left + right) / 2 - (LEFT + TEXT_WIDTH / 2)) < 1
        elif n % 2:  # odd pages: at the right, one 4号 character (14 pt) in from the 版心's edge
            assert abs(right - (LEFT + TEXT_WIDTH - 14)) < 1
        else:  # even pages: at the left, one character in
            assert abs(left - (LEFT + 14)) < 1


def test_draft_mark_is_on_every_page(fonts: FontSet) -> None:
    document = outline(make_report("gb2021"), draft_mark="数据未通过校验")
    reader = PdfReader(io.BytesIO(pdf_bytes(document, fonts)))
    assert len(reader.pages) > 1
    assert all("数据未通过校验" in page.extract_text() for page in reader.pages)


def test_without_a_chinese_font_the_message_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(FontError, match="找不到可嵌入 PDF 的中文字体"):
        render_pdf(
            outline(make_report("gb2021")),
            tmp_path / "r.pdf",
            resolve_fonts(dirs=[tmp_path / "empty"], system=False),
        )
    assert not (tmp_path / "r.pdf").exists()


def synthetic_fonts(folder: Path, document: Document, *, lacking: str, spare: str = "") -> FontSet:
    """One TrueType font with every character of ``document`` except ``lacking``; ``spare`` characters go
    into a second font only."""
    chars = set("".join(_texts(document))) | set("— 0123456789")
    make_font(folder / "simfang.ttf", "FangSong", chars - set(lacking), chinese_family="仿宋")
    if spare:
        make_font(folder / "wqy-zenhei.ttc", "WenQuanYi Zen Hei", spare)
    return resolve_fonts(dirs=[folder], system=False)


def _texts(document: Document) -> list[str]:
    out = [document.draft_mark or ""]
    for b in document.blocks:
        if isinstance(b, TableBlock):
            out += [c.text for r in (*b.header_rows, *b.body_rows) for c in r]
        else:
            out += [getattr(b, "text", ""), getattr(b, "lead", None) or "", *getattr(b, "lines", ())]
    return out


def test_a_character_missing_in_every_font_is_reported_with_its_place(tmp_path: Path) -> None:
    document = Document((Heading("一、总体情况", 1), Paragraph("朱镕基同志视察。")), "测试", "测试机关")
    fontset = synthetic_fonts(tmp_path, document, lacking="镕")
    with pytest.raises(MissingGlyphError) as err:
        render_pdf(document, tmp_path / "r.pdf", fontset)
    assert [(m.char, m.codepoint, m.where) for m in err.value.missing] == [
        ("镕", "U+9555", "“一、总体情况”第1段")
    ]
    assert "U+9555" in str(err.value)
    assert not (tmp_path / "r.pdf").exists()


def test_a_character_missing_in_the_role_font_is_drawn_from_another_font(tmp_path: Path) -> None:
    document = Document((Heading("一、总体情况", 1), Paragraph("朱镕基同志视察。")), "测试", "测试机关")
    fontset = synthetic_fonts(tmp_path, document, lacking="镕", spare="镕")
    path = render_pdf(document, tmp_path / "r.pdf", fontset)
    with pdfplumber.open(path) as pdf:
        fonts_of = {c["text"]: c["fontname"] for c in pdf.pages[0].chars}
    assert "朱镕基同志视察" in PdfReader(path).pages[0].extract_text()
    assert "WenQuanYi" in fonts_of["镕"] and "FangSong" in fonts_of["朱"]
