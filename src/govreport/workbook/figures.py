"""Items published by column (issue 6), found by label on any sheet: a header row with a 栏目 label and a
条数 label to its right, the rows below it (down to a 合计 row, another label block or a run of blank
rows), and the settings 图表标题 / 位置 / 渠道 in the few rows above the header."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from ..formats import Kind
from ..model import FIGURE_PLACE, Finding, Place, PublishedItems, Severity, Value
from ..text import clean_text
from . import names
from .copies import choose_sheet
from .formulas import FormulaError, evaluate
from .labels import norm, norm_cell
from .nearby import value_near
from .sheets import Pos, Sheet
from .values import Parsed, is_blank, parse, quoted

SETTINGS_ABOVE = 5  # rows above the header searched for 图表标题 / 位置 / 渠道
BLANK_RUN = 3  # blank rows that end a list unless a 合计 row or another counted column follows
RIGHT = 3  # how far right of 栏目 the 条数 header may be
CAPTION_CHARS = 60  # a chart title longer than this takes lines of its own (the usual one has 15)

_COLUMN = frozenset(norm(x) for x in names.COLUMN_LABELS)
_COUNT = frozenset(norm(x) for x in names.COUNT_LABELS)
_TOTAL = frozenset(norm(x) for x in names.TOTAL_LABELS)
_CAPTION = frozenset(norm(x) for x in names.CAPTION_LABELS)
_PLACE = frozenset(norm(x) for x in names.PLACE_LABELS)
_CHANNEL = frozenset(norm(x) for x in names.CHANNEL_LABELS)
_SETTING_LABELS = _CAPTION | _PLACE | _CHANNEL

_PROBLEM_TEXT = {
    "not-a-number": "不是数字；没有发布的请填0，不要填“—”“/”“无”等文字",
    "not-a-whole-number": "不是整数；条数只能填整数",
    "negative-value": "是负数；条数不能为负数",
    "implausible-number": "超出合理范围（不是可能的条数），请核对是否误填或粘贴错误",
}


def figure_labels() -> set[str]:
    """Labels of these blocks that are never a value elsewhere."""
    return set(_COLUMN | _COUNT | _SETTING_LABELS | _TOTAL)


def read_figures(sheets: list[Sheet], known: Collection[str]) -> tuple[list[PublishedItems], list[Finding]]:
    """Every 栏目 | 条数 block with at least one item, in sheet and reading order. Blocks for the same
    channel and place on several sheets are copies (栏目信息发布 (2)): only the sheet the rule for copies
    chooses (copies.py) is read."""
    stop = set(known) | figure_labels()
    found: list[tuple[Sheet, PublishedItems, list[Finding]]] = []
    for sheet in sheets:
        for head, count_col in _headers(sheet):
            own: list[Finding] = []
            figure = _block(sheet, head, count_col, stop, own)
            if figure is not None:
                found.append((sheet, figure, own))
    kept, findings = _without_copies(found)
    return [f for _, f, _ in kept], findings + [x for _, _, own in kept for x in own]


def _without_copies(
    found: list[tuple[Sheet, PublishedItems, list[Finding]]],
) -> tuple[list[tuple[Sheet, PublishedItems, list[Finding]]], list[Finding]]:
    findings: list[Finding] = []
    dropped: set[int] = set()
    groups: dict[tuple[str, str], list[Sheet]] = {}
    for sheet, figure, _ in found:
        groups.setdefault((figure.channel, figure.place), []).append(sheet)
    for group in groups.values():
        if len({id(s) for s in group}) > 1:
            chosen, chose = choose_sheet(group, (names.FIGURES,), f"“{names.FIGURES}”")
            findings += chose
            dropped |= {id(s) for s in group if s is not chosen}
    return [entry for entry in found if id(entry[0]) not in dropped], findings


def _headers(sheet: Sheet) -> list[tuple[Pos, int]]:
    """(栏目 header cell, 条数 column) for every header row of the sheet."""
    out = []
    for label in _COLUMN:
        for r, c in sheet.find(label):
            count_col = next((cc for cc in range(c + 1, c + 1 + RIGHT) if sheet.label(r, cc) in _COUNT), None)
            if count_col is not None:
                out.append(((r, c), count_col))
    return sorted(out)


def _block(
    sheet: Sheet, head: Pos, count_col: int, stop: set[str], findings: list[Finding]
) -> PublishedItems | None:
    r0, col = head
    items: list[tuple[str, Value]] = []
    total: Value | None = None
    blanks = 0
    for r in range(r0 + 1, len(sheet.rows)):
        label, raw = sheet.value(r, col), sheet.value(r, count_col)
        text = norm_cell(label)
        if text in _TOTAL:
            total = _total(sheet, (r, count_col))
            break
        if text in stop or norm_cell(raw) in stop:
            break
        if is_blank(label) and is_blank(raw):
            blanks += 1
            if blanks >= BLANK_RUN and not _resumes(sheet, r + 1, col, count_col, stop):
                break
            continue
        blanks = 0
        name = clean_text(str(label)).strip() if not is_blank(label) else ""
        items.append((name, _count(sheet, (r, count_col), name, findings)))
    if not items:
        return None
    caption, place, channel, caption_at = _settings(sheet, head)
    if len(caption) > CAPTION_CHARS and caption_at is not None:
        findings.append(_long_caption(sheet.place(caption_at), caption))
    return PublishedItems(tuple(items), caption, place or FIGURE_PLACE, channel, total, sheet.place(head))


def _resumes(sheet: Sheet, first: int, col: int, count_col: int, stop: set[str]) -> bool:
    """After a run of blank rows the list goes on when a 合计 row or a column with a count follows
    before anything else labelled: items below blank rows are still charted, the 合计 still checked."""
    for r in range(first, len(sheet.rows)):
        text, raw = norm_cell(sheet.value(r, col)), sheet.value(r, count_col)
        if text in _TOTAL:
            return True
        if text in stop or norm_cell(raw) in stop:
            return False
        if not is_blank(label := sheet.value(r, col)) and not is_blank(raw):
            return parse(raw, Kind.COUNT).number is not None and not isinstance(label, int | float)
    return False


def _settings(sheet: Sheet, head: Pos) -> tuple[str, str, str, Pos | None]:
    """图表标题, 位置 and 渠道 from the rows just above the header (empty when absent), and the cell of
    the 图表标题; a formula left uncalculated counts as empty."""
    found = {"caption": "", "place": "", "channel": ""}
    caption_at: Pos | None = None
    r0 = head[0]
    for r in range(max(0, r0 - SETTINGS_ABOVE), r0):
        for c, value in enumerate(sheet.rows[r] if r < len(sheet.rows) else ()):
            text = norm_cell(value)
            key = (
                "caption"
                if text in _CAPTION
                else "place"
                if text in _PLACE
                else "channel"
                if text in _CHANNEL
                else None
            )
            if key is None:
                continue
            near = value_near(sheet, (r, c), _SETTING_LABELS | _COLUMN)
            if near is not None and near[1][0] == r:
                written = near[0]
                if not (isinstance(written, str) and written.startswith("=")):
                    found[key] = clean_text(str(written)).strip()
                    caption_at = near[1] if key == "caption" else caption_at
    place = found["place"].replace("(", "（").replace(")", "）").replace(" ", "")
    return found["caption"], place, found["channel"], caption_at


def _long_caption(place: Place, caption: str) -> Finding:
    message = (
        f"图表标题（{place}）共{len(caption)}字，超过{CAPTION_CHARS}字，"
        "在报告中会占去多行甚至超出图表，请精简"
    )
    return Finding.at(
        place,
        rule="F1",
        type="caption-too-long",
        severity=Severity.WARNING,
        message=message,
        expected=f"不超过{CAPTION_CHARS}字",
        actual=f"{len(caption)}字",
    )


def _count(sheet: Sheet, pos: Pos, label: str, findings: list[Finding]) -> Value:
    raw = sheet.value(*pos)
    place = sheet.place(pos)
    if is_blank(raw):
        findings.append(_finding(place, label, "空白", Parsed(0, "blank-cells")))
        return Value(0, place, raw)
    number = _formula(sheet, raw)
    parsed = parse(number if number is not None else raw, Kind.COUNT)
    if parsed.problem:
        findings.append(_finding(place, label, raw, parsed))
    return Value(parsed.number, place, raw)


def _total(sheet: Sheet, pos: Pos) -> Value | None:
    """A 合计 the workbook states as a number; a formula (ours: =SUM) states nothing of its own."""
    raw = sheet.value(*pos)
    if pos in sheet.formulas or is_blank(raw) or (isinstance(raw, str) and raw.startswith("=")):
        return None
    parsed = parse(raw, Kind.COUNT)
    return Value(parsed.number, sheet.place(pos), raw) if parsed.number is not None else None


def _formula(sheet: Sheet, raw: object) -> Decimal | None:
    """A formula never calculated (written by a script), computed over this sheet's cells."""
    if not (isinstance(raw, str) and raw.startswith("=") and len(raw) > 1):
        return None

    def lookup(name: str | None, row: int, col: int) -> object:
        if name is not None and name != sheet.name:
            raise FormulaError(f"no sheet {name}")
        value = sheet.value(row - 1, col - 1)
        if isinstance(value, str) and value.startswith("="):
            raise FormulaError("nested formula")
        return value

    try:
        return evaluate(raw, lookup)
    except FormulaError:
        return None


def _finding(place: Place, label: str, shown: object, parsed: Parsed) -> Finding:
    problem = parsed.problem or "not-a-number"
    what = f"“{label}”栏目" if label else "栏目"
    if problem == "blank-cells":
        message = f"{what}的条数（{place}）为空，已按0计算，没有发布的请填0"
        severity, expected = Severity.WARNING, "0"
    else:
        message = f"{what}的条数（{place}）填写的“{quoted(shown)}”{_PROBLEM_TEXT[problem]}"
        severity, expected = Severity.ERROR, "0或正整数"
    return Finding.at(
        place,
        rule="R5",
        type=problem,
        severity=severity,
        message=message,
        row_label=label or None,
        column_label=names.ITEM_COUNT,
        expected=expected,
        actual=quoted(shown),
    )
