"""The batch summary: a table on the console, and JSON / CSV / XLSX for the office's records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .batch import REFUSED, Row
from .files import write_bytes
from .findings_format.result import title_of
from .terminal import clip, display_width

COLUMNS = ("文件", "机关", "年度", "状态", "错误", "警告", "输出", "说明")
CONSOLE_COLUMNS = ("文件", "状态", "错误/警告", "说明")
CONSOLE_WIDTH = 80


def records(rows: list[Row]) -> list[dict[str, object]]:
    return [
        {
            "文件": row.result.path,
            "机关": row.result.name or "",
            "年度": row.result.year or "",
            "状态": row.status,
            "错误": row.errors,
            "警告": row.warnings,
            "输出": "；".join(row.outputs),
            "说明": note(row),
        }
        for row in rows
    ]


def note(row: Row) -> str:
    """Why a workbook has no outputs: unreadable, a build failure, a duplicate, or the first error that
    made the build refuse it (all the rule errors are in the check output)."""
    if row.result.error:
        return row.result.error
    failures = [f.message for f in row.result.findings if f.type in ("build-failed", "duplicate-report")]
    if failures:
        return "；".join(failures)
    if row.status == REFUSED and row.result.errors:
        return _first_error(row)
    return ""


def _first_error(row: Row) -> str:
    first = row.result.errors[0]
    where = f"{first.sheet}!{first.cell}" if first.sheet and first.cell else first.sheet or ""
    more = f" 等{row.errors}个错误" if row.errors > 1 else ""
    return " ".join(p for p in (first.rule, where, title_of(first)) if p) + more


def _short_note(row: Row, names: dict[str, list[str]]) -> str:
    """The reason in a few words for the console: duplicates name the other file(s)."""
    if any(f.type == "duplicate-report" for f in row.result.findings):
        others = [n for n in names.get(row.stem or "", []) if n != row.result.path]
        return "与 " + "、".join(Path(n).name for n in others) + " 同一机关同一年度" if others else "重复"
    return note(row)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def to_table(rows: list[Row], summary: Path | None = None) -> str:
    """A table that fits an 80-column terminal (Chinese characters count two columns): file, status,
    counts and why a file was not built; the full details go to the --summary file (``summary`` when
    it has been written)."""
    names: dict[str, list[str]] = {}
    for row in rows:
        if row.stem:
            names.setdefault(row.stem, []).append(row.result.path)
    data = [
        [Path(r.result.path).name, r.status, f"{r.errors}/{r.warnings}", _short_note(r, names)] for r in rows
    ]
    widths = [max(display_width(x) for x in col) for col in zip(CONSOLE_COLUMNS, *data, strict=False)]
    widths[0] = min(widths[0], 22)
    widths[1] = min(widths[1], 14)
    widths[3] = max(CONSOLE_WIDTH - sum(widths[:3]) - 2 * 3, 10)
    lines = [_line(CONSOLE_COLUMNS, widths), "  ".join("-" * w for w in widths)]
    lines += [_line(d, widths) for d in data]
    ok = sum(1 for r in rows if not r.errors)
    lines.append(f"共 {len(rows)} 个工作簿：{ok} 个无错误，{len(rows) - ok} 个有错误或无法处理。")
    if any(d[3] for d in data):
        where = f"已写入 {summary}" if summary else "用 --summary 写出"
        lines.append(f"全部问题见 govreport check；完整汇总表（含机关、输出文件）{where}。")
    return "\n".join(lines)


def _line(cells: list[str] | tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(_pad(clip(c, w), w) for c, w in zip(cells, widths, strict=True)).rstrip()


_LIVE = ("=", "+", "-", "@", "\t", "\r")  # what makes Excel read a CSV field as a formula


def inert(value: object) -> object:
    """A CSV field Excel shows as the text it is: text that would start a formula gets a leading
    apostrophe (Excel's own mark for "this is text")."""
    if isinstance(value, str) and value.startswith(_LIVE):
        return "'" + value
    return value


def write_summary(rows: list[Row], path: str | Path) -> Path:
    """Write the summary as .json, .csv (UTF-8 with BOM, so Excel opens it) or .xlsx, atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".json":
        payload = json.dumps(records(rows), ensure_ascii=False, indent=2).encode("utf-8")
    elif suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({k: inert(v) for k, v in record.items()} for record in records(rows))
        payload = buffer.getvalue().encode("utf-8-sig")
    elif suffix == ".xlsx":
        payload = _xlsx(rows)
    else:
        raise ValueError(f"汇总文件只支持 .json、.csv、.xlsx：{target}")
    return write_bytes(target, payload)


def _xlsx(rows: list[Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    header = list(COLUMNS)
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for record in records(rows):
        ws.append([record[c] for c in header])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # text from a workbook (=HYPERLINK(…) as 机关名称) stays text
                cell.data_type = "s"
    for letter, width in zip("ABCDEFGH", (40, 30, 8, 16, 6, 6, 60, 50), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
