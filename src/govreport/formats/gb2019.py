"""国办公开办函〔2019〕60号 (试行): the format for reports on 2019 and 2020.

Differences from gb2021 (spec Part B §3): table 二 has five article items with item counts and a signed
本年增/减; table 三's （六）其他处理 is one row; 总体情况 names 平台建设 and has no length limit; section 六
has no fee requirement.
"""

from __future__ import annotations

from ._national import (
    REQUEST_AND_CASE_FIGURES,
    SUBHEADING_MEANINGS,
    T3_OTHER_2019,
    T3_RESULTS_COMMON,
    T4_BLOCK,
    carry_over_rules,
    t3,
    table3_block,
    table3_rules,
    table3_subtotals,
    table4_rules,
)
from .gb2021 import FORMAT as GB2021
from .types import (
    Block,
    CellKey,
    Column,
    Equation,
    Format,
    Inequality,
    KeyFigure,
    Kind,
    Row,
    Section,
    Table,
)

SOURCE = "国办公开办函〔2019〕60号"

_ITEMS = (
    Column("上一年项目数量", "上一年项目数量"),
    Column("本年增/减", "本年增/减", kind=Kind.SIGNED),
)
_ITEMS_AND_DECISIONS = (*_ITEMS, Column("处理决定数量", "处理决定数量"))

TABLE2 = Table(
    "t2",
    "二",
    (
        Block(
            caption="第二十条第（一）项",
            head_label="信息内容",
            columns=(
                Column("本年新制作数量", "本年新制作数量"),
                Column("本年新公开数量", "本年新公开数量"),
                Column("对外公开总数量", "对外公开总数量"),
            ),
            rows=(Row("规章", "规章"), Row("规范性文件", "规范性文件")),
        ),
        Block(
            caption="第二十条第（五）项",
            head_label="信息内容",
            columns=_ITEMS_AND_DECISIONS,
            rows=(Row("行政许可", "行政许可"), Row("其他对外管理服务事项", "其他对外管理服务事项")),
        ),
        Block(
            caption="第二十条第（六）项",
            head_label="信息内容",
            columns=_ITEMS_AND_DECISIONS,
            rows=(Row("行政处罚", "行政处罚"), Row("行政强制", "行政强制")),
        ),
        Block(
            caption="第二十条第（八）项",
            head_label="信息内容",
            columns=_ITEMS,
            rows=(Row("行政事业性收费", "行政事业性收费"),),
        ),
        Block(
            caption="第二十条第（九）项",
            head_label="信息内容",
            columns=(
                Column("采购项目数量", "采购项目数量"),
                Column(
                    "采购总金额",
                    "采购总金额",
                    kind=Kind.AMOUNT,
                    units=("万元", "元"),  # Part B §3.3: no unit in the template, the workbook says which
                    unit_label="采购金额单位",
                ),
            ),
            rows=(Row("政府集中采购", "政府集中采购"),),
        ),
    ),
)

RESULT_ROWS = (*T3_RESULTS_COMMON, *T3_OTHER_2019)
TABLE3 = Table("t3", "三", (table3_block(T3_OTHER_2019),))
TABLE4 = Table("t4", "四", (T4_BLOCK,))

_ITEM_ROWS = ("行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费")


def _item_rules() -> tuple[Equation, ...]:
    """X3: this year's 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减."""
    return tuple(
        Equation(
            "X3",
            "item-count-mismatch",
            target=CellKey("t2", row, "上一年项目数量"),
            plus=(
                CellKey("t2", row, "上一年项目数量", previous=True),
                CellKey("t2", row, "本年增/减", previous=True),
            ),
            severity="warning",
            source=f"{SOURCE} 表二：上一年项目数量的年度衔接（由栏目含义推定）",
        )
        for row in _ITEM_ROWS
    )


def _publication_rules() -> tuple[Inequality, ...]:
    """Q5: 本年新公开数量 ≤ 对外公开总数量, and normally ≤ 本年新制作数量."""
    rules = []
    for row in ("规章", "规范性文件"):
        published = CellKey("t2", row, "本年新公开数量")
        rules.append(
            Inequality("Q5", "publication-implausible", published, CellKey("t2", row, "对外公开总数量"))
        )
        rules.append(
            Inequality("Q5", "publication-implausible", published, CellKey("t2", row, "本年新制作数量"))
        )
    return tuple(rules)


FORMAT = Format(
    id="gb2019",
    notice=SOURCE,
    first_year=2019,
    last_year=2020,
    sections=(
        Section(
            "一",
            "一、总体情况",
            subheadings=(
                "（一）主动公开",
                "（二）依申请公开",
                "（三）政府信息管理",
                "（四）平台建设",
                "（五）监督保障",
            ),
            meanings=SUBHEADING_MEANINGS,
        ),
        *GB2021.sections[1:],
    ),
    tables=(TABLE2, TABLE3, TABLE4),
    equations=(
        *table3_rules(RESULT_ROWS, SOURCE),
        *table4_rules(SOURCE),
        *carry_over_rules(SOURCE),
        *_item_rules(),
    ),
    inequalities=_publication_rules(),
    other_items=(),
    fee_item=None,
    overview_char_limit=None,
    other_handling=(t3("（六）", "总计"),),
    result_total=t3("（七）", "总计"),
    subtotals=table3_subtotals(RESULT_ROWS),
    fee_words=(),
    # 采购总金额's unit is the workbook's (万元 or 元): the overview's header adds the roll-up's unit.
    key_figures=(
        *REQUEST_AND_CASE_FIGURES,
        KeyFigure("规范性文件新制作", (CellKey("t2", "规范性文件", "本年新制作数量"),)),
        KeyFigure("规范性文件对外公开", (CellKey("t2", "规范性文件", "对外公开总数量"),)),
        KeyFigure("采购总金额", (CellKey("t2", "政府集中采购", "采购总金额"),)),
    ),
    placeholders={"一": "（文字描述）", "五": "（文字描述）", "六": "（文字描述）"},
)
