"""Portal pages: the report's paragraphs and tables out of any CMS page wrapper.

The page is parsed (stdlib ``html.parser``) into a small tree; tables become grids with their
rowspan/colspan expanded, everything else paragraphs. A table that holds other tables or long running
text is page layout and is read as text. The report is the smallest element holding its section
headings and tables; navigation, footers and sidebars outside it are dropped. The encoding is the one
declared, else UTF-8, else GB18030 (which covers GBK and GB2312).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..formats import FORMATS
from ..workbook.labels import norm
from .align import statutory_labels
from .source import Block, Chart, Grid, Para, Picture, Source, tidy, tidy_cell
from .structure import heading_number

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_SKIP = frozenset(
    ["script", "style", "noscript", "template", "head", "select", "option", "button", "iframe", "textarea"]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "blockquote",
        "center",
        "pre",
        "form",
        "fieldset",
        "figure",
        "figcaption",
        "main",
        "address",
        "table",
        "tr",
        "hr",
    ]
)
_CLOSES = {"p": {"p"}, "li": {"li"}, "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"}}
_FENCES = frozenset({"table", "tr", "ul", "ol", "div"})
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_ATTACHMENTS = (".pdf", ".doc", ".docx", ".wps", ".ofd")
_MAX_SPAN = 50  # colspan/rowspan beyond this is junk markup
_LAYOUT_TEXT = 600  # a cell with more running text than this is page layout, not a statutory cell


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.skipping = 0
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.attachments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag == "a":
            href = next((v or "" for k, v in attrs if k == "href"), "")
            name = href.rsplit("/", 1)[-1].split("?", 1)[0]
            if name.lower().endswith(_ATTACHMENTS) and name not in self.attachments:
                self.attachments.append(name)
        if tag == "meta":
            fields = {k.lower(): v or "" for k, v in attrs}
            name = (fields.get("name") or fields.get("property") or "").lower()
            if name and "content" in fields:
                self.meta.setdefault(name, fields["content"])
        if self.skipping or tag in _SKIP:
            if tag in _SKIP and tag not in _VOID:
                self.skipping += 1
            return
        closes = _CLOSES.get(tag)
        if closes:
            for i in range(len(self.stack) - 1, 0, -1):
                name = self.stack[i].tag
                if name in closes:
                    del self.stack[i:]
                    break
                if name in _FENCES and name != tag:
                    break
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag and not self.skipping:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
            if self.stack[i].tag in ("table",) and tag in ("td", "tr", "th", "tbody"):
                return

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not self.skipping:
            self.stack[-1].children.append(data)


def decode(data: bytes) -> str:
    """The page's text: BOM, then the declared charset, then UTF-8, then GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    m = _CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else None
    if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"):
        declared = "gb18030"
    for encoding in (declared, "utf-8", "gb18030"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("gb18030", errors="replace")


def read_html(path: Path, data: bytes) -> Source:
    builder = _TreeBuilder()
    builder.feed(decode(data))
    builder.close()
    walker = _Walker()
    walker.walk(builder.root)
    walker.flush()
    source = Source(str(path), "html")
    blocks = _report_part(walker.blocks)
    source.blocks = [b for b, _ in blocks]
    # Government portals carry the article's title and publication time in standard meta tags
    # (ArticleTitle, PubDate); then the page's own title, then the short lines just above the report
    # (a heading, 发布时间：…), nearest first.
    before = _lines_before(walker.blocks, blocks)
    meta = builder.meta
    titles = [meta.get("articletitle", ""), meta.get("og:title", ""), tidy("".join(builder.title))]
    source.titles = [t for t in (tidy(x) for x in titles) if t] + before
    pub = meta.get("pubdate") or meta.get("publishdate") or meta.get("article:published_time")
    source.dates = ([f"发布日期：{pub}"] if pub else []) + before
    source.attachments = builder.attachments
    return source


def _lines_before(
    everything: list[tuple[Block, tuple[int, ...]]], report: list[tuple[Block, tuple[int, ...]]]
) -> list[str]:
    """The short lines of the page just above the report part, nearest first."""
    if not report or len(report) == len(everything):
        return []
    first = next(i for i, (block, _) in enumerate(everything) if block is report[0][0])
    lines = [
        b.text for b, _ in everything[max(0, first - 12) : first] if isinstance(b, Para) and len(b.text) < 80
    ]
    return lines[::-1]


class _Walker:
    """Flattens the tree into blocks, each with the chain of elements it sits in."""

    def __init__(self) -> None:
        self.blocks: list[tuple[Block, tuple[int, ...]]] = []
        self.line: list[str] = []
        self.chain: tuple[int, ...] = ()
        self.tables = 0

    def flush(self) -> None:
        text = tidy("".join(self.line))
        self.line = []
        if text:
            self.blocks.append((Para(text), self.chain))

    def walk(self, node: Node, chain: tuple[int, ...] = ()) -> None:
        for child in node.children:
            if isinstance(child, str):
                if not self.line:
                    self.chain = chain
                self.line.append(child)
                continue
            tag = child.tag
            here = (*chain, id(child))
            if tag == "br":
                self.flush()
            elif tag == "img":
                self.flush()
                self.blocks.append((Picture(), here))
            elif tag == "svg":  # a drawn chart: its data from its description, its text no paragraph
                self.flush()
                self.blocks.append((_svg_chart(child) or Picture(), here))
            elif tag == "table" and not _is_layout(child):
                self.flush()
                rows = _grid_rows(child)
                if any(any(c for c in row) for row in rows):
                    self.tables += 1
                    self.blocks.append((Grid(rows, self.tables), here))
            elif tag in _BLOCK or tag in ("td", "th"):
                self.flush()
                self.walk(child, here)
                self.flush()
            else:
                self.walk(child, here)


_PAIR = re.compile(r"\s*([^：:；;]+?)\s*[：:]\s*(\d+)\s*[^\d；;]{0,3}\s*$")


def _svg_chart(svg: Node) -> Chart | None:
    """A chart whose accessible description lists its data (``公告公示：2条；机构职能：3条``)."""
    desc = next((n for n in _descendants(svg) if n.tag == "desc"), None)
    if desc is None:
        return None
    pairs = [_PAIR.match(piece) for piece in re.split(r"[；;]", tidy(_text(desc))) if piece.strip()]
    if not pairs or not all(pairs):
        return None
    return Chart(tuple((m.group(1), m.group(2)) for m in pairs if m))


def _is_layout(table: Node) -> bool:
    """A table used to lay out the page: it holds another table, or a cell of long running text."""
    for node in _descendants(table):
        if node.tag == "table":
            return True
        if node.tag in ("td", "th") and len(_text(node)) > _LAYOUT_TEXT:
            return True
    return False


def _descendants(node: Node):
    for child in node.children:
        if isinstance(child, Node):
            yield child
            yield from _descendants(child)


def _text(node: Node) -> str:
    """A cell's text; paragraphs and line breaks inside it become line breaks."""
    parts: list[str] = []

    def visit(n: Node) -> None:
        for child in n.children:
            if isinstance(child, str):
                parts.append(child.replace("\n", " "))
            elif child.tag == "br":
                parts.append("\n")
            elif child.tag in _BLOCK:
                parts.append("\n")
                visit(child)
                parts.append("\n")
            else:
                visit(child)

    visit(node)
    return "".join(parts)


def _span(value: str | None) -> int:
    try:
        return max(1, min(_MAX_SPAN, int((value or "1").strip() or 1)))
    except ValueError:
        return 1


def _grid_rows(table: Node) -> tuple[tuple[str | None, ...], ...]:
    """The table's rows with spans expanded: a merged cell's text in its top-left cell."""
    trs = [n for n in _descendants(table) if n.tag == "tr"]
    taken: dict[tuple[int, int], bool] = {}
    grid: dict[tuple[int, int], str | None] = {}
    for r, tr in enumerate(trs):
        c = 0
        for cell in (n for n in tr.children if isinstance(n, Node) and n.tag in ("td", "th")):
            while taken.get((r, c)):
                c += 1
            rowspan, colspan = _span(cell.attrs.get("rowspan")), _span(cell.attrs.get("colspan"))
            grid[(r, c)] = tidy_cell(_text(cell))
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = True
            c += colspan
    width = max((c for _, c in taken), default=-1) + 1
    rows = [tuple(grid.get((r, c)) for c in range(width)) for r in range(len(trs))]
    return tuple(row for row in rows if any(row))  # empty spacer rows dropped


def _statutory(grid: Grid) -> bool:
    """A grid carrying at least two labels of a statutory table (not a page's list of links)."""
    known = statutory_labels(FORMATS.values())
    return sum(1 for row in grid.rows for cell in row if cell and norm(cell) in known) >= 2


def _report_part(blocks: list[tuple[Block, tuple[int, ...]]]) -> list[tuple[Block, tuple[int, ...]]]:
    """The blocks inside the smallest element that holds the report's section headings and tables;
    all blocks when the page has no such headings."""
    marks = [
        chain
        for block, chain in blocks
        if (isinstance(block, Grid) and _statutory(block))
        or (isinstance(block, Para) and heading_number(block.text))
    ]
    if len(marks) < 2:
        return blocks
    common = marks[0]
    for chain in marks[1:]:
        n = 0
        while n < min(len(common), len(chain)) and common[n] == chain[n]:
            n += 1
        common = common[:n]
    return [(b, chain) for b, chain in blocks if chain[: len(common)] == common]
