"""Rule Q4: numbers quoted in the narrative against the tables (issue 7)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from corpus_support import PLACE, cases, report_for, report_with_text
from factories import make_report, workbook_data

from govreport.api import check_workbook
from govreport.checks.claims import check_claims
from govreport.formats import CellKey, get_format
from govreport.model import Passage, Place, Severity
from govreport.workbook.fill import fill_workbook
from govreport.workbook.reader import read_workbook

SEED = Path("/work/shared/seed/000_d6dedeb785ee1c85.txt")
CASES = cases()
# The bar the corpus must clear; measured: see test_corpus_precision_and_recall.
RECALL_BAR = 0.9


def _actuals(table: str, text: str, title: str | None) -> list[str]:
    return sorted(f.actual or "" for f in check_claims(report_with_text(table, text, title)))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.table}-{c.kind}-{i}" for i, c in enumerate(CASES)])
def test_corpus_sentence_raises_no_false_alarm(case) -> None:
    """Every finding on a corpus sentence is one of its known contradictions (recall is measured below)."""
    found = Counter(_actuals(case.table, case.text, case.title))
    assert not found - Counter(case.wrong)


def test_corpus_precision_and_recall() -> None:
    true_pos = false_pos = false_neg = 0
    for case in CASES:
        expected = Counter(case.wrong)
        found = Counter(_actuals(case.table, case.text, case.title))
        true_pos += sum((found & expected).values())
        false_pos += sum((found - expected).values())
        false_neg += sum((expected - found).values())
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    print(f"Q4 corpus: {len(CASES)} sentences, precision {precision:.3f}, recall {recall:.3f}")
    assert len(CASES) >= 180
    assert Counter(c.kind for c in CASES).keys() == {"consistent", "contradicting", "unrelated"}
    assert precision == 1.0
    assert recall >= RECALL_BAR


PUBLISHED = ("pingtan2021", "hongze2023", "pingtan2019", "nanhu2019")


def test_published_reports_are_in_the_corpus_with_their_sources() -> None:
    """Real narratives, judged by hand: each sentence of a published report names where it is from."""
    published = [c for c in CASES if c.table in PUBLISHED]
    assert {c.table for c in published} == set(PUBLISHED)
    assert all(c.source for c in published)
    quoted = [c for c in published if c.source and c.source.startswith(("http", "shared/"))]
    assert len(quoted) >= 24


def test_every_seed_paragraph_is_silent_against_a_table_without_requests() -> None:
    paragraphs = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert "2022年没有收到政府信息公开申请。" in paragraphs
    for paragraph in paragraphs:
        report = report_for("zero", (Passage("（二）依申请公开工作情况", (paragraph,), PLACE),))
        assert check_claims(report) == [], paragraph


def test_seed_zero_statement_contradicts_a_table_with_requests() -> None:
    findings = check_claims(report_with_text("town", "2022年没有收到政府信息公开申请。"))
    assert [(f.actual, f.expected) for f in findings] == [("0", "8")]


def test_finding_points_at_the_narrative_cell_and_names_the_table_cell() -> None:
    report = report_with_text("town", "2022年，我镇共收到政府信息公开申请9件。")
    [finding] = check_claims(report)
    assert (finding.rule, finding.type, finding.severity) == (
        "Q4",
        "narrative-number-mismatch",
        Severity.WARNING,
    )
    assert finding.place == "一、总体情况!B4"
    received = report.values[
        next(k for k in report.values if (k.table, k.row, k.column) == ("t3", "一", "总计"))
    ]
    assert finding.cells == (str(received.place),)
    assert (finding.actual, finding.expected) == ("9", "8")
    assert "收到政府信息公开申请9件" in finding.message and str(received.place) in finding.message
    assert "本年新收加上年结转之和" in finding.message  # 8 received + 1 carried over


def test_shanghai_2019_names_what_the_text_counted() -> None:
    text = next(c.text for c in CASES if c.text.startswith("予以公开及部分公开258件"))
    findings = check_claims(report_with_text("shanghai2019", text))
    messages = {f.actual: f.message for f in findings}
    assert set(messages) == {"258", "265"}
    assert "统计表为275件" in messages["258"] and "“自然人”一格" in messages["258"]
    assert "统计表为337件" in messages["265"] and "1.本机关不掌握相关政府信息" in messages["265"]


def test_huaian_lawsuits_count_both_routes() -> None:
    [finding] = check_claims(report_with_text("huaian2024", "全年因政府信息公开被提起行政诉讼26件。"))
    assert finding.expected == "46" and "仅为未经复议直接起诉" in finding.message
    assert len(finding.cells) == 2


def test_all_done_statement_names_the_carry_over() -> None:
    report = report_with_text("huaian2024", "全年收到的政府信息公开申请已全部办结。")
    [finding] = check_claims(report)
    carried_out = get_format(report.format_id).table("t3").row("四").label  # 四、结转下年度继续办理
    assert finding.expected == "103" and f"统计表“{carried_out}”为103件" in finding.message


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_both_formats_compare_received_requests(format_id: str) -> None:
    passage = Passage(
        "（二）依申请公开", ("本年度共收到政府信息公开申请8件，上年结转1件。",), Place("正文", "C7")
    )
    report = make_report(format_id, narrative={"一": (passage,)})  # sample: 7 received, 1 carried over
    [finding] = check_claims(report)
    assert (finding.place, finding.actual, finding.expected) == ("正文!C7", "8", "7")


@pytest.mark.parametrize("section", ["前言", "五", "六"])
def test_every_narrative_section_is_read(section: str) -> None:
    passage = Passage(None, ("本年度共收到政府信息公开申请20件。",), Place(section, "B2"))
    report = make_report("gb2021", narrative={section: (passage,)})
    assert [f.place for f in check_claims(report)] == [f"{section}!B2"]


def test_full_width_digits_are_read() -> None:
    assert _actuals("town", "共收到政府信息公开申请１０件。", None) == ["10"]


@pytest.mark.parametrize(
    ("year", "share", "wrong"), [(2020, "62.5", False), (2020, "70", True), (2022, "70", True)]
)
def test_share_of_public_and_partial_with_the_total_column_left_blank(
    tmp_path: Path, year: int, share: str, wrong: bool
) -> None:
    """gb2019 (and gb2021) percentages: the 总计 column left blank is derived, and the share checked on it."""
    cells = {
        CellKey("t3", "一", "自然人"): 8,
        CellKey("t3", "（一）", "自然人"): 4,
        CellKey("t3", "（二）", "商业企业"): 1,
        CellKey("t3", "（四）1", "自然人"): 3,
    }
    cells[CellKey("t3", "一", "自然人")], cells[CellKey("t3", "一", "商业企业")] = 7, 1
    data = workbook_data("测试镇人民政府", year, cells)
    narrative = data["narrative"]
    assert isinstance(narrative, dict)
    narrative["一"]["parts"][1] = f"依申请公开。予以公开和部分公开的占比为{share}%。"  # type: ignore[index]
    book = fill_workbook(tmp_path / "a.xlsx", data)
    report, _ = read_workbook(book)
    wb = openpyxl.load_workbook(book)
    for key, value in report.values.items():
        if key.table == "t3" and key.column == "总计" and value.place is not None:
            wb[value.place.sheet][value.place.cell].value = None
    wb.save(book)
    checked = check_workbook(book)
    assert any(f.type == "total-blank" or "总计" in f.message for f in checked.result.warnings)
    q4 = [f for f in checked.result.findings if f.rule == "Q4"]
    assert [f.actual for f in q4] == ([f"{share}%"] if wrong else [])
    if wrong:
        assert "62.5%" in q4[0].message and "5÷8" in q4[0].message
