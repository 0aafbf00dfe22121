"""The list of bodies that should report (``--expect``): a text file with one name a line, or a
workbook whose first sheet lists them in its first column."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..model import WorkbookError
from ..text import clean_text
from .errors import RollupError

MAX_BYTES = 1 << 20  # a list of every body of a province is a few tens of kilobytes
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A first cell that is a column header, not a body.
_HEADERS = {"机关", "机关名称", "单位", "单位名称", "名称", "应报机关", "应报单位", "序号"}


def read_expected(path: str | Path) -> list[str]:
    """The names, in order, without blanks and headers; RollupError (Chinese, naming the file) when
    the list cannot be read or holds no name."""
    path = Path(path)
    if not path.is_file():
        raise RollupError(f"{path}：应报名单文件不存在")
    names = _from_workbook(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _from_text(path)
    names = [n for n in (clean_text(n).strip() for n in names) if n]
    if names and names[0] in _HEADERS:
        names = names[1:]
    if not names:
        raise RollupError(f"{path}：应报名单中没有机关名称（每行一个，或工作簿第一列）")
    return names


def _from_text(path: Path) -> list[str]:
    """One name a line (a CSV's or tab-separated file's first column); UTF-8, UTF-16 with its mark,
    or GBK/GB18030 as Notepad on Chinese Windows saves it."""
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        raise RollupError(f"{path}：无法读取应报名单（{exc.strerror or exc}）") from None
    if data is None:
        raise RollupError(f"{path}：应报名单文件过大（超过 1 MB），不像是机关名单")
    encodings = ("utf-16",) if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else ()
    for encoding in (*encodings, "utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text):  # a binary file that happens to decode
            break
        return [line.split(",")[0].split("\t")[0] for line in text.splitlines()]
    raise RollupError(f"{path}：应报名单不是文本文件（应为每行一个机关名称的 .txt，或 .xlsx）")


def _from_workbook(path: Path) -> list[str]:
    from ..workbook.reader import load_sheets

    try:
        sheets = load_sheets(path)
    except WorkbookError as exc:
        raise RollupError(f"应报名单：{exc}") from None
    if not sheets:
        return []
    return [str(row[0]) for row in sheets[0].rows if row and row[0] is not None]
