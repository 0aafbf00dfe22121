"""Every non-empty cell of the narrative's sheets is accounted for (issue 16): used (and then its text is
in the Report), ignored for a stated reason (a heading or label of ours, a list's numbering, a header), or
named in a finding — over the example workbook, our filled template and hand-made layouts here, and every
edited workbook of the golden cases in test_narrative_edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from data.handmade import Options, write_handmade
from factories import workbook_data
from narrative_support import FORMATS, INPUTS, NAME, YEAR, account, assert_accounted, filled, unaccounted

from govreport.formats import get_format
from govreport.workbook.ledger import Ledger

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
