"""Section 一's parts as offices word them: recognised by their number and their meaning, printed in the
office's own words under the report's numbering. ``（一）主动公开工作情况``, ``（二）、依申请公开``,
``二、依申请公开``, ``2.依申请公开`` and ``依申请公开情况`` are all the second part."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..numbers import chinese_number, chinese_to_int

MAX_TITLE = 40  # a sub-heading is a short line; a longer one is a paragraph
_CN = r"[一二三四五六七八九十]{1,3}"
_PAREN_CN = re.compile(rf"^[（(]\s*({_CN})\s*[)）]\s*[、.．,，:：]?\s*")
_BARE_CN = re.compile(rf"^({_CN})\s*[、.．]\s*")
_ARABIC = re.compile(r"^[（(]?\s*(\d{1,2})\s*(?:[)）]|[.．、](?!\d))\s*")
_SENTENCE = re.compile(r"[。；;！？!?]")


@dataclass(frozen=True)
class Numbered:
    number: int | None  # the number the office typed, if any
    words: str  # the title without its number
    parenthesised: bool  # typed as （一）, the customary form of a sub-heading


def numbered(line: str) -> Numbered:
    text = line.strip(" \t\u3000")
    folded = unicodedata.normalize("NFKC", text)
    source = text if len(folded) == len(text) else folded  # the office's characters where they map 1:1
    for pattern, chinese in ((_PAREN_CN, True), (_BARE_CN, True), (_ARABIC, False)):
        m = pattern.match(folded)
        if m:
            number = chinese_to_int(m.group(1)) if chinese else int(m.group(1))
            if number is None:  # 一二、: no numeral
                continue
            words = source[m.end() :].strip(" \t\u3000:：")
            return Numbered(number, words, folded.startswith("("))
    return Numbered(None, text.strip(" \t\u3000:："), False)


def is_short(line: str) -> bool:
    """A line that can be a heading: short, and no sentence in it."""
    body = line.strip(" \t\u3000")
    return 0 < len(body) <= MAX_TITLE and not _SENTENCE.search(body.rstrip("。"))


def meaning(words: str, meanings: tuple[tuple[str, ...], ...]) -> int | None:
    """The 1-based part whose words ``words`` contains; None when none or more than one do."""
    hits = [i for i, keys in enumerate(meanings, 1) if any(k in words for k in keys)]
    return hits[0] if len(hits) == 1 else None


def printed(number: int, words: str) -> str:
    """``（二）依申请公开情况``: the report's numbering, the office's words."""
    return f"（{chinese_number(number)}）{words}"
