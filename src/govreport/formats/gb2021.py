"""国办公开办函〔2021〕30号: the format for reports on 2021 and later years.

Labels are copied from the 附件 《中华人民共和国政府信息公开工作年度报告格式》 (spec Part B §2 and
Appendix A); the rules are spec Part B §4 with the severities of Part A.
"""

from __future__ import annotations

from ._national import (
    REQUEST_AND_CASE_FIGURES,
    SUBHEADING_MEANINGS,
    T3_OTHER_2021,
    T3_RESULTS_COMMON,
    T4_BLOCK,
    carry_over_rules,
    t3,
    table3_block,
    table3_rules,
    table3_subtotals,
    table4_rules,
)
from .types import Block, CellKey, Column, Equation, Format, KeyFigure, Kind, Row, Section, Table

SOURCE = "国办公开办函〔2021〕30号"

_DECISIONS = (Column("本年处理决定数量", "本年处理决定数量"),)

TABLE2 = Table(
    "t2",
    "二",
    (
        Block(
            caption="第二十条第（一）项",
            head_label="信息内容",
            columns=(
                Column("本年制发件数", "本年制发件数"),
                Column("本年废止件数", "本年废止件数"),
                Column("现行有效件数", "现行有效件数"),
            ),
            rows=(Row("规章", "规章"), Row("行政规范性文件", "行政规范性文件")),
        ),
        Block(
            caption="第二十条第（五）项",
            head_label="信息内容",
            columns=_DECISIONS,
            rows=(Row("行政许可", "行政许可"),),
        ),
        Block(
            caption="第二十条第（六）项",
            head_label="信息内容",
            columns=_DECISIONS,
            rows=(Row("行政处罚", "行政处罚"), Row("行政强制", "行政强制")),
        ),
        Block(
            caption="第二十条第（八）项",
            head_label="信息内容",
            columns=(Column("本年收费金额", "本年收费金额（单位：万元）", kind=Kind.AMOUNT),),
            rows=(Row("行政事业性收费", "行政事业性收费"),),
        ),
    ),
)

RESULT_ROWS = (*T3_RESULTS_COMMON, *T3_OTHER_2021)
TABLE3 = Table("t3", "三", (table3_block(T3_OTHER_2021),))
TABLE4 = Table("t4", "四", (T4_BLOCK,))


def _stock_rules() -> tuple[Equation, ...]:
    """X2: 现行有效件数 = last year's + 本年制发 − 本年废止 (third-party practice; breaks after clean-ups)."""
    return tuple(
        Equation(
            "X2",
            "stock-mismatch",
            target=CellKey("t2", row, "现行有效件数"),
            plus=(CellKey("t2", row, "现行有效件数", previous=True), CellKey("t2", row, "本年制发件数")),
            minus=(CellKey("t2", row, "本年废止件数"),),
            severity="warning",
            source=f"{SOURCE} 表二第二十条第（一）项：现行有效件数的年度衔接（非官方规则，全面清理当年可能不符）",
        )
        for row in ("规章", "行政规范性文件")
    )


FORMAT = Format(
    id="gb2021",
    notice=SOURCE,
    first_year=2021,
    last_year=None,
    sections=(
        Section(
            "一",
            "一、总体情况",
            subheadings=(
                "（一）主动公开",
                "（二）依申请公开",
                "（三）政府信息管理",
                "（四）政府信息公开平台建设",
                "（五）监督保障",
            ),
            meanings=SUBHEADING_MEANINGS,
        ),
        Section("二", "二、主动公开政府信息情况", table="t2", aliases=("二、行政机关主动公开政府信息情况",)),
        Section(
            "三",
            "三、收到和处理政府信息公开申请情况",
            table="t3",
            aliases=("三、行政机关收到和处理政府信息公开申请情况",),
        ),
        Section(
            "四",
            "四、政府信息公开行政复议、行政诉讼情况",
            table="t4",
            aliases=(
                "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                "四、政府信息公开工作被申请行政复议、提起行政诉讼的情况",
            ),
        ),
        Section(
            "五",
            "五、存在的主要问题及改进情况",
            aliases=("五、政府信息公开工作存在的主要问题及改进情况",),
        ),
        Section("六", "六、其他需要报告的事项"),
    ),
    tables=(TABLE2, TABLE3, TABLE4),
    equations=(
        *table3_rules(RESULT_ROWS, SOURCE),
        *table4_rules(SOURCE),
        *carry_over_rules(SOURCE),
        *_stock_rules(),
    ),
    other_items=("政府信息公开信息处理费收取情况",),
    fee_item="政府信息公开信息处理费收取情况",
    overview_char_limit=1000,
    other_handling=(t3("（六）3", "总计"),),
    result_total=t3("（七）", "总计"),
    subtotals=table3_subtotals(RESULT_ROWS),
    fee_words=("信息处理费", "收费", "收取费用"),
    key_figures=(
        *REQUEST_AND_CASE_FIGURES,
        KeyFigure("规范性文件制发", (CellKey("t2", "行政规范性文件", "本年制发件数"),)),
        KeyFigure("规范性文件现行有效", (CellKey("t2", "行政规范性文件", "现行有效件数"),)),
        KeyFigure("收费金额（万元）", (CellKey("t2", "行政事业性收费", "本年收费金额"),)),
    ),
    placeholders={
        "一": "（文字描述）",
        "五": "（文字描述）",
        "六": "（文字描述，收取信息处理费情况在此处报告。）",
    },
)
