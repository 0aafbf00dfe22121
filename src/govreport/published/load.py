"""Opening a published report, by what its bytes are (a PDF, a Word .docx, a web page) or else by its
suffix, with one Chinese line for a file that cannot be read."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..model import WorkbookError
from .source import Source

# suffixes read as published reports; the older formats only to say what to do with them
SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".shtml", ".xhtml", ".doc", ".wps", ".ofd")
MAX_BYTES = 50 * 1024 * 1024  # a published report is a few MB at most
_BY_SUFFIX = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
}
_NAMES = {"pdf": "PDF", "docx": "Word（.docx）", "html": "网页（HTML）"}
_OLD = {
    ".doc": "Word 97-2003文档（.doc），请在Word或WPS中另存为.docx后再检查",
    ".wps": "WPS文字文档（.wps），请在WPS中另存为.docx后再检查",
    ".ofd": "OFD版式文件，govreport 读不了，请提供PDF或.docx",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_published(path: str | Path) -> bool:
    """A report in a published format by its suffix, or, for a name without a known suffix, by its
    first bytes (a workbook's .xlsx never is)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return True
    if suffix in (".xlsx", ".xlsm", ".xls", ".csv") or not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            return sniff(fh.read(512), path) in ("pdf", "docx", "html")
    except OSError:
        return False


def sniff(head: bytes, path: Path) -> str | None:
    """What the first bytes say the file is: "pdf", "docx", "html", "old" (an OLE file), or None."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(_OLE):
        return "old"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else None
        except (zipfile.BadZipFile, OSError):
            return None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if text.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta")) else None


def load_source(path: Path) -> Source:
    suffix = path.suffix.lower()
    kind = _NAMES.get(_BY_SUFFIX.get(suffix, ""), suffix)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise WorkbookError(f"{path}：文件不存在") from None
    except OSError as exc:
        raise WorkbookError(f"{path}：无法打开文件（{exc.strerror or exc}）") from None
    if path.is_dir():
        raise WorkbookError(f"{path}：这是一个文件夹，不是{kind}文件")
    if size > MAX_BYTES:
        raise WorkbookError(
            f"{path}：文件有 {size // (1024 * 1024)} MB，超过 {MAX_BYTES // (1024 * 1024)} MB，不像一份年度报告"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookError(f"{path}：无法读取文件（{exc.strerror or exc}）") from None
    if not data:
        raise WorkbookError(f"{path}：文件为空（0字节）")
    found = sniff(data[:512], path) or _BY_SUFFIX.get(suffix)
    if found == "old" or (found is None and suffix in _OLD):
        raise WorkbookError(
            f"{path}：这是{_OLD.get(suffix, 'Word 97-2003等旧版Office文件，请另存为.docx后再检查')}"
        )
    if found is None:
        raise WorkbookError(f"{path}：不是PDF、Word（.docx）或网页文件，无法读取")
    kind = _NAMES[found]
    try:
        if found == "pdf":
            from .pdf import read_pdf

            return read_pdf(path, data)
        if found == "docx":
            from .docx import read_docx

            return read_docx(path, data)
        from .html import read_html

        return read_html(path, data)
    except WorkbookError:
        raise
    except RecursionError:
        raise WorkbookError(f"{path}：{kind}文件结构嵌套过深，无法读取") from None
    except Exception as exc:  # any parser's failure on a damaged, encrypted or mislabelled file
        if _encrypted(exc):
            raise WorkbookError(f"{path}：PDF设有密码或已加密，无法读取；请提供未加密的文件") from None
        raise WorkbookError(f"{path}：无法读取{kind}文件（文件已损坏，或扩展名与内容不符）") from None


_ENCRYPTION = ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning")


def _encrypted(exc: BaseException) -> bool:
    """A failure caused by encryption somewhere in its chain (pdfplumber wraps pdfminer's errors)."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if type(seen).__name__ in _ENCRYPTION:
            return True
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = seen.__cause__ or seen.__context__ or inner
    return False
