"""Parts shared word for word by the national formats of 2019 and 2021.

Sources: 国办公开办函〔2021〕30号 附件 (S1/S4 in ``spec/statutory-format.md``) and 国办公开办函〔2019〕60号 (S2).
Table 三 is identical in both down to row （五）; table 四 is identical; the rules R1–R4 and X1 have the same
shape. Each format module states its own differences on top of these.
"""

from __future__ import annotations

from .types import Block, CellKey, Column, Equation, KeyFigure, Row, SubtotalRule

# Section 一's five parts by meaning, in order: words an office's own wording of each part contains.
SUBHEADING_MEANINGS = (("主动公开",), ("依申请",), ("管理",), ("平台",), ("监督", "保障"))

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COLUMN_HEADER = "申请人情况"
T3_ORG_GROUP = "法人或其他组织"
T3_APPLICANTS: tuple[Column, ...] = (
    Column("自然人", "自然人", (T3_COLUMN_HEADER,)),
    *(
        Column(label, label, (T3_COLUMN_HEADER, T3_ORG_GROUP))
        for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    ),
)
T3_TOTAL_COLUMN = Column("总计", "总计", (T3_COLUMN_HEADER,))
T3_COLUMNS = (*T3_APPLICANTS, T3_TOTAL_COLUMN)

RESULTS = "三、本年度办理结果"
T3_RECEIVED = Row("一", "一、本年新收政府信息公开申请数量")
T3_CARRIED_IN = Row("二", "二、上年结转政府信息公开申请数量")
T3_RESULT_TOTAL = Row("（七）", "（七）总计", (RESULTS,))
T3_CARRIED_OUT = Row("四", "四、结转下年度继续办理")


def _sub_rows(group: str, labels: tuple[str, ...]) -> tuple[Row, ...]:
    """Rows ``1.…`` under a merged group label such as ``（三）不予公开``; keys like ``（三）1``."""
    number = group[: group.index("）") + 1]
    return tuple(Row(f"{number}{i}", label, (RESULTS, group)) for i, label in enumerate(labels, 1))


# The result rows （一）…（五）, the same in both formats.
T3_RESULTS_COMMON: tuple[Row, ...] = (
    Row("（一）", "（一）予以公开", (RESULTS,)),
    Row("（二）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (RESULTS,)),
    *_sub_rows(
        "（三）不予公开",
        (
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        ),
    ),
    *_sub_rows(
        "（四）无法提供",
        ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"),
    ),
    *_sub_rows(
        "（五）不予处理",
        (
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
        ),
    ),
)

# gb2021 splits （六）其他处理 into three sub-rows; gb2019 keeps it as one row.
T3_OTHER_2021 = _sub_rows(
    "（六）其他处理",
    (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ),
)
T3_OTHER_2019 = (Row("（六）", "（六）其他处理", (RESULTS,)),)


def table3_block(other_rows: tuple[Row, ...]) -> Block:
    rows = (T3_RECEIVED, T3_CARRIED_IN, *T3_RESULTS_COMMON, *other_rows, T3_RESULT_TOTAL, T3_CARRIED_OUT)
    return Block(columns=T3_COLUMNS, rows=rows, corner_note=T3_NOTE)


T4_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结")
T4_GROUPS: tuple[tuple[str, ...], ...] = (
    ("行政复议",),
    ("行政诉讼", "未经复议直接起诉"),
    ("行政诉讼", "复议后起诉"),
)
T4_ROW = Row("案件数", "")
T4_BLOCK = Block(
    columns=tuple(
        Column("/".join((*group, leaf)), leaf, group)
        for group in T4_GROUPS
        for leaf in (*T4_OUTCOMES, "总计")
    ),
    rows=(T4_ROW,),
)


def t3(row: str, column: str) -> CellKey:
    return CellKey("t3", row, column)


def table3_rules(result_rows: tuple[Row, ...], source: str) -> tuple[Equation, ...]:
    """R1 (the printed 勾稽 note), R2 (row totals) and R3 (result totals) over table 三."""
    rows = (T3_RECEIVED, T3_CARRIED_IN, *result_rows, T3_RESULT_TOTAL, T3_CARRIED_OUT)
    applicants = tuple(c.key for c in T3_APPLICANTS)
    r1 = tuple(
        Equation(
            "R1",
            "balance-mismatch",
            target=t3("四", c.key),
            plus=(t3("一", c.key), t3("二", c.key)),
            minus=(t3("（七）", c.key),),
            source=f"{source} 表三勾稽说明：第一项加第二项之和，等于第三项加第四项之和",
        )
        for c in T3_COLUMNS
    )
    r2 = tuple(
        Equation(
            "R2",
            "row-total-mismatch",
            target=t3(r.key, "总计"),
            plus=tuple(t3(r.key, c) for c in applicants),
            total=True,
            source=f"{source} 表三“总计”列：各类申请人之和",
        )
        for r in rows
    )
    r3 = tuple(
        Equation(
            "R3",
            "result-total-mismatch",
            target=t3("（七）", c.key),
            plus=tuple(t3(r.key, c.key) for r in result_rows),
            total=True,
            source=f"{source} 表三“（七）总计”行：各项办理结果之和",
        )
        for c in T3_COLUMNS
    )
    return r1 + r2 + r3


def table4_rules(source: str) -> tuple[Equation, ...]:
    """R4: each group's 总计 is the sum of its four outcomes."""
    return tuple(
        Equation(
            "R4",
            "sum-mismatch",
            target=CellKey("t4", T4_ROW.key, "/".join((*group, "总计"))),
            plus=tuple(CellKey("t4", T4_ROW.key, "/".join((*group, leaf))) for leaf in T4_OUTCOMES),
            total=True,
            source=f"{source} 表四：各组“总计”为结果维持、结果纠正、其他结果、尚未审结之和",
        )
        for group in T4_GROUPS
    )


def carry_over_rules(source: str) -> tuple[Equation, ...]:
    """X1: this year's 上年结转 equals last year's 结转下年度继续办理, column by column."""
    return tuple(
        Equation(
            "X1",
            "carry-over-mismatch",
            target=t3("二", c.key),
            plus=(t3("四", c.key).of_previous_year(),),
            source=f"{source} 表三：本年“上年结转”应等于上年报告“结转下年度继续办理”",
        )
        for c in T3_COLUMNS
    )


def table3_subtotals(result_rows: tuple[Row, ...]) -> tuple[SubtotalRule, ...]:
    """R6: the subtotal rows of the groups （三）…（六） and the 法人或其他组织小计 column that some
    third-party templates carry (spec B §4.2). A group's own label on a row of its own, with numbers,
    is such a subtotal too."""
    rules = []
    for group in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
        rows = tuple(r.key for r in result_rows if r.group[-1:] == (group,))
        if rows:
            name = group[group.index("）") + 1 :]
            labels = (f"{name}小计", f"{group}小计", f"{group[: group.index('）') + 1]}小计", group)
            rules.append(SubtotalRule("t3", labels, rows=rows))
    organisations = tuple(c.key for c in T3_APPLICANTS if T3_ORG_GROUP in c.path)
    rules.append(SubtotalRule("t3", (f"{T3_ORG_GROUP}小计", "法人小计"), columns=organisations))
    return tuple(rules)


def _t4_total(group: tuple[str, ...]) -> CellKey:
    return CellKey("t4", T4_ROW.key, "/".join((*group, "总计")))


# The figures of tables 三 and 四 a county office looks at first, per body, in the roll-up overview.
REQUEST_AND_CASE_FIGURES: tuple[KeyFigure, ...] = (
    KeyFigure("本年新收", (t3(T3_RECEIVED.key, T3_TOTAL_COLUMN.key),)),
    KeyFigure("办结", (t3(T3_RESULT_TOTAL.key, T3_TOTAL_COLUMN.key),)),
    KeyFigure("结转下年", (t3(T3_CARRIED_OUT.key, T3_TOTAL_COLUMN.key),)),
    KeyFigure(T4_GROUPS[0][0], (_t4_total(T4_GROUPS[0]),)),
    KeyFigure(T4_GROUPS[1][0], tuple(_t4_total(g) for g in T4_GROUPS[1:])),
)
