"""Report -> Document: what the annual report says, decided once for every renderer.

``outline`` reads the Report and its format; the renderers (.docx, PDF) only read the Document it
returns. Order: the two-line title, the preamble, the six sections with their exact headings (tables 二, 三
and 四 laid out as the official template), and a closing signature when a release date is given.
"""

from __future__ import annotations

from datetime import date

from ..blocks import PAGE_NUMBER_PLACES, Block, Document, Heading, PageNumbers, Paragraph, Title
from ..formats import Format, get_format
from ..model import Report
from . import phrases
from .figures import with_figures
from .phrases import PLACEHOLDER
from .placement import name_lines, signature_indents, title_words
from .sections import clean, other_matters, overview, paragraphs, problems
from .tables import table_block

__all__ = ["outline"]


def outline(
    report: Report, *, draft_mark: str | None = None, page_numbers: PageNumbers = "outer"
) -> Document:
    """The report as blocks. ``draft_mark`` (e.g. 数据未通过校验) is carried to every page by the
    renderers, ``page_numbers`` places the page numbers; a missing detail prints as 【待填写】 rather than
    failing."""
    if page_numbers not in PAGE_NUMBER_PLACES:
        raise ValueError(f"page_numbers must be one of {PAGE_NUMBER_PLACES}, not {page_numbers!r}")
    fmt = get_format(report.format_id)
    name = clean(report.name) or PLACEHOLDER
    released = phrases.parse_date(_detail(report, "release_date"))
    title = (*name_lines(name), phrases.title_line(report.year))
    blocks: list[Block] = [Title(title, tuple(title_words(line) for line in title))]
    blocks += _preamble(report, fmt, name)
    numbers = tuple(s.number for s in fmt.sections)
    for section in fmt.sections:
        blocks.append(Heading(section.heading, 1, bookmark=True))
        body = _section_body(report, fmt, section.number, section.table)
        blocks += with_figures(report, section.number, body, numbers) if report.figures else body
    if released is not None:
        blocks += _signature(name, released)
    return Document(
        blocks=tuple(blocks),
        title=f"{name}{phrases.title_line(report.year)}",
        author=name,
        subject=phrases.REPORT_NAME,
        keywords=_keywords(name, report.year),
        date=_metadata_date(report.year, released),
        draft_mark=draft_mark,
        page_numbers=page_numbers,
    )


def _section_body(report: Report, fmt: Format, number: str, table: str | None) -> list[Block]:
    if table is not None:
        return [table_block(fmt.table(table), report)]
    passages = report.narrative.get(number, ())
    if number == "一":
        return overview(passages, fmt)
    if number == "六":
        return other_matters(passages, fmt)
    return problems(passages)


def _preamble(report: Report, fmt: Format, name: str) -> list[Block]:
    """The workbook's own 前言 when it has one, else the six customary elements (spec Part B §6.1)."""
    own = paragraphs(p for passage in report.narrative.get("前言", ()) for p in passage.paragraphs)
    if own:
        return list(own)
    parts = [s.heading.split("、", 1)[-1] for s in fmt.sections]
    d = {key: _detail(report, key) or PLACEHOLDER for key in _CONTACT}
    return [
        Paragraph(phrases.legal_basis(name, report.year, fmt.notice)),
        Paragraph(phrases.parts_and_period(parts, report.year)),
        Paragraph(phrases.download_and_contact(*(d[k] for k in _CONTACT))),
    ]


_CONTACT = ("portal_name", "portal_url", "contact_dept", "address", "postcode", "phone")


# The closing signature (GB/T 9704 §7.3.5.2): one blank line below the text, the body's name two
# characters from the right edge, the date on the next line starting two characters right of the name.
SIGNATURE_SPACE_LINES = 1.0


def _signature(name: str, released: date) -> list[Block]:
    dated = phrases.chinese_date(released)
    name_right, date_right = signature_indents(name, dated)
    lines = ((name, SIGNATURE_SPACE_LINES, name_right), (dated, 0.0, date_right))
    return [
        Paragraph(
            text,
            align="right",
            indent=False,
            space_before=space,
            right_indent=right,
            keep_with_next=space > 0,
        )
        for text, space, right in lines
    ]


def _detail(report: Report, key: str) -> str:
    detail = report.details.get(key)
    return clean(detail.text) if detail is not None else ""


def _keywords(name: str, year: int | None) -> tuple[str, ...]:
    return tuple(k for k in (name, f"{year}年" if year else "", "政府信息公开", "年度报告") if k)


def _metadata_date(year: int | None, released: date | None) -> str:
    """The release date, or 31 January of the next year (the statutory publication deadline): fixed, so
    the same workbook always gives the same file."""
    if released is not None:
        return released.isoformat()
    return f"{year + 1}-01-31" if year is not None else ""
