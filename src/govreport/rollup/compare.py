"""An existing parent (hand-made or ours) against its children (rule H1): every statutory cell of the
parent compared with the sum of the children's, each difference one finding at the parent's cell.

When a child could not be summed or an expected body sent nothing, the sum is incomplete and no cell
is compared: those findings say so instead (a check that is unsure stays silent).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ..catalogue import FINDING_TYPES
from ..checks.naming import cell_name, column_label, number_text, row_label, table_name
from ..checks.unusable import unusable_cells
from ..formats import CellKey, Format, Kind, get_format
from ..model import Finding, Number, Report, Severity, Value
from .children import Child
from .select import MISSING, REFUSED, select, source_findings
from .units import in_units, unit_columns

TOP = 3  # contributing children named in a finding


def compare_with_children(
    parent: Report, children: Sequence[Child], *, expected: Sequence[str] | None = None
) -> list[Finding]:
    """Findings on ``parent``: the children's (refused, missing, with errors: H2–H4) and each cell that
    differs from the children's sum (H1). Children with errors are compared as they stand."""
    if parent.year is None:  # the reader has reported it (M1); nothing to match the children with
        return []
    fmt = get_format(parent.format_id)
    sources = select(children, fmt, parent.year, allow_errors=True, expected=expected, parent=parent.name)
    findings = source_findings(sources)
    if any(s.status in (REFUSED, MISSING) for s in sources):
        return [_incomplete(f) if f.is_error else f for f in findings]
    included = [s.child for s in sources if s.included and s.child is not None]
    return findings + _differences(fmt, parent, included)


def _incomplete(finding: Finding) -> Finding:
    return replace(finding, message=f"{finding.message}；下级不全，未逐格核对汇总数")


def _differences(fmt: Format, parent: Report, children: list[Child]) -> list[Finding]:
    labels = [c.unit_label for c in fmt.unit_columns() if c.unit_label]
    units = {label: parent.details[label].text for label in labels if label in parent.details}
    amounts = unit_columns(fmt)
    values = [(child.name, in_units(fmt, child, units)) for child in children]
    findings = []
    unusable = unusable_cells(parent)
    for key in fmt.cell_keys():
        actual = parent.values.get(key)
        if actual is None or actual.number is None or key in unusable:  # the reader has said so
            continue
        column = amounts.get(key)
        if column is not None and (column.unit_label or "") not in units and _any(values, key):
            continue  # the parent gives no unit: its amount cannot be compared
        parts = [(name, v[key]) for name, v in values if v.get(key)]
        expected = sum((n for _, n in parts), 0)
        if not _same(actual.number, expected, fmt.kind_of(key)):
            findings.append(_mismatch(fmt, key, actual, expected, parts))
    return findings


def _any(values: list[tuple[str, dict[CellKey, Number]]], key: CellKey) -> bool:
    return any(v.get(key) for _, v in values)


def _same(actual: Number, expected: Number, kind: Kind) -> bool:
    """Equal; an amount also when the parent rounded the exact sum to the decimals it shows."""
    if actual == expected:
        return True
    if kind is not Kind.AMOUNT or not isinstance(actual, Decimal):
        return False
    exponent = actual.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return False
    return Decimal(expected).quantize(Decimal(1).scaleb(exponent), ROUND_HALF_UP) == actual


def _mismatch(
    fmt: Format, key: CellKey, actual: Value, expected: Number, parts: list[tuple[str, Number]]
) -> Finding:
    """The H1 finding at the parent's cell, naming the children whose numbers are largest."""
    assert actual.number is not None
    parts = sorted(parts, key=lambda p: abs(p[1]), reverse=True)
    if parts:
        top = "、".join(f"{name or '（未填机关名称）'} {number_text(n)}" for name, n in parts[:TOP])
        more = f"等 {len(parts)} 个下级" if len(parts) > TOP else ""
        who = f"；数字来自{top}{more}"
    else:
        who = "；各下级工作簿此格均为0"
    message = (
        f"{cell_name(fmt, key)}应为各下级工作簿之和 {number_text(expected)}，"
        f"实为 {number_text(actual.number)}{who}"
    )
    return Finding.at(
        actual.place,
        rule=FINDING_TYPES["rollup-mismatch"].rule,
        type="rollup-mismatch",
        severity=Severity.ERROR,
        message=message,
        table=table_name(fmt, key.table),
        row_label=row_label(fmt, key),
        column_label=column_label(fmt, key),
        expected=number_text(expected),
        actual=number_text(actual.number),
    )
