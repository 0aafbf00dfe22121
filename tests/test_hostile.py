"""Hostile and careless inputs (issue 11): every class of bad input is a finding at its cell or a clear
Chinese message with the documented exit code, never a traceback, a hang, a lost file or a crashed batch.
End to end through the command line wherever a user would see the difference."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from factories import make_report, workbook_data
from xlsx_edit import formula_cell, number_cell, rewrite, set_cells, sheet_part, text_cell

from govreport import api
from govreport.api import output_stem
from govreport.cli import cli
from govreport.formats import CellKey
from govreport.model import Finding, Place, Severity
from govreport.workbook.fill import fill_workbook
from govreport.workbook.reader import read_workbook

SRC = Path(__file__).parent.parent / "src"
YEARS = {"gb2021": 2024, "gb2019": 2020}
COUNT = CellKey("t3", "一", "商业企业")
ROW_TOTAL = CellKey("t3", "一", "总计")
AMOUNT = {
    "gb2021": CellKey("t2", "行政事业性收费", "本年收费金额"),
    "gb2019": CellKey("t2", "政府集中采购", "采购总金额"),
}
LIMIT_SECONDS = 20  # far above what any case takes (well under a second): a hang fails, not a slow machine


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert "Traceback" not in result.output, result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def book(path: Path, name: str = "测试镇人民政府", year: int = 2024, **narrative: str) -> Path:
    data = workbook_data(name, year, {CellKey("t3", "一", "自然人"): 3, CellKey("t3", "（一）", "自然人"): 3})
    if "intro" in narrative:
        data["narrative"]["一"]["intro"] = narrative["intro"]  # type: ignore[index]
    return fill_workbook(path, data)


@pytest.fixture(scope="module", params=sorted(YEARS))
def base(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A valid workbook of each format, copied by the tests that spoil it."""
    format_id = request.param
    return format_id, book(tmp_path_factory.mktemp(format_id) / "base.xlsx", year=YEARS[format_id])


def spoiled(base: tuple[str, Path], tmp_path: Path, key: CellKey, cell: object) -> tuple[Path, Place]:
    """A copy of the base workbook with the cell of ``key`` replaced: ``cell(ref)`` gives the new ``<c>``."""
    format_id, path = base
    copy = shutil.copy(path, tmp_path / f"{format_id}.xlsx")
    report, _ = read_workbook(copy)
    place = report.values[key].place
    assert place is not None
    set_cells(Path(copy), place.sheet, {place.cell: cell(place.cell)})  # type: ignore[operator]
    return Path(copy), place


def checked(path: Path, *options: str) -> tuple[int, dict]:
    started = time.perf_counter()
    result = run("check", str(path), "--format", "json", *options)
    assert time.perf_counter() - started < LIMIT_SECONDS
    return result.exit_code, json.loads(result.output)


def errors(report: dict) -> list[dict]:
    return [e for task in report["tasks"] for e in task["errors"]]


def warnings(report: dict) -> list[dict]:
    return [w for task in report["tasks"] for w in task["warningDetails"]]


# ---- bounded numbers -----------------------------------------------------------------------------

IMPLAUSIBLE = [
    ("huge-exponent", lambda ref: number_cell(ref, "1E+99999999")),
    ("thousands-of-digits", lambda ref: number_cell(ref, "1" * 5000)),
    ("nan", lambda ref: number_cell(ref, "NaN")),
    ("inf", lambda ref: number_cell(ref, "INF")),
    ("a-trillion", lambda ref: number_cell(ref, "1000000000000")),
    ("text-huge-exponent", lambda ref: text_cell(ref, "1E+99999999")),
    ("text-thousands-of-digits", lambda ref: text_cell(ref, "9" * 5000)),
]


@pytest.mark.parametrize(("case", "cell"), IMPLAUSIBLE, ids=[c for c, _ in IMPLAUSIBLE])
def test_implausible_number_is_a_finding_at_its_cell(base, tmp_path: Path, case: str, cell) -> None:
    path, place = spoiled(base, tmp_path, COUNT, cell)
    code, report = checked(path)
    assert code == 1
    found = errors(report)
    assert [(e["findingType"], e["sheet"], e["address"]) for e in found] == [
        ("implausible-number", place.sheet, place.cell)
    ]
    assert len(found[0]["message"]) < 300  # a page of digits is cut


def test_an_amount_of_1_5e29_is_implausible(base, tmp_path: Path) -> None:
    path, place = spoiled(base, tmp_path, AMOUNT[base[0]], lambda ref: number_cell(ref, "1.5E+29"))
    code, report = checked(path)
    assert code == 1
    assert ("implausible-number", place.cell) in {(e["findingType"], e["address"]) for e in errors(report)}


def test_building_a_long_text_is_linear() -> None:
    """A cell's text arrives from expat in pieces (64 KB each in a real read; a 200 MB inline string is
    thousands of them): joined once, never by repeated concatenation."""
    from govreport.workbook.xlsx import WINDOWS_EPOCH, _SheetParser

    parser = _SheetParser([], frozenset(), WINDOWS_EPOCH)
    piece = "字" * 100
    started = time.perf_counter()
    parser.start("c", {"r": "A1", "t": "inlineStr"})
    parser.start("t", {})
    for _ in range(200_000):  # 20 million characters in 200,000 pieces: quadratic joining would not end
        parser.chars(piece)
    parser.end("t")
    parser.end("c")
    assert time.perf_counter() - started < LIMIT_SECONDS
    assert len(parser.cells[(0, 0)]) == 20_000_000  # type: ignore[arg-type]


# ---- formulas ------------------------------------------------------------------------------------

UNCOMPUTABLE = ["IF(1>0,2,3)", "2^3", "[1]Sheet1!A1", "{ref}+1", "(" * 3000 + "1" + ")" * 3000]


@pytest.mark.parametrize("formula", UNCOMPUTABLE, ids=["IF", "power", "external", "circular", "deep"])
def test_uncomputable_formula_without_cached_value_is_a_finding_never_zero(
    base, tmp_path: Path, formula: str
) -> None:
    path, place = spoiled(base, tmp_path, COUNT, lambda ref: formula_cell(ref, formula.format(ref=ref)))
    report, _ = read_workbook(path)
    assert report.values[COUNT].number is None  # not read as blank and counted as 0
    code, result = checked(path)
    assert code == 1
    # one finding, at the formula: not another at the total that sums it
    assert [(e["findingType"], e["address"]) for e in errors(result)] == [
        ("formula-not-computed", place.cell)
    ]
    assert "请在Excel中打开并保存后再校验" in errors(result)[0]["message"]


def test_a_formula_excel_calculated_is_read_from_its_cached_value(base, tmp_path: Path) -> None:
    path, _ = spoiled(base, tmp_path, COUNT, lambda ref: formula_cell(ref, "IF(1>0,0,1)", cached="0"))
    assert checked(path)[0] == 0


def test_a_running_total_over_ten_thousand_cells_is_computed(base, tmp_path: Path) -> None:
    path, _ = spoiled(base, tmp_path, COUNT, lambda ref: formula_cell(ref, "'说明'!B5000-9998"))
    rows = []
    for i in range(1, 5001):  # A1 = 1, A2 = A1+1 … A5000, then B1 = A5000+1 … B5000 = 10000
        down_a = f"A{i - 1}+1" if i > 1 else "1"
        down_b = f"B{i - 1}+1" if i > 1 else "A5000+1"
        rows.append(f'<row r="{i}"><c r="A{i}"><f>{down_a}</f></c><c r="B{i}"><f>{down_b}</f></c></row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = f'<worksheet xmlns="{main}"><sheetData>{"".join(rows)}</sheetData></worksheet>'
    rewrite(path, {sheet_part(path, "说明"): sheet.encode()})
    started = time.perf_counter()
    report, _ = read_workbook(path)
    assert time.perf_counter() - started < LIMIT_SECONDS
    assert report.values[COUNT].number == 2


@pytest.mark.parametrize("cached", [None, "3"], ids=["total-uncalculated", "total-cached-by-excel"])
def test_a_number_stored_as_text_gets_its_finding_at_that_cell(
    base, tmp_path: Path, cached: str | None
) -> None:
    _, original = base
    path, place = spoiled(base, tmp_path, COUNT, lambda ref: text_cell(ref, "2"))
    total = read_workbook(original)[0].values[ROW_TOTAL]
    assert total.place is not None and str(total.raw).startswith("=SUM(")  # the template's row total
    if cached is not None:  # as Excel saves it: SUM skipped the text, 3 instead of 5
        set_cells(
            path,
            total.place.sheet,
            {total.place.cell: formula_cell(total.place.cell, str(total.raw), cached)},
        )
    code, result = checked(path)
    assert code == 1
    found = [(e["findingType"], e["address"]) for e in errors(result)]
    assert ("number-as-text", place.cell) in found
    assert not [e for e in errors(result) if e["address"] == total.place.cell]  # not at the total it broke


# ---- one bad workbook never takes the batch down ---------------------------------------------------


def test_a_crash_on_one_workbook_is_a_finding_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = tmp_path / "books"
    books.mkdir()
    good = book(books / "a.xlsx", name="甲镇人民政府")
    bad = book(books / "b.xlsx", name="乙镇人民政府")
    real = api.check_workbook

    def failing(path, **options):  # a bug nobody foresaw, for one workbook only
        if Path(path).name == bad.name:
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, **options)

    monkeypatch.setattr(api, "check_workbook", failing)
    summary = tmp_path / "汇总.json"
    result = run(
        "build",
        str(books),
        "-o",
        str(tmp_path / "out"),
        "--only",
        "docx",
        "-j",
        "1",
        "--summary",
        str(summary),
    )
    assert result.exit_code == 1
    rows = {Path(r["文件"]).name: r for r in json.loads(summary.read_text(encoding="utf-8"))}
    assert rows[good.name]["输出"].endswith("甲镇人民政府-2024年报.docx")
    assert "RecursionError" in rows[bad.name]["说明"] and "b.xlsx" in rows[bad.name]["说明"]
    assert not list((tmp_path / "out").glob(".govreport-tmp-*"))


# ---- never lose or overwrite what the user has -------------------------------------------------------


def test_no_output_may_be_an_input(tmp_path: Path) -> None:
    this_year = book(tmp_path / "2024.xlsx")
    last_dir = tmp_path / "2023"
    last_dir.mkdir()
    last_year = book(last_dir / "2023.xlsx", year=2023)
    before = last_year.read_bytes()
    attempts = [
        ("check", str(this_year), "--previous", str(last_year), "-o", str(last_year)),
        ("check", str(this_year), "--previous-dir", str(last_dir), "-o", str(last_year)),
        ("check", str(this_year), "--children", str(last_dir), "-o", str(last_year)),  # a roll-up's child
        (
            "build",
            str(this_year),
            "--previous",
            str(last_year),
            "--summary",
            str(last_year),
            "--only",
            "docx",
        ),
    ]
    for args in attempts:
        result = run(*args)
        assert result.exit_code == 2, args
        assert "不能覆盖" in result.output
    assert last_year.read_bytes() == before


def test_a_report_whose_old_file_cannot_be_replaced_keeps_all_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fonts
) -> None:
    out = tmp_path / "out"
    path = book(tmp_path / "a.xlsx")
    assert run("build", str(path), "-o", str(out)).exit_code == 0
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {Path(name).suffix for name in old} == {".docx", ".pdf", ".html"}
    path.unlink()
    book(path, intro="今年的新内容。")
    real = os.replace

    def locked(src, dst):  # Windows: the old PDF is open in a viewer
        if str(dst).endswith(".pdf") and not str(src).endswith(".old"):
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    result = run("build", str(path), "-o", str(out))
    assert result.exit_code == 1
    assert "年报.pdf" in result.output and "原有文件未改动" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old  # nothing half-replaced, no temporaries


def test_the_library_puts_a_report_in_place_together_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = api.check_workbook(book(tmp_path / "a.xlsx"))
    assert checked.report is not None
    out = tmp_path / "out"
    built = api.build_report(checked.report, checked.result, out, kinds=("docx", "html"))
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in built.outputs)
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    real = os.replace

    def locked(src, dst):
        if str(dst).endswith(".html") and not str(src).endswith(".old"):
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    draft = replace(checked.result, findings=(*checked.result.findings, _an_error()))
    with pytest.raises(OSError, match="原有文件未改动"):
        api.build_report(checked.report, draft, out, kinds=("docx", "html"), allow_errors=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old


def _an_error() -> Finding:
    return Finding("R1", "balance-mismatch", Severity.ERROR, "测试")


def test_stale_temporary_folders_of_a_dead_run_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stale = out / ".govreport-tmp-999999999-1-2"
    stale.mkdir(parents=True)
    (stale / "测试.docx").write_bytes(b"half")
    other = out / ".govreport-tmp-notours"
    other.mkdir()
    assert run("build", str(book(tmp_path / "a.xlsx")), "-o", str(out), "--only", "docx").exit_code == 0
    assert not stale.exists()
    assert other.exists()  # not a name this program makes: left alone


def test_ctrl_c_stops_the_workers_cleans_up_and_exits_130(tmp_path: Path) -> None:
    books = tmp_path / "books"
    books.mkdir()
    first = book(books / "000.xlsx")
    for i in range(1, 240):
        shutil.copy(first, books / f"{i:03}.xlsx")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [
        sys.executable,
        "-m",
        "govreport",
        "build",
        str(books),
        "-o",
        str(out),
        "--only",
        "docx",
        "-j",
        "2",
    ]
    proc = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stderr is not None
    line = proc.stderr.readline()  # the first finished workbook: the workers are busy
    assert line.startswith("[1/240]"), line
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: to the whole process group
    started = time.perf_counter()
    rest = proc.communicate(timeout=30)[1]
    assert time.perf_counter() - started < 10
    assert proc.returncode == 130, rest
    assert "已中断" in rest and "Traceback" not in rest
    assert not list(out.glob(".govreport-tmp-*"))


# ---- paths and names --------------------------------------------------------------------------------


def test_a_name_that_exists_is_taken_literally_not_as_a_pattern(tmp_path: Path) -> None:
    literal = book(tmp_path / "报告[2022].xlsx", name="甲镇人民政府")
    book(tmp_path / "报告2.xlsx", name="乙镇人民政府")  # what the pattern [2022] would match
    result = run("check", str(literal))
    assert result.exit_code == 0
    assert "甲镇人民政府" in result.output and "乙镇人民政府" not in result.output


def test_folder_scans_match_any_case_and_never_open_fifos_or_folders(tmp_path: Path) -> None:
    folder = tmp_path / "books"
    folder.mkdir()
    book(folder / "大写.XLSX")
    (folder / "文件夹.xlsx").mkdir()
    os.mkfifo(folder / "管道.xlsx")
    result = run("check", str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [Path(t["place"]).name for t in json.loads(result.output)["tasks"]] == ["大写.XLSX"]
    fifo = run("check", str(folder / "管道.xlsx"))  # given by name: said what it is, never waited on
    assert fifo.exit_code == 2 and "不是普通文件" in fifo.output


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("二进制.xlsb", "zip:xl/workbook.bin", ".xlsb"),
        ("wps.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "WPS"),
    ],
)
def test_other_spreadsheet_formats_say_how_to_convert(tmp_path: Path, name: str, content, says: str) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr(content.removeprefix("zip:"), b"\0")
            zf.writestr("[Content_Types].xml", b"<Types/>")
    else:
        path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert says in result.output and "另存为" in result.output


def test_strict_open_xml_workbooks_are_read(tmp_path: Path) -> None:
    path = book(tmp_path / "strict.xlsx")
    report, _ = read_workbook(path)
    name = report.details["name"].place
    assert name is not None
    set_cells(path, name.sheet, {name.cell: f'<c r="{name.cell}" t="s"><v>0</v></c>'})
    usual = (
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    )
    rels = (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    )
    strings = (
        f'<sst xmlns="{usual[1].decode()}" count="1" uniqueCount="1"><si><t>严格格式镇人民政府</t></si></sst>'
    )
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n).replace(*usual).replace(*rels) for n in zf.namelist() if n.endswith(".xml")}
    parts["xl/sharedStrings.xml"] = strings.encode()
    rewrite(path, parts)
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    assert "严格格式镇人民政府" in result.output


def test_the_summary_never_holds_a_live_formula(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    name = '=HYPERLINK("http://example.com","点击")'
    path = book(tmp_path / "a.xlsx", name=name)
    for suffix in (".xlsx", ".csv"):
        summary = tmp_path / f"汇总{suffix}"
        result = run(
            "build", str(path), "-o", str(tmp_path / "out"), "--only", "docx", "--summary", str(summary)
        )
        assert result.exit_code == 0, result.output
    cell = load_workbook(tmp_path / "汇总.xlsx").active["B2"]
    assert (cell.value, cell.data_type) == (name, "s")
    with (tmp_path / "汇总.csv").open(encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["机关"] == "'" + name  # Excel's mark for text: shown as written, never run


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("测\u202e试\u200b镇人民政府", "测试镇人民政府-2024年报"),  # bidi override, zero-width space dropped
        ("大水泊镇人民政府", "大水泊镇人民政府-2024年报"),  # a usual name unchanged
    ],
)
def test_output_names_drop_invisible_characters(name: str, clean: str) -> None:
    assert output_stem(make_report(details={"name": name, "year": "2024"})) == clean


def test_output_names_fit_file_systems_and_keep_bodies_apart(tmp_path: Path) -> None:
    stems = [output_stem(make_report(details={"name": n, "year": "2024"})) for n in ("甲/乙局", "甲:乙局")]
    assert stems[0] != stems[1]  # sanitise alike, stay distinct
    long = "很长的机关名称" * 30
    stem = output_stem(make_report(details={"name": long, "year": "2024"}))
    assert len(f"{stem}.docx.old".encode()) <= 255 and stem.endswith("-2024年报")
    assert stem == output_stem(make_report(details={"name": long, "year": "2024"}))  # stable
    result = run(
        "build", str(book(tmp_path / "a.xlsx", name=long)), "-o", str(tmp_path / "out"), "--only", "docx"
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / f"{stem}.docx").exists()


def test_two_bodies_whose_names_sanitise_alike_are_not_duplicates(tmp_path: Path) -> None:
    books = tmp_path / "books"
    books.mkdir()
    book(books / "a.xlsx", name="甲/乙局")
    book(books / "b.xlsx", name="甲:乙局")
    result = run("build", str(books), "-o", str(tmp_path / "out"), "--only", "docx", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "B2" not in result.output
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2


def test_template_refuses_a_name_that_is_not_xlsx(tmp_path: Path) -> None:
    result = run("template", str(tmp_path / "模板.xls"))
    assert result.exit_code == 2 and ".xlsx" in result.output
    assert not (tmp_path / "模板.xls").exists()


# ---- the right year and the right body ---------------------------------------------------------------


def test_previous_of_another_year_or_body_is_a_finding_not_a_bogus_x1(tmp_path: Path) -> None:
    this_year = book(tmp_path / "2024.xlsx")
    two_years_ago = book(tmp_path / "2022.xlsx", year=2022)
    code, report = checked(this_year, "--previous", str(two_years_ago))
    assert code == 1
    assert [e["findingType"] for e in errors(report)] == ["previous-mismatch"]
    other_body = book(tmp_path / "other.xlsx", name="另一个镇人民政府", year=2023)
    code, report = checked(this_year, "--previous", str(other_body))
    assert code == 0
    assert [w["findingType"] for w in warnings(report)] == ["previous-mismatch"]
    assert "另一个镇人民政府" in warnings(report)[0]["message"]


def test_previous_dir_without_a_match_says_the_cross_year_rules_did_not_run(tmp_path: Path) -> None:
    last = tmp_path / "2023"
    last.mkdir()
    book(last / "other.xlsx", name="另一个镇人民政府", year=2023)
    code, report = checked(book(tmp_path / "2024.xlsx"), "--previous-dir", str(last))
    assert code == 0
    assert [w["findingType"] for w in warnings(report)] == ["previous-mismatch"]
    assert "跨年度校验未进行" in warnings(report)[0]["message"]


@pytest.mark.parametrize("year", [1999, 2007, dt.date.today().year + 2, 99999])
def test_a_year_outside_the_plausible_range_is_m1(tmp_path: Path, year: int) -> None:
    path = book(tmp_path / "a.xlsx")
    place = read_workbook(path)[0].details["year"].place
    assert place is not None
    set_cells(path, place.sheet, {place.cell: number_cell(place.cell, str(year))})
    code, report = checked(path)
    assert code == 1
    m1 = [e for e in errors(report) if e["rule"] == "M1"]
    assert [(e["findingType"], e["address"]) for e in m1] == [("year-invalid", place.cell)]


# ---- scripts the PDF cannot set ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("ھۆكۈمەت ئۇچۇرلىرىنى ئاشكارىلاش", "阿拉伯字母"),  # Uyghur
        ("གཞུང་གི་ཆ་འཕྲིན་", "藏文"),  # Tibetan
        ("ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ", "蒙古文"),  # Mongolian
    ],
)
def test_a_script_the_pdf_cannot_shape_stops_the_pdf_not_the_docx(
    tmp_path: Path, fonts, text: str, script: str
) -> None:
    path = book(tmp_path / "a.xlsx", intro=f"本年度工作有序推进。{text}")
    out = tmp_path / "out"
    result = run("build", str(path), "-o", str(out))
    assert result.exit_code == 1
    assert script in result.output and "“一、总体情况”第1段" in result.output
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".html"]  # Word and browsers shape it


# ---- messages ------------------------------------------------------------------------------------------


def test_invisible_characters_in_labels_are_shown_escaped(base, tmp_path: Path) -> None:
    _, original = base
    path = Path(shutil.copy(original, tmp_path / "zw.xlsx"))
    part = sheet_part(path, "表三")
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(part).decode()
    header = "&#33258;&#28982;&#20154;"  # the column label 自然人 as the template writes it
    assert header in xml
    rewrite(path, {part: xml.replace(header, header + "&#8203;", 1).encode()})  # a zero-width space after it
    result = run("check", str(path))
    assert result.exit_code == 1
    assert "“自然人<U+200B>”" in result.output  # why two labels that look alike differ


def test_long_duplicate_lists_are_cut(tmp_path: Path) -> None:
    books = tmp_path / "books"
    books.mkdir()
    first = book(books / "00.xlsx")
    for i in range(1, 9):
        shutil.copy(first, books / f"{i:02}.xlsx")
    summary = tmp_path / "汇总.json"
    result = run(
        "build",
        str(books),
        "-o",
        str(tmp_path / "out"),
        "--only",
        "docx",
        "-j",
        "1",
        "--summary",
        str(summary),
    )
    assert result.exit_code == 1
    notes = [row["说明"] for row in json.loads(summary.read_text(encoding="utf-8"))]
    assert all("…及另外 4 个" in note for note in notes), notes


def test_an_unwritable_step_summary_is_a_warning_and_annotations_still_print(tmp_path: Path) -> None:
    path = book(tmp_path / "a.xlsx", intro="甲" * 1200)  # a Q2 warning to annotate
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "没有这个目录" / "summary.md")}
    result = run("check", str(path), env=env)
    assert result.exit_code == 0
    assert "::warning " in result.output
    assert "无法写入 GitHub 步骤摘要" in result.output


def test_ctrl_c_while_files_are_swapped_waits_until_they_are(tmp_path: Path) -> None:
    from govreport.outputs import interrupt_deferred, put_in_place

    folder = tmp_path / ".govreport-tmp-1-2"
    folder.mkdir()
    (tmp_path / "报告.docx").write_bytes(b"old docx")
    (folder / "报告.docx").write_bytes(b"new docx")
    with pytest.raises(KeyboardInterrupt), interrupt_deferred():
        os.kill(os.getpid(), signal.SIGINT)  # arrives while the report is being put in place
        assert put_in_place([(str(folder / "报告.docx"), str(tmp_path / "报告.docx"))]) is None
    assert (tmp_path / "报告.docx").read_bytes() == b"new docx"
    assert not folder.exists()


def test_a_sheet_of_a_million_rows_is_read_only_as_far_as_tables_go(tmp_path: Path) -> None:
    from govreport.workbook.sheets import MAX_ROWS

    path = book(tmp_path / "a.xlsx")
    rows = "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(1, 1_000_001))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rewrite(
        path,
        {
            sheet_part(
                path, "说明"
            ): f'<worksheet xmlns="{main}"><sheetData>{rows}</sheetData></worksheet>'.encode()
        },
    )
    started = time.perf_counter()
    result = run("check", str(path))
    assert time.perf_counter() - started < 10  # the rows past the last a table could use are never parsed
    assert result.exit_code == 0, result.output
    assert MAX_ROWS < 1_000_000
