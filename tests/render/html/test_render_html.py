"""The portal page: one self-contained HTML5 file with the report's structure as a reader and a screen
reader need it (h1/h2/h3, tables with the official merges and th scope, caption), the chart as inline SVG
text, and the same text as the .docx and the PDF, character for character."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from pathlib import Path

import pytest
from factories import SEED_ITEMS, make_report
from html_support import (
    SVG,
    docx_pieces,
    element_text,
    html_grid,
    html_pieces,
    occupancy,
    parse,
    parse_fragment,
    pdf_text,
    squeeze,
)

from govreport.api import DRAFT_MARK, check_workbook
from govreport.blocks import Document, Figure, Heading, Paragraph, TableBlock, Title
from govreport.document import outline
from govreport.fonts import FontSet
from govreport.model import Place, PublishedItems, Value
from govreport.render.docx import docx_bytes
from govreport.render.html import fragment_html, page_html, render_html
from govreport.render.palette import CAPTION_RGB, PLACEHOLDER_RGB, hex_rgb
from govreport.render.pdf import pdf_bytes

FORMATS = ["gb2021", "gb2019"]
EXAMPLE = Path(__file__).parents[3] / "examples" / "大水泊镇-2022.xlsx"


def with_chart(format_id: str, **details: str) -> Document:
    items = tuple(
        (label, Value(n, Place("栏目信息发布", f"B{i}"))) for i, (label, n) in enumerate(SEED_ITEMS, 8)
    )
    report = dataclasses.replace(make_report(format_id), figures=(PublishedItems(items),))
    return outline(report)


@pytest.fixture(params=FORMATS)
def document(request: pytest.FixtureRequest) -> Document:
    return with_chart(request.param)


def test_page_is_self_contained_html5_in_chinese(document: Document) -> None:
    html = page_html(document)
    assert html.startswith("<!DOCTYPE html>\n")
    root = parse(html)
    assert root.get("lang") == "zh-CN"
    assert root.find("head/meta[@charset]").get("charset") == "utf-8"  # type: ignore[union-attr]
    assert element_text(root.find("head/title")) == document.title  # type: ignore[arg-type]
    assert root.find(".//script") is None and root.find(".//link") is None and root.find(".//img") is None
    assert not [el for el in root.iter() if el.get("src") or el.get("href")]
    style = "".join(s.text or "" for s in root.iter("style"))
    assert "url(" not in style and "@import" not in style and "@media print" in style
    assert re.search(r"@page\{size:A4", style)


def test_headings_are_h1_h2_h3_in_the_outlines_order(document: Document) -> None:
    root = parse(page_html(document))
    title = next(b for b in document.blocks if isinstance(b, Title))
    expected = [("h1", "".join(title.lines))] + [
        ("h2" if b.level <= 1 else "h3", squeeze(b.text)) for b in document.blocks if isinstance(b, Heading)
    ]
    found = [(el.tag, element_text(el)) for el in root.iter() if el.tag in ("h1", "h2", "h3", "h4")]
    assert found == expected
    levels = [int(tag[1]) for tag, _ in found]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # no level skipped


def test_tables_keep_the_official_merges_and_label_every_header(document: Document) -> None:
    root = parse(page_html(document))
    tables = list(root.iter("table"))
    blocks = [b for b in document.blocks if isinstance(b, TableBlock)]
    assert len(tables) == len(blocks) == 3
    for block, table in zip(blocks, tables, strict=True):
        rows = [*block.header_rows, *block.body_rows]
        expected = occupancy([[(squeeze(c.text), c.rowspan, c.colspan) for c in row] for row in rows])
        assert html_grid(table) == expected, block.id
        for cell, th in zip(
            (c for row in rows for c in row),
            (el for el in table.iter() if el.tag in ("th", "td")),
            strict=True,
        ):
            role = {"header": ("th", "col"), "label": ("th", "row"), "caption": ("th", "rowgroup")}
            assert (th.tag, th.get("scope")) == role.get(cell.role, ("td", None)), (block.id, cell)
        widths = [float(col.get("style", "")[6:-1]) for col in table.iter("col")]
        assert sum(widths) == pytest.approx(100, abs=0.1) and len(widths) == block.columns


def test_each_table_has_its_heading_as_caption_and_scrolls_in_its_own_box(document: Document) -> None:
    root = parse(page_html(document))
    headings = [
        b.text
        for b, n in zip(document.blocks, document.blocks[1:], strict=False)
        if isinstance(n, TableBlock)
    ]
    boxes = [div for div in root.iter("div") if div.find("table") is not None]
    assert [element_text(box.find("table/caption")) for box in boxes] == [squeeze(h) for h in headings]  # type: ignore[arg-type]
    for box in boxes:
        caption = box.find("table/caption")
        assert box.get("role") == "region" and box.get("tabindex") == "0"
        assert box.get("aria-labelledby") == caption.get("id")  # type: ignore[union-attr]
    css = "".join(s.text or "" for s in root.iter("style"))
    assert re.search(r"\.scroll\{[^}]*overflow-x:auto", css)


def test_table_numbers_are_printed_in_order_and_centred(document: Document) -> None:
    root = parse(page_html(document))
    expected = [
        c.text
        for b in document.blocks
        if isinstance(b, TableBlock)
        for r in b.body_rows
        for c in r
        if c.role == "number"
    ]
    assert [element_text(td) for td in root.iter("td") if "td" in td.get("class", "").split()] == expected
    css = "".join(s.text or "" for s in root.iter("style"))
    assert re.search(r"\.td\{[^}]*text-align:center", css)


def test_chart_is_inline_svg_text_with_every_label_and_value(document: Document) -> None:
    figure = next(b for b in document.blocks if isinstance(b, Figure))
    root = parse(page_html(document))
    svg = root.find(f".//figure/{SVG}svg")
    assert svg is not None and svg.get("role") == "img"
    drawn = [squeeze("".join(t.itertext())) for t in svg.iter(f"{SVG}text")]
    for bar in figure.bars:
        assert bar.label in drawn and f"{bar.value}{figure.unit}" in drawn
    bars = [r for r in svg.iter(f"{SVG}rect")]
    assert len(bars) == sum(1 for b in figure.bars if b.value > 0)
    assert element_text(root.find(".//figure/figcaption")) == squeeze(figure.caption)  # type: ignore[arg-type]
    assert svg.find(f"{SVG}image") is None


def test_bars_are_as_long_as_their_values() -> None:
    bars = (("甲", 10), ("乙", 40), ("丙", 0))
    from govreport.blocks import Bar

    figure = Figure("图", tuple(Bar(label, n) for label, n in bars))
    svg = parse(page_html(Document((figure,), "图", "机关"))).find(f".//{SVG}svg")
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]  # type: ignore[union-attr, arg-type]
    assert len(widths) == 2 and widths[1] == pytest.approx(4 * widths[0], rel=0.01)


def test_placeholders_draft_mark_and_caption_rows_use_the_shared_palette() -> None:
    report = make_report("gb2021", narrative={"前言": ()})
    document = outline(report, draft_mark=DRAFT_MARK)
    html = page_html(document)
    root = parse(html)
    placeholder = next(b for b in document.blocks if isinstance(b, Paragraph) and b.placeholder)
    marked = [p for p in root.iter("p") if "placeholder" in p.get("class", "")]
    assert [element_text(p) for p in marked] == [squeeze(placeholder.text)] * len(marked) and marked
    css = "".join(s.text or "" for s in root.iter("style"))
    assert re.search(rf"\.placeholder\{{color:#{hex_rgb(PLACEHOLDER_RGB)}", css)
    assert f"background:#{hex_rgb(CAPTION_RGB)}" in css
    first = root.find(".//article")[0]  # type: ignore[index]
    assert element_text(first) == DRAFT_MARK and first.get("role") == "note"


def test_fragment_is_the_article_alone_styled_inline(document: Document) -> None:
    fragment = fragment_html(document)
    assert fragment.startswith("<article") and "<style" not in fragment and "<html" not in fragment
    tree = parse_fragment(fragment)
    article = tree.find("article")
    assert (
        article is not None and article.get("lang") == "zh-CN" and "font-family" in article.get("style", "")
    )
    page_root = parse(page_html(document))
    assert html_pieces(tree) == html_pieces(page_root)
    assert all(el.get("style") for el in article.iter() if el.tag in ("h1", "h2", "p", "th", "td", "table"))


def documents() -> dict[str, Document]:
    """Made-up reports of both formats with a chart, a draft with placeholders (missing narrative) and
    the example (the seed report: leads, a signature, an address)."""
    example = check_workbook(EXAMPLE).report
    assert example is not None
    draft = make_report("gb2021", narrative={"前言": (), "五": ()})
    return {
        "gb2021": with_chart("gb2021"),
        "gb2019": with_chart("gb2019"),
        "draft": outline(draft, draft_mark=DRAFT_MARK),
        "example": outline(example),
    }


CASES = ["gb2021", "gb2019", "draft", "example"]


@pytest.mark.parametrize("case", CASES)
def test_text_is_the_docx_text_character_for_character(case: str) -> None:
    document = documents()[case]
    assert html_pieces(parse(page_html(document)), draft=False) == docx_pieces(docx_bytes(document))


@pytest.mark.parametrize("case", CASES)
def test_text_is_the_pdf_text_character_for_character(case: str, fonts: FontSet) -> None:
    """The chart left out (each medium draws its axis its own way; its caption is compared with the
    .docx above) and the draft mark too (the PDF prints it on every page): the PDF holds exactly the
    page's characters, and the paragraphs in the same order."""
    full = documents()[case]
    document = dataclasses.replace(full, blocks=tuple(b for b in full.blocks if not isinstance(b, Figure)))
    pieces = html_pieces(parse(page_html(document)), draft=False)
    printed, pages = pdf_text(pdf_bytes(document, fonts))
    page_text, pdf_only = Counter("".join(pieces)), Counter(printed)
    assert page_text - pdf_only == Counter()
    mark = squeeze(document.draft_mark or "")
    times = (pdf_only - page_text)[mark[0]] // mark.count(mark[0]) if mark else 0
    assert pdf_only - page_text == Counter(mark * times)  # nothing but the draft mark, on every page
    assert times >= pages if mark else times == 0
    if mark:
        return  # the diagonal mark's characters are extracted in between the lines: no order to read
    at = 0
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            at = printed.index(squeeze((getattr(block, "lead", None) or "") + block.text), at)


def test_render_html_writes_atomically_and_escapes(tmp_path: Path) -> None:
    blocks = (Heading("一、<总体> & “情况”", 1), Paragraph("a<b>&c</p><script>x</script>"))
    path = render_html(Document(blocks, "t<", "机关"), tmp_path / "r.html")
    text = path.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert [element_text(p) for p in parse(text).iter("p")] == ["a<b>&c</p><script>x</script>"]
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_a_draft_mark_cannot_break_out_of_the_style_sheet() -> None:
    mark = '草稿"</style><script>x</script>\\'
    root = parse(page_html(Document((Paragraph("正文。"),), "测试", "机关", draft_mark=mark)))
    style = "".join(s.text or "" for s in root.iter("style"))
    assert "@top-center{content:" in style and "<" not in style
    assert root.find(".//script") is None
    assert element_text(root.find(".//article")[0]) == squeeze(mark)  # type: ignore[index]
