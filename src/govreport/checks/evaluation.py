"""What third-party evaluators (第三方评估) check in a published report beyond its arithmetic:

- E1: the 发布日期 against the deadline of 条例第四十九条 for the body's kind — a 县级以上地方人民政府's
  report by 31 March, a department's (and, on the same basis, a 乡镇's) by 31 January of the next year;
  silent when the name does not say which kind of body it is;
- E2: a year in the narrative that contradicts the report year (``2023年，我区……`` opening a sentence of
  a 2024 report; a 统计期限 of another year in the 前言);
- E3, with last year's report: the share of the narrative copied word for word;
- E4, with last year's report: section 五 silent on what became of last year's problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..dates import parse_date
from ..formats import get_format
from ..model import Finding, Place, Report, Severity

# Township governments report "on the same basis as departments" (30号 二); a county or higher local
# government's report is published by its 主管部门 by 31 March (条例第四十九条).
_TOWNSHIP = re.compile(r"(乡|镇|街道|街道办事处|苏木)(人民政府)?$")
_LOCAL_GOVERNMENT = re.compile(r"(省|自治区|市|区|县|自治县|旗|自治旗|州|自治州|盟)人民政府$")
_DEPARTMENT = re.compile(r"(局|厅|委员会|办公室|办公厅|管理处|中心)$")

NARRATIVE = ("一", "五", "六")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
# ``2023年，…`` opening a sentence; not ``2023年以来`` (a span that may well reach into the report year)
_OPENING_YEAR = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）])?\s*(20\d{2})\s*年度?\s*[，,]")
_PERIOD = re.compile(r"统计期限自\s*(20\d{2})\s*年")
_MIN_SENTENCE = 12  # shorter sentences are formulae every report may share (“本年度未收取信息处理费。”)
# A report that repeats more than half of last year's wording sentence for sentence is a copy: two
# reports of one body written afresh share their formulae (the fee sentence, the closing formula of
# section 五), which on the reports seen stays well under a fifth of the narrative.
COPIED_SHARE = 0.5
_LAST_YEAR = ("上年", "上一年", "去年", "前一年", "整改")


def check_evaluation(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    yield from published_late(report)
    yield from year_contradicted(report)
    if previous is not None:
        yield from copied_from_last_year(report, previous)
        yield from problems_not_followed_up(report, previous)


def deadline(name: str, year: int) -> tuple[date, str] | None:
    """The Art. 49 deadline for a report on ``year`` by the body ``name``, with who it applies to;
    None when the name does not say whether the body is a government or a department."""
    name = name.strip()
    if _TOWNSHIP.search(name) or _DEPARTMENT.search(name):
        return date(
            year + 1, 1, 31
        ), "县级以上人民政府部门（乡镇人民政府同样）的年度报告应于每年1月31日前公布"
    if _LOCAL_GOVERNMENT.search(name):
        return date(year + 1, 3, 31), "县级以上地方人民政府的年度报告应于每年3月31日前公布"
    return None


def published_late(report: Report) -> Iterator[Finding]:
    """E1: released after the Art. 49 deadline."""
    released = report.details.get("release_date")
    when = parse_date(released.text) if released else None
    if when is None or report.year is None or released is None:
        return
    due = deadline(report.name, report.year)
    if due is None or when <= due[0] or when.year > report.year + 2:
        return
    late = (when - due[0]).days
    yield Finding.at(
        released.place,
        rule="E1",
        type="published-late",
        severity=Severity.WARNING,
        message=(
            f"发布日期{_chinese(when)}晚于《中华人民共和国政府信息公开条例》第四十九条规定的期限"
            f"（{due[1]}），晚了{late}天"
        ),
        expected=f"不晚于{_chinese(due[0])}",
        actual=_chinese(when),
    )


def year_contradicted(report: Report) -> Iterator[Finding]:
    """E2: a sentence opening with a year that is neither the report year nor the next (plans), and a
    statistics period of another year in the 前言."""
    year = report.year
    if year is None:
        return
    for passage in report.narrative.get("前言", ()):
        for text in passage.paragraphs:
            for m in _PERIOD.finditer(text):
                if int(m.group(1)) != year:
                    yield _year_finding(report, passage.place, "前言的统计期限", m.group(0), int(m.group(1)))
    for section in NARRATIVE:
        for passage in report.narrative.get(section, ()):
            for text in passage.paragraphs:
                for sentence in _SENTENCE.findall(text):
                    m = _OPENING_YEAR.match(sentence)
                    if m and (int(m.group(1)) < year or int(m.group(1)) > year + 1):
                        where = f"第{section}部分的句子"
                        yield _year_finding(
                            report, passage.place, where, sentence.strip()[:30], int(m.group(1))
                        )


def _year_finding(report: Report, place: Place | None, where: str, quoted: str, found: int) -> Finding:
    return Finding.at(
        place,
        rule="E2",
        type="narrative-year-mismatch",
        severity=Severity.WARNING,
        message=f"{where}“{quoted}……”写的是{found}年，而本报告是{report.year}年度的，请核对是否沿用了往年的文字",
        expected=f"{report.year}年",
        actual=f"{found}年",
    )


def copied_from_last_year(report: Report, previous: Report) -> Iterator[Finding]:
    """E3: the share of the narrative (sections 一, 五, 六, by characters, sentences of some length)
    that repeats last year's report sentence for sentence, the years aside."""
    if report.year is None or previous.year is None:
        return
    last = {s for s in _sentences(previous, previous.year)}
    this = _sentences(report, report.year)
    total = sum(len(s) for s in this)
    if not last or total == 0:
        return
    copied = sum(len(s) for s in this if s in last)
    share = copied / total
    if share <= COPIED_SHARE:
        return
    passages = [p for n in NARRATIVE for p in report.narrative.get(n, ()) if p.paragraphs]
    yield Finding.at(
        passages[0].place if passages else None,
        rule="E3",
        type="narrative-copied",
        severity=Severity.WARNING,
        message=(
            f"正文（{'、'.join(_section_name(report, n) for n in NARRATIVE)}）有{share:.0%}的文字与上年度报告逐句相同，"
            "年度报告应如实反映本年度的工作，请核对是否照抄了上年度报告"
        ),
        expected=f"不超过{COPIED_SHARE:.0%}",
        actual=f"{share:.0%}",
    )


def _sentences(report: Report, year: int) -> list[str]:
    out = []
    for section in NARRATIVE:
        for passage in report.narrative.get(section, ()):
            for text in passage.paragraphs:
                for sentence in _SENTENCE.findall(text):
                    s = re.sub(r"\s+", "", sentence).replace(str(year), "本年").replace(str(year + 1), "下年")
                    s = s.replace(str(year - 1), "上年")
                    if len(s) >= _MIN_SENTENCE:
                        out.append(s)
    return out


def problems_not_followed_up(report: Report, previous: Report) -> Iterator[Finding]:
    """E4: last year's section 五 listed problems and this year's says nothing of last year (no 上年,
    去年, 整改, nor last year's number)."""
    if report.year is None:
        return
    last = " ".join(p for passage in previous.narrative.get("五", ()) for p in passage.paragraphs)
    passages = report.narrative.get("五", ())
    this = " ".join(p for passage in passages for p in passage.paragraphs)
    if not last.strip() or not this.strip():
        return
    markers = (*_LAST_YEAR, f"{report.year - 1}年")
    if any(marker in this for marker in markers):
        return
    yield Finding.at(
        passages[0].place,
        rule="E4",
        type="problems-not-followed-up",
        severity=Severity.WARNING,
        message=(
            f"“{_section_name(report, '五')}”没有说明上年度报告所列问题的改进（整改）情况；"
            "评估时通常要求逐项说明上年度问题的整改结果"
        ),
        expected="上年度问题的整改情况",
    )


def _section_name(report: Report, number: str) -> str:
    """The section's name as the report's format prints it, without its number."""
    return get_format(report.format_id).section(number).heading.split("、", 1)[-1]


def _chinese(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
