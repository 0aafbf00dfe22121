"""The children of a roll-up: each workbook read and checked once, kept as a small summary.

A summary holds only what the roll-up needs (body, year, format, the errors, the units, the table
values as a tuple of numbers), so that 500 children take little memory. Many children are read in parallel processes,
like a batch check.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..batch import chunked
from ..formats import FORMATS, CellKey
from ..model import Number
from .errors import RollupError


@dataclass(frozen=True)
class Child:
    """One child workbook as the roll-up sees it.

    ``unreadable`` is the reader's one-line message when the file could not be read at all; ``errors``
    the messages of its error findings. ``numbers`` holds every table value as read, in the order of its
    format's cells (totals included; a cell that could not be read as a number is 0): a plain tuple of
    numbers, so that hundreds of children cost little memory and little to send between processes.
    ``units`` are the units the workbook gives for amounts (unit label -> 万元 / 元)."""

    path: str
    name: str = ""
    year: int | None = None
    format_id: str | None = None
    unreadable: str | None = None
    errors: tuple[str, ...] = ()
    units: Mapping[str, str] = field(default_factory=dict)
    numbers: tuple[Number, ...] = ()

    @property
    def values(self) -> dict[CellKey, Number]:
        """The non-zero values by cell."""
        if not self.format_id:
            return {}
        return {k: n for k, n in zip(cell_keys(self.format_id), self.numbers, strict=False) if n}

    def number(self, key: CellKey) -> Number:
        i = _index(self.format_id).get(key) if self.format_id else None
        return self.numbers[i] if i is not None and i < len(self.numbers) else 0


@lru_cache(maxsize=8)
def cell_keys(format_id: str) -> tuple[CellKey, ...]:
    return tuple(FORMATS[format_id].cell_keys())


@lru_cache(maxsize=8)
def _index(format_id: str) -> dict[CellKey, int]:
    return {k: i for i, k in enumerate(cell_keys(format_id))}


def packed(format_id: str, values: Mapping[CellKey, Number | None]) -> tuple[Number, ...]:
    """``values`` as :attr:`Child.numbers` (missing and unreadable cells 0)."""
    return tuple(values.get(k) or 0 for k in cell_keys(format_id))


def read_child(path: str | Path) -> Child:
    """Read and check one child; never raises: whatever goes wrong is this child's refusal."""
    from ..api import check_workbook

    try:
        checked = check_workbook(path)
    except Exception as exc:  # a fault of ours must not stop the roll-up of the other children
        message = f"{path}：读取时程序出错，请把此信息报告给维护人员：{type(exc).__name__}: {exc}"
        return Child(str(path), unreadable=message)
    report, result = checked.report, checked.result
    if report is None:
        return Child(str(path), unreadable=result.error)
    units = {
        column.unit_label: report.details[column.unit_label].text
        for column in FORMATS[report.format_id].unit_columns()
        if column.unit_label and column.unit_label in report.details
    }
    numbers = packed(report.format_id, {k: v.number for k, v in report.values.items()})
    return Child(
        str(path),
        name=report.name,
        year=report.year,
        format_id=report.format_id,
        errors=tuple(f.message for f in result.errors),
        units=units,
        numbers=numbers,
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
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for children in pool.map(_read_chunk, chunks):
                yield from children
    except BrokenProcessPool:
        raise RollupError("读取下级工作簿的进程意外退出（可能是内存不足），请用 --jobs 1 重试") from None


def _read_chunk(paths: list[str]) -> list[Child]:
    return [read_child(p) for p in paths]
