"""Formulas in narrative cells that Excel never calculated (a workbook written by a script, or saved by a
program that keeps no results): text joined with ``&`` or CONCATENATE/CONCAT, string literals, and
references to other cells — table cells included, whose own uncalculated totals are computed by the
arithmetic evaluator. Anything else raises FormulaError; the reader then names the cell in a finding
instead of printing the formula."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from .coords import column_index
from .formulas import FormulaError, evaluate

# (sheet name or None for the formula's own sheet, 1-based row, 1-based column) -> the cell's raw value
Lookup = Callable[[str | None, int, int], object]

MAX_DIGITS = 15
MAX_DEPTH = 32  # formulas referring to formulas; deeper chains are refused, never recursed without end
_REF = re.compile(
    r"^(?:(?P<sheet>'(?:[^']|'')+'|[^\s'!:(),+\-*/^=<>&\"]+)!)?\$?(?P<c>[A-Za-z]{1,3})\$?(?P<r>\d+)$"
)
_CALL = re.compile(r"^(?P<name>CONCATENATE|CONCAT)\((?P<args>.*)\)$", re.IGNORECASE | re.DOTALL)


def evaluate_text(formula: str, lookup: Lookup, depth: int = 0) -> str:
    """The text ``formula`` (with or without ``=``) produces."""
    if depth > MAX_DEPTH:
        raise FormulaError("formula chain too deep")
    body = formula.strip()
    body = body[1:] if body.startswith("=") else body
    pieces = _split(body, "&")
    return "".join(_piece(piece.strip(), lookup, depth) for piece in pieces)


def _piece(piece: str, lookup: Lookup, depth: int) -> str:
    if not piece:
        raise FormulaError("empty operand")
    if len(piece) >= 2 and piece[0] == piece[-1] == '"':
        inner = piece[1:-1]
        if re.search(r'(?<!")"(?!")', inner.replace('""', "")):
            raise FormulaError("bad string literal")
        return inner.replace('""', '"')
    if _wrapped(piece):
        return evaluate_text(piece[1:-1], lookup, depth + 1)
    call = _CALL.match(piece)
    if call:
        return "".join(evaluate_text(arg, lookup, depth + 1) for arg in _split(call.group("args"), ","))
    ref = _REF.match(piece)
    if ref:
        sheet = ref.group("sheet")
        if sheet and sheet.startswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        return _as_text(
            lookup(sheet, int(ref.group("r")), column_index(ref.group("c"))), sheet, lookup, depth
        )
    return _format(evaluate(piece, _numeric(lookup, depth)))


def _numeric(lookup: Lookup, depth: int) -> Lookup:
    """A lookup for the arithmetic evaluator: a referenced formula is itself computed (a total)."""

    def inner(sheet: str | None, row: int, col: int) -> object:
        value = lookup(sheet, row, col)
        if isinstance(value, str) and value.startswith("=") and len(value) > 1:
            if depth >= MAX_DEPTH:
                raise FormulaError("formula chain too deep")
            return evaluate(value, _on_sheet(_numeric(lookup, depth + 1), sheet))
        return value

    return inner


def _on_sheet(lookup: Lookup, sheet: str | None) -> Lookup:
    """References without a sheet inside a formula found on ``sheet`` mean that sheet."""
    return lambda name, row, col: lookup(name if name is not None else sheet, row, col)


def _as_text(value: object, sheet: str | None, lookup: Lookup, depth: int) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        if value.startswith("=") and len(value) > 1:
            return evaluate_text(value, _on_sheet(lookup, sheet), depth + 1)
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return _format(Decimal(str(value)) if isinstance(value, float) else Decimal(value))
    raise FormulaError("unsupported value")


def _format(number: Decimal) -> str:
    """A number as Excel's General format shows it in text: no trailing zeros, no exponent. Beyond
    Excel's 15 significant digits a number in a sentence is no count at all: refused, never expanded."""
    if not number.is_finite() or abs(number.adjusted()) > MAX_DIGITS:
        raise FormulaError("number out of range")
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _wrapped(piece: str) -> bool:
    """``("a"&B2)``: one pair of parentheses around the whole piece."""
    if not (piece.startswith("(") and piece.endswith(")")):
        return False
    depth, quoted = 0, False
    for i, ch in enumerate(piece):
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
            if depth == 0 and i < len(piece) - 1:
                return False
    return depth == 0


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside string literals and parentheses."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    if quoted or depth != 0:
        raise FormulaError("unbalanced formula")
    parts.append(text[start:])
    return parts
