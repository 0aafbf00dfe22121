"""Findings for people: grouped by file, one line per finding, a verdict per file, a summary."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Finding
from .result import FileResult, counts, severity_word, title_of


def to_text(results: Iterable[FileResult], *, strict: bool = False) -> str:
    results = list(results)
    blocks = [_file_block(r, strict) for r in results]
    if len(results) > 1:
        blocks.append(_summary(results, strict))
    return "\n\n".join(blocks) + "\n"


def finding_line(finding: Finding) -> str:
    """``错误 R1 表三!D30 本列勾稽不平：…``"""
    where = f" {finding.place}" if finding.place else ""
    return f"{severity_word(finding)} {finding.rule}{where} {title_of(finding)}：{finding.message}"


def verdict(result: FileResult, *, strict: bool = False) -> str:
    if result.unreadable:
        return "✗ 无法读取"
    errors, warnings = len(result.errors), len(result.warnings)
    if errors:
        return f"✗ {counts(errors, warnings)}"
    if warnings and strict:
        return f"✗ {counts(0, warnings)}（严格模式下警告也不通过）"
    return f"✓ 通过（{counts(0, warnings)}）" if warnings else "✓ 通过"


def _file_block(result: FileResult, strict: bool) -> str:
    lines = [result.heading]
    lines += [f"  {finding_line(f)}" for f in (*result.errors, *result.warnings)]
    lines.append(f"  {verdict(result, strict=strict)}")
    return "\n".join(lines)


def _summary(results: list[FileResult], strict: bool) -> str:
    passed = sum(r.passes(strict=strict) for r in results)
    unreadable = sum(r.unreadable for r in results)
    failed = len(results) - passed
    failed_text = f"{failed} 个未通过" + (f"（其中 {unreadable} 个无法读取）" if unreadable else "")
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    return f"共 {len(results)} 个文件：{passed} 个通过，{failed_text}；共 {errors} 个错误，{warnings} 个警告"
