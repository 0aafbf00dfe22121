"""Opening a workbook file, with one Chinese line naming the file for everything that is not a
readable .xlsx: missing, empty, another format renamed, a damaged zip, a password, an XML bomb."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import WorkbookError

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD = "WordDocument".encode("utf-16-le")
_PPT = "PowerPoint Document".encode("utf-16-le")
BOMB = "{path}：工作簿含有不安全的XML内容（DTD实体定义，可能是“XML炸弹”），已拒绝读取"


def open_workbook(path: Path, *, data_only: bool = False) -> Workbook:
    """The workbook in openpyxl's read-only mode (close it when done)."""
    from openpyxl import load_workbook  # only the fallback reader needs openpyxl (slow to import)

    check_file(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds for damaged parts
        raise WorkbookError(load_failure(path, exc)) from None


def check_file(path: Path) -> None:
    """Raise WorkbookError unless ``path`` looks like a readable .xlsx (a zip with a workbook part
    and no DTD in any XML part)."""
    check_head(path)
    _check_zip(path)


def check_head(path: Path) -> None:
    """Raise WorkbookError unless ``path`` is a file that starts like a zip (as an .xlsx does): the
    quick look before the fast reader, which refuses a DTD in every part it parses by itself."""
    if not path.exists():
        raise WorkbookError(f"{path}：文件不存在")
    if path.is_dir():
        raise WorkbookError(f"{path}：这是一个文件夹，不是Excel工作簿")
    if not path.is_file():  # a FIFO, a socket or a device: opening it could wait for ever
        raise WorkbookError(f"{path}：这不是普通文件（可能是管道或设备），已跳过")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head.startswith(_OLE):
                body = head + fh.read(4 * 1024 * 1024)
                raise WorkbookError(_ole_message(path, body))
    except OSError as exc:
        raise WorkbookError(f"{path}：无法读取文件（{exc.strerror or exc}）") from None
    if not head:
        raise WorkbookError(f"{path}：文件为空（0字节），不是有效的Excel工作簿")
    if not head.startswith(_ZIP):
        raise WorkbookError(f"{path}：{_not_zip(head, path)}")


def _ole_message(path: Path, body: bytes) -> str:
    if _ENCRYPTED in body:
        return f"{path}：工作簿设置了打开密码（已加密），请在Excel中取消密码后另存为.xlsx再试"
    if _WORD in body:
        return f"{path}：这是Word 97-2003文档（.doc），不是Excel工作簿"
    if _PPT in body:
        return f"{path}：这是PowerPoint文件，不是Excel工作簿"
    if path.suffix.lower() in (".et", ".ett"):
        return f"{path}：这是WPS表格文件（.et），请在WPS中“另存为”Excel工作簿（.xlsx）后再试"
    return f"{path}：这是旧版Excel 97-2003格式（.xls）或其他旧版Office文件，请在Excel/WPS中另存为.xlsx后再试"


def _not_zip(head: bytes, path: Path) -> str:
    with path.open("rb") as fh:
        sample = fh.read(4096)
    if sample.startswith(b"%PDF"):
        return "这是PDF文件，不是Excel工作簿"
    if sample.lstrip().lower().startswith((b"<html", b"<!doctype", b"<?xml", b"<table")):
        return "这是网页或XML文件（可能是由其他系统导出后改了扩展名），请在Excel中另存为.xlsx"
    for encoding in ("utf-8", "gb18030"):
        try:
            sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        kind = "CSV文本文件" if b"," in sample or b"\t" in sample else "文本文件"
        return f"这是{kind}，不是Excel工作簿，请在Excel中打开后另存为.xlsx"
    return "不是Excel工作簿（.xlsx）文件"


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" in names:
                _check_no_dtd(path, zf)
                return
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise WorkbookError(f"{path}：文件已损坏（不是完整的.xlsx压缩包），请重新保存或重新下载") from None
    if "xl/workbook.bin" in names:
        raise WorkbookError(
            f"{path}：这是Excel二进制工作簿（.xlsb），请在Excel中“另存为”Excel工作簿（.xlsx）后再试"
        )
    if "Index/Document.iwa" in names:
        raise WorkbookError(f"{path}：这是Numbers表格文件，请在Numbers中导出为Excel（.xlsx）后再试")
    if "word/document.xml" in names:
        raise WorkbookError(f"{path}：这是Word文档（.docx），不是Excel工作簿")
    if "ppt/presentation.xml" in names:
        raise WorkbookError(f"{path}：这是PowerPoint文件（.pptx），不是Excel工作簿")
    if "content.xml" in names:
        raise WorkbookError(f"{path}：这是OpenDocument文件（.ods/.odt），请在LibreOffice/WPS中另存为.xlsx")
    raise WorkbookError(f"{path}：这是一个压缩包，但不是Excel工作簿（.xlsx）")


def _check_no_dtd(path: Path, zf: zipfile.ZipFile) -> None:
    """A genuine workbook's XML parts never declare a DTD; one that does may be an entity-expansion
    bomb ("billion laughs"). Refuse it whichever part carries it."""
    for info in zf.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with zf.open(info) as fh:
            head = fh.read(2048)
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise WorkbookError(BOMB.format(path=path))


def load_failure(path: Path, exc: Exception) -> str:
    """The message for an exception openpyxl raised while loading or parsing ``path``."""
    name = type(exc).__name__
    module = type(exc).__module__
    if module.startswith("defusedxml") or "Entit" in name or "DTD" in name:
        return BOMB.format(path=path)
    if isinstance(exc, zipfile.BadZipFile | EOFError | zipfile.LargeZipFile):
        return f"{path}：文件已损坏（压缩包内容不完整），请重新保存或重新下载"
    return f"{path}：无法读取工作簿，文件可能已损坏或不是Excel生成的.xlsx（{name}）"
