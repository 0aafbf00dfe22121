"""Generated sentences (issue 7): read back by rule Q4, they agree with the tables they come from."""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from factories import make_report

from govreport.checks import check_report
from govreport.checks.claims import check_claims
from govreport.draft import draft_sentences
from govreport.formats import CellKey, Kind, get_format
from govreport.model import Number, Passage, Place, Report

FORMATS = ["gb2021", "gb2019"]
PLACE = Place("一、总体情况", "B4")


def _random_inputs(format_id: str, seed: int, empty: float) -> dict[CellKey, Number]:
    """Consistent inputs: random results and carry-out per column; received = results + out − carried in."""
    fmt, rnd = get_format(format_id), random.Random(seed)
    inputs: dict[CellKey, Number] = {}
    for key in (k for k in fmt.cell_keys() if k not in fmt.total_keys()):
        kind = fmt.kind_of(key)
        if rnd.random() < empty:
            inputs[key] = 0
        elif kind is Kind.AMOUNT:
            inputs[key] = Decimal(rnd.randint(0, 10**6)) / 100
        else:
            inputs[key] = rnd.randint(-5 if kind is Kind.SIGNED else 0, 60)
    for key in [k for k in inputs if k.table == "t3" and k.row == "一"]:
        results = sum(
            v for k, v in inputs.items() if k.table == "t3" and k.column == key.column and k.row[0] == "（"
        )
        out = inputs[CellKey("t3", "四", key.column)]
        carried_in = min(inputs[CellKey("t3", "二", key.column)], results + out)
        inputs[CellKey("t3", "二", key.column)] = carried_in
        inputs[key] = results + out - carried_in
    return inputs


def _reports(format_id: str) -> list[Report]:
    reports = [
        make_report(format_id, _random_inputs(format_id, seed, empty))
        for seed, empty in [(1, 0.0), (2, 0.5), (3, 0.9), (4, 0.97)]
    ]
    zero = {k: 0 for k in get_format(format_id).cell_keys() if k not in get_format(format_id).total_keys()}
    return [*reports, make_report(format_id, zero)]


def _with_text(report: Report, *paragraphs: str) -> Report:
    narrative = {**report.narrative, "一": (Passage("（二）依申请公开", paragraphs, PLACE),)}
    return Report(report.format_id, report.source, report.details, narrative, report.values)


@pytest.mark.parametrize("format_id", FORMATS)
def test_generated_sentences_give_no_q4_finding(format_id: str) -> None:
    for report in _reports(format_id):
        sentences = [d.sentence for d in draft_sentences(report)]
        assert sentences
        assert check_claims(_with_text(report, *sentences)) == []
        assert check_claims(_with_text(report, "".join(sentences))) == []  # as one paragraph too


@pytest.mark.parametrize("format_id", FORMATS)
def test_a_changed_number_gives_one_finding(format_id: str) -> None:
    report = _reports(format_id)[0]
    changed = 0
    for drafted in draft_sentences(report):
        for m in re.finditer(r"\d+(?:\.\d+)?", drafted.sentence):
            wrong = str(Decimal(m.group()) + 1000)
            sentence = drafted.sentence[: m.start()] + wrong + drafted.sentence[m.end() :]
            findings = check_claims(_with_text(report, sentence))
            assert [(f.actual or "").rstrip("%") for f in findings] == [wrong], sentence
            changed += 1
    assert changed >= 25


@pytest.mark.parametrize("format_id", FORMATS)
def test_zero_report_reads_naturally(format_id: str) -> None:
    zero = _reports(format_id)[-1]
    sentences = {d.topic: d.sentence for d in draft_sentences(zero)}
    assert sentences["收到和上年结转的申请"] == "本年度未收到政府信息公开申请，无上年结转申请。"
    assert (
        sentences["行政复议和行政诉讼"]
        == "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
    )
    assert "办理结果" not in sentences and "结转下年度继续办理" not in sentences
    assert not any(re.search(r"\d", s) for s in sentences.values())


def test_sentences_quote_the_table() -> None:
    report = make_report("gb2021")  # sample: 7 received, 1 carried over, 7 handled, 1 carried out
    sentences = {d.topic: d.sentence for d in draft_sentences(report)}
    assert sentences["收到和上年结转的申请"] == "本年度新收政府信息公开申请7件，上年结转政府信息公开申请1件。"
    assert sentences["办理结果"] == (
        "本年度办结政府信息公开申请7件，其中予以公开3件、部分公开1件、无法提供2件、不予处理1件。"
        "予以公开和部分公开共4件，占办结总数的57.1%。"
    )
    assert sentences["结转下年度继续办理"] == "结转下年度继续办理的申请1件。"
    assert sentences["行政复议和行政诉讼"] == (
        "本年度因政府信息公开工作被申请行政复议1件，其中结果维持1件；被提起行政诉讼1件，其中复议后起诉1件。"
    )
    assert sentences["行政事业性收费"] == "本年度无行政事业性收费。"


@pytest.mark.parametrize("format_id", FORMATS)
def test_a_broken_rule_on_a_part_marks_the_sentences_on_its_totals(format_id: str) -> None:
    """R1 broken in the 自然人 column names 自然人's cells, not the 总计 column the sentences quote:
    the totals summed from those cells are as unsure, so their sentences carry the finding."""
    natural = CellKey("t3", "四", "自然人")
    report = make_report(format_id, overrides={natural: 5})
    findings = check_report(report)
    [r1] = [f for f in findings if f.rule == "R1" and f.place == str(report.values[natural].place)]
    drafted = {d.topic: d for d in draft_sentences(report, findings)}
    assert r1 in drafted["收到和上年结转的申请"].broken
    assert r1 in drafted["结转下年度继续办理"].broken
    assert not drafted["行政复议和行政诉讼"].broken  # table 四 rests on nothing broken
