"""Names the template gives its sheets and the few labels of its own (not statutory labels: those are
read from the format). The reader looks for the same labels in any sheet."""

from __future__ import annotations

GUIDE = "说明"
DETAILS = "基本信息"
OVERVIEW = "一、总体情况"
PROBLEMS = "五、问题与改进"
OTHERS = "六、其他事项"
TABLE_SHEETS = {"t2": "表二", "t3": "表三", "t4": "表四"}

PREAMBLE = "前言"  # optional preamble text on the 基本信息 sheet (Report.narrative["前言"])
INTRO = "总述"  # the opening passage of section 一, before its sub-headings
ITEM_NUMBER, ITEM_NAME, ITEM_TEXT = "序号", "事项", "内容"  # columns of section 六's list
OTHER_ROWS = 8  # rows offered for section 六's sub-items
