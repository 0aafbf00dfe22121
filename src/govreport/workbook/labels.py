"""Label normalisation: how a label typed by a clerk is compared with the format's label.

Workbooks differ in full-/half-width brackets and digits, spaces and line breaks inside a label,
``1、`` against ``1.``, and the kind of quotation marks. All of these compare equal after :func:`norm`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import clean_text

_SPACE = re.compile(r"\s+")
_ENUM_COMMA = re.compile(r"(?<![\d.])(\d+)、")
_QUOTES = str.maketrans({c: '"' for c in "“”„‟「」『』〝〞＂"} | {c: "'" for c in "‘’‚‛"})
_TRAILING = ":："


@lru_cache(maxsize=4096)
def norm(label: str) -> str:
    """The comparison form of a label: NFKC, no whitespace, ``1、`` → ``1.``, one kind of quotes,
    no trailing colon."""
    text = unicodedata.normalize("NFKC", clean_text(label)).translate(_QUOTES)
    text = _SPACE.sub("", text)
    text = _ENUM_COMMA.sub(r"\1.", text)
    return text.rstrip(_TRAILING)


def norm_cell(value: object) -> str | None:
    """The comparison form of a cell's value when it is text, else None."""
    if isinstance(value, str):
        text = norm(value)
        return text or None
    return None
