"""Roll-up (汇总): a county's, district's or city's tables as the sums of its bodies' workbooks.

``rollup(children, name, year)`` reads and checks the children, sums the accepted ones exactly and
returns a :class:`Rollup` (its ``report()`` is a Report like any other; ``write_rollup`` writes it as our
template with the 汇总来源 sheet). ``compare_with_children`` checks an existing parent against its
children (rule H1). A parent workbook is itself a valid child (a province over its counties).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..model import Finding, Report
from .children import Child, read_child, read_children
from .compare import compare_with_children
from .errors import RollupError
from .expect import read_expected
from .select import INCLUDED, INCLUDED_WITH_ERRORS, MISSING, REFUSED, Source
from .total import Rollup, children_paths, sum_children
from .write import placed_findings, write_rollup


def rollup(
    children: Iterable[str | Path],
    name: str,
    year: int | None = None,
    *,
    expect: Sequence[str] | None = None,
    allow_errors: bool = False,
    exclude: Iterable[str | Path] = (),
    workers: int = 1,
) -> Rollup:
    """The roll-up of the workbooks ``children`` (files, folders, patterns; ``exclude`` left out) for
    the body ``name`` and ``year`` (default: the children's). ``expect``: the bodies that should report.
    Raises RollupError (Chinese) when there is no child or the year cannot be told, NoWorkbooksError
    (a ValueError) when a folder or pattern holds no workbook. A roll-up whose ``included`` is empty
    summed nothing: its ``findings`` say why."""
    paths = children_paths(children, exclude)
    if not paths:
        raise RollupError("没有找到下级工作簿，无法汇总")
    read = list(read_children(paths, workers))
    return sum_children(read, name, year, allow_errors=allow_errors, expected=expect)


def check_children(
    parent: Report,
    children: Iterable[str | Path],
    *,
    expect: Sequence[str] | None = None,
    workers: int = 1,
) -> list[Finding]:
    """The H-findings of the parent Report ``parent`` against the workbooks ``children`` (the parent's
    own file left out when it sits among them)."""
    paths = children_paths(children, [parent.source] if parent.source else [])
    return compare_with_children(parent, list(read_children(paths, workers)), expected=expect)


__all__ = [
    "INCLUDED",
    "INCLUDED_WITH_ERRORS",
    "MISSING",
    "REFUSED",
    "Child",
    "Rollup",
    "RollupError",
    "Source",
    "check_children",
    "compare_with_children",
    "placed_findings",
    "read_child",
    "read_children",
    "read_expected",
    "rollup",
    "sum_children",
    "write_rollup",
]
