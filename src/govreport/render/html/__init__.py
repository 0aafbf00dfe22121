"""Document -> HTML: the portal page of the report, and the fragment a CMS editor pastes.

``page_html`` gives one self-contained HTML5 file (``lang="zh-CN"``, inline CSS, the chart as inline
SVG, no script, no external resource) that reads on a phone and prints on A4; ``fragment_html`` only the
report's ``article`` with its styles inline. Like the other renderers it reads the Document only.
"""

from __future__ import annotations

from pathlib import Path

from ...blocks import Document
from ...files import write_text
from .page import fragment_html, page_html

__all__ = ["fragment_html", "page_html", "render_html"]


def render_html(document: Document, path: str | Path, *, fragment: bool = False) -> Path:
    """Write the page (or with ``fragment`` the fragment) at ``path`` atomically, UTF-8."""
    return write_text(path, fragment_html(document) if fragment else page_html(document))
