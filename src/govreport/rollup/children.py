"""The children of a roll-up: each workbook read and checked once, kept as a small summary.

A summary holds only what the roll-up needs (body, year, format, the errors, the units, the non-zero
table values), so that 500 children take little memory. Many children are read in parallel processes,
like a batch check.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..batch import chunked
from ..formats import FORMATS, CellKey
from ..model import Number


@dataclass(frozen=True)
class Child:
    """One child workbook as the roll-up sees it.

    ``unreadable`` is the reader's one-line message when the file could not be read at all; ``errors``
    the messages of its error findings. ``values`` holds the non-zero table values as read (totals
    included; cells that could not be read as numbers are left out), ``units`` the units the workbook
    gives for amounts (unit label -> 万元 / 元)."""

    path: str
    name: str = ""
    year: int | None = None
    format_id: str | None = None
    unreadable: str | None = None
    errors: tuple[str, ...] = ()
    units: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[CellKey, Number] = field(default_factory=dict)

    def number(self, key: CellKey) -> Number:
        return self.values.get(key, 0)


def read_child(path: str | Path) -> Child:
    """Read and check one child; never raises for a bad workbook."""
    from ..api import check_workbook

    checked = check_workbook(path)
    report, result = checked.report, checked.result
    if report is None:
        return Child(str(path), unreadable=result.error)
    units = {
        column.unit_label: report.details[column.unit_label].text
        for column in FORMATS[report.format_id].unit_columns()
        if column.unit_label and column.unit_label in report.details
    }
    values = {k: v.number for k, v in report.values.items() if v.number}  # 0 and unreadable left out
    return Child(
        str(path),
        name=report.name,
        year=report.year,
        format_id=report.format_id,
        errors=tuple(f.message for f in result.errors),
        units=units,
        values=values,  # type: ignore[arg-type]
    )


def read_children(paths: Sequence[str | Path], workers: int = 0) -> Iterator[Child]:
    """Every child, in the order of ``paths``; in ``workers`` processes (0: one per core) when there
    are enough of them to be worth it."""
    workers = min(workers or os.cpu_count() or 1, len(paths))
    if workers <= 1:
        yield from (read_child(p) for p in paths)
        return
    context = None
    if "fork" in multiprocessing.get_all_start_methods():
        with contextlib.suppress(Exception):  # only so that the forked workers share the imports
            from .. import api  # noqa: F401
        context = multiprocessing.get_context("fork")
    chunks = [[str(paths[i]) for i in chunk] for chunk in chunked(len(paths), workers)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for children in pool.map(_read_chunk, chunks):
            yield from children


def _read_chunk(paths: list[str]) -> list[Child]:
    return [read_child(p) for p in paths]
