"""Chinese line breaking (避头尾), without fonts: every Chinese character 1 em wide, Latin half an em."""

from __future__ import annotations

import random

import pytest

from govreport.render.pdf.wrap import CANNOT_END, CANNOT_START, break_lines, split_long, units, violations

CLOSERS = "，。、；：？！）》」』”’…—"
OPENERS = "（《「『“‘"


def lay(text: str, chars_per_line: int, indent: int = 0) -> list[str]:
    pieces = units(text)
    widths = [sum(0.5 if c.isascii() else 1.0 for c in p) for p in pieces]
    ranges = break_lines(pieces, widths, chars_per_line - indent, chars_per_line)
    return ["".join(pieces[a:b]) for a, b in ranges]


def test_every_mark_of_the_issue_is_in_the_tables() -> None:
    assert set(CLOSERS) <= CANNOT_START
    assert set(OPENERS) <= CANNOT_END


@pytest.mark.parametrize("mark", list(CLOSERS))
def test_a_closing_mark_never_starts_a_line(mark: str) -> None:
    lines = lay("一二三四五六七八九十" + mark + "甲乙丙", 10)
    assert lines == ["一二三四五六七八九", "十" + mark + "甲乙丙"]


@pytest.mark.parametrize("mark", list(OPENERS))
def test_an_opening_mark_never_ends_a_line(mark: str) -> None:
    lines = lay("一二三四五六七八九" + mark + "甲乙丙", 10)
    assert lines == ["一二三四五六七八九", mark + "甲乙丙"]


def test_a_run_of_closing_marks_moves_with_the_character_before_it() -> None:
    assert lay("一二三四五六七八九十。”）甲", 10) == ["一二三四五六七八九", "十。”）甲"]


def test_dashes_and_ellipses_stay_whole() -> None:
    assert lay("一二三四五六七八九——甲乙", 10) == ["一二三四五六七八", "九——甲乙"]
    assert lay("一二三四五六七八九……甲乙", 10) == ["一二三四五六七八", "九……甲乙"]


def test_numbers_urls_and_phones_are_not_split() -> None:
    lines = lay("电话0631-8641088，网址http://www.wendeng.gov.cn，2022年共计12345件。", 12)
    joined = " ".join(lines)
    for token in ("0631-8641088", "http://www.wendeng.gov.cn", "2022", "12345"):
        assert any(token in line for line in lines), joined


def test_first_line_indent_shortens_only_the_first_line() -> None:
    lines = lay("一" * 30, 10, indent=2)
    assert [len(line) for line in lines] == [8, 10, 10, 2]


def test_a_unit_followed_by_a_mark_hangs_the_mark_rather_than_starting_a_line() -> None:
    # "0631-8641088" fills the whole line: the 。 stays on it instead of opening the next one.
    assert lay("0631-8641088。甲", 6) == ["0631-8641088。", "甲"]


def narrative(seed: int, sentences: int) -> str:
    """A long synthetic narrative, dense with every kind of punctuation, in realistic positions."""
    rng = random.Random(seed)
    words = [
        "政府信息",
        "公开",
        "申请",
        "办理",
        "答复",
        "平台",
        "工作",
        "2022年",
        "第12号",
        "http://www.gov.cn",
    ]
    out = []
    for _ in range(sentences):
        clause = []
        for _ in range(rng.randint(2, 6)):
            part = "".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
            wrap = rng.choice(["", "“{}”", "《{}》", "（{}）", "「{}」", "『{}』", "‘{}’"])
            clause.append(wrap.format(part) if wrap else part)
            clause.append(rng.choice("，、；：——……"[: rng.randint(1, 9)]) if rng.random() < 0.8 else "")
        out.append("".join(clause) + rng.choice(["。", "？", "！", "。”", "……", "！）", "。》"]))
    return "".join(out)


@pytest.mark.parametrize("width", [4, 7, 13, 27, 28])
def test_long_synthetic_narrative_has_no_forbidden_line_start_or_end(width: int) -> None:
    text = narrative(width, 400)
    lines = lay(text, width, indent=2)
    assert "".join(lines) == text  # nothing lost or reordered
    assert violations(lines) == []
    overfull = [line for line in lines if sum(0.5 if c.isascii() else 1 for c in line) > width]
    # A line overruns only when it holds a single unit (a character or a Latin run) with the opening
    # marks before it and the closing marks after it: there is no legal break inside such a line.
    for line in overfull:
        core = line.lstrip("".join(CANNOT_END)).rstrip("".join(CANNOT_START))
        assert len(units(core)) == 1, line


@pytest.mark.parametrize("chars_per_line", [7, 8, 9, 10])
def test_a_url_wider_than_the_line_breaks_after_a_slash_or_dot(chars_per_line: int) -> None:
    """As the PDF sets a URL in a narrow line: cut by ``split_long``, then filled."""
    text = "网址（http://www.example.gov.cn/xxgk/index.html）。"

    def em(piece: str) -> float:
        return sum(0.5 if c.isascii() else 1.0 for c in piece)

    pieces = split_long(units(text), em, chars_per_line)
    ranges = break_lines(pieces, [em(p) for p in pieces], chars_per_line, chars_per_line)
    lines = ["".join(pieces[a:b]) for a, b in ranges]
    assert "".join(lines) == text
    for line in lines[:-1]:
        assert line[-1] in "/.址", lines  # never ``(http://ww`` | ``w.example``
    assert violations(lines) == []


def test_a_heading_never_ends_with_one_character_alone() -> None:
    text = "（五）政府信息公开工作年度报告数据统计需要说明的事项"
    pieces = units(text)
    plain = break_lines(pieces, [1.0] * len(pieces), len(text) - 1, len(text) - 1)
    assert [b - a for a, b in plain] == [len(text) - 1, 1]  # what a greedy fill gives
    ranges = break_lines(pieces, [1.0] * len(pieces), len(text) - 1, len(text) - 1, no_lone_last=True)
    assert [b - a for a, b in ranges] == [len(text) - 2, 2]
