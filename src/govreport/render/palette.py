"""Colours the renderers print in, defined once so the .docx, the PDF and the HTML page look alike."""

from __future__ import annotations

# 【待填写】 paragraphs: dark red, so a draft shows the clerk at a glance what is still to fill.
PLACEHOLDER_RGB = (0.75, 0.0, 0.0)
# The shaded caption rows of table 二 (第二十条第（一）项 …), light grey as in the official template.
CAPTION_RGB = (0.85, 0.85, 0.85)
# The bars of the published-items chart.
BAR_RGB = (0.27, 0.45, 0.77)


def hex_rgb(rgb: tuple[float, float, float]) -> str:
    """``(0.75, 0, 0)`` → ``BF0000`` (WordprocessingML colour values)."""
    return "".join(f"{round(c * 255):02X}" for c in rgb)
