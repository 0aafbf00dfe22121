"""The table cells whose numbers cannot be used: a cell the reader could not read as a count (its R5
finding says why: text, a negative or fractional count, an implausible number, a formula without a
result) and every total derived from one, through the format's total equations.

A rule or a drafted sentence that rests on such a cell says nothing of its own: any result would be a
follow-on of the one mistake, and the R5 finding at the cell is the one to fix.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..formats import CellKey, get_format
from ..model import Report


def unusable_cells(report: Report) -> dict[CellKey, frozenset[CellKey]]:
    """Each unusable cell of ``report`` with the unreadable cells it comes from (itself, for a cell the
    reader flagged; the flagged parts, for a total derived from them)."""
    fmt = get_format(report.format_id)
    roots: dict[CellKey, frozenset[CellKey]] = {
        key: frozenset((key,))
        for key, value in report.values.items()
        if value.unusable or (value.number is None and value.place is not None)
    }
    totals = [e for e in fmt.equations if e.total and not e.cross_year]
    changed = True
    while changed:
        changed = False
        for eq in totals:
            causes = frozenset().union(*(roots.get(k, frozenset()) for k in (*eq.plus, *eq.minus)))
            if causes and not causes <= roots.get(eq.target, frozenset()):
                roots[eq.target] = roots.get(eq.target, frozenset()) | causes
                changed = True
    return roots


def any_unusable(unusable: dict[CellKey, frozenset[CellKey]], keys: Iterable[CellKey]) -> bool:
    return any(key in unusable for key in keys)
