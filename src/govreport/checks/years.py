"""M5: last year's workbook with only its 年度 changed, where the evaluator's E2 (a sentence of the
narrative opening with another year, checks/evaluation.py) does not look:

- a title of section 六 names an earlier year, or the chart's title another year than the report's;
- the release date falls before the reporting period has ended (E1 looks at the other end, the deadline).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

from ..dates import parse_date
from ..model import Finding, Passage, Report, Severity

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年")


def years_in(text: str) -> list[int]:
    """The years ``text`` names as ``2023年`` (full-width digits too)."""
    return [int(y) for y in _YEAR.findall(unicodedata.normalize("NFKC", text))]


def stale_year(report: Report) -> Iterator[Finding]:
    year = report.year
    if year is None:
        return
    yield from _titles(report, year)
    yield from _captions(report, year)
    yield from _released(report, year)


def _titles(report: Report, year: int) -> Iterator[Finding]:
    for passage in report.narrative.get("六", ()):
        earlier = [y for y in years_in(passage.title or "") if y < year]
        if earlier:
            message = f"第六部分的小标题“{passage.title}”提到{earlier[0]}年，而报告年度为{year}年，请核对"
            yield _finding(passage, message, f"{year}年", f"{earlier[0]}年")


def _captions(report: Report, year: int) -> Iterator[Finding]:
    for figure in report.figures:
        other = [y for y in years_in(figure.caption) if y != year]
        if other:
            message = f"统计图标题“{figure.caption}”提到{other[0]}年，而报告年度为{year}年，请核对"
            yield Finding.at(
                figure.where,
                rule="M5",
                type="year-stale",
                severity=Severity.WARNING,
                message=message,
                expected=f"{year}年",
                actual=f"{other[0]}年",
            )


def _released(report: Report, year: int) -> Iterator[Finding]:
    detail = report.details.get("release_date")
    released = parse_date(detail.text) if detail is not None else None
    if detail is None or released is None or released > date(year, 12, 31):
        return
    message = (
        f"发布日期{detail.text}在{year}年度统计期（截至{year}年12月31日）结束之前，"
        f"年度报告应在统计期结束后发布；请核对发布日期或年度"
    )
    yield Finding.at(
        detail.place,
        rule="M5",
        type="release-before-period-end",
        severity=Severity.WARNING,
        message=message,
        expected=f"{year + 1}年1月1日以后",
        actual=detail.text,
    )


def _finding(passage: Passage, message: str, expected: str, actual: str) -> Finding:
    return Finding.at(
        passage.place,
        rule="M5",
        type="year-stale",
        severity=Severity.WARNING,
        message=message,
        expected=expected,
        actual=actual,
    )
