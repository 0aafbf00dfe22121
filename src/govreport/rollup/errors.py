"""The roll-up's one exception."""

from __future__ import annotations


class RollupError(ValueError):
    """The roll-up cannot be made at all (no child, years that disagree, an unreadable list of the
    bodies that should report, worker processes that died). The message is Chinese."""
