"""The body's details of a published report: name and year from its title, contact details from its
前言 (地址、邮编、电话、联系部门、门户网站), the release date from its closing lines or the page."""

from __future__ import annotations

import re

from ..blocks import PLACEHOLDER
from ..dates import parse_date
from ..model import Detail, Finding, Place, Severity
from .source import Source, placeholder, tidy
from .structure import Parts

_YEAR = re.compile(r"(20\d{2})\s*年\s*度?")
_TITLE_SEPARATORS = re.compile(r"[_|｜]| - | — ")
_REPORT = re.compile(r"(关于)?(的)?政府信息公开.*$")
_CONTACT = {
    "contact_dept": re.compile(r"请与\s*([^，,。；;（(：:]{2,40}?)\s*联系"),
    "address": re.compile(r"(?:联系|通讯|办公)?地址[：:]\s*([^；;，,。）)\n]{2,80})"),
    "postcode": re.compile(r"邮(?:政)?编(?:码)?[：:]\s*(\d{6})"),
    "phone": re.compile(r"电话(?:/传真|及传真)?(?:号码)?[：:]\s*([0-9\-－—()（） ]{7,30}[0-9])"),
    "portal_url": re.compile(r"(https?://[A-Za-z0-9./\-_?=&%]+|www\.[A-Za-z0-9.\-]+(?:/[A-Za-z0-9./\-_]*)?)"),
    "portal_name": re.compile(r"可在\s*([^（(，,。；;]{2,40}?(?:门户网站|网站|门户网|网))"),
}
_CONTACT_WORDS = ("联系", "地址", "邮编", "电话", "网站", "网址")
_PAGE_DATE = re.compile(
    r"(?:发布|成文|印发|公开)?(?:日期|时间)\s*[：:]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})"
)


def read_details(source: Source, parts: Parts) -> tuple[dict[str, Detail], list[Finding]]:
    details: dict[str, Detail] = {}
    findings: list[Finding] = []
    title, place = _title(source, parts)
    name, year = split_title(title) if title else ("", "")
    if name and not placeholder(name):
        details["name"] = Detail(name, place)
    if year:
        details["year"] = Detail(year, place)
    for key, label in (("name", "机关名称"), ("year", "年度")):
        if key not in details:
            message = f"没有从报告标题读出{label}（标题应如“××区人民政府2024年政府信息公开工作年度报告”）"
            findings.append(
                Finding("M1", "detail-missing", Severity.ERROR, message, sheet=place.sheet, expected=label)
            )
    preamble = "".join(p.text for p in parts.preamble)
    for key, pattern in _CONTACT.items():
        m = pattern.search(preamble)
        value = tidy(m.group(1)).strip(" ，,") if m else ""
        if value and not placeholder(value):
            details[key] = Detail(value, Place("前言", ""))
    if any(PLACEHOLDER in p.text and any(w in p.text for w in _CONTACT_WORDS) for p in parts.preamble):
        message = f"前言中的联系信息不全，印的是{PLACEHOLDER}"
        findings.append(Finding("M2", "contact-missing", Severity.WARNING, message, sheet="前言"))
    released = _release_date(source, parts)
    if released:
        details["release_date"] = released
    return details, findings


def _title(source: Source, parts: Parts) -> tuple[str, Place]:
    if parts.title:
        page = parts.title[0].page
        where = f"第{page}页标题" if source.kind == "pdf" and page else "标题"
        return "".join(p.text for p in parts.title), Place(where, "")
    for text in source.titles:
        for piece in _TITLE_SEPARATORS.split(text):
            if _YEAR.search(piece) and "报告" in piece:
                return piece.strip(), Place("网页标题", "")
    return "", Place("标题", "")


def split_title(title: str) -> tuple[str, str]:
    """(body, year) from ``洪泽区人民政府2023年政府信息公开工作年度报告`` or
    ``2023年洪泽区人民政府政府信息公开工作年度报告``."""
    text = tidy(title).replace(" ", "")
    m = _YEAR.search(text)
    if not m:
        return "", ""
    name = text[: m.start()].strip("：:　")
    if not name:
        name = _REPORT.sub("", text[m.end() :])
    name = re.sub(r"(关于)?的?$", "", name) if name.endswith(("关于", "的")) else name
    return name, m.group(1)


def _release_date(source: Source, parts: Parts) -> Detail | None:
    for para in reversed(parts.closing):
        when = parse_date(para.text.replace(" ", ""))
        if when:
            where = f"第{para.page}页落款" if source.kind == "pdf" and para.page else "落款"
            return Detail(when.isoformat(), Place(where, ""))
    for text in source.dates:
        m = _PAGE_DATE.search(text)
        when = parse_date(m.group(1)) if m else None
        if when:
            return Detail(when.isoformat(), Place("网页发布时间", ""))
    return None
