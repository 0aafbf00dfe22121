"""Plain data passed between the reader, the checks and the outline: Report and Finding."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from types import MappingProxyType

from .formats import CellKey

Number = int | Decimal


@dataclass(frozen=True)
class Place:
    """Where something came from: in a workbook the sheet name and A1 cell, as Excel shows them; in a
    published document the whole location (``第3页表格2第5行第4列``) in ``sheet`` and no cell."""

    sheet: str
    cell: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet


@dataclass(frozen=True)
class Value:
    """A table value as read. ``number`` is None when the cell could not be read as a number
    (a finding then says why); ``derived`` marks a blank total computed from its parts; ``unusable`` a
    number that is not a valid count or amount (text, negative, fractional, implausible: the reader's R5
    error at the cell says why), which no rule may use."""

    number: Number | None
    place: Place | None = None
    raw: object = None
    derived: bool = False
    unusable: bool = False


@dataclass(frozen=True)
class Detail:
    """One of the body's details (机关名称, 年度 …) with the cell it came from."""

    text: str
    place: Place | None = None


# Keys of Report.details, with the label a clerk sees. The reader finds them by these labels.
DETAIL_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "name": "机关名称",
        "year": "年度",
        "portal_name": "门户网站名称",
        "portal_url": "门户网站网址",
        "contact_dept": "联系部门",
        "address": "地址",
        "postcode": "邮编",
        "phone": "电话",
        "release_date": "发布日期",
    }
)


@dataclass(frozen=True)
class Passage:
    """Narrative text from one cell: an optional sub-heading and its paragraphs."""

    title: str | None
    paragraphs: tuple[str, ...]
    place: Place | None = None


@dataclass(frozen=True)
class Subtotal:
    """A subtotal a hand-made workbook carries although the official template has none (rule R6)."""

    label: str
    value: Value
    parts: tuple[CellKey, ...]


FIGURE_PLACE = "一（一）"  # where the published-items chart goes unless the workbook says otherwise
# Channel names that mean the portal (a chart without a channel is the portal's too).
PORTAL_CHANNELS = frozenset({"", "门户网站", "政府网站", "政务网站", "网站", "政府门户网站"})


@dataclass(frozen=True)
class PublishedItems:
    """Items published by column (栏目, 条数): the data of a bar chart (issue 6).

    ``caption`` empty means the default (``<机关名称><YYYY>年各类栏目信息发布数量统计图``); ``place`` is a
    section number with an optional sub-heading number (``一（一）``); ``channel`` the publishing channel
    (门户网站, 政务新媒体 …) when the workbook names one; ``total`` a 合计 the workbook states itself.
    Items keep the workbook's order, zero counts included.
    """

    items: tuple[tuple[str, Value], ...]
    caption: str = ""
    place: str = FIGURE_PLACE
    channel: str = ""
    total: Value | None = None
    where: Place | None = None  # the 栏目 header cell

    def counts(self) -> tuple[tuple[str, int], ...]:
        """(label, count) with unreadable counts as 0."""
        return tuple((label, int(v.number) if v.number is not None else 0) for label, v in self.items)


@dataclass(frozen=True)
class Report:
    """One annual report as read from a workbook.

    ``narrative`` is keyed by section number: ``"前言"`` (optional preamble), ``"一"`` (the intro passage
    with title None, then one passage per sub-heading), ``"五"`` and ``"六"`` (its ordered sub-items).
    ``values`` holds every statutory table value of the format, keyed by CellKey.
    """

    format_id: str
    source: str  # the workbook's path as given
    details: Mapping[str, Detail]
    narrative: Mapping[str, tuple[Passage, ...]]
    values: Mapping[CellKey, Value]
    subtotals: tuple[Subtotal, ...] = ()
    figures: tuple[PublishedItems, ...] = ()  # published-items charts (issue 6)

    @property
    def name(self) -> str:
        d = self.details.get("name")
        return d.text if d else ""

    @property
    def year(self) -> int | None:
        d = self.details.get("year")
        if d is None or not (d.text.isascii() and d.text.isdigit()) or len(d.text) > 4:
            return None
        return int(d.text)

    def number(self, key: CellKey) -> Number:
        """The value at ``key`` as a number; unreadable or missing values count as 0."""
        v = self.values.get(key)
        return v.number if v is not None and v.number is not None else 0


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found in a workbook.

    ``rule`` is the spec's id (R1 … Q6, or READ for reading problems); ``type`` the kebab-case kind
    (``sum-mismatch``, ``not-a-whole-number`` …). Location fields are what a clerk needs to find it in
    Excel; ``expected`` and ``actual`` are printed as they stand.
    """

    rule: str
    type: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    table: str | None = None
    row_label: str | None = None
    column_label: str | None = None
    expected: str | None = None
    actual: str | None = None
    cells: tuple[str, ...] = field(default=())  # other cells involved, as "sheet!A1"

    @classmethod
    def at(
        cls, place: Place | None, *, rule: str, type: str, severity: Severity, message: str, **rest: object
    ) -> Finding:
        """A finding placed at ``place`` (its sheet and cell), or at no cell when ``place`` is None;
        ``rest`` are the other fields (table, row_label, expected, cells …)."""
        return cls(
            rule=rule,
            type=type,
            severity=severity,
            message=message,
            sheet=place.sheet if place is not None else None,
            cell=place.cell if place is not None else None,
            **rest,  # type: ignore[arg-type]
        )

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def place(self) -> str | None:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet


class WorkbookError(Exception):
    """The workbook cannot be read at all (exit code 2). The message is Chinese and names the file."""
