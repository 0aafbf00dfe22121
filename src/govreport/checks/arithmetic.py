"""The arithmetic rules: the format's equations (R1–R4, X1–X3), a workbook's own subtotals (R6) and the
format's inequalities (Q5). Each rule says what is wrong; the finding is placed at the cell checked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath

from ..formats import CellKey, Equation, Format, Inequality
from ..model import Finding, Number, Report, Severity, Subtotal, Value
from .naming import cell_name, column_label, number_text, row_label, table_name, term_name
from .unusable import unusable_cells

# A sum with more terms than this lists only its non-zero terms.
MAX_TERMS = 6


@dataclass(frozen=True)
class Values:
    """This year's values and, for the cross-year rules, last year's."""

    report: Report
    previous: Report | None = None

    def get(self, key: CellKey) -> Value | None:
        source = self.previous if key.previous else self.report
        if source is None:
            return None
        return source.values.get(CellKey(key.table, key.row, key.column))

    def place(self, key: CellKey) -> str | None:
        value = self.get(key)
        if value is None or value.place is None:
            return None
        if key.previous and self.previous is not None:
            # Excel's way of naming a cell of another workbook: [book.xlsx]sheet!A1
            return f"[{PurePath(self.previous.source).name}]{value.place}"
        return str(value.place)

    def numbers(self, keys: Iterable[CellKey]) -> dict[CellKey, Number] | None:
        """The numbers at ``keys``; None when a cell is missing, is not a usable count or is a total
        derived from one (the reader has already reported the cell, so the rule is not checked on a
        guess: its result would only repeat that one mistake)."""
        out: dict[CellKey, Number] = {}
        for key in keys:
            value = self.get(key)
            if value is None or value.number is None or self._unusable(key):
                return None
            out[key] = value.number
        return out

    def _unusable(self, key: CellKey) -> bool:
        cells = self._unusable_previous if key.previous else self._unusable_this
        return CellKey(key.table, key.row, key.column) in cells

    @cached_property
    def _unusable_this(self) -> frozenset[CellKey]:
        return frozenset(unusable_cells(self.report))

    @cached_property
    def _unusable_previous(self) -> frozenset[CellKey]:
        return frozenset(unusable_cells(self.previous)) if self.previous is not None else frozenset()


def check_equations(fmt: Format, values: Values) -> Iterator[Finding]:
    for eq in fmt.equations:
        if eq.cross_year and values.previous is None:
            continue
        finding = _check_equation(fmt, eq, values)
        if finding is not None:
            yield finding


def _check_equation(fmt: Format, eq: Equation, values: Values) -> Finding | None:
    numbers = values.numbers((eq.target, *eq.plus, *eq.minus))
    if numbers is None:
        return None
    expected = sum(numbers[k] for k in eq.plus) - sum(numbers[k] for k in eq.minus)
    actual = numbers[eq.target]
    if expected == actual:
        return None
    severity = Severity(eq.severity)
    terms = _terms(fmt, eq.target, [(k, 1) for k in eq.plus] + [(k, -1) for k in eq.minus], numbers)
    message = (
        f"{cell_name(fmt, eq.target)}应为 {number_text(expected)}（= {terms}），实为 {number_text(actual)}"
    )
    if severity is Severity.WARNING:
        message += "，请核实"
    return _at_cell(
        fmt,
        values,
        eq.target,
        rule=eq.rule,
        type_=eq.type,
        severity=severity,
        message=message,
        expected=number_text(expected),
        actual=number_text(actual),
        others=(*eq.plus, *eq.minus),
    )


def check_inequalities(fmt: Format, values: Values) -> Iterator[Finding]:
    for rule in fmt.inequalities:
        finding = _check_inequality(fmt, rule, values)
        if finding is not None:
            yield finding


def _check_inequality(fmt: Format, rule: Inequality, values: Values) -> Finding | None:
    numbers = values.numbers((rule.lesser, rule.greater))
    if numbers is None or numbers[rule.lesser] <= numbers[rule.greater]:
        return None
    lesser, greater = number_text(numbers[rule.lesser]), number_text(numbers[rule.greater])
    message = (
        f"{cell_name(fmt, rule.lesser)}为 {lesser}，"
        f"大于{term_name(fmt, rule.greater, rule.lesser)} {greater}，请核实"
    )
    return _at_cell(
        fmt,
        values,
        rule.lesser,
        rule=rule.rule,
        type_=rule.type,
        severity=Severity(rule.severity),
        message=message,
        expected=f"≤ {greater}",
        actual=lesser,
        others=(rule.greater,),
    )


def check_subtotals(fmt: Format, values: Values) -> Iterator[Finding]:
    """R6: a subtotal that a hand-made workbook carries must equal the sum of its parts (spec B §4.2)."""
    for subtotal in values.report.subtotals:
        finding = _check_subtotal(fmt, subtotal, values)
        if finding is not None:
            yield finding


def _check_subtotal(fmt: Format, subtotal: Subtotal, values: Values) -> Finding | None:
    numbers = values.numbers(subtotal.parts)
    if not subtotal.parts or numbers is None or subtotal.value.number is None or subtotal.value.unusable:
        return None
    expected = sum(numbers.values())
    actual = subtotal.value.number
    if expected == actual:
        return None
    first = subtotal.parts[0]
    table = table_name(fmt, first.table)
    if all(k.column == first.column for k in subtotal.parts):
        row, column = f"小计“{subtotal.label}”", column_label(fmt, first)
        name, anchor = f"{table}{row}×“{column}”", CellKey(first.table, "", first.column)
    else:
        row, column = row_label(fmt, first) or "", f"小计“{subtotal.label}”"
        name, anchor = f"{table}“{row}”×{column}", CellKey(first.table, first.row, "")
    terms = _terms(fmt, anchor, [(k, 1) for k in subtotal.parts], numbers)
    return Finding.at(
        subtotal.value.place,
        rule="R6",
        type="subtotal-mismatch",
        severity=Severity.ERROR,
        message=f"{name}应为 {number_text(expected)}（= {terms}），实为 {number_text(actual)}",
        table=table,
        row_label=row,
        column_label=column,
        expected=number_text(expected),
        actual=number_text(actual),
        cells=_places(values, subtotal.parts),
    )


def _at_cell(
    fmt: Format,
    values: Values,
    key: CellKey,
    *,
    rule: str,
    type_: str,
    severity: Severity,
    message: str,
    expected: str,
    actual: str,
    others: tuple[CellKey, ...],
) -> Finding:
    """A finding placed at ``key``'s cell, with its table, row and column labels."""
    value = values.get(key)
    return Finding.at(
        value.place if value is not None else None,
        rule=rule,
        type=type_,
        severity=severity,
        message=message,
        table=table_name(fmt, key.table),
        row_label=row_label(fmt, key),
        column_label=column_label(fmt, key),
        expected=expected,
        actual=actual,
        cells=_places(values, others),
    )


def _places(values: Values, keys: Iterable[CellKey]) -> tuple[str, ...]:
    return tuple(p for p in (values.place(k) for k in keys) if p is not None)


def _terms(
    fmt: Format, target: CellKey, signed: list[tuple[CellKey, int]], numbers: dict[CellKey, Number]
) -> str:
    """``“一、…” 5 + “二、…” 1 − “（七）总计” 3``; a long sum names only its non-zero terms."""
    if len(signed) <= MAX_TERMS:
        text = " ".join(
            f"{'−' if sign < 0 else '+'} {term_name(fmt, key, target)} {number_text(numbers[key])}"
            for key, sign in signed
        )
        return text.removeprefix("+ ")
    nonzero = [(k, s) for k, s in signed if numbers[k] != 0]
    head = f"{len(signed)} 项之和"
    if not nonzero:
        return f"{head}，各项均为 0"
    listed = "、".join(
        f"{term_name(fmt, k, target)} {'−' if s < 0 else ''}{number_text(numbers[k])}"
        for k, s in nonzero[:MAX_TERMS]
    )
    return f"{head}，其中非零项：{listed}{'等' if len(nonzero) > MAX_TERMS else ''}"
