"""A workbook's formulas computed, within bounded work, and what their failures mean.

Formulas referring to formulas are computed in dependency order with an explicit stack (a running total
down thousands of rows needs no deep recursion), within a budget of looked-up cells; a cycle or an
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
from .values import implausible

WORK_LIMIT = 200_000  # cells looked up by formulas per workbook: far beyond any statutory table
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


class _Later(Exception):
    """Raised by a lookup that meets a formula not computed yet: compute that one first."""

    def __init__(self, sheet: Sheet, where: Pos) -> None:
        super().__init__(where)
        self.sheet, self.where = sheet, where


def evaluate_cell(sheet: Sheet, pos: Pos, by_name: dict[str, Sheet], work: Work) -> Decimal:
    """The formula at ``pos`` computed. A formula it refers to that is not computed yet goes on an
    explicit stack and is computed first, then this one is tried again; a formula met again while it
    waits is a cycle. Every cell looked up counts against the workbook's budget."""
    memo = work.memo
    start = (sheet.name, pos)
    if start in memo:
        return memo[start]
    stack: list[tuple[Sheet, Pos]] = [(sheet, pos)]
    waiting = {start}
    while stack:
        current, where = stack[-1]
        try:
            memo[(current.name, where)] = evaluate(
                str(current.value(*where)), _lookup(current, by_name, work)
            )
        except _Later as first:
            needed = (first.sheet.name, first.where)
            if needed in waiting:
                raise FormulaError("circular reference") from None
            waiting.add(needed)
            stack.append((first.sheet, first.where))
            continue
        stack.pop()
        waiting.discard((current.name, where))
    return memo[start]


def _lookup(sheet: Sheet, by_name: dict[str, Sheet], work: Work) -> Lookup:
    memo = work.memo

    def lookup(name: str | None, row: int, col: int) -> object:
        work.budget -= 1
        if work.budget < 0:
            raise FormulaError("too much work")
        target = sheet if name is None else by_name.get(name)
        if target is None:
            raise FormulaError(f"no sheet {name}")
        where = (row - 1, col - 1)
        value = target.value(*where)
        if is_formula(value):
            computed = memo.get((target.name, where))
            if computed is None:
                raise _Later(target, where)
            return computed
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


def texts_summed(
    cells: Iterable[tuple[Sheet, Pos]], texts: set[tuple[str, Pos]]
) -> dict[tuple[str, Pos], list[Place]]:
    """Which of ``texts`` (numbers stored as text) are direct arguments of SUM in the formulas at
    ``cells`` (Excel's SUM skips them): (sheet name, text cell) -> the formula cells that skipped it."""
    found: dict[tuple[str, Pos], list[Place]] = {}
    if not texts:
        return found
    for sheet, pos in cells:
        formula = _formula_at(sheet, pos)
        try:
            refs = summed_references(formula) if formula else []
        except FormulaError:
            continue
        for where in _own_cells(sheet, pos, refs):
            if (sheet.name, where) in texts:
                found.setdefault((sheet.name, where), []).append(sheet.place(pos))
    return found
