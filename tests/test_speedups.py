"""Per-process speed-ups that must not change what a user gets: the glyph widths in every PDF, and every
job of a batch run exactly once."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from factories import DETAILS, make_report
from pypdf import PdfReader

from govreport.batch import chunked
from govreport.blocks import Document, Paragraph
from govreport.document import outline
from govreport.fonts import FontSet
from govreport.render.pdf import pdf_bytes
from govreport.render.pdf.fonts import pdf_fonts


def _widths_by_character(data: bytes) -> dict[tuple[str, str], list[tuple[str, float]]]:
    """For every font subset in the PDF: (face, subset) -> [(character, width in the Widths array)]."""
    found: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            chars = {
                int(c, 16): chr(int(u, 16)) for c, u in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4})>", cmap)
            }
            widths = [float(w) for w in font["/Widths"]]
            face, subset = str(font["/BaseFont"]).split("+", 1)[1], str(font["/BaseFont"]).split("+")[0]
            found[(face, subset)] = [(chars[i], w) for i, w in enumerate(widths) if i in chars]
    return found


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_every_pdf_of_a_batch_carries_its_glyphs_own_widths(fonts: FontSet, format_id: str) -> None:
    """The Widths arrays are serialised once per process: a second and a third report (the same
    statutory subsets, other text) still get each glyph's advance width from the font."""
    pf = pdf_fonts(fonts)
    faces = {name: pf._widths[name] for name in pf.names()}
    for body in ("甲乡人民政府", "乙镇人民政府", "甲乡人民政府"):
        document = outline(make_report(format_id, details={**DETAILS, "name": body}))
        subsets = _widths_by_character(pdf_bytes(document, fonts))
        assert subsets
        for (face_name, _), pairs in subsets.items():
            face = next(f for f in faces.values() if f.name.decode("latin-1") in face_name)
            expected = [face.charWidths.get(ord(ch), face.defaultWidth) for ch, _ in pairs]
            assert [w for _, w in pairs] == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("jobs", [1, 2, 7, 17, 100, 2000])
@pytest.mark.parametrize("workers", [2, 4])
def test_a_batch_runs_every_job_once_in_order_and_ends_with_single_jobs(jobs: int, workers: int) -> None:
    chunks = chunked(jobs, workers)
    assert [i for chunk in chunks for i in chunk] == list(range(jobs))
    assert all(1 <= len(chunk) <= 8 for chunk in chunks)
    # the last chunks are single jobs, so the workers finish within one report of each other
    assert all(len(chunk) == 1 for chunk in chunks[-min(jobs, workers) :])


def test_a_paragraph_that_recurs_split_and_whole_prints_in_full_each_time(fonts: FontSet) -> None:
    """Layouts are kept per process: the same text split across a page, then whole, then in a narrower
    setting (right indent) is still all there, in order, each time."""
    text = (
        "本机关按照公开为常态、不公开为例外的原则，主动公开政府信息，" * 12
        + "http://www.example.gov.cn/xxgk/2024/index.html。"
    )
    filler = tuple(Paragraph(f"第{i}行。") for i in range(1, 19))
    blocks = (*filler, Paragraph(text), Paragraph(text), Paragraph(text, right_indent=4))
    document = Document(blocks, "测试", "测试机关")
    for _ in range(2):  # the second document comes entirely from the kept layouts
        with pdfplumber.open(io.BytesIO(pdf_bytes(document, fonts))) as pdf:
            assert len(pdf.pages) >= 2
            printed = "".join("".join(c["text"] for c in page.chars) for page in pdf.pages)
        body = re.sub(r"—\d+—", "", printed.replace(" ", ""))  # without the page numbers
        assert body.count(text) == 3
