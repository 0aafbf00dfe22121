"""Roll-up (汇总): the golden cases of tests/cases/rollup.json over the summing and the choice of children,
then the parent workbook and the check of a parent against its children."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from factories import make_report, sample_inputs

from govreport.checks import check_report
from govreport.formats import CellKey, get_format
from govreport.model import Number
from govreport.rollup import Child, RollupError, compare_with_children, sum_children
from govreport.rollup.children import packed
from govreport.rollup.select import source_findings

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases" / "rollup.json").read_text(encoding="utf-8")
)
YEAR = {"gb2021": 2022, "gb2019": 2020}
OTHER = {"gb2021": "gb2019", "gb2019": "gb2021"}


def key(text: str) -> CellKey:
    return CellKey(*text.split("|"))


def number(value: int | str) -> Number:
    return Decimal(value) if isinstance(value, str) else value


def cells(spec: dict[str, Any]) -> dict[CellKey, Number]:
    return {key(k): number(v) for k, v in spec.items()}


def child(format_id: str, spec: dict[str, Any], path: str = "") -> Child:
    """A child as the roll-up reads it: the sample report changed as the case says, its errors found
    by the real checks."""
    own = OTHER[format_id] if spec.get("other_format") else format_id
    year = YEAR[format_id] + spec.get("year_offset", 0)
    inputs = {**sample_inputs(own), **cells(spec.get("inputs", {}))}
    report = make_report(
        own,
        inputs,
        details={"name": spec["name"], "year": str(year)},
        overrides=cells(spec.get("overrides", {})),
    )
    errors = tuple(f.message for f in check_report(report) if f.is_error)
    numbers = packed(own, {k: v.number for k, v in report.values.items()})
    return Child(
        path or f"{spec['name']}.xlsx",
        name=spec["name"],
        year=year,
        format_id=own,
        errors=errors,
        units=spec.get("units", {}),
        numbers=numbers,
    )


def golden() -> list[Any]:
    return [
        pytest.param(case, format_id, id=f"{case['id']} [{format_id}]")
        for case in CASES
        for format_id in case["formats"]
    ]


@pytest.mark.parametrize(("case", "format_id"), golden())
def test_golden_rollup(case: dict[str, Any], format_id: str) -> None:
    children = [child(format_id, c, f"{i}.xlsx") for i, c in enumerate(case["children"])]
    result = sum_children(
        children,
        "某某县人民政府",
        YEAR[format_id],
        allow_errors=case.get("allow_errors", False),
        expected=case.get("expect"),
    )
    assert result.fmt.id == format_id
    assert {k: result.values[k] for k in cells(case["parent"])} == cells(case["parent"])
    assert [s.status for s in result.sources] == case["statuses"]
    found = [(f.rule, f.type) for f in result.findings]
    assert found == [(rule, type_) for rule, type_, _ in case["findings"]]
    for (_, _, line), finding in zip(case["findings"], result.findings, strict=True):
        source = result.sources[line]
        assert (source.path or source.name) in finding.message  # names the file (or the missing body)
    if "units" in case:
        assert dict(result.units) == case["units"]
    # The parent passes the checks whenever the children summed do.
    if all(not s.child.errors for s in result.included if s.child):
        assert [f for f in check_report(result.report()) if f.is_error] == []


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_key_figures_of_the_lines_add_up_to_the_parent(format_id: str) -> None:
    specs = [{"name": "甲镇"}, {"name": "乙镇", "inputs": {"t3|一|自然人": 7, "t3|（一）|自然人": 5}}]
    result = sum_children([child(format_id, s) for s in specs], "某某县", YEAR[format_id])
    lines = [result.key_figures(s) for s in result.sources]
    total = [sum(column) for column in zip(*lines, strict=True)]  # type: ignore[misc]
    assert total[0] == result.values[key("t3|一|总计")] == 16
    assert len(result.key_figure_titles()) == len(get_format(format_id).key_figures)


def test_the_year_is_the_childrens_and_a_tie_is_refused() -> None:
    a = child("gb2021", {"name": "甲镇"})
    b = child("gb2021", {"name": "乙镇", "year_offset": 1})
    c = child("gb2021", {"name": "丙镇"})
    assert sum_children([a, b, c], "某某县").year == YEAR["gb2021"]
    with pytest.raises(RollupError, match=r"年度不一致.*--year"):
        sum_children([a, b], "某某县")
    with pytest.raises(RollupError, match="没有可以读取年度"):
        sum_children([Child("坏.xlsx", unreadable="坏.xlsx：无法读取")], "某某县")


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_a_parent_equal_to_the_sum_passes_and_a_changed_cell_is_found(format_id: str) -> None:
    specs = [
        {"name": "甲镇人民政府"},
        {"name": "乙镇人民政府", "inputs": {"t3|一|自然人": 7, "t3|（一）|自然人": 5}},
        {"name": "丙镇人民政府", "inputs": {"t3|一|自然人": 6, "t3|（一）|自然人": 4}},
    ]
    children = [child(format_id, s) for s in specs]
    inputs = sum_children(children, "某某县", YEAR[format_id]).inputs()
    good = make_report(format_id, inputs, details={"name": "某某县", "year": str(YEAR[format_id])})
    assert compare_with_children(good, children) == []
    bad = make_report(
        format_id,
        inputs,
        details={"name": "某某县", "year": str(YEAR[format_id])},
        overrides={key("t3|一|自然人"): 16},
    )
    findings = compare_with_children(bad, children)
    assert [(f.rule, f.type, f.place) for f in findings] == [
        ("H1", "rollup-mismatch", str(bad.values[key("t3|一|自然人")].place))
    ]
    finding = findings[0]
    assert (finding.expected, finding.actual) == ("18", "16")
    # The children that contribute most, largest first.
    assert "乙镇人民政府 7、丙镇人民政府 6、甲镇人民政府 5" in finding.message


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_a_parent_cell_that_is_no_count_is_not_compared(format_id: str) -> None:
    """A negative the reader flagged (R5) in the parent: no H1 at it, nor at the totals summed from it."""
    children = [child(format_id, {"name": "甲镇人民政府"}), child(format_id, {"name": "乙镇人民政府"})]
    inputs = sum_children(children, "某某县", YEAR[format_id]).inputs()
    bad = key("t3|一|商业企业")
    parent = make_report(
        format_id, {**inputs, bad: -1}, details={"name": "某某县", "year": str(YEAR[format_id])}
    )
    assert {f.place for f in compare_with_children(parent, children)} >= {str(parent.values[bad].place)}
    values = {**parent.values, bad: replace(parent.values[bad], unusable=True)}
    assert compare_with_children(replace(parent, values=values), children) == []


def test_a_rounded_amount_of_the_parent_matches_the_exact_sum() -> None:
    specs = [
        {"name": "甲镇", "inputs": {"t2|行政事业性收费|本年收费金额": "1.234"}},
        {"name": "乙镇", "inputs": {"t2|行政事业性收费|本年收费金额": "2.0005"}},
    ]
    children = [child("gb2021", s) for s in specs]
    details = {"name": "某某县", "year": "2022"}
    amount = key("t2|行政事业性收费|本年收费金额")
    rounded = make_report(
        "gb2021", sample_inputs("gb2021"), details=details, overrides={amount: Decimal("3.23")}
    )
    findings = [
        f for f in compare_with_children(rounded, children) if f.cell == rounded.values[amount].place.cell
    ]
    assert findings == []
    wrong = make_report(
        "gb2021", sample_inputs("gb2021"), details=details, overrides={amount: Decimal("3.24")}
    )
    assert any(f.expected == "3.2345" for f in compare_with_children(wrong, children))


def test_a_missing_or_refused_child_stops_the_cell_by_cell_comparison() -> None:
    children = [child("gb2021", {"name": "甲镇"}), child("gb2021", {"name": "乙镇", "year_offset": -1})]
    parent = make_report(
        "gb2021", details={"name": "某某县", "year": "2022"}, overrides={key("t3|一|自然人"): 99}
    )
    findings = compare_with_children(parent, children, expected=["甲镇", "乙镇", "丙镇"])
    assert [(f.rule, f.type) for f in findings] == [("H3", "child-refused"), ("H2", "child-missing")]
    assert all("未逐格核对" in f.message for f in findings)


def test_findings_point_at_the_lines_of_the_overview() -> None:
    from govreport.model import Place

    result = sum_children(
        [child("gb2021", {"name": "甲镇"}), child("gb2021", {"name": "乙镇", "year_offset": -1})],
        "某某县",
        2022,
    )
    places = [Place("汇总来源", f"A{3 + i}") for i in range(len(result.sources))]
    assert [f.place for f in source_findings(result.sources, places)] == ["汇总来源!A4"]


@pytest.mark.parametrize(
    ("content", "names"),
    [
        ("甲镇人民政府\n乙镇人民政府\n".encode(), ["甲镇人民政府", "乙镇人民政府"]),
        (
            "\ufeff机关名称\r\n甲镇人民政府\r\n\r\n  乙镇人民政府  \r\n".encode(),
            ["甲镇人民政府", "乙镇人民政府"],
        ),
        ("甲镇人民政府\n乙镇人民政府\n".encode("gb18030"), ["甲镇人民政府", "乙镇人民政府"]),
        ("甲镇人民政府\n乙镇人民政府\n".encode("utf-16"), ["甲镇人民政府", "乙镇人民政府"]),
        ("甲镇人民政府,1\n乙镇人民政府\t2\n".encode(), ["甲镇人民政府", "乙镇人民政府"]),
        (b"", None),
        (b"\n\n  \n", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None),
        (bytes(range(256)) * 8, None),
    ],
)
def test_expected_list_from_text_or_a_clear_refusal(
    tmp_path: Path, content: bytes, names: list[str] | None
) -> None:
    from govreport.rollup import read_expected

    listing = tmp_path / "应报名单.txt"
    listing.write_bytes(content)
    if names is None:
        with pytest.raises(RollupError, match="应报名单"):
            read_expected(listing)
    else:
        assert read_expected(listing) == names


def test_a_fault_while_reading_one_child_refuses_that_child_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import govreport.api
    from govreport.rollup import read_child

    def broken(path: object, **_: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(govreport.api, "check_workbook", broken)
    got = read_child("某镇.xlsx")
    assert got.unreadable == "某镇.xlsx：读取时程序出错，请把此信息报告给维护人员：RuntimeError: boom"
    sources = sum_children([got, child("gb2021", {"name": "甲镇"})], "某某县", 2022).sources
    assert [s.status for s in sources] == ["未汇总", "已汇总"]


def test_a_parent_in_yuan_is_compared_with_children_in_wan_yuan() -> None:
    amount = key("t2|政府集中采购|采购总金额")
    specs = [
        {"name": "甲镇", "units": {"采购金额单位": "万元"}, "inputs": {"t2|政府集中采购|采购总金额": "1.5"}},
        {"name": "乙镇", "units": {"采购金额单位": "元"}, "inputs": {"t2|政府集中采购|采购总金额": "2500"}},
    ]
    children = [child("gb2019", s) for s in specs]
    details = {"name": "某某县", "year": "2020", "采购金额单位": "元"}
    inputs = {**sum_children(children, "某某县", 2020).inputs(), amount: Decimal("17500")}
    assert compare_with_children(make_report("gb2019", inputs, details=details), children) == []
    wrong = make_report("gb2019", {**inputs, amount: Decimal("17.5")}, details=details)
    assert [(f.expected, f.actual) for f in compare_with_children(wrong, children)] == [("17500", "17.5")]
