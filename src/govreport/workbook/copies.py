"""One rule for every part of a workbook that more than one sheet could hold (a statutory table, a
narrative section, a detail): Excel's 建立副本 puts ``表三 (2)`` before the original, and offices keep
last year's sheet beside this year's. The sheet named exactly for the part wins, and the other candidates
are named in a warning; when no single sheet is so named the choice is an error naming every candidate,
so nothing is built from a sheet picked by chance."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..model import Finding, Severity
from .labels import norm
from .sheets import Sheet

MAX_NAMED = 5  # candidates listed in a message before "…等N个"


def choose_sheet(
    candidates: Sequence[Sheet], names: Collection[str], what: str, *, strict: bool = True
) -> tuple[Sheet | None, list[Finding]]:
    """The sheet to read ``what`` from, among ``candidates`` (in workbook order), and the finding the
    choice needs. ``names`` are the sheet names that say what the sheet is for (compared normalised).
    Not ``strict`` (a single detail such as 机关名称 written on a cover sheet too), an unresolved
    choice is a warning and the first sheet is read, as before the rule."""
    unique = list({id(s): s for s in candidates}.values())
    if len(unique) <= 1:
        return (unique[0] if unique else None), []
    wanted = {norm(n) for n in names}
    named = [s for s in unique if norm(s.name) in wanted]
    listed = _names(unique)
    if len(named) == 1:
        chosen = named[0]
        message = (
            f"工作簿中有{len(unique)}个工作表含有{what}：{listed}，已使用以其命名的工作表“{chosen.name}”；"
            "如其他工作表是副本或往年的表，请删除"
        )
        finding = Finding(
            "M4",
            "sheet-copy",
            Severity.WARNING,
            message,
            chosen.name,
            None,
            expected=chosen.name,
            actual=listed,
        )
        return chosen, [finding]
    if not strict:
        message = (
            f"工作簿中有{len(unique)}个工作表含有{what}且内容不同：{listed}，已使用第一个“{unique[0].name}”；"
            "请核对，并删除多余的副本"
        )
        finding = Finding(
            "M4",
            "sheet-copy",
            Severity.WARNING,
            message,
            unique[0].name,
            None,
            expected=unique[0].name,
            actual=listed,
        )
        return unique[0], [finding]
    suggested = "或".join(f"“{n}”" for n in list(dict.fromkeys(names))[:2])
    message = (
        f"工作簿中有{len(unique)}个工作表含有{what}：{listed}，无法确定应使用哪一个；"
        f"请删除多余的副本，或把要使用的工作表命名为{suggested}"
    )
    finding = Finding("M4", "sheet-ambiguous", Severity.ERROR, message, unique[0].name, None, actual=listed)
    return unique[0], [finding]


def _names(sheets: Sequence[Sheet]) -> str:
    shown = "".join(f"“{s.name}”" for s in sheets[:MAX_NAMED])
    more = len(sheets) - MAX_NAMED
    return f"{shown}等{len(sheets)}个" if more > 0 else shown
