"""Data flows one way (shared/ARCHITECTURE.md): no room of the house reaches back into a later one.

Read, check, outline and render are stages; each may use the stages before it and the shared helpers,
never one after it. The renderers see only the Document (``blocks``), never the Report or the format."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "govreport"

# room -> rooms it must never import
LATER = ("workbook", "checks", "document", "render", "findings_format", "batch", "api", "cli")
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "formats": (*LATER, "model", "fonts"),
    "fonts": (*LATER, "formats", "model"),
    "workbook": ("checks", "document", "render", "findings_format", "batch", "api", "cli"),
    "checks": ("workbook", "document", "render", "findings_format", "batch", "api", "cli"),
    "document": ("workbook", "checks", "render", "findings_format", "batch", "api", "cli"),
    "render": (
        "workbook",
        "checks",
        "document",
        "formats",
        "model",
        "findings_format",
        "batch",
        "api",
        "cli",
    ),
    "findings_format": ("workbook", "checks", "document", "render", "batch", "api", "cli"),
    # the tables as open data: from the Report and the format, beside the renderers (not through them)
    "opendata": ("workbook", "checks", "render", "findings_format", "batch", "api", "cli"),
    # published reports are read like workbooks, with the workbook reader's own table location
    "published": ("checks", "document", "render", "findings_format", "batch", "api", "cli"),
}


def _imported_rooms(path: Path) -> set[str]:
    """The top-level govreport rooms a module imports (absolute or relative)."""
    package = path.relative_to(SRC.parent).parent.parts
    rooms: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = [*base, *(node.module.split(".") if node.module else [])]
                names = [[*target, alias.name] for alias in node.names] if not node.module else [target]
            else:
                names = [node.module.split(".")] if node.module else []
            for parts in names:
                if parts[:1] == ["govreport"] and len(parts) > 1:
                    rooms.add(parts[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "govreport" and len(parts) > 1:
                    rooms.add(parts[1])
    return rooms


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_no_room_reaches_into_a_later_one(room: str) -> None:
    folder = SRC / room
    modules = sorted(folder.rglob("*.py")) if folder.is_dir() else [SRC / f"{room}.py"]
    assert modules
    reaches = {
        f"{m.relative_to(SRC)} -> {r}" for m in modules for r in _imported_rooms(m) & set(FORBIDDEN[room])
    }
    assert not reaches, sorted(reaches)
