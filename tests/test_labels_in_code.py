"""House rule: statutory labels are spelled in ``formats/`` only; everything else reads them from the
Format objects. A label in a string literal elsewhere (docstrings aside) fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from govreport.formats import FORMATS, Format
from govreport.workbook.text_sheets import guide_lines

SRC = Path(__file__).parent.parent / "src" / "govreport"
SHORTEST = 5  # shorter labels (总计, 其他, 自然人 …) are ordinary words
# The catalogue describes each rule in words for both formats at once (the README's reference).
EXEMPT = {SRC / "catalogue.py"}


def _with_bare(label: str) -> set[str]:
    """A numbered label and its text without the number (``一、总体情况`` → ``总体情况``)."""
    return {label, label.split("、", 1)[1]} if "、" in label else {label}


def statutory_labels(fmt: Format) -> set[str]:
    labels: set[str] = {fmt.notice, *fmt.other_items}
    for section in fmt.sections:
        for label in (section.heading, *section.aliases, *section.subheadings):
            labels |= _with_bare(label)
    for table in fmt.tables:
        for block in table.blocks:
            for row in block.rows:
                for label in (row.label, *row.group):
                    labels |= _with_bare(label)
            labels.update(p for c in block.columns for p in (c.label, *c.path))
            labels.update(t for t in (block.caption, block.corner_note) if t)
    return {label for label in labels if len(label) >= SHORTEST}


def _literals(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module except its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_statutory_label_is_spelled_outside_formats() -> None:
    labels = set().union(*(statutory_labels(f) for f in FORMATS.values()))
    spelled = [
        f"{path.relative_to(SRC)}:{line} {label}"
        for path in sorted(SRC.rglob("*.py"))
        if "formats" not in path.relative_to(SRC).parts and path not in EXEMPT
        for line, text in _literals(path)
        for label in sorted(labels)
        if label in text
    ]
    assert spelled == []


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_the_guide_quotes_the_formats_own_wording(format_id: str) -> None:
    fmt = FORMATS[format_id]
    guide = "\n".join(guide_lines(fmt))
    note = next(b.corner_note for t in fmt.tables for b in t.blocks if b.corner_note)
    assert note in guide
    overview = fmt.section("一")
    assert f"“{overview.heading}”" in guide
    assert "五个小标题" in guide and len(overview.subheadings) == 5
    assert all(f"表{t.section}" in guide for t in fmt.tables)
