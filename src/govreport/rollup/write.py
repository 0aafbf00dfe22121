"""The parent workbook: our template for the roll-up's format, its input cells holding the sums (totals
stay formulas), 基本信息 with the body and year, the narrative left for the parent's own text, and the
汇总来源 sheet listing every child."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..formats import get_format
from ..model import Finding, Place
from .select import MISSING, Source, source_findings
from .total import Rollup, figure_of


def write_rollup(
    rollup: Rollup,
    path: str | Path,
    *,
    force: bool = False,
    details: Mapping[str, object] | None = None,
    narrative: Mapping[str, object] | None = None,
) -> Path:
    """Write the parent workbook to ``path`` (atomically); WorkbookExistsError when it exists and
    ``force`` is false. ``details`` (portal, contact …) and ``narrative`` are the parent's own, in the
    shapes ``fill_workbook`` takes; left out, they stay blank for the office to fill in."""
    from ..workbook.fill import filled_template
    from ..workbook.sources_sheet import write_sources
    from ..workbook.template import refuse_existing, save_new

    refuse_existing(path, force=force)
    own = {**(details or {}), "name": rollup.name, "year": rollup.year, **rollup.units}
    data = {"details": own, "narrative": narrative or {}, "values": rollup.inputs()}
    wb = filled_template(data, fmt=rollup.fmt)
    lines = [_line(rollup, s) for s in rollup.sources]
    write_sources(wb, _title(rollup), rollup.key_figure_titles(), lines, _total(rollup))
    return save_new(wb, path, force=force)


def placed_findings(rollup: Rollup) -> list[Finding]:
    """The roll-up's findings, each at its line of the written 汇总来源 sheet."""
    from ..workbook import names
    from ..workbook.sources_sheet import source_row

    places = [Place(names.SOURCES, f"A{source_row(i)}") for i in range(len(rollup.sources))]
    return source_findings(rollup.sources, places)


def _title(rollup: Rollup) -> str:
    files = sum(1 for s in rollup.sources if s.status != MISSING)
    return (
        f"{rollup.name}{rollup.year}年度政府信息公开工作年度报告汇总来源："
        f"下级工作簿 {files} 个，已汇总 {len(rollup.included)} 个"
    )


def _line(rollup: Rollup, source: Source) -> list[object]:
    child = source.child
    fmt = get_format(child.format_id) if child and child.format_id else None
    note = "；".join(x for x in (source.note, "不在应报名单中" if source.unexpected else "") if x)
    line: list[object] = [
        Path(child.path).name if child else "",
        source.name,
        child.year if child and child.year else "",
        fmt.id if fmt else "",
        source.status,
        note,
    ]
    figures = rollup.key_figures(source)
    return line + (list(figures) if figures is not None else [""] * len(rollup.fmt.key_figures))


def _total(rollup: Rollup) -> list[object]:
    """The total line: the parent's own figures (equal to the sum of the included lines)."""
    return [figure_of(f, rollup.values) for f in rollup.fmt.key_figures]
