"""Subtotal rows and columns a hand-made workbook carries beside the statutory cells (rule R6 checks
them elsewhere); the labels they may have are format data (``Format.subtotals``)."""

from __future__ import annotations

from ..formats import CellKey, Format, Kind
from ..model import Finding, Subtotal, Value
from .cells import cell_finding
from .labels import norm, norm_cell
from .locate import Spot
from .values import is_blank, parse


def read_subtotals(fmt: Format, spots: dict[str, Spot]) -> tuple[list[Subtotal], list[Finding]]:
    subtotals: list[Subtotal] = []
    findings: list[Finding] = []
    for rule in fmt.subtotals:
        spot = spots.get(rule.table)
        if spot is None or spot.sheet is None or not spot.cells:
            continue
        labels = {norm(label) for label in rule.labels}
        for label, key_parts, pos in _places(spot, labels, rule.rows, rule.columns):
            raw = spot.sheet.value(*pos)
            if is_blank(raw):
                continue
            parsed = parse(raw, Kind.COUNT)
            place = spot.sheet.place(pos)
            value = Value(parsed.number, place, raw, unusable=parsed.problem is not None)
            subtotals.append(Subtotal(label, value, key_parts))
            if parsed.problem:
                findings.append(cell_finding(fmt, key_parts[0], place, raw, parsed))
    return subtotals, findings


def _places(spot: Spot, labels: set[str], rows: tuple[str, ...], columns: tuple[str, ...]):
    """(label as written, parts, cell) for every cell of a subtotal row or column found in ``spot``."""
    sheet, table = spot.sheet, spot.table.id
    assert sheet is not None
    column_at = {k.column: c for k, (_, c) in spot.cells.items()}
    if rows:
        label_rows = set(spot.label_rows.values())
        for r in range(min(label_rows), max(label_rows) + 1):
            if r in label_rows:
                continue
            text = _label_in(sheet.rows[r][: spot.value_start] if r < len(sheet.rows) else ())
            if text and norm(text) in labels:
                for column, c in column_at.items():
                    yield text, tuple(CellKey(table, row, column) for row in rows), (r, c)
    if columns:
        for r in spot.header_rows:
            for c, value in enumerate(sheet.rows[r] if r < len(sheet.rows) else ()):
                if c >= spot.value_start and norm_cell(value) in labels:
                    for row_key, row in spot.label_rows.items():
                        parts = tuple(CellKey(table, row_key, column) for column in columns)
                        yield str(value).strip(), parts, (row, c)


def _label_in(cells: tuple[object, ...]) -> str | None:
    texts = [v for v in cells if isinstance(v, str) and v.strip()]
    return texts[-1].strip() if texts else None
