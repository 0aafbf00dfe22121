"""One workbook's check result, and what every output format needs to say about it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PureWindowsPath

from ..catalogue import FINDING_TYPES
from ..model import Finding, Severity

UNREADABLE = "workbook-unreadable"
_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$")


@dataclass(frozen=True)
class FileResult:
    """The findings on one workbook, or ``error``: the one-line Chinese message when it could not be
    read at all. ``rules`` lists the rule ids that were checked (JUnit writes one test case per rule)."""

    path: str
    name: str | None
    year: int | None
    findings: tuple[Finding, ...]
    error: str | None = None
    rules: tuple[str, ...] = ()

    @property
    def unreadable(self) -> bool:
        return self.error is not None

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Error findings; an unreadable workbook has one, of type ``workbook-unreadable``."""
        own = tuple(f for f in self.findings if f.severity is Severity.ERROR)
        if self.error is None:
            return own
        return (Finding(FINDING_TYPES[UNREADABLE].rule, UNREADABLE, Severity.ERROR, self.error), *own)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def valid(self) -> bool:
        """Readable and no rule broken (warnings allowed)."""
        return not self.errors

    def passes(self, *, strict: bool = False) -> bool:
        """``valid``, and with ``strict`` also free of warnings."""
        return self.valid and not (strict and self.warnings)

    @property
    def file_name(self) -> str:
        return PureWindowsPath(self.path).name or self.path

    @property
    def heading(self) -> str:
        """``path（机关名称，2022年度）`` as far as it is known."""
        about = "，".join(x for x in (self.name, f"{self.year}年度" if self.year else None) if x)
        return f"{self.path}（{about}）" if about else self.path


def exit_code(results: Iterable[FileResult], *, strict: bool = False) -> int:
    """2 when a workbook could not be read, else 1 when a rule is broken (or, with ``strict``, a warning
    was given), else 0."""
    results = list(results)
    if any(r.unreadable for r in results):
        return 2
    return 0 if all(r.passes(strict=strict) for r in results) else 1


def title_of(finding: Finding) -> str:
    kind = FINDING_TYPES.get(finding.type)
    return kind.title if kind else finding.type


def rule_order(rules: Iterable[str]) -> list[str]:
    """Rule ids without repeats, in catalogue order (unknown ones last, as they came)."""
    known = list(dict.fromkeys(t.rule for t in FINDING_TYPES.values()))
    wanted = list(dict.fromkeys(rules))
    return [r for r in known if r in wanted] + [r for r in wanted if r not in known]


def rule_title(rule: str) -> str:
    """The titles of a rule's finding types, e.g. ``R1`` → ``本列勾稽不平``."""
    return "、".join(t.title for t in FINDING_TYPES.values() if t.rule == rule) or rule


def row_and_field(cell: str | None) -> tuple[int | None, int | None]:
    """Spreadsheet row number and 1-based column number of an A1 address (``D30`` → 30, 4)."""
    match = _A1.match(cell or "")
    if not match:
        return None, None
    field = 0
    for letter in match.group(1).upper():
        field = field * 26 + ord(letter) - ord("A") + 1
    return int(match.group(2)), field


def severity_word(finding: Finding) -> str:
    return "错误" if finding.severity is Severity.ERROR else "警告"


def counts(errors: int, warnings: int) -> str:
    """``2 个错误，1 个警告``, leaving out a zero part."""
    parts = [f"{errors} 个错误" if errors else "", f"{warnings} 个警告" if warnings else ""]
    return "，".join(p for p in parts if p) or "无问题"
