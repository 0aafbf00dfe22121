"""Facts worked out once and kept between runs in the user's cache folder.

``$XDG_CACHE_HOME/govreport/<area>`` (else ``~/.cache/govreport/<area>``): parsed font metrics and font
names (``fonts``), the prepared Word package (``docx``). An entry's name is a hash of everything its
content depends on, so a changed input simply gets a new entry; values are plain data stored with
:mod:`marshal`. Every problem (no home folder, a read-only or full disk, a damaged entry) means "not
cached": the caller works the value out again and nothing fails.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

CACHE_VERSION = 2  # part of every key: raising it retires every entry written before


def cache_dir(area: str) -> Path | None:
    """The folder of one area of the cache, or None without a home folder."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not base:
        home = os.environ.get("HOME") or os.environ.get("USERPROFILE") or ""
        if not home:
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "govreport" / area


def cache_entry(area: str, kind: str, key: tuple[object, ...]) -> Path | None:
    """The cache file for ``key``, which must name everything the value depends on (a font file's
    size and modification time, a library's version …); Python's version is added here."""
    folder = cache_dir(area)
    if folder is None:
        return None
    text = repr((CACHE_VERSION, kind, key, sys.version))
    return folder / f"{kind}-{hashlib.sha256(text.encode()).hexdigest()[:32]}.marshal"


def load_cached(entry: Path | None) -> object | None:
    """What :func:`store_cached` put there, or None (no entry, unreadable, damaged)."""
    if entry is None:
        return None
    try:
        return marshal.loads(entry.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store_cached(entry: Path | None, value: object) -> None:
    """Write ``value`` (plain data that :mod:`marshal` can store) atomically; failures are ignored."""
    if entry is None:
        return
    with contextlib.suppress(OSError, ValueError):
        data = marshal.dumps(value)
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, entry)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
