"""Reading a filled workbook into a Report: ours or a hand-made one, by labels, never by addresses."""

from __future__ import annotations

from pathlib import Path

from ..formats import FORMATS, Format, UnknownFormatError, format_for_year, get_format
from ..model import Detail, Finding, Report, WorkbookError
from .cells import read_values
from .details import read_details
from .figures import read_figures
from .locate import locate, score
from .narrative import known_labels, read_narrative
from .opening import BOMB, check_file, open_workbook
from .sheets import Pos, Sheet, read_sheets
from .subtotals import read_subtotals
from .xlsx import UNSAFE, read_xlsx


def read_workbook(path: str | Path, format_id: str | None = None) -> tuple[Report, list[Finding]]:
    """The report in ``path`` and the findings made while reading it.

    The format is ``format_id`` if given, else the one for the workbook's 年度, else the one whose
    labels the workbook carries. Raises WorkbookError (one Chinese line naming the file) when the file
    cannot be read as a workbook or holds no statutory table; UnknownFormatError for a bad ``format_id``.
    """
    path = Path(path)
    fixed = get_format(format_id) if format_id else None
    sheets = load_sheets(path)
    any_known = known_labels(fixed or FORMATS["gb2021"])
    details, findings = read_details(sheets, any_known)
    fmt = fixed or _choose_format(details.get("year"), sheets)
    known = known_labels(fmt)
    spots = {t.id: locate(t, sheets, fmt.section(t.section).heading, fmt.tables) for t in fmt.tables}
    if not any(spot.cells for spot in spots.values()):
        raise WorkbookError(
            f"{path}：没有找到统计表（表二、表三、表四），这不是政府信息公开工作年度报告的工作簿"
        )
    cells = read_values(fmt, spots, sheets, lambda wanted: _cached(path, wanted))
    subtotals, subtotal_findings = read_subtotals(fmt, spots)
    narrative, narrative_findings = read_narrative(fmt, sheets, known)
    findings += [f for spot in spots.values() for f in spot.findings]
    figures, figure_findings = read_figures(sheets, known)
    findings += cells.findings + subtotal_findings + narrative_findings + figure_findings
    report = Report(
        format_id=fmt.id,
        source=str(path),
        details=details,
        narrative=narrative,
        values=cells.values,
        subtotals=tuple(subtotals),
        figures=tuple(figures),
    )
    return report, findings


def load_sheets(path: Path) -> list[Sheet]:
    """Every sheet's cells: the fast XML read, or openpyxl when the fast read meets something it
    does not know (openpyxl then also words the error for a damaged part)."""
    check_file(path)
    try:
        return read_xlsx(path)
    except UNSAFE:
        raise WorkbookError(BOMB.format(path=path)) from None
    except Exception:  # anything else unexpected: let openpyxl read it
        pass
    wb = open_workbook(path)
    try:
        return read_sheets(wb, path)
    finally:
        wb.close()


def _choose_format(year: Detail | None, sheets: list[Sheet]) -> Format:
    if year is not None and year.text.isdigit():
        try:
            return format_for_year(int(year.text))
        except UnknownFormatError:
            pass
    return detect_format(sheets)


def detect_format(sheets: list[Sheet]) -> Format:
    """The format whose table labels the workbook carries most of (gb2021 on a tie)."""

    def fit(fmt: Format) -> int:
        return sum(max((score(t, s) for s in sheets), default=0) for t in fmt.tables)

    return max(FORMATS.values(), key=fit)


def _cached(path: Path, wanted: list[tuple[str, Pos]]) -> dict[tuple[str, Pos], object]:
    """Excel's cached results for formulas we cannot compute: a second, values-only read of the
    sheets concerned."""
    names = {name for name, _ in wanted}
    wb = open_workbook(path, data_only=True)
    try:
        sheets = {s.name: s for s in read_sheets(wb, path, only=names)}
    finally:
        wb.close()
    return {(name, pos): sheets[name].value(*pos) for name, pos in wanted if name in sheets}
