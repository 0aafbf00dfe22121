"""Placing the report's flowables on pages: a small pager of our own.

reportlab's page layout framework (platypus) is general and costly: importing it alone takes longer than
laying out a whole report, and a report's few dozen flowables spend more time in its bookkeeping than in
being drawn. The rules here are the ones that framework applies to a single frame per page, which is all
a report needs, so pages break where they always did:

- the space before a flowable is dropped at the top of a page and overlaps the space after the one
  before it (the larger of the two applies);
- a flowable that does not fit is split where it allows (``split``), else it goes to the next page;
- a run of flowables marked ``keep_with_next`` goes with the flowable after it: when the whole group does
  not fit in what is left of the page it starts a new page (unless the page is still empty), and is then
  laid out flowable by flowable;
- :class:`RoomFor` starts a new page unless its flowables and some room below them fit.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
FUZZ = 1e-6  # points: what rounding may overshoot the bottom of the page by
UNBOUNDED = float(0xFFFFFFF)  # the height offered to measure a flowable whole


class LayoutError(Exception):
    """A flowable that fits on no page and cannot be split (the message is for the user)."""


class Flowable:
    """Something the pager places: measured by ``wrap``, cut by ``split``, drawn by ``draw`` with its lower
    left corner at the origin and the canvas as ``self.canv``."""

    width: float = 0.0
    height: float = 0.0
    keep_with_next: bool = False
    centred: bool = False  # centred in the text width when narrower than it
    canv: Canvas

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        """(width, height) it takes when ``width`` × ``height`` points are available."""
        return self.width, self.height

    def split(self, width: float, height: float) -> list[Flowable]:
        """Parts whose first fits in ``height``, or nothing when it cannot be split there."""
        return []

    def space_before(self) -> float:
        return 0.0

    def space_after(self) -> float:
        return 0.0

    def draw(self) -> None:
        pass

    def draw_on(self, canv: Canvas, x: float, y: float) -> None:
        canv.saveState()
        canv.translate(x, y)
        self.canv = canv
        try:
            self.draw()
        finally:
            del self.canv
        canv.restoreState()


class Spacer(Flowable):
    def __init__(self, height: float) -> None:
        self.height = height


class RoomFor(Flowable):
    """A new page unless ``flowables`` and ``extra`` more points fit in what is left of this one."""

    def __init__(self, flowables: list[Flowable], extra: float) -> None:
        self.flowables, self.extra = flowables, extra

    def needed(self, width: float) -> float:
        return self.extra + sum(f.wrap(width, UNBOUNDED)[1] for f in self.flowables)


@dataclass(frozen=True)
class Frame:
    """The 版心: left and bottom edges, width and height, in points."""

    x: float
    y: float
    width: float
    height: float


PageHook = Callable[[Canvas], None]


class Pager:
    """Lays flowables out on pages of one frame by the rules in the module docstring; ``begin_page`` draws
    before a page's content (the draft mark), ``end_page`` after it (the page number)."""

    def __init__(self, canv: Canvas, frame: Frame, begin_page: PageHook, end_page: PageHook) -> None:
        self.canv, self.frame = canv, frame
        self.begin_page, self.end_page = begin_page, end_page
        self.open = False
        self.y = 0.0
        self.at_top = True
        self.after = 0.0  # the space after the last flowable placed

    def run(self, flowables: Iterable[Flowable]) -> None:
        queue = deque(flowables)
        postponed: set[Flowable] = set()  # by identity: each went to a new page once already
        while queue:
            f = queue.popleft()
            if not self.open:
                self._new_page()
            if f.keep_with_next and not isinstance(f, RoomFor):
                group = self._group(f, queue)
                if not self.at_top and not self._room_for_group(group):
                    self._close_page()
                queue.extendleft(reversed(group))
            elif isinstance(f, RoomFor):
                self._room_for(f, queue)
            elif not self._place(f, queue):
                if f in postponed:
                    raise LayoutError(
                        f"PDF 第 {self.canv.getPageNumber()} 页起有一块内容（{_kind(f)}，高 {f.height / MM:.0f} 毫米）"
                        f"比一页的版心（{self.frame.height / MM:.0f} 毫米）还高又无法拆开，无法排版"
                    )
                postponed.add(f)
                queue.appendleft(f)
                self._close_page()
        if self.open:
            self._close_page()

    # -- pages --------------------------------------------------------------------------------------
    def _new_page(self) -> None:
        self.open, self.at_top, self.after = True, True, 0.0
        self.y = self.frame.y + self.frame.height
        self.begin_page(self.canv)

    def _close_page(self) -> None:
        self.end_page(self.canv)
        self.canv.showPage()
        self.open = False

    # -- placing ------------------------------------------------------------------------------------
    def _space(self, f: Flowable) -> float:
        return 0.0 if self.at_top else max(f.space_before() - self.after, 0.0)

    def _place(self, f: Flowable, queue: deque[Flowable]) -> bool:
        """Draw ``f`` (or the part of it that fits, the rest going back to the queue); False when
        nothing of it fits on this page."""
        s = self._space(f)
        room = self.y - self.frame.y - s
        if room <= 0:
            return False
        if self._draw_if_fits(f, s, room):
            return True
        parts = f.split(self.frame.width, room)
        if not parts:
            return False
        if not self._draw_if_fits(parts[0], s, room):
            raise LayoutError(
                f"PDF 第 {self.canv.getPageNumber()} 页：{_kind(f)}拆分后的第一部分仍放不下，无法排版"
            )
        queue.extendleft(reversed(parts[1:]))
        # The first part is all that goes on this page (fewer lines than fit, when widow control kept
        # two for the next): the rest starts the next page, never the room left below the first part.
        self._close_page()
        return True

    def _draw_if_fits(self, f: Flowable, s: float, room: float) -> bool:
        w, h = f.wrap(self.frame.width, room)
        bottom = self.y - s - h
        if bottom < self.frame.y - FUZZ:
            return False
        slack = self.frame.width - w
        x = self.frame.x + (0.5 * slack if f.centred and slack else 0.0)
        f.draw_on(self.canv, x, bottom)
        self.after = f.space_after()
        y = bottom - self.after
        if y != self.y:
            self.at_top = False
        self.y = y
        return True

    def _group(self, first: Flowable, queue: deque[Flowable]) -> list[Flowable]:
        """``first`` with the keep_with_next flowables after it and the one they keep with; laid out
        one by one afterwards, so their marks are cleared."""
        group = [first]
        while queue and queue[0].keep_with_next and not isinstance(queue[0], RoomFor):
            group.append(queue.popleft())
        if queue and not isinstance(queue[0], RoomFor):
            group.append(queue.popleft())
        for f in group:
            f.keep_with_next = False
        return group

    def _room_for_group(self, group: list[Flowable]) -> bool:
        """Whether the group fits, stacked as the pager would place it, in what is left of the page."""
        room = self.y - self.frame.y - self._space(group[0])
        if room <= 0:
            return False
        total, after, first = 0.0, 0.0, True
        for f in group:
            h = f.wrap(self.frame.width, UNBOUNDED)[1]
            if h <= FUZZ:
                continue
            total += h if first else h + max(f.space_before() - after, 0.0)
            first = False
            after = f.space_after()
            total += after
        return total - after <= room

    def _room_for(self, f: RoomFor, queue: deque[Flowable]) -> None:
        room = self.y - self.frame.y
        if room <= 0:  # the page is full: on the next one it fits
            queue.appendleft(f)
            self._close_page()
            return
        f.draw_on(self.canv, self.frame.x, self.y)
        self.after = 0.0
        if not self.at_top and room < f.needed(self.frame.width):
            self._close_page()


def _kind(f: Flowable) -> str:
    """What a flowable is, as a clerk would call it."""
    return {
        "TableFlowable": "表格中连在一起的几行",
        "FigureFlowable": "图表",
        "TextFlowable": "一段文字",
    }.get(type(f).__name__, "一个版面元素")
