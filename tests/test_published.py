"""Published reports (.pdf, .docx, portal .html) read, checked and imported.

The expected cells of the real reports in shared/corpus/published were written down by hand from the
documents (tests/cases/published_documents.json). Variants are made as an office would: the portal page
opened and saved as .docx and as PDF by LibreOffice. Round trip: every report govreport builds imports
back to the same cells and text.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import convert, need
from factories import DETAILS, default_narrative, make_report, sample_inputs

from govreport.api import check_workbook
from govreport.cli import cli
from govreport.document import outline
from govreport.formats import CellKey, get_format
from govreport.model import Report, Severity
from govreport.published import read_published
from govreport.published.structure import subheading
from govreport.workbook.reader import read_workbook

CORPUS = Path("/work/shared/corpus/published")
CASES = json.loads((Path(__file__).parent / "cases" / "published_documents.json").read_text(encoding="utf-8"))
DOCUMENTS = {d["file"]: d for d in CASES["documents"]}


def corpus(name: str) -> Path:
    path = CORPUS / name
    need(path.exists(), f"the published corpus ({path})")
    return path


def _key(text: str) -> CellKey:
    return CellKey(*text.split("|"))


def expected_values(case: dict[str, Any]) -> dict[CellKey, object]:
    """Every cell of the format: the hand-written non-zero ones, None for rows the report lacks, else 0."""
    fmt = get_format(case["format"])
    unread = [u.removesuffix("*") for u in case["unread"]]
    out: dict[CellKey, object] = {}
    for key in fmt.cell_keys():
        written = f"{key.table}|{key.row}|{key.column}"
        if any(written.startswith(prefix) for prefix in unread):
            out[key] = None
        else:
            value = case["values"].get(written, 0)
            out[key] = Decimal(value) if isinstance(value, str) else value
    return out


def numbers(report: Report) -> dict[CellKey, object]:
    return {k: v.number for k, v in report.values.items()}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_real_reports_read_to_the_cells_written_down_by_hand(name: str) -> None:
    case = DOCUMENTS[name]
    report, _ = read_published(corpus(name))
    assert report.format_id == case["format"]
    assert numbers(report) == expected_values(case)
    for key, text in case["details"].items():
        assert report.details[key].text == text, key
    for section, passages in case["narrative"].items():
        got = report.narrative[section]
        assert [p.title for p in got] == [title for title, _ in passages], section
        for passage, (_, start) in zip(got, passages, strict=True):
            assert passage.paragraphs[0].startswith(start), (section, passage.paragraphs[0][:40])
    for section, end in case["paragraph_ends"].items():
        assert report.narrative[section][-1].paragraphs[-1].endswith(end)  # joined over the page break


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_real_reports_give_the_findings_an_evaluator_expects(name: str) -> None:
    case = DOCUMENTS[name]
    result = check_workbook(corpus(name)).result
    got = [[f.rule, f.type, f.severity.value, f.place] for f in result.findings]
    assert sorted(got, key=str) == sorted(case["findings"], key=str)


def test_a_typo_in_a_published_label_is_a_warning_pointing_at_the_page_and_cell() -> None:
    result = check_workbook(corpus("hongze-qu-2023.pdf")).result
    typo = next(f for f in result.findings if f.actual == "2.其他法律行政止公开")
    assert typo.severity is Severity.WARNING
    assert typo.place == "第3页表格2第9行第3列"
    assert "2.其他法律行政法规禁止公开" in typo.message


@pytest.mark.parametrize(
    ("name", "code"), [("hongze-qu-2023.pdf", 1), ("pingtan-2019.html", 0), ("pingtan-2021.html", 0)]
)
def test_check_on_the_command_line_in_every_output_format(name: str, code: int) -> None:
    path = str(corpus(name))
    for output in ("text", "json", "github", "junit"):
        run = CliRunner().invoke(cli, ["check", path, "--format", output, "-j", "1"])
        assert run.exit_code == code, (output, run.output)
    text = CliRunner().invoke(cli, ["check", path, "-j", "1"]).output
    if name.startswith("hongze"):
        assert "第4页表格3第4行第5列" in text and "应为 11" in text
    data = json.loads(CliRunner().invoke(cli, ["check", path, "--format", "json", "-j", "1"]).output)
    places = [e["sheet"] for task in data["tasks"] for e in task["errors"] + task.get("warningDetails", [])]
    assert all("!" not in (p or "") for p in places)


def test_a_directory_mixes_workbooks_and_published_reports(tmp_path: Path) -> None:
    shutil.copy(corpus("pingtan-2021.html"), tmp_path / "平潭-2021.html")
    shutil.copy(Path(__file__).parent.parent / "examples" / "大水泊镇-2022.xlsx", tmp_path)
    run = CliRunner().invoke(cli, ["check", str(tmp_path), "-j", "1"])
    assert "平潭综合实验区" in run.output and "大水泊镇" in run.output
    assert run.exit_code == 0, run.output


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_import_writes_a_template_workbook_with_the_published_cells(name: str, tmp_path: Path) -> None:
    case = DOCUMENTS[name]
    out = tmp_path / "导入.xlsx"
    run = CliRunner().invoke(cli, ["import", str(corpus(name)), "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert out.exists() and "已导入" in run.output
    report, _ = read_workbook(out)
    expected = expected_values(case)
    totals = get_format(case["format"]).total_keys()
    for key, value in expected.items():
        if value is None:  # not in the published report: left blank
            assert key in totals or report.values[key].raw is None, key
        else:  # totals: the template's formulas, or the published number where it breaks the sum
            assert report.values[key].number == value, key
    published = check_workbook(corpus(name)).result.errors
    imported = check_workbook(out).result.errors
    assert {(f.rule, f.row_label, f.column_label) for f in published if f.rule[0] in "RX"} == {
        (f.rule, f.row_label, f.column_label) for f in imported if f.rule[0] in "RX"
    }
    assert report.name == case["details"]["name"]
    assert str(report.year) == case["details"]["year"]
    original, _ = read_published(corpus(name))
    assert _text(report, "五") == _text(original, "五")
    assert _text(report, "前言") == _text(original, "前言")
    again = CliRunner().invoke(cli, ["import", str(corpus(name)), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output


def test_import_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    bad = tmp_path / "坏.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    run = CliRunner().invoke(cli, ["import", str(bad), "-o", str(tmp_path / "x.xlsx")])
    assert run.exit_code == 2 and "坏.pdf" in run.output and "Traceback" not in run.output
    assert not (tmp_path / "x.xlsx").exists()
    run = CliRunner().invoke(cli, ["import", str(tmp_path / "x.xlsx"), "-o", str(tmp_path / "y.xlsx")])
    assert run.exit_code == 2


@pytest.mark.parametrize(
    ("content", "suffix"),
    [
        (b"", ".pdf"),
        (b"PK\x03\x04junk", ".docx"),
        (b"\x00\x01\x02", ".html"),
        (b"<html><p>hello</p></html>", ".htm"),
    ],
)
def test_unreadable_published_files_are_one_chinese_line_and_exit_2(
    content: bytes, suffix: str, tmp_path: Path
) -> None:
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(content)
    run = CliRunner().invoke(cli, ["check", str(path), "-j", "1"])
    assert run.exit_code == 2, run.output
    assert str(path) in run.output and "Traceback" not in run.output


def _text(report: Report, section: str) -> list[str]:
    return [p for passage in report.narrative.get(section, ()) for p in passage.paragraphs]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8"])
@pytest.mark.parametrize("declared", [True, False])
def test_portal_pages_in_chinese_encodings_declared_or_not(
    encoding: str, declared: bool, tmp_path: Path
) -> None:
    html = corpus("pingtan-2021.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', f'charset="{encoding}"' if declared else "")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding, errors="replace"))
    report, _ = read_published(path)
    assert numbers(report) == expected_values(DOCUMENTS["pingtan-2021.html"])
    assert report.name == "平潭综合实验区"


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize("name", ["pingtan-2019.html", "pingtan-2021.html"])
def test_a_portal_page_saved_by_libreoffice_reads_the_same(
    name: str, kind: str, soffice: str, tmp_path: Path
) -> None:
    """As an office would: the portal page opened and saved as .docx or PDF. LibreOffice's PDF breaks
    table 三 between its header and its body, wraps labels onto rows of their own and rules some rows
    apart from the header."""
    page = tmp_path / "page.html"
    shutil.copy(corpus(name), page)
    converted = convert(soffice, page, tmp_path, "docx:MS Word 2007 XML" if kind == "docx" else "pdf")
    report, _ = read_published(converted)
    case = DOCUMENTS[name]
    assert numbers(report) == expected_values(case)
    assert report.name == case["details"]["name"]
    original, _ = read_published(corpus(name))
    assert _text(report, "五") == _text(original, "五")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）主动公开", ("（一）主动公开", "")),
        (
            "（一）主动公开情况。主要通过政府门户网站公开。",
            ("（一）主动公开情况", "主要通过政府门户网站公开。"),
        ),
        ("（二）改进措施：一是丰富政策解读形式。", ("（二）改进措施", "一是丰富政策解读形式。")),
        ("我区高度重视（一）项工作。", None),
    ],
)
def test_sub_headings_alone_or_run_in(text: str, expected: tuple[str, str] | None) -> None:
    assert subheading(text) == expected


# ---- round trip -----------------------------------------------------------------------------------


def _built(format_id: str, tmp_path: Path, kind: str, fonts) -> tuple[Report, Path]:
    from govreport.render.docx import docx_bytes
    from govreport.render.html import fragment_html, page_html
    from govreport.render.pdf import pdf_bytes

    details = {**DETAILS, "year": "2022" if format_id == "gb2021" else "2020"}
    report = make_report(format_id, details=details)
    document = outline(report)
    path = tmp_path / f"报告.{kind.split('-')[0]}"
    if kind == "docx":
        path.write_bytes(docx_bytes(document))
    elif kind == "pdf":
        path.write_bytes(pdf_bytes(document, fonts))
    else:  # the portal page, or the fragment a CMS editor pastes into the portal's own page
        path.write_text((page_html if kind == "html" else fragment_html)(document), encoding="utf-8")
    return report, path


@pytest.mark.parametrize("kind", ["docx", "pdf", "html", "html-fragment"])
@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_every_report_govreport_builds_imports_back_to_the_same_cells_and_text(
    format_id: str, kind: str, tmp_path: Path, fonts
) -> None:
    built, path = _built(format_id, tmp_path, kind, fonts)
    read, findings = read_published(path)
    assert read.format_id == format_id
    assert numbers(read) == numbers(built)
    assert read.name == built.name and read.year == built.year
    for section in ("一", "五", "六"):
        assert _text(read, section) == _text(built, section), section
    assert [p.title for p in read.narrative["一"] if p.title] == [
        p.title for p in built.narrative["一"] if p.title
    ]
    assert [p.title for p in read.narrative["六"]] == [p.title for p in built.narrative["六"]]
    assert not [f for f in findings if f.is_error]


# ---- tables published as pictures, scanned PDFs ----------------------------------------------------


def _picture_report(path: Path, tmp_path: Path, overview: tuple[str | None, ...] = ()) -> Path:
    """A .docx whose three statutory tables are pictures, as the seed report published them;
    ``overview`` is more of 一 after its first paragraph (None: a picture)."""
    import docx
    from PIL import Image

    picture = tmp_path / "表格.png"
    Image.new("RGB", (600, 300), "white").save(picture)
    document = docx.Document()
    document.add_paragraph("某某县人民政府2024年政府信息公开工作年度报告")
    document.add_paragraph(
        "本报告由某某县人民政府办公室编制。如有疑问请与某某县人民政府办公室联系（地址：人民路1号；邮编：100000；电话：010-1234567）。"
    )
    document.add_paragraph("一、总体情况")
    document.add_paragraph("2024年，我县政务公开工作稳步推进，全年主动公开政府信息1200条。")
    for text in overview:
        if text is None:
            document.add_picture(str(picture))
        else:
            document.add_paragraph(text)
    for heading in (
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ):
        document.add_paragraph(heading)
        document.add_picture(str(picture))
    document.add_paragraph("五、存在的主要问题及改进情况")
    document.add_paragraph("2024年，我县政务公开工作仍存在不足。针对上年度存在的问题，已开展专项培训。")
    document.add_paragraph("六、其他需要报告的事项")
    document.add_paragraph("本年度未收取信息处理费。")
    document.save(str(path))
    return path


def _assert_pictures_finding(path: Path) -> None:
    checked = check_workbook(path)
    findings = checked.result.findings
    assert [f.type for f in findings if f.rule == "Q6"] == ["tables-as-images"]
    assert not checked.result.errors
    report = checked.report
    assert report is not None and report.name == "某某县人民政府" and report.year == 2024
    assert _text(report, "五")[0].startswith("2024年，我县政务公开工作仍存在不足")
    assert report.details["postcode"].text == "100000"


def test_tables_published_as_pictures_are_one_finding_and_the_narrative_is_still_read(tmp_path: Path) -> None:
    _assert_pictures_finding(_picture_report(tmp_path / "图片表格.docx", tmp_path))


def test_tables_as_pictures_in_a_pdf(soffice: str, tmp_path: Path) -> None:
    source = _picture_report(tmp_path / "图片表格.docx", tmp_path)
    _assert_pictures_finding(convert(soffice, source, tmp_path, "pdf"))


def test_a_scanned_pdf_without_text_is_one_chinese_line_and_exit_2(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "扫描件.pdf"
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 400, 600, fill=1)
    page.showPage()
    page.save()
    run = CliRunner().invoke(cli, ["check", str(path), "-j", "1"])
    assert run.exit_code == 2, run.output
    assert "扫描件" in run.output and "OCR" in run.output


@pytest.mark.parametrize("kind", ["docx", "pdf", "html"])
def test_the_example_report_with_its_chart_reads_back_to_its_workbook(kind: str) -> None:
    """The example as built (a bar chart in 一（一）, seven items in 六, a signature and date): the same
    cells, sections, details and release date as the workbook it was built from."""
    examples = Path(__file__).parent.parent / "examples"
    workbook, _ = read_workbook(examples / "大水泊镇-2022.xlsx")
    read, findings = read_published(examples / f"威海市文登区大水泊镇人民政府-2022年报.{kind}")
    assert numbers(read) == numbers(workbook)
    for section in ("一", "五", "六"):
        expected = [(p.title, p.paragraphs) for p in workbook.narrative[section]]
        assert [(p.title, p.paragraphs) for p in read.narrative[section]] == expected, section
    for key in ("name", "year", "portal_name", "portal_url", "contact_dept", "address", "postcode", "phone"):
        assert read.details[key].text == workbook.details[key].text, key
    assert read.details["release_date"].text == "2023-01-20"
    assert not [f for f in findings if f.is_error]


# ---- label variants and hostile pages ---------------------------------------------------------------

VARIANTS = [
    # (published label, as an office printed it, a Q6 warning expected)
    ("（三）不予公开", "(三)不予公开", False),  # half-width brackets: the same label
    ("4.保护第三方合法权益", "4 . 保护第三方 合法权益", False),  # spaces inside
    ("4.保护第三方合法权益", "4.保护第三方权益", True),  # a word dropped
    ("2.其他法律行政法规禁止公开", "2.其他法律法规禁止公开", True),
]


@pytest.mark.parametrize(("label", "printed", "warned"), VARIANTS)
def test_label_variants_are_read_with_a_q6_warning_not_a_failure(
    label: str, printed: str, warned: bool, tmp_path: Path
) -> None:
    html = corpus("pingtan-2021.html").read_text(encoding="utf-8")
    assert html.count(label) == 1
    path = tmp_path / "variant.html"
    path.write_text(html.replace(label, printed), encoding="utf-8")
    checked = check_workbook(path)
    assert checked.report is not None
    assert numbers(checked.report) == expected_values(DOCUMENTS["pingtan-2021.html"])
    q6 = [f for f in checked.result.findings if f.rule == "Q6" and f.actual]
    assert bool(q6) == warned
    assert not checked.result.errors
    if warned:
        assert q6[0].severity is Severity.WARNING and q6[0].expected == label


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("navigation.html", "<html><body><ul><li>首页</li><li>政务公开</li></ul></body></html>"),
        ("deep.html", "<div>" * 50_000 + "一、总体情况" + "</div>" * 50_000),
        ("spans.html", '<table><tr><td colspan="99999" rowspan="99999">信息内容</td></tr></table>'),
        ("binary.htm", "\x00\x01\x02" * 1000),
    ],
)
def test_hostile_pages_never_trace_back(name: str, content: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    run = CliRunner().invoke(cli, ["check", str(path), "-j", "1"])
    assert run.exit_code in (1, 2), run.output
    assert "Traceback" not in run.output and str(path) in run.output


@pytest.mark.parametrize(("carried", "broken"), [(1, False), (3, True)])
def test_previous_dir_takes_published_reports_as_last_year(
    carried: int, broken: bool, tmp_path: Path
) -> None:
    """Last year's report found by body and year among published files: the cross-year rules run
    (Pingtan's 2021 report carried 1 application of a 自然人 over into 2022)."""
    from govreport.render.docx import docx_bytes

    last_year = tmp_path / "上年"
    last_year.mkdir()
    shutil.copy(corpus("pingtan-2021.html"), last_year / "平潭-2021.html")
    details = {**DETAILS, "name": "平潭综合实验区", "year": "2022"}
    path = tmp_path / "平潭-2022.docx"
    inputs = {**sample_inputs("gb2021"), CellKey("t3", "二", "自然人"): carried}
    path.write_bytes(docx_bytes(outline(make_report("gb2021", inputs, details=details))))
    run = CliRunner().invoke(
        cli, ["check", str(path), "--previous-dir", str(last_year), "-j", "1", "--format", "json"]
    )
    data = json.loads(run.output)
    rules = {e["rule"] for task in data["tasks"] for e in task["errors"] + task.get("warningDetails", [])}
    assert "E4" in rules  # only checked with last year's report
    assert ("X1" in rules) == broken
    assert run.exit_code == (1 if broken else 0)


@pytest.mark.parametrize(
    ("lines", "name", "year"),
    [
        (["洪泽区人民政府", "2023年政府信息公开工作年度报告"], "洪泽区人民政府", "2023"),
        (["平潭综合实验区2019年", "政府信息公开工作年度报告"], "平潭综合实验区", "2019"),
        (["附件", "淮安市教育局2024年度政府信息公开工作年度报告"], "淮安市教育局", "2024"),
        (["2024年淮安市人民政府政府信息公开工作年度报告"], "淮安市人民政府", "2024"),
        (["淮安市人民政府关于2024年政府信息公开工作年度报告"], "淮安市人民政府", "2024"),
    ],
)
def test_body_and_year_from_the_title(lines: list[str], name: str, year: str) -> None:
    from govreport.published.details import read_details
    from govreport.published.source import Para, Source
    from govreport.published.structure import split_parts

    blocks = [Para(t) for t in [*lines, "本报告由办公室编制。", "一、总体情况", "本年度工作稳步推进。"]]
    details, findings = read_details(Source("x.docx", "docx", blocks), split_parts(blocks))
    assert (details["name"].text, details["year"].text) == (name, year)
    assert not findings


def _stamped(path: Path, out: Path) -> Path:
    """``path`` with a running header and footer on every page, as some offices print them."""
    import io

    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    writer = PdfWriter(clone_from=str(path))
    count = len(writer.pages)
    for number, page in enumerate(writer.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        buffer = io.BytesIO()
        stamp = canvas.Canvas(buffer, pagesize=(width, height))
        stamp.setFont("Helvetica", 9)
        stamp.drawString(72, height - 40, "GOVREPORT ANNUAL REPORT 2022")
        stamp.drawString(72, 30, f"Page {number} of {count}")
        stamp.showPage()
        stamp.save()
        page.merge_page(PdfReader(buffer).pages[0])
    with out.open("wb") as fh:
        writer.write(fh)
    return out


@pytest.mark.parametrize("extra", [0, 3, 7, 12])
@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_running_headers_and_footers_are_no_text(format_id: str, extra: int, tmp_path: Path, fonts) -> None:
    """A running header and footer stamped on every page (a longer 总体情况 moves the page breaks) are
    dropped: the text and cells read back as built."""
    from govreport.render.pdf import pdf_bytes

    details = {**DETAILS, "year": "2022" if format_id == "gb2021" else "2020"}
    narrative = dict(default_narrative(format_id))
    filler = (
        "本年度持续完善政务公开制度，规范信息发布审核流程，加强政府网站和政务新媒体管理，及时回应社会关切。"
    )
    intro = narrative["一"][0]
    narrative["一"] = (
        replace(intro, paragraphs=intro.paragraphs + (filler * 3,) * extra),
        *narrative["一"][1:],
    )
    built = make_report(format_id, details=details, narrative=narrative)
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(pdf_bytes(outline(built), fonts))
    read, findings = read_published(_stamped(plain, tmp_path / "stamped.pdf"))
    assert numbers(read) == numbers(built)
    for section in ("一", "五", "六"):
        assert _text(read, section) == _text(built, section), section
    assert not [f for f in findings if f.is_error]


@pytest.mark.parametrize("filler", [2, 6, 11])
def test_tables_broken_at_other_page_ends(filler: int, soffice: str, tmp_path: Path) -> None:
    """The portal page with more text before its tables, saved as PDF by LibreOffice: tables 二 and 三
    break at other rows (a header cut from its body, labels wrapped onto rows of their own)."""
    html = corpus("pingtan-2021.html").read_text(encoding="utf-8")
    anchor = "（五）监督保障方面。"
    assert html.count(anchor) == 1
    extra = "<p>本年度持续完善政务公开制度，规范信息发布审核流程，加强政府网站和政务新媒体管理。</p>" * filler
    at = html.index("</p>", html.index(anchor)) + len("</p>")
    page = tmp_path / "page.html"
    page.write_text(html[:at] + extra + html[at:], encoding="utf-8")
    pdf = convert(soffice, page, tmp_path, "pdf")
    report, _ = read_published(pdf)
    assert numbers(report) == expected_values(DOCUMENTS["pingtan-2021.html"])


def test_a_portal_page_with_only_an_attachment_says_so(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<html><head><meta name="ArticleTitle" content="某县2024年政府信息公开工作年度报告"></head><body>'
        '<p>某县2024年政府信息公开工作年度报告</p><a href="/files/P020250120.pdf?v=1">附件：年报</a></body></html>',
        encoding="utf-8",
    )
    run = CliRunner().invoke(cli, ["check", str(path), "-j", "1"])
    assert run.exit_code == 2
    assert "P020250120.pdf" in run.output and "请下载附件后检查" in run.output


def test_build_never_takes_a_published_report_and_never_overwrites_it(tmp_path: Path) -> None:
    examples = Path(__file__).parent.parent / "examples"
    built = tmp_path / "威海市文登区大水泊镇人民政府-2022年报.pdf"
    shutil.copy(examples / built.name, built)
    before = built.read_bytes()
    run = CliRunner().invoke(cli, ["build", str(built), "-o", str(tmp_path), "-j", "1"])
    assert run.exit_code == 2 and "govreport import" in run.output
    assert built.read_bytes() == before


def test_a_directory_of_workbooks_and_their_built_reports_still_builds(tmp_path: Path, fonts) -> None:
    """build reads only the workbooks of a directory: last run's .docx/.pdf next to them are outputs."""
    examples = Path(__file__).parent.parent / "examples"
    shutil.copy(examples / "大水泊镇-2022.xlsx", tmp_path)
    shutil.copy(examples / "威海市文登区大水泊镇人民政府-2022年报.pdf", tmp_path)
    run = CliRunner().invoke(
        cli, ["build", str(tmp_path), "-o", str(tmp_path / "输出"), "-j", "1", "--only", "docx"]
    )
    assert run.exit_code == 0, run.output
    assert (tmp_path / "输出" / "威海市文登区大水泊镇人民政府-2022年报.docx").exists()


def test_word_rows_that_start_further_right_keep_their_columns(tmp_path: Path) -> None:
    """A Word row with ``w:gridBefore`` (its first grid column left out) lines up with the others."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from govreport.published.load import load_source

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for c, text in enumerate(("信息内容", "本年制发件数", "本年废止件数")):
        table.cell(0, c).text = text
    row = table.rows[1]._tr
    first = row.findall(qn("w:tc"))[0]
    row.remove(first)
    props = row.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    props.append(before)
    cells = row.findall(qn("w:tc"))
    cells[0].xpath("./w:p")[0].append(_run("3"))
    cells[1].xpath("./w:p")[0].append(_run("1"))
    path = tmp_path / "t.docx"
    document.save(str(path))
    grid = load_source(path).grids[0]
    assert grid.rows[1] == (None, "3", "1")


def _run(text: str):
    from docx.oxml import OxmlElement

    run, t = OxmlElement("w:r"), OxmlElement("w:t")
    t.text = text
    run.append(t)
    return run


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        # the page's “（一）主动公开方面” … become the format's sub-headings
        ("pingtan-2021.html", list(get_format("gb2021").section("一").subheadings)),
        # sub-headings of its own stay as published, and no customary one is added empty
        ("pingtan-2019.html", ["（一）基本情况", "（二）主要做法"]),
    ],
)
def test_build_from_the_imported_workbook_reproduces_the_report(
    name: str, titles: list[str], tmp_path: Path
) -> None:
    """Imported, built, read again: the same cells and text."""
    workbook = tmp_path / "导入.xlsx"
    assert CliRunner().invoke(cli, ["import", str(corpus(name)), "-o", str(workbook)]).exit_code == 0
    run = CliRunner().invoke(
        cli, ["build", str(workbook), "-o", str(tmp_path / "输出"), "--only", "docx", "-j", "1"]
    )
    assert run.exit_code == 0, run.output
    (built,) = (tmp_path / "输出").glob("*.docx")
    original, _ = read_published(corpus(name))
    rebuilt, _ = read_published(built)
    assert numbers(rebuilt) == numbers(original)
    assert (rebuilt.name, rebuilt.year) == (original.name, original.year)
    for section in ("前言", "一", "五", "六"):
        assert _text(rebuilt, section) == _text(original, section), section
    assert [p.title for p in rebuilt.narrative["一"] if p.title] == titles


def test_an_encrypted_pdf_and_a_huge_one_are_one_chinese_line(tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from reportlab.pdfgen import canvas

    from govreport.published.pdf import MAX_PAGES

    locked = tmp_path / "加密.pdf"
    writer = PdfWriter(clone_from=str(corpus("hongze-qu-2023.pdf")))
    writer.encrypt("secret")
    with locked.open("wb") as fh:
        writer.write(fh)
    huge = tmp_path / "巨大.pdf"
    pages = canvas.Canvas(str(huge))
    for _ in range(MAX_PAGES + 1):
        pages.drawString(72, 720, "page")
        pages.showPage()
    pages.save()
    for path, words in ((locked, "密码"), (huge, f"超过{MAX_PAGES}页")):
        run = CliRunner().invoke(cli, ["check", str(path), "-j", "1"])
        assert run.exit_code == 2 and words in run.output and "Traceback" not in run.output, run.output


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一、总体情况", "一"),
        ("五．存在的主要问题及改进情况", "五"),
        ("二、行政机关主动公开政府信息情况", "二"),
        ("其他需要报告的事项", "六"),  # the name alone on its line
        ("一、加强组织领导", None),  # an enumerated point inside a section
        ("总体情况良好，全年公开信息1200条。", None),
    ],
)
def test_section_headings_by_number_or_name(text: str, number: str | None) -> None:
    from govreport.published.structure import heading_number

    assert heading_number(text) == number


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_chart_is_read_with_its_data_and_imported(kind: str, tmp_path: Path) -> None:
    """The example's bar chart in 一（一）, a Word chart or an SVG described by its data: the same
    columns and counts as its workbook, so F1 finds the same 72 against 73; import writes the chart."""
    examples = Path(__file__).parent.parent / "examples"
    workbook, _ = read_workbook(examples / "大水泊镇-2022.xlsx")
    source = examples / f"威海市文登区大水泊镇人民政府-2022年报.{kind}"
    read, _ = read_published(source)
    (figure,) = read.figures
    (expected,) = workbook.figures
    assert figure.counts() == expected.counts()
    assert (figure.place, figure.caption) == (expected.place, expected.caption)
    f1 = [f for f in check_workbook(source).result.findings if f.rule == "F1"]
    assert len(f1) == 1 and "72条" in f1[0].message and "73条" in f1[0].message
    out = tmp_path / "导入.xlsx"
    assert CliRunner().invoke(cli, ["import", str(source), "-o", str(out)]).exit_code == 0
    imported, _ = read_workbook(out)
    assert imported.figures[0].counts() == expected.counts()


def test_a_word_text_box_is_read_once(tmp_path: Path) -> None:
    """Word keeps a text box twice (mc:Choice and its mc:Fallback copy); its text is read once."""
    import docx
    from lxml import etree

    from govreport.published.load import load_source

    document = docx.Document()
    paragraph = document.add_paragraph()
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    box = etree.fromstring(
        f'<mc:AlternateContent xmlns:mc="{mc}" xmlns:w="{w}"><mc:Choice Requires="wps"><w:r><w:t>六、其他需要报告的事项</w:t>'
        "</w:r></mc:Choice><mc:Fallback><w:r><w:t>六、其他需要报告的事项</w:t></w:r></mc:Fallback></mc:AlternateContent>"
    )
    paragraph._p.append(box)
    path = tmp_path / "box.docx"
    document.save(str(path))
    assert [p.text for p in load_source(path).paragraphs] == ["六、其他需要报告的事项"]


def test_a_number_split_over_elements_of_its_cell_is_one_number(tmp_path: Path) -> None:
    html = corpus("pingtan-2021.html").read_text(encoding="utf-8")
    assert html.count(">2293<") == 1
    path = tmp_path / "split.html"
    path.write_text(html.replace(">2293<", "><p>22</p><p>93</p><"), encoding="utf-8")
    report, _ = read_published(path)
    assert numbers(report) == expected_values(DOCUMENTS["pingtan-2021.html"])


@pytest.mark.parametrize(
    ("suffix", "content", "read"), [(".doc", "docx", True), (".pdf", "html", True), ("", "pdf", True)]
)
def test_a_report_is_read_by_what_it_is_not_by_its_suffix(
    suffix: str, content: str, read: bool, tmp_path: Path
) -> None:
    """A .docx saved as .doc, a portal page saved as .pdf, a PDF without a suffix: read for what they are."""
    sources = {
        "docx": Path(__file__).parent.parent / "examples" / "威海市文登区大水泊镇人民政府-2022年报.docx",
        "html": corpus("pingtan-2021.html"),
        "pdf": corpus("hongze-qu-2023.pdf"),
    }
    path = tmp_path / f"年报{suffix}"
    shutil.copy(sources[content], path)
    from govreport.api import read_report

    report, _ = read_report(path)
    assert report.year is not None and report.name


@pytest.mark.parametrize(
    ("suffix", "words"), [(".doc", "另存为.docx"), (".wps", "另存为.docx"), (".ofd", "OFD")]
)
def test_older_formats_say_what_to_do(suffix: str, words: str, tmp_path: Path) -> None:
    path = tmp_path / f"年报{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    run = CliRunner().invoke(cli, ["check", str(path), "-j", "1"])
    assert run.exit_code == 2 and words in run.output, run.output


# ---- watermarks and stamps over the page ------------------------------------------------------------


def _overprinted(path: Path, out: Path, words: str, size: float, angle: float) -> Path:
    """``path`` with ``words`` printed large and light over the middle of every page, turned by
    ``angle`` degrees, as offices stamp 样本 or 内部资料 on a document."""
    import io

    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    writer = PdfWriter(clone_from=str(path))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        buffer = io.BytesIO()
        stamp = canvas.Canvas(buffer, pagesize=(width, height))
        stamp.setFillGray(0.7)
        stamp.setFont("STSong-Light", size)
        stamp.translate(width / 2, height / 2)
        stamp.rotate(angle)
        stamp.drawCentredString(0, 0, words)
        stamp.showPage()
        stamp.save()
        page.merge_page(PdfReader(buffer).pages[0])
    with out.open("wb") as fh:
        writer.write(fh)
    return out


@pytest.mark.parametrize(
    ("words", "size", "angle"),
    [(None, 0, 0), ("内部资料", 40, 30), ("样本", 90, 0), ("草稿", 70, -60), ("征求意见稿", 36, 0)],
)
@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_a_watermark_over_the_pages_is_no_text(
    format_id: str, words: str | None, size: float, angle: float, tmp_path: Path, fonts
) -> None:
    """A draft built with --allow-errors (数据未通过校验 across every page), or a report stamped with
    a slanted or outsized word, reads back to the cells and text as built: the check of its PDF finds
    what the check of its portal page finds."""
    from govreport.api import DRAFT_MARK
    from govreport.render.html import page_html
    from govreport.render.pdf import pdf_bytes

    details = {**DETAILS, "year": "2022" if format_id == "gb2021" else "2020"}
    fmt = get_format(format_id)
    total = next(k for k in fmt.cell_keys() if k.table == "t3" and k.column == "总计")
    built = make_report(format_id, details=details, overrides={total: 999})  # an R1 error: a draft
    document = outline(built, draft_mark=None if words else DRAFT_MARK)
    pdf, html = tmp_path / "报告.pdf", tmp_path / "报告.html"
    pdf.write_bytes(pdf_bytes(document, fonts))
    html.write_text(page_html(document), encoding="utf-8")
    if words:
        pdf = _overprinted(pdf, tmp_path / "盖章.pdf", words, size, angle)
    read, _ = read_published(pdf)
    assert numbers(read) == numbers(built)
    for section in ("一", "五", "六"):
        assert _text(read, section) == _text(built, section), section

    def found(path: Path) -> list[tuple[str, str]]:
        run = CliRunner().invoke(cli, ["check", str(path), "--format", "json", "-j", "1"])
        assert run.exit_code == 1, run.output
        (task,) = json.loads(run.output)["tasks"]
        found = task["errors"] + task.get("warningDetails", [])
        return sorted((f["rule"], f["message"].split("（")[0]) for f in found)

    assert found(pdf) == found(html)


# ---- 【待填写】: what a draft prints for missing content -------------------------------------------


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_a_placeholder_is_missing_content_in_check_and_import(
    format_id: str, kind: str, tmp_path: Path, fonts
) -> None:
    """A built draft whose last sub-heading of 一, whose 五 and whose item of 六 say 【待填写】: `check`
    warns M3 about each, and the imported workbook keeps the sub-heading's row with an empty text cell, so its own
    check warns M3 too and a rebuilt report still has the sub-heading."""
    from govreport.render.docx import docx_bytes
    from govreport.render.html import page_html
    from govreport.render.pdf import pdf_bytes

    details = {**DETAILS, "year": "2022" if format_id == "gb2021" else "2020"}
    narrative = dict(default_narrative(format_id))
    last = narrative["一"][-1]
    narrative["一"] = (*narrative["一"][:-1], replace(last, paragraphs=()))
    narrative["五"] = (replace(narrative["五"][0], paragraphs=()),)
    item = narrative["六"][0]
    narrative["六"] = (replace(item, paragraphs=()),)
    document = outline(make_report(format_id, details=details, narrative=narrative))
    path = tmp_path / f"报告.{kind}"
    if kind == "pdf":
        path.write_bytes(pdf_bytes(document, fonts))
    elif kind == "docx":
        path.write_bytes(docx_bytes(document))
    else:
        path.write_text(page_html(document), encoding="utf-8")
    heading = get_format(format_id).section("五").heading
    missing = [f"“{last.title}”", f"“{heading}”没有内容", f"“{item.title}”"]

    checked = CliRunner().invoke(cli, ["check", str(path), "-j", "1"])
    assert checked.exit_code == 0, checked.output
    warned = [line for line in checked.output.splitlines() if " M3 " in line]
    assert all(any(words in line for line in warned) for words in missing), checked.output
    assert len(warned) == 3, checked.output

    workbook = tmp_path / "导入.xlsx"
    imported = CliRunner().invoke(cli, ["import", str(path), "-o", str(workbook)])
    assert imported.exit_code == 0, imported.output
    rows = {r[0]: r[1:] for r in read_workbook_rows(workbook, "一、总体情况")}
    assert last.title in rows and not any(rows[last.title])
    again = CliRunner().invoke(cli, ["check", str(workbook), "-j", "1"])
    warned = [line for line in again.output.splitlines() if " M3 " in line]
    assert len(warned) == 3 and any(last.title in line for line in warned), again.output
    assert not [line for line in again.output.splitlines() if "待填写" in line and " M3 " not in line]


def read_workbook_rows(path: Path, sheet: str) -> list[tuple]:
    from openpyxl import load_workbook

    return [tuple(row) for row in load_workbook(path)[sheet].iter_rows(values_only=True)]


# ---- charts whose data the file does not carry ------------------------------------------------------


def _chart_as_picture(kind: str, tmp_path: Path) -> Path:
    """The example report with its chart as a reader meets it without data: the PDF as built (the
    chart is drawn), the portal page with the chart uploaded as a picture."""
    import re

    source = Path(__file__).parent.parent / "examples" / f"威海市文登区大水泊镇人民政府-2022年报.{kind}"
    if kind == "pdf":
        return source
    page = re.sub(
        r"<svg.*?</svg>", '<img src="chart.png" width="480" height="252">', source.read_text("utf-8"), count=1
    )
    path = tmp_path / "图片统计图.html"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["pdf", "html"])
def test_a_chart_without_data_is_said_not_read_in_check_and_import(kind: str, tmp_path: Path) -> None:
    """A chart drawn in a PDF or published as a picture: `check` says its counts were not read instead
    of pretending F1 passed or found a mismatch; `import` says 栏目信息发布 must be filled by hand and
    writes no counts."""
    path = _chart_as_picture(kind, tmp_path)
    checked = CliRunner().invoke(cli, ["check", str(path), "--format", "json", "-j", "1"])
    assert checked.exit_code == 0, checked.output
    (task,) = json.loads(checked.output)["tasks"]
    f1 = [f for f in task["errors"] + task.get("warningDetails", []) if f["rule"] == "F1"]
    assert len(f1) == 1 and "各类栏目信息发布数量统计图" in f1[0]["message"], f1
    assert "栏目信息发布" in f1[0]["message"] and "不符" not in f1[0]["message"]
    out = tmp_path / "导入.xlsx"
    imported = CliRunner().invoke(cli, ["import", str(path), "-o", str(out)])
    assert imported.exit_code == 0, imported.output
    assert "F1" in imported.output and "需手工填写" in imported.output
    read, _ = read_workbook(out)
    assert not read.figures


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_a_chart_with_its_data_is_no_unread_chart(kind: str) -> None:
    source = Path(__file__).parent.parent / "examples" / f"威海市文登区大水泊镇人民政府-2022年报.{kind}"
    _, findings = read_published(source)
    assert not [f for f in findings if f.type == "figure-unread"]


@pytest.mark.parametrize("kind", ["pdf", "html"])
@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_a_placeholder_for_the_name_or_a_contact_detail_is_no_detail(
    format_id: str, kind: str, tmp_path: Path, fonts
) -> None:
    """A draft without the body's name and phone prints 【待填写】 in the title and the 前言: the
    report has no name (M1) and its contact details are incomplete (M2); nothing reads 【待填写】 as a
    name or an address, and the imported workbook leaves them blank (its own M1 and M2) instead of
    keeping a 前言 that says 【待填写】."""
    from govreport.render.html import page_html
    from govreport.render.pdf import pdf_bytes

    details = {k: v for k, v in DETAILS.items() if k not in ("name", "phone", "address")}
    details["year"] = "2022" if format_id == "gb2021" else "2020"
    document = outline(make_report(format_id, details=details))
    path = tmp_path / f"报告.{kind}"
    if kind == "pdf":
        path.write_bytes(pdf_bytes(document, fonts))
    else:
        path.write_text(page_html(document), encoding="utf-8")
    read, findings = read_published(path)
    assert read.name == ""
    assert all("待填写" not in d.text for d in read.details.values())
    assert {(f.rule, f.type) for f in findings} >= {("M1", "detail-missing"), ("M2", "contact-missing")}
    workbook = tmp_path / "导入.xlsx"
    assert CliRunner().invoke(cli, ["import", str(path), "-o", str(workbook)]).exit_code == 0
    imported, _ = read_workbook(workbook)
    assert not imported.narrative.get("前言")  # build writes the 前言 from 基本信息 again, gaps marked
    again = CliRunner().invoke(cli, ["check", str(workbook), "-j", "1"]).output
    assert "缺少电话" in again and "缺少地址" in again and "缺少机关名称" in again, again


@pytest.mark.parametrize(
    ("overview", "unread"),
    [
        (("（一）主动公开", None, "2024年各栏目信息发布数量统计图"), 1),  # caption under the picture
        (("（一）主动公开", "图1 2024年各栏目信息发布数量", None), 1),  # caption over it
        (("（一）主动公开", None, "本年度举办政府开放日活动两次。"), 0),  # a photo, no chart
    ],
)
def test_a_chart_as_a_picture_in_word_is_said_not_read(
    overview: tuple[str | None, ...], unread: int, tmp_path: Path
) -> None:
    """A Word report whose chart in 一 is a picture: one F1 warning that the chart's data was not
    read; a picture without a caption (a photo) is none."""
    _, findings = read_published(_picture_report(tmp_path / "报告.docx", tmp_path, overview))
    said = [f for f in findings if f.type == "figure-unread"]
    assert len(said) == unread and all("各栏目信息发布数量" in f.message for f in said)
    assert [f.type for f in findings if f.rule == "Q6"] == ["tables-as-images"]
