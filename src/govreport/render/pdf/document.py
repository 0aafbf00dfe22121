"""Document -> PDF, typeset directly with reportlab (no office suite needed).

Every font is embedded and subset (TrueType faces chosen by :mod:`govreport.fonts`), every character is checked
against its font before anything is drawn, lines break with 避头尾 (:mod:`.wrap`), and the output is
byte-identical for identical input: reportlab's invariant mode plus the document's own date.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas

from ...blocks import Block, Document, Figure, Heading, Paragraph, TableBlock, Title
from ...files import write_bytes
from ...fonts import FontSet, resolve_fonts
from ...fonts.resolve import light_title
from ...scripts import UnshapedScriptError, first_unshaped
from ..palette import PLACEHOLDER_RGB
from .figure import figure_flowable, figure_texts
from .flow import Flowable, Pager, RoomFor, Spacer
from .fonts import MissingGlyph, MissingGlyphError, PdfFonts, pdf_fonts
from .page import (
    BODY_SIZE,
    BODY_TRACKING,
    FRAME,
    LINE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    page_hooks,
    page_number_text,
)
from .table import table_flowable
from .text import Run, TextFlowable, TextStyle

__all__ = [
    "MissingGlyphError",
    "UnshapedScriptError",
    "check_glyphs",
    "check_scripts",
    "pdf_bytes",
    "render_pdf",
]

TITLE_SIZE = 22.0  # 二号
TITLE_LEADING = 36.0
INDENT = 2 * BODY_SIZE  # two characters
PLACEHOLDER_RED = Color(*PLACEHOLDER_RGB)
LINES_AFTER_HEADING = 2  # a heading goes to the next page unless this many body lines fit below it


def render_pdf(document: Document, path: str | Path, fonts: FontSet | None = None) -> Path:
    """Write ``document`` as a PDF at ``path`` (atomically). Raises FontError when no Chinese font is
    usable and MissingGlyphError when a character cannot be drawn by any available font."""
    return write_bytes(path, pdf_bytes(document, fonts))


def pdf_bytes(document: Document, fonts: FontSet | None = None) -> bytes:
    pf = pdf_fonts(fonts if fonts is not None else resolve_fonts())
    unshaped = check_scripts(document, pf)
    if unshaped:
        raise UnshapedScriptError(unshaped)
    missing = check_glyphs(document, pf)
    if missing:
        raise MissingGlyphError(missing)
    out = io.BytesIO()
    canv = _canvas(out, document, pf)
    hooks = page_hooks(pf, document.draft_mark, document.page_numbers)
    Pager(canv, FRAME, *hooks).run(flowables(document, pf))
    canv.save()
    return out.getvalue()


def _canvas(out: io.BytesIO, document: Document, fonts: PdfFonts) -> Canvas:
    """An A4 canvas with the document's properties; reproducible (invariant, the document's own date)."""
    canv = Canvas(
        out,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        invariant=1,
        initialFontName=fonts.font("body"),
        initialFontSize=BODY_SIZE,
        initialLeading=LINE,
        lang=document.language,
    )
    canv.setAuthor(document.author)
    canv.setTitle(document.title)
    canv.setSubject(document.subject)
    canv.setCreator("govreport")
    canv.setProducer("govreport (reportlab)")
    canv.setKeywords(list(document.keywords))
    if document.date:
        stamp = "D:" + document.date.replace("-", "")[:8].ljust(8, "0") + "000000+08'00'"
        canv.setDateFormatter(lambda *_: stamp)
    canv.showOutline()
    return canv


def flowables(document: Document, fonts: PdfFonts) -> Iterator[Flowable]:
    sections = 0
    blocks = document.blocks
    for i, block in enumerate(blocks):
        if isinstance(block, Title):
            style = TextStyle(TITLE_SIZE, TITLE_LEADING, align="center", widow_control=False)
            for line in block.lines:
                yield TextFlowable([Run(line, _title_font(fonts))], style, fonts, keep_with_next=True)
            yield Spacer(LINE)
        elif isinstance(block, Heading):
            sections += 1
            yield from _heading(blocks, i, sections, fonts)
        elif isinstance(block, Paragraph):
            yield _paragraph(block, fonts)
        elif isinstance(block, TableBlock):
            yield table_flowable(block, fonts, TEXT_WIDTH)
            for note in block.notes:
                yield TextFlowable(
                    [Run(note, fonts.font("table"))], TextStyle(10.5, 15.0, align="justify"), fonts
                )
            yield Spacer(LINE / 2)
        elif isinstance(block, Figure):
            yield figure_flowable(block, fonts, TEXT_WIDTH)


def _title_font(fonts: PdfFonts) -> str:
    """小标宋 as it is; a light stand-in (宋体, AR PL UMing) drawn in faux bold, as heavy as 小标宋 looks."""
    return fonts.heavy("title") if light_title(fonts.fontset["title"]) else fonts.font("title")


def _heading(blocks: tuple[Block, ...], i: int, sections: int, fonts: PdfFonts) -> Iterator[Flowable]:
    """A heading before text: a page break unless the heading (with the headings right after it) and
    two lines of body fit, then the text splits as usual. A heading before a table or a chart keeps with
    it, as in Word."""
    block = blocks[i]
    assert isinstance(block, Heading)
    following = next((b for b in blocks[i + 1 :] if not isinstance(b, Heading)), None)
    keep = isinstance(following, TableBlock | Figure)
    outline = (f"section{sections}", block.text) if block.bookmark else None
    style = _body_style(indent=INDENT, no_lone_last=True)
    flowable = TextFlowable([_heading_run(block, fonts)], style, fonts, outline=outline, keep_with_next=keep)
    if not keep and (i == 0 or not isinstance(blocks[i - 1], Heading)):
        run: list[Flowable] = [flowable]
        for b in blocks[i + 1 :]:
            if not isinstance(b, Heading):
                break
            run.append(TextFlowable([_heading_run(b, fonts)], style, fonts))
        yield RoomFor(run, LINES_AFTER_HEADING * LINE)
    yield flowable


def _body_style(**options: Any) -> TextStyle:
    """Body text and headings: 28 characters a line, a mark hanging at a full line's end, as the .docx."""
    return TextStyle(BODY_SIZE, LINE, tracking=BODY_TRACKING, hang=True, **options)


def _paragraph_style(block: Paragraph) -> TextStyle:
    return _body_style(
        align=block.align,
        indent=INDENT if block.indent else 0.0,
        space_before=block.space_before * LINE,
        color=PLACEHOLDER_RED if block.placeholder else black,
        right_indent=block.right_indent * BODY_SIZE,
    )


def _heading_run(block: Heading, fonts: PdfFonts) -> Run:
    if block.level == 1:
        return Run(block.text, fonts.font("heading"))
    if block.level == 2:
        return Run(block.text, fonts.heavy("subheading"))
    return Run(block.text, fonts.font("body"))


def _paragraph(block: Paragraph, fonts: PdfFonts) -> TextFlowable:
    style = _paragraph_style(block)
    return TextFlowable(_paragraph_runs(block, fonts), style, fonts, keep_with_next=block.keep_with_next)


def _paragraph_runs(block: Paragraph, fonts: PdfFonts) -> list[Run]:
    """A run-in lead (（一）存在的主要问题。) in 楷体, then the text in the body face."""
    runs = [Run(block.lead, fonts.heavy("subheading"))] if block.lead else []
    return [*runs, Run(block.text, fonts.font("body"))]


def check_glyphs(document: Document, fonts: PdfFonts) -> list[MissingGlyph]:
    """Every character that no available font can draw, with where it occurs."""
    missing: list[MissingGlyph] = []
    for text, font, where in _texts(document, fonts):
        missing += fonts.missing(text, font, where)
    return list(dict.fromkeys(missing))


def check_scripts(document: Document, fonts: PdfFonts) -> list[tuple[str, str, str]]:
    """(script, sample, where) for every paragraph, heading or cell holding text the PDF cannot shape."""
    found = []
    for text, _, where in _texts(document, fonts):
        hit = first_unshaped(text)
        if hit is not None:
            found.append((*hit, where))
    return list(dict.fromkeys(found))


def _texts(document: Document, fonts: PdfFonts) -> Iterator[tuple[str, str, str]]:
    section, count = "报告开头", 0
    for block in document.blocks:
        if isinstance(block, Title):
            yield from ((line, _title_font(fonts), "标题") for line in block.lines)
        elif isinstance(block, Heading):
            section, count = block.text, 0
            yield block.text, _heading_run(block, fonts).font, f"标题“{block.text}”"
        elif isinstance(block, Paragraph):
            count += 1
            for run in _paragraph_runs(block, fonts):
                yield run.text, run.font, f"“{section}”第{count}段"
        elif isinstance(block, TableBlock):
            yield from _table_texts(block, fonts)
        elif isinstance(block, Figure):
            yield from ((t, fonts.font("table"), f"“{section}”的图表") for t in figure_texts(block))
    if document.draft_mark:
        yield document.draft_mark, fonts.font("heading"), "草稿标记"
    yield page_number_text(1234567890), fonts.font("table"), "页码"


def _table_texts(block: TableBlock, fonts: PdfFonts) -> Iterator[tuple[str, str, str]]:
    for r, row in enumerate((*block.header_rows, *block.body_rows), start=1):
        for c, cell in enumerate(row, start=1):
            yield (
                cell.text,
                fonts.font("table", bold=cell.role == "caption"),
                f"表格 {block.id} 第{r}行第{c}格",
            )
    for note in block.notes:
        yield note, fonts.font("table"), f"表格 {block.id} 的注"
