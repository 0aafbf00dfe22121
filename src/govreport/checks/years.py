"""M5: last year's workbook with only its 年度 changed. The tables may be refilled while the text still
tells last year's story; the report would then be published under this year's title. Warned only where the
signs are plain, so a narrative that compares with last year or plans next year stays silent:

- the narrative names years, but never the report's own year, and mostly an earlier one — twice, or
  opening a paragraph as a report's narrative does (``2023年，我镇……``);
- a title of section 六, or the chart's title, names an earlier year (or, for the chart, any other year);
- the release date falls before the reporting period has ended.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import date

from ..dates import parse_date
from ..model import Finding, Passage, Report, Severity

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年")
SECTIONS = ("前言", "一", "五", "六")


def years_in(text: str) -> list[int]:
    """The years ``text`` names as ``2023年`` (full-width digits too)."""
    return [int(y) for y in _YEAR.findall(unicodedata.normalize("NFKC", text))]


def stale_year(report: Report) -> Iterator[Finding]:
    year = report.year
    if year is None:
        return
    yield from _narrative(report, year)
    yield from _titles(report, year)
    yield from _captions(report, year)
    yield from _released(report, year)


def _narrative(report: Report, year: int) -> Iterator[Finding]:
    named: Counter[int] = Counter()
    opening: set[int] = set()  # years a paragraph opens with (2023年，我镇……)
    first: dict[int, Passage] = {}
    for section in SECTIONS:
        for passage in report.narrative.get(section, ()):
            for text in (passage.title or "", *passage.paragraphs):
                found = years_in(text)
                for y in found:
                    named[y] += 1
                    first.setdefault(y, passage)
                if found and _YEAR.match(unicodedata.normalize("NFKC", text).lstrip()):
                    opening.add(found[0])
    if not named or year in named:
        return
    stale, _ = named.most_common(1)[0]
    if stale >= year or (named[stale] < 2 and stale not in opening):
        return  # one passing mention of an earlier year (a document's title) proves nothing
    message = (
        f"报告年度为{year}年，但正文没有一处提到{year}年，却{named[stale]}处提到{stale}年；"
        f"请核对正文是否还是{stale}年度报告的内容"
    )
    yield _finding(first[stale], message, f"{year}年", f"{stale}年")


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
