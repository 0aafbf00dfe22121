"""The shape of the prepared Word package: what :mod:`.package` builds and :mod:`.template` keeps.

Kept apart from both so that the cache (:mod:`.template`) can hand out a stored package without importing
python-docx, and the builder (:mod:`.package`) needs nothing from the cache.
"""

from __future__ import annotations

from dataclasses import dataclass

DRAFT_TOKEN = "GOVREPORT-DRAFT-MARK"


@dataclass(frozen=True)
class Template:
    """The package's members in order, and ``word/document.xml`` split where the body goes."""

    members: tuple[tuple[str, bytes], ...]
    document_head: bytes
    document_tail: bytes
