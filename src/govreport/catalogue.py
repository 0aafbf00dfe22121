"""The catalogue of finding types: each kebab-case type with its Chinese title and the rule it belongs to.

Every Finding's ``type`` is one of these keys; the README's findings reference is generated from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FindingType:
    type: str  # kebab-case key, Finding.type
    rule: str
    title: str  # short Chinese title shown to clerks
    description: str


_TYPES = (
    FindingType(
        "balance-mismatch",
        "R1",
        "本列勾稽不平",
        "表三每一列：第一项加第二项之和，应等于第三项（七）总计加第四项之和。",
    ),
    FindingType("row-total-mismatch", "R2", "行总计不符", "表三每一行：“总计”列应等于各类申请人之和。"),
    FindingType(
        "result-total-mismatch", "R3", "办理结果总计不符", "表三“（七）总计”行应等于各项办理结果之和。"
    ),
    FindingType(
        "sum-mismatch",
        "R4",
        "复议诉讼总计不符",
        "表四每组“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。",
    ),
    FindingType("not-a-number", "R5", "不是数字", "数值单元格填写了文字、符号等无法识别为数字的内容。"),
    FindingType("not-a-whole-number", "R5", "不是整数", "件数只能是整数。"),
    FindingType(
        "implausible-number",
        "R5",
        "数字超出合理范围",
        "数值单元格的数字大得不合常理（一万亿及以上、位数过多、无穷大或非数字），可能是误填或粘贴错误。",
    ),
    FindingType(
        "formula-not-computed",
        "R5",
        "公式没有计算结果",
        "公式没有Excel保存的计算结果，本程序也无法计算（如IF、乘方、外部链接、循环引用），不能按0计算。",
    ),
    FindingType(
        "number-as-text",
        "R5",
        "数字以文本形式保存",
        "单元格中的数字是文本格式，Excel的合计公式不计入它，合计因此不对。",
    ),
    FindingType("negative-value", "R5", "出现负数", "件数、金额不能为负数（2019年格式的“本年增/减”除外）。"),
    FindingType("blank-cells", "R5", "空白单元格", "空白的数值单元格按0计算，请确认并填写0。"),
    FindingType("total-derived", "R5", "总计由分项推算", "总计单元格未填写，已按分项之和推算。"),
    FindingType(
        "subtotal-mismatch", "R6", "小计不符", "工作簿自带的小计（官方模板没有小计）应等于其分项之和。"
    ),
    FindingType(
        "carry-over-mismatch",
        "X1",
        "上年结转与上年报告不符",
        "本年“上年结转”应等于上年报告“结转下年度继续办理”。",
    ),
    FindingType(
        "previous-mismatch",
        "X1",
        "上年工作簿不匹配或缺失",
        "上年工作簿应是同一机关上一年度的工作簿；年度不符（错误）、机关名称不同或找不到上年工作簿（警告）时，"
        "跨年度校验不进行。",
    ),
    FindingType(
        "stock-mismatch",
        "X2",
        "现行有效件数不衔接",
        "现行有效件数应等于上年现行有效件数加本年制发减本年废止（全面清理当年可能不符）。",
    ),
    FindingType(
        "item-count-mismatch",
        "X3",
        "项目数量不衔接",
        "本年“上一年项目数量”应等于上年报告的上一年项目数量加本年增/减。",
    ),
    FindingType(
        "other-handling-high", "Q1", "其他处理占比偏高", "“其他处理”占办理结果总计的比例偏高，请核实。"
    ),
    FindingType("overview-too-long", "Q2", "总体情况篇幅过长", "“总体情况”原则上不超过一千字。"),
    FindingType(
        "fee-not-reported", "Q3", "未报告信息处理费", "“其他需要报告的事项”应报告收取信息处理费的情况。"
    ),
    FindingType("narrative-number-mismatch", "Q4", "正文数字与表格不符", "正文中引用的数字与统计表不一致。"),
    FindingType(
        "publication-implausible",
        "Q5",
        "公开数量不合常理",
        "本年新公开数量应不大于对外公开总数量，通常也不大于本年新制作数量。",
    ),
    FindingType(
        "doc-number-brackets",
        "Q7",
        "文号括号不规范",
        "正文中引用的发文字号，年份应使用六角括号〔〕（如“国办公开办函〔2021〕30号”），不用[]、()、【】。",
    ),
    FindingType(
        "label-missing", "Q6", "统计表标签缺失或被改动", "统计表的行、列标签必须与所用格式的官方模板一致。"
    ),
    FindingType(
        "tables-as-images",
        "Q6",
        "统计表以图片形式发布",
        "已发布的报告中统计表是图片（或扫描件），没有可读取的文字，无法核对；govreport 不做文字识别。",
    ),
    FindingType(
        "format-mismatch",
        "Q6",
        "统计表格式与年度不符",
        "工作簿统计表的格式（2019年或2021年统一格式）应与年度相符；不符时按统计表的格式读取。",
    ),
    FindingType(
        "published-late",
        "E1",
        "发布晚于法定期限",
        "《政府信息公开条例》第四十九条：部门1月31日前、县级以上地方人民政府3月31日前公布。",
    ),
    FindingType(
        "narrative-year-mismatch",
        "E2",
        "正文年份与报告年度不符",
        "正文中的年份与报告年度矛盾，可能沿用了往年的文字。",
    ),
    FindingType("narrative-copied", "E3", "照抄上年度报告", "正文与上年度报告逐句相同的比例过高。"),
    FindingType(
        "problems-not-followed-up",
        "E4",
        "未说明上年度问题的整改",
        "第五部分应说明上年度报告所列问题的改进情况。",
    ),
    FindingType("detail-missing", "M1", "缺少机关名称或年度", "机关名称和年度是报告标题的必备内容。"),
    FindingType(
        "year-invalid", "M1", "年度无效", "年度应为四位数年份，且不早于2019年（统一格式自2019年度起施行）。"
    ),
    FindingType(
        "contact-missing", "M2", "缺少联系信息", "前言中的网站、联系部门、地址、邮编、电话等信息缺失。"
    ),
    FindingType(
        "release-date-missing", "M2", "缺少发布日期", "基本信息未填写发布日期，报告末尾将不署机关名称和日期。"
    ),
    FindingType(
        "detail-invalid", "M2", "基本信息无法识别", "发布日期等基本信息无法识别，报告中将略去相应内容。"
    ),
    FindingType("narrative-missing", "M3", "正文内容缺失", "叙述部分为空，报告中将显示【待填写】。"),
    FindingType(
        "narrative-unplaced",
        "M3",
        "内容没有写入报告",
        "叙述部分所在的工作表中有一格内容不属于任何部分的正文（如标题上方的文字、“填报人”一类的行），不会写入报告。",
    ),
    FindingType(
        "narrative-formula",
        "M3",
        "正文公式没有结果",
        "正文单元格中的公式没有计算结果且无法计算，报告中不会出现公式文本；请在Excel中打开并保存。",
    ),
    FindingType(
        "sheet-copy",
        "M4",
        "工作表有副本",
        "多个工作表含有同一张表或同一部分（如“表三 (2)”），已使用以其命名的工作表。",
    ),
    FindingType(
        "sheet-ambiguous",
        "M4",
        "无法确定使用哪个工作表",
        "多个工作表含有同一张表或同一部分，且没有一个以其命名，无法确定应使用哪一个。",
    ),
    FindingType(
        "year-stale",
        "M5",
        "小标题或图表标题年份与年度不符",
        "第六部分小标题或统计图标题提到的年份不是报告年度（如沿用上年工作簿只改了年度）。",
    ),
    FindingType(
        "release-before-period-end",
        "M5",
        "发布日期早于统计期结束",
        "发布日期在报告年度的12月31日或之前，统计期尚未结束。",
    ),
    FindingType(
        "figure-total-mismatch",
        "F1",
        "栏目发布数量与总数不符",
        "各栏目发布条数之和应等于正文或基本信息中说明的发布总数。",
    ),
    FindingType(
        "figure-unread",
        "F1",
        "统计图数据无法读取",
        "已发布报告中的统计图是图片或绘制的图形，读不出各栏目条数，无法核对；导入后需手工填写“栏目信息发布”。",
    ),
    FindingType(
        "rollup-mismatch",
        "H1",
        "汇总数与下级之和不符",
        "汇总报告（县、区、市本级汇总）的统计表每一格应等于各下级工作簿同一格之和。",
    ),
    FindingType("child-missing", "H2", "下级缺报", "应报名单（--expect）中的机关没有工作簿。"),
    FindingType(
        "child-refused",
        "H3",
        "下级工作簿未汇总",
        "下级工作簿无法读取、有错误（未加 --allow-errors）、年度或格式不同、金额没有单位、与汇总机关同名，或同一机关有两个工作簿。",
    ),
    FindingType(
        "child-has-errors",
        "H3",
        "下级工作簿有错误",
        "加 --allow-errors 时有错误的下级工作簿照原样汇总并标注。",
    ),
    FindingType("child-unexpected", "H4", "不在应报名单", "有工作簿的机关不在应报名单（--expect）中。"),
    FindingType(
        "caption-too-long",
        "F1",
        "图表标题过长",
        "“栏目信息发布”的图表标题过长，在报告中会占去多行。",
    ),
    FindingType(
        "workbook-unreadable",
        "READ",
        "无法读取工作簿",
        "文件不存在、为空、不是 .xlsx 工作簿、已损坏或加密，无法读取。",
    ),
    FindingType(
        "build-failed", "B1", "无法生成报告", "校验之后写出 .docx 或 PDF 时失败，例如输出目录无法写入。"
    ),
    FindingType(
        "duplicate-report",
        "B2",
        "同一机关同一年度重复",
        "批量生成时有两个以上工作簿属于同一机关同一年度，为避免相互覆盖均未生成。",
    ),
)

FINDING_TYPES: dict[str, FindingType] = {t.type: t for t in _TYPES}


def title_of(type_: str) -> str:
    return FINDING_TYPES[type_].title if type_ in FINDING_TYPES else type_
