"""Findings as GitHub Actions workflow commands, plus a Markdown job summary.

GitHub shows at most 10 error and 10 warning annotations per step and drops the rest silently
(formatting-and-ecosystem.md §4.3), so each file gets at most ``limit`` annotations and one notice saying
how many more are in the job summary ($GITHUB_STEP_SUMMARY), which lists every finding.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Finding, Severity
from .result import FileResult, counts, severity_word, title_of
from .text import verdict


def to_github(results: Iterable[FileResult], *, limit: int = 10) -> tuple[str, str]:
    """(workflow command lines, Markdown step summary)."""
    results = list(results)
    lines: list[str] = []
    for result in results:
        findings = [*result.errors, *result.warnings]
        lines += [_command(result, f) for f in findings[:limit]]
        if len(findings) > limit:
            more = len(findings) - limit
            lines.append(
                _line(
                    "notice",
                    result,
                    "govreport",
                    f"另有 {more} 条问题未在此逐条标注，完整列表见作业摘要（Job summary）",
                )
            )
    return "".join(f"{line}\n" for line in lines), _summary(results)


def escape_data(text: str) -> str:
    """A command's message (actions/toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value (actions/toolkit ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(result: FileResult, finding: Finding) -> str:
    level = "error" if finding.severity is Severity.ERROR else "warning"
    title = f"{finding.rule} {finding.place}" if finding.place else finding.rule
    return _line(level, result, title, f"{title_of(finding)}：{finding.message}")


def _line(level: str, result: FileResult, title: str, message: str) -> str:
    path = result.path.replace("\\", "/")
    return f"::{level} file={escape_property(path)},title={escape_property(title)}::{escape_data(message)}"


def _summary(results: list[FileResult]) -> str:
    out = ["## govreport 校验结果", "", "| 文件 | 结果 |", "|---|---|"]
    out += [f"| {_cell(r.heading)} | {_cell(verdict(r))} |" for r in results]
    findings = [(r, f) for r in results for f in (*r.errors, *r.warnings)]
    if findings:
        out += ["", "| 文件 | 级别 | 规则 | 位置 | 问题 | 说明 |", "|---|---|---|---|---|---|"]
        out += [
            f"| {_cell(r.file_name)} | {severity_word(f)} | {f.rule} | {_cell(f.place or '')} "
            f"| {_cell(title_of(f))} | {_cell(f.message)} |"
            for r, f in findings
        ]
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    out += ["", f"共 {len(results)} 个文件，{counts(errors, warnings)}。"]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (GitHub renders inline HTML, so escape that too)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")
