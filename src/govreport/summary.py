"""The batch summary: a table on the console, and JSON / CSV / XLSX for the office's records."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

from .batch import Row
from .files import write_bytes

COLUMNS = ("文件", "机关", "年度", "状态", "错误", "警告", "输出", "说明")


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
    """Why a workbook has no outputs: unreadable, a build failure, a duplicate (the rule errors
    themselves are in the check output)."""
    if row.result.error:
        return row.result.error
    return "；".join(f.message for f in row.result.findings if f.type in ("build-failed", "duplicate-report"))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def to_table(rows: list[Row]) -> str:
    """A fixed-width table that lines up in a terminal with Chinese characters (counted two columns)."""
    data = [[str(r[c]) for c in COLUMNS] for r in records(rows)]
    data = [
        [Path(d[0]).name, *d[1:6], "，".join(Path(p).name for p in d[6].split("；") if p), d[7]] for d in data
    ]
    widths = [max(_width(x) for x in col) for col in zip(COLUMNS, *data, strict=False)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(COLUMNS, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(d, widths, strict=True)).rstrip() for d in data]
    ok = sum(1 for r in rows if not r.errors)
    lines.append(f"共 {len(rows)} 个工作簿：{ok} 个无错误，{len(rows) - ok} 个有错误或无法处理。")
    return "\n".join(lines)


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
        writer.writerows(records(rows))
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
    for letter, width in zip("ABCDEFGH", (40, 30, 8, 16, 6, 6, 60, 50), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
