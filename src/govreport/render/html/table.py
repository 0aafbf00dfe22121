"""A TableBlock as an HTML table: the official merges as rowspan/colspan, column labels as
``th scope="col"``, row labels as ``th scope="row"``, values as ``td``, inside a box that scrolls
sideways on a phone instead of widening the page.

Table 二 is a stack of blocks, each opened by a shaded caption row (第二十条第（一）项): each block is a
``tbody`` of its own whose caption heads the group (``scope="rowgroup"``). Other tables put their header
rows in ``thead`` (repeated on every printed page).
"""

from __future__ import annotations

import math

from ...blocks import Cell, TableBlock
from .markup import Styler, text
from .style import ALIGN

# The narrowest a column may get before the table scrolls: two 五号 characters of a header and padding.
MIN_COLUMN_REM = 2.8

_Row = tuple[Cell, ...]


def table_html(table: TableBlock, style: Styler, caption: str | None, ident: str) -> str:
    """The table in its scrolling box; ``caption`` (the section heading it belongs to) names the table
    for screen readers and the box for keyboard users, who can focus it to scroll."""
    label = f' aria-labelledby="{ident}"' if caption else ' aria-label="统计表"'
    return (
        f'<div{style("scroll")} role="region"{label} tabindex="0">'
        f"<table{style('table', extra=';'.join(filter(None, (_type_size(table), _min_width(table)))))}>"
        + (f'<caption id="{ident}"{style("caption")}>{text(caption)}</caption>' if caption else "")
        + _colgroup(table)
        + "".join(_sections(table, _Cells(style, _number_size(table))))
        + "</table></div>"
    )


def _type_size(table: TableBlock) -> str:
    """The outline's table size (小四 for table 二, 五号 for the wide ones), a point as 4/3 CSS px."""
    return f"font-size:{table.text_size * 4 / 3:.3g}px"


def _number_size(table: TableBlock) -> str:
    """The one size of every value of the table, smaller than the labels' when the longest number
    would not fit its column otherwise (five-digit counts in table 四)."""
    if table.number_size >= table.text_size:
        return ""
    return f"font-size:{table.number_size / table.text_size:.3f}em"


def _min_width(table: TableBlock) -> str:
    narrowest = min(table.widths, default=1.0)
    if narrowest <= 0 or table.columns <= 1:
        return ""
    rem = math.ceil(MIN_COLUMN_REM / narrowest)
    return f"min-width:{rem}rem" if rem > 24 else ""


def _colgroup(table: TableBlock) -> str:
    cols = "".join(f'<col style="width:{w * 100:.2f}%">' for w in table.widths)
    return f"<colgroup>{cols}</colgroup>"


class _Cells:
    """Writes the cells of one table: the page's styler and the table's number size."""

    def __init__(self, style: Styler, number_size: str) -> None:
        self.style, self.number_size = style, number_size

    def row(self, row: _Row) -> str:
        return "<tr>" + "".join(self.cell(c) for c in row) + "</tr>"

    def cell(self, cell: Cell) -> str:
        style = self.style
        spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
            f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
        )
        content = text(cell.text)
        if cell.role == "number":
            align = "" if cell.align in ("center", "justify") else ALIGN[cell.align]
            extra = ";".join(filter(None, (align, self.number_size)))
            return f"<td{spans}{style('td', extra=extra)}>{content}</td>"
        if cell.role == "caption":
            return f'<th scope="rowgroup"{spans}{style("th-caption")}>{content}</th>'
        if cell.role == "note":
            return f"<td{spans}{style('th-note')}>{content}</td>"
        scope = "col" if cell.role == "header" else "row"
        return f'<th scope="{scope}"{spans}{style("th", extra=ALIGN.get(cell.align, ""))}>{content}</th>'


def _sections(table: TableBlock, cells: _Cells) -> list[str]:
    rows = [*table.header_rows, *table.body_rows]
    if any(_is_caption(r) for r in rows):
        groups: list[list[_Row]] = []
        for row in rows:
            if _is_caption(row) or not groups:
                groups.append([])
            groups[-1].append(row)
        return [f"<tbody>{''.join(cells.row(r) for r in g)}</tbody>" for g in groups]
    head = "".join(cells.row(r) for r in table.header_rows)
    body = "".join(cells.row(r) for r in table.body_rows)
    return [f"<thead>{head}</thead>" if head else "", f"<tbody>{body}</tbody>"]


def _is_caption(row: _Row) -> bool:
    return bool(row) and row[0].role == "caption"
