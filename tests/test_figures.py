"""The published-items chart (issue 6) from workbook to outline: the template's optional sheet, the
label-driven reader (ours and a hand-made sheet), cell findings, placement and caption in the outline,
and rule F1 against the golden cases of ``cases/figure_totals.json``."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest
from factories import SEED_ITEMS, make_report
from openpyxl import load_workbook

from govreport.api import check_workbook
from govreport.blocks import Figure, Heading
from govreport.checks import check_report
from govreport.checks.figures import stated_totals
from govreport.document import outline
from govreport.formats import get_format
from govreport.model import Passage, Place, PublishedItems, Value
from govreport.workbook import fill_workbook, read_workbook

ROOT = Path(__file__).parent.parent
CASES = json.loads((Path(__file__).parent / "cases" / "figure_totals.json").read_text("utf-8"))
FORMATS = ("gb2021", "gb2019")
DETAILS = {"name": "威海市文登区大水泊镇人民政府", "year": 2022}


def _details(format_id: str) -> dict[str, object]:
    return {**DETAILS, "year": 2022 if format_id == "gb2021" else 2020}


def _counts(figure: PublishedItems) -> list[tuple[str, int]]:
    return list(figure.counts())


# -- template and reader -------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", FORMATS)
def test_published_items_round_trip_in_order_with_zero_counts(tmp_path: Path, format_id: str) -> None:
    items = [*SEED_ITEMS, ("便民服务", 0)]
    path = fill_workbook(tmp_path / "a.xlsx", {"details": _details(format_id), "published_items": items})
    report, findings = read_workbook(path)
    assert report.format_id == format_id
    (figure,) = report.figures
    assert _counts(figure) == items
    assert (figure.caption, figure.place, figure.channel, figure.total) == ("", "一（一）", "门户网站", None)
    assert figure.items[3][1].place == Place("栏目信息发布", "B11")
    assert not [f for f in findings if f.sheet == "栏目信息发布"]


@pytest.mark.parametrize("format_id", FORMATS)
def test_several_charts_with_caption_place_and_channel(tmp_path: Path, format_id: str) -> None:
    many = [(f"栏目{i}", i) for i in range(20)]  # more rows than the template offers by default
    figures = [
        {"items": SEED_ITEMS, "caption": "大水泊镇2022年各类栏目信息发布数量统计图"},
        {"items": many, "place": "一（四）", "channel": "政务新媒体"},
    ]
    path = fill_workbook(tmp_path / "b.xlsx", {"details": _details(format_id), "figures": figures})
    report, _ = read_workbook(path)
    first, second = report.figures
    assert first.caption == "大水泊镇2022年各类栏目信息发布数量统计图" and _counts(first) == SEED_ITEMS
    assert (second.place, second.channel, _counts(second)) == ("一（四）", "政务新媒体", many)


@pytest.mark.parametrize("format_id", FORMATS)
def test_blank_template_has_no_chart(tmp_path: Path, format_id: str) -> None:
    path = fill_workbook(tmp_path / "c.xlsx", {"details": _details(format_id)})
    report, findings = read_workbook(path)
    assert report.figures == ()
    assert not [f for f in findings if f.sheet == "栏目信息发布"]
    wb = load_workbook(path)
    ws = wb["栏目信息发布"]
    assert [ws["A4"].value, ws["A5"].value, ws["A6"].value] == ["图表标题", "位置", "渠道"]
    assert (ws["B5"].value, ws["A7"].value, ws["B7"].value) == ("一（一）", "栏目", "条数")
    assert ws["A20"].value == "合计" and ws["B20"].value == "=SUM(B8:B19)"
    assert ws.protection.sheet and not ws["B8"].protection.locked


@pytest.mark.parametrize(
    ("raw", "rule_type", "severity", "number"),
    [
        ("—", "not-a-number", "error", None),
        (2.5, "not-a-whole-number", "error", None),
        (-3, "negative-value", "error", -3),
        (None, "blank-cells", "warning", 0),
    ],
)
def test_bad_counts_are_r5_cell_findings(tmp_path: Path, raw, rule_type, severity, number) -> None:
    path = fill_workbook(tmp_path / "d.xlsx", {"details": DETAILS, "published_items": SEED_ITEMS})
    wb = load_workbook(path)
    wb["栏目信息发布"]["B9"].value = raw  # 机构职能
    wb.save(path)
    report, findings = read_workbook(path)
    (finding,) = [f for f in findings if f.sheet == "栏目信息发布"]
    assert (finding.rule, finding.type, finding.severity.value) == ("R5", rule_type, severity)
    assert (finding.cell, finding.row_label) == ("B9", "机构职能")
    label, value = report.figures[0].items[1]
    assert label == "机构职能" and len(report.figures[0].items) == len(SEED_ITEMS)
    if number is not None:
        assert value.number == number


def test_hand_made_sheet_is_read_by_its_labels(tmp_path: Path) -> None:
    """A clerk's own sheet: details, a title row, a 栏目名称 | 发布条数 block in other columns, a typed 合计."""
    fill = fill_workbook(tmp_path / "base.xlsx", {"details": DETAILS})
    wb = load_workbook(fill)
    del wb["栏目信息发布"]
    ws = wb.create_sheet("发布统计")
    ws["C2"], ws["D2"] = "图表位置", "一(一)"
    ws["C3"], ws["D3"] = "标题", "本镇网站栏目发布情况"
    ws["C5"], ws["D5"] = "栏目名称", "发布条数"
    for r, (label, count) in enumerate(SEED_ITEMS, 6):
        ws.cell(r, 3, label)
        ws.cell(r, 4, str(count) if r == 7 else count)  # a number typed as text still counts
    ws.cell(6 + len(SEED_ITEMS), 3, "合  计")
    ws.cell(6 + len(SEED_ITEMS), 4, 72)
    wb.save(fill)
    report, findings = read_workbook(fill)
    (figure,) = report.figures
    assert _counts(figure) == SEED_ITEMS
    assert (figure.caption, figure.place, figure.channel) == ("本镇网站栏目发布情况", "一（一）", "")
    assert (
        figure.total is not None
        and figure.total.number == 72
        and figure.total.place == Place("发布统计", "D14")
    )
    assert not [f for f in findings if f.sheet == "发布统计"]
    f1 = [f for f in check_report(report) if f.rule == "F1"]
    assert [(f.type, f.place, f.expected, f.actual) for f in f1] == [
        ("figure-total-mismatch", "发布统计!D14", "72", "73")
    ]


def test_a_column_list_without_counts_is_not_a_chart(tmp_path: Path) -> None:
    path = fill_workbook(tmp_path / "e.xlsx", {"details": DETAILS})
    wb = load_workbook(path)
    ws = wb.create_sheet("栏目说明")
    ws["A1"], ws["B1"] = "栏目", "说明"  # a 栏目 label without a 条数 column
    ws["A2"], ws["B2"] = "工作动态", "镇域新闻"
    wb.save(path)
    report, findings = read_workbook(path)
    assert report.figures == ()
    assert not [f for f in findings if f.sheet == "栏目说明"]


# -- outline -----------------------------------------------------------------------------------------


def _report_with(format_id: str = "gb2021", **figure) -> object:
    values = tuple(
        (label, Value(count, Place("栏目信息发布", f"B{i}")))
        for i, (label, count) in enumerate(SEED_ITEMS, 8)
    )
    items = PublishedItems(values, **figure)
    return dataclasses.replace(make_report(format_id), figures=(items,))


@pytest.mark.parametrize("format_id", FORMATS)
def test_outline_puts_the_chart_after_the_paragraphs_of_its_subheading(format_id: str) -> None:
    blocks = outline(_report_with(format_id)).blocks
    i = next(i for i, b in enumerate(blocks) if isinstance(b, Figure))
    figure = blocks[i]
    assert figure.caption == "威海市文登区大水泊镇人民政府2022年各类栏目信息发布数量统计图"
    assert [(b.label, b.value) for b in figure.bars] == SEED_ITEMS
    heading = next(b for b in reversed(blocks[:i]) if isinstance(b, Heading))
    assert heading.text == get_format(format_id).section("一").subheadings[0]
    assert isinstance(blocks[i + 1], Heading) and blocks[i + 1].text.startswith("（二）")


@pytest.mark.parametrize(
    ("place", "after"),
    [
        ("一（三）", "（三）"),
        ("一", "（五）"),
        ("（二）", "（二）"),
        ("七（九）", "（一）"),
        ("乱写", "（一）"),
    ],
)
def test_outline_follows_the_place_the_workbook_names(place: str, after: str) -> None:
    blocks = outline(_report_with(place=place)).blocks
    i = next(i for i, b in enumerate(blocks) if isinstance(b, Figure))
    heading = next(b for b in reversed(blocks[:i]) if isinstance(b, Heading) and b.level == 2)
    assert heading.text.startswith(after)


def test_caption_is_the_workbooks_own_or_names_the_channel() -> None:
    own = outline(_report_with(caption="大水泊镇2022年各类栏目信息发布数量统计图")).blocks
    assert next(b for b in own if isinstance(b, Figure)).caption == "大水泊镇2022年各类栏目信息发布数量统计图"
    media = outline(_report_with(channel="政务新媒体")).blocks
    caption = next(b for b in media if isinstance(b, Figure)).caption
    assert caption == "威海市文登区大水泊镇人民政府2022年政务新媒体各类栏目信息发布数量统计图"


def test_report_without_figures_has_no_figure_block() -> None:
    assert not [b for b in outline(make_report()).blocks if isinstance(b, Figure)]


# -- rule F1 -----------------------------------------------------------------------------------------


def _case_report(text: str, channel: str = "") -> object:
    report = make_report()
    values = tuple(
        (label, Value(count, Place("栏目信息发布", f"B{i}")))
        for i, (label, count) in enumerate(CASES["items"], 8)
    )
    items = PublishedItems(values, channel=channel, where=Place("栏目信息发布", "A7"))
    narrative = dict(report.narrative)
    intro, first, *rest = narrative["一"]
    narrative["一"] = (intro, Passage(first.title, (text,), Place("一、总体情况", "B3")), *rest)
    return dataclasses.replace(report, narrative=narrative, figures=(items,))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_f1_golden_cases(case: dict) -> None:
    report = _case_report(case["text"])
    assert [s.number for s in stated_totals(report)] == case["stated"]
    f1 = [f for f in check_report(report) if f.rule == "F1"]
    if not case["finding"]:
        assert f1 == []
        return
    (finding,) = f1
    assert (finding.type, finding.severity.value, finding.place) == (
        "figure-total-mismatch",
        "warning",
        "一、总体情况!B3",
    )
    assert (finding.expected, finding.actual) == (str(case["stated"][0]), "72")
    assert str(case["stated"][0]) in finding.message and "72" in finding.message


def test_f1_leaves_a_new_media_chart_alone() -> None:
    report = _case_report("通过政务网站主动公开信息75条。", channel="政务新媒体")
    assert not [f for f in check_report(report) if f.rule == "F1"]


def test_example_workbook_shows_the_seeds_chart_and_its_own_mismatch(tmp_path: Path) -> None:
    """The seed's columns add up to 73 while its text says 72: F1 warns, the check still passes."""
    sys.path.insert(0, str(ROOT / "examples"))
    from dashuipo_2022 import data

    path = fill_workbook(tmp_path / "example.xlsx", data())
    checked = check_workbook(path)
    report = checked.report
    assert report is not None and not checked.result.errors
    (figure,) = report.figures
    assert _counts(figure) == SEED_ITEMS and figure.caption == "大水泊镇2022年各类栏目信息发布数量统计图"
    f1 = [f for f in check_report(report) if f.rule == "F1"]
    assert [(f.place, f.expected, f.actual, f.is_error) for f in f1] == [
        ("一、总体情况!B3", "72", "73", False)
    ]
