"""Reading one value cell: numbers exact (amounts as Decimal without float artefacts), full-width
digits accepted, and the reason when a cell is not a valid number of its kind."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..formats import Kind
from ..model import Number
from ..text import visible

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_SCIENTIFIC = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+")
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
# No count or amount of one body's year comes near a trillion; anything beyond is a typo, a pasted
# serial number or a hostile file, and never reaches arithmetic (Decimal would carry it exactly, but
# int() of 1E+99999999 would not finish).
LIMIT = Decimal(10) ** 12
MAX_CHARS = 64  # no plausible number is written with more characters
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


@dataclass(frozen=True)
class Parsed:
    """A cell as a number of its kind. ``problem`` is a finding type (not-a-number,
    not-a-whole-number, negative-value) or None; ``number`` is None only for not-a-number."""

    number: Number | None
    problem: str | None = None


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip(" \t\r\n\u3000"))


def to_decimal(raw: object) -> Decimal | None:
    """The exact decimal a cell holds, or None when it is not a number. Floats go through 15
    significant digits, Excel's own precision, so 18651.06 stays 18651.06."""
    if isinstance(raw, bool | dt.date | dt.time | dt.timedelta):
        return None
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            return None
        return Decimal(format(raw, ".15g"))
    if isinstance(raw, str):
        if len(raw) > MAX_CHARS:
            return None
        text = unicodedata.normalize("NFKC", raw).strip().replace(" ", "")
        if _GROUPED.fullmatch(text):
            text = text.replace(",", "")
        if _NUMBER.fullmatch(text):
            try:
                return Decimal(text)
            except InvalidOperation:
                return None
    return None


def parse(raw: object, kind: Kind) -> Parsed:
    """A non-blank cell read as ``kind``."""
    if type(raw) is int and -LIMIT < raw < LIMIT:  # most cells: as through Decimal, without the detour
        if kind is Kind.AMOUNT:
            return Parsed(Decimal(raw), "negative-value" if raw < 0 else None)
        return Parsed(raw, "negative-value" if kind is Kind.COUNT and raw < 0 else None)
    if implausible(raw):
        return Parsed(None, "implausible-number")
    number = to_decimal(raw)
    if number is None:
        return Parsed(None, "not-a-number")
    if kind is Kind.AMOUNT:
        amount = _plain(number)
        return Parsed(amount, "negative-value" if amount < 0 else None)
    whole = number == number.to_integral_value()
    value: Number = int(number) if whole else _plain(number)
    if not whole:
        return Parsed(value, "not-a-whole-number")
    if kind is Kind.COUNT and value < 0:
        return Parsed(value, "negative-value")
    return Parsed(value)


def _plain(number: Decimal) -> Decimal:
    """Drop an exponent a float or '1E2' may bring (Decimal('1E+2') -> Decimal('100'))."""
    if number == number.to_integral_value() and number.as_tuple().exponent > 0:  # type: ignore[operator]
        return number.quantize(Decimal(1))
    return number


def implausible(raw: object) -> bool:
    """A number no table can hold: NaN or infinity, a trillion or more, or written with more digits
    than any real count (``1E+99999999``, a pasted ID number of 5000 digits)."""
    if isinstance(raw, bool):
        return False
    if isinstance(raw, int | float | Decimal):
        try:
            return not (-LIMIT < raw < LIMIT)  # NaN compares false both ways
        except (ArithmeticError, ValueError):
            return True
    if not isinstance(raw, str):
        return False
    text = unicodedata.normalize("NFKC", raw[: MAX_CHARS * 4]).strip().replace(" ", "").replace(",", "")
    if _NON_FINITE.fullmatch(text):
        return True
    if _NUMBER.fullmatch(text) or _SCIENTIFIC.fullmatch(text):
        if len(text) > MAX_CHARS or len(raw) > MAX_CHARS * 4:
            return True
        try:
            return not (-LIMIT < Decimal(text) < LIMIT)
        except (ArithmeticError, ValueError):
            return True
    return False


SHOWN_CHARS = 40  # a cell's value quoted in a message: a pasted page of digits is cut


def quoted(value: object) -> str:
    """A cell's value as a message quotes it: invisible characters shown as code points, cut when long."""
    text = visible(str(value))
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS]}…（共{len(text)}个字符）"
