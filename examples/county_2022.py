"""The roll-up example: a made-up county (示例县) whose three towns report for 2022, and its 汇总.

Each town's workbook is the example (examples/dashuipo_2022.py) with the town's name and DIFFERENT,
MADE-UP figures: the narrative is the seed report's, its figures changed to match each town's tables.
The county's workbook is their roll-up (``govreport rollup``) with the county's own details and text.

Run ``python examples/county_2022.py`` to write ``examples/county/towns/*.xlsx`` and
``examples/county/示例县-2022汇总.xlsx``; ``examples/make_previews.sh`` also builds the county's report.
"""

from __future__ import annotations

import sys
from pathlib import Path

import dashuipo_2022 as seed

from govreport.api import rollup, write_rollup
from govreport.workbook.fill import fill_workbook

HERE = Path(__file__).parent / "county"
COUNTY = "示例县人民政府"

# Per town: (name, t3 {(row, column): n} of the requests received and how they were answered,
# t4 {column: n}, t2 changes). Every town's table 三 balances: 一 + 二 = （七） + 四 in each column.
TOWNS = (
    (
        "东山镇",
        {("一", "自然人"): 4, ("（一）", "自然人"): 2, ("（二）", "自然人"): 1, ("（四）1", "自然人"): 1},
        {"行政复议/结果维持": 1},
        {("t2", "行政处罚", "本年处理决定数量"): 9, ("t2", "行政事业性收费", "本年收费金额"): "1.25"},
    ),
    (
        "西河镇",
        {
            ("一", "自然人"): 2,
            ("一", "商业企业"): 1,
            ("（一）", "自然人"): 1,
            ("（三）4", "商业企业"): 1,
            ("四", "自然人"): 1,
        },
        {},
        {("t2", "行政规范性文件", "本年制发件数"): 2, ("t2", "行政规范性文件", "现行有效件数"): 5},
    ),
    (
        "南湖镇",
        {("一", "自然人"): 3, ("二", "自然人"): 1, ("（一）", "自然人"): 3, ("（五）2", "自然人"): 1},
        {"行政诉讼/未经复议直接起诉/结果维持": 1},
        {("t2", "行政许可", "本年处理决定数量"): 12, ("t2", "行政事业性收费", "本年收费金额"): "0.4"},
    ),
)


def town_data(name: str, t3: dict, t4: dict, t2: dict) -> dict:
    """The seed's workbook data for the town ``name`` with its figures."""
    full = f"{COUNTY[:-4]}{name}人民政府"
    received = sum(n for (row, _), n in t3.items() if row == "一")
    data = seed.data()
    data["details"] = {
        **seed.DETAILS,
        "name": full,
        "portal_name": f"{COUNTY[:-4]}人民政府门户网站",
        "portal_url": "http://www.example.gov.cn",
        "contact_dept": f"{full}党政办公室",
        "address": f"{COUNTY[:-4]}{name}人民路1号",
        "postcode": "100000",
        "phone": "010-12345678",
    }
    overview = [_town(text, name) for text in seed.OVERVIEW]
    overview[0] = overview[0].replace("72条", "73条")  # the seed's own sum is 73 (see README)
    done = sum(n for (row, _), n in t3.items() if row not in ("一", "二", "四"))
    carried = sum(n for (row, _), n in t3.items() if row == "四")
    answered = f"办结{done}件，结转下年度继续办理{carried}件" if carried else "均在法定期限内答复"
    overview[1] = f"2022年共收到政府信息公开申请{received}件，{answered}。"
    data["narrative"] = {
        # A shorter opening than the seed's: with the figures spelled out it would pass 1000 characters.
        "一": {"intro": "2022年，我镇政务公开工作在县委、县政府的领导下稳步推进。", "parts": overview},
        "五": _town(seed.PROBLEMS, name),
        "六": [(item, _town(text, name)) for item, text in seed.OTHER_ITEMS[:-3]]
        + [("政府信息公开工作年度报告数据统计需要说明的事项", "本报告统计表中的数字均为示例数据。")],
    }
    values = {**seed.TABLE2, **t2}
    values.update({("t3", row, column): n for (row, column), n in t3.items()})
    values.update({("t4", "案件数", column): n for column, n in t4.items()})
    data["values"] = values
    data["figures"] = [{"items": seed.PUBLISHED_ITEMS}]
    return data


def _town(text: str, name: str) -> str:
    return (
        text.replace("大水泊镇", name).replace("耕读大水泊", f"{name[:-1]}发布").replace("大水泊", name[:-1])
    )


COUNTY_DETAILS = {
    "portal_name": "示例县人民政府门户网站",
    "portal_url": "http://www.example.gov.cn",
    "contact_dept": "示例县人民政府办公室",
    "address": "示例县人民路1号",
    "postcode": "100000",
    "phone": "010-12345678",
    "release_date": "2023-01-31",
}

COUNTY_NARRATIVE = {
    "前言": "本报告由示例县人民政府办公室根据《中华人民共和国政府信息公开条例》要求，汇总东山镇、西河镇、南湖镇"
    "人民政府的政府信息公开工作年度报告编制而成（本例为虚构的示例县，数字均为示例数据）。"
    "本报告所列数据统计期限为2022年1月1日至2022年12月31日。",
    "一": {
        "intro": "2022年，全县各镇认真贯彻落实《中华人民共和国政府信息公开条例》，政务公开工作稳步推进。",
        "parts": [
            "各镇依托县政府门户网站和政务新媒体主动公开政府信息。",
            "全县各镇共收到政府信息公开申请10件，上年结转1件；办结10件，结转下年度继续办理1件。",
            "各镇规范政府信息公开目录和指南，落实保密审查制度。",
            "优化门户网站栏目，加强政务新媒体管理。",
            "县政府办公室定期开展业务培训和督查。",
        ],
    },
    "五": "（一）存在的主要问题。各镇公开内容的深度和广度不平衡。\n"
    "（二）改进情况。加强业务指导，统一公开标准，提升公开质量。",
    "六": [
        ("政府信息公开信息处理费收取情况", "2022年，全县各镇均未收取信息处理费。"),
        (
            "政府信息公开工作年度报告数据统计需要说明的事项",
            "本报告统计表为各镇统计表之和，见工作簿“汇总来源”。",
        ),
    ],
}


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    for name, t3, t4, t2 in TOWNS:
        fill_workbook(out / "towns" / f"{name}-2022.xlsx", town_data(name, t3, t4, t2), force=True)
    county = rollup([out / "towns"], COUNTY, 2022)
    parent = write_rollup(
        county, out / "示例县-2022汇总.xlsx", force=True, details=COUNTY_DETAILS, narrative=COUNTY_NARRATIVE
    )
    print(parent)


if __name__ == "__main__":
    main(sys.argv)
