"""A small evaluator for the formulas a statutory table carries: cell references, ranges inside SUM,
numbers, + - * / and parentheses. Enough for totals written by our template (never calculated when
filled by a script) and for the usual =SUM(...) / =A1+B1 of hand-made workbooks. Anything else raises
FormulaError and the reader falls back to the value Excel cached."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .coords import column_index
from .values import to_decimal

Lookup = Callable[[str | None, int, int], object]  # (sheet or None for "this sheet", row, col) -> value

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<ref>(?:(?P<sheet>'(?:[^']|'')+'|[^\s'!:(),+\-*/^=<>&"]+)!)?
              \$?(?P<c1>[A-Za-z]{1,3})\$?(?P<r1>\d+)(?::\$?(?P<c2>[A-Za-z]{1,3})\$?(?P<r2>\d+))?)
     |(?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)
     |(?P<func>[A-Za-z][A-Za-z0-9.]*)\(
     |(?P<op>[-+*/(),])
    )""",
    re.VERBOSE,
)


class FormulaError(ValueError):
    """The formula is outside what this evaluator understands, or refers to text."""


MAX_LENGTH = 8192  # Excel's own limit on a formula's length
MAX_RANGE = 10000  # cells in one range


def evaluate(formula: str, lookup: Lookup) -> Decimal:
    """The value of ``formula`` (with or without the leading '='); references resolve through ``lookup``.
    Whatever this evaluator cannot compute exactly, within bounded work, raises FormulaError: deep
    nesting, numbers beyond Decimal's range, over-long formulas."""
    if len(formula) > MAX_LENGTH:
        raise FormulaError("formula too long")
    try:
        parser = _Parser(_tokens(formula.lstrip("=")), lookup)
        value = parser.expression()
    except (ArithmeticError, RecursionError) as exc:
        raise FormulaError(type(exc).__name__) from None
    if parser.pos != len(parser.tokens):
        raise FormulaError(formula)
    if isinstance(value, list):
        raise FormulaError(formula)
    return value


def summed_references(formula: str) -> list[tuple[str | None, int, int, int, int]]:
    """The references that are direct arguments of SUM (``SUM(A1:A5,B2)``, not ``SUM(A1+B1)``): the
    cells where Excel skips a number stored as text instead of converting it."""
    tokens = _tokens(formula.lstrip("="))
    found = []
    calls: list[object] = []  # per open parenthesis: "SUM", another function, or None for grouping
    for i, (kind, value) in enumerate(tokens):
        if kind == "func":
            calls.append(value)
        elif (kind, value) == ("op", "("):
            calls.append(None)
        elif (kind, value) == ("op", ")") and calls:
            calls.pop()
        elif kind == "ref" and calls and calls[-1] == "SUM":
            before = tokens[i - 1] if i else None
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if before in (("op", ","), ("func", "SUM")) and after in (("op", ","), ("op", ")")):
                found.append(value)
    return found  # type: ignore[return-value]


def references(formula: str) -> list[tuple[str | None, int, int, int, int]]:
    """The cells and ranges ``formula`` refers to: (sheet or None, first row, first column, last row,
    last column), 1-based; raises FormulaError when the formula cannot be tokenised."""
    if len(formula) > MAX_LENGTH:
        raise FormulaError("formula too long")
    return [value for kind, value in _tokens(formula.lstrip("=")) if kind == "ref"]  # type: ignore[misc]


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[tuple[str, object], ...]:
    """The formula's tokens; the same totals formulas recur in every workbook of a batch."""
    tokens: list[tuple[str, object]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise FormulaError(text)
        pos = m.end()
        if m.group("ref"):
            tokens.append(("ref", _ref(m)))
        elif m.group("num"):
            tokens.append(("num", Decimal(m.group("num"))))
        elif m.group("func"):
            tokens.append(("func", m.group("func").upper()))
        else:
            tokens.append(("op", m.group("op")))
    return tuple(tokens)


def _ref(m: re.Match[str]) -> tuple[str | None, int, int, int, int]:
    sheet = m.group("sheet")
    if sheet and sheet.startswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    r1, c1 = int(m.group("r1")), column_index(m.group("c1"))
    r2 = int(m.group("r2")) if m.group("r2") else r1
    c2 = column_index(m.group("c2")) if m.group("c2") else c1
    return sheet, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


class _Parser:
    def __init__(self, tokens: tuple[tuple[str, object], ...], lookup: Lookup) -> None:
        self.tokens, self.pos, self.lookup = tokens, 0, lookup

    def _peek(self) -> tuple[str, object] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _take(self) -> tuple[str, object]:
        token = self._peek()
        if token is None:
            raise FormulaError("unexpected end")
        self.pos += 1
        return token

    def expression(self) -> Decimal | list[object]:
        value = self.term()
        while (tok := self._peek()) and tok[0] == "op" and tok[1] in "+-":
            self.pos += 1
            right = _number(self.term())
            value = _number(value) + right if tok[1] == "+" else _number(value) - right
        return value

    def term(self) -> Decimal | list[object]:
        value = self.factor()
        while (tok := self._peek()) and tok[0] == "op" and tok[1] in "*/":
            self.pos += 1
            right = _number(self.factor())
            if tok[1] == "*":
                value = _number(value) * right
            else:
                if right == 0:
                    raise FormulaError("#DIV/0!")
                value = _number(value) / right
        return value

    def factor(self) -> Decimal | list[object]:
        kind, value = self._take()
        if kind == "op" and value in "+-":
            inner = _number(self.factor())
            return -inner if value == "-" else inner
        if kind == "num":
            return value  # type: ignore[return-value]
        if kind == "op" and value == "(":
            inner = self.expression()
            self._expect(")")
            return inner
        if kind == "ref":
            return self._reference(value)  # type: ignore[arg-type]
        if kind == "func" and value == "SUM":
            return self._sum()
        raise FormulaError(str(value))

    def _expect(self, op: str) -> None:
        if self._take() != ("op", op):
            raise FormulaError(f"expected {op}")

    def _reference(self, ref: tuple[str | None, int, int, int, int]) -> Decimal | list[object]:
        sheet, r1, c1, r2, c2 = ref
        if (r1, c1) == (r2, c2):
            return _cell_number(self.lookup(sheet, r1, c1))
        if (r2 - r1 + 1) * (c2 - c1 + 1) > MAX_RANGE:
            raise FormulaError("range too large")
        return [self.lookup(sheet, r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]

    def _sum(self) -> Decimal:
        total = Decimal(0)
        if self._peek() == ("op", ")"):
            self.pos += 1
            return total
        while True:
            arg = self.expression()
            if isinstance(arg, list):
                total += sum((v for v in (_sum_item(x) for x in arg) if v is not None), Decimal(0))
            else:
                total += arg
            kind, value = self._take()
            if (kind, value) == ("op", ")"):
                return total
            if (kind, value) != ("op", ","):
                raise FormulaError("bad SUM")


def _number(value: Decimal | list[object]) -> Decimal:
    if isinstance(value, list):
        raise FormulaError("range outside SUM")
    return value


def _cell_number(value: object) -> Decimal:
    """A referenced cell in arithmetic: blank is 0, numbers count, a number stored as text is
    converted (as Excel does), other text is an error (#VALUE!)."""
    if value is None or value == "":
        return Decimal(0)
    number = _sum_item(value)
    if number is None and isinstance(value, str):
        number = to_decimal(value)
    if number is None:
        raise FormulaError("#VALUE!")
    return number


def _sum_item(value: object) -> Decimal | None:
    """A cell inside SUM: numbers count, text and blanks are ignored (as Excel does)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        try:
            return Decimal(format(value, ".15g"))
        except InvalidOperation:
            return None
    return None
