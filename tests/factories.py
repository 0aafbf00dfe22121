"""Reports built directly in memory, for tests of the checks, the outline and the renderers."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from govreport.formats import CellKey, get_format
from govreport.model import Detail, Number, Passage, Place, Report, Value
from govreport.totals import derive_totals

sys.path.insert(0, str(Path(__file__).parent.parent / "examples"))
import dashuipo_2022

# The seed report's details and its chart (examples/dashuipo_2022.py is the example built from it).
DETAILS = dict(dashuipo_2022.DETAILS)
SEED_ITEMS = list(dashuipo_2022.PUBLISHED_ITEMS)


def t(table: str, row: str, column: str) -> CellKey:
    return CellKey(table, row, column)


def sample_inputs(format_id: str = "gb2021") -> dict[CellKey, Number]:
    """A small consistent set of input values (totals are derived)."""
    fmt = get_format(format_id)
    values: dict[CellKey, Number] = {k: 0 for k in fmt.cell_keys() if k not in fmt.total_keys()}
    values[t("t3", "一", "自然人")] = 5
    values[t("t3", "一", "商业企业")] = 2
    values[t("t3", "二", "自然人")] = 1
    values[t("t3", "（一）", "自然人")] = 3
    values[t("t3", "（二）", "商业企业")] = 1
    values[t("t3", "（四）1", "自然人")] = 2
    values[t("t3", "（五）2", "商业企业")] = 1
    values[t("t3", "四", "自然人")] = 1
    values[t("t4", "案件数", "行政复议/结果维持")] = 1
    values[t("t4", "案件数", "行政诉讼/复议后起诉/结果纠正")] = 1
    return values


def make_report(
    format_id: str = "gb2021",
    inputs: Mapping[CellKey, Number] | None = None,
    *,
    details: Mapping[str, str] | None = None,
    narrative: Mapping[str, tuple[Passage, ...]] | None = None,
    overrides: Mapping[CellKey, Number | None] | None = None,
) -> Report:
    """A Report whose totals are derived from ``inputs``; ``overrides`` then replace any value
    (to break a rule). Each value gets a made-up place so findings can point at it."""
    fmt = get_format(format_id)
    numbers: dict[CellKey, Number | None] = dict(inputs if inputs is not None else sample_inputs(format_id))
    numbers.update(derive_totals(fmt, numbers))
    numbers.update(overrides or {})
    values = {}
    for i, key in enumerate(fmt.cell_keys()):
        values[key] = Value(numbers.get(key), Place(f"表{key.table}", f"C{i + 2}"))
    d = {
        k: Detail(v, Place("基本信息", f"B{i + 2}")) for i, (k, v) in enumerate((details or DETAILS).items())
    }
    return Report(
        format_id=format_id,
        source="测试.xlsx",
        details=d,
        narrative=dict(narrative or default_narrative(format_id)),
        values=values,
    )


def default_narrative(format_id: str = "gb2021") -> dict[str, tuple[Passage, ...]]:
    fmt = get_format(format_id)
    overview = fmt.section("一")
    intro = Passage(
        None, ("2022年，我镇政务公开工作在区委、区政府的坚强领导下有序推进。",), Place("一、总体情况", "B2")
    )
    subs = tuple(
        Passage(h, (f"{h[3:]}工作稳步推进。",), Place("一、总体情况", f"B{i + 3}"))
        for i, h in enumerate(overview.subheadings)
    )
    return {
        "一": (intro, *subs),
        "五": (
            Passage(
                None,
                ("（一）存在的主要问题。一是公开内容不够深入。", "（二）改进情况。一是充实公开内容。"),
                Place("五、存在的主要问题", "B2"),
            ),
        ),
        "六": (
            Passage(
                "政府信息公开信息处理费收取情况",
                ("本年度未收取信息处理费。",),
                Place("六、其他需要报告的事项", "C2"),
            ),
        ),
    }


def workbook_data(name: str, year: int, values: Mapping[CellKey, Number]) -> dict[str, object]:
    """The data ``fill_workbook`` takes for a small, complete workbook: details, a short narrative
    for every section, and the given table inputs (the rest are 0)."""
    return {
        "details": {
            "name": name,
            "year": str(year),
            "portal_name": "测试县人民政府门户网站",
            "portal_url": "http://www.example.gov.cn",
            "contact_dept": "党政办公室",
            "address": "人民路1号",
            "postcode": "100000",
            "phone": "010-12345678",
            "release_date": f"{year + 1}-01-20",
        },
        "narrative": {
            "一": {
                "intro": "本年度政务公开工作有序推进。",
                "parts": ["主动公开。", "依申请公开。", "管理。", "平台。", "保障。"],
            },
            "五": "（一）存在的主要问题。公开深度不够。",
            "六": [("政府信息公开信息处理费收取情况", "本年度未收取信息处理费。")],
        },
        "values": dict(values),
    }
