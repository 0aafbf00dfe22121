"""``govreport build`` end to end: which files it writes (.docx, PDF and the portal page by default, see
test_cli; ``--only`` chooses; ``--html-fragment`` and ``--open-data`` add the CMS fragment and the open data),
what a misuse of the options says, and that a draft publishes no open data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from html_support import parse
from test_cli import filled, run

STEM = "测试镇人民政府-2024年报"


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_only_html_needs_no_font_and_writes_the_page_alone(tmp_path: Path) -> None:
    book = filled(tmp_path / "a.xlsx", **{"t3__一__自然人": 7, "t3__（一）__自然人": 7})
    result = run("build", str(book), "-o", str(tmp_path / "out"), "--only", "html")
    assert result.exit_code == 0, result.output
    assert names(tmp_path / "out") == {f"{STEM}.html"}
    root = parse((tmp_path / "out" / f"{STEM}.html").read_text(encoding="utf-8"))
    assert "".join(root.find(".//h1").itertext()) == "测试镇人民政府2024年政府信息公开工作年度报告"  # type: ignore[union-attr]
    assert "7" in ["".join(td.itertext()) for td in root.iter("td")]


@pytest.mark.parametrize("value", ["docx,html", "HTML，docx", ".html, .docx"])
def test_only_takes_a_list(tmp_path: Path, value: str) -> None:
    book = filled(tmp_path / "a.xlsx")
    result = run("build", str(book), "-o", str(tmp_path / "out"), "--only", value)
    assert result.exit_code == 0, result.output
    assert names(tmp_path / "out") == {f"{STEM}.docx", f"{STEM}.html"}


@pytest.mark.parametrize("value", ["xls", "html,odt", ","])
def test_an_unknown_kind_is_a_usage_error_in_chinese(tmp_path: Path, value: str) -> None:
    book = filled(tmp_path / "a.xlsx")
    result = run("build", str(book), "-o", str(tmp_path / "out"), "--only", value)
    assert result.exit_code == 2
    assert "可选 docx,pdf,html" in result.output
    assert not (tmp_path / "out").exists()


def test_fragment_and_open_data_beside_the_page(tmp_path: Path) -> None:
    book = filled(tmp_path / "a.xlsx", **{"t3__一__自然人": 7, "t3__（一）__自然人": 7})
    out = tmp_path / "out"
    result = run("build", str(book), "-o", str(out), "--only", "html", "--html-fragment", "--open-data")
    assert result.exit_code == 0, result.output
    data = [f"{STEM}-表二.csv", f"{STEM}-表三.csv", f"{STEM}-表四.csv", f"{STEM}-数据.json"]
    assert names(out) == {f"{STEM}.html", f"{STEM}-正文片段.html", *data}
    fragment = (out / f"{STEM}-正文片段.html").read_text(encoding="utf-8")
    assert fragment.startswith('<article lang="zh-CN" class="govreport" style=')
    with open(out / f"{STEM}-表三.csv", encoding="utf-8-sig", newline="") as fh:
        first = next(line for line in csv.reader(fh) if line[0].startswith("一、"))
    assert first[3] == "7" and first[-1] == "7"  # 自然人 and 总计
    table3 = json.loads((out / f"{STEM}-数据.json").read_text(encoding="utf-8"))["tables"][1]
    assert table3["values"]["一"]["自然人"] == 7 and table3["values"]["一"]["总计"] == 7


def test_a_draft_gets_its_page_but_no_open_data(tmp_path: Path) -> None:
    book = filled(tmp_path / "a.xlsx", t3__一__自然人=7)  # 一 + 二 ≠ 三 + 四: rule R1 broken
    out = tmp_path / "out"
    result = run("build", str(book), "-o", str(out), "--only", "html", "--open-data", "--allow-errors")
    assert result.exit_code == 1
    assert names(out) == {f"{STEM}.html"}
    assert "数据未通过校验" in (out / f"{STEM}.html").read_text(encoding="utf-8")


def test_a_batch_writes_every_file_and_leaves_no_temporary_folder(tmp_path: Path) -> None:
    books = tmp_path / "books"
    books.mkdir()
    for name in ("甲镇人民政府", "乙镇人民政府"):
        filled(books / f"{name}.xlsx", name=name)
    out = tmp_path / "out"
    args = ("--only", "html", "--html-fragment", "--open-data", "--jobs", "2")
    result = run("build", str(books), "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    assert len(names(out)) == 2 * 6 and not [n for n in names(out) if n.startswith(".")]
