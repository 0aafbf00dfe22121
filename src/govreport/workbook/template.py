"""The blank workbook: sheets named in Chinese, shaped like the statutory tables of one format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from ..files import atomic_path
from ..formats import CellKey, Format
from . import names
from .figure_sheet import FigureCells, write_figures
from .table_sheet import unit_cells, write_table
from .text_sheets import write_details, write_guide, write_others, write_overview, write_problems


class WorkbookExistsError(FileExistsError):
    """The output file exists and ``force`` was not given. The message is Chinese and names the file."""


@dataclass
class TemplateMap:
    """Where the template put each input: sheet and A1 cell (used to fill it from Python data)."""

    details: dict[str, tuple[str, str]] = field(default_factory=dict)  # detail key, 前言 or unit label
    overview: dict[str, tuple[str, str]] = field(default_factory=dict)  # 总述 / sub-heading
    problems: tuple[str, str] = ("", "")
    others: list[tuple[tuple[str, str], tuple[str, str]]] = field(default_factory=list)  # (事项, 内容)
    values: dict[CellKey, tuple[str, str]] = field(default_factory=dict)
    figures: list[FigureCells] = field(default_factory=list)  # on the sheet names.FIGURES


def build_template(
    fmt: Format,
    year: int | None = None,
    *,
    other_rows: int = names.OTHER_ROWS,
    figure_rows: Sequence[int] = (0,),
) -> tuple[Workbook, TemplateMap]:
    """The template as an openpyxl Workbook, with the map of its input cells. ``figure_rows``: the
    item rows each block of the optional published-items sheet needs (one block by default)."""
    wb = Workbook()
    where = TemplateMap()
    guide = wb.active
    guide.title = names.GUIDE
    write_guide(guide, fmt)
    ws = wb.create_sheet(names.DETAILS)
    where.details = {k: (ws.title, a) for k, a in write_details(ws, year).items()}
    ws = wb.create_sheet(names.OVERVIEW)
    where.overview = {k: (ws.title, a) for k, a in write_overview(ws, fmt).items()}
    for table in fmt.tables:
        ws = wb.create_sheet(names.TABLE_SHEETS[table.id])
        where.values.update({k: (ws.title, a) for k, a in write_table(ws, fmt, table).items()})
        where.details.update({k: (ws.title, ws.cell(*rc).coordinate) for k, rc in unit_cells(table).items()})
    ws = wb.create_sheet(names.PROBLEMS)
    where.problems = (ws.title, write_problems(ws, fmt))
    ws = wb.create_sheet(names.OTHERS)
    where.others = [
        ((ws.title, n), (ws.title, t)) for n, t in write_others(ws, fmt, max(other_rows, names.OTHER_ROWS))
    ]
    ws = wb.create_sheet(names.FIGURES)
    where.figures = write_figures(ws, fmt, figure_rows or (0,))
    wb.active = 1
    return wb, where


def refuse_existing(path: str | Path, *, force: bool) -> Path:
    """``path``, unless it exists and ``force`` is false, or is a folder: then WorkbookExistsError."""
    path = Path(path)
    if path.exists() and not force:
        raise WorkbookExistsError(f"{path}：文件已存在，未覆盖（如需覆盖请使用 --force）")
    if path.is_dir():
        raise WorkbookExistsError(f"{path}：这是一个文件夹，不能写入工作簿")
    return path


def save_new(wb: Workbook, path: str | Path, *, force: bool) -> Path:
    """Save atomically; refuse to replace an existing file unless ``force``."""
    path = refuse_existing(path, force=force)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def write_template(path: str | Path, fmt: Format, year: int | None = None, *, force: bool = False) -> Path:
    """Write a blank workbook for ``fmt`` to ``path`` (year pre-filled when given).

    Raises WorkbookExistsError (a FileExistsError) when ``path`` exists and ``force`` is false.
    """
    wb, _ = build_template(fmt, year)
    return save_new(wb, path, force=force)
