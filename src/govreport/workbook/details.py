"""The body's details (机关名称, 年度, 门户网站 …), found by their labels on any sheet."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Mapping

from ..dates import FIRST_REPORT_YEAR, last_report_year, parse_date
from ..formats import FORMATS
from ..model import DETAIL_LABELS, Detail, Finding, Passage, Severity
from ..text import clean_text, join_lines
from . import names
from .copies import choose_sheet
from .labels import norm
from .nearby import find_label, value_near
from .sheets import Pos, Sheet, address
from .values import is_blank, to_decimal

REQUIRED = ("name", "year")
CONTACT = ("portal_name", "portal_url", "contact_dept", "address", "postcode", "phone")
_YEAR = re.compile(r"(\d{4})年?度?")


def read_details(sheets: list[Sheet], known: Collection[str]) -> tuple[dict[str, Detail], list[Finding]]:
    details: dict[str, Detail] = {}
    findings: list[Finding] = []
    for key, label in DETAIL_LABELS.items():
        hit, copies = _labelled(sheets, label, known)
        findings += copies
        value = value_near(hit[0], hit[1], known) if hit else None
        text = as_text(value[0], key) if value else ""
        if value and text:
            details[key] = Detail(text, hit[0].place(value[1]))  # type: ignore[index]
        missing = _missing(key, label, text, hit)
        if missing:
            findings.append(missing)
    if "release_date" in details:
        findings += _undated(details["release_date"])
    units, unit_findings = _units(sheets, known)
    return {**details, **units}, findings + unit_findings


def _labelled(
    sheets: list[Sheet], label: str, known: Collection[str]
) -> tuple[tuple[Sheet, Pos] | None, list[Finding]]:
    """The label's cell; when sheets disagree on its value (a copy of 基本信息 with last year's), the
    sheet named 基本信息 wins, by the rule for every copied sheet (copies.py)."""
    wanted = norm(label)
    hits = [(sheet, min(sheet.find(wanted))) for sheet in sheets if sheet.find(wanted)]
    if len(hits) <= 1:
        return (hits[0] if hits else None), []
    values = {as_text(v[0]) if (v := value_near(s, p, known)) else "" for s, p in hits}
    if len(values) == 1:
        return hits[0], []
    chosen, findings = choose_sheet([s for s, _ in hits], (names.DETAILS,), f"“{label}”", strict=False)
    return next(h for h in hits if h[0] is chosen), findings


def _units(sheets: list[Sheet], known: Collection[str]) -> tuple[dict[str, Detail], list[Finding]]:
    """The units a format leaves to the workbook (gb2019 采购金额单位), keyed by their label; a unit not
    on the list is an M2 warning and the header prints without one."""
    details: dict[str, Detail] = {}
    findings: list[Finding] = []
    columns = {c.unit_label: c for fmt in FORMATS.values() for c in fmt.unit_columns() if c.unit_label}
    for label, column in columns.items():
        hit = find_label(sheets, {norm(label)})
        value = value_near(hit[0], hit[1], known) if hit else None
        if hit is None or value is None:
            continue
        text = as_text(value[0]).replace(" ", "")
        place = hit[0].place(value[1])
        if text in column.units:
            details[label] = Detail(text, place)
            continue
        expected = "或".join(column.units)
        message = f"{label}“{text}”应为{expected}，{column.label}的表头将不注明单位"
        findings.append(
            Finding.at(
                place,
                rule="M2",
                type="detail-invalid",
                severity=Severity.WARNING,
                message=message,
                expected=expected,
                actual=text,
            )
        )
    return details, findings


def _undated(released: Detail) -> list[Finding]:
    """M2: a release date that is no date; the report would close without its signature."""
    if parse_date(released.text) is not None:
        return []
    label = DETAIL_LABELS["release_date"]
    message = f"{label}“{released.text}”不是可识别的日期（应如2025-01-20），报告末尾将不署机关名称和{label}"
    return [
        Finding.at(
            released.place,
            rule="M2",
            type="detail-invalid",
            severity=Severity.WARNING,
            message=message,
            expected="日期，如2025-01-20",
            actual=released.text,
        )
    ]


def as_text(value: object, key: str = "") -> str:
    """A detail cell as text: whole numbers without '.0', dates as YYYY-MM-DD, a year as its digits."""
    if is_blank(value):
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = to_decimal(value)
        text = str(int(number)) if number is not None and number == int(number) else str(value)
    else:
        text = clean_text(str(value)).strip()
    if key == "name":
        text = join_lines(text)
    if key == "year":
        m = _YEAR.fullmatch(unicodedata.normalize("NFKC", text).replace(" ", ""))
        return m.group(1) if m else text
    return text


def plausible_year(text: str) -> bool:
    """A 年度 a report can have: from 2008 to next year (a report is written early in the year after)."""
    return (
        text.isascii()
        and text.isdigit()
        and len(text) == 4
        and FIRST_REPORT_YEAR <= int(text) <= last_report_year()
    )


def _missing(key: str, label: str, text: str, hit: tuple[Sheet, tuple[int, int]] | None) -> Finding | None:
    sheet = hit[0].name if hit else None
    cell = address((hit[1][0], hit[1][1] + 1)) if hit else None
    if key == "year" and text.isdigit() and not plausible_year(text):
        latest = last_report_year()
        return Finding(
            "M1",
            "year-invalid",
            Severity.ERROR,
            f"年度“{_short(text)}”不在合理范围内（{FIRST_REPORT_YEAR}年至{latest}年），请核对",
            sheet,
            cell,
            expected=f"{FIRST_REPORT_YEAR}–{latest}年",
            actual=_short(text),
        )
    if key == "year" and text and not text.isdigit():
        return Finding(
            "M1",
            "year-invalid",
            Severity.ERROR,
            f"年度“{text}”不是有效的年份，请填写如2024",
            sheet,
            cell,
            expected="四位数年份",
            actual=text,
        )
    if text:
        return None
    where = "" if hit else "（工作簿中没有找到这一标签）"
    if key in REQUIRED:
        message = f"缺少{label}{where}，报告标题需要它"
        return Finding("M1", "detail-missing", Severity.ERROR, message, sheet, cell, expected=label)
    if key in CONTACT:
        message = f"缺少{label}{where}，前言中的联系信息将显示【待填写】"
        return Finding("M2", "contact-missing", Severity.WARNING, message, sheet, cell, expected=label)
    if key == "release_date":  # not contact detail: the workbook's own 前言 does not make it moot
        message = f"缺少{label}{where}，报告末尾将不署机关名称和{label}"
        return Finding("M2", "release-date-missing", Severity.WARNING, message, sheet, cell, expected=label)
    return None


def settle_contacts(findings: list[Finding], narrative: Mapping[str, tuple[Passage, ...]]) -> list[Finding]:
    """The contact details only feed the generated preamble: with the workbook's own 前言 (which the
    report prints instead, no 【待填写】 in it) their M2 warnings are moot and dropped."""
    if not narrative.get("前言"):
        return findings
    return [f for f in findings if f.type != "contact-missing"]


def _short(text: str) -> str:
    return text if len(text) <= 12 else f"{text[:12]}…"
