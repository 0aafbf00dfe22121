"""The published-items chart in both outputs: vector bars with labels, values and caption in the PDF
(no raster, within the text width, caption with its chart, long lists split legibly), and a native Word
chart part holding the same labels and numbers, sized within the 156 mm text width, that LibreOffice
draws."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from conftest import convert
from factories import SEED_ITEMS, make_report
from openpyxl import load_workbook

from govreport.blocks import Bar, Document, Figure
from govreport.document import outline
from govreport.fonts import FontSet
from govreport.model import Place, PublishedItems, Value
from govreport.render.docx import docx_bytes, render_docx
from govreport.render.pdf import pdf_bytes
from govreport.render.pdf.page import LEFT, TEXT_WIDTH

SEED = [*SEED_ITEMS, ("便民服务", 0)]
CAPTION = "威海市文登区大水泊镇人民政府2022年各类栏目信息发布数量统计图"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
MM_EMU = 36000


def document_with(items: list[tuple[str, int]], format_id: str = "gb2021", **figure: str) -> Document:
    values = tuple((label, Value(n, Place("栏目信息发布", f"B{i}"))) for i, (label, n) in enumerate(items, 8))
    report = dataclasses.replace(make_report(format_id), figures=(PublishedItems(values, **figure),))
    return outline(report)


def chart_page(pdf: bytes, caption: str = CAPTION) -> pdfplumber.page.Page:
    doc = pdfplumber.open(io.BytesIO(pdf))
    return next(p for p in doc.pages if caption in (p.extract_text() or "").replace("\n", ""))


# -- PDF ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_pdf_chart_has_labels_values_and_caption_as_vector_text(fonts: FontSet, format_id: str) -> None:
    page = chart_page(pdf_bytes(document_with(SEED, format_id), fonts))
    words = page.extract_words(keep_blank_chars=False)
    texts = [w["text"] for w in words]
    for label, n in SEED:
        assert label in texts
        assert f"{n}条" in texts
    assert not page.images  # drawn, not pasted
    caption = next(w for w in words if w["text"] == CAPTION)
    chart_words = [w for w in words if w["text"] in {label for label, _ in SEED}]
    assert all(w["bottom"] < caption["top"] for w in chart_words)  # caption below the chart
    assert all(w["x0"] >= LEFT - 0.5 and w["x1"] <= LEFT + TEXT_WIDTH + 0.5 for w in [*chart_words, caption])


def test_pdf_bars_are_proportional_to_the_counts(fonts: FontSet) -> None:
    page = chart_page(pdf_bytes(document_with(SEED), fonts))
    bars = sorted((r for r in page.rects if r["height"] < 20 and r["width"] > 0.5), key=lambda r: r["top"])
    widths = [r["width"] for r in bars]
    counts = [n for _, n in SEED if n]  # a zero count keeps its row but draws no bar
    assert len(widths) == len(counts)
    for width, n in zip(widths, counts, strict=True):
        assert width / widths[3] == pytest.approx(n / 44, rel=0.01)


def test_pdf_long_list_stays_legible_and_keeps_its_caption(fonts: FontSet) -> None:
    long = "政务公开组织推进与监督保障工作专题栏目名称很长的一个栏目"
    items = [(f"{long}{i}" if i % 2 else f"栏目{i}", i * 7 % 90) for i in range(45)]
    caption = "很长的列表统计图"
    pdf = pdf_bytes(document_with(items, caption=caption), fonts)
    doc = pdfplumber.open(io.BytesIO(pdf))
    pages = [
        p for p in doc.pages if "栏目1" in (p.extract_text() or "") or "栏目44" in (p.extract_text() or "")
    ]
    assert len(pages) >= 2  # taller than a page: split between rows
    last = chart_page(pdf, caption)
    assert "栏目44" in last.extract_text() and f"{44 * 7 % 90}条" in last.extract_text()
    for page in pages:
        words = [w for w in page.extract_words() if w["top"] > 60]
        assert all(w["x0"] >= LEFT - 0.5 and w["x1"] <= LEFT + TEXT_WIDTH + 0.5 for w in words)
        for a, b in itertools.combinations(words, 2):  # no two words overlap
            apart = a["x1"] <= b["x0"] + 0.5 or b["x1"] <= a["x0"] + 0.5
            assert apart or a["bottom"] <= b["top"] + 0.5 or b["bottom"] <= a["top"] + 0.5
    shortened = "".join(p.extract_text() for p in pages)
    assert "…" in shortened  # a label longer than two lines is shortened, not overlapping


# -- Word --------------------------------------------------------------------------------------------


def _package(document: Document) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(docx_bytes(document)))


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_docx_has_a_native_bar_chart_with_the_same_numbers(format_id: str) -> None:
    package = _package(document_with(SEED, format_id))
    chart = package.read("word/charts/chart1.xml").decode()
    assert '<c:barDir val="bar"/>' in chart and '<c:showVal val="1"/>' in chart
    cat = re.search(r"<c:cat>(.*?)</c:cat>", chart).group(1)  # type: ignore[union-attr]
    val = re.search(r"<c:val>(.*?)</c:val>", chart).group(1)  # type: ignore[union-attr]
    assert re.findall(r"<c:v>(.*?)</c:v>", cat) == [label for label, _ in SEED]
    assert re.findall(r"<c:v>(.*?)</c:v>", val) == [str(n) for _, n in SEED]
    types = package.read("[Content_Types].xml").decode()
    assert 'PartName="/word/charts/chart1.xml"' in types
    rels = package.read("word/_rels/document.xml.rels").decode()
    rid = re.search(r'Id="([^"]+)" Type="[^"]+/chart" Target="charts/chart1.xml"', rels).group(1)  # type: ignore[union-attr]
    body = package.read("word/document.xml").decode()
    assert f'r:id="{rid}"' in body
    cx, cy = (int(v) for v in re.search(r'<wp:extent cx="(\d+)" cy="(\d+)"/>', body).groups())  # type: ignore[union-attr]
    assert cx <= 156 * MM_EMU and 0 < cy <= 225 * MM_EMU
    after_chart = body[body.index(f'r:id="{rid}"') :]
    assert CAPTION in re.sub(r"<[^>]+>", "", after_chart)[:200]  # the caption follows the chart


def test_docx_chart_data_can_be_edited_from_its_embedded_workbook(tmp_path: Path) -> None:
    package = _package(document_with(SEED))
    rels = package.read("word/charts/_rels/chart1.xml.rels").decode()
    target = re.search(r'Target="\.\./(embeddings/[^"]+\.xlsx)"', rels).group(1)  # type: ignore[union-attr]
    path = tmp_path / "data.xlsx"
    path.write_bytes(package.read(f"word/{target}"))
    ws = load_workbook(path).active
    rows = [tuple(r) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert rows == SEED


def test_docx_without_figures_has_no_chart_part_and_is_reproducible() -> None:
    plain = _package(outline(make_report()))
    assert not [n for n in plain.namelist() if "chart" in n or "embeddings" in n]
    assert "chart" not in plain.read("[Content_Types].xml").decode()
    document = document_with(SEED)
    assert docx_bytes(document) == docx_bytes(document)


def test_libreoffice_draws_the_word_chart(soffice: str, tmp_path: Path) -> None:
    docx_path = render_docx(document_with(SEED), tmp_path / "chart.docx")
    pdf = convert(soffice, docx_path, tmp_path)
    page = chart_page(pdf.read_bytes(), CAPTION)
    text = page.extract_text().replace(" ", "")
    for label, n in SEED:
        assert label in text and f"{n}条" in text
    assert CAPTION in text.replace("\n", "")


def test_many_columns_fit_the_page_in_word() -> None:
    items = [(f"栏目{i}", i) for i in range(60)]
    body = _package(document_with(items)).read("word/document.xml").decode()
    cx, cy = (int(v) for v in re.search(r'<wp:extent cx="(\d+)" cy="(\d+)"/>', body).groups())  # type: ignore[union-attr]
    assert cx <= 156 * MM_EMU and cy <= 210 * MM_EMU  # with the caption, within the 225 mm text height


def test_figure_block_in_isolation_renders_in_both(fonts: FontSet) -> None:
    figure = Figure("图", (Bar("甲", 0), Bar("乙", 0)))  # all zero: an axis, two labelled rows
    document = Document(blocks=(figure,), title="t", author="a")
    assert "甲" in chart_page(pdf_bytes(document, fonts), "图").extract_text()
    assert b"<c:v>0</c:v>" in _package(document).read("word/charts/chart1.xml")
