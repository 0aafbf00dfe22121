"""The checks, driven by golden cases (tests/cases/*.json): one broken cell in, the findings out."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from factories import DETAILS, default_narrative, make_report, sample_inputs, t

from govreport.checks import check_report, checked_rules
from govreport.checks.naming import number_text
from govreport.formats import CellKey, get_format
from govreport.model import Finding, Number, Passage, Place, Report, Severity, Subtotal, Value

CASES = Path(__file__).parent / "cases"
CHECK_CASES: list[dict[str, Any]] = json.loads((CASES / "checks.json").read_text(encoding="utf-8"))
PUBLISHED: list[dict[str, Any]] = json.loads((CASES / "published.json").read_text(encoding="utf-8"))
FORMATS = ("gb2021", "gb2019")


def key(text: str) -> CellKey:
    table, row, column = text.split("|")
    return CellKey(table, row, column)


def number(value: int | str | None) -> Number | None:
    return Decimal(value) if isinstance(value, str) else value


def place(text: str) -> Place:
    sheet, cell = text.rsplit("!", 1)
    return Place(sheet, cell)


def cells(spec: dict[str, Any]) -> dict[CellKey, Number | None]:
    return {key(k): number(v) for k, v in spec.items()}


def build(format_id: str, spec: dict[str, Any]) -> Report:
    """A report from the factory's consistent sample, changed as the case says."""
    inputs = {**sample_inputs(format_id), **cells(spec.get("inputs", {}))}
    narrative = default_narrative(format_id)
    for section, passages in spec.get("narrative", {}).items():
        narrative[section] = tuple(
            Passage(p["title"], (p["text"] * p.get("repeat", 1),), place(p["place"])) for p in passages
        )
    details = {**DETAILS, **spec.get("details", {})}
    overrides = cells(spec.get("overrides", {}))
    report = make_report(format_id, inputs, details=details, narrative=narrative, overrides=overrides)
    # cells the reader would flag (R5: text, negative, fractional …), with the number it read from them
    values = {**report.values}
    for k in map(key, spec.get("unusable", ())):
        values[k] = replace(values[k], unusable=True)
    subtotals = tuple(
        Subtotal(s["label"], Value(s["value"], place(s["place"])), tuple(key(p) for p in s["parts"]))
        for s in spec.get("subtotals", ())
    )
    return replace(report, values=values, subtotals=subtotals)


def build_previous(format_id: str, case: dict[str, Any]) -> Report | None:
    spec = case.get("previous")
    if spec is None:
        return None
    if spec.get("other_format"):
        format_id = next(f for f in FORMATS if f != format_id)
    # Last year's text plays no part in these table cases (the narrative checks E3/E4 have their own).
    return replace(build(format_id, spec), source="上年.xlsx", narrative={})


def located(report: Report, where: str) -> tuple[str, str]:
    """A case's ``where``: a cell key (the sheet!cell the report gave it) or a literal sheet!cell."""
    p = report.values[key(where)].place if "|" in where else place(where)
    assert p is not None
    return p.sheet, p.cell


def flat(findings: list[Finding]) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.rule, f.type, f.sheet, f.cell) for f in findings]


def case_params() -> list[Any]:
    return [
        pytest.param(case, format_id, id=f"{case['id']} [{format_id}]")
        for case in CHECK_CASES
        for format_id in case["formats"]
    ]


@pytest.mark.parametrize(("case", "format_id"), case_params())
def test_golden_case(case: dict[str, Any], format_id: str) -> None:
    report = build(format_id, case)
    expected = case["findings"]
    if isinstance(expected, dict):
        expected = expected[format_id]
    want = [(rule, type_, *located(report, where)) for rule, type_, where in expected]
    assert flat(check_report(report, build_previous(format_id, case))) == want


@pytest.mark.parametrize(("case", "format_id"), [p for p in case_params() if "previous" in p.values[0]])
def test_cross_year_rules_need_last_years_report(case: dict[str, Any], format_id: str) -> None:
    findings = check_report(build(format_id, case))
    cross_year = {e.rule for e in get_format(format_id).equations if e.cross_year}
    assert not [f for f in findings if f.rule in cross_year]


@pytest.mark.parametrize("format_id", FORMATS)
def test_every_rule_has_a_golden_case(format_id: str) -> None:
    covered = set()
    for case in CHECK_CASES:
        if format_id in case["formats"]:
            expected = case["findings"]
            expected = expected[format_id] if isinstance(expected, dict) else expected
            covered |= {rule for rule, _, _ in expected}
    assert set(checked_rules(get_format(format_id), cross_year=True)) <= covered


def test_checked_rules_follow_the_format() -> None:
    assert checked_rules(get_format("gb2021")) == (
        "R1",
        "R2",
        "R3",
        "R4",
        "R6",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "Q7",
        "M5",
    )
    assert checked_rules(get_format("gb2021"), cross_year=True)[5:7] == ("X1", "X2")
    assert checked_rules(get_format("gb2019")) == ("R1", "R2", "R3", "R4", "R6", "Q1", "Q4", "Q5", "Q7", "M5")
    assert "X3" in checked_rules(get_format("gb2019"), cross_year=True)


@pytest.mark.parametrize("format_id", FORMATS)
def test_balance_message_names_labels_and_numbers(format_id: str) -> None:
    report = make_report(format_id, overrides={t("t3", "四", "自然人"): 2})
    finding = check_report(report)[0]
    assert finding.message == (
        "表三“四、结转下年度继续办理”×“自然人”应为 1"
        "（= “一、本年新收政府信息公开申请数量” 5 + “二、上年结转政府信息公开申请数量” 1 − “（七）总计” 5），实为 2"
    )
    assert (finding.severity, finding.expected, finding.actual) == (Severity.ERROR, "1", "2")
    assert (finding.table, finding.row_label, finding.column_label) == (
        "表三",
        "四、结转下年度继续办理",
        "自然人",
    )
    involved = [report.values[t("t3", row, "自然人")].place for row in ("一", "二", "（七）")]
    assert finding.cells == tuple(str(p) for p in involved)


@pytest.mark.parametrize("format_id", FORMATS)
def test_labels_are_full_and_readable(format_id: str) -> None:
    report = make_report(format_id, overrides={t("t3", "（三）1", "商业企业"): 1})
    row_total, result_total = check_report(report)
    assert row_total.row_label == "（三）不予公开 1.属于国家秘密"
    assert row_total.column_label == "总计"
    assert result_total.row_label == "（七）总计"
    assert result_total.column_label == "法人或其他组织 商业企业"
    # a long sum names its non-zero terms only
    rows = len(get_format(format_id).table("t3").blocks[0].rows) - 4
    assert f"{rows} 项之和，其中非零项：“（二）部分公开" in result_total.message
    assert "“（三）不予公开 1.属于国家秘密” 1" in result_total.message


@pytest.mark.parametrize("format_id", FORMATS)
def test_one_cell_under_two_rules_gives_two_distinct_messages(format_id: str) -> None:
    report = make_report(format_id, overrides={t("t3", "四", "总计"): 2})
    balance, row_total = check_report(report)
    assert (balance.cell, balance.rule, row_total.rule) == (row_total.cell, "R1", "R2")
    assert balance.message != row_total.message


@pytest.mark.parametrize("format_id", FORMATS)
def test_review_total_message(format_id: str) -> None:
    report = make_report(format_id, overrides={t("t4", "案件数", "行政复议/结果纠正"): 1})
    (finding,) = check_report(report)
    assert finding.message == (
        "表四“行政复议 总计”应为 2（= “结果维持” 1 + “结果纠正” 1 + “其他结果” 0 + “尚未审结” 0），实为 1"
    )
    assert finding.row_label is None and finding.column_label == "行政复议 总计"


@pytest.mark.parametrize("format_id", FORMATS)
def test_carry_over_message_points_at_last_years_workbook(format_id: str) -> None:
    case = next(c for c in CHECK_CASES if c["id"] == "X1 carry-over")
    previous = build_previous(format_id, case)
    assert previous is not None
    finding = check_report(make_report(format_id), previous)[0]
    assert finding.severity is Severity.ERROR
    assert "应为 2（= 上年报告“四、结转下年度继续办理” 2），实为 1" in finding.message
    assert finding.cells == (f"[上年.xlsx]{previous.values[t('t3', '四', '自然人')].place}",)


def test_stock_warning_says_what_to_verify() -> None:
    case = next(c for c in CHECK_CASES if c["id"] == "X2 stock of documents")
    (finding,) = check_report(build("gb2021", case), build_previous("gb2021", case))
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "表二“规章”×“现行有效件数”应为 4"
        "（= 上年报告“现行有效件数” 3 + “本年制发件数” 2 − “本年废止件数” 1），实为 5，请核实"
    )


def test_other_handling_share_is_printed() -> None:
    case = next(c for c in CHECK_CASES if c["id"] == "Q1 other handling (gb2021)")
    (finding,) = check_report(build("gb2021", case))
    assert (finding.expected, finding.actual) == ("< 10%", "12.5%")
    assert "为 1 件，占“（七）总计” 8 件的 12.5%" in finding.message


def test_overview_length_is_counted_without_whitespace() -> None:
    case = next(c for c in CHECK_CASES if c["id"] == "Q2 overview too long")
    (finding,) = check_report(build("gb2021", case))
    assert (finding.expected, finding.actual) == ("≤ 1000", "1004")
    assert "共 1004 字" in finding.message


def test_publication_message_names_both_cells() -> None:
    case = next(c for c in CHECK_CASES if c["id"] == "Q5 new publications above new documents")
    (finding,) = check_report(build("gb2019", case))
    assert finding.message == "表二“规章”×“本年新公开数量”为 8，大于“本年新制作数量” 5，请核实"
    assert (finding.expected, finding.actual) == ("≤ 5", "8")


def test_numbers_are_printed_as_entered() -> None:
    assert number_text(Decimal("18651.06")) == "18651.06"
    assert number_text(Decimal("1E+3")) == "1000"
    assert number_text(Decimal("2.50")) == "2.50"
    assert number_text(-18) == "-18"


def published(case: dict[str, Any]) -> Report:
    fmt = get_format(case["format"])
    inputs: dict[CellKey, Number] = {k: 0 for k in fmt.cell_keys() if k not in fmt.total_keys()}
    inputs.update(cells(case["values"]))  # type: ignore[arg-type]
    return make_report(case["format"], inputs)


@pytest.mark.parametrize("case", PUBLISHED, ids=[c["id"] for c in PUBLISHED])
def test_published_figures_pass(case: dict[str, Any]) -> None:
    report = published(case)
    for k, v in cells(case["values"]).items():  # the published totals are kept, so they are checked
        assert report.values[k].number == v
    assert check_report(report) == []


@pytest.mark.parametrize("case", PUBLISHED, ids=[c["id"] for c in PUBLISHED])
def test_published_figures_with_one_typo_fail(case: dict[str, Any]) -> None:
    report = published(case)
    target = t("t3", "四", "总计")
    typo = replace(report, values={**report.values, target: replace(report.values[target], number=1)})
    findings = check_report(typo)
    assert {f.rule for f in findings} == {"R1", "R2"}
    assert all(f.cell == report.values[target].place.cell for f in findings)  # type: ignore[union-attr]


def test_finding_at_a_place_or_at_no_cell() -> None:
    placed = Finding.at(
        place("表三!D30"),
        rule="R1",
        type="balance-mismatch",
        severity=Severity.ERROR,
        message="m",
        table="表三",
    )
    assert (placed.sheet, placed.cell, placed.place, placed.table) == ("表三", "D30", "表三!D30", "表三")
    nowhere = Finding.at(None, rule="M3", type="narrative-missing", severity=Severity.WARNING, message="m")
    assert (nowhere.sheet, nowhere.cell, nowhere.place) == (None, None, None)
