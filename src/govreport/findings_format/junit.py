"""Findings as JUnit XML: one <testsuite> per workbook, one <testcase> per rule.

A rule with errors fails (<failure>, every cell and message in the element text too, since GitLab shows
only the text). Warnings do not fail a build, so a rule with only warnings passes and lists them in
<system-out>; with ``strict`` they fail like errors, matching ``govreport check --strict``. An unreadable
workbook is one test case with <error>: the checks could not run at all.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..model import Finding
from .result import FileResult, rule_order, rule_title
from .text import finding_line

# Characters XML 1.0 cannot hold.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# The test case of a file whose checked rules are not known and that has no findings.
ALL_RULES = "全部规则"


def to_junit(results: Iterable[FileResult], *, strict: bool = False) -> str:
    root = ET.Element("testsuites", name="govreport check")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in results:
        suite = _suite(result, strict)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(result: FileResult, strict: bool) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(result.path), skipped="0", time="0")
    if result.name or result.year:
        props = ET.SubElement(suite, "properties")
        if result.name:
            ET.SubElement(props, "property", name="机关名称", value=_clean(result.name))
        if result.year:
            ET.SubElement(props, "property", name="年度", value=str(result.year))
    classname = _clean(result.name or result.file_name)
    failures = errors = 0
    if result.unreadable:
        case = ET.SubElement(suite, "testcase", classname=classname, name=_case_name(result.errors[0].rule))
        ET.SubElement(
            case, "error", message=_clean(result.error or ""), type="workbook-unreadable"
        ).text = _clean(result.error or "")
        errors = 1
    else:
        for rule in _rules(result):
            failures += _case(suite, classname, rule, result, strict)
    suite.set("tests", str(len(suite.findall("testcase"))))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return suite


def _rules(result: FileResult) -> list[str]:
    rules = rule_order([*result.rules, *(f.rule for f in result.findings)])
    return rules or [ALL_RULES]


def _case(suite: ET.Element, classname: str, rule: str, result: FileResult, strict: bool) -> int:
    """Add the test case of ``rule``; 1 when it fails."""
    case = ET.SubElement(suite, "testcase", classname=classname, name=_case_name(rule))
    errors = [f for f in result.errors if f.rule == rule]
    warnings = [f for f in result.warnings if f.rule == rule]
    failing = errors + (warnings if strict else [])
    if failing:
        first = failing[0]
        message = f"{len(failing)} 处：{first.message}" + ("等" if len(failing) > 1 else "")
        failure = ET.SubElement(case, "failure", message=_clean(message), type=_clean(first.type))
        failure.text = _lines(failing)
    rest = [f for f in warnings if f not in failing]
    if rest:
        ET.SubElement(case, "system-out").text = _lines(rest)
    return 1 if failing else 0


def _case_name(rule: str) -> str:
    return rule if rule == ALL_RULES else f"{rule} {rule_title(rule)}"


def _lines(findings: list[Finding]) -> str:
    return _clean("\n".join(finding_line(f) for f in findings))


def _clean(text: str) -> str:
    return _ILLEGAL.sub("", text)
