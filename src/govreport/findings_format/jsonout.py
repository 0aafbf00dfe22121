"""Findings as JSON, shaped like a frictionless validation report: one task per workbook."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..catalogue import FINDING_TYPES
from ..model import Finding
from .result import UNREADABLE, FileResult, row_and_field, title_of


def to_json(results: Iterable[FileResult]) -> str:
    tasks = [_task(i, r) for i, r in enumerate(results, start=1)]
    report = {
        "valid": all(t["valid"] for t in tasks),
        "stats": {
            "tasks": len(tasks),
            "errors": sum(t["stats"]["errors"] for t in tasks),
            "warnings": sum(t["stats"]["warnings"] for t in tasks),
        },
        "warnings": [],  # frictionless: problems of the run itself; a batch has none beyond its tasks
        "errors": [],
        "tasks": tasks,
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _task(number: int, result: FileResult) -> dict[str, Any]:
    """One workbook. frictionless wants a slug as ``name`` (the body's name goes into ``title``) and
    plain strings as ``warnings``; the warnings' details, shaped like the errors, are ``warningDetails``."""
    return {
        "name": f"workbook-{number}",
        "type": "table",
        "title": result.name or result.file_name,
        "place": result.path,
        "year": result.year,
        "labels": [],  # the statutory tables' labels are checked by rule Q6, not listed here
        "valid": result.valid,
        "stats": {"errors": len(result.errors), "warnings": len(result.warnings)},
        "errors": [finding_dict(f) for f in result.errors],
        "warnings": [_warning_line(f) for f in result.warnings],
        "warningDetails": [finding_dict(f) for f in result.warnings],
    }


def _warning_line(finding: Finding) -> str:
    place = f"{finding.sheet}!{finding.cell}" if finding.sheet and finding.cell else finding.sheet
    return " ".join(p for p in (finding.rule, place, finding.message) if p)


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as a frictionless error: ``type`` is frictionless's own (cell-error, row-error,
    table-error, file-error, error), ``findingType`` govreport's; ``cell`` is the cell's content (as
    frictionless has it) and ``address`` where it is."""
    row_number, field_number = row_and_field(finding.cell)
    kind = FINDING_TYPES.get(finding.type)
    entry: dict[str, Any] = {
        "type": _frictionless_type(finding, row_number),
        "findingType": finding.type,
        "rule": finding.rule,
        "title": title_of(finding),
        "description": kind.description if kind else "",
        "message": finding.message,
        "note": _note(finding),
        "tags": tags(finding),
        "severity": finding.severity.value,
        "sheet": finding.sheet,
        "address": finding.cell,
        "rowNumber": row_number,
        "fieldNumber": field_number,
        "table": finding.table,
        "rowLabel": finding.row_label,
        "columnLabel": finding.column_label,
        "expected": finding.expected,
        "actual": finding.actual,
        "cells": list(finding.cells),
    }
    if row_number is not None:
        entry["cell"] = finding.actual or ""
        entry["fieldName"] = finding.column_label or finding.cell or ""
    return entry


def _frictionless_type(finding: Finding, row_number: int | None) -> str:
    if finding.type == UNREADABLE:
        return "file-error"
    if row_number is not None:
        return "cell-error"
    return "table-error" if finding.table else "error"


def _note(finding: Finding) -> str:
    parts = []
    if finding.expected is not None:
        parts.append(f"应为 {finding.expected}")
    if finding.actual is not None:
        parts.append(f"实为 {finding.actual}")
    return "，".join(parts)


def tags(finding: Finding) -> list[str]:
    """frictionless-style tags: where the problem is (#file, #table, #row, #cell, #label, #text)."""
    if finding.type == UNREADABLE:
        return ["#file"]
    found = []
    if finding.table:
        found.append("#table")
        if finding.row_label:
            found.append("#row")
    if finding.cell:
        found.append("#cell")
    if finding.rule == FINDING_TYPES["label-missing"].rule:
        found.append("#label")
    if not finding.table and finding.rule != FINDING_TYPES["label-missing"].rule:
        found.append("#text")
    if finding.rule.startswith("X"):
        found.append("#cross-year")
    return found
