"""Output formats over per-file results: text, JSON, GitHub workflow commands, JUnit XML, exit codes."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import frictionless
import pytest
from factories import make_report, t

from govreport.checks import check_report, checked_rules
from govreport.findings_format import FileResult, exit_code, to_github, to_json, to_junit, to_text
from govreport.findings_format.result import row_and_field
from govreport.formats import get_format
from govreport.model import Finding, Severity

UNREADABLE = "文件“乙镇.xlsx”不是 Excel 工作簿（.xlsx），无法读取"


def checked(path: str, format_id: str = "gb2021", **overrides: int) -> FileResult:
    """A FileResult as the CLI builds it, from real findings."""
    keys = {"balance": t("t3", "四", "自然人"), "review": t("t4", "案件数", "行政复议/结果纠正")}
    report = make_report(format_id, overrides={keys[k]: v for k, v in overrides.items()})
    rules = checked_rules(get_format(format_id))
    return FileResult(path, report.name, report.year, tuple(check_report(report)), rules=rules)


def warning(message: str = "“一、总体情况”共 1004 字（不计空白），超过 1000 字，请精简") -> Finding:
    return Finding("Q2", "overview-too-long", Severity.WARNING, message, "一、总体情况", "B2")


@pytest.fixture
def broken() -> FileResult:
    return checked("reports/甲镇.xlsx", balance=2, review=1)


@pytest.fixture
def warned() -> FileResult:
    return FileResult("丙镇.xlsx", "丙镇人民政府", 2022, (warning(),), rules=("R1", "Q2"))


@pytest.fixture
def unreadable() -> FileResult:
    return FileResult("乙镇.xlsx", None, None, (), error=UNREADABLE)


def test_result_properties(broken: FileResult, warned: FileResult, unreadable: FileResult) -> None:
    assert [f.rule for f in broken.errors] == ["R1", "R2", "R4"] and not broken.valid
    assert warned.valid and warned.passes() and not warned.passes(strict=True)
    assert [(f.rule, f.type, f.message) for f in unreadable.errors] == [
        ("READ", "workbook-unreadable", UNREADABLE)
    ]
    assert not unreadable.valid


def test_exit_codes(broken: FileResult, warned: FileResult, unreadable: FileResult) -> None:
    clean = checked("丁镇.xlsx")
    assert exit_code([]) == 0
    assert exit_code([clean]) == 0
    assert exit_code([clean, warned]) == 0
    assert exit_code([clean, warned], strict=True) == 1
    assert exit_code([warned, broken]) == 1
    assert exit_code([broken, unreadable, clean]) == 2


def test_text_groups_by_file_with_a_verdict(
    broken: FileResult, warned: FileResult, unreadable: FileResult
) -> None:
    text = to_text([broken, warned, unreadable])
    blocks = text.rstrip("\n").split("\n\n")
    assert len(blocks) == 4
    first = blocks[0].splitlines()
    assert first[0] == "reports/甲镇.xlsx（威海市文登区大水泊镇人民政府，2022年度）"
    place = f"{broken.errors[0].sheet}!{broken.errors[0].cell}"
    assert first[1].startswith(f"  错误 R1 {place} 本列勾稽不平：表三“四、结转下年度继续办理”×“自然人”应为 1")
    assert [line.split()[1] for line in first[1:-1]] == ["R1", "R2", "R4"]
    assert first[-1] == "  ✗ 3 个错误"
    assert blocks[1].splitlines() == [
        "丙镇.xlsx（丙镇人民政府，2022年度）",
        "  警告 Q2 一、总体情况!B2 总体情况篇幅过长：“一、总体情况”共 1004 字（不计空白），超过 1000 字，请精简",
        "  ✓ 通过（1 个警告）",
    ]
    assert blocks[2].splitlines() == [
        "乙镇.xlsx",
        f"  错误 READ 无法读取工作簿：{UNREADABLE}",
        "  ✗ 无法读取",
    ]
    assert blocks[3] == "共 3 个文件：1 个通过，2 个未通过（其中 1 个无法读取）；共 4 个错误，1 个警告"


def test_text_strict_fails_on_warnings(warned: FileResult) -> None:
    assert to_text([warned], strict=True).splitlines()[-1] == "  ✗ 1 个警告（严格模式下警告也不通过）"
    assert to_text([checked("丁镇.xlsx")]).splitlines()[-1] == "  ✓ 通过"  # one file: no summary line


ERROR_KEYS = {
    "type", "findingType", "rule", "title", "description", "message", "note", "tags", "severity", "sheet",
    "address", "cell", "fieldName", "rowNumber", "fieldNumber", "table", "rowLabel", "columnLabel",
    "expected", "actual", "cells",
}  # fmt: skip


def test_json_is_shaped_like_frictionless(
    broken: FileResult, warned: FileResult, unreadable: FileResult
) -> None:
    text = to_json([broken, warned, unreadable])
    assert "勾稽" in text  # UTF-8, not \u escapes
    report = json.loads(text)
    assert report["valid"] is False
    assert report["stats"] == {"tasks": 3, "errors": 4, "warnings": 1}
    first, second, third = report["tasks"]
    assert (first["name"], first["title"], first["place"], first["valid"]) == (
        "workbook-1",
        "威海市文登区大水泊镇人民政府",
        "reports/甲镇.xlsx",
        False,
    )
    assert first["stats"] == {"errors": 3, "warnings": 0}
    error = first["errors"][0]
    assert set(error) == ERROR_KEYS
    finding = broken.errors[0]
    assert (error["type"], error["findingType"], error["rule"], error["title"], error["severity"]) == (
        "cell-error", "balance-mismatch", "R1", "本列勾稽不平", "error"
    )  # fmt: skip
    assert (error["sheet"], error["address"], error["cell"], error["expected"], error["actual"]) == (
        finding.sheet,
        finding.cell,
        "2",
        "1",
        "2",
    )
    assert (error["table"], error["rowLabel"], error["columnLabel"]) == (
        "表三",
        "四、结转下年度继续办理",
        "自然人",
    )
    assert error["cells"] == list(finding.cells) and len(error["cells"]) == 3
    assert error["tags"] == ["#table", "#row", "#cell"]
    assert second["valid"] is True and second["warningDetails"][0]["findingType"] == "overview-too-long"
    (line,) = second["warnings"]
    assert line.startswith("Q2 ") and line.endswith(warned.warnings[0].message)
    assert (third["name"], third["title"], third["valid"]) == ("workbook-3", "乙镇.xlsx", False)
    assert [(e["type"], e["findingType"], e["message"], e["tags"]) for e in third["errors"]] == [
        ("file-error", "workbook-unreadable", UNREADABLE, ["#file"])
    ]


def test_json_loads_as_a_frictionless_report(
    broken: FileResult, warned: FileResult, unreadable: FileResult
) -> None:
    """What the README promises: frictionless's own loader takes the JSON as a validation report."""
    report = frictionless.Report.from_descriptor(json.loads(to_json([broken, warned, unreadable])))
    assert [t.title for t in report.tasks] == ["威海市文登区大水泊镇人民政府", warned.name, "乙镇.xlsx"]
    cell_error = report.tasks[0].errors[0]
    assert (cell_error.type, cell_error.row_number, cell_error.field_number, cell_error.cell) == (
        "cell-error",
        *row_and_field(broken.errors[0].cell),
        "2",
    )
    assert report.tasks[1].warnings and report.tasks[2].errors[0].type == "file-error"


@pytest.mark.parametrize(
    ("cell", "row", "field"), [("D30", 30, 4), ("AA7", 7, 27), ("$B$2", 2, 2), (None, None, None)]
)
def test_json_row_and_field_numbers_come_from_the_cell(
    cell: str | None, row: int | None, field: int | None
) -> None:
    finding = Finding("R2", "row-total-mismatch", Severity.ERROR, "…", "表三", cell)
    error = json.loads(to_json([FileResult("a.xlsx", None, None, (finding,))]))["tasks"][0]["errors"][0]
    assert (error["rowNumber"], error["fieldNumber"]) == (row, field)


COMMAND = re.compile(r"^::(error|warning|notice) file=([^,:]*),title=([^,:]*)::(.*)$")


def test_github_lines_escape_per_the_toolkit() -> None:
    nasty = Finding("R2", "row-total-mismatch", Severity.ERROR, "50% 不符,原因:\r\n见下", "表:三,a", "D30")
    lines, _ = to_github([FileResult("dir\\a,b:c.xlsx", None, None, (nasty,))])
    (line,) = lines.splitlines()
    match = COMMAND.match(line)
    assert match is not None
    assert match.groups() == (
        "error",
        "dir/a%2Cb%3Ac.xlsx",
        "R2 表%3A三%2Ca!D30",
        "行总计不符：50%25 不符,原因:%0D%0A见下",
    )


def test_github_caps_annotations_per_file_and_summarises_all() -> None:
    many = tuple(warning(f"第 {i} 条") for i in range(15))
    big = FileResult("big.xlsx", None, None, many)
    small = FileResult("small.xlsx", None, None, many[:3])
    lines, summary = to_github([big, small], limit=10)
    parsed = [COMMAND.match(line) for line in lines.splitlines()]
    assert all(parsed)
    per_file = [(m.group(1), m.group(2)) for m in parsed if m]
    assert per_file.count(("warning", "big.xlsx")) == 10
    assert per_file.count(("notice", "big.xlsx")) == 1
    assert per_file.count(("warning", "small.xlsx")) == 3
    assert "另有 5 条问题" in lines
    rows = [line for line in summary.splitlines() if "| 警告 | Q2 |" in line]
    assert len(rows) == 18
    assert "第 14 条" in summary


def test_github_summary_escapes_markdown_tables() -> None:
    finding = Finding("R2", "row-total-mismatch", Severity.ERROR, "a|b\n<c>", "表三", "D30")
    _, summary = to_github([FileResult("a.xlsx", None, None, (finding,))])
    assert "a\\|b<br>&lt;c&gt;" in summary


def test_github_unreadable_file(unreadable: FileResult) -> None:
    lines, summary = to_github([unreadable])
    assert lines == f"::error file=乙镇.xlsx,title=READ::无法读取工作簿：{UNREADABLE}\n"
    assert "✗ 无法读取" in summary


def parse_junit(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def test_junit_one_suite_per_file_one_case_per_rule(broken: FileResult, warned: FileResult) -> None:
    root = parse_junit(to_junit([broken, warned]))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["reports/甲镇.xlsx", "丙镇.xlsx"]
    cases = suites[0].findall("testcase")
    assert [c.get("name", "").split()[0] for c in cases] == list(broken.rules)
    failed = {c.get("name", "").split()[0]: c.find("failure") for c in cases}
    assert {rule for rule, failure in failed.items() if failure is not None} == {"R1", "R2", "R4"}
    r1 = failed["R1"]
    assert r1 is not None and r1.get("type") == "balance-mismatch"
    assert f"{broken.errors[0].place} 本列勾稽不平：" in (r1.text or "")
    assert (suites[0].get("tests"), suites[0].get("failures"), suites[0].get("errors")) == ("11", "3", "0")
    assert (root.get("tests"), root.get("failures")) == ("13", "3")


def test_junit_warnings_pass_unless_strict(warned: FileResult) -> None:
    q2 = next(
        c for c in parse_junit(to_junit([warned])).iter("testcase") if c.get("name", "").startswith("Q2")
    )
    assert q2.find("failure") is None
    assert "总体情况篇幅过长" in (q2.findtext("system-out") or "")
    strict = next(
        c
        for c in parse_junit(to_junit([warned], strict=True)).iter("testcase")
        if c.get("name", "").startswith("Q2")
    )
    assert strict.find("failure") is not None and strict.find("system-out") is None


def test_junit_unreadable_file_is_an_error(unreadable: FileResult) -> None:
    suite = parse_junit(to_junit([unreadable])).find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("errors")) == ("1", "1")
    error = suite.find("testcase/error")
    assert error is not None and error.get("message") == UNREADABLE and error.text == UNREADABLE


def test_junit_escapes_and_drops_what_xml_cannot_hold() -> None:
    finding = Finding("R2", "row-total-mismatch", Severity.ERROR, 'a < b & "c"\x01', "表三", "D30")
    text = to_junit([FileResult("a&b.xlsx", None, None, (finding,))])
    failure = parse_junit(text).find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == '1 处：a < b & "c"'
    assert "\x01" not in text
