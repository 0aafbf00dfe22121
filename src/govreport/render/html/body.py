"""The report's blocks as HTML elements: ``h1`` title, ``h2`` sections, ``h3`` sub-headings, ``p``
paragraphs, tables and charts; the whole wrapped in ``<article class="govreport">``."""

from __future__ import annotations

from ...blocks import Block, Document, Figure, Heading, Paragraph, TableBlock, Title
from .chart import figure_html
from .markup import Styler, text
from .table import table_html

ID_PREFIX = "govreport"  # element ids in a fragment must not clash with the portal page's own


def article(document: Document, style: Styler) -> str:
    parts = []
    if document.draft_mark:
        parts.append(f'<p role="note"{style("draft")}>{text(document.draft_mark)}</p>')
    previous: Block | None = None
    for n, block in enumerate(document.blocks, 1):
        parts.append(_block(block, previous, style, f"{ID_PREFIX}-{n}"))
        previous = block
    lang = f' lang="{document.language}"' if document.language else ""
    return f"<article{lang}{style('govreport')}>{''.join(parts)}</article>"


def _block(block: Block, previous: Block | None, style: Styler, ident: str) -> str:
    if isinstance(block, Title):
        words = block.words or tuple((line,) for line in block.lines)
        lines = "".join(f"<span{style('title-line')}>{_title_words(w, style)}</span>" for w in words)
        return f"<h1{style('title')}>{lines}</h1>"
    if isinstance(block, Heading):
        tag, name = ("h2", "section") if block.level <= 1 else ("h3", "subsection")
        return f"<{tag}{style(name)}>{text(block.text)}</{tag}>"
    if isinstance(block, Paragraph):
        return _paragraph(block, style)
    if isinstance(block, TableBlock):
        caption = previous.text if isinstance(previous, Heading) else None
        return table_html(block, style, caption, ident)
    if isinstance(block, Figure):
        return figure_html(block, style, ident)
    raise TypeError(f"the HTML renderer cannot print a {type(block).__name__} block")


def _paragraph(p: Paragraph, style: Styler) -> str:
    names = ["p" if p.indent else "p-flat"]
    if p.placeholder:
        names.append("placeholder")
    extra = []
    if p.align in ("left", "center", "right"):
        extra.append(f"text-align:{p.align}")
    if p.space_before:
        extra.append(f"margin-top:{p.space_before * 1.9:.2f}em")  # body lines of the 1.9 line height
    if p.right_indent:
        extra.append(f"padding-right:{p.right_indent:g}em")
    lead = f"<span{style('lead')}>{text(p.lead)}</span>" if p.lead else ""
    return f"<p{style(*names, extra=';'.join(extra))}>{lead}{text(p.text)}</p>"


def _title_words(words: tuple[str, ...], style: Styler) -> str:
    """A title line whose words a narrow screen wraps whole (each word a box of its own)."""
    return "".join(f"<span{style('title-word')}>{text(word)}</span>" for word in words)
