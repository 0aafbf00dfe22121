"""The catalogue of finding types: each kebab-case type with its Chinese title and the rule it belongs to.

Every Finding's ``type`` is one of these keys; the README's findings reference is generated from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FindingType:
    rule: str
    title: str  # short Chinese title shown to clerks
    description: str


_TYPES = (
    FindingType("R1", "本列勾稽不平", "表三每一列：第一项加第二项之和，应等于第三项（七）总计加第四项之和。"),
    FindingType("R2", "行总计不符", "表三每一行：“总计”列应等于各类申请人之和。"),
    FindingType("R3", "办理结果总计不符", "表三“（七）总计”行应等于各项办理结果之和。"),
    FindingType("R4", "复议诉讼总计不符", "表四每组“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。"),
    FindingType("R5", "不是数字", "数值单元格填写了文字、符号等无法识别为数字的内容。"),
    FindingType("R5", "不是整数", "件数只能是整数。"),
    FindingType("R5", "出现负数", "件数、金额不能为负数（2019年格式的“本年增/减”除外）。"),
    FindingType("R5", "空白单元格", "空白的数值单元格按0计算，请确认并填写0。"),
    FindingType("R5", "总计由分项推算", "总计单元格未填写，已按分项之和推算。"),
    FindingType("R6", "小计不符", "工作簿自带的小计（官方模板没有小计）应等于其分项之和。"),
    FindingType("X1", "上年结转与上年报告不符", "本年“上年结转”应等于上年报告“结转下年度继续办理”。"),
    FindingType(
        "X2",
        "现行有效件数不衔接",
        "现行有效件数应等于上年现行有效件数加本年制发减本年废止（全面清理当年可能不符）。",
    ),
    FindingType("X3", "项目数量不衔接", "本年“上一年项目数量”应等于上年报告的上一年项目数量加本年增/减。"),
    FindingType("Q1", "其他处理占比偏高", "“其他处理”占办理结果总计的比例偏高，请核实。"),
    FindingType("Q2", "总体情况篇幅过长", "“总体情况”原则上不超过一千字。"),
    FindingType("Q3", "未报告信息处理费", "“其他需要报告的事项”应报告收取信息处理费的情况。"),
    FindingType("Q4", "正文数字与表格不符", "正文中引用的数字与统计表不一致。"),
    FindingType(
        "Q5", "公开数量不合常理", "本年新公开数量应不大于对外公开总数量，通常也不大于本年新制作数量。"
    ),
    FindingType("Q6", "统计表标签缺失或被改动", "统计表的行、列标签必须与所用格式的官方模板一致。"),
    FindingType("M1", "缺少机关名称或年度", "机关名称和年度是报告标题的必备内容。"),
    FindingType("M2", "缺少联系信息", "前言中的网站、联系部门、地址、邮编、电话等信息缺失。"),
    FindingType("M3", "正文内容缺失", "叙述部分为空，报告中将显示【待填写】。"),
    FindingType("F1", "栏目发布数量与总数不符", "各栏目发布条数之和应等于正文或基本信息中说明的发布总数。"),
    FindingType("READ", "无法读取工作簿", "文件不存在、为空、不是 .xlsx 工作簿、已损坏或加密，无法读取。"),
)

_KEYS = (
    "balance-mismatch",
    "row-total-mismatch",
    "result-total-mismatch",
    "sum-mismatch",
    "not-a-number",
    "not-a-whole-number",
    "negative-value",
    "blank-cells",
    "total-derived",
    "subtotal-mismatch",
    "carry-over-mismatch",
    "stock-mismatch",
    "item-count-mismatch",
    "other-handling-high",
    "overview-too-long",
    "fee-not-reported",
    "narrative-number-mismatch",
    "publication-implausible",
    "label-missing",
    "detail-missing",
    "contact-missing",
    "narrative-missing",
    "figure-total-mismatch",
    "workbook-unreadable",
)

FINDING_TYPES: dict[str, FindingType] = dict(zip(_KEYS, _TYPES, strict=True))


def title_of(type_: str) -> str:
    return FINDING_TYPES[type_].title if type_ in FINDING_TYPES else type_
