"""``govreport rollup`` and ``check/build --children`` end to end through click's CliRunner: real child
workbooks on disk, the parent workbook read back, exit codes and messages as a county office sees them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import need
from factories import sample_inputs, workbook_data
from openpyxl import load_workbook

from govreport.cli import cli
from govreport.formats import CellKey, get_format
from govreport.workbook.fill import fill_workbook
from govreport.workbook.reader import read_workbook

YEAR = {"gb2021": 2022, "gb2019": 2020}
FORMATS = pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
RECEIVED = CellKey("t3", "一", "自然人")
RECEIVED_TOTAL = CellKey("t3", "一", "总计")
RESULT = CellKey("t3", "（一）", "自然人")


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def town(
    folder: Path,
    name: str,
    format_id: str = "gb2021",
    *,
    extra: int = 0,
    year: int | None = None,
    **details: str,
) -> Path:
    """A consistent town workbook: the sample inputs with ``extra`` more requests received and granted."""
    fmt = get_format(format_id)
    values = {k: v for k, v in sample_inputs(format_id).items() if k not in fmt.total_keys()}
    values[RECEIVED] += extra  # type: ignore[operator]
    values[RESULT] += extra  # type: ignore[operator]
    data = workbook_data(name, year or YEAR[format_id], values)
    data["details"].update(details)  # type: ignore[attr-defined]
    folder.mkdir(parents=True, exist_ok=True)
    return fill_workbook(folder / f"{name}.xlsx", data, fmt=fmt)


def towns(folder: Path, format_id: str = "gb2021") -> list[Path]:
    return [town(folder, f"{n}镇人民政府", format_id, extra=i) for i, n in enumerate("甲乙丙")]


def sources_sheet(path: Path) -> list[tuple[object, ...]]:
    wb = load_workbook(path)
    return [tuple(row) for row in wb["汇总来源"].iter_rows(values_only=True)]


@FORMATS
def test_rollup_writes_a_parent_that_sums_its_children_and_passes_check(
    tmp_path: Path, format_id: str
) -> None:
    towns(tmp_path / "镇", format_id)
    parent = tmp_path / "县.xlsx"
    result = run("rollup", tmp_path / "镇", "-o", parent, "--name", "某某县人民政府")
    assert result.exit_code == 0, result.output
    assert f"已汇总 3 个下级工作簿（共 3 个），写入：{parent}" in result.output
    report, _ = read_workbook(parent)
    assert (report.name, report.year, report.format_id) == ("某某县人民政府", YEAR[format_id], format_id)
    assert report.number(RECEIVED) == 5 * 3 + 0 + 1 + 2
    assert report.number(RECEIVED_TOTAL) == 7 * 3 + 3
    assert run("check", parent).exit_code == 0
    assert run("check", parent, "--children", tmp_path / "镇").exit_code == 0
    # Totals stay formulas.
    wb = load_workbook(parent)
    formulas = [c.value for row in wb["表三"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(f.startswith("=SUM(") for f in formulas)
    # 汇总来源: a line per child, a total line equal to the parent's tables.
    rows = sources_sheet(parent)
    assert rows[1][:7] == ("序号", "文件", "机关", "报告年度", "格式", "状态", "说明")
    lines, total = rows[2:5], rows[5]
    assert sorted(line[2] for line in lines) == sorted(["甲镇人民政府", "乙镇人民政府", "丙镇人民政府"])
    assert {line[5] for line in lines} == {"已汇总"}
    assert total[1] == "合计"
    assert total[7] == sum(line[7] for line in lines) == report.number(RECEIVED_TOTAL)


def test_a_parent_is_itself_a_child_province_over_counties(tmp_path: Path) -> None:
    for county in ("东县", "西县"):
        towns(tmp_path / county)
        out = tmp_path / "县级" / f"{county}.xlsx"
        assert run("rollup", tmp_path / county, "-o", out, "--name", f"{county}人民政府").exit_code == 0
    province = tmp_path / "省.xlsx"
    result = run("rollup", tmp_path / "县级", "-o", province, "--name", "某某省人民政府")
    assert result.exit_code == 0, result.output
    report, _ = read_workbook(province)
    assert report.number(RECEIVED) == 2 * (5 * 3 + 3)
    assert run("check", province, "--children", tmp_path / "县级").exit_code == 0


def test_a_child_with_errors_is_refused_unless_allow_errors(tmp_path: Path) -> None:
    towns(tmp_path / "镇")
    bad = town(tmp_path / "镇", "丁镇人民政府")
    wb = load_workbook(bad)
    wb["表三"]["D29"].value = 9  # a carried-over count that breaks R1
    wb.save(bad)
    parent = tmp_path / "县.xlsx"
    result = run("rollup", tmp_path / "镇", "-o", parent, "--name", "某某县人民政府")
    assert result.exit_code == 1, result.output
    assert "错误 H3 汇总来源!A3 下级工作簿未汇总" in result.output  # 丁 sorts first
    assert f"{bad}：有 " in result.output and "--allow-errors" in result.output
    assert read_workbook(parent)[0].number(RECEIVED) == 18
    assert sources_sheet(parent)[2][5] == "未汇总"
    result = run(
        "rollup", tmp_path / "镇", "-o", parent, "--name", "某某县人民政府", "--allow-errors", "--force"
    )
    assert result.exit_code == 0, result.output
    assert "警告 H3 汇总来源!A3 下级工作簿有错误" in result.output
    assert read_workbook(parent)[0].number(RECEIVED) == 23
    assert sources_sheet(parent)[2][5] == "已汇总（有错误）"


def test_other_year_other_format_and_duplicate_bodies_are_refused_with_the_file_named(tmp_path: Path) -> None:
    folder = tmp_path / "镇"
    towns(folder)
    old = town(folder, "戊镇人民政府", year=2021)
    gb2019 = town(folder, "己镇人民政府", "gb2019", year=2022)  # a 2022 report on the 2019 tables
    twin = town(folder / "副本", "甲镇人民政府")
    renamed = folder / "坏.xlsx"
    renamed.write_text("机关名称,年度\n", encoding="utf-8")
    parent = tmp_path / "县.xlsx"
    result = run(
        "rollup", folder, "-o", parent, "--name", "某某县人民政府", "--year", "2022", "--allow-errors"
    )
    assert result.exit_code == 1, result.output
    assert f"{old}：年度为2021年，而汇总的是2022年度" in result.output
    assert f"{gb2019}：统计表不是" in result.output
    assert f"{twin}：同一机关有 2 个工作簿" in result.output
    assert f"下级工作簿未汇总：{renamed}：这是CSV文本文件" in result.output
    statuses = {line[2]: line[5] for line in sources_sheet(parent)[2:-1]}
    assert statuses["甲镇人民政府"] == statuses["戊镇人民政府"] == statuses["己镇人民政府"] == "未汇总"
    assert read_workbook(parent)[0].number(RECEIVED) == 5 + 1 + 5 + 2  # 乙 and 丙 only


def test_no_workbook_at_all_and_nothing_to_sum(tmp_path: Path) -> None:
    (tmp_path / "空").mkdir()
    parent = tmp_path / "县.xlsx"
    result = run("rollup", tmp_path / "空", "-o", parent, "--name", "某某县人民政府")
    assert result.exit_code == 2 and "没有找到 .xlsx 工作簿" in result.output
    towns(tmp_path / "镇")
    result = run("rollup", tmp_path / "镇", "-o", parent, "--name", "某某县人民政府", "--year", "2023")
    assert result.exit_code == 1, result.output
    assert "没有可以汇总的下级工作簿，未写出汇总工作簿" in result.output
    assert not parent.exists()


def test_expected_bodies_from_a_text_or_a_workbook_list(tmp_path: Path) -> None:
    towns(tmp_path / "镇")
    listing = tmp_path / "应报名单.txt"
    listing.write_text("甲镇人民政府\n乙镇人民政府\n\n庚镇人民政府\n", encoding="gb18030")
    parent = tmp_path / "县.xlsx"
    result = run("rollup", tmp_path / "镇", "-o", parent, "--name", "某某县人民政府", "--expect", listing)
    assert result.exit_code == 1, result.output
    assert "错误 H2 汇总来源!A6 下级缺报：庚镇人民政府：应报名单中有此机关" in result.output
    assert "警告 H4 汇总来源!A3 不在应报名单" in result.output
    assert sources_sheet(parent)[5][2:6] == ("庚镇人民政府", None, None, "缺报")
    from openpyxl import Workbook

    wb = Workbook()
    for name in ("机关名称", "甲镇人民政府", "乙镇人民政府", "丙镇人民政府"):
        wb.active.append([name])
    wb.save(tmp_path / "名单.xlsx")
    result = run(
        "rollup",
        tmp_path / "镇",
        "-o",
        parent,
        "--name",
        "某某县",
        "--expect",
        tmp_path / "名单.xlsx",
        "--force",
    )
    assert result.exit_code == 0, result.output
    assert "H2" not in result.output and "H4" not in result.output


def test_never_overwrites_a_file_or_a_child(tmp_path: Path) -> None:
    children = towns(tmp_path / "镇")
    before = children[0].read_bytes()
    result = run("rollup", tmp_path / "镇", "-o", children[0], "--name", "某某县", "--force")
    assert result.exit_code == 2 and "不能覆盖" in result.output
    assert children[0].read_bytes() == before
    existing = tmp_path / "县.xlsx"
    existing.write_bytes(b"keep")
    result = run("rollup", tmp_path / "镇", "-o", existing, "--name", "某某县")
    assert result.exit_code == 2 and "--force" in result.output
    assert existing.read_bytes() == b"keep"
    result = run("rollup", tmp_path / "镇", "-o", tmp_path / "县.pdf", "--name", "某某县")
    assert result.exit_code == 2 and ".xlsx" in result.output
    bad_list = tmp_path / "名单.xlsx"
    bad_list.write_text("不是工作簿", encoding="utf-8")
    result = run(
        "rollup", tmp_path / "镇", "-o", tmp_path / "新.xlsx", "--name", "某某县", "--expect", bad_list
    )
    assert result.exit_code == 2 and "应报名单" in result.output and str(bad_list) in result.output


def test_check_children_finds_a_changed_cell_of_the_parent(tmp_path: Path) -> None:
    towns(tmp_path / "镇")
    parent = tmp_path / "县.xlsx"
    run("rollup", tmp_path / "镇", "-o", parent, "--name", "某某县人民政府")
    wb = load_workbook(parent)  # a clerk edits the sum by hand and keeps the row consistent
    cell = next(c for row in wb["表三"].iter_rows() for c in row if c.value == 18)
    cell.value = 20
    wb["表三"].cell(cell.row + 2, cell.column).value += 2  # （一）予以公开: R1 still balances
    wb.save(parent)
    assert run("check", parent).exit_code == 0
    result = run("check", parent, "--children", tmp_path / "镇")
    assert result.exit_code == 1, result.output
    line = next(x for x in result.output.splitlines() if f"表三!{cell.coordinate}" in x)
    assert "错误 H1" in line and "应为各下级工作簿之和 18，实为 20" in line
    assert "数字来自丙镇人民政府 7、乙镇人民政府 6、甲镇人民政府 5" in line
    build = run("build", parent, "--children", tmp_path / "镇", "-o", tmp_path / "out", "--only", "docx")
    assert build.exit_code == 1 and not (tmp_path / "out").exists()


def test_children_only_with_one_parent_and_expect_only_with_children(tmp_path: Path) -> None:
    a, b, _ = towns(tmp_path / "镇")
    result = run("check", a, b, "--children", tmp_path / "镇")
    assert result.exit_code == 2 and "--children 只能用于一个汇总工作簿" in result.output
    result = run("check", a, "--expect", tmp_path / "名单.txt")
    assert result.exit_code == 2 and "--expect 要与 --children 一起使用" in result.output


@pytest.mark.parametrize("format_id", ["gb2019"])
def test_gb2019_amounts_in_two_units_and_the_built_report(tmp_path: Path, format_id: str) -> None:
    amount = CellKey("t2", "政府集中采购", "采购总金额")
    for name, unit, value in (("甲镇", "万元", "12.5"), ("乙镇", "元", "250000"), ("丙镇", "万元", "0.35")):
        values = {
            k: v for k, v in sample_inputs(format_id).items() if k not in get_format(format_id).total_keys()
        }
        values[amount] = value
        data = workbook_data(f"{name}人民政府", 2020, values)
        data["details"]["采购金额单位"] = unit  # type: ignore[index]
        (tmp_path / "镇").mkdir(exist_ok=True)
        fill_workbook(tmp_path / "镇" / f"{name}.xlsx", data)
    parent = tmp_path / "县.xlsx"
    assert run("rollup", tmp_path / "镇", "-o", parent, "--name", "某某县人民政府").exit_code == 0
    report, _ = read_workbook(parent)
    assert str(report.number(amount)) == "37.85"
    assert report.details["采购金额单位"].text == "万元"
    assert sources_sheet(parent)[1][-1] == "采购总金额（万元）"
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler)")
    result = run("build", parent, "-o", tmp_path / "out", "--only", "pdf")
    assert result.exit_code == 0, result.output
    pdf = next((tmp_path / "out").glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "37.85" in text and "某某县人民政府" in text


def test_the_county_example_is_the_roll_up_of_its_towns(tmp_path: Path) -> None:
    import sys

    examples = Path(__file__).parent.parent / "examples"
    county = examples / "county"
    sys.path.insert(0, str(examples))
    import county_2022

    county_2022.main(["county_2022.py", str(tmp_path)])
    fresh, _ = read_workbook(tmp_path / "示例县-2022汇总.xlsx")
    committed, _ = read_workbook(county / "示例县-2022汇总.xlsx")
    assert {k: v.number for k, v in fresh.values.items()} == {
        k: v.number for k, v in committed.values.items()
    }
    result = run("check", county / "示例县-2022汇总.xlsx", "--children", county / "towns")
    assert result.exit_code == 0 and "H1" not in result.output, result.output
    assert "警告" not in result.output  # the county's text agrees with the summed tables
    towns_checked = run("check", county / "towns")
    assert towns_checked.exit_code == 0 and "共 0 个错误，0 个警告" in towns_checked.output
    assert len(list((county / "towns").glob("*.xlsx"))) == 3
    assert (county / "示例县人民政府-2022年报.pdf").exists()


@FORMATS
def test_hand_made_children_and_a_hand_made_parent(tmp_path: Path, format_id: str) -> None:
    from data.handmade import Options, write_handmade

    fmt = get_format(format_id)
    inputs = {k: v for k, v in sample_inputs(format_id).items() if k not in fmt.total_keys()}
    towns(tmp_path / "镇", format_id)
    details = {"name": "丁镇人民政府", "year": YEAR[format_id]}
    write_handmade(tmp_path / "镇" / "丁镇手工表.xlsx", fmt, inputs, Options(details=details))
    parent = tmp_path / "县.xlsx"
    result = run("rollup", tmp_path / "镇", "-o", parent, "--name", "某某县人民政府")
    assert result.exit_code == 0, result.output
    summed = read_workbook(parent)[0]
    assert summed.number(RECEIVED) == 5 * 4 + 3
    # The county's own hand-made table: totals typed as numbers, one of them wrong by 2.
    county = {"name": "某某县人民政府", "year": YEAR[format_id]}
    sums = {k: summed.number(k) for k in inputs}
    hand = tmp_path / "县手工表.xlsx"
    write_handmade(hand, fmt, sums, Options(details=county))
    assert run("check", hand, "--children", tmp_path / "镇").exit_code == 0
    places = write_handmade(hand, fmt, sums, Options(details=county, overrides={RECEIVED_TOTAL: 33}))
    result = run("check", hand, "--children", tmp_path / "镇")
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "H1" in x)
    assert places[RECEIVED_TOTAL] in line and "应为各下级工作簿之和 31，实为 33" in line
