"""Many workbooks at once: parallel processes, progress, one summary.

A bad workbook never stops the others: every worker returns a row for its file whatever happens. Builds
write into temporary names first; once all are done, outputs are renamed into place, and two workbooks of
the same body and year are reported as an error instead of one silently overwriting the other.
"""

from __future__ import annotations

import contextlib
import gc
import glob
import multiprocessing
import os
import shutil
import signal
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

from .blocks import PageNumbers
from .catalogue import FINDING_TYPES
from .findings_format import FileResult
from .model import Finding, Severity
from .outputs import (
    TMP_PREFIX,
    discard,
    identity,
    interrupt_deferred,
    put_in_place,
    remove_stale_temporaries,
    remove_temporaries,
)
from .text import natural_key, shorten_list

REFUSED = "有错误，未生成"


@dataclass(frozen=True)
class Job:
    path: str
    outdir: str | None = None  # None: check only
    format_id: str | None = None
    previous: str | None = None
    allow_errors: bool = False
    kinds: tuple[str, ...] = ("docx", "pdf")
    previous_index: tuple[tuple[str, int, str], ...] = ()  # (body, year, workbook) of --previous-dir
    page_numbers: PageNumbers = "outer"
    children: tuple[str, ...] = ()  # a roll-up's child workbooks (--children), compared cell by cell
    expect: tuple[str, ...] | None = None  # the bodies that should report (--expect)
    children_jobs: int = 0  # processes reading the children (0: one per core)


@dataclass(frozen=True)
class Row:
    """One line of the summary."""

    result: FileResult
    status: str
    outputs: tuple[str, ...] = ()
    stem: str | None = None
    seconds: float = 0.0
    draft: bool = False
    pending: tuple[tuple[str, str], ...] = field(default=())  # (temporary path, final path)

    @property
    def errors(self) -> int:
        return len(self.result.errors)

    @property
    def warnings(self) -> int:
        return len(self.result.warnings)


class NoWorkbooksError(ValueError):
    """A directory or a pattern on the command line holds no .xlsx workbook, or a name is not there."""


def expand_inputs(args: Iterable[str], *, published: bool = False) -> list[Path]:
    """Files, directories (all .xlsx below them, of any case; with ``published`` also .docx, .pdf and
    .html, the published reports) and glob patterns, in a stable natural order (t2 before t10), without
    duplicates and without Excel's ``~$`` lock files. A name that exists is taken literally (``报告[2022].xlsx`` is a file, not
    a pattern); a missing workbook's name is kept, so that it is reported as missing with the others'
    results; a missing name that is no workbook's (a folder, ``nofolder/``) and a directory or pattern
    without workbooks raise. Only regular files are found in directories and patterns: a FIFO or a
    folder named ``*.xlsx`` is never opened (given by name, the reader says what it is)."""
    seen: dict[Path, None] = {}
    for arg in args:
        p = Path(arg)
        missing = not os.path.lexists(p) and not any(ch in arg for ch in "*?[")
        if missing and (arg.endswith(("/", os.sep)) or not _is_workbook_name(p, published)):
            raise NoWorkbooksError(missing_input(arg))
        if p.is_dir():
            found = _in_order(q for q in _walk(p) if _is_workbook_name(q, published) and q.is_file())
        elif not os.path.lexists(p) and any(ch in arg for ch in "*?["):
            matches = (Path(m) for m in glob.glob(arg, recursive=True))
            found = _in_order(m for m in matches if m.is_file() and not m.name.startswith("~$"))
        else:
            found = [p]
        if not found:
            also = "或已发布的报告（.docx、.pdf、.html）" if published else ""
            raise NoWorkbooksError(f"{arg}：没有找到 .xlsx 工作簿{also}")
        for q in found:
            seen.setdefault(q, None)
    return list(seen)


def _in_order(paths: Iterable[Path]) -> list[Path]:
    """Paths in the order a clerk expects: numbers in names compared as numbers (t2 before t10)."""
    return sorted(paths, key=lambda p: natural_key(str(p)))


def missing_input(name: str) -> str:
    """The message for a file or folder the user named that is not there, the name as typed."""
    return f"{name}：文件或目录不存在"


def _walk(folder: Path) -> Iterator[Path]:
    """Every entry below ``folder``; unreadable sub-folders are passed over."""
    for root, _, files in os.walk(folder, onerror=None):
        for name in files:
            yield Path(root) / name


def _is_workbook_name(path: Path, published: bool = False) -> bool:
    """A workbook's name, or with ``published`` a published report's (not Excel's or Word's ``~$``
    lock files)."""
    from .published import SUFFIXES

    suffix = path.suffix.lower()
    return (suffix == ".xlsx" or (published and suffix in SUFFIXES)) and not path.name.startswith("~$")


def with_error(row: Row, type_: str, message: str, status: str) -> Row:
    """The row with one more error finding (a build that failed, a duplicate), outputs dropped."""
    finding = Finding(FINDING_TYPES[type_].rule, type_, Severity.ERROR, message)
    result = replace(row.result, findings=(*row.result.findings, finding))
    return replace(row, result=result, status=status, outputs=(), pending=())


# ---- worker side -------------------------------------------------------------------------------

_FONTS: object | None = None
_FONT_OVERRIDES: dict[str, str] = {}
_RUN = os.getpid()  # the process that started the batch: its temporary folders carry its id


def _init_worker(font_overrides: dict[str, str], run: int | None = None) -> None:
    global _FONT_OVERRIDES, _RUN
    _FONT_OVERRIDES = dict(font_overrides)
    _RUN = run or os.getpid()


def _init_pool_worker(font_overrides: dict[str, str], run: int) -> None:
    """A worker process leaves Ctrl-C to the parent, which stops it and removes what it left."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(font_overrides, run)


def _fonts() -> object:
    """Fonts are resolved and registered once per process, then reused for every report it builds."""
    global _FONTS
    if _FONTS is None:
        from .fonts import resolve_fonts

        _FONTS = resolve_fonts(_FONT_OVERRIDES)
    return _FONTS


def run_job(job: Job) -> Row:
    """Check (and build) one workbook; never raises: whatever fails becomes a finding for this file."""
    started = time.perf_counter()
    try:
        return _run_job(job, started)
    except Exception as exc:  # a bug or an input nobody foresaw: reported for this file, the batch goes on
        return crashed(job.path, "处理", exc, time.perf_counter() - started)


def crashed(path: str, stage: str, exc: BaseException, seconds: float = 0.0) -> Row:
    """The row of a workbook whose ``stage`` (处理, 生成…) failed with an unexpected exception."""
    detail = f"{type(exc).__name__}: {exc}"
    if len(detail) > 300:
        detail = detail[:300] + "…"
    message = f"{path}：{stage}时程序出错，其他工作簿不受影响；请把此信息报告给维护人员（{detail}）"
    return with_error(
        Row(FileResult(path, None, None, ()), "", seconds=seconds), "build-failed", message, "无法处理"
    )


def _run_job(job: Job, started: float) -> Row:
    from . import api
    from .model import WorkbookError

    try:
        previous = api.read_previous(job.previous, job.format_id) if job.previous else None
    except WorkbookError as exc:
        result = FileResult(job.path, None, None, (), error=f"上年工作簿无法读取：{exc}")
        return Row(result, "无法读取", seconds=time.perf_counter() - started)
    index = {(name, year): path for name, year, path in job.previous_index}
    checked = api.check_workbook(
        job.path,
        format_id=job.format_id,
        previous=previous,
        previous_index=index,
        children=job.children,
        expect=job.expect,
        children_workers=job.children_jobs,
    )
    result = checked.result
    if checked.report is None:
        return Row(result, "无法读取", seconds=time.perf_counter() - started)
    stem = api.output_stem(checked.report)
    if job.outdir is None:
        status = "有错误" if result.errors else "通过"
        return Row(result, status, stem=stem, seconds=time.perf_counter() - started)
    return _build(job, checked, stem, started)


def _build(job: Job, checked: object, stem: str, started: float) -> Row:
    from . import api

    assert isinstance(checked, api.Checked) and checked.report is not None
    result = checked.result
    tmpdir = Path(job.outdir or ".") / f"{TMP_PREFIX}{_RUN}-{os.getpid()}-{abs(hash(job.path))}"
    try:
        fonts = _fonts() if "pdf" in job.kinds else None
        built = api.build_report(
            checked.report,
            result,
            tmpdir,
            allow_errors=job.allow_errors,
            kinds=job.kinds,
            fonts=fonts,
            atomic=False,  # tmpdir is this job's own; its files are renamed into place at the end
            page_numbers=job.page_numbers,
        )
    except BaseException as exc:  # whatever goes wrong is reported for this file only; the batch goes on
        shutil.rmtree(tmpdir, ignore_errors=True)
        if not isinstance(exc, Exception):
            raise  # Ctrl-C: the parent reports what was finished
        failed = Row(result, "", seconds=time.perf_counter() - started)
        return with_error(failed, "build-failed", _failure(exc, job.outdir), "无法生成")
    if not built.outputs:
        return Row(result, REFUSED, stem=stem, seconds=time.perf_counter() - started)
    final = Path(job.outdir or ".")
    pending = tuple((str(p), str(final / p.name)) for p in built.outputs)
    status = "草稿（数据未通过校验）" if built.draft else "已生成"
    if "pdf" in job.kinds and not any(p.suffix == ".pdf" for p in built.outputs):
        status = "未生成 PDF"  # a character no font has, a script it cannot shape: the rest is written
    return Row(
        built.result,
        status,
        stem=stem,
        draft=built.draft,
        pending=pending,
        seconds=time.perf_counter() - started,
    )


def _failure(exc: Exception, outdir: str | None) -> str:
    from .fonts import FontError
    from .render.pdf import LayoutError, MissingGlyphError
    from .scripts import UnshapedScriptError

    if isinstance(exc, FontError | MissingGlyphError | LayoutError | UnshapedScriptError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"无法写入输出目录 {outdir}（{exc.strerror or exc}）"
    if isinstance(exc, UnicodeEncodeError):
        # a locale without UTF-8 (LC_ALL=C with PYTHONUTF8=0) cannot spell Chinese file names
        return (
            f"当前系统的字符编码（{sys.getfilesystemencoding()}）不能表示中文文件名，无法写入 {outdir}；"
            "请在 UTF-8 环境下运行（如 export LANG=C.UTF-8 LC_ALL=C.UTF-8）"
        )
    return f"生成报告时程序出错，请把此信息报告给维护人员：{type(exc).__name__}: {exc}"


# ---- parent side -------------------------------------------------------------------------------


def previous_index(paths: list[Path], format_id: str | None = None) -> dict[tuple[str, int], str]:
    """(body, year) -> workbook, for the workbooks of a --previous-dir; unreadable ones are skipped
    (the cross-year rules are then simply not applied for that body)."""
    from .api import read_report
    from .text import body_key

    index: dict[tuple[str, int], str] = {}
    for p in paths:
        try:
            report, _ = read_report(p, format_id)
        except Exception:  # unreadable, or worse: this body simply gets no cross-year check (a note says so)
            continue
        if report.name and report.year:
            index[(body_key(report.name), report.year)] = str(p)
    return index


class Interrupted(Exception):
    """Ctrl-C during a batch: the workers are stopped, temporary files removed, and ``rows`` holds the
    workbooks that were finished (their reports committed)."""

    def __init__(self, rows: list[Row]) -> None:
        super().__init__("interrupted")
        self.rows = rows


def run_batch(
    jobs: list[Job],
    *,
    workers: int = 0,
    font_overrides: dict[str, str] | None = None,
    progress: Callable[[int, int, Row], None] | None = None,
) -> list[Row]:
    """Run every job, in parallel processes when ``workers`` > 1, and return rows in input order.
    Build outputs are renamed into place at the end (see module docstring). Raises Interrupted on
    Ctrl-C, after stopping the workers and removing every temporary file of this run."""
    workers = workers or os.cpu_count() or 1
    outdirs = {job.outdir for job in jobs if job.outdir is not None}
    remove_stale_temporaries(outdirs, _RUN)
    protected = inputs_of(jobs)
    rows: list[Row | None] = [None] * len(jobs)
    results = _execute(jobs, workers, font_overrides or {})
    try:
        for done, (index, row) in enumerate(results, 1):
            rows[index] = row
            if progress:
                progress(done, len(jobs), row)
    except KeyboardInterrupt:
        results.close()  # stops the workers now, wherever Ctrl-C arrived
        with interrupt_deferred():
            finished = _commit_outputs([r for r in rows if r is not None], protected)
            remove_temporaries(outdirs, _RUN)
        raise Interrupted(finished) from None
    with interrupt_deferred():
        return _commit_outputs([r for r in rows if r is not None], protected)


def inputs_of(jobs: list[Job]) -> set[str]:
    """Every file the user gave: no output may replace one of them."""
    paths = {job.path for job in jobs} | {job.previous for job in jobs if job.previous}
    paths |= {path for job in jobs for _, _, path in job.previous_index}
    paths |= {child for job in jobs for child in job.children}
    return {identity(p) for p in paths}


def _execute(jobs: list[Job], workers: int, fonts: dict[str, str]) -> Iterator[tuple[int, Row]]:
    if workers == 1 or len(jobs) <= 1:
        _init_worker(fonts)
        for i, job in enumerate(jobs):
            yield i, run_job(job)
        return
    _init_worker(fonts)
    context = None
    if "fork" in multiprocessing.get_all_start_methods():
        # Workers forked from a warmed-up parent share its imports, parsed fonts and templates
        # instead of each spending a second on them (this is most of the cost of a small batch).
        with contextlib.suppress(Exception):  # only an optimisation: a worker reports any real problem
            _warm_up({kind for job in jobs if job.outdir is not None for kind in job.kinds})
        # What the warm-up made lives as long as the workers: out of the collector's way (a full
        # collection in a worker would otherwise walk the fonts' hundred thousand objects each time).
        gc.freeze()
        context = multiprocessing.get_context("fork")
    workers = min(workers, len(jobs))
    chunks = chunked(len(jobs), workers)
    before = {child.pid for child in multiprocessing.active_children()}
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_pool_worker, initargs=(fonts, _RUN)
    )
    try:
        futures = {pool.submit(_run_chunk, [jobs[i] for i in chunk]): chunk for chunk in chunks}
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                results = future.result()
            except Exception as exc:  # the worker itself died (killed, out of memory): its files say so
                results = [crashed(jobs[i].path, "处理", exc) for i in chunk]
            yield from zip(chunk, results, strict=True)
    except BaseException:
        _stop(pool, before)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor, before: set[int | None]) -> None:
    """Cancel what has not started and stop the workers now (they ignore Ctrl-C themselves)."""
    pool.shutdown(wait=False, cancel_futures=True)
    ours = [child for child in multiprocessing.active_children() if child.pid not in before]
    for child in ours:
        child.terminate()
    for child in ours:
        child.join(timeout=2)


def chunked(jobs: int, workers: int) -> list[list[int]]:
    """The jobs' indexes in the chunks sent to the workers: up to 8 at once (fewer round trips between
    processes), shrinking towards the end of the batch so that the workers finish together (a worker
    that takes the last big chunk would otherwise leave the other cores idle for most of it)."""
    chunks, start = [], 0
    while start < jobs:
        size = max(1, min(8, (jobs - start) // (workers * 4)))
        chunks.append(list(range(start, min(start + size, jobs))))
        start += size
    return chunks


def _run_chunk(jobs: list[Job]) -> list[Row]:
    return [run_job(job) for job in jobs]


def _warm_up(kinds: set[str]) -> None:
    """Import what the workers need and render a one-line document with the batch's fonts, so that
    every per-process cache (fonts, templates) is filled once, before the workers are forked."""
    from . import api  # noqa: F401  (the reader, the checks)
    from .blocks import Document, Paragraph

    tiny = Document(blocks=(Paragraph("预热"),), title="预热", author="govreport", date="2024-01-01")
    if "docx" in kinds:
        from .render.docx import docx_bytes

        docx_bytes(tiny)
    if "pdf" in kinds:
        from .render.pdf import pdf_bytes

        pdf_bytes(tiny, _fonts())  # type: ignore[arg-type]


def _commit_outputs(rows: list[Row], protected: Collection[str] = ()) -> list[Row]:
    by_stem: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        if row.pending and row.stem:
            by_stem[(identity(Path(row.pending[0][1]).parent), row.stem)].append(i)
    out = list(rows)
    for indexes in by_stem.values():
        if len(indexes) > 1:
            names = shorten_list([rows[i].result.path for i in indexes])
            message = f"同一机关同一年度有多个工作簿（{names}），为避免相互覆盖，均未生成"
            for i in indexes:
                discard(rows[i].pending)
                out[i] = with_error(rows[i], "duplicate-report", message, "重复")
            continue
        row = rows[indexes[0]]
        problem = put_in_place(row.pending, protected)
        if problem is not None:
            out[indexes[0]] = with_error(row, "build-failed", problem, "无法生成")
        else:
            out[indexes[0]] = replace(row, outputs=tuple(final for _, final in row.pending), pending=())
    return out


class Progress:
    """A one-line progress bar on a terminal, plain lines otherwise (logs, CI).

    A built file's outputs are renamed into place only at the end, once no other workbook claims the
    same name: until then its line says 待写入, never that it is done; a second workbook of the same
    body and year is named 重复 as soon as it is seen."""

    def __init__(self, stream: object = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.claimed: dict[tuple[str, str], str] = {}  # (output directory, name) -> first workbook

    def __call__(self, done: int, total: int, row: Row) -> None:
        name = Path(row.result.path).name
        if self.tty:
            width = 30
            filled = width * done // total
            bar = "█" * filled + "░" * (width - filled)
            end = "\n" if done == total else ""
            self.stream.write(f"\r{bar} {done}/{total} {name[:40]:<40}{end}")  # type: ignore[attr-defined]
        else:
            self.stream.write(f"[{done}/{total}] {name}：{self._status(row)}\n")  # type: ignore[attr-defined]
        self.stream.flush()  # type: ignore[attr-defined]

    def _status(self, row: Row) -> str:
        if not row.pending or not row.stem:
            return row.status
        key = (str(Path(row.pending[0][1]).parent), row.stem)
        first = self.claimed.setdefault(key, row.result.path)
        if first != row.result.path:
            return f"重复：与 {Path(first).name} 同一机关同一年度，均不生成"
        return "待写入（全部完成后写入）"
