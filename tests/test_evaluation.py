"""Evaluator checks E1–E4 (checks/evaluation.py), as data: each case a report's details or narrative
and the finding it must give, or none (a false warning costs more than a missed one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import DETAILS, default_narrative, make_report

from govreport.checks import check_report
from govreport.checks.evaluation import COPIED_SHARE, deadline
from govreport.cli import cli
from govreport.model import Passage, Place, Report

FORMATS = ("gb2021", "gb2019")
YEARS = {"gb2021": 2023, "gb2019": 2020}


def report(
    format_id: str,
    *,
    name: str = DETAILS["name"],
    released: str | None = None,
    last: bool = False,
    **narrative,
) -> Report:
    """A report on the format's test year (``last``: the year before) with these sections replaced."""
    year = YEARS[format_id] - (1 if last else 0)
    details = {**DETAILS, "name": name, "year": str(year)}
    if released is not None:
        details["release_date"] = released
    else:
        details.pop("release_date", None)
    texts = default_narrative(format_id)
    texts["一"] = (Passage(None, ("本年度政务公开工作稳步推进。",), Place("第一部分", "")),)
    for section, paragraphs in narrative.items():
        texts[section] = (Passage(None, tuple(paragraphs), Place(f"第{section}部分", "")),)
    return make_report(format_id, details=details, narrative=texts)


def rules(findings, rule: str) -> list:
    return [f for f in findings if f.rule == rule]


# (body, days after 1 January of the next year the report came out, late?)
DEADLINES = [
    ("淮安市洪泽区人民政府", 89, False),  # 31 March (non-leap year after 2023) is day 89
    ("淮安市洪泽区人民政府", 100, True),
    ("淮安市教育局", 30, False),
    ("淮安市教育局", 31, True),
    ("淮安市人民政府办公室", 45, True),
    ("威海市文登区大水泊镇人民政府", 19, False),
    ("威海市文登区大水泊镇人民政府", 40, True),
    ("平潭综合实验区", 120, False),  # the name does not say which deadline applies: silent
]


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize(("name", "days", "late"), DEADLINES)
def test_e1_release_date_against_article_49(format_id: str, name: str, days: int, late: bool) -> None:
    from datetime import date, timedelta

    year = YEARS[format_id]
    released = date(year + 1, 1, 1) + timedelta(days=days)
    found = rules(check_report(report(format_id, name=name, released=released.isoformat())), "E1")
    assert bool(found) == late
    if late:
        due = deadline(name, year)
        assert due is not None
        assert found[0].place == "基本信息!B10" or found[0].place
        assert f"晚了{(released - due[0]).days}天" in found[0].message
        assert "第四十九条" in found[0].message


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize(
    ("section", "text", "wrong"),
    [
        ("一", "{prev}年，我区政务公开工作稳步推进。", True),
        ("五", "（一）存在的主要问题。{prev}年，我区公开工作仍有不足。", True),
        ("五", "{next}年，我们将进一步加强培训。", False),
        ("一", "{year}年，我区政务公开工作稳步推进。", False),
        ("一", "本年度继续落实{prev}年印发的《政务公开办法》。", False),
        ("一", "{prev}年以来，我区持续推进政务公开标准化建设。", False),
        ("六", "{prev}年度，未收取信息处理费。", True),
    ],
)
def test_e2_a_year_contradicting_the_report_year(
    format_id: str, section: str, text: str, wrong: bool
) -> None:
    year = YEARS[format_id]
    filled = text.format(prev=year - 1, next=year + 1, year=year)
    found = rules(check_report(report(format_id, **{section: [filled]})), "E2")
    assert bool(found) == wrong
    if wrong:
        assert found[0].actual == f"{year - 1}年" and found[0].place == f"第{section}部分"


@pytest.mark.parametrize("format_id", FORMATS)
def test_e2_statistics_period_of_another_year_in_the_preamble(format_id: str) -> None:
    year = YEARS[format_id]
    text = f"本报告所列数据的统计期限自{year - 1}年1月1日起至{year - 1}年12月31日止。"
    found = rules(check_report(report(format_id, **{"前言": [text]})), "E2")
    assert len(found) == 1 and found[0].expected == f"{year}年"


SENTENCES = [
    "我区坚持以人民为中心的发展思想，扎实推进政务公开标准化规范化建设。",
    "严格落实政府信息公开保密审查制度，确保公开内容准确无误。",
    "政府网站和政务新媒体常态化监测，发现问题及时整改到位。",
    "依申请公开办理流程进一步规范，答复文书格式统一。",
]


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize(("kept", "copied"), [(4, True), (3, True), (2, False), (0, False)])
def test_e3_share_copied_word_for_word_from_last_year(format_id: str, kept: int, copied: bool) -> None:
    year = YEARS[format_id]
    last_text = [f"{year - 1}年，{s}" for s in SENTENCES]
    fresh = [f"{year}年，新的工作内容第{i}项已经完成并取得了预期的成效。" for i in range(len(SENTENCES))]
    this_text = [f"{year}年，{s}" for s in SENTENCES[:kept]] + fresh[kept:]
    previous = report(format_id, last=True, 一=last_text, 五=last_text[-1:], 六=["本年度未收取信息处理费。"])
    current = report(format_id, 一=this_text, 五=this_text[-1:], 六=["本年度未收取信息处理费。"])
    found = rules(check_report(current, previous), "E3")
    assert bool(found) == copied
    if copied:
        share = int(found[0].actual.rstrip("%")) / 100
        assert share > COPIED_SHARE


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize(
    ("problems", "warned"),
    [
        (["一是公开内容不够深入。下一步将加强培训。"], True),
        (["针对上年度报告指出的问题，已开展专项培训。"], False),
        (["{prev}年存在的问题已全部整改到位。"], False),
    ],
)
def test_e4_section_five_reports_on_last_years_problems(
    format_id: str, problems: list[str], warned: bool
) -> None:
    year = YEARS[format_id]
    previous = report(format_id, last=True, 五=["一是政策解读形式单一。二是队伍建设薄弱。"])
    current = report(format_id, 五=[p.format(prev=year - 1) for p in problems])
    assert bool(rules(check_report(current, previous), "E4")) == warned
    assert not rules(check_report(current), "E4")  # only with last year's report


def test_previous_may_be_a_published_report_on_the_command_line(tmp_path: Path) -> None:
    """Pingtan's 2021 page checked against a 2020 report published as .docx: the cross-year rules run."""
    from factories import sample_inputs

    from govreport.document import outline
    from govreport.formats import CellKey
    from govreport.render.docx import docx_bytes

    corpus = Path("/work/shared/corpus/published")
    if not corpus.exists():
        pytest.skip("published corpus not available")
    inputs = {**sample_inputs("gb2019"), CellKey("t3", "四", "自然人"): 0}  # nothing carried into 2021
    last = make_report("gb2019", inputs, details={**DETAILS, "name": "平潭综合实验区", "year": "2020"})
    previous = tmp_path / "平潭-2020.docx"
    previous.write_bytes(docx_bytes(outline(last)))
    run = CliRunner().invoke(
        cli, ["check", str(corpus / "pingtan-2021.html"), "--previous", str(previous), "-j", "1"]
    )
    assert run.exit_code == 0, run.output
    assert "E4" in run.output  # 2021's 五 does not say what became of the problems listed in 2020
    assert "E3" not in run.output and "X1" not in run.output
