"""Every non-empty cell of the narrative's sheets is accounted for (issue 16): used (and then its text is
in the Report), ignored for a stated reason (a heading or label of ours, a list's numbering, a header), or
named in a finding — over the example workbook, our filled template and hand-made layouts here, and every
edited workbook of the golden cases in test_narrative_edits."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from data.handmade import Options, write_handmade
from factories import workbook_data
from narrative_support import (
    FORMATS,
    INPUTS,
    NAME,
    YEAR,
    account,
    assert_accounted,
    filled,
    unaccounted,
    used_text_is_in_the_report,
)

from govreport.formats import get_format
from govreport.workbook.ledger import Ledger
from govreport.workbook.narrative import read_narrative
from govreport.workbook.sheets import Sheet, index_rows

EXAMPLE = Path(__file__).parent.parent / "examples" / "大水泊镇-2022.xlsx"


def test_the_example_workbook_is_accounted_for() -> None:
    assert_accounted(EXAMPLE, "gb2021")


@pytest.mark.parametrize("format_id", FORMATS)
def test_our_filled_template_is_accounted_for(tmp_path: Path, format_id: str) -> None:
    assert_accounted(filled(tmp_path / "a.xlsx", format_id), format_id)


@pytest.mark.parametrize("split", [False, True])
@pytest.mark.parametrize("format_id", FORMATS)
def test_hand_made_layouts_are_accounted_for(tmp_path: Path, format_id: str, split: bool) -> None:
    path = tmp_path / "h.xlsx"
    details = workbook_data(NAME, YEAR[format_id], INPUTS)["details"]
    write_handmade(path, get_format(format_id), INPUTS, Options(details=details, split=split))
    assert_accounted(path, format_id)


def test_the_accounting_would_see_a_lost_cell(tmp_path: Path) -> None:
    """The check above can fail: a cell of a region the reader did nothing with is listed."""
    sheets, ledger, _, _ = account(filled(tmp_path / "a.xlsx", "gb2021"), "gb2021")
    forgetful = Ledger(regions=ledger.regions, whole_sheets=ledger.whole_sheets)
    assert "一、总体情况!B3" in unaccounted(sheets, forgetful)
    assert "一、总体情况!B3" not in unaccounted(sheets, ledger)


# Random sheets built in memory: what a careless or hostile clerk might leave in the narrative's sheets.
_VOCABULARY = (
    None,
    "一、总体情况",
    "总述",
    "概述",
    "（一）主动公开工作情况",
    "二、依申请公开",
    "3.政府信息管理",
    "（六）其他",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "序号",
    "事项",
    "内容",
    "项目",
    "填报人",
    "张三",
    "本年度工作有序推进。",
    "（一）存在的主要问题。公开深度不够。",
    "（二）依申请公开\n依申请公开规范有序。",
    "第一段。\n\n第二段。",
    "   ",
    1,
    2.5,
    '="合计"&B2&"件"',
    "=IF(1,2,3)",
    "=A1",
    '=(((("a"))))',
    "2022年，本镇政务公开。",
)


def _random_sheets(rng: random.Random) -> list[Sheet]:
    sheets = []
    for name in ("一、总体情况", "五、问题与改进", "六、其他事项", "一、总体情况 (2)")[: rng.randint(1, 4)]:
        cells = {
            (r, c): value
            for r in range(rng.randint(1, 12))
            for c in range(rng.randint(1, 5))
            if (value := rng.choice(_VOCABULARY)) is not None
        }
        sheets.append(index_rows(name, cells, {}))
    return sheets


@pytest.mark.parametrize("seed", range(40))
def test_random_sheets_are_read_and_accounted_for(seed: int) -> None:
    rng = random.Random(seed)
    fmt = get_format(FORMATS[seed % 2])
    for _ in range(10):
        sheets = _random_sheets(rng)
        ledger = Ledger()
        narrative, findings = read_narrative(fmt, sheets, ledger=ledger)
        assert not unaccounted(sheets, ledger)
        assert not used_text_is_in_the_report(sheets, ledger, narrative)
        for passages in narrative.values():
            for passage in passages:
                assert not any(p.startswith("=") for p in passage.paragraphs), passage
        assert all(f.message and f.rule for f in findings)
