"""Quality warnings that are not arithmetic identities (spec Part B §4.5): Q1 a high share of 其他处理,
Q2 an overlong 总体情况, Q3 section 六 silent on the 信息处理费. All are driven by the Format's data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..formats import Format
from ..model import Finding, Passage, Report, Severity
from .arithmetic import Values
from .naming import cell_name, column_label, number_text, row_label, table_name, term_name

# Report.narrative is keyed by section number (see model.Report).
OVERVIEW = "一"
OTHER_MATTERS = "六"
_SPACE = re.compile(r"\s+")


def other_handling_high(fmt: Format, values: Values) -> Iterator[Finding]:
    """Q1: 其他处理's share of the result total at or above the format's watch line (60号 guidance)."""
    if not fmt.other_handling or fmt.result_total is None:
        return
    numbers = values.numbers((*fmt.other_handling, fmt.result_total))
    if numbers is None:
        return
    other = sum(numbers[k] for k in fmt.other_handling)
    total = numbers[fmt.result_total]
    line = Decimal(str(fmt.other_handling_share))
    if total <= 0 or Decimal(other) < Decimal(total) * line:
        return
    first = fmt.other_handling[0]
    names = "".join(cell_name(fmt, k) for k in fmt.other_handling)
    share = (Decimal(other) * 100 / Decimal(total)).quantize(Decimal("0.1"))
    watch = f"{fmt.other_handling_share * 100:g}%"
    yield Finding.at(
        values.get(first).place,  # type: ignore[union-attr]
        rule="Q1",
        type="other-handling-high",
        severity=Severity.WARNING,
        message=(
            f"{names}{'合计' if len(fmt.other_handling) > 1 else ''}为 {number_text(other)} 件，"
            f"占{term_name(fmt, fmt.result_total, first)} {number_text(total)} 件的 {share}%，"
            f"达到 {watch}，请核实能否归入具体的办理结果"
        ),
        table=table_name(fmt, first.table),
        row_label=row_label(fmt, first),
        column_label=column_label(fmt, first),
        expected=f"< {watch}",
        actual=f"{share}%",
        cells=tuple(p for p in (values.place(k) for k in (*fmt.other_handling[1:], fmt.result_total)) if p),
    )


def overview_too_long(fmt: Format, report: Report) -> Iterator[Finding]:
    """Q2: 总体情况 longer than the format's limit (30号: 原则上不超过1000字). Whitespace is not counted."""
    limit = fmt.overview_char_limit
    if limit is None:
        return
    passages = report.narrative.get(OVERVIEW, ())
    count = sum(len(_SPACE.sub("", text)) for p in passages for text in (p.title or "", *p.paragraphs))
    if count <= limit:
        return
    heading = fmt.section(OVERVIEW).heading
    yield _narrative_finding(
        passages,
        rule="Q2",
        type_="overview-too-long",
        message=f"“{heading}”共 {count} 字（不计空白），超过 {limit} 字，请精简",
        expected=f"≤ {limit}",
        actual=str(count),
    )


def fee_not_reported(fmt: Format, report: Report) -> Iterator[Finding]:
    """Q3: section 六 must report the 信息处理费 (30号). Only what the clerk wrote counts, not the item's
    title: the template always carries the fee item's title, so a title alone says nothing."""
    if fmt.fee_item is None or not fmt.fee_words:
        return
    passages = report.narrative.get(OTHER_MATTERS, ())
    text = "".join(para for p in passages for para in p.paragraphs)
    if any(word in text for word in fmt.fee_words):
        return
    fee_passages = [p for p in passages if p.title == fmt.fee_item]
    heading = fmt.section(OTHER_MATTERS).heading
    yield _narrative_finding(
        (*fee_passages, *passages),
        rule="Q3",
        type_="fee-not-reported",
        message=(
            f"“{heading}”没有提到{fmt.fee_words[0]}，请在“{fmt.fee_item}”中写明收取金额，未收取的也应写明"
        ),
    )


def _narrative_finding(
    passages: tuple[Passage, ...],
    *,
    rule: str,
    type_: str,
    message: str,
    expected: str | None = None,
    actual: str | None = None,
) -> Finding:
    """A finding about a narrative section, placed at its first passage's cell."""
    places = [p.place for p in passages if p.place is not None]
    first = places[0] if places else None
    return Finding.at(
        first,
        rule=rule,
        type=type_,
        severity=Severity.WARNING,
        message=message,
        expected=expected,
        actual=actual,
        cells=tuple(dict.fromkeys(str(p) for p in places[1:] if p != first)),
    )
