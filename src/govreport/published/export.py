"""``govreport import``: a published report written into a workbook in the template layout.

The details, the 前言 as published, section 一 (总述 and the sub-headings the format knows; other
sub-headings stay in the 总述 as paragraphs), 五, 六's items, the tables' input cells and the charts
whose data the file carries. A cell that
could not be read is left blank (its finding says why); totals stay the template's formulas, except a
published total that disagrees with its parts, which is kept as published (``check`` then reports it).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from ..blocks import PLACEHOLDER
from ..files import atomic_path
from ..formats import Format, get_format
from ..model import Finding, Passage, Report
from ..totals import derive_totals
from ..workbook import names
from ..workbook.fill import ReportData, fill_workbook
from ..workbook.labels import norm
from .reader import read_published


def import_report(
    source: str | Path, target: str | Path, *, format_id: str | None = None, force: bool = False
) -> tuple[Report, list[Finding], Path]:
    """Read ``source`` and write it to ``target``; raises WorkbookError (unreadable source) and
    WorkbookExistsError (``target`` exists, no ``force``)."""
    report, findings = read_published(source, format_id)
    fmt = get_format(report.format_id)
    data = report_data(report, fmt)
    path = fill_workbook(target, data, fmt=fmt, force=force)
    overview = data.narrative.get("一")
    used = set(overview) if isinstance(overview, dict) else set()
    unused = [h for h in fmt.section("一").subheadings if h not in used]
    if unused and used:
        _drop_subheadings(path, unused)
    return report, findings, path


def _drop_subheadings(path: Path, unused: list[str]) -> None:
    """The customary sub-headings of 一 the published report does not have are taken out of the
    workbook (label and empty text cell), so that ``build`` prints what was published, not a
    【待填写】 under each of them."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook[names.OVERVIEW]
    wanted = {norm(h) for h in unused}
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and norm(cell.value) in wanted:
                right = sheet.cell(cell.row, cell.column + 1)
                if right.value in (None, ""):
                    cell.value = None
    with atomic_path(path) as tmp:
        workbook.save(tmp)


def report_data(report: Report, fmt: Format) -> ReportData:
    details: dict[str, object] = {k: d.text for k, d in report.details.items()}
    if report.year:
        details["year"] = report.year
    narrative: dict[str, object] = {}
    preamble = _text(report.narrative.get("前言", ()))
    if preamble and PLACEHOLDER not in preamble:  # else the one build writes from 基本信息, with M2 for gaps
        narrative["前言"] = preamble
    overview = _overview(report.narrative.get("一", ()), fmt)
    if overview:
        narrative["一"] = overview
    if report.narrative.get("五"):
        narrative["五"] = _text(report.narrative["五"])
    items = [(p.title or "", "\n".join(p.paragraphs)) for p in report.narrative.get("六", ())]
    if items:
        narrative["六"] = items
    totals = fmt.total_keys()
    values = {key: value.number for key, value in report.values.items() if key not in totals}
    computed = derive_totals(fmt, {k: v for k, v in values.items() if v is not None})
    kept = {
        key: value.number
        for key, value in report.values.items()
        if key in totals and value.number is not None and computed.get(key) != value.number
    }
    figures = [
        {
            "items": [(label, value.number) for label, value in figure.items],
            "caption": figure.caption,
            "place": figure.place,
            "channel": figure.channel,
        }
        for figure in report.figures
    ]
    return ReportData(details=details, narrative=narrative, values=values, figures=figures, totals=kept)


def _text(passages: tuple[Passage, ...]) -> str:
    lines: list[str] = []
    for passage in passages:
        if passage.title:
            lines.append(passage.title)
        lines.extend(passage.paragraphs)
    return "\n".join(lines)


def _overview(passages: tuple[Passage, ...], fmt: Format) -> dict[str, str]:
    """总述 and the format's sub-headings; a sub-heading the format does not know goes into the 总述
    with its text, so nothing published is lost. A sub-heading the report prints is kept even
    without text, so the workbook keeps its row and says it is to be filled."""
    subheadings = fmt.section("一").subheadings
    out: dict[str, str] = {}
    intro: list[str] = []
    for passage in passages:
        known = _known(passage.title, subheadings) if passage.title else None
        if known and known not in out:
            out[known] = "\n".join(passage.paragraphs)  # empty when nothing but 【待填写】 stood under it
        else:
            intro.extend(([passage.title] if passage.title else []) + list(passage.paragraphs))
    if intro:
        out = {names.INTRO: "\n".join(intro), **out}
    return out


def _known(title: str, subheadings: tuple[str, ...]) -> str | None:
    """The format's sub-heading ``title`` stands for: same number, and its words alike (contained, of
    a like sequence, or sharing two two-character words)."""
    for heading in subheadings:
        number = heading[: heading.index("）") + 1]
        if not norm(title).startswith(norm(number)):
            continue
        words, known = norm(title)[len(norm(number)) :], norm(heading)[len(norm(number)) :]
        shared = _pairs(words) & _pairs(known)  # 平台载体建设方面 / 政府信息公开平台建设: 平台, 建设
        if known in words or SequenceMatcher(None, words, known).ratio() >= 0.5 or len(shared) >= 2:
            return heading
    return None


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}
