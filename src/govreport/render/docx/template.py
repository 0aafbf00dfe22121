"""The Word package every report starts from, prepared once and kept between runs.

:mod:`.package` builds it with python-docx (importing python-docx and building take ~70 ms, more
than writing a report); the result is kept in the user's cache folder (:mod:`govreport.cache`, area
``docx``) under a key made of the source of every module that shapes it and the installed python-docx, so
a change to either builds it afresh. Without a usable cache it is simply built.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
from pathlib import Path

from ...cache import cache_entry, load_cached, store_cached
from .skeleton import Template

# The modules whose code decides the package's bytes (relative to this folder).
_SOURCES = ("package.py", "template.py", "skeleton.py", "styles.py", "xml.py", "../palette.py")


@functools.cache
def template(draft: bool, page_numbers: str = "outer") -> Template:
    """The prepared package (with a header holding ``DRAFT_TOKEN`` when ``draft``; page numbers at the
    outer edges or centred), built once."""
    entry = _entry(draft, page_numbers)
    stored = load_cached(entry)
    if isinstance(stored, tuple) and len(stored) == 3:
        members, head, tail = stored
        return Template(tuple((name, data) for name, data in members), head, tail)
    from .package import build_template

    built = build_template(draft, page_numbers)
    store_cached(entry, (built.members, built.document_head, built.document_tail))
    return built


def _entry(draft: bool, page_numbers: str = "outer") -> Path | None:
    try:
        here = Path(__file__).parent
        sources = hashlib.sha256(b"".join((here / name).read_bytes() for name in _SOURCES)).hexdigest()
        spec = importlib.util.find_spec("docx")  # where python-docx is, without importing it
        folder = Path(spec.submodule_search_locations[0])  # type: ignore[union-attr, index]
        default = os.stat(folder / "templates" / "default.docx")
        package = os.stat(folder / "__init__.py")
    except (OSError, TypeError, AttributeError, ImportError):
        return None
    library = (str(folder), default.st_size, default.st_mtime_ns, package.st_size, package.st_mtime_ns)
    return cache_entry("docx", "template", (draft, page_numbers, sources, library))
