"""Amounts in one unit: gb2019's 采购总金额 is given in 万元 by some bodies and in 元 by others.

Conversion is exact (a power of ten on a Decimal), never through float.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from ..formats import CellKey, Column, Format
from ..model import Number
from .children import Child

# Powers of ten of the money units a format may leave to the workbook.
_EXPONENT = {"元": 0, "万元": 4, "亿元": 8}


def convert(value: Number, unit: str, to: str) -> Number:
    """``value`` given in ``unit``, expressed in ``to``, exactly."""
    if unit == to or not value:
        return value
    shift = _EXPONENT[unit] - _EXPONENT[to]
    exact = Decimal(value).scaleb(shift)
    return int(exact) if exact == exact.to_integral_value() else exact


def unit_columns(fmt: Format) -> dict[CellKey, Column]:
    """The cells whose unit the workbook gives, with their column."""
    columns = {c.key: c for c in fmt.unit_columns()}
    return {k: columns[k.column] for k in fmt.cell_keys() if k.column in columns}


def unknown_units(fmt: Format, child: Child) -> list[Column]:
    """The columns where ``child`` has an amount but states no unit (or one we cannot convert)."""
    return [
        column
        for key, column in unit_columns(fmt).items()
        if child.number(key) and child.units.get(column.unit_label or "") not in _EXPONENT
    ]


def common_units(fmt: Format, children: Iterable[Child]) -> dict[str, str]:
    """The unit of each such column in the sum: the one every child with an amount uses, else the
    format's first (万元); keyed by unit label."""
    children = list(children)
    used: dict[str, set[str]] = {}
    defaults: dict[str, str] = {}
    for key, column in unit_columns(fmt).items():
        label = column.unit_label or ""
        defaults[label] = column.units[0]
        used.setdefault(label, set()).update(
            c.units[label] for c in children if c.number(key) and label in c.units
        )
    return {label: units.pop() if len(units) == 1 else defaults[label] for label, units in used.items()}


def in_units(fmt: Format, child: Child, units: Mapping[str, str]) -> dict[CellKey, Number]:
    """The child's values with its amounts expressed in ``units``."""
    columns = unit_columns(fmt)
    out = dict(child.values)
    for key, column in columns.items():
        label = column.unit_label or ""
        if key in out and label in child.units and label in units:
            out[key] = convert(out[key], child.units[label], units[label])
    return out
