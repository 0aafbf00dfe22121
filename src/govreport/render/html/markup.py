"""The low layer: escaping and the class/style attributes of an element, for a page or a fragment."""

from __future__ import annotations

from html import escape

from .style import RULES

__all__ = ["Styler", "escape", "text"]


def text(value: str) -> str:
    """Element content: ``&``, ``<`` and ``>`` escaped, line breaks kept as ``<br>``."""
    return "<br>".join(escape(line, quote=False) for line in value.split("\n"))


class Styler:
    """Attributes of an element of the classes ``names``: in a page the class only (the style sheet has the
    rule); in a fragment the class and the rule inline, so the look survives a CMS editor."""

    def __init__(self, *, inline: bool) -> None:
        self.inline = inline

    def __call__(self, *names: str, extra: str = "") -> str:
        rules = [RULES[n] for n in names] if self.inline else []
        style = ";".join(s for s in (*rules, extra) if s)
        return f' class="{" ".join(names)}"' + (f' style="{escape(style)}"' if style else "")
