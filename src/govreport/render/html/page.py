"""The whole page (a standalone HTML5 file: head with metadata and the style sheet, the report in
``main``) and the fragment a CMS editor pastes (the ``article`` alone, styled inline)."""

from __future__ import annotations

from ...blocks import Document
from .body import article
from .markup import Styler, escape
from .style import style_sheet


def page_html(document: Document) -> str:
    """A self-contained page: no script, no external resource, the chart as inline SVG."""
    meta = [
        ("viewport", "width=device-width, initial-scale=1"),
        ("author", document.author),
        ("description", document.subject),
        ("keywords", ",".join(document.keywords)),
        ("generator", "govreport"),
    ]
    head = "".join(f'<meta name="{name}" content="{escape(value)}">' for name, value in meta if value)
    lang = escape(document.language or "zh-CN")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n{head}\n'
        f"<title>{escape(document.title, quote=False)}</title>\n<style>{style_sheet(document.draft_mark)}</style>\n</head>\n"
        f"<body>\n<main>\n{article(document, Styler(inline=False))}\n</main>\n</body>\n</html>\n"
    )


def fragment_html(document: Document) -> str:
    """The report's body only, every rule inline, ready for a CMS editor's source view."""
    return article(document, Styler(inline=True)) + "\n"
