"""Names the template gives its sheets and the few labels of its own (not statutory labels: those are
read from the format). The reader looks for the same labels in any sheet."""

from __future__ import annotations

from ..formats import FORMATS

GUIDE = "说明"
DETAILS = "基本信息"
OVERVIEW = FORMATS["gb2021"].section("一").heading  # the same in every format
PROBLEMS = "五、问题与改进"
OTHERS = "六、其他事项"
TABLE_SHEETS = {"t2": "表二", "t3": "表三", "t4": "表四"}

PREAMBLE = "前言"  # optional preamble text on the 基本信息 sheet (Report.narrative["前言"])
INTRO = "总述"  # the opening passage of section 一, before its sub-headings
ITEM_NUMBER, ITEM_NAME, ITEM_TEXT = "序号", "事项", "内容"  # columns of section 六's list
OTHER_ROWS = 8  # rows offered for section 六's sub-items

# The optional sheet of items published by column (issue 6): a block of settings above a 栏目 | 条数 list.
FIGURES = "栏目信息发布"
FIGURE_CAPTION, FIGURE_PLACE, FIGURE_CHANNEL = "图表标题", "位置", "渠道"
ITEM_COLUMN, ITEM_COUNT, ITEM_TOTAL = "栏目", "条数", "合计"
FIGURE_ROWS = 12  # input rows offered for columns
CHANNELS = ("门户网站", "政务新媒体", "其他")
# Header spellings a hand-made sheet may use for the two columns, and the rows that close the list.
COLUMN_LABELS = ("栏目", "栏目名称", "信息类别", "内容分类", "信息分类")
COUNT_LABELS = ("条数", "发布条数", "信息条数", "数量", "发布数量", "条数（条）", "数量（条）")
TOTAL_LABELS = ("合计", "总计", "小计", "共计")
CAPTION_LABELS = ("图表标题", "图标题", "标题")
PLACE_LABELS = ("位置", "图表位置")
CHANNEL_LABELS = ("渠道", "发布渠道")

# The sheet a roll-up (汇总) adds: one line per child workbook, then the total (issue 12).
SOURCES = "汇总来源"
SOURCE_COLUMNS = ("序号", "文件", "机关", "报告年度", "格式", "状态", "说明")
SOURCE_TOTAL = "合计"

# What offices write instead of our labels. 前言 may be labelled 引言; 总述 renamed; section 六's list header
# renamed (the header row is recognised by these words, never required).
PREAMBLE_LABELS = (PREAMBLE, "引言")
INTRO_LABELS = (INTRO, "概述", "综述", "概况", "总体概述", "总述部分")
ITEM_NUMBER_LABELS = ("序号", "编号", "序")
ITEM_NAME_LABELS = ("事项", "项目", "名称", "事项名称", "小标题", "子项", "类别")
ITEM_TEXT_LABELS = ("内容", "具体内容", "主要内容", "情况", "情况说明", "说明", "正文", "填报内容")
