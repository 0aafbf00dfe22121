"""Finding a statutory table on a sheet by its labels, not by fixed addresses.

Row labels are matched in the format's order; each block's header is the nearest header above its first
row; a column label is matched with its group labels (the non-empty header cells above it: a merged group
cell keeps its text in its top-left cell), so table 四's three ``结果维持`` and table 二's repeated
``本年处理决定数量`` each land in the right place. A label that is missing or renamed is a finding; where
its neighbours pin down its place, the value there is still read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..formats import Block, CellKey, Column, Table
from ..model import Finding, Severity
from ..text import visible
from .copies import choose_sheet
from .labels import norm
from .names import TABLE_SHEETS
from .sheets import Pos, Sheet, address

HEADER_SLACK = 2  # rows a header may sit further above its block (a unit line, an empty row)


@dataclass
class Spot:
    """Where one table was found: its sheet, every value cell, the rows of its labels."""

    table: Table
    sheet: Sheet | None = None
    cells: dict[CellKey, Pos] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    label_rows: dict[str, int] = field(default_factory=dict)  # row key -> sheet row
    header_rows: range = range(0)
    value_start: int = 0


# Tables are frozen dataclasses whose hash walks every row and column, so the per-table caches below
# are keyed by identity (the formats' tables live as long as the process) instead of lru_cache.
_LABELS: dict[int, tuple[Table, frozenset[str]]] = {}
_OWN: dict[tuple[int, ...], tuple[tuple[Table, ...], frozenset[str]]] = {}


def labels_of(table: Table) -> frozenset[str]:
    """Every distinct normalised label of the table (rows, columns, groups, captions)."""
    entry = _LABELS.get(id(table))
    if entry is not None and entry[0] is table:
        return entry[1]
    found: set[str] = set()
    for block in table.blocks:
        found.update(norm(r.label) for r in block.rows if r.label)
        found.update(norm(g) for r in block.rows for g in r.group)
        found.update(norm(c.label) for c in block.columns)
        found.update(norm(p) for c in block.columns for p in c.path)
        if block.caption:
            found.add(norm(block.caption))
    if len(_LABELS) >= 64:
        _LABELS.clear()
    _LABELS[id(table)] = (table, frozenset(found))
    return _LABELS[id(table)][1]


def own_labels(table: Table, others: tuple[Table, ...]) -> frozenset[str]:
    """The table's labels that no other table carries (``总计`` is everyone's, ``结果维持`` table 四's)."""
    key = (id(table), *map(id, others))
    entry = _OWN.get(key)
    if entry is not None and all(a is b for a, b in zip(entry[0], (table, *others), strict=True)):
        return entry[1]
    own = labels_of(table).difference(*(labels_of(t) for t in others))
    if len(_OWN) >= 64:
        _OWN.clear()
    _OWN[key] = ((table, *others), own)
    return own


def score(table: Table, sheet: Sheet) -> int:
    return len(labels_of(table) & sheet.index.keys())


def locate(table: Table, sheets: list[Sheet], heading: str, others: Iterable[Table] = ()) -> Spot:
    """The table on the sheet that carries most of its own labels (those no table of ``others`` has);
    a Spot without sheet, and one finding, when no sheet carries any: the table is missing."""
    own = own_labels(table, tuple(t for t in others if t != table))

    def fit(sheet: Sheet) -> tuple[int, int]:
        return len(own & sheet.index.keys()), score(table, sheet)

    best = max(sheets, key=fit, default=None)
    spot = Spot(table)
    if best is None or fit(best)[0] == 0:
        spot.findings.append(_missing_table(table, heading))
        return spot
    # Another sheet carrying most of the table's own labels is a copy (表三 (2), last year's sheet): the
    # sheet named for the table wins, and the choice is a finding (copies.py).
    enough = (fit(best)[0] + 1) // 2
    candidates = [s for s in sheets if fit(s)[0] >= enough]
    if len(candidates) > 1:  # a sheet of labels without a number (填表说明) is no copy of the table
        candidates = [s for s in candidates if s is best or _holds_numbers(s)]
    if len(candidates) > 1:
        best, findings = choose_sheet(
            candidates, _sheet_names(table, heading), f"表{table.section}（{heading}）"
        )
        spot.findings += findings
        assert best is not None
    spot.sheet = best
    cursor = 0
    for block in table.blocks:
        cursor = _block(spot, block, best, cursor)
    return spot


def _block(spot: Spot, block: Block, sheet: Sheet, cursor: int) -> int:
    if block.label_width:
        rows = _match_rows(spot, block, sheet, cursor)
        if not rows:
            return cursor
        value_start = max(c for _, c in rows.values()) + 1
        top = min(r for r, _ in rows.values())
        headers = range(max(cursor, top - block.header_depth - HEADER_SLACK), top)
        columns = _match_columns(spot, block, sheet, headers, value_start)
        data_rows = {key: r for key, (r, _) in rows.items()}
    else:
        columns, headers = _label_free_columns(spot, block, sheet, cursor)
        if not columns:
            return cursor
        value_start = 0
        data_rows = {row.key: max(r for r, _ in columns.values()) + 1 for row in block.rows}
    _caption(spot, block, sheet, headers)
    spot.header_rows, spot.value_start = headers, value_start
    spot.label_rows.update(data_rows)
    for row in block.rows:
        for column in block.columns:
            if row.key in data_rows and column.key in columns:
                spot.cells[CellKey(spot.table.id, row.key, column.key)] = (
                    data_rows[row.key],
                    columns[column.key][1],
                )
    return max(data_rows.values()) + 1


def _holds_numbers(sheet: Sheet) -> bool:
    return any(
        (isinstance(v, int | float) and not isinstance(v, bool)) or (isinstance(v, str) and v.startswith("="))
        for row in sheet.rows
        for v in row
    )


def _sheet_names(table: Table, heading: str) -> tuple[str, ...]:
    """Names a sheet holding ``table`` is given: ours (表三), the section's heading, with or without
    its number."""
    return (TABLE_SHEETS.get(table.id, f"表{table.section}"), heading, heading.split("、", 1)[-1])


# ---- rows -------------------------------------------------------------------------------------------


def _match_rows(spot: Spot, block: Block, sheet: Sheet, cursor: int) -> dict[str, Pos]:
    found: dict[str, Pos] = {}
    last = cursor
    for row in block.rows:
        candidates = [p for p in sheet.find(norm(row.label)) if p[0] >= last]
        if candidates:
            found[row.key] = candidates[0]
            last = candidates[0][0] + 1
    if not found:
        for row in block.rows:
            spot.findings.append(_label_missing(spot, sheet, "行", row.label, None, None))
        return {}
    _infer_rows(spot, block, sheet, found)
    return found


def _infer_rows(spot: Spot, block: Block, sheet: Sheet, found: dict[str, Pos]) -> None:
    """Rows whose label was not found: placed between found neighbours when the count of sheet rows
    between them fits, and reported with the text found there."""
    keys = [r.key for r in block.rows]
    label_cols = max(c for _, c in found.values()) + 1
    for i, row in enumerate(block.rows):
        if row.key in found:
            continue
        before = next(((j, found[keys[j]]) for j in range(i - 1, -1, -1) if keys[j] in found), None)
        after = next(((j, found[keys[j]]) for j in range(i + 1, len(keys)) if keys[j] in found), None)
        at = _between(i, before, after)
        text = _row_text(sheet, at, label_cols) if at is not None else None
        if at is not None and (text or (before and after)):
            found[row.key] = (at, label_cols - 1)
        pos = (at, label_cols - 1) if at is not None else None
        spot.findings.append(_label_missing(spot, sheet, "行", row.label, text, pos))


def _between(i: int, before: tuple[int, Pos] | None, after: tuple[int, Pos] | None) -> int | None:
    if before and after:
        (j0, p0), (j1, p1) = before, after
        return p0[0] + (i - j0) if p1[0] - p0[0] == j1 - j0 else None
    if before:
        return before[1][0] + (i - before[0])
    if after:
        at = after[1][0] - (after[0] - i)
        return at if at >= 0 else None
    return None


def _row_text(sheet: Sheet, r: int, label_cols: int) -> str | None:
    texts = (
        [v for v in sheet.rows[r][:label_cols] if isinstance(v, str) and v.strip()]
        if r < len(sheet.rows)
        else []
    )
    return texts[-1].strip() if texts else None


# ---- columns ----------------------------------------------------------------------------------------


def _match_columns(
    spot: Spot, block: Block, sheet: Sheet, headers: range, value_start: int
) -> dict[str, Pos]:
    found: dict[str, Pos] = {}
    last_col = value_start - 1
    for column in block.columns:
        candidates = [
            p
            for p in sheet.find(norm(column.label))
            if p[0] in headers and p[1] > last_col and p[1] >= value_start
        ]
        pos = _pick(sheet, column, candidates, value_start)
        if pos is not None:
            found[column.key] = pos
            last_col = pos[1]
    _infer_columns(spot, block, sheet, found, headers)
    _check_groups(spot, block, sheet, found, value_start)
    return found


def _pick(sheet: Sheet, column: Column, candidates: list[Pos], left: int) -> Pos | None:
    """The candidate under the right group labels, nearest the data, leftmost."""
    if not candidates:
        return None
    fitting = [
        p for p in candidates if _path(sheet, p, len(column.path), left) == tuple(map(norm, column.path))
    ]
    pool = fitting or candidates
    return min(pool, key=lambda p: (-p[0], p[1]))


def _path(sheet: Sheet, pos: Pos, depth: int, left: int) -> tuple[str, ...]:
    """The group labels above ``pos``: on each of the ``depth`` rows above, the nearest label at or left
    of its column (a merged group label sits in its top-left cell)."""
    labels = []
    r, c = pos
    for k in range(depth, 0, -1):
        label = next((t for cc in range(c, left - 1, -1) if (t := sheet.label(r - k, cc))), "")
        labels.append(label)
    return tuple(labels)


def _infer_columns(spot: Spot, block: Block, sheet: Sheet, found: dict[str, Pos], headers: range) -> None:
    keys = [c.key for c in block.columns]
    for i, column in enumerate(block.columns):
        if column.key in found:
            continue
        before = next(((j, found[keys[j]]) for j in range(i - 1, -1, -1) if keys[j] in found), None)
        after = next(((j, found[keys[j]]) for j in range(i + 1, len(keys)) if keys[j] in found), None)
        at = None
        if (before and after and after[1][1] - before[1][1] == after[0] - before[0]) or (
            before and not after
        ):
            at = (before[1][0], before[1][1] + i - before[0])
        elif after and not before and after[1][1] - (after[0] - i) >= 0:
            at = (after[1][0], after[1][1] - (after[0] - i))
        text = _column_text(sheet, at, headers) if at else None
        if at and (text or (before and after)):
            found[column.key] = at
        spot.findings.append(_label_missing(spot, sheet, "列", column.label, text, at))


def _column_text(sheet: Sheet, at: Pos, headers: range) -> str | None:
    for r in reversed(headers):
        value = sheet.value(r, at[1])
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _check_groups(spot: Spot, block: Block, sheet: Sheet, found: dict[str, Pos], left: int) -> None:
    """One finding per group label missing above a found column."""
    reported: set[str] = set()
    for column in block.columns:
        pos = found.get(column.key)
        if pos is None or not column.path:
            continue
        actual = _path(sheet, pos, len(column.path), left)
        for expected, got in zip(column.path, actual, strict=True):
            if norm(expected) != got and expected not in reported:
                reported.add(expected)
                spot.findings.append(_label_missing(spot, sheet, "列", expected, None, pos))


def _label_free_columns(spot: Spot, block: Block, sheet: Sheet, cursor: int) -> tuple[dict[str, Pos], range]:
    """A block without row labels (table 四): anchored on the first column found under its groups."""
    for column in block.columns:
        candidates = [p for p in sheet.find(norm(column.label)) if p[0] >= cursor]
        fitting = [
            p for p in candidates if _path(sheet, p, len(column.path), 0) == tuple(map(norm, column.path))
        ]
        if fitting:
            anchor = fitting[0][0]
            depth = block.header_depth
            headers = range(max(cursor, anchor - depth), anchor + depth)
            return _match_columns(spot, block, sheet, headers, 0), headers
    for column in block.columns:
        spot.findings.append(_label_missing(spot, sheet, "列", column.label, None, None))
    return {}, range(0)


def _caption(spot: Spot, block: Block, sheet: Sheet, headers: range) -> None:
    if not block.caption or not headers:
        return
    wanted = norm(block.caption)
    window = range(max(0, headers.start - 1), headers.stop)
    if not any(r in window for r, _ in sheet.find(wanted)):
        spot.findings.append(_label_missing(spot, sheet, "标题行", block.caption, None, (headers.start, 0)))


# ---- findings ---------------------------------------------------------------------------------------


def _label_missing(
    spot: Spot, sheet: Sheet, what: str, label: str, found: str | None, pos: Pos | None
) -> Finding:
    name = f"表{spot.table.section}"
    if found and norm(found) != norm(label):
        message = f"{name}的{what}标签应为“{label}”，这里写的是“{visible(found)}”，请改回官方模板的写法"
    else:
        message = f"{name}缺少{what}标签“{label}”（标签必须与官方模板一致）"
    return Finding(
        rule="Q6",
        type="label-missing",
        severity=Severity.ERROR,
        message=message,
        sheet=sheet.name,
        cell=address(pos) if pos else None,
        table=spot.table.id,
        row_label=label if what == "行" else None,
        column_label=label if what != "行" else None,
        expected=label,
        actual=found,
    )


def _missing_table(table: Table, heading: str) -> Finding:
    return Finding(
        rule="Q6",
        type="label-missing",
        severity=Severity.ERROR,
        message=f"没有找到表{table.section}（{heading}），请按官方模板补上这张表（行、列标签须与模板一致）",
        table=table.id,
        expected=heading,
    )
