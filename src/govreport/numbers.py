"""Numbers in Chinese prose: digits (ASCII or full-width), Chinese numerals, units, approximations; and
writing a small number as a Chinese numeral.

Used by the narrative check (rule Q4) to find the numbers a sentence quotes. A Chinese numeral counts
only when a unit follows it ("三件"), so "一是" or "统一" are never numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_UNITS = "万元|亿元|元|人次|件|宗|起|份|例|部|次|个|项|条|名|人|家|年|月|日|号|期|天|%"
_TOKEN = re.compile(
    rf"(?P<pre>第|约|近|超过|逾|大约|将近|不足|不到|上|数)?"
    rf"(?P<num>(?<![\d.])\d+(?:,\d{{3}})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)"
    rf"(?P<approx>余|多|左右)?(?P<unit>{_UNITS})?"
)
_APPROX_PREFIXES = {"约", "近", "超过", "逾", "大约", "将近", "不足", "不到"}
_APPROX_BEFORE_NUMERALS = {"上", "数"}  # 上百件, 数十件 (but 申请数12件 is exact)
_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SCALES = {"十": 10, "百": 100, "千": 1000}


@dataclass(frozen=True)
class Token:
    """A number in a sentence: ``start``/``end`` span the number and its unit."""

    start: int
    end: int
    value: Decimal
    unit: str
    approximate: bool  # 约 / 余 / 多 / 近 …: not a count to compare
    ordinal: bool  # 第…

    @property
    def decimals(self) -> int:
        exponent = self.value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def normalise(text: str) -> str:
    """Full-width digits, % and . as ASCII (same length, so positions are kept)."""
    return text.translate(_FULL_WIDTH)


def chinese_to_int(text: str) -> int | None:
    """十二 → 12, 一百零五 → 105, 两千 → 2000; None when it is not a well-formed numeral."""
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and digit != 0 and _DIGITS[ch] != 0:
                return None  # "一二" is not a numeral
            digit = _DIGITS[ch]
        elif ch in _SCALES:
            section += (1 if digit is None else digit) * _SCALES[ch]
            digit = None
        elif ch == "万":
            total = (total + section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def tokens(text: str) -> list[Token]:
    """The numbers of ``text`` (already normalised), in order."""
    found = []
    for m in _TOKEN.finditer(text):
        raw, unit = m.group("num"), m.group("unit") or ""
        if raw[0].isdigit():
            value = Decimal(raw.replace(",", ""))
        else:
            number = chinese_to_int(raw)
            if number is None or not unit or unit in {"年", "月", "日", "号", "期"}:
                continue
            value = Decimal(number)
        pre = m.group("pre") or ""
        approximate = bool(m.group("approx")) or pre in _APPROX_PREFIXES
        approximate = approximate or (pre in _APPROX_BEFORE_NUMERALS and not raw[0].isdigit())
        found.append(Token(m.start("num"), m.end(), value, unit, approximate, pre == "第"))
    return found


_NUMERALS = "一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (enough for numbering sub-items)."""
    if n < 10:
        return _NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    head = "" if tens == 1 else _NUMERALS[tens - 1]
    return f"{head}十{_NUMERALS[units - 1] if units else ''}"
