"""Opening a published report by its suffix, with one Chinese line for a file that cannot be read."""

from __future__ import annotations

from pathlib import Path

from ..model import WorkbookError
from .source import Source

SUFFIXES = (".pdf", ".docx", ".html", ".htm")
MAX_BYTES = 50 * 1024 * 1024  # a published report is a few MB at most
_KINDS = {".pdf": "PDF", ".docx": "Word（.docx）", ".html": "网页（HTML）", ".htm": "网页（HTML）"}


def is_published(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def load_source(path: Path) -> Source:
    suffix = path.suffix.lower()
    kind = _KINDS.get(suffix, suffix)
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
    try:
        if suffix == ".pdf":
            from .pdf import read_pdf

            return read_pdf(path, data)
        if suffix == ".docx":
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
