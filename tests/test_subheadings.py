"""Section 一's parts as offices word them (issue 16): the number typed, the meaning, the heading printed."""

from __future__ import annotations

import pytest

from govreport.formats import FORMATS
from govreport.workbook.subheadings import is_short, meaning, numbered, printed

MEANINGS = FORMATS["gb2021"].section("一").meanings


@pytest.mark.parametrize(
    ("typed", "number", "part", "heading"),
    [
        ("（一）主动公开工作情况", 1, 1, "（一）主动公开工作情况"),
        ("（二）依申请公开情况", 2, 2, "（二）依申请公开情况"),
        ("（三）政府信息管理方面", 3, 3, "（三）政府信息管理方面"),
        ("（四）平台建设", 4, 4, "（四）平台建设"),
        ("（五）政府信息公开监督保障情况", 5, 5, "（五）政府信息公开监督保障情况"),
        ("（二）、依申请公开", 2, 2, "（二）依申请公开"),
        ("二、依申请公开", 2, 2, "（二）依申请公开"),
        ("2.依申请公开", 2, 2, "（二）依申请公开"),
        ("２．依申请公开", 2, 2, "（二）依申请公开"),
        ("(2)依申请公开", 2, 2, "（二）依申请公开"),
        ("依申请公开情况", None, 2, None),
        ("（六）其他工作", 6, None, "（六）其他工作"),
    ],
)
def test_a_part_is_known_by_number_and_meaning(
    typed: str, number: int | None, part: int | None, heading
) -> None:
    found = numbered(typed)
    assert found.number == number
    assert meaning(found.words, MEANINGS) == part
    if heading is not None:
        assert printed(found.number or part, found.words) == heading


@pytest.mark.parametrize(
    "text", ["2022年，我镇共发布信息72条。", "1.5万条", "一是加强组织领导；二是完善制度"]
)
def test_sentences_are_not_headings(text: str) -> None:
    assert not is_short(text) or numbered(text).number is None


def test_a_part_naming_two_meanings_is_not_guessed() -> None:
    assert meaning("主动公开和依申请公开", MEANINGS) is None
