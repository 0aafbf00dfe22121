"""What the narrative reader did with every non-empty cell it looked at: used (it reaches the report),
ignored for a stated reason (a heading or label of ours, a list's numbering), or reported in a finding.
The reader's promise — nothing the office wrote silently goes missing — is checked against this."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Finding, Severity
from ..text import clean_text
from .formulas import FormulaError
from .sheets import Pos, Sheet
from .text_formulas import evaluate_text
from .values import is_blank, to_decimal

Key = tuple[str, Pos]  # (sheet name, 0-based position)
Cached = Callable[[list[tuple[str, Pos]]], dict[tuple[str, Pos], object]]


@dataclass
class Ledger:
    used: dict[Key, str] = field(default_factory=dict)  # -> the section it went into
    ignored: dict[Key, str] = field(default_factory=dict)  # -> why
    reported: set[Key] = field(default_factory=set)  # named in a finding
    regions: list[tuple[str, int, int]] = field(default_factory=list)  # (sheet, first row, end row)
    whole_sheets: set[str] = field(default_factory=set)  # sheets holding narrative only

    def use(self, sheet: Sheet, pos: Pos, section: str) -> None:
        self.used[(sheet.name, pos)] = section

    def ignore(self, sheet: Sheet, pos: Pos, reason: str) -> None:
        self.ignored[(sheet.name, pos)] = reason

    def accounted(self, key: Key) -> bool:
        return key in self.used or key in self.ignored or key in self.reported


@dataclass
class CellReader:
    """A narrative cell's text: strings cleaned, numbers and dates as they show, formulas Excel never
    calculated computed (text joined with ``&``, references to table cells) or named in a finding —
    never the formula's own text."""

    sheets: list[Sheet]
    ledger: Ledger
    findings: list[Finding]
    cached: Cached | None = None

    def text(self, sheet: Sheet, pos: Pos) -> str | None:
        raw = sheet.value(*pos)
        if is_blank(raw):
            return None
        if isinstance(raw, str) and raw.startswith("=") and len(raw) > 1:
            raw = self._formula(sheet, pos, raw)
            if raw is None:
                return None
        return display(raw)

    def _formula(self, sheet: Sheet, pos: Pos, formula: str) -> object:
        by_name = {s.name: s for s in self.sheets}

        def lookup(name: str | None, row: int, col: int) -> object:
            target = by_name.get(name if name is not None else sheet.name)
            if target is None:
                raise FormulaError(f"no sheet {name}")
            return target.value(row - 1, col - 1)

        try:
            return evaluate_text(formula, lookup)
        except (FormulaError, ArithmeticError, ValueError, RecursionError):
            pass  # outside what we compute (IF, huge numbers …): Excel's cached result, else a finding
        if self.cached is not None:
            value = self.cached([(sheet.name, pos)]).get((sheet.name, pos))
            if not is_blank(value) and not (isinstance(value, str) and value.startswith("=")):
                return value
        self.ledger.reported.add((sheet.name, pos))
        place = sheet.place(pos)
        message = (
            f"{place}是一个没有计算结果的公式（{formula[:60]}），无法得到其文字，报告中不会出现这一单元格的内容；"
            "请在Excel中打开并保存后再生成，或直接填写文字"
        )
        self.findings.append(
            Finding.at(
                place,
                rule="M3",
                type="narrative-formula",
                severity=Severity.WARNING,
                message=message,
                actual=formula[:200],
            )
        )
        return None


def display(raw: object) -> str | None:
    """A cell's value as the clerk sees it: text cleaned, whole numbers without ``.0``, dates as
    YYYY-MM-DD."""
    if isinstance(raw, dt.datetime | dt.date):
        return raw.strftime("%Y-%m-%d")
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        number = to_decimal(raw)
        if number is None or not number.is_finite() or abs(number.adjusted()) > 15:
            return str(raw)  # as Excel would show it, never a number expanded digit by digit
        return str(int(number)) if number == number.to_integral_value() else format(number.normalize(), "f")
    text = clean_text(str(raw))
    return text if text.strip(" \t\n\u3000") else None
