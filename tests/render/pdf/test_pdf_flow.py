"""The pager: where flowables land on which page, with the rules the report's layout relies on."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from govreport.render.pdf.flow import Flowable, Frame, LayoutError, Pager, RoomFor, Spacer

FRAME = Frame(50, 100, 400, 300)  # text area: y from 100 (bottom) to 400 (top)
TOP = FRAME.y + FRAME.height


class Box(Flowable):
    """A named block of fixed height that records (page, top) where it is drawn; ``lines`` > 1 lets it
    split between lines of ``height / lines`` points."""

    def __init__(
        self,
        name: str,
        height: float,
        *,
        before: float = 0,
        after: float = 0,
        lines: int = 1,
        keep: bool = False,
    ) -> None:
        self.name, self.height, self.before, self.after, self.lines = name, height, before, after, lines
        self.keep_with_next = keep
        self.drawn: list[tuple[int, float]] = []
        self.parts: list[Box] = []

    def space_before(self) -> float:
        return self.before

    def space_after(self) -> float:
        return self.after

    def split(self, width: float, height: float) -> list[Flowable]:
        pitch = self.height / self.lines
        fit = int(height // pitch)
        if self.lines < 2 or fit < 1 or fit >= self.lines:
            return []
        first = Box(self.name, fit * pitch, before=self.before, lines=fit)
        rest = Box(self.name, self.height - fit * pitch, after=self.after, lines=self.lines - fit)
        self.parts = [first, rest]
        return [first, rest]

    def draw(self) -> None:
        self.drawn.append((self.canv.getPageNumber(), round(self.canv._currentMatrix[5] + self.height, 3)))

    def placements(self) -> list[tuple[int, float]]:
        return self.drawn + [p for part in self.parts for p in part.placements()]


def run(*flowables: Flowable) -> int:
    canv = Canvas(io.BytesIO())
    pages: list[int] = []
    Pager(canv, FRAME, lambda c: None, lambda c: pages.append(c.getPageNumber())).run(flowables)
    return len(pages)


def test_flowables_stack_from_the_top_and_space_before_is_dropped_on_a_new_page() -> None:
    a, b, c = Box("a", 100, before=20), Box("b", 150, before=20), Box("c", 100, before=20)
    assert run(a, b, c) == 2
    assert a.drawn == [(1, TOP)]  # no space above the first flowable of a page
    assert b.drawn == [(1, TOP - 100 - 20)]
    assert c.drawn == [(2, TOP)]  # 30 points left on page 1: c moves, and its space is dropped


def test_space_after_and_space_before_overlap() -> None:
    a, b = Box("a", 50, after=30), Box("b", 50, before=20)
    run(a, b)
    assert b.drawn == [(1, TOP - 50 - 30)]  # the larger of the two spaces, not their sum


def test_a_flowable_splits_where_it_allows_and_the_rest_goes_on() -> None:
    a, text = Box("a", 250), Box("text", 100, lines=4)
    assert run(a, text) == 2
    assert text.placements() == [(1, TOP - 250), (2, TOP)]
    assert [p.lines for p in text.parts] == [2, 2]


def test_keep_with_next_moves_a_heading_to_the_page_of_what_follows() -> None:
    a, heading, table = Box("a", 200), Box("h", 30, keep=True), Box("t", 90)
    assert run(a, heading, table) == 2
    assert heading.drawn == [(2, TOP)] and table.drawn == [(2, TOP - 30)]


def test_a_kept_group_taller_than_a_page_starts_a_page_then_splits() -> None:
    a, heading, table = Box("a", 100), Box("h", 30, keep=True), Box("t", 400, lines=8)
    assert run(a, heading, table) == 3
    assert heading.drawn == [(2, TOP)]
    assert table.placements()[0] == (2, TOP - 30)


def test_room_for_breaks_the_page_unless_the_heading_and_two_lines_fit() -> None:
    a, heading = Box("a", 230), Box("h", 29)
    assert run(a, RoomFor([heading], 58), heading) == 2
    assert heading.drawn == [(2, TOP)]
    b, heading2 = Box("b", 200), Box("h", 29)
    assert run(b, RoomFor([heading2], 58), heading2) == 1
    assert heading2.drawn == [(1, TOP - 200)]


def test_a_spacer_that_does_not_fit_goes_to_the_next_page() -> None:
    a, b = Box("a", 290), Box("b", 10)
    assert run(a, Spacer(20), b) == 2
    assert b.drawn == [(2, TOP - 20)]


def test_a_flowable_taller_than_a_page_that_cannot_split_is_an_error() -> None:
    with pytest.raises(LayoutError, match="比一页的版心（106 毫米）还高又无法拆开"):
        run(Box("a", 10), Box("huge", 301))
