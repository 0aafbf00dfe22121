"""End-to-end tests of the command line through click's CliRunner: what a clerk or a CI job sees."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import frictionless
import openpyxl
import pytest
from click.testing import CliRunner, Result
from conftest import need
from factories import workbook_data

from govreport.api import read_report
from govreport.cli import cli
from govreport.dates import last_report_year
from govreport.formats import CellKey
from govreport.terminal import display_width
from govreport.workbook.fill import fill_workbook

EXAMPLE = Path(__file__).parent.parent / "examples" / "大水泊镇-2022.xlsx"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert "Traceback" not in result.output, result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def filled(path: Path, name: str = "测试镇人民政府", year: int = 2024, **values: int) -> Path:
    cells = {CellKey("t3", "一", "自然人"): 3, CellKey("t3", "（一）", "自然人"): 3}
    for spec, n in values.items():
        table, row, column = spec.split("__")
        cells[CellKey(table, row, column)] = n
    data = workbook_data(name, year, cells)
    return fill_workbook(path, data)


def test_template_then_check_passes(tmp_path: Path) -> None:
    out = tmp_path / "模板.xlsx"
    assert run("template", str(out), "--year", "2024").exit_code == 0
    assert out.exists()
    again = run("template", str(out))
    assert again.exit_code == 2 and "已存在" in again.output


def test_template_years_are_those_check_accepts(tmp_path: Path) -> None:
    """One plausible range: a template of a year M1 would refuse is not written."""
    latest = last_report_year()
    too_late = run("template", str(tmp_path / "晚.xlsx"), "--year", str(latest + 1))
    assert too_late.exit_code == 2 and f"{latest + 1} 不在允许的范围（2019–{latest}）内" in too_late.output
    assert not (tmp_path / "晚.xlsx").exists()
    assert run("template", str(tmp_path / "末.xlsx"), "--year", str(latest)).exit_code == 0
    checked = run("check", str(tmp_path / "末.xlsx"), "--format", "json")
    task = json.loads(checked.output)["tasks"][0]
    assert task["year"] == latest
    assert "year-invalid" not in {f["findingType"] for f in task["errors"]}


def test_check_filled_workbook_passes(tmp_path: Path) -> None:
    result = run("check", str(filled(tmp_path / "a.xlsx")))
    assert result.exit_code == 0, result.output
    assert "通过" in result.output


def test_check_broken_cell_exit_1_names_cell(tmp_path: Path) -> None:
    book = filled(tmp_path / "b.xlsx", **{"t3__四__自然人": 2})
    result = run("check", str(book), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["valid"] is False
    rules = {(e["rule"], e["sheet"]) for e in report["tasks"][0]["errors"]}
    assert ("R1", "表三") in rules


def test_check_json_loads_with_frictionless(tmp_path: Path) -> None:
    """`--format json` is documented as a frictionless report: frictionless's own loader takes it."""
    book = filled(tmp_path / "b.xlsx", **{"t3__四__自然人": 2})
    (tmp_path / "坏.xlsx").write_bytes(b"")
    result = run("check", str(book), str(tmp_path / "坏.xlsx"), "--format", "json")
    report = frictionless.Report.from_descriptor(json.loads(result.output))
    assert report.valid is False
    broken, unreadable = sorted(report.tasks, key=lambda t: t.place)
    assert broken.title == "测试镇人民政府"
    balance = broken.errors[0]
    assert (balance.type, balance.row_number, balance.field_number) == ("cell-error", 29, 4)
    assert [e.type for e in unreadable.errors] == ["file-error"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("空文件.xlsx", b"", "空"),
        ("文本.xlsx", "机关名称,年度\n".encode(), ""),
        ("坏压缩包.xlsx", b"PK\x03\x04garbage", ""),
        ("旧格式.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ""),
    ],
)
def test_bad_input_exit_2_one_line(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert name in result.output
    assert message in result.output


def test_renamed_docx_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "报告.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    result = run("check", str(path))
    assert result.exit_code == 2 and "报告.xlsx" in result.output


def test_missing_file_exit_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "不存在.xlsx"))
    assert result.exit_code == 2 and "不存在.xlsx" in result.output


MISSING = [
    ("check", "没有"),
    ("check", "没有/"),
    ("build", "没有/"),
    ("rollup", "没有"),
    ("rollup", "没有/"),
    ("rollup", "没有.xlsx"),
]


@pytest.mark.parametrize(("command", "name"), MISSING)
def test_a_missing_file_or_folder_is_named_as_typed_exit_2(tmp_path: Path, command: str, name: str) -> None:
    """A folder that is not there is no workbook that cannot be read: one line, the name as typed."""
    given = f"{tmp_path}/{name}"
    extra = {"check": [], "build": ["-o", str(tmp_path / "out")]}.get(command)
    extra = ["-o", str(tmp_path / "县.xlsx"), "--name", "某县"] if extra is None else extra
    result = run(command, given, *extra)
    assert result.exit_code == 2, result.output
    assert result.output.strip() == f"错误：{given}：文件或目录不存在"
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written


def test_github_annotations_by_default_under_actions(tmp_path: Path) -> None:
    book = filled(tmp_path / "c.xlsx", **{"t3__四__自然人": 2})
    summary = tmp_path / "summary.md"
    result = run("check", str(book), env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert result.output.startswith("::error ")
    assert summary.read_text(encoding="utf-8").strip()


def test_build_writes_docx_pdf_and_html(tmp_path: Path) -> None:
    book = filled(tmp_path / "d.xlsx")
    result = run("build", str(book), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [f"测试镇人民政府-2024年报.{kind}" for kind in ("docx", "html", "pdf")]


def test_build_refuses_on_errors_and_drafts_with_flag(tmp_path: Path) -> None:
    book = filled(tmp_path / "e.xlsx", **{"t3__四__自然人": 2})
    out = tmp_path / "out"
    refused = run("build", str(book), "-o", str(out))
    assert refused.exit_code == 1 and "R1" in refused.output
    assert not out.exists() or not any(out.iterdir())
    drafted = run("build", str(book), "-o", str(out), "--allow-errors", "--only", "pdf")
    assert drafted.exit_code == 1
    assert [p.suffix for p in out.iterdir()] == [".pdf"]


def test_batch_one_bad_workbook_does_not_stop_the_rest(tmp_path: Path) -> None:
    books = tmp_path / "books"
    books.mkdir()
    for i in range(3):
        filled(books / f"town{i}.xlsx", name=f"第{i}镇人民政府")
    (books / "坏.xlsx").write_bytes(b"not a workbook")
    out = tmp_path / "out"
    summary = tmp_path / "汇总.json"
    result = run(
        "build", str(books), "-o", str(out), "--jobs", "2", "--only", "docx", "--summary", str(summary)
    )
    assert result.exit_code == 2
    assert len(list(out.glob("*.docx"))) == 3
    rows = json.loads(summary.read_text(encoding="utf-8"))
    assert [r["状态"] for r in rows].count("已生成") == 3
    assert not list(out.glob(".govreport-tmp-*"))


def test_batch_same_body_and_year_is_an_error(tmp_path: Path) -> None:
    books = tmp_path / "books"
    books.mkdir()
    filled(books / "a.xlsx", name="同名镇人民政府")
    filled(books / "b.xlsx", name="同名镇人民政府")
    out = tmp_path / "out"
    summary = tmp_path / "汇总.csv"
    result = run(
        "build", str(books), "-o", str(out), "--jobs", "1", "--only", "docx", "--summary", str(summary)
    )
    assert result.exit_code == 1
    assert "重复" in result.output
    assert not list(out.glob("*.docx"))
    rows = list(csv.DictReader(summary.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["状态"], r["错误"]) for r in rows] == [("重复", "1"), ("重复", "1")]
    assert all("同一机关同一年度" in r["说明"] for r in rows)


def test_batch_summary_says_why_and_fits_80_columns(tmp_path: Path) -> None:
    """Each file that was not built says why (its first error, or the duplicate's other file); the
    table fits an 80-column terminal; progress never calls a file that ends refused typeset."""
    books = tmp_path / "books"
    books.mkdir()
    long_name = "某某省某某市某某县某某乡镇人民政府二〇二四年度政府信息公开工作年度报告填报表.xlsx"
    filled(books / long_name, name="甲镇人民政府")
    filled(books / "a.xlsx", name="同名镇人民政府")
    filled(books / "b.xlsx", name="同名镇人民政府")
    filled(books / "c.xlsx", name="错镇人民政府", **{"t3__四__自然人": 2})
    result = run("build", str(books), "-o", str(tmp_path / "out"), "--jobs", "1", "--only", "docx")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    table = lines[lines.index(next(line for line in lines if line.startswith("文件"))) :]
    assert max(display_width(line) for line in table) <= 80, "\n".join(table)
    by_file = {line.split()[0]: line for line in table[2:] if line.endswith(".xlsx") or ".xlsx " in line}
    assert "与 b.xlsx 同一机关同一年度" in by_file["a.xlsx"]
    assert "与 a.xlsx 同一机关同一年度" in by_file["b.xlsx"]
    assert "R1 表三!" in by_file["c.xlsx"] and "本列勾稽不平" in by_file["c.xlsx"]
    progress = [line for line in lines if line.startswith("[")]
    assert len(progress) == 4 and not any("已排版" in line for line in progress)
    assert any(line.endswith("b.xlsx：重复：与 a.xlsx 同一机关同一年度，均不生成") for line in progress)


def test_batch_table_in_natural_order_and_says_where_the_summary_is(tmp_path: Path) -> None:
    """t2 before t10, as a clerk numbers files; with --summary the table says where it was written."""
    books = tmp_path / "books"
    books.mkdir()
    for n in (10, 2, 1, 11):
        filled(books / f"t{n}.xlsx", name=f"第{n}镇人民政府", **{"t3__四__自然人": 2})
    summary = tmp_path / "汇总.csv"
    args = ("build", str(books), "-o", str(tmp_path / "out"), "--jobs", "1", "--only", "docx")
    result = run(*args, "--summary", str(summary))
    assert result.exit_code == 1 and summary.exists()
    files = [line.split()[0] for line in result.output.splitlines() if line.startswith("t")]
    assert files == ["t1.xlsx", "t2.xlsx", "t10.xlsx", "t11.xlsx"]
    assert f"完整汇总表（含机关、输出文件）已写入 {summary}。" in result.output
    assert "用 --summary 写出" not in result.output
    assert "用 --summary 写出" in run(*args).output
    checked = run("check", str(books), "--format", "json")
    assert [Path(t["place"]).name for t in json.loads(checked.output)["tasks"]] == files


def test_previous_year_carry_over(tmp_path: Path) -> None:
    last = filled(tmp_path / "2023.xlsx", year=2023, **{"t3__四__自然人": 1, "t3__一__自然人": 4})
    this = filled(tmp_path / "2024.xlsx", year=2024)
    result = run("check", str(this), "--previous", str(last), "--format", "json")
    errors = json.loads(result.output)["tasks"][0]["errors"]
    assert any(e["rule"] == "X1" and e["sheet"] == "表三" for e in errors)
    assert result.exit_code == 1


def test_example_workbook_passes() -> None:
    if not EXAMPLE.exists():
        pytest.fail(f"{EXAMPLE} missing: run python examples/dashuipo_2022.py")
    result = run("check", str(EXAMPLE))
    assert result.exit_code == 0, result.output


def test_build_without_any_chinese_font_exit_2(tmp_path: Path) -> None:
    book = filled(tmp_path / "f.xlsx")
    empty = tmp_path / "fonts"
    empty.mkdir()
    env = {"GOVREPORT_FONT_DIRS": str(empty), "GOVREPORT_SYSTEM_FONTS": "0"}
    result = run("build", str(book), "-o", str(tmp_path / "out"), env=env)
    assert result.exit_code == 2
    assert "apt-get install fonts-arphic-uming" in result.output
    assert not (tmp_path / "out").exists()


def test_build_docx_only_needs_no_font(tmp_path: Path) -> None:
    book = filled(tmp_path / "g.xlsx")
    env = {"GOVREPORT_FONT_DIRS": str(tmp_path), "GOVREPORT_SYSTEM_FONTS": "0"}
    result = run("build", str(book), "-o", str(tmp_path / "out"), "--only", "docx", env=env)
    assert result.exit_code == 0, result.output


def test_draft_prints_sentences_from_the_tables(tmp_path: Path) -> None:
    result = run("draft", str(filled(tmp_path / "h.xlsx")))
    assert result.exit_code == 0
    assert "3件" in result.output


@pytest.mark.parametrize("year", [2024, 2020], ids=["gb2021", "gb2019"])
def test_draft_marks_sentences_resting_on_a_broken_rule_and_exits_1(tmp_path: Path, year: int) -> None:
    """3 requests neither handled nor carried over: no confident "all completed" sentence."""
    book = fill_workbook(
        tmp_path / "坏.xlsx", workbook_data("测试镇人民政府", year, {CellKey("t3", "一", "自然人"): 3})
    )
    result = run("draft", str(book))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    done = next(line for line in lines if "均已办结" in line)
    assert done.startswith("【待核实】")
    assert any("R1" in line and "表三!" in line for line in lines[lines.index(done) + 1 :])
    assert "本年度未作出" in result.output and not any(
        line.startswith("【待核实】本年度未作出") for line in lines
    )  # sentences on sound cells stay as they are
    assert "工作簿有 2 个错误" in result.output


@pytest.mark.parametrize("year", [2024, 2020], ids=["gb2021", "gb2019"])
@pytest.mark.parametrize("own_preamble", [True, False], ids=["前言", "no-前言"])
def test_contact_warnings_only_when_the_generated_preamble_needs_them(
    tmp_path: Path, year: int, own_preamble: bool
) -> None:
    data = workbook_data(
        "测试镇人民政府", year, {CellKey("t3", "一", "自然人"): 3, CellKey("t3", "（一）", "自然人"): 3}
    )
    details = data["details"]
    assert isinstance(details, dict)
    for key in ("portal_name", "portal_url", "contact_dept", "address", "postcode", "phone"):
        details.pop(key)
    if own_preamble:
        narrative = data["narrative"]
        assert isinstance(narrative, dict)
        narrative["前言"] = "本报告由测试镇人民政府办公室编制。如有疑问请致电010-12345678。"
    result = run("check", str(fill_workbook(tmp_path / "a.xlsx", data)))
    assert result.exit_code == 0, result.output
    assert result.output.count("M2") == (0 if own_preamble else 6), result.output


def test_fonts_lists_every_role() -> None:
    result = run("fonts")
    need(result.exit_code != 2, "a Chinese TrueType font")
    for role in ("标题", "正文", "表格"):
        assert role in result.output


@pytest.mark.parametrize("pattern", ["empty-dir", "nomatch*.xlsx"])
def test_nothing_to_check_is_an_error(tmp_path: Path, pattern: str) -> None:
    (tmp_path / "empty-dir").mkdir()
    result = run("check", str(tmp_path / pattern))
    assert result.exit_code == 2
    assert "没有找到 .xlsx 工作簿" in result.output


def test_outputs_never_overwrite_an_input(tmp_path: Path) -> None:
    book = filled(tmp_path / "i.xlsx")
    before = book.read_bytes()
    assert run("check", str(book), "--format", "junit", "-o", str(book)).exit_code == 2
    assert run("build", str(book), "-o", str(tmp_path / "o"), "--summary", str(book)).exit_code == 2
    assert book.read_bytes() == before


def test_summary_with_unknown_suffix_is_refused_before_building(tmp_path: Path) -> None:
    book = filled(tmp_path / "j.xlsx")
    result = run("build", str(book), "-o", str(tmp_path / "o"), "--summary", str(tmp_path / "s.txt"))
    assert result.exit_code == 2
    assert "汇总文件只支持" in result.output
    assert not (tmp_path / "o").exists()


def test_unwritable_output_directory_is_a_build_failure(tmp_path: Path) -> None:
    book = filled(tmp_path / "k.xlsx")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("build", str(book), "-o", str(blocker / "sub"), "--only", "docx")
    assert result.exit_code == 1
    assert "B1" in result.output and "无法写入输出目录" in result.output
    assert "--allow-errors" not in result.output


def test_a_report_that_cannot_be_laid_out_is_a_build_failure_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govreport.render.pdf.flow import Frame
    from govreport.render.pdf.page import BOTTOM, LEFT, TEXT_WIDTH

    book = filled(tmp_path / "l.xlsx")
    # A 版心 40 points high: lower than the rows table 三 keeps together.
    monkeypatch.setattr("govreport.render.pdf.document.FRAME", Frame(LEFT, BOTTOM, TEXT_WIDTH, 40.0))
    result = run("build", str(book), "-o", str(tmp_path / "o"), "--only", "pdf")
    need(result.exit_code != 2, "a Chinese TrueType font")
    assert result.exit_code == 1
    assert "B1" in result.output and "无法排版" in result.output and "程序出错" not in result.output
    assert not list((tmp_path / "o").glob("*.pdf"))


def test_usage_errors_are_in_chinese() -> None:
    result = run("check", "x.xlsx", "--format", "bogus")
    assert result.exit_code == 2
    assert result.output.startswith("错误：命令用法不正确")
    assert "Usage:" not in result.output


def with_cells(book: Path, cells: dict[CellKey, object]) -> dict[CellKey, str]:
    """``book`` with the cells of ``cells`` overwritten as a clerk would type them; their addresses."""
    report, _ = read_report(book)
    places = {key: report.values[key].place for key in cells}
    workbook = openpyxl.load_workbook(book)
    for key, value in cells.items():
        place = places[key]
        assert place is not None
        workbook[place.sheet][place.cell] = value
    workbook.save(book)
    return {key: str(place) for key, place in places.items()}


@pytest.mark.parametrize("year", [2024, 2020], ids=["gb2021", "gb2019"])
def test_draft_marks_every_sentence_resting_on_an_unreadable_cell_citing_that_cell(
    tmp_path: Path, year: int
) -> None:
    """A letter in 新收 and "3件" in 上年结转: the totals summed from them are as unsure as they are."""
    book = filled(tmp_path / "坏.xlsx", year=year)
    letter, carried = CellKey("t3", "一", "商业企业"), CellKey("t3", "二", "自然人")
    where = with_cells(book, {letter: "O", carried: "3件"})
    result = run("draft", str(book))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    cited = {
        line: [c for c in lines[i + 1 :] if c.startswith("    └")][: len(where)]
        for i, line in enumerate(lines)
        if line.startswith("【待核实】")
    }
    received = next(line for line in lines if "新收政府信息公开申请" in line)
    assert received.startswith("【待核实】"), result.output
    assert any(f"R5 {where[letter]} 不是数字：" in c for c in cited[received])
    assert any(f"R5 {where[carried]} 不是数字：" in c for c in cited[received])
    applicants = next(line for line in lines if line.startswith("【待核实】新收申请中"))
    assert any(where[letter] in c for c in cited[applicants])
    done = next(line for line in lines if "均已办结" in line)
    assert done.startswith("【待核实】")  # "all completed" rests on how many there were
    assert "按期" not in result.output  # the tables record no deadlines
    assert "、不是整数" not in result.output  # a finding's own title, not every title of its rule
    handled = next(line for line in lines if "办结政府信息公开申请3件" in line)
    assert not handled.startswith("【待核实】")  # 3 handled, from sound cells


@pytest.mark.parametrize("year", [2024, 2020], ids=["gb2021", "gb2019"])
def test_a_cell_that_is_no_count_gives_no_follow_on_findings(tmp_path: Path, year: int) -> None:
    """Text, a negative and a fraction in 新收: one R5 error at each cell, and nothing the sums and the
    narrative would say about them (R1 "应为 -1", Q4 "统计表为0")."""
    data = workbook_data("测试镇人民政府", year, {CellKey("t3", "（一）", "自然人"): 3})
    narrative = data["narrative"]
    assert isinstance(narrative, dict)
    narrative["一"]["parts"][1] = "本年度新收政府信息公开申请3件，均已办结。"  # type: ignore[index]
    book = fill_workbook(tmp_path / "坏.xlsx", data)
    bad = {CellKey("t3", "一", "自然人"): "3", CellKey("t3", "一", "商业企业"): -1}
    bad[CellKey("t3", "一", "科研机构")] = 1.5
    where = with_cells(book, bad)
    result = run("check", str(book), "--format", "json")
    assert result.exit_code == 1
    findings = [e for task in json.loads(result.output)["tasks"] for e in task["errors"] + task["warnings"]]
    assert [(f["rule"], f["message"]) for f in findings if f["rule"] != "R5"] == []
    errors = sorted(f"{f['sheet']}!{f['address']}" for f in findings if f["severity"] == "error")
    assert errors == sorted(where.values())


@pytest.mark.parametrize("year", [2024, 2020], ids=["gb2021", "gb2019"])
@pytest.mark.parametrize("own_preamble", [True, False], ids=["前言", "no-前言"])
def test_a_blank_release_date_is_a_warning(tmp_path: Path, year: int, own_preamble: bool) -> None:
    """Without 发布日期 the report ends with no signature: say so, whoever wrote the preamble."""
    data = workbook_data(
        "测试镇人民政府", year, {CellKey("t3", "一", "自然人"): 3, CellKey("t3", "（一）", "自然人"): 3}
    )
    details = data["details"]
    assert isinstance(details, dict)
    date = details.pop("release_date")
    if own_preamble:
        narrative = data["narrative"]
        assert isinstance(narrative, dict)
        narrative["前言"] = "本报告由测试镇人民政府办公室编制。"
    blank = run("check", str(fill_workbook(tmp_path / "a.xlsx", data)))
    assert blank.exit_code == 0, blank.output
    [line] = [line for line in blank.output.splitlines() if "发布日期" in line]
    assert line.strip().startswith("警告 M2 基本信息!") and "不署机关名称和发布日期" in line
    details["release_date"] = date
    dated = run("check", str(fill_workbook(tmp_path / "b.xlsx", data)))
    assert dated.exit_code == 0 and "发布日期" not in dated.output, dated.output
