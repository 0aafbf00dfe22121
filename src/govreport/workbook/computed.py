"""A workbook's formulas computed, within bounded work, and what their failures mean.

Formulas referring to formulas are computed in dependency order with an explicit stack (a running total
down thousands of rows needs no deep recursion), within a budget of visited cells; a cycle or an
over-budget formula raises FormulaError and the reader takes Excel's cached result. A formula with
neither is ``Uncomputed``: reported at the formula that causes it, never read as 0. Numbers stored as
text inside a SUM, which Excel skips, are found here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Place
from .formulas import FormulaError, Lookup, evaluate, references, summed_references
from .sheets import Pos, Sheet
from .values import implausible, to_decimal

WORK_LIMIT = 200_000  # referenced cells visited per workbook: far beyond any statutory table
NEARBY_LIMIT = 400  # cells of one range looked at when explaining a formula (a table row or column)


class Uncomputed:
    """A formula with no cached result that the evaluator cannot compute: never a blank, never 0."""

    def __init__(self, formula: object) -> None:
        self.formula = formula


def is_formula(raw: object) -> bool:
    return isinstance(raw, str) and raw.startswith("=") and len(raw) > 1


@dataclass
class Work:
    """Formulas computed so far in one workbook, and how many referenced cells may still be visited."""

    memo: dict[tuple[str, Pos], Decimal] = field(default_factory=dict)
    budget: int = WORK_LIMIT


def evaluate_cell(sheet: Sheet, pos: Pos, by_name: dict[str, Sheet], work: Work) -> Decimal:
    """The formula at ``pos`` computed, the formulas it refers to first (depth first, explicit stack);
    a cycle, or more work than any table needs, is a FormulaError."""
    memo = work.memo
    start = (sheet.name, pos)
    stack: list[tuple[Sheet, Pos, bool]] = [(sheet, pos, False)]
    open_: set[tuple[str, Pos]] = set()
    while stack:
        current, where, ready = stack.pop()
        key = (current.name, where)
        if ready:
            open_.discard(key)
            memo[key] = evaluate(str(current.value(*where)), _lookup(current, by_name, memo))
            continue
        if key in memo:
            continue
        if key in open_:
            raise FormulaError("circular reference")
        open_.add(key)
        stack.append((current, where, True))
        stack.extend(_referenced_formulas(current, where, by_name, work))
    return memo[start]


def _referenced_formulas(
    sheet: Sheet, pos: Pos, by_name: dict[str, Sheet], work: Work
) -> list[tuple[Sheet, Pos, bool]]:
    found = []
    for name, r1, c1, r2, c2 in references(str(sheet.value(*pos))):
        target = sheet if name is None else by_name.get(name)
        if target is None:
            raise FormulaError(f"no sheet {name}")
        work.budget -= (r2 - r1 + 1) * (c2 - c1 + 1)
        if work.budget < 0:
            raise FormulaError("too much work")
        for r in range(r1 - 1, min(r2, len(target.rows))):
            for c in range(c1 - 1, c2):
                if is_formula(target.value(r, c)) and (target.name, (r, c)) not in work.memo:
                    found.append((target, (r, c), False))
    return found


def _lookup(sheet: Sheet, by_name: dict[str, Sheet], memo: dict[tuple[str, Pos], Decimal]) -> Lookup:
    def lookup(name: str | None, row: int, col: int) -> object:
        target = sheet if name is None else by_name.get(name)
        if target is None:
            raise FormulaError(f"no sheet {name}")
        where = (row - 1, col - 1)
        value = target.value(*where)
        if is_formula(value):
            if (target.name, where) not in memo:
                raise FormulaError("not computed")
            return memo[(target.name, where)]
        return value

    return lookup


def _formula_at(sheet: Sheet, pos: Pos) -> str | None:
    """The formula at ``pos``, also where Excel's cached result stands in the grid."""
    formula = sheet.formulas.get(pos) or sheet.value(*pos)
    return str(formula) if is_formula(formula) else None


def _own_cells(sheet: Sheet, pos: Pos, refs: list[tuple[str | None, int, int, int, int]]) -> Iterator[Pos]:
    """The cells of ``refs`` on the formula's own sheet, but the formula's, skipping large ranges."""
    for name, r1, c1, r2, c2 in refs:
        if (name is not None and name != sheet.name) or (r2 - r1 + 1) * (c2 - c1 + 1) > NEARBY_LIMIT:
            continue
        for r in range(r1 - 1, r2):
            for c in range(c1 - 1, c2):
                if (r, c) != pos:
                    yield (r, c)


def sums_implausible(sheet: Sheet, pos: Pos) -> bool:
    """Whether the formula at ``pos`` refers to a cell holding an implausible number."""
    formula = _formula_at(sheet, pos)
    try:
        refs = references(formula) if formula else []
    except FormulaError:
        return False
    return any(implausible(sheet.value(*where)) for where in _own_cells(sheet, pos, refs))


def first_uncomputed(uncomputed: dict[Place, tuple[Sheet, Pos]]) -> set[Place]:
    """The uncomputed formulas that get a finding: not a total that is uncomputed only because a formula
    it refers to is (that one has the finding), but every member of a cycle."""
    edges: dict[Place, set[Place]] = {}
    for place, (sheet, pos) in uncomputed.items():
        try:
            refs = references(str(sheet.value(*pos)))
        except FormulaError:
            refs = []
        edges[place] = {sheet.place(w) for w in _own_cells(sheet, pos, refs)} & uncomputed.keys()
    return {place for place in uncomputed if not edges[place] or _reaches(edges, place, place)}


def _reaches(edges: dict[Place, set[Place]], start: Place, goal: Place) -> bool:
    seen: set[Place] = set()
    stack = list(edges[start])
    while stack:
        place = stack.pop()
        if place == goal:
            return True
        if place not in seen:
            seen.add(place)
            stack.extend(edges.get(place, ()))
    return False


def texts_summed(cells: Iterable[tuple[Sheet, Pos]]) -> dict[tuple[str, Pos], list[Place]]:
    """Numbers stored as text among the direct arguments of SUM in the formulas at ``cells`` (Excel's
    SUM skips them): (sheet name, text cell) -> the formula cells that skipped it."""
    found: dict[tuple[str, Pos], list[Place]] = {}
    for sheet, pos in cells:
        formula = _formula_at(sheet, pos)
        try:
            refs = summed_references(formula) if formula else []
        except FormulaError:
            continue
        for where in _own_cells(sheet, pos, refs):
            value = sheet.value(*where)
            if isinstance(value, str) and not is_formula(value) and to_decimal(value) is not None:
                found.setdefault((sheet.name, where), []).append(sheet.place(pos))
    return found
