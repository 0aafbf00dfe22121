"""The parent's tables: the children's input cells summed exactly (int and Decimal, never float), the
totals derived from them as the template's formulas would, and each child's key figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..formats import CellKey, Format, KeyFigure, UnknownFormatError, format_for_year
from ..model import Detail, Finding, Number, Report, Value
from ..totals import derive_totals
from .children import Child
from .errors import RollupError
from .select import Source, select, source_findings
from .units import common_units, in_units, unit_columns


@dataclass(frozen=True)
class Rollup:
    """A roll-up: the parent's format, body and year, the overview's lines, the units of its amounts
    and every statutory value (inputs summed, totals derived)."""

    fmt: Format
    name: str
    year: int
    sources: tuple[Source, ...]
    units: Mapping[str, str]
    values: Mapping[CellKey, Number]

    @property
    def included(self) -> list[Source]:
        return [s for s in self.sources if s.included]

    @property
    def findings(self) -> list[Finding]:
        """Refused children and missing bodies (errors), children with errors or not on the list
        (warnings), without places; the written workbook's findings point into 汇总来源."""
        return source_findings(self.sources)

    def inputs(self) -> dict[CellKey, Number]:
        """The summed input cells (what the template lets a clerk type)."""
        totals = self.fmt.total_keys()
        return {k: v for k, v in self.values.items() if k not in totals}

    def report(self, source: str = "") -> Report:
        """The parent as a Report, ready for ``check_report``, ``outline`` and the renderers."""
        details = {"name": Detail(self.name), "year": Detail(str(self.year))}
        details |= {label: Detail(unit) for label, unit in self.units.items()}
        values = {k: Value(v) for k, v in self.values.items()}
        return Report(format_id=self.fmt.id, source=source, details=details, narrative={}, values=values)

    def key_figures(self, source: Source) -> list[Number] | None:
        """The source's figures for the overview, in the parent's units; None when it is not summed."""
        if not source.included or source.child is None:
            return None
        numbers = full_values(self.fmt, in_units(self.fmt, source.child, self.units))
        return [figure_of(f, numbers) for f in self.fmt.key_figures]

    def key_figure_titles(self) -> list[str]:
        """The overview's headers; an amount whose unit the workbook gives shows the parent's."""
        columns = unit_columns(self.fmt)
        titles = []
        for figure in self.fmt.key_figures:
            column = next((columns[k] for k in figure.cells if k in columns), None)
            unit = self.units.get(column.unit_label or "") if column else None
            titles.append(f"{figure.title}（{unit}）" if unit else figure.title)
        return titles


def figure_of(figure: KeyFigure, numbers: Mapping[CellKey, Number]) -> Number:
    return tidy(sum((numbers.get(k, 0) for k in figure.cells), 0))


def tidy(number: Number) -> Number:
    """The same number without trailing zeros (a workbook's 18651.0600000000 is 18651.06), whole
    amounts as int."""
    if not isinstance(number, Decimal):
        return number
    if number == number.to_integral_value():
        return int(number)
    return number.normalize()


def full_values(fmt: Format, values: Mapping[CellKey, Number]) -> dict[CellKey, Number]:
    """Every cell of ``fmt``: the input cells of ``values`` (0 where absent) and the totals derived
    from them."""
    totals = fmt.total_keys()
    numbers: dict[CellKey, Number | None] = {k: values.get(k, 0) for k in fmt.cell_keys() if k not in totals}
    numbers.update(derive_totals(fmt, numbers))
    return {k: tidy(v) for k, v in numbers.items()}  # type: ignore[arg-type]


def sum_children(
    children: Sequence[Child],
    name: str,
    year: int | None = None,
    *,
    allow_errors: bool = False,
    expected: Sequence[str] | None = None,
) -> Rollup:
    """The roll-up of ``children`` (already read) for the body ``name``. The year is ``year``, else
    the one the readable children share (the most common; a tie raises RollupError)."""
    year = year or _common_year(children)
    try:
        fmt = format_for_year(year)
    except UnknownFormatError as exc:
        raise RollupError(str(exc)) from None
    sources = tuple(select(children, fmt, year, allow_errors=allow_errors, expected=expected, parent=name))
    included = [s.child for s in sources if s.included and s.child is not None]
    units = common_units(fmt, included)
    totals = fmt.total_keys()
    summed: dict[CellKey, Number] = {k: 0 for k in fmt.cell_keys() if k not in totals}
    for child in included:
        for key, number in in_units(fmt, child, units).items():
            if key in summed:
                summed[key] += number
    return Rollup(fmt, name, year, sources, units, full_values(fmt, summed))


def _common_year(children: Iterable[Child]) -> int:
    counts = Counter(c.year for c in children if c.year is not None and not c.unreadable)
    if not counts:
        raise RollupError("没有可以读取年度的下级工作簿，无法汇总；请核对文件，或用 --year 指定年度")
    (year, n), *rest = counts.most_common()
    if rest and rest[0][1] == n:
        years = "、".join(f"{y}年" for y, _ in counts.most_common())
        raise RollupError(f"下级工作簿的年度不一致（{years}），请用 --year 指定汇总哪一年度")
    return year


def children_paths(inputs: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> list[Path]:
    """The workbooks named by ``inputs`` (files, folders, patterns), without those in ``exclude`` (the
    parent being written or checked, when it sits among its children)."""
    from ..batch import expand_inputs

    skip = {Path(p).resolve() for p in exclude}
    return [p for p in expand_inputs([str(i) for i in inputs]) if p.resolve() not in skip]
