"""Cell addresses (``B12``) and column letters, without importing openpyxl: the reader only needs
these, and importing openpyxl costs a fifth of a second in every process that reads a workbook."""

from __future__ import annotations

import re
from functools import lru_cache

MAX_COLUMN = 18278  # ZZZ
_ADDRESS = re.compile(r"([A-Za-z]{1,3})(\d+)")


@lru_cache(maxsize=1024)
def column_index(letters: str) -> int:
    """1-based index of a column name of one to three letters (``A`` → 1, ``ZZZ`` → 18278)."""
    if not 0 < len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        raise ValueError(f"{letters!r} is not a valid column name")
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


@lru_cache(maxsize=1024)
def column_letter(index: int) -> str:
    """The column name of a 1-based index (1 → ``A``)."""
    if not 0 < index <= MAX_COLUMN:
        raise ValueError(f"invalid column index {index}")
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@lru_cache(maxsize=8192)
def address_to_tuple(address: str) -> tuple[int, int]:
    """(row, column), both 1-based, of an address such as ``B12``; ValueError for anything else."""
    m = _ADDRESS.fullmatch(address)
    if m is None:
        raise ValueError(f"invalid cell address {address!r}")
    return int(m.group(2)), column_index(m.group(1))
