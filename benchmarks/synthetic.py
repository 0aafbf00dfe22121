"""Synthetic workbooks for the benchmark: consistent random tables, through the public Python API."""

from __future__ import annotations

import random
from pathlib import Path

from govreport.formats import CellKey, Format, Kind, get_format
from govreport.workbook.fill import fill_workbook

TOWNS = "东南西北中上下前后新"


def consistent_inputs(fmt: Format, rng: random.Random) -> dict[CellKey, object]:
    """Random input values that satisfy every rule of ``fmt`` (totals are left to the template's
    formulas). Table 三: random results and carry-over per column, then 本年新收 solves R1."""
    values: dict[CellKey, object] = {}
    totals = fmt.total_keys()
    t3 = fmt.table("t3").blocks[0]
    result_rows = [r.key for r in t3.rows if r.key not in ("一", "二", "（七）", "四")]
    for key in fmt.cell_keys():
        if key in totals or key.table == "t3":
            continue
        kind = fmt.kind_of(key)
        if kind is Kind.AMOUNT:
            values[key] = f"{rng.randint(0, 99999)}.{rng.randint(0, 99):02d}"
        elif kind is Kind.SIGNED:
            values[key] = rng.randint(-5, 5)
        else:
            values[key] = rng.randint(0, 40)
    for column in (c.key for c in t3.columns if c.key != "总计"):
        results = 0
        for row in result_rows:
            n = rng.choice((0, 0, 0, 1, 2, 5))
            values[CellKey("t3", row, column)] = n
            results += n
        carried_out = rng.randint(0, 3)
        carried_in = rng.randint(0, min(3, results + carried_out))
        values[CellKey("t3", "四", column)] = carried_out
        values[CellKey("t3", "二", column)] = carried_in
        values[CellKey("t3", "一", column)] = results + carried_out - carried_in
    return values


def make_workbook(path: Path, index: int, year: int = 2024, *, broken: bool = False, seed: int = 0) -> Path:
    rng = random.Random(seed * 100003 + index)
    fmt = get_format("gb2021")
    values = consistent_inputs(fmt, rng)
    if broken:  # one count of table 三 off by one: an R1/R2 error
        values[CellKey("t3", "四", "自然人")] = int(values[CellKey("t3", "四", "自然人")]) + 1  # type: ignore[call-overload]
    name = f"示例县{TOWNS[index % 10]}{index:04d}镇人民政府"
    data = {
        "details": {
            "name": name,
            "year": str(year),
            "portal_name": "示例县人民政府门户网站",
            "portal_url": "http://www.example.gov.cn",
            "contact_dept": f"{name}党政办公室",
            "address": "示例县人民路1号",
            "postcode": "100000",
            "phone": "010-12345678",
            "release_date": f"{year + 1}-01-20",
        },
        "narrative": {
            "一": {
                "intro": f"{year}年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，政务公开工作稳步推进。",
                "parts": [
                    "通过门户网站主动公开各类信息，及时发布工作动态。",
                    "依法规范办理政府信息公开申请，按时答复。",
                    "梳理公开目录，规范信息发布审核流程。",
                    "优化门户网站栏目，加强政务新媒体管理。",
                    "开展业务培训，落实保密审查制度。",
                ],
            },
            "五": "（一）存在的主要问题。公开内容的深度还需提高。\n（二）改进情况。加强培训，提升公开质量。",
            "六": [("政府信息公开信息处理费收取情况", "本年度未收取信息处理费。")],
        },
        "values": values,
    }
    return fill_workbook(path, data, force=True)
