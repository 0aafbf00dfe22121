"""The value axis both renderers give a bar chart: a round maximum and step (1, 2 or 5 × 10ⁿ), so the
PDF and the Word chart show the same scale."""

from __future__ import annotations

import math

TICKS = 5  # about this many steps along the axis


def axis_scale(largest: int) -> tuple[int, int]:
    """(axis maximum, step): the smallest round step giving at most TICKS steps up to ``largest``,
    with a little room for the value printed at the end of the longest bar."""
    largest = max(largest, 1)
    raw = largest / TICKS
    power = 10 ** max(0, math.floor(math.log10(raw))) if raw >= 1 else 1
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    top = step * math.ceil(largest / step)
    if top == largest and largest > 1:
        top += step
    return top, step
