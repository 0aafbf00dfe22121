"""The published-items charts (issue 6) as Figure blocks, placed in the section the workbook names:
after the paragraphs of the sub-heading ``（一）`` for ``一（一）``, at the end of the section for ``一``."""

from __future__ import annotations

import re
import unicodedata

from ..blocks import Bar, Block, Figure, Heading
from ..model import FIGURE_PLACE, PORTAL_CHANNELS, PublishedItems, Report
from .phrases import PLACEHOLDER, year_text
from .sections import clean

CAPTION = "{name}{year}年{channel}各类栏目信息发布数量统计图"
_PLACE = re.compile(r"^([一二三四五六])?(\([一二三四五六七八九十]+\))?$")


def figure_block(report: Report, figure: PublishedItems) -> Figure:
    """The chart: the workbook's caption or the default one, a bar per column in the workbook's order."""
    caption = clean(figure.caption) or default_caption(report, figure.channel)
    bars = tuple(Bar(clean(label) or PLACEHOLDER, count) for label, count in figure.counts())
    return Figure(caption, bars)


def default_caption(report: Report, channel: str = "") -> str:
    """``<机关名称><YYYY>年各类栏目信息发布数量统计图``; a channel other than the portal is named."""
    channel = clean(channel)
    return CAPTION.format(
        name=clean(report.name) or PLACEHOLDER,
        year=year_text(report.year),
        channel="" if channel in PORTAL_CHANNELS else channel,
    )


def place_of(figure: PublishedItems, sections: tuple[str, ...]) -> tuple[str, str | None]:
    """(section number, sub-heading number such as ``(一)`` or None); an unreadable place or a section
    the format does not have falls back to the default 一（一）."""
    for text in (figure.place, FIGURE_PLACE):
        m = _PLACE.match(_norm(text))
        if m and (m.group(1) or m.group(2)):
            section = m.group(1) or sections[0]
            if section in sections:
                return section, m.group(2)
    return sections[0], None


def with_figures(report: Report, number: str, body: list[Block], sections: tuple[str, ...]) -> list[Block]:
    """``body`` of section ``number`` with the charts placed in it inserted where they belong."""
    out = list(body)
    for figure in report.figures:
        section, sub = place_of(figure, sections)
        if section == number and figure.items:
            out.insert(_position(out, sub), figure_block(report, figure))
    return out


def _position(body: list[Block], sub: str | None) -> int:
    """After the blocks of the sub-heading ``sub`` (before the next heading); the end when ``sub`` is None
    or no heading carries that number."""
    if sub is None:
        return len(body)
    start = next(
        (i for i, b in enumerate(body) if isinstance(b, Heading) and _norm(b.text).startswith(sub)), None
    )
    if start is None:
        return len(body)
    following = (i for i in range(start + 1, len(body)) if isinstance(body[i], Heading))
    return next(following, len(body))


def _norm(text: str) -> str:
    return re.sub(r"[\s、.]", "", unicodedata.normalize("NFKC", text or ""))
