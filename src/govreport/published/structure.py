"""A published report's parts found in its paragraphs: the title, the 前言, the six sections by their
numbered headings (not by styles), section 一's sub-headings and section 六's items, the release date.

A numbered line is a section heading only when it comes after the headings before it and its words
resemble the section's name in a statutory format (its aliases and the variants offices print), so
an enumerated ``一、`` inside the text of a section is not taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from ..formats import FORMATS
from ..workbook.labels import norm
from .source import Block, Chart, Grid, Para, Picture

NUMBERS = "一二三四五六"
_HEADING = re.compile(r"^([一二三四五六])\s*[、.．]\s*(.{2,40})$")
_SUB = re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]\s*(.*)$")
_TITLE_WORDS = ("年度报告", "年报", "工作报告")
_NAMELESS = re.compile(r"^\s*(\d{4}\s*年度?|政府信息公开)")  # a title line that does not name the body
_MAX_HEADING = 40
_MAX_SUBHEADING = 30  # a sub-heading run in before its text
_MAX_STANDALONE = 48  # a sub-heading on a line of its own (section 六's items can be long)
_CAPTION = re.compile(r"(统计图|示意图|柱状图|条形图|饼图|折线图|图表)$|^图\s*\d")
_MAX_CHART_LABEL = 20


@dataclass
class Parts:
    """The report's parts as blocks; paragraph numbers are 1-based within their part."""

    title: list[Para] = field(default_factory=list)
    preamble: list[Para] = field(default_factory=list)
    headings: dict[str, Para] = field(default_factory=dict)
    sections: dict[str, list[Block]] = field(default_factory=dict)
    closing: list[Para] = field(default_factory=list)  # signature and date after section 六


def _section_names() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {n: set() for n in NUMBERS}
    for fmt in FORMATS.values():
        for section in fmt.sections:
            for heading in (section.heading, *section.aliases):
                names[section.number].add(norm(heading.split("、", 1)[-1]))
    return names


_NAMES = _section_names()


def heading_number(text: str) -> str | None:
    """The section number when ``text`` is a section heading of some format (numbered, or a section's
    name alone on its line), else None."""
    m = _HEADING.match(text.strip())
    if not m and len(text) <= _MAX_HEADING:
        bare = norm(text).rstrip("。：:")
        return next((number for number, names in _NAMES.items() if bare in names), None)
    if not m or len(text) > _MAX_HEADING:
        return None
    words = norm(m.group(2)).rstrip("。")
    for known in _NAMES[m.group(1)]:
        if known in words or words in known or SequenceMatcher(None, words, known).ratio() >= 0.6:
            return m.group(1)
    return None


def split_parts(blocks: list[Block]) -> Parts:
    parts = Parts()
    current: str | None = None
    front: list[Para] = []
    for block in blocks:
        if isinstance(block, Para):
            number = heading_number(block.text)
            if number and (current is None or NUMBERS.index(number) > NUMBERS.index(current)):
                current = number
                parts.headings[number] = block
                parts.sections[number] = []
                continue
        if current is None:
            if isinstance(block, Para):
                front.append(block)
            continue
        parts.sections[current].append(block)
    for number, blocks_of in parts.sections.items():
        parts.sections[number] = drop_charts(blocks_of)
    parts.title, parts.preamble = _title(front)
    if "六" in parts.sections:
        parts.sections["六"], parts.closing = _closing(parts.sections["六"])
    return parts


def drop_charts(blocks: list[Block]) -> list[Block]:
    """A chart's caption (``……统计图``) and the labels printed inside the chart just above it (short
    lines without punctuation: its categories and axis) are no paragraphs of the text; a chart whose
    data the file carries takes the caption as its own (printed under it or over it). A caption next
    to a chart whose data the file does not carry (a picture, or a figure drawn in a PDF: its labels,
    its ruled frame) becomes a Chart without items, so the reader can say the data was not read."""
    blocks = list(blocks)
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if isinstance(block, Para) and len(block.text) <= _MAX_HEADING and _CAPTION.search(block.text):
            labels = False
            while out and _chart_label(out[-1]):
                out.pop()
                labels = True
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            if out and isinstance(out[-1], Chart) and out[-1].items:
                if not out[-1].caption:
                    out[-1] = replace(out[-1], caption=block.text)
            elif isinstance(after, Chart) and after.items:
                blocks[i + 1] = replace(after, caption=after.caption or block.text)
            elif labels or (out and isinstance(out[-1], Picture | Grid)) or isinstance(after, Picture):
                out.append(Chart((), caption=block.text, page=block.page))
            continue
        out.append(block)
    return out


def _chart_label(block: Block) -> bool:
    if not isinstance(block, Para):
        return False
    text = block.text
    return (
        len(text) <= _MAX_CHART_LABEL and not _SUB.match(text) and not any(m in text for m in "。，；：:;,")
    )


def _title(front: list[Para]) -> tuple[list[Para], list[Para]]:
    """The title is the first short lines up to the one naming the report (a title is often broken
    over two lines: the body, then the year and 政府信息公开工作年度报告)."""
    for i, para in enumerate(front[:4]):
        if len(para.text) > 60:
            break
        if any(word in para.text for word in _TITLE_WORDS):
            start = i
            if i > 0 and _NAMELESS.match(para.text) and len(front[i - 1].text) <= 30:
                start = i - 1  # the body's name on the line above
            return front[start : i + 1], front[i + 1 :]
    return [], front


_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$")


def _closing(blocks: list[Block]) -> tuple[list[Block], list[Para]]:
    """Section 六 without the signature and date that close the report (the last short lines, the
    date among them)."""
    end = len(blocks)
    for i in range(len(blocks) - 1, max(-1, len(blocks) - 4), -1):
        block = blocks[i]
        if isinstance(block, Para) and _DATE_LINE.match(block.text.replace(" ", "")):
            end = i
            if i > 0 and isinstance(blocks[i - 1], Para) and len(blocks[i - 1].text) <= 30:
                prev = blocks[i - 1].text
                if not prev.endswith("。") and not _SUB.match(prev):
                    end = i - 1
            break
    tail = [b for b in blocks[end:] if isinstance(b, Para)]
    return blocks[:end], tail


def subheading(text: str) -> tuple[str, str] | None:
    """(title, rest) for a numbered sub-heading ``（一）主动公开`` standing alone, or run in before its
    text (``（一）主动公开情况。主要通过……``); None for other paragraphs."""
    m = _SUB.match(text)
    if not m:
        return None
    inner = text.rstrip("。：:")
    if len(text) <= _MAX_STANDALONE and not any(mark in inner for mark in "。，：:；;"):
        return text.rstrip("。：:"), ""
    ends = [i for i in (text.find(mark) for mark in "。：:") if i > 0]
    if not ends:
        return None
    end = min(ends)
    head, rest = text[:end], text[end + 1 :]
    if len(head) <= _MAX_SUBHEADING and "，" not in head:
        return head, rest.strip()
    return None


def unnumbered(title: str) -> str:
    """``（一）政府信息公开收费情况`` → ``政府信息公开收费情况``."""
    m = _SUB.match(title)
    return m.group(2).strip() if m and m.group(2).strip() else title
