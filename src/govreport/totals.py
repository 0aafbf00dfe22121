"""Totals derived from their parts, by the format's total equations (R2–R4).

Used where a 总计 cell has no value of its own: a blank total in a hand-made workbook, the template's
formula cells that were never calculated, and data filled from Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .formats import CellKey, Format
from .model import Number


def derive_totals(fmt: Format, values: Mapping[CellKey, Number | None]) -> dict[CellKey, Number]:
    """Values for every total cell of ``fmt`` that is missing (None or absent) in ``values``.

    Equations are applied until nothing changes, so a total built from other totals (table 三's
    （七）总计 × 总计) is found whatever the order.
    """
    known: dict[CellKey, Number | None] = dict(values)
    derived: dict[CellKey, Number] = {}
    pending = [e for e in fmt.equations if e.total and known.get(e.target) is None]
    while pending:
        progress = False
        for eq in list(pending):
            parts = [known.get(k) for k in (*eq.plus, *eq.minus)]
            if any(p is None for p in parts):
                continue
            total = sum(known[k] for k in eq.plus) - sum(known[k] for k in eq.minus)  # type: ignore[misc]
            known[eq.target] = derived[eq.target] = total
            pending = [e for e in pending if e.target != eq.target]
            progress = True
        if not progress:
            break
    return derived


def with_parts(fmt: Format, keys: Iterable[CellKey]) -> set[CellKey]:
    """``keys`` and every cell a total among them is summed from, down to the input cells."""
    found = set(keys)
    pending = list(found)
    by_target: dict[CellKey, list[CellKey]] = {}
    for eq in fmt.equations:
        if eq.total and not eq.cross_year:
            by_target.setdefault(eq.target, []).extend((*eq.plus, *eq.minus))
    while pending:
        for part in by_target.get(pending.pop(), ()):
            if part not in found:
                found.add(part)
                pending.append(part)
    return found
