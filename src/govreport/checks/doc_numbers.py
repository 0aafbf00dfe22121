"""Q7: a document number (发文字号) quoted in the narrative with its year in [] () （） 【】 instead of the
〔〕 GB/T 9704 prescribes (``国办公开办函〔2021〕30号``). A hint, not a fault: the text is printed as typed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Finding, Report, Severity

# An issuer's abbreviation, the year in brackets, the serial number and 号: the shape of a 发文字号 only.
_NUMBER = re.compile(
    r"(?P<issuer>[\u4e00-\u9fff]{1,12})(?P<open>[\[\(（【［])\s*(?P<year>(?:19|20)\d{2})\s*"
    r"(?P<close>[\]\)）】］])\s*(?P<serial>\d{1,5})\s*号"
)
_PAIRS = {"[": "]", "(": ")", "（": "）", "【": "】", "［": "］"}


def bracket_hints(report: Report) -> Iterator[Finding]:
    for passages in report.narrative.values():
        for passage in passages:
            for text in (passage.title or "", *passage.paragraphs):
                for m in _NUMBER.finditer(text):
                    if _PAIRS[m.group("open")] != m.group("close"):
                        continue
                    typed = m.group(0)[len(m.group("issuer")) :]
                    fixed = f"〔{m.group('year')}〕{m.group('serial')}号"
                    yield Finding.at(
                        passage.place,
                        rule="Q7",
                        type="doc-number-brackets",
                        severity=Severity.WARNING,
                        message=f"文号中的“{typed}”年份应使用六角括号，写作“{fixed}”（报告中照原样印出）",
                        expected=fixed,
                        actual=typed,
                    )
