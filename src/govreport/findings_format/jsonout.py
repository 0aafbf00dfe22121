"""Findings as JSON, shaped like a frictionless validation report: one task per workbook."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..catalogue import FINDING_TYPES
from ..model import Finding
from .result import UNREADABLE, FileResult, row_and_field, title_of


def to_json(results: Iterable[FileResult]) -> str:
    tasks = [_task(r) for r in results]
    report = {
        "valid": all(t["valid"] for t in tasks),
        "stats": {
            "tasks": len(tasks),
            "errors": sum(t["stats"]["errors"] for t in tasks),
            "warnings": sum(t["stats"]["warnings"] for t in tasks),
        },
        "tasks": tasks,
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _task(result: FileResult) -> dict[str, Any]:
    return {
        "name": result.name or result.file_name,
        "place": result.path,
        "year": result.year,
        "valid": result.valid,
        "stats": {"errors": len(result.errors), "warnings": len(result.warnings)},
        "errors": [finding_dict(f) for f in result.errors],
        "warnings": [finding_dict(f) for f in result.warnings],
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    row_number, field_number = row_and_field(finding.cell)
    kind = FINDING_TYPES.get(finding.type)
    return {
        "type": finding.type,
        "rule": finding.rule,
        "title": title_of(finding),
        "description": kind.description if kind else None,
        "message": finding.message,
        "tags": tags(finding),
        "severity": finding.severity.value,
        "sheet": finding.sheet,
        "cell": finding.cell,
        "rowNumber": row_number,
        "fieldNumber": field_number,
        "table": finding.table,
        "rowLabel": finding.row_label,
        "columnLabel": finding.column_label,
        "expected": finding.expected,
        "actual": finding.actual,
        "cells": list(finding.cells),
    }


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
