"""Table values from the located cells: numbers by kind, formulas computed, blanks counted, blank
totals derived from their parts, and a finding at every cell that is not a valid number."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ..formats import CellKey, Format, Kind
from ..model import Finding, Number, Place, Severity, Value
from ..totals import derive_totals
from .computed import (
    Uncomputed,
    Work,
    evaluate_cell,
    first_uncomputed,
    is_formula,
    sums_implausible,
    texts_summed,
)
from .formulas import FormulaError
from .locate import Spot
from .sheets import Pos, Sheet
from .values import Parsed, is_blank, parse, quoted, to_decimal

Cached = Callable[[list[tuple[str, Pos]]], dict[tuple[str, Pos], object]]
BLANKS_SHOWN = 5


@dataclass(frozen=True)
class Shape:
    """Per-format facts the reader needs for every cell, computed once per format."""

    keys: tuple[CellKey, ...]
    kinds: dict[CellKey, Kind]
    totals: frozenset[CellKey]


_SHAPES: dict[str, Shape] = {}


def shape(fmt: Format) -> Shape:
    if fmt.id not in _SHAPES:
        keys = tuple(fmt.cell_keys())
        _SHAPES[fmt.id] = Shape(keys, {k: fmt.kind_of(k) for k in keys}, frozenset(fmt.total_keys()))
    return _SHAPES[fmt.id]


@dataclass
class Cells:
    """What the reader knows about one value cell before totals are settled."""

    values: dict[CellKey, Value] = field(default_factory=dict)
    blank_totals: list[CellKey] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def read_values(fmt: Format, spots: dict[str, Spot], sheets: list[Sheet], cached: Cached) -> Cells:
    """Every value of ``fmt``; ``cached`` gives Excel's cached results for formulas we cannot compute."""
    located = list(_located(fmt, spots))
    raws = _raw_values(located, sheets, cached)
    texts = {(sheet.name, pos) for key, sheet, pos in located if _number_as_text(raws[key][1])}
    as_text = texts_summed(((sheet, pos) for _, sheet, pos in located), texts)
    uncomputed = {
        sheet.place(pos): (sheet, pos) for key, sheet, pos in located if isinstance(raws[key][0], Uncomputed)
    }
    causes = first_uncomputed(uncomputed)
    skipping = {place for places in as_text.values() for place in places}
    out = Cells()
    blanks: dict[str, list[Place]] = {}
    facts = shape(fmt)
    totals, kinds = facts.totals, facts.kinds
    for key in facts.keys:
        spot = spots[key.table]
        pos = spot.cells.get(key)
        if pos is None or spot.sheet is None:
            out.values[key] = Value(None)
            continue
        place = spot.sheet.place(pos)
        raw, shown = raws[key]
        if isinstance(raw, Uncomputed):
            out.values[key] = Value(None, place, shown)
            if place in causes:
                out.findings.append(_uncomputed_finding(fmt, key, place, shown))
            continue
        if place in skipping:  # its formula skipped a number stored as text: that cell has the finding
            out.values[key] = Value(None, place, shown)
            continue
        if (spot.sheet.name, pos) in as_text:
            parsed = parse(raw, kinds[key])
            out.values[key] = Value(parsed.number, place, shown, unusable=True)
            out.findings.append(_as_text_finding(fmt, key, place, shown, as_text[(spot.sheet.name, pos)]))
            continue
        if is_blank(raw):
            if key in totals:
                out.blank_totals.append(key)
                out.values[key] = Value(None, place, shown)
            else:
                blanks.setdefault(key.table, []).append(place)
                out.values[key] = Value(Decimal(0) if kinds[key] is Kind.AMOUNT else 0, place, shown)
            continue
        parsed = parse(raw, kinds[key])
        out.values[key] = Value(parsed.number, place, shown, unusable=parsed.problem is not None)
        if parsed.problem == "implausible-number" and sums_implausible(spot.sheet, pos):
            continue  # a total of an implausible number: the number's own cell has the finding
        if parsed.problem:
            out.findings.append(cell_finding(fmt, key, place, shown, parsed))
    _settle_totals(fmt, out)
    out.findings.extend(_blank_findings(fmt, blanks))
    return out


def _number_as_text(raw: object) -> bool:
    return isinstance(raw, str) and not is_formula(raw) and to_decimal(raw) is not None


def _raw_values(
    located: list[tuple[CellKey, Sheet, Pos]], sheets: list[Sheet], cached: Cached
) -> dict[CellKey, tuple[object, object]]:
    """(value to parse, value as written) per located key; formulas are computed here."""
    by_name = {s.name: s for s in sheets}
    work = Work()
    out: dict[CellKey, tuple[object, object]] = {}
    pending: dict[CellKey, tuple[str, Pos]] = {}
    for key, sheet, pos in located:
        raw = sheet.value(*pos)
        if is_formula(raw):
            try:
                out[key] = (evaluate_cell(sheet, pos, by_name, work), raw)
            except FormulaError:
                pending[key] = (sheet.name, pos)
        elif (
            raw is not None
            and not isinstance(raw, str | int | float | Decimal | bool)
            and not hasattr(raw, "year")
        ):
            pending[key] = (sheet.name, pos)  # array formulas and other objects
        else:
            out[key] = (raw, raw)
    if pending:
        results = cached(list(pending.values()))
        for key, where in pending.items():
            value = results.get(where)
            shown = _shown(by_name.get(where[0]), where[1])
            out[key] = (Uncomputed(shown) if is_blank(value) else value, shown)
    return out


def _shown(sheet: Sheet | None, pos: Pos) -> object:
    value = sheet.value(*pos) if sheet else None
    return value if isinstance(value, str | int | float | Decimal | type(None)) else str(value)


def _located(fmt: Format, spots: dict[str, Spot]) -> Iterator[tuple[CellKey, Sheet, Pos]]:
    for key in shape(fmt).keys:
        spot = spots[key.table]
        pos = spot.cells.get(key)
        if pos is not None and spot.sheet is not None:
            yield key, spot.sheet, pos


def _settle_totals(fmt: Format, out: Cells) -> None:
    """Blank totals take the sum of their parts (a warning each); a total whose parts are not all
    numbers stays None."""
    if not out.blank_totals:
        return
    numbers: dict[CellKey, Number | None] = {
        k: v.number for k, v in out.values.items() if k not in out.blank_totals
    }
    derived = derive_totals(fmt, numbers)
    for key in out.blank_totals:
        old = out.values[key]
        number = derived.get(key)
        formula = is_formula(old.raw)
        out.values[key] = Value(number, old.place, old.raw, derived=number is not None and not formula)
        if number is not None and not formula and old.place is not None:
            out.findings.append(_derived_finding(fmt, key, old.place, number))


def describe(fmt: Format, key: CellKey) -> tuple[str, str, str]:
    """(table name, row label, column label) as a clerk reads them."""
    table = fmt.table(key.table)
    row = table.row(key.row)
    column = table.column(key.row, key.column)
    labels = [c.label for b in table.blocks for c in b.columns]
    col_label = (
        column.label
        if labels.count(column.label) == 1 or not column.path
        else "/".join((*column.path, column.label))
    )
    return f"表{table.section}", row.label or row.key, col_label


def _where(fmt: Format, key: CellKey) -> str:
    table, row, column = describe(fmt, key)
    return f"{table}“{row}”行“{column}”列" if row else f"{table}“{column}”列"


_PROBLEM_TEXT = {
    "not-a-number": "不是数字；没有发生的请填0，不要填“—”“/”“无”等文字",
    "not-a-whole-number": "不是整数；件数只能填整数",
    "negative-value": "是负数；件数和金额不能为负数",
    "implausible-number": "超出合理范围（不是可能的件数或金额），请核对是否误填或粘贴错误",
}


def cell_finding(fmt: Format, key: CellKey, place: Place, shown: object, parsed: Parsed) -> Finding:
    problem = parsed.problem or "not-a-number"
    message = f"{_where(fmt, key)}（{place}）填写的“{quoted(shown)}”{_PROBLEM_TEXT[problem]}"
    expected = {Kind.AMOUNT: "不小于0的数字", Kind.SIGNED: "整数"}.get(fmt.kind_of(key), "0或正整数")
    return _at_value(fmt, key, place, problem, Severity.ERROR, message, expected, quoted(shown))


def _uncomputed_finding(fmt: Format, key: CellKey, place: Place, shown: object) -> Finding:
    message = (
        f"{_where(fmt, key)}（{place}）的公式“{quoted(shown)}”没有保存计算结果，本程序也无法计算"
        "（如IF、乘方、外部链接、循环引用），不能按0计算；请在Excel中打开并保存后再校验"
    )
    return _at_value(
        fmt,
        key,
        place,
        "formula-not-computed",
        Severity.ERROR,
        message,
        "有计算结果的公式或数字",
        quoted(shown),
    )


def _as_text_finding(
    fmt: Format, key: CellKey, place: Place, shown: object, formulas: list[Place]
) -> Finding:
    cells = "、".join(str(p) for p in formulas[:3]) + ("等" if len(formulas) > 3 else "")
    message = (
        f"{_where(fmt, key)}（{place}）的“{quoted(shown)}”是以文本形式保存的数字，"
        f"合计公式（{cells}）在Excel中不计入它；请把该单元格设为数值格式后重新输入"
    )
    return _at_value(
        fmt, key, place, "number-as-text", Severity.ERROR, message, "数值", f"文本“{quoted(shown)}”"
    )


def _derived_finding(fmt: Format, key: CellKey, place: Place, number: Number) -> Finding:
    message = f"{_where(fmt, key)}的总计单元格（{place}）为空，已按分项之和推算为{number}，请填写"
    return _at_value(fmt, key, place, "total-derived", Severity.WARNING, message, str(number), "空白")


def _at_value(
    fmt: Format,
    key: CellKey,
    place: Place,
    type_: str,
    severity: Severity,
    message: str,
    expected: str,
    actual: str,
) -> Finding:
    """An R5 finding at a table value's cell, with the value's table, row and column labels."""
    _, row, column = describe(fmt, key)
    return Finding.at(
        place,
        rule="R5",
        type=type_,
        severity=severity,
        message=message,
        table=key.table,
        row_label=row,
        column_label=column,
        expected=expected,
        actual=actual,
    )


def _blank_findings(fmt: Format, blanks: dict[str, list[Place]]) -> list[Finding]:
    findings = []
    for table_id, places in blanks.items():
        name = f"表{fmt.table(table_id).section}"
        shown = "、".join(p.cell for p in places[:BLANKS_SHOWN]) + (
            "等" if len(places) > BLANKS_SHOWN else ""
        )
        findings.append(
            Finding(
                rule="R5",
                type="blank-cells",
                severity=Severity.WARNING,
                message=f"{name}有{len(places)}个空白单元格已按0计算（{places[0].sheet}!{shown}），没有发生的请填0",
                sheet=places[0].sheet,
                cell=places[0].cell,
                table=table_id,
                expected="0",
                actual="空白",
                cells=tuple(str(p) for p in places),
            )
        )
    return findings
