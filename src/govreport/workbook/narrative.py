"""The narrative sections, found by label on any sheet: the optional 前言, section 一 (总述 and its
parts), 五 (text) and 六 (a list 序号 | 事项 | 内容, or text).

Each section is a region of rows (regions.py). Every non-empty cell of a region reaches the report
in reading order — a second paragraph in an inserted row, text continued in the next column, a heading
and its text in one cell — or is named in a finding; the Ledger records which (see ledger.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ..formats import Format
from ..model import DETAIL_LABELS, Finding, Passage, Place, Severity
from ..text import split_paragraphs
from . import names
from .coords import column_index, column_letter
from .labels import norm, norm_cell
from .ledger import Cached, CellReader, Ledger
from .regions import Region, SectionRegions, first_line, section_labels
from .sheets import Pos, Sheet
from .subheadings import is_short, meaning, numbered, printed

Narrative = dict[str, tuple[Passage, ...]]
RIGHT = 3  # how far right of its label a value may start (a merged label spans a few columns)
SHORT_VALUE = 20  # a label's value this short and without a sentence is a note (填报人), not a part
MAX_LABEL = 60  # longer cells are never a heading or label of ours
SENTENCE = 8  # a stray cell this long and ending a sentence is text that went nowhere
_SENTENCE_END = re.compile(r"[。！？；]")


def known_labels(fmt: Format) -> set[str]:
    """Labels that are never a value: details, section headings, sub-headings, the list's columns."""
    labels = {*DETAIL_LABELS.values(), *names.PREAMBLE_LABELS, *names.INTRO_LABELS}
    labels.update((names.ITEM_NUMBER, names.ITEM_NAME, names.ITEM_TEXT))
    for section in fmt.sections:
        labels.update(section_labels(section.heading, section.aliases))
        labels.update(sub for h in section.subheadings for sub in (h, f"{h}情况"))
    return {norm(label) for label in labels}


def read_narrative(
    fmt: Format, sheets: list[Sheet], *, cached: Cached | None = None, ledger: Ledger | None = None
) -> tuple[Narrative, list[Finding]]:
    """The narrative and the findings made reading it. ``cached`` gives Excel's results of formulas we
    cannot compute; ``ledger`` (when given) records what became of every non-empty cell of the
    narrative's regions."""
    reading = _Reading(fmt, sheets, ledger if ledger is not None else Ledger(), cached)
    narrative: Narrative = {}
    preamble = reading.preamble()
    if preamble is not None and preamble.paragraphs:
        narrative["前言"] = (preamble,)
    narrative["一"] = reading.overview()
    narrative["五"] = reading.problems()
    narrative["六"] = reading.others()
    reading.leftovers()
    return narrative, reading.findings


@dataclass
class _Reading:
    fmt: Format
    sheets: list[Sheet]
    ledger: Ledger
    cached: Cached | None = None
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cells = CellReader(self.sheets, self.ledger, self.findings, self.cached)
        where = SectionRegions(self.fmt, self.sheets, self.ledger, self.findings)
        self.anchors, self.regions, self.stops = where.anchors, where.regions, where.stops
        self._stop_row = where.stop_row

    # ---- reading cells ----------------------------------------------------------------------------

    def _row(self, region: Region, r: int) -> list[tuple[int, str]]:
        sheet = region.sheet
        row = sheet.rows[r] if r < len(sheet.rows) else ()
        out = []
        for c in range(len(row)):
            text = self.cells.text(sheet, (r, c))
            if text is not None:
                out.append((c, text))
        return out

    def _heading_cell(self, region: Region, pos: Pos, text: str, labels: Collection[str]) -> str | None:
        """When the cell at ``pos`` is a heading in ``labels`` (alone or over its text): the text after
        it ('' when none) and the heading accounted for; else None."""
        if len(text) <= MAX_LABEL and norm(text) in labels:
            self.ledger.ignore(region.sheet, pos, "标题或标签")
            return ""
        if first_line(text) in labels:
            return text.split("\n", 1)[1]
        return None

    # ---- 前言 ---------------------------------------------------------------------------------------

    def preamble(self) -> Passage | None:
        """The text beside (or under) the 前言 label, continued in the rows below (blank ones skipped)
        down to the next label; an empty 前言 is empty — the rows under it (填报人 …) are never its text."""
        region = self.regions["前言"]
        if region is None:
            return None
        sheet, (r, c) = region.sheet, next(p for p in self.anchors["前言"][region.sheet.name])
        self.ledger.ignore(sheet, (r, c), "前言的标签")
        texts: list[tuple[Pos, str]] = []
        row = [(cc, t) for cc, t in self._row(region, r) if cc > c]
        if row:
            texts += [((r, cc), t) for cc, t in row]
            others = {rr for n, a in self.anchors.items() if n != "前言" for rr, _ in a.get(sheet.name, ())}
            for rr in range(r + 1, len(sheet.rows)):
                if self.cells.text(sheet, (rr, c)) is not None or rr in others or self._stop_row(sheet, rr):
                    break  # the next label: 填报人, a detail, a section, a table
                texts += [((rr, cc), t) for cc, t in self._row(region, rr) if cc > c]
        else:
            below = self.cells.text(sheet, (r + 1, c))
            beside = any(self.cells.text(sheet, (r + 1, cc)) for cc in range(c + 1, c + 1 + RIGHT))
            if below is not None and not beside and norm(below) not in self.stops:
                texts.append(((r + 1, c), below))
        paragraphs: list[str] = []
        for pos, text in texts:
            self.ledger.use(sheet, pos, "前言")
            paragraphs += split_paragraphs(text)
        place = sheet.place(texts[0][0]) if texts else sheet.place((r, c + 1))
        return Passage(None, tuple(paragraphs), place)

    # ---- 一 -----------------------------------------------------------------------------------------

    def overview(self) -> tuple[Passage, ...]:
        section = self.fmt.section("一")
        region = self.regions["一"]
        if region is None:
            self.findings.append(_missing(f"“{section.heading}”没有填写内容", None))
            return ()
        heads = section_labels(section.heading, section.aliases)
        intro_labels = {norm(x) for x in names.INTRO_LABELS}
        parts: list[_Part] = [_Part(None, None)]
        sheet = region.sheet
        for r in range(region.first, region.end):
            row = self._row(region, r)
            skip_row = False
            for i, (c, text) in enumerate(row):
                pos = (r, c)
                if skip_row:
                    self.ledger.reported.add((sheet.name, pos))  # named in the finding on its label
                    continue
                after = self._heading_cell(region, pos, text, heads | intro_labels)
                if after is not None:
                    if after:
                        self.ledger.use(sheet, pos, "一")
                        parts[-1].add(sheet, pos, after)
                    continue
                rest = row[i + 1 :]
                labelled = c <= region.label_col and bool(rest)
                title = self._part_title(text, labelled, parts)
                if title is not None:
                    heading, body = title
                    parts.append(_Part(heading, sheet.place(pos)))
                    self.ledger.use(sheet, pos, "一")
                    if body:
                        parts[-1].add(sheet, pos, body)
                    continue
                if labelled and is_short(text) and "\n" not in text.strip():
                    if len(parts) == 1:  # 总述 renamed: its label is not text
                        self.ledger.ignore(sheet, pos, "总述的标签")
                        continue
                    value = " ".join(t for _, t in rest)
                    if is_short(value) and len(value) <= SHORT_VALUE:  # 填报人 | 张三: not report text
                        self._unplaced(sheet, pos, f"{text.strip()} {value}", "这一行不像正文或小标题")
                        skip_row = True
                        continue
                    parts.append(_Part(printed(len(parts), text.strip()), sheet.place(pos)))
                    self.ledger.use(sheet, pos, "一")
                    continue
                self.ledger.use(sheet, pos, "一")
                parts[-1].add(sheet, pos, text)
        passages = [p.passage() for p in parts if p.title is not None or p.paragraphs]
        if not any(p.paragraphs for p in passages):
            place = passages[0].place if passages else sheet.place((region.first, region.label_col + 1))
            self.findings.append(_missing(f"“{section.heading}”没有填写内容", place))
        else:
            for p in passages:
                if p.title and not p.paragraphs:
                    self.findings.append(_missing(f"“{section.heading}”的“{p.title}”没有填写内容", p.place))
        return tuple(passages)

    def _part_title(self, text: str, labelled: bool, parts: list[_Part]) -> tuple[str, str] | None:
        """(the heading as printed, the text after it in the same cell) when ``text`` opens a part of
        section 一; None when it is text. A label beside its text is a part when it is numbered or says
        what part it is; a numbered line over text, or alone, when it says what part it is or carries
        the next part's number as （六）."""
        first, _, body = text.strip().partition("\n")
        if not is_short(first):
            return None
        meanings = self.fmt.section("一").meanings
        n = numbered(first)
        known = meaning(n.words, meanings)
        following = len(parts)  # parts[0] is the intro
        if labelled:
            if n.number is None and known is None:
                return None
        elif n.number is None or not (known is not None or (n.parenthesised and n.number == following)):
            return None
        number = n.number or known or following
        return printed(number, n.words or first.strip()), body

    # ---- 五 -----------------------------------------------------------------------------------------

    def problems(self) -> tuple[Passage, ...]:
        return self._text("五")

    def _text(
        self, number: str, region: Region | None = None, first_row: int | None = None
    ) -> tuple[Passage, ...]:
        section = self.fmt.section(number)
        region = region or self.regions[number]
        if region is None:
            self.findings.append(_missing(f"“{section.heading}”没有填写内容", None))
            return ()
        heads = section_labels(section.heading, section.aliases)
        paragraphs: list[str] = []
        place: Place | None = None
        for r in range(region.first if first_row is None else first_row, region.end):
            for c, text in self._row(region, r):
                after = self._heading_cell(region, (r, c), text, heads)
                body = text if after is None else after
                if body:
                    self.ledger.use(region.sheet, (r, c), number)
                    paragraphs += split_paragraphs(body)
                    place = place or region.sheet.place((r, c))
        if not paragraphs:
            where = region.sheet.place((region.first + 1, region.label_col))
            self.findings.append(_missing(f"“{section.heading}”没有填写内容", where))
            return ()
        return (Passage(None, tuple(paragraphs), place),)

    # ---- 六 -----------------------------------------------------------------------------------------

    def others(self) -> tuple[Passage, ...]:
        """Items (事项 and 内容) under a header row of any wording, or under none; a list's numbering is
        not text. Text without its 事项 is an item of its own, never glued to the item above."""
        section = self.fmt.section("六")
        region = self.regions["六"]
        if region is None:
            self.findings.append(_missing(f"“{section.heading}”没有填写内容", None))
            return ()
        sheet = region.sheet
        heads = section_labels(section.heading, section.aliases)
        header = _header_columns(sheet, range(region.first, region.end), heads)
        if header is None:
            return self._text("六", region)
        header_row, name_col, text_col = header
        if header_row is not None:
            for c in range(len(sheet.rows[header_row])):
                if self.cells.text(sheet, (header_row, c)) is not None:
                    self.ledger.ignore(sheet, (header_row, c), "六的表头")
        lead: list[str] = []
        items: list[Passage] = []
        first_item = header_row + 1 if header_row is not None else region.first
        for r in range(region.first, region.end):
            if r == header_row:
                continue
            row = []
            # inside the list, the section's bare name (其他需要报告的事项) is a fine title for an item
            labels = heads if r < first_item else {norm(h) for h in (section.heading, *section.aliases)}
            for c, text in self._row(region, r):
                after = self._heading_cell(region, (r, c), text, labels)
                if after is None:
                    row.append((c, text))
                elif after:
                    self.ledger.use(sheet, (r, c), "六")
                    lead += split_paragraphs(after)
            if r < first_item:  # text between the heading and the list: an opening paragraph
                for c, text in row:
                    self.ledger.use(sheet, (r, c), "六")
                    lead += split_paragraphs(text)
                continue
            row = [(c, t) for c, t in row if not (c < name_col and self._numbering(sheet, (r, c), t))]
            if not row:
                continue
            name = next((t for c, t in row if c == name_col), None)
            texts = [((r, c), t) for c, t in row if c != name_col]
            if name is not None:
                self.ledger.use(sheet, (r, name_col), "六")
            paragraphs: list[str] = []
            for pos, text in texts:
                self.ledger.use(sheet, pos, "六")
                paragraphs += split_paragraphs(text)
            title = " ".join(split_paragraphs(name)) if name is not None else None
            items.append(Passage(title, tuple(paragraphs), sheet.place((r, text_col))))
            if title is None:
                message = (
                    f"“{section.heading}”第{len(items)}项（{sheet.place((r, name_col))}）填写了内容但没有填写"
                    f"{names.ITEM_NAME}，报告中这一项的小标题将显示【待填写】"
                )
                self.findings.append(_missing_title(message, sheet.place((r, name_col))))
        if lead:
            items.insert(0, Passage(None, tuple(lead), sheet.place((region.first, region.label_col))))
        if not any(p.paragraphs for p in items):
            place = items[0].place if items else sheet.place((first_item, text_col))
            self.findings.append(_missing(f"“{section.heading}”没有填写内容", place))
        return tuple(items)

    def _numbering(self, sheet: Sheet, pos: Pos, text: str) -> bool:
        """A list's 序号 (1, 2, （一）) left of the 事项 column: accounted for, not text."""
        if text.strip().isdigit() or numbered(text).words == "":
            self.ledger.ignore(sheet, pos, "序号")
            return True
        return False

    # ---- what is left -------------------------------------------------------------------------------

    def _unplaced(self, sheet: Sheet, pos: Pos, text: str, why: str) -> None:
        self.ledger.reported.add((sheet.name, pos))
        shown = text.strip().replace("\n", " ")
        shown = shown if len(shown) <= 30 else shown[:30] + "…"
        message = (
            f"“{shown}”（{sheet.place(pos)}）没有写入报告（{why}）；如需写入，请填在相应部分的正文单元格中"
        )
        self.findings.append(
            Finding.at(
                sheet.place(pos),
                rule="M3",
                type="narrative-unplaced",
                severity=Severity.WARNING,
                message=message,
                actual=text[:200],
            )
        )

    def leftovers(self) -> None:
        """Cells of a narrative-only sheet outside every region (a title above the heading …), and
        sentences on the 前言's sheet that belong to nothing (a label | value note such as 填报人 is
        not report text and is let be)."""
        preamble = self.regions["前言"]
        if preamble is not None:
            self._stray_sentences(preamble.sheet)
        for sheet in self.sheets:
            if sheet.name not in self.ledger.whole_sheets:
                continue
            for r, row in enumerate(sheet.rows):
                for c in range(len(row)):
                    if self.ledger.accounted((sheet.name, (r, c))) or self._in_region(sheet.name, r):
                        continue
                    text = self.cells.text(sheet, (r, c))
                    if text is not None:
                        self._unplaced(sheet, (r, c), text, "不在任何部分的标题之下")

    def _stray_sentences(self, sheet: Sheet) -> None:
        details = {norm(x) for x in DETAIL_LABELS.values()}
        for r, row in enumerate(sheet.rows):
            if self._in_region(sheet.name, r):
                continue  # a section read on its own
            labels = [c for c, v in enumerate(row) if norm_cell(v) in details]
            if self._stop_row(sheet, r) and not labels:
                continue  # a table's row
            values = {
                next((c for c in range(label + 1, len(row)) if row[c] not in (None, "")), -1)
                for label in labels
            }
            for c in range(len(row)):
                if self.ledger.accounted((sheet.name, (r, c))) or c in values:
                    continue
                text = self.cells.text(sheet, (r, c))
                if text is not None and len(text.strip()) >= SENTENCE and _SENTENCE_END.search(text):
                    self._unplaced(sheet, (r, c), text, "不属于前言或基本信息")

    def _in_region(self, name: str, r: int) -> bool:
        return any(s == name and a <= r < b for s, a, b in self.ledger.regions)


@dataclass
class _Part:
    title: str | None
    place: Place | None
    paragraphs: list[str] = field(default_factory=list)
    text_place: Place | None = None

    def add(self, sheet: Sheet, pos: Pos, text: str) -> None:
        self.paragraphs += split_paragraphs(text)
        self.text_place = self.text_place or sheet.place(pos)

    def passage(self) -> Passage:
        place = self.text_place or self.place
        if self.text_place is None and self.place is not None:
            place = Place(self.place.sheet, _right_of(self.place.cell))
        return Passage(self.title, tuple(self.paragraphs), place)


def _right_of(cell: str | None) -> str | None:
    """The cell right of ``B3`` (where a label's missing text belongs)."""
    if not cell:
        return cell
    letters = "".join(ch for ch in cell if ch.isalpha())
    return f"{column_letter(column_index(letters) + 1)}{cell[len(letters) :]}"


_NAME_HEADERS = frozenset(norm(x) for x in names.ITEM_NAME_LABELS)
_TEXT_HEADERS = frozenset(norm(x) for x in names.ITEM_TEXT_LABELS)
_NUMBER_HEADERS = frozenset(norm(x) for x in names.ITEM_NUMBER_LABELS)


def _header_columns(sheet: Sheet, rows: range, heads: Collection[str]) -> tuple[int | None, int, int] | None:
    """(header row, 事项 column, 内容 column) of section 六's list: a row whose cells are all header
    words, one naming the item and one its text; or, when the header row was deleted, (None, …) with
    the columns of the first row holding a short title beside its text; None for plain text."""
    for r in rows:
        row = sheet.rows[r] if r < len(sheet.rows) else ()
        cells = [(c, norm_cell(v)) for c, v in enumerate(row) if norm_cell(v)]
        if len(cells) < 2 or not all(t in _NAME_HEADERS | _TEXT_HEADERS | _NUMBER_HEADERS for _, t in cells):
            continue
        name = next((c for c, t in cells if t in _NAME_HEADERS), None)
        text = next((c for c, t in cells if t in _TEXT_HEADERS and (name is None or c > name)), None)
        if name is not None and text is not None:
            return r, name, text
    for r in rows:
        row = sheet.rows[r] if r < len(sheet.rows) else ()
        texts = [
            (c, v) for c, v in enumerate(row) if isinstance(v, str) and v.strip() and not v.strip().isdigit()
        ]
        if len(texts) < 2 or norm(texts[0][1]) in heads or first_line(texts[0][1]) in heads:
            continue
        if is_short(texts[0][1]) and "\n" not in texts[0][1].strip():
            return None, texts[0][0], texts[1][0]
    return None


def _missing(message: str, place: Place | None) -> Finding:
    return Finding.at(
        place,
        rule="M3",
        type="narrative-missing",
        severity=Severity.WARNING,
        message=f"{message}，报告中将显示【待填写】",
    )


def _missing_title(message: str, place: Place) -> Finding:
    return Finding.at(place, rule="M3", type="narrative-missing", severity=Severity.WARNING, message=message)
