"""Published reports (.docx, PDF, portal pages) read into the same Report as a workbook: ``check``
them, take them as last year's report, or ``import`` them into a workbook in the template layout."""

from .load import SUFFIXES, is_published
from .reader import read_published

__all__ = ["SUFFIXES", "is_published", "read_published"]
