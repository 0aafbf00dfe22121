"""A Figure block as an inline SVG bar chart (no script, no image file): labels right-aligned before the
axis, a bar per column in the given order with its value at the end, the value axis of ``chart_scale``
with light grid lines, and the caption as the figure's ``figcaption``. Labels, values and ticks are SVG
text, so they are selectable, searchable and read out; ``desc`` lists every value for screen readers."""

from __future__ import annotations

from ...blocks import Bar, Figure
from ..chart_scale import axis_scale
from ..palette import BAR_RGB, hex_rgb
from .markup import Styler, escape, text
from .style import BODY, INK

WIDTH = 480
SIZE = 14  # labels and values
TICK_SIZE = 12
LEADING = 18
ROW_PAD = 10
LABEL_SHARE = 0.34
LABEL_LINES = 2
GAP = 8
AXIS_ROOM = TICK_SIZE + 12
TOP_PAD = 4
LATIN_EM = 0.6
ELLIPSIS = "…"
GRID = "#D9D9D9"


def figure_html(figure: Figure, style: Styler, ident: str) -> str:
    caption_id, desc_id = f"{ident}-caption", f"{ident}-desc"
    return (
        f"<figure{style('figure')}>"
        + _svg(figure, style, caption_id, desc_id)
        + f'<figcaption id="{caption_id}"{style("figcaption")}>{text(figure.caption)}</figcaption>'
        + "</figure>"
    )


def value_text(bar: Bar, unit: str) -> str:
    return f"{bar.value}{unit}"


def _ems(value: str) -> float:
    return sum(LATIN_EM if ch.isascii() else 1.0 for ch in value)


def _lines(label: str, width: float) -> list[str]:
    """``label`` broken into lines of at most ``width`` px, at most LABEL_LINES, the last shortened
    with … when the label is longer."""
    per_line = max(int(width / SIZE), 1)
    lines, current = [], ""
    for ch in label:
        if _ems(current + ch) > per_line:
            lines.append(current)
            current = ""
        current += ch
    lines.append(current)
    if len(lines) > LABEL_LINES:
        last = "".join(lines[LABEL_LINES - 1 :])
        while last and _ems(last + ELLIPSIS) > per_line:
            last = last[:-1]
        lines = [*lines[: LABEL_LINES - 1], last + ELLIPSIS]
    return lines


def _svg(figure: Figure, style: Styler, caption_id: str, desc_id: str) -> str:
    bars = figure.bars
    top, step = axis_scale(max((b.value for b in bars), default=0))
    label_width = min(max((_ems(b.label) for b in bars), default=0.0) * SIZE, WIDTH * LABEL_SHARE)
    value_room = max((_ems(value_text(b, figure.unit)) for b in bars), default=0.0) * SIZE + GAP
    left = label_width + GAP
    span = max(WIDTH - left - value_room, 1.0)
    rows = [(bar, _lines(bar.label, label_width)) for bar in bars]
    axis_y = TOP_PAD + sum(len(lines) * LEADING + ROW_PAD for _, lines in rows)
    height = axis_y + AXIS_ROOM
    parts = [_grid(top, step, left, span, axis_y)]
    y = float(TOP_PAD)
    for bar, lines in rows:
        row_height = len(lines) * LEADING + ROW_PAD
        parts.append(_bar(bar, lines, figure.unit, left, span * max(bar.value, 0) / top, y, row_height))
        y += row_height
    parts.append(f'<line x1="{left:.1f}" y1="{TOP_PAD}" x2="{left:.1f}" y2="{axis_y:.1f}" stroke="#000"/>')
    desc = "；".join(f"{b.label}：{value_text(b, figure.unit)}" for b in bars)
    return (
        f'<svg{style("chart")} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}"'
        f' role="img" aria-labelledby="{caption_id}" aria-describedby="{desc_id}"'
        f' font-family="{escape(BODY)}" font-size="{SIZE}" fill="{INK}">'
        f'<desc id="{desc_id}">{text(desc)}</desc>' + "".join(parts) + "</svg>"
    )


def _grid(top: int, step: int, left: float, span: float, axis_y: float) -> str:
    out = []
    for tick in range(0, top + 1, step):
        x = left + span * tick / top
        if tick:
            out.append(f'<line x1="{x:.1f}" y1="{TOP_PAD}" x2="{x:.1f}" y2="{axis_y:.1f}" stroke="{GRID}"/>')
        out.append(f'<line x1="{x:.1f}" y1="{axis_y:.1f}" x2="{x:.1f}" y2="{axis_y + 4:.1f}" stroke="#000"/>')
        out.append(
            f'<text x="{x:.1f}" y="{axis_y + 6 + TICK_SIZE:.1f}" font-size="{TICK_SIZE}"'
            f' text-anchor="middle">{tick}</text>'
        )
    out.append(
        f'<line x1="{left:.1f}" y1="{axis_y:.1f}" x2="{left + span:.1f}" y2="{axis_y:.1f}" stroke="#000"/>'
    )
    return "".join(out)


def _bar(bar: Bar, lines: list[str], unit: str, left: float, length: float, y: float, height: float) -> str:
    middle = y + height / 2
    first = middle - (len(lines) - 1) * LEADING / 2
    label = "".join(
        f'<text x="{left - GAP:.1f}" y="{first + i * LEADING:.1f}" text-anchor="end"'
        f' dominant-baseline="central">{text(line)}</text>'
        for i, line in enumerate(lines)
    )
    thickness = min(16.0, height - ROW_PAD + 2)
    rect = (
        f'<rect x="{left:.1f}" y="{middle - thickness / 2:.1f}" width="{length:.1f}" height="{thickness:.1f}"'
        f' fill="#{hex_rgb(BAR_RGB)}"/>'
        if length > 0
        else ""
    )
    value = (
        f'<text x="{left + length + GAP / 2:.1f}" y="{middle:.1f}" dominant-baseline="central">'
        f"{text(value_text(bar, unit))}</text>"
    )
    return label + rect + value
