"""Label/value pairs anywhere on a sheet: the value is in the cell to the right of its label (a few
columns along, past a merged label) or, failing that, in the cell below it."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from .labels import norm_cell
from .sheets import Pos, Sheet
from .values import is_blank

RIGHT = 3  # how far to the right a value may sit (a merged label spans a few columns)


def find_label(sheets: Iterable[Sheet], labels: Collection[str]) -> tuple[Sheet, Pos] | None:
    """The first cell (in sheet order, then reading order) whose normalised text is one of ``labels``."""
    for sheet in sheets:
        hits = [p for label in labels for p in sheet.find(label)]
        if hits:
            return sheet, min(hits)
    return None


def value_near(sheet: Sheet, pos: Pos, known: Collection[str]) -> tuple[object, Pos] | None:
    """The value belonging to the label at ``pos``, or None. A cell holding another known label is
    never a value (a row of labels with the values underneath also works)."""
    r, c = pos
    for cc in range(c + 1, c + 1 + RIGHT):
        value = sheet.value(r, cc)
        if not is_blank(value):
            if norm_cell(value) in known:
                break
            return value, (r, cc)
    value = sheet.value(r + 1, c)
    if not is_blank(value) and norm_cell(value) not in known and not _pair_below(sheet, pos):
        return value, (r + 1, c)
    return None


def _pair_below(sheet: Sheet, pos: Pos) -> bool:
    """The row below is a label with its value beside it (填报人 | 张三 under an empty 前言), not the
    value of the label at ``pos``: its row holds text to the right while the label's row does not. A
    label with an empty value has an empty value."""
    r, c = pos
    beside = any(not is_blank(sheet.value(r, cc)) for cc in range(c + 1, c + 1 + RIGHT))
    below = any(not is_blank(sheet.value(r + 1, cc)) for cc in range(c + 1, c + 1 + RIGHT))
    return below and not beside
