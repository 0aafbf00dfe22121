"""Which children are summed: each child included or refused with its reason, and the bodies of the
expected list that sent nothing. One line per child, in the order given, then the missing bodies."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..catalogue import FINDING_TYPES
from ..formats import Format
from ..model import Finding, Place, Severity
from ..workbook.labels import norm
from .children import Child
from .units import unknown_units

INCLUDED = "已汇总"
INCLUDED_WITH_ERRORS = "已汇总（有错误）"
REFUSED = "未汇总"
MISSING = "缺报"


@dataclass(frozen=True)
class Source:
    """One line of the overview: a child workbook (or a missing body), its status and why."""

    name: str
    status: str
    note: str = ""
    child: Child | None = None
    unexpected: bool = False  # not on the expected list

    @property
    def included(self) -> bool:
        return self.status in (INCLUDED, INCLUDED_WITH_ERRORS)

    @property
    def path(self) -> str:
        return self.child.path if self.child else ""


def body_key(name: str) -> str:
    """A body's name as compared: width, spaces and brackets as in a label."""
    return norm(name)


def select(
    children: Sequence[Child],
    fmt: Format,
    year: int,
    *,
    allow_errors: bool = False,
    expected: Sequence[str] | None = None,
    parent: str = "",
) -> list[Source]:
    """The overview's lines: each child included or refused (see :func:`_refusal`), two workbooks of
    one body both refused, then one line per expected body without a workbook. A child named like the
    ``parent`` is refused: it is most likely an earlier roll-up, and would count every body twice."""
    sources = [_source(c, fmt, year, allow_errors, parent) for c in children]
    sources = _refuse_duplicates(sources)
    if expected is None:
        return sources
    wanted = {body_key(n): n for n in expected if n.strip()}
    present = {body_key(s.name) for s in sources if s.name}
    marked = [replace(s, unexpected=bool(s.name) and body_key(s.name) not in wanted) for s in sources]
    missing = [Source(name, MISSING, "应报名单中有此机关，但没有它的工作簿") for k, name in wanted.items()]
    return marked + [m for m in missing if body_key(m.name) not in present]


def _source(child: Child, fmt: Format, year: int, allow_errors: bool, parent: str) -> Source:
    reason = _refusal(child, fmt, year, allow_errors)
    if not reason and parent and body_key(child.name) == body_key(parent):
        reason = f"机关名称与汇总机关“{parent}”相同，可能是以前汇总的结果，相加会重复计算"
    if reason:
        return Source(child.name, REFUSED, reason, child)
    if child.errors:
        return Source(child.name, INCLUDED_WITH_ERRORS, _errors(child) + "，已照原样汇总", child)
    return Source(child.name, INCLUDED, "", child)


def _refusal(child: Child, fmt: Format, year: int, allow_errors: bool) -> str:
    """Why ``child`` cannot be summed into a ``fmt`` report on ``year``; empty when it can."""
    if child.unreadable:
        return child.unreadable
    if child.errors and not allow_errors:
        return _errors(child) + "；改正后重新汇总，或加 --allow-errors 照原样汇总"
    if child.year != year:
        found = f"年度为{child.year}年" if child.year else "年度不明"
        return f"{found}，而汇总的是{year}年度"
    if child.format_id != fmt.id:
        return f"统计表不是{fmt.notice}格式，不能与{year}年度的报告相加"
    if not child.name.strip():
        return "缺少机关名称，无法核对是否与其他工作簿重复"
    unknown = unknown_units(fmt, child)
    if unknown:
        column = unknown[0]
        return f"“{column.label}”有金额但没有注明单位（{'或'.join(column.units)}），无法与其他机关的金额相加"
    return ""


def _errors(child: Child) -> str:
    return f"有 {len(child.errors)} 个错误（{child.errors[0]}）"


def _refuse_duplicates(sources: list[Source]) -> list[Source]:
    """Two included workbooks of one body: neither is summed (which one is right is the office's call)."""
    by_body: dict[str, list[int]] = defaultdict(list)
    for i, source in enumerate(sources):
        if source.included:
            by_body[body_key(source.name)].append(i)
    out = list(sources)
    for indexes in (ix for ix in by_body.values() if len(ix) > 1):
        files = "、".join(sources[i].path for i in indexes)
        note = f"同一机关有 {len(indexes)} 个工作簿（{files}），均未汇总；请只保留一个"
        for i in indexes:
            out[i] = replace(sources[i], status=REFUSED, note=note)
    return out


def source_findings(sources: Sequence[Source], places: Sequence[Place | None] | None = None) -> list[Finding]:
    """The findings the overview's lines make: a refused child and a missing body are errors (the sum
    lacks them), a child summed with errors and a body not on the list are warnings. ``places``: the
    cell of each line in the 汇总来源 sheet, when there is one."""
    findings = []
    for i, source in enumerate(sources):
        place = places[i] if places else None
        who = source.path or source.name
        if source.status == REFUSED:
            message = source.note if source.note.startswith(who) else f"{who}：{source.note}"
            findings.append(_finding(place, "child-refused", Severity.ERROR, message))
        elif source.status == MISSING:
            findings.append(_finding(place, "child-missing", Severity.ERROR, f"{source.name}：{source.note}"))
        elif source.status == INCLUDED_WITH_ERRORS:
            findings.append(_finding(place, "child-has-errors", Severity.WARNING, f"{who}：{source.note}"))
        if source.unexpected:
            message = f"{who}：“{source.name}”不在应报名单中，请核对名单或机关名称"
            findings.append(_finding(place, "child-unexpected", Severity.WARNING, message))
    return findings


def _finding(place: Place | None, type_: str, severity: Severity, message: str) -> Finding:
    return Finding.at(place, rule=FINDING_TYPES[type_].rule, type=type_, severity=severity, message=message)
