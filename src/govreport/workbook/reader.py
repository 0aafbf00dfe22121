"""Reading a filled workbook into a Report: ours or a hand-made one, by labels, never by addresses."""

from __future__ import annotations

from pathlib import Path

from ..formats import FORMATS, Format, UnknownFormatError, format_for_year, get_format
from ..model import Detail, Finding, Report, Severity, WorkbookError
from .cells import read_values
from .details import plausible_year, read_details, settle_contacts
from .figures import read_figures
from .locate import locate, score
from .narrative import known_labels, read_narrative
from .opening import BOMB, check_head, open_workbook
from .sheets import Pos, Sheet, read_sheets
from .subtotals import read_subtotals
from .xlsx import UNSAFE, read_xlsx


def read_workbook(path: str | Path, format_id: str | None = None) -> tuple[Report, list[Finding]]:
    """The report in ``path`` and the findings made while reading it.

    The format is ``format_id`` if given, else the one whose labels the workbook's tables carry; when
    the labels fit both formats alike, the one for the workbook's 年度. A 年度 whose format differs
    from the labels' is one finding (Q6 format-mismatch), a 年度 before any format one M1 finding;
    the tables are then read with the labels' format. Raises WorkbookError (one Chinese line naming
    the file) when the file cannot be read as a workbook or holds no statutory table;
    UnknownFormatError for a bad ``format_id``.
    """
    path = Path(path)
    fixed = get_format(format_id) if format_id else None
    sheets = load_sheets(path)
    any_known = known_labels(fixed or FORMATS["gb2021"])
    details, findings = read_details(sheets, any_known)
    if fixed is None:
        fmt, chosen = _choose_format(details.get("year"), sheets)
        findings += chosen
    else:
        fmt = fixed
    known = known_labels(fmt)
    spots = {t.id: locate(t, sheets, fmt.section(t.section).heading, fmt.tables) for t in fmt.tables}
    if not any(spot.cells for spot in spots.values()):
        raise WorkbookError(
            f"{path}：没有找到统计表（表二、表三、表四），这不是政府信息公开工作年度报告的工作簿"
        )
    cells = read_values(fmt, spots, sheets, lambda wanted: _cached(path, wanted))
    subtotals, subtotal_findings = read_subtotals(fmt, spots)
    narrative, narrative_findings = read_narrative(fmt, sheets, cached=lambda wanted: _cached(path, wanted))
    findings += [f for spot in spots.values() for f in spot.findings]
    figures, figure_findings = read_figures(sheets, known)
    findings += cells.findings + subtotal_findings + narrative_findings + figure_findings
    findings = settle_contacts(findings, narrative)
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
    does not know. Before openpyxl, which parses more parts, every XML part is checked for a DTD, and a
    file that is no workbook at all (a damaged zip, a renamed .docx) gets its message."""
    check_head(path)
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


def _choose_format(year: Detail | None, sheets: list[Sheet]) -> tuple[Format, list[Finding]]:
    """The format to read with, and a finding when the 年度 disagrees with the tables' labels."""
    fits = {fmt.id: _fit(fmt, sheets) for fmt in FORMATS.values()}  # on a tie: the year's, else gb2021
    best = max(fits.values())
    leaders = [FORMATS[id_] for id_, fit in fits.items() if fit == best]
    labelled = leaders[0] if len(leaders) == 1 else None
    if year is None or not plausible_year(year.text):  # an implausible 年度 has its own M1 finding
        return labelled or leaders[0], []
    try:
        wanted = format_for_year(int(year.text))
    except UnknownFormatError as exc:
        return labelled or leaders[0], [_year_without_format(year, str(exc))]
    if labelled is None or labelled is wanted:
        return wanted, []
    return labelled, [_format_mismatch(year, wanted, labelled)]


def _fit(fmt: Format, sheets: list[Sheet]) -> int:
    return sum(max((score(t, s) for s in sheets), default=0) for t in fmt.tables)


def _format_mismatch(year: Detail, wanted: Format, labelled: Format) -> Finding:
    message = (
        f"年度为{year.text}年，应使用{wanted.notice}格式，但工作簿的统计表是{labelled.notice}格式，"
        f"已按统计表的格式读取；请用 govreport template --year {year.text} 重新生成模板，"
        f"或用 --standard {labelled.id} 指定"
    )
    return Finding.at(
        year.place,
        rule="Q6",
        type="format-mismatch",
        severity=Severity.ERROR,
        message=message,
        expected=wanted.notice,
        actual=labelled.notice,
    )


def _year_without_format(year: Detail, reason: str) -> Finding:
    return Finding.at(
        year.place,
        rule="M1",
        type="year-invalid",
        severity=Severity.ERROR,
        message=f"{reason}，请核对年度",
        expected="2019年或以后的年度",
        actual=year.text,
    )


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
