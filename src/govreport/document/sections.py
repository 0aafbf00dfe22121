"""The narrative sections 一, 五 and 六 as blocks.

The reader has already split cells into paragraphs and cleaned them; the outline cleans again (a Report
built in code may hold anything) and decides what an empty part reads: a visible 【待填写】 where content
is missing, ``无。`` for an empty item of section 六 whose section does say something.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..blocks import Block, Heading, Paragraph
from ..formats.types import Format
from ..model import Passage
from ..text import clean_text
from .phrases import NOTHING, PLACEHOLDER, item_heading, strip_numbering


def clean(text: str | None) -> str:
    """Text from a Report as it may be printed: control characters removed, line breaks become spaces
    (a paragraph is one line here), surrounding blanks and full-width indents stripped."""
    if not text:
        return ""
    return " ".join(clean_text(text).split("\n")).strip(" \t\u3000")


def paragraphs(texts: Iterable[str]) -> list[Paragraph]:
    out = []
    for text in texts:
        for line in clean_text(text).split("\n"):
            line = clean(line)
            if line:
                out.append(Paragraph(line))
    return out


def placeholder() -> Paragraph:
    return Paragraph(PLACEHOLDER, placeholder=True)


def overview(passages: tuple[Passage, ...], fmt: Format) -> list[Block]:
    """Section 一: the intro paragraphs, then each sub-heading with its paragraphs. With no text at all
    the format's customary sub-headings are printed, each waiting for its text."""
    if not _has_text(passages):
        titled = [p for p in passages if clean(p.title)]
        heads = [clean(p.title) for p in titled] or list(fmt.section("一").subheadings)
        return [b for h in heads for b in (Heading(h, 2), placeholder())]
    blocks: list[Block] = []
    for passage in passages:
        body: list[Block] = list(paragraphs(passage.paragraphs))
        title = clean(passage.title)
        if title:
            blocks.append(Heading(title, 2))
            blocks.extend(body or [placeholder()])
        else:
            blocks.extend(body)
    return blocks


# ``（一）存在的主要问题。一是……``: a numbered lead sentence printed run-in, in 楷体.
_LEAD = re.compile(r"^([（(][一二三四五六七八九十]+[)）][^。！？；]{1,40}。)(.*)$")
# ``（一）存在的主要问题`` alone on its line: a sub-heading.
_SUBHEAD = re.compile(r"^[（(][一二三四五六七八九十]+[)）][^。！？；，]{1,40}$")


def problems(passages: tuple[Passage, ...]) -> list[Block]:
    """Section 五: paragraphs; a paragraph opening with ``（一）…。`` gets that sentence as a run-in lead,
    a numbered line on its own is a sub-heading."""
    if not _has_text(passages):
        return [placeholder()]
    blocks: list[Block] = []
    for passage in passages:
        title = clean(passage.title)
        if title:
            blocks.append(Heading(title, 2))
        for p in paragraphs(passage.paragraphs):
            blocks.append(_numbered(p.text))
    return blocks


def _numbered(text: str) -> Block:
    if _SUBHEAD.match(text):
        return Heading(text, 2)
    m = _LEAD.match(text)
    if m and m.group(2).strip():
        return Paragraph(m.group(2).strip(), lead=m.group(1))
    return Paragraph(text)


def other_matters(passages: tuple[Passage, ...], fmt: Format) -> list[Block]:
    """Section 六: each sub-item as ``（一）<title>`` and its paragraphs, numbered by position; an empty
    item reads ``无。``, an item without a title is headed 【待填写】. With no text at all, the format's default items (the 信息处理费 item in gb2021)
    wait for their text."""
    if not _has_text(passages):
        titles = [clean(p.title) for p in passages if clean(p.title)] or list(fmt.other_items)
        return _items([(t, [placeholder()]) for t in titles]) or [placeholder()]
    lead: list[Block] = []
    items: list[tuple[str, list[Paragraph]]] = []
    for passage in passages:
        body = paragraphs(passage.paragraphs)
        title = clean(passage.title)
        if title:
            items.append((title, body))
        elif items:  # an item whose 事项 was left blank: its own item, never glued to the one above
            items.append((PLACEHOLDER, body))
        else:
            lead.extend(body)
    return lead + _items(items)


def _items(items: list[tuple[str, list[Paragraph]]]) -> list[Block]:
    blocks: list[Block] = []
    for i, (title, body) in enumerate(items, 1):
        blocks.append(Heading(item_heading(i, strip_numbering(title)), 2))
        blocks.extend(body or [Paragraph(NOTHING)])
    return blocks


def _has_text(passages: tuple[Passage, ...]) -> bool:
    return any(clean(p) for passage in passages for p in passage.paragraphs)
