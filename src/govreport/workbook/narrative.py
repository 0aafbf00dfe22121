"""The narrative sections, found by label on any sheet: the optional 前言, section 一 (总述 and its
sub-headings), 五 (one text) and 六 (a list 序号 | 事项 | 内容, or one text)."""

from __future__ import annotations

from collections.abc import Collection

from ..formats import Format
from ..model import DETAIL_LABELS, Finding, Passage, Place, Severity
from ..text import clean_text, split_paragraphs
from . import names
from .labels import norm, norm_cell
from .nearby import find_label, value_near
from .sheets import Sheet, address
from .values import is_blank

Narrative = dict[str, tuple[Passage, ...]]


def known_labels(fmt: Format) -> set[str]:
    """Labels that are never a value: details, section headings, sub-headings, the list's columns."""
    labels = {*DETAIL_LABELS.values(), names.PREAMBLE, names.INTRO, names.ITEM_NAME, names.ITEM_TEXT}
    labels.add(names.ITEM_NUMBER)
    for section in fmt.sections:
        labels.update(section_labels(section.heading, section.aliases))
        labels.update(sub for h in section.subheadings for sub in (h, f"{h}情况"))
    return {norm(label) for label in labels}


def list_ends(fmt: Format) -> set[str]:
    """Labels that end section 六's list in a one-sheet workbook: a numbered section heading (or its
    numbered alias) and the labels that are never an item's title (details, the list's header). A
    section's bare name (``其他需要报告的事项``) is a fine title for an item, so it ends nothing."""
    headings = {h for s in fmt.sections for h in (s.heading, *s.aliases) if "、" in h}
    own = {names.PREAMBLE, names.INTRO, names.ITEM_NUMBER, names.ITEM_NAME, names.ITEM_TEXT}
    return {norm(label) for label in (*headings, *own, *DETAIL_LABELS.values())}


def section_labels(heading: str, aliases: tuple[str, ...] = ()) -> set[str]:
    """A section heading as written, its aliases, and without its number (``总体情况``)."""
    labels = {heading, *aliases}
    labels.update(h.split("、", 1)[1] for h in list(labels) if "、" in h)
    return {norm(h) for h in labels}


def read_narrative(
    fmt: Format, sheets: list[Sheet], known: Collection[str]
) -> tuple[Narrative, list[Finding]]:
    narrative: Narrative = {}
    findings: list[Finding] = []
    preamble = _text_passage(sheets, {norm(names.PREAMBLE)}, known, None)
    if preamble and preamble.paragraphs:
        narrative["前言"] = (preamble,)
    narrative["一"] = _overview(fmt, sheets, known, findings)
    narrative["五"] = _single(fmt, "五", sheets, known, findings)
    narrative["六"] = _others(fmt, sheets, known, findings)
    return narrative, findings


def _text_passage(
    sheets: list[Sheet], labels: set[str], known: Collection[str], title: str | None, *, below: bool = False
) -> Passage | None:
    """The passage whose label is one of ``labels``: its text cell (right or below); None when the
    label is nowhere. A label without text gives a passage without paragraphs at the cell beside it
    (under it for a section heading)."""
    hit = find_label(sheets, labels)
    if hit is None:
        return None
    sheet, pos = hit
    value = value_near(sheet, pos, known)
    if value is None:
        empty = (pos[0] + 1, pos[1]) if below else (pos[0], pos[1] + 1)
        return Passage(title, (), sheet.place(empty))
    return Passage(title, _paragraphs(value[0]), sheet.place(value[1]))


def _paragraphs(value: object) -> tuple[str, ...]:
    if is_blank(value):
        return ()
    return split_paragraphs(value if isinstance(value, str) else str(value))


def _overview(
    fmt: Format, sheets: list[Sheet], known: Collection[str], findings: list[Finding]
) -> tuple[Passage, ...]:
    section = fmt.section("一")
    intro = _text_passage(sheets, {norm(names.INTRO)}, known, None)
    if intro is None:
        intro = _text_passage(sheets, section_labels(section.heading, section.aliases), known, None)
    passages = [intro] if intro and intro.paragraphs else []
    for heading in section.subheadings:
        sub = _text_passage(sheets, {norm(heading), norm(f"{heading}情况")}, known, heading)
        if sub is not None:
            passages.append(sub)
    if not any(p.paragraphs for p in passages):
        place = passages[0].place if passages else intro.place if intro else None
        findings.append(_missing(f"“{section.heading}”没有填写内容", place))
    else:
        for sub in passages:
            if not sub.paragraphs:
                findings.append(_missing(f"“{section.heading}”的“{sub.title}”没有填写内容", sub.place))
    return tuple(passages)


def _single(
    fmt: Format, number: str, sheets: list[Sheet], known: Collection[str], findings: list[Finding]
) -> tuple[Passage, ...]:
    section = fmt.section(number)
    passage = _text_passage(sheets, section_labels(section.heading, section.aliases), known, None, below=True)
    if passage is None or not passage.paragraphs:
        findings.append(_missing(f"“{section.heading}”没有填写内容", passage.place if passage else None))
    return (passage,) if passage and passage.paragraphs else ()


def _others(
    fmt: Format, sheets: list[Sheet], known: Collection[str], findings: list[Finding]
) -> tuple[Passage, ...]:
    section = fmt.section("六")
    found = _item_list(sheets, list_ends(fmt))
    if found is not None:
        listed, first = found
        if not any(p.paragraphs for p in listed):
            place = listed[0].place if listed else first
            findings.append(_missing(f"“{section.heading}”没有填写内容", place))
        return listed
    return _single(fmt, "六", sheets, known, findings)


def _item_list(sheets: list[Sheet], ends: Collection[str]) -> tuple[tuple[Passage, ...], Place] | None:
    """Section 六 as rows under a 事项 | 内容 header, with the first 内容 cell; None when no sheet has
    that header."""
    name_label, text_label = norm(names.ITEM_NAME), norm(names.ITEM_TEXT)
    for sheet in sheets:
        for r, c in sheet.find(name_label):
            text_col = next((cc for rr, cc in sheet.find(text_label) if rr == r and cc > c), None)
            if text_col is not None:
                items = tuple(_items(sheet, r + 1, c, text_col, ends))
                return items, Place(sheet.name, address((r + 1, text_col)))
    return None


def _items(sheet: Sheet, first: int, name_col: int, text_col: int, ends: Collection[str]) -> list[Passage]:
    items = []
    for r in range(first, len(sheet.rows)):
        name, text = sheet.value(r, name_col), sheet.value(r, text_col)
        if norm_cell(name) in ends or norm_cell(sheet.value(r, 0)) in ends:
            break  # the next section of a one-sheet workbook
        if is_blank(name) and is_blank(text):
            continue
        title = clean_text(str(name)).strip() if not is_blank(name) else None
        items.append(Passage(title, _paragraphs(text), Place(sheet.name, address((r, text_col)))))
    return items


def _missing(message: str, place: Place | None) -> Finding:
    return Finding.at(
        place,
        rule="M3",
        type="narrative-missing",
        severity=Severity.WARNING,
        message=f"{message}，报告中将显示【待填写】",
    )
