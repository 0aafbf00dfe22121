"""Where each narrative section is: a region of rows on one sheet, from its first label (heading, 总述,
a sub-heading, the list's header) to the next section's label, a table or the details. Of several sheets
labelling a section, the rule for copies (copies.py) chooses among those where it has text."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats import Format
from ..model import DETAIL_LABELS, Finding
from . import names
from .copies import choose_sheet
from .figures import figure_labels
from .labels import norm, norm_cell
from .ledger import Ledger
from .locate import labels_of
from .sheets import Pos, Sheet

SECTIONS = ("前言", "一", "五", "六")


def section_labels(heading: str, aliases: tuple[str, ...] = ()) -> set[str]:
    """A section heading as written, its aliases, and without its number (``总体情况``)."""
    labels = {heading, *aliases}
    labels.update(h.split("、", 1)[1] for h in list(labels) if "、" in h)
    return {norm(h) for h in labels}


@dataclass
class Region:
    sheet: Sheet
    first: int
    end: int
    label_col: int


@dataclass
class SectionRegions:
    """The anchors (cells labelling each section, by sheet) and the region chosen for each section;
    choosing among copies adds its findings to ``findings``, the regions are recorded in ``ledger``."""

    fmt: Format
    sheets: list[Sheet]
    ledger: Ledger
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.labels, self.stops = _labels(self.fmt)
        self._stop_rows: dict[str, set[int]] = {}
        self.anchors = {number: self._anchors(number) for number in SECTIONS}
        self.regions = {number: self._region(number) for number in SECTIONS}

    def _anchors(self, number: str) -> dict[str, list[Pos]]:
        """Cells labelling section ``number``, by sheet: whole cells, or the first line of a cell
        holding a heading and its text."""
        labels = self.labels[number]
        found: dict[str, list[Pos]] = {}
        for sheet in self.sheets:
            hits = [p for label in labels & sheet.index.keys() for p in sheet.index[label]]
            hits += [p for label in labels & sheet.first_lines.keys() for p in sheet.first_lines[label]]
            if number == "六":
                hits += list_headers(sheet)
            if hits:
                found[sheet.name] = sorted(set(hits))
        if not found:  # no label of ours left: a sheet named for the section holds it from its first cell
            section = self.fmt.section(number) if number != "前言" else None
            wanted = {norm(n) for n in sheet_names(number, section.heading if section else "")}
            for sheet in self.sheets:
                if number != "前言" and norm(sheet.name) in wanted:
                    first = next(
                        ((r, c) for r, row in enumerate(sheet.rows) for c, v in enumerate(row) if v), None
                    )
                    if first is not None:
                        found[sheet.name] = [first]
        return found

    def _region(self, number: str) -> Region | None:
        """Where section ``number`` is: on the one sheet labelling it, else by the rule for copies
        (copies.py) among the sheets where it has text — a table of contents naming the section is
        no copy of it."""
        anchors = self.anchors[number]
        candidates = [s for s in self.sheets if s.name in anchors]
        bounds = {s.name: self._bounds(s, number) for s in candidates}
        written = [s for s in candidates if self._has_text(s, *bounds[s.name][:2], anchors[s.name])]
        section = self.fmt.section(number) if number != "前言" else None
        named = sheet_names(number, section.heading if section else "")
        what = f"“{section.heading}”" if section else f"“{names.PREAMBLE}”"
        sheet, findings = choose_sheet(written or candidates, named, what)
        if written:  # copies without text lose nothing whichever is read: no finding for them
            self.findings += findings
        if sheet is None:
            return None
        first, end, label_col, whole = bounds[sheet.name]
        if number != "前言":
            self.ledger.regions.append((sheet.name, first, end))
            if whole:
                self.ledger.whole_sheets.add(sheet.name)
        return Region(sheet, first, end, label_col)

    def _bounds(self, sheet: Sheet, number: str) -> tuple[int, int, int, bool]:
        """(first row, end row, label column, whether the sheet holds this section alone)."""
        hits = self.anchors[number][sheet.name]
        first = min(r for r, _ in hits)
        label_col = min(c for r, c in hits if r == first) if number != "一" else min(c for _, c in hits)
        bare = {norm(s.heading.split("、", 1)[-1]) for s in self.fmt.sections}  # a fine title of an item
        others = {
            r
            for n, a in self.anchors.items()
            if n != number
            for r, c in a.get(sheet.name, ())
            if norm_cell(sheet.value(r, c)) not in bare and first_line(sheet.value(r, c)) not in bare
        }
        end = next(
            (r for r in range(first + 1, len(sheet.rows)) if r in others or self.stop_row(sheet, r)),
            len(sheet.rows),
        )
        whole = not others and not any(self.stop_row(sheet, r) for r in range(len(sheet.rows)))
        return first, end, label_col, whole

    def _has_text(self, sheet: Sheet, first: int, end: int, anchors: list[Pos]) -> bool:
        """Whether rows ``first``..``end`` hold anything but the section's labels."""
        labels = set(anchors)
        return any(
            isinstance(v, str | int | float) and (r, c) not in labels and v != ""
            for r in range(first, min(end, len(sheet.rows)))
            for c, v in enumerate(sheet.rows[r])
        )

    def stop_row(self, sheet: Sheet, r: int) -> bool:
        rows = self._stop_rows.get(sheet.name)
        if rows is None:  # from the sheet's index of labels, once per sheet
            found = self.stops & sheet.index.keys()
            rows = self._stop_rows[sheet.name] = {r for label in found for r, _ in sheet.index[label]}
        return r in rows


_LABELS: dict[str, tuple[Format, dict[str, set[str]], set[str]]] = {}


def _labels(fmt: Format) -> tuple[dict[str, set[str]], set[str]]:
    """The anchor and stop labels of ``fmt``, worked out once per format (a batch reads thousands)."""
    entry = _LABELS.get(fmt.id)
    if entry is None or entry[0] is not fmt:
        entry = _LABELS[fmt.id] = (fmt, _anchor_labels(fmt), _stop_labels(fmt))
    return entry[1], entry[2]


def _anchor_labels(fmt: Format) -> dict[str, set[str]]:
    one = fmt.section("一")
    subs = {norm(x) for h in one.subheadings for x in (h, f"{h}情况")}
    return {
        "前言": {norm(x) for x in names.PREAMBLE_LABELS},
        "一": section_labels(one.heading, one.aliases) | {norm(x) for x in names.INTRO_LABELS} | subs,
        "五": section_labels(fmt.section("五").heading, fmt.section("五").aliases),
        "六": section_labels(fmt.section("六").heading, fmt.section("六").aliases),
    }


def _stop_labels(fmt: Format) -> set[str]:
    """Labels that end a narrative region: the tables' headings and labels, the details, the published
    items' block."""
    stops = {norm(s.heading) for s in fmt.sections if s.table} | {
        norm(a) for s in fmt.sections if s.table for a in s.aliases
    }
    for table in fmt.tables:
        stops.update(label for label in labels_of(table) if len(label) >= 4)
    stops.update(norm(x) for x in DETAIL_LABELS.values())
    stops.update(figure_labels())
    return stops


def sheet_names(number: str, heading: str) -> tuple[str, ...]:
    own = {"前言": names.DETAILS, "一": names.OVERVIEW, "五": names.PROBLEMS, "六": names.OTHERS}[number]
    bare = heading.split("、", 1)[-1] if heading else ""
    return tuple(n for n in (own, heading, bare) if n)


def first_line(value: object) -> str | None:
    if not isinstance(value, str) or "\n" not in value.strip():
        return None
    return norm(value.strip().split("\n", 1)[0])


def list_headers(sheet: Sheet) -> list[Pos]:
    """The 事项 cells of 事项 | 内容 header rows (our wording), anchoring section 六 on their own."""
    name_label, text_label = norm(names.ITEM_NAME), norm(names.ITEM_TEXT)
    return [
        (r, c)
        for r, c in sheet.find(name_label)
        if any(rr == r and cc > c for rr, cc in sheet.find(text_label))
    ]
