"""The library functions the CLI calls: check one workbook, build one report.

Each takes paths and plain options and returns plain results; only a workbook that cannot be read at
all raises (WorkbookError), and a missing Chinese font raises FontError.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .blocks import PageNumbers
from .catalogue import FINDING_TYPES
from .checks import check_report, checked_rules
from .document import outline
from .findings_format import FileResult
from .formats import get_format
from .model import Finding, Report, Severity, WorkbookError
from .outputs import TMP_PREFIX, interrupt_deferred, put_in_place
from .rollup import Rollup, RollupError, rollup, write_rollup
from .text import body_key, drop_invisible, visible
from .workbook.reader import read_workbook

__all__ = [
    "Built",
    "Checked",
    "Rollup",
    "RollupError",
    "build_report",
    "check_workbook",
    "output_stem",
    "read_previous",
    "rollup",
    "write_rollup",
]

DRAFT_MARK = "数据未通过校验"
# What ``build`` writes: the three renderings of the report, and on request the page's body for a CMS
# editor ("fragment") and the tables as open data ("data"). A draft (data with errors) gets no open data:
# numbers that broke the rules are not for publishing.
DOCUMENTS = ("docx", "pdf", "html")
EXTRAS = ("fragment", "data")
FRAGMENT_SUFFIX = "-正文片段.html"


@dataclass(frozen=True)
class Checked:
    """A workbook read and checked: the report (None when unreadable) and its result."""

    report: Report | None
    result: FileResult


def read_report(path: str | Path, format_id: str | None = None) -> tuple[Report, list[Finding]]:
    """A workbook, or a published report (.docx, PDF, HTML) by its suffix, and the reading findings."""
    from .published import is_published, read_published

    if is_published(path):
        return read_published(path, format_id)
    return read_workbook(path, format_id)


def check_workbook(
    path: str | Path,
    *,
    format_id: str | None = None,
    previous: Report | None = None,
    previous_index: Mapping[tuple[str, int], str] | None = None,
    children: Sequence[str | Path] = (),
    expect: Sequence[str] | None = None,
    children_workers: int = 0,
) -> Checked:
    """Read and check one workbook. Never raises for a bad workbook: an unreadable file is a result with
    ``error`` set. Last year's report is ``previous``, or looked up by body and year in ``previous_index``.
    ``children``: the workbooks a roll-up (汇总) workbook sums, compared cell by cell (rules H1–H4),
    with ``expect`` the bodies that should report, read in ``children_workers`` processes (0: one per core)."""
    try:
        report, read_findings = read_report(path, format_id)
    except WorkbookError as exc:
        return Checked(None, FileResult(str(path), None, None, (), error=str(exc)))
    notes: list[Finding] = []
    if previous is not None:
        mismatch = previous_mismatch(report, previous)
        if mismatch is not None:
            notes.append(mismatch)
            previous = None
    elif previous_index and report.year:
        last = previous_index.get((body_key(report.name), report.year - 1))
        try:
            previous = read_previous(last, format_id) if last else None
        except WorkbookError as exc:
            return Checked(
                report, FileResult(str(path), report.name, report.year, (), error=f"上年工作簿：{exc}")
            )
        if last is None and report.name:
            notes.append(
                _note(f"上年度目录中没有“{report.name}”{report.year - 1}年度的工作簿，跨年度校验未进行")
            )
    findings = [*read_findings, *notes, *check_report(report, previous)]
    rules = ("R5", "Q6", *checked_rules(get_format(report.format_id), cross_year=previous is not None))
    rules += ("F1",) if report.figures else ()
    if children:
        from .rollup import check_children

        try:
            findings += check_children(report, children, expect=expect, workers=children_workers)
        except RollupError as exc:
            return Checked(report, FileResult(str(path), report.name, report.year, (), error=str(exc)))
        rules += ("H1", "H2", "H3") + (("H4",) if expect is not None else ())
    return Checked(
        report, FileResult(str(path), report.name or None, report.year, tuple(findings), rules=rules)
    )


def previous_mismatch(report: Report, previous: Report) -> Finding | None:
    """A finding when last year's workbook is not last year's of the same body (then the cross-year
    rules are not run); None when it is, or when either workbook lacks the details to tell."""
    if report.year and previous.year and previous.year != report.year - 1:
        message = (
            f"上年工作簿（{previous.source}）的年度是{previous.year}年，应为{report.year - 1}年；"
            "跨年度校验未进行，请指定上一年度的工作簿"
        )
        return _note(message, Severity.ERROR, expected=f"{report.year - 1}年", actual=f"{previous.year}年")
    if report.name and previous.name and body_key(report.name) != body_key(previous.name):
        message = (
            f"上年工作簿（{previous.source}）的机关名称是“{visible(previous.name)}”，与本年“{visible(report.name)}”不同；"
            "跨年度校验未进行（如机关更名属实，可不理会此提示）"
        )
        return _note(message, expected=report.name, actual=previous.name)
    return None


def _note(message: str, severity: Severity = Severity.WARNING, **fields: str) -> Finding:
    return Finding(FINDING_TYPES["previous-mismatch"].rule, "previous-mismatch", severity, message, **fields)


def read_previous(path: str | Path, format_id: str | None = None) -> Report:
    """Last year's workbook or published report for the cross-year rules; raises WorkbookError when
    unreadable."""
    report, _ = read_report(path, format_id)
    return report


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
# Linux allows 255 bytes in a file name, Windows 255 UTF-16 units; a name also gets ".docx" and, while
# it is replaced, ".old". A stem of at most 200 UTF-8 bytes fits both with room to spare.
STEM_BYTES = 200


def output_stem(report: Report) -> str:
    """``<机关名称>-<YYYY>年报``, made safe for Windows and Linux file systems: invisible characters
    (bidi controls, zero-width spaces) dropped, characters no file name may hold replaced, and a name
    too long for a file system shortened. Where the name had to be changed or cut, a short hash of the
    full name keeps two bodies whose names sanitise alike apart."""
    full = drop_invisible(report.name).strip()
    name = _UNSAFE.sub("_", full).strip(" .") or "未命名机关"
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    suffix = f"-{report.year or '未知年度'}年报"
    changed = name != full and bool(full)
    if changed or len((name + suffix).encode()) > STEM_BYTES:
        tag = "-" + hashlib.sha1(full.encode()).hexdigest()[:6]
        room = STEM_BYTES - len((suffix + tag).encode())
        name = name.encode()[:room].decode(errors="ignore").rstrip(" .") + tag
    return name + suffix


@dataclass(frozen=True)
class Built:
    result: FileResult
    outputs: tuple[Path, ...]
    draft: bool = False


def build_report(
    report: Report,
    result: FileResult,
    outdir: str | Path,
    *,
    allow_errors: bool = False,
    kinds: tuple[str, ...] = DOCUMENTS,
    fonts: object | None = None,
    atomic: bool = True,
    page_numbers: PageNumbers = "outer",
) -> Built:
    """Write the report's ``kinds`` (DOCUMENTS and EXTRAS) into ``outdir``. With errors and not
    ``allow_errors`` nothing is written; with ``allow_errors`` a draft marked 数据未通过校验 on every page
    is written (without open data). When only the PDF cannot be made because no font has a character, the
    other files are still written and the result gets a B1 finding saying which characters and where.

    The files are made in a temporary folder beside ``outdir`` and replace the old ones together, or
    none of them (OSError with a Chinese message naming the file that could not be replaced), unless
    ``atomic`` is false: for a private folder whose files are put in place afterwards anyway (a batch)."""
    has_errors = any(f.severity is Severity.ERROR for f in result.findings)
    if has_errors and not allow_errors:
        return Built(result, ())
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    if not atomic:
        return _write_all(report, result, out, kinds, fonts, has_errors, page_numbers)
    folder = out / f"{TMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}"
    try:
        built = _write_all(report, result, folder, kinds, fonts, has_errors, page_numbers)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    pending = [(str(p), str(out / p.name)) for p in built.outputs]
    with interrupt_deferred():
        problem = put_in_place(pending)
    if problem is not None:
        raise OSError(problem)
    return replace(built, outputs=tuple(out / p.name for p in built.outputs))


def _write_all(
    report: Report,
    result: FileResult,
    out: Path,
    kinds: tuple[str, ...],
    fonts: object | None,
    has_errors: bool,
    page_numbers: PageNumbers,
) -> Built:
    """Every file of ``kinds`` written into ``out`` under its final name."""
    document = outline(report, draft_mark=DRAFT_MARK if has_errors else None, page_numbers=page_numbers)
    out.mkdir(parents=True, exist_ok=True)
    stem = output_stem(report)
    write = _write_plain
    outputs = []
    if "docx" in kinds:
        from .render.docx import docx_bytes

        outputs.append(write(out / f"{stem}.docx", docx_bytes(document)))
    if "pdf" in kinds:
        from .render.pdf import MissingGlyphError, pdf_bytes
        from .scripts import UnshapedScriptError

        try:
            outputs.append(write(out / f"{stem}.pdf", pdf_bytes(document, fonts)))  # type: ignore[arg-type]
        except (MissingGlyphError, UnshapedScriptError) as exc:
            if "docx" not in kinds:
                raise
            finding = Finding(
                "B1", "build-failed", Severity.ERROR, f"未生成 PDF（.docx 等其他文件已生成）：{exc}"
            )
            result = replace(result, findings=(*result.findings, finding))
    if "html" in kinds or "fragment" in kinds:
        from .render.html import fragment_html, page_html

        if "html" in kinds:
            outputs.append(write(out / f"{stem}.html", page_html(document).encode()))
        if "fragment" in kinds:
            outputs.append(write(out / f"{stem}{FRAGMENT_SUFFIX}", fragment_html(document).encode()))
    if "data" in kinds and not has_errors:
        from .opendata import open_data_files

        outputs += [write(out / f"{stem}{suffix}", data) for suffix, data in open_data_files(report)]
    return Built(result, tuple(outputs), draft=has_errors)


def _write_plain(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
