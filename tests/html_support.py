"""Reading the HTML renderer's output the way a browser does (html5lib builds the same tree), and the
.docx and PDF the way a reader copies them, so the three can be compared text for text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from xml.etree.ElementTree import Element

import docx
import html5lib
import pdfplumber
from docx.oxml.ns import qn

SVG = "{http://www.w3.org/2000/svg}"
PAGE_NUMBER = re.compile(r"—\d+—")


def parse(html: str) -> Element:
    """The tree a browser builds; a parse error (unclosed element, bad nesting) fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(html)


def parse_fragment(html: str) -> Element:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(html)


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def element_text(el: Element) -> str:
    return squeeze("".join(el.itertext()))


def html_pieces(root: Element, *, draft: bool = True) -> list[str]:
    """The text a reader sees, piece by piece in reading order: title, headings, paragraphs, every table
    cell, figure captions. Table captions (the section heading again, for screen readers) and the chart
    (drawn differently by each medium) are left out; ``draft`` False leaves out the draft banner too
    (the .docx and the PDF print it in the page header instead)."""
    article = root.find(".//article")
    assert article is not None
    children = [c for c in article if draft or c.get("role") != "note"]
    return [p for p in _pieces(children) if p]


def _pieces(elements: Iterable[Element]) -> Iterator[str]:
    for child in elements:
        tag = child.tag
        if tag == "h1" and len(child):  # the title, one printed line per span
            yield from (element_text(line) for line in child)
        elif tag in ("h1", "h2", "h3", "p", "th", "td", "figcaption"):
            yield element_text(child)
        elif tag == "caption" or tag.startswith(SVG):
            continue
        else:
            yield from _pieces(child)


def docx_pieces(data: bytes) -> list[str]:
    """Body paragraphs and table cells (merge continuations skipped) in document order."""
    body = docx.Document(io.BytesIO(data)).element.body
    out: list[str] = []
    for child in body:
        if child.tag == qn("w:p"):
            out.append(squeeze("".join(t.text or "" for t in child.iter(qn("w:t")))))
        elif child.tag == qn("w:tbl"):
            for tc in child.iter(qn("w:tc")):
                merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                if merge is None or merge.get(qn("w:val")) == "restart":
                    out.append(squeeze("".join(t.text or "" for t in tc.iter(qn("w:t")))))
    return [p for p in out if p]


def pdf_text(data: bytes) -> tuple[str, int]:
    """Every character the PDF draws, whitespace and page numbers removed, page by page; and the
    number of pages."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "".join(squeeze(page.extract_text() or "") for page in pdf.pages)
        return PAGE_NUMBER.sub("", text), len(pdf.pages)


def html_grid(table: Element) -> dict[tuple[int, int], tuple[str, int, int]]:
    """(row, column) of each cell's top-left corner -> (text, rowspan, colspan), laid out with the
    HTML table model (cells skip the slots spans from above cover)."""
    rows = [
        [(element_text(c), int(c.get("rowspan", 1)), int(c.get("colspan", 1))) for c in tr]
        for tr in table.iter("tr")
    ]
    return occupancy(rows)


def occupancy(rows: list[list[tuple[str, int, int]]]) -> dict[tuple[int, int], tuple[str, int, int]]:
    taken: set[tuple[int, int]] = set()
    out = {}
    for r, row in enumerate(rows):
        col = 0
        for text, rowspan, colspan in row:
            while (r, col) in taken:
                col += 1
            out[(r, col)] = (text, rowspan, colspan)
            taken |= {(r + i, col + j) for i in range(rowspan) for j in range(colspan)}
            col += colspan
    return out
