"""Output formats over per-file check results: text for people, JSON (frictionless-shaped), GitHub
workflow commands with a Markdown summary, JUnit XML; and the exit code. The checks know nothing of these."""

from __future__ import annotations

from .github import escape_data, escape_property, to_github
from .jsonout import to_json
from .junit import to_junit
from .result import FileResult, exit_code
from .text import to_text

__all__ = [
    "FileResult",
    "escape_data",
    "escape_property",
    "exit_code",
    "to_github",
    "to_json",
    "to_junit",
    "to_text",
]
